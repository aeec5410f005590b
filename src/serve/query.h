// The JSON routes of `newsgraph serve` (docs/api.md lists the JSON): HTTP
// parameters in, JSON out, over the store's one query layer (store/events.h,
// store/quotes.h, store/actors.h, store/search.h), which the CLI commands use too.
//
// Filters have the CLI's names: actor, target, root, plover, from, to, near,
// speaker, about, kind, limit, offset, sort. ParseQueryParams checks the names,
// repeats, lengths and number types; the store checks the values (dates, codes,
// sort names) and binds every one as an SQL parameter, never pasted into SQL.
// Offsets in the results are Unicode code points into the document text.
//
// Thread safety: each function uses only the Store it is given (one per thread).
#ifndef NEWSGRAPH_SERVE_QUERY_H_
#define NEWSGRAPH_SERVE_QUERY_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "store/events.h"
#include "store/store.h"

namespace newsgraph::serve {

inline constexpr int kMaxLimit = 500;
inline constexpr int kMaxOffset = 100000;
inline constexpr size_t kMaxParamBytes = 200;

struct QueryParams {
  std::string actor;    // source side: ISO3 country, actor code (RUSGOV), actor id or name/alias
  std::string target;   // target side, as actor
  std::string root;     // CAMEO root "01".."20"
  std::string plover;   // PLOVER category, e.g. CONSULT
  std::string from;     // ISO dates, inclusive
  std::string to;
  std::optional<store::Near> near;
  std::string speaker;  // quotes: speaker actor id, name or alias
  std::string about;    // quotes: words in the quote text
  std::string kind;     // quotes: direct|partial|indirect; search: document|quote|actor; actors: type
  std::string q;        // search words; actors: name contains
  std::string doc;      // a document id
  std::string event;    // an event id (mentions)
  std::string country;  // actors: ISO3
  std::string sort;     // per route, e.g. "-date" (default), "date", "-goldstein", "-mentions"; search: "relevance"
  int limit = 50;
  int offset = 0;
  int min_count = 1;    // network: fewest events for an edge
};

// Checks raw query parameters: known names only (`allowed`), each at most once,
// bounded length, numbers where numbers are due (limit, offset, min_count, near).
// kInvalidArgument with a message that names the parameter.
StatusOr<QueryParams> ParseQueryParams(const std::multimap<std::string, std::string>& raw,
                                       const std::vector<std::string>& allowed, int default_limit = 50);

// Lists, as JSON text (written directly: the busiest routes); each is
// {"has_more": bool, "items": [...], "limit": N, "offset": N}.
StatusOr<std::string> ListEvents(store::Store& store, const QueryParams& p);
StatusOr<std::string> ListMentions(store::Store& store, const QueryParams& p);
StatusOr<std::string> ListQuotes(store::Store& store, const QueryParams& p);
StatusOr<std::string> ListActors(store::Store& store, const QueryParams& p);
StatusOr<std::string> SearchAll(store::Store& store, const QueryParams& p);

// One item with its context; kNotFound when there is none with that id.
StatusOr<nlohmann::json> GetEvent(store::Store& store, const std::string& id);
StatusOr<nlohmann::json> GetActor(store::Store& store, const std::string& id);
StatusOr<nlohmann::json> GetDocumentView(store::Store& store, const std::string& id);

// Aggregates.
StatusOr<nlohmann::json> Timeline(store::Store& store, const QueryParams& p);
StatusOr<nlohmann::json> Network(store::Store& store, const QueryParams& p);
StatusOr<nlohmann::json> Places(store::Store& store, const QueryParams& p);
StatusOr<nlohmann::json> StoreStats(store::Store& store);

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_QUERY_H_
