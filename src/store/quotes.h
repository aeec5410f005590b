// Quotes stored by AddDocuments (table `quotes`, docs/formats/quotes.md): who said
// what, when, in which article. Used by `newsgraph quotes` and the web server.
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
  // A name: matches the quotes of every actor that has it as its name or an alias
  // (compared by QuoteNameKey), and quotes whose speaker_name contains it (for
  // speakers no actor holds yet). "" = any speaker.
  std::string speaker;
  // A word (or words) that must appear in the quote text, case-insensitive. "" = any.
  std::string about;
  // ISO dates, inclusive; "" = no bound. Quotes of undated articles only match with no bound.
  std::string from;
  std::string to;
  // "direct", "partial", "indirect" or "" for all.
  std::string kind;
  int limit = 50;   // 1..kMaxQuoteLimit
  int offset = 0;   // 0..kMaxQuoteOffset
};

struct StoredQuote {
  int64_t id = 0;
  std::string doc_id;
  std::string title;         // the article's title
  std::string date;          // ISO date or ""
  std::string kind;
  int64_t start = 0;         // code points into the article text
  int64_t end = 0;
  std::string text;
  std::string cue;           // "" when none
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

// Quotes matching `filter`, newest article first, then in text order.
// kInvalidArgument for a bad kind, date, limit or offset.
StatusOr<std::vector<StoredQuote>> QueryQuotes(Store& store, const QuoteFilter& filter);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_QUOTES_H_
