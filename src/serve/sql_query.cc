#include "serve/sql_query.h"

#include <cmath>
#include <cstdlib>

#include "store/store_access.h"

namespace newsgraph::serve {

void SqlQuery::Where(const std::string& clause, std::vector<std::variant<std::string, int64_t>> values) {
  where_ += (where_.empty() ? "(" : " AND (") + clause + ")";
  for (auto& v : values) values_.push_back(std::move(v));
}

Status SqlQuery::Run(store::Store& store, const std::string& sql,
                     const std::function<void(const store::Statement&)>& row) const {
  NG_ASSIGN_OR_RETURN(store::Statement * s, store::StoreDb(store).Cached(sql));
  for (size_t i = 0; i < values_.size(); ++i) {
    int at = static_cast<int>(i) + 1;
    if (const auto* text = std::get_if<std::string>(&values_[i])) {
      NG_RETURN_IF_ERROR(s->BindText(at, *text));
    } else {
      NG_RETURN_IF_ERROR(s->BindInt(at, std::get<int64_t>(values_[i])));
    }
  }
  while (true) {
    NG_ASSIGN_OR_RETURN(bool more, s->Step());
    if (!more) break;
    row(*s);
  }
  s->Reset();
  return Status::Ok();
}

namespace {
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
template <typename F>
bool All(const std::string& s, F f) {
  for (char c : s) {
    if (!f(c)) return false;
  }
  return !s.empty();
}
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}
}  // namespace

StatusOr<std::vector<int64_t>> ActorIdsNamed(store::Store& store, const std::string& name) {
  SqlQuery q;
  q.Bind(name);
  q.Bind(name);
  std::vector<int64_t> ids;
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT id FROM actors WHERE name = ? COLLATE NOCASE "
                           "UNION SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE LIMIT 20",
                           [&](const store::Statement& s) { ids.push_back(s.ColumnInt(0)); }));
  return ids;
}

void WhereIdIn(SqlQuery& q, const std::string& column, const std::vector<int64_t>& ids) {
  if (ids.empty()) return q.Where("0");
  std::string list;
  std::vector<std::variant<std::string, int64_t>> values;
  for (int64_t id : ids) {
    list += list.empty() ? "?" : ", ?";
    values.push_back(id);
  }
  q.Where(ids.size() == 1 ? column + " = ?" : column + " IN (" + list + ")", std::move(values));
}

Status WhereActor(store::Store& store, SqlQuery& q, const std::string& alias, const std::string& column,
                  const std::string& value) {
  std::string c = alias + "." + column;
  if (All(value, IsDigit) && value.size() < 18) {
    q.Where(c + "_actor_id = ?", {static_cast<int64_t>(std::stoll(value))});
  } else if (value.size() == 3 && All(value, IsUpper)) {
    q.Where(c + "_country = ?", {value});
  } else if (value.size() > 3 && All(value.substr(0, 3), IsUpper) &&
             All(value, [](char ch) { return IsUpper(ch) || IsDigit(ch); })) {
    q.Where(c + "_country = ? AND " + c + "_code = ?", {value.substr(0, 3), value});
  } else {
    NG_ASSIGN_OR_RETURN(std::vector<int64_t> ids, ActorIdsNamed(store, value));
    WhereIdIn(q, c + "_actor_id", ids);
  }
  return Status::Ok();
}

Status WhereEventFilters(store::Store& store, SqlQuery& q, const std::string& a, const QueryParams& p) {
  if (!p.actor.empty()) NG_RETURN_IF_ERROR(WhereActor(store, q, a, "source", p.actor));
  if (!p.target.empty()) NG_RETURN_IF_ERROR(WhereActor(store, q, a, "target", p.target));
  if (p.root.size() == 2) q.Where(a + ".root = ?", {p.root});
  if (p.root.size() > 2) q.Where(a + ".root = ? AND " + a + ".cameo LIKE ?", {p.root.substr(0, 2), p.root + "%"});
  if (!p.plover.empty()) q.Where(a + ".plover = ?", {p.plover});
  if (!p.from.empty()) q.Where(a + ".date >= ?", {p.from});
  if (!p.to.empty()) q.Where(a + ".date <= ?", {p.to});
  if (p.near) {
    // A box around the point (fast, uses no trigonometry in SQL), then the circle.
    double dlat = p.near->km / 111.0;
    double dlon = p.near->km / (111.0 * std::max(0.01, std::cos(p.near->lat * M_PI / 180.0)));
    q.Where(a + ".lat BETWEEN CAST(? AS REAL) AND CAST(? AS REAL) AND " + a +
                ".lon BETWEEN CAST(? AS REAL) AND CAST(? AS REAL)",
            {Num(p.near->lat - dlat), Num(p.near->lat + dlat), Num(p.near->lon - dlon), Num(p.near->lon + dlon)});
    // Within the circle, by the equirectangular distance (exact enough below ~1000 km).
    double k = std::cos(p.near->lat * M_PI / 180.0);
    std::string lat = "(" + a + ".lat - CAST(? AS REAL))", lon = "(" + a + ".lon - CAST(? AS REAL))";
    q.Where(lat + " * " + lat + " + " + lon + " * " + lon + " * CAST(? AS REAL) <= CAST(? AS REAL)",
            {Num(p.near->lat), Num(p.near->lat), Num(p.near->lon), Num(p.near->lon), Num(k * k),
             Num((p.near->km / 111.2) * (p.near->km / 111.2))});
  }
  return Status::Ok();
}

double ColumnDouble(const store::Statement& s, int i) {
  return std::strtod(std::string(s.ColumnText(i)).c_str(), nullptr);
}

nlohmann::json TextOrNull(const store::Statement& s, int i) {
  if (s.ColumnIsNull(i)) return nullptr;
  return std::string(s.ColumnText(i));
}

nlohmann::json NumberOrNull(const store::Statement& s, int i) {
  if (s.ColumnIsNull(i)) return nullptr;
  double v = ColumnDouble(s, i);
  return std::round(v * 1e4) / 1e4;
}

nlohmann::json Page(nlohmann::json items, const QueryParams& p) {
  bool more = items.size() > static_cast<size_t>(p.limit);
  if (more) items.erase(items.size() - 1);
  return {{"items", std::move(items)}, {"limit", p.limit}, {"offset", p.offset}, {"has_more", more}};
}

}  // namespace newsgraph::serve
