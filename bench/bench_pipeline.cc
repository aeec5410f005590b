// bench_pipeline: the full pipeline on a news corpus — read, clean, segment, tag,
// parse, entities, quotes, events — and the store (events merged across articles).
//
//   build/bench/bench_pipeline [--input FILE.jsonl] [--db FILE] [--threads N]
//
// Default input: ../shared/data/news-bench/reuters21578/reuters21578_articles.jsonl.
// Prints words (non-punctuation tokens) per CPU second — words/s per core — and per
// wall second, peak RSS, and what the event layer made of the corpus: mentions,
// merged events, the dedup ratio (mentions merged / events) and the top CAMEO roots.
// For the full code distribution: build/tools/eval/eval_events --db FILE.
#include <sqlite3.h>
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "bench_common.h"
#include "pipeline/pipeline.h"
#include "pipeline/runner.h"
#include "store/store.h"

namespace {

using newsgraph::bench::CpuSeconds;
using newsgraph::bench::PeakRssKb;

using newsgraph::Status;
namespace pl = newsgraph::pipeline;

struct Args {
  std::string input = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/news-bench/reuters21578/reuters21578_articles.jsonl";
  std::string db = "/tmp/newsgraph_bench_pipeline.db";
  int threads = 1;
};

void PrintQuery(sqlite3* db, const char* title, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return;
  std::printf("%s", title);
  while (sqlite3_step(s) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      const unsigned char* v = sqlite3_column_text(s, i);
      std::printf(" %s", v ? reinterpret_cast<const char*>(v) : "");
    }
    std::printf(";");
  }
  std::printf("\n");
  sqlite3_finalize(s);
}

void PrintEventSummary(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return;
  PrintQuery(db, "event mentions (all, coded, merged), events, dedup ratio:",
             "SELECT COUNT(*), SUM(cameo <> ''), SUM(event_id IS NOT NULL), (SELECT COUNT(*) FROM events),"
             " printf('%.3f', SUM(event_id IS NOT NULL) * 1.0 / MAX(1, (SELECT COUNT(*) FROM events)))"
             " FROM event_mentions");
  PrintQuery(db, "top CAMEO roots (root mentions share):",
             "SELECT root, COUNT(*), printf('%.1f%%', 100.0 * COUNT(*) / (SELECT COUNT(*) FROM event_mentions"
             " WHERE cameo <> '')) FROM event_mentions WHERE cameo <> '' GROUP BY root ORDER BY 2 DESC LIMIT 8");
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--input") args.input = argv[i + 1];
    else if (flag == "--db") args.db = argv[i + 1];
    else if (flag == "--threads") args.threads = std::stoi(argv[i + 1]);
  }
  if (!std::filesystem::exists(args.input)) {
    std::printf("bench_pipeline: skipped: %s not found (the news-bench corpus lives in ../shared/data)\n",
                args.input.c_str());
    return 0;
  }
  auto pipeline = pl::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "bench_pipeline: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(args.db + suffix);
  auto db = newsgraph::store::Store::Open(args.db);
  if (!db.ok()) {
    std::fprintf(stderr, "bench_pipeline: %s\n", db.status().ToString().c_str());
    return 1;
  }
  std::printf("bench_pipeline: %s, %d thread(s), into %s\n", args.input.c_str(), args.threads, args.db.c_str());
  size_t words = 0, mentions = 0;
  auto sink = [&](std::vector<newsgraph::document::Document>& batch) -> Status {
    std::vector<const newsgraph::document::Document*> docs;
    for (const auto& d : batch) {
      docs.push_back(&d);
      for (const auto& t : d.tokens) words += t.upos != "PUNCT";
      mentions += d.events.size();
    }
    return (*db)->AddDocuments(docs).status();
  };
  pl::RunOptions options;
  options.threads = args.threads;
  pl::RunSummary summary;
  size_t problems = 0;
  double cpu_start = CpuSeconds();
  Status status = pl::Run({args.input}, **pipeline, options, sink, [&](const std::string&) { ++problems; },
                          [](const pl::RunSummary&) {}, summary);
  if (!status.ok()) {
    std::fprintf(stderr, "bench_pipeline: %s\n", status.ToString().c_str());
    return 1;
  }
  double cpu = CpuSeconds() - cpu_start;
  std::printf("ingest -> events -> store: %zu articles, %zu words, %zu event mentions; wall %.1f s, CPU %.1f s\n",
              summary.documents, words, mentions, summary.seconds, cpu);
  std::printf("  %.0f words/s per core (CPU second), %.0f words/s wall with %d thread(s); %zu rejected; peak RSS %ld KB\n",
              words / cpu, words / summary.seconds, args.threads, problems, PeakRssKb());
  db->reset();
  PrintEventSummary(args.db);
  return 0;
}
