#include "store/events.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/strings.h"
#include "store/query_builder.h"

namespace newsgraph::store {
namespace {

constexpr const char* kEventColumns =
    "e.id, e.cameo, e.root, e.plover, e.quad, e.goldstein, e.source_actor_id, e.source_code, e.source_country, "
    "e.source_name, coalesce(sa.name, ''), e.target_actor_id, e.target_code, e.target_country, e.target_name, "
    "coalesce(ta.name, ''), coalesce(e.date, ''), coalesce(e.place_name, ''), coalesce(e.place_country, ''), "
    "coalesce(e.place_admin1, ''), coalesce(e.place_feature, ''), e.lat, e.lon, e.mention_count, e.document_count, "
    "e.source_count, e.first_mention";
// By primary keys only: the actors' names (and, when asked for, the first report's
// document: reading a documents row costs more than the rest of the event).
constexpr const char* kEventJoins =
    " LEFT JOIN actors sa ON sa.id = e.source_actor_id LEFT JOIN actors ta ON ta.id = e.target_actor_id";
constexpr const char* kFirstReportColumns = ", coalesce(d.url, ''), coalesce(d.ingested_at, '')";
constexpr const char* kFirstReportFrom =
    " LEFT JOIN event_mentions fm ON fm.id = e.first_mention LEFT JOIN documents d ON d.id = fm.doc_id";

// `from`: " FROM events e" or a FROM clause that ends with events as `e`.
std::string EventSelect(bool with_first_report, const std::string& from = " FROM events e") {
  std::string sql = std::string("SELECT ") + kEventColumns;
  if (with_first_report) sql += kFirstReportColumns;
  sql += from + kEventJoins;
  if (with_first_report) sql += kFirstReportFrom;
  return sql;
}

EventRow ReadEvent(const Statement& s, bool with_first_report) {
  EventRow r;
  int i = 0;
  r.id = s.ColumnText(i++);
  r.cameo = s.ColumnText(i++);
  r.root = s.ColumnText(i++);
  r.plover = s.ColumnText(i++);
  r.quad = static_cast<int>(s.ColumnInt(i++));
  r.goldstein = ColumnDouble(s, i++).value_or(0);
  r.source_actor_id = ColumnOptionalInt(s, i++);
  r.source_code = s.ColumnText(i++);
  r.source_country = s.ColumnText(i++);
  r.source_name = s.ColumnText(i++);
  r.source_actor_name = s.ColumnText(i++);
  r.target_actor_id = ColumnOptionalInt(s, i++);
  r.target_code = s.ColumnText(i++);
  r.target_country = s.ColumnText(i++);
  r.target_name = s.ColumnText(i++);
  r.target_actor_name = s.ColumnText(i++);
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
  if (with_first_report) {
    r.source_url = s.ColumnText(i++);
    r.added = s.ColumnText(i++);
  }
  return r;
}

// Ties break on rowid, which every index holds, so no sort step is added.
StatusOr<std::string> EventOrder(const std::string& sort) {
  if (sort.empty() || sort == "date" || sort == "-date") return std::string(" ORDER BY e.date DESC, e.rowid DESC");
  if (sort == "oldest") return std::string(" ORDER BY e.date ASC, e.rowid ASC");
  if (sort == "goldstein") return std::string(" ORDER BY e.goldstein ASC, e.rowid ASC");
  if (sort == "-goldstein") return std::string(" ORDER BY e.goldstein DESC, e.rowid DESC");
  if (sort == "mentions" || sort == "-mentions") return std::string(" ORDER BY e.mention_count DESC, e.rowid DESC");
  return Status::InvalidArgument("sort must be one of date, oldest, goldstein, -goldstein, mentions (got '" + sort +
                                 "')");
}

void BindPage(SqlQuery& q, const EventFilter& f) {
  q.Bind(static_cast<int64_t>(f.limit < 0 ? -1 : f.limit));
  q.Bind(static_cast<int64_t>(f.offset));
}

const char* const kMentionColumns =
    "m.id, m.doc_id, m.ordinal, coalesce(m.event_id, ''), m.cameo, m.root, m.plover, m.modality, m.uncoded_reason, "
    "m.quad, m.goldstein, m.negated, m.source_actor_id, m.target_actor_id, m.source_text, m.source_code, "
    "m.source_country, m.target_text, m.target_code, m.target_country, coalesce(m.date, ''), m.date_from, "
    "coalesce(m.place_name, ''), m.lat, m.lon, m.cue, m.evidence, m.cue_start, m.cue_end, m.evidence_start, "
    "m.evidence_end, m.quote_ordinal, m.confidence, coalesce(d.url, ''), coalesce(d.source, ''), "
    "coalesce(d.date, ''), coalesce(d.title, '')";

EventMentionRow ReadMention(const Statement& s) {
  EventMentionRow r;
  int i = 0;
  r.id = s.ColumnText(i++);
  r.doc_id = s.ColumnText(i++);
  r.ordinal = s.ColumnInt(i++);
  r.event_id = s.ColumnText(i++);
  r.cameo = s.ColumnText(i++);
  r.root = s.ColumnText(i++);
  r.plover = s.ColumnText(i++);
  r.modality = s.ColumnText(i++);
  r.uncoded_reason = s.ColumnText(i++);
  r.quad = static_cast<int>(s.ColumnInt(i++));
  r.goldstein = ColumnDouble(s, i++).value_or(0);
  r.negated = s.ColumnInt(i++) != 0;
  r.source_actor_id = ColumnOptionalInt(s, i++);
  r.target_actor_id = ColumnOptionalInt(s, i++);
  r.source_text = s.ColumnText(i++);
  r.source_code = s.ColumnText(i++);
  r.source_country = s.ColumnText(i++);
  r.target_text = s.ColumnText(i++);
  r.target_code = s.ColumnText(i++);
  r.target_country = s.ColumnText(i++);
  r.date = s.ColumnText(i++);
  r.date_from = s.ColumnText(i++);
  r.place_name = s.ColumnText(i++);
  r.lat = ColumnDouble(s, i++);
  r.lon = ColumnDouble(s, i++);
  r.cue = s.ColumnText(i++);
  r.evidence = s.ColumnText(i++);
  r.cue_start = s.ColumnInt(i++);
  r.cue_end = s.ColumnInt(i++);
  r.evidence_start = s.ColumnInt(i++);
  r.evidence_end = s.ColumnInt(i++);
  r.quote_ordinal = ColumnOptionalInt(s, i++);
  r.confidence = ColumnDouble(s, i++).value_or(0);
  r.doc_url = s.ColumnText(i++);
  r.doc_source = s.ColumnText(i++);
  r.doc_date = s.ColumnText(i++);
  r.doc_title = s.ColumnText(i++);
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
  auto bad = [&] {
    return Status::InvalidArgument("near must be LAT,LON,KM (lat -90..90, lon -180..180, km 0..20000, e.g. "
                                   "51.9,128.3,200), got '" + text.substr(0, 60) + "'");
  };
  if (parts.size() != 3) return bad();
  double v[3];
  for (int i = 0; i < 3; ++i) {
    std::string s(parts[i]);
    char* end = nullptr;
    v[i] = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v[i])) return bad();
  }
  if (v[0] < -90 || v[0] > 90 || v[1] < -180 || v[1] > 180 || v[2] <= 0 || v[2] > kMaxNearKm) return bad();
  filter.near = Near{v[0], v[1], v[2]};
  return Status::Ok();
}

StatusOr<std::vector<EventRow>> QueryEvents(Store& store, const EventFilter& f) {
  NG_ASSIGN_OR_RETURN(std::string order, EventOrder(f.sort));
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", f));
  BindPage(q, f);
  std::vector<EventRow> rows;
  rows.reserve(static_cast<size_t>(std::clamp(f.limit, 0, 1000)));
  // Two phases: the page's rowids from the indexes alone (a filter that matches
  // thousands sorts only (date, rowid) pairs), then their columns. CROSS JOIN keeps
  // the page (a co-routine, yielding in its ORDER BY) as the outer loop, so the rows
  // come out in page order without a second sort of the wide rows.
  std::string page = " FROM (SELECT e.rowid AS page_rowid FROM events e" + q.WhereSql() + order +
                     " LIMIT ? OFFSET ?) p CROSS JOIN events e ON e.rowid = p.page_rowid";
  NG_RETURN_IF_ERROR(q.Run(store, EventSelect(f.with_first_report, page),
                           [&](const Statement& s) { rows.push_back(ReadEvent(s, f.with_first_report)); }));
  return rows;
}

StatusOr<std::optional<EventRow>> GetEvent(Store& store, const std::string& id) {
  SqlQuery q;
  q.Where("e.id = ?", {id});
  std::optional<EventRow> event;
  NG_RETURN_IF_ERROR(q.Run(store, EventSelect(true) + q.WhereSql(),
                           [&](const Statement& s) { event = ReadEvent(s, true); }));
  return event;
}

StatusOr<std::vector<EventMentionRow>> QueryEventMentions(Store& store, const MentionFilter& mf) {
  const EventFilter& f = mf.filter;
  std::string order = " ORDER BY m.date DESC, m.rowid DESC";
  if (f.sort == "oldest") {
    order = " ORDER BY m.date ASC, m.rowid ASC";
  } else if (!f.sort.empty() && f.sort != "date" && f.sort != "-date") {
    return Status::InvalidArgument("sort must be date (newest first) or oldest (got '" + f.sort + "')");
  }
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "m", f));
  if (!mf.doc_id.empty()) q.Where("m.doc_id = ?", {mf.doc_id});
  if (!mf.event_id.empty()) q.Where("m.event_id = ?", {mf.event_id});
  BindPage(q, f);
  std::vector<EventMentionRow> rows;
  NG_RETURN_IF_ERROR(q.Run(store,
                           std::string("SELECT ") + kMentionColumns +
                               " FROM event_mentions m LEFT JOIN documents d ON d.id = m.doc_id" + q.WhereSql() +
                               order + " LIMIT ? OFFSET ?",
                           [&](const Statement& s) { rows.push_back(ReadMention(s)); }));
  return rows;
}

}  // namespace newsgraph::store
