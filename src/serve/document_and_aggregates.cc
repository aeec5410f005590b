// /api/documents/{id}, /api/timeline, /api/network, /api/places, /api/stats.
#include <cmath>
#include <map>

#include "document/jsonl.h"
#include "serve/query.h"
#include "serve/sql_query.h"

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
  NG_ASSIGN_OR_RETURN(nlohmann::json quotes, ListQuotes(store, p));
  NG_ASSIGN_OR_RETURN(nlohmann::json events, ListMentions(store, p));
  view["quotes"] = std::move(quotes["items"]);
  view["events"] = std::move(events["items"]);
  return view;
}

StatusOr<nlohmann::json> Timeline(store::Store& store, const QueryParams& p) {
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", p));
  q.Where("e.date IS NOT NULL");
  nlohmann::json days = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT e.date, e.quad, count(*), avg(e.goldstein) FROM events e" + q.WhereSql() +
                               " GROUP BY e.date, e.quad ORDER BY e.date, e.quad",
                           [&](const store::Statement& s) {
                             std::string date(s.ColumnText(0));
                             if (days.empty() || days.back()["date"] != date) {
                               days.push_back({{"date", date}, {"count", 0}, {"quads", {0, 0, 0, 0}},
                                               {"goldstein", 0.0}, {"sum", 0.0}});
                             }
                             nlohmann::json& d = days.back();
                             int64_t quad = s.ColumnInt(1), n = s.ColumnInt(2);
                             if (quad >= 1 && quad <= 4) d["quads"][quad - 1] = n;
                             d["count"] = d["count"].get<int64_t>() + n;
                             d["sum"] = d["sum"].get<double>() + ColumnDouble(s, 3) * static_cast<double>(n);
                           }));
  for (nlohmann::json& d : days) {
    double mean = d["sum"].get<double>() / std::max<int64_t>(1, d["count"].get<int64_t>());
    d["goldstein"] = std::round(mean * 100) / 100;
    d.erase("sum");
  }
  return nlohmann::json{{"days", std::move(days)}};
}

StatusOr<nlohmann::json> Network(store::Store& store, const QueryParams& p) {
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", p));
  q.Where("e.source_code != '' AND e.target_code != '' AND e.source_code != e.target_code");
  q.Bind(static_cast<int64_t>(p.min_count));
  q.Bind(static_cast<int64_t>(p.limit));
  nlohmann::json edges = nlohmann::json::array();
  std::map<std::string, int64_t> counts;
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e" +
                               q.WhereSql() +
                               " GROUP BY e.source_code, e.target_code HAVING count(*) >= ? ORDER BY count(*) DESC "
                               "LIMIT ?",
                           [&](const store::Statement& s) {
                             std::string from(s.ColumnText(0)), to(s.ColumnText(1));
                             counts[from] += s.ColumnInt(2);
                             counts[to] += s.ColumnInt(2);
                             edges.push_back({{"source", from}, {"target", to}, {"count", s.ColumnInt(2)},
                                              {"goldstein", std::round(ColumnDouble(s, 3) * 100) / 100}});
                           }));
  // Nodes are actor codes. A code held by one actor of the knowledge base is shown
  // as that actor; a code shared by several (RUSGOV: the state and its ministers)
  // as the code.
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& [code, n] : counts) codes.push_back(code);
  std::map<std::string, std::pair<std::string, int64_t>> named;
  SqlQuery names;
  names.Bind(codes.dump());
  NG_RETURN_IF_ERROR(names.Run(store,
                               "SELECT code, max(name), max(id) FROM actors WHERE code IN "
                               "(SELECT value FROM json_each(?)) GROUP BY code HAVING count(*) = 1",
                               [&](const store::Statement& s) {
                                 named[std::string(s.ColumnText(0))] = {std::string(s.ColumnText(1)), s.ColumnInt(2)};
                               }));
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& [code, n] : counts) {
    auto it = named.find(code);
    nodes.push_back({{"id", code}, {"country", code.substr(0, 3)}, {"count", n},
                     {"name", it == named.end() ? nlohmann::json(nullptr) : nlohmann::json(it->second.first)},
                     {"actor_id", it == named.end() ? nlohmann::json(nullptr) : nlohmann::json(it->second.second)}});
  }
  return nlohmann::json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

StatusOr<nlohmann::json> Places(store::Store& store, const QueryParams& p) {
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", p));
  q.Where("e.lat IS NOT NULL AND e.lon IS NOT NULL");
  q.Bind(static_cast<int64_t>(p.limit));
  nlohmann::json places = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT e.place_name, max(e.place_country), avg(e.lat), avg(e.lon), count(*), "
                           "avg(e.goldstein) FROM events e" +
                               q.WhereSql() + " GROUP BY e.place_name ORDER BY count(*) DESC LIMIT ?",
                           [&](const store::Statement& s) {
                             places.push_back({{"name", TextOrNull(s, 0)}, {"country", TextOrNull(s, 1)},
                                               {"lat", NumberOrNull(s, 2)}, {"lon", NumberOrNull(s, 3)},
                                               {"count", s.ColumnInt(4)}, {"goldstein", NumberOrNull(s, 5)}});
                           }));
  return nlohmann::json{{"places", std::move(places)}};
}

StatusOr<nlohmann::json> StoreStats(store::Store& store) {
  nlohmann::json out;
  SqlQuery none;
  for (const char* table : {"documents", "events", "event_mentions", "quotes", "actors"}) {
    NG_RETURN_IF_ERROR(none.Run(store, std::string("SELECT count(*) FROM ") + table,
                                [&](const store::Statement& s) { out[table] = s.ColumnInt(0); }));
  }
  NG_RETURN_IF_ERROR(none.Run(store, "SELECT min(date), max(date) FROM events", [&](const store::Statement& s) {
    out["first_event_date"] = TextOrNull(s, 0);
    out["last_event_date"] = TextOrNull(s, 1);
  }));
  NG_RETURN_IF_ERROR(none.Run(store, "SELECT min(date), max(date) FROM documents", [&](const store::Statement& s) {
    out["first_document_date"] = TextOrNull(s, 0);
    out["last_document_date"] = TextOrNull(s, 1);
  }));
  nlohmann::json roots = nlohmann::json::array();
  NG_RETURN_IF_ERROR(none.Run(store, "SELECT root, count(*) FROM events GROUP BY root ORDER BY root",
                              [&](const store::Statement& s) {
                                roots.push_back({{"root", s.ColumnText(0)}, {"count", s.ColumnInt(1)}});
                              }));
  out["events_by_root"] = std::move(roots);
  out["schema_version"] = store.schema_version();
  return out;
}

}  // namespace newsgraph::serve
