#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(events): the real tables and blob section.
const char* const kEventsMigrationSql = R"sql(
-- Merged events: one row per happening, however many articles report it.
CREATE TABLE events (
  id TEXT PRIMARY KEY,                -- stable hash of (source, target, cameo, place, date window)
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT NOT NULL DEFAULT '',
  source_actor_id INTEGER REFERENCES actors(id),
  source_code TEXT NOT NULL DEFAULT '',
  source_country TEXT NOT NULL DEFAULT '',
  target_actor_id INTEGER REFERENCES actors(id),
  target_code TEXT NOT NULL DEFAULT '',
  target_country TEXT NOT NULL DEFAULT '',
  date TEXT,                          -- ISO date of the earliest mention
  place_name TEXT,
  place_country TEXT,
  lat REAL,
  lon REAL,
  mention_count INTEGER NOT NULL DEFAULT 0,
  document_count INTEGER NOT NULL DEFAULT 0,
  source_count INTEGER NOT NULL DEFAULT 0   -- distinct publishers
);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_by_source ON events(source_country, date);
CREATE INDEX events_by_target ON events(target_country, date);
CREATE INDEX events_by_root ON events(root, date);
-- One row per coded (or uncoded-for-review) sentence. Offsets are code points into documents.text.
CREATE TABLE event_mentions (
  id TEXT PRIMARY KEY,                -- "<doc_id>#<ordinal>"
  doc_id TEXT NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,           -- index in Document::events
  event_id TEXT REFERENCES events(id),  -- NULL for uncoded mentions
  cameo TEXT NOT NULL DEFAULT '',
  root TEXT NOT NULL DEFAULT '',
  quad INTEGER NOT NULL DEFAULT 0,
  goldstein REAL NOT NULL DEFAULT 0,
  plover TEXT NOT NULL DEFAULT '',
  plover_mode TEXT NOT NULL DEFAULT '',
  plover_context TEXT NOT NULL DEFAULT '',
  source_actor_id INTEGER REFERENCES actors(id),
  source_code TEXT NOT NULL DEFAULT '',
  source_country TEXT NOT NULL DEFAULT '',
  source_text TEXT NOT NULL DEFAULT '',
  target_actor_id INTEGER REFERENCES actors(id),
  target_code TEXT NOT NULL DEFAULT '',
  target_country TEXT NOT NULL DEFAULT '',
  target_text TEXT NOT NULL DEFAULT '',
  date TEXT,
  date_from TEXT NOT NULL DEFAULT '',
  place_name TEXT,
  place_country TEXT,
  place_admin1 TEXT,
  lat REAL,
  lon REAL,
  place_feature TEXT,
  place_from TEXT,
  negated INTEGER NOT NULL DEFAULT 0,
  modality TEXT NOT NULL DEFAULT 'asserted',
  cue_start INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  cue TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  quote_ordinal INTEGER,              -- Document::quotes index when stated in a quote
  confidence REAL NOT NULL DEFAULT 0,
  uncoded_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (doc_id, ordinal)
);
CREATE INDEX event_mentions_by_event ON event_mentions(event_id);
CREATE INDEX event_mentions_by_date ON event_mentions(date);
)sql";

Status WriteEventRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

Status ValidateEventLayer(const document::Document& doc) { return Status::Ok(); }
void EncodeEventLayer(const document::Document& doc, VarWriter& w) { w.Uv(0); }
Status DecodeEventLayer(VarReader& r, document::Document& doc) {
  uint64_t count = 0;
  NG_RETURN_IF_ERROR(r.Uv(count));
  if (count != 0) return r.Error("events section not understood by this build");
  return Status::Ok();
}

}  // namespace newsgraph::store
