#include "models/perceptron.h"

#include <algorithm>

#include "base/binary_io.h"

namespace newsgraph::models::perceptron {
namespace {

constexpr uint32_t kSparseWeightsVersion = 1;

// Dense rows and ArgMax are the inner loops of every perceptron model; compile
// them for AVX2 as well as the x86-64 baseline and pick one at load (ifunc).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define NG_MULTIVERSION __attribute__((target_clones("avx2", "default")))
#else
#define NG_MULTIVERSION
#endif

NG_MULTIVERSION void AddDense(const float* __restrict w, float* __restrict scores, int n) {
  for (int c = 0; c < n; ++c) scores[c] += w[c];
}

NG_MULTIVERSION float MaxOf(const float* __restrict scores, int n) {
  // Eight independent lanes so the loop vectorizes without -ffast-math.
  float lane[8];
  for (int k = 0; k < 8; ++k) lane[k] = scores[0];
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    for (int k = 0; k < 8; ++k) lane[k] = scores[i + k] > lane[k] ? scores[i + k] : lane[k];
  }
  float m = lane[0];
  for (int k = 1; k < 8; ++k) m = lane[k] > m ? lane[k] : m;
  for (; i < n; ++i) m = scores[i] > m ? scores[i] : m;
  return m;
}

size_t TableSize(size_t rows) {
  size_t size = 16;
  while (size < rows * 2) size <<= 1;  // load factor <= 0.5 keeps probes short
  return size;
}

}  // namespace

SparseWeights::SparseWeights(int num_classes, const std::vector<Row>& rows) : num_classes_(num_classes) {
  size_t live = 0;
  for (const Row& row : rows) live += row.entries.empty() ? 0 : 1;
  slots_.assign(TableSize(live), Slot{});
  for (const Row& row : rows) {
    if (!row.entries.empty()) Insert(row.key, row.entries.data(), row.entries.size());
  }
}

void SparseWeights::Insert(uint64_t key, const Entry* entries, size_t n) {
  size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].begin != slots_[i].end) i = (i + 1) & mask;
  Slot& slot = slots_[i];
  slot.key = key;
  if (n * kDenseDivisor >= static_cast<size_t>(num_classes_)) {
    slot.begin = static_cast<uint32_t>(dense_.size()) | kDenseBit;
    dense_.resize(dense_.size() + num_classes_, 0.0f);
    float* row = dense_.data() + (slot.begin & ~kDenseBit);
    for (size_t e = 0; e < n; ++e) row[entries[e].cls] = entries[e].weight;
    slot.end = slot.begin + static_cast<uint32_t>(n);  // keeps begin != end; count of stored entries
  } else {
    slot.begin = static_cast<uint32_t>(entries_.size());
    entries_.insert(entries_.end(), entries, entries + n);
    slot.end = static_cast<uint32_t>(entries_.size());
  }
  ++num_features_;
  num_weights_ += n;
}

void SparseWeights::Score(const uint64_t* keys, size_t n, float* scores) const {
  for (int c = 0; c < num_classes_; ++c) scores[c] = 0.0f;
  AddScores(keys, n, scores);
}

void SparseWeights::AddScores(const uint64_t* keys, size_t n, float* scores) const {
  if (slots_.empty()) return;
  size_t mask = slots_.size() - 1;
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[i] & mask]);
  constexpr size_t kMaxBatch = 64;
  const Slot* found[kMaxBatch];
  for (size_t base = 0; base < n; base += kMaxBatch) {
    size_t m = std::min(kMaxBatch, n - base);
    for (size_t i = 0; i < m; ++i) {
      found[i] = Find(keys[base + i]);
      if (found[i] != nullptr && !(found[i]->begin & kDenseBit)) __builtin_prefetch(&entries_[found[i]->begin]);
    }
    for (size_t i = 0; i < m; ++i) {
      const Slot* s = found[i];
      if (s == nullptr) continue;
      if (s->begin & kDenseBit) {
        AddDense(dense_.data() + (s->begin & ~kDenseBit), scores, num_classes_);
      } else {
        for (uint32_t e = s->begin; e < s->end; ++e) scores[entries_[e].cls] += entries_[e].weight;
      }
    }
  }
}

std::string SparseWeights::Serialize() const {
  base::BinaryWriter w;
  w.U32(kSparseWeightsVersion);
  w.U32(static_cast<uint32_t>(num_classes_));
  w.U64(num_features_);
  std::vector<uint64_t> keys;
  std::vector<uint32_t> ends;
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  // Rows are written in slot order with their entries re-packed in that order.
  for (const Slot& s : slots_) {
    if (s.begin == s.end) continue;
    keys.push_back(s.key);
    if (s.begin & kDenseBit) {
      const float* row = dense_.data() + (s.begin & ~kDenseBit);
      for (int c = 0; c < num_classes_; ++c) {
        if (row[c] != 0.0f) classes.push_back(static_cast<uint16_t>(c)), weights.push_back(row[c]);
      }
    } else {
      for (uint32_t e = s.begin; e < s.end; ++e) {
        classes.push_back(entries_[e].cls);
        weights.push_back(entries_[e].weight);
      }
    }
    ends.push_back(static_cast<uint32_t>(weights.size()));
  }
  w.PodVector(keys);
  w.PodVector(ends);
  w.PodVector(classes);
  w.PodVector(weights);
  return w.Release();
}

StatusOr<SparseWeights> SparseWeights::Parse(std::string_view data, const std::string& what) {
  base::BinaryReader r(data, what);
  uint32_t version = 0, num_classes = 0;
  uint64_t num_features = 0;
  NG_RETURN_IF_ERROR(r.U32(version));
  if (version != kSparseWeightsVersion) {
    return Status::Corruption(what + ": unsupported weight table version " + std::to_string(version));
  }
  NG_RETURN_IF_ERROR(r.U32(num_classes));
  NG_RETURN_IF_ERROR(r.U64(num_features));
  std::vector<uint64_t> keys;
  std::vector<uint32_t> ends;
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  NG_RETURN_IF_ERROR(r.PodVector(keys));
  NG_RETURN_IF_ERROR(r.PodVector(ends));
  NG_RETURN_IF_ERROR(r.PodVector(classes));
  NG_RETURN_IF_ERROR(r.PodVector(weights));
  if (keys.size() != num_features || ends.size() != num_features || classes.size() != weights.size()) {
    return Status::Corruption(what + ": inconsistent weight table sizes");
  }
  SparseWeights out;
  out.num_classes_ = static_cast<int>(num_classes);
  std::vector<Entry> entries(classes.size());
  for (size_t e = 0; e < classes.size(); ++e) {
    if (classes[e] >= num_classes) return Status::Corruption(what + ": class id out of range");
    entries[e] = Entry{classes[e], weights[e]};
  }
  out.slots_.assign(TableSize(num_features), Slot{});
  // Size the row arrays once: growing them row by row would copy tens of MB over and over.
  size_t dense_rows = 0, sparse_entries = 0, prev_end = 0;
  for (size_t f = 0; f < num_features; ++f) {
    const size_t n = ends[f] >= prev_end ? ends[f] - prev_end : 0;  // bad bounds are reported below
    if (n * kDenseDivisor >= num_classes) {
      ++dense_rows;
    } else {
      sparse_entries += n;
    }
    prev_end = ends[f];
  }
  out.dense_.reserve(dense_rows * num_classes);
  out.entries_.reserve(sparse_entries);
  uint32_t begin = 0;
  for (size_t f = 0; f < num_features; ++f) {
    if (ends[f] <= begin || ends[f] > entries.size() || ends[f] - begin > num_classes) {
      return Status::Corruption(what + ": bad row bounds for feature " + std::to_string(f));
    }
    out.Insert(keys[f], entries.data() + begin, ends[f] - begin);
    begin = ends[f];
  }
  return out;
}

int ArgMax(const float* scores, int n) {
  if (n <= 0) return -1;
  // The first index holding the maximum: same answer as a strict '>' scan.
  float m = MaxOf(scores, n);
  for (int i = 0; i < n; ++i) {
    if (scores[i] == m) return i;
  }
  return 0;  // only when scores hold NaN
}

}  // namespace newsgraph::models::perceptron
