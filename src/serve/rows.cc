#include "serve/rows.h"

#include <cmath>
#include <optional>

namespace newsgraph::serve {
namespace {

void Rounded(JsonWriter& w, double v) { w.Double(Round4(v)); }
void RoundedOrNull(JsonWriter& w, const std::optional<double>& v) { v ? Rounded(w, *v) : w.Null(); }

// An event's source or target: keys in nlohmann's (sorted) order, as all below.
void WriteSide(JsonWriter& w, const std::optional<int64_t>& actor_id, const std::string& code,
               const std::string& country, const std::string& actor_name, const std::string& words) {
  w.BeginObject();
  w.Key("actor_id");
  w.IntOrNull(actor_id);
  w.Key("code");
  w.String(code);
  w.Key("country");
  w.String(country);
  w.Key("name");
  w.StringOrNull(!actor_name.empty() ? actor_name : words);
  w.EndObject();
}

void WriteMentionSide(JsonWriter& w, const std::optional<int64_t>& actor_id, const std::string& code,
                      const std::string& country, const std::string& text) {
  w.BeginObject();
  w.Key("actor_id");
  w.IntOrNull(actor_id);
  w.Key("code");
  w.String(code);
  w.Key("country");
  w.String(country);
  w.Key("text");
  w.String(text);
  w.EndObject();
}

void WriteSpan(JsonWriter& w, int64_t start, int64_t end, const std::string& text) {
  w.BeginObject();
  w.Key("end");
  w.Int(end);
  w.Key("start");
  w.Int(start);
  w.Key("text");
  w.String(text);
  w.EndObject();
}

}  // namespace

nlohmann::json TextOrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
double Round4(double v) { return std::round(v * 1e4) / 1e4; }

namespace {

// What every list filter takes from the request: dates, order and the page, one row more
// than asked so that the answer can tell whether another page follows.
template <typename Filter>
Filter PagedFilter(const QueryParams& p) {
  Filter f;
  f.from = p.from;
  f.to = p.to;
  f.sort = p.sort;
  f.limit = p.limit + 1;
  f.offset = p.offset;
  return f;
}

}  // namespace

store::EventFilter EventFilterOf(const QueryParams& p) {
  auto f = PagedFilter<store::EventFilter>(p);
  f.actor = p.actor;
  f.target = p.target;
  f.root = p.root;
  f.plover = p.plover;
  f.near = p.near;
  return f;
}

store::QuoteFilter QuoteFilterOf(const QueryParams& p) {
  auto f = PagedFilter<store::QuoteFilter>(p);
  f.speaker = p.speaker;
  f.about = p.about;
  f.kind = p.kind;
  f.doc_id = p.doc;
  return f;
}

void WriteEvent(JsonWriter& w, const store::EventRow& e) {
  w.BeginObject();
  w.Key("cameo");
  w.String(e.cameo);
  w.Key("date");
  w.StringOrNull(e.date);
  w.Key("document_count");
  w.Int(e.document_count);
  w.Key("goldstein");
  Rounded(w, e.goldstein);
  w.Key("id");
  w.String(e.id);
  w.Key("mention_count");
  w.Int(e.mention_count);
  w.Key("place");
  if (!e.place_name.empty() || e.lat) {
    w.BeginObject();
    w.Key("country");
    w.StringOrNull(e.place_country);
    w.Key("lat");
    RoundedOrNull(w, e.lat);
    w.Key("lon");
    RoundedOrNull(w, e.lon);
    w.Key("name");
    w.StringOrNull(e.place_name);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("plover");
  w.String(e.plover);
  w.Key("quad");
  w.Int(e.quad);
  w.Key("root");
  w.String(e.root);
  w.Key("source");
  WriteSide(w, e.source_actor_id, e.source_code, e.source_country, e.source_actor_name, e.source_name);
  w.Key("source_count");
  w.Int(e.source_count);
  w.Key("target");
  WriteSide(w, e.target_actor_id, e.target_code, e.target_country, e.target_actor_name, e.target_name);
  w.EndObject();
}

void WriteMention(JsonWriter& w, const store::EventMentionRow& m) {
  w.BeginObject();
  w.Key("cameo");
  w.String(m.cameo);
  w.Key("confidence");
  Rounded(w, m.confidence);
  w.Key("cue");
  WriteSpan(w, m.cue_start, m.cue_end, m.cue);
  w.Key("date");
  w.StringOrNull(m.date);
  w.Key("doc_id");
  w.String(m.doc_id);
  w.Key("doc_title");
  w.String(m.doc_title);
  w.Key("event_id");
  w.StringOrNull(m.event_id);
  w.Key("evidence");
  WriteSpan(w, m.evidence_start, m.evidence_end, m.evidence);
  w.Key("goldstein");
  Rounded(w, m.goldstein);
  w.Key("id");
  w.String(m.id);
  w.Key("modality");
  w.String(m.modality);
  w.Key("negated");
  w.Bool(m.negated);
  w.Key("place");
  w.BeginObject();
  w.Key("lat");
  RoundedOrNull(w, m.lat);
  w.Key("lon");
  RoundedOrNull(w, m.lon);
  w.Key("name");
  w.StringOrNull(m.place_name);
  w.EndObject();
  w.Key("plover");
  w.String(m.plover);
  w.Key("quad");
  w.Int(m.quad);
  w.Key("quote_ordinal");
  w.IntOrNull(m.quote_ordinal);
  w.Key("root");
  w.String(m.root);
  w.Key("source");
  WriteMentionSide(w, m.source_actor_id, m.source_code, m.source_country, m.source_text);
  w.Key("target");
  WriteMentionSide(w, m.target_actor_id, m.target_code, m.target_country, m.target_text);
  w.Key("uncoded_reason");
  w.String(m.uncoded_reason);
  w.EndObject();
}

void WriteQuote(JsonWriter& w, const store::StoredQuote& q) {
  w.BeginObject();
  w.Key("confidence");
  Rounded(w, q.confidence);
  w.Key("cue");
  if (q.cue_start) {
    w.BeginObject();
    w.Key("end");
    w.Int(q.cue_end.value_or(*q.cue_start));
    w.Key("start");
    w.Int(*q.cue_start);
    w.Key("text");
    w.StringOrNull(q.cue);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("date");
  w.StringOrNull(q.date);
  w.Key("doc_id");
  w.String(q.doc_id);
  w.Key("doc_title");
  w.String(q.title);
  w.Key("end");
  w.Int(q.end);
  w.Key("id");
  w.Int(q.id);
  w.Key("kind");
  w.String(q.kind);
  w.Key("ordinal");
  w.Int(q.ordinal);
  w.Key("reason");
  w.StringOrNull(q.reason);
  w.Key("source");
  w.String(q.source);
  w.Key("speaker");
  if (q.speaker_actor_id || !q.speaker_name.empty()) {
    w.BeginObject();
    w.Key("actor_id");
    w.IntOrNull(q.speaker_actor_id);
    w.Key("entity");
    w.StringOrNull(q.speaker_entity);
    w.Key("name");
    w.StringOrNull(q.speaker_name);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("start");
  w.Int(q.start);
  w.Key("text");
  w.String(q.text);
  w.Key("via");
  w.StringOrNull(q.via_name);
  w.EndObject();
}

nlohmann::json EventJson(const store::EventRow& e) {
  JsonWriter w;
  WriteEvent(w, e);
  return nlohmann::json::parse(w.text());
}

nlohmann::json MentionJson(const store::EventMentionRow& m) {
  JsonWriter w;
  WriteMention(w, m);
  return nlohmann::json::parse(w.text());
}

}  // namespace newsgraph::serve
