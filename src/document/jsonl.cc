#include "document/jsonl.h"

#include "base/utf8.h"

namespace newsgraph::document {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(const base::CharOffsetMap& map, Span s) {
  return json{{"start", map.ToChar(s.start)}, {"end", map.ToChar(s.end)}};
}

json TokenJson(const base::CharOffsetMap& map, const Token& t) {
  json j = SpanJson(map, t.span);
  j["text"] = t.form;
  if (!t.upos.empty()) j["upos"] = t.upos;
  if (!t.xpos.empty()) j["xpos"] = t.xpos;
  if (!t.feats.empty() && t.feats != "_") j["feats"] = t.feats;
  if (!t.lemma.empty()) j["lemma"] = t.lemma;
  if (t.head >= 0) {
    j["head"] = t.head;
    j["deprel"] = t.deprel;
  }
  if (!t.ner.empty()) j["ner"] = t.ner;
  return j;
}

json MentionJson(const base::CharOffsetMap& map, const Document& doc, const Mention& m) {
  json j = SpanJson(map, m.span);
  j["text"] = std::string(doc.SpanText(m.span));
  j["type"] = m.type;
  j["kind"] = m.kind;
  return j;
}

json EntityJson(const base::CharOffsetMap& map, const Document& doc, const Entity& e) {
  json j{{"id", e.id}, {"type", e.type}, {"name", e.name}};
  if (!e.country.empty()) j["country"] = e.country;
  if (!e.sector.empty()) j["sector"] = e.sector;
  if (!e.actor.empty()) j["actor"] = e.actor;
  if (!e.roles.empty()) j["roles"] = e.roles;
  json mentions = json::array();
  for (uint32_t m : e.mentions) mentions.push_back(MentionJson(map, doc, doc.mentions[m]));
  j["mentions"] = std::move(mentions);
  return j;
}

void AddEntityLayers(const base::CharOffsetMap& map, const Document& doc, json& j) {
  if (doc.mentions.empty() && doc.entities.empty()) return;
  json entities = json::array();
  for (const Entity& e : doc.entities) entities.push_back(EntityJson(map, doc, e));
  // Mentions no entity claims (e.g. dates, numbers) are listed on their own.
  json loose = json::array();
  for (const Mention& m : doc.mentions) {
    if (m.entity < 0) loose.push_back(MentionJson(map, doc, m));
  }
  j["entities"] = std::move(entities);
  if (!loose.empty()) j["mentions"] = std::move(loose);
  if (doc.relations.empty()) return;
  json relations = json::array();
  for (const Relation& r : doc.relations) {
    json one{{"type", r.type}, {"head", doc.entities[r.head].id}};
    json members = json::array();
    for (uint32_t m : r.members) members.push_back(doc.entities[m].id);
    one["members"] = std::move(members);
    one["evidence"] = SpanJson(map, r.evidence);
    relations.push_back(std::move(one));
  }
  j["relations"] = std::move(relations);
}

}  // namespace

json ToJson(const Document& doc) {
  base::CharOffsetMap map(doc.text);
  json j;
  j["id"] = doc.id;
  j["date"] = doc.date ? json(doc.date->ToIso()) : json(nullptr);
  if (!doc.date_from.empty()) j["date_from"] = doc.date_from;
  j["title"] = doc.title;
  if (!doc.source.empty()) j["source"] = doc.source;
  if (!doc.url.empty()) j["url"] = doc.url;
  if (!doc.origin.empty()) j["origin"] = doc.origin;
  if (!doc.language.empty()) j["language"] = doc.language;
  if (doc.skipped) {
    j["skipped"] = true;
    j["skip_reason"] = doc.skip_reason;
  }
  j["text"] = doc.text;
  json removed = json::array();
  for (const RemovedSpan& r : doc.removed) {
    json one = SpanJson(map, r.span);
    one["why"] = r.why;
    one["text"] = std::string(doc.SpanText(r.span));
    removed.push_back(std::move(one));
  }
  j["removed"] = std::move(removed);
  json sentences = json::array();
  for (const Sentence& s : doc.sentences) {
    json one = SpanJson(map, s.span);
    json tokens = json::array();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) tokens.push_back(TokenJson(map, doc.tokens[i]));
    one["tokens"] = std::move(tokens);
    sentences.push_back(std::move(one));
  }
  j["sentences"] = std::move(sentences);
  AddEntityLayers(map, doc, j);
  if (!doc.metadata.empty()) j["metadata"] = doc.metadata;
  if (!doc.notes.empty()) j["notes"] = doc.notes;
  return j;
}

std::string ToJsonLine(const Document& doc) {
  return ToJson(doc).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsgraph::document
