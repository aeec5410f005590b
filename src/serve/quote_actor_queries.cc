// /api/quotes, /api/actors, /api/actors/{id}, /api/search: store/quotes.h,
// store/actors.h and store/search.h as JSON.
#include <algorithm>
#include <cmath>

#include "serve/query.h"
#include "serve/rows.h"
#include "store/actors.h"
#include "store/quotes.h"
#include "store/search.h"

namespace newsgraph::serve {
namespace {

constexpr size_t kMaxActorAliases = 100;
constexpr size_t kMaxActorRoles = 100;
constexpr int kActorRecent = 20;  // quotes and events listed with an actor

nlohmann::json ActorJson(const store::ActorSummary& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"type", a.type},
          {"country", a.country},
          {"sector", a.sector},
          {"code", a.code},
          {"first_seen", TextOrNull(a.first_seen)},
          {"last_seen", TextOrNull(a.last_seen)},
          {"mention_count", a.mention_count},
          {"document_count", a.document_count}};
}

}  // namespace

StatusOr<nlohmann::json> ListQuotes(store::Store& store, const QueryParams& p) {
  NG_ASSIGN_OR_RETURN(std::vector<store::StoredQuote> rows, store::QueryQuotes(store, QuoteFilterOf(p)));
  nlohmann::json items = nlohmann::json::array();
  for (const store::StoredQuote& q : rows) items.push_back(QuoteJson(q));
  return Page(std::move(items), p);
}

StatusOr<nlohmann::json> ListActors(store::Store& store, const QueryParams& p) {
  store::ActorFilter f;
  f.name = !p.q.empty() ? p.q : p.actor;
  f.country = p.country;
  f.type = p.kind;
  f.sort = p.sort.empty() ? "-mentions" : p.sort;
  f.limit = p.limit + 1;
  f.offset = p.offset;
  NG_ASSIGN_OR_RETURN(std::vector<store::ActorSummary> rows, store::ListActors(store, f));
  nlohmann::json items = nlohmann::json::array();
  for (const store::ActorSummary& a : rows) items.push_back(ActorJson(a));
  return Page(std::move(items), p);
}

StatusOr<nlohmann::json> GetActor(store::Store& store, const std::string& id) {
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("actor id must be a number");
  }
  NG_ASSIGN_OR_RETURN(std::optional<store::ActorDetail> detail, store::GetActor(store, std::stoll(id)));
  if (!detail) return Status::NotFound("no actor with id " + id);
  nlohmann::json actor = ActorJson(detail->actor);
  actor["aliases"] = nlohmann::json::array();
  for (size_t i = 0; i < std::min(kMaxActorAliases, detail->aliases.size()); ++i) {
    actor["aliases"].push_back({{"alias", detail->aliases[i].alias}, {"count", detail->aliases[i].count}});
  }
  actor["roles"] = nlohmann::json::array();
  for (size_t i = 0; i < std::min(kMaxActorRoles, detail->roles.size()); ++i) {
    const store::ActorRole& r = detail->roles[i];
    actor["roles"].push_back({{"role", r.role}, {"country", r.country}, {"first_seen", TextOrNull(r.first_seen)},
                              {"last_seen", TextOrNull(r.last_seen)}, {"doc_id", r.doc_id}});
  }
  QueryParams recent;
  recent.limit = kActorRecent;
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
                     {"snippet", h.snippet}, {"score", Round4(h.score)}});
  }
  return Page(std::move(items), p);
}

}  // namespace newsgraph::serve
