#include "extract/entities/entities.h"

#include <algorithm>

#include "extract/entities/entity_kb.h"
#include "extract/entities/resolver_internal.h"

namespace newsgraph::extract {

namespace entities_internal {

bool Work::Capitalized(uint32_t t) const {
  std::string_view f = doc.tokens[t].form;
  return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
}

std::string Work::Key(uint32_t b, uint32_t e) const {
  std::string key;
  // A window that starts or ends on punctuation is not a name ("leader ,").
  if (b >= e || norm[b].empty() || norm[e - 1].empty()) return key;
  for (uint32_t t = b; t < e; ++t) {
    if (norm[t].empty()) continue;
    if (!key.empty()) key.push_back(' ');
    key += norm[t];
  }
  return key;
}

uint32_t Work::SentenceBegin(uint32_t t) const { return doc.sentences[sentence_of[t]].token_begin; }
uint32_t Work::SentenceEnd(uint32_t t) const { return doc.sentences[sentence_of[t]].token_end; }

int Work::HeadOf(uint32_t t) const {
  if (sentence_of[t] < 0) return -1;
  const int h = doc.tokens[t].head;
  const uint32_t sb = SentenceBegin(t);
  return h > 0 && sb + h - 1 < SentenceEnd(t) ? static_cast<int>(sb + h - 1) : -1;
}

bool Work::IsPossessive(uint32_t t) const {
  if (t >= doc.tokens.size()) return false;
  std::string_view f = doc.tokens[t].form;
  return f == "'s" || f == "\xE2\x80\x99s" || f == "'" || f == "\xE2\x80\x99" || f == "'S";
}

void Work::SortMentions() {
  std::stable_sort(mentions.begin(), mentions.end(), [](const WorkMention& a, const WorkMention& b) {
    if (a.tb != b.tb) return a.tb < b.tb;
    return a.te > b.te;
  });
  RebuildCoverage();
}

void Work::RemoveMentions(const std::vector<bool>& drop) {
  size_t k = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (drop[i]) continue;
    if (k != i) mentions[k] = std::move(mentions[i]);
    ++k;
  }
  mentions.resize(k);
  RebuildCoverage();
}

void Work::RebuildCoverage() {
  covered.assign(doc.tokens.size(), -1);
  // Outer mentions first so a nested one ("North Korea" in "North Korea's leader") wins its tokens.
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (uint32_t t = mentions[i].tb; t < mentions[i].te; ++t) covered[t] = static_cast<int>(i);
  }
}

namespace {

void Prepare(Work& w) {
  const document::Document& doc = w.doc;
  w.norm.resize(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) w.norm[i] = kb::Gazetteer::Normalize(doc.tokens[i].form);
  w.sentence_of.assign(doc.tokens.size(), -1);
  w.crosshead.assign(doc.sentences.size(), false);
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const document::Sentence& sent = doc.sentences[s];
    if (sent.token_end > doc.tokens.size() || sent.token_begin >= sent.token_end) continue;
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) w.sentence_of[t] = static_cast<int>(s);
    std::string_view last = doc.tokens[sent.token_end - 1].form;
    static const char* const kEnds[] = {".", "!", "?", "\"", "\xE2\x80\x9D", "'", "\xE2\x80\x99", ":", ";", "\xE2\x80\xA6"};
    bool ends = false;
    for (const char* e : kEnds) ends = ends || last == e;
    w.crosshead[s] = !ends;
  }
}

}  // namespace
}  // namespace entities_internal

EntityResolver::EntityResolver(std::shared_ptr<const kb::Gazetteer> gazetteer, std::shared_ptr<const EntityKb> kb)
    : gazetteer_(std::move(gazetteer)), kb_(std::move(kb)) {}
EntityResolver::~EntityResolver() = default;

std::string EntityResolver::DefaultKbDir() { return EntityKb::DefaultDir(); }

StatusOr<std::unique_ptr<const EntityResolver>> EntityResolver::Create(std::shared_ptr<const kb::Gazetteer> gazetteer) {
  return Create(std::move(gazetteer), DefaultKbDir());
}

StatusOr<std::unique_ptr<const EntityResolver>> EntityResolver::Create(std::shared_ptr<const kb::Gazetteer> gazetteer,
                                                                      const std::string& kb_dir) {
  if (gazetteer == nullptr) return Status::InvalidArgument("EntityResolver needs a gazetteer");
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const EntityKb> kb, EntityKb::Load(kb_dir, base::LocalFileSystem(), EntityKb::DefaultGivenNamesFile()));
  return std::unique_ptr<const EntityResolver>(new EntityResolver(std::move(gazetteer), std::move(kb)));
}

size_t EntityResolver::num_roles() const { return kb_->num_roles(); }
size_t EntityResolver::num_known_actors() const { return kb_->num_actors(); }

namespace {

// Sentences must index tokens in order and in range; anything else came from a
// broken caller, and the passes below index tokens through sentences.
bool SentencesValid(const document::Document& doc) {
  uint32_t prev_end = 0;
  for (const document::Sentence& s : doc.sentences) {
    if (s.token_begin > s.token_end || s.token_end > doc.tokens.size() || s.token_begin < prev_end) return false;
    prev_end = s.token_end;
  }
  return true;
}

}  // namespace

void EntityResolver::Resolve(document::Document& doc) const {
  using namespace entities_internal;
  doc.entities.clear();
  doc.relations.clear();
  for (document::Mention& m : doc.mentions) m.entity = -1;
  if (!SentencesValid(doc)) return;
  Work w(*kb_, *gazetteer_, doc);
  Prepare(w);
  CollectNameMentions(w);
  AddKnownActors(w);
  RecoverListNames(w);
  ReadOrganizationNames(w);
  PlaceCountries(w);
  AddNominalsAndPronouns(w);
  MarkPolitical(w);
  ReadRoles(w);
  Cluster(w);
  FindRelations(w);
  OfficialsOfTheHomeCountry(w);
  FinishEntities(w);
}

}  // namespace newsgraph::extract
