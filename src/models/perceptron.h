// Averaged-perceptron building blocks shared by the tagger and the parser:
// feature keys (64-bit hashes of a template id and its string or integer parts)
// and SparseWeights, the compact immutable weight table used at run time.
//
// STABILITY: the parser #includes this header. Keep the functions below and the
// serialized layout of SparseWeights backward compatible; add, do not change.
// The key functions are part of every model file's meaning: changing their
// output invalidates all trained models (their self-tests will then fail on load).
//
// SparseWeights is immutable after Parse/construction and safe to share across
// threads. Training lives in perceptron_trainer.h (not linked into the runtime).
#ifndef NEWSGRAPH_MODELS_PERCEPTRON_H_
#define NEWSGRAPH_MODELS_PERCEPTRON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/checksum.h"
#include "base/status.h"
#include "base/table_memory.h"

namespace newsgraph::models::perceptron {

// Mixes two 64-bit values into one (a fixed splitmix64-style finaliser).
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

// Key of feature template `templ` with string value `value` (e.g. templ 3, "ing").
inline uint64_t StringKey(uint32_t templ, std::string_view value) {
  return Mix(templ, base::Hash64(value, 0x6E67u));
}
// Key of template `templ` over an already-hashed value (or an integer such as a tag id).
inline uint64_t HashKey(uint32_t templ, uint64_t value) { return Mix(templ, value); }
// Key of template `templ` over two hashed values (conjunction features).
inline uint64_t PairKey(uint32_t templ, uint64_t a, uint64_t b) { return Mix(Mix(templ, a), b); }

// A read-only table from feature key to a sparse row of (class, weight).
// Scoring a feature touches one hash slot and its few non-zero weights.
class SparseWeights {
 public:
  // One non-zero weight of a feature row, as produced by a trainer.
  struct Entry {
    uint16_t cls;
    float weight;
  };
  struct Row {
    uint64_t key;
    std::vector<Entry> entries;
  };

  SparseWeights() = default;
  // Builds the table; rows with no entries are dropped. Keys must be unique.
  SparseWeights(int num_classes, const std::vector<Row>& rows);

  // Adds the weights of feature `key` to scores[0..num_classes()); unknown keys add nothing.
  void AddTo(uint64_t key, float* scores) const {
    const Slot* s = Find(key);
    if (s == nullptr) return;
    AddRow(*s, scores);
  }
  // scores = sum of the rows of `keys` (zeroed first). Prefetches all rows before
  // summing, so the cache misses of the ~30 features of a token overlap.
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  // Like Score, but adds to `scores` without zeroing it first.
  void AddScores(const uint64_t* keys, size_t n, float* scores) const;

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return num_weights_; }

  // Binary layout: docs/formats/model-file.md ("SparseWeights payload").
  std::string Serialize() const;
  // `what` names the data in errors ("tagger.ngm section 'weights'").
  static StatusOr<SparseWeights> Parse(std::string_view data, const std::string& what);

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;  // [begin, end) into entries_ (or dense_ when begin has kDenseBit);
    uint32_t end = 0;    // begin == end marks an empty slot
  };
  // Rows with at least this share of all classes are stored dense (vectorised add).
  static constexpr int kDenseDivisor = 4;
  static constexpr uint32_t kDenseBit = 0x80000000u;
  void Insert(uint64_t key, const Entry* entries, size_t n);
  void AddRow(const Slot& s, float* scores) const {
    if (s.begin & kDenseBit) {
      const float* w = dense_.data() + (s.begin & ~kDenseBit);
      for (int c = 0; c < num_classes_; ++c) scores[c] += w[c];
      return;
    }
    for (uint32_t e = s.begin; e < s.end; ++e) scores[entries_[e].cls] += entries_[e].weight;
  }
  const Slot* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.begin == s.end) return nullptr;  // empty slot: key absent
      if (s.key == key) return &s;
    }
  }
  int num_classes_ = 0;
  size_t num_features_ = 0;
  size_t num_weights_ = 0;
  base::TableVector<Slot> slots_;  // open addressing, linear probing, power-of-two size
  base::TableVector<Entry> entries_;  // sparse rows' entries, contiguous per row
  base::TableVector<float> dense_;     // dense rows, num_classes_ floats each
};

// Index of the largest score (first on ties); -1 when n == 0.
int ArgMax(const float* scores, int n);

}  // namespace newsgraph::models::perceptron

#endif  // NEWSGRAPH_MODELS_PERCEPTRON_H_
