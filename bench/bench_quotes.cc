// What finding quotes costs: FindQuotes alone, and the pipeline with and without it.
//   bench_quotes [FOLDER_OF_ARTICLES] [--max-docs N] [--min-seconds S]
// Default input: the PolNeAR dev texts (../shared/data/polnear/dev/text: quote-heavy
// US political news), read as plain text. Figures are tokens per CPU-second of this
// thread, so they hold on a shared machine.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "extract/quotes/quotes.h"
#include "pipeline/pipeline.h"

namespace ng = newsgraph;
using ng::document::Document;

namespace {

using newsgraph::bench::CountTokens;
using newsgraph::bench::ThreadCpuSeconds;

std::vector<Document> ReadFolder(const std::string& dir, size_t max_docs) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Document> docs;
  for (const auto& f : files) {
    if (docs.size() >= max_docs) break;
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Document d;
    d.id = f.filename().string();
    d.text = ss.str();
    docs.push_back(std::move(d));
  }
  return docs;
}

// Tokens/s of `work` over fresh copies of `docs`, repeated for at least min_seconds.
double Measure(const std::vector<Document>& docs, size_t tokens, double min_seconds,
               const std::function<void(Document&)>& work) {
  double secs = 0;
  size_t done = 0;
  do {
    std::vector<Document> copy = docs;
    double start = ThreadCpuSeconds();
    for (auto& d : copy) work(d);
    secs += ThreadCpuSeconds() - start;
    done += tokens;
  } while (secs < min_seconds);
  return done / secs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/polnear/dev/text";
  size_t max_docs = 200;
  double min_seconds = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--max-docs") && i + 1 < argc) {
      max_docs = std::stoul(argv[++i]);
    } else if (!std::strcmp(argv[i], "--min-seconds") && i + 1 < argc) {
      min_seconds = std::stod(argv[++i]);
    } else {
      dir = argv[i];
    }
  }
  std::vector<Document> raw = ReadFolder(dir, max_docs);
  if (raw.empty()) {
    std::fprintf(stderr, "bench_quotes: no articles in %s\n", dir.c_str());
    return 1;
  }
  ng::pipeline::PipelineOptions options;
  options.until = ng::pipeline::Stage::kEntities;
  auto before = ng::pipeline::Pipeline::Create(options);
  options.until = ng::pipeline::Stage::kQuotes;
  auto with = ng::pipeline::Pipeline::Create(options);
  if (!before.ok() || !with.ok()) {
    // Entity models unavailable: measure against the parse instead.
    std::fprintf(stderr, "note: %s; comparing with the pipeline up to the parse\n",
                 (before.ok() ? with.status() : before.status()).ToString().c_str());
    options.until = ng::pipeline::Stage::kParse;
    before = ng::pipeline::Pipeline::Create(options);
    if (!before.ok()) return 1;
    with = ng::pipeline::Pipeline::Create(options);
  }
  const ng::pipeline::Pipeline& p0 = **before;
  const ng::pipeline::Pipeline& p1 = **with;
  bool quotes_in_p1 = p1.until() >= ng::pipeline::Stage::kQuotes;

  // Documents analysed up to the stage before quotes, for FindQuotes alone.
  std::vector<Document> analysed = raw;
  for (auto& d : analysed) p0.Annotate(d);
  size_t tokens = CountTokens(analysed);
  size_t quotes = 0;
  {
    std::vector<Document> copy = analysed;
    for (auto& d : copy) {
      ng::extract::FindQuotes(d);
      quotes += d.quotes.size();
    }
  }
  double alone = Measure(analysed, tokens, min_seconds, [](Document& d) { ng::extract::FindQuotes(d); });
  double without = Measure(raw, tokens, min_seconds, [&](Document& d) { p0.Annotate(d); });
  double with_quotes = Measure(raw, tokens, min_seconds, [&](Document& d) {
    p1.Annotate(d);
    if (!quotes_in_p1) ng::extract::FindQuotes(d);
  });
  std::printf("input: %zu articles, %zu tokens, %zu quotes found (%s)\n", raw.size(), tokens, quotes, dir.c_str());
  std::printf("FindQuotes alone            %12.0f tokens/s\n", alone);
  std::printf("pipeline without quotes     %12.0f tokens/s\n", without);
  std::printf("pipeline with quotes        %12.0f tokens/s\n", with_quotes);
  std::printf("cost of quotes: %.1f%% of the pipeline time (from FindQuotes alone: %.1f%%)\n",
              100.0 * (without / with_quotes - 1), 100.0 * without / alone);
  return 0;
}
