#include "store/layer_hooks.h"

namespace newsgraph::store {

// documents_fts and quotes_fts are external-content tables over the base tables
// (the text is stored once; 'rebuild' regenerates them). actors_fts holds its own
// copy because an actor's searchable text joins the actor and its aliases.
// The extra indexes serve the query layer (src/store/search.cc, src/serve/): lookups
// by actor id and place that the layer migrations do not index.
const char* const kSearchMigrationSql = R"sql(
-- Full-text search (FTS5) over articles, quotes and actors.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content = 'documents', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content = 'quotes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE actors_fts USING fts5(name, aliases, tokenize = 'unicode61 remove_diacritics 2');
CREATE INDEX events_by_source_actor ON events(source_actor_id, date);
CREATE INDEX events_by_target_actor ON events(target_actor_id, date);
CREATE INDEX events_by_plover ON events(plover, date);
CREATE INDEX events_by_root_goldstein ON events(root, goldstein);
CREATE INDEX events_by_place ON events(place_country, date);
CREATE INDEX events_by_position ON events(lat, lon, date);
CREATE INDEX events_by_day ON events(date, quad, goldstein);
CREATE INDEX events_by_pair ON events(source_code, target_code, goldstein);
CREATE INDEX event_mentions_by_doc ON event_mentions(doc_id, ordinal);
CREATE INDEX quotes_by_speaker_date ON quotes(speaker_actor_id, date);
)sql";

namespace {

Status IndexDocument(Db& db, const std::string& doc_id) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text FROM documents WHERE id = ?1"));
  NG_RETURN_IF_ERROR(s->BindText(1, doc_id));
  return s->Step().status();
}

Status IndexQuotes(Db& db, const std::string& doc_id) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "INSERT INTO quotes_fts(rowid, text, speaker_name) "
      "SELECT id, text, coalesce(speaker_name, '') FROM quotes WHERE doc_id = ?1"));
  NG_RETURN_IF_ERROR(s->BindText(1, doc_id));
  return s->Step().status();
}

// Every actor the document touches (entities, speakers, event sides) gets its row
// replaced, so new aliases become searchable.
Status IndexActors(Db& db, const std::string& doc_id) {
  NG_ASSIGN_OR_RETURN(Statement * drop, db.Cached(
      "DELETE FROM actors_fts WHERE rowid IN (SELECT actor_id FROM document_entities WHERE doc_id = ?1 "
      "UNION SELECT speaker_actor_id FROM quotes WHERE doc_id = ?1)"));
  NG_RETURN_IF_ERROR(drop->BindText(1, doc_id));
  NG_RETURN_IF_ERROR(drop->Step().status());
  NG_ASSIGN_OR_RETURN(Statement * add, db.Cached(
      "INSERT INTO actors_fts(rowid, name, aliases) "
      "SELECT a.id, a.name, coalesce((SELECT group_concat(alias, ' | ') FROM actor_aliases WHERE actor_id = a.id), '') "
      "FROM actors a WHERE a.id IN (SELECT actor_id FROM document_entities WHERE doc_id = ?1 "
      "UNION SELECT speaker_actor_id FROM quotes WHERE doc_id = ?1)"));
  NG_RETURN_IF_ERROR(add->BindText(1, doc_id));
  return add->Step().status();
}

}  // namespace

Status WriteSearchRows(Db& db, const StoredDocument& stored) {
  NG_RETURN_IF_ERROR(IndexDocument(db, stored.doc_id));
  NG_RETURN_IF_ERROR(IndexQuotes(db, stored.doc_id));
  return IndexActors(db, stored.doc_id);
}

}  // namespace newsgraph::store
