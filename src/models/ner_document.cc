#include "models/ner_document.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "models/ner_features.h"

namespace newsgraph::models::ner_internal {
namespace {

constexpr size_t kMaxPropagatedTokens = 6;

struct TagSpan {
  size_t sentence, begin, end;
  std::string type;
};

bool IsLearnedType(std::string_view type) {
  for (const char* t : {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"}) {
    if (type == t) return true;
  }
  return false;
}

bool Capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

std::vector<TagSpan> Spans(const std::vector<std::vector<std::string>>& tags) {
  std::vector<TagSpan> out;
  for (size_t s = 0; s < tags.size(); ++s) {
    const std::vector<std::string>& t = tags[s];
    for (size_t i = 0; i < t.size();) {
      if (t[i].size() < 3 || t[i][0] != 'B') {
        ++i;
        continue;
      }
      std::string_view type = std::string_view(t[i]).substr(2);
      size_t j = i + 1;
      while (j < t.size() && t[j].size() > 2 && t[j][0] == 'I' && std::string_view(t[j]).substr(2) == type) ++j;
      if (IsLearnedType(type)) out.push_back({s, i, j, std::string(type)});
      i = j;
    }
  }
  return out;
}

// A name's key: its words, case-folded, so a headline's "WALES" and the body's
// "Wales" are one name.
std::string Text(const std::vector<std::string_view>& forms, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.push_back(' ');
    out += base::AsciiLower(forms[i]);
  }
  return out;
}

// Last words of public bodies, schools and clubs named after their town ("Alexandria Police
// Department", "Bowdon High School"): the town in them is still a place.
bool IsPublicBodyWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "Police", "Department", "Dept.", "Council", "School", "Schools", "Board", "Commission",
      "Committee", "University", "College", "Hospital", "Church", "Court", "Library", "Authority", "District",
      "Sheriff", "Office", "Center", "Centre", "Museum", "Club", "Chamber", "Commerce", "Academy",
      "Institute", "Services", "Agency", "Government", "Assembly", "Senate", "Legislature", "Administration",
      "Station", "Airport", "Zoo", "Society", "Foundation", "Team", "Rescue", "Patrol", "Guard", "Jail", "Prison",
      "Township", "Village", "Borough", "Parish", "Clinic", "Symphony", "Orchestra", "Theatre", "Theater",
      "Commissioners", "Commissioner", "Party", "Democrats", "Republicans", "Coalition", "League"};
  return kWords.count(w) > 0;
}

// Capitalized titles that only come before persons' names ("General" and "Major" also open
// companies' names, "manager" follows them).
bool IsPersonalTitle(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "President", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Senator", "Sen.", "Rep.",
      "Representative", "Chancellor", "Premier", "Governor", "Gov.", "Minister", "Secretary", "King", "Queen",
      "Pope", "Prince", "Princess", "Sheikh", "Ayatollah", "Judge", "Justice", "Mayor", "Speaker"};
  return kWords.count(w) > 0;
}

// Last words of a government's name, which may open with its leader's ("Reagan Administration").
bool IsGovernmentWord(std::string_view w) {
  return w == "Administration" || w == "administration" || w == "Government" || w == "government" ||
         w == "Cabinet" || w == "cabinet";
}

// Last words of place names that name no company: "Licking County", "Neches River".
bool IsPlaceNameWord(std::string_view w) {
  // Not "Valley", "Bay" or "Lake": companies take those ("Bow Valley", "Hudson Bay").
  static const std::unordered_set<std::string_view> kWords = {"County", "River", "Township", "Parish", "Borough",
                                                              "Creek"};
  return kWords.count(w) > 0;
}

// Lower-case words that name what kind of place a place is ("the state of Alaska",
// "Alaska state", "Ohio county").
bool IsPlaceKindWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "state",    "states",  "city",    "cities", "province", "provinces", "county", "counties", "region",
      "regions",  "town",    "towns",   "village", "island",  "islands",   "port",   "capital",  "district",
      "districts", "area",   "areas",   "suburb", "suburbs"};
  return kWords.count(lower) > 0;
}

// The word after a name that makes it the subject of a company's doings or its owner:
// "Piedmont said", "Phoenix did not", "El Paso 's proposal".
bool IsCompanyActionWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "'s",   "said",   "says",    "has",       "had",       "is",       "was",    "will",  "would",
      "did",  "does",   "also",    "agreed",    "announced", "reported", "added",  "expects", "plans"};
  return kWords.count(lower) > 0;
}

// A company's short name as news gives it in brackets: one capitalized word of letters,
// at least three ("Kepco"), no company suffix.
bool IsShortName(std::string_view w) {
  if (w.size() < 3 || !Capitalized(w) || IsCompanySuffix(w)) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// "NATO", "GM": a word of two or more letters, all capitals.
bool IsCapitalsWord(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "E.F.", "J.P.", "W.": initials that stand for a founder's first names.
bool IsInitials(std::string_view w) {
  if (w.size() < 2 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (w[i] < 'A' || w[i] > 'Z' || w[i + 1] != '.') return false;
  }
  return true;
}

// Capitalized only because it opens the sentence: never taken for a name seen elsewhere.
bool CommonSentenceOpener(const std::string& lower) {
  static const std::unordered_set<std::string> kWords = {
      "the", "a", "an", "and", "but", "or", "if", "in", "on", "at", "as", "by", "for", "to", "of", "with", "from",
      "he", "she", "it", "we", "they", "you", "i", "this", "that", "these", "those", "there", "his", "her", "its",
      "our", "their", "who", "what", "when", "where", "why", "how", "us", "may", "will", "can", "no", "not"};
  return kWords.count(lower) > 0;
}

void Relabel(std::vector<std::string>& tags, size_t begin, size_t end, std::string_view type) {
  for (size_t i = begin; i < end; ++i) tags[i] = (i == begin ? "B-" : "I-") + std::string(type);
}

// The majority type of each name string.
std::unordered_map<std::string, std::string> MajorityTypes(const std::vector<std::vector<std::string_view>>& forms,
                                                           const std::vector<TagSpan>& spans) {
  std::unordered_map<std::string, std::map<std::string, int>> votes;
  for (const TagSpan& s : spans) ++votes[Text(forms[s.sentence], s.begin, s.end)][s.type];
  std::unordered_map<std::string, std::string> out;
  for (const auto& [text, v] : votes) {
    std::string best;
    int best_n = 0, ties = 0;
    for (const auto& [type, n] : v) {
      if (n > best_n) best = type, best_n = n, ties = 0;
      else if (n == best_n) ++ties;
    }
    if (ties == 0) out.emplace(text, best);
  }
  return out;
}

// The model reads an all-caps headline without the case that tells names apart, so
// where a run of its words spells a name of the document's other sentences, that
// name and its type win over the model's tags: the longest run ("BAYERN MUNICH" is the
// body's "Bayern Munich" however the model cut it); a word that is the surname of a
// person of the body ("SELES" for "Monica Seles") is that person. A span of the model
// that crosses the end of a match loses the words past it; a match inside a longer span
// of the model ("OXFORD" in "UNIVERSITY OF OXFORD") leaves that span whole. A line of
// fewer than three words is no headline: a dateline's "MUNICH" stays the place it is.
void FollowBodyInHeadlines(const std::vector<std::vector<std::string_view>>& forms,
                           std::vector<std::vector<std::string>>& tags) {
  std::vector<bool> headline(tags.size());
  bool any = false;
  for (size_t s = 0; s < tags.size(); ++s) {
    int words = 0;
    for (std::string_view f : forms[s]) words += Capitalized(f) && f.size() > 1 ? 1 : 0;
    headline[s] = words >= 3 && IsAllCapsSentence(forms[s]);
    any = any || headline[s];
  }
  if (!any) return;
  std::vector<TagSpan> body;
  for (const TagSpan& s : Spans(tags)) {
    if (!headline[s.sentence]) body.push_back(s);
  }
  const std::unordered_map<std::string, std::string> names = MajorityTypes(forms, body);
  std::unordered_set<std::string> surnames;
  for (const TagSpan& s : body) {
    const std::string last = base::AsciiLower(forms[s.sentence][s.end - 1]);
    if (s.type == "PERSON" && s.end - s.begin >= 2 && !CommonSentenceOpener(last)) surnames.insert(last);
  }
  for (size_t s = 0; s < tags.size(); ++s) {
    if (!headline[s]) continue;
    std::vector<std::string>& t = tags[s];
    for (size_t i = 0; i < t.size();) {
      size_t best_end = 0;
      std::string best_type;
      for (size_t j = i; Capitalized(forms[s][i]) && j < t.size() && j - i < kMaxPropagatedTokens; ++j) {
        auto it = names.find(Text(forms[s], i, j + 1));
        if (it != names.end()) best_end = j + 1, best_type = it->second;
      }
      if (best_end == 0 && Capitalized(forms[s][i]) && surnames.count(base::AsciiLower(forms[s][i])) > 0) {
        best_end = i + 1, best_type = "PERSON";
      }
      if (best_end == 0) {
        ++i;
        continue;
      }
      // Inside a longer span of the model ("UNIVERSITY OF OXFORD" for the body's "Oxford",
      // "JC PENNEY" for "Penney"), or the same span: the model's span is kept.
      size_t span_begin = i, span_end = i;
      if (t[i] != "O") {
        while (span_begin > 0 && t[span_begin][0] == 'I') --span_begin;
        span_end = i + 1;
        while (span_end < t.size() && t[span_end].size() > 2 && t[span_end][0] == 'I') ++span_end;
      }
      const bool contained = t[i] != "O" && span_end >= best_end && (span_begin < i || span_end > best_end);
      const bool same = t[i] != "O" && span_begin == i && span_end == best_end && t[i].substr(2) == best_type;
      if (contained || same) {
        i = best_end;
        continue;
      }
      Relabel(t, i, best_end, best_type);
      for (size_t k = best_end; k < t.size() && t[k].size() > 2 && t[k][0] == 'I'; ++k) t[k] = "O";
      i = best_end;
    }
  }
}

}  // namespace

void MakeDocumentConsistent(const std::vector<std::vector<std::string_view>>& forms,
                            std::vector<std::vector<std::string>>& tags,
                            const std::function<bool(std::string_view)>& known_place,
                            const std::function<bool(std::string_view)>& known_region,
                            const std::function<bool(std::string_view)>& known_capital) {
  std::vector<TagSpan> spans = Spans(tags);
  std::unordered_map<std::string, std::string> majority = MajorityTypes(forms, spans);
  // The place an institution is "of" ("State Bank of South Australia") is a place where the
  // document names it alone ("the state of South Australia"), when no span says otherwise.
  for (const TagSpan& s : spans) {
    if (s.type != "ORG" || !known_place) continue;
    const std::vector<std::string_view>& f = forms[s.sentence];
    for (size_t k = s.begin + 1; k + 1 < s.end; ++k) {
      if (f[k] != "of") continue;
      std::string place;
      for (size_t j = k + 1; j < s.end; ++j) place += (j > k + 1 ? " " : "") + std::string(f[j]);
      if (known_place(place)) majority.emplace(Text(f, k + 1, s.end), "GPE");
      break;
    }
  }
  std::unordered_set<std::string> surnames;
  for (const TagSpan& s : spans) {
    auto it = majority.find(Text(forms[s.sentence], s.begin, s.end));
    if (it != majority.end() && it->second != s.type) Relabel(tags[s.sentence], s.begin, s.end, it->second);
    const std::string& type = it != majority.end() ? it->second : s.type;
    const auto first = forms[s.sentence].begin() + s.begin, last = forms[s.sentence].begin() + s.end;
    // No surname is a word that opens sentences ("S and P. The agency" read as a person "P. The").
    const std::string surname = base::AsciiLower(forms[s.sentence][s.end - 1]);
    if (type == "PERSON" && s.end - s.begin >= 2 && Capitalized(forms[s.sentence][s.end - 1]) &&
        std::find(first, last, "of") == last && !CommonSentenceOpener(surname)) {
      surnames.insert(surname);  // a headline's "REED" too
    }
  }
  // A person's surname typed as a town is that person ("talks with Clinton" beside "Bill
  // Clinton"), unless a locative word comes before it ("in Clinton"); countries and states stay.
  for (const TagSpan& s : spans) {
    if (!known_region || s.end - s.begin != 1) continue;
    if (tags[s.sentence][s.begin] != "B-GPE" && tags[s.sentence][s.begin] != "B-LOC") continue;
    if (surnames.count(base::AsciiLower(forms[s.sentence][s.begin])) == 0) continue;
    if (known_region(forms[s.sentence][s.begin])) continue;
    const std::vector<std::string_view>& f = forms[s.sentence];
    const std::vector<std::string>& t = tags[s.sentence];
    const std::string before = s.begin > 0 ? base::AsciiLower(f[s.begin - 1]) : std::string();
    if (IsLocativePreposition(before) || before == "at") continue;
    // In a list of places ("in Luxembourg and Paris"), or before its state ("Lewiston , Mont.").
    const bool listed = s.begin >= 2 && (f[s.begin - 1] == "and" || f[s.begin - 1] == ",") &&
                        (t[s.begin - 2] == "I-GPE" || t[s.begin - 2] == "B-GPE" || t[s.begin - 2] == "I-LOC" ||
                         t[s.begin - 2] == "B-LOC");
    const bool before_state = s.end + 1 < f.size() && f[s.end] == "," && Capitalized(f[s.end + 1]);
    if (listed || before_state) continue;
    Relabel(tags[s.sentence], s.begin, s.end, "PERSON");
  }
  // A "person" or "other name" that begins an organization's name elsewhere in the document is
  // that organization ("Rospatch" beside "Rospatch Corp", "Dean Witter" beside "Dean Witter
  // Reynolds Inc", "Dixons" beside "Dixons Group"), unless it is one word and a known person's
  // surname. Nationalities stay ("American" beside "American Express Co").
  // Each prefix maps to whether some organization it begins is a business rather than a
  // public body named after its town ("Alexandria Police Department"), which leaves the town a place.
  // A company named after its founder's initials and surname ("E.F. Hutton Group Inc") is also
  // named by the surname alone: its name begins again after the initials (and after a first
  // founder and "and").
  std::unordered_map<std::string, bool> org_prefixes;
  for (const TagSpan& s : Spans(tags)) {
    if (s.type != "ORG") continue;
    const std::vector<std::string_view>& f = forms[s.sentence];
    // A government named after its leader or its place ("Reagan Administration") leaves the
    // leader a person.
    if (IsGovernmentWord(f[s.end - 1])) continue;
    const bool business = !IsPublicBodyWord(f[s.end - 1]);
    size_t after_initials = s.begin;
    while (after_initials + 1 < s.end && IsInitials(f[after_initials])) ++after_initials;
    const bool founder = after_initials > s.begin && IsCompanySuffix(f[s.end - 1]);
    // Prefixes of at most kMaxPropagatedTokens words: linear in the document even for a
    // pathological span of thousands of capitalized words.
    auto add_prefixes = [&](size_t begin) {
      for (size_t end = begin + 1; end < s.end && end - begin <= kMaxPropagatedTokens; ++end) {
        org_prefixes[Text(f, begin, end)] |= business;
      }
    };
    add_prefixes(s.begin);
    if (founder) add_prefixes(after_initials);
    // So is a firm of two founders by the second ("Pope and Talbot Inc" ... "Talbot said").
    if (s.end - s.begin >= 4 && (f[s.begin + 1] == "and" || f[s.begin + 1] == "&") && IsCompanySuffix(f[s.end - 1])) {
      add_prefixes(s.begin + 2);
    }
  }
  // A person's surname typed as an organization is that person ("a spokesman for Guterres"
  // beside "Antonio Guterres"), unless an organization's name begins with it ("Ford" beside
  // "Ford Motor Co"), it is written in capitals in running text (an acronym) or it follows "the".
  for (const TagSpan& s : Spans(tags)) {
    if (s.type != "ORG" || s.end - s.begin != 1) continue;
    const std::string text = Text(forms[s.sentence], s.begin, s.end);
    if (surnames.count(text) == 0 || org_prefixes.count(text) > 0) continue;
    const std::string_view word = forms[s.sentence][s.begin];
    if (word.size() < 3 || (IsCapitalsWord(word) && !IsAllCapsSentence(forms[s.sentence]))) continue;
    // "the Tower commission": a body or a report named after the person.
    if (s.begin > 0 && base::AsciiLower(forms[s.sentence][s.begin - 1]) == "the") continue;
    Relabel(tags[s.sentence], s.begin, s.end, "PERSON");
    majority[text] = "PERSON";
  }
  // Places some mention of which reads as a place: after a locative word ("in Alaska"),
  // beside another place ("Cleveland , Ohio", "Rockford , Iowa", "British Columbia and
  // Alberta"), with a place's office or kind ("New York Governor", "the state of Alaska"),
  // or "-based"; and places some mention of which acts as a company ("Piedmont said",
  // "El Paso 's proposal").
  std::unordered_set<std::string> read_as_place, acts_as_company;
  for (const TagSpan& s : Spans(tags)) {
    if (s.type != "GPE" && s.type != "LOC") continue;
    const std::vector<std::string_view>& f = forms[s.sentence];
    const std::vector<std::string>& t = tags[s.sentence];
    const std::string before = s.begin > 0 ? base::AsciiLower(f[s.begin - 1]) : std::string();
    const std::string after = s.end < f.size() ? base::AsciiLower(f[s.end]) : std::string();
    auto is_place_tag = [&](size_t i) { return i < t.size() && (t[i].ends_with("-GPE") || t[i].ends_with("-LOC")); };
    const bool locative = IsLocativePreposition(before) || before == "at" || before == "from" || before == "to" ||
                          before == "into" || before == "throughout" ||
                          (before == "of" && s.begin >= 2 && IsPlaceKindWord(base::AsciiLower(f[s.begin - 2])));
    const bool beside_place = ((after == "," || after == "and") && is_place_tag(s.end + 1)) ||
                              ((before == "," || before == "and") && s.begin >= 2 && is_place_tag(s.begin - 2)) ||
                              (after == "," && s.end + 1 < f.size() && Capitalized(f[s.end + 1]));
    const bool qualified = IsPlaceKindWord(after) || IsTitleWord(after) ||
                           (after == "-" && s.end + 1 < f.size() && base::AsciiLower(f[s.end + 1]) == "based");
    const std::string text = Text(f, s.begin, s.end);
    if (locative || beside_place || qualified) read_as_place.insert(text);
    if (IsCompanyActionWord(after)) acts_as_company.insert(text);
  }
  for (const TagSpan& s : Spans(tags)) {
    const bool place = s.type == "GPE" || s.type == "LOC";
    if (s.type != "PERSON" && s.type != "MISC" && (!place || !known_place)) continue;
    const std::string text = Text(forms[s.sentence], s.begin, s.end);
    // "Diamond" + "Shamrock Offshore" (a person) beside "Diamond Shamrock Offshore Partners",
    // "Shell" + "Canada" (a place) beside "Shell Canada Ltd": the untagged capitalized word
    // before the span opens the organization's name with it.
    if ((s.type == "PERSON" || place) && s.begin > 0 && tags[s.sentence][s.begin - 1] == "O" &&
        Capitalized(forms[s.sentence][s.begin - 1]) &&
        !CommonSentenceOpener(base::AsciiLower(forms[s.sentence][s.begin - 1])) &&
        org_prefixes.count(Text(forms[s.sentence], s.begin - 1, s.end)) > 0) {
      Relabel(tags[s.sentence], s.begin - 1, s.end, "ORG");
      majority[Text(forms[s.sentence], s.begin - 1, s.end)] = "ORG";
      continue;
    }
    auto prefix = org_prefixes.find(text);
    if (prefix == org_prefixes.end()) continue;
    if (place && (!prefix->second || IsPlaceNameWord(forms[s.sentence][s.end - 1]))) continue;
    if (s.type == "PERSON" && s.end - s.begin == 1 && surnames.count(base::AsciiLower(text)) > 0) continue;
    // "President Reagan": a title before the word makes it a person.
    if (s.type == "PERSON" && s.begin > 0 && IsPersonalTitle(forms[s.sentence][s.begin - 1])) continue;
    if (place) {
      std::string original;  // the span as written, for the gazetteer
      for (size_t i = s.begin; i < s.end; ++i) original += (i > s.begin ? " " : "") + std::string(forms[s.sentence][i]);
      // A known town is a company's short name ("Cleveland" beside "Cleveland Consulting
      // Associates Inc", "El Paso 's proposal") when a mention acts as the company and none
      // reads as the place; a country, first-level unit ("Texas said") or capital never is.
      const bool town_named_company = acts_as_company.count(text) > 0 && read_as_place.count(text) == 0 &&
                                      known_capital && known_region && !known_region(original) &&
                                      !known_capital(original);
      if (known_place(original) && !town_named_company) continue;
    }
    Relabel(tags[s.sentence], s.begin, s.end, "ORG");
    majority[text] = "ORG";
  }
  // A company named by one word and its legal suffix ("Cyclops Corp") is also named by the
  // word alone ("sold 110,000 Cyclops common shares"), which the model may leave untagged.
  for (const TagSpan& s : Spans(tags)) {
    const std::vector<std::string_view>& f = forms[s.sentence];
    if (s.type != "ORG" || s.end - s.begin != 2 || !IsCompanySuffix(f[s.begin + 1])) continue;
    const std::string_view word = f[s.begin];
    if (word.size() < 2 || !Capitalized(word) || IsTitleWord(base::AsciiLower(word)) || IsCompanySuffix(word)) continue;
    if (known_place && known_place(word)) continue;
    majority.emplace(Text(f, s.begin, s.begin + 1), "ORG");
  }
  // An acronym of an organization named in the document is that organization
  // ("International Coffee Organization ... ICO delegates").
  // So is the short name it is given in brackets, in any case ("Korea Electric Power Corp
  // ( Kepco )" ... "KEPCO has also ...").
  std::unordered_set<std::string> acronyms;
  for (const TagSpan& s : Spans(tags)) {
    if (s.type != "ORG" || s.end - s.begin < 2) continue;
    const std::vector<std::string_view>& f = forms[s.sentence];
    std::string initials = Initials(f, s.begin, s.end);
    if (initials.size() >= 2) acronyms.insert(initials);
    // It starts as the name does; a place or line of business that qualifies the name
    // ("Nikko Securities Co ( Europe )", "Nippon Steel ( Nagoya )", "Cheung Kong ( Holdings )
    // Ltd") is none.
    if (s.end + 2 < f.size() && f[s.end] == "(" && f[s.end + 2] == ")" && IsShortName(f[s.end + 1]) &&
        f[s.end + 1][0] == f[s.begin][0] && tags[s.sentence][s.end + 1] != "I-ORG" &&
        !(known_place && known_place(f[s.end + 1])) && (s.end + 3 == f.size() || !IsCompanySuffix(f[s.end + 3]))) {
      acronyms.insert(std::string(f[s.end + 1]));
      acronyms.insert(base::AsciiUpper(f[s.end + 1]));
    }
  }
  for (size_t s = 0; s < tags.size() && !acronyms.empty(); ++s) {
    for (size_t i = 0; i < tags[s].size(); ++i) {
      std::string form(forms[s][i]);
      if (acronyms.count(form) == 0 || tags[s][i] == "B-ORG") continue;
      if (tags[s][i] != "O" && (tags[s][i][0] != 'B' || (i + 1 < tags[s].size() && tags[s][i + 1][0] == 'I'))) continue;
      if (tags[s][i] != "O" && !IsLearnedType(std::string_view(tags[s][i]).substr(2))) continue;
      tags[s][i] = "B-ORG";
      majority[Text(forms[s], i, i + 1)] = "ORG";
    }
  }
  for (size_t s = 0; s < tags.size() && !majority.empty(); ++s) {
    std::vector<std::string>& t = tags[s];
    const bool all_caps = IsAllCapsSentence(forms[s]);
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != "O" || !Capitalized(forms[s][i])) continue;
      // The second half of a hyphenated name ("Allied - Signal") is not the name alone.
      if (i >= 2 && (forms[s][i - 1] == "-" || forms[s][i - 1] == "/") && Capitalized(forms[s][i - 2])) continue;
      std::string text;
      size_t best_end = 0;
      std::string best_type;
      for (size_t j = i; j < t.size() && j - i < kMaxPropagatedTokens && t[j] == "O"; ++j) {
        text = Text(forms[s], i, j + 1);
        if (j == i && i == 0 && CommonSentenceOpener(text)) break;
        auto it = majority.find(text);
        if (it != majority.end()) best_end = j + 1, best_type = it->second;
      }
      if (best_end == 0 && surnames.count(base::AsciiLower(forms[s][i])) > 0) best_end = i + 1, best_type = "PERSON";
      if (best_end == 0) continue;
      // Only whole names: the run must not continue into another capitalized word
      // (in an all-caps headline every word is capitalized: "REED LEADS").
      if (best_end < t.size() && Capitalized(forms[s][best_end]) && t[best_end] == "O" && !all_caps) continue;
      Relabel(t, i, best_end, best_type);
      i = best_end - 1;
    }
  }
  FollowBodyInHeadlines(forms, tags);
}

}  // namespace newsgraph::models::ner_internal
