// Private to the parser: the second-stage labeller. The first-pass labeller names an
// arc when the transition system makes it, before the head's later children exist;
// once the tree is complete, every non-root arc is labelled again from the whole
// tree: the head's other children and their labels, the grandparent, the
// dependent's children, the words around the dependent. Not part of the public API.
#ifndef NEWSGRAPH_MODELS_PARSER_RELABEL_H_
#define NEWSGRAPH_MODELS_PARSER_RELABEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "models/parser_core.h"
#include "models/perceptron.h"

namespace newsgraph::models::parser_internal {

inline constexpr int kMaxRelabelFeatures = 192;

// A finished tree in the form the features read: heads[i] and the hashed label of
// every word i = 1..n (index 0 = root), with each word's children in order.
class Tree {
 public:
  // `heads` and `label_keys` have n + 1 entries (index 0 unused); label_keys[i] = LabelKey(deprel of i).
  void Build(const std::vector<int>& heads, const std::vector<uint64_t>& label_keys);
  int n() const { return static_cast<int>(heads_->size()) - 1; }
  int head(int i) const { return (*heads_)[i]; }
  uint64_t label(int i) const { return i <= 0 ? 0 : (*label_keys_)[i]; }
  // Children of `i` (0 = the root) as [begin, end) into child_list().
  int children_begin(int i) const { return first_[i]; }
  int children_end(int i) const { return first_[i + 1]; }
  int child(int k) const { return children_[k]; }

 private:
  const std::vector<int>* heads_ = nullptr;
  const std::vector<uint64_t>* label_keys_ = nullptr;
  std::vector<int> first_;
  std::vector<int> children_;
};

// The hash a label name stands for in relabelling features.
uint64_t LabelKey(std::string_view deprel);

// Feature keys for relabelling the arc tree.head(dep) -> dep (dep >= 1, head >= 1);
// returns how many were written to `out` (at most kMaxRelabelFeatures). With `stacked`,
// the first-pass label of the arc itself is a feature too (the labeller was then trained
// on first-pass parses of its training data, not on gold trees).
int RelabelFeatures(const std::vector<TokenIds>& toks, const Tree& tree, int dep, bool stacked, uint64_t* out);

// The trained second-stage labeller: a perceptron over the parser's own labels, its
// weights quantized in the layout of the parser's label table (Weights::label), so
// scoring is the same vectorised row sum. Immutable; safe to share across threads.
class Relabeler {
 public:
  Relabeler() = default;
  // `table` supplies labels, root_label, label_bits, label_stride and label; the rest is unused.
  // Only arcs whose first-pass label margin is below `gate` are relabelled (kAllArcs: every arc).
  Relabeler(Weights table, bool stacked, int gate = kAllArcs);
  static constexpr int kAllArcs = 32768;

  // The label (an index into labels()) of every non-root arc of the tree given by
  // `heads` and the first-pass `label_keys` (LabelKey of each word's label); -1 for root arcs.
  // Only the arcs with `only[i]` true when `only` is given.
  void Classify(const std::vector<TokenIds>& toks, const std::vector<int>& heads,
                const std::vector<uint64_t>& label_keys, std::vector<int>& classes,
                const std::vector<bool>* only = nullptr) const;
  // Classify for a parse whose `labels` are indices into labels(), updated in place, for
  // the arcs whose first-pass `margins` are below the gate (root arcs keep theirs).
  void Relabel(const std::vector<TokenIds>& toks, const std::vector<int>& heads, std::vector<int>& labels,
               const std::vector<int>& margins) const;

  const std::vector<std::string>& labels() const { return table_.labels; }
  bool stacked() const { return stacked_; }
  int gate() const { return gate_; }
  const Weights& table() const { return table_; }
  // Section payload: u32 feature version (1 = gold-tree features, 2 = stacked), u32 gate, u32
  // label_bits, u32 label_stride, u32 label count, each label (u32 length + bytes), then
  // the zlib-compressed int16 table (u32 length + bytes) of 2^label_bits x label_stride.
  std::string Serialize() const;
  static StatusOr<Relabeler> Parse(std::string_view data, const std::string& what);

 private:
  Weights table_;
  bool stacked_ = false;
  int gate_ = kAllArcs;
  std::vector<uint64_t> label_keys_;  // LabelKey of each label
};

}  // namespace newsgraph::models::parser_internal

#endif  // NEWSGRAPH_MODELS_PARSER_RELABEL_H_
