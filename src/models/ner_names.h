// A list of known names with their NER type (internal to models/): companies,
// news media, parties, agencies, armies, sports clubs and a few metonyms
// ("Kremlin" -> ORG), written for newsgraph in data/gazetteer/ner_names.tsv
// (format in docs/formats/gazetteer.md). train_ner copies the list into the
// model's "names" section, so a model and its list never drift apart. Used as
// a feature (the longest match and its type), never as a hard rule.
//
// Immutable after Parse; Match() is thread-safe.
#ifndef NEWSGRAPH_MODELS_NER_NAMES_H_
#define NEWSGRAPH_MODELS_NER_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "kb/gazetteer.h"

namespace newsgraph::models {

class NerNames {
 public:
  // Names longer than this many words are rejected by Parse.
  static constexpr int kMaxWords = 8;

  NerNames() = default;

  // Parses TSV text: "TYPE<TAB>name|alias|..." per line, TYPE one of PERSON,
  // ORG, GPE, LOC, FAC, NORP, EVENT, MISC; '#' lines and empty lines skipped.
  // Errors name `name:line` and say what is wrong.
  static StatusOr<NerNames> Parse(std::string_view text, const std::string& name);
  // The canonical text form ("TYPE<TAB>normalized name" lines, sorted), which
  // Parse reads back.
  std::string Serialize() const;

  // Length (in tokens) of the longest known name starting at token i of
  // `norm` (tokens already normalized with kb::Gazetteer::Normalize; empty =
  // punctuation, skipped inside a name), with its type index (0-based over
  // PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, MISC) in `type`; 0 if none.
  // Names longer than `max_tokens` tokens are not considered.
  int Match(const std::vector<std::string>& norm, size_t i, int& type, size_t max_tokens = SIZE_MAX) const;

  size_t size() const { return by_name_.size(); }
  bool empty() const { return by_name_.empty(); }

 private:
  std::unordered_map<std::string, uint8_t, kb::StringHash, std::equal_to<>> by_name_;
  std::unordered_set<std::string, kb::StringHash, std::equal_to<>> prefixes_;
};

// A list of first names ("John", "Maria"), generated at build time from pinned
// data packages into data/gazetteer/first_names.tsv (format in
// docs/formats/gazetteer.md). train_ner copies it into the model's
// "first_names" section. A feature ("this capitalized word is a known first
// name"), never a rule: "Will", "Mark" and "Georgia" are on the list too.
//
// Immutable after Parse; Contains() is thread-safe.
class NerFirstNames {
 public:
  NerFirstNames() = default;

  // Parses TSV text: "name" or "name<TAB>F|M|FM" per line, the name one word of
  // ASCII letters, apostrophes and hyphens starting with a letter; '#' lines and
  // empty lines skipped. Errors name `name:line` and say what is wrong.
  static StatusOr<NerFirstNames> Parse(std::string_view text, const std::string& name);
  // The canonical text form (lowercased names, one per line, sorted), which Parse reads back.
  std::string Serialize() const;

  // True if `lower` (an ASCII-lowercased word) is on the list, or is hyphenated and
  // each of its parts is ("jean-marie").
  bool Contains(std::string_view lower) const;

  size_t size() const { return names_.size(); }
  bool empty() const { return names_.empty(); }

 private:
  std::unordered_set<std::string, kb::StringHash, std::equal_to<>> names_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_NER_NAMES_H_
