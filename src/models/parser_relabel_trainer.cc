// Training of the parser's second-stage labeller (parser_relabel.h).
#include <algorithm>
#include <map>

#include "models/parser_relabel.h"
#include "models/parser_trainer.h"
#include "models/perceptron_trainer.h"

namespace newsgraph::models {

using parser_internal::LabelKey;
using parser_internal::Relabeler;
using parser_internal::TokenIds;

namespace {

// One sentence as the relabeller sees it: encoded tokens, heads, label keys and label names.
struct RelabelSentence {
  std::vector<TokenIds> toks;
  std::vector<int> heads;
  std::vector<uint64_t> keys;
  std::vector<std::string> deprels;  // index 0 unused
};

std::vector<RelabelSentence> Encode(const std::vector<document::Document>& docs) {
  std::vector<RelabelSentence> out;
  for (const document::Document& doc : docs) {
    for (const document::Sentence& s : doc.sentences) {
      RelabelSentence rs;
      parser_internal::EncodeSentence(doc, s, nullptr, rs.toks);  // as the parser encodes it
      rs.heads.push_back(-1);
      rs.keys.push_back(0);
      rs.deprels.emplace_back();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        const document::Token& t = doc.tokens[i];
        rs.heads.push_back(t.head);
        rs.keys.push_back(LabelKey(t.deprel));
        rs.deprels.push_back(t.deprel);
      }
      out.push_back(std::move(rs));
    }
  }
  return out;
}

// LAS of `parsed` (first-pass trees) against `gold` after relabelling with `relabeler`.
AttachmentScore RelabeledScore(const Relabeler& relabeler, const std::vector<RelabelSentence>& gold,
                               const std::vector<RelabelSentence>& parsed) {
  AttachmentScore score;
  std::vector<int> classes;
  for (size_t s = 0; s < gold.size() && s < parsed.size(); ++s) {
    const RelabelSentence& g = gold[s];
    const RelabelSentence& p = parsed[s];
    relabeler.Classify(p.toks, p.heads, p.keys, classes);
    for (size_t i = 1; i < g.heads.size() && i < p.heads.size(); ++i) {
      ++score.tokens;
      if (g.heads[i] != p.heads[i]) continue;
      ++score.heads;
      const std::string& label = classes[i] >= 0 ? relabeler.labels()[classes[i]] : p.deprels[i];
      if (label == g.deprels[i]) ++score.labels;
    }
  }
  return score;
}

}  // namespace

StatusOr<TrainedRelabeler> TrainRelabeler(const std::vector<document::Document>& train,
                                          const std::vector<document::Document>* train_parsed,
                                          const std::vector<RelabelDevSet>& dev, const RelabelerTrainOptions& options,
                                          std::ostream& log) {
  std::vector<RelabelSentence> sentences = Encode(train);
  const bool stacked = train_parsed != nullptr;
  std::vector<RelabelSentence> parsed_sentences;
  if (stacked) {
    parsed_sentences = Encode(*train_parsed);
    if (parsed_sentences.size() != sentences.size()) {
      return Status::InvalidArgument("relabeller: the parsed training sentences differ from the gold ones");
    }
  }
  const std::vector<std::string>& labels = options.labels;
  if (labels.empty()) return Status::InvalidArgument("relabeller: no labels given (the parser's labels)");
  std::map<std::string, int> label_index;
  for (size_t i = 0; i < labels.size(); ++i) label_index[labels[i]] = static_cast<int>(i);
  for (const RelabelSentence& s : sentences) {
    for (size_t i = 1; i < s.deprels.size(); ++i) {
      if (!label_index.count(s.deprels[i])) {
        return Status::InvalidArgument("relabeller: training label '" + s.deprels[i] + "' is not a parser label");
      }
    }
  }
  std::vector<std::vector<RelabelSentence>> dev_gold, dev_parsed;
  for (const RelabelDevSet& d : dev) {
    dev_gold.push_back(Encode(*d.gold));
    dev_parsed.push_back(Encode(*d.parsed));
    if (dev_gold.back().size() != dev_parsed.back().size()) {
      return Status::InvalidArgument("relabeller: dev set '" + d.name + "' gold and parsed sentences differ");
    }
  }

  TrainedRelabeler best;
  // `ensemble` perceptrons differ only in their shuffling seed; the model is the mean of
  // their averaged weights, which costs nothing at run time (as for the first pass).
  const int members = std::max(1, options.ensemble);
  std::vector<perceptron::AveragedPerceptronTrainer> trainers(
      members, perceptron::AveragedPerceptronTrainer(static_cast<int>(labels.size())));
  std::vector<std::vector<size_t>> orders(members, std::vector<size_t>(sentences.size()));
  std::vector<uint64_t> rngs(members);
  for (int m = 0; m < members; ++m) {
    for (size_t i = 0; i < sentences.size(); ++i) orders[m][i] = i;
    rngs[m] = (options.seed + 7919ull * m) * 0x9E3779B97F4A7C15ull + 1;
  }
  parser_internal::Weights table;
  table.labels = labels;
  table.label_bits = options.label_bits;
  table.label_stride = static_cast<int>((labels.size() + 7) / 8 * 8);
  table.root_label = label_index.count("root") ? label_index["root"] : -1;
  std::vector<float> scores(labels.size());
  uint64_t feats[parser_internal::kMaxRelabelFeatures];
  const int root = label_index.count("root") ? label_index["root"] : -1;
  int64_t seen = 0, right = 0;
  // One epoch of one member over the training arcs whose head the tree got right.
  auto train_epoch = [&](perceptron::AveragedPerceptronTrainer& trainer, std::vector<size_t>& order, uint64_t& rng) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a fixed generator
      rng = rng * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(order[i - 1], order[(rng >> 33) % i]);
    }
    for (size_t idx : order) {
      const RelabelSentence& s = sentences[idx];
      const RelabelSentence& t = stacked ? parsed_sentences[idx] : s;  // the tree the features read
      if (t.heads.size() != s.heads.size()) continue;
      parser_internal::Tree tree;
      tree.Build(t.heads, t.keys);
      for (size_t dep = 1; dep < s.heads.size(); ++dep) {
        if (t.heads[dep] <= 0 || t.heads[dep] != s.heads[dep]) continue;
        const int nf = parser_internal::RelabelFeatures(t.toks, tree, static_cast<int>(dep), stacked, feats);
        trainer.Tick();
        trainer.Score(feats, nf, scores.data());
        if (root >= 0) scores[root] = -1e30f;
        const int guess = perceptron::ArgMax(scores.data(), static_cast<int>(scores.size()));
        const int gold = label_index[s.deprels[dep]];
        ++seen;
        if (guess == gold) ++right;
        trainer.Update(feats, nf, gold, guess);
      }
    }
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    seen = right = 0;
    for (int m = 0; m < members; ++m) train_epoch(trainers[m], orders[m], rngs[m]);
    // The mean of the members' averaged weights in the run-time layout: hashed rows, quantized.
    std::vector<float> dense((size_t{1} << table.label_bits) * table.label_stride, 0.0f);
    for (perceptron::AveragedPerceptronTrainer& trainer : trainers) {
      for (const perceptron::SparseWeights::Row& row : trainer.AveragedRows(options.min_abs_weight)) {
        float* out = &dense[static_cast<size_t>(parser_internal::RowOf(row.key, table.label_bits)) * table.label_stride];
        for (const perceptron::SparseWeights::Entry& e : row.entries) out[e.cls] += e.weight / members;
      }
    }
    table.label = parser_internal::Quantize(dense);
    Relabeler relabeler(table, stacked);
    log << "relabeller epoch " << epoch << ": train label accuracy " << (seen ? 100.0 * right / seen : 0);
    std::vector<AttachmentScore> scores_now;
    for (size_t d = 0; d < dev.size(); ++d) {
      scores_now.push_back(RelabeledScore(relabeler, dev_gold[d], dev_parsed[d]));
      log << ", " << dev[d].name << " LAS " << scores_now.back().las();
    }
    log << std::endl;
    if (best.best_epoch == 0 || dev.empty() || scores_now[0].labels > best.dev_after[0].labels) {
      best.best_epoch = epoch;
      best.section = relabeler.Serialize();
      best.dev_after = scores_now;
    }
  }
  for (size_t d = 0; d < dev.size(); ++d) best.dev_before.push_back(ScoreParses(*dev[d].gold, *dev[d].parsed));
  return best;
}

StatusOr<std::string> SetRelabelGate(const std::string& section, int gate) {
  NG_ASSIGN_OR_RETURN(Relabeler r, Relabeler::Parse(section, "relabel section"));
  if (gate < 0 || gate > Relabeler::kAllArcs) return Status::InvalidArgument("relabel gate out of range");
  return Relabeler(r.table(), r.stacked(), gate).Serialize();
}

}  // namespace newsgraph::models
