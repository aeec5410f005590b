// Internal to extract/quotes: turns the words that name a speaker ("Peskov", "he",
// "the North Korean leader") into an entity, or into a name with a reason when the
// entity layer has none.
#ifndef NEWSGRAPH_EXTRACT_QUOTES_SPEAKERS_H_
#define NEWSGRAPH_EXTRACT_QUOTES_SPEAKERS_H_

#include <vector>

#include "document/quote.h"
#include "extract/quotes/doc_view.h"

namespace newsgraph::extract::quotes {

// Fills q.speaker_span, speaker, speaker_mention, speaker_name, reason and
// confidence from `words`. `earlier` are the quotes before q, in text order (a
// pronoun's first antecedent is the speaker of the latest of them).
//
// Order of evidence:
//  1. a mention inside the words that the entity layer put in an entity;
//  2. a pronoun: the previous quote's speaker when it is near, else the latest
//     PERSON name before it;
//  3. a title ("the spokesman"): the latest PERSON name before it;
//  4. a name: its mention (speaker stays -1 when no entity holds it), and the
//     longer earlier name that ends with it as speaker_name ("Peskov" -> "Dmitry Peskov");
//  5. anything else ("a source", "officials"): speaker -1, reason "unnamed source".
void ResolveSpeaker(const DocView& view, TokenRange words, const std::vector<document::Quote>& earlier,
                    document::Quote& q);

// The same for a reporting outlet: fills q.via_span, via_name and via.
void ResolveVia(const DocView& view, TokenRange words, document::Quote& q);

}  // namespace newsgraph::extract::quotes

#endif  // NEWSGRAPH_EXTRACT_QUOTES_SPEAKERS_H_
