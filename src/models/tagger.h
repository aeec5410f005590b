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

// Feature extraction shared by Tagger and TaggerTrainer (internal).
namespace tagger_internal {

inline constexpr int kMaxFeatures = 40;

// Per-token hashes computed once per sentence.
struct WordInfo {
  uint64_t form, norm, shape, flags;
  uint64_t ambiguity;  // hash of the labels the word had in training (0 = unknown word)
  uint64_t suffix[4];
  uint64_t prefix[3];
};

// ASCII-lowercases and maps digits to '0' ("Q3 2023" -> "q0 0000").
std::string Normalize(std::string_view form);
// `ambiguity` maps Hash64(Normalize(form), 2) to the word's label-set hash (may be null).
using AmbiguityMap = std::unordered_map<uint64_t, uint64_t>;
void ComputeWordInfo(const std::vector<std::string_view>& forms, const AmbiguityMap* ambiguity,
                     std::vector<WordInfo>& out);
// Writes the feature keys of token i (given the two previous predicted labels,
// -1 = sentence start) into keys; returns how many (<= kMaxFeatures).
int ExtractFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys);

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
  const tagger_internal::AmbiguityMap& ambiguity() const { return ambiguity_; }
  std::string SerializeAmbiguity() const;
  // Serialized sections: "labels", "weights", "feats", "lemmatizer".
  std::string SerializeLabels() const;
  std::string SerializeFeats() const;
  const perceptron::SparseWeights& weights() const { return weights_; }
  // Runs the self-test in `selftest` (see docs/formats/model-file.md); Ok or a message
  // naming the first sentence and token that differ.
  Status CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const;

 private:
  Tagger() = default;
  void TagSpan(document::Token* tokens, size_t n, const TagOptions& options) const;
  std::string Feats(std::string_view form, int label) const;

  nlohmann::json meta_;
  std::vector<Label> labels_;
  perceptron::SparseWeights weights_;
  FeatsTable feats_;
  Lemmatizer lemmatizer_;
  tagger_internal::AmbiguityMap ambiguity_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_TAGGER_H_
