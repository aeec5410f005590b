// Feature extraction shared by NerTagger and NerTrainer (internal to models/).
// Changing a feature's key changes the meaning of every trained NER model: the
// self-test of the committed model then fails on load, so retrain.
#ifndef NEWSGRAPH_MODELS_NER_FEATURES_H_
#define NEWSGRAPH_MODELS_NER_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "kb/gazetteer.h"
#include "models/ner_lexicon.h"

namespace newsgraph::models::ner_internal {

// Version of the NER payload (sections and feature meaning) in meta.payload_version.
inline constexpr int kPayloadVersion = 2;
inline constexpr int kMaxFeatures = 64;
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
  uint64_t cluster[3];  // prefixes (4, 8, 12 bits) of the word's cluster, 0 = none
  uint64_t title;     // 1 if the word is a title or honorific ("President", "Mr.", "spokesperson")
  bool capitalized;
};

// Fills `out` for one sentence. `gazetteer` and `lexicon` may be null (no
// gazetteer / word-profile features).
void ComputeTokenInfo(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                      const NerLexicon* lexicon, std::vector<TokenInfo>& out);

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
