#include "store/search.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

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
  if (!o.sort.empty() && o.sort != "date" && o.sort != "relevance") {
    return Status::InvalidArgument("sort must be date (newest first) or relevance (got '" + o.sort + "')");
  }
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

// Runs one kind's candidate query: ?1 match, ?2 from, ?3 to, ?4 how many, ?5 speaker
// match. Snippets are made afterwards for the hits shown only.
Status Collect(Db& db, const char* sql, const std::string& kind, const std::string& match, const SearchOptions& o,
               const std::string& speaker_match, bool ranked, std::vector<Ranked>& hits) {
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
    if (ranked) r.hit.score = ColumnDouble(*s, 4);
    r.fts_rowid = s->ColumnInt(5);
    hits.push_back(std::move(r));
  }
  s->Reset();
  return Status::Ok();
}

// The snippets of one kind's shown hits in one pass over the matches between the
// lowest and highest of their rowids. (A "MATCH ? AND rowid = ?" query per hit
// costs 0.1-0.4 ms each on a common word: FTS5 walks the term's doclist to the
// rowid every time; newest first, FTS5 seeks the upper bound.) ?1 match, ?2
// lowest rowid, ?3 highest, ?4 ",id,id,...,".
Status AddSnippets(Db& db, const char* kind, const std::string& match, std::vector<Ranked*>& shown) {
  std::vector<Ranked*> mine;
  for (Ranked* r : shown) {
    if (r->hit.kind == kind) mine.push_back(r);
  }
  if (mine.empty()) return Status::Ok();
  std::string kind_name = kind;
  const char* sql = kind_name == "document"
                        ? "SELECT rowid, snippet(documents_fts, 1, char(2), char(3), '…', 24) FROM documents_fts "
                          "WHERE documents_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND instr(?4, ',' || rowid || ',') > 0 ORDER BY rowid DESC"
                    : kind_name == "quote"
                        ? "SELECT rowid, snippet(quotes_fts, 0, char(2), char(3), '…', 24) FROM quotes_fts "
                          "WHERE quotes_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND instr(?4, ',' || rowid || ',') > 0 ORDER BY rowid DESC"
                        : "SELECT rowid, snippet(actors_fts, -1, char(2), char(3), '…', 12) FROM actors_fts "
                          "WHERE actors_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND instr(?4, ',' || rowid || ',') > 0 ORDER BY rowid DESC";
  int64_t lo = mine[0]->fts_rowid, hi = lo;
  std::string ids = ",";
  std::unordered_map<int64_t, Ranked*> by_rowid;
  for (Ranked* r : mine) {
    lo = std::min(lo, r->fts_rowid);
    hi = std::max(hi, r->fts_rowid);
    ids += std::to_string(r->fts_rowid) + ",";
    by_rowid[r->fts_rowid] = r;
  }
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(sql));
  NG_RETURN_IF_ERROR(s->BindText(1, match));
  NG_RETURN_IF_ERROR(s->BindInt(2, lo));
  NG_RETURN_IF_ERROR(s->BindInt(3, hi));
  NG_RETURN_IF_ERROR(s->BindText(4, ids));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    auto it = by_rowid.find(s->ColumnInt(0));
    if (it != by_rowid.end()) it->second->hit.snippet = s->ColumnText(1);
  }
  s->Reset();
  return Status::Ok();
}

// Newest first: each kind's most recently stored matches (FTS rowid order, which
// an FTS5 query walks without reading the other matches), stopping at ?4.
const char* const kDocumentNewestSql =
    "SELECT d.id, d.id, d.title, coalesce(d.date, ''), 0, documents_fts.rowid "
    "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
    "WHERE documents_fts MATCH ?1 AND (?2 = '' OR d.date >= ?2) AND (?3 = '' OR d.date <= ?3) AND ?5 = '' "
    "ORDER BY documents_fts.rowid DESC LIMIT ?4";
const char* const kQuoteNewestSql =
    "SELECT q.id, q.doc_id, coalesce(q.speaker_name, ''), coalesce(q.date, ''), 0, quotes_fts.rowid "
    "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
    "WHERE quotes_fts MATCH (CASE WHEN ?5 = '' THEN ?1 ELSE '(' || ?1 || ') AND speaker_name : (' || ?5 || ')' END) "
    "AND (?2 = '' OR q.date >= ?2) AND (?3 = '' OR q.date <= ?3) ORDER BY quotes_fts.rowid DESC LIMIT ?4";
const char* const kActorNewestSql =
    "SELECT a.id, '', a.name, coalesce(a.last_seen, ''), 0, actors_fts.rowid "
    "FROM actors_fts JOIN actors a ON a.id = actors_fts.rowid "
    "WHERE actors_fts MATCH ?1 AND ?2 = ?2 AND ?3 = ?3 AND ?5 = '' ORDER BY actors_fts.rowid DESC LIMIT ?4";

// sort "relevance": each kind ranks (BM25) at most its 1,000 most recently stored
// matches. BM25 first counts every match of each phrase (its IDF), so this costs
// time in proportion to how common the words are.
#define NG_RANK_WINDOW "1000"
const char* const kDocumentRankedSql =
    "SELECT d.id, d.id, d.title, coalesce(d.date, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT documents_fts.rowid AS rowid, bm25(documents_fts, 4.0, 1.0) AS score "
    " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
    " WHERE documents_fts MATCH ?1 AND (?2 = '' OR d.date >= ?2) AND (?3 = '' OR d.date <= ?3) AND ?5 = '' "
    " ORDER BY documents_fts.rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN documents d ON d.rowid = c.rowid ORDER BY c.score";
const char* const kQuoteRankedSql =
    "SELECT q.id, q.doc_id, coalesce(q.speaker_name, ''), coalesce(q.date, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT quotes_fts.rowid AS rowid, bm25(quotes_fts, 1.0, 2.0) AS score "
    " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
    " WHERE quotes_fts MATCH (CASE WHEN ?5 = '' THEN ?1 ELSE '(' || ?1 || ') AND speaker_name : (' || ?5 || ')' END) "
    " AND (?2 = '' OR q.date >= ?2) AND (?3 = '' OR q.date <= ?3) "
    " ORDER BY quotes_fts.rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN quotes q ON q.id = c.rowid ORDER BY c.score";
const char* const kActorRankedSql =
    "SELECT a.id, '', a.name, coalesce(a.last_seen, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT rowid, bm25(actors_fts, 4.0, 1.0) AS score FROM actors_fts "
    " WHERE actors_fts MATCH ?1 AND ?2 = ?2 AND ?3 = ?3 AND ?5 = '' ORDER BY rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN actors a ON a.id = c.rowid ORDER BY c.score";
// Without a date bound, the window needs no join.
const char* const kQuoteRankedUndatedSql =
    "SELECT q.id, q.doc_id, coalesce(q.speaker_name, ''), coalesce(q.date, ''), c.score, c.rowid FROM (SELECT rowid, score FROM "
    "(SELECT rowid, bm25(quotes_fts, 1.0, 2.0) AS score FROM quotes_fts "
    " WHERE quotes_fts MATCH (CASE WHEN ?5 = '' THEN ?1 ELSE '(' || ?1 || ') AND speaker_name : (' || ?5 || ')' END) "
    " AND ?2 = '' AND ?3 = '' ORDER BY rowid DESC LIMIT " NG_RANK_WINDOW ") ORDER BY score LIMIT ?4) c "
    "JOIN quotes q ON q.id = c.rowid ORDER BY c.score";
#undef NG_RANK_WINDOW

// Newest first across kinds: by date, then quotes before documents before actors
// (the most specific evidence first), then the most recently stored.
int KindOrder(const std::string& kind) { return kind == "quote" ? 0 : kind == "document" ? 1 : 2; }
bool NewerFirst(const Ranked& a, const Ranked& b) {
  if (a.hit.date != b.hit.date) return a.hit.date > b.hit.date;
  if (a.hit.kind != b.hit.kind) return KindOrder(a.hit.kind) < KindOrder(b.hit.kind);
  return a.fts_rowid > b.fts_rowid;
}

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
  std::vector<Ranked> found;
  bool all = options.kind.empty();
  bool ranked = options.sort == "relevance";
  if (all || options.kind == "document") {
    NG_RETURN_IF_ERROR(Collect(db, ranked ? kDocumentRankedSql : kDocumentNewestSql, "document", match, options,
                               speaker_match, ranked, found));
  }
  if (all || options.kind == "quote") {
    bool undated = options.from.empty() && options.to.empty();
    const char* sql = !ranked ? kQuoteNewestSql : undated ? kQuoteRankedUndatedSql : kQuoteRankedSql;
    NG_RETURN_IF_ERROR(Collect(db, sql, "quote", match, options, speaker_match, ranked, found));
  }
  if (all || options.kind == "actor") {
    NG_RETURN_IF_ERROR(Collect(db, ranked ? kActorRankedSql : kActorNewestSql, "actor", match, options, speaker_match,
                               ranked, found));
  }
  if (ranked) {
    std::stable_sort(found.begin(), found.end(),
                     [](const Ranked& a, const Ranked& b) { return a.hit.score < b.hit.score; });
  } else {
    std::sort(found.begin(), found.end(), NewerFirst);
  }
  size_t begin = std::min(found.size(), static_cast<size_t>(options.offset));
  size_t end = std::min(found.size(), begin + static_cast<size_t>(options.limit));
  std::vector<Ranked*> shown;
  for (size_t i = begin; i < end; ++i) shown.push_back(&found[i]);
  for (const char* kind : {"document", "quote", "actor"}) NG_RETURN_IF_ERROR(AddSnippets(db, kind, match, shown));
  std::vector<SearchHit> hits;
  for (Ranked* r : shown) hits.push_back(std::move(r->hit));
  return hits;
}

}  // namespace newsgraph::store
