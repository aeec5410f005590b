// Coreference within one document, left to right: names by spelling (full name,
// surname or given name of a person already seen), descriptions by role and
// country, pronouns by recency and gender (from roles, pronouns already joined and
// the given name). A surname shared by two people goes
// to the one named more often so far; it never merges the two.
#include <algorithm>
#include <unordered_set>

#include "base/strings.h"
#include "extract/entities/resolver_internal.h"

namespace newsgraph::extract::entities_internal {
namespace {

constexpr int kPronounSentences = 4;  // how far back a pronoun looks (sentences)
// Bounds on the candidates looked at, so a list of 10,000 names stays linear.
constexpr size_t kMaxCandidates = 400;

std::vector<std::string> NameWords(const Work& w, const WorkMention& m) {
  std::vector<std::string> words;
  for (uint32_t t = m.tb; t < m.te; ++t) {
    if (!w.norm[t].empty()) words.push_back(w.norm[t]);
  }
  // "Robert M. Hale Jr." is "Hale" too.
  while (words.size() > 1 && (words.back() == "jr" || words.back() == "sr" || words.back() == "ii" ||
                              words.back() == "iii" || words.back() == "iv")) {
    words.pop_back();
  }
  return words;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string key;
  for (const std::string& s : words) {
    for (char c : s) {
      if (c != ' ') key.push_back(c);
    }
  }
  return key;
}

// The gender a person's given name tells ("Hillary Clinton" F), '-' when unclear. Names
// that may be written surname first have no given name in front: a first word of two
// letters (Xi, Li, To), a short hyphenated pair after it (Kim Jong-un, Moon Jae-in), or
// only short words after it (Kim Yo Jong, Pham Minh Chinh, Aung San Suu Kyi).
char GivenNameGender(const Work& w, const WorkMention& m) {
  uint32_t end = m.te;
  while (end > m.tb && w.IsPossessive(end - 1)) --end;  // "Melanie 's" is one word
  if (end - m.tb < 2 || w.Form(m.tb).size() < 3) return '-';
  bool all_short = end - m.tb >= 3;
  for (uint32_t t = m.tb + 1; t < end; ++t) {
    std::string_view f = w.Form(t);
    if (f.size() <= 2 && f.back() == '.') continue;  // an initial ("George W. Bush")
    size_t dash = f.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash <= 4 && f.size() - dash - 1 <= 4) return '-';
    all_short = all_short && f.size() <= 5;
  }
  return all_short ? '-' : w.kb.GivenNameGender(base::AsciiLower(w.Form(m.tb)));
}

int NewEntity(Work& w, const std::string& type) {
  w.entities.push_back(WorkEntity{});
  w.entities.back().type = type;
  return static_cast<int>(w.entities.size() - 1);
}

void Join(Work& w, int mention, int entity) {
  WorkMention& m = w.mentions[mention];
  WorkEntity& e = w.entities[entity];
  m.entity = entity;
  e.mentions.push_back(mention);
  if (e.country.empty()) e.country = m.country;
  if (e.sector.empty()) e.sector = !m.role_sector.empty() ? m.role_sector : m.sector;
  if (e.code.empty()) e.code = m.code;
  if ((e.gender == '-' || e.gender_from_name) && (m.gender == 'M' || m.gender == 'F')) {
    e.gender = m.gender;  // a role or a pronoun says more than a given name
    e.gender_from_name = false;
  } else if (e.gender == '-' && m.type == "PERSON" && m.kind == "name") {
    e.gender = GivenNameGender(w, m);
    e.gender_from_name = e.gender != '-';
  }
  e.political = e.political || m.political;
  for (const std::string& r : m.roles) {
    if (std::find(e.roles.begin(), e.roles.end(), r) == e.roles.end()) e.roles.push_back(r);
  }
  if (m.kind != "name") return;
  // A stock ticker ("Manufacturers Hanover Corp <MHC>") names the company once more, but
  // does not make it more what the story is about.
  const bool ticker = m.tb > 0 && m.te < w.doc.tokens.size() && w.Form(m.tb - 1) == "<" && w.Form(m.te) == ">";
  if (!ticker) ++e.name_mentions;
  std::vector<std::string> words = NameWords(w, m);
  if (words.size() > e.name_words.size()) {
    e.name_words = std::move(words);
    e.key = Joined(e.name_words);
    e.best_name = mention;
  }
}

// True when `word` is a middle word of a person's name of three words or more, not a particle
// ("Lula" of "Luiz Inacio Lula da Silva"; not "bin" of "Mohammed bin Salman").
bool IsMiddleName(const std::vector<std::string>& name, const std::string& word) {
  static const std::unordered_set<std::string_view> kParticles = {
      "bin", "ibn", "abu", "abd", "van", "von", "der", "den", "del", "della", "las", "los", "al", "el", "de", "da", "di"};
  if (word.size() < 3 || kParticles.count(word) > 0) return false;
  for (size_t i = 1; i + 1 < name.size(); ++i) {
    if (name[i] == word) return true;
  }
  return false;
}

// The person entity a name refers to, or -1: same key, or one word of a longer name
// (first, last, or a middle name of its own), or a longer name whose first or last word is
// a one-word entity.
int MatchPerson(const Work& w, const std::vector<std::string>& words, const std::string& key) {
  int best = -1, best_score = -1;
  for (size_t i = w.entities.size() > kMaxCandidates ? w.entities.size() - kMaxCandidates : 0; i < w.entities.size(); ++i) {
    const WorkEntity& e = w.entities[i];
    if (e.type != "PERSON" || e.name_words.empty()) continue;
    int score = -1;
    if (e.key == key) {
      score = 1000;
    } else if (words.size() == 1 && e.name_words.size() > 1 &&
               (e.name_words.front() == words[0] || e.name_words.back() == words[0])) {
      score = e.name_mentions;
    } else if (words.size() == 1 && e.name_words.size() > 2 && IsMiddleName(e.name_words, words[0])) {
      score = e.name_mentions - 1;  // "Lula" of "Luiz Inacio Lula da Silva"; below a first or last word
    } else if (e.name_words.size() == 1 && words.size() > 1 &&
               (words.front() == e.name_words[0] || words.back() == e.name_words[0])) {
      score = 500 + e.name_mentions;
    } else if (words.size() > 1 && words.size() < e.name_words.size() &&
               (std::equal(words.begin(), words.end(), e.name_words.begin()) ||
                std::equal(words.rbegin(), words.rend(), e.name_words.rbegin()))) {
      score = e.name_mentions;  // "Abdul-Aziz" of "Abdul-Aziz bin Khalifa al-Thani"
    }
    if (score > best_score) best = static_cast<int>(i), best_score = score;
  }
  return best;
}

// "RSF" for "Rapid Support Forces": the first letters of the name's capitalized words (so
// not of "of", "the", "and"); "" when fewer than two.
std::string Initials(const Work& w, const WorkMention& m) {
  std::string out;
  for (uint32_t t = m.tb; t < m.te; ++t) {
    if (w.Capitalized(t)) out.push_back(w.Form(t)[0]);
  }
  return out.size() >= 2 ? out : std::string();
}

// An acronym as written: 3 to 6 capital letters.
bool IsAcronym(std::string_view s) {
  if (s.size() < 3 || s.size() > 6) return false;  // two letters are too often something else ("MS-DOS")
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// A company's short name: the first one or two words of one longer organization named
// before it ("Enterra" for "Enterra Corp", "Royal Bank" for "Royal Bank of Canada"); -1 when
// no organization or more than one begins so ("Fujitsu Ltd" and "Fujitsu America Inc").
int MatchShortName(const Work& w, const WorkMention& m, const std::vector<std::string>& words) {
  if (m.type != "ORG" || !m.code.empty() || words.empty() || words.size() > 2) return -1;
  for (uint32_t t = m.tb; t < m.te; ++t) {
    if (!w.Capitalized(t)) return -1;
  }
  int found = -1;
  for (size_t i = w.entities.size() > kMaxCandidates ? w.entities.size() - kMaxCandidates : 0; i < w.entities.size(); ++i) {
    const WorkEntity& e = w.entities[i];
    if (e.type != "ORG" || e.best_name < 0) continue;
    const std::vector<std::string> longer = NameWords(w, w.mentions[e.best_name]);
    if (longer.size() <= words.size() || !std::equal(words.begin(), words.end(), longer.begin())) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(i);
  }
  return found;
}

int MatchOther(const Work& w, const WorkMention& m, const std::string& key) {
  // An acronym the knowledge base knows is that body ("KPA": the Korean People's Army), not
  // the initials of a name in the text.
  const bool acronym = m.type == "ORG" && m.te == m.tb + 1 && IsAcronym(w.Form(m.tb)) && m.code.empty() &&
                       m.canonical.empty() && m.country.empty() && m.sector.empty();
  for (size_t i = w.entities.size() > kMaxCandidates ? w.entities.size() - kMaxCandidates : 0; i < w.entities.size(); ++i) {
    const WorkEntity& e = w.entities[i];
    if (e.type != m.type || e.best_name < 0) continue;
    const WorkMention& best = w.mentions[e.best_name];
    if (!m.code.empty() && m.code == e.code) return static_cast<int>(i);
    // Two names of one entry of the gazetteer or the knowledge base ("Houthi" and "Houthis",
    // "FSB" and "Federal Security Service") are one place or body.
    if ((m.type == "GPE" || m.type == "ORG") && !m.canonical.empty() && m.canonical == best.canonical) {
      return static_cast<int>(i);
    }
    if (e.key == key) return static_cast<int>(i);
    if (acronym && best.code.empty() && Initials(w, best) == w.Form(m.tb)) return static_cast<int>(i);
    // The acronym first ("RSF attack" in a headline), the name later.
    if (m.type == "ORG" && m.code.empty() && best.te == best.tb + 1 && IsAcronym(w.Form(best.tb)) &&
        Initials(w, m) == w.Form(best.tb)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool GenericLeader(const std::string& r) { return r == "leader" || r == "head of state" || r == "supreme leader"; }
bool SpecificLeader(const std::string& r) {
  return r == "president" || r == "king" || r == "queen" || r == "prime minister" || r == "premier" ||
         r == "chancellor" || r == "emperor";
}

// `role` is a kind of `head`: it ends with that word, and the word before it does not
// make it a lower or another office ("foreign minister" is a minister; "vice president"
// and "former president" are not the president).
bool KindOf(const std::string& role, const std::string& head) {
  if (role.size() <= head.size() + 1 || role.compare(role.size() - head.size(), head.size(), head) != 0 ||
      role[role.size() - head.size() - 1] != ' ') {
    return false;
  }
  const std::string before = role.substr(0, role.size() - head.size() - 1);
  const std::string last = before.substr(before.rfind(' ') == std::string::npos ? 0 : before.rfind(' ') + 1);
  static const char* const kOtherOffice[] = {"vice", "deputy", "assistant", "former", "acting", "under",
                                             "associate", "ex", "co", "sub", "junior", "interim"};
  for (const char* o : kOtherOffice) {
    if (last == o) return false;
  }
  return true;
}

// Whether a person known as `known` may be described as `described`: "leader" may be
// the president, the prime minister or the king; a president is not a prime minister;
// "the minister" may be the foreign minister.
bool CompatibleRole(const std::string& known, const std::string& described) {
  if (known == described || KindOf(known, described)) return true;
  return (GenericLeader(known) && (GenericLeader(described) || SpecificLeader(described))) ||
         (GenericLeader(described) && SpecificLeader(known));
}

bool ConflictingRole(const std::vector<std::string>& roles, const std::string& r) {
  if (!SpecificLeader(r)) return false;
  for (const std::string& x : roles) {
    if (SpecificLeader(x) && x != r) return true;
  }
  return false;
}

// A description: the earlier person with a compatible role and country.
int MatchNominal(const Work& w, int mention) {
  const WorkMention& m = w.mentions[mention];
  int best = -1, best_score = 0;
  for (size_t i = w.entities.size() > kMaxCandidates ? w.entities.size() - kMaxCandidates : 0; i < w.entities.size(); ++i) {
    const WorkEntity& e = w.entities[i];
    if (e.type != "PERSON") continue;
    if (!m.country.empty() && !e.country.empty() && m.country != e.country) continue;
    if (m.gender != '-' && e.gender != '-' && m.gender != e.gender) continue;
    if (ConflictingRole(e.roles, m.role)) continue;
    bool role = false;
    for (const std::string& r : e.roles) role = role || CompatibleRole(r, m.role);
    // Without a role in common, only a country's leader is found by the country: a
    // country has one ("the North Korean leader" after "Kim Jong-un" alone, who may not
    // even have a country yet), but many spokesmen and mayors. Nor is a person known by
    // other roles this one ("Russia's defence minister" after President Putin).
    if (!role && (!e.roles.empty() || !(GenericLeader(m.role) || SpecificLeader(m.role)))) continue;
    int score = (role ? 100 : 0) + (!m.country.empty() && m.country == e.country ? 10 : 0) +
                (!m.country.empty() && e.country.empty() && e.name_mentions > 0 ? 3 : 0);
    if (score < 3) continue;
    score += e.name_mentions;
    if (score > best_score) best = static_cast<int>(i), best_score = score;
  }
  return best;
}

// True if a word of mention `c` is the subject of its clause ("Norvik Steel said").
bool IsSubject(const Work& w, const WorkMention& c) {
  for (uint32_t t = c.tb; t < c.te; ++t) {
    const std::string& rel = w.doc.tokens[t].deprel;
    if (rel == "nsubj" || rel == "nsubj:pass") return true;
  }
  return false;
}

// How far back a description of a body looks (sentences): "the ministry", "the country",
// "the government"; "the company" looks further for the story's main company.
constexpr int kBodySentences = 3, kCompanySentences = 8;

// The one country named in the last kBodySentences before `mention`, or -1 (none,
// or two: "hosted North Korea's leader at the country's spaceport" is the host's).
// A country is the gazetteer's name, not a town's ("Peru", not "Lima").
int OnlyCountry(const Work& w, int mention) {
  const int sentence = w.sentence_of[w.mentions[mention].tb];
  int found = -1;
  for (int i = mention - 1; i >= std::max(0, mention - static_cast<int>(kMaxCandidates)); --i) {
    const WorkMention& c = w.mentions[i];
    if (sentence - w.sentence_of[c.tb] > kBodySentences) break;
    if (c.entity < 0 || c.kind != "name" || c.type != "GPE" || c.canonical.empty() || c.capital) continue;
    if (found >= 0 && found != c.entity) return -1;
    found = c.entity;
  }
  return found;
}

// A body described by what it is. "the ministry", "the bank", "the group": the latest
// organization within kBodySentences whose name has the word ("Foreign Ministry of
// Japan", "Bank of England", "Airlines" for "the airline"). "the company", "the firm",
// "the corporation": the story's main company among those named in the last
// kCompanySentences, by how often it was named and whether it acted as a subject
// (the one a story is about; "the company said" after "Carling O'Keefe said ... its
// football club" is Carling), never a public body. "the group" with no group so named:
// the latest armed group ("Hezbollah ... the group has vowed"). "the country": the one country
// named in the last kBodySentences.
// True when one of the three words before name mention `c` is `word` ("paramilitary" in
// "Sudan's paramilitary Rapid Support Forces").
bool DescribedBefore(const Work& w, const WorkMention& c, const std::string& word) {
  const uint32_t sb = w.SentenceBegin(c.tb);
  for (uint32_t k = c.tb; k > sb && c.tb - k < 3; --k) {
    if (w.norm[k - 1] == word) return true;
  }
  return false;
}

int MatchBodyDescription(const Work& w, int mention) {
  const WorkMention& m = w.mentions[mention];
  const int sentence = w.sentence_of[m.tb];
  const bool country = m.description == "country" || m.description == "nation";
  const bool company = m.description == "company" || m.description == "firm" || m.description == "corporation";
  if (country) return OnlyCountry(w, mention);
  const std::string plural = m.description + "s";
  int best = -1, best_score = -1, armed_group = -1;
  std::vector<int> seen;  // entities already scored
  for (int i = mention - 1; i >= std::max(0, mention - static_cast<int>(kMaxCandidates)); --i) {
    const WorkMention& c = w.mentions[i];
    const int back = sentence - w.sentence_of[c.tb];
    if (back > (company ? kCompanySentences : kBodySentences)) break;
    if (c.entity < 0 || c.kind != "name") continue;
    const WorkEntity& e = w.entities[c.entity];
    if (e.type != "ORG") continue;
    if (!m.described_as.empty()) {
      // "the paramilitary group": a body introduced as "paramilitary" ("Sudan's paramilitary
      // Rapid Support Forces") or so named; else "the Iran-backed group", "the militant
      // group" is the latest armed group named.
      if (DescribedBefore(w, c, m.described_as)) return c.entity;
      for (const std::string& word : e.name_words) {
        if (word == m.described_as) return c.entity;
      }
      if (m.description == "group" && armed_group < 0 && e.sector == "REB") armed_group = c.entity;
      continue;
    }
    if (!company) {
      for (const std::string& word : e.name_words) {
        if (word == m.description || word == plural) return c.entity;
      }
      if (m.description == "group" && armed_group < 0 && e.sector == "REB") armed_group = c.entity;
      continue;
    }
    const bool public_body = !e.code.empty() || (!e.sector.empty() && e.sector != "BUS");
    if (public_body || std::find(seen.begin(), seen.end(), c.entity) != seen.end()) continue;
    seen.push_back(c.entity);
    bool subject = false;
    for (int k : e.mentions) subject = subject || (w.mentions[k].kind == "name" && IsSubject(w, w.mentions[k]));
    const int score = 2 * e.name_mentions + (subject ? 3 : 0) + (back <= 1 ? 1 : 0);
    if (score > best_score) best = c.entity, best_score = score;  // ties: the later one
  }
  return best >= 0 ? best : armed_group;
}

// "The government said ...": the government of the one country named in the last
// kBodySentences, an entity of its own (the country's actor with sector GOV, PERGOV),
// which later such descriptions of the same country join. -1 when no one country.
int CountryGovernment(Work& w, int mention) {
  const int country = OnlyCountry(w, mention);
  if (country < 0 || w.entities[country].country.empty()) return -1;
  const std::string key = "government of " + w.entities[country].country;
  for (size_t i = 0; i < w.entities.size(); ++i) {
    if (w.entities[i].key == key) return static_cast<int>(i);
  }
  const int e = NewEntity(w, "ORG");
  w.entities[e].key = key;
  w.entities[e].country = w.entities[country].country;
  w.entities[e].sector = "GOV";
  return e;
}

// "the Israeli military": the body of the country its nationality names, one entity for
// each country and body word, which "the government" of that country also joins.
int NamedCountryBody(Work& w, int mention) {
  const WorkMention& m = w.mentions[mention];
  const std::string key = m.description + " of " + m.country;
  for (size_t i = 0; i < w.entities.size(); ++i) {
    if (w.entities[i].key == key) return static_cast<int>(i);
  }
  const int e = NewEntity(w, "ORG");
  w.entities[e].key = key;
  w.entities[e].country = m.country;
  w.entities[e].sector = m.sector;
  return e;
}

// True if a word of mention `c` is the subject of its sentence's main verb.
bool IsMainSubject(const Work& w, const WorkMention& c) {
  for (uint32_t t = c.tb; t < c.te; ++t) {
    const std::string& rel = w.doc.tokens[t].deprel;
    if (rel != "nsubj" && rel != "nsubj:pass") continue;
    const int h = w.HeadOf(t);
    if (h >= 0 && w.doc.tokens[h].deprel == "root") return true;
  }
  return false;
}

// A pronoun: the latest compatible mention within kPronounSentences, skipping
// headings (they interrupt the narrative, not continue it); else the latest person whose
// gender only a given name suggested. "its" looks back one sentence and prefers a subject.
// True if token t is between an opening quote mark of its paragraph and its closing
// one: "'... he has to try,' Dole said" speaks of someone else than its speaker.
bool InsideQuotation(const Work& w, uint32_t t) {
  // The paragraph: back over sentences not parted by a blank line (at most five).
  int s = w.sentence_of[t];
  for (int back = 0; s > 0 && back < 5; ++back, --s) {
    const size_t gap_b = w.doc.sentences[s - 1].span.end, gap_e = w.doc.sentences[s].span.start;
    if (gap_e <= gap_b || w.doc.text.substr(gap_b, gap_e - gap_b).find("\n\n") != std::string::npos) break;
  }
  bool open = false;
  for (uint32_t k = w.doc.sentences[s].token_begin; k < t; ++k) {
    const std::string_view f = w.Form(k);
    if (f == "\xE2\x80\x9C" || f == "``") {
      open = true;
    } else if (f == "\xE2\x80\x9D" || f == "''") {
      open = false;
    } else if (f == "\"") {
      open = !open;
    }
  }
  return open;
}

// A person whose gender does not contradict the pronoun's.
bool FitsPronoun(const WorkEntity& e, const WorkMention& pronoun) {
  return e.type == "PERSON" && (e.gender == '-' || e.gender == pronoun.gender);
}

int MatchPronoun(const Work& w, int mention) {
  const WorkMention& m = w.mentions[mention];
  int sentence = w.sentence_of[m.tb];
  int lowest = std::max(0, mention - static_cast<int>(kMaxCandidates));
  int fallback = -1;
  for (int i = mention - 1; i >= lowest; --i) {
    const WorkMention& c = w.mentions[i];
    int s = w.sentence_of[c.tb];
    if (sentence - s > kPronounSentences) break;
    if (c.entity < 0 || c.te > m.tb) continue;
    if (s != sentence && w.crosshead[s]) continue;
    const WorkEntity& e = w.entities[c.entity];
    if (m.gender == 'N') {
      if (sentence - s > 1) break;
      if (e.type != "ORG" && (e.type != "GPE" || e.country.empty())) continue;
      // The latest one that acted as a subject, else the latest: "Norvik Steel said it
      // would close plants in Ohio. Its chief executive ..." is the company's.
      if (IsSubject(w, c)) return c.entity;
      if (fallback < 0) fallback = c.entity;
      continue;
    }
    if (!FitsPronoun(e, m)) {
      // Only the given name disagrees ("Devin" ... "she"): taken if nobody else fits.
      if (e.type == "PERSON" && e.gender_from_name && fallback < 0) fallback = c.entity;
      continue;
    }
    // In an earlier sentence its main subject outranks later mentions: "Fidan, who met
    // Gerapetritis in Ankara, told reporters ... . 'We ...,' he said." is Fidan.
    if (s != sentence && !IsMainSubject(w, c) && !InsideQuotation(w, m.tb)) {
      for (int k = i - 1; k >= lowest && w.sentence_of[w.mentions[k].tb] == s; --k) {
        const WorkMention& o = w.mentions[k];
        if (o.entity >= 0 && o.entity != c.entity && FitsPronoun(w.entities[o.entity], m) && IsMainSubject(w, o)) {
          return o.entity;
        }
      }
    }
    return c.entity;
  }
  return fallback;
}

// "Hale said" after "Ingrid Solberg-Hale": a one-word name typed as a town (the
// gazetteer knows a Hale) that is the surname of a person already named is that
// person. Countries and known actors keep their type.
int SurnameTakenForAPlace(const Work& w, WorkMention& m, const std::vector<std::string>& words) {
  if ((m.type != "GPE" && m.type != "LOC") || words.size() != 1 || !m.code.empty() || !m.canonical.empty()) return -1;
  int best = -1;
  for (size_t i = w.entities.size() > kMaxCandidates ? w.entities.size() - kMaxCandidates : 0; i < w.entities.size(); ++i) {
    const WorkEntity& e = w.entities[i];
    if (e.type != "PERSON" || e.name_words.size() < 2) continue;
    // Any word but the given name: "Solberg" and "Hale" of "Ingrid Solberg-Hale".
    if (std::find(e.name_words.begin() + 1, e.name_words.end(), words[0]) != e.name_words.end()) best = static_cast<int>(i);
  }
  if (best < 0) return -1;
  m.type = "PERSON";
  m.country.clear();
  m.capital = false;
  m.political = false;
  return best;
}

// "Sanders ... since he was the mayor of Burlington": a description that is the
// predicate of a copula names its subject, whatever roles the subject had so far.
// Returns the subject's entity, or -1.
int PredicateSubject(const Work& w, const WorkMention& m) {
  const uint32_t sb = w.SentenceBegin(m.tb);
  int head = -1;  // the description's own head: its word whose head lies outside it
  for (uint32_t t = m.tb; t < m.te; ++t) {
    const int h = w.HeadOf(t);
    if (h < static_cast<int>(m.tb) || h >= static_cast<int>(m.te)) {
      head = static_cast<int>(t);
      break;
    }
  }
  if (head < 0) return -1;
  bool copula = false;
  int subject = -1;
  for (uint32_t t = sb; t < m.tb; ++t) {
    if (w.HeadOf(t) != head) continue;
    if (w.doc.tokens[t].deprel == "cop") copula = true;
    if (w.doc.tokens[t].deprel == "nsubj") subject = static_cast<int>(t);
  }
  if (!copula || subject < 0 || w.covered[subject] < 0) return -1;
  const WorkMention& s = w.mentions[w.covered[subject]];
  return s.type == "PERSON" ? s.entity : -1;
}

}  // namespace

// A name the text gives another ("the Republican People's Party (CHP)", "Mohamed Hamdan
// Dagalo, known as Hemedti") is that entity's, here and wherever it recurs: the entity, or -1.
int AliasedEntity(Work& w, int mention, const std::string& key) {
  const WorkMention& m = w.mentions[mention];
  if (m.type != "ORG" && m.type != "PERSON") return -1;
  for (size_t i = w.entities.size() > kMaxCandidates ? w.entities.size() - kMaxCandidates : 0; i < w.entities.size(); ++i) {
    const std::vector<std::string>& aliases = w.entities[i].alias_keys;
    if (std::find(aliases.begin(), aliases.end(), key) != aliases.end()) return static_cast<int>(i);
  }
  const uint32_t sb = w.SentenceBegin(m.tb);
  // The words between the named mention and this one.
  uint32_t k = m.tb;
  bool known_as = false;
  if (k > sb && w.Form(k - 1) == "(" && m.te < w.doc.tokens.size() && w.Form(m.te) == ")") {
    --k;  // "(CHP)"
    if (k > sb + 1 && w.norm[k - 1] == "as" && w.norm[k - 2] == "known") k -= 2, known_as = true;
  } else if (k > sb + 2 && w.norm[k - 1] == "as" && w.norm[k - 2] == "known") {
    k -= 2;  // ", known as Hemedti", ", also known as", ", better known as"
    known_as = true;
    if (k > sb && (w.norm[k - 1] == "also" || w.norm[k - 1] == "better" || w.norm[k - 1] == "widely" ||
                   w.norm[k - 1] == "popularly")) {
      --k;
    }
    if (k > sb && w.Form(k - 1) == ",") --k;
  } else {
    return -1;
  }
  if (k == sb || w.covered[k - 1] < 0) return -1;
  const WorkMention& named = w.mentions[w.covered[k - 1]];
  if (named.te != k || named.kind != "name" || named.entity < 0) return -1;
  // Brackets alone hold an acronym or a short name of the same kind, not a place or a second party.
  if (!known_as && (named.type != m.type || m.te - m.tb > 2)) return -1;
  w.entities[named.entity].alias_keys.push_back(key);
  return named.entity;
}

void Cluster(Work& w) {
  w.entities.clear();
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    WorkMention& m = w.mentions[i];
    int mention = static_cast<int>(i);
    int e = -1;
    if (m.kind == "name") {
      std::vector<std::string> words = NameWords(w, m);
      if (words.empty()) continue;
      std::string key = Joined(words);
      // "told Xi that ...", the recogniser reading the surname alone as a body: a short first
      // word of a person named before (surname first: Xi, Li, Kim) is that person.
      const std::string_view form = w.Form(m.tb);
      const bool capitals = std::none_of(form.begin(), form.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (m.type == "ORG" && words.size() == 1 && words[0].size() <= 3 && !capitals && m.code.empty() &&
          m.canonical.empty()) {
        const int person = MatchPerson(w, words, key);
        if (person >= 0 && w.entities[person].name_words.size() > 1 && w.entities[person].name_words[0] == words[0]) {
          m.type = "PERSON";
          e = person;
        }
      }
      if (e < 0) {
        e = AliasedEntity(w, mention, key);
        if (e >= 0) m.type = w.entities[e].type;
      }
      if (e < 0) e = m.type == "PERSON" ? MatchPerson(w, words, key) : SurnameTakenForAPlace(w, m, words);
      if (e < 0) e = MatchOther(w, m, key);
      if (e < 0) e = MatchShortName(w, m, words);
      if (e < 0) e = NewEntity(w, m.type);
    } else if (!m.description.empty()) {
      e = m.country.empty() ? MatchBodyDescription(w, mention) : NamedCountryBody(w, mention);
      if (e < 0 && m.description == "government") e = CountryGovernment(w, mention);
      if (e < 0) continue;
    } else if (m.kind == "nominal") {
      if (m.apposed_to >= 0) continue;  // joined with its name below
      e = PredicateSubject(w, m);
      if (e < 0 && !m.unnamed_body) e = MatchNominal(w, mention);
      // A description nobody was named for is an entity only when it says whose it is
      // ("the Kremlin spokesperson"); "the director" alone is dropped.
      if (e < 0 && m.country.empty() && m.sector.empty() && m.code.empty()) continue;
      if (e < 0) e = NewEntity(w, m.type);
    } else {
      if (m.reporter_token >= 0 && w.covered[m.reporter_token] >= 0) e = w.mentions[w.covered[m.reporter_token]].entity;
      if (e < 0) e = MatchPronoun(w, mention);
      if (e < 0) continue;
    }
    Join(w, mention, e);
  }
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    int name = w.mentions[i].apposed_to;
    if (name >= 0 && w.mentions[name].entity >= 0) Join(w, static_cast<int>(i), w.mentions[name].entity);
  }
}

}  // namespace newsgraph::extract::entities_internal
