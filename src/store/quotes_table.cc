#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(quotes): the real tables and blob section.
const char* const kQuotesMigrationSql = R"sql(
-- One row per quote. Offsets are Unicode code points into documents.text, as in the JSON output.
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,           -- index in Document::quotes
  kind TEXT NOT NULL,                 -- direct, partial, indirect
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  cue_start INTEGER,
  cue_end INTEGER,
  cue TEXT,
  speaker_entity TEXT,                -- Entity::id, NULL when not found
  speaker_actor_id INTEGER REFERENCES actors(id),
  speaker_name TEXT,
  via_entity TEXT,
  via_name TEXT,
  confidence REAL NOT NULL DEFAULT 0,
  reason TEXT,
  date TEXT,                          -- the article's date
  UNIQUE (doc_id, ordinal)
);
CREATE INDEX quotes_by_speaker ON quotes(speaker_actor_id);
CREATE INDEX quotes_by_date ON quotes(date);
)sql";

Status WriteQuoteRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

Status ValidateQuoteLayer(const document::Document& doc) { return Status::Ok(); }
void EncodeQuoteLayer(const document::Document& doc, VarWriter& w) { w.Uv(0); }
Status DecodeQuoteLayer(VarReader& r, document::Document& doc) {
  uint64_t count = 0;
  NG_RETURN_IF_ERROR(r.Uv(count));
  if (count != 0) return r.Error("quotes section not understood by this build");
  return Status::Ok();
}

}  // namespace newsgraph::store
