// Internal to ng_serve: route parameters as the store's filters, the store's rows
// as the API's JSON (docs/api.md, written with JsonWriter), and the list envelope.
#ifndef NEWSGRAPH_SERVE_ROWS_H_
#define NEWSGRAPH_SERVE_ROWS_H_

#include <string>

#include <nlohmann/json.hpp>

#include "serve/json_writer.h"
#include "serve/query.h"
#include "store/events.h"
#include "store/quotes.h"

namespace newsgraph::serve {

// The filter of an event list; limit is p.limit + 1 (the extra row tells has_more).
store::EventFilter EventFilterOf(const QueryParams& p);
store::QuoteFilter QuoteFilterOf(const QueryParams& p);

void WriteEvent(JsonWriter& w, const store::EventRow& e);
void WriteMention(JsonWriter& w, const store::EventMentionRow& m);
void WriteQuote(JsonWriter& w, const store::StoredQuote& q);
// The same as nlohmann values, for the routes that compose a larger document.
nlohmann::json EventJson(const store::EventRow& e);
nlohmann::json MentionJson(const store::EventMentionRow& m);

// "" as JSON null, else the text.
nlohmann::json TextOrNull(const std::string& s);
// Rounded to 4 decimals.
double Round4(double v);
// The common list envelope {"has_more", "items", "limit", "offset"} around
// write_item(w, row) for each row; drops the extra row fetched to know has_more.
template <typename Row, typename WriteItem>
std::string Page(const std::vector<Row>& rows, const QueryParams& p, WriteItem write_item) {
  bool more = rows.size() > static_cast<size_t>(p.limit);
  size_t n = more ? static_cast<size_t>(p.limit) : rows.size();
  JsonWriter w;
  w.text().reserve(512 + n * 700);
  w.BeginObject();
  w.Key("has_more");
  w.Bool(more);
  w.Key("items");
  w.BeginArray();
  for (size_t i = 0; i < n; ++i) write_item(w, rows[i]);
  w.EndArray();
  w.Key("limit");
  w.Int(p.limit);
  w.Key("offset");
  w.Int(p.offset);
  w.EndObject();
  return std::move(w.text());
}

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_ROWS_H_
