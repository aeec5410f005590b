#include "serve/rows.h"

#include <cmath>
#include <optional>

namespace newsgraph::serve {
namespace {

nlohmann::json IdOrNull(const std::optional<int64_t>& id) { return id ? nlohmann::json(*id) : nlohmann::json(nullptr); }
nlohmann::json NumberOrNull(const std::optional<double>& v) {
  return v ? nlohmann::json(Round4(*v)) : nlohmann::json(nullptr);
}

nlohmann::json Side(const std::optional<int64_t>& actor_id, const std::string& code, const std::string& country,
                    const std::string& actor_name, const std::string& words) {
  return {{"actor_id", IdOrNull(actor_id)},
          {"code", code},
          {"country", country},
          {"name", TextOrNull(!actor_name.empty() ? actor_name : words)}};
}

}  // namespace

nlohmann::json TextOrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
double Round4(double v) { return std::round(v * 1e4) / 1e4; }

store::EventFilter EventFilterOf(const QueryParams& p) {
  store::EventFilter f;
  f.actor = p.actor;
  f.target = p.target;
  f.root = p.root;
  f.plover = p.plover;
  f.from = p.from;
  f.to = p.to;
  f.near = p.near;
  f.sort = p.sort;
  f.limit = p.limit + 1;
  f.offset = p.offset;
  return f;
}

store::QuoteFilter QuoteFilterOf(const QueryParams& p) {
  store::QuoteFilter f;
  f.speaker = p.speaker;
  f.about = p.about;
  f.from = p.from;
  f.to = p.to;
  f.kind = p.kind;
  f.doc_id = p.doc;
  f.sort = p.sort;
  f.limit = p.limit + 1;
  f.offset = p.offset;
  return f;
}

nlohmann::json EventJson(const store::EventRow& e) {
  nlohmann::json place = nullptr;
  if (!e.place_name.empty() || e.lat) {
    place = {{"name", TextOrNull(e.place_name)}, {"country", TextOrNull(e.place_country)},
             {"lat", NumberOrNull(e.lat)}, {"lon", NumberOrNull(e.lon)}};
  }
  return {{"id", e.id},
          {"date", TextOrNull(e.date)},
          {"cameo", e.cameo},
          {"root", e.root},
          {"quad", e.quad},
          {"goldstein", Round4(e.goldstein)},
          {"plover", e.plover},
          {"source", Side(e.source_actor_id, e.source_code, e.source_country, e.source_actor_name, e.source_name)},
          {"target", Side(e.target_actor_id, e.target_code, e.target_country, e.target_actor_name, e.target_name)},
          {"place", place},
          {"mention_count", e.mention_count},
          {"document_count", e.document_count},
          {"source_count", e.source_count}};
}

nlohmann::json MentionJson(const store::EventMentionRow& m) {
  return {{"id", m.id},
          {"doc_id", m.doc_id},
          {"doc_title", m.doc_title},
          {"event_id", TextOrNull(m.event_id)},
          {"date", TextOrNull(m.date)},
          {"cameo", m.cameo},
          {"root", m.root},
          {"quad", m.quad},
          {"goldstein", Round4(m.goldstein)},
          {"plover", m.plover},
          {"source", {{"code", m.source_code}, {"country", m.source_country}, {"text", m.source_text},
                      {"actor_id", IdOrNull(m.source_actor_id)}}},
          {"target", {{"code", m.target_code}, {"country", m.target_country}, {"text", m.target_text},
                      {"actor_id", IdOrNull(m.target_actor_id)}}},
          {"place", {{"name", TextOrNull(m.place_name)}, {"lat", NumberOrNull(m.lat)}, {"lon", NumberOrNull(m.lon)}}},
          {"negated", m.negated},
          {"modality", m.modality},
          {"cue", {{"start", m.cue_start}, {"end", m.cue_end}, {"text", m.cue}}},
          {"evidence", {{"start", m.evidence_start}, {"end", m.evidence_end}, {"text", m.evidence}}},
          {"quote_ordinal", IdOrNull(m.quote_ordinal)},
          {"confidence", Round4(m.confidence)},
          {"uncoded_reason", m.uncoded_reason}};
}

nlohmann::json QuoteJson(const store::StoredQuote& q) {
  nlohmann::json cue = nullptr;
  if (q.cue_start) cue = {{"start", *q.cue_start}, {"end", q.cue_end.value_or(*q.cue_start)}, {"text", TextOrNull(q.cue)}};
  nlohmann::json speaker = nullptr;
  if (q.speaker_actor_id || !q.speaker_name.empty()) {
    speaker = {{"entity", TextOrNull(q.speaker_entity)},
               {"actor_id", IdOrNull(q.speaker_actor_id)},
               {"name", TextOrNull(q.speaker_name)}};
  }
  return {{"id", q.id},         {"doc_id", q.doc_id},   {"doc_title", q.title},
          {"ordinal", q.ordinal}, {"kind", q.kind},       {"start", q.start},
          {"end", q.end},       {"text", q.text},       {"cue", cue},
          {"speaker", speaker}, {"via", TextOrNull(q.via_name)}, {"confidence", Round4(q.confidence)},
          {"reason", TextOrNull(q.reason)}, {"date", TextOrNull(q.date)}, {"source", q.source}};
}

nlohmann::json Page(nlohmann::json items, const QueryParams& p) {
  bool more = items.size() > static_cast<size_t>(p.limit);
  if (more) items.erase(items.size() - 1);
  return {{"items", std::move(items)}, {"limit", p.limit}, {"offset", p.offset}, {"has_more", more}};
}

}  // namespace newsgraph::serve
