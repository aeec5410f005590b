// Internal to ng_store: the per-layer parts of the store, one file each, so a
// layer's blob section, query tables and migration live together:
//   actors_table.cc  (entities -> actors knowledge base, migration 2)
//   quotes_table.cc  (quotes, migration 3)
//   events_table.cc  (event mentions and merged events, migration 4)
//   search_table.cc  (FTS5 full-text index, migration 5)
// store.cc calls the Write*Rows hooks inside AddDocuments' transaction, after the
// document row is inserted; layers_codec.cc calls the blob hooks.
#ifndef NEWSGRAPH_STORE_LAYER_HOOKS_H_
#define NEWSGRAPH_STORE_LAYER_HOOKS_H_

#include <string>

#include "base/status.h"
#include "document/document.h"
#include "store/sqlite.h"
#include "store/varint.h"

namespace newsgraph::store {

// What the row writers know about the document being added.
struct StoredDocument {
  const document::Document& doc;
  const std::string& doc_id;  // the id it is stored under (may differ from doc.id)
};

// Migration SQL, one step each (schema.cc lists them in order).
extern const char* const kActorsMigrationSql;
extern const char* const kQuotesMigrationSql;
extern const char* const kEventsMigrationSql;
extern const char* const kSearchMigrationSql;
extern const char* const kEventsByCountryRootSql;
extern const char* const kEventsByLongitudeSql;

Status WriteActorRows(Db& db, const StoredDocument& stored);
Status WriteQuoteRows(Db& db, const StoredDocument& stored);
Status WriteEventRows(Db& db, const StoredDocument& stored);
Status WriteSearchRows(Db& db, const StoredDocument& stored);

// Layers blob sections (format version 3 and later), after the entity layers.
Status ValidateQuoteLayer(const document::Document& doc);
void EncodeQuoteLayer(const document::Document& doc, VarWriter& w);
Status DecodeQuoteLayer(VarReader& r, document::Document& doc);
Status ValidateEventLayer(const document::Document& doc);
void EncodeEventLayer(const document::Document& doc, VarWriter& w);
Status DecodeEventLayer(VarReader& r, document::Document& doc);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_LAYER_HOOKS_H_
