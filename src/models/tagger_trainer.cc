#include "models/tagger_trainer.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <random>

#include "base/checksum.h"
#include "base/file.h"
#include "document/conllu.h"
#include "models/lemmatizer_trainer.h"
#include "models/model_file.h"
#include "models/perceptron_trainer.h"

namespace newsgraph::models {
namespace {

using document::Token;

// Sentences written for this project (not from any corpus), with the tags we
// expect. The model's own output on them becomes the self-test checked at load;
// agreement with these hand tags is recorded in meta as "selftest_agreement".
struct HandSentence {
  std::vector<std::string> tokens, xpos;
};
const std::vector<HandSentence>& HandSentences() {
  static const auto* kSentences = new std::vector<HandSentence>{
      {{"The", "ministry", "said", "on", "Tuesday", "that", "talks", "would", "resume", "in", "Geneva", "."},
       {"DT", "NN", "VBD", "IN", "NNP", "IN", "NNS", "MD", "VB", "IN", "NNP", "."}},
      {{"Ri", "Pyong", "Chol", "met", "Jo", "Chun", "Ryong", "in", "Pyongyang", "on", "12", "September", "2023", "."},
       {"NNP", "NNP", "NNP", "VBD", "NNP", "NNP", "NNP", "IN", "NNP", "IN", "CD", "NNP", "CD", "."}},
      {{"shares", "fell", "3.5", "%", "to", "$", "41.20", "after", "the", "report", "."},
       {"NNS", "VBD", "CD", "NN", "IN", "$", "CD", "IN", "DT", "NN", "."}},
      {{"REBELS", "SEIZE", "TOWN", "NEAR", "BORDER"}, {"NNS", "VBP", "NN", "IN", "NN"}},
      {{"She", "was", "n't", "going", "to", "sign", "it", "."},
       {"PRP", "VBD", "RB", "VBG", "TO", "VB", "PRP", "."}},
  };
  return *kSentences;
}

void Log(const TaggerTrainOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// One training instance stream: sentences as token vectors (with case copies).
std::vector<std::vector<Token>> TrainingSentences(const TaggedCorpus& corpus, int augment_every) {
  std::vector<std::vector<Token>> out;
  const document::Document& doc = corpus.doc;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const auto& s = doc.sentences[si];
    out.emplace_back(doc.tokens.begin() + s.token_begin, doc.tokens.begin() + s.token_end);
    if (augment_every <= 0 || si % augment_every != 0) continue;
    for (bool upper : {true, false}) {
      std::vector<Token> copy = out[out.size() - (upper ? 1 : 2)];
      for (Token& t : copy) {
        for (char& c : t.form) c = upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                                         : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      out.push_back(std::move(copy));
    }
  }
  return out;
}

Tagger::FeatsTable BuildFeats(const TaggedCorpus& corpus, const std::map<std::pair<std::string, std::string>, int>& ids) {
  std::map<uint64_t, std::map<std::string, int>> by_word, by_shape;
  std::vector<std::map<std::string, int>> by_label(ids.size());
  for (const Token& t : corpus.doc.tokens) {
    auto it = ids.find({t.xpos, t.upos});
    if (it == ids.end()) continue;
    std::string feats = t.feats.empty() ? "_" : t.feats;
    ++by_word[Tagger::FeatsWordKey(Lemmatizer::AsciiLower(t.form), it->second)][feats];
    ++by_shape[Tagger::FeatsShapeKey(t.form, it->second)][feats];
    ++by_label[it->second][feats];
  }
  Tagger::FeatsTable table;
  std::map<std::string, uint32_t> value_ids;
  auto intern = [&](const std::map<std::string, int>& counts) {
    auto best = counts.begin();
    for (auto i = counts.begin(); i != counts.end(); ++i) best = i->second > best->second ? i : best;
    auto [pos, added] = value_ids.emplace(best->first, static_cast<uint32_t>(table.values.size()));
    if (added) table.values.push_back(best->first);
    return pos->second;
  };
  for (const auto& counts : by_label) table.by_label.push_back(counts.empty() ? intern({{"_", 1}}) : intern(counts));
  for (const auto& [key, counts] : by_shape) table.by_shape[key] = intern(counts);
  for (const auto& [key, counts] : by_word) table.by_word[key] = intern(counts);
  return table;
}

// Label set of every word seen at least twice (labels with >= 5% of its uses).
tagger_internal::AmbiguityMap BuildAmbiguity(const TaggedCorpus& corpus,
                                             const std::map<std::pair<std::string, std::string>, int>& ids) {
  std::map<uint64_t, std::map<int, int>> counts;
  for (const Token& t : corpus.doc.tokens) {
    ++counts[base::Hash64(tagger_internal::Normalize(t.form), 2)][ids.at({t.xpos, t.upos})];
  }
  tagger_internal::AmbiguityMap out;
  for (const auto& [word, labels] : counts) {
    int total = 0;
    for (const auto& [label, n] : labels) total += n;
    if (total < 2) continue;
    uint64_t sig = 0x414D42ull;
    for (const auto& [label, n] : labels) {
      if (n * 20 >= total) sig = perceptron::Mix(sig, static_cast<uint64_t>(label) + 1);
    }
    out[word] = sig;
  }
  return out;
}

tagger_internal::ClusterMap BuildClusterMap(const WordClusters* clusters) {
  tagger_internal::ClusterMap out;
  if (clusters == nullptr) return out;
  // Cluster words are normalized the way the tagger normalizes (lowercase, digits -> 0).
  for (const auto& [word, code] : clusters->words()) out[base::Hash64(word, 2)] = code;
  return out;
}

// Exact forms seen at least `min_count` times, with every label they had.
Tagger::Vocab BuildVocab(const TaggedCorpus& corpus, const std::map<std::pair<std::string, std::string>, int>& ids,
                         int min_count) {
  std::map<std::string, std::pair<int, std::map<int, int>>> forms;
  for (const Token& t : corpus.doc.tokens) {
    auto& [count, labels] = forms[t.form];
    ++count;
    ++labels[ids.at({t.xpos, t.upos})];
  }
  Tagger::Vocab out;
  for (const auto& [form, entry] : forms) {
    if (entry.first < min_count) continue;
    std::vector<uint16_t> labels;
    for (const auto& [label, n] : entry.second) labels.push_back(static_cast<uint16_t>(label));
    out.emplace_back(form, std::move(labels));
  }
  return out;
}

Lemmatizer BuildLemmatizer(const TaggedCorpus& corpus) {
  LemmatizerTrainer trainer;
  for (const Token& t : corpus.doc.tokens) trainer.Add(t.form, t.xpos, t.lemma);
  return trainer.Build();
}

void Shuffle(std::vector<size_t>& order, std::mt19937_64& rng) {
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
}

// Right-to-left labels of one sentence (per sentence, for the stacked model).
struct StackTags {
  std::vector<std::vector<int>> labels;
  std::vector<std::vector<uint8_t>> margins;
};

int SecondBestGap(const float* scores, int n, int best) {
  float second = -1e30f;
  for (int c = 0; c < n; ++c) {
    if (c != best && scores[c] > second) second = scores[c];
  }
  return tagger_internal::MarginBucket(scores[best] - second);
}

// Greedy right-to-left tagging of one sentence with `score` (a trainer's current
// weights or an averaged table); with `model`, also perceptron updates towards `gold`.
template <typename ScoreFn>
void RunR2L(const std::vector<tagger_internal::WordInfo>& words, ScoreFn score, int num_classes, bool light,
            const std::vector<int>* gold, perceptron::AveragedPerceptronTrainer* model, std::vector<int>& out,
            std::vector<uint8_t>& margins) {
  std::vector<float> scores(num_classes);
  uint64_t keys[tagger_internal::kMaxFeatures];
  out.assign(words.size(), 0);
  margins.assign(words.size(), 0);
  int prev1 = -1, prev2 = -1;
  for (size_t i = words.size(); i-- > 0;) {
    int n = tagger_internal::ExtractFeaturesR2L(words, i, prev1, prev2, keys, light);
    score(keys, n, scores.data());
    int guess = perceptron::ArgMax(scores.data(), num_classes);
    margins[i] = static_cast<uint8_t>(SecondBestGap(scores.data(), num_classes, guess));
    if (model != nullptr) {
      model->Tick();
      model->Update(keys, n, (*gold)[i], guess);
    }
    out[i] = guess;
    prev2 = prev1;
    prev1 = guess;
  }
}

void SentenceWords(const std::vector<Token>& sentence, const tagger_internal::AmbiguityMap& ambiguity,
                   const tagger_internal::ClusterMap& clusters, std::vector<tagger_internal::WordInfo>& words) {
  std::vector<std::string_view> forms;
  for (const Token& t : sentence) forms.push_back(t.form);
  tagger_internal::ComputeWordInfo(forms, &ambiguity, words, &clusters);
}

// One epoch of the right-to-left model over `order`.
void TrainEpochR2L(const std::vector<std::vector<Token>>& sentences, const std::vector<std::vector<int>>& gold,
                   const std::vector<size_t>& order, const tagger_internal::AmbiguityMap& ambiguity,
                   const tagger_internal::ClusterMap& clusters, bool light, perceptron::AveragedPerceptronTrainer& model) {
  std::vector<tagger_internal::WordInfo> words;
  std::vector<int> out;
  std::vector<uint8_t> margins;
  auto score = [&](const uint64_t* k, size_t n, float* sc) { model.Score(k, n, sc); };
  for (size_t si : order) {
    SentenceWords(sentences[si], ambiguity, clusters, words);
    RunR2L(words, score, model.num_classes(), light, &gold[si], &model, out, margins);
  }
}

// Tags sentences `which` right-to-left with averaged weights into `tags`.
void TagR2L(const std::vector<std::vector<Token>>& sentences, const std::vector<size_t>& which,
            const tagger_internal::AmbiguityMap& ambiguity, const tagger_internal::ClusterMap& clusters,
            const perceptron::SparseWeights& weights, bool light, StackTags& tags) {
  std::vector<tagger_internal::WordInfo> words;
  auto score = [&](const uint64_t* k, size_t n, float* sc) { weights.Score(k, n, sc); };
  for (size_t si : which) {
    SentenceWords(sentences[si], ambiguity, clusters, words);
    RunR2L(words, score, weights.num_classes(), light, nullptr, nullptr, tags.labels[si], tags.margins[si]);
  }
}

// One pass of greedy tagging with perceptron updates. With `stack`, the stacked
// features read its right-to-left labels; with `online_r2l` as well, that model
// first tags (and learns from) each sentence and its guesses fill `stack`.
void TrainEpoch(const std::vector<std::vector<Token>>& sentences, const std::vector<std::vector<int>>& gold,
                const std::vector<size_t>& order, const tagger_internal::AmbiguityMap& ambiguity,
                const tagger_internal::ClusterMap& clusters, bool two_pass, bool light, StackTags* stack,
                perceptron::AveragedPerceptronTrainer* online_r2l, perceptron::AveragedPerceptronTrainer& model) {
  std::vector<int> pass1;
  std::vector<tagger_internal::WordInfo> words;
  std::vector<float> scores(model.num_classes());
  uint64_t keys[tagger_internal::kMaxFeatures + tagger_internal::kMaxRightFeatures + tagger_internal::kMaxStackFeatures];
  for (size_t si : order) {
    SentenceWords(sentences[si], ambiguity, clusters, words);
    const size_t len = words.size();
    if (online_r2l != nullptr) {
      auto score = [&](const uint64_t* k, size_t n, float* sc) { online_r2l->Score(k, n, sc); };
      RunR2L(words, score, online_r2l->num_classes(), light, &gold[si], online_r2l, stack->labels[si], stack->margins[si]);
    }
    pass1.resize(len);
    for (int pass = 0; pass < (two_pass ? 2 : 1); ++pass) {
      int prev1 = -1, prev2 = -1;
      for (size_t i = 0; i < len; ++i) {
        int n = tagger_internal::ExtractFeatures(words, i, prev1, prev2, keys);
        if (pass == 1) n += tagger_internal::ExtractRightFeatures(pass1.data(), len, i, prev1, keys + n);
        if (stack != nullptr) {
          n += tagger_internal::ExtractStackFeatures(words, stack->labels[si].data(), stack->margins[si].data(), i,
                                                     prev1, keys + n, light);
        }
        model.Score(keys, n, scores.data());
        int guess = perceptron::ArgMax(scores.data(), model.num_classes());
        model.Tick();
        model.Update(keys, n, gold[si][i], guess);
        if (pass == 0) pass1[i] = guess;
        prev2 = prev1;
        prev1 = guess;
      }
    }
  }
}

// Jackknifed right-to-left labels of the training sentences: sentences fall into
// `folds` folds by blocks of 64 (case copies stay with their sentence), and each
// fold is tagged by a model trained on the others.
StackTags JackknifeR2L(const std::vector<std::vector<Token>>& sentences, const std::vector<std::vector<int>>& gold,
                       const tagger_internal::AmbiguityMap& ambiguity, const tagger_internal::ClusterMap& clusters,
                       int num_classes, int folds, int epochs, float prune, uint64_t seed,
                       const TaggerTrainOptions& options) {
  StackTags tags;
  tags.labels.resize(sentences.size());
  tags.margins.resize(sentences.size());
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> train, held;
    for (size_t si = 0; si < sentences.size(); ++si) ((si / 64) % folds == static_cast<size_t>(f) ? held : train).push_back(si);
    perceptron::AveragedPerceptronTrainer model(num_classes);
    std::mt19937_64 rng(seed + 1000 + f);
    for (int e = 0; e < epochs; ++e) {
      Shuffle(train, rng);
      TrainEpochR2L(sentences, gold, train, ambiguity, clusters, options.bidirectional_light, model);
    }
    TagR2L(sentences, held, ambiguity, clusters, model.Average(prune), options.bidirectional_light, tags);
    Log(options, "right-to-left jackknife fold " + std::to_string(f + 1) + "/" + std::to_string(folds) + " tagged");
  }
  return tags;
}

// UPOS accuracy of right-to-left tagging with `weights` on `dev` (for the log).
double R2LAccuracy(const TaggedCorpus& dev, const std::vector<Tagger::Label>& labels,
                   const tagger_internal::AmbiguityMap& ambiguity, const tagger_internal::ClusterMap& clusters,
                   const perceptron::SparseWeights& weights, bool light) {
  std::vector<tagger_internal::WordInfo> words;
  std::vector<int> out;
  std::vector<uint8_t> margins;
  std::vector<std::vector<Token>> one(1);
  size_t right = 0, total = 0;
  auto score = [&](const uint64_t* k, size_t n, float* sc) { weights.Score(k, n, sc); };
  for (const auto& s : dev.doc.sentences) {
    one[0].assign(dev.doc.tokens.begin() + s.token_begin, dev.doc.tokens.begin() + s.token_end);
    SentenceWords(one[0], ambiguity, clusters, words);
    RunR2L(words, score, weights.num_classes(), light, nullptr, nullptr, out, margins);
    for (size_t i = 0; i < out.size(); ++i) right += labels[out[i]].upos == one[0][i].upos, ++total;
  }
  return total == 0 ? 0 : 100.0 * right / total;
}

nlohmann::json MakeSelfTest(const Tagger& tagger, double& agreement) {
  nlohmann::json out = nlohmann::json::array();
  size_t total = 0, agree = 0;
  for (const HandSentence& s : HandSentences()) {
    std::vector<Token> tokens;
    for (const std::string& f : s.tokens) tokens.push_back(Token{.form = f});
    tagger.TagTokens(tokens);
    nlohmann::json item = {{"tokens", s.tokens}};
    for (const char* layer : {"xpos", "upos", "feats", "lemma"}) item[layer] = nlohmann::json::array();
    for (size_t i = 0; i < tokens.size(); ++i) {
      item["xpos"].push_back(tokens[i].xpos);
      item["upos"].push_back(tokens[i].upos);
      item["feats"].push_back(tokens[i].feats);
      item["lemma"].push_back(tokens[i].lemma);
      agree += tokens[i].xpos == s.xpos[i] ? 1 : 0;
      ++total;
    }
    out.push_back(std::move(item));
  }
  agreement = total == 0 ? 0 : 100.0 * agree / total;
  return out;
}

// One perceptron of an ensemble, with its right-to-left partner, its stacked
// training labels and its own shuffle.
struct TaggerMember {
  TaggerMember(int num_classes, uint64_t seed) : model(num_classes), rng(seed) {}
  perceptron::AveragedPerceptronTrainer model;
  std::unique_ptr<perceptron::AveragedPerceptronTrainer> online_r2l;
  StackTags stack;
  std::mt19937_64 rng;
  std::vector<size_t> order;
};

}  // namespace

nlohmann::json TagScores::ToJson() const {
  return {{"upos", upos}, {"xpos", xpos}, {"feats", feats}, {"lemma", lemma}, {"all_tags", all}, {"tokens", tokens}};
}

StatusOr<TaggedCorpus> ReadTaggedCorpus(const std::vector<std::string>& paths) {
  TaggedCorpus corpus;
  for (const std::string& path : paths) {
    NG_ASSIGN_OR_RETURN(std::string data, base::LocalFileSystem().ReadFile(path, 1ull << 30));
    NG_ASSIGN_OR_RETURN(auto docs, document::ReadConllu(data, path, {.split_on_newdoc = false}));
    for (document::Document& d : docs) {
      uint32_t offset = static_cast<uint32_t>(corpus.doc.tokens.size());
      for (document::Sentence s : d.sentences) {
        s.token_begin += offset;
        s.token_end += offset;
        corpus.doc.sentences.push_back(std::move(s));
      }
      for (Token& t : d.tokens) corpus.doc.tokens.push_back(std::move(t));
    }
    corpus.name += (corpus.name.empty() ? "" : "+") + path;
  }
  return corpus;
}

TagScores EvaluateTagger(const Tagger& tagger, const TaggedCorpus& gold, const TagOptions& options) {
  TagScores s;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, all = 0;
  std::vector<Token> tokens;
  for (const auto& sent : gold.doc.sentences) {
    tokens.clear();
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) tokens.push_back(Token{.form = gold.doc.tokens[i].form});
    tagger.TagTokens(tokens, options);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& g = gold.doc.tokens[sent.token_begin + i];
      bool u = tokens[i].upos == g.upos, x = tokens[i].xpos == g.xpos;
      bool f = tokens[i].feats == (g.feats.empty() ? "_" : g.feats), l = tokens[i].lemma == g.lemma;
      upos += u, xpos += x, feats += f, lemma += l, all += u && x && f && l;
      ++s.tokens;
    }
  }
  double n = s.tokens == 0 ? 1 : static_cast<double>(s.tokens);
  s.upos = 100 * upos / n, s.xpos = 100 * xpos / n, s.feats = 100 * feats / n;
  s.lemma = 100 * lemma / n, s.all = 100 * all / n;
  return s;
}

StatusOr<TrainedTagger> TrainTagger(const TaggerTrainOptions& options) {
  auto start = std::chrono::steady_clock::now();
  if (options.train_files.empty()) return Status::InvalidArgument("train_tagger: no training files given");
  NG_ASSIGN_OR_RETURN(TaggedCorpus train, ReadTaggedCorpus(options.train_files));
  std::string all_bytes;
  for (const std::string& path : options.train_files) {
    NG_ASSIGN_OR_RETURN(std::string data, base::LocalFileSystem().ReadFile(path, 1ull << 30));
    all_bytes += data;
  }
  std::vector<std::pair<std::string, TaggedCorpus>> devs;
  for (const auto& [name, path] : options.dev_files) {
    NG_ASSIGN_OR_RETURN(TaggedCorpus dev, ReadTaggedCorpus({path}));
    devs.emplace_back(name, std::move(dev));
  }
  std::map<std::pair<std::string, std::string>, int> ids;
  std::vector<Tagger::Label> labels;
  for (const Token& t : train.doc.tokens) {
    if (ids.emplace(std::make_pair(t.xpos, t.upos), static_cast<int>(labels.size())).second) {
      labels.push_back({t.xpos, t.upos});
    }
  }
  if (labels.size() > 65535) return Status::InvalidArgument("train_tagger: too many distinct XPOS/UPOS labels");
  Tagger::FeatsTable feats = BuildFeats(train, ids);
  Lemmatizer lemmatizer = BuildLemmatizer(train);
  tagger_internal::AmbiguityMap ambiguity = BuildAmbiguity(train, ids);
  tagger_internal::ClusterMap clusters = BuildClusterMap(options.clusters.get());
  Tagger::Vocab vocab = BuildVocab(train, ids, options.vocab_min_count);
  std::vector<std::vector<Token>> sentences = TrainingSentences(train, options.case_augment_every);
  std::vector<std::vector<int>> gold;
  for (const auto& s : sentences) {
    gold.emplace_back();
    for (const Token& t : s) gold.back().push_back(ids.at({t.xpos, t.upos}));
  }
  Log(options, "train: " + std::to_string(train.doc.tokens.size()) + " tokens, " + std::to_string(sentences.size()) +
                   " sentences (with case copies), " + std::to_string(labels.size()) + " labels");

  nlohmann::json meta = {
      {"kind", "tagger"},
      {"version", options.bidirectional ? 3 : 2},
      {"training",
       {{"algorithm", "greedy averaged perceptron, joint XPOS+UPOS label; feats table; lemma lexicon + suffix rules"},
        {"epochs", options.epochs},
        {"seed", options.seed},
        {"prune", options.prune},
        {"case_augment_every", options.case_augment_every},
        {"features", "bias form norm suf1-4 pre1-3 shape flags norm-2..+2 suf3-1,+1 shape-1,+1 t-1 t-1t-2 "
                     "t-1+norm norm+norm+1 norm-1+norm t-1+suf3 shape+shape+1 suf2+suf3+1 amb amb+1 amb+2 amb+amb+1 "
                     "t-1+amb+1 norm+amb+1 (amb = label set of the word in training)"},
        {"vocab_min_count", options.vocab_min_count},
        {"two_pass", options.two_pass},
        {"bidirectional", options.bidirectional},
        {"train_files", options.train_files}}},
      {"training_data_hash", base::ContentHash(all_bytes)},
      {"git_revision", options.git_revision},
  };
  if (options.clusters != nullptr) {
    meta["training"]["features"] = meta["training"]["features"].get<std::string>() +
                                   "; clusters: c4 c6 c10 c c+1 c6+1 c6+c6+1 (word-cluster path prefixes)";
    meta["training"]["clusters"] = {{"file", options.clusters_name},
                                    {"words", options.clusters->size()},
                                    {"training_data_hash", options.clusters->meta().value("training_data_hash", "")},
                                    {"training", options.clusters->meta().value("training", nlohmann::json())}};
  }
  if (options.bidirectional) {
    meta["zlib_sections"] = {"weights", "weights_r2l"};
    meta["training"]["bidirectional_light"] = options.bidirectional_light;
    meta["training"]["stack_folds"] = options.stack_folds;
    meta["training"]["stack_fold_epochs"] = options.stack_fold_epochs;
    meta["training"]["features"] = meta["training"]["features"].get<std::string>() +
                                   "; bidirectional: a right-to-left model with the same templates mirrored, and "
                                   "stacked features r0 r0+margin r1 r0+r1 r1+r2 t-1+r0 t-1+r1 r-1+r0 norm+r1 suf3+r0 "
                                   "(r = its labels)";
  }
  const int num_classes = static_cast<int>(labels.size());
  const int members = std::max(1, options.ensemble);
  if (members > 1 && options.stack_folds > 1) {
    return Status::InvalidArgument("train_tagger: an ensemble needs on-line right-to-left labels (stack_folds <= 1)");
  }
  if (members > 1) meta["training"]["ensemble"] = members;
  // Each member is a perceptron (and its right-to-left partner) that differs only in
  // its shuffle seed; the model is the mean of their averaged weights.
  std::vector<std::unique_ptr<TaggerMember>> team;
  for (int m = 0; m < members; ++m) {
    auto member = std::make_unique<TaggerMember>(num_classes, options.seed + 7919ull * static_cast<uint64_t>(m));
    member->order.resize(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) member->order[i] = i;
    team.push_back(std::move(member));
  }
  // Bidirectional: the right-to-left model and the labels the stacked model learns from.
  perceptron::SparseWeights r2l_weights;
  if (options.bidirectional) {
    for (auto& member : team) {
      member->stack.labels.resize(sentences.size());
      member->stack.margins.resize(sentences.size());
    }
    if (options.stack_folds > 1) {
      StackTags& stack = team[0]->stack;
      int fold_epochs = options.stack_fold_epochs > 0 ? options.stack_fold_epochs : options.epochs;
      stack = JackknifeR2L(sentences, gold, ambiguity, clusters, num_classes, options.stack_folds, fold_epochs,
                           options.prune, options.seed, options);
      perceptron::AveragedPerceptronTrainer r2l(num_classes);
      std::mt19937_64 r2l_rng(options.seed + 999);
      std::vector<size_t> r2l_order = team[0]->order;
      double best_r2l = -1;
      for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        Shuffle(r2l_order, r2l_rng);
        TrainEpochR2L(sentences, gold, r2l_order, ambiguity, clusters, options.bidirectional_light, r2l);
        perceptron::SparseWeights w = r2l.Average(options.prune);
        double acc = devs.empty() ? epoch : R2LAccuracy(devs[0].second, labels, ambiguity, clusters, w, options.bidirectional_light);
        Log(options, "right-to-left epoch " + std::to_string(epoch) + ": " + (devs.empty() ? "" : devs[0].first) +
                         " upos " + Percent(acc));
        if (acc > best_r2l) best_r2l = acc, r2l_weights = std::move(w), meta["training"]["r2l_best_epoch"] = epoch;
      }
    } else {
      for (auto& member : team) member->online_r2l = std::make_unique<perceptron::AveragedPerceptronTrainer>(num_classes);
    }
  }
  std::shared_ptr<const Tagger> best;
  double best_score = -1;
  nlohmann::json best_scores;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto train_member = [&](TaggerMember& member) {
      Shuffle(member.order, member.rng);
      TrainEpoch(sentences, gold, member.order, ambiguity, clusters, options.two_pass, options.bidirectional_light,
                 options.bidirectional ? &member.stack : nullptr, member.online_r2l.get(), member.model);
    };
    perceptron::TrainMembers(team, train_member);  // members only read the shared data
    std::vector<const perceptron::AveragedPerceptronTrainer*> l2r, r2l;
    for (const auto& member : team) {
      l2r.push_back(&member->model);
      if (member->online_r2l != nullptr) r2l.push_back(member->online_r2l.get());
    }
    std::shared_ptr<const Tagger> candidate;
    if (options.bidirectional) {
      if (!r2l.empty()) r2l_weights = perceptron::MeanOfAverages(r2l, options.prune);
      candidate = std::make_shared<const Tagger>(meta, labels, perceptron::MeanOfAverages(l2r, options.prune), r2l_weights, feats,
                                                 lemmatizer, ambiguity, clusters, vocab);
    } else {
      candidate = std::make_shared<const Tagger>(meta, labels, perceptron::MeanOfAverages(l2r, options.prune), feats, lemmatizer,
                                                 ambiguity, clusters, vocab);
    }
    nlohmann::json scores = nlohmann::json::object();
    std::string line = "epoch " + std::to_string(epoch);
    for (const auto& [name, dev] : devs) {
      TagScores s = EvaluateTagger(*candidate, dev);
      scores[name] = s.ToJson();
      line += "  " + name + ": upos " + Percent(s.upos) + " xpos " + Percent(s.xpos) + " feats " + Percent(s.feats) +
              " lemma " + Percent(s.lemma);
    }
    double key = devs.empty() ? epoch : scores[devs[0].first]["upos"].get<double>();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Log(options, line + "  (" + std::to_string(static_cast<int>(secs)) + " s)");
    if (key > best_score) best_score = key, best = candidate, best_scores = scores, best_epoch = epoch;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  meta["dev_scores"] = best_scores;
  meta["best_epoch"] = best_epoch;
  meta["train_seconds"] = static_cast<int>(secs);
  meta["trained_at"] = NowIso();
  meta["labels"] = labels.size();
  meta["features"] = best->weights().num_features();
  meta["weights"] = best->weights().num_weights();
  TrainedTagger out;
  double agreement = 0;
  out.selftest = MakeSelfTest(*best, agreement);
  meta["selftest_agreement"] = agreement;
  if (best->bidirectional()) {
    meta["features_r2l"] = best->weights_r2l().num_features();
    meta["weights_r2l"] = best->weights_r2l().num_weights();
    out.tagger = std::make_shared<const Tagger>(meta, labels, best->weights(), best->weights_r2l(), feats, lemmatizer,
                                                ambiguity, clusters, vocab);
  } else {
    out.tagger = std::make_shared<const Tagger>(meta, labels, best->weights(), feats, lemmatizer, ambiguity, clusters,
                                                vocab);
  }
  Log(options, "best epoch " + std::to_string(best_epoch) + ", self-test sentences agree with hand tags on " +
                   Percent(agreement) + "% of tokens, " + std::to_string(static_cast<int>(secs)) + " s");
  return out;
}

std::string SerializeTaggerModel(const TrainedTagger& model) {
  ModelFileWriter writer(model.tagger->meta());
  writer.SetSelfTest(model.selftest);
  writer.AddSection("labels", model.tagger->SerializeLabels());
  if (model.tagger->bidirectional()) {  // payload 3: weight tables zlib-compressed (meta.zlib_sections)
    writer.AddSection("weights", Tagger::ZlibSection(model.tagger->weights().Serialize()));
    writer.AddSection("weights_r2l", Tagger::ZlibSection(model.tagger->weights_r2l().Serialize()));
  } else {
    writer.AddSection("weights", model.tagger->weights().Serialize());
  }
  writer.AddSection("feats", model.tagger->SerializeFeats());
  writer.AddSection("lemmatizer", model.tagger->lemmatizer().Serialize());
  writer.AddSection("ambiguity", model.tagger->SerializeAmbiguity());
  writer.AddSection("clusters", model.tagger->SerializeClusters());
  writer.AddSection("vocab", model.tagger->SerializeVocab());
  return writer.Serialize();
}

Status WriteTaggerModel(const TrainedTagger& model, const std::string& path) {
  return base::LocalFileSystem().WriteFileAtomically(path, SerializeTaggerModel(model));
}

}  // namespace newsgraph::models
