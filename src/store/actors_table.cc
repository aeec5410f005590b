#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(actors): the real tables.
const char* const kActorsMigrationSql = R"sql(
-- The actors knowledge base, accumulated across articles. Offsets: none here.
CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,                 -- canonical name
  type TEXT NOT NULL,                 -- PERSON, ORG, GPE, LOC, FAC, NORP ...
  country TEXT NOT NULL DEFAULT '',   -- ISO 3166 alpha-3
  sector TEXT NOT NULL DEFAULT '',    -- GOV, MIL, MED, BUS, NGO, IGO ...
  code TEXT NOT NULL DEFAULT '',      -- CAMEO-style actor code, e.g. RUSGOV
  key TEXT NOT NULL UNIQUE,           -- matching key of the canonical name (folded case, spelling and transliteration)
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

Status WriteActorRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

}  // namespace newsgraph::store
