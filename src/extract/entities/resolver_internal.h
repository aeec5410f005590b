// Internal to extract/entities: the working state of one EntityResolver::Resolve
// call, shared by its passes (mentions.cc, coref.cc, roles.cc). Not thread-safe;
// one per call.
#ifndef NEWSGRAPH_EXTRACT_ENTITIES_RESOLVER_INTERNAL_H_
#define NEWSGRAPH_EXTRACT_ENTITIES_RESOLVER_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "extract/entities/entity_kb.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract::entities_internal {

// A mention under construction, over tokens [tb, te) of the document.
struct WorkMention {
  uint32_t tb = 0, te = 0;
  std::string type;        // PERSON, ORG, GPE ...
  std::string kind;        // name, nominal, pronoun
  std::string country;     // what the mention itself says (gazetteer, KB, modifier)
  std::string sector;
  std::string code;        // actor code from the KB/gazetteer ("IGOUNO", "RUSGOV" ...)
  std::string canonical;   // KB/gazetteer name
  std::vector<std::string> roles;  // role phrases read in or around the mention
  std::string role;        // the main role phrase (nominals; titles stripped from names)
  std::string role_sector; // sector the role gives ("" = none, take the affiliation's)
  uint32_t role_tb = 0;    // first token of a stripped title (affiliation is read before it)
  bool has_title = false;
  char gender = '-';
  bool capital = false;    // a capital city (metonym candidate)
  bool political = false;  // a capital/seat of government used as an actor
  bool in_appositive = false;  // part of a description of another mention
  bool plural = false;     // "they"
  int reporter_token = -1; // "it" in "China said it would ...": a token of the mention of who said it
  std::string description; // "company", "ministry", "country": a body named before, described by what it is
  std::string described_as; // "paramilitary" of "the paramilitary group": the word that tells the body apart
  int entity = -1;
  int apposed_to = -1;     // a description set before a name ("China's delegate, Zhou"): that name's mention
  bool unnamed_body = false;  // "the party's president": whose is not said, so no earlier person is it
};

inline WorkMention NewMention(uint32_t tb, uint32_t te, std::string type, std::string kind) {
  WorkMention m;
  m.tb = tb;
  m.te = te;
  m.type = std::move(type);
  m.kind = std::move(kind);
  return m;
}

// An entity under construction.
struct WorkEntity {
  std::string type;
  std::string country, sector, code;
  std::vector<std::string> roles;
  std::vector<std::string> name_words;  // normalized words of the best name
  std::string key;                      // name words without spaces or hyphens
  std::vector<std::string> alias_keys;  // keys of names the text gave it ("CHP", "Hemedti")
  char gender = '-';
  bool gender_from_name = false;  // only a given name says so ("Hillary"): pronouns may overrule it
  bool political = false;
  int name_mentions = 0;
  int best_name = -1;                   // mention index of the best name
  std::vector<int> mentions;            // indices into Work::mentions
};

// What a token is known to be, for the passes that scan tokens.
struct Work {
  const EntityKb& kb;
  const kb::Gazetteer& gaz;
  document::Document& doc;
  std::vector<std::string> norm;      // per token: Gazetteer::Normalize(form)
  std::vector<int> sentence_of;       // per token: sentence index (-1 outside sentences)
  std::vector<bool> crosshead;        // per sentence: a heading line (no final punctuation)
  std::vector<WorkMention> mentions;  // entity-type mentions (text order after SortMentions)
  std::vector<int> covered;           // per token: index into mentions, -1 = none
  std::vector<document::Mention> others;  // DATE, CARDINAL ...: passed through unclustered
  std::vector<WorkEntity> entities;

  Work(const EntityKb& k, const kb::Gazetteer& g, document::Document& d) : kb(k), gaz(g), doc(d) {}

  std::string_view Form(uint32_t t) const { return doc.tokens[t].form; }
  bool Capitalized(uint32_t t) const;
  // Normalized words of tokens [b, e) joined by one space.
  std::string Key(uint32_t b, uint32_t e) const;
  // Sentence bounds of token t.
  uint32_t SentenceBegin(uint32_t t) const;
  uint32_t SentenceEnd(uint32_t t) const;
  // The token the parse hangs t on; -1 for the root, an unparsed token or one outside sentences.
  int HeadOf(uint32_t t) const;
  bool IsPossessive(uint32_t t) const;  // "'s", "’s", "'"
  void RebuildCoverage();
  void SortMentions();
  // Removes the mentions whose `drop` flag is set, keeping the others' order.
  void RemoveMentions(const std::vector<bool>& drop);
};

// mentions.cc
void CollectNameMentions(Work& w);  // NER mentions -> WorkMention, repairs types and spans
void AddKnownActors(Work& w);       // data/kb actors the NER missed or split
void RecoverListNames(Work& w);     // untagged names inside lists of people
// An organization's sector and country from its own words ("U.S. Agriculture Department").
void ReadOrganizationNames(Work& w);
void PlaceCountries(Work& w);       // a town's country from the places the article names ("Alexandria", Louisiana)
void AddNominalsAndPronouns(Work& w);
void MarkPolitical(Work& w);
// roles.cc
void ReadRoles(Work& w);            // premodifiers and appositions
// m takes a's country, and a's sector when a is an organization; an official of an
// international body (IGO, NGO) is coded as the body.
void Affiliate(WorkMention& m, const WorkMention& a);
bool AllWordChars(std::string_view s);  // ASCII letters and hyphens only, not empty
// coref.cc
void Cluster(Work& w);              // sets WorkMention::entity, fills doc.entities
// relations.cc
void FindRelations(Work& w);        // accompanied_by; members inherit the head's country
// An official (a government, opposition, legislature, court, army, police or party role) with
// no country, no nationality, place or organization named next to the name and no other
// country named in a sentence with it is of the
// country the article is about: named at least three times and twice as often as any other,
// and the dateline's, if it has one ("President Aleksandar Vucic" in a story from Belgrade
// that names Belgrade and Serbia five times and Russia once).
void OfficialsOfTheHomeCountry(Work& w);
void FinishEntities(Work& w);       // country, sector, actor, roles, names; writes doc.mentions

}  // namespace newsgraph::extract::entities_internal

#endif  // NEWSGRAPH_EXTRACT_ENTITIES_RESOLVER_INTERNAL_H_
