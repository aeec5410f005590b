#include "models/ner_trainer.h"

#include <algorithm>
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

// One greedy pass over a sentence with updates where the prediction is wrong.
void TrainSentence(const NerSentence& s, const ner_internal::FeatureResources& res,
                   const ner_internal::DocContext* doc, perceptron::AveragedPerceptronTrainer& trainer) {
  std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
  std::vector<ner_internal::TokenInfo> info;
  ner_internal::ComputeTokenInfo(forms, res, doc, info);
  const int num_labels = static_cast<int>(NerTagger::Labels().size());
  std::vector<float> scores(num_labels);
  uint64_t keys[ner_internal::kMaxFeatures];
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < forms.size(); ++i) {
    int n = ner_internal::ExtractFeatures(info, i, prev1, prev2, keys);
    trainer.Tick();
    trainer.Score(keys, n, scores.data());
    int guess = 0;
    for (int c = 1; c < num_labels; ++c) {
      if (ner_internal::Allowed(prev1, c) && scores[c] > scores[guess]) guess = c;
    }
    int gold = LabelIndex(s.tags[i]);
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

std::shared_ptr<const NerTagger> TrainNer(const std::vector<NerSentence>& train,
                                          std::shared_ptr<const kb::Gazetteer> gazetteer,
                                          const NerTrainOptions& options, nlohmann::json meta) {
  perceptron::AveragedPerceptronTrainer trainer(static_cast<int>(NerTagger::Labels().size()));
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  meta["kind"] = "ner";
  meta["version"] = 1;
  meta["payload_version"] = ner_internal::kPayloadVersion;
  meta["labels"] = NerTagger::Labels();
  NerLexicon lexicon = options.lexicon != nullptr ? *options.lexicon : NerLexicon();
  NerNames names = options.names != nullptr ? *options.names : NerNames();
  NerFirstNames first_names = options.first_names != nullptr ? *options.first_names : NerFirstNames();
  ner_internal::FeatureResources res;
  res.gazetteer = gazetteer.get();
  res.lexicon = lexicon.empty() ? nullptr : &lexicon;
  res.names = names.empty() ? nullptr : &names;
  res.first_names = first_names.empty() ? nullptr : &first_names;
  const std::map<int, ner_internal::DocContext> contexts = DocContexts(train);
  std::shared_ptr<const NerTagger> best;
  double best_f1 = -1;
  int best_epoch = 0;
  std::vector<double> curve;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t index : order) {
      auto it = contexts.find(train[index].doc);
      TrainSentence(train[index], res, it == contexts.end() ? nullptr : &it->second, trainer);
    }
    if ((options.dev == nullptr || epoch + 1 < options.min_epochs) && epoch + 1 < options.epochs) continue;
    auto tagger = std::make_shared<const NerTagger>(meta, trainer.Average(options.min_weight), gazetteer, lexicon,
                                                    names, first_names);
    if (options.dev == nullptr) return tagger;
    double f1 = DevF1(*tagger, *options.dev);
    curve.push_back(f1);
    if (f1 > best_f1 && epoch + 1 >= options.min_epochs) best_f1 = f1, best = tagger, best_epoch = epoch + 1;
  }
  if (best == nullptr) {
    return std::make_shared<const NerTagger>(meta, trainer.Average(options.min_weight), gazetteer, lexicon, names,
                                             first_names);
  }
  if (!meta["training"].is_object()) meta["training"] = {{"spec", meta["training"]}};
  meta["training"]["best_epoch"] = best_epoch;
  meta["training"]["dev_f1_per_epoch"] = curve;
  return std::make_shared<const NerTagger>(meta, best->weights(), gazetteer, lexicon, names, first_names);
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
