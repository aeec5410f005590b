// Private to the parser: the arc-hybrid transition system, feature extraction
// and the quantized weight tables shared by the runtime (parser.cc) and the
// trainer (parser_trainer.cc). Not part of the public API.
#ifndef NEWSGRAPH_MODELS_PARSER_CORE_H_
#define NEWSGRAPH_MODELS_PARSER_CORE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "models/word_clusters.h"

namespace newsgraph::models::parser_internal {

// Unlabeled arc-hybrid actions; the label of an arc comes from a separate classifier.
enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumActions = 3;
inline constexpr int kMaxActionFeatures = 160;
// Newest feature-set version (= Parser::kVersion); sets 1..kFeatureSet are read and trained.
inline constexpr int kFeatureSet = 2;
inline constexpr int kMaxLabelFeatures = 64;

// Hashed attributes of one token; index 0 of a sentence is the artificial root.
struct TokenIds {
  uint64_t word = 0;    // lowercased form
  uint64_t xpos = 0;
  uint64_t upos = 0;
  uint64_t suffix = 0;  // last three bytes of the lowercased form
  uint64_t shape = 0;   // capitalisation / digits shape class
  // Word-cluster path prefixes of 4 and 6 bits and the full path (word_clusters.h);
  // 0 for unknown words or when the model has no clusters.
  uint64_t c4 = 0, c6 = 0, cf = 0;
};

// Word -> cluster code lookup for the decoder: an open-addressing table keyed by
// the hash of the normalized form (same normalization and codes as
// WordClusters::Cluster, without its per-call allocation). Immutable once built.
class ClusterIndex {
 public:
  explicit ClusterIndex(const WordClusters& clusters);
  // Code of a form that is already ASCII-lowercased; digits are mapped here. 0 = unknown.
  uint32_t Find(std::string_view lowered) const;

 private:
  std::vector<uint64_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> codes_;
  uint64_t mask_ = 0;
};

// Builds the TokenIds of a sentence (root first) from form/upos/xpos; `clusters`
// may be null (cluster fields stay 0).
void EncodeSentence(const document::Document& doc, const document::Sentence& s, const ClusterIndex* clusters,
                    std::vector<TokenIds>& out);
// The same from plain fields, for tests and the self-test.
TokenIds EncodeToken(std::string_view form, std::string_view upos, std::string_view xpos,
                     const ClusterIndex* clusters);

// Parser configuration: stack, buffer front, partial tree. Words are 1..n, 0 = root.
// Invariant kept by Allowed(): the final tree has exactly one root and no cycles.
class State {
 public:
  void Init(int n);
  bool Terminal() const { return b_ > n_ && stack_.size() == 1; }
  bool Allowed(int action) const;
  // Head and dependent of the arc `action` (kLeft/kRight) would add.
  int ArcHead(int action) const { return action == kLeft ? b_ : S(1); }
  int ArcDep() const { return S(0); }
  void Apply(int action, int label);

  int S(int i) const { return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : -1; }
  int B(int i) const { return b_ + i <= n_ ? b_ + i : -1; }
  int n() const { return n_; }
  int buffer_front() const { return b_; }
  const std::vector<int>& stack() const { return stack_; }
  int head(int i) const { return head_[i]; }
  int label(int i) const { return i < 0 ? -1 : label_[i]; }
  int lc1(int i) const { return i < 0 ? -1 : lc1_[i]; }
  int lc2(int i) const { return i < 0 ? -1 : lc2_[i]; }
  int rc1(int i) const { return i < 0 ? -1 : rc1_[i]; }
  int rc2(int i) const { return i < 0 ? -1 : rc2_[i]; }
  int nl(int i) const { return i < 0 ? 0 : nl_[i]; }
  int nr(int i) const { return i < 0 ? 0 : nr_[i]; }
  uint64_t lset(int i) const { return i < 0 ? 0 : lset_[i]; }
  uint64_t rset(int i) const { return i < 0 ? 0 : rset_[i]; }

 private:
  void AddArc(int h, int d, int label);
  int n_ = 0;
  int b_ = 1;
  std::vector<int> stack_, head_, label_, lc1_, lc2_, rc1_, rc2_, nl_, nr_;
  std::vector<uint64_t> lset_, rset_;
};

// Feature hashes for the action classifier; returns how many were written to `out`.
// `features` is the feature-set version (Weights::features).
int ActionFeatures(const State& st, const std::vector<TokenIds>& toks, int features, uint64_t* out);
// Feature hashes for labelling the arc head -> dep (dep is complete when it is attached).
int LabelFeatures(const State& st, const std::vector<TokenIds>& toks, int features, int head, int dep, uint64_t* out);

// Row of a feature in a table of 2^bits rows.
inline uint32_t RowOf(uint64_t feature, int bits) {
  return static_cast<uint32_t>((feature * 0xD6E8FEB86659FD93ULL) >> (64 - bits));
}

// The quantized model: int16 weights with one scale per table (argmax ignores the scale).
struct Weights {
  int features = 2;  // feature-set version = model payload version (1: no cluster/suffix templates)
  int action_bits = 0;
  int label_bits = 0;
  int label_stride = 0;  // labels.size() rounded up to a multiple of 8
  std::vector<std::string> labels;
  int root_label = -1;   // index of "root"
  std::vector<int16_t> action;  // 2^action_bits rows x 4 (3 actions + padding)
  std::vector<int16_t> label;   // 2^label_bits rows x label_stride

  std::string Serialize() const;
  // `what` names the data in errors. Validates sizes and label set.
  static StatusOr<Weights> Deserialize(std::string_view data, const std::string& what);
};

// Quantizes float tables (same layout as Weights) into int16.
std::vector<int16_t> Quantize(const std::vector<float>& w);

// Greedy decoding of one sentence: heads[i], labels[i] for i = 1..n (index 0 unused).
void ParseTokens(const Weights& w, const std::vector<TokenIds>& toks, std::vector<int>& heads,
                 std::vector<int>& labels);

}  // namespace newsgraph::models::parser_internal

#endif  // NEWSGRAPH_MODELS_PARSER_CORE_H_
