#include "models/perceptron_trainer.h"

#include <algorithm>
#include <cmath>

namespace newsgraph::models::perceptron {

void AveragedPerceptronTrainer::Score(const uint64_t* keys, size_t n, float* scores) const {
  for (int c = 0; c < num_classes_; ++c) scores[c] = 0.0f;
  for (size_t i = 0; i < n; ++i) {
    auto it = rows_.find(keys[i]);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.weight;
  }
}

void AveragedPerceptronTrainer::Update(const uint64_t* keys, size_t n, int cls, float delta) {
  for (size_t i = 0; i < n; ++i) {
    std::vector<Entry>& row = rows_[keys[i]];
    auto it = std::find_if(row.begin(), row.end(), [cls](const Entry& e) { return e.cls == cls; });
    if (it == row.end()) {
      row.push_back(Entry{static_cast<uint16_t>(cls), clock_, 0.0f, 0.0});
      it = row.end() - 1;
    }
    it->total += static_cast<double>(clock_ - it->stamp) * it->weight;
    it->stamp = clock_;
    it->weight += delta;
  }
}

SparseWeights AveragedPerceptronTrainer::Average(float min_abs) const {
  return SparseWeights(num_classes_, AveragedRows(min_abs));
}

std::vector<SparseWeights::Row> AveragedPerceptronTrainer::AveragedRows(float min_abs) const {
  std::vector<SparseWeights::Row> rows;
  rows.reserve(rows_.size());
  double clock = std::max<int32_t>(clock_, 1);
  for (const auto& [key, entries] : rows_) {
    SparseWeights::Row row{key, {}};
    for (const Entry& e : entries) {
      double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
      float avg = static_cast<float>(total / clock);
      if (std::fabs(avg) > min_abs) row.entries.push_back({e.cls, avg});
    }
    std::sort(row.entries.begin(), row.entries.end(),
              [](const SparseWeights::Entry& a, const SparseWeights::Entry& b) { return a.cls < b.cls; });
    if (!row.entries.empty()) rows.push_back(std::move(row));
  }
  // Sorting by key makes the built table (and so the model file) deterministic.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return rows;
}

}  // namespace newsgraph::models::perceptron
