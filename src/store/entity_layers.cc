#include "store/entity_layers.h"

namespace newsgraph::store {
namespace {

using document::Document;
using document::Entity;
using document::Mention;
using document::Relation;

bool Inside(document::Span s, size_t n) { return s.start <= s.end && s.end <= n; }

void PutStrings(const std::vector<std::string>& v, VarWriter& w) {
  w.Uv(v.size());
  for (const std::string& s : v) w.Str(s);
}

void PutIndices(const std::vector<uint32_t>& v, VarWriter& w) {
  w.Uv(v.size());
  for (uint32_t i : v) w.Uv(i);
}

Status GetStrings(VarReader& r, std::vector<std::string>& v) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  v.resize(n);
  for (std::string& s : v) NG_RETURN_IF_ERROR(r.Str(s));
  return Status::Ok();
}

// Indices must be below `limit` (the size of the vector they point into).
Status GetIndices(VarReader& r, uint64_t limit, std::vector<uint32_t>& v) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  v.resize(n);
  for (uint32_t& i : v) {
    uint64_t x = 0;
    NG_RETURN_IF_ERROR(r.Uv(x));
    if (x >= limit) return r.Error("index " + std::to_string(x) + " out of range");
    i = static_cast<uint32_t>(x);
  }
  return Status::Ok();
}

void EncodeEntity(const Entity& e, VarWriter& w) {
  for (const std::string* s : {&e.id, &e.type, &e.name, &e.country, &e.sector, &e.actor}) w.Str(*s);
  PutStrings(e.roles, w);
  PutIndices(e.mentions, w);
}

Status DecodeEntity(VarReader& r, uint64_t mention_count, Entity& e) {
  for (std::string* s : {&e.id, &e.type, &e.name, &e.country, &e.sector, &e.actor}) NG_RETURN_IF_ERROR(r.Str(*s));
  NG_RETURN_IF_ERROR(GetStrings(r, e.roles));
  return GetIndices(r, mention_count, e.mentions);
}

Status DecodeMentions(VarReader& r, Document& doc) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  doc.mentions.assign(n, Mention{});
  uint32_t prev_end = 0;
  for (Mention& m : doc.mentions) NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev_end, m.span));
  for (Mention& m : doc.mentions) NG_RETURN_IF_ERROR(r.Str(m.type));
  for (Mention& m : doc.mentions) NG_RETURN_IF_ERROR(r.Str(m.kind));
  for (Mention& m : doc.mentions) {
    int64_t e = 0;
    NG_RETURN_IF_ERROR(r.Sv(e));
    if (e < -1 || e > INT32_MAX) return r.Error("bad mention entity " + std::to_string(e));
    m.entity = static_cast<int>(e);
  }
  return Status::Ok();
}

Status DecodeRelation(VarReader& r, const Document& doc, Relation& rel) {
  NG_RETURN_IF_ERROR(r.Str(rel.type));
  std::vector<uint32_t> head;
  NG_RETURN_IF_ERROR(GetIndices(r, doc.entities.size(), head));
  if (head.size() != 1) return r.Error("relation without exactly one head");
  rel.head = head[0];
  NG_RETURN_IF_ERROR(GetIndices(r, doc.entities.size(), rel.members));
  uint32_t prev_end = 0;
  return GetSpan(r, doc.text.size(), prev_end, rel.evidence);
}

}  // namespace

Status ValidateEntityLayers(const Document& doc) {
  auto bad = [](const std::string& what, size_t i, const std::string& why) {
    return Status::InvalidArgument(what + " " + std::to_string(i) + " " + why);
  };
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (!Inside(m.span, doc.text.size())) return bad("mention", i, "span is outside the text");
    if (m.entity < -1 || m.entity >= static_cast<int>(doc.entities.size())) return bad("mention", i, "has a bad entity");
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    for (uint32_t m : doc.entities[i].mentions) {
      if (m >= doc.mentions.size()) return bad("entity", i, "points to a missing mention");
    }
  }
  for (size_t i = 0; i < doc.relations.size(); ++i) {
    const Relation& rel = doc.relations[i];
    if (!Inside(rel.evidence, doc.text.size())) return bad("relation", i, "evidence is outside the text");
    if (rel.head >= doc.entities.size()) return bad("relation", i, "has a bad head");
    for (uint32_t m : rel.members) {
      if (m >= doc.entities.size()) return bad("relation", i, "has a bad member");
    }
  }
  return Status::Ok();
}

void EncodeEntityLayers(const Document& doc, VarWriter& w) {
  w.Uv(doc.mentions.size());
  uint32_t prev_end = 0;
  for (const Mention& m : doc.mentions) PutSpan(m.span, prev_end, w);
  for (const Mention& m : doc.mentions) w.Str(m.type);
  for (const Mention& m : doc.mentions) w.Str(m.kind);
  for (const Mention& m : doc.mentions) w.Sv(m.entity);
  w.Uv(doc.entities.size());
  for (const Entity& e : doc.entities) EncodeEntity(e, w);
  w.Uv(doc.relations.size());
  for (const Relation& rel : doc.relations) {
    w.Str(rel.type);
    PutIndices({rel.head}, w);
    PutIndices(rel.members, w);
    uint32_t zero = 0;
    PutSpan(rel.evidence, zero, w);
  }
}

Status DecodeEntityLayers(VarReader& r, Document& doc) {
  NG_RETURN_IF_ERROR(DecodeMentions(r, doc));
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  doc.entities.assign(n, Entity{});
  for (Entity& e : doc.entities) NG_RETURN_IF_ERROR(DecodeEntity(r, doc.mentions.size(), e));
  for (const Mention& m : doc.mentions) {
    if (m.entity >= static_cast<int>(doc.entities.size())) return r.Error("mention points to a missing entity");
  }
  NG_RETURN_IF_ERROR(r.Count(n));
  doc.relations.assign(n, Relation{});
  for (Relation& rel : doc.relations) NG_RETURN_IF_ERROR(DecodeRelation(r, doc, rel));
  return Status::Ok();
}

}  // namespace newsgraph::store
