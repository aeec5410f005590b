#include "models/perceptron.h"

#include "base/binary_io.h"

namespace newsgraph::models::perceptron {
namespace {

constexpr uint32_t kSparseWeightsVersion = 1;

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
  size_t mask = slots_.size() - 1;
  for (const Row& row : rows) {
    if (row.entries.empty()) continue;
    size_t i = row.key & mask;
    while (slots_[i].begin != slots_[i].end) i = (i + 1) & mask;
    slots_[i].key = row.key;
    slots_[i].begin = static_cast<uint32_t>(weights_.size());
    for (const Entry& e : row.entries) {
      classes_.push_back(e.cls);
      weights_.push_back(e.weight);
    }
    slots_[i].end = static_cast<uint32_t>(weights_.size());
    ++num_features_;
  }
}

void SparseWeights::Score(const uint64_t* keys, size_t n, float* scores) const {
  for (int c = 0; c < num_classes_; ++c) scores[c] = 0.0f;
  for (size_t i = 0; i < n; ++i) AddTo(keys[i], scores);
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
    classes.insert(classes.end(), classes_.begin() + s.begin, classes_.begin() + s.end);
    weights.insert(weights.end(), weights_.begin() + s.begin, weights_.begin() + s.end);
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
  SparseWeights out;
  NG_RETURN_IF_ERROR(r.PodVector(keys));
  NG_RETURN_IF_ERROR(r.PodVector(ends));
  NG_RETURN_IF_ERROR(r.PodVector(out.classes_));
  NG_RETURN_IF_ERROR(r.PodVector(out.weights_));
  if (keys.size() != num_features || ends.size() != num_features || out.classes_.size() != out.weights_.size()) {
    return Status::Corruption(what + ": inconsistent weight table sizes");
  }
  out.num_classes_ = static_cast<int>(num_classes);
  out.num_features_ = num_features;
  out.slots_.assign(TableSize(num_features), Slot{});
  size_t mask = out.slots_.size() - 1;
  uint32_t begin = 0;
  for (size_t f = 0; f < num_features; ++f) {
    if (ends[f] <= begin || ends[f] > out.weights_.size()) {
      return Status::Corruption(what + ": bad row bounds for feature " + std::to_string(f));
    }
    size_t i = keys[f] & mask;
    while (out.slots_[i].begin != out.slots_[i].end) i = (i + 1) & mask;
    out.slots_[i] = Slot{keys[f], begin, ends[f]};
    begin = ends[f];
  }
  for (uint16_t c : out.classes_) {
    if (c >= num_classes) return Status::Corruption(what + ": class id out of range");
  }
  return out;
}

int ArgMax(const float* scores, int n) {
  int best = n > 0 ? 0 : -1;
  for (int i = 1; i < n; ++i) {
    if (scores[i] > scores[best]) best = i;
  }
  return best;
}

}  // namespace newsgraph::models::perceptron
