// Mentions: the NER's names repaired with the gazetteer and the project's KB,
// names the NER missed inside lists of people, and the descriptions ("the North
// Korean leader") and pronouns that coreference links to them.
#include <algorithm>
#include <unordered_set>

#include "base/strings.h"
#include "extract/entities/resolver_internal.h"
#include "kb/place_context.h"

namespace newsgraph::extract::entities_internal {
namespace {

bool IsEntityType(std::string_view t) {
  return t == "PERSON" || t == "ORG" || t == "GPE" || t == "LOC" || t == "FAC" || t == "NORP" || t == "EVENT" ||
         t == "MISC";
}

// The token whose span starts at `start` (or -1).
int TokenAt(const document::Document& doc, uint32_t start) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), start,
                             [](const document::Token& t, uint32_t s) { return t.span.start < s; });
  if (it == doc.tokens.end() || it->span.start != start) return -1;
  return static_cast<int>(it - doc.tokens.begin());
}

// The longest role phrase starting at token b (ending before `limit`); its length in n.
const RoleWord* RoleAt(const Work& w, uint32_t b, uint32_t limit, uint32_t& n) {
  uint32_t max = std::min<uint32_t>(w.kb.max_role_words(), limit > b ? limit - b : 0);
  for (uint32_t k = max; k >= 1; --k) {
    if (const RoleWord* r = w.kb.Role(w.Key(b, b + k))) {
      n = k;
      return r;
    }
  }
  return nullptr;
}

// Two letters or more, all capitals ("ICO", "U.S.": the periods do not count).
bool AllCapitals(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

void SetIgoCode(WorkMention& m, const kb::GazetteerEntry& e) {
  m.sector = e.detail;
  m.code = e.OrganizationActorCode();
}

// "the" before a name is a sign it is no town ("the West", "the Gulf"), unless the
// recogniser read the name as a town or state (GPE) and it premodifies a common noun the
// article belongs to: "the Frankfurt court", "the Chicago-based concern". A name read
// as an organization keeps the sign: "the Republic acquisition" is the company's.
bool TheBeforePlaceName(const Work& w, const WorkMention& m) {
  if (m.tb == 0 || w.norm[m.tb - 1] != "the") return false;
  if (m.type != "GPE") return true;
  auto lowercase_in_sentence = [&](uint32_t t) {
    if (t >= w.doc.tokens.size() || w.sentence_of[t] != w.sentence_of[m.tb]) return false;
    const std::string& form = w.doc.tokens[t].form;
    return !form.empty() && form[0] >= 'a' && form[0] <= 'z';
  };
  if (!lowercase_in_sentence(m.te)) {
    const auto& tokens = w.doc.tokens;
    const bool hyphen = m.te + 1 < tokens.size() && tokens[m.te].form == "-" &&
                        tokens[m.te].span.start == tokens[m.te - 1].span.end &&
                        tokens[m.te + 1].span.start == tokens[m.te].span.end;
    return !(hyphen && lowercase_in_sentence(m.te + 1));
  }
  const std::string& upos = w.doc.tokens[m.te].upos;
  return !(upos == "NOUN" || upos == "ADJ");
}

// A company's legal form, normalized ("co", "plc", "ag"); "inc", "corp", "ltd" are sector words.
bool IsLegalSuffix(std::string_view w) {
  static const std::unordered_set<std::string_view> kSuffixes = {
      "co", "cos", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh", "spa", "ab", "asa", "oyj", "bhd", "pty", "lp",
      "limited", "incorporated", "partners", "holdings", "industries", "bancorp"};
  return kSuffixes.count(w) > 0;
}

// True when the recogniser's ORG `m` opens a longer company name of the document:
// "Sterling" beside "Sterling Drug Inc" is the company, whatever towns are called Sterling.
// (Not a town's own bodies: "Columbia" beside "Columbia City Council" is the town.)
bool OpensLongerCompanyName(const Work& w, const WorkMention& m) {
  if (m.type != "ORG") return false;
  const uint32_t n = m.te - m.tb;
  // The company is named early; a bounded look keeps a list of 10,000 names linear.
  constexpr size_t kMaxLook = 1000;
  for (size_t i = 0; i < w.mentions.size() && i < kMaxLook; ++i) {
    const WorkMention& o = w.mentions[i];
    if (o.type != "ORG" || o.kind != "name" || o.te - o.tb <= n || o.tb == m.tb) continue;
    if (w.kb.SectorWord(w.norm[o.te - 1]) != "BUS" && !IsLegalSuffix(w.norm[o.te - 1])) continue;
    bool same = true;
    for (uint32_t k = 0; k < n && same; ++k) same = w.Form(o.tb + k) == w.Form(m.tb + k);
    if (same) return true;
  }
  return false;
}

// The lower-case word right before name mention `m` says what kind of body it is ("automaker",
// "lender", "party": a word of data/kb/sectors.tsv).
bool KindWordBefore(const Work& w, const WorkMention& m) {
  return m.tb > w.SentenceBegin(m.tb) && w.covered[m.tb - 1] < 0 && !w.Capitalized(m.tb - 1) &&
         !w.kb.SectorWord(w.norm[m.tb - 1]).empty();
}

// Types a mention by what the gazetteer or the KB knows its text to be.
void Retype(Work& w, WorkMention& m) {
  std::string key = w.Key(m.tb, m.te);
  if (key.empty()) return;
  if (const KnownActor* a = w.kb.Actor(key)) {
    m.type = a->type;
    m.country = a->country;
    m.sector = a->sector;
    m.code = a->code;
    m.canonical = a->name;
    return;
  }
  // "the West" is no town called West; cities and regions rarely take "the".
  const bool after_the = TheBeforePlaceName(w, m);
  for (uint32_t index : w.gaz.LookupNormalized(key)) {
    const kb::GazetteerEntry& e = w.gaz.entry(index);
    if (after_the && (e.type == kb::EntryType::kCity || e.type == kb::EntryType::kAdmin1)) continue;
    switch (e.type) {
      case kb::EntryType::kCountry:
        m.type = "GPE";
        m.country = e.code;
        m.canonical = e.name;
        return;
      case kb::EntryType::kDemonym:
        m.type = "NORP";
        m.country = e.country;
        return;
      case kb::EntryType::kOrganization:
        m.type = "ORG";
        m.canonical = e.name;
        SetIgoCode(m, e);
        return;
      case kb::EntryType::kCity:
        if (m.type == "PERSON" && e.detail != "PPLC") return;
        if (m.type != "GPE" && m.type != "LOC" && m.type != "PERSON" && m.type != "ORG") return;
        // An acronym is no town ("ICO" is not Icó, Brazil); a short word in capitals is
        // read as one ("HUDSON", a dateline, is a town).
        if (m.type == "ORG" && m.te - m.tb == 1 && w.Form(m.tb).size() <= 4 && AllCapitals(w.Form(m.tb))) return;
        if (OpensLongerCompanyName(w, m)) return;
        // "Japanese automaker Toyota": a word before the name says what body it is.
        if (m.type == "ORG" && KindWordBefore(w, m)) return;
        m.type = "GPE";
        m.country = e.country;
        m.capital = e.detail == "PPLC";
        return;
      case kb::EntryType::kAdmin1:
        if (m.type != "GPE" && m.type != "LOC") return;
        m.country = e.country;
        return;
      case kb::EntryType::kRegion:
        if (m.type != "GPE" && m.type != "LOC") return;
        m.type = "LOC";
        m.country = e.country;
        m.canonical = e.name;
        return;
    }
  }
}

// True if the gazetteer knows `key` as a country, demonym or organization.
bool KnownPolity(const Work& w, std::string_view key) {
  for (uint32_t index : w.gaz.LookupNormalized(key)) {
    kb::EntryType t = w.gaz.entry(index).type;
    if (t == kb::EntryType::kCountry || t == kb::EntryType::kDemonym || t == kb::EntryType::kOrganization) return true;
  }
  return w.kb.Actor(key) != nullptr;
}

// "North" + "Korean": the NER stopped early on a place or nationality.
void ExtendRight(Work& w, WorkMention& m, uint32_t limit) {
  if (m.type != "GPE" && m.type != "NORP" && m.type != "LOC" && m.type != "ORG") return;
  for (uint32_t n = 2; n >= 1; --n) {
    uint32_t e = m.te + n;
    if (e > limit) continue;
    bool ok = true;
    for (uint32_t t = m.te; t < e && ok; ++t) ok = w.Capitalized(t) && w.covered[t] < 0;
    if (ok && KnownPolity(w, w.Key(m.tb, e))) {
      m.te = e;
      return;
    }
  }
}

// "North" + "Korean" tagged as two names side by side: one nationality together
// (Retype then gives it the gazetteer's type and country; "Korean" alone is KOR).
void JoinSplitPolities(Work& w) {
  auto polity_type = [](const std::string& t) { return t == "GPE" || t == "NORP" || t == "LOC"; };
  std::vector<WorkMention>& ms = w.mentions;
  for (size_t i = 0; i + 1 < ms.size(); ++i) {
    WorkMention& a = ms[i];
    const WorkMention& b = ms[i + 1];
    if (a.te != b.tb || !polity_type(a.type) || !polity_type(b.type)) continue;
    if (!KnownPolity(w, w.Key(a.tb, b.te))) continue;
    a.te = b.te;
    ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
}

// "Latin American" with only "American" tagged (or "North" tagged apart): one
// nationality-like name of a continent, with no country (the gazetteer knows no
// "latin american", so Retype leaves it so).
void JoinContinentalAdjectives(Work& w) {
  std::vector<WorkMention>& ms = w.mentions;
  for (size_t i = 0; i < ms.size(); ++i) {
    WorkMention& b = ms[i];
    if (b.tb == 0 || b.te != b.tb + 1 || w.sentence_of[b.tb - 1] != w.sentence_of[b.tb]) continue;
    if (!kb::Gazetteer::MakesContinental(w.norm[b.tb - 1], w.norm[b.tb])) continue;
    b.type = "NORP";
    --b.tb;
    if (i > 0 && ms[i - 1].te > b.tb) {  // the region word was tagged too
      if (ms[i - 1].tb < b.tb) {
        ms[i - 1].te = b.tb;
      } else {
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(i) - 1);
        --i;
      }
    }
  }
}

// "President Vladimir Putin" tagged as one PERSON: the title becomes a role.
void StripTitles(Work& w, WorkMention& m, std::vector<WorkMention>& added) {
  // "Secretary | of State George Shultz": the NER cut a title at its first word; the
  // role starts before the mention.
  if (w.norm[m.tb] == "of") {
    for (uint32_t b = m.tb; b-- > 0 && m.tb - b <= 2 && w.sentence_of[b] == w.sentence_of[m.tb];) {
      uint32_t n = 0;
      if (RoleAt(w, b, m.te - 1, n) != nullptr && b + n > m.tb) {
        m.tb = b;
        break;
      }
    }
  }
  // A country or nationality word in front ("Russia President X").
  if (m.te - m.tb >= 3) {
    for (uint32_t k = 1; k <= 2 && m.tb + k + 1 < m.te; ++k) {
      uint32_t n = 0;
      if (KnownPolity(w, w.Key(m.tb, m.tb + k)) && RoleAt(w, m.tb + k, m.te, n) != nullptr) {
        WorkMention place = NewMention(m.tb, m.tb + k, "GPE", "name");
        Retype(w, place);
        added.push_back(place);
        m.tb += k;
        break;
      }
    }
  }
  while (m.te - m.tb >= 2) {
    uint32_t n = 0;
    const RoleWord* r = RoleAt(w, m.tb, m.te - 1, n);
    if (r == nullptr) {
      if (w.Form(m.tb) == "." ) { ++m.tb; continue; }
      return;
    }
    if (r->gender != '-') m.gender = r->gender;
    if (r->kind != RoleWord::Kind::kHonorific && r->kind != RoleWord::Kind::kKin) {
      if (!m.has_title) m.role_tb = m.tb;
      m.has_title = true;
      m.role = r->phrase;
      m.role_sector = r->sector;
    }
    m.tb += n;
    if (m.tb < m.te && w.Form(m.tb) == ".") ++m.tb;  // "Gen. X"
  }
}

// "the President said": the NER tagged a bare title as a name; it is a description.
bool TitleOnly(Work& w, WorkMention& m) {
  const RoleWord* r = w.kb.Role(w.Key(m.tb, m.te));
  if (r == nullptr || r->kind == RoleWord::Kind::kHonorific) return false;
  m.kind = "nominal";
  m.role = r->phrase;
  m.roles.push_back(r->phrase);
  m.role_sector = r->kind == RoleWord::Kind::kKin ? "" : r->sector;
  if (r->gender != '-') m.gender = r->gender;
  if (m.tb > w.SentenceBegin(m.tb) && w.norm[m.tb - 1] == "the") --m.tb;
  return true;
}

bool AllLetters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    if (!letter) return false;
  }
  return true;
}

bool StartsPerson(const Work& w, uint32_t t) {
  return t < w.covered.size() && w.covered[t] >= 0 && w.mentions[w.covered[t]].type == "PERSON" &&
         w.mentions[w.covered[t]].tb == t;
}

bool EndsPerson(const Work& w, uint32_t t) {
  return w.covered[t] >= 0 && w.mentions[w.covered[t]].type == "PERSON" && w.mentions[w.covered[t]].te == t + 1;
}

// Pieces of one name the NER split: "Anne" "-" "Marie Dubois", and a title tagged
// on its own before the name ("Lt. Gen." + "Zhou Weimin").
bool IsNameParticle(std::string_view f) {
  static constexpr std::string_view kParticles[] = {"da", "de", "do", "dos", "das", "di", "del", "della",
                                                    "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le"};
  return std::find(std::begin(kParticles), std::end(kParticles), f) != std::end(kParticles);
}

void MergeNameParts(Work& w) {
  const auto& tokens = w.doc.tokens;
  std::vector<bool> drop(w.mentions.size(), false);
  for (size_t i = 0; i + 1 < w.mentions.size(); ++i) {
    WorkMention& a = w.mentions[i];
    WorkMention& b = w.mentions[i + 1];
    if (drop[i] || b.type != "PERSON" || b.kind != "name" || a.type != "PERSON") continue;
    uint32_t h = a.te;
    bool hyphen = a.kind == "name" && b.tb == h + 1 && w.Form(h) == "-" &&
                  tokens[h].span.start == tokens[h - 1].span.end && tokens[b.tb].span.start == tokens[h].span.end;
    // "Lula" "da" "Silva": a lowercase particle between two parts of one name.
    bool particle = a.kind == "name" && b.tb == h + 1 && IsNameParticle(w.Form(h));
    if (hyphen || particle) {
      b.tb = a.tb;
      drop[i] = true;
    } else if (a.kind == "nominal" && b.tb == a.te && !b.has_title) {
      b.has_title = true;
      b.role = a.role;
      b.role_sector = a.role_sector;
      b.role_tb = w.norm[a.tb] == "the" ? a.tb + 1 : a.tb;
      if (b.gender == '-') b.gender = a.gender;
      drop[i] = true;
    }
  }
  w.RemoveMentions(drop);
}

// "Oliver" tagged, "Grant" left out: a person's name takes up to two more
// capitalized words that nothing else claims (not a date, a place or a title).
// Words that end the name of a body, never of a person ("Lloyds Bank Plc").
bool BodyHeadWord(std::string_view w) {
  static const char* const kHeads[] = {"bank", "co", "corp", "inc", "ltd", "plc", "company", "corporation", "group",
                                       "board", "ministry", "department", "council", "commission", "agency", "party",
                                       "army", "university", "institute", "court", "fund", "trust", "bureau",
                                       "committee", "association", "union", "bancorp", "holdings", "airlines"};
  for (const char* h : kHeads) {
    if (w == h) return true;
  }
  return false;
}

// "Mike Pence of Indiana" tagged as one PERSON: the person ends before "of", and the
// country, state or city after it is a place of its own. Not for bodies ("Bank of
// England" tagged PERSON is RetypeBodies' case).
void SplitPlaceAfterOf(Work& w, WorkMention& m, std::vector<WorkMention>& added) {
  for (uint32_t k = m.tb + 1; k + 1 < m.te; ++k) {
    if (BodyHeadWord(w.norm[k - 1])) return;
    if (w.norm[k] != "of") continue;
    bool place = false;
    for (uint32_t index : w.gaz.LookupNormalized(w.Key(k + 1, m.te))) {
      kb::EntryType t = w.gaz.entry(index).type;
      place = place || t == kb::EntryType::kCountry || t == kb::EntryType::kAdmin1 || t == kb::EntryType::kCity;
    }
    if (!place) return;
    WorkMention where = NewMention(k + 1, m.te, "GPE", "name");
    Retype(w, where);
    added.push_back(std::move(where));
    m.te = k;
    return;
  }
}

// "Court of Justice", "Ministry of Justice": a body's word before "of" and a title word
// ("justice") after it name the body, not an office.
bool NamesABody(const Work& w, const WorkMention& m) {
  for (uint32_t k = m.tb; k + 1 < m.te; ++k) {
    if (w.norm[k + 1] == "of" && BodyHeadWord(w.norm[k])) return true;
  }
  return false;
}

// NER mistakes seen on wire copy: a company tagged PERSON ("Lloyds Bank Plc"), a title
// tagged as a name of its own ("Finance and Petroleum Minister"), a body before a title
// and a name tagged PERSON ("Citibank chairman William Rhodes").
void RetypeBodies(Work& w) {
  std::vector<bool> drop(w.mentions.size(), false);
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    WorkMention& m = w.mentions[i];
    if (m.kind != "name" || m.te - m.tb < 2) continue;
    const RoleWord* last = w.kb.Role(w.norm[m.te - 1]);
    if (m.type != "PERSON" && last != nullptr && last->kind != RoleWord::Kind::kHonorific && !NamesABody(w, m)) {
      drop[i] = true;
    } else if (m.type == "PERSON" && BodyHeadWord(w.norm[m.te - 1])) {
      m.type = "ORG";
      m.sector = std::string(w.kb.SectorWord(w.norm[m.te - 1]));
    }
  }
  for (size_t i = 0; i + 1 < w.mentions.size(); ++i) {
    WorkMention& m = w.mentions[i];
    const WorkMention& next = w.mentions[i + 1];
    if (m.type != "PERSON" || m.kind != "name" || next.type != "PERSON" || next.tb <= m.te || next.tb - m.te > 2) continue;
    const RoleWord* r = w.kb.Role(w.Key(m.te, next.tb));
    if (r != nullptr && r->kind != RoleWord::Kind::kKin && r->kind != RoleWord::Kind::kHonorific) m.type = "ORG";
  }
  w.RemoveMentions(drop);
}

void ExtendPersons(Work& w) {
  std::vector<bool> other(w.doc.tokens.size(), false);
  for (const document::Mention& m : w.others) {
    int t = TokenAt(w.doc, m.span.start);
    for (; t >= 0 && static_cast<size_t>(t) < other.size() && w.doc.tokens[t].span.start < m.span.end; ++t) other[t] = true;
  }
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    WorkMention& m = w.mentions[i];
    if (m.type != "PERSON" || m.kind != "name" || m.te - m.tb > 2) continue;
    // In a heading every word may be capitalized ("Warren Campaign Reportedly Scrambling").
    if (w.sentence_of[m.tb] >= 0 && w.crosshead[w.sentence_of[m.tb]]) continue;
    uint32_t se = w.SentenceEnd(m.tb);
    for (int k = 0; k < 2 && m.te < se; ++k) {
      uint32_t t = m.te;
      if (w.covered[t] >= 0 || other[t] || !w.Capitalized(t) || !AllLetters(w.Form(t)) ||
          w.kb.Role(w.norm[t]) != nullptr || KnownPolity(w, w.norm[t]) || !w.gaz.LookupNormalized(w.norm[t]).empty()) {
        break;
      }
      w.covered[t] = static_cast<int>(i);
      ++m.te;
    }
    // "Defence Minister No Kwang Chol" with only "Kwang Chol" tagged: one word back
    // to the title.
    uint32_t sb = w.SentenceBegin(m.tb);
    if (m.tb >= sb + 2 && m.te - m.tb <= 3) {
      uint32_t t = m.tb - 1;
      const RoleWord* title = w.kb.Role(w.norm[t - 1]);
      if (w.covered[t] < 0 && !other[t] && w.Capitalized(t) && AllLetters(w.Form(t)) && w.kb.Role(w.norm[t]) == nullptr &&
          title != nullptr && title->kind == RoleWord::Kind::kTitle && w.gaz.LookupNormalized(w.norm[t]).empty()) {
        w.covered[t] = static_cast<int>(i);
        --m.tb;
      }
    }
  }
}

// True if tokens [b, e) look like a person's name: 2-4 capitalized words, none of them a
// title, a sector or body word, and not a name the gazetteer or the KB knows.
bool PersonLike(const Work& w, uint32_t b, uint32_t e) {
  if (e - b < 2 || e - b > 4) return false;
  for (uint32_t t = b; t < e; ++t) {
    if (!w.Capitalized(t) || !AllLetters(w.Form(t)) || w.kb.Role(w.norm[t]) != nullptr ||
        !w.kb.SectorWord(w.norm[t]).empty() || BodyHeadWord(w.norm[t])) {
      return false;
    }
  }
  return !KnownPolity(w, w.Key(b, e));
}

// "Adm John Poindexter" tagged ORG: a title, then a person's name.
bool TitledPersonTaggedAsBody(const Work& w, const WorkMention& m) {
  uint32_t n = 0;
  const RoleWord* r = m.type == "ORG" ? RoleAt(w, m.tb, m.te - 1, n) : nullptr;
  if (r == nullptr || r->kind != RoleWord::Kind::kTitle) return false;
  uint32_t b = m.tb + n;
  if (b < m.te && w.Form(b) == ".") ++b;
  return PersonLike(w, b, m.te);
}

// "Hezbollah lawmaker Hassan Fadlallah" with the name typed MISC: after a role word, two to
// four capitalized words that look like a person's name are one.
bool PersonTaggedMiscAfterRole(const Work& w, const WorkMention& m) {
  if (m.type != "MISC" || m.tb == w.SentenceBegin(m.tb) || !PersonLike(w, m.tb, m.te)) return false;
  // Or after a role and its comma, closed by another ("Chinh's spokeswoman, Pham Thu Hang, said").
  uint32_t role = m.tb - 1;
  if (w.Form(role) == "," && role > w.SentenceBegin(m.tb) && m.te < w.SentenceEnd(m.tb) && w.Form(m.te) == ",") {
    --role;
  }
  const RoleWord* r = w.kb.Role(w.norm[role]);
  return r != nullptr && (r->kind == RoleWord::Kind::kRole || r->kind == RoleWord::Kind::kTitle);
}

}  // namespace

namespace {

// A name of two words or more written again is the same thing: "Georgian Dream's chairman"
// after "the ruling Georgian Dream party" is the party's, though the NER typed it a person.
// Between a person and an organization, the later mention takes the first one's type.
void OneTypePerName(Work& w) {
  std::unordered_map<std::string, std::string> first_type;
  for (WorkMention& m : w.mentions) {
    if (m.te - m.tb < 2 || (m.type != "PERSON" && m.type != "ORG")) continue;
    auto [it, inserted] = first_type.emplace(w.Key(m.tb, m.te), m.type);
    if (!inserted) m.type = it->second;
  }
}

}  // namespace

void CollectNameMentions(Work& w) {
  document::Document& doc = w.doc;
  w.mentions.clear();
  w.others.clear();
  for (const document::Mention& m : doc.mentions) {
    if (!IsEntityType(m.type) || (m.kind != "name" && !m.kind.empty())) {
      if (m.kind == "name" || m.kind.empty()) w.others.push_back({m.span, m.type, m.kind.empty() ? "name" : m.kind, -1});
      continue;
    }
    int tb = TokenAt(doc, m.span.start);
    if (tb < 0 || w.sentence_of[tb] < 0) continue;
    uint32_t te = tb;
    while (te < doc.tokens.size() && doc.tokens[te].span.start < m.span.end) ++te;
    if (te > w.SentenceEnd(tb)) continue;
    // Punctuation the NER took in ("SINGAPORE —") is not part of the name.
    while (te > static_cast<uint32_t>(tb) && w.norm[te - 1].empty()) --te;
    while (static_cast<uint32_t>(tb) < te && w.norm[tb].empty()) ++tb;
    if (static_cast<uint32_t>(tb) >= te) continue;
    w.mentions.push_back(NewMention(static_cast<uint32_t>(tb), te, m.type, "name"));
  }
  JoinSplitPolities(w);
  JoinContinentalAdjectives(w);
  w.RebuildCoverage();
  std::vector<WorkMention> added;
  for (WorkMention& m : w.mentions) {
    if (TitledPersonTaggedAsBody(w, m) || PersonTaggedMiscAfterRole(w, m)) m.type = "PERSON";
    if (m.type == "PERSON") StripTitles(w, m, added);
    if (m.type == "PERSON") SplitPlaceAfterOf(w, m, added);
    if (m.type == "PERSON" && TitleOnly(w, m)) continue;
    Retype(w, m);
    ExtendRight(w, m, w.SentenceEnd(m.tb));
    if (m.te != m.tb) Retype(w, m);
  }
  for (WorkMention& m : added) w.mentions.push_back(std::move(m));
  w.SortMentions();
  MergeNameParts(w);
  RetypeBodies(w);
  ExtendPersons(w);
  OneTypePerName(w);
}

namespace {

// "Korean People's Army Ri Pyong Chol" tagged as one name: the known body, then a
// person. Returns true if mention `c` was cut to the person part after [i, i + n).
bool SplitAfterKnownActor(Work& w, int c, uint32_t i, uint32_t n) {
  WorkMention& m = w.mentions[c];
  if (m.tb < i || m.tb >= i + n || m.te <= i + n) return false;  // also "Army Ri Pyong Chol" tagged alone
  uint32_t rest = m.te - (i + n);
  if (rest < 2 || rest > 4) return false;
  for (uint32_t t = i + n; t < m.te; ++t) {
    if (!w.Capitalized(t) || !AllLetters(w.Form(t))) return false;
  }
  m.tb = i + n;
  m.type = "PERSON";
  return true;
}

// A country or nationality the NER missed ("the North Korean leader" left untagged).
const kb::GazetteerEntry* PolityAt(const Work& w, uint32_t i, uint32_t limit, uint32_t& n) {
  for (n = std::min<uint32_t>(3, limit - i); n >= 1; --n) {
    bool free = true;
    for (uint32_t t = i; t < i + n && free; ++t) free = w.covered[t] < 0 && w.Capitalized(t);
    if (!free) continue;
    // Organizations only by an acronym in capitals ("WFP") or a name of two words or more.
    bool acronym = n == 1 && w.Form(i).size() >= 2 &&
                   std::all_of(w.Form(i).begin(), w.Form(i).end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    for (uint32_t index : w.gaz.LookupNormalized(w.Key(i, i + n))) {
      const kb::GazetteerEntry& e = w.gaz.entry(index);
      if (e.type == kb::EntryType::kCountry || e.type == kb::EntryType::kDemonym) return &e;
      if (e.type == kb::EntryType::kOrganization && (acronym || n >= 2)) return &e;
    }
  }
  return nullptr;
}

}  // namespace

void AddKnownActors(Work& w) {
  const document::Document& doc = w.doc;
  std::vector<WorkMention> found;
  for (const document::Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      if (!w.Capitalized(i) || w.norm[i] == "the") continue;
      uint32_t max = std::min<uint32_t>(w.kb.max_actor_words(), s.token_end - i);
      bool matched = false;
      for (uint32_t n = max; n >= 1 && !matched; --n) {
        if (w.IsPossessive(i + n - 1)) continue;
        const KnownActor* a = w.kb.Actor(w.Key(i, i + n));
        if (a == nullptr) continue;
        // Keep a longer name the NER found around it ("Kremlin Palace").
        bool inside = true;
        for (uint32_t t = i; t < i + n && inside; ++t) {
          int c = w.covered[t];
          inside = c < 0 || w.mentions[c].tb >= i + n || (w.mentions[c].tb >= i && w.mentions[c].te <= i + n) ||
                   SplitAfterKnownActor(w, c, i, n);
        }
        if (!inside) break;
        WorkMention m = NewMention(i, i + n, a->type, "name");
        Retype(w, m);
        found.push_back(m);
        i += n - 1;
        matched = true;
      }
      uint32_t n = 0;
      if (!matched && w.covered[i] < 0 && PolityAt(w, i, s.token_end, n) != nullptr) {
        WorkMention m = NewMention(i, i + n, "GPE", "name");
        Retype(w, m);
        found.push_back(m);
        i += n - 1;
      }
    }
  }
  if (found.empty()) return;
  auto overlaps = [&](uint32_t b, uint32_t e) {
    for (const WorkMention& f : found) {
      if (b < f.te && f.tb < e) return true;
    }
    return false;
  };
  std::erase_if(w.mentions, [&](const WorkMention& m) { return overlaps(m.tb, m.te); });
  std::erase_if(w.others, [&](const document::Mention& m) {
    for (const WorkMention& f : found) {
      if (m.span.start < doc.tokens[f.te - 1].span.end && doc.tokens[f.tb].span.start < m.span.end) return true;
    }
    return false;
  });
  for (WorkMention& f : found) w.mentions.push_back(std::move(f));
  w.SortMentions();
}

namespace {

// "Ri Pyong Chol, Pak Jong Chon and Jo Chun Ryong" with the middle one tagged ORG.
void RetypeListMembers(Work& w) {
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    WorkMention& m = w.mentions[i];
    if (m.kind != "name" || (m.type != "ORG" && m.type != "MISC") || !m.code.empty() || !PersonLike(w, m.tb, m.te)) {
      continue;
    }
    uint32_t sb = w.SentenceBegin(m.tb), se = w.SentenceEnd(m.tb);
    auto sep = [&](uint32_t t) { return w.norm[t] == "and" || w.Form(t) == ","; };
    bool after = m.te + 1 < se && sep(m.te) &&
                 (StartsPerson(w, m.te + 1) || (m.te + 2 < se && w.norm[m.te + 1] == "and" && StartsPerson(w, m.te + 2)));
    bool before = m.tb >= sb + 2 && sep(m.tb - 1) && EndsPerson(w, m.tb - 2);
    if (after && before) m.type = "PERSON";
  }
}

}  // namespace

void RecoverListNames(Work& w) {
  RetypeListMembers(w);
  std::vector<WorkMention> found;
  for (const document::Sentence& s : w.doc.sentences) {
    uint32_t i = s.token_begin + 1;
    while (i < s.token_end) {
      if (w.covered[i] >= 0 || !w.Capitalized(i) || !AllLetters(w.Form(i))) {
        ++i;
        continue;
      }
      uint32_t e = i;
      while (e < s.token_end && e - i < 5 && w.covered[e] < 0 && w.Capitalized(e) && AllLetters(w.Form(e)) &&
             w.kb.Role(w.norm[e]) == nullptr) {
        ++e;
      }
      uint32_t n = e - i;
      bool list_after = e + 1 < s.token_end && (w.norm[e] == "and" || w.Form(e) == ",") &&
                        (StartsPerson(w, e + 1) || (w.norm[e + 1] == "and" && StartsPerson(w, e + 2)));
      bool list_before = i >= s.token_begin + 2 && (w.norm[i - 1] == "and" || w.Form(i - 1) == ",") &&
                         EndsPerson(w, i - 2);
      // "Defence Minister No Kwang Chol": a title right before capitalized words.
      bool after_title = false;
      for (uint32_t k = 1; k <= static_cast<uint32_t>(w.kb.max_role_words()) && i >= s.token_begin + k && !after_title; ++k) {
        const RoleWord* r = w.kb.Role(w.Key(i - k, i));
        after_title = r != nullptr && (r->kind == RoleWord::Kind::kTitle || r->kind == RoleWord::Kind::kRole);
      }
      // "North Korea's State Planning Commission" names a body, not a person.
      bool body = w.IsPossessive(i - 1);
      for (uint32_t t = i; t < e && !body; ++t) body = !w.kb.SectorWord(w.norm[t]).empty() || BodyHeadWord(w.norm[t]);
      if (n >= 2 && n <= 4 && (list_after || list_before || after_title) && !body && !KnownPolity(w, w.Key(i, e))) {
        found.push_back(NewMention(i, e, "PERSON", "name"));
      }
      i = std::max(e, i + 1);
    }
  }
  if (found.empty()) return;
  for (WorkMention& f : found) w.mentions.push_back(std::move(f));
  w.SortMentions();
  MergeNameParts(w);  // "Gen." tagged alone before the recovered "Zhou Weimin"
}

namespace {

char PronounGender(std::string_view lower) {
  if (lower == "he" || lower == "him" || lower == "his" || lower == "himself") return 'M';
  if (lower == "she" || lower == "her" || lower == "hers" || lower == "herself") return 'F';
  if (lower == "its") return 'N';
  return 0;
}

constexpr uint32_t kNone = UINT32_MAX;

// The international body "the bloc", "the alliance" or "the organisation" (`word`) before
// token t stands for: the last one of that kind named in the five sentences before, or -1.
// Any body is a bloc; an alliance is one of a treaty (NATO) or so named; an organisation so named.
int LastInternationalBody(const Work& w, uint32_t t, const std::string& word) {
  const bool alliance = word == "alliance", organisation = word == "organisation" || word == "organization";
  if (word != "bloc" && !alliance && !organisation) return -1;
  const int sentence = w.sentence_of[t];
  // Mentions are in text order: start at the last one before t.
  const auto first_after = std::lower_bound(w.mentions.begin(), w.mentions.end(), t,
                                            [](const WorkMention& c, uint32_t token) { return c.tb < token; });
  for (int i = static_cast<int>(first_after - w.mentions.begin()) - 1; i >= 0; --i) {
    const WorkMention& c = w.mentions[i];
    if (c.kind != "name") continue;
    if (sentence - w.sentence_of[c.tb] > 5) break;
    if (c.type != "ORG" || c.sector != "IGO") continue;
    const std::string& name = c.canonical;
    if (alliance && name.find("Treaty") == std::string::npos && name.find("Alliance") == std::string::npos) continue;
    if (organisation && name.find("Organi") == std::string::npos) continue;
    return i;
  }
  return -1;
}

// "the alliance's", "the ruling party's" right before token r: the token of "the", or kNone.
// Lower-case nouns (and one adjective) not part of any mention.
uint32_t TheBeforeCommonPossessor(const Work& w, uint32_t r) {
  const uint32_t sb = w.SentenceBegin(r);
  if (r < sb + 3 || !w.IsPossessive(r - 1)) return kNone;
  uint32_t k = r - 1;
  for (int words = 0; words < 2 && k > sb; ++words) {
    const uint32_t t = k - 1;
    const std::string& upos = w.doc.tokens[t].upos;
    const bool common = w.covered[t] < 0 && !w.Capitalized(t) && AllLetters(w.Form(t)) &&
                        (upos == "NOUN" || (words == 1 && upos == "ADJ"));
    if (!common) break;
    k = t;
    if (k > sb && w.norm[k - 1] == "the") return k - 1;
  }
  return kNone;
}

// The article opening the noun phrase that token t continues, over up to two lower-case
// adjectives ("the", "a senior", "a top"): its token, or kNone.
uint32_t ArticleBefore(const Work& w, uint32_t t) {
  const uint32_t sb = w.SentenceBegin(t);
  for (int adjectives = 0; t > sb; ++adjectives) {
    const std::string& word = w.norm[t - 1];
    if (word == "the" || word == "a" || word == "an") return t - 1;
    if (adjectives == 2 || w.covered[t - 1] >= 0 || w.Capitalized(t - 1) || w.doc.tokens[t - 1].upos != "ADJ") break;
    --t;
  }
  return kNone;
}

// "the North Korean leader", "North Korea's leader", "the Kremlin spokesperson",
// "the leader of North Korea": a role phrase at [r, r + n) used as a noun phrase.
bool MakeNominal(Work& w, uint32_t r, uint32_t n, const RoleWord& role, WorkMention& out) {
  uint32_t sb = w.SentenceBegin(r), se = w.SentenceEnd(r);
  uint32_t end = r + n;
  if (end < se && (w.Capitalized(end) || w.covered[end] >= 0) && !w.IsPossessive(end)) return false;  // premodifier
  // A modifier of a noun after it: "Denmark's official reserves".
  if (const std::string& rel = w.doc.tokens[end - 1].deprel;
      (rel == "compound" || rel == "amod") && w.HeadOf(end - 1) >= static_cast<int>(end)) {
    return false;
  }
  int affiliation = -1;
  bool unnamed_body = false;
  uint32_t start = r;
  // "the EU's foreign policy chief": up to two plain words of the body between a
  // named possessor and the role are the role's.
  uint32_t body = r;
  for (uint32_t k = 1; k <= 2 && r >= sb + k + 2 && !w.IsPossessive(r - 1) && w.covered[r - 1] < 0; ++k) {
    const uint32_t b = r - k;
    const std::string& upos = w.doc.tokens[b].upos;
    if (w.covered[b] >= 0 || w.Capitalized(b) || !AllLetters(w.Form(b)) || (upos != "NOUN" && upos != "ADJ")) break;
    // The body's words end in its noun ("foreign policy chief"); an office of its own sector
    // may be qualified by adjectives ("Georgia's main opposition leader", "Britain's new
    // prime minister"), which only a few make another office ("former").
    const std::string& last_upos = w.doc.tokens[r - 1].upos;
    const bool qualified = !role.sector.empty() && last_upos == "ADJ";
    if (w.IsPossessive(b - 1) && (w.covered[b - 2] >= 0 || TheBeforeCommonPossessor(w, b) != kNone) &&
        (last_upos == "NOUN" || qualified)) {
      body = b;
      break;
    }
  }
  if (body < r && w.covered[body - 2] < 0) {
    start = TheBeforeCommonPossessor(w, body);  // "the bloc's foreign policy chief"
    unnamed_body = true;
    affiliation = LastInternationalBody(w, start, w.norm[body - 2]);
  } else if (body < r) {
    affiliation = w.covered[body - 2];
    start = w.mentions[affiliation].tb;
    if (start > sb && w.norm[start - 1] == "the") --start;
  } else if (r > sb && w.covered[r - 1] >= 0 && w.mentions[w.covered[r - 1]].te == r) {
    affiliation = w.covered[r - 1];  // "the Kremlin spokesperson", "a senior Hamas official"
    start = ArticleBefore(w, w.mentions[affiliation].tb);
    if (start == kNone) return false;
  } else if (r >= sb + 2 && w.IsPossessive(r - 1) && w.covered[r - 2] >= 0) {
    affiliation = w.covered[r - 2];  // "North Korea's leader"
    start = w.mentions[affiliation].tb;
    if (start > sb && w.norm[start - 1] == "the") --start;  // "The European Union's foreign policy chief"
  } else if (const uint32_t the = TheBeforeCommonPossessor(w, r); the != kNone) {
    start = the;  // "the alliance's secretary-general": a role, with a body we cannot name
    unnamed_body = true;
    // ... unless the story has just named an international body: "the bloc" after "the
    // European Union", "the alliance" after NATO.
    affiliation = LastInternationalBody(w, the, w.norm[r - 2]);
  } else if (r > sb && w.norm[r - 1] == "the") {
    start = r - 1;
  } else {
    return false;
  }
  if (affiliation >= 0) {
    const std::string& t = w.mentions[affiliation].type;
    if (t != "GPE" && t != "NORP" && t != "ORG") return false;
  }
  if (end + 1 < se && w.norm[end] == "of") {
    uint32_t k = end + 1;
    if (w.norm[k] == "the" && k + 1 < se) ++k;
    int c = w.covered[k];
    if (c < 0 || w.mentions[c].tb != k || (w.mentions[c].type != "GPE" && w.mentions[c].type != "ORG")) return false;
    if (affiliation < 0) affiliation = c;
    end = w.mentions[c].te;
    // "the commander of the Korean People's Army Ri Pyong Chol": a premodifier again.
    if (end < se && w.Capitalized(end) && !w.IsPossessive(end)) return false;
  } else if (end + 1 < se && w.norm[end] == "for" && affiliation >= 0) {
    // "the UN special envoy for Yemen": the place is the brief, not the employer.
    const int c = w.covered[end + 1];
    if (c >= 0 && w.mentions[c].tb == end + 1 && (w.mentions[c].type == "GPE" || w.mentions[c].type == "LOC")) {
      end = w.mentions[c].te;
    }
  }
  // "X, the director of ...": an apposition; roles.cc reads it as X's role.
  if (start >= sb + 2 && w.Form(start - 1) == "," && EndsPerson(w, start - 2)) return false;
  out = NewMention(start, end, "PERSON", "nominal");
  out.role = role.phrase;
  // The words name the body of a role that has none of its own ("foreign policy chief");
  // before an office they qualify it ("Britain's new prime minister"), kept when they
  // make it another ("former").
  const std::string_view first = body < r ? std::string_view(w.norm[body]) : std::string_view();
  if (body < r && (role.sector.empty() || first == "former" || first == "acting" || first == "interim")) {
    std::string words =
        base::CollapseWhitespace(w.doc.SpanText({w.doc.tokens[body].span.start, w.doc.tokens[r - 1].span.end}));
    for (char& c : words) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    out.role = words + " " + role.phrase;
  }
  out.roles.push_back(out.role);
  out.unnamed_body = unnamed_body;
  out.role_sector = role.sector;
  // "foreign ministry spokeswoman": a role of no sector of its own takes its body's words'.
  for (uint32_t t = body; t < r && out.role_sector.empty(); ++t) out.role_sector = std::string(w.kb.SectorWord(w.norm[t]));
  // "the party's president" is the party's (PTY), not a head of state's (GOV).
  if (unnamed_body) {
    if (std::string_view body_sector = w.kb.SectorWord(w.norm[body - 2]); !body_sector.empty()) {
      out.role_sector = std::string(body_sector);
    }
  }
  out.gender = role.gender;
  if (affiliation >= 0) {
    const WorkMention& a = w.mentions[affiliation];
    out.country = a.country;
    if (role.sector.empty()) out.sector = a.sector;
    Affiliate(out, a);  // "the U.N. envoy" is the U.N.'s (IGO), though envoys are GOV
  }
  return true;
}

// "China said on Tuesday that it would impose sanctions": "it", the subject of the
// clause a country or an organization reports, is that reporter. Returns a token of
// the reporter's mention, or -1 (most "it" are no actor: "it is likely that ...").
int ReporterOfIt(const Work& w, uint32_t t) {
  const document::Token& it = w.doc.tokens[t];
  if (it.deprel != "nsubj" && it.deprel != "nsubj:pass") return -1;
  const int clause = w.HeadOf(t);
  if (clause < 0 || w.doc.tokens[clause].deprel != "ccomp") return -1;
  const int verb = w.HeadOf(clause);
  if (verb < 0 || w.doc.tokens[verb].upos != "VERB") return -1;
  for (uint32_t s = w.SentenceBegin(t); s < static_cast<uint32_t>(verb); ++s) {
    if (w.HeadOf(s) != verb || w.doc.tokens[s].deprel != "nsubj" || w.covered[s] < 0) continue;
    // "Both the budget office and the administration estimate it would ...": two
    // reporters, and "it" is the plan they speak of.
    for (uint32_t c = s + 1; c < static_cast<uint32_t>(verb); ++c) {
      if (w.HeadOf(c) == static_cast<int>(s) && w.doc.tokens[c].deprel == "conj") return -1;
    }
    const std::string& type = w.mentions[w.covered[s]].type;
    return type == "GPE" || type == "ORG" ? static_cast<int>(s) : -1;
  }
  return -1;
}

// "the company", "the ministry", "the country": a body or a country named before,
// described by a word of data/kb/sectors.tsv or by "country"/"nation" (coref.cc finds
// which; unmatched, it is no mention). Not a premodifier ("the company spokesman"),
// not a name the NER missed ("the Bank of Japan"), not a newspaper's word ("the post").
bool MakeBodyDescription(const Work& w, uint32_t t, WorkMention& out) {
  const uint32_t sb = w.SentenceBegin(t), se = w.SentenceEnd(t);
  if (t == sb) return false;
  const std::string& word = w.norm[t];
  const bool country = word == "country" || word == "nation";
  std::string_view sector = country ? std::string_view() : w.kb.SectorWord(word);
  const bool body = !sector.empty() && (sector != "MED" || word == "newspaper") && word != "inc" && word != "ltd" &&
                    word != "corp";
  if (!country && !body) return false;
  // "the Israeli military", "the Egyptian foreign ministry", "Armenia's foreign ministry": a
  // state body a nationality or a country's possessive names (up to one lower-case word
  // between), the country's.
  uint32_t begin = t - 1;
  std::string owner, described_as;
  // "the paramilitary group", "the militant group": a lower-case adjective the story gave the
  // body before its name tells which one.
  const bool adjective = t >= sb + 2 && w.norm[t - 2] == "the" && w.covered[t - 1] < 0 && !w.Capitalized(t - 1) &&
                         w.doc.tokens[t - 1].upos == "ADJ" && body && !country;
  // "the Iran-backed group": whose backing, split by the tokenizer ("Iran - backed").
  const bool backed = t >= sb + 4 && w.norm[t - 4] == "the" && w.Form(t - 2) == "-" && body && !country &&
                      (w.norm[t - 1] == "backed" || w.norm[t - 1] == "aligned" || w.norm[t - 1] == "allied" ||
                       w.norm[t - 1] == "linked" || w.norm[t - 1] == "led" || w.norm[t - 1] == "affiliated");
  if (adjective || backed) {
    begin = t - (backed ? 4 : 2);
    described_as = w.norm[t - 1];
  } else if (w.norm[t - 1] != "the") {
    uint32_t k = t - 1;
    if (w.covered[k] < 0 && k > sb && !w.Capitalized(k) && w.doc.tokens[k].upos != "VERB" && !w.IsPossessive(k)) --k;
    if (!body || (sector != "GOV" && sector != "MIL" && sector != "COP" && sector != "JUD" && sector != "LEG")) return false;
    if (w.IsPossessive(k) && k > sb) {  // "Armenia's"
      const int c = w.covered[k - 1];
      if (c < 0 || w.mentions[c].type != "GPE" || w.mentions[c].te != k || w.mentions[c].country.empty() ||
          w.mentions[c].kind != "name") {
        return false;
      }
      begin = w.mentions[c].tb;
      owner = w.mentions[c].country;
    } else {
      const int c = w.covered[k];
      if (c < 0 || w.mentions[c].type != "NORP" || w.mentions[c].te != k + 1 || w.mentions[c].country.empty()) return false;
      const uint32_t nb = w.mentions[c].tb;
      if (nb == sb || w.norm[nb - 1] != "the") return false;
      begin = nb - 1;
      owner = w.mentions[c].country;
    }
    // "defence ministry" is the military's, as an organization's name would say.
    if (k + 1 < t) {
      if (std::string_view two = w.kb.SectorWord(w.norm[k + 1] + " " + word); !two.empty()) sector = two;
    }
  }
  if (t + 1 < se && !w.IsPossessive(t + 1)) {
    const std::string& next = w.doc.tokens[t + 1].upos;
    if (next == "NOUN" || next == "PROPN" || w.norm[t + 1] == "of" || w.covered[t + 1] >= 0 ||
        w.kb.Role(w.norm[t + 1]) != nullptr) {
      return false;  // "the Russian foreign ministry spokeswoman" is a person
    }
  }
  out = NewMention(begin, t + 1, country ? "GPE" : "ORG", "nominal");
  out.description = word;
  out.described_as = described_as;
  out.sector = std::string(sector);
  out.country = owner;
  return true;
}

}  // namespace

void AddNominalsAndPronouns(Work& w) {
  std::vector<WorkMention> found;
  for (const document::Sentence& s : w.doc.sentences) {
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (w.covered[t] >= 0) continue;
      if (char g = PronounGender(w.norm[t])) {
        WorkMention m = NewMention(t, t + 1, g == 'N' ? "ORG" : "PERSON", "pronoun");
        m.gender = g;
        found.push_back(m);
        continue;
      }
      if (w.norm[t] == "it") {
        if (const int reporter = ReporterOfIt(w, t); reporter >= 0) {
          WorkMention m = NewMention(t, t + 1, "ORG", "pronoun");
          m.gender = 'N';
          m.reporter_token = reporter;
          found.push_back(m);
          continue;
        }
      }
      if (WorkMention d; MakeBodyDescription(w, t, d)) {
        found.push_back(std::move(d));
        continue;
      }
      uint32_t n = 0;
      const RoleWord* r = RoleAt(w, t, s.token_end, n);
      if (r == nullptr || r->kind == RoleWord::Kind::kHonorific || r->kind == RoleWord::Kind::kKin) continue;
      WorkMention m;
      if (MakeNominal(w, t, n, *r, m)) {
        found.push_back(std::move(m));
        t += n - 1;
      }
    }
  }
  for (WorkMention& f : found) w.mentions.push_back(std::move(f));
  w.SortMentions();
}

void MarkPolitical(Work& w) {
  static const char* const kPlaces[] = {"in", "at", "near", "from", "to", "into", "outside", "across", "around",
                                        "through", "via", "toward", "towards", "between", "visit", "visited", "of"};
  for (WorkMention& m : w.mentions) {
    if (m.kind != "name") continue;
    if (m.type == "ORG" && m.sector == "GOV" && !m.country.empty()) m.political = true;
    if (!m.capital) continue;
    // A dateline ("KHARTOUM, Aug. 23 —") names where the story was filed.
    bool caps = true;
    for (char c : w.Form(m.tb)) caps = caps && !(c >= 'a' && c <= 'z');
    if (caps && m.tb == w.SentenceBegin(m.tb)) continue;
    if (m.te < w.doc.tokens.size() && w.IsPossessive(m.te)) {
      m.political = true;
      continue;
    }
    bool place = false;
    if (m.tb > w.SentenceBegin(m.tb)) {
      for (const char* p : kPlaces) place = place || w.norm[m.tb - 1] == p;
    }
    if (place) continue;
    const document::Token& head = w.doc.tokens[m.te - 1];
    bool next_verb = m.te < w.SentenceEnd(m.tb) &&
                     (w.doc.tokens[m.te].upos == "VERB" || w.doc.tokens[m.te].upos == "AUX");
    m.political = head.deprel == "nsubj" || head.deprel == "nsubj:pass" || head.deprel == "obj" || next_verb;
  }
}

bool ReadDescribedOrganization(Work& w, WorkMention& m) {
  const uint32_t sb = w.SentenceBegin(m.tb);
  if (m.tb < sb + 2 || !KindWordBefore(w, m)) return false;
  uint32_t b = m.tb - 1;
  while (b > sb && m.tb - b < 3 && w.covered[b - 1] < 0 && !w.Capitalized(b - 1) && AllWordChars(w.Form(b - 1))) --b;
  if (b == sb || b < sb + 1) return false;
  uint32_t owner_end = b;
  if (w.IsPossessive(owner_end - 1) && owner_end - 1 > sb) --owner_end;
  const int owner = w.covered[owner_end - 1];
  if (owner < 0 || w.mentions[owner].te != owner_end) return false;
  const WorkMention& o = w.mentions[owner];
  if ((o.type != "GPE" && o.type != "NORP") || o.country.empty()) return false;
  // Without a sector the body would be coded as its country itself ("German chemicals
  // group BASF" is not Germany): no country either.
  std::string sector = m.sector;
  for (uint32_t t = b; t < m.tb && m.sector.empty(); ++t) {
    if (w.norm[t] == "group") continue;
    std::string_view s = w.kb.SectorWord(w.norm[t]);
    if (!s.empty()) sector = std::string(s);
  }
  if (sector.empty()) return false;
  m.sector = sector;
  m.country = o.country;
  return true;
}

void ReadOrganizationNames(Work& w) {
  for (WorkMention& m : w.mentions) {
    if (m.kind != "name" || m.type != "ORG" || !m.code.empty()) continue;
    if (m.sector.empty()) {
      // The last word with a sector decides; two words before one ("Central Bank": GOV, not
      // a bank's BUS; "Air Force").
      for (uint32_t t = m.tb; t < m.te; ++t) {
        std::string_view s = t + 1 < m.te ? w.kb.SectorWord(w.norm[t] + " " + w.norm[t + 1]) : std::string_view();
        if (!s.empty()) {
          m.sector = std::string(s);
          ++t;
          continue;
        }
        s = w.kb.SectorWord(w.norm[t]);
        if (!s.empty()) m.sector = std::string(s);
      }
      // "the ruling Georgian Dream party", "the Fujitsu company": the word after the name says
      // what it is. Not a body's part ("the ICO council", "the Labor department", "the Tower
      // commission": GOV words), its forces, nor "group" ("the Wagner group" is no business).
      if (m.sector.empty() && m.te < w.SentenceEnd(m.tb) && w.covered[m.te] < 0 && !w.Capitalized(m.te) &&
          w.norm[m.te] != "group") {
        const std::string_view after = w.kb.SectorWord(w.norm[m.te]);
        if (after != "GOV" && after != "MIL" && after != "COP") m.sector = std::string(after);
      }
    }
    if (!m.country.empty()) continue;
    // "Iran's Revolutionary Guards": a country's possessive before the name.
    if (m.tb >= 2 && w.IsPossessive(m.tb - 1) && w.SentenceBegin(m.tb) + 2 <= m.tb) {
      const int owner = w.covered[m.tb - 2];
      if (owner >= 0 && w.mentions[owner].te == m.tb - 1 &&
          (w.mentions[owner].type == "GPE" || w.mentions[owner].type == "NORP")) {
        m.country = w.mentions[owner].country;
        if (!m.country.empty()) continue;
      }
    }
    // "the Chinese Foreign Ministry": a nationality right before the name of a body whose
    // sector its words say (a body of none would be coded as the country itself: "Dutch
    // Coffee Roasters' Association" is not the Netherlands).
    if (m.tb > w.SentenceBegin(m.tb) && !m.sector.empty()) {
      const int owner = w.covered[m.tb - 1];
      if (owner >= 0 && w.mentions[owner].te == m.tb && w.mentions[owner].type == "NORP" &&
          !w.mentions[owner].country.empty()) {
        m.country = w.mentions[owner].country;
        continue;
      }
    }
    // "Chinese carmaker BYD", "Danish shipping company Maersk", "Lebanon's militant group X": a
    // nationality or a country, up to three lower-case words that say what the body is, then
    // its name. The words give the sector ("group" alone says none, and then nothing is read).
    if (ReadDescribedOrganization(w, m)) continue;
    // The first country or nationality among its words, of up to three words ("U.S.
    // Agriculture Department", "Bank of England", "British Airways").
    for (uint32_t b = m.tb; b < m.te && m.country.empty(); ++b) {
      for (uint32_t e = std::min(m.te, b + 3); e > b && m.country.empty(); --e) {
        if (e - b == m.te - m.tb) continue;  // the whole name is not a place inside it
        for (uint32_t index : w.gaz.LookupNormalized(w.Key(b, e))) {
          const kb::GazetteerEntry& g = w.gaz.entry(index);
          if (g.type == kb::EntryType::kCountry) m.country = g.code;
          if (g.type == kb::EntryType::kDemonym) m.country = g.country;
          if (!m.country.empty()) break;
        }
      }
    }
  }
}

void PlaceCountries(Work& w) {
  auto is_name_place = [](const WorkMention& m) { return m.kind == "name" && (m.type == "GPE" || m.type == "LOC"); };
  kb::PlaceContext context(w.gaz);
  for (const WorkMention& m : w.mentions) {
    if (is_name_place(m)) context.AddName(w.Key(m.tb, m.te));
  }
  if (context.countries().empty()) return;
  for (WorkMention& m : w.mentions) {
    if (!is_name_place(m) || w.kb.Actor(w.Key(m.tb, m.te)) != nullptr) continue;
    auto found = w.gaz.LookupNormalized(w.Key(m.tb, m.te));
    // Only a name whose first place is a town or a province is re-read: a country
    // ("Georgia") keeps its meaning even when a story also names a US state.
    const kb::GazetteerEntry* first = nullptr;
    for (uint32_t i : found) {
      const kb::GazetteerEntry& e = w.gaz.entry(i);
      if (e.type == kb::EntryType::kCountry || e.type == kb::EntryType::kAdmin1 || e.type == kb::EntryType::kCity) {
        first = &e;
        break;
      }
    }
    if (first == nullptr || first->type == kb::EntryType::kCountry || first->country != m.country) continue;
    const bool after_the = TheBeforePlaceName(w, m);
    const int64_t chosen = context.Choose(found, [&](const kb::GazetteerEntry& e) {
      return !after_the && (e.type == kb::EntryType::kAdmin1 || e.type == kb::EntryType::kCity);
    });
    if (chosen < 0) continue;
    const kb::GazetteerEntry& e = w.gaz.entry(static_cast<uint32_t>(chosen));
    m.country = e.country;
    m.capital = e.type == kb::EntryType::kCity && e.detail == "PPLC";
  }
}

}  // namespace newsgraph::extract::entities_internal
