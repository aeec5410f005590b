// Hierarchical word clusters learned from unlabeled text (tools/train/train_clusters):
// every known word has a path in a binary tree, stored as a "heap code" — a
// leading 1 bit followed by the path bits ("1" = root, "1" "0110" = depth 4).
// Prefixes of the path are coarser clusters, used as features by the tagger (and
// available to the parser and NER).
//
// Words are looked up normalized: ASCII letters lowercased, ASCII digits mapped to
// '0' ("Q3" -> "q0"), so lookups ignore case.
//
// A WordClusters is immutable after Load; all methods are const and thread-safe.
// File: a model file (docs/formats/model-file.md) of kind "clusters", section
// "words"; its self-test (a few words with their codes) is checked on load.
#ifndef NEWSGRAPH_MODELS_WORD_CLUSTERS_H_
#define NEWSGRAPH_MODELS_WORD_CLUSTERS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/status.h"

namespace newsgraph::models {

class WordClusters {
 public:
  // Longest path this format stores (codes fit in 32 bits with the leading 1).
  static constexpr int kMaxDepth = 30;

  // Opens a clusters model file: container checks, kind "clusters", payload
  // version, self-test. Errors name the file and say what is wrong.
  static StatusOr<std::shared_ptr<const WordClusters>> Load(const std::string& path,
                                                            base::FileSystem& fs = base::LocalFileSystem());
  static StatusOr<std::shared_ptr<const WordClusters>> LoadFromBytes(std::string bytes, const std::string& name);
  // DefaultModelDir() + "/clusters.ngm".
  static std::string DefaultPath();

  // The heap code of `word` (normalized first), or 0 for an unknown word.
  uint32_t Cluster(std::string_view word) const;
  // Number of path bits in `code` (0 for the root or an unknown word's 0).
  static int Depth(uint32_t code) { return code == 0 ? 0 : 31 - __builtin_clz(code); }
  // The ancestor of `code` with at most `bits` path bits (code itself if shallower).
  static uint32_t Prefix(uint32_t code, int bits) {
    int depth = Depth(code);
    return depth <= bits ? code : code >> (depth - bits);
  }
  // "0110" for the code of path 0110; "" for 0 or the root.
  static std::string BitString(uint32_t code);
  // ASCII-lowercases and maps digits to '0' (the lookup normalization).
  static std::string Normalize(std::string_view word);

  size_t size() const { return words_.size(); }
  // (normalized word, code) pairs, sorted by word.
  const std::vector<std::pair<std::string, uint32_t>>& words() const { return words_; }
  const nlohmann::json& meta() const { return meta_; }

  // ---- building and writing (used by the clusters trainer) ----
  // `words` are normalized and unique; codes are non-zero with depth <= kMaxDepth.
  WordClusters(nlohmann::json meta, std::vector<std::pair<std::string, uint32_t>> words);
  std::string SerializeWords() const;
  // Self-test: the `n` most useful probe words of `probes` that are known, with codes.
  nlohmann::json MakeSelfTest(const std::vector<std::string>& probes) const;
  Status CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const;
  // The whole model file.
  std::string Serialize(const nlohmann::json& selftest) const;

 private:
  WordClusters() = default;
  void Index();

  nlohmann::json meta_;
  std::vector<std::pair<std::string, uint32_t>> words_;
  std::unordered_map<uint64_t, uint32_t> index_;  // Hash64(normalized word) -> code
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_WORD_CLUSTERS_H_
