// Coreference scores over clusters of mentions: MUC (Vilain et al. 1995), B-cubed
// (Bagga & Baldwin 1998) and entity-based CEAF (Luo 2005, phi4), as in the CoNLL-2012
// scorer. Mentions are compared by identity (equal Mention values).
#ifndef NEWSGRAPH_TOOLS_EVAL_EVAL_COREF_METRICS_H_
#define NEWSGRAPH_TOOLS_EVAL_EVAL_COREF_METRICS_H_

#include <utility>
#include <vector>

namespace newsgraph::eval {

using CorefMention = std::pair<int, int>;  // token range [first, last) in one document
using Clusters = std::vector<std::vector<CorefMention>>;

// Numerators and denominators, summed over documents (micro average).
struct Score {
  double recall_num = 0, recall_den = 0, precision_num = 0, precision_den = 0;
  double Recall() const { return recall_den > 0 ? recall_num / recall_den : 0; }
  double Precision() const { return precision_den > 0 ? precision_num / precision_den : 0; }
  double F1() const {
    double r = Recall(), p = Precision();
    return r + p > 0 ? 2 * r * p / (r + p) : 0;
  }
  void Add(const Score& o) {
    recall_num += o.recall_num, recall_den += o.recall_den;
    precision_num += o.precision_num, precision_den += o.precision_den;
  }
};

Score Muc(const Clusters& key, const Clusters& response);
Score BCubed(const Clusters& key, const Clusters& response);
Score CeafE(const Clusters& key, const Clusters& response);
// Mention detection: mentions found in both over mentions in each.
Score Mentions(const Clusters& key, const Clusters& response);

}  // namespace newsgraph::eval

#endif  // NEWSGRAPH_TOOLS_EVAL_EVAL_COREF_METRICS_H_
