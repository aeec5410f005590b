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

SparseWeights MeanOfAverages(const std::vector<const AveragedPerceptronTrainer*>& trainers, float min_abs) {
  if (trainers.size() == 1) return trainers[0]->Average(min_abs);
  const int num_classes = trainers[0]->num_classes();
  std::vector<std::vector<SparseWeights::Row>> rows;
  for (const auto* t : trainers) rows.push_back(t->AveragedRows(0.0f));
  std::vector<size_t> next(rows.size(), 0);
  std::vector<SparseWeights::Row> out;
  std::vector<float> sum(num_classes, 0.0f);
  std::vector<uint16_t> touched;
  const float scale = 1.0f / static_cast<float>(trainers.size());
  while (true) {  // k-way merge of the key-sorted row lists
    bool any = false;
    uint64_t key = 0;
    for (size_t m = 0; m < rows.size(); ++m) {
      if (next[m] < rows[m].size() && (!any || rows[m][next[m]].key < key)) key = rows[m][next[m]].key, any = true;
    }
    if (!any) break;
    touched.clear();
    for (size_t m = 0; m < rows.size(); ++m) {
      if (next[m] >= rows[m].size() || rows[m][next[m]].key != key) continue;
      for (const auto& e : rows[m][next[m]].entries) {
        touched.push_back(e.cls);
        sum[e.cls] += e.weight;
      }
      ++next[m];
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    SparseWeights::Row row{key, {}};
    for (uint16_t c : touched) {
      const float mean = sum[c] * scale;
      if (std::fabs(mean) > min_abs) row.entries.push_back({c, mean});
      sum[c] = 0.0f;
    }
    if (!row.entries.empty()) out.push_back(std::move(row));
  }
  return SparseWeights(num_classes, out);
}

}  // namespace newsgraph::models::perceptron
