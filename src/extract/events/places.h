// Internal to extract/events: where an event happened. From the sentence ("at/in X":
// a named facility, a city, an admin-1 unit or a country, the most specific first),
// else the article's dateline, else the place the article mentions most; geocoded
// offline with the gazetteer and the project's facility table, an ambiguous name
// ("Alexandria") in the country and state the article is about (kb::PlaceContext).
#ifndef NEWSGRAPH_EXTRACT_EVENTS_PLACES_H_
#define NEWSGRAPH_EXTRACT_EVENTS_PLACES_H_

#include <optional>

#include "document/document.h"
#include "extract/events/dictionary.h"
#include "extract/events/tree.h"
#include "kb/gazetteer.h"
#include "kb/place_context.h"

namespace newsgraph::extract::events {

// The places the article names (its GPE/LOC name mentions and its dateline), which
// decide what its ambiguous place names mean.
kb::PlaceContext DocumentPlaceContext(const document::Document& doc, const kb::Gazetteer& gaz);

// The most specific place a preposition (in, at, near ...) introduces in the sentence;
// with `clause` (a token index), only in that predicate's own clause, not in the clauses
// under it or around it.
std::optional<document::EventPlace> SentencePlace(const Tree& t, const document::Document& doc,
                                                  const kb::Gazetteer& gaz, const EventDictionary& dict,
                                                  const kb::PlaceContext& context, int clause = -1);

// The dateline's place (metadata "dateline"), else the place named most often (at
// least twice) by the article's GPE/LOC mentions; nullopt when neither.
std::optional<document::EventPlace> DocumentPlace(const document::Document& doc, const kb::Gazetteer& gaz,
                                                  const kb::PlaceContext& context);

}  // namespace newsgraph::extract::events

#endif  // NEWSGRAPH_EXTRACT_EVENTS_PLACES_H_
