// Training side of the averaged perceptron (Collins 2002) with lazy averaging:
// each weight remembers when it last changed, so an update costs O(features)
// and the average is exact. Shared by the tagger and parser trainers; keep stable.
// Not thread-safe; one trainer per training run. Deterministic for a given
// sequence of calls.
#ifndef NEWSGRAPH_MODELS_PERCEPTRON_TRAINER_H_
#define NEWSGRAPH_MODELS_PERCEPTRON_TRAINER_H_

#include <cstdint>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

#include "models/perceptron.h"

namespace newsgraph::models::perceptron {

class AveragedPerceptronTrainer {
 public:
  explicit AveragedPerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  // scores = current (not averaged) weights summed over `keys`.
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  // Advances the instance clock; call once per training instance (before Update).
  void Tick() { ++clock_; }
  // Adds `delta` to weight (key, cls) for every key.
  void Update(const uint64_t* keys, size_t n, int cls, float delta);
  // The usual perceptron step: +1 for `gold`, -1 for `guess` (no-op if equal).
  void Update(const uint64_t* keys, size_t n, int gold, int guess) {
    if (gold == guess) return;
    Update(keys, n, gold, 1.0f);
    Update(keys, n, guess, -1.0f);
  }

  // The averaged weights; entries with |w| < min_abs are pruned to keep models small.
  SparseWeights Average(float min_abs = 0.0f) const;
  // The same averaged weights as rows sorted by key (for trainers that store them in another layout).
  std::vector<SparseWeights::Row> AveragedRows(float min_abs = 0.0f) const;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    int32_t stamp;   // clock when `weight` last changed
    float weight;
    double total;    // sum of weight over instances up to `stamp`
  };
  int num_classes_;
  int32_t clock_ = 0;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;
};

// The mean of the averaged weights of several trainers over the same classes (an
// ensemble of perceptrons that differ in their seeds), entries with |mean| <= min_abs
// dropped. One trainer gives exactly its own Average(min_abs).
SparseWeights MeanOfAverages(const std::vector<const AveragedPerceptronTrainer*>& trainers, float min_abs = 0.0f);

// Calls train(*member) for every member of an ensemble: in this thread for one member, else
// one thread each (members must touch only their own state and read-only shared data).
template <typename Member, typename Train>
void TrainMembers(std::vector<std::unique_ptr<Member>>& team, Train train) {
  if (team.size() == 1) {
    train(*team[0]);
    return;
  }
  std::vector<std::thread> threads;
  for (auto& member : team) threads.emplace_back([&train, &member] { train(*member); });
  for (std::thread& t : threads) t.join();
}

}  // namespace newsgraph::models::perceptron

#endif  // NEWSGRAPH_MODELS_PERCEPTRON_TRAINER_H_
