// Internal to extract/events: who a noun phrase names, as an event actor. Uses the
// entity layer's codes when it has them; otherwise the gazetteer (countries,
// demonyms, capitals as governments), the project's known-actor and agent tables,
// and names learned earlier in the same article ("North Korea's Kim Jong-un", then
// "Kim"). Unknown actors keep their words and get no code.
#ifndef NEWSGRAPH_EXTRACT_EVENTS_ACTORS_H_
#define NEWSGRAPH_EXTRACT_EVENTS_ACTORS_H_

#include <string>
#include <unordered_map>

#include "document/document.h"
#include "extract/events/dictionary.h"
#include "extract/events/tree.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract::events {

struct Actor {
  document::EventActor value;
  bool pronoun = false;
  bool first_person = false;  // I, we, our: the speaker when quoted
  std::string sector;         // an agent word's sector when no country is named ("protesters": OPP)
  bool Known() const { return value.entity >= 0 || !value.country.empty() || !value.actor.empty(); }
  bool Coded() const { return !value.country.empty() || !value.actor.empty(); }
};

// One per document; not thread-safe (it learns names as it goes).
class ActorResolver {
 public:
  ActorResolver(const document::Document& doc, const kb::Gazetteer& gazetteer, const EventDictionary& dict)
      : doc_(doc), gaz_(gazetteer), dict_(dict) {}

  // The actor the phrase headed by token `head` names. Resolving a name teaches
  // the resolver that name, for later bare mentions of it.
  Actor Resolve(const Tree& t, int head);
  // The actor of entity `index` (a quote's speaker).
  Actor FromEntity(int index) const;
  // Country of a place-like name ("" if none); for places and the document place.
  const kb::GazetteerEntry* LookupName(std::string_view text) const;
  // The entity layer's mention covering `span`, or null.
  const document::Mention* MentionAt(document::Span span) const;

 private:
  struct Learned {
    std::string actor, country;
  };
  // The person a title at `head` names, by its apposition or flat parts; null if none.
  const document::Mention* NamedByTitle(const Tree& t, int head) const;
  Actor ResolveWords(const Tree& t, int head, const std::vector<int>& phrase, Actor a);
  void Fill(Actor& a, std::string country, std::string sector, std::string code) const;

  const document::Document& doc_;
  const kb::Gazetteer& gaz_;
  const EventDictionary& dict_;
  std::unordered_map<std::string, Learned> learned_;
};

}  // namespace newsgraph::extract::events

#endif  // NEWSGRAPH_EXTRACT_EVENTS_ACTORS_H_
