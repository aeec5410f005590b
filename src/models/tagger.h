// Part-of-speech tagger: fills UPOS, XPOS (Penn Treebank), FEATS and LEMMA of
// tokens. One greedy left-to-right averaged perceptron predicts a joint
// "XPOS UPOS" label from word, affix, shape, context-word and previous-tag
// features; FEATS come from a learned (word, label) -> feats table with
// (label, shape) and label back-offs; LEMMA from the Lemmatizer (lemmatizer.h).
// Algorithm choices and scores: data/models/README.md.
//
// A Tagger is immutable after Load; Tag() and TagSentence() are const and
// thread-safe (scratch space is per call), so share one instance across threads.
#ifndef NEWSGRAPH_MODELS_TAGGER_H_
#define NEWSGRAPH_MODELS_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/status.h"
#include "base/table_memory.h"
#include "document/document.h"
#include "models/lemmatizer.h"
#include "models/perceptron.h"

namespace newsgraph::models {

class ModelFile;

// Feature extraction shared by Tagger and TaggerTrainer (internal).
namespace tagger_internal {

inline constexpr int kMaxFeatures = 48;  // without the right features

// Per-token hashes computed once per token (or once per vocabulary word at load).
struct WordInfo {
  uint64_t form, norm, shape, flags;
  uint64_t ambiguity;  // hash of the labels the word had in training (0 = unknown word)
  uint64_t suffix[4];
  uint64_t prefix[3];
  uint32_t cluster[4];  // word-cluster prefixes of 4, 6, 10 bits and the full path (0 = no cluster)
};

// ASCII-lowercases and maps digits to '0' ("Q3 2023" -> "q0 0000").
std::string Normalize(std::string_view form);
// `ambiguity` maps Hash64(Normalize(form), 2) to the word's label-set hash (may be null).
using AmbiguityMap = std::unordered_map<uint64_t, uint64_t>;
// Maps Hash64(Normalize(form), 2) to the word's cluster heap code (word_clusters.h).
using ClusterMap = std::unordered_map<uint64_t, uint32_t>;
void ComputeWordInfo(const std::vector<std::string_view>& forms, const AmbiguityMap* ambiguity,
                     std::vector<WordInfo>& out, const ClusterMap* clusters = nullptr);
void ComputeOneWordInfo(std::string_view form, bool first, const AmbiguityMap* ambiguity, const ClusterMap* clusters,
                        WordInfo& out);
// Writes the feature keys of token i (given the two previous predicted labels,
// -1 = sentence start) into keys; returns how many (<= kMaxFeatures).
// = ExtractWordFeatures (depends on the word alone) + ExtractContextFeatures.
int ExtractFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys);
int ExtractWordFeatures(const WordInfo& w, uint64_t* keys);
int ExtractContextFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys);
// The right-to-left model of bidirectional taggers: the same context templates
// mirrored (prev1/prev2 are the labels of tokens i+1 and i+2, "next" words are
// i-1 and i-2); its word features are ExtractWordFeatures (own weight table).
// `light` (meta.training.bidirectional_light) keeps 14 of the 25 context templates.
int ExtractContextFeaturesR2L(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys,
                              bool light = false);
int ExtractFeaturesR2L(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys,
                       bool light = false);
// Stacked features of a bidirectional tagger's final left-to-right pass: the
// right-to-left labels of tokens i-1..i+2 and its confidence (MarginBucket) at i,
// with the previous final label and the word; returns how many (<= kMaxStackFeatures;
// `light`: the first 5).
inline constexpr int kMaxStackFeatures = 10;
int ExtractStackFeatures(const std::vector<WordInfo>& words, const int* r2l, const uint8_t* margins, size_t i,
                         int prev1, uint64_t* keys, bool light = false);
// Buckets the gap between a pass's best and second-best scores (0..7).
uint8_t MarginBucket(float margin);
// Second-pass features of two-pass models: the first pass's labels of tokens i..i+2
// (`pass1` has n labels) with the previous second-pass label; returns how many (5).
inline constexpr int kMaxRightFeatures = 5;
int ExtractRightFeatures(const int* pass1, size_t n, size_t i, int prev1, uint64_t* keys);
// The flags bit ComputeOneWordInfo sets for the first token of a sentence.
inline constexpr uint64_t kFirstFlag = 32;

}  // namespace tagger_internal

// Which layers TagSentence fills; all by default.
struct TagOptions {
  bool pos = true;     // upos + xpos (needed by feats and lemma)
  bool feats = true;
  bool lemma = true;
};

class Tagger {
 public:
  // Opens a tagger model file: checks container magic/version/checksums, that
  // meta.kind == "tagger", the tagger payload version, and runs the embedded
  // self-test. Errors name the file and say what is wrong.
  static StatusOr<std::shared_ptr<const Tagger>> Load(const std::string& path,
                                                      base::FileSystem& fs = base::LocalFileSystem());
  // Same, from the bytes of a model file (`name` is used in messages).
  static StatusOr<std::shared_ptr<const Tagger>> LoadFromBytes(std::string bytes, const std::string& name);
  // DefaultModelDir() + "/tagger.ngm".
  static std::string DefaultPath();

  // Fills upos, xpos, feats and lemma of every token of every sentence in `doc`.
  void Tag(document::Document& doc, const TagOptions& options = {}) const;
  void TagSentence(document::Document& doc, const document::Sentence& s, const TagOptions& options = {}) const;
  // Tags a bare token sequence (used by the self-test and tools).
  void TagTokens(std::vector<document::Token>& tokens, const TagOptions& options = {}) const;

  // The model's meta JSON (kind, version, training spec, data hash, dev scores ...).
  const nlohmann::json& meta() const { return meta_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }

  // ---- internals shared with TaggerTrainer; not part of the stable API ----
  struct Label {
    std::string xpos;
    std::string upos;
  };
  struct FeatsTable {
    std::vector<std::string> values;                  // distinct feats strings ("_" = none)
    std::unordered_map<uint64_t, uint32_t> by_word;   // FeatsWordKey -> value index
    std::unordered_map<uint64_t, uint32_t> by_shape;  // FeatsShapeKey -> value index
    std::vector<uint32_t> by_label;                   // label -> value index
  };
  static uint64_t FeatsWordKey(std::string_view lower, int label);
  static uint64_t FeatsShapeKey(std::string_view form, int label);
  // Builds a usable tagger from parts (the trainer evaluates it before writing).
  Tagger(nlohmann::json meta, std::vector<Label> labels, perceptron::SparseWeights weights, FeatsTable feats,
         Lemmatizer lemmatizer, tagger_internal::AmbiguityMap ambiguity);
  // Frequent training forms with the labels they had: at load every one gets its
  // word-feature scores, feats and lemmas precomputed (a speed cache; same output).
  using Vocab = std::vector<std::pair<std::string, std::vector<uint16_t>>>;
  Tagger(nlohmann::json meta, std::vector<Label> labels, perceptron::SparseWeights weights, FeatsTable feats,
         Lemmatizer lemmatizer, tagger_internal::AmbiguityMap ambiguity, tagger_internal::ClusterMap clusters,
         Vocab vocab);
  // A bidirectional model (meta.training.bidirectional): `weights` is the final
  // left-to-right model, stacked on the right-to-left model `weights_r2l`.
  Tagger(nlohmann::json meta, std::vector<Label> labels, perceptron::SparseWeights weights,
         perceptron::SparseWeights weights_r2l, FeatsTable feats, Lemmatizer lemmatizer,
         tagger_internal::AmbiguityMap ambiguity, tagger_internal::ClusterMap clusters, Vocab vocab);
  bool bidirectional() const { return bidirectional_; }
  const perceptron::SparseWeights& weights_r2l() const { return weights_r2l_; }
  const tagger_internal::AmbiguityMap& ambiguity() const { return ambiguity_; }
  std::string SerializeAmbiguity() const;
  // Optional sections "clusters" and "vocab" (absent in version-1 files).
  std::string SerializeClusters() const;
  std::string SerializeVocab() const;
  const tagger_internal::ClusterMap& clusters() const { return clusters_; }
  const Vocab& vocab() const { return vocab_; }
  // A section payload as stored when meta.zlib_sections lists it (payload 3):
  // u64 raw size, then the zlib stream of the raw payload.
  static std::string ZlibSection(std::string_view raw);
  // Serialized sections: "labels", "weights", "feats", "lemmatizer".
  std::string SerializeLabels() const;
  std::string SerializeFeats() const;
  const perceptron::SparseWeights& weights() const { return weights_; }
  // Runs the self-test in `selftest` (see docs/formats/model-file.md); Ok or a message
  // naming the first sentence and token that differ.
  Status CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const;

 private:
  Tagger() = default;
  // One precomputed vocabulary word (see Vocab).
  struct VocabEntry {
    tagger_internal::WordInfo info;  // flags without kFirstFlag
    uint32_t labels_begin, labels_end;  // into vocab_labels_
  };
  struct VocabLabel {
    uint16_t label;
    uint32_t feats;     // index into feats_.values
    std::string lemma;
  };
  void BuildVocabCache();
  static Status ReadOptionalSections(const ModelFile& file, const std::string& name, Tagger& tagger);
  // Index into vocab_entries_ of the form with hash `form_hash`, or -1.
  int32_t FindVocab(uint64_t form_hash) const;
  void TagSpan(document::Token* tokens, size_t n, const TagOptions& options) const;
  // Greedy left-to-right labels of all tokens; `pass1` (n labels or null) adds right features,
  // `r2l`/`margins` (n each, or null) the stacked features of bidirectional models.
  void PredictLabels(const std::vector<tagger_internal::WordInfo>& words, const std::vector<int32_t>& vocab,
                     const int* pass1, const int* r2l, const uint8_t* margins, std::vector<int>& out) const;
  // Greedy right-to-left labels and margin buckets with weights_r2l_.
  void PredictLabelsR2L(const std::vector<tagger_internal::WordInfo>& words, const std::vector<int32_t>& vocab,
                        std::vector<int>& out, std::vector<uint8_t>& margins) const;
  void FillFeatsAndLemma(document::Token& token, int label, int32_t vocab, const TagOptions& options) const;
  void ReadBareParticiplesAsPast(const document::Token* tokens, size_t count, std::vector<int>& labels) const;
  std::string Feats(std::string_view form, int label) const;

  nlohmann::json meta_;
  std::vector<Label> labels_;
  perceptron::SparseWeights weights_;
  FeatsTable feats_;
  Lemmatizer lemmatizer_;
  tagger_internal::AmbiguityMap ambiguity_;
  tagger_internal::ClusterMap clusters_;
  Vocab vocab_;
  bool two_pass_ = false;  // meta.training.two_pass: re-tag with the first pass's right-context labels
  int past_tense_label_ = -1;  // the label "VBD VERB", set at load
  // meta.training.bidirectional (payload 3): a right-to-left pass (weights_r2l_) runs
  // first; weights_ is the left-to-right model stacked on its labels.
  bool bidirectional_ = false;
  bool light_ = false;  // meta.training.bidirectional_light: the smaller right-to-left and stacked sets
  perceptron::SparseWeights weights_r2l_;
  // Speed cache built from vocab_ (not serialized).
  std::vector<VocabEntry> vocab_entries_;
  std::vector<VocabLabel> vocab_labels_;
  base::TableVector<float> vocab_rows_;          // word-feature scores, num labels per entry
  base::TableVector<float> vocab_rows_r2l_;      // the same for weights_r2l_ (bidirectional models)
  base::TableVector<uint64_t> vocab_keys_;       // open addressing on the form hash; 0 = empty
  base::TableVector<int32_t> vocab_slots_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_TAGGER_H_
