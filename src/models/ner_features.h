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
// Version 5 added the "first_names" section and its features; version 6 the optional
// "weights_r2l" section (a right-to-left pass whose labels are features of the
// left-to-right one). Older files have neither and tag as they did, so 4 to 6 load.
inline constexpr int kPayloadVersion = 6;
inline constexpr int kMinPayloadVersion = 4;
inline constexpr int kMaxFeatures = 72;
// Keys added by ExtractStackFeatures.
inline constexpr int kMaxStackFeatures = 8;
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
  // True if the first sentence opens with a team sport's slug (IsTeamSportSlug).
  bool team_sport_report() const { return team_sport_report_; }

 private:
  std::unordered_map<std::string, Counts, kb::StringHash, std::equal_to<>> words_;
  std::vector<std::string> title_case_title_;  // the first sentence, when it is a title-case headline
  bool team_sport_report_ = false;
};

// True if the sentence opens with the slug of a team sport's report, wire style: "SOCCER -",
// "RUGBY UNION -", "ICE HOCKEY -" (clubs there are named after their towns).
bool IsTeamSportSlug(const std::vector<std::string_view>& forms);

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
// the name; the demonym becomes NORP, the title O. Left with "of" and a place ("King of
// Athens"), the span was an office: "of" is O and the place, if the gazetteer knows it, GPE.
void SplitTitlesFromPersons(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                            std::vector<std::string>& tags);

// Post-pass: a title with an "of" phrase before a person's name ("Secretary of State
// Warren Christopher", "Secretary-General of NATO Javier Solana") when the model ran the
// office and the name into one span. The person starts at the first listed first name
// (`first_name[i]`) after "of [the] Office", and at least a surname follows it; the office
// words become O, or ORG/GPE when they are exactly an organization or country the
// gazetteer knows. Left alone without a first name ("Minister of Finance Khalil").
void SplitTitleOfPhrases(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                         const kb::Gazetteer* gazetteer, std::vector<std::string>& tags);

// Prepositions after which a town's name is the place ("in Grozny"), not a person; "to",
// "at" and "into" are left out ("spoke to Jackson", "convertible into Ogden stock"). Rules that
// also read "at" as locative ("at Leeds") add it themselves.
bool IsLocativePreposition(std::string_view w);

// True for a lowercased title or honorific ("president", "mr.", "gen", "spokesperson").
bool IsTitleWord(std::string_view lower);

// The last word of a company's legal name: "Inc", "Corp.", "Ltd", "AG", "Partners" ...
bool IsCompanySuffix(std::string_view w);

// "International Coffee Organization" -> "ICO": the capitals of forms[begin, end)'s capitalized
// words; "" when a word is not capitalized and not a short function word ("of", "and" ...).
std::string Initials(const std::vector<std::string_view>& forms, size_t begin, size_t end);

// Writes the keys of token i's features, given the labels already predicted for
// the two previous tokens (-1 = before the sentence); returns how many.
int ExtractFeatures(const std::vector<TokenInfo>& info, size_t i, int prev1, int prev2, uint64_t* keys);

// True if label `next` may follow label `prev` (-1 = sentence start) in IOB2
// over NerTagger::Labels(): I-X only after B-X or I-X.
bool Allowed(int prev, int next);

// The right-to-left pass runs the same features and the same greedy IOB2 decoder
// over the sentence read backwards: its labels are IOB2 of the reversed sentence,
// so in text order "B-X" marks the last token of a span (IOE2). These convert
// label ids from text-order IOB2 to that reversed coding, position by position
// in text order (the result is not reversed). (A trainer may instead teach the
// pass B-X on every token of a name: NerTrainOptions::r2l_types_only.)
std::vector<int> ToReversedCoding(const std::vector<int>& iob2);

// Greedy right-to-left labels (reversed coding, text order) of the sentence of
// `info`, scored by `score(keys, n, scores)`; `rev` is scratch. With `gold` and
// `update` (training), `update(keys, n, gold, guess)` is called at each token
// where the gold label is reachable.
template <typename ScoreFn, typename UpdateFn>
void DecodeRightToLeft(const std::vector<TokenInfo>& info, std::vector<TokenInfo>& rev, int num_labels,
                       ScoreFn&& score, const std::vector<int>* gold, UpdateFn&& update, std::vector<int>& out);

// Keys of the stacked features of token i: the right-to-left labels `r2l`
// (reversed coding, text order) at i-1 .. i+2, with the previous left-to-right
// label `prev1`; returns how many (at most kMaxStackFeatures).
int ExtractStackFeatures(const std::vector<TokenInfo>& info, const std::vector<int>& r2l, size_t i, int prev1,
                         uint64_t* keys);

template <typename ScoreFn, typename UpdateFn>
void DecodeRightToLeft(const std::vector<TokenInfo>& info, std::vector<TokenInfo>& rev, int num_labels,
                       ScoreFn&& score, const std::vector<int>* gold, UpdateFn&& update, std::vector<int>& out) {
  const size_t n = info.size();
  rev.assign(info.rbegin(), info.rend());
  out.assign(n, 0);
  uint64_t keys[kMaxFeatures];
  float scores[64];
  int prev1 = -1, prev2 = -1;
  for (size_t j = 0; j < n; ++j) {
    const int k = ExtractFeatures(rev, j, prev1, prev2, keys);
    score(keys, k, scores);
    int best = 0;
    for (int c = 1; c < num_labels; ++c) {
      if (Allowed(prev1, c) && scores[c] > scores[best]) best = c;
    }
    if (gold != nullptr) {
      const int g = (*gold)[n - 1 - j];
      if (Allowed(prev1, g)) update(keys, k, g, best);
    }
    out[n - 1 - j] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

}  // namespace newsgraph::models::ner_internal

#endif  // NEWSGRAPH_MODELS_NER_FEATURES_H_
