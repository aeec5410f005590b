// The quote fixtures of tests/fixtures/quotes (format in its README.md): reading
// them and scoring predicted quotes against them. Shared by the fixtures test and
// tools/eval/eval_quotes.
#ifndef NEWSGRAPH_TESTS_EXTRACT_QUOTES_QUOTE_FIXTURES_H_
#define NEWSGRAPH_TESTS_EXTRACT_QUOTES_QUOTE_FIXTURES_H_

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "document/document.h"
#include "extract/quotes/quotes.h"
#include "pipeline/pipeline.h"

namespace newsgraph::quote_fixtures {

struct Expected {
  std::string kind;
  std::string speaker;  // "-" = must stay unknown
  std::string text;
};

struct Fixture {
  std::string name;
  std::string article;
  std::vector<Expected> quotes;
};

// The pipeline up to quotes; when the entity models cannot load (e.g. a model file
// being retrained), the pipeline up to the parse, and FindQuotes run by Annotate.
inline StatusOr<std::unique_ptr<pipeline::Pipeline>> CreatePipeline() {
  pipeline::PipelineOptions options;
  options.until = pipeline::Stage::kQuotes;
  auto p = pipeline::Pipeline::Create(options);
  if (p.ok()) return p;
  std::fprintf(stderr, "note: %s; running without entities\n", p.status().ToString().c_str());
  options.until = pipeline::Stage::kParse;
  return pipeline::Pipeline::Create(options);
}

inline void Annotate(const pipeline::Pipeline& p, document::Document& doc) {
  p.Annotate(doc);
  if (p.until() < pipeline::Stage::kQuotes) extract::FindQuotes(doc);
}

inline std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

inline std::vector<Fixture> ReadFixtures(const std::string& dir) {
  std::vector<Fixture> out;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string all = ss.str();
    size_t sep = all.find("\n---\n");
    if (sep == std::string::npos) continue;
    Fixture f;
    f.name = p.stem().string();
    f.article = all.substr(0, sep + 1);
    std::istringstream lines(all.substr(sep + 5));
    std::string line;
    while (std::getline(lines, line)) {
      size_t a = line.find(" | ");
      size_t b = a == std::string::npos ? a : line.find(" | ", a + 3);
      if (b == std::string::npos) continue;
      f.quotes.push_back({Trim(line.substr(0, a)), Trim(line.substr(a + 3, b - a - 3)), Trim(line.substr(b + 3))});
    }
    out.push_back(std::move(f));
  }
  return out;
}

inline std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Right when the predicted name (or, for an unnamed speaker such as "the director",
// the words naming it) holds the expected name's last word; "-" wants no name at all.
inline bool SpeakerRight(const std::string& expected, const std::string& predicted, const std::string& words = "") {
  if (expected == "-") return predicted.empty();
  std::string last = expected.substr(expected.rfind(' ') == std::string::npos ? 0 : expected.rfind(' ') + 1);
  const std::string& name = predicted.empty() ? words : predicted;
  return !name.empty() && Lower(name).find(Lower(last)) != std::string::npos;
}

// Counts for one group of kinds (e.g. {"direct","partial"} or {"indirect"}).
struct Score {
  int expected = 0, predicted = 0, found = 0, correct_predicted = 0, speaker_right = 0;
  std::vector<std::string> misses;  // readable, for reports
  double Recall() const { return expected ? double(found) / expected : 1; }
  double Precision() const { return predicted ? double(correct_predicted) / predicted : 1; }
  double SpeakerAccuracy() const { return found ? double(speaker_right) / found : 1; }
  void Add(const Score& o) {
    expected += o.expected, predicted += o.predicted, found += o.found;
    correct_predicted += o.correct_predicted, speaker_right += o.speaker_right;
    misses.insert(misses.end(), o.misses.begin(), o.misses.end());
  }
};

inline bool InGroup(const std::string& kind, const std::vector<std::string>& group) {
  return std::find(group.begin(), group.end(), kind) != group.end();
}

inline Score ScoreFixture(const Fixture& f, const document::Document& doc, const std::vector<std::string>& group) {
  Score s;
  std::vector<document::Span> gold;
  for (const Expected& e : f.quotes) {
    if (!InGroup(e.kind, group)) continue;
    size_t at = doc.text.find(e.text);
    gold.push_back(at == std::string::npos ? document::Span{}
                                           : document::Span{uint32_t(at), uint32_t(at + e.text.size())});
  }
  auto overlaps = [](document::Span a, document::Span b) { return a.start < b.end && b.start < a.end; };
  size_t gi = 0;
  for (const Expected& e : f.quotes) {
    if (!InGroup(e.kind, group)) continue;
    document::Span g = gold[gi++];
    ++s.expected;
    const document::Quote* hit = nullptr;
    for (const document::Quote& q : doc.quotes) {
      if (InGroup(q.kind, group) && !g.empty() && overlaps(q.span, g)) {
        hit = &q;
        break;
      }
    }
    if (hit == nullptr) {
      s.misses.push_back(f.name + ": missed " + e.kind + " '" + e.text + "'");
      continue;
    }
    ++s.found;
    if (SpeakerRight(e.speaker, hit->speaker_name, std::string(doc.SpanText(hit->speaker_span)))) {
      ++s.speaker_right;
    } else {
      s.misses.push_back(f.name + ": speaker '" + hit->speaker_name + "' for '" + e.text + "' (expected " + e.speaker +
                         "; " + hit->reason + ")");
    }
  }
  for (const document::Quote& q : doc.quotes) {
    if (!InGroup(q.kind, group)) continue;
    ++s.predicted;
    bool ok = false;
    for (document::Span g : gold) ok = ok || (!g.empty() && overlaps(q.span, g));
    if (ok) {
      ++s.correct_predicted;
    } else {
      s.misses.push_back(f.name + ": spurious " + q.kind + " '" + std::string(doc.SpanText(q.span)) + "'");
    }
  }
  return s;
}

}  // namespace newsgraph::quote_fixtures

#endif  // NEWSGRAPH_TESTS_EXTRACT_QUOTES_QUOTE_FIXTURES_H_
