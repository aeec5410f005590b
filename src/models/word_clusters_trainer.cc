#include "models/word_clusters_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace newsgraph::models {
namespace {

// Sparse, L2-normalized context vector of one vocabulary word.
struct SparseVec {
  std::vector<uint32_t> dims;
  std::vector<float> values;
};

float Dot(const SparseVec& v, const std::vector<float>& dense) {
  float s = 0;
  for (size_t k = 0; k < v.dims.size(); ++k) s += v.values[k] * dense[v.dims[k]];
  return s;
}

void Normalize(std::vector<float>& v) {
  double n = 0;
  for (float x : v) n += double(x) * x;
  if (n <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(n));
  for (float& x : v) x *= inv;
}

// Context vectors of vocabulary words 0..vocab-1 (ids ranked by frequency).
std::vector<SparseVec> ContextVectors(const std::vector<std::vector<uint32_t>>& sentences,
                                      const std::vector<uint32_t>& rank, size_t vocab, uint32_t context) {
  const uint32_t rare = context, boundary = context + 1, side = context + 2;
  auto ctx = [&](uint32_t id) { return rank[id] < context ? rank[id] : rare; };
  std::vector<uint64_t> pairs;  // (vocab rank << 32) | dim
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      uint64_t r = rank[s[i]];
      if (r >= vocab) continue;
      uint32_t left = i == 0 ? boundary : ctx(s[i - 1]);
      uint32_t right = i + 1 == s.size() ? boundary : ctx(s[i + 1]);
      pairs.push_back(r << 32 | left);
      pairs.push_back(r << 32 | (side + right));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  // Positive pointwise mutual information of (word, context) rather than raw
  // counts, so frequent contexts ("the", ",", rare words) do not dominate.
  std::vector<double> word_total(vocab, 0), dim_total(2 * side, 0);
  for (uint64_t p : pairs) ++word_total[p >> 32], ++dim_total[static_cast<uint32_t>(p)];
  const double total = static_cast<double>(pairs.size());
  std::vector<SparseVec> out(vocab);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    uint32_t w = static_cast<uint32_t>(pairs[i] >> 32), dim = static_cast<uint32_t>(pairs[i]);
    double pmi = std::log(static_cast<double>(j - i) * total / (word_total[w] * dim_total[dim]));
    if (pmi > 0) {
      out[w].dims.push_back(dim);
      out[w].values.push_back(static_cast<float>(pmi));
    }
    i = j;
  }
  for (SparseVec& v : out) {
    double n = 0;
    for (float x : v.values) n += double(x) * x;
    for (float& x : v.values) x = n > 0 ? static_cast<float>(x / std::sqrt(n)) : 0.0f;
  }
  return out;
}

// Splits `members` (vocab ranks, ascending = most frequent first) into two by
// spherical 2-means; returns false when no useful split was found.
bool Bisect(const std::vector<SparseVec>& vecs, const std::vector<float>& weight, size_t dims, int iterations,
            const std::vector<uint32_t>& members, std::vector<uint32_t>& left, std::vector<uint32_t>& right) {
  std::vector<float> c[2] = {std::vector<float>(dims, 0.0f), std::vector<float>(dims, 0.0f)};
  const SparseVec& first = vecs[members[0]];
  for (size_t k = 0; k < first.dims.size(); ++k) c[0][first.dims[k]] = first.values[k];
  uint32_t far = members[1];
  float far_sim = 2;
  for (uint32_t m : members) {
    float s = Dot(vecs[m], c[0]);
    if (s < far_sim) far_sim = s, far = m;
  }
  const SparseVec& second = vecs[far];
  for (size_t k = 0; k < second.dims.size(); ++k) c[1][second.dims[k]] = second.values[k];
  // Assignment by the sign of the similarity difference, but each side keeps at
  // least a quarter of the words: unclamped 2-means peels off a few words per
  // split and the tree grows deep and useless.
  std::vector<uint8_t> side(members.size(), 2);
  std::vector<float> diff(members.size());
  std::vector<uint32_t> order(members.size());
  const size_t min_side = std::max<size_t>(1, members.size() / 4);
  for (int it = 0; it < iterations; ++it) {
    size_t positive = 0;
    for (size_t i = 0; i < members.size(); ++i) {
      diff[i] = Dot(vecs[members[i]], c[1]) - Dot(vecs[members[i]], c[0]);
      positive += diff[i] > 0 ? 1 : 0;
    }
    size_t k = std::clamp(members.size() - positive, min_side, members.size() - min_side);  // size of side 0
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return diff[a] < diff[b]; });
    bool changed = false;
    for (size_t r = 0; r < order.size(); ++r) {
      uint8_t s = r < k ? 0 : 1;
      changed |= s != side[order[r]];
      side[order[r]] = s;
    }
    if (!changed) break;
    for (auto& v : c) std::fill(v.begin(), v.end(), 0.0f);
    for (size_t i = 0; i < members.size(); ++i) {
      const SparseVec& v = vecs[members[i]];
      for (size_t k2 = 0; k2 < v.dims.size(); ++k2) c[side[i]][v.dims[k2]] += weight[members[i]] * v.values[k2];
    }
    Normalize(c[0]);
    Normalize(c[1]);
  }
  left.clear();
  right.clear();
  for (size_t i = 0; i < members.size(); ++i) (side[i] ? right : left).push_back(members[i]);
  return !left.empty() && !right.empty();
}

}  // namespace

void WordClustersTrainer::AddSentence(const std::vector<std::string>& tokens) {
  std::vector<uint32_t> ids;
  ids.reserve(tokens.size());
  for (const std::string& t : tokens) {
    std::string w = WordClusters::Normalize(t);
    auto [it, added] = ids_.emplace(w, static_cast<uint32_t>(words_.size()));
    if (added) words_.push_back(std::move(w));
    ids.push_back(it->second);
  }
  tokens_ += ids.size();
  if (!ids.empty()) sentences_.push_back(std::move(ids));
}

StatusOr<std::shared_ptr<const WordClusters>> WordClustersTrainer::Train(nlohmann::json meta) const {
  const ClusterTrainOptions& o = options_;
  if (o.max_depth < 1 || o.max_depth > WordClusters::kMaxDepth || o.context_words < 1 || o.min_leaf < 1) {
    return Status::InvalidArgument("train_clusters: bad options (depth 1..30, context and leaf size >= 1)");
  }
  std::vector<uint64_t> count(words_.size(), 0);
  for (const auto& s : sentences_) {
    for (uint32_t id : s) ++count[id];
  }
  std::vector<uint32_t> by_freq(words_.size());
  std::iota(by_freq.begin(), by_freq.end(), 0);
  std::sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return count[a] != count[b] ? count[a] > count[b] : words_[a] < words_[b];
  });
  std::vector<uint32_t> rank(words_.size());
  for (uint32_t r = 0; r < by_freq.size(); ++r) rank[by_freq[r]] = r;
  size_t vocab = 0;
  while (vocab < by_freq.size() && vocab < static_cast<size_t>(o.max_vocab) &&
         count[by_freq[vocab]] >= static_cast<uint64_t>(o.min_count)) {
    ++vocab;
  }
  if (vocab < 2) return Status::InvalidArgument("train_clusters: fewer than two words reach min_count");
  uint32_t context = static_cast<uint32_t>(std::min<size_t>(o.context_words, vocab));
  std::vector<SparseVec> vecs = ContextVectors(sentences_, rank, vocab, context);
  std::vector<float> weight(vocab);
  for (size_t r = 0; r < vocab; ++r) weight[r] = std::log1p(static_cast<float>(count[by_freq[r]]));
  size_t dims = 2 * (context + 2);
  // Depth-first splitting; members stay in frequency order.
  std::vector<std::pair<std::vector<uint32_t>, uint32_t>> stack;
  std::vector<uint32_t> all(vocab);
  std::iota(all.begin(), all.end(), 0);
  stack.emplace_back(std::move(all), 1u);
  std::vector<std::pair<std::string, uint32_t>> out;
  size_t leaves = 0;
  std::vector<uint32_t> left, right;
  while (!stack.empty()) {
    auto [members, code] = std::move(stack.back());
    stack.pop_back();
    bool split = WordClusters::Depth(code) < o.max_depth && members.size() >= 2 * static_cast<size_t>(o.min_leaf) &&
                 Bisect(vecs, weight, dims, o.iterations, members, left, right);
    if (split) {
      stack.emplace_back(left, code << 1);
      stack.emplace_back(right, code << 1 | 1);
      continue;
    }
    ++leaves;
    for (uint32_t r : members) out.emplace_back(words_[by_freq[r]], code);
  }
  meta["kind"] = "clusters";
  meta["version"] = 1;
  meta["training"]["algorithm"] = "divisive balanced spherical 2-means over PPMI left/right neighbour vectors";
  meta["training"]["max_vocab"] = o.max_vocab;
  meta["training"]["min_count"] = o.min_count;
  meta["training"]["context_words"] = o.context_words;
  meta["training"]["max_depth"] = o.max_depth;
  meta["training"]["min_leaf"] = o.min_leaf;
  meta["training"]["iterations"] = o.iterations;
  meta["training"]["tokens"] = tokens_;
  meta["words"] = out.size();
  meta["leaves"] = leaves;
  if (o.log) o.log("clusters: " + std::to_string(out.size()) + " words in " + std::to_string(leaves) + " leaves");
  return std::make_shared<const WordClusters>(std::move(meta), std::move(out));
}

}  // namespace newsgraph::models
