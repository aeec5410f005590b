#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(search): the real tables.
const char* const kSearchMigrationSql = R"sql(
-- Full-text search (FTS5) over articles, quotes and actors; rowids follow the base tables.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, doc_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, quote_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE actors_fts USING fts5(name, aliases, actor_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
)sql";

Status WriteSearchRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

}  // namespace newsgraph::store
