// Word profiles learned from unlabeled news text (internal to models/), used as
// NER features that generalise beyond the labeled corpora: for each lowercased
// word seen often enough in the raw text,
//   cap   how often it is capitalized in mid-sentence positions (bucketed with
//         its frequency) -- the strongest unlabeled signal for a name;
//   ctx   bits for the contexts its capitalized occurrences tend to appear in
//         (after a title, after a locative preposition, before a company
//         suffix, inside a run of capitalized words);
//   left, right  its most frequent left and right neighbour among the most
//         frequent words (a crude distributional cluster; 0 = none);
//   cluster  its hierarchical word cluster (models/word_clusters.h, copied in
//         from clusters.ngm at training time, so the NER needs no other file);
//   types how a first NER model tagged the word's capitalized uses across the
//         news text (self-training: the dominant type, its share and count,
//         and whether it opens or closes person names -- first names vs
//         surnames); 0 = not profiled. See NerTypeProfile below.
// Built by BuildNerLexicon (models/ner_trainer.h) and stored in the model file's
// "lexicon" section (layout in docs/formats/ner_model.md). Immutable after
// Parse; Find() is thread-safe.
#ifndef NEWSGRAPH_MODELS_NER_LEXICON_H_
#define NEWSGRAPH_MODELS_NER_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace newsgraph::models {

struct NerLexEntry {
  uint8_t cap = 0;
  uint8_t ctx = 0;
  uint16_t left = 0;
  uint16_t right = 0;
  uint16_t types = 0;    // NerTypeProfile code, 0 = none
  uint32_t cluster = 0;  // heap code of the word's cluster (models/word_clusters.h), 0 = none
};

// Bits of NerLexEntry::types: dominant type (0 none, 1 PER, 2 ORG, 3 LOC
// (GPE/LOC/FAC), 4 MISC (NORP/EVENT/MISC), 5 O = capitalized but untagged),
// share bucket of that type (0: >= 90%, 1: >= 70%, 2: >= 50%, 3: less),
// count bucket of tagged + untagged capitalized uses (0: < 5, 1: < 20,
// 2: < 100, 3: more), and place in multi-word person names (0: none or
// rare, 1: mostly first, 2: mostly last, 3: both).
struct NerTypeProfile {
  static uint16_t Pack(int type, int share, int count, int person_pos) {
    return static_cast<uint16_t>(type | share << 3 | count << 5 | person_pos << 7);
  }
  static int Type(uint16_t c) { return c & 7; }
  static int Share(uint16_t c) { return c >> 3 & 3; }
  static int Count(uint16_t c) { return c >> 5 & 3; }
  static int PersonPos(uint16_t c) { return c >> 7 & 3; }
};

class NerLexicon {
 public:
  // Context bits of NerLexEntry::ctx.
  static constexpr uint8_t kAfterTitle = 1, kAfterLocative = 2, kBeforeCompany = 4, kBeforeCap = 8,
                           kAfterCap = 16, kBeforeSaid = 32;

  NerLexicon() = default;
  // From (key, entry) pairs; keys are KeyOf(lowercased word). Later duplicates are dropped.
  explicit NerLexicon(std::vector<std::pair<uint64_t, NerLexEntry>> entries);

  // The lookup key of a lowercased word.
  static uint64_t KeyOf(std::string_view lower);
  // True when a word's TokenInfo::lex_cap (NerLexEntry::cap + 1; 0 = not profiled) says the
  // news often writes it in lower case: capitalized in under 80 % of >= 10 mid-sentence
  // uses ("securities", "exchange"; not "Texaco").
  static bool OftenLowercase(uint64_t lex_cap);

  // A copy with NerLexEntry::types set from `types` (key -> code); keys not
  // in the lexicon are added with only `types` set.
  NerLexicon WithTypes(const std::vector<std::pair<uint64_t, uint16_t>>& types) const;

  // The entry of `key`, or null.
  const NerLexEntry* Find(uint64_t key) const;
  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }

  // Binary layout (little endian): u64 n, n sorted u64 keys; u64 n, n entries
  // of 12 bytes (u8 cap, u8 ctx, u16 left, u16 right, u16 types, u32 cluster).
  std::string Serialize() const;
  // Errors name `name` and say what is wrong (truncated, unsorted keys).
  static StatusOr<NerLexicon> Parse(std::string_view data, const std::string& name);

 private:
  std::vector<uint64_t> keys_;
  std::vector<NerLexEntry> entries_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_NER_LEXICON_H_
