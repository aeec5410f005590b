// EventTimeline, EventNetwork, EventPlaces (store/events.h): GROUP BY queries over
// the events the filter selects.
#include <map>

#include <nlohmann/json.hpp>

#include "store/events.h"
#include "store/query_builder.h"

namespace newsgraph::store {

StatusOr<std::vector<TimelineDay>> EventTimeline(Store& store, const EventFilter& f) {
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", f));
  q.Where("e.date IS NOT NULL");
  std::vector<TimelineDay> days;
  std::vector<double> sums;
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT e.date, e.quad, count(*), avg(e.goldstein) FROM events e" + q.WhereSql() +
                               " GROUP BY e.date, e.quad ORDER BY e.date, e.quad",
                           [&](const Statement& s) {
                             std::string date(s.ColumnText(0));
                             if (days.empty() || days.back().date != date) {
                               days.push_back({date, 0, {}, 0});
                               sums.push_back(0);
                             }
                             TimelineDay& d = days.back();
                             int64_t quad = s.ColumnInt(1), n = s.ColumnInt(2);
                             if (quad >= 1 && quad <= 4) d.quads[quad - 1] = n;
                             d.count += n;
                             sums.back() += ColumnDouble(s, 3).value_or(0) * static_cast<double>(n);
                           }));
  for (size_t i = 0; i < days.size(); ++i) days[i].goldstein = sums[i] / std::max<int64_t>(1, days[i].count);
  return days;
}

StatusOr<Network> EventNetwork(Store& store, const EventFilter& f, int min_count) {
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", f));
  q.Where("e.source_code != '' AND e.target_code != '' AND e.source_code != e.target_code");
  q.Bind(static_cast<int64_t>(min_count));
  q.Bind(static_cast<int64_t>(f.limit < 0 ? -1 : f.limit));
  Network net;
  std::map<std::string, int64_t> counts;
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e" +
                               q.WhereSql() +
                               " GROUP BY e.source_code, e.target_code HAVING count(*) >= ? ORDER BY count(*) DESC "
                               "LIMIT ?",
                           [&](const Statement& s) {
                             NetworkEdge e{std::string(s.ColumnText(0)), std::string(s.ColumnText(1)),
                                           s.ColumnInt(2), ColumnDouble(s, 3).value_or(0)};
                             counts[e.source] += e.count;
                             counts[e.target] += e.count;
                             net.edges.push_back(std::move(e));
                           }));
  // A code held by one actor of the knowledge base is shown as that actor; a code
  // shared by several (RUSGOV: the state and its ministers) as the code.
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& [code, n] : counts) codes.push_back(code);
  std::map<std::string, std::pair<std::string, int64_t>> named;
  SqlQuery names;
  names.Bind(codes.dump());
  NG_RETURN_IF_ERROR(names.Run(store,
                               "SELECT code, max(name), max(id) FROM actors WHERE code IN "
                               "(SELECT value FROM json_each(?)) GROUP BY code HAVING count(*) = 1",
                               [&](const Statement& s) {
                                 named[std::string(s.ColumnText(0))] = {std::string(s.ColumnText(1)), s.ColumnInt(2)};
                               }));
  for (const auto& [code, n] : counts) {
    NetworkNode node{code, n, "", std::nullopt};
    if (auto it = named.find(code); it != named.end()) {
      node.name = it->second.first;
      node.actor_id = it->second.second;
    }
    net.nodes.push_back(std::move(node));
  }
  return net;
}

StatusOr<std::vector<PlaceCount>> EventPlaces(Store& store, const EventFilter& f) {
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", f));
  q.Where("e.lat IS NOT NULL AND e.lon IS NOT NULL");
  q.Bind(static_cast<int64_t>(f.limit < 0 ? -1 : f.limit));
  std::vector<PlaceCount> places;
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT coalesce(e.place_name, ''), coalesce(max(e.place_country), ''), avg(e.lat), "
                           "avg(e.lon), count(*), avg(e.goldstein) FROM events e" +
                               q.WhereSql() + " GROUP BY e.place_name ORDER BY count(*) DESC LIMIT ?",
                           [&](const Statement& s) {
                             places.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)),
                                               ColumnDouble(s, 2).value_or(0), ColumnDouble(s, 3).value_or(0),
                                               s.ColumnInt(4), ColumnDouble(s, 5).value_or(0)});
                           }));
  return places;
}

}  // namespace newsgraph::store
