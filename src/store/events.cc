#include "store/events.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "base/strings.h"
#include "store/store_access.h"

namespace newsgraph::store {
namespace {

std::optional<double> ColumnDouble(const Statement& s, int i) {
  if (s.ColumnIsNull(i)) return std::nullopt;
  std::string text(s.ColumnText(i));
  return std::strtod(text.c_str(), nullptr);
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

constexpr const char* kEventColumns =
    "e.id, e.cameo, e.root, e.plover, e.quad, e.goldstein, e.source_code, e.source_country, e.source_name,"
    " e.target_code, e.target_country, e.target_name, e.date, e.place_name, e.place_country, e.place_admin1,"
    " e.place_feature, e.lat, e.lon, e.mention_count, e.document_count, e.source_count, e.first_mention,"
    " d.url, d.ingested_at";

EventRow ReadEvent(const Statement& s) {
  EventRow r;
  int i = 0;
  r.id = s.ColumnText(i++);
  r.cameo = s.ColumnText(i++);
  r.root = s.ColumnText(i++);
  r.plover = s.ColumnText(i++);
  r.quad = static_cast<int>(s.ColumnInt(i++));
  r.goldstein = ColumnDouble(s, i++).value_or(0);
  r.source_code = s.ColumnText(i++);
  r.source_country = s.ColumnText(i++);
  r.source_name = s.ColumnText(i++);
  r.target_code = s.ColumnText(i++);
  r.target_country = s.ColumnText(i++);
  r.target_name = s.ColumnText(i++);
  r.date = s.ColumnText(i++);
  r.place_name = s.ColumnText(i++);
  r.place_country = s.ColumnText(i++);
  r.place_admin1 = s.ColumnText(i++);
  r.place_feature = s.ColumnText(i++);
  r.lat = ColumnDouble(s, i++);
  r.lon = ColumnDouble(s, i++);
  r.mention_count = s.ColumnInt(i++);
  r.document_count = s.ColumnInt(i++);
  r.source_count = s.ColumnInt(i++);
  r.first_mention = s.ColumnText(i++);
  r.source_url = s.ColumnText(i++);
  r.added = s.ColumnText(i++);
  return r;
}

}  // namespace

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180, kEarthKm = 6371.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

Status ParseNear(const std::string& text, EventFilter& filter) {
  std::vector<std::string_view> parts = base::Split(text, ',');
  auto bad = [&] { return Status::InvalidArgument("--near wants LAT,LON,KM (e.g. 51.9,128.3,200), got '" + text + "'"); };
  if (parts.size() != 3) return bad();
  double v[3];
  for (int i = 0; i < 3; ++i) {
    std::string s(parts[i]);
    char* end = nullptr;
    v[i] = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v[i])) return bad();
  }
  if (v[0] < -90 || v[0] > 90 || v[1] < -180 || v[1] > 180 || v[2] <= 0) return bad();
  filter.near_lat = v[0];
  filter.near_lon = v[1];
  filter.near_km = v[2];
  return Status::Ok();
}

StatusOr<std::vector<EventRow>> QueryEvents(Store& store, const EventFilter& f) {
  Db& db = StoreDb(store);
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM events e LEFT JOIN event_mentions m ON m.id = e.first_mention"
                    " LEFT JOIN documents d ON d.id = m.doc_id WHERE 1";
  std::vector<std::string> args;
  auto arg = [&](std::string v) {
    args.push_back(std::move(v));
    return "?" + std::to_string(args.size());
  };
  if (!f.actor.empty()) {
    std::string a = Upper(f.actor);
    sql += " AND (e.source_code LIKE " + arg(a + "%") + " OR e.source_country = " + arg(a) + ")";
  }
  if (!f.target.empty()) {
    std::string a = Upper(f.target);
    sql += " AND (e.target_code LIKE " + arg(a + "%") + " OR e.target_country = " + arg(a) + ")";
  }
  if (!f.root.empty()) sql += " AND e.cameo LIKE " + arg(f.root + "%");
  if (!f.plover.empty()) sql += " AND e.plover = " + arg(Upper(f.plover));
  if (!f.from.empty()) sql += " AND e.date >= " + arg(f.from);
  if (!f.to.empty()) sql += " AND e.date <= " + arg(f.to);
  bool near = f.near_lat && f.near_lon && f.near_km > 0;
  if (near) {
    // A bounding box in SQL; the exact distance below.
    double dlat = f.near_km / 111.0;
    double dlon = f.near_km / (111.0 * std::max(0.01, std::cos(*f.near_lat * M_PI / 180)));
    sql += " AND e.lat BETWEEN " + arg(std::to_string(*f.near_lat - dlat)) + " AND " +
           arg(std::to_string(*f.near_lat + dlat));
    if (dlon < 180) {
      sql += " AND e.lon BETWEEN " + arg(std::to_string(*f.near_lon - dlon)) + " AND " +
             arg(std::to_string(*f.near_lon + dlon));
    }
  }
  if (f.sort == "mentions") {
    sql += " ORDER BY e.mention_count DESC, e.date DESC, e.id";
  } else if (f.sort == "goldstein") {
    sql += " ORDER BY e.goldstein, e.date DESC, e.id";
  } else if (f.sort == "date") {
    sql += " ORDER BY e.date DESC, e.id";
  } else {
    return Status::InvalidArgument("unknown sort '" + f.sort + "' (date, mentions, goldstein)");
  }
  if (!near && f.limit >= 0) sql += " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(std::max(0, f.offset));
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> s, Statement::Prepare(db, sql));
  for (size_t i = 0; i < args.size(); ++i) NG_RETURN_IF_ERROR(s->BindText(static_cast<int>(i + 1), args[i]));
  std::vector<EventRow> rows;
  int skipped = 0;
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    EventRow r = ReadEvent(*s);
    if (near) {
      if (!r.lat || !r.lon || DistanceKm(*f.near_lat, *f.near_lon, *r.lat, *r.lon) > f.near_km) continue;
      if (skipped++ < f.offset) continue;
      if (f.limit >= 0 && static_cast<int>(rows.size()) >= f.limit) break;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

StatusOr<std::vector<EventMentionRow>> QueryEventMentions(Store& store, const std::string& event_id) {
  Db& db = StoreDb(store);
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "SELECT m.id, m.doc_id, m.ordinal, m.event_id, m.cameo, m.plover, m.modality, m.uncoded_reason, m.negated,"
      " m.source_text, m.source_code, m.target_text, m.target_code, m.date, m.date_from, m.place_name, m.cue,"
      " m.evidence, m.cue_start, m.cue_end, m.evidence_start, m.evidence_end, m.confidence, d.url, d.source,"
      " d.date, d.title FROM event_mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1"
      " ORDER BY d.date, m.id"));
  NG_RETURN_IF_ERROR(s->BindText(1, event_id));
  std::vector<EventMentionRow> rows;
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    EventMentionRow r;
    int i = 0;
    r.id = s->ColumnText(i++);
    r.doc_id = s->ColumnText(i++);
    r.ordinal = s->ColumnInt(i++);
    r.event_id = s->ColumnText(i++);
    r.cameo = s->ColumnText(i++);
    r.plover = s->ColumnText(i++);
    r.modality = s->ColumnText(i++);
    r.uncoded_reason = s->ColumnText(i++);
    r.negated = s->ColumnInt(i++) != 0;
    r.source_text = s->ColumnText(i++);
    r.source_code = s->ColumnText(i++);
    r.target_text = s->ColumnText(i++);
    r.target_code = s->ColumnText(i++);
    r.date = s->ColumnText(i++);
    r.date_from = s->ColumnText(i++);
    r.place_name = s->ColumnText(i++);
    r.cue = s->ColumnText(i++);
    r.evidence = s->ColumnText(i++);
    r.cue_start = s->ColumnInt(i++);
    r.cue_end = s->ColumnInt(i++);
    r.evidence_start = s->ColumnInt(i++);
    r.evidence_end = s->ColumnInt(i++);
    r.confidence = ColumnDouble(*s, i++).value_or(0);
    r.doc_url = s->ColumnText(i++);
    r.doc_source = s->ColumnText(i++);
    r.doc_date = s->ColumnText(i++);
    r.doc_title = s->ColumnText(i++);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace newsgraph::store
