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
#include "base/table_memory.h"
#include "document/document.h"
#include "models/word_clusters.h"

namespace newsgraph::models::parser_internal {

// Unlabeled arc-hybrid actions; the label of an arc comes from a separate classifier.
enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumActions = 3;
inline constexpr int kMaxActionFeatures = 160;
// Newest feature set (meta "feature_set"; payload versions 1 and 2 are sets 1 and 2); sets 1..kFeatureSet are read and trained.
inline constexpr int kFeatureSet = 3;
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
  // Feature set 3: the UPOS tags the word had in the training data (AmbiguityIndex), as a
  // bit mask; 0 for words seen fewer than twice.
  uint64_t amb = 0;
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

// Word -> UPOS ambiguity class (bit i = kUposTags[i]) for feature set 3, keyed by
// TokenIds::word. Built by the trainer from gold-tagged data and stored in the model's
// "lexicon" section (docs/formats/parser-model.md). Immutable once built.
class AmbiguityIndex {
 public:
  AmbiguityIndex() = default;
  explicit AmbiguityIndex(const std::vector<std::pair<uint64_t, uint32_t>>& entries);
  uint32_t Find(uint64_t word) const;
  // Bit of a UPOS tag, 0 for tags outside the 17 UD tags.
  static uint32_t UposBit(std::string_view upos);
  // u64 count, then count x (u64 word hash, u32 mask), sorted by hash.
  std::string Serialize() const;
  static StatusOr<AmbiguityIndex> Deserialize(std::string_view data, const std::string& what);
  size_t size() const { return entries_.size(); }

 private:
  std::vector<std::pair<uint64_t, uint32_t>> entries_;  // sorted
  std::vector<uint64_t> keys_;  // open addressing; 0 = empty slot
  std::vector<uint32_t> masks_;
  uint64_t mask_ = 0;
};

// Builds the TokenIds of a sentence (root first) from form/upos/xpos; `clusters` and
// `ambiguity` may be null (their fields stay 0).
void EncodeSentence(const document::Document& doc, const document::Sentence& s, const ClusterIndex* clusters,
                    std::vector<TokenIds>& out, const AmbiguityIndex* ambiguity = nullptr);
// The same from plain fields, for tests and the self-test.
TokenIds EncodeToken(std::string_view form, std::string_view upos, std::string_view xpos,
                     const ClusterIndex* clusters, const AmbiguityIndex* ambiguity = nullptr);

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
  // `margin`: how far the label's score led the runner-up's (kept for the relabeller).
  void Apply(int action, int label, int margin = 0);
  // heads[i], labels[i] (and label margins) for i = 1..n (index 0 unused) of the tree built so far.
  void Result(std::vector<int>& heads, std::vector<int>& labels, std::vector<int>* margins = nullptr) const;

  int S(int i) const { return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : -1; }
  int B(int i) const { return b_ + i <= n_ ? b_ + i : -1; }
  int n() const { return n_; }
  int buffer_front() const { return b_; }
  const std::vector<int>& stack() const { return stack_; }
  int head(int i) const { return node_[i].head; }
  int label(int i) const { return i < 0 ? -1 : node_[i].label; }
  int lc1(int i) const { return i < 0 ? -1 : node_[i].lc1; }
  int lc2(int i) const { return i < 0 ? -1 : node_[i].lc2; }
  int rc1(int i) const { return i < 0 ? -1 : node_[i].rc1; }
  int rc2(int i) const { return i < 0 ? -1 : node_[i].rc2; }
  int nl(int i) const { return i < 0 ? 0 : node_[i].nl; }
  int nr(int i) const { return i < 0 ? 0 : node_[i].nr; }
  uint64_t lset(int i) const { return i < 0 ? 0 : node_[i].lset; }
  uint64_t rset(int i) const { return i < 0 ? 0 : node_[i].rset; }

 private:
  // Everything known about one word in the partial tree; one array of these keeps a
  // State cheap to copy (the beam copies states at every step).
  struct Node {
    int32_t head = -1, lc1 = -1, lc2 = -1, rc1 = -1, rc2 = -1, nl = 0, nr = 0;
    int16_t label = -1, margin = 0;  // labels < 256; margins saturate at 32767
    uint64_t lset = 0, rset = 0;
  };
  void AddArc(int h, int d, int label, int margin);
  int n_ = 0;
  int b_ = 1;
  std::vector<int> stack_;
  std::vector<Node> node_;
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
  int beam = 1;          // decoding beam width (meta "beam"; 1 = greedy), not part of the payload
  // Beam items more than this far (in quantized score units) behind the best are dropped
  // (meta "beam_margin"; 0 = keep all `beam`).
  int64_t beam_margin = 0;
  base::TableVector<int16_t> action;  // 2^action_bits rows x 4 (3 actions + padding)
  base::TableVector<int16_t> label;   // 2^label_bits rows x label_stride

  std::string Serialize() const;
  // `what` names the data in errors. Validates sizes and label set.
  static StatusOr<Weights> Deserialize(std::string_view data, const std::string& what);
};

// zlib bytes of an int16 table, and back (`count` values; `what` names it in errors).
std::string CompressTable(const base::TableVector<int16_t>& v);
Status DecompressTable(const std::string& data, size_t count, base::TableVector<int16_t>& v, const std::string& what);

// Quantizes float tables (same layout as Weights) into int16.
base::TableVector<int16_t> Quantize(const std::vector<float>& w);

// Scores of the 3 actions (index 3 is padding) in state `st`; `feats` is scratch of
// kMaxActionFeatures.
void ActionScores(const Weights& w, const State& st, const std::vector<TokenIds>& toks, uint64_t* feats,
                  int32_t* score);
// The label classifier's choice for the arc head -> dep (root_label when head is 0).
int BestLabel(const Weights& w, const State& st, const std::vector<TokenIds>& toks, int head, int dep,
              uint64_t* feats, int* margin = nullptr);
// The best non-root label for the `n` label features `feats`.
int ScoreLabel(const Weights& w, const uint64_t* feats, int n);
// The same in two halves, so that a caller can issue the loads of several states before
// summing any: ActionRows computes the features of `st`, points rows[i] at their weight
// rows and prefetches them (returns the count); SumActionRows adds them up. Likewise
// LabelRows / BestLabelOfRows for label features.
int ActionRows(const Weights& w, const State& st, const std::vector<TokenIds>& toks, uint64_t* feats,
               const int16_t** rows);
void SumActionRows(const int16_t* const* rows, int n, int32_t* score);
void LabelRows(const Weights& w, const uint64_t* feats, int n, const int16_t** rows);
// `margin` (optional) receives the best label's lead over the second, saturated at 32767.
int BestLabelOfRows(const Weights& w, const int16_t* const* rows, int n, int* margin = nullptr);

// Decoding of one sentence: heads[i], labels[i] for i = 1..n (index 0 unused).
// Greedy when w.beam <= 1, else ParseTokensBeam with w.beam.
void ParseTokens(const Weights& w, const std::vector<TokenIds>& toks, std::vector<int>& heads,
                 std::vector<int>& labels, std::vector<int>* margins = nullptr);
// Beam search over action sequences (all have 2n actions), scored by the sum of
// action scores; arcs are labelled by the label classifier as they are made.
// Returns the best complete sequence's tree (parser_beam.cc).
void ParseTokensBeam(const Weights& w, const std::vector<TokenIds>& toks, int beam, std::vector<int>& heads,
                     std::vector<int>& labels, std::vector<int>* margins = nullptr);

}  // namespace newsgraph::models::parser_internal

#endif  // NEWSGRAPH_MODELS_PARSER_CORE_H_
