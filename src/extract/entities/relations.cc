// Relations read from the text (accompanied_by: "X was accompanied by A and B",
// "X's entourage includes A, B and C") and the last pass that turns the work
// state into Document::entities, mentions and relations.
#include <algorithm>
#include <map>

#include "base/strings.h"
#include "extract/entities/resolver_internal.h"

namespace newsgraph::extract::entities_internal {
namespace {

bool IsGroupWord(std::string_view w) {
  return w == "entourage" || w == "delegation" || w == "delegates" || w == "team" || w == "retinue";
}

bool IsIncludeWord(std::string_view w) {
  return w == "includes" || w == "included" || w == "including" || w == "include" || w == "comprises" ||
         w == "comprised" || w == "were" || w == "was" || w == "are" || w == "is";
}

// Person entities named (by name) in tokens [b, e), except `head`, in order.
std::vector<uint32_t> NamedPeople(const Work& w, uint32_t b, uint32_t e, int head) {
  std::vector<uint32_t> out;
  for (const WorkMention& m : w.mentions) {
    if (m.tb < b || m.te > e || m.kind != "name" || m.type != "PERSON" || m.entity < 0 || m.entity == head) continue;
    if (std::find(out.begin(), out.end(), static_cast<uint32_t>(m.entity)) == out.end()) out.push_back(m.entity);
  }
  return out;
}

// The person (or other entity) mention ending at or before token t in its sentence.
int LastEntityBefore(const Work& w, uint32_t t, bool person_only) {
  uint32_t sb = w.SentenceBegin(t);
  for (uint32_t k = t; k > sb; --k) {
    int c = w.covered[k - 1];
    if (c < 0 || w.mentions[c].entity < 0) continue;
    if (person_only && w.mentions[c].type != "PERSON") continue;
    return c;
  }
  return -1;
}

void AddRelation(Work& w, int head_mention, uint32_t members_b, uint32_t members_e) {
  int head = w.mentions[head_mention].entity;
  std::vector<uint32_t> members = NamedPeople(w, members_b, members_e, head);
  if (members.empty()) return;
  uint32_t last = 0;
  for (const WorkMention& m : w.mentions) {
    if (m.tb >= members_b && m.te <= members_e && m.entity >= 0 &&
        std::find(members.begin(), members.end(), static_cast<uint32_t>(m.entity)) != members.end()) {
      last = std::max(last, m.te);
    }
  }
  document::Relation r;
  r.type = "accompanied_by";
  r.head = static_cast<uint32_t>(head);
  r.members = std::move(members);
  r.evidence = {w.doc.tokens[w.mentions[head_mention].tb].span.start, w.doc.tokens[last - 1].span.end};
  w.doc.relations.push_back(std::move(r));
}

}  // namespace

void FindRelations(Work& w) {
  w.doc.relations.clear();
  for (const document::Sentence& s : w.doc.sentences) {
    for (uint32_t t = s.token_begin; t + 1 < s.token_end; ++t) {
      if (w.norm[t] == "accompanied" && w.norm[t + 1] == "by") {
        int head = LastEntityBefore(w, t, true);
        if (head >= 0) AddRelation(w, head, t + 2, s.token_end);
      } else if (IsGroupWord(w.norm[t])) {
        // "Kim's (powerful) entourage includes ...", "His delegation also included ..."
        uint32_t include = t + 1;
        if (include + 1 < s.token_end && w.doc.tokens[include].upos == "ADV") ++include;
        if (!IsIncludeWord(w.norm[include])) continue;
        uint32_t k = t;
        while (k > s.token_begin + 1 && w.doc.tokens[k - 1].upos == "ADJ") --k;
        int head = -1;
        if (k >= s.token_begin + 2 && w.IsPossessive(k - 1)) {
          head = w.covered[k - 2];
        } else if (k > s.token_begin && (w.norm[k - 1] == "his" || w.norm[k - 1] == "her")) {
          head = w.covered[k - 1];  // the pronoun's mention, clustered with its person
        }
        if (head >= 0 && w.mentions[head].entity >= 0) AddRelation(w, head, include + 1, s.token_end);
      }
    }
  }
  // Members the text gives no country take the head's ("Kim's entourage").
  for (const document::Relation& r : w.doc.relations) {
    const WorkEntity& head = w.entities[r.head];
    for (uint32_t m : r.members) {
      WorkEntity& e = w.entities[m];
      if (e.country.empty() && head.type == "PERSON") e.country = head.country;
    }
  }
}

namespace {

std::string ActorCode(const WorkEntity& e) {
  if (!e.code.empty()) return e.code;
  if (e.country.empty()) return "";
  if (e.type == "GPE") return e.political ? e.country + "GOV" : "";
  return e.country + e.sector;
}

}  // namespace

// A nationality, place or organization named next to one of the person's names ("Soviet
// leader Mikhail Gorbachev", "Mobil president X", "X, a Soviet official"), or another country
// than `home` named in a sentence with the name: the text may say whose the person is.
// A word that may stand in a title before a name: nouns, adjectives, names, numbers and
// the possessive 's; in untagged text (or tagged X), anything but punctuation and function words.
bool InTitle(const Work& w, uint32_t t) {
  const std::string& upos = w.doc.tokens[t].upos;
  if (!upos.empty() && upos != "X") {
    return upos == "NOUN" || upos == "PROPN" || upos == "ADJ" || upos == "NUM" || upos == "PART";
  }
  const std::string& n = w.norm[t];
  for (const char* stop : {"", "in", "as", "at", "of", "and", "by", "with", "for", "to", "from", "on", "against", "the",
                           "a", "an", "said", "says"}) {
    if (n == stop) return false;
  }
  return w.Capitalized(t) || AllWordChars(w.Form(t));
}

bool NamesAnAffiliation(const Work& w, const WorkEntity& e, const std::string& home) {
  constexpr uint32_t kReach = 5;
  // A body named, or described with another country ("a critic of the government" is
  // no affiliation of the home country's president).
  auto affiliation = [&](uint32_t t) {
    int c = w.covered[t];
    if (c < 0) return false;
    const WorkMention& a = w.mentions[c];
    if (a.type != "NORP" && a.type != "GPE" && a.type != "ORG") return false;
    return a.kind == "name" || (!a.country.empty() && a.country != home);
  };
  for (int i : e.mentions) {
    const WorkMention& m = w.mentions[i];
    if (m.kind != "name") continue;
    const uint32_t sb = w.SentenceBegin(m.tb), se = w.SentenceEnd(m.tb);
    // Another country named in the sentence may be the person's ("Prime Minister Benjamin
    // Netanyahu said Israel would ..." in a story about Iran).
    for (uint32_t t = sb; t < se; ++t) {
      const int c = w.covered[t];
      if (c >= 0 && (w.mentions[c].type == "GPE" || w.mentions[c].type == "NORP") && !w.mentions[c].country.empty() &&
          w.mentions[c].country != home) {
        return true;
      }
    }
    // Before the name, within its title only ("Soviet leader", "Russia's foreign ministry
    // spokeswoman"), not across a preposition ("protest in Belgrade as Vucic said").
    for (uint32_t t = m.tb, n = 0; t > sb && n < kReach && InTitle(w, t - 1); --t, ++n) {
      if (affiliation(t - 1)) return true;
    }
    if (m.te < se && w.Form(m.te) == ",") {
      for (uint32_t t = m.te + 1; t < se && t <= m.te + kReach && w.Form(t) != ","; ++t) {
        if (affiliation(t)) return true;
      }
    }
  }
  return false;
}

// "Army chief General X" in a story that names "Sudan's army": an officer with no country
// of his own serves the one country whose armed forces the story names (none when it
// names two countries' forces).
void OfficersOfTheNamedForces(Work& w) {
  std::string forces_of;
  for (const WorkEntity& e : w.entities) {
    if (e.type != "ORG" || e.sector != "MIL" || e.country.empty()) continue;
    if (!forces_of.empty() && forces_of != e.country) return;
    forces_of = e.country;
  }
  if (forces_of.empty()) return;
  for (WorkEntity& e : w.entities) {
    if (e.type == "PERSON" && e.country.empty() && e.code.empty() && e.sector == "MIL" &&
        !NamesAnAffiliation(w, e, forces_of)) {
      e.country = forces_of;
    }
  }
}

void OfficialsOfTheHomeCountry(Work& w) {
  OfficersOfTheNamedForces(w);
  // Place names by country, to find the country the story is about.
  constexpr int kMinMentions = 3, kMinDatelineMentions = 2;
  std::map<std::string, int> named;
  for (const WorkMention& m : w.mentions) {
    if (m.kind == "name" && (m.type == "GPE" || m.type == "NORP" || m.type == "LOC") && !m.country.empty()) {
      ++named[m.country];
    }
  }
  std::string home;
  int first = 0, second = 0;
  for (const auto& [country, n] : named) {
    if (n > first) {
      second = first, first = n, home = country;
    } else if (n > second) {
      second = n;
    }
  }
  // Filed from a country's town, a story names its own officials with a bare title, whoever
  // else it names more ("CARACAS - ... President Nicolas Maduro met a special envoy sent by
  // Washington ... U.S. ... United States ..."), when it names that country too. With no
  // dateline, the country named at least three times and twice as often as any other.
  std::string filed_from;
  if (std::string place = w.doc.DatelinePlace(); !place.empty()) {
    auto found = w.gaz.Lookup(place);
    if (!found.empty()) filed_from = found[0]->country;
  }
  if (!filed_from.empty()) {
    auto it = named.find(filed_from);
    if (it == named.end() || it->second < kMinDatelineMentions) return;
    home = filed_from;
  } else if (first < kMinMentions || first < 2 * second) {
    return;
  }
  for (WorkEntity& e : w.entities) {
    const bool domestic = e.sector == "GOV" || e.sector == "OPP" || e.sector == "LEG" || e.sector == "JUD" ||
                          e.sector == "MIL" || e.sector == "COP" || e.sector == "PTY";
    if (e.type == "PERSON" && e.country.empty() && e.code.empty() && domestic && !e.roles.empty() &&
        !NamesAnAffiliation(w, e, home)) {
      e.country = home;
    }
    // "the paramilitary Rapid Support Forces" in a story about Sudan: an armed force or a
    // police named without a country is the home country's. (Not every body: "Congress"
    // in a story about Japan is still the American one.)
    if (e.type == "ORG" && e.country.empty() && e.code.empty() && (e.sector == "MIL" || e.sector == "COP") &&
        !NamesAnAffiliation(w, e, home)) {
      e.country = home;
    }
    // So is a ministry ("the Interior Ministry said" in a story filed from Tbilisi), but
    // for the United States, whose government has departments: there it is another's.
    if (e.type == "ORG" && e.country.empty() && e.code.empty() && e.sector == "GOV" && home != "USA" &&
        !e.name_words.empty() && e.name_words.back() == "ministry" && !NamesAnAffiliation(w, e, home)) {
      e.country = home;
    }
  }
}

void FinishEntities(Work& w) {
  document::Document& doc = w.doc;
  // Entities in order of first mention; each gets its e<N> id.
  std::vector<int> order;
  for (size_t i = 0; i < w.entities.size(); ++i) {
    if (!w.entities[i].mentions.empty()) order.push_back(static_cast<int>(i));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const std::vector<int>& ma = w.entities[a].mentions;
    const std::vector<int>& mb = w.entities[b].mentions;
    return *std::min_element(ma.begin(), ma.end()) < *std::min_element(mb.begin(), mb.end());
  });
  std::vector<int> new_index(w.entities.size(), -1);
  for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int>(i);

  // Mentions: clustered ones plus the pass-through ones, in text order.
  struct Out {
    document::Mention m;
    int work = -1;
  };
  std::vector<Out> out;
  out.reserve(w.mentions.size() + w.others.size());
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    const WorkMention& m = w.mentions[i];
    if (m.entity < 0) continue;
    document::Span span{doc.tokens[m.tb].span.start, doc.tokens[m.te - 1].span.end};
    // Descriptions and pronouns take their entity's type ("its" of a country is GPE).
    const std::string& type = m.kind == "name" ? m.type : w.entities[m.entity].type;
    out.push_back({{span, type, m.kind, new_index[m.entity]}, static_cast<int>(i)});
  }
  for (const document::Mention& m : w.others) out.push_back({m, -1});
  std::stable_sort(out.begin(), out.end(), [](const Out& a, const Out& b) {
    if (a.m.span.start != b.m.span.start) return a.m.span.start < b.m.span.start;
    return a.m.span.end > b.m.span.end;
  });

  doc.entities.assign(order.size(), document::Entity{});
  doc.mentions.clear();
  doc.mentions.reserve(out.size());
  for (Out& o : out) {
    if (o.m.entity >= 0) doc.entities[o.m.entity].mentions.push_back(static_cast<uint32_t>(doc.mentions.size()));
    doc.mentions.push_back(std::move(o.m));
  }
  for (size_t i = 0; i < order.size(); ++i) {
    const WorkEntity& e = w.entities[order[i]];
    document::Entity& d = doc.entities[i];
    d.id = "e" + std::to_string(i + 1);
    d.type = e.type;
    if (e.best_name >= 0) {
      const WorkMention& best = w.mentions[e.best_name];
      d.name = !best.canonical.empty() ? best.canonical
                                       : base::CollapseWhitespace(doc.SpanText(
                                             {doc.tokens[best.tb].span.start, doc.tokens[best.te - 1].span.end}));
    } else {
      const WorkMention& first = w.mentions[e.mentions.front()];
      d.name = base::CollapseWhitespace(
          doc.SpanText({doc.tokens[first.tb].span.start, doc.tokens[first.te - 1].span.end}));
    }
    d.country = e.country;
    d.sector = e.type == "GPE" && e.political ? "GOV" : e.sector;
    d.actor = ActorCode(e);
    if (e.type == "GPE" && e.code.empty() && !e.political && !e.country.empty()) {
      // A country stands for itself (RUS); a city only gives its country.
      const WorkMention& best = w.mentions[e.best_name >= 0 ? e.best_name : e.mentions.front()];
      if (!best.capital && !best.canonical.empty()) d.actor = e.country;
    }
    if (e.type == "NORP" && !e.country.empty()) d.actor = e.country;
    d.roles = e.roles;
  }
  for (document::Relation& r : doc.relations) {
    r.head = static_cast<uint32_t>(new_index[r.head]);
    for (uint32_t& m : r.members) m = static_cast<uint32_t>(new_index[m]);
  }
}

}  // namespace newsgraph::extract::entities_internal
