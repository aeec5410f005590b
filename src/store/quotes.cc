#include "store/quotes.h"

#include <cctype>
#include <cstdlib>

#include "store/store_access.h"

namespace newsgraph::store {
namespace {

bool IsIsoDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  }
  return true;
}

Status Check(const QuoteFilter& f) {
  if (!f.kind.empty() && f.kind != "direct" && f.kind != "partial" && f.kind != "indirect") {
    return Status::InvalidArgument("unknown quote kind '" + f.kind + "' (expected direct, partial or indirect)");
  }
  if (!f.from.empty() && !IsIsoDate(f.from)) return Status::InvalidArgument("--from: expected YYYY-MM-DD, got '" + f.from + "'");
  if (!f.to.empty() && !IsIsoDate(f.to)) return Status::InvalidArgument("--to: expected YYYY-MM-DD, got '" + f.to + "'");
  if (f.limit < 1 || f.limit > kMaxQuoteLimit) {
    return Status::InvalidArgument("limit must be 1.." + std::to_string(kMaxQuoteLimit));
  }
  if (f.offset < 0 || f.offset > kMaxQuoteOffset) {
    return Status::InvalidArgument("offset must be 0.." + std::to_string(kMaxQuoteOffset));
  }
  return Status::Ok();
}

// LIKE pattern matching `s` anywhere, with LIKE's wildcards escaped by '\'.
std::string Contains(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

const char* const kSql =
    "SELECT q.id, q.doc_id, coalesce(d.title, ''), coalesce(q.date, ''), q.kind, q.start, q.end, q.text, "
    "coalesce(q.cue, ''), coalesce(q.speaker_name, ''), coalesce(q.speaker_text, ''), q.speaker_actor_id, "
    "coalesce(q.via_name, ''), q.confidence, coalesce(q.reason, '') "
    "FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id "
    "WHERE (?1 = '' OR q.speaker_actor_id IN (SELECT actor_id FROM actor_aliases WHERE key = ?2 "
    "                                         UNION SELECT id FROM actors WHERE key = ?2) "
    "       OR q.speaker_name LIKE ?1 ESCAPE '\\' OR q.speaker_text LIKE ?1 ESCAPE '\\') "
    "AND (?3 = '' OR q.text LIKE ?3 ESCAPE '\\') "
    "AND (?4 = '' OR q.date >= ?4) AND (?5 = '' OR q.date <= ?5) "
    "AND (?6 = '' OR q.kind = ?6) "
    "ORDER BY q.date DESC, q.doc_id, q.ordinal LIMIT ?7 OFFSET ?8";

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

StatusOr<std::vector<StoredQuote>> QueryQuotes(Store& store, const QuoteFilter& filter) {
  NG_RETURN_IF_ERROR(Check(filter));
  Db& db = StoreDb(store);
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(kSql));
  std::string speaker = filter.speaker.empty() ? std::string() : Contains(filter.speaker);
  std::string about = filter.about.empty() ? std::string() : Contains(filter.about);
  NG_RETURN_IF_ERROR(s->BindText(1, speaker));
  NG_RETURN_IF_ERROR(s->BindText(2, QuoteNameKey(filter.speaker)));
  NG_RETURN_IF_ERROR(s->BindText(3, about));
  NG_RETURN_IF_ERROR(s->BindText(4, filter.from));
  NG_RETURN_IF_ERROR(s->BindText(5, filter.to));
  NG_RETURN_IF_ERROR(s->BindText(6, filter.kind));
  NG_RETURN_IF_ERROR(s->BindInt(7, filter.limit));
  NG_RETURN_IF_ERROR(s->BindInt(8, filter.offset));
  std::vector<StoredQuote> out;
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    StoredQuote q;
    q.id = s->ColumnInt(0);
    q.doc_id = s->ColumnText(1);
    q.title = s->ColumnText(2);
    q.date = s->ColumnText(3);
    q.kind = s->ColumnText(4);
    q.start = s->ColumnInt(5);
    q.end = s->ColumnInt(6);
    q.text = s->ColumnText(7);
    q.cue = s->ColumnText(8);
    q.speaker_name = s->ColumnText(9);
    q.speaker_text = s->ColumnText(10);
    if (!s->ColumnIsNull(11)) q.speaker_actor_id = s->ColumnInt(11);
    q.via_name = s->ColumnText(12);
    q.confidence = std::strtod(std::string(s->ColumnText(13)).c_str(), nullptr);
    q.reason = s->ColumnText(14);
    out.push_back(std::move(q));
  }
  s->Reset();
  return out;
}

}  // namespace newsgraph::store
