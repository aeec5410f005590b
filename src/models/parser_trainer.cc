#include "models/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <random>

#include "models/model_file.h"
#include "models/parser.h"
#include "models/parser_core.h"

namespace newsgraph::models {
namespace {

using parser_internal::kLeft;
using parser_internal::kNumActions;
using parser_internal::kRight;
using parser_internal::kShift;
using parser_internal::RowOf;
using parser_internal::State;
using parser_internal::TokenIds;
using parser_internal::Weights;

// Averaged perceptron weights: rows of `stride` floats with lazy averaging per row.
class AvgTable {
 public:
  AvgTable(int bits, int stride)
      : bits_(bits), stride_(stride), w_((size_t{1} << bits) * stride, 0.f),
        total_(w_.size(), 0.0), ts_(size_t{1} << bits, 0) {}

  int bits() const { return bits_; }
  const float* Row(uint32_t r) const { return &w_[static_cast<size_t>(r) * stride_]; }
  void Update(uint32_t r, int c, float delta, uint32_t t) {
    const size_t base = static_cast<size_t>(r) * stride_;
    const uint32_t dt = t - ts_[r];
    if (dt != 0) {
      for (int i = 0; i < stride_; ++i) total_[base + i] += static_cast<double>(dt) * w_[base + i];
      ts_[r] = t;
    }
    w_[base + c] += delta;
  }
  std::vector<float> Averaged(uint32_t t) const {
    std::vector<float> avg(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) {
      const double sum = total_[i] + static_cast<double>(t - ts_[i / stride_]) * w_[i];
      avg[i] = t ? static_cast<float>(sum / t) : 0.f;
    }
    return avg;
  }

 private:
  int bits_;
  int stride_;
  std::vector<float> w_;
  std::vector<double> total_;
  std::vector<uint32_t> ts_;
};

struct TrainSentence {
  std::vector<TokenIds> toks;
  std::vector<int> gold_head;   // index 0 unused
  std::vector<int> gold_label;
  std::vector<std::vector<int>> children;
};

StatusOr<TrainSentence> MakeSentence(const document::Document& doc, const document::Sentence& s,
                                     const parser_internal::ClusterIndex* clusters,
                                     const parser_internal::AmbiguityIndex* ambiguity,
                                     std::map<std::string, int>& label_ids,
                                     bool add_labels) {
  TrainSentence ts;
  parser_internal::EncodeSentence(doc, s, clusters, ts.toks, ambiguity);
  const int n = static_cast<int>(s.size());
  ts.gold_head.assign(n + 1, 0);
  ts.gold_label.assign(n + 1, -1);
  ts.children.resize(n + 1);
  int roots = 0;
  for (int i = 1; i <= n; ++i) {
    const document::Token& t = doc.tokens[s.token_begin + i - 1];
    if (t.head < 0 || t.head > n || t.head == i) {
      return Status::InvalidArgument(doc.origin + ": sentence with token '" + t.form + "' has head " +
                                     std::to_string(t.head) + " outside the sentence");
    }
    roots += t.head == 0;
    ts.gold_head[i] = t.head;
    auto it = label_ids.find(t.deprel);
    if (it == label_ids.end() && add_labels) {
      it = label_ids.emplace(t.deprel, static_cast<int>(label_ids.size())).first;
    }
    ts.gold_label[i] = it == label_ids.end() ? -1 : it->second;
    ts.children[t.head].push_back(i);
  }
  if (roots != 1) return Status::InvalidArgument(doc.origin + ": sentence without exactly one root");
  return ts;
}

bool InStack(const State& st, int k) {
  return std::binary_search(st.stack().begin(), st.stack().end(), k);
}

// Dynamic-oracle cost of `action`: gold arcs that become unreachable (Goldberg & Nivre 2013).
int Cost(const State& st, const TrainSentence& s, int action) {
  const int b = st.buffer_front();
  const int s0 = st.S(0), s1 = st.S(1);
  int cost = 0;
  if (action == kShift) {
    for (int k : s.children[b]) cost += (k < b && InStack(st, k));
    const int h = s.gold_head[b];
    cost += (h != s0 && h < b && InStack(st, h));
    return cost;
  }
  const int h = s.gold_head[s0];
  if (action == kLeft) {
    cost += (h != b && (h == s1 || h > b));
  } else {
    cost += (h >= b);
  }
  for (int k : s.children[s0]) cost += (k >= b);
  return cost;
}

struct Trainer {
  const ParserTrainerOptions& opt;
  int num_labels;
  int stride;
  int root_label;
  AvgTable action;
  AvgTable label;
  uint32_t t = 0;
  std::mt19937_64 rng;
  uint64_t feats[parser_internal::kMaxActionFeatures];
  uint32_t rows[parser_internal::kMaxActionFeatures];

  Trainer(const ParserTrainerOptions& o, int nl, int rl)
      : opt(o), num_labels(nl), stride((nl + 7) / 8 * 8), root_label(rl), action(o.action_bits, 4),
        label(o.label_bits, (nl + 7) / 8 * 8), rng(o.seed) {}

  int NumFeatures(int n, const AvgTable& table) {
    for (int i = 0; i < n; ++i) rows[i] = RowOf(feats[i], table.bits());
    return n;
  }
  void Scores(const AvgTable& table, int n, int width, float* out) {
    std::fill(out, out + width, 0.f);
    for (int i = 0; i < n; ++i) {
      const float* row = table.Row(rows[i]);
      for (int c = 0; c < width; ++c) out[c] += row[c];
    }
  }
  void Update(AvgTable& table, int n, int good, int bad) {
    for (int i = 0; i < n; ++i) {
      table.Update(rows[i], good, 1.f, t);
      table.Update(rows[i], bad, -1.f, t);
    }
  }
  int TrainLabel(const State& st, const TrainSentence& s, int h, int d);
  int PredictLabel(const State& st, const TrainSentence& s, int h, int d);
  void TrainSentenceOnce(const TrainSentence& s, bool explore);
  void TrainSentenceBeam(const TrainSentence& s);
  void ActionScoresOf(const State& st, const TrainSentence& s, float* score) {
    const int n = NumFeatures(parser_internal::ActionFeatures(st, s.toks, opt.feature_set, feats), action);
    Scores(action, n, 4, score);
  }
  // Replays `acts` (action, label) from `st`, adding `delta` to the weight of each action
  // taken for the features of the state it was taken in.
  void UpdateSequence(State st, const TrainSentence& s, const std::vector<std::pair<int, int>>& acts, size_t from,
                      size_t to, float delta);
};

int Trainer::PredictLabel(const State& st, const TrainSentence& s, int h, int d) {
  if (h == 0) return root_label;
  const int n = NumFeatures(parser_internal::LabelFeatures(st, s.toks, opt.feature_set, h, d, feats), label);
  std::vector<float> score(stride);
  Scores(label, n, stride, score.data());
  int pred = -1;
  for (int l = 0; l < num_labels; ++l) {
    if (l != root_label && (pred < 0 || score[l] > score[pred])) pred = l;
  }
  return pred;
}

void Trainer::UpdateSequence(State st, const TrainSentence& s, const std::vector<std::pair<int, int>>& acts,
                             size_t from, size_t to, float delta) {
  for (size_t i = 0; i < to; ++i) {
    if (i >= from) {
      const int n = NumFeatures(parser_internal::ActionFeatures(st, s.toks, opt.feature_set, feats), action);
      for (int f = 0; f < n; ++f) action.Update(rows[f], acts[i].first, delta, t);
    }
    st.Apply(acts[i].first, acts[i].second);
  }
}

// Global training of the beam (Huang et al. 2012, max-violation): the gold sequence
// follows the dynamic oracle's zero-cost actions (the best-scoring one among them), the
// beam follows the model; at the step where the best beam item leads the gold
// sequence by most, the gold prefix is rewarded and the beam item's prefix penalised.
// Arcs in the beam get their gold label when the arc is right (as in greedy training),
// else the label classifier's choice; the labeller is trained along the gold sequence.
void Trainer::TrainSentenceBeam(const TrainSentence& s) {
  struct Back {
    int parent, action, label;
  };
  struct Cand {
    double score;
    int parent, action;
  };
  const int n = static_cast<int>(s.toks.size()) - 1;
  const int k_max = opt.beam;
  std::vector<State> cur(1), next;
  cur[0].Init(n);
  std::vector<double> cur_score = {0.0}, next_score;
  std::vector<char> cur_gold = {1}, next_gold;
  std::vector<std::vector<Back>> back;  // per step, per item
  std::vector<std::pair<int, int>> gold_acts;
  State gold;
  gold.Init(n);
  double gold_score = 0, max_violation = 0;
  int violation_step = -1;
  std::vector<Cand> cands;
  for (int step = 0; step < 2 * n; ++step) {
    ++t;
    cands.clear();
    for (int i = 0; i < static_cast<int>(cur.size()); ++i) {
      float score[4];
      ActionScoresOf(cur[i], s, score);
      for (int a = 0; a < kNumActions; ++a) {
        if (cur[i].Allowed(a)) cands.push_back({cur_score[i] + score[a], i, a});
      }
    }
    const int k = std::min<int>(k_max, static_cast<int>(cands.size()));
    std::partial_sort(cands.begin(), cands.begin() + k, cands.end(), [](const Cand& a, const Cand& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.parent != b.parent ? a.parent < b.parent : a.action < b.action;
    });
    // The gold sequence's next action: zero (minimal) cost, best score.
    float gscore[4];
    ActionScoresOf(gold, s, gscore);
    int ga = -1, min_cost = 1 << 30;
    for (int a = 0; a < kNumActions; ++a) {
      if (!gold.Allowed(a)) continue;
      const int c = Cost(gold, s, a);
      if (c < min_cost || (c == min_cost && gscore[a] > gscore[ga])) min_cost = c, ga = a;
    }
    gold_score += gscore[ga];
    // Apply; the beam's labels are deterministic given state and action, so the gold item
    // in the beam stays identical to `gold`.
    next.resize(k);
    next_score.resize(k);
    next_gold.assign(k, 0);
    back.emplace_back(k);
    for (int j = 0; j < k; ++j) {
      const Cand& c = cands[j];
      const State& p = cur[c.parent];
      int l = -1;
      if (c.action != kShift) {
        const int h = p.ArcHead(c.action), d = p.ArcDep();
        l = (s.gold_head[d] == h && s.gold_label[d] >= 0) ? s.gold_label[d] : PredictLabel(p, s, h, d);
        if (h == 0) l = root_label;
      }
      next[j] = p;
      next[j].Apply(c.action, l);
      next_score[j] = c.score;
      next_gold[j] = cur_gold[c.parent] && c.action == ga;
      back.back()[j] = {c.parent, c.action, l};
    }
    int gl = -1;
    if (ga != kShift) gl = TrainLabel(gold, s, gold.ArcHead(ga), gold.ArcDep());
    gold_acts.push_back({ga, gl});
    gold.Apply(ga, gl);
    std::swap(cur, next);
    std::swap(cur_score, next_score);
    std::swap(cur_gold, next_gold);
    if (!cur_gold[0] && cur_score[0] - gold_score >= max_violation) {
      max_violation = cur_score[0] - gold_score;
      violation_step = step;
    }
    bool gold_in_beam = false;
    for (char g : cur_gold) gold_in_beam |= g != 0;
    if (!gold_in_beam && !opt.max_violation) {  // early update: where gold falls off the beam
      violation_step = step;
      break;
    }
  }
  if (violation_step < 0) return;
  // The best item at the violation step, traced back.
  std::vector<std::pair<int, int>> pred_acts(violation_step + 1);
  for (int step = violation_step, j = 0; step >= 0; --step) {
    const Back& b = back[step][j];
    pred_acts[step] = {b.action, b.label};
    j = b.parent;
  }
  size_t common = 0;
  while (common < pred_acts.size() && pred_acts[common] == gold_acts[common]) ++common;
  if (common == pred_acts.size()) return;
  State start;
  start.Init(n);
  UpdateSequence(start, s, gold_acts, common, pred_acts.size(), 1.f);
  UpdateSequence(start, s, pred_acts, common, pred_acts.size(), -1.f);
}

int Trainer::TrainLabel(const State& st, const TrainSentence& s, int h, int d) {
  if (h == 0) return root_label;
  const int n =
      NumFeatures(parser_internal::LabelFeatures(st, s.toks, opt.feature_set, h, d, feats), label);
  std::vector<float> score(stride);
  Scores(label, n, stride, score.data());
  int pred = -1;
  for (int l = 0; l < num_labels; ++l) {
    if (l != root_label && (pred < 0 || score[l] > score[pred])) pred = l;
  }
  if (s.gold_head[d] != h) return pred;
  const int gold = s.gold_label[d];
  if (gold >= 0 && gold != root_label && pred != gold) Update(label, n, gold, pred);
  return gold;
}

void Trainer::TrainSentenceOnce(const TrainSentence& s, bool explore) {
  State st;
  st.Init(static_cast<int>(s.toks.size()) - 1);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  while (!st.Terminal()) {
    ++t;
    const int n = NumFeatures(parser_internal::ActionFeatures(st, s.toks, opt.feature_set, feats), action);
    float score[4];
    Scores(action, n, 4, score);
    int pred = -1, best_gold = -1, min_cost = 1 << 30;
    int cost[kNumActions];
    for (int a = 0; a < kNumActions; ++a) {
      if (!st.Allowed(a)) continue;
      cost[a] = Cost(st, s, a);
      min_cost = std::min(min_cost, cost[a]);
      if (pred < 0 || score[a] > score[pred]) pred = a;
    }
    for (int a = 0; a < kNumActions; ++a) {
      if (st.Allowed(a) && cost[a] == min_cost && (best_gold < 0 || score[a] > score[best_gold])) best_gold = a;
    }
    int next = best_gold;
    if (cost[pred] != min_cost) {
      Update(action, n, best_gold, pred);
      if (explore && coin(rng) < opt.explore_prob) next = pred;
    }
    int l = -1;
    if (next != kShift) l = TrainLabel(st, s, st.ArcHead(next), st.ArcDep());
    st.Apply(next, l);
  }
}

std::vector<std::string> LabelNames(const std::map<std::string, int>& ids) {
  std::vector<std::string> names(ids.size());
  for (const auto& [name, id] : ids) names[id] = name;
  return names;
}

Status CollectSentences(const std::vector<document::Document>& docs, const parser_internal::ClusterIndex* clusters,
                        const parser_internal::AmbiguityIndex* ambiguity, std::map<std::string, int>& label_ids,
                        bool add_labels, std::vector<TrainSentence>& out) {
  for (const document::Document& doc : docs) {
    for (const document::Sentence& s : doc.sentences) {
      if (s.size() == 0) continue;
      auto ts = MakeSentence(doc, s, clusters, ambiguity, label_ids, add_labels);
      if (!ts.ok()) return ts.status();
      out.push_back(std::move(ts).value());
    }
  }
  return Status::Ok();
}

// Ambiguity classes: for each lowercased word seen at least twice, the UPOS tags it had
// at least twice (or in at least 5% of its occurrences).
parser_internal::AmbiguityIndex BuildAmbiguity(const std::vector<document::Document>& docs) {
  std::map<uint64_t, std::map<uint32_t, int>> counts;
  for (const document::Document& doc : docs) {
    for (const document::Token& t : doc.tokens) {
      const uint32_t bit = parser_internal::AmbiguityIndex::UposBit(t.upos);
      if (bit != 0) ++counts[parser_internal::EncodeToken(t.form, t.upos, t.xpos, nullptr).word][bit];
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (const auto& [word, tags] : counts) {
    int total = 0;
    for (const auto& [bit, c] : tags) total += c;
    if (total < 2) continue;
    uint32_t mask = 0;
    for (const auto& [bit, c] : tags) {
      if (c >= 2 || c * 20 >= total) mask |= bit;
    }
    entries.push_back({word, mask});
  }
  return parser_internal::AmbiguityIndex(entries);
}

// Mean over ensemble members of the averaged weights of one table.
template <typename TableOf>
std::vector<float> MeanAveraged(std::vector<std::unique_ptr<Trainer>>& trainers, TableOf table_of) {
  std::vector<float> sum = table_of(*trainers[0]).Averaged(trainers[0]->t);
  for (size_t k = 1; k < trainers.size(); ++k) {
    const std::vector<float> w = table_of(*trainers[k]).Averaged(trainers[k]->t);
    for (size_t i = 0; i < sum.size(); ++i) sum[i] += w[i];
  }
  if (trainers.size() > 1) {
    for (float& x : sum) x /= static_cast<float>(trainers.size());
  }
  return sum;
}

AttachmentScore Evaluate(const Weights& w, const std::vector<TrainSentence>& sents) {
  AttachmentScore score;
  std::vector<int> heads, labels;
  for (const TrainSentence& s : sents) {
    parser_internal::ParseTokens(w, s.toks, heads, labels);
    for (size_t i = 1; i < s.toks.size(); ++i) {
      ++score.tokens;
      if (heads[i] != s.gold_head[i]) continue;
      ++score.heads;
      score.labels += labels[i] == s.gold_label[i];
    }
  }
  return score;
}

}  // namespace

AttachmentScore ScoreParses(const std::vector<document::Document>& gold,
                            const std::vector<document::Document>& predicted) {
  AttachmentScore score;
  for (size_t d = 0; d < gold.size() && d < predicted.size(); ++d) {
    const auto& g = gold[d].tokens;
    const auto& p = predicted[d].tokens;
    for (size_t i = 0; i < g.size() && i < p.size(); ++i) {
      ++score.tokens;
      if (g[i].head != p[i].head) continue;
      ++score.heads;
      score.labels += g[i].deprel == p[i].deprel;
    }
  }
  return score;
}

StatusOr<TrainedParser> TrainParser(const std::vector<document::Document>& train,
                                    const std::vector<std::vector<document::Document>>& dev,
                                    const ParserTrainerOptions& options, std::ostream& log) {
  std::map<std::string, int> label_ids = {{"root", 0}};
  std::vector<TrainSentence> sents;
  std::unique_ptr<parser_internal::ClusterIndex> clusters;
  if (options.clusters != nullptr) clusters = std::make_unique<parser_internal::ClusterIndex>(*options.clusters);
  std::unique_ptr<parser_internal::AmbiguityIndex> ambiguity;
  if (options.feature_set >= 3) {
    ambiguity = std::make_unique<parser_internal::AmbiguityIndex>(
        BuildAmbiguity(options.lexicon_docs != nullptr ? *options.lexicon_docs : train));
  }
  NG_RETURN_IF_ERROR(CollectSentences(train, clusters.get(), ambiguity.get(), label_ids, true, sents));
  if (sents.empty()) return Status::InvalidArgument("parser training: no sentences with trees in the training data");
  if (options.feature_set < 1 || options.feature_set > parser_internal::kFeatureSet) {
    return Status::InvalidArgument("parser training: feature set " + std::to_string(options.feature_set) +
                                   " is not one of 1.." + std::to_string(parser_internal::kFeatureSet));
  }
  std::vector<std::vector<TrainSentence>> dev_sents(dev.size());
  for (size_t i = 0; i < dev.size(); ++i) {
    NG_RETURN_IF_ERROR(CollectSentences(dev[i], clusters.get(), ambiguity.get(), label_ids, false, dev_sents[i]));
  }
  // `ensemble` perceptrons differ only in their seed (shuffling, exploration); the model is
  // the mean of their averaged weights, which costs nothing at run time.
  const int members = std::max(1, options.ensemble);
  std::vector<std::unique_ptr<Trainer>> trainers;
  std::vector<std::vector<size_t>> orders(members, std::vector<size_t>(sents.size()));
  for (int k = 0; k < members; ++k) {
    trainers.push_back(std::make_unique<Trainer>(options, static_cast<int>(label_ids.size()), 0));
    trainers.back()->rng.seed(options.seed + static_cast<uint64_t>(k) * 7919);
    for (size_t i = 0; i < sents.size(); ++i) orders[k][i] = i;
  }
  log << "parser: " << sents.size() << " training sentences, " << label_ids.size() << " labels, " << members
      << " ensemble member(s)\n";
  TrainedParser best;
  double best_las = -1;
  const auto start = std::chrono::steady_clock::now();
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (int k = 0; k < members; ++k) {
      Trainer& tr = *trainers[k];
      std::vector<size_t>& order = orders[k];
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[tr.rng() % i]);
      for (size_t i : order) {
        if (options.beam > 1) {
          tr.TrainSentenceBeam(sents[i]);
        } else {
          tr.TrainSentenceOnce(sents[i], epoch >= options.explore_from_epoch);
        }
      }
    }
    Weights w;
    w.features = options.feature_set;
    w.beam = std::max(1, options.beam);
    w.action_bits = options.action_bits;
    w.label_bits = options.label_bits;
    w.label_stride = trainers[0]->stride;
    w.labels = LabelNames(label_ids);
    w.root_label = 0;
    w.action = parser_internal::Quantize(MeanAveraged(trainers, [](Trainer& t) -> AvgTable& { return t.action; }));
    w.label = parser_internal::Quantize(MeanAveraged(trainers, [](Trainer& t) -> AvgTable& { return t.label; }));
    std::vector<AttachmentScore> scores;
    for (const auto& ds : dev_sents) scores.push_back(Evaluate(w, ds));
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    log << "epoch " << epoch << " (" << static_cast<int>(secs) << " s)";
    for (size_t i = 0; i < scores.size(); ++i) {
      log << "  dev" << i << " UAS " << scores[i].uas() << " LAS " << scores[i].las();
    }
    const double las = scores.empty() ? epoch : scores[0].las();
    if (las > best_las) {
      best_las = las;
      best.weights = w.Serialize();
      best.best_epoch = epoch;
      best.feature_set = options.feature_set;
      best.beam = w.beam;
      best.lexicon = ambiguity != nullptr ? ambiguity->Serialize() : std::string();
      best.dev = scores.empty() ? AttachmentScore{} : scores[0];
      best.dev_all = scores;
      log << "  *";
    }
    log << std::endl;
  }
  return best;
}

StatusOr<std::string> AverageParserWeights(const std::vector<std::string>& weights) {
  if (weights.empty()) return Status::InvalidArgument("parser averaging: no models");
  std::vector<float> action, label;
  Weights first;
  for (size_t k = 0; k < weights.size(); ++k) {
    const std::string what = "model " + std::to_string(k + 1) + " of the average";
    NG_ASSIGN_OR_RETURN(Weights w, Weights::Deserialize(weights[k], what));
    if (k == 0) {
      action.assign(w.action.size(), 0.f);
      label.assign(w.label.size(), 0.f);
    } else if (w.action_bits != first.action_bits || w.label_bits != first.label_bits ||
               w.label_stride != first.label_stride || w.labels != first.labels) {
      return Status::InvalidArgument(what + ": table shapes or label set differ from model 1");
    }
    // Each model was quantized to its own scale (largest weight = 32000): averaging the
    // quantized values weighs the models equally whatever their raw magnitudes.
    for (size_t i = 0; i < action.size(); ++i) action[i] += w.action[i];
    for (size_t i = 0; i < label.size(); ++i) label[i] += w.label[i];
    if (k == 0) first = std::move(w);
  }
  first.action = parser_internal::Quantize(action);
  first.label = parser_internal::Quantize(label);
  return first.Serialize();
}

StatusOr<std::string> BuildParserModelFile(const std::string& weights, nlohmann::json meta,
                                           const std::vector<document::Document>& selftest_sentences,
                                           std::shared_ptr<const WordClusters> clusters,
                                           const std::string& clusters_file, const std::string& lexicon,
                                           const std::string& relabel) {
  meta["kind"] = Parser::kKind;
  if (!meta.contains("version")) meta["version"] = ParserTrainerOptions{}.feature_set;
  if (clusters != nullptr) meta["clusters"] = {{"file", clusters_file}, {"hash", Parser::ClustersHash(*clusters)}};
  ModelFileWriter draft(meta);
  draft.AddSection("weights", weights);
  if (!lexicon.empty()) draft.AddSection("lexicon", lexicon);
  if (!relabel.empty()) draft.AddSection("relabel", relabel);
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const Parser> parser,
                      Parser::FromBytes(draft.Serialize(), "(new parser)", clusters));
  nlohmann::json selftest = nlohmann::json::array();
  for (document::Document doc : selftest_sentences) {
    parser->Parse(doc);
    nlohmann::json tc = {{"tokens", nlohmann::json::array()}, {"heads", nlohmann::json::array()},
                         {"deprels", nlohmann::json::array()}};
    for (const document::Token& t : doc.tokens) {
      tc["tokens"].push_back({t.form, t.upos, t.xpos});
      tc["heads"].push_back(t.head);
      tc["deprels"].push_back(t.deprel);
    }
    selftest.push_back(std::move(tc));
  }
  ModelFileWriter writer(meta);
  writer.AddSection("weights", weights);
  if (!lexicon.empty()) writer.AddSection("lexicon", lexicon);
  if (!relabel.empty()) writer.AddSection("relabel", relabel);
  writer.SetSelfTest(selftest);
  return writer.Serialize();
}

}  // namespace newsgraph::models

namespace newsgraph::models {
namespace {

// One sentence: {form, upos, xpos, head, deprel} per token.
struct SelfTestToken {
  const char* form;
  const char* upos;
  const char* xpos;
  int head;
  const char* deprel;
};

document::Document MakeSelfTestDoc(const std::vector<SelfTestToken>& tokens) {
  document::Document doc;
  for (const SelfTestToken& st : tokens) {
    document::Token t;
    t.form = st.form;
    t.upos = st.upos;
    t.xpos = st.xpos;
    t.head = st.head;
    t.deprel = st.deprel;
    doc.tokens.push_back(std::move(t));
  }
  document::Sentence s;
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

}  // namespace

std::vector<document::Document> ParserSelfTestSentences() {
  return {
      MakeSelfTestDoc({{"The", "DET", "DT", 2, "det"},
                       {"minister", "NOUN", "NN", 3, "nsubj"},
                       {"said", "VERB", "VBD", 0, "root"},
                       {"on", "ADP", "IN", 5, "case"},
                       {"Tuesday", "PROPN", "NNP", 3, "obl"},
                       {"that", "SCONJ", "IN", 10, "mark"},
                       {"the", "DET", "DT", 8, "det"},
                       {"talks", "NOUN", "NNS", 10, "nsubj"},
                       {"would", "AUX", "MD", 10, "aux"},
                       {"resume", "VERB", "VB", 3, "ccomp"},
                       {".", "PUNCT", ".", 3, "punct"}}),
      MakeSelfTestDoc({{"Police", "NOUN", "NNS", 2, "nsubj"},
                       {"arrested", "VERB", "VBD", 0, "root"},
                       {"two", "NUM", "CD", 4, "nummod"},
                       {"men", "NOUN", "NNS", 2, "obj"},
                       {"in", "ADP", "IN", 6, "case"},
                       {"Lagos", "PROPN", "NNP", 2, "obl"},
                       {"after", "ADP", "IN", 9, "case"},
                       {"the", "DET", "DT", 9, "det"},
                       {"protest", "NOUN", "NN", 2, "obl"},
                       {".", "PUNCT", ".", 2, "punct"}}),
      MakeSelfTestDoc({{"The", "DET", "DT", 2, "det"},
                       {"agreement", "NOUN", "NN", 4, "nsubj:pass"},
                       {"was", "AUX", "VBD", 4, "aux:pass"},
                       {"signed", "VERB", "VBN", 0, "root"},
                       {"by", "ADP", "IN", 7, "case"},
                       {"both", "DET", "DT", 7, "det"},
                       {"leaders", "NOUN", "NNS", 4, "obl"},
                       {".", "PUNCT", ".", 4, "punct"}}),
  };
}

}  // namespace newsgraph::models
