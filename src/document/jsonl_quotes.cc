// The "quotes" array of a document line (docs/formats/quotes.md).
#include "document/json_writer.h"

namespace newsgraph::document {
namespace {

// {"start":..,"end":..,"text":".."} in code points; null for an empty span.
void SpanObject(const Document& doc, const base::CharOffsetMap& map, Span s, JsonWriter& w) {
  if (s.empty() || s.end > doc.text.size()) {
    w.Null();
    return;
  }
  w.Begin('{');
  WriteSpanFields(w, map, s);
  w.Key("text").String(doc.SpanText(s)).End('}');
}

// An entity index as its id ("e3"), null when absent or out of range.
void EntityRef(const Document& doc, int index, JsonWriter& w) {
  if (index < 0 || index >= static_cast<int>(doc.entities.size())) {
    w.Null();
    return;
  }
  w.String(doc.entities[index].id);
}

}  // namespace

void WriteQuotesJson(const Document& doc, const base::CharOffsetMap& map, JsonWriter& w) {
  if (doc.quotes.empty()) return;
  w.Key("quotes").Begin('[');
  for (const Quote& q : doc.quotes) {
    if (q.span.end > doc.text.size() || q.span.start > q.span.end) continue;  // never written out of range
    w.Begin('{').Key("kind").String(q.kind);
    WriteSpanFields(w, map, q.span);
    w.Key("text").String(doc.SpanText(q.span));
    w.Key("speaker");
    EntityRef(doc, q.speaker, w);
    w.Field("speaker_name", q.speaker_name);
    w.Key("speaker_text");
    SpanObject(doc, map, q.speaker_span, w);
    w.Key("cue");
    SpanObject(doc, map, q.cue, w);
    w.Key("via");
    EntityRef(doc, q.via, w);
    w.Field("via_name", q.via_name);
    w.Key("confidence").Double(static_cast<int>(q.confidence * 100 + 0.5) / 100.0);
    w.Field("reason", q.reason).End('}');
  }
  w.End(']');
}

}  // namespace newsgraph::document
