#include "models/ner_span_rules.h"

#include <algorithm>
#include <optional>
#include <span>
#include <unordered_set>

#include "base/strings.h"
#include "models/ner_features.h"

namespace newsgraph::models::ner_internal {
namespace {

constexpr std::string_view kTypes[] = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"};

bool IsLearned(std::string_view type) { return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes); }

void Relabel(std::vector<std::string>& tags, size_t begin, size_t end, std::string_view type) {
  for (size_t i = begin; i < end; ++i) tags[i] = (i == begin ? "B-" : "I-") + std::string(type);
}

// forms[begin, end) joined by spaces, as the gazetteer is looked up.
std::string Joined(const std::vector<std::string_view>& forms, size_t begin, size_t end) {
  std::string text(forms[begin]);
  for (size_t i = begin + 1; i < end; ++i) {
    text.push_back(' ');
    text.append(forms[i]);
  }
  return text;
}

bool IsDateLike(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '/'; }) &&
         std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsPlace(const kb::Gazetteer& gaz, std::string_view text) {
  for (const kb::GazetteerEntry* e : gaz.Lookup(text)) {
    if (e->type == kb::EntryType::kCountry || e->type == kb::EntryType::kAdmin1 || e->type == kb::EntryType::kCity) {
      return true;
    }
  }
  return false;
}

// A country, or a nation of the United Kingdom (England, Scotland, Wales, Northern
// Ireland: admin-1 units that field national sides and are written like countries).
bool IsNation(const kb::GazetteerEntry& e) {
  return e.type == kb::EntryType::kCountry ||
         (e.type == kb::EntryType::kAdmin1 && e.country == "GBR" && (e.detail == "Country" || e.code == "GB-NIR"));
}

// The last word of many company names, never of a person's or a town's: "Lacana Mining", "Phoenix
// Financial", "Rochester Telephone". ("Steel" and "Gold" are surnames; "Oil" and "Gas" end field names.)
bool IsBusinessWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "Mining", "Minerals", "Resources", "Financial", "Properties", "Securities", "Investments", "Insurance",
      "Energy", "Electric", "Telephone", "Telecom", "Airways", "Pharmaceuticals", "Foods", "Shipping", "Brewing",
      "Breweries", "Chemicals", "Electronics", "Computer", "Computers", "Software", "Realty", "Bancshares",
      "Bankshares", "Bancorporation", "Savings", "Semiconductor", "Railroad", "Railway", "Railways", "Utilities",
      "Enterprises"};
  return kWords.count(w) > 0;
}

// "A340", "F-16", "MD-11", "747-300": capital letters and figures, as aircraft and weapons are named.
bool IsModelNumber(std::string_view w) {
  bool letter = false, digit = false;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') letter = true;
    else if (c >= '0' && c <= '9') digit = true;
    else if (c != '-') return false;
  }
  return letter && digit && w.size() >= 3;
}

// "... Bank of ..." inside forms[begin, end).
bool HasBankOf(const std::vector<std::string_view>& forms, size_t begin, size_t end) {
  for (size_t i = begin; i + 2 < end; ++i) {
    if (forms[i] == "Bank" && forms[i + 1] == "of") return true;
  }
  return false;
}

bool IsDollarWord(std::string_view w) {
  return w == "Dollar" || w == "Dollars" || w == "Dlr" || w == "Dlrs" || w == "DOLLAR" || w == "DOLLARS" ||
         w == "DLR" || w == "DLRS";
}

// True when forms[begin, end) name a country (or a nation of the United Kingdom).
bool IsNationName(const kb::Gazetteer* gaz, const std::vector<std::string_view>& forms, size_t begin, size_t end) {
  if (gaz == nullptr || begin >= end) return false;
  for (const kb::GazetteerEntry* entry : gaz->Lookup(Joined(forms, begin, end))) {
    if (IsNation(*entry)) return true;
  }
  return false;
}

bool IsDatePart(std::string_view w) { return IsDateLike(w) || w == "-" || w == "/"; }

bool Capitalized(std::string_view w);
bool IsOrgHead(std::string_view w);

// True if the date tokens spell a full date with a four-digit year first
// ("1996-08-30", "1996 - 08 - 30"), not a bare number ("EURO 1996").
bool IsFullDate(std::span<const std::string_view> date) {
  int groups = 0;
  size_t first = 0;
  for (std::string_view w : date) {
    for (size_t i = 0; i < w.size();) {
      if (w[i] < '0' || w[i] > '9') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < w.size() && w[j] >= '0' && w[j] <= '9') ++j;
      if (groups++ == 0) first = j - i;
      i = j;
    }
  }
  return groups >= 3 && first == 4;
}

// Words written in capitals only ("FRANKFURT", "NEW YORK"), none a company
// suffix or an organization head word.
bool AllCapsPlaceWords(std::span<const std::string_view> words) {
  return std::all_of(words.begin(), words.end(), [](std::string_view w) {
    if (w.size() < 2 || std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    std::string title = base::AsciiLower(w);
    title[0] = w[0];  // "EXCHANGE" -> "Exchange"
    return !IsCompanySuffix(w) && !IsOrgHead(title);
  });
}

// "LONDON 1996-08-30", "WASHINGTON 1996-12-06" (also split into "1996 - 12 - 06"),
// "AKRON , Ohio 1996-08-23": the only words, one place or two separated by a
// comma, then a date. A part the gazetteer knows is a place; so is an all-caps
// part before a full date ("FRANKFURT 1996-08-22": GeoNames only has "Frankfurt
// am Main"), the dateline style of Reuters copy. True if the sentence is such a dateline.
bool TagDateline(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  std::vector<std::pair<size_t, size_t>> parts;
  size_t i = 0, words = 0;
  while (i < n) {
    const size_t b = i;
    while (i < n && words < 5 && Capitalized(forms[i])) ++i, ++words;
    if (i == b) return false;
    parts.emplace_back(b, i);
    if (parts.size() < 2 && i + 1 < n && forms[i] == "," && Capitalized(forms[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  // "WASHINGTON — Sen. ...": a place in capitals before a dash opens the story.
  const bool dash = i < n && (forms[i] == "\xE2\x80\x94" || forms[i] == "\xE2\x80\x93" ||
                              forms[i] == "\xE2\x80\x95" || forms[i] == "--");  // em dash, en dash, bar
  if (parts.size() == 1 && i + 1 < n && dash) {
    const auto [b, e] = parts[0];
    const std::span<const std::string_view> words(forms.data() + b, e - b);
    const bool caps = std::all_of(words.begin(), words.end(), [](std::string_view w) {
      return std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    });
    if (caps && IsPlace(gaz, Joined(forms, b, e))) {
      Relabel(tags, b, e, "GPE");
      return true;
    }
    return false;
  }
  if (i == n || n - i > 5 || !IsDateLike(forms[i])) return false;
  if (!std::all_of(forms.begin() + i, forms.end(), IsDatePart)) return false;
  const std::span<const std::string_view> all(forms);
  const bool full_date = IsFullDate(all.subspan(i));
  for (auto [b, e] : parts) {
    if (IsPlace(gaz, Joined(forms, b, e)) || (full_date && AllCapsPlaceWords(all.subspan(b, e - b)))) Relabel(tags, b, e, "GPE");
  }
  return true;
}

// Month and weekday names alone are dates, not names ("Aug", "Friday"); "May" is
// left to the model (Theresa May).
bool IsCalendarWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "Jan", "Jan.", "Feb", "Feb.", "Mar", "Mar.", "Apr", "Apr.", "Jun", "Jun.", "Jul", "Jul.", "Aug", "Aug.",
      "Sep", "Sep.", "Sept", "Sept.", "Oct", "Oct.", "Nov", "Nov.", "Dec", "Dec.", "January", "February",
      "April", "July", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
      "Thursday", "Friday", "Saturday", "Sunday"};
  return kWords.count(w) > 0;
}

bool Capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// Labels of sports results lines, never names alone ("Halftime 1-1", "Attendance 45,000",
// "( OT )" after an ice-hockey or basketball score: overtime).
bool IsResultsLabel(std::string_view w) {
  return w == "Halftime" || w == "Half-time" || w == "Attendance" || w == "Scorers" || w == "Scorer" ||
         w == "Extras" || w == "OT";
}

bool IsInteger(std::string_view w) {
  return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// End of a run of up to 4 team-name words from `i` (capitalized words, "-", "."), or i.
size_t TeamRunEnd(const std::vector<std::string_view>& forms, size_t i) {
  size_t j = i;
  while (j < forms.size() && j - i < 4 &&
         (Capitalized(forms[j]) || (j > i && (forms[j] == "-" || forms[j] == "." || forms[j] == "&")))) {
    ++j;
  }
  while (j > i && !Capitalized(forms[j - 1])) --j;
  return j;
}

// A team in a results line: a country is a GPE (national side), anything else
// an ORG (clubs, even when named after their city).
void TagTeam(const std::vector<std::string_view>& forms, size_t b, size_t e, const kb::Gazetteer& gaz,
             std::vector<std::string>& tags) {
  if (e < tags.size() && tags[e][0] == 'I') return;  // inside a longer span: leave it
  Relabel(tags, b, e, IsNationName(&gaz, forms, b, e) ? "GPE" : "ORG");
}

// A cricket scorecard line: "M. Atherton c Moin Khan b Wasim Akram 31", "A. Stewart
// lbw b Waqar Younis 44", "N. Hussain not out 12" -- names between the dismissal
// words, then the runs; or bowling figures "Wasim Akram 20-4-55-1 , Waqar Younis
// 18-2-70-3". Each run of capitalized words (initials included) is a PERSON.
bool IsDismissalWord(std::string_view w) {
  return w == "c" || w == "b" || w == "lbw" || w == "st" || w == "run" || w == "out" || w == "not" || w == "&" ||
         w == "retired" || w == "hurt";
}

bool IsBowlingFigures(std::string_view w) {  // overs-maidens-runs-wickets, "20-4-55-1"
  return IsDateLike(w) && std::count(w.begin(), w.end(), '-') == 3 && w.front() != '-' && w.back() != '-';
}

void TagScorecardLine(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  if (n < 3 || n > 40 || !Capitalized(forms[0])) return;
  auto dismissal = [](std::string_view w) { return w == "b" || w == "lbw" || w == "out"; };
  const bool batting = n <= 16 && IsInteger(forms[n - 1]) && std::any_of(forms.begin() + 1, forms.end() - 1, dismissal);
  const bool bowling = std::any_of(forms.begin(), forms.end(), IsBowlingFigures);
  if (!batting && !bowling) return;
  // Every token is a name word, a dismissal word, a number, figures or punctuation.
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = forms[i];
    if (Capitalized(w) || IsDismissalWord(w) || IsDateLike(w) || w == "," || w == ":" || w == ".") continue;
    return;
  }
  for (size_t i = 0; i < n;) {
    if (!Capitalized(forms[i]) || (bowling && !batting && i == 0 && n > 1 && forms[1] == ":")) {
      if (tags[i] != "O" && tags[i].size() > 2 && IsLearned(std::string_view(tags[i]).substr(2))) tags[i] = "O";
      ++i;
      continue;
    }
    size_t e = i;
    while (e < n && Capitalized(forms[e]) && e - i < 4) ++e;
    Relabel(tags, i, e, "PERSON");
    i = e;
  }
}

// A statistics cell of a standings row after its integers: ".718", "-", "11.5", "1/2".
bool IsStatCell(std::string_view w) {
  if (w == "-") return true;
  return !w.empty() && w.size() <= 6 &&
         std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '/'; }) &&
         std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A lower-case word inside a person's name: "van" Bronckhorst, "dos" Santos, "bin" Sultan, "El".
bool IsNameParticle(std::string_view w) {
  static const std::unordered_set<std::string_view> kParticles = {
      "van", "von", "de", "der", "den", "da", "di", "dos", "du", "del", "della", "ter", "ten",
      "bin", "ibn", "ben", "al", "el", "le", "la", "El", "Al"};
  return kParticles.count(w) > 0;
}

// End of the bracketed group that opens at `open` ("( Cadete 2 , Di Canio )"), one past its ")";
// `open` itself when there is none within 40 tokens.
size_t BracketGroupEnd(const std::vector<std::string_view>& forms, size_t open) {
  if (open >= forms.size() || forms[open] != "(") return open;
  for (size_t i = open + 1; i < forms.size() && i - open <= 40; ++i) {
    if (forms[i] == "(") return open;
    if (forms[i] == ")") return i + 1;
  }
  return open;
}

// The scorers between brackets after a score: "( Cadete 2 , Di Canio , van Hooijdonk 75 pen )".
// Each comma-separated item that is a run of one to three capitalized words (a lower-case
// particle may open it: "van", "de", "di") followed only by minutes and "pen" or "og" is a PERSON;
// "( halftime 1-0 )" names no one.
void TagScorers(const std::vector<std::string_view>& forms, size_t open, size_t end, std::vector<std::string>& tags) {
  auto trailer = [](std::string_view w) {
    return IsInteger(w) || w == "pen" || w == "og" || w == "penalty" || w == "minute" || w == "." || w == "-";
  };
  size_t item = open + 1;
  while (item < end - 1) {
    size_t stop = item;
    while (stop < end - 1 && forms[stop] != "," && forms[stop] != ";") ++stop;
    size_t b = item;
    size_t e = b + (b < stop && IsNameParticle(forms[b]) ? 1 : 0);
    const size_t words = e;
    while (e < stop && e - words < 3 && Capitalized(forms[e]) && forms[e].size() > 1) ++e;
    const bool name = e > words && std::all_of(forms.begin() + e, forms.begin() + stop, trailer) &&
                      std::all_of(tags.begin() + b, tags.begin() + e, [](const std::string& t) {
                        return t == "O" || t.ends_with("-PERSON") || t.ends_with("-MISC") || t.ends_with("-ORG");
                      });
    if (name && (e >= tags.size() || tags[e][0] != 'I')) Relabel(tags, b, e, "PERSON");
    item = stop + 1;
  }
}

// A labelled list of scorers: "Tries : Joe Quell 2 , Dan Varno .", "Penalties : Diego Quelez 2",
// "Scorers : Quell 23 , van Varno 71". Each comma-separated item that is a run of one to three
// capitalized words (a particle may open it), then at most a count or a minute, is a PERSON;
// the list ends at ".", ";" or the next label. A country is a side, not a scorer.
bool IsScoreLabel(std::string_view w) {
  static const std::unordered_set<std::string_view> kLabels = {
      "Tries", "Try", "Conversions", "Conversion", "Penalties", "Penalty", "Drop-goal", "Drop-goals",
      "Scorers", "Scorer", "Goalscorers", "Goals", "Sent-off", "Booked"};
  return kLabels.count(w) > 0;
}

void TagScorerLists(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz,
                    std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t l = 0; l + 2 < n; ++l) {
    if (!IsScoreLabel(forms[l]) || forms[l + 1] != ":") continue;
    size_t item = l + 2;
    while (item < n && forms[item] != "." && forms[item] != ";" && !IsScoreLabel(forms[item])) {
      size_t end = item;
      while (end < n && forms[end] != "," && forms[end] != "." && forms[end] != ";" && !IsScoreLabel(forms[end])) ++end;
      size_t name_end = item + (IsNameParticle(forms[item]) ? 1 : 0);
      while (name_end < end && Capitalized(forms[name_end]) && name_end - item < 4) ++name_end;
      const bool counted = name_end == end || (name_end + 1 == end && IsInteger(forms[name_end]));
      if (name_end > item + (IsNameParticle(forms[item]) ? 1 : 0) && counted &&
          !IsNationName(&gaz, forms, item, name_end)) {
        Relabel(tags, item, name_end, "PERSON");
      }
      item = end < n && forms[end] == "," ? end + 1 : end;
    }
    l = item > l ? item - 1 : l;
  }
}

// Sports results and standings: "Japan 2 Syria 1", "Barnsley 3 Bolton 0 ( halftime 1-0 )",
// "Celtic 4 ( Cadete 2 , Di Canio ) Kilmarnock 0" (the scorers, persons, between brackets after
// each score), "Barnsley 4 3 1 0 8 3 10" (a team, then only numbers).
void TagSportsLine(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz,
                   std::vector<std::string>& tags) {
  const size_t n = forms.size();
  const bool brackets = std::find(forms.begin(), forms.end(), "(") != forms.end();
  if (n < 2 || n > (brackets ? 80 : 16) || !Capitalized(forms[0])) return;
  const size_t a_end = TeamRunEnd(forms, 0);
  if (a_end == 0 || a_end >= n || !IsInteger(forms[a_end])) return;
  size_t k = a_end;
  while (k < n && IsInteger(forms[k])) ++k;
  size_t cells = k;  // then percentages and games behind: "ORLANDO 56 22 .718 -"
  while (cells < n && IsStatCell(forms[cells])) ++cells;
  if (cells == n && k - a_end >= 2 && cells - a_end >= 3) {
    return TagTeam(forms, 0, a_end, gaz, tags);  // standings row
  }
  if (k != a_end + 1) return;
  const size_t a_scorers = BracketGroupEnd(forms, k);
  k = a_scorers;
  if (k >= n || !Capitalized(forms[k])) return;
  const size_t b_end = TeamRunEnd(forms, k);
  if (b_end == k || b_end >= n || !IsInteger(forms[b_end])) return;
  if (b_end + 1 < n && forms[b_end + 1] != "(" && forms[b_end + 1] != ".") return;
  TagTeam(forms, 0, a_end, gaz, tags);
  TagTeam(forms, k, b_end, gaz, tags);
  if (a_scorers > a_end + 1) TagScorers(forms, a_end + 1, a_scorers, tags);
  const size_t b_scorers = BracketGroupEnd(forms, b_end + 1);
  if (b_scorers > b_end + 1) TagScorers(forms, b_end + 1, b_scorers, tags);
}

// Longest gazetteer name (at most 4 tokens) starting at token i; its length and first entry.
// With `only`, names with an entry of that type only, and that entry.
int GazetteerMatch(const std::vector<std::string>& norm, size_t i, const kb::Gazetteer& gaz,
                   const kb::GazetteerEntry** entry, std::optional<kb::EntryType> only = std::nullopt) {
  std::string key;
  int best = 0;
  for (size_t j = i; j < norm.size() && j - i < 4 && !norm[j].empty(); ++j) {
    if (!key.empty()) key.push_back(' ');
    key += norm[j];
    if (!gaz.IsPrefix(key)) break;
    for (uint32_t hit : gaz.LookupNormalized(key)) {
      if (only && gaz.entry(hit).type != *only) continue;
      best = static_cast<int>(j - i + 1), *entry = &gaz.entry(hit);
      break;
    }
  }
  return best;
}

// True when norm[begin, end) names a national capital or a city of a million, whatever other
// places share the name ("Washington": also a state and many towns).
bool IsCapitalOrBigCity(const kb::Gazetteer& gaz, const std::vector<std::string>& norm, size_t begin, size_t end) {
  std::string key;
  for (size_t j = begin; j < end; ++j) key += (key.empty() ? "" : " ") + norm[j];
  for (uint32_t hit : gaz.LookupNormalized(key)) {
    const kb::GazetteerEntry& e = gaz.entry(hit);
    if (e.type == kb::EntryType::kCity && (e.detail == "PPLC" || e.population >= 1000000)) return true;
  }
  return false;
}

bool InsideSpan(const std::vector<std::string>& tags, size_t i) { return i < tags.size() && tags[i][0] == 'I'; }

// Two to six capital letters, nothing else ("MITI", "OPEC"; not "U.S." or "Mr").
bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Multi-word places and nationalities the model split ("North" MISC + "Korean"
// NORP) become one span when the last word already has a place or NORP type.
// A country name tagged ORG is a GPE (a country as an actor is still a GPE); a
// country, capital or city of a million people tagged PERSON is a GPE.
void FixPlaceSpans(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                   const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  for (size_t i = 0; i < forms.size(); ++i) {
    if (!Capitalized(forms[i])) continue;
    const kb::GazetteerEntry* entry = nullptr;
    size_t len = static_cast<size_t>(GazetteerMatch(norm, i, gaz, &entry));
    if (len == 0 || entry->type == kb::EntryType::kOrganization) continue;
    const size_t end = i + len;
    if (InsideSpan(tags, i) || InsideSpan(tags, end)) continue;  // part of a longer name
    // "The United States said": the gazetteer also knows the name without its article ("The
    // Hague" it does not), so the article opening the sentence is left out of the name.
    const kb::GazetteerEntry* without_article = nullptr;
    if (norm[i] == "the" && len >= 2 && GazetteerMatch(norm, i + 1, gaz, &without_article) == static_cast<int>(len - 1)) {
      if (tags[i][0] == 'B' && tags[i + 1] == "I-" + tags[i].substr(2)) tags[i + 1][0] = 'B';
      tags[i] = "O";
      ++i, --len;
      entry = without_article;
    }
    const std::string want = entry->type == kb::EntryType::kDemonym ? "NORP" : "GPE";
    const std::string_view last = tags[end - 1].size() > 2 ? std::string_view(tags[end - 1]).substr(2) : "";
    // Not one span of that type already ("North" NORP + "Korean" NORP are two).
    const bool one_span = tags[i] == "B-" + std::string(last) &&
                          std::all_of(tags.begin() + i + 1, tags.begin() + end,
                                      [&](const std::string& t) { return t == "I-" + std::string(last); });
    if (len >= 2 && (last == "GPE" || last == "NORP" || last == "LOC") && !one_span) {
      Relabel(tags, i, end, want);
    } else if (IsNation(*entry) && tags[i] == "B-ORG" &&
               (end == tags.size() || tags[end] != "I-ORG")) {
      Relabel(tags, i, end, "GPE");
    } else if ((IsNation(*entry) || IsCapitalOrBigCity(gaz, norm, i, end)) && tags[i] == "B-PERSON" &&
               (end == tags.size() || tags[end] != "I-PERSON")) {
      Relabel(tags, i, end, "GPE");  // "the Paris market": a capital or big city is no person
    } else if (entry->type == kb::EntryType::kCity && tags[i] == "B-PERSON" &&
               (end == tags.size() || tags[end] != "I-PERSON") && i > 0 && IsLocativePreposition(forms[i - 1])) {
      Relabel(tags, i, end, "GPE");  // "fighting in Grozny": a town after "in" is no person
    } else if (entry->type == kb::EntryType::kCity && len >= 2 && tags[i] == "O" && tags[i + 1] == "B-PERSON" &&
               std::all_of(tags.begin() + i + 2, tags.begin() + end, [](const std::string& t) { return t == "I-PERSON"; }) &&
               (end == tags.size() || tags[end] != "I-PERSON")) {
      Relabel(tags, i, end, "GPE");  // "serving St. Louis": the town's first word was left out, its last taken for a name
    } else if (entry->type == kb::EntryType::kDemonym && len >= 2 &&
               std::all_of(tags.begin() + i, tags.begin() + end, [](const std::string& t) { return t == "O"; })) {
      Relabel(tags, i, end, "NORP");  // "West German" left untagged
    } else if (entry->type == kb::EntryType::kDemonym &&
               (tags[i] == "B-EVENT" || tags[i] == "B-MISC" || tags[i] == "B-GPE" || tags[i] == "B-LOC" ||
                tags[i] == "B-NORP" || (len >= 2 && tags[i].size() > 2 && tags[i][0] == 'B')) &&
               (end == tags.size() || tags[end][0] != 'I') &&
               std::all_of(tags.begin() + i + 1, tags.begin() + end,
                           [&](const std::string& t) { return t == "O" || t == "I-" + tags[i].substr(2); })) {
      // A nationality typed as an event, other name or place, or cut after its first word
      // ("North Korean" EVENT, "Soviet" GPE, "West" MISC + "German" O); one of two words or
      // more whatever its type ("West German" PERSON): no name is just a nationality.
      Relabel(tags, i, end, "NORP");
    }
    i = end - 1;
  }
}

// Untagged known names (NerNames) that stand alone or before a title: "Kremlin spokesperson",
// "Fed Chairman Paul Volcker".
void TagKnownNames(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                   const NerNames& names, std::vector<std::string>& tags) {
  for (size_t i = 0; i < forms.size(); ++i) {
    if (tags[i] != "O" || !Capitalized(forms[i])) continue;
    int type = -1;
    const size_t len = static_cast<size_t>(names.Match(norm, i, type));
    if (len == 0) continue;
    const size_t end = i + len;
    bool free = std::all_of(tags.begin() + i, tags.begin() + end, [](const std::string& t) { return t == "O"; });
    if (!free || (end < forms.size() && Capitalized(forms[end]) && !IsTitleWord(base::AsciiLower(forms[end])))) continue;
    if (i > 0 && Capitalized(forms[i - 1]) && tags[i - 1] == "O" && i - 1 > 0) continue;  // inside a longer name
    Relabel(tags, i, end, kTypes[type]);
    i = end - 1;
  }
}

bool IsOrgHead(std::string_view w) {
  static const std::unordered_set<std::string_view> kHeads = {
      "Organization", "Organisation", "Association", "Corporation", "Company", "Council", "Committee", "Commission",
      "Ministry", "Department", "Agency", "Party", "University", "Institute", "Federation", "Authority", "Board",
      "Fund", "Exchange", "Foundation", "Society", "Bureau", "Administration", "Industries", "Airlines", "Holdings",
      "Bancorp", "Group", "Motors", "Laboratories", "Systems", "Technologies", "Communications", "Petroleum"};
  return kHeads.count(w) > 0;
}

// The last word of an armed force's or movement's name: "Rapid Support Forces", "Israel
// Defense Forces", "Irish Republican Army", "Polisario Front", "Revolutionary Guard Corps".
bool IsForceHead(std::string_view w) {
  static const std::unordered_set<std::string_view> kHeads = {"Forces", "Army",  "Front",   "Movement", "Brigade",
                                                              "Brigades", "Guard", "Guards", "Corps",  "Militia",
                                                              "Alliance", "Coalition"};
  return kHeads.count(w) > 0;
}

// An organization head word, or a word that heads institutions named after a place
// ("Bank of England", "College of Europe").
bool IsInstitutionHead(std::string_view w) {
  return IsOrgHead(w) || w == "Bank" || w == "College" || w == "Academy" || w == "Museum";
}

// Clubs named after their town in sports prose: "Blackburn captain Tim Sherwood",
// "Blackburn beat Leicester", "Bolton drew 1-1 with Leeds", "Juventus beat Parma 2-0". A span
// that is exactly a town of the gazetteer (a country stays a place: national teams are places
// in CoNLL-2003) is an ORG before a club role and a capitalized name, or on either side of a
// match verb (a score may follow it) with a town or an organization on the other side. In a
// team-sport report (`team_report`: "SOCCER - ..." headlines) a town is a club wherever it is
// not after a locative preposition ("in Madrid", "at Leeds").
bool IsClubRole(std::string_view lower) {
  static const std::unordered_set<std::string_view> kRoles = {
      "captain", "manager", "coach", "striker", "midfielder", "goalkeeper", "defender", "skipper", "winger", "keeper",
      "forward", "boss"};
  return kRoles.count(lower) > 0;
}

// True when `name` is first of all a town in the gazetteer, as a club may be named: a town first,
// or a state first when a city of 100,000 has the name too ("Varna", "Bremen", "Groningen"); not
// a country or a nationality, nor a state with only small towns of its name ("Ohio").
bool IsClubTown(const kb::Gazetteer& gaz, const std::string& name) {
  const auto candidates = gaz.Lookup(name);
  if (candidates.empty()) return false;
  if (candidates[0]->type == kb::EntryType::kCity) return true;
  if (candidates[0]->type != kb::EntryType::kAdmin1) return false;
  for (const kb::GazetteerEntry* candidate : candidates) {
    if (candidate->type == kb::EntryType::kCity && candidate->population >= 100000) return true;
  }
  return false;
}

// End of the learned span starting at b that is exactly a town of the gazetteer, or b.
size_t TownSpanEnd(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                   const kb::Gazetteer& gaz, const std::vector<std::string>& tags, size_t b) {
  if (b >= tags.size() || (tags[b] != "B-PERSON" && tags[b] != "B-GPE" && tags[b] != "B-LOC")) return b;
  size_t e = b + 1;
  while (e < tags.size() && tags[e] == "I-" + tags[b].substr(2)) ++e;
  const kb::GazetteerEntry* entry = nullptr;
  if (static_cast<size_t>(GazetteerMatch(norm, b, gaz, &entry)) != e - b) return b;
  return IsClubTown(gaz, Joined(forms, b, e)) ? e : b;
}

// End of the ORG span starting at b, or b.
size_t OrgSpanEnd(const std::vector<std::string>& tags, size_t b) {
  if (b >= tags.size() || tags[b] != "B-ORG") return b;
  size_t e = b + 1;
  while (e < tags.size() && tags[e] == "I-ORG") ++e;
  return e;
}

// "2-0", "1-1": a match score.
bool IsScore(std::string_view w) {
  const size_t dash = w.find('-');
  auto digits = [](std::string_view d) {
    return !d.empty() && d.size() <= 3 && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return dash != std::string_view::npos && digits(w.substr(0, dash)) && digits(w.substr(dash + 1));
}

void TagClubsInSportsProse(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                           const kb::Gazetteer& gaz, bool team_report, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t b = 0; b < n; ++b) {
    const size_t town_end = TownSpanEnd(forms, norm, gaz, tags, b);
    const size_t e = town_end > b ? town_end : OrgSpanEnd(tags, b);
    if (e == b) {
      // In a team report a one-word "person" before a club role and a name ("Roma coach Carlos
      // Bianchi"), or before a plural verb ("Roma were held", "Arsenal have signed"), is a club:
      // British sports English gives clubs plural verbs, and no one person takes them.
      if (team_report && tags[b] == "B-PERSON" && b + 1 < n && tags[b + 1] != "I-PERSON" && Capitalized(forms[b]) &&
          (b == 0 || (tags[b - 1] == "O" && forms[b - 1] != "and" && forms[b - 1] != "or" && forms[b - 1] != ",")) &&
          ((b + 2 < n && IsClubRole(base::AsciiLower(forms[b + 1])) && Capitalized(forms[b + 2])) ||
           forms[b + 1] == "were" || forms[b + 1] == "have" || forms[b + 1] == "are")) {
        tags[b] = "B-ORG";
      }
      continue;
    }
    auto located = [&] {
      const std::string before = b > 0 ? base::AsciiLower(forms[b - 1]) : std::string();
      return IsLocativePreposition(before) || before == "at";
    };
    // A scorer between brackets, before the minute ("( Robertson 67 )"), is no club.
    const bool scorer = b > 0 && (forms[b - 1] == "(" || forms[b - 1] == ",") && e < n && IsInteger(forms[e]);
    if (town_end > b && team_report && !located() && !scorer) {
      Relabel(tags, b, e, "ORG");
    } else if (town_end > b && e + 1 < n && IsClubRole(base::AsciiLower(forms[e])) && Capitalized(forms[e + 1])) {
      Relabel(tags, b, e, "ORG");
    } else if (e + 1 < n) {
      const std::string_view verb = forms[e];
      const size_t after = e + 1 + (e + 2 < n && IsScore(forms[e + 1]));  // "drew 1-1 with"
      size_t other = n;
      if (verb == "beat" || verb == "beats" || verb == "defeated" || verb == "thrashed" || verb == "edged" ||
          verb == "routed" || verb == "hammered" || verb == "v" || verb == "vs" || verb == "vs.") {
        other = e + 1;
      } else if (after + 1 < n &&
                 ((verb == "drew" && forms[after] == "with") || (verb == "lost" && forms[after] == "to"))) {
        other = after + 1;
      }
      const size_t other_town_end = other < n ? TownSpanEnd(forms, norm, gaz, tags, other) : other;
      const bool other_club = other < n && (other_town_end > other || OrgSpanEnd(tags, other) > other);
      if (other_club && (town_end > b || other_town_end > other)) {
        Relabel(tags, b, e, "ORG");
        if (other_town_end > other) Relabel(tags, other, other_town_end, "ORG");
      }
    }
    b = e - 1;
  }
}

// "the Reagan administration": a leader's name used as a modifier, which the model leaves
// untagged. One to three capitalized untagged words after an article and before
// "administration" or "presidency" are a PERSON, unless the gazetteer knows them or an
// organization word is among them. Not before "government" or "cabinet": parties and
// regimes stand there ("the Conservative government", "the Sandinista government").
void TagLeadersBeforeAdministrations(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz,
                                     std::vector<std::string>& tags) {
  auto government = [](std::string_view w) { return w == "administration" || w == "presidency"; };
  auto article = [](std::string_view w) { return w == "the" || w == "The" || w == "a" || w == "A" || w == "an"; };
  const size_t n = forms.size();
  for (size_t b = 0; b < n; ++b) {
    if (b == 0 || !article(forms[b - 1]) || tags[b] != "O" || !Capitalized(forms[b])) continue;
    size_t e = b;
    while (e < n && e - b < 3 && tags[e] == "O" && Capitalized(forms[e]) && !IsInstitutionHead(forms[e]) &&
           !IsCompanySuffix(forms[e])) {
      ++e;
    }
    if (e == b || e >= n || !government(forms[e])) continue;
    if (!gaz.Lookup(Joined(forms, b, e)).empty() || !gaz.Lookup(forms[b]).empty()) continue;
    Relabel(tags, b, e, "PERSON");
    b = e;
  }
}

// Credit ratings are no names: "the AA rating", "rated BBB+", "Baa-2 rating".
bool IsCreditRating(std::string_view w) {
  static const std::unordered_set<std::string_view> kRatings = {
      "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "Aaa", "Aa", "Baa", "Ba", "Caa", "Ca"};
  while (!w.empty() && (w.back() == '+' || w.back() == '-' || (w.back() >= '1' && w.back() <= '3'))) w.remove_suffix(1);
  return kRatings.count(w) > 0;
}

// True when forms[begin, end) are untagged words that can go on a name: capitalized, or
// "-", "/", "&", "of", "and" between capitalized words ("Rhone - Poulenc"); not the
// lower-case words a known name matches regardless of case ("the Democratic party").
bool ContinuesName(const std::vector<std::string_view>& forms, const std::vector<std::string>& tags, size_t begin,
                   size_t end) {
  if (end <= begin || !Capitalized(forms[end - 1])) return false;
  for (size_t i = begin; i < end; ++i) {
    const std::string_view f = forms[i];
    if (tags[i] != "O") return false;
    if (!Capitalized(f) && f != "-" && f != "/" && f != "&" && f != "of" && f != "and") return false;
  }
  return true;
}

// Edges no name has, mended after MendFunctionWordTails (below) has joined or cut the tails:
//  - a hyphen that ends a name before a word in lower case is dropped ("Carl Icahn -
//    controlled Trans World Airlines": the tokenizer split "Icahn-controlled"), so is a
//    closing "The" ("S and P. The agency");
//  - a name that starts with "of" after an office ("Assistant Secretary of Defence") is
//    the office's, no name;
//  - a weekday or month that ends an organization ("the Higher Labour Court Saturday
//    ruled") is the date of what it did (a person may be named so: "Tom Friday");
//  - "Class B" before shares, stock or common is a share class, no organization;
//  - a person whose last word is "Bank" is a bank ("lead manager Gotthard Bank said"), but for
//    one run across "of" into the bank ("Joe Carson of Chemical Bank", split later).
void TrimSpanEdges(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = tags.size();
  for (size_t b = 0; b < n; ++b) {
    if (tags[b].size() < 3 || tags[b][0] != 'B') continue;
    const std::string type = tags[b].substr(2);
    size_t e = b + 1;
    while (e < n && tags[e] == "I-" + type) ++e;
    const bool lower_after = e < n && !forms[e].empty() && forms[e][0] >= 'a' && forms[e][0] <= 'z';
    if (e - b > 1 && forms[e - 1] == "-" && lower_after) tags[--e] = "O";
    // No name ends in "The": "S and P. The agency" is no person "P. The" ("Class A", "Series
    // A" end in a letter).
    while (e - b > 1 && forms[e - 1] == "The") tags[--e] = "O";
    if (forms[b] == "of" && b > 0 && IsTitleWord(base::AsciiLower(forms[b - 1]))) {
      for (size_t i = b; i < e; ++i) tags[i] = "O";
    } else if (e - b > 1 && type == "ORG" && IsCalendarWord(forms[e - 1])) {  // not "Tom Friday"
      while (e - b > 1 && IsCalendarWord(forms[e - 1])) tags[--e] = "O";
    } else if (e - b == 2 && forms[b] == "Class" && forms[b + 1].size() == 1 && e < n &&
               (forms[e] == "shares" || forms[e] == "stock" || forms[e] == "common" || forms[e] == "preferred")) {
      tags[b] = tags[b + 1] = "O";
    } else if (e - b >= 3 && type == "PERSON" && forms[b].size() > 4 && forms[b].back() == 's' &&
               IsTitleWord(base::AsciiLower(forms[b].substr(0, forms[b].size() - 1)))) {
      tags[b] = "O";  // "Justices William Brennan , Byron White ...": a plural title opens a list
      tags[b + 1] = "B-PERSON";
    } else if (e - b > 1 && type == "PERSON" && (forms[e - 1] == "Bank" || forms[e - 1] == "Banks") &&
               std::find(forms.begin() + b, forms.begin() + e, "of") == forms.begin() + e) {
      Relabel(tags, b, e, "ORG");
    }
    b = e - 1;
  }
}

// No name ends in "of", "and", "&" or "the": the model stopped inside a name ("Federal Reserve
// Bank of" + "New York", "Cable and" + "Wireless", "Marks &" + "Spencer") or ran on towards a
// place ("Kelvin Ramnath of" + "Trinidad - Tobago"). An institution's head before "of", an
// organization's "and", or any name's "&" takes in the capitalized name after it as one ORG;
// any other such tail is dropped.
void MendFunctionWordTails(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = tags.size();
  auto function_word = [&](size_t i) {
    return forms[i] == "of" || forms[i] == "and" || forms[i] == "the" || forms[i] == "&";
  };
  // A function word alone is no name at all ("Minister of" + "Social Affairs": the model's
  // B- on "of").
  for (size_t i = 0; i < n; ++i) {
    if (tags[i][0] == 'B' && (i + 1 == n || tags[i + 1][0] != 'I') && function_word(i)) tags[i] = "O";
  }
  for (size_t e = 2; e <= n; ++e) {
    const size_t last = e - 1;
    if (tags[last][0] != 'I' || (e < n && tags[e][0] == 'I') || !function_word(last)) continue;
    size_t b = last;
    while (b > 0 && tags[b][0] == 'I') --b;
    if (tags[b][0] != 'B' && tags[b][0] != 'I') ++b;  // a stray I- after O starts the span
    const std::string type = tags[b].substr(2);
    size_t end = e;  // the name after the tail: the next span, or up to 3 untagged capitalized words
    if (e < n && Capitalized(forms[e]) && tags[e][0] == 'B') {
      for (end = e + 1; end < n && tags[end][0] == 'I';) ++end;
    } else {
      while (end < n && end - e < 3 && tags[end] == "O" && Capitalized(forms[end])) ++end;
    }
    const bool joins = end > e && last > b &&
                       ((forms[last] == "of" && IsInstitutionHead(forms[last - 1])) ||
                        (forms[last] == "and" && type == "ORG") || forms[last] == "&");  // "Marks &" + "Spencer"
    if (joins) {
      Relabel(tags, b, end, "ORG");
      e = end;
      continue;
    }
    for (size_t j = last; j > b && function_word(j); --j) tags[j] = "O";
  }
  // The model stopped before "of": an organization ending in an institution's head, "of", maybe
  // "the", then another organization is one ("International Committee" + "of the" + "Red Cross").
  for (size_t of = 1; of + 1 < n; ++of) {
    if (forms[of] != "of" || tags[of] != "O" || tags[of - 1] != "I-ORG" || !IsInstitutionHead(forms[of - 1])) continue;
    const size_t next = of + 1 + (forms[of + 1] == "the" && tags[of + 1] == "O" ? 1 : 0);
    if (next >= n || tags[next] != "B-ORG") continue;
    size_t b = of - 1, end = next + 1;
    while (b > 0 && tags[b][0] == 'I') --b;
    while (end < n && tags[end] == "I-ORG") ++end;
    Relabel(tags, b, end, "ORG");
    of = end - 1;
  }
  // A commission, committee, council or conference "on" its subject is named with it: "the
  // Kenya National Commission on Human Rights", "the Council on Foreign Relations". The
  // subject's capitalized words, untagged or typed as a name of their own, join the body.
  for (size_t on = 1; on + 1 < n; ++on) {
    // The body may be typed as a place so far ("Kenya National Commission" GPE; an
    // organization head word makes it an ORG later).
    if (forms[on] != "on" || tags[on] != "O" || tags[on - 1] == "O") continue;
    const std::string_view head = forms[on - 1];
    if (head != "Commission" && head != "Committee" && head != "Council" && head != "Conference") continue;
    if (IsCalendarWord(forms[on + 1])) continue;  // "the Federal Trade Commission on February 3"
    size_t end = on + 1;
    // Up to five words, "and" between capitalized ones ("on Trade and Development").
    auto subject_word = [&](size_t k) {
      if (Capitalized(forms[k])) return tags[k] == "O" || tags[k][0] == 'I' || k == on + 1 || forms[k - 1] == "and";
      return (forms[k] == "and" || forms[k] == "&") && k + 1 < n && Capitalized(forms[k + 1]) && k > on + 1;
    };
    while (end < n && end - on <= 5 && subject_word(end)) ++end;
    if (end == on + 1 || (end < n && tags[end][0] == 'I')) continue;  // a name runs on past the subject
    size_t b = on - 1;
    while (b > 0 && tags[b][0] == 'I') --b;
    Relabel(tags, b, end, "ORG");
    on = end - 1;
  }
}

// "Pakistan People 's Party", "the People 's Bank of China", "People 's Liberation Army": a
// name the model took up to "People" (or "Workers") goes on over "'s" and the capitalized
// words after it; a republic is a country, the rest organizations.
void JoinNamesOverPeoples(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    if ((forms[i] != "People" && forms[i] != "Workers" && forms[i] != "PEOPLE") || tags[i] == "O" ||
        (forms[i + 1] != "'s" && forms[i + 1] != "'S") || !Capitalized(forms[i + 2]) || tags[i + 2][0] == 'I') {
      continue;
    }
    size_t b = i;
    while (b > 0 && tags[b][0] == 'I') --b;
    if (tags[b][0] != 'B' && tags[b][0] != 'I') ++b;  // a stray I- after O starts the span
    size_t end = i + 2;
    bool republic = false;
    while (end < n && end - i <= 6) {
      if (Capitalized(forms[end])) {
        republic = republic || forms[end] == "Republic" || forms[end] == "REPUBLIC";
        ++end;
      } else if (forms[end] == "of" && end + 1 < n && Capitalized(forms[end + 1])) {
        end += 2;
      } else {
        break;
      }
    }
    while (end < n && tags[end][0] == 'I') ++end;  // a name the model started there
    Relabel(tags, b, end, republic ? "GPE" : "ORG");
    i = end - 1;
  }
}

// "Moody 's" + "Investors Service", "McDonald 's Corp", "Sotheby 's Holdings Inc": a name and its
// possessive followed only by company words (a suffix, a line of business, "Investors",
// "Service") is one company. A place's or a company's own unit is not: "Britain 's Rover Group",
// "Ford 's Jaguar unit" (the words after "'s" name something of their own).
void JoinPossessiveCompanyNames(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  auto company_word = [](std::string_view w) {
    return IsCompanySuffix(w) || IsBusinessWord(w) || w == "Investors" || w == "Service" || w == "Services" ||
           w == "Stores" || w == "Restaurants" || w == "Holdings" || w == "Industries" || w == "International";
  };
  for (size_t i = 1; i + 1 < n; ++i) {
    if ((forms[i] != "'s" && forms[i] != "'S") || tags[i] != "O" || tags[i - 1] == "O" ||
        !Capitalized(forms[i + 1]) || (tags[i + 1] != "O" && tags[i + 1] != "B-ORG")) {
      continue;
    }
    size_t b = i - 1;
    while (b > 0 && tags[b][0] == 'I') --b;
    if (tags[b][0] != 'B' && tags[b][0] != 'I') ++b;  // a stray I- after O starts the span
    const std::string owner = tags[b].substr(2);
    if (owner != "ORG" && owner != "PERSON" && owner != "MISC") continue;
    // A whole organization already ("Harvard University 's Energy ... Center"): its own unit follows.
    if (IsInstitutionHead(forms[i - 1]) || IsCompanySuffix(forms[i - 1])) continue;
    size_t end = i + 1;
    while (end < n && end - i <= 3 && company_word(forms[end]) &&
           (end == i + 1 || tags[end] == "O" || tags[end][0] == 'I')) {
      ++end;
    }
    if (end == i + 1 || (end < n && (Capitalized(forms[end]) || tags[end][0] == 'I'))) continue;
    Relabel(tags, b, end, "ORG");
    i = end - 1;
  }
}

// "Republican People 's Party", "People 's Liberation Army": a party's or a force's name
// holding a possessive, which the model tags after it at most. Capitalized words before "'s"
// (the last one untagged; a place before it may be part: "Sudan People 's Liberation Army")
// and a party or force word after it (up to two capitalized words between) are one ORG.
void JoinPossessivePartyNames(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  auto party_word = [](std::string_view w) { return w == "Party" || w == "Congress" || IsForceHead(w); };
  for (size_t i = 1; i + 1 < n; ++i) {
    // The word before "'s" untagged: "Iran 's Revolutionary Guards" is a country's force.
    if ((forms[i] != "'s" && forms[i] != "'S") || tags[i] != "O" || !Capitalized(forms[i - 1]) ||
        tags[i - 1] != "O") {
      continue;
    }
    size_t end = i + 1;
    while (end < n && end - i <= 3 && Capitalized(forms[end]) && !party_word(forms[end])) ++end;
    if (end >= n || !party_word(forms[end])) continue;
    ++end;
    // Before "'s": up to three capitalized words, untagged or of one span that ends there.
    size_t b = i;
    while (b > 0 && i - b < 3 && Capitalized(forms[b - 1]) && (tags[b - 1] == "O" || tags[b - 1][0] == 'I' ||
                                                               tags[b - 1][0] == 'B')) {
      --b;
      if (tags[b][0] == 'B') break;
    }
    if (b == i || (b > 0 && tags[b][0] == 'I')) continue;
    if (end < n && tags[end][0] == 'I') continue;  // a longer name goes on
    Relabel(tags, b, end, "ORG");
    i = end - 1;
  }
}

// A fixture list's line in a team-sport report, "PHILADELPHIA AT NEW JERSEY", "Orlando at
// Chicago": two teams of one to three capitalized words around "at"; a country is a national
// side (GPE), anything else a club (ORG).
void TagScheduleLine(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  if (n < 3 || n > 7) return;
  size_t at = 0;
  while (at < n && forms[at] != "AT" && forms[at] != "at") ++at;
  if (at == 0 || at + 1 >= n || at > 3 || n - at - 1 > 3) return;
  auto calendar = [](std::string_view w) {  // "SATURDAY AT WEMBLEY" is when and where
    std::string title = base::AsciiLower(w);
    if (!title.empty()) title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return IsCalendarWord(title);
  };
  for (size_t i = 0; i < n; ++i) {
    if (i != at && (!Capitalized(forms[i]) || calendar(forms[i]))) return;
  }
  for (auto [b, e] : {std::pair{size_t{0}, at}, std::pair{at + 1, n}}) {
    Relabel(tags, b, e, IsNationName(&gaz, forms, b, e) ? "GPE" : "ORG");
  }
}

bool IsDemonym(const kb::Gazetteer* gaz, std::string_view w);

// After a sports slug, the words that say what the story holds are no names ("MAJOR LEAGUE
// STANDINGS AFTER SUNDAY 'S GAMES": "LEAGUE STANDINGS" was a person, "GAMES" another name,
// "NHL STANDINGS" one organization); a name they cut ends there, and what is left of it that
// is only a league's words ("LEAGUE", "DIVISION") is no name either.
void UntagResultsWords(const std::vector<std::string_view>& forms, size_t from, const kb::Gazetteer* gazetteer,
                       std::vector<std::string>& tags) {
  static const std::unordered_set<std::string_view> kResults = {
      "STANDINGS", "RESULTS", "RESULT", "SCORES", "SCOREBOARD", "SCORERS", "TABLE", "GAMES", "SUMMARY",
      "SUMMARIES", "LEADERS", "LEADING", "GRID", "POSITIONS", "FIXTURES", "ROUNDUP", "DETAILS", "STATISTICS"};
  static const std::unordered_set<std::string_view> kLeagueWords = {"LEAGUE", "DIVISION", "CONFERENCE", "MAJOR"};
  for (size_t i = from; i < forms.size(); ++i) {
    if (kResults.count(forms[i]) == 0 || tags[i] == "O") continue;
    tags[i] = "O";
    if (i + 1 < tags.size() && tags[i + 1][0] == 'I') tags[i + 1][0] = 'B';
  }
  for (size_t b = from; b < forms.size(); ++b) {
    if (tags[b] == "O") continue;
    size_t e = b + 1;
    while (e < forms.size() && tags[e][0] == 'I') ++e;
    auto league_words = [&](size_t from_word) {
      return std::all_of(forms.begin() + from_word, forms.begin() + e,
                         [](std::string_view w) { return kLeagueWords.count(w) > 0; });
    };
    if (league_words(b)) {
      for (size_t i = b; i < e; ++i) tags[i] = "O";
    } else if (e - b > 1 && IsDemonym(gazetteer, forms[b]) && league_words(b + 1)) {
      tags[b] = "B-NORP";  // "ITALIAN LEAGUE STANDINGS": the people, then the league's words
      for (size_t i = b + 1; i < e; ++i) tags[i] = "O";
    }
    b = e - 1;
  }
}

// A sports slug opens a headline: "RUGBY UNION - WALES NAME SIDE", "NHL ICE HOCKEY - ...".
// Its sport words are no names (the model made "RUGBY UNION" a place, "RUGBY LEAGUE" an
// organization); a league's acronym in it stays one ("NHL"), and so does a people
// ("NFL AMERICAN FOOTBALL": "AMERICAN").
void UntagSportSlug(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                    std::vector<std::string>& tags) {
  static const std::unordered_set<std::string_view> kSports = {
      "SOCCER", "FOOTBALL", "RUGBY", "CRICKET", "BASKETBALL", "BASEBALL", "HOCKEY", "VOLLEYBALL", "HANDBALL",
      "TENNIS", "GOLF", "ATHLETICS", "CYCLING", "BOXING", "RACING", "MOTORCYCLING", "SKIING", "SQUASH",
      "BADMINTON", "SWIMMING", "ROWING", "YACHTING", "SAILING", "SNOOKER", "CHESS", "TRIATHLON", "SKATING",
      "EQUESTRIANISM", "JUDO", "WRESTLING", "GYMNASTICS", "DARTS", "POLO", "SUMO", "BIATHLON", "CANOEING",
      "WEIGHTLIFTING", "FENCING", "SHOOTING", "ARCHERY", "BOBSLEIGH", "LUGE"};
  // Words that only qualify a sport ("RUGBY UNION", "ICE HOCKEY", "TRACK AND FIELD").
  static const std::unordered_set<std::string_view> kQualifiers = {
      "UNION", "LEAGUE", "ICE", "TABLE", "MOTOR", "HORSE", "ALPINE", "NORDIC", "SPEED", "FIGURE", "RULES",
      "TRACK", "AND", "FIELD"};
  size_t dash = 0;
  while (dash < forms.size() && dash < 4 && forms[dash] != "-") ++dash;
  if (dash == 0 || dash >= forms.size() || forms[dash] != "-") return;
  bool sport = false;
  for (size_t i = 0; i < dash; ++i) {
    if (std::any_of(forms[i].begin(), forms[i].end(), [](char c) { return c >= 'a' && c <= 'z'; })) return;
    sport |= kSports.count(forms[i]) > 0;
  }
  if (!sport) return;
  for (size_t i = 0; i < dash; ++i) {
    if (kSports.count(forms[i]) > 0 || kQualifiers.count(forms[i]) > 0) {
      tags[i] = "O";
    } else if (IsDemonym(gazetteer, forms[i])) {
      tags[i] = "B-NORP";  // "NFL AMERICAN FOOTBALL", "AUSTRALIAN RULES"
    } else if (tags[i].size() > 2) {
      tags[i] = "B-" + tags[i].substr(2);  // one name per word: "NHL"
    }
  }
  // The dash is no name either; a name the model ran over it ("CRICKET - WAQAR" one person)
  // starts after it.
  tags[dash] = "O";
  if (dash + 1 < tags.size() && tags[dash + 1][0] == 'I') tags[dash + 1][0] = 'B';
  UntagResultsWords(forms, dash + 1, gazetteer, tags);
}

void UntagCreditRatings(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  for (size_t i = 0; i < forms.size(); ++i) {
    if (tags[i] == "O" || !IsCreditRating(forms[i]) || (i + 1 < forms.size() && tags[i + 1][0] == 'I')) continue;
    const std::string_view next = i + 1 < forms.size() ? forms[i + 1] : "";
    const std::string_view prev = i > 0 ? forms[i - 1] : "";
    const std::string_view after_next = i + 2 < forms.size() ? forms[i + 2] : "";
    const bool signed_after = next == "-" && (after_next == "plus" || after_next == "minus");
    // "Baa - 2" (Moody's notches, split by our tokenizer); "BBB by Standard and Poor 's".
    const bool notch_after = next == "-" && (after_next == "1" || after_next == "2" || after_next == "3");
    const bool agency_after = next == "by" && (after_next == "Moody" || after_next == "Moody's" ||
                                               after_next == "Standard" || after_next == "S" || after_next == "Fitch");
    const bool rating_after = next == "rating" || next == "ratings" || signed_after || notch_after || agency_after ||
                              next == "-minus" || next == "-plus";
    // "rated AA", "cut to BB from BBB", "( low AA )", "ratings of AA and A - 1".
    const bool rated_before = prev == "rated" || prev == "to" || prev == "from" || prev == "low" || prev == "middle" ||
                              prev == "high" || (prev == "and" && i >= 2 && IsCreditRating(forms[i - 2]));
    if ((rating_after || rated_before) && tags[i][0] == 'B') tags[i] = "O";
  }
}

// Regions of the gazetteer ("Balkans", "Gaza Strip", "Horn of Africa") are LOC, whole, whatever
// the model made of the words (untagged, or one span of another type); not inside a longer span.
// An AP abbreviation of a US state: "Md.", or "Ill" when `next` is the period our tokenizer split
// from it (it keeps "Ill." apart, as a sentence may end in "ill.").
bool IsStateAbbreviation(std::string_view w, std::string_view next) {
  static const std::unordered_set<std::string_view> kStems = {
      "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ida", "Ill", "Ind", "Kan", "Kans",
      "Ky", "La", "Md", "Mass", "Me", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla",
      "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo"};
  if (w.size() > 2 && w.back() == '.') return kStems.count(w.substr(0, w.size() - 1)) > 0;
  return next == "." && kStems.count(w) > 0;
}

// True when tokens [begin, end) are untagged, or are one whole span of the model.
bool UntaggedOrOneSpan(const std::vector<std::string>& tags, size_t begin, size_t end) {
  if (end < tags.size() && tags[end][0] == 'I') return false;
  if (tags[begin] == "O") {
    return std::all_of(tags.begin() + begin, tags.begin() + end, [](const std::string& t) { return t == "O"; });
  }
  return tags[begin][0] == 'B' &&
         std::all_of(tags.begin() + begin + 1, tags.begin() + end, [](const std::string& t) { return t[0] == 'I'; });
}

void TagRegions(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 0; i < n; ++i) {
    if (!Capitalized(forms[i]) || tags[i][0] == 'I') continue;
    const kb::GazetteerEntry* entry = nullptr;
    // A region that shares its name with a subdivision ("Red Sea", a state of Sudan) is the region.
    const size_t len = static_cast<size_t>(GazetteerMatch(norm, i, gaz, &entry, kb::EntryType::kRegion));
    if (len == 0) continue;
    const size_t end = i + len;
    if (UntaggedOrOneSpan(tags, i, end)) Relabel(tags, i, end, "LOC");
    i = end - 1;
  }
}

// "Greenwich , Conn.", "Wollongong , New South Wales": after a town and a comma, a state or
// province the gazetteer knows is that place, however the model read it ("Conn." untagged,
// "N.M." a person).
void TagStatesAfterTowns(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                         const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 2; i < n; ++i) {
    if (forms[i - 1] != "," || !Capitalized(forms[i]) || tags[i][0] == 'I') continue;
    const bool town = tags[i - 2] == "B-GPE" || tags[i - 2] == "I-GPE" || tags[i - 2] == "B-LOC" ||
                      tags[i - 2] == "I-LOC";
    if (!town) continue;
    const kb::GazetteerEntry* state = nullptr;
    size_t end = i + static_cast<size_t>(GazetteerMatch(norm, i, gaz, &state, kb::EntryType::kAdmin1));
    if (end == i) end = 0;
    // AP abbreviations the gazetteer cannot list: "Bloomington , Ill .", "Baltimore , Md.".
    if (end == 0 && IsStateAbbreviation(forms[i], i + 1 < n ? forms[i + 1] : std::string_view())) end = i + 1;
    if (end == 0 || (end < n && Capitalized(forms[end]) && tags[end] == "O")) continue;
    if (UntaggedOrOneSpan(tags, i, end)) Relabel(tags, i, end, "GPE");
    i = end - 1;
  }
  // A congressman's party and state ("Proxmire , D - Wis ,", "( R - Ill )"): the state is a
  // place, the party's letter no name.
  for (size_t i = 0; i + 2 < n; ++i) {
    const bool party = forms[i] == "D" || forms[i] == "R" || forms[i] == "I";
    if (!party || forms[i + 1] != "-" || (i > 0 && forms[i - 1] != "(" && forms[i - 1] != ",")) continue;
    const std::string_view after = i + 3 < n ? forms[i + 3] : std::string_view();
    if (tags[i + 2][0] != 'I' && UntaggedOrOneSpan(tags, i + 2, i + 3) &&
        (IsStateAbbreviation(forms[i + 2], after) ||
         IsStateAbbreviation(forms[i + 2], ".") || tags[i + 2] == "B-GPE" || tags[i + 2] == "B-LOC")) {
      Relabel(tags, i + 2, i + 3, "GPE");
      if (tags[i][0] == 'B' && tags[i + 1] == "O") tags[i] = "O";
    }
  }
}

// "Goran Ivanisevic of Croatia", "Jeffrey Leeds of Chemical Bank": a person span the model
// ran across "of" into the person's country or employer. The person ends before "of" and
// the words after it are a place when the gazetteer knows them, else an ORG; with one word
// before "of" only when the words after it are a place ("Catherine of Aragon"), and never
// after a title ("Duke of York", "Mary Queen of Scots"). A span with an organization word
// or company suffix before "of" ("Edwin L. Cox School of Business") is one ORG.
void SplitPersonsAtOf(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz,
                      std::vector<std::string>& tags) {
  for (size_t b = 0; b < tags.size(); ++b) {
    if (tags[b] != "B-PERSON") continue;
    size_t e = b + 1;
    while (e < tags.size() && tags[e] == "I-PERSON") ++e;
    size_t of = b + 1;
    while (of + 1 < e && forms[of] != "of") ++of;
    if (of + 1 >= e) {
      b = e - 1;
      continue;
    }
    const bool organization = std::any_of(forms.begin() + b, forms.begin() + of, [](std::string_view w) {
      return IsInstitutionHead(w) || IsCompanySuffix(w) || w == "School";
    });
    const bool place = IsPlace(gaz, Joined(forms, of + 1, e));
    if (organization) {
      Relabel(tags, b, e, "ORG");
    } else if (!IsTitleWord(base::AsciiLower(forms[of - 1])) && (of - b >= 2 || place)) {
      tags[of] = "O";
      Relabel(tags, of + 1, e, place ? "GPE" : "ORG");
    }
    b = e - 1;
  }
}

// Last words of sports events named after a place or a people ("U.S. Open", "Italian Grand
// Prix", "Dubai Desert Classic"); compared case-folded, for headlines.
bool IsTournamentWord(std::string_view w) {
  static const std::unordered_set<std::string> kWords = {
      "open", "championship", "championships", "classic", "cup", "prix", "masters", "olympics",
      "tournament", "trophy", "invitational"};
  return kWords.count(base::AsciiLower(w)) > 0;
}

// A span the model ended on a hyphen ("Borg -" + "Warner Corp": our tokenizer splits "Borg-Warner")
// runs on over the name after it; an ORG on either side makes the whole an ORG.
void JoinSpansAcrossHyphens(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    if (forms[i] != "-" || tags[i][0] != 'I' || tags[i + 1][0] == 'I' || !Capitalized(forms[i + 1])) continue;
    size_t begin = i;
    while (begin > 0 && tags[begin][0] == 'I') --begin;
    size_t end = i + 2;
    if (tags[i + 1] == "O") {
      while (end < n && tags[end] == "O" && Capitalized(forms[end])) ++end;
    } else {
      while (end < n && tags[end] == "I-" + tags[i + 1].substr(2)) ++end;
    }
    if (end < n && tags[end][0] == 'I') continue;
    const bool org = tags[begin] == "B-ORG" || tags[i + 1] == "B-ORG";
    Relabel(tags, begin, end, org ? "ORG" : std::string_view(tags[begin]).substr(2));
    i = end - 1;
  }
  // "Daimler" + "-" + "Benz AG": one capitalized word, a hyphen the model left out, and a
  // company's name with its legal suffix are one company ("Rolls - Royce Plc").
  for (size_t i = 1; i + 2 < n; ++i) {
    if (forms[i] != "-" || tags[i] != "O" || tags[i - 1][0] != 'B' || tags[i + 1] != "B-ORG") continue;
    size_t end = i + 2;
    while (end < n && tags[end] == "I-ORG") ++end;
    if (end - i < 3 || !IsCompanySuffix(forms[end - 1]) || !Capitalized(forms[i - 1])) continue;
    Relabel(tags, i - 1, end, "ORG");
    i = end - 1;
  }
}

// "the Palestinian Prisoners ' Society", "the National Farmers ' Union": a plural's possessive
// apostrophe inside a body's name, which the model reads as two names or none. A capitalized
// plural, the apostrophe, and capitalized words ending in a body's head word are one ORG.
void JoinPluralPossessiveNames(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    if (forms[i] != "'" || tags[i] != "O" || !Capitalized(forms[i - 1]) || forms[i - 1].back() != 's' ||
        !Capitalized(forms[i + 1])) {
      continue;
    }
    size_t end = i + 2;
    if (tags[i + 1] != "O") {
      while (end < n && tags[end] == "I-" + tags[i + 1].substr(2)) ++end;
    } else {
      while (end < n && end < i + 4 && tags[end] == "O" && Capitalized(forms[end])) ++end;
    }
    if (end < n && tags[end][0] == 'I') continue;
    if (!IsOrgHead(forms[end - 1]) && forms[end - 1] != "Union" && forms[end - 1] != "League") continue;
    size_t begin = i - 1;
    while (begin > 0 && tags[begin][0] == 'I') --begin;
    if (tags[begin] == "O") {
      while (begin > 0 && begin + 3 > i && tags[begin - 1] == "O" && Capitalized(forms[begin - 1]) &&
             forms[begin - 1] != "The") {
        --begin;
      }
    }
    Relabel(tags, begin, end, "ORG");
    i = end - 1;
  }
}

// "Hale Fire Pump Co and Macomson Machine Co" read as one span: a name that ends in a legal
// suffix before "and" or "&" is a whole company, so the words after it are another one.
// ("Procter and Gamble Co", "Smith and Co" have no suffix before the "and".)
void SplitCompaniesJoinedByAnd(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 2; i + 2 < n; ++i) {
    if ((forms[i] != "and" && forms[i] != "&") || tags[i] != "I-ORG" || !IsCompanySuffix(forms[i - 1])) continue;
    size_t end = i + 1;
    while (end < n && tags[end] == "I-ORG") ++end;
    if (end - i < 3 || !IsCompanySuffix(forms[end - 1]) || !Capitalized(forms[i + 1])) continue;
    tags[i] = "O";
    tags[i + 1] = "B-ORG";
    i = end - 1;
  }
}

// "the Ministry of International Trade and Industry ( MITI )": a bracketed acronym spelled by
// the capitalized words right before it names them; they are one name, whatever the model cut,
// and so is the acronym: a country when the gazetteer knows the words as one ("United Arab
// Emirates ( UAE )"), else an ORG when they name a body.
void TagNamesBeforeAcronyms(const std::vector<std::string_view>& forms, const kb::Gazetteer* gaz,
                            std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t open = 2; open + 2 < n; ++open) {
    if (forms[open] != "(" || forms[open + 2] != ")" || !IsAcronym(forms[open + 1])) continue;
    const std::string_view acronym = forms[open + 1];
    size_t begin = open;
    for (size_t j = open; j > 0 && open - j < 2 * acronym.size() + 2; --j) {
      const std::string initials = Initials(forms, j - 1, open);
      if (initials.empty() || initials.size() > acronym.size()) break;
      if (initials == acronym && Capitalized(forms[j - 1])) begin = j - 1;
    }
    // Two words at least, not starting inside a longer name the model found. An acronym the
    // initials do not spell, right after an organization, still names it ("International Cocoa
    // Organization ( ICCO )").
    if (open - begin < 2 || tags[begin][0] == 'I') {
      // ... and so does one after capitalized words joined by "for" or "of" to an organization the
      // model began there ("Movement" ORG + "for Socialism ( MAS )": the name of another language).
      size_t start = open;
      while (start > 0 && open - start < 8 &&
             (Capitalized(forms[start - 1]) || forms[start - 1] == "for" || forms[start - 1] == "of") &&
             tags[start - 1] != "B-ORG" && (tags[start - 1] == "O" || tags[start - 1] == "I-ORG")) {
        --start;
      }
      if (start > 0 && tags[start - 1] == "B-ORG" && start < open && Capitalized(forms[open - 1]) &&
          (forms[start] == "for" || forms[start] == "of")) {
        Relabel(tags, start - 1, open, "ORG");
      }
      if (tags[open + 1] == "O" && (tags[open - 1] == "B-ORG" || tags[open - 1] == "I-ORG")) tags[open + 1] = "B-ORG";
      continue;
    }
    // Only names of bodies: an organization word among them or an ORG the model found there;
    // "Gross Domestic Product ( GDP )" and "Value Added Tax ( VAT )" are no names.
    const bool nation = IsNationName(gaz, forms, begin, open);
    bool body = false;
    for (size_t i = begin; i < open; ++i) {
      body = body || IsInstitutionHead(forms[i]) || IsCompanySuffix(forms[i]) || tags[i] == "B-ORG";
    }
    if (!nation && !body) continue;
    const std::string type = nation ? "GPE" : "ORG";
    Relabel(tags, begin, open, type);
    tags[open + 1] = "B-" + type;
    open += 2;
  }
}

// "Giovanni" + "van Bronckhorst", "Eduardo dos Santos": a person's name the model ended before a
// lower-case particle runs on over it and the capitalized word after it (untagged, or a one-word
// name of some other type).
void ExtendPersonsOverParticles(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t e = 1; e + 1 < n; ++e) {
    if (tags[e - 1] != "B-PERSON" && tags[e - 1] != "I-PERSON") continue;
    if (tags[e] != "O" || !IsNameParticle(forms[e])) continue;
    // "Abdel Fattah" + "al - Burhan": the Arabic article joined by a hyphen (split by the tokenizer).
    const bool hyphen = (forms[e] == "al" || forms[e] == "el" || forms[e] == "Al" || forms[e] == "El") &&
                        forms[e + 1] == "-" && tags[e + 1] == "O" && e + 2 < n;
    const size_t name = hyphen ? e + 2 : e + 1;
    if (!Capitalized(forms[name]) || forms[name].size() < 2) continue;
    const std::string& next = tags[name];
    // A person's name of several words goes on whole ("Suroor" + "bin" + "Sultan al - Dhahiri").
    size_t end = name + 1;
    if (next == "B-PERSON") {
      while (end < n && tags[end] == "I-PERSON") ++end;
    } else if (next != "O" && (next[0] != 'B' || (name + 1 < n && tags[name + 1][0] == 'I'))) {
      continue;
    }
    // After "al-" a one-word name of any type is the family name ("al - Burhan" typed ORG).
    if (next != "O" && !next.ends_with("-GPE") && !next.ends_with("-LOC") && !next.ends_with("-PERSON") &&
        !next.ends_with("-MISC") && !hyphen) {
      continue;
    }
    for (size_t i = e; i < end; ++i) tags[i] = "I-PERSON";
    e = end - 1;
  }
  // "Ayman" + "al - Zawahiri" (the family name alone tagged): up to two capitalized given
  // names before the hyphenated article join it.
  static const std::unordered_set<std::string_view> kNotGivenNames = {
      "The", "A", "An", "In", "On", "At", "But", "And", "For", "Of", "To", "By", "With", "From", "As", "If", "When"};
  for (size_t a = 1; a + 2 < n; ++a) {
    if ((forms[a] != "al" && forms[a] != "el") || forms[a + 1] != "-" || tags[a] != "O" || tags[a + 1] != "O" ||
        tags[a + 2] != "B-PERSON") {
      continue;
    }
    size_t b = a;
    while (b > 0 && a - b < 2 && tags[b - 1] == "O" && Capitalized(forms[b - 1]) && forms[b - 1].size() > 1 &&
           !IsAcronym(forms[b - 1]) && kNotGivenNames.count(forms[b - 1]) == 0) {
      --b;
    }
    if (b == a) continue;
    tags[b] = "B-PERSON";
    for (size_t i = b + 1; i <= a + 2; ++i) tags[i] = "I-PERSON";
  }
}

// Words after a place that make it the name of an accord, a treaty or a round of talks.
bool IsAccordWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "accord", "accords", "Accord", "Accords", "pact", "Pact", "treaty", "Treaty", "Round", "Protocol", "protocol",
      "Agreement", "Declaration", "Convention"};
  return kWords.count(w) > 0;
}

// Words that open the names of banks, companies, parties and institutes in French, Spanish,
// Portuguese and Italian ("Banque Paribas", "Banco do Brasil", "Petroleos de Venezuela").
bool IsRomanceInstitutionHead(std::string_view w) {
  static const std::unordered_set<std::string_view> kHeads = {
      "Banco", "Banca", "Banque", "Caisse", "Caixa", "Cassa", "Compagnie", "Compania", "Companhia", "Petroleos",
      "Petroleo", "Societe", "Sociedad", "Sociedade", "Societa", "Instituto", "Institut", "Istituto", "Partido",
      "Partito", "Parti", "Jornal", "Grupo", "Groupe", "Gruppo", "Empresa", "Empresas", "Corporacion", "Industrias",
      "Aerolineas", "Ente", "Credito", "Confederacion", "Federacion", "Frente", "Ejercito", "Fuerzas"};
  return kHeads.count(w) > 0;
}

// "de", "do", "del", "della" ...: the lower-case words inside such names.
bool IsRomanceConnector(std::string_view w) {
  return w == "de" || w == "do" || w == "da" || w == "dos" || w == "das" || w == "del" || w == "della" ||
         w == "di" || w == "des" || w == "du" || w == "y" || w == "e" || w == "la" || w == "las" || w == "los";
}

// A name opened by such a word is an ORG, whole, over its capitalized words and the connectors
// between them, however the model read it ("Banque Nationale de Paris" PERSON, "Petroleos de
// Venezuela" a place, "Jornal do Brasil" untagged but for "Brasil").
void TagRomanceInstitutions(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!IsRomanceInstitutionHead(forms[i]) || tags[i][0] == 'I') continue;
    size_t end = i + 1;
    while (end < n) {
      if (Capitalized(forms[end])) {
        ++end;
      } else if (IsRomanceConnector(forms[end]) && end + 1 < n && Capitalized(forms[end + 1])) {
        end += 2;
      } else {
        break;
      }
    }
    if (end == i + 1 || (end < n && tags[end][0] == 'I')) continue;
    Relabel(tags, i, end, "ORG");
    i = end - 1;
  }
}

// A name ending in a tournament word is the event, not the place or an organization ("U.S.
// Open" was ORG, "Dubai Desert Classic" LOC); a place or people right before an untagged
// "Open" or "Grand Prix" is the start of one ("German" + "Open"). Persons are left alone
// ("Tony Masters").
void TagTournaments(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  for (size_t b = 0; b < tags.size(); ++b) {
    if (tags[b].size() < 3 || tags[b][0] != 'B') continue;
    const std::string type = tags[b].substr(2);
    size_t e = b + 1;
    while (e < tags.size() && tags[e] == "I-" + type) ++e;
    if (type == "PERSON" || !IsLearned(type)) {
      b = e - 1;
      continue;
    }
    size_t end = 0;
    if (e - b >= 2 && IsTournamentWord(forms[e - 1])) {
      end = e;
    } else if (type == "GPE" || type == "NORP" || type == "LOC" || type == "MISC" || type == "EVENT") {
      if (e < tags.size() && tags[e] == "O" && Capitalized(forms[e]) && IsTournamentWord(forms[e])) {
        end = e + 1;
      } else if (e + 1 < tags.size() && tags[e] == "O" && tags[e + 1] == "O" &&
                 base::AsciiLower(forms[e]) == "grand" && base::AsciiLower(forms[e + 1]) == "prix") {
        end = e + 2;
      }
    }
    if (end > 0) Relabel(tags, b, end, "EVENT");
    b = std::max(e, end) - 1;
  }
}

// "Bank of New York", "University of Chicago", "Council of Europe": an organization head
// word, "of" and a place, typed apart or typed whole as a place or person, is one ORG.
void TagHeadOfPlaceNames(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  auto names_body = [&](size_t j) { return tags[j] == "B-GPE" || tags[j] == "B-LOC" || tags[j] == "B-ORG"; };
  for (size_t i = 0; i + 2 < n; ++i) {
    if (!IsInstitutionHead(forms[i]) || forms[i + 1] != "of") continue;
    // "Law Society" + "of" + "Kenya": an ORG ending in the head runs on over the place.
    if (tags[i] == "I-ORG" && tags[i + 1] == "O" && names_body(i + 2) && tags[i + 2] != "B-ORG") {
      size_t begin = i;
      while (begin > 0 && tags[begin][0] == 'I') --begin;
      size_t end = i + 3;
      while (end < n && tags[end] == "I-" + tags[i + 2].substr(2)) ++end;
      if (end - (i + 2) > 4) continue;
      Relabel(tags, begin, end, "ORG");
      i = end - 1;
      continue;
    }
    if (tags[i][0] == 'I' || tags[i] == "B-EVENT" || tags[i] == "B-MISC") continue;
    size_t end = i + 1;  // end of the head's own span, if it has one
    if (tags[i] != "O") {
      while (end < n && tags[end] == "I-" + tags[i].substr(2)) ++end;
    }
    if (end <= i + 2) {  // the span stops at "of" or before: the body is the span after it
      const size_t body = i + 2;
      if (!names_body(body)) continue;
      end = body + 1;
      while (end < n && tags[end] == "I-" + tags[body].substr(2)) ++end;
      if (end - body > 4) continue;
    }
    Relabel(tags, i, end, "ORG");
    i = end - 1;
  }
}

// Capitalized words before a company suffix or an organization head word
// ("McLean Industries Inc", "International Coffee Organization"): one ORG span.
// Suffixes always apply; head words only to runs the model left untagged or typed MISC
// before an untagged head ("Foreign" MISC, "Ministry"), never with an article ("A Foreign Ministry").
void TagOrganizationRuns(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  for (size_t k = 1; k < forms.size(); ++k) {
    const bool suffix = IsCompanySuffix(forms[k]), head = IsOrgHead(forms[k]) || IsForceHead(forms[k]);
    if (!suffix && !head) continue;
    // Partnerships: "Goldman , Sachs and Co", "Sears , Roebuck and Co", "Smith & Co Ltd".
    if (suffix && k >= 2 && (forms[k - 1] == "and" || forms[k - 1] == "AND" || forms[k - 1] == "&") &&
        Capitalized(forms[k - 2])) {
      size_t b = k - 2;
      while (b > 0 && k - b < 8) {
        if (Capitalized(forms[b - 1]) && !IsCompanySuffix(forms[b - 1])) {
          --b;
        } else if (b >= 2 && forms[b - 1] == "," && Capitalized(forms[b - 2]) && !IsCompanySuffix(forms[b - 2])) {
          b -= 2;
        } else {
          break;
        }
      }
      size_t e = k + 1;
      while (e < forms.size() && IsCompanySuffix(forms[e])) ++e;  // "and Co Inc"
      Relabel(tags, b, e, "ORG");
      k = e - 1;
      continue;
    }
    auto article = [](std::string_view w) { return w == "A" || w == "An" || w == "The"; };
    size_t b = k;
    while (b > 0 && k - b < 6 && (Capitalized(forms[b - 1]) || forms[b - 1] == "&") && !IsCompanySuffix(forms[b - 1]) &&
           !(head && article(forms[b - 1]))) {
      --b;
    }
    if (b == k || (head && k - b < 1)) continue;
    auto untagged_or_misc = [](const std::string& t) { return t == "O" || t == "B-MISC" || t == "I-MISC"; };
    // The head may be tagged alone ("Defence" O, "Ministry" B-ORG).
    const bool head_alone = tags[k] == "B-ORG" && (k + 1 >= tags.size() || tags[k + 1][0] != 'I');
    if (head && ((tags[k] != "O" && !head_alone) || !std::all_of(tags.begin() + b, tags.begin() + k, untagged_or_misc))) {
      continue;
    }
    if (head && b == 0 && k == 1) continue;  // "Party officials ..." at a sentence start: too weak
    if (k + 1 < tags.size() && tags[k + 1][0] == 'I') continue;  // a longer name goes on
    // The run sits inside a longer span already ("Cable and" + "Wireless Plc", joined).
    if (std::all_of(tags.begin() + b, tags.begin() + k + 1, [](const std::string& t) { return t[0] == 'I'; })) continue;
    Relabel(tags, b, k + 1, "ORG");
  }
}

// The lower-case noun that says a company's kind before its name: "Chinese carmaker BYD",
// "Danish shipping company Maersk", "Swiss lender UBS".
bool IsCompanyKindNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "carmaker", "automaker", "chipmaker", "drugmaker", "planemaker", "steelmaker", "manufacturer",
      "company",   "firm",      "group",     "giant",      "major",      "conglomerate", "lender",
      "bank",     "insurer",   "retailer",  "airline",   "carrier",    "miner",      "supplier",
      "startup",  "start-up",  "exporter",  "refiner",    "brokerage",  "utility",  "broadcaster",
      "shipper",  "shipbuilder", "platform", "marketplace", "distributor", "outlet", "agency"};
  return kWords.count(w) > 0;
}

// A name right after a nationality and the noun that says a company's kind is that company,
// whatever the model made of it ("Chinese carmaker BYD", "U.S. chipmaker Nvidia", "Danish
// shipping company Maersk"): up to three lower-case words of trade between them, a name of up
// to four capitalized words after, not a country the gazetteer knows.
void TagCompaniesAfterKindNouns(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                                std::vector<std::string>& tags) {
  for (size_t k = 1; k + 1 < forms.size(); ++k) {
    if (!IsCompanyKindNoun(forms[k]) || !Capitalized(forms[k + 1])) continue;
    size_t a = k;
    while (a > 0 && k - a < 3 && !forms[a - 1].empty() && forms[a - 1][0] >= 'a' && forms[a - 1][0] <= 'z' &&
           tags[a - 1] == "O") {
      --a;
    }
    if (a == 0) continue;
    const std::string& anchor = tags[a - 1];
    // Or, for an agency, the body whose agency it is ("the EC statistics agency Eurostat", "the
    // OPEC news agency Opecna").
    const bool anchored = anchor.ends_with("-NORP") || anchor.ends_with("-GPE") ||
                          (anchor.ends_with("-ORG") && forms[k] == "agency") ||
                          (anchor == "O" && IsDemonym(gazetteer, forms[a - 1]));
    if (!anchored) continue;
    size_t e = k + 1;
    while (e < forms.size() && e - k <= 5 && !IsCompanySuffix(forms[e])) {
      if (Capitalized(forms[e])) {
        ++e;
      } else if (forms[e] == "-" && e + 1 < forms.size() && Capitalized(forms[e + 1])) {
        e += 2;  // "Kansallis - Osake - Pankki": the tokenizer split the hyphens
      } else {
        break;
      }
    }
    if (e == k + 1) continue;  // "Jacobs Engineering group Inc": the suffix of the name before
    // "Air Force major General Richard Secord": a title, then a person.
    if (IsTitleWord(base::AsciiLower(forms[k + 1]))) continue;
    while (e < forms.size() && IsCompanySuffix(forms[e])) ++e;
    if (e < forms.size() && Capitalized(forms[e])) continue;  // a longer run: not sure where the name ends
    // "firm Matthews and Wright": a partnership, or two names; not sure which.
    if (e + 1 < forms.size() && (forms[e] == "and" || forms[e] == "&") && Capitalized(forms[e + 1])) continue;
    if (e < tags.size() && tags[e][0] == 'I') continue;       // a span runs on past it
    // A span of the model's that starts inside the run and is already an organization stays.
    if (tags[k + 1] == "B-ORG" && (e == k + 2 || tags[e - 1] == "I-ORG")) continue;
    if (gazetteer != nullptr && IsNationName(gazetteer, forms, k + 1, e)) continue;
    Relabel(tags, k + 1, e, "ORG");
  }
}

// "Michael Schumacher ( Germany ) Ferrari 1:28:15.125", "Tony Rominger ( Switzerland )
// Mapei same time": in a results list, capitalized words right after a person's
// bracketed country, before a time, points or "same time", are the team: an ORG.
void TagTeamsAfterPersons(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                          const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  for (size_t open = 1; open + 3 < forms.size() && !norm.empty(); ++open) {
    if (forms[open] != "(" || !tags[open - 1].ends_with("-PERSON")) continue;
    const kb::GazetteerEntry* entry = nullptr;
    const size_t len = static_cast<size_t>(GazetteerMatch(norm, open + 1, gaz, &entry));
    const size_t close = open + 1 + len;
    if (len == 0 || !IsNation(*entry) || close >= forms.size() || forms[close] != ")") continue;
    const size_t b = close + 1;
    size_t e = b;
    while (e < forms.size() && e - b < 3 && Capitalized(forms[e]) && !IsCalendarWord(forms[e]) &&
           (tags[e] == "O" || tags[e].ends_with("-PERSON") || tags[e].ends_with("-MISC"))) {
      ++e;
    }
    if (e == b || e >= forms.size() || (e < tags.size() && tags[e][0] == 'I')) continue;
    const std::string_view next = forms[e];
    const bool figures = std::any_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!figures && next != "same") continue;
    Relabel(tags, b, e, "ORG");
  }
}

}  // namespace

void JoinNamesAcrossAnd(const std::vector<std::string_view>& forms, const std::vector<bool>& often_lower,
                        std::vector<std::string>& tags) {
  const size_t n = forms.size();
  // "Pope and Talbot Inc", "Procter and Gamble Co": a founder's name the model left out, before
  // "and" and a company of one or two words and its suffix.
  for (size_t a = 0; a + 3 < n; ++a) {
    if (tags[a] != "O" || !Capitalized(forms[a]) || often_lower[a] || (a > 0 && Capitalized(forms[a - 1])) ||
        (forms[a + 1] != "and" && forms[a + 1] != "&") || tags[a + 1] != "O" || tags[a + 2] != "B-ORG") {
      continue;
    }
    // Not another company: a suffix ("... Corp and Ray Industries Inc") or an acronym ("EDS and
    // Hughes Aircraft Co"); initials stay ("H and R Block Inc").
    if (IsCompanySuffix(forms[a]) || (forms[a].size() > 1 && IsAcronym(forms[a]))) continue;
    size_t end = a + 3;
    while (end < n && tags[end] == "I-ORG") ++end;
    if (end - (a + 2) > 3 || !IsCompanySuffix(forms[end - 1])) continue;
    Relabel(tags, a, end, "ORG");
    a = end - 1;
  }
  for (size_t a = 0; a + 3 < n; ++a) {
    if ((forms[a + 1] != "and" && forms[a + 1] != "&") || !Capitalized(forms[a]) || !often_lower[a]) continue;
    if (tags[a + 2] != "B-ORG" || !Capitalized(forms[a + 2]) || !often_lower[a + 2]) continue;
    if (tags[a + 1] != "O") continue;
    // The left part: the ORG span the word ends, or the untagged capitalized words up to it
    // ("First Federal Savings").
    size_t begin = a;
    if (tags[a] == "I-ORG") {
      while (begin > 0 && tags[begin] != "B-ORG") --begin;
    } else if (tags[a] == "O") {
      while (begin > 0 && a - begin < 3 && tags[begin - 1] == "O" && Capitalized(forms[begin - 1]) &&
             forms[begin - 1] != "The" && forms[begin - 1] != "A" && forms[begin - 1] != "An") {
        --begin;
      }
    } else if (tags[a] != "B-ORG") {
      continue;
    }
    // A left span with a head word of its own is a whole name ("World Bank and International
    // Monetary Fund", "Group of Five and Group of Seven").
    bool whole = false;
    for (size_t i = begin; i <= a; ++i) {
      whole = whole || IsInstitutionHead(forms[i]) || IsCompanySuffix(forms[i]) || forms[i] == "of";
    }
    if (whole) continue;
    size_t end = a + 3;
    bool head = false;
    for (size_t i = a + 2; i < n && (i == a + 2 || tags[i] == "I-ORG"); ++i, end = i) {
      head = head || IsInstitutionHead(forms[i]) || IsCompanySuffix(forms[i]) || forms[i] == "Union";
    }
    if (!head) continue;
    Relabel(tags, begin, end, "ORG");
    a = end - 1;
  }
}

namespace {

bool IsFigure(std::string_view w) {
  return !w.empty() && w[0] >= '0' && w[0] <= '9' &&
         std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-'; });
}

// A golf or results line that opens with a score or rank: "205 Billy Mayfair 69 68 68 , Fred
// Couples 70 67 68". Two or three capitalized words between a figure or comma and a figure,
// untagged or a person or other name of the model, the first a first name, are a PERSON.
void TagPersonsInScoreLines(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                            std::vector<std::string>& tags) {
  const size_t n = forms.size();
  if (n < 4 || !IsFigure(forms[0])) return;
  for (size_t b = 1; b + 2 < n; ++b) {
    if (!(IsFigure(forms[b - 1]) || forms[b - 1] == ",") || !first_name[b] || !Capitalized(forms[b])) continue;
    size_t e = b;
    while (e < n && e - b < 3 && Capitalized(forms[e]) &&
           (tags[e] == "O" || tags[e].ends_with("-PERSON") || tags[e].ends_with("-MISC"))) {
      ++e;
    }
    // Then the player's figures, or in a line of ties the next name or the player's country.
    const bool closed = e == n || (e < n && (IsFigure(forms[e]) || forms[e] == "," || forms[e] == "("));
    if (e - b < 2 || !closed || tags[b][0] == 'I' || (e < n && tags[e][0] == 'I')) continue;
    if (std::any_of(forms.begin() + b, forms.begin() + e,
                    [](std::string_view w) { return IsCompanySuffix(w) || IsOrgHead(w) || IsTitleWord(base::AsciiLower(w)); })) {
      continue;
    }
    Relabel(tags, b, e, "PERSON");
    b = e;
  }
}

}  // namespace

void TagAccordsNamedAfterPlaces(const std::vector<std::string_view>& forms, const kb::Gazetteer* gaz,
                                std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t b = 0; b < n; ++b) {
    if (tags[b] != "B-GPE" && tags[b] != "B-LOC" && tags[b] != "B-FAC") continue;
    const std::string inside = "I-" + tags[b].substr(2);
    size_t e = b + 1;
    while (e < n && tags[e] == inside) ++e;
    // A country before "pact" or "Agreement" is a party to it ("a U.S.-Japan pact"); only a
    // round of talks is named after one ("the Uruguay Round").
    const size_t place_end = e - b >= 2 && IsAccordWord(forms[e - 1]) ? e - 1 : e;
    const bool round = (e < n && forms[e] == "Round") || forms[e - 1] == "Round";
    if (!round && IsNationName(gaz, forms, b, place_end)) {
      b = e - 1;
      continue;
    }
    // The accord word right after the place, or the place span's own last word ("Louvre Accord" LOC).
    if (e < n && IsAccordWord(forms[e]) && (tags[e] == "O" || tags[e][0] == 'B')) {
      const bool named = Capitalized(forms[e]) && tags[e] == "O";
      Relabel(tags, b, named ? e + 1 : e, "MISC");
    } else if (e - b >= 2 && IsAccordWord(forms[e - 1]) && Capitalized(forms[e - 1])) {
      Relabel(tags, b, e, "MISC");
    }
    b = e - 1;
  }
}

void TagListedPersons(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                      const kb::Gazetteer& gaz, std::vector<std::string>& tags, bool typed_places) {
  std::vector<std::string> norm;
  for (size_t open = 2; open + 2 < forms.size(); ++open) {
    if (forms[open] != "(") continue;
    if (norm.empty()) {
      for (std::string_view f : forms) norm.push_back(kb::Gazetteer::Normalize(f));
    }
    const kb::GazetteerEntry* entry = nullptr;
    const size_t len = static_cast<size_t>(GazetteerMatch(norm, open + 1, gaz, &entry));
    if (len == 0 || (entry->type != kb::EntryType::kCountry && entry->type != kb::EntryType::kAdmin1) ||
        open + 1 + len >= forms.size() ||
        forms[open + 1 + len] != ")") {
      continue;
    }
    // Words the model left untagged or took for a person or another name ("Bailey" MISC).
    auto open_to_person = [&](size_t i) {
      return tags[i] == "O" || tags[i].ends_with("-PERSON") || tags[i].ends_with("-MISC");
    };
    size_t b = open;
    while (b > 0 && open - b < 4 && Capitalized(forms[b - 1]) && open_to_person(b - 1)) --b;
    if (b == open && typed_places) {
      // Or one whole name the model typed as a place: "Adrian Voinea ( Romania )" (LOC),
      // unless the gazetteer knows it ("Costa Rica ( ... )"). Not one it typed ORG: clubs
      // ("Tomas Rovers ( Spain )") look the same.
      size_t s = open;
      while (s > 0 && open - s < 4 && tags[s - 1].size() > 2 && tags[s - 1][0] == 'I') --s;
      if (s > 0 && tags[s - 1].size() > 2 && tags[s - 1][0] == 'B' && open - s < 4 &&
          (tags[s - 1].substr(2) == "GPE" || tags[s - 1].substr(2) == "LOC" || tags[s - 1].substr(2) == "FAC") &&
          std::all_of(forms.begin() + (s - 1), forms.begin() + open, [](std::string_view w) { return Capitalized(w); }) &&
          gaz.Lookup(Joined(forms, s - 1, open)).empty()) {
        b = s - 1;
      }
    }
    if (open < tags.size() && b < open && tags[b][0] == 'I') continue;  // the span starts further left
    // In a ranked results line ("2. Hicham El Guerrouj ( Morocco ) 3:33.10") the name needs
    // no listed first name: the rank, the country and the result say it is an athlete.
    auto is_rank = [](std::string_view w) {
      while (!w.empty() && (w.back() == '.' || w.back() == '=')) w.remove_suffix(1);
      auto digit = [](char c) { return c >= '0' && c <= '9'; };
      return !w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), digit);
    };
    const size_t close = open + 1 + len;
    // Also a later name of a line of ties that opens with the score ("66 Bernhard Langer
    // ( Germany ) , Costantino Rocca ( Italy )").
    const bool result_after = close + 1 < forms.size() &&
                              std::any_of(forms[close + 1].begin(), forms[close + 1].end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
    const bool tie_after = close + 1 == forms.size() || forms[close + 1] == ",";
    const bool ranked = is_rank(forms[0]) && ((b == 1 && result_after) || (b > 1 && forms[b - 1] == "," && tie_after));
    if (open - b < 2 || (b > 0 && Capitalized(forms[b - 1])) || (!first_name[b] && !ranked)) continue;
    auto not_personal = [](std::string_view w) {
      return IsCompanySuffix(w) || IsOrgHead(w) || IsTitleWord(base::AsciiLower(w));
    };
    if (std::any_of(forms.begin() + b, forms.begin() + open, not_personal)) continue;
    Relabel(tags, b, open, "PERSON");
    const auto place = tags.begin() + static_cast<ptrdiff_t>(open + 1);
    if (std::all_of(place, place + static_cast<ptrdiff_t>(len), [](const std::string& t) { return t == "O"; })) {
      Relabel(tags, open + 1, open + 1 + len, "GPE");
    }
  }
  TagTeamsAfterPersons(forms, norm, gaz, tags);
  if (typed_places) TagPersonsInScoreLines(forms, first_name, tags);
}

namespace {

bool IsDemonym(const kb::Gazetteer* gaz, std::string_view w) {
  if (gaz == nullptr) return false;
  for (const kb::GazetteerEntry* e : gaz->Lookup(w)) {
    if (e->type == kb::EntryType::kDemonym) return true;
  }
  return false;
}

// "Minister", "Secretary": after a portfolio ("Foreign", "Finance", "Home Affairs").
bool IsPortfolioTitle(std::string_view w) { return w == "Minister" || w == "Secretary"; }

// "East Bank", "Left Bank": a side of a river.
bool IsCompassWord(std::string_view w) {
  return w == "North" || w == "South" || w == "East" || w == "West" || w == "Left" || w == "Right";
}

// What a club is called before its name at the start of sports copy: "Champions Ajax", "Holders
// Juventus", "Leaders Varna".
bool IsSportsDescriptor(std::string_view w) {
  return w == "Champions" || w == "Holders" || w == "Leaders" || w == "Hosts" || w == "Cup-holders" ||
         w == "Title-holders" || w == "Visitors" || w == "Newcomers";
}

// "Radio", "Television": the word that makes a place's name a broadcaster's ("Tehran Radio",
// "Radio Moscow").
bool IsBroadcastWord(std::string_view w) { return w == "Radio" || w == "Television"; }

// "Radio Programas", "Radio Moscow", "Television Quell": a broadcaster named "Radio" (or
// "Television") and capitalized words, untagged or typed as a place, is one ORG.
void TagBroadcasters(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t r = 0; r + 1 < n; ++r) {
    if (!IsBroadcastWord(forms[r]) || tags[r] != "O" || !Capitalized(forms[r + 1])) continue;
    size_t end = r + 1;
    if (tags[end] == "O") {
      while (end < n && end - r <= 3 && tags[end] == "O" && Capitalized(forms[end])) ++end;
    } else if (tags[end] == "B-GPE" || tags[end] == "B-LOC") {
      for (++end; end < n && tags[end][0] == 'I';) ++end;
    } else {
      continue;
    }
    if (end < n && tags[end][0] == 'I') continue;  // the run goes on into another name
    Relabel(tags, r, end, "ORG");
    r = end - 1;
  }
}

// Words that name a storm before its given name.
bool IsStormWord(std::string_view w) {
  return w == "Typhoon" || w == "Hurricane" || w == "Cyclone" || w == "Storm" || w == "typhoon" || w == "hurricane" ||
         w == "cyclone" || w == "storm";
}

// A hyphenated office: "Secretary-General", "Director-General", "Vice-Chairman" (a title
// word and the words that join titles).
bool IsCompoundOffice(std::string_view w) {
  if (w.find('-') == std::string_view::npos) return false;
  const std::string lower = base::AsciiLower(w);
  bool title = false;
  for (size_t start = 0; start <= lower.size();) {
    size_t dash = std::min(lower.find('-', start), lower.size());
    std::string_view part = std::string_view(lower).substr(start, dash - start);
    const bool joiner = part == "vice" || part == "general" || part == "deputy" || part == "elect";
    if (!joiner && !IsTitleWord(part)) return false;
    title = title || !joiner;
    start = dash + 1;
  }
  return title;
}

// True if forms[b, e) joined by spaces is any gazetteer entry ("U.S. Secretary": a country).
bool InGazetteer(const kb::Gazetteer* gaz, const std::vector<std::string_view>& forms, size_t b, size_t e) {
  if (gaz == nullptr) return true;
  return !gaz->Lookup(Joined(forms, b, e)).empty();
}

// A word with a capital after three or more letters ("GenCorp", "InterWest"), but for the
// prefixes of surnames that do that ("MacAndrews", "FitzGerald", "VanDyke").
bool IsCamelCaseBrand(std::string_view w) {
  if (w.size() < 5 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  size_t k = 1;
  while (k < w.size() && w[k] >= 'a' && w[k] <= 'z') ++k;
  if (k < 3 || k >= w.size() || !(w[k] >= 'A' && w[k] <= 'Z')) return false;
  const std::string_view prefix = w.substr(0, k);
  return prefix != "Mac" && prefix != "Fitz" && prefix != "Van" && prefix != "Von" && prefix != "Della" &&
         prefix != "Dela" && prefix != "Vander" && prefix != "Ter";
}

// A country's name the model left untagged, standing alone ("Egypt purchased ...", "U.S.
// bank borrowings ..." opening a sentence): the country. Not after or before a capitalized
// word (a company named after it, "Texaco Canada", "Exxon U.S.A."), not in a line of capitals
// (headlines have their own rules), and not the countries that are also first names ("Jordan",
// "Chad", "Georgia").
void TagUntaggedCountries(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz,
                          std::vector<std::string>& tags) {
  const size_t n = forms.size();
  if (IsAllCapsSentence(forms)) return;
  for (size_t i = 0; i < n; ++i) {
    if (tags[i] != "O" || !Capitalized(forms[i]) || forms[i] == "US") continue;
    if (forms[i] == "Jordan" || forms[i] == "Chad" || forms[i] == "Georgia") continue;
    // Up to three words ("Sri Lanka", "United Arab Emirates"), the longest the gazetteer knows.
    size_t end = i;
    for (size_t e = std::min(n, i + 3); e > i; --e) {
      // Words only: the gazetteer's lookup ignores punctuation ("UAE )").
      const bool words = std::all_of(forms.begin() + i, forms.begin() + e, [](std::string_view w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
      });
      if (words && std::all_of(tags.begin() + i, tags.begin() + e, [](const std::string& t) { return t == "O"; }) &&
          IsNationName(&gaz, forms, i, e)) {
        end = e;
        break;
      }
    }
    if (end == i) continue;
    const bool before = i > 0 && Capitalized(forms[i - 1]);  // "Texaco Canada", "Exxon U.S.A."
    const bool after = end < n && Capitalized(forms[end]);
    if (!before && !after) Relabel(tags, i, end, "GPE");
    i = end - 1;
  }
}

// "Organization of the Petroleum Exporting Countries", "Asia - Pacific Economic Cooperation":
// the name of an international organization the gazetteer knows, of three words or more, is one
// ORG span, whatever pieces the model made of it (hyphens split by the tokenizer included).
void TagGazetteerOrganizations(const std::vector<std::string_view>& forms, const std::vector<std::string>& norm,
                               const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  constexpr size_t kMaxWords = 10;
  const size_t n = forms.size();
  for (size_t i = 0; i < n; ++i) {
    // Not from "the": the gazetteer's aliases hold it ("the United Nations"), names do not.
    if (!Capitalized(forms[i]) || tags[i][0] == 'I' || norm[i].empty() || norm[i] == "the") continue;
    // Three words or more: the next one is a word of the name, a hyphen or a short function
    // word ("Organization of the ...", "Organisation for Economic ...").
    if (i + 2 >= n || (!Capitalized(forms[i + 1]) && forms[i + 1] != "-" && forms[i + 1].size() > 3)) continue;
    std::string key;
    size_t best = 0, words = 0, best_words = 0;
    for (size_t j = i; j < n && j - i < kMaxWords; ++j) {
      if (norm[j].empty()) {
        if (forms[j] == "-" && j > i) continue;
        break;
      }
      key += (key.empty() ? "" : " ") + norm[j];
      ++words;
      if (!gaz.IsPrefix(key)) break;
      for (uint32_t hit : gaz.LookupNormalized(key)) {
        if (gaz.entry(hit).type == kb::EntryType::kOrganization) best = j + 1, best_words = words;
      }
    }
    if (best == 0 || best_words < 3 || (best < n && tags[best][0] == 'I')) continue;
    Relabel(tags, i, best, "ORG");
    i = best - 1;
  }
}

// "U.S. Trade Representative Katherine Tai", "U.S. Attorney General Ann Reed": a country, the
// capitalized words of an office and a person's name. The country is a place (however the model
// read it), the office's words are no name.
void TagCountriesBeforeOffices(const std::vector<std::string_view>& forms, const kb::Gazetteer& gaz,
                               std::vector<std::string>& tags) {
  const size_t n = forms.size();
  auto office_word = [](std::string_view w) {
    const std::string lower = base::AsciiLower(w);
    return IsTitleWord(lower) || lower == "representative" || lower == "commissioner" || lower == "administrator";
  };
  for (size_t i = 0; i + 2 < n; ++i) {
    if (tags[i][0] == 'I' || !Capitalized(forms[i]) || !Capitalized(forms[i + 1])) continue;
    if (!IsNationName(&gaz, forms, i, i + 1)) continue;
    size_t t = i + 1;
    // Not a body's name ("Canada Development Corp President ...", "U.S. Treasury Secretary"):
    // the body is named, not only the country.
    while (t < n && t - i <= 3 && Capitalized(forms[t]) && !office_word(forms[t]) && !IsCompanySuffix(forms[t]) &&
           !IsOrgHead(forms[t]) && !IsInstitutionHead(forms[t]) && !IsBusinessWord(forms[t]) &&
           !IsForceHead(forms[t]) && forms[t] != "Treasury" && forms[t] != "Court") {
      ++t;
    }
    while (t + 1 < n && office_word(forms[t]) && Capitalized(forms[t + 1]) && office_word(forms[t + 1])) ++t;
    if (t >= n || t - i > 4 || !office_word(forms[t]) || !Capitalized(forms[t])) continue;
    if (t + 1 >= n || tags[t + 1] != "B-PERSON") continue;
    // The model's spans must lie inside the country and the office.
    if (tags[i] != "O" && !tags[i].starts_with("B-")) continue;
    tags[i] = "B-GPE";
    for (size_t k = i + 1; k <= t; ++k) tags[k] = "O";
    i = t;
  }
}

// "Walker County", "Kanawha County", "Orleans Parish": a county is a place, not a person or
// another name (the model knows "Henry" and "Walker" as names), whether the model typed the
// words as PERSON or MISC or left them untagged. Inside a longer name ("Walker County Sheriff 's
// Office", an ORG) it is left alone.
void TagCounties(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  const size_t n = forms.size();
  for (size_t c = 1; c < n; ++c) {
    if (forms[c] != "County" && forms[c] != "Parish" && forms[c] != "Township" && forms[c] != "Borough") continue;
    if (c + 1 < n && tags[c + 1][0] == 'I') continue;  // inside a longer name
    size_t b = c;
    if (tags[c][0] == 'I') {
      while (b > 0 && tags[b][0] == 'I') --b;
      const std::string_view type = std::string_view(tags[b]).substr(2);
      if (type != "PERSON" && type != "MISC") continue;
    } else if (tags[c] == "O") {
      while (b > 0 && c - b < 3 && tags[b - 1] == "O" && Capitalized(forms[b - 1]) && forms[b - 1] != "The") --b;
      if (b == c) continue;
    } else {
      continue;
    }
    Relabel(tags, b, c + 1, "GPE");
  }
}

// Names of one or two words the model gets wrong whatever their context:
// - "Super Tuesday", "Bloody Sunday", "Good Friday": named days are one other name (MISC, as
//   CoNLL-2003 tags holidays), not a name and a date;
// - "Who" opening a question is no World Health Organization;
// - plural acronyms are common nouns; camel-case "persons" are companies (below).
void MendShortNames(const std::vector<std::string_view>& forms, std::vector<std::string>& tags) {
  static const std::unordered_set<std::string_view> kWeekdays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                                 "Friday", "Saturday", "Sunday"};
  static const std::unordered_set<std::string_view> kDayNames = {"Super", "Black", "Good",   "Bloody", "Ash",
                                                                  "Holy",  "Cyber", "Easter", "Palm",  "Maundy",
                                                                  "Shrove", "Giving"};
  const size_t n = forms.size();
  for (size_t i = 0; i < n; ++i) {
    const bool alone = tags[i][0] == 'B' && (i + 1 == n || tags[i + 1][0] != 'I');
    if (forms[i] == "Who" && alone) tags[i] = "O";
    // A plural of an acronym is a common noun: "super PACs", "CMOs", "MPs", "PINs".
    const std::string_view w = forms[i];
    if (alone && w.size() >= 3 && w.back() == 's' &&
        std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; })) {
      tags[i] = "O";
    }
    // A "person" written in camel case past a name prefix is a company's made-up name
    // ("GenCorp", "PacifiCorp", "ChemLawn", "WashPost"); "McIvor", "DeCrane", "MacAndrews" stay.
    if (alone && tags[i] == "B-PERSON" && IsCamelCaseBrand(w)) tags[i] = "B-ORG";
    if (i + 1 < n && kDayNames.count(forms[i]) > 0 && kWeekdays.count(forms[i + 1]) > 0 && tags[i][0] != 'I' &&
        (i + 2 == n || tags[i + 2][0] != 'I')) {
      tags[i] = "B-MISC";
      tags[i + 1] = "I-MISC";
    }
  }
}

}  // namespace

void ApplySpanRules(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                    const NerNames* names, std::vector<std::string>& tags, bool sports_lines, bool team_report) {
  std::vector<std::string> norm;
  if (names != nullptr && !names->empty()) {
    norm.reserve(forms.size());
    for (std::string_view f : forms) norm.push_back(kb::Gazetteer::Normalize(f));
  }
  MendFunctionWordTails(forms, tags);
  TrimSpanEdges(forms, tags);
  JoinNamesOverPeoples(forms, tags);
  JoinPossessiveCompanyNames(forms, tags);
  JoinPossessivePartyNames(forms, tags);
  // Headlines and results tables write names in capitals; running text does not.
  size_t lower_words = 0;
  for (std::string_view f : forms) lower_words += !f.empty() && f[0] >= 'a' && f[0] <= 'z';
  const bool mostly_caps = lower_words * 2 < forms.size();
  for (size_t b = 0; b < tags.size(); ++b) {
    if (tags[b].size() < 3 || tags[b][0] != 'B' || !IsLearned(std::string_view(tags[b]).substr(2))) continue;
    const std::string type = tags[b].substr(2);
    size_t e = b + 1;
    while (e < tags.size() && tags[e] == "I-" + type) ++e;
    int known = -1;
    // A known name typed otherwise ("the Xinhua news agency": the list's longer name does
    // not hide the span's own).
    int longer_type = -1;
    const int longer = norm.empty() ? 0 : names->Match(norm, b, longer_type);
    if (!norm.empty() && names->Match(norm, b, known, e - b) == static_cast<int>(e - b)) {
      if (kTypes[known] != type) Relabel(tags, b, e, kTypes[known]);
    } else if (longer > static_cast<int>(e - b) && ContinuesName(forms, tags, e, b + longer)) {
      // The model stopped inside a known name ("four Revolutionary Guards divisions"): the name.
      Relabel(tags, b, b + longer, kTypes[longer_type]);
      e = b + longer;
    } else if (e - b > 1 && IsCompanySuffix(forms[e - 1])) {
      if (type != "ORG") Relabel(tags, b, e, "ORG");
    } else if (e < tags.size() && tags[e] == "O" && IsCompanySuffix(forms[e])) {
      Relabel(tags, b, e + 1, "ORG");
      ++e;
    } else if (e < tags.size() && Capitalized(forms[e]) && forms[e - 1] == "Commissioner") {
      // "Agriculture Commissioner Franz Fischler": an office; "FDA Commissioner Frank Young",
      // "EC Energy Commissioner ...": the body (an acronym, or a name the gazetteer knows), then it.
      size_t body = IsAcronym(forms[b]) ? b + 1 : b;
      for (size_t k = e - 1; k > b + 1 && body == b; --k) body = InGazetteer(gazetteer, forms, b, k) ? k : b;
      for (size_t i = body; i < e; ++i) tags[i] = "O";
      if (body > b) Relabel(tags, b, body, "ORG");
    } else if (e < tags.size() && Capitalized(forms[e]) && IsTitleWord(base::AsciiLower(forms[e - 1]))) {
      for (size_t i = b; i < e; ++i) tags[i] = "O";
    } else if (type == "PERSON" && IsPortfolioTitle(forms[e - 1])) {
      for (size_t i = b; i < e; ++i) tags[i] = "O";  // "Treasury Secretary under Nixon": an office, no one's name
    } else if (e - b <= 2 && e + 1 < tags.size() && tags[e] == "O" && IsPortfolioTitle(forms[e]) &&
               Capitalized(forms[e + 1]) && type != "NORP" && !InGazetteer(gazetteer, forms, b, e)) {
      for (size_t i = b; i < e; ++i) tags[i] = "O";  // "Foreign Minister Sergei Lavrov": a portfolio
    } else if (b == 0 && e - b > 1 && IsSportsDescriptor(forms[b])) {
      tags[b] = "O";  // "Champions Ajax Amsterdam lost": the club, not its standing
      tags[b + 1] = "B-" + type;
    } else if (type == "PERSON" && b > 0 && IsStormWord(forms[b - 1])) {
      Relabel(tags, b, e, "EVENT");  // "Typhoon Sally", "Hurricane Fran": a storm, no one
    } else if (type == "PERSON" && e < tags.size() &&
               (forms[e] == "airport" || forms[e] == "stadium" || forms[e] == "airbase" || forms[e] == "airfield")) {
      Relabel(tags, b, e, "FAC");  // "Kai Tak airport", "the Gaddafi stadium": a place named after someone
    } else if (e - b > 1 && forms[e - 1] == "Newsroom") {
      tags[e - 1] = "O";  // "-- Tokyo Newsroom +81-3 ...": the place is the name
      Relabel(tags, b, e - 1, type == "ORG" ? "GPE" : type);
    } else if (type == "PERSON" && std::all_of(forms.begin() + b, forms.begin() + e, [&](std::string_view w) {
                 return IsDemonym(gazetteer, w);
               })) {
      Relabel(tags, b, e, "NORP");  // "Bosnian Serb leader ...": peoples, no one's name
    } else if (type == "PERSON" && (forms[b] == "Democrat" || forms[b] == "Republican")) {
      // "the panel 's ranking Democrat", "Democrat Lawton Chiles": a party member, then the name.
      tags[b] = "B-NORP";
      if (e - b > 1) Relabel(tags, b + 1, e, "PERSON");
    } else if (e - b > 1 && IsDollarWord(forms[e - 1])) {
      tags[e - 1] = "O";  // "the U.S. Dollar", "100 Mln U.S. Dlrs" in a title-case headline: the country is the name
      Relabel(tags, b, e - 1, IsNationName(gazetteer, forms, b, e - 1) ? "GPE" : type);
    } else if (b == 0 && e - b > 1 && (forms[b] == "A" || forms[b] == "An")) {
      tags[b] = "O";  // "A Defence Ministry official": the article opens the sentence, not the name
      Relabel(tags, b + 1, e, type);
    } else if (type == "ORG" && e - b >= 3 && forms[e - 1] == "Ministry" && IsDemonym(gazetteer, forms[b])) {
      tags[b] = "B-NORP";  // "the Chinese Foreign Ministry": the nationality, then the ministry
      Relabel(tags, b + 1, e, "ORG");
    } else if (e - b == 1 && (IsCalendarWord(forms[b]) || IsCompanySuffix(forms[b]) || IsResultsLabel(forms[b]))) {
      tags[b] = "O";  // a suffix alone ("and Co") is taken in by TagOrganizationRuns
    } else if (e - b > 1 && (IsOrgHead(forms[e - 1]) || IsForceHead(forms[e - 1]) || IsBroadcastWord(forms[e - 1])) &&
               type != "ORG" && type != "EVENT" && type != "MISC") {
      Relabel(tags, b, e, "ORG");  // "Chicago Mercantile Exchange" is no city, "Israel Radio" no country
    } else if (e - b > 1 && (forms[e - 1] == "Republican" || forms[e - 1] == "Democrat") && type != "ORG" &&
               gazetteer != nullptr && IsPlace(*gazetteer, Joined(forms, b, e - 1))) {
      // "The Pennsylvania Republican said": the state, then the party member.
      Relabel(tags, b, e - 1, "GPE");
      tags[e - 1] = "B-NORP";
    } else if (e - b > 1 && (type == "PERSON" || type == "GPE" || type == "LOC") && IsBusinessWord(forms[e - 1]) &&
               std::find(forms.begin() + b, forms.begin() + e, "of") == forms.begin() + e) {
      // "Lacana Mining rose", "Phoenix Financial": a line of business names a company. (A person
      // run across "of" into an employer, "Charles Jensen of MKI Securities", is split later.)
      Relabel(tags, b, e, "ORG");
    } else if (e - b == 1 && (type == "PERSON" || type == "GPE" || type == "LOC") && IsModelNumber(forms[b])) {
      tags[b] = "B-MISC";  // "the A340", "an F-16": a product's model, no place or person
    } else if (type != "ORG" && type != "PERSON" && IsTitleWord(base::AsciiLower(forms[e - 1])) &&
               forms[e - 1] != "General" && (e == tags.size() || !Capitalized(forms[e])) &&
               (gazetteer == nullptr || gazetteer->Lookup(Joined(forms, b, e)).empty())) {  // "Port-au-Prince"
      // "Uruguay 's Foreign Minister and ...": an office, no place; "U.K. Chancellor": the
      // country, then the office.
      for (size_t i = b; i < e; ++i) tags[i] = "O";
      if (IsNationName(gazetteer, forms, b, b + 1)) tags[b] = "B-GPE";
      if (IsDemonym(gazetteer, forms[b])) tags[b] = "B-NORP";
    } else if (e - b > 1 && (type == "MISC" || (type == "EVENT" && forms[e - 1] != "Party")) &&
               (IsInstitutionHead(forms[e - 1]) || HasBankOf(forms, b, e))) {
      // "Chemical Bank", "Commonwealth Bank of Australia", "Vietnam News Agency": no other name, nor
      // an event (but for a party: "the Boston Tea Party").
      Relabel(tags, b, e, "ORG");
    } else if ((type == "GPE" || type == "LOC") && e - b > 1 && forms[e - 1] == "Bank" &&
               !InGazetteer(gazetteer, forms, b, e) && !(e - b == 2 && IsCompassWord(forms[b]))) {
      Relabel(tags, b, e, "ORG");  // "Sanwa Bank" is no place; "West Bank", "East Bank" are
    } else if (e - b == 1 && (type == "PERSON" || type == "GPE" || type == "LOC") &&
               (IsInstitutionHead(forms[b]) || forms[b] == "Fed" || forms[b] == "Treasury")) {
      Relabel(tags, b, e, "ORG");  // "a spokesman for the Bank", "the Fed said": an organization
    } else if (type == "ORG" && e - b > 1 && e < tags.size() && tags[e] == "B-PERSON" && IsCompoundOffice(forms[e - 1])) {
      tags[e - 1] = "O";  // "U.N. Secretary-General Boutros Boutros-Ghali": the body, then the office
    } else if (e - b == 1 && type == "PERSON" && IsAcronym(forms[b]) && !mostly_caps &&
               !InGazetteer(gazetteer, forms, b, e)) {
      Relabel(tags, b, e, "ORG");  // "MITI said": in running text, a person is not written in capitals
    }
    b = e - 1;
  }
  if (norm.empty() && gazetteer != nullptr) {
    for (std::string_view f : forms) norm.push_back(kb::Gazetteer::Normalize(f));
  }
  TagOrganizationRuns(forms, tags);
  if (names != nullptr && !names->empty()) TagKnownNames(forms, norm, *names, tags);
  if (gazetteer != nullptr) {
    SplitPersonsAtOf(forms, *gazetteer, tags);
    TagRegions(forms, norm, *gazetteer, tags);
    TagUntaggedCountries(forms, *gazetteer, tags);
    TagCountriesBeforeOffices(forms, *gazetteer, tags);
    TagGazetteerOrganizations(forms, norm, *gazetteer, tags);
    TagStatesAfterTowns(forms, norm, *gazetteer, tags);
    TagLeadersBeforeAdministrations(forms, *gazetteer, tags);
    FixPlaceSpans(forms, norm, *gazetteer, tags);
    TagHeadOfPlaceNames(forms, tags);
    const bool dateline = TagDateline(forms, *gazetteer, tags);
    if (sports_lines) TagSportsLine(forms, *gazetteer, tags);
    if (sports_lines) TagClubsInSportsProse(forms, norm, *gazetteer, team_report && !dateline, tags);
    if (sports_lines && team_report && !dateline) TagScheduleLine(forms, *gazetteer, tags);
    if (sports_lines) TagScorecardLine(forms, tags);
    if (sports_lines) TagScorerLists(forms, *gazetteer, tags);
  }
  TagTournaments(forms, tags);
  TagBroadcasters(forms, tags);
  TagRomanceInstitutions(forms, tags);
  ExtendPersonsOverParticles(forms, tags);
  TagNamesBeforeAcronyms(forms, gazetteer, tags);
  TagCompaniesAfterKindNouns(forms, gazetteer, tags);
  JoinSpansAcrossHyphens(forms, tags);
  SplitCompaniesJoinedByAnd(forms, tags);
  JoinPluralPossessiveNames(forms, tags);
  UntagCreditRatings(forms, tags);
  UntagSportSlug(forms, gazetteer, tags);
  MendShortNames(forms, tags);
  TagCounties(forms, tags);
}

void SplitPersonsFromOffices(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                             const kb::Gazetteer* gazetteer, std::vector<std::string>& tags) {
  auto capitalized = [&](size_t i) { return !forms[i].empty() && forms[i][0] >= 'A' && forms[i][0] <= 'Z'; };
  auto place = [&](size_t begin, size_t end) {
    if (gazetteer == nullptr) return false;
    std::string text;
    for (size_t i = begin; i < end; ++i) text += (i > begin ? " " : "") + std::string(forms[i]);
    for (const kb::GazetteerEntry* e : gazetteer->Lookup(text)) {
      if (e->type == kb::EntryType::kCountry || e->type == kb::EntryType::kAdmin1 || e->type == kb::EntryType::kCity) {
        return true;
      }
    }
    return false;
  };
  for (size_t b = 0; b < tags.size(); ++b) {
    if (tags[b].size() < 3 || tags[b][0] != 'B') continue;
    size_t e = b + 1;
    while (e < tags.size() && tags[e][0] == 'I') ++e;
    if (tags[b] == "B-PERSON") {
      b = e - 1;
      continue;
    }
    // Offices written out: not abbreviations ("St. Louis" is no saint's name).
    auto office_title = [&](size_t i) {
      const std::string lower = base::AsciiLower(forms[i]);
      return capitalized(i) && lower.size() >= 4 && lower.back() != '.' &&
             (IsTitleWord(lower) || lower == "representative");
    };
    for (size_t t = b; t + 2 < e; ++t) {
      if (!office_title(t) || !first_name[t + 1] || !capitalized(t + 2)) continue;
      size_t end = t + 2;
      while (end < e && capitalized(end)) ++end;
      // The span goes on past the name, or the name is a body's or a building's: leave it.
      if (end != e || e - (t + 1) > 3 || IsInstitutionHead(forms[e - 1]) || IsCompanySuffix(forms[e - 1]) ||
          tags[b] == "B-FAC") {
        break;
      }
      for (size_t i = t + 1; i < e; ++i) tags[i] = i == t + 1 ? "B-PERSON" : "I-PERSON";
      size_t place_end = b;
      for (size_t k = std::min(t, b + 4); k > b; --k) {  // places of up to four words: bounded work
        if (place(b, k)) {
          place_end = k;
          break;
        }
      }
      for (size_t i = b; i <= t; ++i) tags[i] = i >= place_end ? "O" : (i == b ? "B-GPE" : "I-GPE");
      break;
    }
    b = e - 1;
  }
}

void TagClubsNamedWithTowns(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                            const kb::Gazetteer& gaz, std::vector<std::string>& tags) {
  for (size_t b = 0; b < tags.size(); ++b) {
    if (tags[b][0] != 'B') continue;
    size_t e = b + 1;
    while (e < tags.size() && tags[e][0] == 'I') ++e;
    const std::string_view type = std::string_view(tags[b]).substr(2);
    if (e - b >= 2 && e - b <= 3 && type != "ORG" && !first_name[b] && Capitalized(forms[b])) {
      for (size_t k = b + 1; k < e; ++k) {
        if (!Capitalized(forms[k]) || !IsClubTown(gaz, Joined(forms, k, e))) continue;
        Relabel(tags, b, e, "ORG");
        break;
      }
    }
    b = e - 1;
  }
}

void TagPersonsAfterTitles(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                           std::vector<std::string>& tags) {
  auto title = [](std::string_view form) {
    std::string lower = base::AsciiLower(form);
    if (lower == form && (lower == "major" || lower == "general" || lower == "chief")) return false;
    if (lower.size() > 3 && lower.back() == 's') lower.pop_back();  // "Senators Phil Gramm and ..."
    return IsTitleWord(lower) || lower == "representative" || lower == "speaker" || lower == "commissioner" ||
           lower == "negotiator";
  };
  auto name_word = [&](size_t i) {
    return Capitalized(forms[i]) && forms[i].size() > 1 && forms[i][1] >= 'a' && forms[i][1] <= 'z' && tags[i] == "O" &&
           !IsInstitutionHead(forms[i]) && !IsCompanySuffix(forms[i]);
  };
  const size_t n = forms.size();
  for (size_t t = 0; t + 2 < n; ++t) {
    if (tags[t] != "O" || !first_name[t + 1] || !name_word(t + 1) || !title(forms[t])) continue;
    size_t end = t + 1;
    while (end < n && end - t <= 4 && name_word(end)) ++end;
    if (end - t < 3 || end - t > 5 || (end < n && Capitalized(forms[end]))) continue;
    Relabel(tags, t + 1, end, "PERSON");
    t = end - 1;
  }
  // The model found the surname but not the first name it does not know ("Prime Minister
  // Yasuhiro" + "Nakasone"): one untagged capitalized word between a title and a one-word
  // person is the person's too.
  for (size_t t = 0; t + 2 < n; ++t) {
    if (tags[t] != "O" || !title(forms[t]) || !name_word(t + 1) || title(forms[t + 1])) continue;
    if (forms[t + 1] == "Elect" || forms[t + 1] == "Designate" || forms[t + 1] == "Emeritus") continue;
    if (tags[t + 2] != "B-PERSON" || (t + 3 < n && tags[t + 3] == "I-PERSON")) continue;
    Relabel(tags, t + 1, t + 3, "PERSON");
  }
}

// Demonyms that are nouns for one person, never adjectives: a name after one is that person.
bool IsPersonDemonym(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "Swede",    "Briton",     "Dane",      "Spaniard", "Frenchman", "Frenchwoman", "Dutchman",
      "Dutchwoman", "Scot",     "Pole",      "Turk",     "Finn",      "Welshman",    "Irishman",
      "Englishman", "Englishwoman", "Scotsman", "Icelander", "Kiwi", "Aussie"};
  return kNouns.count(w) > 0;
}

void TagCitiesOpeningASentence(const std::vector<std::string_view>& forms, const std::vector<bool>& name_or_word,
                               const kb::Gazetteer& gaz, bool team_report, std::vector<std::string>& tags) {
  constexpr int64_t kMillion = 1000000;
  if (team_report || forms.size() < 2 || tags[0] != "O" || name_or_word[0] || !Capitalized(forms[0]) ||
      IsAcronym(forms[0]) || forms[1].empty() || !(forms[1][0] >= 'a' && forms[1][0] <= 'z')) {
    return;
  }
  for (const kb::GazetteerEntry* e : gaz.Lookup(forms[0])) {
    if (e->type == kb::EntryType::kCity && (e->detail == "PPLC" || e->population >= kMillion)) {
      tags[0] = "B-GPE";
      return;
    }
  }
}

void TagFirstNamePairsTypedOrg(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                               const std::function<bool(size_t, size_t)>& known, std::vector<std::string>& tags) {
  for (size_t b = 0; b + 2 < forms.size(); ++b) {
    if (tags[b] != "B-ORG" || tags[b + 1] != "I-ORG" || forms[b + 2] != ",") continue;
    if (!first_name[b] || !Capitalized(forms[b + 1]) || IsAcronym(forms[b + 1]) || IsOrgHead(forms[b + 1]) ||
        IsCompanySuffix(forms[b + 1]) || known(b, b + 2)) {
      continue;
    }
    // The apposition names a person's title or role within its first words ("Russia's foreign
    // ministry spokeswoman"); "Mac Plus, a personal computer" names none.
    bool role = false;
    for (size_t k = b + 3; k < forms.size() && k < b + 10 && forms[k] != "," && !role; ++k) {
      role = IsTitleWord(base::AsciiLower(forms[k]));
    }
    if (!role) continue;
    tags[b] = "B-PERSON";
    tags[b + 1] = "I-PERSON";
  }
}

void TagPersonsAfterNationalities(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                                  const std::vector<bool>& often_lower, const kb::Gazetteer& gaz,
                                  std::vector<std::string>& tags) {
  auto name_word = [&](size_t i) {
    return Capitalized(forms[i]) && forms[i].size() > 1 && forms[i][1] >= 'a' && forms[i][1] <= 'z' &&
           !IsInstitutionHead(forms[i]) && !IsCompanySuffix(forms[i]) && !IsBusinessWord(forms[i]) &&
           !IsTitleWord(base::AsciiLower(forms[i]));
  };
  const size_t n = forms.size();
  for (size_t t = 0; t + 2 < n; ++t) {
    // Cheap tests first: the gazetteer lookup only for a capitalized word before a name-like one.
    if (tags[t][0] == 'I' || !Capitalized(forms[t]) || !Capitalized(forms[t + 1]) || !name_word(t + 1) ||
        !IsDemonym(&gaz, forms[t])) {
      continue;
    }
    size_t end = t + 1;
    while (end < n && end - t <= 5 && (name_word(end) || (IsNameParticle(forms[end]) && end + 1 < n && name_word(end + 1)))) {
      ++end;
    }
    if (end - t < 3 || end - t > 5 || (end < n && Capitalized(forms[end]))) continue;
    // The run: untagged, or one span of the model (with the demonym or after it).
    // Or untagged words and then a person ("Russian Yevgeny" + "Kafelnikov": the first name is unlisted).
    const std::string& first = tags[t + 1];
    const bool with_demonym = tags[t][0] == 'B' && first[0] == 'I' && UntaggedOrOneSpan(tags, t, end);
    size_t person_from = t + 1;
    while (person_from < end && tags[person_from] == "O") ++person_from;
    const bool ends_in_person = person_from > t + 1 && person_from < end && tags[person_from] == "B-PERSON" &&
                                UntaggedOrOneSpan(tags, person_from, end);
    if (!with_demonym && !ends_in_person && !UntaggedOrOneSpan(tags, t + 1, end)) continue;
    const bool untagged = first == "O" && !ends_in_person;
    const std::string_view type = ends_in_person ? "PERSON"
                                  : untagged     ? ""
                                                 : std::string_view(with_demonym ? tags[t] : first).substr(2);
    // An ORG needs the listed first name below: "Spaniard Abraham Olano" was one, "British Airways" is one.
    if (!untagged && type != "PERSON" && type != "GPE" && type != "LOC" && type != "NORP" && type != "MISC" &&
        type != "ORG") {
      continue;
    }
    // A first name opens it, unless the model already read the words as a person's name or the
    // demonym is a noun for one person ("Swede Jesper Parnevik", "Briton Colin Jackson").
    const bool person_noun = IsPersonDemonym(forms[t]);
    if (type != "PERSON" && !person_noun && (!first_name[t + 1] || often_lower[t + 1])) continue;
    if (!gaz.Lookup(Joined(forms, t + 1, end)).empty()) continue;  // "British West Indies"
    // A surname is no common word ("British Ford Escort", "Shell Exploration"), unless the
    // demonym names one person ("American Davis Love" is written so, "Swede" never is).
    bool common = false;
    for (size_t i = t + 2; i < end; ++i) common = common || often_lower[i];
    if (common && !person_noun) continue;
    tags[t] = "B-NORP";
    Relabel(tags, t + 1, end, "PERSON");
    t = end - 1;
  }
}

}  // namespace newsgraph::models::ner_internal
