// Beam-search decoding for the arc-hybrid parser (parser_core.h). Every action
// sequence of a sentence has exactly 2n actions (n shifts, n arcs), so all beam
// items finish together and their summed scores compare fairly.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "models/parser_core.h"

namespace newsgraph::models::parser_internal {
namespace {

struct Candidate {
  int64_t score;
  int parent;
  int action;
};

// Higher score first; ties by parent then action, so decoding is deterministic.
bool Better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.parent != b.parent) return a.parent < b.parent;
  return a.action < b.action;
}

// Labels already chosen in this sentence, keyed by a fingerprint of the label features:
// beam items often make the same arc in the same context. Direct-mapped; a generation
// counter empties it per sentence.
class LabelCache {
 public:
  void Clear() { ++generation_; }
  static uint64_t Key(const uint64_t* feats, int n) {
    uint64_t key = static_cast<uint64_t>(n);
    for (int i = 0; i < n; ++i) key = (key ^ feats[i]) * 0x9E3779B97F4A7C15ULL;
    return key;
  }
  // The cached label of `key` (and its margin), or -1.
  int Find(uint64_t key, int* margin) const {
    const Entry& e = entries_[Slot(key)];
    if (e.generation != generation_ || e.key != key) return -1;
    *margin = e.margin;
    return e.label;
  }
  void Put(uint64_t key, int label, int margin) { entries_[Slot(key)] = {key, generation_, label, margin}; }

 private:
  static constexpr int kSize = 1024;
  static size_t Slot(uint64_t key) { return (key >> 54) & (kSize - 1); }
  struct Entry {
    uint64_t key = 0;
    uint64_t generation = 0;
    int label = -1;
    int margin = 0;
  };
  Entry entries_[kSize];
  uint64_t generation_ = 1;
};

// Per-thread scratch of the beam decoder.
struct BeamScratch {
  std::vector<State> cur, next;
  std::vector<int64_t> cur_score, next_score;
  std::vector<Candidate> cands;
  std::vector<const int16_t*> rows;  // beam x kMaxActionFeatures (also label rows)
  std::vector<int> nrows;
  std::vector<uint64_t> keys;
  std::vector<int> labels;
  std::vector<int> margins;
  std::vector<int> children;  // surviving children per item
  LabelCache label_cache;
  uint64_t feats[kMaxActionFeatures];

  void Reserve(int beam) {
    if (cur.size() >= static_cast<size_t>(beam)) return;
    cur.resize(beam);
    next.resize(beam);
    rows.resize(static_cast<size_t>(beam) * kMaxActionFeatures);
    nrows.resize(beam);
    keys.resize(beam);
    labels.resize(beam);
    margins.resize(beam);
    children.resize(beam);
  }
};

// Candidates (item, action) of every item of the beam, scored. The loads of all items
// are issued before any is summed, so their cache misses overlap.
void Expand(const Weights& w, const std::vector<TokenIds>& toks, int size, BeamScratch& b) {
  for (int i = 0; i < size; ++i) {
    b.nrows[i] = ActionRows(w, b.cur[i], toks, b.feats, &b.rows[static_cast<size_t>(i) * kMaxActionFeatures]);
  }
  b.cands.clear();
  for (int i = 0; i < size; ++i) {
    int32_t score[4];
    SumActionRows(&b.rows[static_cast<size_t>(i) * kMaxActionFeatures], b.nrows[i], score);
    for (int a = 0; a < kNumActions; ++a) {
      if (b.cur[i].Allowed(a)) b.cands.push_back({b.cur_score[i] + score[a], i, a});
    }
  }
}

// Labels of the arcs made by the first k candidates (-1 for shifts), two-phase as Expand.
void LabelArcs(const Weights& w, const std::vector<TokenIds>& toks, int k, BeamScratch& b) {
  static_assert(kMaxLabelFeatures <= kMaxActionFeatures);
  for (int j = 0; j < k; ++j) {
    const Candidate& c = b.cands[j];
    const State& p = b.cur[c.parent];
    b.labels[j] = -1;
    b.margins[j] = 0;
    b.nrows[j] = 0;
    if (c.action == kShift) continue;
    const int head = p.ArcHead(c.action);
    if (head == 0) {
      b.labels[j] = w.root_label;
      continue;
    }
    const int n = LabelFeatures(p, toks, w.features, head, p.ArcDep(), b.feats);
    b.keys[j] = LabelCache::Key(b.feats, n);
    b.labels[j] = b.label_cache.Find(b.keys[j], &b.margins[j]);
    if (b.labels[j] >= 0) continue;
    LabelRows(w, b.feats, n, &b.rows[static_cast<size_t>(j) * kMaxActionFeatures]);
    b.nrows[j] = n;
  }
  for (int j = 0; j < k; ++j) {
    if (b.nrows[j] == 0) continue;
    b.labels[j] =
        BestLabelOfRows(w, &b.rows[static_cast<size_t>(j) * kMaxActionFeatures], b.nrows[j], &b.margins[j]);
    b.label_cache.Put(b.keys[j], b.labels[j], b.margins[j]);
  }
}

}  // namespace

void ParseTokensBeam(const Weights& w, const std::vector<TokenIds>& toks, int beam, std::vector<int>& heads,
                     std::vector<int>& labels, std::vector<int>* margins) {
  thread_local BeamScratch b;
  b.Reserve(beam);
  b.label_cache.Clear();
  const int n = static_cast<int>(toks.size()) - 1;
  b.cur[0].Init(n);
  b.cur_score.assign(1, 0);
  int size = 1;
  for (int step = 0; step < 2 * n; ++step) {
    Expand(w, toks, size, b);
    int k = std::min<int>(beam, static_cast<int>(b.cands.size()));
    std::partial_sort(b.cands.begin(), b.cands.begin() + k, b.cands.end(), Better);
    if (w.beam_margin > 0) {
      // Candidates far behind the best rarely win; dropping them saves most of the beam's cost.
      const int64_t floor = b.cands[0].score - w.beam_margin;
      while (k > 1 && b.cands[k - 1].score < floor) --k;
    }
    LabelArcs(w, toks, k, b);
    b.next_score.resize(k);
    // A parent's last surviving child takes its state instead of a copy.
    for (int i = 0; i < size; ++i) b.children[i] = 0;
    for (int j = 0; j < k; ++j) ++b.children[b.cands[j].parent];
    for (int j = 0; j < k; ++j) {
      const Candidate& c = b.cands[j];
      if (--b.children[c.parent] == 0) {
        std::swap(b.next[j], b.cur[c.parent]);
      } else {
        b.next[j] = b.cur[c.parent];
      }
      b.next[j].Apply(c.action, b.labels[j], b.margins[j]);
      b.next_score[j] = c.score;
    }
    std::swap(b.cur, b.next);
    std::swap(b.cur_score, b.next_score);
    size = k;
  }
  b.cur[0].Result(heads, labels, margins);
}

}  // namespace newsgraph::models::parser_internal
