#include "eval_coref_metrics.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace newsgraph::eval {
namespace {

// Cluster index of every mention of `clusters`.
std::map<CorefMention, int> Index(const Clusters& clusters) {
  std::map<CorefMention, int> index;
  for (size_t i = 0; i < clusters.size(); ++i) {
    for (const CorefMention& m : clusters[i]) index.emplace(m, static_cast<int>(i));
  }
  return index;
}

// MUC recall part: sum over key clusters of |K| - |partitions of K by response|.
std::pair<double, double> MucPart(const Clusters& key, const Clusters& response) {
  std::map<CorefMention, int> in_response = Index(response);
  double num = 0, den = 0;
  for (const auto& k : key) {
    if (k.empty()) continue;
    std::set<int> parts;
    int singletons = 0;
    for (const CorefMention& m : k) {
      auto it = in_response.find(m);
      if (it == in_response.end()) {
        ++singletons;
      } else {
        parts.insert(it->second);
      }
    }
    num += static_cast<double>(k.size()) - static_cast<double>(parts.size() + singletons);
    den += static_cast<double>(k.size()) - 1;
  }
  return {num, den};
}

std::pair<double, double> BCubedPart(const Clusters& key, const Clusters& response) {
  std::map<CorefMention, int> in_response = Index(response);
  double num = 0, den = 0;
  for (const auto& k : key) {
    std::map<int, int> overlap;
    for (const CorefMention& m : k) {
      auto it = in_response.find(m);
      if (it != in_response.end()) ++overlap[it->second];
    }
    for (const CorefMention& m : k) {
      auto it = in_response.find(m);
      den += 1;
      if (it != in_response.end()) num += static_cast<double>(overlap[it->second]) / static_cast<double>(k.size());
    }
  }
  return {num, den};
}

double Phi4(const std::vector<CorefMention>& a, const std::vector<CorefMention>& b) {
  std::set<CorefMention> sa(a.begin(), a.end());
  int common = 0;
  for (const CorefMention& m : b) common += sa.count(m) ? 1 : 0;
  return 2.0 * common / static_cast<double>(a.size() + b.size());
}

// Maximum-weight assignment on a square matrix (Hungarian algorithm, O(n^3)).
double MaxAssignment(const std::vector<std::vector<double>>& w) {
  size_t n = w.size();
  if (n == 0) return 0;
  const double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1), v(n + 1);
  std::vector<size_t> p(n + 1), way(n + 1);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, kInf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = kInf;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        double cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j) {
    if (p[j] != 0) total += w[p[j] - 1][j - 1];
  }
  return total;
}

}  // namespace

Score Muc(const Clusters& key, const Clusters& response) {
  Score s;
  std::tie(s.recall_num, s.recall_den) = MucPart(key, response);
  std::tie(s.precision_num, s.precision_den) = MucPart(response, key);
  return s;
}

Score BCubed(const Clusters& key, const Clusters& response) {
  Score s;
  std::tie(s.recall_num, s.recall_den) = BCubedPart(key, response);
  std::tie(s.precision_num, s.precision_den) = BCubedPart(response, key);
  return s;
}

Score CeafE(const Clusters& key, const Clusters& response) {
  size_t n = std::max(key.size(), response.size());
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0));
  for (size_t i = 0; i < key.size(); ++i) {
    for (size_t j = 0; j < response.size(); ++j) w[i][j] = Phi4(key[i], response[j]);
  }
  double best = MaxAssignment(w);
  Score s;
  s.recall_num = s.precision_num = best;
  s.recall_den = static_cast<double>(key.size());
  s.precision_den = static_cast<double>(response.size());
  return s;
}

Score Mentions(const Clusters& key, const Clusters& response) {
  std::map<CorefMention, int> k = Index(key), r = Index(response);
  Score s;
  for (const auto& [m, c] : k) s.recall_num += r.count(m) ? 1 : 0;
  s.precision_num = s.recall_num;
  s.recall_den = static_cast<double>(k.size());
  s.precision_den = static_cast<double>(r.size());
  return s;
}

}  // namespace newsgraph::eval
