#include "document/jsonl.h"

#include <charconv>

#include "base/utf8.h"
#include "document/json_writer.h"

namespace newsgraph::document {
namespace {

class DocumentWriter {
 public:
  DocumentWriter(const Document& doc, std::string& out) : doc_(doc), map_(doc.text), w_(out) {}

  void Write() {
    w_.Begin('{').Key("id").String(doc_.id).Key("date");
    if (doc_.date) {
      w_.String(doc_.date->ToIso());
    } else {
      w_.Raw("null");
    }
    w_.Field("date_from", doc_.date_from).Key("title").String(doc_.title);
    w_.Field("source", doc_.source).Field("url", doc_.url).Field("origin", doc_.origin);
    w_.Field("language", doc_.language);
    if (doc_.skipped) w_.Key("skipped").Raw("true").Key("skip_reason").String(doc_.skip_reason);
    w_.Key("text").String(doc_.text);
    Removed();
    Sentences();
    EntityLayers();
    WriteQuotesJson(doc_, map_, w_);
    WriteEventsJson(doc_, map_, w_);
    if (!doc_.metadata.empty()) {
      w_.Key("metadata").Raw(doc_.metadata.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    if (!doc_.notes.empty()) {
      w_.Key("notes").Begin('[');
      for (const std::string& note : doc_.notes) w_.String(note);
      w_.End(']');
    }
    w_.End('}');
  }

 private:
  void SpanFields(Span s) { w_.Key("start").Int(map_.ToChar(s.start)).Key("end").Int(map_.ToChar(s.end)); }

  void Removed() {
    w_.Key("removed").Begin('[');
    for (const RemovedSpan& r : doc_.removed) {
      w_.Begin('{');
      SpanFields(r.span);
      w_.Key("why").String(r.why).Key("text").String(doc_.SpanText(r.span)).End('}');
    }
    w_.End(']');
  }

  void Token(const document::Token& t) {
    w_.Begin('{');
    SpanFields(t.span);
    w_.Key("text").String(t.form).Field("upos", t.upos).Field("xpos", t.xpos);
    if (t.feats != "_") w_.Field("feats", t.feats);
    w_.Field("lemma", t.lemma);
    if (t.head >= 0) w_.Key("head").Int(t.head).Key("deprel").String(t.deprel);
    w_.Field("ner", t.ner).End('}');
  }

  void Sentences() {
    w_.Key("sentences").Begin('[');
    for (const Sentence& s : doc_.sentences) {
      w_.Begin('{');
      SpanFields(s.span);
      w_.Key("tokens").Begin('[');
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) Token(doc_.tokens[i]);
      w_.End(']').End('}');
    }
    w_.End(']');
  }

  void Mention(const document::Mention& m) {
    w_.Begin('{');
    SpanFields(m.span);
    w_.Key("text").String(doc_.SpanText(m.span)).Key("type").String(m.type).Key("kind").String(m.kind).End('}');
  }

  void Entity(const document::Entity& e) {
    w_.Begin('{').Key("id").String(e.id).Key("type").String(e.type).Key("name").String(e.name);
    w_.Field("country", e.country).Field("sector", e.sector).Field("actor", e.actor);
    if (!e.roles.empty()) {
      w_.Key("roles").Begin('[');
      for (const std::string& role : e.roles) w_.String(role);
      w_.End(']');
    }
    w_.Key("mentions").Begin('[');
    for (uint32_t m : e.mentions) Mention(doc_.mentions[m]);
    w_.End(']').End('}');
  }

  void EntityLayers() {
    if (doc_.mentions.empty() && doc_.entities.empty()) return;
    w_.Key("entities").Begin('[');
    for (const document::Entity& e : doc_.entities) Entity(e);
    w_.End(']');
    // Mentions no entity claims (dates, numbers, unclustered names) are listed on their own.
    w_.Key("mentions").Begin('[');
    for (const document::Mention& m : doc_.mentions) {
      if (m.entity < 0) Mention(m);
    }
    w_.End(']');
    if (doc_.relations.empty()) return;
    w_.Key("relations").Begin('[');
    for (const Relation& r : doc_.relations) {
      w_.Begin('{').Key("type").String(r.type).Key("head").String(doc_.entities[r.head].id);
      w_.Key("members").Begin('[');
      for (uint32_t m : r.members) w_.String(doc_.entities[m].id);
      w_.End(']').Key("evidence").Begin('{');
      SpanFields(r.evidence);
      w_.End('}').End('}');
    }
    w_.End(']');
  }

  const Document& doc_;
  base::CharOffsetMap map_;
  JsonWriter w_;
};

}  // namespace

std::string ToJsonLine(const Document& doc) {
  std::string out;
  out.reserve(doc.text.size() * 2 + doc.tokens.size() * 96 + 256);
  DocumentWriter(doc, out).Write();
  return out;
}

nlohmann::ordered_json ToJson(const Document& doc) { return nlohmann::ordered_json::parse(ToJsonLine(doc)); }

}  // namespace newsgraph::document
