#include "store/actors.h"

#include "store/query_builder.h"
#include "store/sqlite.h"
#include "store/store_access.h"

namespace newsgraph::store {
namespace {

const char* const kSummaryColumns =
    "a.id, a.name, a.type, a.country, a.sector, a.code, coalesce(a.first_seen, ''), coalesce(a.last_seen, ''), "
    "a.mention_count, a.document_count";

ActorSummary ReadSummary(const Statement& s) {
  ActorSummary a;
  a.id = s.ColumnInt(0);
  a.name = s.ColumnText(1);
  a.type = s.ColumnText(2);
  a.country = s.ColumnText(3);
  a.sector = s.ColumnText(4);
  a.code = s.ColumnText(5);
  a.first_seen = s.ColumnText(6);
  a.last_seen = s.ColumnText(7);
  a.mention_count = s.ColumnInt(8);
  a.document_count = s.ColumnInt(9);
  return a;
}

// Latin-1 letters U+00C0..U+00FF without their accents ("" = not a letter).
const char* const kLatin1Base[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for a stray byte).
size_t Decode(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return n;
}

}  // namespace

std::string ActorKey(std::string_view name) {
  std::string key;
  bool space = false;
  auto put = [&](std::string_view piece) {
    if (space && !key.empty()) key.push_back(' ');
    key += piece;
    space = false;
  };
  for (size_t i = 0; i < name.size();) {
    uint32_t cp = 0;
    size_t n = Decode(name, i, cp);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        put(std::string_view(&c, 1));
      } else {
        space = true;
      }
    } else if (cp >= 0xC0 && cp <= 0xFF && *kLatin1Base[cp - 0xC0] != '\0') {
      put(kLatin1Base[cp - 0xC0]);  // "Élysée" == "Elysee"
    } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xD7 || cp == 0xF7) {
      space = true;  // no-break space, dashes, curly quotes, other punctuation
    } else {
      put(name.substr(i, n));
    }
    i += n;
  }
  return key;
}

StatusOr<std::vector<ActorSummary>> ListActors(Store& store, const ActorFilter& filter) {
  if (filter.limit < 1 || filter.limit > kMaxActorLimit) {
    return Status::InvalidArgument("limit must be between 1 and " + std::to_string(kMaxActorLimit));
  }
  if (filter.offset < 0) return Status::InvalidArgument("offset must not be negative");
  std::string order = " ORDER BY a.document_count DESC, a.mention_count DESC, a.name, a.id";
  if (filter.sort == "-mentions") {
    order = " ORDER BY a.mention_count DESC, a.id";
  } else if (filter.sort == "name") {
    order = " ORDER BY a.name COLLATE NOCASE, a.id";
  } else if (!filter.sort.empty()) {
    return Status::InvalidArgument("sort must be -mentions or name (got '" + filter.sort + "')");
  }
  std::string name_key = ActorKey(filter.name);
  if (!filter.name.empty() && name_key.empty()) return std::vector<ActorSummary>{};
  Db& db = StoreDb(store);
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(std::string("SELECT ") + kSummaryColumns +
                                               " FROM actors a WHERE (?1 = '' OR a.country = ?1) "
                                               "AND (?2 = '' OR a.type = ?2) "
                                               "AND (?3 = '' OR a.key LIKE ?4 ESCAPE '\\' OR a.id IN "
                                               "  (SELECT actor_id FROM actor_aliases WHERE key LIKE ?4 ESCAPE '\\')) "
                                               + order + " LIMIT ?5 OFFSET ?6"));
  NG_RETURN_IF_ERROR(s->BindText(1, filter.country));
  NG_RETURN_IF_ERROR(s->BindText(2, filter.type));
  NG_RETURN_IF_ERROR(s->BindText(3, name_key));
  NG_RETURN_IF_ERROR(s->BindText(4, LikeContains(name_key)));
  NG_RETURN_IF_ERROR(s->BindInt(5, filter.limit));
  NG_RETURN_IF_ERROR(s->BindInt(6, filter.offset));
  std::vector<ActorSummary> out;
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadSummary(*s));
  }
  return out;
}

StatusOr<std::optional<ActorDetail>> GetActor(Store& store, int64_t id) {
  Db& db = StoreDb(store);
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(std::string("SELECT ") + kSummaryColumns + " FROM actors a WHERE a.id = ?1"));
  NG_RETURN_IF_ERROR(s->BindInt(1, id));
  NG_ASSIGN_OR_RETURN(bool found, s->Step());
  if (!found) return std::optional<ActorDetail>();
  ActorDetail detail;
  detail.actor = ReadSummary(*s);
  s->Reset();
  NG_ASSIGN_OR_RETURN(Statement * aliases,
                      db.Cached("SELECT alias, count FROM actor_aliases WHERE actor_id = ?1 ORDER BY count DESC, alias"));
  NG_RETURN_IF_ERROR(aliases->BindInt(1, id));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, aliases->Step());
    if (!row) break;
    detail.aliases.push_back({std::string(aliases->ColumnText(0)), aliases->ColumnInt(1)});
  }
  NG_ASSIGN_OR_RETURN(Statement * roles,
                      db.Cached("SELECT role, country, coalesce(first_seen, ''), coalesce(last_seen, ''), doc_id "
                                "FROM actor_roles WHERE actor_id = ?1 ORDER BY first_seen, role"));
  NG_RETURN_IF_ERROR(roles->BindInt(1, id));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, roles->Step());
    if (!row) break;
    detail.roles.push_back({std::string(roles->ColumnText(0)), std::string(roles->ColumnText(1)),
                            std::string(roles->ColumnText(2)), std::string(roles->ColumnText(3)),
                            std::string(roles->ColumnText(4))});
  }
  return std::optional<ActorDetail>(std::move(detail));
}

StatusOr<std::vector<int64_t>> ResolveActorName(Store& store, std::string_view name) {
  std::string key = ActorKey(name);
  std::vector<int64_t> out;
  if (key.empty()) return out;
  Db& db = StoreDb(store);
  NG_ASSIGN_OR_RETURN(Statement * s,
                      db.Cached("SELECT a.id FROM actors a WHERE a.key = ?1 OR a.id IN "
                                "(SELECT actor_id FROM actor_aliases WHERE key = ?1) "
                                "ORDER BY a.key = ?1 DESC, a.document_count DESC, a.id"));
  NG_RETURN_IF_ERROR(s->BindText(1, key));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(s->ColumnInt(0));
  }
  return out;
}

}  // namespace newsgraph::store
