#include "extract/events/actors.h"

#include <algorithm>

namespace newsgraph::extract::events {
namespace {

using document::Span;

constexpr int kMaxPhraseTokens = 16;
constexpr int kMaxNgram = 4;

bool IsPhraseRel(std::string_view r) {
  return r == "compound" || r == "flat" || r == "flat:name" || r == "amod" || r == "nmod:poss" || r == "det" ||
         r == "nmod" || r == "case" || r == "nummod" || r == "nmod:desc" || r == "appos";
}

bool IsNameRel(std::string_view r) { return r == "compound" || r == "flat" || r == "flat:name"; }

bool FirstPerson(std::string_view w) {
  return Tree::LowerEquals(w, "i") || Tree::LowerEquals(w, "we") || Tree::LowerEquals(w, "me") ||
         Tree::LowerEquals(w, "us") || Tree::LowerEquals(w, "our") || Tree::LowerEquals(w, "my");
}

// Nouns that count what their "of" phrase names.
bool IsCountNoun(std::string_view w) {
  for (std::string_view n : {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "thousand", "hundred"}) {
    if (Tree::LowerEquals(w, n)) return true;
  }
  return false;
}

}  // namespace

const document::Mention* ActorResolver::MentionAt(Span span) const {
  auto it = std::upper_bound(doc_.mentions.begin(), doc_.mentions.end(), span.start,
                             [](uint32_t pos, const document::Mention& m) { return pos < m.span.start; });
  // Mentions are in text order and do not nest much: look back a few.
  for (int k = 0; k < 4 && it != doc_.mentions.begin(); ++k) {
    --it;
    if (it->span.start <= span.start && it->span.end >= span.end) return &*it;
  }
  return nullptr;
}

const document::Mention* ActorResolver::NamedByTitle(const Tree& t, int head) const {
  if (t.tok(head).upos != "NOUN" && t.tok(head).upos != "PROPN") return nullptr;
  const document::Mention* found = nullptr;
  t.ForChildren(head, [&](int c) {
    if (found != nullptr || (t.rel(c) != "appos" && t.rel(c).substr(0, 4) != "flat")) return;
    const document::Mention* m = MentionAt(t.tok(c).span);
    if (m != nullptr && m->entity >= 0 && doc_.entities[m->entity].type == "PERSON") found = m;
    // "His rival, former president Jorge Quiroga,": the name in apposition to the title in
    // apposition.
    if (found == nullptr && t.rel(c) == "appos" && t.tok(c).upos == "NOUN") {
      t.ForChildren(c, [&](int g) {
        if (found != nullptr || (t.rel(g) != "appos" && t.rel(g).substr(0, 4) != "flat")) return;
        const document::Mention* n = MentionAt(t.tok(g).span);
        if (n != nullptr && n->entity >= 0 && doc_.entities[n->entity].type == "PERSON") found = n;
      });
    }
  });
  // "met Governor-General Sam Mostyn" with "Governor" parsed as the object and the name
  // beside it: the person named right after the capitalized title words.
  for (int k = head + 1; found == nullptr && k < t.size() && k <= head + 4; ++k) {
    const std::string& form = t.tok(k).form;
    if (const document::Mention* m = MentionAt(t.tok(k).span); m != nullptr) {
      if (m->span.start == t.tok(k).span.start && m->entity >= 0 && doc_.entities[m->entity].type == "PERSON" &&
          t.tok(head).upos == "PROPN") {
        found = m;
      }
      break;
    }
    if (form != "-" && (form.empty() || form[0] < 'A' || form[0] > 'Z')) break;
  }
  return found;
}

namespace {

// True if a word of tokens [b, e) starts with a capital letter.
bool AnyCapitalized(const Tree& t, int b, int e) {
  for (int k = b; k < e; ++k) {
    const std::string& f = t.tok(k).form;
    if (!f.empty() && f[0] >= 'A' && f[0] <= 'Z') return true;
  }
  return false;
}

}  // namespace

const kb::GazetteerEntry* ActorResolver::LookupName(std::string_view text) const {
  auto found = gaz_.LookupNormalized(kb::Gazetteer::Normalize(text));
  return found.empty() ? nullptr : &gaz_.entry(found[0]);
}

void ActorResolver::Fill(Actor& a, std::string country, std::string sector, std::string code) const {
  a.value.country = std::move(country);
  if (!code.empty()) {
    a.value.actor = std::move(code);
  } else if (!a.value.country.empty()) {
    a.value.actor = a.value.country + sector;
  }
}

namespace {

// Nouns that say what kind of body a name before them is ("the Georgian Dream party").
bool IsBodyNoun(std::string_view lemma) {
  return lemma == "party" || lemma == "group" || lemma == "movement" || lemma == "militia" || lemma == "faction" ||
         lemma == "alliance" || lemma == "coalition" || lemma == "organisation" || lemma == "organization" ||
         lemma == "company" || lemma == "firm";
}

// Nouns of people acting for a body that give it no sector of their own ("the UN
// coordinator", "EU negotiators"); agents.tsv lists those that do ("troops": MIL).
bool IsPeopleNoun(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {
      "coordinator", "envoy", "representative", "spokesman", "spokeswoman", "spokesperson", "chief", "head",
      "director",    "delegation", "delegate", "member", "staff", "team", "negotiator", "commander", "chairman",
      "secretary",   "official", "observer", "monitor", "inspector", "mediator", "ambassador"};
  return std::find(std::begin(kNouns), std::end(kNouns), lemma) != std::end(kNouns);
}

}  // namespace

Actor ActorResolver::FromEntity(int index) const {
  Actor a;
  if (index < 0 || index >= static_cast<int>(doc_.entities.size())) return a;
  const document::Entity& e = doc_.entities[index];
  a.value.entity = index;
  a.value.text = e.name;
  a.value.country = e.country;
  a.value.actor = e.actor;
  if (a.value.actor.empty() && !e.country.empty()) a.value.actor = e.country + e.sector;
  return a;
}

Actor ActorResolver::Resolve(const Tree& t, int head) {
  Actor a;
  // "Erdogan last visited Greece" parsed with "last" as the subject and the name as its
  // compound: a modifier word heads no actor, the name before it does.
  if (const std::string& upos = t.tok(head).upos; upos == "ADJ" || upos == "ADV") {
    int name = -1;
    t.ForChildren(head, [&](int c) {
      if (c < head && t.rel(c) == "compound" && t.tok(c).upos == "PROPN" && MentionAt(t.tok(c).span) != nullptr) name = c;
    });
    if (name >= 0) head = name;
  }
  // "the besieged city of El Fasher" is El Fasher.
  if (const std::string_view l = t.lemma(head); l == "city" || l == "town" || l == "village" || l == "capital" || l == "port") {
    int place = -1;
    t.ForChildren(head, [&](int c) {
      if (place < 0 && c > head && t.base_rel(c) == "nmod" && t.CaseOf(c) == "of" && t.tok(c).upos == "PROPN") place = c;
    });
    if (place >= 0) head = place;
  }
  // The phrase: the head and its name parts, modifiers and possessors.
  std::vector<int> phrase{head};
  for (size_t k = 0; k < phrase.size() && phrase.size() < kMaxPhraseTokens; ++k) {
    t.ForChildren(phrase[k], [&](int c) {
      if (phrase.size() >= kMaxPhraseTokens || !IsPhraseRel(t.rel(c))) return;
      // "the president of Russia", but not "rebels in a raid near the border".
      // "Tens of thousands of people": "of" goes on through a number's noun.
      const bool count_of = t.CaseOf(c) == "of" && IsCountNoun(t.tok(phrase[k]).form);
      if (t.base_rel(c) == "nmod" && t.rel(c) != "nmod:poss" && t.rel(c) != "nmod:desc" &&
          (k > 0 || t.CaseOf(c) != "of") && !count_of) {
        return;
      }
      if (t.rel(c) == "appos" && k > 0) return;
      phrase.push_back(c);
    });
  }
  std::sort(phrase.begin(), phrase.end());
  int lo = phrase.front(), hi = phrase.back();
  while (lo < head && t.rel(lo) == "case") ++lo;  // "with Russia" names Russia
  a.value.span = Span{t.tok(lo).span.start, t.tok(hi).span.end};
  a.value.text = std::string(doc_.SpanText(a.value.span));
  const document::Token& ht = t.tok(head);
  if (ht.upos == "PRON") {
    a.pronoun = true;
    a.first_person = FirstPerson(ht.form);
    a.value.span = ht.span;
    a.value.text = ht.form;
  }
  // 1. The entity layer: its actor code when it has one; a country alone is kept
  // for when the words below say nothing better. The mention is the head's, or that of
  // the name a title heads ("EU foreign policy chief Kaja Kallas", the name in apposition;
  // "UN Secretary-General Antonio Guterres", the name parsed as the title's flat parts).
  const document::Mention* m = MentionAt(ht.span);
  if (m == nullptr || m->entity < 0) m = NamedByTitle(t, head);
  Actor from_entity;
  if (m != nullptr && m->entity >= 0) {
    from_entity = FromEntity(m->entity);
    from_entity.value.span = a.value.span;
    from_entity.value.text = a.value.text;
    from_entity.pronoun = a.pronoun;
    from_entity.first_person = a.first_person;
    // An entity code with a sector (RUSGOV) is the resolver's word; a bare country is not better than ours.
    if (doc_.entities[m->entity].actor.size() > 3 || (a.pronoun && from_entity.Coded())) return from_entity;
    a.value.entity = m->entity;
  }
  if (a.pronoun) return a;
  // A person's own name says nothing of a country ("Deogracias Madrid declined" is no
  // Spanish government): only the words around it do ("Philippine official X"). Nor does
  // the name of a place the entity layer gave no country ("the Sea of Japan" is no Japan).
  if (m != nullptr && m->entity >= 0 &&
      (doc_.entities[m->entity].type == "PERSON" ||
       (doc_.entities[m->entity].type == "LOC" && doc_.entities[m->entity].country.empty()))) {
    std::erase_if(phrase, [&](int k) { return t.tok(k).span.start >= m->span.start && t.tok(k).span.end <= m->span.end; });
  }
  Actor resolved = ResolveWords(t, head, phrase, a);
  if (!resolved.Coded() && from_entity.Coded()) return from_entity;
  // "the ruling Georgian Dream party", "the Hamas movement": a body's name before the word
  // of what it is names the body, whatever nationality its words hold.
  if (m == nullptr && IsBodyNoun(t.lemma(head)) && head > 0 && t.head(head - 1) == head &&
      t.rel(head - 1) == "compound") {
    const document::Mention* org = MentionAt(t.tok(head - 1).span);
    if (org != nullptr && org->entity >= 0 && doc_.entities[org->entity].type == "ORG" &&
        doc_.entities[org->entity].actor.size() > 3) {
      Actor owner = FromEntity(org->entity);
      owner.value.span = a.value.span;
      owner.value.text = a.value.text;
      return owner;
    }
  }
  // "RSF fighters", "its fighters" (Hezbollah's): an organization the entity layer coded,
  // named or referred to before a head word of people (agents.tsv), is whose they are
  // ("OPEC oil" is no actor).
  if (!resolved.Coded() && m == nullptr &&
      (!dict_.AgentSector(kb::Gazetteer::Normalize(t.tok(head).form)).empty() ||
       !dict_.AgentSector(t.lemma(head)).empty() || IsPeopleNoun(t.lemma(head)))) {
    for (int k : phrase) {
      if (k >= head || (t.rel(k) != "compound" && t.rel(k) != "nmod:poss")) continue;
      const document::Mention* org = MentionAt(t.tok(k).span);
      if (org == nullptr || org->entity < 0 || doc_.entities[org->entity].type != "ORG") continue;
      Actor owner = FromEntity(org->entity);
      if (!owner.Coded()) continue;
      owner.value.span = a.value.span;
      owner.value.text = a.value.text;
      return owner;
    }
  }
  return resolved;
}

Actor ActorResolver::ResolveWords(const Tree& t, int head, const std::vector<int>& phrase, Actor a) {
  const document::Token& ht = t.tok(head);
  // 2. The name itself: known actors, then names learned earlier in the article.
  // The name: the head with its name parts (flat, compound) and the punctuation inside them ("Kim Jong-un").
  std::vector<int> name_tokens{head};
  for (size_t k = 0; k < name_tokens.size() && name_tokens.size() < kMaxPhraseTokens; ++k) {
    t.ForChildren(name_tokens[k], [&](int c) {
      if (IsNameRel(t.rel(c)) || (t.rel(c) == "punct" && t.tok(c).form == "-")) name_tokens.push_back(c);
    });
  }
  auto [name_lo, name_hi] = std::minmax_element(name_tokens.begin(), name_tokens.end());
  std::string name = kb::Gazetteer::Normalize(
      doc_.SpanText(Span{t.tok(*name_lo).span.start, t.tok(*name_hi).span.end}));
  std::string last = kb::Gazetteer::Normalize(ht.form);
  for (const std::string& key : {name, last}) {
    if (std::string_view code = dict_.KnownActor(key); !code.empty()) {
      Fill(a, std::string(code.substr(0, 3)), "", std::string(code));
      learned_[name] = Learned{a.value.actor, a.value.country};
      learned_.emplace(last, Learned{a.value.actor, a.value.country});
      return a;
    }
  }
  // 3. Countries, demonyms, capitals and organizations among the phrase's words.
  std::string country, sector, code;
  bool people_sector = false;  // the sector came from the head's word for people ("officials")
  bool head_is_place = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    for (size_t n = std::min<size_t>(kMaxNgram, phrase.size() - i); n >= 1; --n) {
      if (phrase[i + n - 1] - phrase[i] != static_cast<int>(n) - 1) continue;  // contiguous words only
      std::string key = kb::Gazetteer::Normalize(
          doc_.SpanText(Span{t.tok(phrase[i]).span.start, t.tok(phrase[i + n - 1]).span.end}));
      // "Officials of major brokerage firms": the body's word says whose officials they are.
      const bool people = n == 1 && IsPeopleNoun(t.lemma(phrase[i]));
      std::string_view agent = dict_.AgentSector(key);
      if (agent.empty() && n == 1 && people_sector) {
        agent = dict_.AgentSector(kb::Gazetteer::Normalize(t.lemma(phrase[i])));  // "of brokerage firms"
      }
      if (!agent.empty() && (sector.empty() || (people_sector && !people))) {
        people_sector = sector.empty() && people && phrase[i] == head;
        sector = std::string(agent);
      }
      // A known actor anywhere in the phrase ("Russia President Vladimir Putin") names it.
      if (std::string_view known = dict_.KnownActor(key); !known.empty() && code.empty()) {
        auto e = gaz_.LookupNormalized(key);
        bool is_place = !e.empty() && gaz_.entry(e[0]).type != kb::EntryType::kOrganization;
        if (!is_place || known.size() > 3) {
          code = std::string(known);
          country = code.substr(0, 3);
          head_is_place = false;
          i += n - 1;
          break;
        }
      }
      // "the Iran-backed group", "a U.S.-brokered truce": whose backing, not whose group.
      const int after = phrase[i + n - 1] + 1;
      if (after + 1 < t.size() && t.tok(after).form == "-" &&
          OneOf(t.tok(after + 1).form, {"backed", "brokered", "funded", "sponsored", "allied", "aligned",
                                             "designed", "made", "built", "supplied", "supported", "armed",
                                             "trained", "mediated", "proposed", "drafted"})) {
        i += n - 1;
        break;
      }
      auto found = gaz_.LookupNormalized(key);
      // "North American": a continent's adjective, not the United States'.
      if (found.empty() ||
          (phrase[i] > 0 && kb::Gazetteer::MakesContinental(kb::Gazetteer::Normalize(t.tok(phrase[i] - 1).form), key))) {
        continue;
      }
      const kb::GazetteerEntry& e = gaz_.entry(found[0]);
      // "his national security council" is no Security Council: a body's name is capitalized.
      if (e.type == kb::EntryType::kOrganization && !AnyCapitalized(t, phrase[i], phrase[i + n - 1] + 1)) continue;
      bool covers_head = phrase[i] <= head && head <= phrase[i + n - 1];
      std::string c;
      if (e.type == kb::EntryType::kCountry || e.type == kb::EntryType::kDemonym) c = e.country;
      if (e.type == kb::EntryType::kCity && e.detail == "PPLC") {
        c = e.country;
        if (covers_head) sector = "GOV";  // "Moscow said": the government
      } else if (e.type == kb::EntryType::kCity && covers_head && n == phrase.size() && e.population >= 100000) {
        c = e.country;  // "shelled Kharkiv": a large city alone stands for its country
      }
      // Coded as the entity layer codes it: IGOUNSC, NGOICRC.
      if (e.type == kb::EntryType::kOrganization && covers_head && code.empty()) code = e.OrganizationActorCode();
      if (!c.empty() && code.empty() && (country.empty() || (covers_head && !head_is_place))) {
        country = c;
        head_is_place = covers_head;
      }
      i += n - 1;
      break;
    }
  }
  if (country.empty() && code.empty() && sector.empty()) {
    for (const std::string& key : {name, last}) {
      auto it = learned_.find(key);
      if (it != learned_.end()) {
        Fill(a, it->second.country, "", it->second.actor);
        return a;
      }
    }
    return a;
  }
  if (country.empty() && code.empty() && !sector.empty()) {
    a.sector = sector;  // "opposition supporters": a group with no country named
    return a;
  }
  Fill(a, country, sector, code);
  // Learn the name ("Kim Jong-un" -> PRK) when the phrase names a person by a country modifier.
  bool capitalized = !ht.form.empty() && ht.form[0] >= 'A' && ht.form[0] <= 'Z';
  if ((ht.upos == "PROPN" || capitalized) && !head_is_place && !a.value.actor.empty() && t.rel(head) != "ROOT") {
    learned_[name] = Learned{a.value.actor, a.value.country};
    if (name != last) learned_.emplace(last, Learned{a.value.actor, a.value.country});
  }
  return a;
}

}  // namespace newsgraph::extract::events
