#include "store/quotes.h"

#include <algorithm>
#include <cctype>

#include "store/query_builder.h"
#include "store/search.h"

namespace newsgraph::store {
namespace {

Status Check(const QuoteFilter& f) {
  if (!f.kind.empty() && f.kind != "direct" && f.kind != "partial" && f.kind != "indirect") {
    return Status::InvalidArgument("kind must be direct, partial or indirect (got '" + f.kind + "')");
  }
  if (!f.from.empty() && !IsIsoDate(f.from)) return Status::InvalidArgument("from must be a date YYYY-MM-DD, got '" + f.from + "'");
  if (!f.to.empty() && !IsIsoDate(f.to)) return Status::InvalidArgument("to must be a date YYYY-MM-DD, got '" + f.to + "'");
  if (f.limit < 1 || f.limit > kMaxQuoteLimit) {
    return Status::InvalidArgument("limit must be 1.." + std::to_string(kMaxQuoteLimit));
  }
  if (f.offset < 0 || f.offset > kMaxQuoteOffset) {
    return Status::InvalidArgument("offset must be 0.." + std::to_string(kMaxQuoteOffset));
  }
  return Status::Ok();
}

StatusOr<std::string> QuoteOrder(const std::string& sort) {
  if (sort.empty() || sort == "date" || sort == "-date") return std::string(" ORDER BY q.date DESC, q.id DESC");
  if (sort == "oldest") return std::string(" ORDER BY q.date ASC, q.id ASC");
  return Status::InvalidArgument("sort must be date (newest first) or oldest (got '" + sort + "')");
}

// A speaker named by any alias finds all of that actor's quotes (the
// (speaker_actor_id, date) index); a name no actor holds matches the quotes' own
// speaker names and words.
Status WhereSpeaker(Store& store, SqlQuery& q, const std::string& v) {
  if (!v.empty() && v.size() < 18 && v.find_first_not_of("0123456789") == std::string::npos) {
    q.Where("q.speaker_actor_id = ?", {static_cast<int64_t>(std::stoll(v))});
    return Status::Ok();
  }
  NG_ASSIGN_OR_RETURN(std::vector<int64_t> ids, ActorIdsNamed(store, v));
  if (ids.empty()) {
    q.Where("q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\'",
            {LikeContains(v), LikeContains(v)});
  } else {
    WhereIdIn(q, "q.speaker_actor_id", ids);
  }
  return Status::Ok();
}

const char* const kQuoteColumns =
    "q.id, q.doc_id, q.ordinal, coalesce(d.title, ''), coalesce(d.source, ''), coalesce(q.date, ''), q.kind, "
    "q.start, q.end, q.text, q.cue_start, q.cue_end, coalesce(q.cue, ''), coalesce(q.speaker_entity, ''), "
    "coalesce(q.speaker_name, ''), coalesce(q.speaker_text, ''), q.speaker_actor_id, coalesce(q.via_name, ''), "
    "q.confidence, coalesce(q.reason, '')";

StoredQuote ReadQuote(const Statement& s) {
  StoredQuote r;
  int i = 0;
  r.id = s.ColumnInt(i++);
  r.doc_id = s.ColumnText(i++);
  r.ordinal = s.ColumnInt(i++);
  r.title = s.ColumnText(i++);
  r.source = s.ColumnText(i++);
  r.date = s.ColumnText(i++);
  r.kind = s.ColumnText(i++);
  r.start = s.ColumnInt(i++);
  r.end = s.ColumnInt(i++);
  r.text = s.ColumnText(i++);
  r.cue_start = ColumnOptionalInt(s, i++);
  r.cue_end = ColumnOptionalInt(s, i++);
  r.cue = s.ColumnText(i++);
  r.speaker_entity = s.ColumnText(i++);
  r.speaker_name = s.ColumnText(i++);
  r.speaker_text = s.ColumnText(i++);
  r.speaker_actor_id = ColumnOptionalInt(s, i++);
  r.via_name = s.ColumnText(i++);
  r.confidence = ColumnDouble(s, i++).value_or(0);
  r.reason = s.ColumnText(i++);
  return r;
}

// The ids of the quotes whose text matches the FTS expression, ascending.
StatusOr<std::vector<int64_t>> QuoteIdsMatching(Store& store, const std::string& match) {
  SqlQuery q;
  q.Bind("text : (" + match + ")");
  std::vector<int64_t> ids;
  NG_RETURN_IF_ERROR(q.Run(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid",
                           [&](const Statement& s) { ids.push_back(s.ColumnInt(0)); }));
  return ids;
}

// A page of quotes with words `match`: the matching ids once (in id order, as FTS5
// keeps them), then the quotes walked in page order by the other filters' index,
// each looked up among those ids, until the page is full. SQLite's own "q.id IN
// (subquery)" built a b-tree of every match first: a word in 10% of 50,000 quotes
// cost 4x as much as the same page without it.
StatusOr<std::vector<StoredQuote>> QuotesAbout(Store& store, const QuoteFilter& f, const SqlQuery& others,
                                               const std::string& order, const std::string& match) {
  NG_ASSIGN_OR_RETURN(std::vector<int64_t> ids, QuoteIdsMatching(store, match));
  std::vector<int64_t> page;
  int64_t skip = f.offset;
  if (!ids.empty()) {
    NG_RETURN_IF_ERROR(others.RunWhile(store, "SELECT q.id FROM quotes q" + others.WhereSql() + order,
                                       [&](const Statement& s) {
                                         if (!std::binary_search(ids.begin(), ids.end(), s.ColumnInt(0))) return true;
                                         if (skip > 0) {
                                           --skip;
                                           return true;
                                         }
                                         page.push_back(s.ColumnInt(0));
                                         return page.size() < static_cast<size_t>(f.limit);
                                       }));
  }
  std::vector<StoredQuote> out;
  out.reserve(page.size());
  for (int64_t id : page) {
    SqlQuery one;
    one.Where("q.id = ?", {id});
    NG_RETURN_IF_ERROR(one.Run(store,
                               std::string("SELECT ") + kQuoteColumns +
                                   " FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id" + one.WhereSql(),
                               [&](const Statement& s) { out.push_back(ReadQuote(s)); }));
  }
  return out;
}

}  // namespace

std::string QuoteNameKey(const std::string& name) {
  std::string key;
  bool space = false;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !key.empty()) key.push_back(' ');
      key.push_back(static_cast<char>(std::tolower(c)));
      space = false;
    } else {
      space = true;
    }
  }
  return key;
}

StatusOr<std::vector<StoredQuote>> QueryQuotes(Store& store, const QuoteFilter& f) {
  NG_RETURN_IF_ERROR(Check(f));
  NG_ASSIGN_OR_RETURN(std::string order, QuoteOrder(f.sort));
  SqlQuery q;
  if (!f.speaker.empty()) NG_RETURN_IF_ERROR(WhereSpeaker(store, q, f.speaker));
  if (!f.kind.empty()) q.Where("q.kind = ?", {f.kind});
  if (!f.from.empty()) q.Where("q.date >= ?", {f.from});
  if (!f.to.empty()) q.Where("q.date <= ?", {f.to});
  if (!f.doc_id.empty()) q.Where("q.doc_id = ?", {f.doc_id});
  if (!f.about.empty()) {
    StatusOr<std::string> match = ToFtsQuery(f.about);
    if (!match.ok()) return Status::InvalidArgument("about: " + match.status().message());
    return QuotesAbout(store, f, q, order, *match);
  }
  q.Bind(static_cast<int64_t>(f.limit));
  q.Bind(static_cast<int64_t>(f.offset));
  std::vector<StoredQuote> out;
  out.reserve(static_cast<size_t>(f.limit));
  NG_RETURN_IF_ERROR(q.Run(store,
                           std::string("SELECT ") + kQuoteColumns +
                               " FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id" + q.WhereSql() + order +
                               " LIMIT ? OFFSET ?",
                           [&](const Statement& s) { out.push_back(ReadQuote(s)); }));
  return out;
}

}  // namespace newsgraph::store
