// Quotes stored by AddDocuments (table `quotes`, docs/formats/quotes.md): who said
// what, when, in which article. The one query layer of `newsgraph quotes` and the web
// server (docs/api.md), so the filters have the same names and meaning everywhere.
//
// Every value is checked (kInvalidArgument with a message naming the filter) and
// bound as an SQL parameter. Offsets are Unicode code points into the article text.
//
// Thread safety: as Store (one thread per Store).
#ifndef NEWSGRAPH_STORE_QUOTES_H_
#define NEWSGRAPH_STORE_QUOTES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace newsgraph::store {

inline constexpr int kMaxQuoteLimit = 1000;
inline constexpr int kMaxQuoteOffset = 1000000;

struct QuoteFilter {
  // An actor id ("1003"), or a name: the quotes of every actor that has it as its
  // name or an alias (by ActorKey, or the name in any case); when no actor has it,
  // the quotes whose speaker name or speaker words contain it. "" = any speaker.
  std::string speaker;
  // Words that must all appear in the quote text (full-text index: whole words, any
  // case; "a phrase" and prefix* as in store/search.h). "" = any.
  std::string about;
  // ISO dates, inclusive; "" = no bound. Quotes of undated articles only match with no bound.
  std::string from;
  std::string to;
  // "direct", "partial", "indirect" or "" for all.
  std::string kind;
  std::string doc_id;  // one article's quotes; "" = any
  // "date" (newest article first; also "" and "-date") or "oldest".
  std::string sort = "date";
  int limit = 50;   // 1..kMaxQuoteLimit
  int offset = 0;   // 0..kMaxQuoteOffset
};

struct StoredQuote {
  int64_t id = 0;
  std::string doc_id;
  int64_t ordinal = 0;       // index in the article's quotes
  std::string title;         // the article's title
  std::string source;        // the article's publisher
  std::string date;          // ISO date or ""
  std::string kind;
  int64_t start = 0;         // code points into the article text
  int64_t end = 0;
  std::string text;
  std::optional<int64_t> cue_start, cue_end;  // the cue's span, when there is a cue
  std::string cue;           // "" when none
  std::string speaker_entity;  // the document's entity id, "" when none
  std::string speaker_name;  // "" when not found
  std::string speaker_text;  // the words naming the speaker at the cue, "" when none
  std::optional<int64_t> speaker_actor_id;
  std::string via_name;
  double confidence = 0;
  std::string reason;
};

// The matching key of a name: lower case, runs of non-letters and non-digits as one
// space, trimmed ("Dmitry  Peskov's" -> "dmitry peskov s").
std::string QuoteNameKey(const std::string& name);

// Quotes matching `filter`, in its sort order (ties: newest stored first).
// kInvalidArgument for a bad kind, date, sort, limit, offset or about.
StatusOr<std::vector<StoredQuote>> QueryQuotes(Store& store, const QuoteFilter& filter);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_QUOTES_H_
