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

void WriteActor(JsonWriter& w, const store::ActorSummary& a) {
  w.BeginObject();
  w.Key("code");
  w.String(a.code);
  w.Key("country");
  w.String(a.country);
  w.Key("document_count");
  w.Int(a.document_count);
  w.Key("first_seen");
  w.StringOrNull(a.first_seen);
  w.Key("id");
  w.Int(a.id);
  w.Key("last_seen");
  w.StringOrNull(a.last_seen);
  w.Key("mention_count");
  w.Int(a.mention_count);
  w.Key("name");
  w.String(a.name);
  w.Key("sector");
  w.String(a.sector);
  w.Key("type");
  w.String(a.type);
  w.EndObject();
}

void WriteSearchHit(JsonWriter& w, const store::SearchHit& h, bool ranked) {
  w.BeginObject();
  w.Key("date");
  w.String(h.date);
  w.Key("doc_id");
  w.String(h.doc_id);
  w.Key("id");
  w.String(h.id);
  w.Key("kind");
  w.String(h.kind);
  w.Key("score");
  ranked ? w.Double(Round4(h.score)) : w.Null();
  w.Key("snippet");
  w.String(h.snippet);
  w.Key("title");
  w.String(h.title);
  w.EndObject();
}

// The "items" of a list's JSON text, for the routes that embed a list.
StatusOr<nlohmann::json> Items(const StatusOr<std::string>& list) {
  if (!list.ok()) return list.status();
  return std::move(nlohmann::json::parse(*list)["items"]);
}

nlohmann::json ActorJson(const store::ActorSummary& a) {
  JsonWriter w;
  WriteActor(w, a);
  return nlohmann::json::parse(w.text());
}

}  // namespace

StatusOr<std::string> ListQuotes(store::Store& store, const QueryParams& p) {
  NG_ASSIGN_OR_RETURN(std::vector<store::StoredQuote> rows, store::QueryQuotes(store, QuoteFilterOf(p)));
  return Page(rows, p, WriteQuote);
}

StatusOr<std::string> ListActors(store::Store& store, const QueryParams& p) {
  store::ActorFilter f;
  f.name = !p.q.empty() ? p.q : p.actor;
  f.country = p.country;
  f.type = p.kind;
  f.sort = p.sort.empty() ? "-mentions" : p.sort;
  f.limit = p.limit + 1;
  f.offset = p.offset;
  NG_ASSIGN_OR_RETURN(std::vector<store::ActorSummary> rows, store::ListActors(store, f));
  return Page(rows, p, WriteActor);
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
  NG_ASSIGN_OR_RETURN(actor["quotes"], Items(ListQuotes(store, recent)));
  recent.speaker.clear();
  recent.actor = id;
  NG_ASSIGN_OR_RETURN(actor["events_as_source"], Items(ListEvents(store, recent)));
  recent.actor.clear();
  recent.target = id;
  NG_ASSIGN_OR_RETURN(actor["events_as_target"], Items(ListEvents(store, recent)));
  return actor;
}

StatusOr<std::string> SearchAll(store::Store& store, const QueryParams& p) {
  store::SearchOptions o;
  o.kind = p.kind;
  o.sort = p.sort;
  o.from = p.from;
  o.to = p.to;
  o.speaker = p.speaker;
  o.limit = std::min(p.limit + 1, store::kMaxSearchLimit);
  o.offset = p.offset;
  if (p.q.empty()) return Status::InvalidArgument("q (the words to search for) is required");
  NG_ASSIGN_OR_RETURN(std::vector<store::SearchHit> hits, store::Search(store, p.q, o));
  bool ranked = p.sort == "relevance";
  return Page(hits, p, [ranked](JsonWriter& w, const store::SearchHit& h) { WriteSearchHit(w, h, ranked); });
}

}  // namespace newsgraph::serve
