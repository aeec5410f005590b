// eval_quotes: quote finding and attribution scored on the project's fixtures
// (tests/fixtures/quotes) and, when given, on PolNeAR (--polnear DIR).
//   build/tools/eval/eval_quotes
//   build/tools/eval/eval_quotes --polnear ../shared/data/polnear/dev
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>

#include "base/utf8.h"
#include "eval_quotes.h"
#include "extract/quotes/quote_fixtures.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

// PolNeAR scoring (brat standoff: text/<name>.txt, attributions/<name>_<annotator>.ann).
// Gold direct quotes: Content spans mostly inside quotation marks; the other
// Content spans are indirect. A prediction matches a gold span when they overlap;
// the speaker is right when the predicted speaker words overlap the gold Source
// span, or the predicted name holds the Source's last word ("Trump" in "Donald Trump"),
// or (issue 5's rule) a mention of the predicted speaker's entity overlaps the Source
// ("He" tied to the entity by coreference). "by words and name alone" leaves out the last.
namespace newsgraph::eval {
namespace {

struct Gold {
  document::Span content;  // bytes
  document::Span source;   // bytes; empty when not annotated
  bool direct = false;
};

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsMarkAt(const std::string& t, size_t i, size_t* len) {
  if (t[i] == '"') return *len = 1, true;
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(t[i + 2]) == 0x9C || static_cast<unsigned char>(t[i + 2]) == 0x9D)) {
    return *len = 3, true;
  }
  return false;
}

// Direct when the stretch between its first and last double mark covers most of it.
bool MostlyQuoted(const std::string& text, document::Span s) {
  size_t first = std::string::npos, last = 0;
  for (size_t i = s.start; i < s.end; ++i) {
    size_t len = 0;
    if (IsMarkAt(text, i, &len)) {
      if (first == std::string::npos) first = i;
      last = i + len;
    }
  }
  if (first == std::string::npos || last <= first) return false;
  return 2 * (last - first) >= s.size();
}

std::vector<Gold> ReadGold(const std::string& ann, const std::string& text, const base::CharOffsetMap& map) {
  std::map<std::string, document::Span> spans;
  std::vector<std::pair<std::string, std::string>> events;  // content id, source id
  std::istringstream lines(ann);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::istringstream f(line);
    std::string id, type;
    f >> id >> type;
    if (id[0] == 'T') {
      std::string offsets;
      std::getline(f, offsets, '\t');
      // "start end" or "start end;start end" (discontinuous): first start, last end.
      std::replace(offsets.begin(), offsets.end(), ';', ' ');
      std::istringstream o(offsets);
      std::vector<uint32_t> nums;
      uint32_t n = 0;
      while (o >> n) nums.push_back(n);
      if (nums.size() < 2) continue;
      spans[id] = {static_cast<uint32_t>(map.ToByte(nums.front())), static_cast<uint32_t>(map.ToByte(nums.back()))};
    } else if (id[0] == 'E') {
      std::string content, source, part;
      std::istringstream rest(line.substr(line.find('\t') + 1));
      while (rest >> part) {
        if (part.rfind("Content:", 0) == 0) content = part.substr(8);
        if (part.rfind("Source:", 0) == 0) source = part.substr(7);
      }
      if (!content.empty()) events.push_back({content, source});
    }
  }
  std::vector<Gold> out;
  for (const auto& [c, s] : events) {
    if (!spans.count(c)) continue;
    Gold g;
    g.content = spans[c];
    if (spans.count(s)) g.source = spans[s];
    g.direct = MostlyQuoted(text, g.content);
    out.push_back(g);
  }
  return out;
}

bool Overlaps(document::Span a, document::Span b) { return a.start < b.end && b.start < a.end; }

bool SpeakerRight(const document::Document& doc, const document::Quote& q, const Gold& g) {
  if (g.source.empty()) return false;
  if (!q.speaker_span.empty() && Overlaps(q.speaker_span, g.source)) return true;
  // Nested attribution: PolNeAR gives quotes reported by an outlet to the outlet,
  // which newsgraph records as `via`.
  if (!q.via_span.empty() && Overlaps(q.via_span, g.source)) return true;
  if (q.speaker_name.empty()) return false;
  std::string src(doc.SpanText(g.source));
  size_t sp = src.find_last_of(' ');
  std::string last = quote_fixtures::Lower(sp == std::string::npos ? src : src.substr(sp + 1));
  if (last.size() < 3) return false;  // "he", "it": only by overlap
  return quote_fixtures::Lower(q.speaker_name).find(last) != std::string::npos;
}

// The rule beyond the words: the predicted speaker's mentions include the
// source span. The speaker is the quote's entity, or (no entity) the entity whose
// name is the predicted name; a pronoun source counts when coreference put it there.
bool SpeakerMentionsSource(const document::Document& doc, const document::Quote& q, const Gold& g) {
  int entity = q.speaker;
  for (size_t e = 0; entity < 0 && !q.speaker_name.empty() && e < doc.entities.size(); ++e) {
    if (doc.entities[e].name == q.speaker_name) entity = static_cast<int>(e);
  }
  if (entity < 0 || entity >= static_cast<int>(doc.entities.size())) return false;
  for (uint32_t m : doc.entities[entity].mentions) {
    if (m < doc.mentions.size() && Overlaps(doc.mentions[m].span, g.source)) return true;
  }
  return false;
}

struct Counts {
  int gold = 0, found = 0, predicted = 0, correct = 0, correct_strict = 0, speaker = 0, speaker_words = 0,
      no_source = 0;
  void Print(const char* what) const {
    std::printf("%-9s gold %5d  predicted %5d  recall %5.1f%%  precision %5.1f%% (vs any content; %5.1f%% vs same kind)"
                "  speaker %5.1f%% (%d/%d; %d without a gold source)  by words and name alone %5.1f%% (%d)\n",
                what, gold, predicted, gold ? 100.0 * found / gold : 0, predicted ? 100.0 * correct / predicted : 0,
                predicted ? 100.0 * correct_strict / predicted : 0,
                found > no_source ? 100.0 * speaker / (found - no_source) : 0, speaker, found - no_source, no_source,
                found > no_source ? 100.0 * speaker_words / (found - no_source) : 0, speaker_words);
  }
};

void Score(const document::Document& doc, const std::vector<Gold>& gold, bool direct, bool verbose,
           const std::string& name, Counts& c) {
  auto kind_ok = [&](const document::Quote& q) { return direct ? q.kind != "indirect" : q.kind == "indirect"; };
  for (const Gold& g : gold) {
    if (g.direct != direct) continue;
    ++c.gold;
    const document::Quote* hit = nullptr;
    for (const auto& q : doc.quotes) {
      if (kind_ok(q) && Overlaps(q.span, g.content)) {
        hit = &q;
        break;
      }
    }
    if (!hit) {
      if (verbose) std::printf("  %s: missed %s '%.80s'\n", name.c_str(), direct ? "direct" : "indirect",
                               std::string(doc.SpanText(g.content)).c_str());
      continue;
    }
    ++c.found;
    // Some annotations mark the cue verb as the source ("said"): nothing to judge by.
    std::string src = quote_fixtures::Lower(std::string(doc.SpanText(g.source)));
    if (g.source.empty() || src == "said" || src == "says" || src == "told" || src == "added") {
      ++c.no_source;  // nothing to judge the speaker against
      continue;
    }
    bool words = SpeakerRight(doc, *hit, g);
    c.speaker_words += words;
    if (words || SpeakerMentionsSource(doc, *hit, g)) {
      ++c.speaker;
    } else if (verbose) {
      std::printf("  %s: %s speaker '%s' [%s] for '%.60s' (gold '%s'; %s)\n", name.c_str(), direct ? "direct" : "indirect", hit->speaker_name.c_str(),
                  std::string(doc.SpanText(hit->speaker_span)).c_str(), std::string(doc.SpanText(hit->span)).c_str(),
                  std::string(doc.SpanText(g.source)).c_str(), hit->reason.c_str());
    }
  }
  for (const auto& q : doc.quotes) {
    if (!kind_ok(q) || (direct && q.kind == "partial")) continue;
    ++c.predicted;
    bool any = false, same = false;
    for (const Gold& g : gold) {
      if (!Overlaps(q.span, g.content)) continue;
      any = true;
      same = same || g.direct == direct;
    }
    c.correct += any;
    c.correct_strict += same;
    if (!any && verbose) std::printf("  %s: spurious %s '%.80s'\n", name.c_str(), q.kind.c_str(),
                                     std::string(doc.SpanText(q.span)).c_str());
  }
}

}  // namespace

int EvalPolnear(const pipeline::Pipeline& pipeline, const std::string& dir, int limit, bool verbose) {
  namespace fs = std::filesystem;
  std::vector<fs::path> texts;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "text", ec)) texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());
  if (texts.empty()) {
    std::fprintf(stderr, "eval_quotes: no PolNeAR texts under %s/text\n", dir.c_str());
    return 1;
  }
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "attributions", ec)) anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  Counts direct, indirect;
  int articles = 0;
  for (const fs::path& t : texts) {
    if (limit > 0 && articles >= limit) break;
    std::string stem = t.stem().string();
    // The first annotator's file for this article.
    auto it = std::find_if(anns.begin(), anns.end(),
                           [&](const fs::path& a) { return a.filename().string().rfind(stem + "_", 0) == 0; });
    if (it == anns.end()) continue;
    document::Document doc;
    doc.text = ReadFile(t);
    doc.id = stem;
    base::CharOffsetMap map(doc.text);
    std::vector<Gold> gold = ReadGold(ReadFile(*it), doc.text, map);
    quote_fixtures::Annotate(pipeline, doc);
    Score(doc, gold, true, verbose, stem, direct);
    Score(doc, gold, false, verbose, stem, indirect);
    ++articles;
  }
  std::printf("PolNeAR: %d articles in %s (first annotator)\n", articles, dir.c_str());
  direct.Print("direct");
  indirect.Print("indirect");
  return 0;
}

}  // namespace newsgraph::eval

namespace newsgraph::eval {
namespace {

void Print(const char* what, const quote_fixtures::Score& s) {
  std::printf("%-18s expected %4d  predicted %4d  recall %5.1f%%  precision %5.1f%%  speaker %5.1f%% (%d/%d)\n", what,
              s.expected, s.predicted, 100 * s.Recall(), 100 * s.Precision(), 100 * s.SpeakerAccuracy(),
              s.speaker_right, s.found);
}

int EvalFixtures(const pipeline::Pipeline& pipeline, const std::string& dir, bool verbose) {
  auto fixtures = quote_fixtures::ReadFixtures(dir);
  if (fixtures.empty()) {
    std::fprintf(stderr, "eval_quotes: no fixtures in %s\n", dir.c_str());
    return 1;
  }
  quote_fixtures::Score quoted, direct, partial, indirect;
  for (const auto& f : fixtures) {
    document::Document doc;
    ingest::ReadOptions options;
    options.detect_language = false;
    (void)ingest::ReadBuffer(f.article, f.name + ".txt", options, [&](StatusOr<document::Document> d) {
      if (d.ok()) doc = std::move(*d);
    });
    quote_fixtures::Annotate(pipeline, doc);
    quoted.Add(quote_fixtures::ScoreFixture(f, doc, {"direct", "partial"}));
    direct.Add(quote_fixtures::ScoreFixture(f, doc, {"direct"}));
    partial.Add(quote_fixtures::ScoreFixture(f, doc, {"partial"}));
    indirect.Add(quote_fixtures::ScoreFixture(f, doc, {"indirect"}));
  }
  std::printf("fixtures: %zu articles in %s\n", fixtures.size(), dir.c_str());
  Print("direct+partial", quoted);
  Print("direct (kind)", direct);
  Print("partial (kind)", partial);
  Print("indirect", indirect);
  if (verbose) {
    for (const auto& m : quoted.misses) std::printf("  %s\n", m.c_str());
    for (const auto& m : indirect.misses) std::printf("  %s\n", m.c_str());
  }
  return 0;
}

}  // namespace

// Prints the quotes found in one article file (for looking at cases by hand).
int ShowFile(const pipeline::Pipeline& pipeline, const std::string& path) {
  int rc = 0;
  Status s = ingest::ReadInput(path, {}, [&](StatusOr<document::Document> d) {
    if (!d.ok()) {
      rc = 1;
      return;
    }
    quote_fixtures::Annotate(pipeline, *d);
    for (const auto& q : d->quotes) {
      std::printf("%-8s %.2f [%s] <- [%s] via [%s] cue [%s] (%s)\n    %.160s\n", q.kind.c_str(), q.confidence,
                  q.speaker_name.c_str(), std::string(d->SpanText(q.speaker_span)).c_str(), q.via_name.c_str(),
                  std::string(d->SpanText(q.cue)).c_str(), q.reason.c_str(), std::string(d->SpanText(q.span)).c_str());
    }
  });
  return s.ok() ? rc : 1;
}

}  // namespace newsgraph::eval

int main(int argc, char** argv) {
  CLI::App app{"Score quote finding and attribution"};
  std::string fixtures = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/fixtures/quotes";
  std::string polnear;
  int limit = 0;
  bool verbose = false;
  app.add_option("--fixtures", fixtures, "Folder of quote fixtures")->capture_default_str();
  app.add_option("--polnear", polnear, "PolNeAR split folder (text/ and attributions/), e.g. ../shared/data/polnear/dev");
  app.add_option("--limit", limit, "At most this many PolNeAR articles (0 = all)");
  app.add_flag("--verbose,-v", verbose, "Print every miss");
  std::string show;
  app.add_option("--show", show, "Only print the quotes found in this article file");
  CLI11_PARSE(app, argc, argv);
  auto pipeline = newsgraph::quote_fixtures::CreatePipeline();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "eval_quotes: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  if (!show.empty()) return newsgraph::eval::ShowFile(**pipeline, show);
  int rc = newsgraph::eval::EvalFixtures(**pipeline, fixtures, verbose);
  if (!polnear.empty()) rc |= newsgraph::eval::EvalPolnear(**pipeline, polnear, limit, verbose);
  return rc;
}
