#include "store/search.h"

#include <algorithm>
#include <cstdlib>

#include "store/sqlite.h"
#include "store/store_access.h"

namespace newsgraph::store {
namespace {

bool HasWordCharacter(std::string_view term) {
  for (unsigned char c : term) {
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// An FTS5 string: the text between double quotes, inner quotes doubled.
std::string FtsString(std::string_view term) {
  std::string out = "\"";
  for (char c : term) {
    if (c == '"') out += '"';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

Status CheckOptions(const SearchOptions& o) {
  if (!o.kind.empty() && o.kind != "document" && o.kind != "quote" && o.kind != "actor") {
    return Status::InvalidArgument("kind must be document, quote or actor");
  }
  if (!o.from.empty() && !IsIsoDate(o.from)) return Status::InvalidArgument("from must be a date YYYY-MM-DD");
  if (!o.to.empty() && !IsIsoDate(o.to)) return Status::InvalidArgument("to must be a date YYYY-MM-DD");
  if (o.limit < 1 || o.limit > kMaxSearchLimit) {
    return Status::InvalidArgument("limit must be between 1 and " + std::to_string(kMaxSearchLimit));
  }
  if (o.offset < 0 || o.offset > kMaxSearchOffset) {
    return Status::InvalidArgument("offset must be between 0 and " + std::to_string(kMaxSearchOffset));
  }
  return Status::Ok();
}

double ColumnDouble(const Statement& s, int i) {
  return std::strtod(std::string(s.ColumnText(i)).c_str(), nullptr);
}

// A hit before its snippet is made: the FTS rowid it came from.
struct Ranked {
  SearchHit hit;
  int64_t fts_rowid = 0;
};

// Runs one kind's ranking query: ?1 match, ?2 from, ?3 to, ?4 how many, ?5 speaker
// match. Snippets are made afterwards for the hits shown only (they cost more than
// ranking when a word matches thousands of rows).
Status Collect(Db& db, const std::string& sql, const std::string& kind, const std::string& match,
               const SearchOptions& o, const std::string& speaker_match, std::vector<Ranked>& hits) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(sql));
  NG_RETURN_IF_ERROR(s->BindText(1, match));
  NG_RETURN_IF_ERROR(s->BindText(2, o.from));
  NG_RETURN_IF_ERROR(s->BindText(3, o.to));
  NG_RETURN_IF_ERROR(s->BindInt(4, o.limit + o.offset));
  NG_RETURN_IF_ERROR(s->BindText(5, speaker_match));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    Ranked r;
    r.hit.kind = kind;
    r.hit.id = s->ColumnText(0);
    r.hit.doc_id = s->ColumnText(1);
    r.hit.title = s->ColumnText(2);
    r.hit.date = s->ColumnText(3);
    r.hit.score = ColumnDouble(*s, 4);
    r.fts_rowid = s->ColumnInt(5);
    hits.push_back(std::move(r));
  }
  s->Reset();
  return Status::Ok();
}

Status AddSnippet(Db& db, const std::string& match, Ranked& r) {
  const char* sql = r.hit.kind == "document"
                        ? "SELECT snippet(documents_fts, 1, char(2), char(3), '…', 24) FROM documents_fts "
                          "WHERE documents_fts MATCH ?1 AND rowid = ?2"
                    : r.hit.kind == "quote"
                        ? "SELECT snippet(quotes_fts, 0, char(2), char(3), '…', 24) FROM quotes_fts "
                          "WHERE quotes_fts MATCH ?1 AND rowid = ?2"
                        : "SELECT snippet(actors_fts, -1, char(2), char(3), '…', 12) FROM actors_fts "
                          "WHERE actors_fts MATCH ?1 AND rowid = ?2";
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(sql));
  NG_RETURN_IF_ERROR(s->BindText(1, match));
  NG_RETURN_IF_ERROR(s->BindInt(2, r.fts_rowid));
  NG_ASSIGN_OR_RETURN(bool row, s->Step());
  if (row) r.hit.snippet = s->ColumnText(0);
  s->Reset();
  return Status::Ok();
}

// Each kind ranks at most kRankWindow matches, the most recently stored ones: BM25
// costs time per matching row, and a common word matches tens of thousands.
#define NG_RANK_WINDOW "1000"
const char* const kDocumentSql =
    "SELECT d.id, d.id, d.title, coalesce(d.date, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT documents_fts.rowid AS rowid, bm25(documents_fts, 4.0, 1.0) AS score "
    " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
    " WHERE documents_fts MATCH ?1 AND (?2 = '' OR d.date >= ?2) AND (?3 = '' OR d.date <= ?3) AND ?5 = '' "
    " ORDER BY documents_fts.rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN documents d ON d.rowid = c.rowid ORDER BY c.score";
const char* const kQuoteSql =
    "SELECT q.id, q.doc_id, coalesce(q.speaker_name, ''), coalesce(q.date, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT quotes_fts.rowid AS rowid, bm25(quotes_fts, 1.0, 2.0) AS score "
    " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
    " WHERE quotes_fts MATCH (CASE WHEN ?5 = '' THEN ?1 ELSE '(' || ?1 || ') AND speaker_name : (' || ?5 || ')' END) "
    " AND (?2 = '' OR q.date >= ?2) AND (?3 = '' OR q.date <= ?3) "
    " ORDER BY quotes_fts.rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN quotes q ON q.id = c.rowid ORDER BY c.score";
// Without a date bound, the window needs no join.
const char* const kQuoteUndatedSql =
    "SELECT q.id, q.doc_id, coalesce(q.speaker_name, ''), coalesce(q.date, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT rowid, bm25(quotes_fts, 1.0, 2.0) AS score FROM quotes_fts "
    " WHERE quotes_fts MATCH (CASE WHEN ?5 = '' THEN ?1 ELSE '(' || ?1 || ') AND speaker_name : (' || ?5 || ')' END) "
    " AND ?2 = '' AND ?3 = '' ORDER BY rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN quotes q ON q.id = c.rowid ORDER BY c.score";
const char* const kActorSql =
    "SELECT a.id, '', a.name, coalesce(a.last_seen, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT rowid, bm25(actors_fts, 4.0, 1.0) AS score FROM actors_fts "
    " WHERE actors_fts MATCH ?1 AND ?2 = ?2 AND ?3 = ?3 AND ?5 = '' ORDER BY rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN actors a ON a.id = c.rowid ORDER BY c.score";
#undef NG_RANK_WINDOW

}  // namespace

StatusOr<std::string> ToFtsQuery(std::string_view query) {
  if (query.size() > kMaxSearchQueryBytes) {
    return Status::InvalidArgument("query is longer than " + std::to_string(kMaxSearchQueryBytes) + " bytes");
  }
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < query.size()) {
    if (IsSpace(query[i])) {
      ++i;
      continue;
    }
    std::string_view term;
    bool prefix = false;
    if (query[i] == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string_view::npos) close = query.size();
      term = query.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      size_t end = i;
      while (end < query.size() && !IsSpace(query[end])) ++end;
      term = query.substr(i, end - i);
      i = end;
      if (term.size() > 1 && term.back() == '*') {
        prefix = true;
        term.remove_suffix(1);
      }
    }
    if (!HasWordCharacter(term)) continue;
    if (terms.size() == kMaxSearchTerms) {
      return Status::InvalidArgument("query has more than " + std::to_string(kMaxSearchTerms) + " words");
    }
    terms.push_back(FtsString(term) + (prefix ? "*" : ""));
  }
  if (terms.empty()) return Status::InvalidArgument("query has no word to search for");
  std::string out;
  for (const std::string& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

StatusOr<std::vector<SearchHit>> Search(Store& store, std::string_view query, const SearchOptions& options) {
  NG_RETURN_IF_ERROR(CheckOptions(options));
  NG_ASSIGN_OR_RETURN(std::string match, ToFtsQuery(query));
  std::string speaker_match;
  if (!options.speaker.empty()) {
    StatusOr<std::string> s = ToFtsQuery(options.speaker);
    if (!s.ok()) return Status::InvalidArgument("speaker: " + s.status().message());
    speaker_match = *s;
  }
  Db& db = StoreDb(store);
  std::vector<Ranked> ranked;
  bool all = options.kind.empty();
  if (all || options.kind == "document") {
    NG_RETURN_IF_ERROR(Collect(db, kDocumentSql, "document", match, options, speaker_match, ranked));
  }
  if (all || options.kind == "quote") {
    const char* sql = options.from.empty() && options.to.empty() ? kQuoteUndatedSql : kQuoteSql;
    NG_RETURN_IF_ERROR(Collect(db, sql, "quote", match, options, speaker_match, ranked));
  }
  if (all || options.kind == "actor") {
    NG_RETURN_IF_ERROR(Collect(db, kActorSql, "actor", match, options, speaker_match, ranked));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.hit.score < b.hit.score; });
  size_t begin = std::min(ranked.size(), static_cast<size_t>(options.offset));
  size_t end = std::min(ranked.size(), begin + static_cast<size_t>(options.limit));
  std::vector<SearchHit> hits;
  for (size_t i = begin; i < end; ++i) {
    NG_RETURN_IF_ERROR(AddSnippet(db, match, ranked[i]));
    hits.push_back(std::move(ranked[i].hit));
  }
  return hits;
}

}  // namespace newsgraph::store
