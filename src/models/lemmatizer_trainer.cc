#include "models/lemmatizer_trainer.h"

#include <vector>

namespace newsgraph::models {
namespace {

template <typename K>
K Best(const std::map<K, int>& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

LemmaRule ToRule(const std::tuple<bool, int, std::string>& k) {
  return LemmaRule{std::get<0>(k), static_cast<uint8_t>(std::get<1>(k)), std::get<2>(k)};
}

}  // namespace

void LemmatizerTrainer::Add(std::string_view form, std::string_view xpos, std::string_view lemma) {
  if (form.empty() || lemma.empty() || (lemma == "_" && form != "_")) return;
  RuleKey rule = KeyOf(Lemmatizer::RuleFor(form, lemma));
  std::string lower = Lemmatizer::AsciiLower(form);
  ++lexicon_[{lower, std::string(xpos)}][rule];
  types_.insert({lower, std::string(xpos), rule});
}

Lemmatizer LemmatizerTrainer::Build() const {
  Lemmatizer out;
  for (const auto& [key, counts] : lexicon_) {
    out.SetLexicon(Lemmatizer::LexiconKey(key.first, key.second), out.InternRule(ToRule(Best(counts))));
  }
  // suffix stats by word type: (xpos, suffix) -> rule -> count
  std::vector<std::map<std::pair<std::string, std::string>, std::map<RuleKey, int>>> by_len(Lemmatizer::kMaxSuffix + 1);
  for (const auto& [lower, xpos, rule] : types_) {
    int max_len = std::min<int>(Lemmatizer::kMaxSuffix, static_cast<int>(lower.size()) - 1);
    for (int len = 0; len <= max_len; ++len) {
      ++by_len[len][{xpos, lower.substr(lower.size() - len)}][rule];
    }
  }
  std::map<std::pair<std::string, std::string>, RuleKey> chosen;  // (xpos, suffix) -> rule, all lengths
  for (int len = 0; len <= Lemmatizer::kMaxSuffix; ++len) {
    for (const auto& [key, counts] : by_len[len]) {
      RuleKey best = Best(counts);
      chosen[key] = best;
      if (len > 0) {
        auto parent = chosen.find({key.first, key.second.substr(1)});
        if (parent != chosen.end() && parent->second == best) continue;
      }
      out.SetSuffix(Lemmatizer::SuffixKey(key.first, key.second), out.InternRule(ToRule(best)));
    }
  }
  return out;
}

}  // namespace newsgraph::models
