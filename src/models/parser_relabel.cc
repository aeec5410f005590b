#include "models/parser_relabel.h"

#include <algorithm>
#include <cstring>

#include "base/binary_io.h"
#include "base/checksum.h"

namespace newsgraph::models::parser_internal {

using perceptron::HashKey;
using perceptron::Mix;
using perceptron::PairKey;

namespace {

uint64_t UposHash(std::string_view upos) { return base::Hash64(upos, 2); }

// Function words whose identity decides labels (case "by" of a passive agent, aux "was",
// mark "to"): their word is a feature wherever a content word's tag would be.
bool IsFunctionTag(uint64_t upos) {
  static const uint64_t kTags[] = {UposHash("ADP"),  UposHash("SCONJ"), UposHash("AUX"), UposHash("PART"),
                                   UposHash("DET"),  UposHash("PRON"),  UposHash("CCONJ"), UposHash("PUNCT"),
                                   UposHash("ADV")};
  for (uint64_t t : kTags) {
    if (upos == t) return true;
  }
  return false;
}

bool IsNominalTag(uint64_t upos) {
  static const uint64_t kNoun = UposHash("NOUN"), kPropn = UposHash("PROPN"), kPron = UposHash("PRON"),
                        kNum = UposHash("NUM");
  return upos == kNoun || upos == kPropn || upos == kPron || upos == kNum;
}

int DistanceBucket(int d) {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

uint64_t Triple(uint32_t templ, uint64_t a, uint64_t b, uint64_t c) { return PairKey(templ, Mix(a, b), c); }

constexpr uint64_t kNone = 0x4E6F6E65ull;  // stands for a missing neighbour / grandparent

}  // namespace

uint64_t LabelKey(std::string_view deprel) { return base::Hash64(deprel, 5); }

void Tree::Build(const std::vector<int>& heads, const std::vector<uint64_t>& label_keys) {
  heads_ = &heads;
  label_keys_ = &label_keys;
  const int n = static_cast<int>(heads.size()) - 1;
  first_.assign(n + 2, 0);
  for (int i = 1; i <= n; ++i) {
    const int h = heads[i];
    if (h >= 0 && h <= n) ++first_[h + 1];
  }
  for (int i = 0; i <= n; ++i) first_[i + 1] += first_[i];
  children_.assign(first_[n + 1], 0);
  thread_local std::vector<int> fill;
  fill.assign(first_.begin(), first_.end() - 1);
  for (int i = 1; i <= n; ++i) {  // increasing i: children come out in order
    const int h = heads[i];
    if (h >= 0 && h <= n) children_[fill[h]++] = i;
  }
}

int RelabelFeatures(const std::vector<TokenIds>& toks, const Tree& tree, int dep, bool stacked, uint64_t* out) {
  int k = 0;
  const int n = tree.n();
  const int head = tree.head(dep);
  const TokenIds& d = toks[dep];
  const TokenIds& h = toks[head];
  const uint64_t dir = dep < head ? 1 : 2;
  const uint64_t dist = DistanceBucket(std::abs(head - dep));
  const int grand = head > 0 ? tree.head(head) : -1;
  const uint64_t g_upos = grand >= 0 ? toks[grand].upos : kNone;
  const uint64_t h_label = tree.label(head);

  out[k++] = HashKey(1, d.upos);
  out[k++] = HashKey(2, d.xpos);
  out[k++] = HashKey(3, d.word);
  out[k++] = HashKey(4, d.suffix);
  out[k++] = PairKey(5, d.shape, d.upos);
  out[k++] = PairKey(6, h.upos, dir);
  out[k++] = PairKey(7, h.xpos, dir);
  out[k++] = PairKey(8, h.word, dir);
  out[k++] = Triple(9, d.upos, h.upos, dir);
  out[k++] = Triple(10, d.xpos, h.xpos, dir);
  out[k++] = Triple(11, d.xpos, h.xpos, dir * 16 + dist);
  out[k++] = Triple(12, d.word, h.upos, dir);
  out[k++] = Triple(13, d.upos, h.word, dir);
  out[k++] = Triple(14, d.word, h.word, dir);
  out[k++] = Triple(15, d.suffix, h.xpos, dir);
  out[k++] = Triple(16, d.upos, h.upos, g_upos);
  out[k++] = Triple(17, d.upos, h_label, dir);
  out[k++] = Triple(18, d.xpos, h.xpos, h_label);
  out[k++] = Triple(19, d.word, h_label, dir);

  // The dependent's own children: a case/mark child makes obl/nmod/advcl, a det makes a nominal.
  int n_children = 0;
  for (int c = tree.children_begin(dep); c < tree.children_end(dep) && k + 4 <= kMaxRelabelFeatures - 64; ++c) {
    const int ch = tree.child(c);
    const TokenIds& t = toks[ch];
    const uint64_t side = ch < dep ? 1 : 2;
    ++n_children;
    out[k++] = Triple(20, d.upos, tree.label(ch), side);
    out[k++] = Triple(21, d.upos, t.upos, side);
    if (IsFunctionTag(t.upos)) {
      out[k++] = Triple(22, d.upos, t.word, side);
      out[k++] = Triple(23, h.upos, t.word, dir);
    }
  }
  out[k++] = Triple(24, d.upos, std::min(n_children, 4), dir);
  // Order-free sets of the children's labels on each side, as the first pass sees them.
  uint64_t d_left = 0, d_right = 0, h_left = 0, h_right = 0;
  int d_first = -1, d_last = -1;
  for (int c = tree.children_begin(dep); c < tree.children_end(dep); ++c) {
    const int ch = tree.child(c);
    (ch < dep ? d_left : d_right) += tree.label(ch);
    if (d_first < 0) d_first = ch;
    d_last = ch;
  }
  for (int c = tree.children_begin(head); c < tree.children_end(head); ++c) {
    const int s = tree.child(c);
    if (s != dep) (s < head ? h_left : h_right) += tree.label(s);
  }
  out[k++] = PairKey(25, d.xpos, d_left);
  out[k++] = PairKey(26, d.xpos, d_right);
  out[k++] = Triple(27, d.upos, Mix(d_left, d_right), dir);
  out[k++] = Triple(28, h.xpos, h_left, dir);
  out[k++] = Triple(29, h.xpos, h_right, dir);
  out[k++] = Triple(36, d.xpos, Mix(h.xpos, h_left), dir);
  out[k++] = Triple(37, d.xpos, Mix(h.xpos, h_right), dir);
  out[k++] = Triple(38, d_first >= 0 ? toks[d_first].word : kNone, d.xpos, dir);
  out[k++] = Triple(39, d_last >= 0 ? toks[d_last].word : kNone, d.xpos, dir);

  // The head's other children: a second object, an aux:pass, an earlier subject.
  int nominal_between = 0;
  int n_siblings = 0;
  for (int c = tree.children_begin(head); c < tree.children_end(head) && k + 5 <= kMaxRelabelFeatures - 24; ++c) {
    const int s = tree.child(c);
    if (s == dep) continue;
    const TokenIds& t = toks[s];
    const bool same_side = (s < head) == (dep < head);
    const uint64_t rel = (s < dep ? 1 : 2) + (same_side ? 4 : 0);
    ++n_siblings;
    out[k++] = Triple(30, d.upos, tree.label(s), rel);
    out[k++] = Triple(31, d.xpos, t.xpos, rel);
    out[k++] = Triple(33, tree.label(s), dir, h.upos);
    if (IsFunctionTag(t.upos)) out[k++] = Triple(32, d.upos, t.word, rel);
    if (same_side && IsNominalTag(t.upos) && std::abs(s - head) < std::abs(dep - head)) ++nominal_between;
  }
  out[k++] = Triple(34, d.upos, dir, std::min(nominal_between, 2));
  out[k++] = Triple(35, d.upos, h.upos, std::min(n_siblings, 5));

  // Words around the dependent.
  const uint64_t prev_upos = dep > 1 ? toks[dep - 1].upos : kNone;
  const uint64_t next_upos = dep < n ? toks[dep + 1].upos : kNone;
  const uint64_t prev_word = dep > 1 ? toks[dep - 1].word : kNone;
  const uint64_t next_word = dep < n ? toks[dep + 1].word : kNone;
  out[k++] = Triple(40, d.upos, prev_upos, next_upos);
  out[k++] = Triple(41, d.word, next_upos, dir);
  out[k++] = Triple(42, prev_word, d.upos, dir);
  out[k++] = Triple(43, d.upos, next_word, dir);
  out[k++] = Triple(44, d.xpos, prev_upos, h.xpos);
  // Punctuation between head and dependent (parataxis, list, appos are comma-separated).
  static const uint64_t kPunct = UposHash("PUNCT");
  int commas = 0;
  for (int i = std::min(head, dep) + 1; i < std::max(head, dep); ++i) {
    if (toks[i].upos == kPunct) ++commas;
  }
  out[k++] = Triple(45, d.upos, h.upos, dir * 4 + std::min(commas, 3));
  out[k++] = Triple(46, dep == 1 ? 1 : 0, d.upos, dir);
  if (stacked) {
    const uint64_t own = tree.label(dep);
    out[k++] = HashKey(50, own);
    out[k++] = Triple(51, own, d.upos, h.upos);
    out[k++] = Triple(52, own, d.word, dir);
    out[k++] = Triple(53, own, h.xpos, dir);
    out[k++] = Triple(54, own, h_label, d.xpos);
    out[k++] = Triple(55, own, d_left, d_right);
  }
  return k;
}

Relabeler::Relabeler(Weights table, bool stacked, int gate)
    : table_(std::move(table)), stacked_(stacked), gate_(gate) {
  for (const std::string& l : table_.labels) label_keys_.push_back(LabelKey(l));
}

void Relabeler::Classify(const std::vector<TokenIds>& toks, const std::vector<int>& heads,
                         const std::vector<uint64_t>& label_keys, std::vector<int>& classes,
                         const std::vector<bool>* only) const {
  const int n = static_cast<int>(heads.size()) - 1;
  classes.assign(n + 1, -1);
  thread_local Tree tree;
  tree.Build(heads, label_keys);
  uint64_t feats[kMaxRelabelFeatures];
  const int16_t* rows[kMaxRelabelFeatures];
  // Every arc is relabelled from the first-pass labels of the others, so the result
  // does not depend on an order of visits.
  for (int dep = 1; dep <= n; ++dep) {
    if (heads[dep] <= 0 || (only != nullptr && !(*only)[dep])) continue;
    const int nf = RelabelFeatures(toks, tree, dep, stacked_, feats);
    LabelRows(table_, feats, nf, rows);
    classes[dep] = BestLabelOfRows(table_, rows, nf);
  }
}

void Relabeler::Relabel(const std::vector<TokenIds>& toks, const std::vector<int>& heads, std::vector<int>& labels,
                        const std::vector<int>& margins) const {
  const int n = static_cast<int>(heads.size()) - 1;
  thread_local std::vector<uint64_t> keys;
  thread_local std::vector<int> classes;
  thread_local std::vector<bool> gated;
  keys.assign(n + 1, 0);
  gated.assign(n + 1, false);
  bool any = false;
  for (int i = 1; i <= n; ++i) {
    if (labels[i] >= 0 && labels[i] < static_cast<int>(label_keys_.size())) keys[i] = label_keys_[labels[i]];
    gated[i] = i < static_cast<int>(margins.size()) && margins[i] < gate_;
    any = any || gated[i];
  }
  if (!any) return;  // the first pass was sure of every label
  Classify(toks, heads, keys, classes, &gated);
  for (int i = 1; i <= n; ++i) {
    if (classes[i] >= 0) labels[i] = classes[i];
  }
}

std::string Relabeler::Serialize() const {
  base::BinaryWriter w;
  w.U32(stacked_ ? 2 : 1);
  w.U32(static_cast<uint32_t>(gate_));
  w.U32(static_cast<uint32_t>(table_.label_bits));
  w.U32(static_cast<uint32_t>(table_.label_stride));
  w.U32(static_cast<uint32_t>(table_.labels.size()));
  for (const std::string& l : table_.labels) w.String(l);
  w.String(CompressTable(table_.label));
  return w.Release();
}

StatusOr<Relabeler> Relabeler::Parse(std::string_view data, const std::string& what) {
  base::BinaryReader r(data, what);
  uint32_t version = 0, gate = 0, bits = 0, stride = 0, n = 0;
  NG_RETURN_IF_ERROR(r.U32(version));
  if (version != 1 && version != 2) {
    return Status::Corruption(what + ": relabeller feature version " + std::to_string(version) + " is not 1 or 2");
  }
  NG_RETURN_IF_ERROR(r.U32(gate));
  if (gate > static_cast<uint32_t>(kAllArcs)) return Status::Corruption(what + ": gate " + std::to_string(gate) + " out of range");
  NG_RETURN_IF_ERROR(r.U32(bits));
  NG_RETURN_IF_ERROR(r.U32(stride));
  NG_RETURN_IF_ERROR(r.U32(n));
  if (bits < 8 || bits > 24 || n == 0 || n > 256 || stride < n || stride % 8 != 0 || stride > 264) {
    return Status::Corruption(what + ": implausible table shape (bits " + std::to_string(bits) + ", labels " +
                              std::to_string(n) + ", stride " + std::to_string(stride) + ")");
  }
  Weights table;
  table.label_bits = static_cast<int>(bits);
  table.label_stride = static_cast<int>(stride);
  table.labels.resize(n);
  for (std::string& l : table.labels) {
    NG_RETURN_IF_ERROR(r.String(l));
    if (l == "root") table.root_label = static_cast<int>(&l - table.labels.data());
  }
  std::string blob;
  NG_RETURN_IF_ERROR(r.String(blob));
  NG_RETURN_IF_ERROR(DecompressTable(blob, (size_t{1} << bits) * stride, table.label, what + " table"));
  if (r.remaining() != 0) return Status::Corruption(what + ": " + std::to_string(r.remaining()) + " stray bytes");
  return Relabeler(std::move(table), version == 2, static_cast<int>(gate));
}

}  // namespace newsgraph::models::parser_internal
