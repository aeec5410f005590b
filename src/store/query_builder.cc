#include "store/query_builder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "store/actors.h"
#include "store/store_access.h"

namespace newsgraph::store {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperOrDigit(char c) { return IsUpper(c) || IsDigit(c); }
template <typename F>
bool All(const std::string& s, F f) {
  return !s.empty() && std::all_of(s.begin(), s.end(), f);
}

std::string Upper(std::string s) {
  for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

// An ISO3 country or a CAMEO code prefix (upper case): matched without a name lookup.
bool IsCode(const std::string& v) { return v.size() >= 3 && All(v.substr(0, 3), IsUpper) && All(v, IsUpperOrDigit); }

void WhereCode(SqlQuery& q, const std::string& c, const std::string& code) {
  if (code.size() == 3) return q.Where(c + "_country = ?", {code});
  // A prefix as a range ('~' sorts after every letter and digit), so the
  // (code, ...) index can serve it; LIKE could not, its case folding aside.
  q.Where(c + "_code >= ? AND " + c + "_code < ?", {code, code + "~"});
}

Status WhereActor(Store& store, SqlQuery& q, const std::string& alias, const std::string& column,
                  const std::string& value) {
  std::string c = alias + "." + column;
  if (All(value, IsDigit) && value.size() < 18) {
    q.Where(c + "_actor_id = ?", {static_cast<int64_t>(std::stoll(value))});
    return Status::Ok();
  }
  if (IsCode(value)) {
    WhereCode(q, c, value);
    return Status::Ok();
  }
  NG_ASSIGN_OR_RETURN(std::vector<int64_t> ids, ActorIdsNamed(store, value));
  if (ids.empty() && IsCode(Upper(value))) {
    WhereCode(q, c, Upper(value));  // "rusgov": no actor has that name, so a code
  } else {
    WhereIdIn(q, c + "_actor_id", ids);
  }
  return Status::Ok();
}

}  // namespace

void SqlQuery::Where(const std::string& clause, std::vector<Value> values) {
  where_ += (where_.empty() ? "(" : " AND (") + clause + ")";
  for (auto& v : values) values_.push_back(std::move(v));
}

Status SqlQuery::Run(Store& store, const std::string& sql, const std::function<void(const Statement&)>& row) const {
  return RunWhile(store, sql, [&](const Statement& s) {
    row(s);
    return true;
  });
}

Status SqlQuery::RunWhile(Store& store, const std::string& sql,
                          const std::function<bool(const Statement&)>& row) const {
  NG_ASSIGN_OR_RETURN(Statement * s, StoreDb(store).Cached(sql));
  for (size_t i = 0; i < values_.size(); ++i) {
    int at = static_cast<int>(i) + 1;
    if (const auto* text = std::get_if<std::string>(&values_[i])) {
      NG_RETURN_IF_ERROR(s->BindText(at, *text));
    } else {
      NG_RETURN_IF_ERROR(s->BindInt(at, std::get<int64_t>(values_[i])));
    }
  }
  while (true) {
    StatusOr<bool> more = s->Step();
    if (!more.ok()) {
      s->Reset();
      return more.status();
    }
    if (!*more || !row(*s)) break;
  }
  s->Reset();
  return Status::Ok();
}

bool IsIsoDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(d[i])) return false;
  }
  return true;
}

std::string LikeContains(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

StatusOr<std::vector<int64_t>> ActorIdsNamed(Store& store, const std::string& name) {
  SqlQuery q;
  std::string key = ActorKey(name);
  for (const std::string& v : {key, key, name, name}) q.Bind(v);
  std::vector<int64_t> ids;
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT id FROM actors WHERE key = ? UNION SELECT actor_id FROM actor_aliases WHERE key = ? "
                           "UNION SELECT id FROM actors WHERE name = ? COLLATE NOCASE "
                           "UNION SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE LIMIT 20",
                           [&](const Statement& s) { ids.push_back(s.ColumnInt(0)); }));
  return ids;
}

void WhereIdIn(SqlQuery& q, const std::string& column, const std::vector<int64_t>& ids) {
  if (ids.empty()) return q.Where("0");
  std::string list;
  std::vector<SqlQuery::Value> values;
  for (int64_t id : ids) {
    list += list.empty() ? "?" : ", ?";
    values.push_back(id);
  }
  q.Where(ids.size() == 1 ? column + " = ?" : column + " IN (" + list + ")", std::move(values));
}

Status CheckEventFilter(const EventFilter& f) {
  if (!f.from.empty() && !IsIsoDate(f.from)) return Status::InvalidArgument("from must be a date YYYY-MM-DD, got '" + f.from + "'");
  if (!f.to.empty() && !IsIsoDate(f.to)) return Status::InvalidArgument("to must be a date YYYY-MM-DD, got '" + f.to + "'");
  if (!f.root.empty() && (f.root.size() < 2 || f.root.size() > 4 || !All(f.root, IsDigit))) {
    return Status::InvalidArgument("root must be a CAMEO root (04) or code prefix (043), got '" + f.root + "'");
  }
  if (!f.plover.empty() && !All(Upper(f.plover), [](char c) { return IsUpper(c) || c == '_'; })) {
    return Status::InvalidArgument("plover must be a category like CONSULT");
  }
  if (f.near && (!(f.near->lat >= -90 && f.near->lat <= 90) || !(f.near->lon >= -180 && f.near->lon <= 180) ||
                 !(f.near->km > 0 && f.near->km <= kMaxNearKm))) {
    return Status::InvalidArgument("near must be LAT,LON,KM (lat -90..90, lon -180..180, km 0..20000)");
  }
  if (f.offset < 0) return Status::InvalidArgument("offset must not be negative");
  return Status::Ok();
}

Status WhereEventFilters(Store& store, SqlQuery& q, const std::string& a, const EventFilter& f) {
  NG_RETURN_IF_ERROR(CheckEventFilter(f));
  if (!f.actor.empty()) NG_RETURN_IF_ERROR(WhereActor(store, q, a, "source", f.actor));
  if (!f.target.empty()) NG_RETURN_IF_ERROR(WhereActor(store, q, a, "target", f.target));
  if (f.root.size() == 2) q.Where(a + ".root = ?", {f.root});
  if (f.root.size() > 2) q.Where(a + ".root = ? AND " + a + ".cameo LIKE ?", {f.root.substr(0, 2), f.root + "%"});
  if (!f.plover.empty()) q.Where(a + ".plover = ?", {Upper(f.plover)});
  if (!f.from.empty()) q.Where(a + ".date >= ?", {f.from});
  if (!f.to.empty()) q.Where(a + ".date <= ?", {f.to});
  if (f.near) {
    const Near& n = *f.near;
    // A box around the point (the (lon, lat, date) index serves it), then the circle.
    double dlat = n.km / 111.0;
    double dlon = n.km / (111.0 * std::max(0.01, std::cos(n.lat * M_PI / 180.0)));
    q.Where(a + ".lat BETWEEN CAST(? AS REAL) AND CAST(? AS REAL) AND " + a +
                ".lon BETWEEN CAST(? AS REAL) AND CAST(? AS REAL)",
            {Num(n.lat - dlat), Num(n.lat + dlat), Num(n.lon - dlon), Num(n.lon + dlon)});
    // Within the circle, by the equirectangular distance (exact enough below ~1000 km).
    double k = std::cos(n.lat * M_PI / 180.0);
    std::string lat = "(" + a + ".lat - CAST(? AS REAL))", lon = "(" + a + ".lon - CAST(? AS REAL))";
    q.Where(lat + " * " + lat + " + " + lon + " * " + lon + " * CAST(? AS REAL) <= CAST(? AS REAL)",
            {Num(n.lat), Num(n.lat), Num(n.lon), Num(n.lon), Num(k * k), Num((n.km / 111.2) * (n.km / 111.2))});
  }
  return Status::Ok();
}

std::optional<double> ColumnDouble(const Statement& s, int i) {
  if (s.ColumnIsNull(i)) return std::nullopt;
  // SQLite gives a REAL as its shortest round-trip text ("%!.15g"); read in place.
  std::string_view text = s.ColumnText(i);
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

std::optional<int64_t> ColumnOptionalInt(const Statement& s, int i) {
  if (s.ColumnIsNull(i)) return std::nullopt;
  return s.ColumnInt(i);
}

}  // namespace newsgraph::store
