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
  if (!doc.metadata.empty()) j["metadata"] = doc.metadata;
  if (!doc.notes.empty()) j["notes"] = doc.notes;
  return j;
}

std::string ToJsonLine(const Document& doc) {
  return ToJson(doc).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsgraph::document
