// The events layer of the store: migration 4 (events, event_mentions), the blob
// section that round-trips Document::events, and the row writer that stores each
// mention and merges it into an event (docs/formats/events.md).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/checksum.h"
#include "base/utf8.h"
#include "store/layer_hooks.h"

namespace newsgraph::store {

const char* const kEventsMigrationSql = R"sql(
-- Merged events: one row per happening, however many articles report it.
CREATE TABLE events (
  id TEXT PRIMARY KEY,                -- "ev-" + hash of the id of the first mention merged into it
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
  source_count INTEGER NOT NULL DEFAULT 0,  -- distinct publishers
  source_name TEXT NOT NULL DEFAULT '',
  target_name TEXT NOT NULL DEFAULT '',
  place_admin1 TEXT,
  place_feature TEXT,
  first_mention TEXT NOT NULL DEFAULT ''    -- event_mentions.id of the first report
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

// Migration 6: a side's country together with a CAMEO root ("what was done to UKR,
// root 14") walks one index in date order. With (target_country, date) alone each
// candidate's row was read to test its root: 0.5-1.6 ms a page on the 100,000-event
// benchmark store, against 0.3 ms for the other filters.
const char* const kEventsByCountryRootSql = R"sql(
CREATE INDEX events_by_source_root ON events(source_country, root, date);
CREATE INDEX events_by_target_root ON events(target_country, root, date);
)sql";

// Migration 7: "near" scans a band of the position index and tests the rest of the
// box; a band of longitude holds fewer events than one of latitude (places spread
// over 360 degrees of longitude but mostly over ~100 of latitude), so the index now
// starts with longitude. On the benchmark store a 100 km circle around Tokyo read
// 7,500 index entries (Tokyo, Tehran, Busan share its latitudes), now 2,500.
const char* const kEventsByLongitudeSql = R"sql(
DROP INDEX events_by_position;
CREATE INDEX events_by_longitude ON events(lon, lat, date);
)sql";

namespace {

using document::Document;
using document::EventActor;
using document::EventMention;
using document::EventPlace;

// Mentions dated within this many days of an event (and agreeing on everything
// else) are the same happening.
constexpr int kMergeWindowDays = 3;

bool Inside(document::Span s, size_t n) { return s.start <= s.end && s.end <= n; }

int64_t Micro(double v) { return std::llround(v * 1e6); }

void PutActor(const EventActor& a, uint32_t& prev, VarWriter& w) {
  w.Sv(a.entity);
  w.Str(a.actor);
  w.Str(a.country);
  w.Str(a.text);
  PutSpan(a.span, prev, w);
}

Status GetActor(VarReader& r, const Document& doc, uint32_t& prev, EventActor& a) {
  int64_t entity = 0;
  NG_RETURN_IF_ERROR(r.Sv(entity));
  if (entity < -1 || entity >= static_cast<int64_t>(doc.entities.size())) return r.Error("bad event actor entity");
  a.entity = static_cast<int>(entity);
  NG_RETURN_IF_ERROR(r.Str(a.actor));
  NG_RETURN_IF_ERROR(r.Str(a.country));
  NG_RETURN_IF_ERROR(r.Str(a.text));
  return GetSpan(r, doc.text.size(), prev, a.span);
}

void PutPlace(const std::optional<EventPlace>& p, uint32_t& prev, VarWriter& w) {
  w.Byte(p ? 1 : 0);
  if (!p) return;
  w.Str(p->name);
  w.Str(p->country);
  w.Str(p->admin1);
  w.Byte((p->lat ? 1 : 0) | (p->lon ? 2 : 0));
  if (p->lat) w.Sv(Micro(*p->lat));
  if (p->lon) w.Sv(Micro(*p->lon));
  w.Str(p->feature);
  PutSpan(p->span, prev, w);
  w.Str(p->from);
}

Status GetPlace(VarReader& r, const Document& doc, uint32_t& prev, std::optional<EventPlace>& out) {
  uint8_t has = 0;
  NG_RETURN_IF_ERROR(r.Byte(has));
  if (has == 0) return Status::Ok();
  if (has != 1) return r.Error("bad event place flag");
  EventPlace p;
  NG_RETURN_IF_ERROR(r.Str(p.name));
  NG_RETURN_IF_ERROR(r.Str(p.country));
  NG_RETURN_IF_ERROR(r.Str(p.admin1));
  uint8_t coords = 0;
  NG_RETURN_IF_ERROR(r.Byte(coords));
  if (coords > 3) return r.Error("bad event place coordinates flag");
  int64_t v = 0;
  if (coords & 1) {
    NG_RETURN_IF_ERROR(r.Sv(v));
    p.lat = static_cast<double>(v) / 1e6;
  }
  if (coords & 2) {
    NG_RETURN_IF_ERROR(r.Sv(v));
    p.lon = static_cast<double>(v) / 1e6;
  }
  NG_RETURN_IF_ERROR(r.Str(p.feature));
  NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev, p.span));
  NG_RETURN_IF_ERROR(r.Str(p.from));
  out = std::move(p);
  return Status::Ok();
}

void EncodeEvent(const EventMention& e, VarWriter& w) {
  uint32_t prev = 0;
  w.Str(e.cameo);
  w.Str(e.root);
  w.Uv(static_cast<uint64_t>(e.quad));
  w.Sv(std::llround(e.goldstein * 100));
  w.Str(e.plover);
  w.Str(e.plover_mode);
  w.Str(e.plover_context);
  PutActor(e.source, prev, w);
  PutActor(e.target, prev, w);
  w.Byte(e.date ? 1 : 0);
  if (e.date) w.Sv(e.date->ToDays());
  w.Str(e.date_from);
  PutSpan(e.date_span, prev, w);
  PutPlace(e.place, prev, w);
  w.Byte(e.negated ? 1 : 0);
  w.Str(e.modality);
  PutSpan(e.cue, prev, w);
  PutSpan(e.evidence, prev, w);
  w.Sv(e.quote);
  w.Uv(static_cast<uint64_t>(std::lround(std::clamp(e.confidence, 0.f, 1.f) * 1000)));
  w.Str(e.uncoded_reason);
}

Status DecodeEvent(VarReader& r, const Document& doc, EventMention& e) {
  uint32_t prev = 0;
  uint64_t u = 0;
  int64_t s = 0;
  uint8_t b = 0;
  NG_RETURN_IF_ERROR(r.Str(e.cameo));
  NG_RETURN_IF_ERROR(r.Str(e.root));
  NG_RETURN_IF_ERROR(r.Uv(u));
  if (u > 4) return r.Error("bad event quad class");
  e.quad = static_cast<int>(u);
  NG_RETURN_IF_ERROR(r.Sv(s));
  if (s < -1000 || s > 1000) return r.Error("bad Goldstein weight");
  e.goldstein = static_cast<double>(s) / 100;
  NG_RETURN_IF_ERROR(r.Str(e.plover));
  NG_RETURN_IF_ERROR(r.Str(e.plover_mode));
  NG_RETURN_IF_ERROR(r.Str(e.plover_context));
  NG_RETURN_IF_ERROR(GetActor(r, doc, prev, e.source));
  NG_RETURN_IF_ERROR(GetActor(r, doc, prev, e.target));
  NG_RETURN_IF_ERROR(r.Byte(b));
  if (b > 1) return r.Error("bad event date flag");
  if (b == 1) {
    NG_RETURN_IF_ERROR(r.Sv(s));
    if (s < -1000000 || s > 1000000) return r.Error("event date out of range");
    e.date = document::Date::FromDays(s);
  }
  NG_RETURN_IF_ERROR(r.Str(e.date_from));
  NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev, e.date_span));
  NG_RETURN_IF_ERROR(GetPlace(r, doc, prev, e.place));
  NG_RETURN_IF_ERROR(r.Byte(b));
  if (b > 1) return r.Error("bad event negation flag");
  e.negated = b == 1;
  NG_RETURN_IF_ERROR(r.Str(e.modality));
  NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev, e.cue));
  NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev, e.evidence));
  NG_RETURN_IF_ERROR(r.Sv(s));
  if (s < -1 || s >= static_cast<int64_t>(doc.quotes.size())) return r.Error("bad event quote index");
  e.quote = static_cast<int>(s);
  NG_RETURN_IF_ERROR(r.Uv(u));
  if (u > 1000) return r.Error("bad event confidence");
  e.confidence = static_cast<float>(u) / 1000;
  return r.Str(e.uncoded_reason);
}

Status BindOptionalText(Statement& s, int i, std::string_view v) { return v.empty() ? s.BindNull(i) : s.BindText(i, v); }

Status BindDouble(Statement& s, int i, const std::optional<double>& v) {
  if (!v) return s.BindNull(i);
  // Statement has no double binder: bind the exact decimal text, which SQLite stores as REAL.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  return s.BindText(i, buf);
}

// The stored actor id of an event actor's entity, or nullopt.
StatusOr<std::optional<int64_t>> ActorId(Db& db, const StoredDocument& stored, const EventActor& a) {
  if (a.entity < 0 || a.entity >= static_cast<int>(stored.doc.entities.size())) return std::optional<int64_t>();
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached("SELECT actor_id FROM document_entities WHERE doc_id = ?1 AND entity = ?2"));
  NG_RETURN_IF_ERROR(s->BindText(1, stored.doc_id));
  NG_RETURN_IF_ERROR(s->BindText(2, stored.doc.entities[a.entity].id));
  NG_ASSIGN_OR_RETURN(bool row, s->Step());
  std::optional<int64_t> id;
  if (row) id = s->ColumnInt(0);
  s->Reset();
  return id;
}

Status BindActorId(Statement& s, int i, const std::optional<int64_t>& id) { return id ? s.BindInt(i, *id) : s.BindNull(i); }

// Whether a mention is a happening to merge: coded, asserted or intended, not negated.
bool Mergeable(const EventMention& e) {
  return !e.cameo.empty() && !e.negated && (e.modality == "asserted" || e.modality == "intended");
}

// The id of the stored event this mention reports, or "" if none yet.
StatusOr<std::string> FindEvent(Db& db, const EventMention& e) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "SELECT id FROM events WHERE root = ?1 AND source_country = ?2 AND target_country = ?3"
      " AND (source_country <> '' OR source_code = ?4) AND (target_country <> '' OR target_code = ?5)"
      " AND (place_name IS NULL OR ?6 IS NULL OR place_name = ?6)"
      " AND ((?7 IS NULL AND date IS NULL) OR (julianday(date) BETWEEN julianday(?7) - ?8 AND julianday(?7) + ?8))"
      " ORDER BY mention_count DESC, id LIMIT 1"));
  NG_RETURN_IF_ERROR(s->BindText(1, e.root));
  NG_RETURN_IF_ERROR(s->BindText(2, e.source.country));
  NG_RETURN_IF_ERROR(s->BindText(3, e.target.country));
  NG_RETURN_IF_ERROR(s->BindText(4, e.source.actor));
  NG_RETURN_IF_ERROR(s->BindText(5, e.target.actor));
  NG_RETURN_IF_ERROR(e.place ? s->BindText(6, e.place->name) : s->BindNull(6));
  NG_RETURN_IF_ERROR(e.date ? s->BindText(7, e.date->ToIso()) : s->BindNull(7));
  NG_RETURN_IF_ERROR(s->BindInt(8, kMergeWindowDays));
  NG_ASSIGN_OR_RETURN(bool row, s->Step());
  std::string id = row ? std::string(s->ColumnText(0)) : "";
  s->Reset();
  return id;
}

Status InsertEvent(Db& db, const StoredDocument& stored, const EventMention& e, const std::string& id,
                   const std::string& mention_id, const std::optional<int64_t>& source_id,
                   const std::optional<int64_t>& target_id) {
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "INSERT INTO events (id, cameo, root, quad, goldstein, plover, source_actor_id, source_code, source_country,"
      " target_actor_id, target_code, target_country, date, place_name, place_country, lat, lon, mention_count,"
      " document_count, source_count, source_name, target_name, place_admin1, place_feature, first_mention)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 0, 0, 0,"
      " ?18, ?19, ?20, ?21, ?22)"));
  NG_RETURN_IF_ERROR(s->BindText(1, id));
  NG_RETURN_IF_ERROR(s->BindText(2, e.cameo));
  NG_RETURN_IF_ERROR(s->BindText(3, e.root));
  NG_RETURN_IF_ERROR(s->BindInt(4, e.quad));
  NG_RETURN_IF_ERROR(BindDouble(*s, 5, e.goldstein));
  NG_RETURN_IF_ERROR(s->BindText(6, e.plover));
  NG_RETURN_IF_ERROR(BindActorId(*s, 7, source_id));
  NG_RETURN_IF_ERROR(s->BindText(8, e.source.actor));
  NG_RETURN_IF_ERROR(s->BindText(9, e.source.country));
  NG_RETURN_IF_ERROR(BindActorId(*s, 10, target_id));
  NG_RETURN_IF_ERROR(s->BindText(11, e.target.actor));
  NG_RETURN_IF_ERROR(s->BindText(12, e.target.country));
  NG_RETURN_IF_ERROR(e.date ? s->BindText(13, e.date->ToIso()) : s->BindNull(13));
  const std::optional<EventPlace>& p = e.place;
  NG_RETURN_IF_ERROR(p ? s->BindText(14, p->name) : s->BindNull(14));
  NG_RETURN_IF_ERROR(p ? s->BindText(15, p->country) : s->BindNull(15));
  NG_RETURN_IF_ERROR(BindDouble(*s, 16, p ? p->lat : std::nullopt));
  NG_RETURN_IF_ERROR(BindDouble(*s, 17, p ? p->lon : std::nullopt));
  NG_RETURN_IF_ERROR(s->BindText(18, e.source.text));
  NG_RETURN_IF_ERROR(s->BindText(19, e.target.text));
  NG_RETURN_IF_ERROR(p ? BindOptionalText(*s, 20, p->admin1) : s->BindNull(20));
  NG_RETURN_IF_ERROR(p ? BindOptionalText(*s, 21, p->feature) : s->BindNull(21));
  NG_RETURN_IF_ERROR(s->BindText(22, mention_id));
  NG_RETURN_IF_ERROR(s->Step().status());
  s->Reset();
  return Status::Ok();
}

// Counts the new mention; a document or publisher counts once per event.
Status CountMention(Db& db, const StoredDocument& stored, const std::string& event_id, const EventMention& e) {
  NG_ASSIGN_OR_RETURN(Statement * seen, db.Cached(
      "SELECT (SELECT COUNT(*) FROM event_mentions WHERE event_id = ?1 AND doc_id = ?2),"
      " (SELECT COUNT(*) FROM event_mentions m JOIN documents d ON d.id = m.doc_id"
      "   WHERE m.event_id = ?1 AND d.source = ?3 AND m.doc_id <> ?2)"));
  NG_RETURN_IF_ERROR(seen->BindText(1, event_id));
  NG_RETURN_IF_ERROR(seen->BindText(2, stored.doc_id));
  NG_RETURN_IF_ERROR(seen->BindText(3, stored.doc.source));
  NG_RETURN_IF_ERROR(seen->Step().status());
  bool new_document = seen->ColumnInt(0) == 0;
  bool new_source = new_document && seen->ColumnInt(1) == 0;
  seen->Reset();
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "UPDATE events SET mention_count = mention_count + 1, document_count = document_count + ?2,"
      " source_count = source_count + ?3,"
      " date = CASE WHEN ?4 IS NOT NULL AND (date IS NULL OR ?4 < date) THEN ?4 ELSE date END WHERE id = ?1"));
  NG_RETURN_IF_ERROR(s->BindText(1, event_id));
  NG_RETURN_IF_ERROR(s->BindInt(2, new_document ? 1 : 0));
  NG_RETURN_IF_ERROR(s->BindInt(3, new_source ? 1 : 0));
  NG_RETURN_IF_ERROR(e.date ? s->BindText(4, e.date->ToIso()) : s->BindNull(4));
  NG_RETURN_IF_ERROR(s->Step().status());
  s->Reset();
  return Status::Ok();
}

Status InsertMention(Db& db, const StoredDocument& stored, const base::CharOffsetMap& map, size_t ordinal,
                     const std::string& id, const std::string& event_id, const std::optional<int64_t>& source_id,
                     const std::optional<int64_t>& target_id) {
  const Document& doc = stored.doc;
  const EventMention& e = doc.events[ordinal];
  NG_ASSIGN_OR_RETURN(Statement * s, db.Cached(
      "INSERT INTO event_mentions (id, doc_id, ordinal, event_id, cameo, root, quad, goldstein, plover, plover_mode,"
      " plover_context, source_actor_id, source_code, source_country, source_text, target_actor_id, target_code,"
      " target_country, target_text, date, date_from, place_name, place_country, place_admin1, lat, lon,"
      " place_feature, place_from, negated, modality, cue_start, cue_end, cue, evidence_start, evidence_end,"
      " evidence, quote_ordinal, confidence, uncoded_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,"
      " ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39)"));
  int i = 1;
  NG_RETURN_IF_ERROR(s->BindText(i++, id));
  NG_RETURN_IF_ERROR(s->BindText(i++, stored.doc_id));
  NG_RETURN_IF_ERROR(s->BindInt(i++, static_cast<int64_t>(ordinal)));
  NG_RETURN_IF_ERROR(event_id.empty() ? s->BindNull(i++) : s->BindText(i++, event_id));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.cameo));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.root));
  NG_RETURN_IF_ERROR(s->BindInt(i++, e.quad));
  NG_RETURN_IF_ERROR(BindDouble(*s, i++, e.goldstein));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.plover));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.plover_mode));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.plover_context));
  NG_RETURN_IF_ERROR(BindActorId(*s, i++, source_id));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.source.actor));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.source.country));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.source.text));
  NG_RETURN_IF_ERROR(BindActorId(*s, i++, target_id));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.target.actor));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.target.country));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.target.text));
  NG_RETURN_IF_ERROR(e.date ? s->BindText(i++, e.date->ToIso()) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.date_from));
  const std::optional<EventPlace>& p = e.place;
  NG_RETURN_IF_ERROR(p ? s->BindText(i++, p->name) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(p ? s->BindText(i++, p->country) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(p ? BindOptionalText(*s, i++, p->admin1) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(BindDouble(*s, i++, p ? p->lat : std::nullopt));
  NG_RETURN_IF_ERROR(BindDouble(*s, i++, p ? p->lon : std::nullopt));
  NG_RETURN_IF_ERROR(p ? s->BindText(i++, p->feature) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(p ? s->BindText(i++, p->from) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(s->BindInt(i++, e.negated ? 1 : 0));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.modality));
  NG_RETURN_IF_ERROR(s->BindInt(i++, map.ToChar(e.cue.start)));
  NG_RETURN_IF_ERROR(s->BindInt(i++, map.ToChar(e.cue.end)));
  NG_RETURN_IF_ERROR(s->BindTextNoCopy(i++, doc.SpanText(e.cue)));
  NG_RETURN_IF_ERROR(s->BindInt(i++, map.ToChar(e.evidence.start)));
  NG_RETURN_IF_ERROR(s->BindInt(i++, map.ToChar(e.evidence.end)));
  NG_RETURN_IF_ERROR(s->BindTextNoCopy(i++, doc.SpanText(e.evidence)));
  NG_RETURN_IF_ERROR(e.quote >= 0 ? s->BindInt(i++, e.quote) : s->BindNull(i++));
  NG_RETURN_IF_ERROR(BindDouble(*s, i++, static_cast<double>(e.confidence)));
  NG_RETURN_IF_ERROR(s->BindText(i++, e.uncoded_reason));
  NG_RETURN_IF_ERROR(s->Step().status());
  s->Reset();
  return Status::Ok();
}

}  // namespace

Status WriteEventRows(Db& db, const StoredDocument& stored) {
  const Document& doc = stored.doc;
  if (doc.events.empty()) return Status::Ok();
  base::CharOffsetMap map(doc.text);
  for (size_t k = 0; k < doc.events.size(); ++k) {
    const EventMention& e = doc.events[k];
    std::string mention_id = stored.doc_id + "#" + std::to_string(k);
    NG_ASSIGN_OR_RETURN(std::optional<int64_t> source_id, ActorId(db, stored, e.source));
    NG_ASSIGN_OR_RETURN(std::optional<int64_t> target_id, ActorId(db, stored, e.target));
    std::string event_id;
    if (Mergeable(e)) {
      NG_ASSIGN_OR_RETURN(event_id, FindEvent(db, e));
      if (event_id.empty()) {
        event_id = "ev-" + base::ContentHash(mention_id).substr(0, 16);
        NG_RETURN_IF_ERROR(InsertEvent(db, stored, e, event_id, mention_id, source_id, target_id));
      }
      NG_RETURN_IF_ERROR(CountMention(db, stored, event_id, e));
    }
    NG_RETURN_IF_ERROR(InsertMention(db, stored, map, k, mention_id, event_id, source_id, target_id));
  }
  return Status::Ok();
}

Status ValidateEventLayer(const Document& doc) {
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const EventMention& e = doc.events[i];
    auto bad = [&](const char* why) { return Status::InvalidArgument("event " + std::to_string(i) + " " + why); };
    size_t n = doc.text.size();
    if (!Inside(e.cue, n) || !Inside(e.evidence, n) || !Inside(e.date_span, n) || !Inside(e.source.span, n) ||
        !Inside(e.target.span, n) || (e.place && !Inside(e.place->span, n))) {
      return bad("has a span outside the text");
    }
    int entities = static_cast<int>(doc.entities.size());
    if (e.source.entity < -1 || e.source.entity >= entities || e.target.entity < -1 || e.target.entity >= entities) {
      return bad("has a bad actor entity");
    }
    if (e.quote < -1 || e.quote >= static_cast<int>(doc.quotes.size())) return bad("has a bad quote index");
    if (e.quad < 0 || e.quad > 4 || !std::isfinite(e.goldstein) || std::fabs(e.goldstein) > 10) {
      return bad("has a bad quad class or Goldstein weight");
    }
  }
  return Status::Ok();
}

void EncodeEventLayer(const Document& doc, VarWriter& w) {
  w.Uv(doc.events.size());
  for (const EventMention& e : doc.events) EncodeEvent(e, w);
}

Status DecodeEventLayer(VarReader& r, Document& doc) {
  uint64_t count = 0;
  NG_RETURN_IF_ERROR(r.Count(count));
  doc.events.assign(count, EventMention{});
  for (EventMention& e : doc.events) NG_RETURN_IF_ERROR(DecodeEvent(r, doc, e));
  return Status::Ok();
}

}  // namespace newsgraph::store
