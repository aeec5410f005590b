// The actors knowledge base that AddDocuments accumulates across articles (tables
// actors, actor_aliases, actor_roles, document_entities; docs/formats/actors.md):
// people, organizations, countries and governments, each with its aliases, the
// roles the articles gave it and when, and how often it was seen. Used by
// `newsgraph actors`, the quotes and events layers and the web server.
//
// Matching: two names are the same actor when their ActorKey is equal, so case,
// hyphens and punctuation never split an actor ("Kim Jong-un" == "Kim Jong Un" ==
// "KIM JONG UN"). A one-word person name ("Putin") never creates an actor; it is
// linked to the actor that already has it as an alias, if any.
//
// Thread safety: as Store (one thread per Store). Errors: kInvalidArgument for a bad
// filter, SQLite errors as Store reports them.
#ifndef NEWSGRAPH_STORE_ACTORS_H_
#define NEWSGRAPH_STORE_ACTORS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace newsgraph::store {

inline constexpr int kMaxActorLimit = 10000;

// The matching key of a name: lower case, Latin-1 accents dropped ("Élysée" ->
// "elysee"), every run of characters that are not letters or digits (Unicode dashes,
// quotes and spaces included) as one space, trimmed ("Kim Jong-un's" -> "kim jong un s").
// Other non-ASCII letters are kept as they are, so non-Latin names match exactly.
// For ASCII names it equals QuoteNameKey (store/quotes.h).
std::string ActorKey(std::string_view name);

struct ActorFilter {
  std::string country;  // ISO alpha-3 ("PRK"); "" = any
  std::string type;     // PERSON, ORG, GPE ...; "" = any
  std::string name;     // a part of the name or of an alias (compared by ActorKey); "" = any
  int limit = 50;       // 1..kMaxActorLimit
  int offset = 0;       // >= 0
  // "" (most documents first, then most mentions, then name), "-mentions" (most
  // mentions first) or "name".
  std::string sort;
};

struct ActorSummary {
  int64_t id = 0;
  std::string name;     // canonical: the name it was first stored under
  std::string type;
  std::string country;  // "" when unknown
  std::string sector;
  std::string code;     // CAMEO-style actor code ("RUSGOV"), "" when unknown
  std::string first_seen;  // ISO dates of the articles, "" when none had a date
  std::string last_seen;
  int64_t mention_count = 0;
  int64_t document_count = 0;
};

struct ActorAlias {
  std::string alias;  // as first written
  int64_t count = 0;  // mentions with that spelling
};

struct ActorRole {
  std::string role;     // "defence minister"
  std::string country;  // the country the role belongs to, "" when unknown
  std::string first_seen;
  std::string last_seen;
  std::string doc_id;   // the first article that states it
};

struct ActorDetail {
  ActorSummary actor;
  std::vector<ActorAlias> aliases;  // most used first
  std::vector<ActorRole> roles;     // earliest first
};

// Actors matching `filter`, in its sort order. kInvalidArgument for a bad limit,
// offset or sort.
StatusOr<std::vector<ActorSummary>> ListActors(Store& store, const ActorFilter& filter);

// One actor with its aliases and roles; nullopt if there is no actor `id`.
StatusOr<std::optional<ActorDetail>> GetActor(Store& store, int64_t id);

// The actors whose name or an alias has the same ActorKey as `name`, most documents
// first. Empty when none (or `name` has no letters or digits).
StatusOr<std::vector<int64_t>> ResolveActorName(Store& store, std::string_view name);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_ACTORS_H_
