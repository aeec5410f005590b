#include "models/ner_trainer.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <random>

#include "models/model_file.h"
#include "models/ner_features.h"
#include "models/perceptron_trainer.h"

namespace newsgraph::models {
namespace {

int LabelIndex(const std::string& tag) {
  const std::vector<std::string>& labels = NerTagger::Labels();
  auto it = std::find(labels.begin(), labels.end(), tag);
  return it == labels.end() ? 0 : static_cast<int>(it - labels.begin());
}

std::vector<int> GoldLabels(const NerSentence& s) {
  std::vector<int> out(s.tags.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = LabelIndex(s.tags[i]);
  return out;
}

// A training sentence with what the features need, computed once.
struct Prepared {
  std::vector<ner_internal::TokenInfo> info;
  std::vector<int> gold, gold_r2l;  // IOB2; reversed coding (ner_internal::ToReversedCoding)
  std::vector<int> stack;           // right-to-left labels read by the stacked features (fixed modes)
};

// One greedy right-to-left pass with updates; `out` gets its guesses.
void TrainRightToLeft(const Prepared& p, perceptron::AveragedPerceptronTrainer& trainer,
                      std::vector<ner_internal::TokenInfo>& rev, std::vector<int>& out) {
  auto score = [&](const uint64_t* k, int n, float* sc) {
    trainer.Tick();
    trainer.Score(k, n, sc);
  };
  auto update = [&](const uint64_t* k, int n, int gold, int guess) { trainer.Update(k, n, gold, guess); };
  ner_internal::DecodeRightToLeft(p.info, rev, trainer.num_classes(), score, &p.gold_r2l, update, out);
}

// Right-to-left labels of `p` with fixed weights.
void TagRightToLeft(const Prepared& p, const perceptron::SparseWeights& weights,
                    std::vector<ner_internal::TokenInfo>& rev, std::vector<int>& out) {
  auto score = [&](const uint64_t* k, int n, float* sc) { weights.Score(k, n, sc); };
  ner_internal::DecodeRightToLeft(p.info, rev, weights.num_classes(), score, nullptr,
                                  [](const uint64_t*, int, int, int) {}, out);
}

// One greedy left-to-right pass over a sentence with updates where the
// prediction is wrong; `r2l` (may be empty) feeds the stacked features.
void TrainSentence(const Prepared& p, const std::vector<int>& r2l, perceptron::AveragedPerceptronTrainer& trainer) {
  const int num_labels = static_cast<int>(NerTagger::Labels().size());
  std::vector<float> scores(num_labels);
  uint64_t keys[ner_internal::kMaxFeatures + ner_internal::kMaxStackFeatures];
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < p.info.size(); ++i) {
    int n = ner_internal::ExtractFeatures(p.info, i, prev1, prev2, keys);
    if (!r2l.empty()) n += ner_internal::ExtractStackFeatures(p.info, r2l, i, prev1, keys + n);
    trainer.Tick();
    trainer.Score(keys, n, scores.data());
    int guess = 0;
    for (int c = 1; c < num_labels; ++c) {
      if (ner_internal::Allowed(prev1, c) && scores[c] > scores[guess]) guess = c;
    }
    const int gold = p.gold[i];
    // After a wrong previous guess, gold I-X may be impossible here: no update,
    // since raising an impossible label's weights has no bound (it can never be the guess).
    if (ner_internal::Allowed(prev1, gold)) trainer.Update(keys, n, gold, guess);
    prev2 = prev1;
    prev1 = guess;
  }
}

struct Span {
  size_t begin, end;
  std::string type;
  bool operator<(const Span& o) const { return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type); }
};

std::vector<Span> Spans(const std::vector<std::string>& tags, std::string_view (*map_type)(std::string_view)) {
  std::vector<Span> out;
  for (size_t i = 0; i < tags.size();) {
    if (tags[i].size() < 3 || tags[i][0] != 'B') {
      ++i;
      continue;
    }
    std::string type = tags[i].substr(2);
    size_t j = i + 1;
    while (j < tags.size() && tags[j].size() > 2 && tags[j][0] == 'I' && tags[j].substr(2) == type) ++j;
    std::string mapped = map_type == nullptr ? type : std::string(map_type(type));
    if (!mapped.empty()) out.push_back({i, j, mapped});
    i = j;
  }
  return out;
}

}  // namespace

namespace {

// CoNLL-2003 types, as the floor is scored; the numeric rule types are dropped.
std::string_view CoarseLearnedTypes(std::string_view type) {
  if (type == "PERSON") return "PER";
  if (type == "ORG") return "ORG";
  if (type == "GPE" || type == "LOC" || type == "FAC") return "LOC";
  if (type == "NORP" || type == "EVENT" || type == "MISC") return "MISC";
  return "";
}

double DevF1(const NerTagger& tagger, const std::vector<NerSentence>& dev) {
  std::map<std::string, SpanCounts> counts;
  std::vector<std::vector<std::string>> tagged = TagSentences(tagger, dev);
  for (size_t i = 0; i < dev.size(); ++i) CountSpans(dev[i].tags, tagged[i], CoarseLearnedTypes, counts);
  return counts["ALL"].F1();
}

// One DocContext per document of `sentences` (NerSentence::doc >= 0).
std::map<int, ner_internal::DocContext> DocContexts(const std::vector<NerSentence>& sentences) {
  std::map<int, std::vector<std::vector<std::string_view>>> docs;
  for (const NerSentence& s : sentences) {
    if (s.doc >= 0) docs[s.doc].emplace_back(s.forms.begin(), s.forms.end());
  }
  std::map<int, ner_internal::DocContext> out;
  for (const auto& [id, forms] : docs) out.emplace(id, ner_internal::DocContext(forms));
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> TagSentences(const NerTagger& tagger, const std::vector<NerSentence>& sentences) {
  std::vector<std::vector<std::string>> out;
  out.reserve(sentences.size());
  for (size_t i = 0; i < sentences.size();) {
    size_t j = i + 1;  // a document: a run of sentences with the same doc >= 0
    while (sentences[i].doc >= 0 && j < sentences.size() && sentences[j].doc == sentences[i].doc) ++j;
    std::vector<std::vector<std::string_view>> doc;
    for (size_t k = i; k < j; ++k) doc.emplace_back(sentences[k].forms.begin(), sentences[k].forms.end());
    for (auto& tags : tagger.TagDocument(doc)) out.push_back(std::move(tags));
    i = j;
  }
  return out;
}

namespace {

// Trains a right-to-left model on `which` for `epochs` shuffled passes.
perceptron::SparseWeights TrainRightToLeftModel(const std::vector<Prepared>& data, std::vector<size_t> which,
                                                int epochs, uint64_t seed, float min_weight) {
  perceptron::AveragedPerceptronTrainer trainer(static_cast<int>(NerTagger::Labels().size()));
  std::mt19937_64 rng(seed);
  std::vector<ner_internal::TokenInfo> rev;
  std::vector<int> out;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(which.begin(), which.end(), rng);
    for (size_t index : which) TrainRightToLeft(data[index], trainer, rev, out);
  }
  return trainer.Average(min_weight);
}

// Fills Prepared::stack of every sentence (kOwn: labels of the model trained on
// all of them; kJackknife: of a model trained on the other folds) and returns the
// right-to-left model trained on all sentences.
perceptron::SparseWeights PrepareStack(const std::vector<NerSentence>& train, const NerTrainOptions& options,
                                       std::vector<Prepared>& data) {
  std::vector<size_t> all(data.size());
  std::iota(all.begin(), all.end(), 0);
  perceptron::SparseWeights full = TrainRightToLeftModel(data, all, options.epochs, options.seed + 1000, options.min_weight);
  std::vector<ner_internal::TokenInfo> rev;
  if (options.r2l == NerRightToLeft::kOwn) {
    for (Prepared& p : data) TagRightToLeft(p, full, rev, p.stack);
    return full;
  }
  const int folds = std::max(2, options.r2l_folds);
  auto fold_of = [&](size_t i) {
    return static_cast<int>((train[i].doc >= 0 ? static_cast<size_t>(train[i].doc) : i) % folds);
  };
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> rest;
    for (size_t i = 0; i < data.size(); ++i) {
      if (fold_of(i) != f) rest.push_back(i);
    }
    perceptron::SparseWeights model =
        TrainRightToLeftModel(data, rest, options.epochs, options.seed + 1001 + f, options.min_weight);
    for (size_t i = 0; i < data.size(); ++i) {
      if (fold_of(i) == f) TagRightToLeft(data[i], model, rev, data[i].stack);
    }
  }
  return full;
}

}  // namespace

std::shared_ptr<const NerTagger> TrainNer(const std::vector<NerSentence>& train,
                                          std::shared_ptr<const kb::Gazetteer> gazetteer,
                                          const NerTrainOptions& options, nlohmann::json meta) {
  const int num_labels = static_cast<int>(NerTagger::Labels().size());
  // One member per perceptron of the ensemble: its trainers, its shuffle and its buffers.
  struct Member {
    Member(int labels, uint64_t seed) : trainer(labels), rng(seed) {}
    perceptron::AveragedPerceptronTrainer trainer;
    std::unique_ptr<perceptron::AveragedPerceptronTrainer> online_r2l;
    std::mt19937_64 rng;
    std::vector<size_t> order;
    std::vector<ner_internal::TokenInfo> rev;
    std::vector<int> online_labels;
  };
  const int members = std::max(1, options.ensemble);
  std::vector<std::unique_ptr<Member>> team;
  for (int m = 0; m < members; ++m) {
    team.push_back(std::make_unique<Member>(num_labels, options.seed + 7919ull * static_cast<uint64_t>(m)));
    if (options.r2l == NerRightToLeft::kOnline) {
      team.back()->online_r2l = std::make_unique<perceptron::AveragedPerceptronTrainer>(num_labels);
    }
    team.back()->order.resize(train.size());
    std::iota(team.back()->order.begin(), team.back()->order.end(), 0);
  }
  meta["kind"] = "ner";
  meta["version"] = 1;
  meta["payload_version"] = ner_internal::kPayloadVersion;
  meta["labels"] = NerTagger::Labels();
  if (members > 1) meta["ensemble"] = members;
  NerLexicon lexicon = options.lexicon != nullptr ? *options.lexicon : NerLexicon();
  NerNames names = options.names != nullptr ? *options.names : NerNames();
  NerFirstNames first_names = options.first_names != nullptr ? *options.first_names : NerFirstNames();
  ner_internal::FeatureResources res;
  res.gazetteer = gazetteer.get();
  res.lexicon = lexicon.empty() ? nullptr : &lexicon;
  res.names = names.empty() ? nullptr : &names;
  res.first_names = first_names.empty() ? nullptr : &first_names;
  const std::map<int, ner_internal::DocContext> contexts = DocContexts(train);
  std::vector<Prepared> data(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    auto it = contexts.find(train[i].doc);
    std::vector<std::string_view> forms(train[i].forms.begin(), train[i].forms.end());
    ner_internal::ComputeTokenInfo(forms, res, it == contexts.end() ? nullptr : &it->second, data[i].info);
    data[i].gold = GoldLabels(train[i]);
    if (options.r2l != NerRightToLeft::kNone) data[i].gold_r2l = ner_internal::ToReversedCoding(data[i].gold);
    if (options.r2l_types_only) {
      for (int& label : data[i].gold_r2l) label = label > 0 && label % 2 == 0 ? label - 1 : label;
    }
  }
  perceptron::SparseWeights fixed_r2l;
  if (options.r2l == NerRightToLeft::kOwn || options.r2l == NerRightToLeft::kJackknife) {
    fixed_r2l = PrepareStack(train, options, data);
  }
  auto mean_of = [&](bool r2l) {
    std::vector<const perceptron::AveragedPerceptronTrainer*> trainers;
    for (const auto& member : team) trainers.push_back(r2l ? member->online_r2l.get() : &member->trainer);
    return perceptron::MeanOfAverages(trainers, options.min_weight);
  };
  auto r2l_weights = [&] { return options.r2l == NerRightToLeft::kOnline ? mean_of(true) : fixed_r2l; };
  auto make = [&](perceptron::SparseWeights weights, perceptron::SparseWeights r2l) {
    return std::make_shared<const NerTagger>(meta, std::move(weights), gazetteer, lexicon, names, first_names,
                                             std::move(r2l));
  };
  std::shared_ptr<const NerTagger> best;
  double best_f1 = -1;
  int best_epoch = 0;
  std::vector<double> curve;
  const std::vector<int> no_labels;
  auto train_epoch = [&](Member& member) {
    std::shuffle(member.order.begin(), member.order.end(), member.rng);
    for (size_t index : member.order) {
      if (member.online_r2l != nullptr) {
        TrainRightToLeft(data[index], *member.online_r2l, member.rev, member.online_labels);
        TrainSentence(data[index], member.online_labels, member.trainer);
      } else {
        TrainSentence(data[index], options.r2l == NerRightToLeft::kNone ? no_labels : data[index].stack,
                      member.trainer);
      }
    }
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    perceptron::TrainMembers(team, train_epoch);  // members only read the shared data
    if ((options.dev == nullptr || epoch + 1 < options.min_epochs) && epoch + 1 < options.epochs) continue;
    auto tagger = make(mean_of(false), r2l_weights());
    if (options.dev == nullptr) return tagger;
    double f1 = DevF1(*tagger, *options.dev);
    curve.push_back(f1);
    if (f1 > best_f1 && epoch + 1 >= options.min_epochs) best_f1 = f1, best = tagger, best_epoch = epoch + 1;
  }
  if (best == nullptr) return make(mean_of(false), r2l_weights());
  if (!meta["training"].is_object()) meta["training"] = {{"spec", meta["training"]}};
  meta["training"]["best_epoch"] = best_epoch;
  meta["training"]["dev_f1_per_epoch"] = curve;
  return make(best->weights(), best->weights_r2l());
}

Status WriteNerModel(const NerTagger& tagger, const std::vector<std::vector<std::string>>& selftest_sentences,
                     const std::string& path) {
  ModelFileWriter writer(tagger.meta());
  nlohmann::json selftest = nlohmann::json::array();
  for (const auto& tokens : selftest_sentences) {
    std::vector<std::string_view> forms(tokens.begin(), tokens.end());
    selftest.push_back({{"tokens", tokens}, {"ner", tagger.TagForms(forms)}});
  }
  writer.SetSelfTest(std::move(selftest));
  writer.AddSection("weights", tagger.weights().Serialize());
  if (tagger.bidirectional()) writer.AddSection("weights_r2l", tagger.weights_r2l().Serialize());
  if (!tagger.lexicon().empty()) writer.AddSection("lexicon", tagger.lexicon().Serialize());
  if (!tagger.names().empty()) writer.AddSection("names", tagger.names().Serialize());
  if (!tagger.first_names().empty()) writer.AddSection("first_names", tagger.first_names().Serialize());
  return writer.WriteTo(path);
}

void CountSpans(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
                std::string_view (*map_type)(std::string_view), std::map<std::string, SpanCounts>& counts) {
  std::vector<Span> g = Spans(gold, map_type), p = Spans(predicted, map_type);
  std::sort(g.begin(), g.end());
  std::sort(p.begin(), p.end());
  std::vector<Span> both;
  std::set_intersection(g.begin(), g.end(), p.begin(), p.end(), std::back_inserter(both));
  for (const Span& s : both) ++counts[s.type].tp, ++counts["ALL"].tp;
  for (const Span& s : p) ++counts[s.type].fp, ++counts["ALL"].fp;
  for (const Span& s : g) ++counts[s.type].fn, ++counts["ALL"].fn;
  for (const Span& s : both) --counts[s.type].fp, --counts["ALL"].fp, --counts[s.type].fn, --counts["ALL"].fn;
}

}  // namespace newsgraph::models
