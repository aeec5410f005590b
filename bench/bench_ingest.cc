// bench_ingest: throughput of read + normalize + segment (+ store) on a news corpus.
//
//   build/bench/bench_ingest [--input FILE.jsonl] [--db FILE] [--threads N] [--until segment|tag|parse]
//
// Default input: ../shared/data/news-bench/reuters21578/reuters21578_articles.jsonl.
// Prints articles/s and MB/s for two workloads on one thread by default:
//   read+normalize+segment   (documents are dropped after analysis)
//   read+normalize+segment+store (into a fresh SQLite file)
// and the peak RSS after each quarter of the input, to show memory stays flat.
#include <sys/resource.h>

#include <chrono>
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
  std::string db = "/tmp/newsgraph_bench_ingest.db";
  std::string until = "segment";
  int threads = 1;
};

Args ParseArgs(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--input") args.input = argv[i + 1];
    else if (flag == "--db") args.db = argv[i + 1];
    else if (flag == "--threads") args.threads = std::stoi(argv[i + 1]);
    else if (flag == "--until") args.until = argv[i + 1];
  }
  return args;
}

int RunWorkload(const char* name, const Args& args, const pl::Pipeline& pipeline, newsgraph::store::Store* db) {
  pl::RunOptions options;
  options.threads = args.threads;
  options.read.detect_language = true;
  pl::RunSummary summary;
  uint64_t next_report = 0;
  auto sink = [&](std::vector<newsgraph::document::Document>& batch) -> Status {
    if (db != nullptr) {
      std::vector<const newsgraph::document::Document*> docs;
      for (const auto& d : batch) docs.push_back(&d);
      auto added = db->AddDocuments(docs);
      if (!added.ok()) return added.status();
    }
    return Status::Ok();
  };
  auto progress = [&](const pl::RunSummary& s) {
    if (s.bytes_total > 0 && s.bytes_done >= next_report) {
      std::printf("  %-36s %5.1f%% of input, peak RSS %ld KB\n", name, 100.0 * s.bytes_done / s.bytes_total, PeakRssKb());
      next_report += s.bytes_total / 4;
    }
  };
  size_t problems = 0;
  double cpu_start = CpuSeconds();
  Status status = pl::Run({args.input}, pipeline, options, sink, [&](const std::string&) { ++problems; }, progress, summary);
  if (!status.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", status.ToString().c_str());
    return 1;
  }
  double mb = summary.bytes_total / 1e6;
  double cpu = CpuSeconds() - cpu_start;
  std::printf("%-30s %zu articles, %.1f MB, %zu tokens; wall %.2f s (%.1f MB/s); CPU %.2f s: %.0f articles/s, "
              "%.1f MB/s, %.0f tokens/s per CPU second; %zu rejected; peak RSS %ld KB\n",
              name, summary.documents, mb, summary.tokens, summary.seconds, mb / summary.seconds, cpu,
              summary.documents / cpu, mb / cpu, summary.tokens / cpu, problems, PeakRssKb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = ParseArgs(argc, argv);
  if (!std::filesystem::exists(args.input)) {
    std::printf("bench_ingest: skipped: %s not found (the news-bench corpus lives in ../shared/data)\n",
                args.input.c_str());
    return 0;
  }
  pl::PipelineOptions popts;
  auto stage = pl::ParseStage(args.until);
  if (!stage.ok()) return 1;
  popts.until = *stage;
  auto pipeline = pl::Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  std::printf("bench_ingest: %s, %d thread(s), until=%s\n", args.input.c_str(), args.threads, args.until.c_str());
  if (RunWorkload("read+normalize+segment", args, **pipeline, nullptr) != 0) return 1;
  std::filesystem::remove(args.db);
  std::filesystem::remove(args.db + "-wal");
  std::filesystem::remove(args.db + "-shm");
  auto db = newsgraph::store::Store::Open(args.db);
  if (!db.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", db.status().ToString().c_str());
    return 1;
  }
  return RunWorkload("read+normalize+segment+store", args, **pipeline, db->get());
}
