// Throughput and memory of the statistical models on gold-tokenized CoNLL-U.
//   bench_models [file.conllu] [--threads N] [--min-seconds S] [--parser model.ngm] [--tagger model.ngm]
// Default input: ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu.
// Single-thread figures use the thread's CPU time (tokens per CPU-second on one core), so
// they hold on a busy machine; multi-thread figures are wall-clock throughput.
// Prints tokens/s for the tagger alone, the parser alone, tagger+lemmatizer+parser
// on one core (stage by stage over groups of ~8,000 tokens, as `newsgraph annotate`
// runs them, and document by document), the same with N threads sharing the models, the parser's UAS/LAS
// against the file's gold trees (with predicted tags when the tagger is there),
// (and LAS18, the CoNLL 2018 LAS on universal relations) and the peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench_common.h"
#include "base/file.h"
#include "document/conllu.h"
#include "models/parser.h"
#include "models/tagger.h"

namespace ng = newsgraph;
using ng::document::Document;

namespace {

using newsgraph::bench::CountTokens;
using newsgraph::bench::TokensPerSecond;

// Tokens per group that tagging and parsing run over, stage by stage, as annotate's
// groups of ~48 KB of text (pipeline/runner.cc) hold.
constexpr size_t kGroupTokens = 8000;

// Cuts `docs` into groups of consecutive documents of about kGroupTokens tokens.
std::vector<std::span<Document>> Groups(std::vector<Document>& docs) {
  std::vector<std::span<Document>> groups;
  for (size_t b = 0; b < docs.size();) {
    size_t e = b, n = 0;
    while (e < docs.size() && (e == b || n + docs[e].tokens.size() <= kGroupTokens)) n += docs[e++].tokens.size();
    groups.emplace_back(docs.data() + b, e - b);
    b = e;
  }
  return groups;
}

double MeasureThreads(const std::vector<Document>& docs, int threads, double min_seconds,
                      const std::function<void(std::span<Document>)>& work) {
  std::vector<std::vector<Document>> copies(threads, docs);
  std::atomic<size_t> total{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      do {
        std::vector<Document> copy = copies[t];
        for (std::span<Document> group : Groups(copy)) work(group);
        total += CountTokens(copy);
      } while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < min_seconds);
    });
  }
  for (auto& th : pool) th.join();
  return total / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Like TokensPerSecond, with `work` given a group of documents at a time.
double GroupsPerSecond(const std::vector<Document>& docs, double min_seconds,
                       const std::function<void(std::span<Document>)>& work) {
  const size_t tokens = CountTokens(docs);
  size_t done = 0;
  double secs = 0;
  do {
    std::vector<Document> copy = docs;
    const std::vector<std::span<Document>> groups = Groups(copy);
    const double start = newsgraph::bench::ThreadCpuSeconds();
    for (std::span<Document> group : groups) work(group);
    secs += newsgraph::bench::ThreadCpuSeconds() - start;
    done += tokens;
  } while (secs < min_seconds);
  return done / secs;
}

void PrintScores(const char* what, const std::vector<Document>& gold, const std::vector<Document>& pred) {
  // LAS18: as the CoNLL 2018 script scores it, on the universal relation ("nsubj:pass" = "nsubj").
  auto universal = [](const std::string& deprel) { return std::string_view(deprel).substr(0, deprel.find(':')); };
  size_t tokens = 0, heads = 0, labels = 0, universal_labels = 0;
  for (size_t d = 0; d < gold.size(); ++d) {
    for (size_t i = 0; i < gold[d].tokens.size(); ++i) {
      ++tokens;
      if (gold[d].tokens[i].head != pred[d].tokens[i].head) continue;
      ++heads;
      labels += gold[d].tokens[i].deprel == pred[d].tokens[i].deprel;
      universal_labels += universal(gold[d].tokens[i].deprel) == universal(pred[d].tokens[i].deprel);
    }
  }
  std::printf("parser accuracy (%s): UAS %.2f LAS %.2f (LAS18 %.2f) over %zu tokens\n", what,
              100.0 * heads / tokens, 100.0 * labels / tokens, 100.0 * universal_labels / tokens, tokens);
}

}  // namespace

int main(int argc, char** argv) {
  std::string input = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  int threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  double min_seconds = 2.0;
  std::string parser_path = ng::models::Parser::DefaultPath();
  std::string tagger_path = ng::models::Tagger::DefaultPath();
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--min-seconds") == 0 && i + 1 < argc) {
      min_seconds = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--parser") == 0 && i + 1 < argc) {
      parser_path = argv[++i];
    } else if (std::strcmp(argv[i], "--tagger") == 0 && i + 1 < argc) {
      tagger_path = argv[++i];
    } else {
      input = argv[i];
    }
  }
  auto bytes = ng::base::LocalFileSystem().ReadFile(input, 1ull << 30);
  if (!bytes.ok()) {
    std::fprintf(stderr, "bench_models: %s\n", bytes.status().ToString().c_str());
    return 1;
  }
  auto docs = ng::document::ReadConllu(*bytes, input);
  if (!docs.ok()) {
    std::fprintf(stderr, "bench_models: %s\n", docs.status().ToString().c_str());
    return 1;
  }
  const std::vector<Document> gold = *docs;
  std::printf("input: %s (%zu tokens)\n", input.c_str(), CountTokens(gold));

  auto parser = ng::models::Parser::Load(parser_path);
  if (!parser.ok()) {
    std::fprintf(stderr, "bench_models: %s\n", parser.status().ToString().c_str());
    return 1;
  }
  auto tagger = ng::models::Tagger::Load(tagger_path);
  if (!tagger.ok()) std::printf("tagger: skipped (%s)\n", tagger.status().ToString().c_str());

  std::vector<Document> tagged = gold;  // input of the parser-alone run: predicted tags if possible
  if (tagger.ok()) {
    ng::models::TagOptions pos_only{.pos = true, .feats = false, .lemma = false};
    for (auto& d : tagged) (*tagger)->Tag(d, pos_only);
    std::printf("tagger alone (UPOS+XPOS):        %10.0f tokens/s\n",
                TokensPerSecond(gold, min_seconds, [&](Document& d) { (*tagger)->Tag(d, pos_only); }));
    std::printf("tagger+feats+lemmatizer:         %10.0f tokens/s\n",
                TokensPerSecond(gold, min_seconds, [&](Document& d) { (*tagger)->Tag(d); }));
  }
  const auto& p = **parser;
  std::printf("parser alone:                    %10.0f tokens/s\n",
              TokensPerSecond(tagged, min_seconds, [&](Document& d) { p.Parse(d); }));
  std::vector<Document> parsed = tagged;
  for (auto& d : parsed) p.Parse(d);
  PrintScores(tagger.ok() ? "predicted tags" : "gold tags", gold, parsed);
  const char* what = tagger.ok() ? "tagger+lemmatizer+parser" : "parser";
  std::function<void(Document&)> each = [&](Document& d) {
    if (tagger.ok()) (*tagger)->Tag(d);
    p.Parse(d);
  };
  // Stage by stage: the whole group is tagged before any of it is parsed.
  std::function<void(std::span<Document>)> grouped = [&](std::span<Document> group) {
    if (tagger.ok()) {
      for (Document& d : group) (*tagger)->Tag(d);
    }
    for (Document& d : group) p.Parse(d);
  };
  std::printf("%s, 1 thread:  %10.0f tokens/s (groups of %zu tokens, stage by stage, as annotate runs)\n", what,
              GroupsPerSecond(gold, min_seconds, grouped), kGroupTokens);
  std::printf("%s, 1 thread:  %10.0f tokens/s (document by document)\n", what,
              TokensPerSecond(gold, min_seconds, each));
  for (int t = 2; t <= threads; t *= 2) {
    std::printf("%s, %d threads: %10.0f tokens/s\n", what, t, MeasureThreads(gold, t, min_seconds, grouped));
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
