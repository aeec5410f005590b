// Full-text search over the store (SQLite FTS5): articles (title and text), quotes
// (text and speaker name) and actors (name and aliases), newest first, or ranked
// by BM25 on request.
//
// The query is the user's words, never FTS5 syntax: each word or "quoted phrase"
// becomes an FTS5 string, so punctuation, operators and column filters in the
// input are matched as text, not interpreted. A trailing * on a word asks for a
// prefix match. All words must match (AND).
//
// Thread safety: as Store (one thread per Store).
#ifndef NEWSGRAPH_STORE_SEARCH_H_
#define NEWSGRAPH_STORE_SEARCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace newsgraph::store {

// Marks around matched words in SearchHit::snippet (ASCII STX / ETX).
inline constexpr char kSnippetOpen = '\x02';
inline constexpr char kSnippetClose = '\x03';

// Bounds on the query, so hostile input costs bounded time.
inline constexpr size_t kMaxSearchQueryBytes = 1000;
inline constexpr size_t kMaxSearchTerms = 32;
inline constexpr int kMaxSearchLimit = 500;
inline constexpr int kMaxSearchOffset = 10000;

struct SearchOptions {
  // "" for every kind, or "document", "quote", "actor".
  std::string kind;
  // ISO dates (inclusive); "" for no bound. Apply to documents and quotes.
  std::string from;
  std::string to;
  // Only quotes whose speaker name contains these words (implies kind "quote").
  std::string speaker;
  // "date" (also ""): newest first. Each kind takes its limit + offset most recently
  // stored matches, which costs time in proportion to the page, not to how common
  // the words are; they are merged by date (then quotes, documents, actors).
  // "relevance": BM25 over each kind's 1,000 most recently stored matches, merged
  // by score; costs time in proportion to the number of matches of each word.
  std::string sort;
  int limit = 20;   // 1..kMaxSearchLimit
  int offset = 0;   // 0..kMaxSearchOffset
};

struct SearchHit {
  std::string kind;     // "document", "quote", "actor"
  std::string id;       // document id, quote id or actor id (as text)
  std::string doc_id;   // the article (documents and quotes); "" for actors
  std::string title;    // document title, quote speaker name, actor name
  std::string date;     // ISO date or ""
  std::string snippet;  // text around the match, matches between kSnippetOpen/Close
  double score = 0;     // sort "relevance": BM25 (lower is better, comparable across kinds only
                        // roughly); 0 otherwise
};

// Turns user words into a safe FTS5 MATCH expression. kInvalidArgument when the
// query is too long, has too many terms, or has no word to search for.
StatusOr<std::string> ToFtsQuery(std::string_view query);

// The hits of every requested kind in options.sort order, then offset/limit
// applied; snippets for the hits returned only. kInvalidArgument for a bad query
// or option (message fit for a user).
StatusOr<std::vector<SearchHit>> Search(Store& store, std::string_view query, const SearchOptions& options);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_SEARCH_H_
