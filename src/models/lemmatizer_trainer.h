// Learns a Lemmatizer from (form, XPOS, lemma) triples, e.g. from CoNLL-U training
// files. Not thread-safe. Deterministic: ties between rules break by rule text.
#ifndef NEWSGRAPH_MODELS_LEMMATIZER_TRAINER_H_
#define NEWSGRAPH_MODELS_LEMMATIZER_TRAINER_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "models/lemmatizer.h"

namespace newsgraph::models {

class LemmatizerTrainer {
 public:
  // Records one token. Empty or "_" lemmas are ignored.
  void Add(std::string_view form, std::string_view xpos, std::string_view lemma);
  // Lexicon: the most frequent rule per (lowercased form, XPOS). Suffix rules: per
  // (XPOS, suffix of 0..kMaxSuffix bytes), the rule most word types use; a suffix
  // whose rule equals that of its one-shorter suffix is not stored.
  Lemmatizer Build() const;

 private:
  using RuleKey = std::tuple<bool, int, std::string>;
  static RuleKey KeyOf(const LemmaRule& r) { return {r.lowercase, r.strip, r.append}; }
  std::map<std::pair<std::string, std::string>, std::map<RuleKey, int>> lexicon_;  // (lower, xpos)
  std::set<std::tuple<std::string, std::string, RuleKey>> types_;  // (lower, xpos, rule)
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_LEMMATIZER_TRAINER_H_
