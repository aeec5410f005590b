// Roles and affiliations read around person names: premodifiers ("Russia's
// defence minister Sergei Shoigu", "Kremlin spokesperson Dmitry Peskov",
// "commander of the Korean People's Army Ri Pyong Chol") and appositions
// ("Jo Chun Ryong, the director of North Korea's Munitions Industry Department").
#include "base/strings.h"
#include "extract/entities/resolver_internal.h"

namespace newsgraph::extract::entities_internal {

bool AllWordChars(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
  }
  return true;
}

// An official takes the country of the place or body named with the role, and the body's
// sector when it is an organization.
void Affiliate(WorkMention& m, const WorkMention& a) {
  if (m.country.empty()) m.country = a.country;
  if (m.sector.empty() && a.type == "ORG") m.sector = a.sector;
  // A president, secretary or official is a government's only when no other body is named
  // as theirs: a union's or an airline's president is no government official (a body's
  // minister still is).
  if (a.type == "ORG" && m.role_sector == "GOV" && a.sector != "GOV" && !m.roles.empty()) {
    const std::string& role = m.roles.back();
    if (role.ends_with("president") || role == "secretary" || role == "official") m.role_sector = a.sector;
  }
  // An armed group's commander or official is the group's (SDNREB), not a state's.
  if (a.type == "ORG" && a.sector == "REB" && (m.role_sector == "MIL" || m.role_sector == "GOV")) m.role_sector = "REB";
  // An official of an international body is coded as the body (IGOWFP).
  if (a.type == "ORG" && (a.sector == "IGO" || a.sector == "NGO")) {
    if (m.code.empty()) m.code = a.code;
    m.role_sector = a.sector;  // the ADB's president is IGO, not GOV
  }
}

namespace {

// The longest role phrase ENDING at token e (exclusive), starting at or after `lo`.
const RoleWord* RoleEndingAt(const Work& w, uint32_t lo, uint32_t e, uint32_t& n) {
  for (uint32_t k = std::min<uint32_t>(w.kb.max_role_words(), e - lo); k >= 1; --k) {
    bool free = true;
    for (uint32_t t = e - k; t < e && free; ++t) free = w.covered[t] < 0;
    if (!free) continue;
    if (const RoleWord* r = w.kb.Role(w.Key(e - k, e))) {
      n = k;
      return r;
    }
  }
  return nullptr;
}

const RoleWord* RoleStartingAt(const Work& w, uint32_t b, uint32_t hi, uint32_t& n) {
  for (uint32_t k = std::min<uint32_t>(w.kb.max_role_words(), hi > b ? hi - b : 0); k >= 1; --k) {
    if (const RoleWord* r = w.kb.Role(w.Key(b, b + k))) {
      n = k;
      return r;
    }
  }
  return nullptr;
}

// A mention that ends right before token t ("Russia" in "Russia President"), or
// the possessor in "Russia's defence minister"; -1 if none.
int AffiliationBefore(const Work& w, uint32_t t) {
  uint32_t sb = w.SentenceBegin(t);
  if (t == sb) return -1;
  if (w.IsPossessive(t - 1) && t - 1 > sb) --t;
  int c = w.covered[t - 1];
  if (c < 0 || w.mentions[c].te != t) return -1;
  const std::string& type = w.mentions[c].type;
  return (type == "GPE" || type == "NORP" || type == "ORG") ? c : -1;
}

// Sector of an organization name: its last word with a sector ("Industry Department" -> GOV).
std::string SectorOfWords(const Work& w, uint32_t b, uint32_t e) {
  std::string sector;
  for (uint32_t t = b; t < e; ++t) {
    std::string_view s = w.kb.SectorWord(w.norm[t]);
    if (!s.empty()) sector = std::string(s);
  }
  return sector;
}

void ApplyRole(WorkMention& m, const RoleWord& r, std::string text) {
  if (r.gender != '-') m.gender = r.gender;
  if (r.kind == RoleWord::Kind::kHonorific) return;
  m.roles.push_back(std::move(text));
  if (m.role_sector.empty() && r.kind != RoleWord::Kind::kKin) m.role_sector = r.sector;
}

// The person mention a possessive before token t points at, or -1: "Fidan's" is
// Fidan; "his" and "her" the nearest person named before (coreference is not known yet).
int PossessorPerson(const Work& w, uint32_t t) {
  const uint32_t sb = w.SentenceBegin(t);
  if (t == sb) return -1;
  const std::string& word = w.norm[t - 1];
  if (word == "his" || word == "her") {
    for (uint32_t k = t - 1; k-- > 0;) {
      const int c = w.covered[k];
      if (c >= 0 && w.mentions[c].type == "PERSON" && w.mentions[c].kind == "name") return c;
    }
    return -1;
  }
  if (t < sb + 2 || !w.IsPossessive(t - 1)) return -1;
  const int c = w.covered[t - 2];
  return c >= 0 && w.mentions[c].type == "PERSON" && w.mentions[c].kind == "name" ? c : -1;
}

// "his Greek counterpart Giorgos Gerapetritis": the possessor's office ("foreign
// minister"), from its mention or an earlier one of the same surname. Token `at` opens
// "[NORP] counterpart". The role stays "counterpart" when the office is not known.
void TakeCounterpartsOffice(const Work& w, WorkMention& m, uint32_t at) {
  if (int a = AffiliationBefore(w, at); a >= 0 && !w.IsPossessive(w.mentions[a].te)) at = w.mentions[a].tb;
  const int p = PossessorPerson(w, at);
  if (p < 0) return;
  const std::string surname = w.norm[w.mentions[p].te - 1];
  for (int k = p; k >= 0; --k) {
    const WorkMention& o = w.mentions[k];
    if (o.type != "PERSON" || o.kind != "name" || w.norm[o.te - 1] != surname) continue;
    for (const std::string& role : o.roles) {
      if (role == "counterpart" || w.kb.Role(role) == nullptr || w.kb.Role(role)->kind == RoleWord::Kind::kKin) {
        continue;
      }
      m.roles.back() = role;
      m.role_sector = o.role_sector;
      return;
    }
  }
}

constexpr int kPrincipalLookBack = 200;  // mentions: a few pages of news

// The body or country that "its" or "their" at token `its` stands for: the latest name in
// the subject of a clause whose verb comes before it ("The World Bank approved a loan to
// Kenya, its country director said"; "Afghanistan's Taliban administration denied it. Its
// spokesman"); -1 when a person is that subject, or none is near.
int BodyOfIts(const Work& w, uint32_t its) {
  auto subject_of_earlier_clause = [&](int t) {
    for (int up = 0; up < 2 && t >= 0; ++up, t = w.HeadOf(static_cast<uint32_t>(t))) {
      const std::string& rel = w.doc.tokens[t].deprel;
      if (rel == "nsubj" || rel == "nsubj:pass") return w.HeadOf(static_cast<uint32_t>(t)) < static_cast<int>(its);
      if (rel != "compound" && rel != "nmod:poss" && rel != "amod") return false;
    }
    return false;
  };
  for (int k = static_cast<int>(w.mentions.size()), seen = 0; k-- > 0 && seen < kPrincipalLookBack;) {
    const WorkMention& o = w.mentions[k];
    if (o.te > its || o.kind != "name") continue;
    ++seen;
    if (!subject_of_earlier_clause(static_cast<int>(o.te) - 1)) continue;
    if (o.type == "PERSON") return -1;
    if (o.type == "ORG" || o.type == "GPE") return k;
  }
  return -1;
}

// Before the name: [affiliation] role NAME, or role of [the] ORG NAME, or
// "A's minister X and foreign minister Y" (Y inherits A).
void ReadPremodifier(Work& w, WorkMention& m) {
  uint32_t sb = w.SentenceBegin(m.tb);
  uint32_t at = m.has_title ? m.role_tb : m.tb;
  uint32_t n = 0;
  const RoleWord* r = nullptr;
  if (!m.has_title && at > sb) r = RoleEndingAt(w, sb, at, n);
  if (r != nullptr) {
    at -= n;
    // "WFP country director", "U.S. Treasury Secretary": up to two words between the
    // body and the role belong to the role.
    std::string text = r->phrase;
    const uint32_t role_b = at;
    // (A hyphenated word is one: "Bolivian centre-right candidate".)
    for (uint32_t k = 1; k <= 4 && at >= sb + k + 1; ++k) {
      uint32_t b = at - k;
      bool plain = true;
      int word_count = 0;
      // Nouns and adjectives only: "Japan hailed President X" gives X no role "hailed president".
      for (uint32_t t = b; t < at && plain; ++t) {
        const std::string& upos = w.doc.tokens[t].upos;
        const bool hyphen = w.Form(t) == "-" && t > b && t + 1 < at;
        word_count += hyphen ? -1 : 1;
        plain = w.covered[t] < 0 && AllWordChars(w.Form(t)) &&
                (hyphen || upos.empty() || upos == "X" || upos == "NOUN" || upos == "PROPN" || upos == "ADJ");
      }
      if (word_count > 2) break;
      if (!plain || AffiliationBefore(w, b) < 0 || AffiliationBefore(w, at) >= 0) continue;
      std::string words =
          base::CollapseWhitespace(w.doc.SpanText({w.doc.tokens[b].span.start, w.doc.tokens[at - 1].span.end}));
      for (char& c : words) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      text = words + " " + text;
      at = b;
      break;
    }
    ApplyRole(m, *r, text);
    // "foreign ministry spokeswoman": a role of no sector of its own takes its body's words'.
    if (m.role_sector.empty()) m.role_sector = SectorOfWords(w, at, role_b);
    if (text == "counterpart") TakeCounterpartsOffice(w, m, at);
  } else if (m.has_title) {
    m.roles.push_back(m.role);
  } else if (at > sb + 3 && w.covered[at - 1] >= 0 && w.mentions[w.covered[at - 1]].type == "ORG") {
    // "commander of the Korean People's Army Ri Pyong Chol"
    const WorkMention& org = w.mentions[w.covered[at - 1]];
    uint32_t k = org.tb;
    if (k > sb && w.norm[k - 1] == "the") --k;
    if (k > sb + 1 && w.norm[k - 1] == "of" && (r = RoleEndingAt(w, sb, k - 1, n)) != nullptr) {
      ApplyRole(m, *r, r->phrase + " of " + base::CollapseWhitespace(w.doc.SpanText(
                                               {w.doc.tokens[org.tb].span.start, w.doc.tokens[org.te - 1].span.end})));
      Affiliate(m, org);
      if (m.role_sector.empty()) m.role_sector = org.sector;
      return;
    }
    return;
  }
  int a = AffiliationBefore(w, at);
  if ((a < 0 || w.mentions[a].kind == "pronoun") && r != nullptr && at > sb &&
      (w.norm[at - 1] == "its" || w.norm[at - 1] == "their")) {
    a = BodyOfIts(w, at - 1);  // "its country director Keith Hansen said"
  }
  if (a >= 0) {
    Affiliate(m, w.mentions[a]);
    return;
  }
  // "Russia's defence minister Sergei Shoigu and foreign minister Sergei Lavrov"
  if (r != nullptr && at > sb + 1 && (w.norm[at - 1] == "and" || w.Form(at - 1) == ",")) {
    int c = w.covered[at - 2];
    if (c >= 0 && w.mentions[c].type == "PERSON" && w.mentions[c].te == at - 1) {
      if (m.country.empty()) m.country = w.mentions[c].country;
      if (m.sector.empty()) m.sector = w.mentions[c].sector;
    }
  }
}

// After the name: ", [the|a|his|GPE's|NORP] [adjectives] role [of AFFILIATION]".
void ReadApposition(Work& w, WorkMention& m) {
  uint32_t se = w.SentenceEnd(m.tb);
  uint32_t k = m.te;
  if (k + 2 >= se || w.Form(k) != ",") return;
  ++k;
  int affiliation = -1;
  if (w.norm[k] == "the" || w.norm[k] == "a" || w.norm[k] == "an" || w.norm[k] == "his" || w.norm[k] == "her") ++k;
  if (k < se && w.covered[k] >= 0 && w.mentions[w.covered[k]].tb == k) {
    int c = w.covered[k];
    const std::string& type = w.mentions[c].type;
    if (type != "GPE" && type != "NORP" && type != "ORG") return;
    affiliation = c;
    k = w.mentions[c].te;
    if (k < se && w.IsPossessive(k)) ++k;
  }
  const uint32_t adjectives_b = k;
  for (int adjectives = 0; k < se && adjectives < 3 && w.doc.tokens[k].upos == "ADJ" && w.covered[k] < 0; ++adjectives) {
    uint32_t n = 0;
    if (RoleStartingAt(w, k, se, n) != nullptr) break;
    ++k;
  }
  uint32_t n = 0;
  const RoleWord* r = RoleStartingAt(w, k, se, n);
  // "the Russian foreign ministry spokeswoman": up to two plain words of the body before the role.
  const uint32_t body_b = k;
  for (uint32_t skip = 1; r == nullptr && skip <= 2 && k + skip < se; ++skip) {
    const std::string& upos = w.doc.tokens[k + skip - 1].upos;
    if (w.covered[k + skip - 1] >= 0 || !AllWordChars(w.Form(k + skip - 1)) ||
        !(upos.empty() || upos == "X" || upos == "NOUN" || upos == "ADJ" || upos == "PROPN")) {
      break;
    }
    r = RoleStartingAt(w, k + skip, se, n);
    // The role must end the noun phrase: "deputy general manager" holds no "general".
    if (r != nullptr && k + skip + n < se) {
      const std::string& next = w.norm[k + skip + n];
      const bool boundary = next.empty() || next == "of" || next == "at" || next == "for" || next == "in" ||
                            next == "with" || next == "and" || next == "to" || !AllWordChars(w.Form(k + skip + n));
      if (!boundary) r = nullptr;
    }
    if (r != nullptr) k += skip;
  }
  if (r == nullptr) return;
  const uint32_t role_b = k;
  k += n;
  // "Reagan, Vice President George Bush, ...": the title of the next name in a list.
  if (k < se && w.covered[k] >= 0 && w.mentions[w.covered[k]].type == "PERSON") return;
  std::string role = r->phrase;
  if (k + 1 < se && w.norm[k] == "of") {
    ++k;
    if (w.norm[k] == "the") ++k;
    // Affiliation: places and organizations up to the end of the phrase.
    uint32_t org_b = 0, org_e = 0;
    for (; k < se && w.Form(k) != "," && w.Form(k) != ";" && w.norm[k] != "and"; ++k) {
      int c = w.covered[k];
      if (c >= 0) {
        const WorkMention& x = w.mentions[c];
        if ((x.type == "GPE" || x.type == "NORP" || x.type == "ORG") && affiliation < 0) affiliation = c;
        if (x.type == "ORG" && x.kind == "name") org_b = x.tb, org_e = x.te;
        if (x.type == "PERSON") break;
        k = std::max(k, x.te - 1);
      } else if (w.Capitalized(k)) {
        if (org_e != k) org_b = k;
        org_e = k + 1;
      }
    }
    if (org_e > org_b && r->kind != RoleWord::Kind::kKin) {
      role += " of " + base::CollapseWhitespace(
                           w.doc.SpanText({w.doc.tokens[org_b].span.start, w.doc.tokens[org_e - 1].span.end}));
      if (m.sector.empty()) m.sector = SectorOfWords(w, org_b, org_e);
    }
  }
  if (role_b > body_b) {
    // The body's adjectives are its name's ("foreign ministry"), not the role's "powerful".
    const uint32_t words_b = adjectives_b;
    std::string words =
        base::CollapseWhitespace(w.doc.SpanText({w.doc.tokens[words_b].span.start, w.doc.tokens[role_b - 1].span.end}));
    for (char& c : words) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    role = words + " " + role;
  }
  ApplyRole(m, *r, role);
  // The body the role words name decides its sector ("group vice president": a firm's).
  if (std::string body = SectorOfWords(w, body_b, role_b); !body.empty()) m.role_sector = body;
  if (affiliation >= 0) Affiliate(m, w.mentions[affiliation]);
}

}  // namespace

namespace {

// Offices that serve one person and share their side: "his spokeswoman" speaks for him.
bool ServesItsHolder(const std::string& role) {
  return role.find("spokes") != std::string::npos || role == "press secretary" || role == "aide" ||
         role == "adviser" || role == "advisor" || role == "chief of staff";
}

// Person mention `c`, or, when it says no country or sector (a surname alone: "for Guterres",
// "Chinh's"), the latest earlier mention of that surname that does.
const WorkMention& NamedEarlierWithSide(const Work& w, int c) {
  const WorkMention* holder = &w.mentions[c];
  const std::string& surname = w.norm[holder->te - 1];
  for (int k = c, seen = 0; k-- > 0 && seen < kPrincipalLookBack && holder->country.empty() &&
                            holder->role_sector.empty() && holder->sector.empty();
       ++seen) {
    const WorkMention& o = w.mentions[k];
    if (o.type == "PERSON" && o.kind == "name" && w.norm[o.te - 1] == surname) holder = &o;
  }
  return *holder;
}

// Office `r` held for person `h` gives `m` h's country, and h's sector when the office serves
// its holder (a spokeswoman, not a lawyer).
void TakeHoldersSide(WorkMention& m, const RoleWord& r, const WorkMention& h) {
  if (m.country.empty()) m.country = h.country;
  if (m.role_sector.empty() && ServesItsHolder(r.phrase)) m.role_sector = !h.role_sector.empty() ? h.role_sector : h.sector;
}

// "His spokeswoman, Natalya Eismont, said", "Chinh's spokeswoman, X,": an office of a person
// named before ("his", "her") or right before it, standing alone before the name's comma, gives
// the name that role and that person's side; "Its spokesman, X,", the side of the body or
// country "its" stands for.
void ReadPossessedOffice(Work& w, WorkMention& m, uint32_t comma) {
  const uint32_t sb = w.SentenceBegin(m.tb);
  uint32_t n = 0;
  const RoleWord* r = RoleEndingAt(w, sb, comma, n);
  if (r == nullptr || r->kind == RoleWord::Kind::kKin || r->kind == RoleWord::Kind::kHonorific) return;
  if (comma < sb + n + 1) return;
  uint32_t possessive = comma - n - 1;
  int holder = -1;
  if (w.norm[possessive] == "its" || w.norm[possessive] == "their") {
    // "Its spokesman, Zabihullah Mujahid, urged ...".
    if (const int body = BodyOfIts(w, possessive); body >= 0) {
      ApplyRole(m, *r, r->phrase);
      Affiliate(m, w.mentions[body]);
    }
    return;
  }
  if (w.norm[possessive] == "his" || w.norm[possessive] == "her") {
    holder = PossessorPerson(w, possessive + 1);
  } else if (w.IsPossessive(possessive) && possessive > sb) {
    // "Chinh's spokeswoman, Pham Thu Hang,": a person named, then "'s".
    holder = PossessorPerson(w, possessive + 1);
    if (holder >= 0) possessive = w.mentions[holder].tb;
  }
  if (holder < 0) return;
  if (possessive != sb && w.Form(possessive - 1) != "," && w.norm[possessive - 1] != "and") return;
  ApplyRole(m, *r, r->phrase);
  TakeHoldersSide(m, *r, NamedEarlierWithSide(w, holder));
}

// "A spokesman for Guterres, Stephane Dujarric, said", "the ambassador of France, X,": an
// office held for a person or a body named right before the name's comma gives the name that
// role and the principal's country; a body's sector too, a person's when the office serves
// its holder (a spokesman, not a lawyer).
void ReadOfficeForPrincipal(Work& w, WorkMention& m, uint32_t comma) {
  const uint32_t sb = w.SentenceBegin(m.tb);
  if (comma < sb + 3) return;
  const int c = w.covered[comma - 1];
  if (c < 0 || w.mentions[c].te != comma) return;
  const WorkMention& principal = w.mentions[c];
  // A body may be named or described ("for the ministry"); a person or a place is named.
  if (principal.kind != "name" && principal.type != "ORG") return;
  if (principal.type != "PERSON" && principal.type != "ORG" && principal.type != "GPE") return;
  const uint32_t prep = principal.tb - 1;
  if (principal.tb <= sb + 1 || (w.norm[prep] != "for" && w.norm[prep] != "of")) return;
  uint32_t n = 0;
  const RoleWord* r = RoleEndingAt(w, sb, prep, n);
  if (r == nullptr || r->kind == RoleWord::Kind::kKin || r->kind == RoleWord::Kind::kHonorific) return;
  uint32_t at = prep - n;
  if (at > sb && (w.norm[at - 1] == "a" || w.norm[at - 1] == "an" || w.norm[at - 1] == "the")) --at;
  if (at != sb && w.Form(at - 1) != "," && w.norm[at - 1] != "and") return;
  ApplyRole(m, *r, r->phrase);
  if (principal.type != "PERSON") {
    Affiliate(m, principal);
    return;
  }
  TakeHoldersSide(m, *r, NamedEarlierWithSide(w, c));
}

// "to the agency", "at the United Nations": tokens [b, e) are a short phrase of where an
// office is held (a preposition, then up to five words, no verb or comma).
bool PostedPhrase(const Work& w, uint32_t b, uint32_t e) {
  if (b >= e || e - b > 6) return false;
  const std::string& p = w.norm[b];
  if (p != "to" && p != "at" && p != "in" && p != "for") return false;
  for (uint32_t t = b + 1; t < e; ++t) {
    const std::string& upos = w.doc.tokens[t].upos;
    if (upos == "VERB" || upos == "AUX" || upos == "PUNCT" || upos == "CCONJ" || upos == "ADP") return false;
  }
  return true;
}

// "China's delegate, Lt. Gen. Zhou Weimin, replied": the description before the
// name is the same person and gives its role and country.
void ReadFrontApposition(Work& w, int name) {
  WorkMention& m = w.mentions[name];
  uint32_t sb = w.SentenceBegin(m.tb);
  uint32_t at = m.has_title ? m.role_tb : m.tb;
  // Over abbreviated ranks the NER left out ("Lt." before "Gen. Zhou").
  for (int k = 0; k < 2 && at > sb && w.covered[at - 1] < 0 && w.Form(at - 1).size() > 1 &&
                  (w.Form(at - 1).back() == '.' || w.kb.Role(w.norm[at - 1]) != nullptr);
       ++k) {
    --at;
  }
  if (at < sb + 2 || w.Form(at - 1) != ",") return;
  // The description ending at the comma; not `covered`, which holds a name inside it
  // ("the Governor of the Bank of Greece, Dimitris Halikias").
  int c = -1;
  for (int k = name - 1; k >= 0 && w.mentions[k].tb >= sb; --k) {
    const WorkMention& d = w.mentions[k];
    if (d.kind == "nominal" && d.type == "PERSON" && (d.te == at - 1 || PostedPhrase(w, d.te, at - 1))) {
      c = k;
    }
  }
  if (c < 0) {
    ReadPossessedOffice(w, m, at - 1);
    ReadOfficeForPrincipal(w, m, at - 1);
    return;
  }
  WorkMention& d = w.mentions[c];
  // The description stands alone: it opens the sentence or follows a comma, "and", "or" or
  // the quote it attributes ("... ,'' the White House spokesman, Josh Earnest, said").
  if (d.tb != sb) {
    const std::string_view before = w.Form(d.tb - 1);
    if (before != "," && before != "''" && before != "\"" && before != "\xE2\x80\x9D" && w.norm[d.tb - 1] != "and" &&
        w.norm[d.tb - 1] != "or") {
      return;
    }
  }
  d.apposed_to = name;
  for (const std::string& r : d.roles) m.roles.push_back(r);
  if (m.role_sector.empty()) m.role_sector = d.role_sector;
  if (m.country.empty()) m.country = d.country;
  if (m.sector.empty()) m.sector = d.sector;
}

}  // namespace

void ReadRoles(Work& w) {
  for (size_t i = 0; i < w.mentions.size(); ++i) {
    WorkMention& m = w.mentions[i];
    if (m.type != "PERSON" || m.kind != "name") continue;
    ReadPremodifier(w, m);
    ReadApposition(w, m);
    ReadFrontApposition(w, static_cast<int>(i));
  }
}

}  // namespace newsgraph::extract::entities_internal
