// /api/quotes, /api/actors, /api/actors/{id}, /api/search.
#include <algorithm>
#include <cmath>

#include "serve/query.h"
#include "serve/sql_query.h"
#include "store/search.h"

namespace newsgraph::serve {
namespace {

const char* const kQuoteColumns =
    "q.id, q.doc_id, d.title, q.ordinal, q.kind, q.start, q.end, q.text, q.cue_start, q.cue_end, q.cue, "
    "q.speaker_entity, q.speaker_actor_id, q.speaker_name, q.via_name, q.confidence, q.reason, q.date, d.source";

nlohmann::json QuoteRow(const store::Statement& s) {
  nlohmann::json cue = nullptr;
  if (!s.ColumnIsNull(8)) cue = {{"start", s.ColumnInt(8)}, {"end", s.ColumnInt(9)}, {"text", TextOrNull(s, 10)}};
  nlohmann::json speaker = nullptr;
  if (!s.ColumnIsNull(12) || !s.ColumnIsNull(13)) {
    speaker = {{"entity", TextOrNull(s, 11)},
               {"actor_id", s.ColumnIsNull(12) ? nlohmann::json(nullptr) : nlohmann::json(s.ColumnInt(12))},
               {"name", TextOrNull(s, 13)}};
  }
  return {{"id", s.ColumnInt(0)},        {"doc_id", s.ColumnText(1)},  {"doc_title", TextOrNull(s, 2)},
          {"ordinal", s.ColumnInt(3)},   {"kind", s.ColumnText(4)},    {"start", s.ColumnInt(5)},
          {"end", s.ColumnInt(6)},       {"text", s.ColumnText(7)},    {"cue", cue},
          {"speaker", speaker},          {"via", TextOrNull(s, 14)},   {"confidence", NumberOrNull(s, 15)},
          {"reason", TextOrNull(s, 16)}, {"date", TextOrNull(s, 17)}, {"source", TextOrNull(s, 18)}};
}

// A speaker named by any alias finds all of that actor's quotes; a name no actor
// holds matches the quotes' own speaker names.
Status WhereSpeaker(store::Store& store, SqlQuery& q, const std::string& v) {
  bool digits = !v.empty() && v.size() < 18 && v.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    q.Where("q.speaker_actor_id = ?", {static_cast<int64_t>(std::stoll(v))});
    return Status::Ok();
  }
  NG_ASSIGN_OR_RETURN(std::vector<int64_t> ids, ActorIdsNamed(store, v));
  if (ids.empty()) {
    q.Where("q.speaker_name = ? COLLATE NOCASE", {v});
  } else {
    WhereIdIn(q, "q.speaker_actor_id", ids);
  }
  return Status::Ok();
}

const char* const kActorColumns =
    "a.id, a.name, a.type, a.country, a.sector, a.code, a.first_seen, a.last_seen, a.mention_count, "
    "a.document_count";

nlohmann::json ActorRow(const store::Statement& s) {
  return {{"id", s.ColumnInt(0)},         {"name", s.ColumnText(1)},         {"type", s.ColumnText(2)},
          {"country", s.ColumnText(3)},   {"sector", s.ColumnText(4)},       {"code", s.ColumnText(5)},
          {"first_seen", TextOrNull(s, 6)}, {"last_seen", TextOrNull(s, 7)}, {"mention_count", s.ColumnInt(8)},
          {"document_count", s.ColumnInt(9)}};
}

std::string EscapeLike(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

StatusOr<nlohmann::json> ListQuotes(store::Store& store, const QueryParams& p) {
  std::string order = " ORDER BY q.date DESC, q.id DESC";
  if (p.sort == "oldest") {
    order = " ORDER BY q.date ASC, q.id ASC";
  } else if (!p.sort.empty() && p.sort != "date" && p.sort != "-date") {
    return Status::InvalidArgument("sort must be date (newest first) or oldest");
  }
  if (!p.kind.empty() && p.kind != "direct" && p.kind != "partial" && p.kind != "indirect") {
    return Status::InvalidArgument("kind must be direct, partial or indirect");
  }
  SqlQuery q;
  if (!p.speaker.empty()) NG_RETURN_IF_ERROR(WhereSpeaker(store, q, p.speaker));
  if (!p.about.empty()) {
    NG_ASSIGN_OR_RETURN(std::string match, store::ToFtsQuery(p.about));
    // "+" keeps the planner walking quotes by date and testing membership, which
    // stops after `limit` rows instead of sorting every match.
    q.Where("+q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", {"text : (" + match + ")"});
  }
  if (!p.kind.empty()) q.Where("q.kind = ?", {p.kind});
  if (!p.from.empty()) q.Where("q.date >= ?", {p.from});
  if (!p.to.empty()) q.Where("q.date <= ?", {p.to});
  if (!p.doc.empty()) q.Where("q.doc_id = ?", {p.doc});
  q.Bind(static_cast<int64_t>(p.limit + 1));
  q.Bind(static_cast<int64_t>(p.offset));
  nlohmann::json items = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store,
                           std::string("SELECT ") + kQuoteColumns +
                               " FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id" + q.WhereSql() + order +
                               " LIMIT ? OFFSET ?",
                           [&](const store::Statement& s) { items.push_back(QuoteRow(s)); }));
  return Page(std::move(items), p);
}

StatusOr<nlohmann::json> ListActors(store::Store& store, const QueryParams& p) {
  std::string order = " ORDER BY a.mention_count DESC, a.id";
  if (p.sort == "name") {
    order = " ORDER BY a.name COLLATE NOCASE, a.id";
  } else if (!p.sort.empty() && p.sort != "-mentions") {
    return Status::InvalidArgument("sort must be -mentions or name");
  }
  SqlQuery q;
  std::string name = !p.q.empty() ? p.q : p.actor;
  if (!name.empty()) {
    q.Where("a.name LIKE ? ESCAPE '\\' OR a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ? ESCAPE '\\')",
            {"%" + EscapeLike(name) + "%", "%" + EscapeLike(name) + "%"});
  }
  if (!p.country.empty()) q.Where("a.country = ?", {p.country});
  if (!p.kind.empty()) q.Where("a.type = ?", {p.kind});
  q.Bind(static_cast<int64_t>(p.limit + 1));
  q.Bind(static_cast<int64_t>(p.offset));
  nlohmann::json items = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store,
                           std::string("SELECT ") + kActorColumns + " FROM actors a" + q.WhereSql() + order +
                               " LIMIT ? OFFSET ?",
                           [&](const store::Statement& s) { items.push_back(ActorRow(s)); }));
  return Page(std::move(items), p);
}

StatusOr<nlohmann::json> GetActor(store::Store& store, const std::string& id) {
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("actor id must be a number");
  }
  int64_t actor_id = std::stoll(id);
  SqlQuery q;
  q.Where("a.id = ?", {actor_id});
  nlohmann::json actor;
  NG_RETURN_IF_ERROR(q.Run(store, std::string("SELECT ") + kActorColumns + " FROM actors a" + q.WhereSql(),
                           [&](const store::Statement& s) { actor = ActorRow(s); }));
  if (actor.is_null()) return Status::NotFound("no actor with id " + id);
  nlohmann::json aliases = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store, "SELECT alias, count FROM actor_aliases a WHERE (a.actor_id = ?) ORDER BY count DESC LIMIT 100",
                           [&](const store::Statement& s) {
                             aliases.push_back({{"alias", s.ColumnText(0)}, {"count", s.ColumnInt(1)}});
                           }));
  nlohmann::json roles = nlohmann::json::array();
  NG_RETURN_IF_ERROR(q.Run(store,
                           "SELECT role, country, first_seen, last_seen, doc_id FROM actor_roles a "
                           "WHERE (a.actor_id = ?) ORDER BY first_seen LIMIT 100",
                           [&](const store::Statement& s) {
                             roles.push_back({{"role", s.ColumnText(0)}, {"country", s.ColumnText(1)},
                                              {"first_seen", TextOrNull(s, 2)}, {"last_seen", TextOrNull(s, 3)},
                                              {"doc_id", s.ColumnText(4)}});
                           }));
  actor["aliases"] = std::move(aliases);
  actor["roles"] = std::move(roles);
  QueryParams recent;
  recent.limit = 20;
  recent.speaker = id;
  NG_ASSIGN_OR_RETURN(nlohmann::json quotes, ListQuotes(store, recent));
  actor["quotes"] = std::move(quotes["items"]);
  recent.speaker.clear();
  recent.actor = id;
  NG_ASSIGN_OR_RETURN(nlohmann::json as_source, ListEvents(store, recent));
  recent.actor.clear();
  recent.target = id;
  NG_ASSIGN_OR_RETURN(nlohmann::json as_target, ListEvents(store, recent));
  actor["events_as_source"] = std::move(as_source["items"]);
  actor["events_as_target"] = std::move(as_target["items"]);
  return actor;
}

StatusOr<nlohmann::json> SearchAll(store::Store& store, const QueryParams& p) {
  store::SearchOptions o;
  o.kind = p.kind;
  o.from = p.from;
  o.to = p.to;
  o.speaker = p.speaker;
  o.limit = std::min(p.limit + 1, store::kMaxSearchLimit);
  o.offset = p.offset;
  if (p.q.empty()) return Status::InvalidArgument("q (the words to search for) is required");
  NG_ASSIGN_OR_RETURN(std::vector<store::SearchHit> hits, store::Search(store, p.q, o));
  nlohmann::json items = nlohmann::json::array();
  for (const store::SearchHit& h : hits) {
    items.push_back({{"kind", h.kind}, {"id", h.id}, {"doc_id", h.doc_id}, {"title", h.title}, {"date", h.date},
                     {"snippet", h.snippet}, {"score", std::round(h.score * 1e4) / 1e4}});
  }
  return Page(std::move(items), p);
}

}  // namespace newsgraph::serve
