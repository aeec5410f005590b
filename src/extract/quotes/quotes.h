// Quotes and their speakers: direct, partial and indirect speech, attributed to
// entities of Document::entities (run after extract::EntityResolver).
// What is found and how speakers are read: docs/formats/quotes.md.
#ifndef NEWSGRAPH_EXTRACT_QUOTES_QUOTES_H_
#define NEWSGRAPH_EXTRACT_QUOTES_QUOTES_H_

#include "document/document.h"

namespace newsgraph::extract {

// Fills doc.quotes (replacing any), in text order. Reads text, tokens, the parse,
// mentions and entities; never changes them. A speaker is an entity when a mention
// at the cue (or a pronoun's antecedent) belongs to one; otherwise Quote::speaker is
// -1 and speaker_name / speaker_span / reason say what was found. Works on an
// unparsed or unsegmented document (fewer attributions). Thread-safe (no shared
// state); O(text + tokens) time and memory on any input.
void FindQuotes(document::Document& doc);

// After FindQuotes: "I", "me", "my", "mine" and "myself" (tagged PRON) inside a
// direct or partial quote whose speaker is a person become pronoun mentions of that
// speaker (the innermost such quote when quotes nest). doc.mentions stays in text
// order; Entity::mentions and Quote::speaker_mention are renumbered to match.
// O(tokens + mentions + quotes log quotes).
void LinkFirstPersonToSpeakers(document::Document& doc);

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_QUOTES_QUOTES_H_
