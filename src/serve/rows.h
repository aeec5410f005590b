// Internal to ng_serve: route parameters as the store's filters, the store's rows
// as the API's JSON (docs/api.md), and the list envelope.
#ifndef NEWSGRAPH_SERVE_ROWS_H_
#define NEWSGRAPH_SERVE_ROWS_H_

#include <string>

#include <nlohmann/json.hpp>

#include "serve/query.h"
#include "store/events.h"
#include "store/quotes.h"

namespace newsgraph::serve {

// The filter of an event list; limit is p.limit + 1 (the extra row tells has_more).
store::EventFilter EventFilterOf(const QueryParams& p);
store::QuoteFilter QuoteFilterOf(const QueryParams& p);

nlohmann::json EventJson(const store::EventRow& e);
nlohmann::json MentionJson(const store::EventMentionRow& m);
nlohmann::json QuoteJson(const store::StoredQuote& q);

// "" as JSON null, else the text.
nlohmann::json TextOrNull(const std::string& s);
// Rounded to 4 decimals.
double Round4(double v);
// The common list envelope: drops the extra row fetched to know has_more.
nlohmann::json Page(nlohmann::json items, const QueryParams& p);

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_ROWS_H_
