// /api/events, /api/events/{id}, /api/mentions.
#include "serve/query.h"
#include "serve/sql_query.h"

namespace newsgraph::serve {
namespace {

const char* const kEventColumns =
    "e.id, e.date, e.cameo, e.root, e.quad, e.goldstein, e.plover, "
    "e.source_actor_id, e.source_code, e.source_country, coalesce(sa.name, nullif(e.source_name, '')), "
    "e.target_actor_id, e.target_code, e.target_country, coalesce(ta.name, nullif(e.target_name, '')), "
    "e.place_name, e.place_country, e.lat, e.lon, e.mention_count, e.document_count, e.source_count";
const char* const kEventFrom =
    " FROM events e LEFT JOIN actors sa ON sa.id = e.source_actor_id LEFT JOIN actors ta ON ta.id = e.target_actor_id";

nlohmann::json Side(const store::Statement& s, int i) {
  return {{"actor_id", s.ColumnIsNull(i) ? nlohmann::json(nullptr) : nlohmann::json(s.ColumnInt(i))},
          {"code", s.ColumnText(i + 1)},
          {"country", s.ColumnText(i + 2)},
          {"name", TextOrNull(s, i + 3)}};
}

nlohmann::json EventRow(const store::Statement& s) {
  nlohmann::json place = nullptr;
  if (!s.ColumnIsNull(15) || !s.ColumnIsNull(17)) {
    place = {{"name", TextOrNull(s, 15)}, {"country", TextOrNull(s, 16)}, {"lat", NumberOrNull(s, 17)},
             {"lon", NumberOrNull(s, 18)}};
  }
  return {{"id", s.ColumnText(0)},          {"date", TextOrNull(s, 1)},
          {"cameo", s.ColumnText(2)},       {"root", s.ColumnText(3)},
          {"quad", s.ColumnInt(4)},         {"goldstein", NumberOrNull(s, 5)},
          {"plover", s.ColumnText(6)},      {"source", Side(s, 7)},
          {"target", Side(s, 11)},          {"place", place},
          {"mention_count", s.ColumnInt(19)}, {"document_count", s.ColumnInt(20)},
          {"source_count", s.ColumnInt(21)}};
}

// Sort names as in `newsgraph events`: date = newest first, goldstein = most
// negative first, mentions = most reported first; "-goldstein" and "oldest" the
// other way. Ties break on rowid, which every index holds, so no sort step is added.
StatusOr<std::string> EventOrder(const std::string& sort) {
  if (sort.empty() || sort == "date" || sort == "-date") return std::string(" ORDER BY e.date DESC, e.rowid DESC");
  if (sort == "oldest") return std::string(" ORDER BY e.date ASC, e.rowid ASC");
  if (sort == "goldstein") return std::string(" ORDER BY e.goldstein ASC, e.rowid ASC");
  if (sort == "-goldstein") return std::string(" ORDER BY e.goldstein DESC, e.rowid DESC");
  if (sort == "mentions" || sort == "-mentions") return std::string(" ORDER BY e.mention_count DESC, e.rowid DESC");
  return Status::InvalidArgument("sort must be one of date, oldest, goldstein, -goldstein, mentions");
}

const char* const kMentionColumns =
    "m.id, m.doc_id, d.title, m.event_id, m.date, m.cameo, m.root, m.quad, m.goldstein, m.plover, "
    "m.source_code, m.source_country, m.source_text, m.target_code, m.target_country, m.target_text, "
    "m.place_name, m.lat, m.lon, m.negated, m.modality, m.cue_start, m.cue_end, m.cue, "
    "m.evidence_start, m.evidence_end, m.evidence, m.quote_ordinal, m.confidence, m.uncoded_reason, "
    "m.source_actor_id, m.target_actor_id";

nlohmann::json MentionRow(const store::Statement& s) {
  return {{"id", s.ColumnText(0)},
          {"doc_id", s.ColumnText(1)},
          {"doc_title", TextOrNull(s, 2)},
          {"event_id", TextOrNull(s, 3)},
          {"date", TextOrNull(s, 4)},
          {"cameo", s.ColumnText(5)},
          {"root", s.ColumnText(6)},
          {"quad", s.ColumnInt(7)},
          {"goldstein", NumberOrNull(s, 8)},
          {"plover", s.ColumnText(9)},
          {"source", {{"code", s.ColumnText(10)}, {"country", s.ColumnText(11)}, {"text", s.ColumnText(12)},
                      {"actor_id", s.ColumnIsNull(30) ? nlohmann::json(nullptr) : nlohmann::json(s.ColumnInt(30))}}},
          {"target", {{"code", s.ColumnText(13)}, {"country", s.ColumnText(14)}, {"text", s.ColumnText(15)},
                      {"actor_id", s.ColumnIsNull(31) ? nlohmann::json(nullptr) : nlohmann::json(s.ColumnInt(31))}}},
          {"place", {{"name", TextOrNull(s, 16)}, {"lat", NumberOrNull(s, 17)}, {"lon", NumberOrNull(s, 18)}}},
          {"negated", s.ColumnInt(19) != 0},
          {"modality", s.ColumnText(20)},
          {"cue", {{"start", s.ColumnInt(21)}, {"end", s.ColumnInt(22)}, {"text", s.ColumnText(23)}}},
          {"evidence", {{"start", s.ColumnInt(24)}, {"end", s.ColumnInt(25)}, {"text", s.ColumnText(26)}}},
          {"quote_ordinal", s.ColumnIsNull(27) ? nlohmann::json(nullptr) : nlohmann::json(s.ColumnInt(27))},
          {"confidence", NumberOrNull(s, 28)},
          {"uncoded_reason", s.ColumnText(29)}};
}

}  // namespace

StatusOr<nlohmann::json> ListEvents(store::Store& store, const QueryParams& p) {
  NG_ASSIGN_OR_RETURN(std::string order, EventOrder(p.sort));
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "e", p));
  q.Bind(static_cast<int64_t>(p.limit + 1));
  q.Bind(static_cast<int64_t>(p.offset));
  nlohmann::json items = nlohmann::json::array();
  // Two phases: the page's rowids from the indexes alone (a filter that matches
  // thousands sorts only (date, rowid) pairs), then their columns.
  NG_RETURN_IF_ERROR(q.Run(store,
                           std::string("SELECT ") + kEventColumns + kEventFrom +
                               " WHERE e.rowid IN (SELECT e.rowid FROM events e" + q.WhereSql() + order +
                               " LIMIT ? OFFSET ?)" + order,
                           [&](const store::Statement& s) { items.push_back(EventRow(s)); }));
  return Page(std::move(items), p);
}

StatusOr<nlohmann::json> GetEvent(store::Store& store, const std::string& id) {
  SqlQuery q;
  q.Where("e.id = ?", {id});
  nlohmann::json event;
  NG_RETURN_IF_ERROR(q.Run(store, std::string("SELECT ") + kEventColumns + kEventFrom + q.WhereSql(),
                           [&](const store::Statement& s) { event = EventRow(s); }));
  if (event.is_null()) return Status::NotFound("no event with id '" + id + "'");
  SqlQuery m;
  m.Where("m.event_id = ?", {id});
  nlohmann::json mentions = nlohmann::json::array();
  NG_RETURN_IF_ERROR(m.Run(store,
                           std::string("SELECT ") + kMentionColumns +
                               " FROM event_mentions m LEFT JOIN documents d ON d.id = m.doc_id" + m.WhereSql() +
                               " ORDER BY m.date, m.id LIMIT 200",
                           [&](const store::Statement& s) { mentions.push_back(MentionRow(s)); }));
  event["mentions"] = std::move(mentions);
  return event;
}

StatusOr<nlohmann::json> ListMentions(store::Store& store, const QueryParams& p) {
  std::string order = " ORDER BY m.date DESC, m.rowid DESC";
  if (p.sort == "oldest") {
    order = " ORDER BY m.date ASC, m.rowid ASC";
  } else if (!p.sort.empty() && p.sort != "date" && p.sort != "-date") {
    return Status::InvalidArgument("sort must be date (newest first) or oldest");
  }
  SqlQuery q;
  NG_RETURN_IF_ERROR(WhereEventFilters(store, q, "m", p));
  if (!p.doc.empty()) q.Where("m.doc_id = ?", {p.doc});
  if (!p.event.empty()) q.Where("m.event_id = ?", {p.event});
  q.Bind(static_cast<int64_t>(p.limit + 1));
  q.Bind(static_cast<int64_t>(p.offset));
  nlohmann::json items = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store,
                           std::string("SELECT ") + kMentionColumns +
                               " FROM event_mentions m LEFT JOIN documents d ON d.id = m.doc_id" + q.WhereSql() +
                               order + " LIMIT ? OFFSET ?",
                           [&](const store::Statement& s) { items.push_back(MentionRow(s)); }));
  return Page(std::move(items), p);
}

}  // namespace newsgraph::serve
