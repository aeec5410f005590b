#include "models/ner_features.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "base/checksum.h"
#include "base/strings.h"
#include "models/perceptron.h"

namespace newsgraph::models::ner_internal {
namespace {

constexpr uint64_t kStart = 0x5354415254ull;
constexpr uint64_t kEnd = 0x454E44ull;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "Hello" -> "Xx", "U.S." -> "X.X.", "1,000" -> "d,d": runs collapsed; non-ASCII -> 'U'.
std::string Shape(std::string_view form) {
  std::string out;
  char last = 0;
  for (unsigned char u : form) {
    if ((u & 0xC0) == 0x80) continue;
    char c = static_cast<char>(u);
    char s = IsUpper(c) ? 'X' : IsLower(c) ? 'x' : IsDigit(c) ? 'd' : u >= 0x80 ? 'U' : c;
    if (s != last) out.push_back(s);
    last = s;
    if (out.size() >= 10) break;
  }
  return out;
}

uint64_t Flags(std::string_view form, bool first) {
  bool upper = false, lower = false, digit = false, hyphen = false, period = false;
  for (char c : form) {
    upper |= IsUpper(c);
    lower |= IsLower(c);
    digit |= IsDigit(c);
    hyphen |= c == '-';
    period |= c == '.';
  }
  bool init_cap = !form.empty() && (IsUpper(form[0]) || static_cast<unsigned char>(form[0]) >= 0xC3);
  return (upper ? 1 : 0) | (lower ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) | (init_cap ? 16 : 0) |
         (first ? 32 : 0) | (period ? 64 : 0) | (form.size() == 1 ? 128 : 0);
}

// Longest gazetteer match starting at capitalized token `i`; 0 if none.
int LongestMatch(const std::vector<std::string>& norm, size_t i, const kb::Gazetteer& gaz,
                 std::span<const uint32_t>& found) {
  std::string key;
  int best = 0;
  for (size_t j = i; j < norm.size() && static_cast<int>(j - i) < kMaxMatchTokens; ++j) {
    if (norm[j].empty()) {
      if (j == i) return 0;
      continue;  // punctuation inside a name ("U.S.", "Côte d'Ivoire") normalizes away
    }
    if (!key.empty()) key.push_back(' ');
    key += norm[j];
    if (!gaz.IsPrefix(key)) break;
    std::span<const uint32_t> hits = gaz.LookupNormalized(key);
    if (!hits.empty()) {
      best = static_cast<int>(j - i + 1);
      found = hits;
    }
  }
  return best;
}

void AddGazetteerInfo(const std::vector<std::string>& norm, const kb::Gazetteer& gaz, std::vector<TokenInfo>& out) {
  for (size_t i = 0; i < norm.size();) {
    std::span<const uint32_t> hits;
    int len = out[i].capitalized ? LongestMatch(norm, i, gaz, hits) : 0;
    if (len == 0) {
      ++i;
      continue;
    }
    uint64_t best_type = static_cast<uint64_t>(gaz.entry(hits[0]).type);
    uint64_t mask = 0;
    for (uint32_t h : hits) mask |= 1ull << static_cast<int>(gaz.entry(h).type);
    for (int k = 0; k < len; ++k) {
      out[i + k].gaz = perceptron::Mix(k == 0 ? 1 : 2, best_type + 1);
      out[i + k].gaz_types = mask;
    }
    i += len;
  }
}

void AddLexiconInfo(const NerLexicon& lexicon, const std::string& lower, TokenInfo& t) {
  const NerLexEntry* e = lexicon.Find(NerLexicon::KeyOf(lower));
  if (e == nullptr) return;
  t.lex_cap = e->cap + 1u;
  t.lex_ctx = e->ctx + 1u;
  t.lex_left = e->left;
  t.lex_right = e->right;
  t.lex_types = e->types;
  if (e->cluster != 0) {
    // Heap codes keep their leading 1, so prefixes of different depths never collide.
    const int depth = 31 - __builtin_clz(e->cluster);
    for (int k = 0; k < 3; ++k) {
      const int bits = 4 * (k + 1);
      t.cluster[k] = depth <= bits ? e->cluster : e->cluster >> (depth - bits);
    }
  }
}

}  // namespace

bool IsLocativePreposition(std::string_view w) {
  return w == "in" || w == "near" || w == "outside" || w == "around" || w == "across" || w == "towards" ||
         w == "toward";
}

bool IsCompanySuffix(std::string_view w) {
  static const std::unordered_set<std::string_view> kSuffixes = {
      "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "LLC", "AG", "SA", "S.A.",
      "NV", "N.V.", "BV", "GmbH", "SpA", "S.p.A.", "Oyj", "Oy", "ASA", "AB", "Bhd", "Srl", "Sarl", "Ltda",
      "KGaA", "Limited", "Incorporated", "Corporation",
      "Partners", "L.P.", "LP", "Bros", "Bros.", "Cos", "Cos.", "S.P.A.", "Pty", "Pty.", "Pte", "Bhd.", "Ltda.",
      "B.V.", "A.G.",
      "INC", "CORP", "CO", "LTD", "LIMITED", "CORPORATION"};  // headlines
  return kSuffixes.count(w) > 0;
}

std::string Initials(const std::vector<std::string_view>& forms, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    std::string_view w = forms[i];
    if (w == "of" || w == "for" || w == "and" || w == "the" || w == "on" || w == "in" || w == "&") continue;
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') return "";  // not capitalized
    out.push_back(w[0]);
  }
  return out;
}

bool IsTitleWord(std::string_view lower) {
  // Our own list: titles, ranks and roles that precede or describe a person's name.
  static const std::unordered_set<std::string_view> kTitles = {
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
      "president", "vice-president", "premier", "prime", "minister", "chancellor", "secretary", "governor",
      "mayor", "senator", "sen.", "sen", "rep.", "congressman", "congresswoman", "ambassador", "envoy",
      "king", "queen", "prince", "princess", "emperor", "pope", "sheikh", "chairman", "chairwoman", "chair",
      "ceo", "director", "spokesman", "spokeswoman", "spokesperson", "leader", "chief", "commander", "general",
      "gen.", "gen", "col.", "colonel", "lt.", "lieutenant", "capt.", "captain", "maj.", "major", "sgt.",
      "admiral", "adm.", "marshal", "judge", "justice", "father", "rev.", "reverend", "bishop", "archbishop",
      "cardinal", "saint", "st.", "coach", "manager", "striker", "goalkeeper", "midfielder", "defender",
      "singer", "actor", "actress", "author", "writer", "guitarist", "drummer", "bassist", "producer",
      "analyst", "economist", "official", "deputy", "founder", "dictator", "officer", "aide", "adviser",
      "advisor", "counsel", "attorney", "inspector", "detective", "professor", "president-elect", "jr.", "sr."};
  return kTitles.count(lower) > 0;
}

namespace {

bool HasLetter(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return IsUpper(c) || IsLower(c); });
}

bool MidSentence(const std::vector<std::string_view>& forms, size_t i) {
  if (i == 0) return false;
  std::string_view prev = forms[i - 1];
  return !(prev == "." || prev == "\"" || prev == ":" || prev == "``" || prev == "''" || prev == "'" ||
           prev == "(" || prev == "-" || prev == "--" || prev == "?" || prev == "!" || prev == ";");
}

std::string TitleCase(std::string_view lower) {
  std::string out(lower);
  if (!out.empty() && IsLower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// The form an all-caps headline token would have in running text.
std::string Recase(std::string_view form, size_t i, const NerLexicon* lexicon, const DocContext* doc) {
  std::string lower = base::AsciiLower(form);
  if (!HasLetter(form)) return std::string(form);
  if (const DocContext::Counts* c = doc != nullptr ? doc->Find(lower) : nullptr) {
    if (c->cap > c->lower) return c->cased;
    return i == 0 ? TitleCase(lower) : lower;
  }
  if (form.find('.') != std::string_view::npos) return std::string(form);  // "U.S."
  const NerLexEntry* e = lexicon != nullptr ? lexicon->Find(NerLexicon::KeyOf(lower)) : nullptr;
  const bool name_like = e == nullptr || e->cap == 30 || (e->cap - 1) / 3 >= 3;  // unseen, or capitalized >= 50%
  return name_like || i == 0 ? TitleCase(lower) : lower;
}

uint64_t DocCapCode(const DocContext* doc, std::string_view lower, bool mid, bool cap) {
  const DocContext::Counts* c = doc != nullptr ? doc->Find(lower) : nullptr;
  if (c == nullptr) return 0;
  // Counts of the other occurrences: this token's own mid-sentence use is taken out.
  uint32_t caps = c->cap - (mid && cap && c->cap > 0 ? 1 : 0);
  uint32_t lows = c->lower - (mid && !cap && c->lower > 0 ? 1 : 0);
  if (caps == 0 && lows == 0) return 0;
  if (lows == 0) return 1;
  if (caps == 0) return 2;
  return caps >= lows ? 3 : 4;
}

void AddNamesInfo(const std::vector<std::string>& norm, const NerNames& names, std::vector<TokenInfo>& out) {
  for (size_t i = 0; i < norm.size();) {
    int type = 0;
    int len = out[i].capitalized ? names.Match(norm, i, type) : 0;
    if (len == 0) {
      ++i;
      continue;
    }
    for (int k = 0; k < len; ++k) out[i + k].names = perceptron::Mix(k == 0 ? 1 : 2, static_cast<uint64_t>(type) + 1);
    i += static_cast<size_t>(len);
  }
}

}  // namespace

bool IsTeamSportSlug(const std::vector<std::string_view>& forms) {
  static const std::unordered_set<std::string_view> kSports = {
      "SOCCER", "FOOTBALL", "RUGBY", "CRICKET", "BASKETBALL", "BASEBALL", "HOCKEY", "VOLLEYBALL", "HANDBALL"};
  static const std::unordered_set<std::string_view> kSecondWords = {"UNION", "LEAGUE"};
  size_t i = 0;
  // A league's acronym may open the slug: "NFL AMERICAN FOOTBALL -", "NHL ICE HOCKEY -".
  const bool league = forms.size() > 2 && forms[0].size() >= 2 && forms[0].size() <= 4 &&
                      std::all_of(forms[0].begin(), forms[0].end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                      kSports.count(forms[0]) == 0;
  if (league) ++i;
  if (forms.size() > i + 1 && (forms[i] == "ICE" || forms[i] == "AMERICAN" || forms[i] == "AUSTRALIAN")) ++i;
  const bool sport = i < forms.size() && (kSports.count(forms[i]) > 0 || (i >= 1 && forms[i] == "RULES"));
  if (!sport) return false;
  ++i;
  if (i < forms.size() && kSecondWords.count(forms[i])) ++i;
  return i < forms.size() && forms[i] == "-";
}

DocContext::DocContext(const std::vector<std::vector<std::string_view>>& sentences, const NerLexicon* lexicon) {
  team_sport_report_ = !sentences.empty() && IsTeamSportSlug(sentences[0]);
  if (!sentences.empty() && IsTitleCaseHeadline(sentences[0], lexicon)) {
    title_case_title_.assign(sentences[0].begin(), sentences[0].end());
  }
  for (const auto& forms : sentences) {
    if (IsAllCapsSentence(forms) || (&forms == &sentences[0] && !title_case_title_.empty())) continue;
    for (size_t i = 0; i < forms.size(); ++i) {
      if (!MidSentence(forms, i) || !HasLetter(forms[i])) continue;
      Counts& c = words_[base::AsciiLower(forms[i])];
      const bool cap = IsUpper(forms[i][0]);
      if (cap && c.cap == 0) c.cased = std::string(forms[i]);
      ++(cap ? c.cap : c.lower);
    }
  }
}

bool DocContext::IsTitleCaseTitle(const std::vector<std::string_view>& forms) const {
  return !title_case_title_.empty() && std::equal(forms.begin(), forms.end(), title_case_title_.begin(),
                                                  title_case_title_.end());
}

const DocContext::Counts* DocContext::Find(std::string_view lower) const {
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

bool IsAllCapsSentence(const std::vector<std::string_view>& forms) {
  int words = 0;
  for (std::string_view f : forms) {
    for (char c : f) {
      if (IsLower(c)) return false;
    }
    words += HasLetter(f) && f.size() > 1 ? 1 : 0;
  }
  return words >= 1;
}

bool IsTitleCaseHeadline(const std::vector<std::string_view>& forms, const NerLexicon* lexicon) {
  if (lexicon == nullptr || forms.empty()) return false;
  std::string_view last = forms.back();
  if (last == "." || last == "!" || last == "?") return false;
  int long_words = 0, common_words = 0;
  for (std::string_view f : forms) {
    if (f.size() < 4 || !HasLetter(f)) continue;
    if (!IsUpper(f[0])) return false;
    ++long_words;
    const NerLexEntry* e = lexicon->Find(NerLexicon::KeyOf(base::AsciiLower(f)));
    if (e != nullptr && e->cap != 30 && (e->cap - 1) / 3 < 3) ++common_words;  // capitalized < 50 %
  }
  return long_words >= 3 && common_words >= 2;
}

void ComputeTokenInfo(const std::vector<std::string_view>& original, const FeatureResources& res,
                      const DocContext* doc, std::vector<TokenInfo>& out) {
  std::vector<std::string> recased;
  std::vector<std::string_view> forms = original;
  if (IsAllCapsSentence(original) ||
      (doc != nullptr && doc->IsTitleCaseTitle(original))) {
    recased.reserve(original.size());
    for (size_t i = 0; i < original.size(); ++i) recased.push_back(Recase(original[i], i, res.lexicon, doc));
    forms.assign(recased.begin(), recased.end());
  }
  out.assign(forms.size(), TokenInfo{});
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string lower = base::AsciiLower(forms[i]);
    std::string_view lv = lower;
    TokenInfo& t = out[i];
    t.form = base::Hash64(forms[i], 11);
    t.lower = base::Hash64(lv, 12);
    t.shape = base::Hash64(Shape(forms[i]), 13);
    t.flags = Flags(forms[i], i == 0);
    t.capitalized = (t.flags & 16) != 0;
    for (size_t k = 0; k < 4; ++k) t.suffix[k] = base::Hash64(lv.substr(lv.size() - std::min(lv.size(), k + 1)), 14);
    for (size_t k = 0; k < 3; ++k) t.prefix[k] = base::Hash64(lv.substr(0, k + 1), 15);
    t.title = IsTitleWord(lv) ? 1 : 0;
    t.doc_cap = DocCapCode(doc, lv, MidSentence(forms, i), t.capitalized);
    if (res.lexicon != nullptr) AddLexiconInfo(*res.lexicon, lower, t);
    t.first_name = t.capitalized && res.first_names != nullptr && res.first_names->Contains(lower);
  }
  if (res.gazetteer == nullptr && res.names == nullptr) return;
  std::vector<std::string> norm(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) norm[i] = kb::Gazetteer::Normalize(forms[i]);
  if (res.gazetteer != nullptr) AddGazetteerInfo(norm, *res.gazetteer, out);
  if (res.names != nullptr) AddNamesInfo(norm, *res.names, out);
}

void SplitTitlesFromPersons(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                            std::vector<std::string>& tags) {
  auto is_demonym = [&](std::string_view w) {
    if (gazetteer == nullptr) return false;
    for (const kb::GazetteerEntry* e : gazetteer->Lookup(w)) {
      if (e->type == kb::EntryType::kDemonym) return true;
    }
    return false;
  };
  for (size_t b = 0; b < tags.size(); ++b) {
    if (tags[b] != "B-PERSON") continue;
    size_t e = b + 1;
    while (e < tags.size() && tags[e] == "I-PERSON") ++e;
    size_t i = b;
    while (i < e) {
      const bool title = IsTitleWord(base::AsciiLower(forms[i]));
      // The title may already be outside the span ("Russian" B-PERSON, "President" O).
      const bool demonym_title = i + 1 < tags.size() && is_demonym(forms[i]) && IsTitleWord(base::AsciiLower(forms[i + 1]));
      if (!title && !demonym_title) break;
      tags[i++] = demonym_title ? "B-NORP" : "O";
    }
    if (i < e && i > b) tags[i] = "B-PERSON";
    // "King of Athens", "Prince of Spain": without the title, an office of a place, no one's name.
    if (i > b && i + 1 < e && forms[i] == "of") {
      tags[i] = "O";
      std::string place(forms[i + 1]);
      for (size_t k = i + 2; k < e; ++k) place += " " + std::string(forms[k]);
      const bool known = gazetteer != nullptr && !gazetteer->Lookup(place).empty();
      for (size_t k = i + 1; k < e; ++k) tags[k] = known ? (k == i + 1 ? "B-GPE" : "I-GPE") : "O";
    }
    b = e - 1;
  }
}

void SplitTitleOfPhrases(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                         const kb::Gazetteer* gazetteer, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  auto capitalized = [&](size_t i) { return !forms[i].empty() && forms[i][0] >= 'A' && forms[i][0] <= 'Z'; };
  // "Secretary-General", "Director-General": one token in CoNLL-2003 columns.
  auto title = [](std::string_view form) {
    const std::string lower = base::AsciiLower(form);
    const size_t dash = lower.rfind('-');
    return IsTitleWord(lower) || (dash != std::string::npos && IsTitleWord(lower.substr(dash + 1)));
  };
  for (size_t t = 0; t + 2 < n; ++t) {
    if (forms[t + 1] != "of" || !title(forms[t])) continue;
    size_t office = t + 2;
    if (office < n && (forms[office] == "the" || forms[office] == "The")) ++office;
    size_t person = office;
    while (person < n && person - office < 4 && capitalized(person) && !first_name[person]) ++person;
    // An office, then a first name with a capitalized word after it, run into one span.
    if (person == office || person + 1 >= n || !first_name[person] || !capitalized(person + 1)) continue;
    if (tags[person].size() < 3 || tags[person][0] != 'I') continue;
    size_t end = person + 1;
    while (end < n && tags[end].size() > 2 && tags[end][0] == 'I') ++end;
    // The title itself, typed as a name of its own ("Secretary" PERSON, "Assistant Secretary").
    if (tags[t] != "O" && (t + 1 >= n || tags[t + 1][0] != 'I')) {
      size_t b = t;
      while (b > 0 && tags[b][0] == 'I') --b;
      bool all_titles = true;
      for (size_t i = b; i <= t && all_titles; ++i) {
        const std::string lower = base::AsciiLower(forms[i]);
        all_titles = title(forms[i]) || lower == "assistant" || lower == "under" || lower == "vice" || lower == "acting";
      }
      if (all_titles) {
        for (size_t i = b; i <= t; ++i) tags[i] = "O";
      }
    }
    for (size_t i = t + 1; i < person; ++i) tags[i] = "O";
    if (gazetteer != nullptr) {
      std::string office_name;
      for (size_t i = office; i < person; ++i) office_name += (i > office ? " " : "") + std::string(forms[i]);
      for (const kb::GazetteerEntry* e : gazetteer->Lookup(office_name)) {
        if (e->type != kb::EntryType::kOrganization && e->type != kb::EntryType::kCountry) continue;
        const std::string type = e->type == kb::EntryType::kOrganization ? "ORG" : "GPE";
        for (size_t i = office; i < person; ++i) tags[i] = (i == office ? "B-" : "I-") + type;
        break;
      }
    }
    // A country the model ran on after the name ("George Shultz China 's") is not part of it.
    size_t name_end = person + 2;
    while (name_end < end) {
      bool country = false;
      if (gazetteer != nullptr) {
        for (const kb::GazetteerEntry* e : gazetteer->Lookup(forms[name_end])) country = country || e->type == kb::EntryType::kCountry;
      }
      if (country) break;
      ++name_end;
    }
    for (size_t i = person; i < name_end; ++i) tags[i] = i == person ? "B-PERSON" : "I-PERSON";
    for (size_t i = name_end; i < end; ++i) tags[i] = i == name_end ? "B-GPE" : "I-GPE";
    t = end - 1;
  }
}

int ExtractFeatures(const std::vector<TokenInfo>& info, size_t i, int prev1, int prev2, uint64_t* keys) {
  using perceptron::HashKey;
  using perceptron::PairKey;
  const ptrdiff_t n = static_cast<ptrdiff_t>(info.size());
  const ptrdiff_t ii = static_cast<ptrdiff_t>(i);
  auto lower_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].lower; };
  auto shape_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].shape; };
  auto gaz_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].gaz; };
  const TokenInfo& t = info[i];
  uint64_t p1 = static_cast<uint64_t>(prev1 + 1), p2 = static_cast<uint64_t>(prev2 + 1);
  int k = 0;
  keys[k++] = HashKey(1, 0);  // bias
  keys[k++] = HashKey(2, t.form);
  keys[k++] = HashKey(3, t.lower);
  keys[k++] = HashKey(4, lower_at(ii - 1));
  keys[k++] = HashKey(5, lower_at(ii + 1));
  keys[k++] = HashKey(6, lower_at(ii - 2));
  keys[k++] = HashKey(7, lower_at(ii + 2));
  keys[k++] = PairKey(8, lower_at(ii - 1), t.lower);
  keys[k++] = PairKey(9, t.lower, lower_at(ii + 1));
  keys[k++] = HashKey(10, t.shape);
  keys[k++] = HashKey(11, shape_at(ii - 1));
  keys[k++] = HashKey(12, shape_at(ii + 1));
  keys[k++] = PairKey(13, shape_at(ii - 1), t.shape);
  keys[k++] = PairKey(14, t.shape, shape_at(ii + 1));
  keys[k++] = HashKey(15, t.flags);
  for (int s = 0; s < 4; ++s) keys[k++] = HashKey(16 + s, t.suffix[s]);
  for (int p = 0; p < 3; ++p) keys[k++] = HashKey(20 + p, t.prefix[p]);
  keys[k++] = HashKey(23, p1);
  keys[k++] = PairKey(24, p1, p2);
  keys[k++] = PairKey(25, p1, t.lower);
  keys[k++] = PairKey(26, p1, t.shape);
  keys[k++] = HashKey(27, gaz_at(ii));
  keys[k++] = HashKey(28, gaz_at(ii - 1));
  keys[k++] = HashKey(29, gaz_at(ii + 1));
  keys[k++] = HashKey(30, t.gaz_types);
  keys[k++] = PairKey(31, t.gaz, t.flags);
  keys[k++] = PairKey(32, t.gaz, p1);
  keys[k++] = PairKey(33, t.gaz, lower_at(ii - 1));
  keys[k++] = PairKey(34, t.gaz, lower_at(ii + 1));
  keys[k++] = PairKey(35, t.flags, ii > 0 ? info[i - 1].flags : kStart);
  keys[k++] = PairKey(36, t.flags, ii + 1 < n ? info[i + 1].flags : kEnd);
  // Word profiles from unlabeled news (models/ner_lexicon.h) and the title list.
  auto lex_cap_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].lex_cap; };
  auto title_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].title; };
  // Sentence-initial from the token's flags (Flags: bit 32), not from i, so the
  // right-to-left pass, which reads the sentence backwards, sees the same thing.
  const uint64_t cap = t.capitalized ? 1 : 0, first = t.flags >> 5 & 1;
  keys[k++] = PairKey(40, t.lex_cap, cap | first << 1);
  keys[k++] = PairKey(41, t.lex_ctx, cap);
  keys[k++] = PairKey(42, t.lex_left, cap);
  keys[k++] = PairKey(43, t.lex_right, cap);
  keys[k++] = PairKey(44, lex_cap_at(ii - 1), t.lex_cap);
  keys[k++] = PairKey(45, t.lex_cap, lex_cap_at(ii + 1));
  keys[k++] = PairKey(46, p1, t.lex_cap);
  keys[k++] = PairKey(47, title_at(ii - 1), cap);
  keys[k++] = PairKey(48, title_at(ii - 2), cap);
  keys[k++] = PairKey(49, t.title, cap);
  keys[k++] = PairKey(50, title_at(ii + 1), cap);
  auto cluster_at = [&](ptrdiff_t j, int b) { return j < 0 ? kStart : j >= n ? kEnd : info[j].cluster[b]; };
  keys[k++] = PairKey(51, t.cluster[0], cap);
  keys[k++] = PairKey(52, t.cluster[1], cap);
  keys[k++] = PairKey(53, t.cluster[2], cap);
  keys[k++] = HashKey(54, cluster_at(ii - 1, 1));
  keys[k++] = HashKey(55, cluster_at(ii + 1, 1));
  // The document (DocContext) and the list of known names (NerNames).
  auto names_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].names; };
  keys[k++] = PairKey(56, t.doc_cap, cap | first << 1);
  keys[k++] = PairKey(57, t.doc_cap, t.lex_cap);
  keys[k++] = HashKey(58, t.names);
  keys[k++] = HashKey(59, names_at(ii - 1));
  keys[k++] = HashKey(60, names_at(ii + 1));
  keys[k++] = PairKey(61, t.names, p1);
  keys[k++] = PairKey(62, t.names, t.gaz);
  // Self-training type profiles (NerTypeProfile): type + share + count, the
  // neighbours' types, and first-name / surname positions.
  auto types_at = [&](ptrdiff_t j) { return j < 0 ? kStart : j >= n ? kEnd : info[j].lex_types; };
  const uint64_t prev_types = types_at(ii - 1), next_types = types_at(ii + 1);
  auto type_pos = [](uint64_t c) { return (c & 7) | (c >> 4 & 0x18); };  // dominant type + person position
  keys[k++] = PairKey(63, t.lex_types & 0x7F, cap | first << 1);
  keys[k++] = PairKey(64, type_pos(prev_types), type_pos(t.lex_types));
  keys[k++] = PairKey(65, type_pos(t.lex_types), type_pos(next_types));
  keys[k++] = PairKey(66, t.lex_types & 0x7F, p1);
  keys[k++] = PairKey(67, t.lex_types & 7, t.doc_cap);
  // The first-name list (NerFirstNames): a known first name before a capitalized
  // word opens a person's name; the capitalized word after one is a surname.
  // Only present when one of the two fires, so a model without the list has the
  // features it had before.
  const bool prev_first_name = ii > 0 && info[i - 1].first_name;
  if (t.first_name || prev_first_name) {
    const uint64_t next_cap = ii + 1 < n && info[i + 1].capitalized ? 1 : 0;
    const uint64_t prev_cap = ii > 0 && info[i - 1].capitalized ? 1 : 0;
    const uint64_t where = (t.first_name ? 1 : 0) | (prev_first_name ? 2 : 0);
    keys[k++] = PairKey(68, where, cap | next_cap << 1 | prev_cap << 2 | first << 3);
    keys[k++] = PairKey(69, where, type_pos(t.lex_types));
    keys[k++] = PairKey(70, where, p1);
  }
  return k;
}

std::vector<int> ToReversedCoding(const std::vector<int>& iob2) {
  std::vector<int> out(iob2.size(), 0);
  for (size_t i = 0; i < iob2.size();) {
    if (iob2[i] <= 0) {
      ++i;
      continue;
    }
    const int begin = iob2[i] % 2 == 1 ? iob2[i] : iob2[i] - 1;  // a stray I-X opens a span too
    size_t j = i + 1;
    while (j < iob2.size() && iob2[j] == begin + 1) ++j;
    for (size_t k = i; k + 1 < j; ++k) out[k] = begin + 1;
    out[j - 1] = begin;
    i = j;
  }
  return out;
}

int ExtractStackFeatures(const std::vector<TokenInfo>& info, const std::vector<int>& r2l, size_t i, int prev1,
                         uint64_t* keys) {
  using perceptron::HashKey;
  using perceptron::PairKey;
  const ptrdiff_t n = static_cast<ptrdiff_t>(info.size());
  const ptrdiff_t ii = static_cast<ptrdiff_t>(i);
  auto label_at = [&](ptrdiff_t j) -> uint64_t { return j < 0 ? kStart : j >= n ? kEnd : static_cast<uint64_t>(r2l[j] + 1); };
  const uint64_t r0 = label_at(ii), r1 = label_at(ii + 1), r2 = label_at(ii + 2), rm1 = label_at(ii - 1);
  const uint64_t p1 = static_cast<uint64_t>(prev1 + 1);
  const TokenInfo& t = info[i];
  int k = 0;
  keys[k++] = HashKey(80, r0);
  keys[k++] = HashKey(81, r1);
  keys[k++] = PairKey(82, r0, r1);
  keys[k++] = PairKey(83, r1, r2);
  keys[k++] = PairKey(84, p1, r0);
  keys[k++] = PairKey(85, p1, r1);
  keys[k++] = PairKey(86, rm1, r0);
  keys[k++] = PairKey(87, r0, t.flags & 0x31);  // with capitalisation and sentence start
  return k;
}

bool Allowed(int prev, int next) {
  if (next <= 0 || next % 2 == 1) return true;  // O or B-X
  return prev == next - 1 || prev == next;       // I-X after B-X or I-X
}

}  // namespace newsgraph::models::ner_internal
