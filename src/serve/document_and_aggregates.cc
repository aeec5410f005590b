// /api/documents/{id}, /api/timeline, /api/network, /api/places (store/events.h
// as JSON), /api/stats (counts read here: no other command shows them).
#include <cmath>
#include <functional>

#include "document/jsonl.h"
#include "serve/query.h"
#include "serve/rows.h"
#include "store/events.h"
#include "store/sqlite.h"
#include "store/store_access.h"

namespace newsgraph::serve {

StatusOr<nlohmann::json> GetDocumentView(store::Store& store, const std::string& id) {
  NG_ASSIGN_OR_RETURN(std::optional<document::Document> doc, store.GetDocument(id));
  if (!doc) return Status::NotFound("no document with id '" + id + "'");
  nlohmann::ordered_json full = document::ToJson(*doc);
  nlohmann::json view;
  for (const char* key : {"id", "date", "title", "source", "url", "language", "text", "mentions", "entities",
                          "relations"}) {
    if (full.contains(key)) view[key] = full[key];
  }
  for (const char* layer : {"mentions", "entities", "relations"}) {
    if (!view.contains(layer)) view[layer] = nlohmann::json::array();  // layers not run are empty, not missing
  }
  // Quotes and event mentions come from the query tables (code points already), so
  // the view shows exactly what the other routes list.
  QueryParams p;
  p.doc = doc->id;
  p.limit = kMaxLimit;
  NG_ASSIGN_OR_RETURN(std::string quotes, ListQuotes(store, p));
  NG_ASSIGN_OR_RETURN(std::string events, ListMentions(store, p));
  view["quotes"] = std::move(nlohmann::json::parse(quotes)["items"]);
  view["events"] = std::move(nlohmann::json::parse(events)["items"]);
  return view;
}

StatusOr<nlohmann::json> Timeline(store::Store& store, const QueryParams& p) {
  NG_ASSIGN_OR_RETURN(std::vector<store::TimelineDay> rows, store::EventTimeline(store, EventFilterOf(p)));
  nlohmann::json days = nlohmann::json::array();
  for (const store::TimelineDay& d : rows) {
    days.push_back({{"date", d.date}, {"count", d.count}, {"quads", d.quads},
                    {"goldstein", std::round(d.goldstein * 100) / 100}});
  }
  return nlohmann::json{{"days", std::move(days)}};
}

StatusOr<nlohmann::json> Network(store::Store& store, const QueryParams& p) {
  store::EventFilter f = EventFilterOf(p);
  f.limit = p.limit;
  NG_ASSIGN_OR_RETURN(store::Network net, store::EventNetwork(store, f, p.min_count));
  nlohmann::json edges = nlohmann::json::array();
  for (const store::NetworkEdge& e : net.edges) {
    edges.push_back({{"source", e.source}, {"target", e.target}, {"count", e.count},
                     {"goldstein", std::round(e.goldstein * 100) / 100}});
  }
  nlohmann::json nodes = nlohmann::json::array();
  for (const store::NetworkNode& n : net.nodes) {
    nodes.push_back({{"id", n.code}, {"country", n.code.substr(0, 3)}, {"count", n.count},
                     {"name", TextOrNull(n.name)},
                     {"actor_id", n.actor_id ? nlohmann::json(*n.actor_id) : nlohmann::json(nullptr)}});
  }
  return nlohmann::json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

StatusOr<nlohmann::json> Places(store::Store& store, const QueryParams& p) {
  store::EventFilter f = EventFilterOf(p);
  f.limit = p.limit;
  NG_ASSIGN_OR_RETURN(std::vector<store::PlaceCount> rows, store::EventPlaces(store, f));
  nlohmann::json places = nlohmann::json::array();
  for (const store::PlaceCount& c : rows) {
    places.push_back({{"name", TextOrNull(c.name)}, {"country", TextOrNull(c.country)}, {"lat", Round4(c.lat)},
                      {"lon", Round4(c.lon)}, {"count", c.count}, {"goldstein", Round4(c.goldstein)}});
  }
  return nlohmann::json{{"places", std::move(places)}};
}

namespace {

// Runs one statement of StoreStats, calling `row` for each result row.
Status Each(store::Store& store, const std::string& sql, const std::function<void(const store::Statement&)>& row) {
  NG_ASSIGN_OR_RETURN(store::Statement * s, store::StoreDb(store).Cached(sql));
  while (true) {
    StatusOr<bool> more = s->Step();
    if (!more.ok() || !*more) {
      s->Reset();
      return more.status();
    }
    row(*s);
  }
}

nlohmann::json TextOrNull(const store::Statement& s, int i) {
  return s.ColumnIsNull(i) ? nlohmann::json(nullptr) : nlohmann::json(std::string(s.ColumnText(i)));
}

}  // namespace

StatusOr<nlohmann::json> StoreStats(store::Store& store) {
  nlohmann::json out;
  for (const char* table : {"documents", "events", "event_mentions", "quotes", "actors"}) {
    NG_RETURN_IF_ERROR(Each(store, std::string("SELECT count(*) FROM ") + table,
                                [&](const store::Statement& s) { out[table] = s.ColumnInt(0); }));
  }
  NG_RETURN_IF_ERROR(Each(store, "SELECT min(date), max(date) FROM events", [&](const store::Statement& s) {
    out["first_event_date"] = TextOrNull(s, 0);
    out["last_event_date"] = TextOrNull(s, 1);
  }));
  NG_RETURN_IF_ERROR(Each(store, "SELECT min(date), max(date) FROM documents", [&](const store::Statement& s) {
    out["first_document_date"] = TextOrNull(s, 0);
    out["last_document_date"] = TextOrNull(s, 1);
  }));
  nlohmann::json roots = nlohmann::json::array();
  NG_RETURN_IF_ERROR(Each(store, "SELECT root, count(*) FROM events GROUP BY root ORDER BY root",
                              [&](const store::Statement& s) {
                                roots.push_back({{"root", s.ColumnText(0)}, {"count", s.ColumnInt(1)}});
                              }));
  out["events_by_root"] = std::move(roots);
  out["schema_version"] = store.schema_version();
  return out;
}

}  // namespace newsgraph::serve
