// newsgraph annotate: analyse articles and write them to stdout (JSON Lines or CoNLL-U).
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "document/conll2003.h"
#include "document/conllu.h"
#include "document/jsonl.h"

namespace newsgraph::cli {
namespace {

struct AnnotateFlags {
  ReadFlags read;
  std::string format = "jsonl";
};

void PrintDocument(const document::Document& doc, const std::string& format) {
  if (format == "conllu") {
    std::cout << "# newdoc id = " << doc.id << "\n" << document::WriteConllu(doc);
  } else if (format == "conll2003") {
    std::cout << document::WriteConll2003(doc);
  } else {
    std::cout << document::ToJsonLine(doc) << "\n";
  }
}

int RunAnnotate(const AnnotateFlags& flags) {
  if (flags.format != "jsonl" && flags.format != "conllu" && flags.format != "conll2003") {
    return Fail(Status::InvalidArgument("--format must be jsonl, conllu or conll2003, not '" + flags.format + "'"));
  }
  auto run_options = MakeRunOptions(flags.read);
  if (!run_options.ok()) return Fail(run_options.status());
  auto pipeline_options = MakePipelineOptions(flags.read);
  if (!pipeline_options.ok()) return Fail(pipeline_options.status());
  auto pipeline = pipeline::Pipeline::Create(*pipeline_options);
  if (!pipeline.ok()) return Fail(pipeline.status());

  std::ios::sync_with_stdio(false);
  Progress progress("annotate", flags.read.quiet);
  pipeline::RunSummary summary;
  auto sink = [&](std::vector<document::Document>& batch) {
    for (const document::Document& doc : batch) {
      for (const std::string& note : doc.notes) progress.Warn(doc.origin, note);
      if (doc.skipped) progress.Warn(doc.origin, "skipped: " + doc.skip_reason);
      PrintDocument(doc, flags.format);
    }
    std::cout.flush();
    if (!std::cout) return Status::IoError("cannot write to standard output");
    return Status::Ok();
  };
  Status status = pipeline::Run(
      flags.read.inputs, **pipeline, *run_options, sink, [&](const std::string& m) { progress.Report(m); },
      [&](const pipeline::RunSummary& s) { progress.Update(s); }, summary);
  progress.Finish();
  std::fprintf(stderr, "newsgraph annotate: %s documents (%zu skipped), %s sentences, %s tokens in %.2f s; %zu rejected\n",
               WithCommas(summary.documents).c_str(), summary.skipped, WithCommas(summary.sentences).c_str(),
               WithCommas(summary.tokens).c_str(), summary.seconds, summary.rejected);
  if (!status.ok()) return Fail(status);
  return summary.rejected > 0 ? 1 : 0;
}

}  // namespace

CommandRun AddAnnotateCommand(CLI::App& app) {
  auto flags = std::make_shared<AnnotateFlags>();
  CLI::App* cmd = app.add_subcommand("annotate", "Analyse articles and print them as JSON Lines (or CoNLL-U) on stdout");
  AddReadFlags(*cmd, flags->read);
  cmd->add_option("--format", flags->format, "Output format: jsonl, conllu (tokens, tags, parse), conll2003 (input columns + BIO entity column)")->capture_default_str();
  return [flags] { return RunAnnotate(*flags); };
}

}  // namespace newsgraph::cli
