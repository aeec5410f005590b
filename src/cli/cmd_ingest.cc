// newsgraph ingest: analyse articles and store them in a SQLite database.
#include <cstdio>

#include "cli/commands.h"
#include "cli/progress.h"
#include "base/checksum.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct IngestFlags {
  ReadFlags read;
  std::string db = "newsgraph.db";
};

struct IngestCounts {
  size_t added = 0;
  size_t duplicates = 0;
  size_t failed = 0;  // documents the store refused
};

void CountResult(const document::Document& doc, const store::AddResult& result, Progress& progress,
                 IngestCounts& counts) {
  if (result.outcome == store::AddOutcome::kDuplicate) {
    ++counts.duplicates;
    progress.Warn(doc.origin, "already stored as " + result.duplicate_of + " (no-op)", "duplicate");
    return;
  }
  ++counts.added;
  if (!result.renamed_from.empty()) {
    progress.Warn(doc.origin, "id '" + result.renamed_from + "' is taken by another article; stored as '" +
                                  result.doc_id + "'",
                  "renamed");
  }
}

// One transaction per batch; if the store refuses the batch, each document is
// retried alone so one bad document costs only itself.
Status StoreBatch(store::Store& db, std::vector<document::Document>& batch, Progress& progress, IngestCounts& counts) {
  std::vector<const document::Document*> docs;
  for (const document::Document& doc : batch) {
    for (const std::string& note : doc.notes) progress.Warn(doc.origin, note);
    if (doc.skipped) progress.Warn(doc.origin, "stored but not analysed: " + doc.skip_reason);
    docs.push_back(&doc);
  }
  auto results = db.AddDocuments(docs);
  if (results.ok()) {
    for (size_t i = 0; i < results->size(); ++i) CountResult(batch[i], (*results)[i], progress, counts);
    return Status::Ok();
  }
  for (const document::Document& doc : batch) {
    auto one = db.AddDocuments({&doc});
    if (one.ok()) {
      CountResult(doc, (*one)[0], progress, counts);
    } else {
      ++counts.failed;
      progress.Report(doc.origin + ": not stored: " + one.status().message());
    }
  }
  return Status::Ok();
}

void PrintSummary(const pipeline::RunSummary& s, const IngestCounts& counts, double seconds, store::Store& db) {
  uint64_t bytes = s.bytes_total > 0 ? s.bytes_total : s.text_bytes;
  double mb_per_s = seconds > 0 ? bytes / 1e6 / seconds : 0;
  std::printf("newsgraph ingest: %zu inputs, %s articles read in %.2f s (%.1f MB/s)\n", s.inputs_total,
              WithCommas(s.documents).c_str(), seconds, mb_per_s);
  std::printf("  stored %s new, %s already stored (no-op), %zu not analysed (language), %zu rejected\n",
              WithCommas(counts.added).c_str(), WithCommas(counts.duplicates).c_str(), s.skipped,
              s.rejected + counts.failed);
  std::printf("  analysed %s sentences, %s tokens\n", WithCommas(s.sentences).c_str(), WithCommas(s.tokens).c_str());
  auto stats = db.GetStats();
  if (stats.ok()) std::printf("%s", store::FormatStats(*stats).c_str());
}

int RunIngest(const IngestFlags& flags) {
  auto run_options = MakeRunOptions(flags.read);
  if (!run_options.ok()) return Fail(run_options.status());
  auto pipeline_options = MakePipelineOptions(flags.read);
  if (!pipeline_options.ok()) return Fail(pipeline_options.status());
  auto pipeline = pipeline::Pipeline::Create(*pipeline_options);
  if (!pipeline.ok()) return Fail(pipeline.status());
  auto db = store::Store::Open(flags.db);
  if (!db.ok()) return Fail(db.status());

  Progress progress("ingest", flags.read.quiet);
  pipeline::RunSummary summary;
  IngestCounts counts;
  // Articles already in the store are not analysed again (a re-run after a crash is
  // quick). The lookups run on the reading thread while the sink thread writes, so
  // they use a second, read-only connection (WAL lets it read during writes).
  store::StoreOptions lookup_options;
  lookup_options.read_only = true;
  auto lookup = store::Store::Open(flags.db, lookup_options);
  if (!lookup.ok()) return Fail(lookup.status());
  run_options->already_done = [&](const document::Document& doc) {
    auto found = (*lookup)->FindByContentHash(base::ContentHash(doc.text));
    return found.ok() && found->has_value();
  };
  auto sink = [&](std::vector<document::Document>& batch) { return StoreBatch(**db, batch, progress, counts); };
  Status status = pipeline::Run(
      flags.read.inputs, **pipeline, *run_options, sink, [&](const std::string& m) { progress.Report(m); },
      [&](const pipeline::RunSummary& s) { progress.Update(s); }, summary);
  progress.Finish();
  PrintSummary(summary, counts, summary.seconds, **db);
  if (!status.ok()) return Fail(status);
  return summary.rejected + counts.failed > 0 ? 1 : 0;
}

}  // namespace

CommandRun AddIngestCommand(CLI::App& app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand("ingest", "Analyse articles and store them in a SQLite database");
  cmd->add_option("--db", flags->db, "Database file (created if missing)")->capture_default_str();
  AddReadFlags(*cmd, flags->read);
  return [flags] { return RunIngest(*flags); };
}

}  // namespace newsgraph::cli
