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
  const tagger_internal::AmbiguityMap& ambiguity() const { return ambiguity_; }
  std::string SerializeAmbiguity() const;
  // Optional sections "clusters" and "vocab" (absent in version-1 files).
  std::string SerializeClusters() const;
  std::string SerializeVocab() const;
  const tagger_internal::ClusterMap& clusters() const { return clusters_; }
  const Vocab& vocab() const { return vocab_; }
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
  void PredictLabel(const std::vector<tagger_internal::WordInfo>& words, size_t i, int32_t vocab, int prev1,
                    int prev2, float* scores) const;
  // Greedy left-to-right labels of all tokens; `pass1` (n labels or null) adds right features.
  void PredictLabels(const std::vector<tagger_internal::WordInfo>& words, const std::vector<int32_t>& vocab,
                     const int* pass1, std::vector<int>& out) const;
  void FillFeatsAndLemma(document::Token& token, int label, int32_t vocab, const TagOptions& options) const;
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
  // Speed cache built from vocab_ (not serialized).
  std::vector<VocabEntry> vocab_entries_;
  std::vector<VocabLabel> vocab_labels_;
  std::vector<float> vocab_rows_;          // word-feature scores, num labels per entry
  std::vector<uint64_t> vocab_keys_;       // open addressing on the form hash; 0 = empty
  std::vector<int32_t> vocab_slots_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_TAGGER_H_
