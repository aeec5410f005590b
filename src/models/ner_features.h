// Feature extraction shared by NerTagger and NerTrainer (internal to models/).
// Changing a feature's key changes the meaning of every trained NER model: the
// self-test of the committed model then fails on load, so retrain.
#ifndef NEWSGRAPH_MODELS_NER_FEATURES_H_
#define NEWSGRAPH_MODELS_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/gazetteer.h"
#include "models/ner_lexicon.h"
#include "models/ner_names.h"

namespace newsgraph::models::ner_internal {

// Version of the NER payload (sections and feature meaning) in meta.payload_version.
// Version 5 added the "first_names" section and its features; a version 4 file has
// neither and tags as it did, so both load.
inline constexpr int kPayloadVersion = 5;
inline constexpr int kMinPayloadVersion = 4;
inline constexpr int kMaxFeatures = 72;
// Gazetteer matches are looked for over at most this many tokens.
inline constexpr int kMaxMatchTokens = 8;

// Per-token values computed once per sentence.
struct TokenInfo {
  uint64_t form, lower, shape, flags;
  uint64_t suffix[4];
  uint64_t prefix[3];
  uint64_t gaz;       // position in the longest gazetteer match and its best type ("B-country"), or 0
  uint64_t gaz_types; // bitmask of the types of all candidates of that match
  uint64_t lex_cap, lex_ctx, lex_left, lex_right;  // NerLexicon profile (0 = unknown word)
  uint64_t lex_types;   // NerLexEntry::types (self-training type profile), 0 = none
  uint64_t cluster[3];  // prefixes (4, 8, 12 bits) of the word's cluster, 0 = none
  uint64_t title;     // 1 if the word is a title or honorific ("President", "Mr.", "spokesperson")
  uint64_t names;     // position in the longest NerNames match and its type, or 0
  uint64_t doc_cap;   // how the word is written elsewhere in the document (DocContext), 0 = not seen
  bool first_name;    // capitalized and on the first-name list (NerFirstNames)
  bool capitalized;
};

// What the features read besides the tokens; any pointer may be null (no such features).
struct FeatureResources {
  const kb::Gazetteer* gazetteer = nullptr;
  const NerLexicon* lexicon = nullptr;
  const NerNames* names = nullptr;
  const NerFirstNames* first_names = nullptr;
};

// How each word (lowercased) is written in mid-sentence positions of the whole
// document, outside all-caps headlines: a name keeps its capital letter
// wherever it recurs, a sentence-initial common word does not. Bounded by the
// document's size.
class DocContext {
 public:
  struct Counts {
    uint32_t cap = 0, lower = 0;
    std::string cased;  // the first capitalized mid-sentence form seen
  };
  DocContext() = default;
  // From the token forms of every sentence of one document. Headlines say nothing of how
  // a word is written and are skipped: all-caps ones always, and a title-case first sentence
  // when `lexicon` is given (IsTitleCaseHeadline; only the first, since title-case lines
  // further on are more often lists of names, such as album and song titles).
  explicit DocContext(const std::vector<std::vector<std::string_view>>& sentences,
                      const NerLexicon* lexicon = nullptr);
  // Counts of `lower`, or null if it never occurs mid-sentence.
  const Counts* Find(std::string_view lower) const;
  // True if `forms` is the document's first sentence and a title-case headline
  // (IsTitleCaseHeadline; only when built with a lexicon): ComputeTokenInfo re-cases it.
  bool IsTitleCaseTitle(const std::vector<std::string_view>& forms) const;

 private:
  std::unordered_map<std::string, Counts, kb::StringHash, std::equal_to<>> words_;
  std::vector<std::string> title_case_title_;  // the first sentence, when it is a title-case headline
};

// True if the sentence is an all-caps headline or dateline ("JAPAN GET LUCKY WIN",
// "LONDON 1996-08-30"): a token of two or more characters with letters, and no
// lower-case letter anywhere.
bool IsAllCapsSentence(const std::vector<std::string_view>& forms);

// True if the sentence is a headline in title case ("Clinton Campaign Reportedly Scrambling
// In Florida"): no final . ! ?, every word of four or more letters capitalized, and at
// least two of them words the profiles know as mostly lower-case in running text. False
// without a lexicon.
bool IsTitleCaseHeadline(const std::vector<std::string_view>& forms, const NerLexicon* lexicon);

// Fills `out` for one sentence; `doc` (may be null) is the sentence's document.
// Tokens of an all-caps headline, and of a title-case first sentence when `doc` was built
// with the lexicon (DocContext::IsTitleCaseTitle; the tagger's run-time DocContext, not
// training's), are first re-cased ("JAPAN" -> "Japan", "WIN" and "Win" -> "win") from the document and the word
// profiles, so headlines look like text.
void ComputeTokenInfo(const std::vector<std::string_view>& forms, const FeatureResources& res,
                      const DocContext* doc, std::vector<TokenInfo>& out);

// Post-pass over decoded tags: a title word ("President") or a demonym before
// a title ("Russian President") at the start of a PERSON span is not part of
// the name; the demonym becomes NORP, the title O.
void SplitTitlesFromPersons(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                            std::vector<std::string>& tags);

// True for a lowercased title or honorific ("president", "mr.", "gen", "spokesperson").
bool IsTitleWord(std::string_view lower);

// Writes the keys of token i's features, given the labels already predicted for
// the two previous tokens (-1 = before the sentence); returns how many.
int ExtractFeatures(const std::vector<TokenInfo>& info, size_t i, int prev1, int prev2, uint64_t* keys);

// True if label `next` may follow label `prev` (-1 = sentence start) in IOB2
// over NerTagger::Labels(): I-X only after B-X or I-X.
bool Allowed(int prev, int next);

}  // namespace newsgraph::models::ner_internal

#endif  // NEWSGRAPH_MODELS_NER_FEATURES_H_
