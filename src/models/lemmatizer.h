// Lemmatizer: a lexicon keyed by (lowercased form, XPOS) learned from treebanks,
// and longest-suffix rules keyed by (XPOS, form suffix) for unknown words.
// Every lemma is produced by a rule "optionally lowercase the form, strip N bytes,
// append S", so known words in unusual case (ALL-CAPS headlines) still lemmatize.
//
// Immutable after Parse; Lemmatize() is const and thread-safe.
// Payload layout: docs/formats/model-file.md ("lemmatizer section").
#ifndef NEWSGRAPH_MODELS_LEMMATIZER_H_
#define NEWSGRAPH_MODELS_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace newsgraph::models {

// One edit from form to lemma.
struct LemmaRule {
  bool lowercase = true;  // lowercase the form (ASCII letters) before the edit
  uint8_t strip = 0;      // bytes removed from the end
  std::string append;     // then appended
  bool operator==(const LemmaRule&) const = default;
};

class Lemmatizer {
 public:
  // Longest suffix (in bytes) consulted for unknown words.
  static constexpr int kMaxSuffix = 6;

  Lemmatizer() = default;
  // `what` names the data in error messages.
  static StatusOr<Lemmatizer> Parse(std::string_view payload, const std::string& what);
  std::string Serialize() const;

  // The lemma of `form` tagged `xpos`; never empty for a non-empty form.
  std::string Lemmatize(std::string_view form, std::string_view xpos) const;

  size_t lexicon_size() const { return lexicon_.size(); }
  size_t suffix_rule_count() const { return suffix_.size(); }

  // --- building (used by LemmatizerTrainer) ---
  static uint64_t LexiconKey(std::string_view lower_form, std::string_view xpos);
  static uint64_t SuffixKey(std::string_view xpos, std::string_view suffix);
  // The rule turning `form` into `lemma` (strip/append computed on the chosen casing).
  static LemmaRule RuleFor(std::string_view form, std::string_view lemma);
  static std::string Apply(const LemmaRule& rule, std::string_view form);
  static std::string AsciiLower(std::string_view s);
  uint32_t InternRule(const LemmaRule& rule);
  void SetLexicon(uint64_t key, uint32_t rule) { lexicon_[key] = rule; }
  void SetSuffix(uint64_t key, uint32_t rule) { suffix_[key] = rule; }

 private:
  // True when the lexicon holds `lemma` as a verb's base form (VB, VBP), or a noun's (NN).
  bool KnownBase(std::string_view lemma, bool noun) const;
  std::vector<LemmaRule> rules_;
  std::unordered_map<uint64_t, uint32_t> lexicon_;  // LexiconKey -> rule index
  std::unordered_map<uint64_t, uint32_t> suffix_;   // SuffixKey -> rule index (suffix "" = per-XPOS default)
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_LEMMATIZER_H_
