#include <cstring>

#include "base/utf8.h"
#include "store/layer_hooks.h"

namespace newsgraph::store {

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
  speaker_name TEXT,                  -- the speaker's name, also when no entity holds it
  speaker_text TEXT,                  -- the words naming the speaker at the cue ("he", "the spokesman")
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

namespace {

// Kind as a byte in the blob; unknown kinds are refused on write (ValidateQuoteLayer).
int KindCode(const std::string& kind) {
  if (kind == "direct") return 0;
  if (kind == "partial") return 1;
  if (kind == "indirect") return 2;
  return -1;
}
const char* KindName(int code) {
  static const char* const kNames[] = {"direct", "partial", "indirect"};
  return kNames[code];
}

bool InText(document::Span s, size_t size) { return s.start <= s.end && s.end <= size; }
bool RefOk(int ref, size_t size) { return ref >= -1 && ref < static_cast<int>(size); }

// Binds the code point span of `s` to (start, end) and its text to `text`, or NULLs when empty.
Status BindSpan(Statement* st, int start, int end, int text, const document::Document& doc,
                const base::CharOffsetMap& map, document::Span s) {
  if (s.empty()) {
    NG_RETURN_IF_ERROR(st->BindNull(start));
    NG_RETURN_IF_ERROR(st->BindNull(end));
    return st->BindNull(text);
  }
  NG_RETURN_IF_ERROR(st->BindInt(start, map.ToChar(s.start)));
  NG_RETURN_IF_ERROR(st->BindInt(end, map.ToChar(s.end)));
  return st->BindTextNoCopy(text, doc.SpanText(s));
}

Status BindOptionalText(Statement* st, int i, const std::string& v) {
  return v.empty() ? st->BindNull(i) : st->BindTextNoCopy(i, v);
}

// The actor the actors layer linked entity `entity` to (WriteActorRows runs first).
StatusOr<bool> BindActor(Db& db, Statement* st, int i, const std::string& doc_id, const std::string& entity) {
  NG_ASSIGN_OR_RETURN(Statement * q, db.Cached("SELECT actor_id FROM document_entities WHERE doc_id = ?1 AND entity = ?2"));
  NG_RETURN_IF_ERROR(q->BindText(1, doc_id));
  NG_RETURN_IF_ERROR(q->BindText(2, entity));
  NG_ASSIGN_OR_RETURN(bool row, q->Step());
  if (row) {
    int64_t id = q->ColumnInt(0);
    q->Reset();
    NG_RETURN_IF_ERROR(st->BindInt(i, id));
    return true;
  }
  NG_RETURN_IF_ERROR(st->BindNull(i));
  return false;
}

}  // namespace

Status WriteQuoteRows(Db& db, const StoredDocument& stored) {
  const document::Document& doc = stored.doc;
  if (doc.quotes.empty()) return Status::Ok();
  base::CharOffsetMap map(doc.text);
  std::string date = doc.date ? doc.date->ToIso() : std::string();
  NG_ASSIGN_OR_RETURN(Statement * st, db.Cached(
      "INSERT INTO quotes(doc_id, ordinal, kind, start, end, text, cue_start, cue_end, cue, speaker_entity, "
      "speaker_actor_id, speaker_name, speaker_text, via_entity, via_name, confidence, reason, date) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"));
  for (size_t k = 0; k < doc.quotes.size(); ++k) {
    const document::Quote& q = doc.quotes[k];
    NG_RETURN_IF_ERROR(st->BindTextNoCopy(1, stored.doc_id));
    NG_RETURN_IF_ERROR(st->BindInt(2, static_cast<int64_t>(k)));
    NG_RETURN_IF_ERROR(st->BindTextNoCopy(3, q.kind));
    NG_RETURN_IF_ERROR(st->BindInt(4, map.ToChar(q.span.start)));
    NG_RETURN_IF_ERROR(st->BindInt(5, map.ToChar(q.span.end)));
    NG_RETURN_IF_ERROR(st->BindTextNoCopy(6, doc.SpanText(q.span)));
    NG_RETURN_IF_ERROR(BindSpan(st, 7, 8, 9, doc, map, q.cue));
    const std::string* speaker = q.speaker >= 0 ? &doc.entities[q.speaker].id : nullptr;
    std::string speaker_name = q.speaker_name;
    if (speaker != nullptr && speaker_name.empty()) speaker_name = doc.entities[q.speaker].name;
    NG_RETURN_IF_ERROR(speaker ? st->BindTextNoCopy(10, *speaker) : st->BindNull(10));
    if (speaker) {
      NG_RETURN_IF_ERROR(BindActor(db, st, 11, stored.doc_id, *speaker).status());
    } else {
      NG_RETURN_IF_ERROR(st->BindNull(11));
    }
    NG_RETURN_IF_ERROR(BindOptionalText(st, 12, speaker_name));
    NG_RETURN_IF_ERROR(q.speaker_span.empty() ? st->BindNull(13) : st->BindTextNoCopy(13, doc.SpanText(q.speaker_span)));
    NG_RETURN_IF_ERROR(q.via >= 0 ? st->BindTextNoCopy(14, doc.entities[q.via].id) : st->BindNull(14));
    NG_RETURN_IF_ERROR(BindOptionalText(st, 15, q.via_name));
    NG_RETURN_IF_ERROR(st->BindText(16, std::to_string(q.confidence)));
    NG_RETURN_IF_ERROR(BindOptionalText(st, 17, q.reason));
    NG_RETURN_IF_ERROR(BindOptionalText(st, 18, date));
    NG_RETURN_IF_ERROR(st->Step().status());
    st->Reset();
  }
  return Status::Ok();
}

Status ValidateQuoteLayer(const document::Document& doc) {
  for (size_t k = 0; k < doc.quotes.size(); ++k) {
    const document::Quote& q = doc.quotes[k];
    size_t n = doc.text.size();
    bool ok = KindCode(q.kind) >= 0 && InText(q.span, n) && InText(q.cue, n) && InText(q.speaker_span, n) &&
              InText(q.via_span, n) && RefOk(q.speaker, doc.entities.size()) &&
              RefOk(q.speaker_mention, doc.mentions.size()) && RefOk(q.via, doc.entities.size());
    if (!ok) return Status::InvalidArgument("quote #" + std::to_string(k) + ": bad kind, span or reference");
  }
  return Status::Ok();
}

// Per quote: kind byte, span, cue, speaker_span, via_span (delta spans), speaker,
// speaker_mention, via (zigzag, -1 = none), confidence (float bits), reason,
// speaker_name, via_name.
void EncodeQuoteLayer(const document::Document& doc, VarWriter& w) {
  w.Uv(doc.quotes.size());
  uint32_t prev = 0;
  for (const document::Quote& q : doc.quotes) {
    w.Byte(static_cast<uint8_t>(KindCode(q.kind)));
    PutSpan(q.span, prev, w);
    PutSpan(q.cue, prev, w);
    PutSpan(q.speaker_span, prev, w);
    PutSpan(q.via_span, prev, w);
    w.Sv(q.speaker);
    w.Sv(q.speaker_mention);
    w.Sv(q.via);
    uint32_t bits = 0;
    std::memcpy(&bits, &q.confidence, sizeof bits);
    w.Uv(bits);
    w.Str(q.reason);
    w.Str(q.speaker_name);
    w.Str(q.via_name);
  }
}

Status DecodeQuoteLayer(VarReader& r, document::Document& doc) {
  uint64_t count = 0;
  NG_RETURN_IF_ERROR(r.Count(count));
  doc.quotes.clear();
  doc.quotes.reserve(count);
  uint32_t prev = 0;
  size_t n = doc.text.size();
  for (uint64_t k = 0; k < count; ++k) {
    document::Quote q;
    uint8_t kind = 0;
    NG_RETURN_IF_ERROR(r.Byte(kind));
    if (kind > 2) return r.Error("unknown quote kind " + std::to_string(kind));
    q.kind = KindName(kind);
    NG_RETURN_IF_ERROR(GetSpan(r, n, prev, q.span));
    NG_RETURN_IF_ERROR(GetSpan(r, n, prev, q.cue));
    NG_RETURN_IF_ERROR(GetSpan(r, n, prev, q.speaker_span));
    NG_RETURN_IF_ERROR(GetSpan(r, n, prev, q.via_span));
    int64_t speaker = 0, mention = 0, via = 0;
    NG_RETURN_IF_ERROR(r.Sv(speaker));
    NG_RETURN_IF_ERROR(r.Sv(mention));
    NG_RETURN_IF_ERROR(r.Sv(via));
    if (speaker < -1 || speaker >= static_cast<int64_t>(doc.entities.size()) || mention < -1 ||
        mention >= static_cast<int64_t>(doc.mentions.size()) || via < -1 ||
        via >= static_cast<int64_t>(doc.entities.size())) {
      return r.Error("quote reference out of range");
    }
    q.speaker = static_cast<int>(speaker);
    q.speaker_mention = static_cast<int>(mention);
    q.via = static_cast<int>(via);
    uint64_t bits = 0;
    NG_RETURN_IF_ERROR(r.Uv(bits));
    uint32_t b32 = static_cast<uint32_t>(bits);
    std::memcpy(&q.confidence, &b32, sizeof b32);
    NG_RETURN_IF_ERROR(r.Str(q.reason));
    NG_RETURN_IF_ERROR(r.Str(q.speaker_name));
    NG_RETURN_IF_ERROR(r.Str(q.via_name));
    doc.quotes.push_back(std::move(q));
  }
  return Status::Ok();
}

}  // namespace newsgraph::store
