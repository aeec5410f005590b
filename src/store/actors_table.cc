#include <algorithm>
#include <map>

#include "base/strings.h"
#include "store/actors.h"
#include "store/layer_hooks.h"

namespace newsgraph::store {

const char* const kActorsMigrationSql = R"sql(
-- The actors knowledge base, accumulated across articles. Offsets: none here.
CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,                 -- canonical name
  type TEXT NOT NULL,                 -- PERSON, ORG, GPE, LOC, FAC, NORP ...
  country TEXT NOT NULL DEFAULT '',   -- ISO 3166 alpha-3
  sector TEXT NOT NULL DEFAULT '',    -- GOV, MIL, MED, BUS, NGO, IGO ...
  code TEXT NOT NULL DEFAULT '',      -- CAMEO-style actor code, e.g. RUSGOV
  key TEXT NOT NULL UNIQUE,           -- ActorKey of the canonical name (case, hyphens, punctuation folded)
  first_seen TEXT,                    -- ISO date of the earliest article
  last_seen TEXT,
  mention_count INTEGER NOT NULL DEFAULT 0,
  document_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_by_country ON actors(country);
CREATE INDEX actors_by_code ON actors(code);
CREATE TABLE actor_aliases (
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  key TEXT NOT NULL,                  -- matching key of the alias
  alias TEXT NOT NULL,                -- as first written
  count INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_by_key ON actor_aliases(key);
CREATE TABLE actor_roles (
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  role TEXT NOT NULL,                 -- "defence minister"
  country TEXT NOT NULL DEFAULT '',
  first_seen TEXT,                    -- ISO dates of the articles that state it
  last_seen TEXT,
  doc_id TEXT NOT NULL,               -- the first article that states it
  PRIMARY KEY (actor_id, role, country)
) WITHOUT ROWID;
-- Which actor each entity of a document is.
CREATE TABLE document_entities (
  doc_id TEXT NOT NULL REFERENCES documents(id),
  entity TEXT NOT NULL,               -- Entity::id within the document ("e3")
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  PRIMARY KEY (doc_id, entity)
) WITHOUT ROWID;
CREATE INDEX document_entities_by_actor ON document_entities(actor_id);
)sql";

namespace {

using document::Document;
using document::Entity;

// Which entities become actors: people, organizations, places that act
// (countries, cities standing for governments) and nationalities (as their country).
bool ActorType(const std::string& type) {
  return type == "PERSON" || type == "ORG" || type == "GPE" || type == "NORP";
}

int Words(const std::string& key) { return key.empty() ? 0 : 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')); }

StatusOr<std::optional<int64_t>> FirstId(Statement* s) {
  NG_ASSIGN_OR_RETURN(bool row, s->Step());
  std::optional<int64_t> id;
  if (row) id = s->ColumnInt(0);
  s->Reset();
  return id;
}

// The stored actor an entity is, or nullopt (then a new one may be created).
StatusOr<std::optional<int64_t>> FindActor(Db& db, const Entity& e, const std::string& key) {
  if (e.type == "NORP") {
    // "North Korean" is North Korea: the country's actor, when one is stored.
    if (e.country.empty()) return std::optional<int64_t>();
    NG_ASSIGN_OR_RETURN(Statement * s, db.Cached("SELECT id FROM actors WHERE type = 'GPE' AND code = ?1 "
                                                 "ORDER BY document_count DESC, id LIMIT 1"));
    NG_RETURN_IF_ERROR(s->BindText(1, e.country));
    return FirstId(s);
  }
  NG_ASSIGN_OR_RETURN(Statement * by_key, db.Cached("SELECT id FROM actors WHERE key = ?1"));
  NG_RETURN_IF_ERROR(by_key->BindText(1, key));
  NG_ASSIGN_OR_RETURN(std::optional<int64_t> id, FirstId(by_key));
  if (id) return id;
  NG_ASSIGN_OR_RETURN(Statement * by_alias,
                      db.Cached("SELECT a.id FROM actor_aliases l JOIN actors a ON a.id = l.actor_id "
                                "WHERE l.key = ?1 AND a.type = ?2 ORDER BY a.document_count DESC, a.id LIMIT 1"));
  NG_RETURN_IF_ERROR(by_alias->BindText(1, key));
  NG_RETURN_IF_ERROR(by_alias->BindText(2, e.type));
  return FirstId(by_alias);
}

Status BindDate(Statement* s, int i, const std::optional<std::string>& date) {
  return date ? s->BindText(i, *date) : s->BindNull(i);
}

StatusOr<int64_t> InsertActor(Db& db, const Entity& e, const std::string& key) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached("INSERT INTO actors(name, type, country, sector, code, key) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  NG_RETURN_IF_ERROR(s->BindText(1, e.name));
  NG_RETURN_IF_ERROR(s->BindText(2, e.type));
  NG_RETURN_IF_ERROR(s->BindText(3, e.country));
  NG_RETURN_IF_ERROR(s->BindText(4, e.sector));
  NG_RETURN_IF_ERROR(s->BindText(5, e.actor));
  NG_RETURN_IF_ERROR(s->BindText(6, key));
  NG_RETURN_IF_ERROR(s->Step().status());
  return db.QueryInt("SELECT last_insert_rowid()");
}

// Counts, dates, and what the actor did not know yet (country, sector, code).
Status UpdateActor(Db& db, int64_t id, const Entity& e, const std::optional<std::string>& date) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "UPDATE actors SET mention_count = mention_count + ?2, document_count = document_count + 1, "
      "first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen) THEN ?3 ELSE first_seen END, "
      "last_seen = CASE WHEN ?3 IS NOT NULL AND (last_seen IS NULL OR ?3 > last_seen) THEN ?3 ELSE last_seen END, "
      "country = CASE WHEN country = '' THEN ?4 ELSE country END, "
      "sector = CASE WHEN sector = '' THEN ?5 ELSE sector END, "
      "code = CASE WHEN code = '' OR (length(code) = 3 AND length(?6) > 3 AND substr(?6, 1, 3) = code) THEN ?6 "
      "            ELSE code END "
      "WHERE id = ?1"));
  NG_RETURN_IF_ERROR(s->BindInt(1, id));
  NG_RETURN_IF_ERROR(s->BindInt(2, static_cast<int64_t>(e.mentions.size())));
  NG_RETURN_IF_ERROR(BindDate(s, 3, date));
  NG_RETURN_IF_ERROR(s->BindText(4, e.country));
  NG_RETURN_IF_ERROR(s->BindText(5, e.sector));
  NG_RETURN_IF_ERROR(s->BindText(6, e.actor));
  return s->Step().status();
}

// Every spelling the article names the entity by (name mentions), with counts.
Status AddAliases(Db& db, int64_t id, const Document& doc, const Entity& e) {
  std::map<std::string, std::pair<std::string, int64_t>> spellings;
  spellings[ActorKey(e.name)] = {e.name, 0};
  for (uint32_t m : e.mentions) {
    const document::Mention& mention = doc.mentions[m];
    if (mention.kind != "name") continue;
    std::string text = base::CollapseWhitespace(doc.SpanText(mention.span));
    auto& slot = spellings[ActorKey(text)];
    if (slot.first.empty()) slot.first = text;
    ++slot.second;
  }
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached("INSERT INTO actor_aliases(actor_id, key, alias, count) "
                                               "VALUES (?1, ?2, ?3, ?4) "
                                               "ON CONFLICT(actor_id, key) DO UPDATE SET count = count + ?4"));
  for (const auto& [key, spelling] : spellings) {
    if (key.empty()) continue;
    NG_RETURN_IF_ERROR(s->BindInt(1, id));
    NG_RETURN_IF_ERROR(s->BindText(2, key));
    NG_RETURN_IF_ERROR(s->BindText(3, spelling.first));
    NG_RETURN_IF_ERROR(s->BindInt(4, spelling.second));
    NG_RETURN_IF_ERROR(s->Step().status());
  }
  return Status::Ok();
}

Status AddRoles(Db& db, int64_t id, const Entity& e, const std::optional<std::string>& date,
                const std::string& doc_id) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "INSERT INTO actor_roles(actor_id, role, country, first_seen, last_seen, doc_id) "
      "VALUES (?1, ?2, ?3, ?4, ?4, ?5) ON CONFLICT(actor_id, role, country) DO UPDATE SET "
      "first_seen = CASE WHEN ?4 IS NOT NULL AND (first_seen IS NULL OR ?4 < first_seen) THEN ?4 ELSE first_seen END, "
      "last_seen = CASE WHEN ?4 IS NOT NULL AND (last_seen IS NULL OR ?4 > last_seen) THEN ?4 ELSE last_seen END"));
  for (const std::string& role : e.roles) {
    if (role.empty()) continue;
    NG_RETURN_IF_ERROR(s->BindInt(1, id));
    NG_RETURN_IF_ERROR(s->BindText(2, role));
    NG_RETURN_IF_ERROR(s->BindText(3, e.country));
    NG_RETURN_IF_ERROR(BindDate(s, 4, date));
    NG_RETURN_IF_ERROR(s->BindText(5, doc_id));
    NG_RETURN_IF_ERROR(s->Step().status());
  }
  return Status::Ok();
}

bool HasName(const Document& doc, const Entity& e) {
  for (uint32_t m : e.mentions) {
    if (m < doc.mentions.size() && doc.mentions[m].kind == "name") return true;
  }
  return false;
}

}  // namespace

Status WriteActorRows(Db& db, const StoredDocument& stored) {
  const Document& doc = stored.doc;
  std::optional<std::string> date;
  if (doc.date) date = doc.date->ToIso();
  NG_ASSIGN_OR_RETURN(Statement * link, db.Cached("INSERT OR IGNORE INTO document_entities(doc_id, entity, actor_id) "
                                                  "VALUES (?1, ?2, ?3)"));
  for (const Entity& e : doc.entities) {
    if (!ActorType(e.type) || !HasName(doc, e)) continue;
    std::string key = ActorKey(e.name);
    if (key.empty()) continue;
    NG_ASSIGN_OR_RETURN(std::optional<int64_t> id, FindActor(db, e, key));
    if (!id) {
      // A surname alone ("Putin") or a nationality never starts an actor of its own.
      if ((e.type == "PERSON" && Words(key) < 2) || e.type == "NORP") continue;
      NG_ASSIGN_OR_RETURN(int64_t created, InsertActor(db, e, key));
      id = created;
    }
    NG_RETURN_IF_ERROR(UpdateActor(db, *id, e, date));
    if (e.type != "NORP") NG_RETURN_IF_ERROR(AddAliases(db, *id, doc, e));
    NG_RETURN_IF_ERROR(AddRoles(db, *id, e, date, stored.doc_id));
    NG_RETURN_IF_ERROR(link->BindText(1, stored.doc_id));
    NG_RETURN_IF_ERROR(link->BindText(2, e.id));
    NG_RETURN_IF_ERROR(link->BindInt(3, *id));
    NG_RETURN_IF_ERROR(link->Step().status());
  }
  return Status::Ok();
}

}  // namespace newsgraph::store
