#include "text/segmenter_trainer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "base/binary_io.h"
#include "base/strings.h"

namespace newsgraph::text {
namespace {

using document::Span;

bool IsAbbreviationForm(std::string_view w) {
  if (w.size() < 2 || w.size() > 8 || w.back() != '.') return false;
  bool letter = false;
  for (char c : w) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      letter = true;
    } else if (c != '.') {
      return false;
    }
  }
  return letter;
}

// Rewrites paragraph breaks and some spaces as described in SegmenterTrainOptions.
UdDocument Augment(const UdDocument& doc, const SegmenterTrainOptions& o, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> coin(0, 1);
  std::vector<uint32_t> drop;  // old offsets of bytes to drop
  std::string text = doc.text;
  for (size_t p : doc.paragraph_starts) {
    if (p == 0) continue;
    uint32_t gap = doc.sentences[p - 1].end;
    if (coin(rng) < o.single_newline_paragraphs && text.compare(gap, 2, "\n\n") == 0) drop.push_back(gap);
  }
  for (Span s : doc.sentences) {
    for (uint32_t i = s.start; i < s.end; ++i) {
      if (text[i] == ' ' && coin(rng) < o.hard_wrap_rate) text[i] = '\n';
    }
  }
  UdDocument out;
  std::vector<uint32_t> map(text.size() + 1);
  size_t d = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    map[i] = static_cast<uint32_t>(out.text.size());
    if (i == text.size()) break;
    if (d < drop.size() && drop[d] == i) {
      ++d;
      continue;
    }
    out.text.push_back(text[i]);
  }
  for (Span w : doc.words) out.words.push_back({map[w.start], map[w.end]});
  for (Span s : doc.sentences) out.sentences.push_back({map[s.start], map[s.end]});
  out.paragraph_starts = doc.paragraph_starts;
  return out;
}

struct Examples {
  std::vector<uint64_t> feats;   // concatenated
  std::vector<uint32_t> offsets;  // example k uses feats[offsets[k], offsets[k+1])
  std::vector<int8_t> labels;     // +1 sentence end, -1 not
};

void AddExamples(const UdDocument& doc, const TokenizerLexicon& lex, Examples& ex, size_t& missed) {
  std::vector<Span> tokens;
  TokenizeRange(doc.text, 0, doc.text.size(), lex, tokens);
  std::vector<TokenInfo> infos;
  ComputeTokenInfos(doc.text, tokens, 0, tokens.size(), doc.text.size(), lex, infos);
  std::unordered_set<uint32_t> ends;
  for (Span s : doc.sentences) ends.insert(s.end);
  uint64_t f[kMaxBoundaryFeatures];
  size_t since = 0;
  for (size_t i = 0; i < infos.size(); ++i) {
    ++since;
    bool gold = ends.count(tokens[i].end) > 0;
    if (infos[i].gap_after != GapKind::kParagraph && IsCandidateGap(infos, i)) {
      size_t n = ExtractBoundaryFeatures(infos, i, since, f);
      ex.feats.insert(ex.feats.end(), f, f + n);
      ex.offsets.push_back(static_cast<uint32_t>(ex.feats.size()));
      ex.labels.push_back(gold ? 1 : -1);
    } else if (gold && infos[i].gap_after != GapKind::kParagraph) {
      ++missed;
    }
    if (gold) since = 0;
  }
}

class AveragedPerceptron {
 public:
  float Score(const uint64_t* f, size_t n) const {
    float s = 0;
    for (size_t k = 0; k < n; ++k) {
      auto it = w_.find(f[k]);
      if (it != w_.end()) s += it->second.w;
    }
    return s;
  }
  void Update(const uint64_t* f, size_t n, float delta) {
    for (size_t k = 0; k < n; ++k) {
      Weight& w = w_[f[k]];
      w.total += (step_ - w.stamp) * w.w;
      w.stamp = step_;
      w.w += delta;
    }
  }
  void Tick() { ++step_; }
  BoundaryModel Averaged() const {
    std::vector<uint64_t> keys;
    std::vector<float> values;
    for (const auto& [key, w] : w_) {
      double total = w.total + (step_ - w.stamp) * w.w;
      auto avg = static_cast<float>(total / std::max<int64_t>(1, step_));
      if (std::abs(avg) < 1e-4f) continue;
      keys.push_back(key);
      values.push_back(avg);
    }
    return BoundaryModel::FromWeights(keys, values);
  }

 private:
  struct Weight {
    float w = 0;
    double total = 0;
    int64_t stamp = 0;
  };
  std::unordered_map<uint64_t, Weight> w_;
  int64_t step_ = 0;
};

TokenizerLexicon Merge(const TokenizerLexicon& a, const TokenizerLexicon& b) {
  TokenizerLexicon m = a;
  m.abbreviations.insert(b.abbreviations.begin(), b.abbreviations.end());
  m.hyphen_prefixes.insert(b.hyphen_prefixes.begin(), b.hyphen_prefixes.end());
  return m;
}

}  // namespace

nlohmann::json SegmenterTrainOptions::ToJson() const {
  return {{"epochs", epochs}, {"seed", seed}, {"single_newline_paragraphs", single_newline_paragraphs},
          {"hard_wrap_rate", hard_wrap_rate}, {"feature_version", kBoundaryFeatureVersion},
          {"method", "averaged perceptron over hashed gap features"}};
}

TokenizerLexicon LearnLexicon(const std::vector<UdDocument>& docs) {
  std::map<std::string, int> abbrev;
  std::map<std::string, std::pair<int, int>> hyphen;  // kept, split
  for (const UdDocument& doc : docs) {
    for (size_t i = 0; i < doc.words.size(); ++i) {
      std::string_view w = std::string_view(doc.text).substr(doc.words[i].start, doc.words[i].size());
      if (IsAbbreviationForm(w)) ++abbrev[std::string(w)];
      size_t h = w.find('-');
      if (h != std::string_view::npos && h > 0 && std::isalpha(static_cast<unsigned char>(w[0]))) {
        ++hyphen[base::AsciiLower(w.substr(0, h))].first;
      }
      bool split = w == "-" && i > 0 && i + 1 < doc.words.size() && doc.words[i - 1].end == doc.words[i].start &&
                   doc.words[i].end == doc.words[i + 1].start;
      if (split) ++hyphen[base::AsciiLower(std::string_view(doc.text).substr(doc.words[i - 1].start, doc.words[i - 1].size()))].second;
    }
  }
  TokenizerLexicon lex;
  // Inner periods ("U.S.") are safe; a plain word with a period needs a lowercase
  // letter and two sightings, so shouted sentence ends ("OK.") are not learned.
  for (const auto& [w, n] : abbrev) {
    bool inner = w.find('.') + 1 < w.size();
    bool lower = w.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
    if (inner || (lower && n >= 2)) lex.abbreviations.insert(base::AsciiLower(w));
  }
  for (const auto& [w, c] : hyphen) {
    if (c.first >= 2 && c.first > c.second) lex.hyphen_prefixes.insert(w);
  }
  return lex;
}

void ScoreDocument(const UdDocument& doc, const TokenizerLexicon& lexicon, const BoundaryModel& model,
                   SegmentationCounts& counts) {
  std::vector<Span> tokens;
  std::vector<uint32_t> ends;
  SegmentRange(doc.text, 0, doc.text.size(), lexicon, model, tokens, ends);
  std::vector<Span> sentences;
  uint32_t begin = 0;
  for (uint32_t e : ends) {
    sentences.push_back({tokens[begin].start, tokens[e - 1].end});
    begin = e;
  }
  counts.Add(doc.words, tokens, doc.sentences, sentences);
}

TrainedSegmenter TrainSegmenter(const std::vector<UdDocument>& train, const std::vector<UdDocument>& dev,
                                const SegmenterTrainOptions& options,
                                const std::function<void(const std::string&)>& log) {
  TrainedSegmenter result;
  result.learned = LearnLexicon(train);
  TokenizerLexicon lex = Merge(TokenizerLexicon::Default(), result.learned);
  log("learned " + std::to_string(result.learned.abbreviations.size()) + " abbreviations, " +
      std::to_string(result.learned.hyphen_prefixes.size()) + " hyphen prefixes");
  std::mt19937_64 rng(options.seed);
  Examples ex;
  ex.offsets.push_back(0);
  size_t missed = 0;
  for (const UdDocument& doc : train) AddExamples(Augment(doc, options, rng), lex, ex, missed);
  log(std::to_string(ex.labels.size()) + " candidate gaps; " + std::to_string(missed) +
      " gold sentence ends outside candidates");
  AveragedPerceptron p;
  std::vector<size_t> order(ex.labels.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  double best = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) {
      const uint64_t* f = ex.feats.data() + ex.offsets[k];
      size_t n = ex.offsets[k + 1] - ex.offsets[k];
      float s = p.Score(f, n);
      if ((s > 0 ? 1 : -1) != ex.labels[k]) p.Update(f, n, ex.labels[k]);
      p.Tick();
    }
    BoundaryModel model = p.Averaged();
    SegmentationCounts counts;
    for (const UdDocument& doc : dev) ScoreDocument(doc, lex, model, counts);
    log("epoch " + std::to_string(epoch) + ": dev " + counts.Report() + " (" + std::to_string(model.size()) +
        " weights)");
    result.dev_scores["epochs"].push_back({{"epoch", epoch}, {"token_f1", counts.TokenF1()},
                                           {"sentence_f1", counts.SentenceF1()}});
    if (counts.SentenceF1() > best) {
      best = counts.SentenceF1();
      result.model = std::move(model);
      result.dev_scores["chosen"] = {{"epoch", epoch}, {"token_f1", counts.TokenF1()},
                                     {"sentence_f1", counts.SentenceF1()}};
    }
  }
  return result;
}

std::string SerializeLexicon(const TokenizerLexicon& lexicon) {
  base::BinaryWriter w;
  for (const StringSet* set : {&lexicon.abbreviations, &lexicon.hyphen_prefixes}) {
    std::vector<std::string> sorted(set->begin(), set->end());
    std::sort(sorted.begin(), sorted.end());
    w.U32(static_cast<uint32_t>(sorted.size()));
    for (const auto& s : sorted) w.String(s);
  }
  return w.Release();
}

}  // namespace newsgraph::text
