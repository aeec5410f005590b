// Learns WordClusters (word_clusters.h) from tokenized unlabeled text by
// divisive spherical 2-means over context vectors: each word is described by the
// counts of its left and right neighbours (the `context_words` most frequent
// words, plus "rare" and "sentence boundary"), weighted by positive PMI and L2-normalized;
// the vocabulary is split in two again and again (each split 2-means with
// frequency-weighted centroids, each side keeping >= 1/4 of the words), giving the binary tree whose paths are the codes.
// A cheap stand-in for Brown clustering: seconds instead of hours, same use
// (prefix features). Deterministic for fixed input and options.
// Not linked into the newsgraph binary.
#ifndef NEWSGRAPH_MODELS_WORD_CLUSTERS_TRAINER_H_
#define NEWSGRAPH_MODELS_WORD_CLUSTERS_TRAINER_H_

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "models/word_clusters.h"

namespace newsgraph::models {

struct ClusterTrainOptions {
  int max_vocab = 80000;     // most frequent words kept (ties broken by word)
  int min_count = 2;         // words seen fewer times get no cluster
  int context_words = 1000;  // neighbours that are context dimensions
  int max_depth = 16;        // longest path (<= WordClusters::kMaxDepth)
  int min_leaf = 8;          // nodes with fewer than 2*min_leaf words are not split
  int iterations = 6;        // 2-means iterations per split
  std::function<void(const std::string&)> log = nullptr;  // progress lines; nullptr = silent
};

// Streams sentences in; words are normalized (WordClusters::Normalize) on Add.
class WordClustersTrainer {
 public:
  explicit WordClustersTrainer(ClusterTrainOptions options) : options_(std::move(options)) {}
  void AddSentence(const std::vector<std::string>& tokens);
  size_t tokens() const { return tokens_; }
  // Clusters the words seen so far; `meta` gets kind/version/training added.
  StatusOr<std::shared_ptr<const WordClusters>> Train(nlohmann::json meta) const;

 private:
  ClusterTrainOptions options_;
  std::vector<std::vector<uint32_t>> sentences_;  // word ids
  std::vector<std::string> words_;                // id -> normalized word
  std::unordered_map<std::string, uint32_t> ids_;
  size_t tokens_ = 0;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_WORD_CLUSTERS_TRAINER_H_
