// Internal to extract/quotes: the project's word lists for attribution.
#ifndef NEWSGRAPH_EXTRACT_QUOTES_LEXICON_H_
#define NEWSGRAPH_EXTRACT_QUOTES_LEXICON_H_

#include <string_view>

namespace newsgraph::extract::quotes {

// The lemma of a speech or cognition verb ("say", "tell", "warn", "believe"), from
// the token's lemma when the lemmatizer ran, else from its lower-cased form; ""
// when the word is not a cue. `lemma` may be empty.
std::string_view CueLemma(std::string_view form, std::string_view lemma);

// Cues that introduce a content clause ("X said that ..."); the others (praise,
// call ...) only attribute quoted words.
bool TakesContentClause(std::string_view cue_lemma);

// Verbs whose subject reports someone else's words ("RIA Novosti reported").
bool IsReportingCue(std::string_view cue_lemma);

bool IsPersonalPronoun(std::string_view lower);   // he, she, they, it, we, i ...
bool IsPersonNoun(std::string_view lower);        // leader, spokesman, minister ...
bool IsTitleWord(std::string_view lower);        // person nouns and mr, dr, prime ...
bool IsOutletNoun(std::string_view lower);        // outlet, agency, newspaper ...

}  // namespace newsgraph::extract::quotes

#endif  // NEWSGRAPH_EXTRACT_QUOTES_LEXICON_H_
