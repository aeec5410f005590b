// "events": [...] of a document line (docs/formats/events.md). Offsets in code points.
#include "document/json_writer.h"

namespace newsgraph::document {
namespace {

void WriteActor(const Document& doc, const base::CharOffsetMap& map, const EventActor& a, JsonWriter& w) {
  if (a.text.empty() && a.entity < 0 && a.actor.empty() && a.country.empty()) {
    w.Null();
    return;
  }
  w.Begin('{');
  if (a.entity >= 0 && a.entity < static_cast<int>(doc.entities.size())) {
    w.Key("entity").String(doc.entities[a.entity].id);
  } else {
    w.Key("entity").Null();
  }
  w.Key("actor").String(a.actor).Key("country").String(a.country).Key("text").String(a.text);
  if (!a.span.empty()) WriteSpanFields(w, map, a.span);
  w.End('}');
}

void WritePlace(const base::CharOffsetMap& map, const std::optional<EventPlace>& p, JsonWriter& w) {
  if (!p) {
    w.Null();
    return;
  }
  w.Begin('{').Key("name").String(p->name).Key("country").String(p->country).Key("admin1").String(p->admin1);
  w.Key("lat");
  p->lat ? w.Double(*p->lat) : w.Null();
  w.Key("lon");
  p->lon ? w.Double(*p->lon) : w.Null();
  w.Key("feature").String(p->feature).Key("from").String(p->from);
  if (!p->span.empty()) WriteSpanFields(w, map, p->span);
  w.End('}');
}

}  // namespace

void WriteEventsJson(const Document& doc, const base::CharOffsetMap& map, JsonWriter& w) {
  if (doc.events.empty()) return;
  w.Key("events").Begin('[');
  for (const EventMention& e : doc.events) {
    w.Begin('{');
    if (e.cameo.empty()) {
      w.Key("cameo").Null();
    } else {
      w.Key("cameo").String(e.cameo).Key("base").String(e.cameo.substr(0, 3)).Key("root").String(e.root);
      w.Key("quad").Int(e.quad);
      w.Key("goldstein").Double(e.goldstein).Key("plover").String(e.plover);
      w.Field("plover_mode", e.plover_mode).Field("plover_context", e.plover_context);
    }
    w.Key("source");
    WriteActor(doc, map, e.source, w);
    w.Key("target");
    WriteActor(doc, map, e.target, w);
    w.Key("date");
    e.date ? w.String(e.date->ToIso()) : w.Null();
    w.Field("date_from", e.date_from);
    if (!e.date_span.empty()) {
      w.Key("date_span").Begin('{');
      WriteSpanFields(w, map, e.date_span);
      w.End('}');
    }
    w.Key("location");
    WritePlace(map, e.place, w);
    w.Key("negated").Bool(e.negated).Key("modality").String(e.modality);
    w.Key("cue").Begin('{');
    WriteSpanFields(w, map, e.cue);
    w.Key("text").String(doc.SpanText(e.cue)).End('}');
    w.Key("evidence").Begin('{');
    WriteSpanFields(w, map, e.evidence);
    w.End('}');
    if (e.quote >= 0) w.Key("quote").Int(e.quote);
    w.Key("confidence").Double(static_cast<double>(static_cast<int>(e.confidence * 100 + 0.5f)) / 100);
    w.Field("uncoded_reason", e.uncoded_reason);
    w.End('}');
  }
  w.End(']');
}

}  // namespace newsgraph::document
