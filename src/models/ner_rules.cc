#include "models/ner_rules.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/strings.h"

namespace newsgraph::models::ner_internal {
namespace {

using Forms = std::vector<std::string_view>;

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "12", "1,000", "3.5", "2.4bn" is not: digits with inner , or . only.
bool IsNumeral(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  if (!std::isdigit(static_cast<unsigned char>(w.back()))) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.'; });
}

bool IsNumberWord(const std::string& w) {
  return In(w, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen",
                "dozens", "hundreds", "thousands", "millions"});
}

bool IsScale(const std::string& w) {
  return In(w, {"hundred", "thousand", "million", "billion", "trillion", "bn", "mn"});
}

// Length of a number expression at i ("3.5 million", "twenty-five", "1,200"); 0 if none.
size_t NumberRun(const Forms& f, size_t i) {
  if (i >= f.size() || f[i].empty()) return 0;
  // Most words can be turned down by their first letter: a numeral opens with a digit, and
  // every number word with one of these (the rules ask this several times per token).
  const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(f[i][0])));
  const bool may_open = std::isdigit(static_cast<unsigned char>(first)) ||
                        std::string_view("defhmnost").find(first) != std::string_view::npos;
  if (!may_open) return 0;
  std::string w = base::AsciiLower(f[i]);
  size_t dash = w.find('-');
  bool word = IsNumberWord(w) || (dash != std::string::npos && IsNumberWord(w.substr(0, dash)) &&
                                  IsNumberWord(w.substr(dash + 1)));
  if (!IsNumeral(f[i]) && !word) return 0;
  size_t n = 1;
  while (i + n < f.size() && n < 6 && IsScale(base::AsciiLower(f[i + n]))) ++n;
  return n;
}

bool IsMonth(const std::string& w) {
  return In(w, {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
                "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec"});
}

bool IsWeekday(const std::string& w) {
  return In(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
}

bool IsYear(std::string_view w) {
  if (w.size() == 5 && w.back() == 's') w.remove_suffix(1);  // "1990s"
  if (w.size() != 4 || !IsDigits(w)) return false;
  int y = std::stoi(std::string(w));
  return y >= 1000 && y <= 2099;
}

bool IsDay(std::string_view w) {
  std::string_view d = w;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (d.size() > 2 && d.ends_with(suffix)) d.remove_suffix(2);
  }
  return IsDigits(d) && d.size() <= 2 && std::stoi(std::string(d)) >= 1 && std::stoi(std::string(d)) <= 31;
}

bool Capitalized(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

size_t MatchMonthDate(const Forms& f, size_t i) {
  std::string w = base::AsciiLower(f[i]);
  if (!IsMonth(w) || !Capitalized(f[i])) return 0;
  size_t n = 1;
  if (i + n < f.size() && IsDay(f[i + n])) ++n;
  size_t with_comma = n + (i + n < f.size() && f[i + n] == "," ? 1 : 0);
  if (i + with_comma < f.size() && IsYear(f[i + with_comma])) n = with_comma + 1;
  bool day_before = i > 0 && IsDay(f[i - 1]);
  if (n == 1 && !day_before && (w == "may" || w == "march" || w.size() <= 4)) return 0;  // "May" the verb, "Jan" the name
  return n;
}

size_t MatchDate(const Forms& f, size_t i) {
  std::string w = base::AsciiLower(f[i]);
  if (In(w, {"today", "yesterday", "tomorrow"})) return 1;
  if (IsWeekday(w) && Capitalized(f[i])) {
    size_t n = 1;
    if (i + 2 < f.size() && f[i + 1] == ",") {
      size_t m = MatchMonthDate(f, i + 2);
      if (m > 0) n = 2 + m;
    }
    return n;
  }
  if (IsDay(f[i]) && i + 1 < f.size() && IsMonth(base::AsciiLower(f[i + 1])) && Capitalized(f[i + 1])) {
    size_t n = 2;
    if (i + 2 < f.size() && IsYear(f[i + 2])) ++n;
    return n;
  }
  if (size_t m = MatchMonthDate(f, i)) return m;
  if (IsYear(f[i]) && NumberRun(f, i) <= 1) return 1;
  return 0;
}

size_t MatchTime(const Forms& f, size_t i) {
  std::string w = base::AsciiLower(f[i]);
  if (In(w, {"noon", "midnight"})) return 1;
  bool clock = w.size() >= 4 && w.size() <= 5 && w[w.size() - 3] == ':' && IsDigits(w.substr(w.size() - 2));
  bool small = IsDigits(w) && w.size() <= 2;
  size_t n = 0;
  if (i + 1 < f.size() && (clock || small) && In(base::AsciiLower(f[i + 1]), {"am", "pm", "a.m.", "p.m."})) n = 2;
  else if (clock) n = 1;
  if (n > 0 && i + n < f.size() && In(f[i + n], {"GMT", "UTC", "EST", "EDT", "PST", "BST", "CET"})) ++n;
  return n;
}

size_t MatchMoney(const Forms& f, size_t i) {
  if (In(f[i], {"$", "US$", "£", "€", "¥", "C$", "A$", "HK$", "S$", "Rs", "Rs."})) {
    size_t n = NumberRun(f, i + 1);
    return n > 0 ? n + 1 : 0;
  }
  size_t n = NumberRun(f, i);
  if (n == 0 || i + n >= f.size()) return 0;
  std::string unit = base::AsciiLower(f[i + n]);
  if (In(unit, {"dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan", "renminbi", "rubles", "roubles",
                "won", "rupees", "cents", "francs", "pesos", "usd", "eur", "gbp"})) {
    return n + 1;
  }
  return 0;
}

size_t MatchPercent(const Forms& f, size_t i) {
  if (f[i].size() > 1 && f[i].back() == '%' && IsNumeral(f[i].substr(0, f[i].size() - 1))) return 1;
  size_t n = NumberRun(f, i);
  if (n == 0 || i + n >= f.size()) return 0;
  std::string next = base::AsciiLower(f[i + n]);
  if (next == "%" || next == "percent" || next == "pct") return n + 1;
  if (next == "per" && i + n + 1 < f.size() && base::AsciiLower(f[i + n + 1]) == "cent") return n + 2;
  return 0;
}

size_t MatchQuantity(const Forms& f, size_t i) {
  size_t n = NumberRun(f, i);
  if (n == 0 || i + n >= f.size()) return 0;
  std::string unit = base::AsciiLower(f[i + n]);
  if (In(unit, {"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
                "metre", "meter", "feet", "foot", "ft", "kg", "kilograms", "kilos", "tonnes", "tons", "tonne",
                "ton", "litres", "liters", "barrels", "degrees", "acres", "hectares", "mph", "km/h", "cm", "mm",
                "inches", "grams", "megawatts", "mw", "gigawatts", "kilotons", "knots"})) {
    return n + 1;
  }
  return 0;
}

void Label(std::vector<std::string>& tags, size_t i, size_t n, const char* type) {
  for (size_t k = 0; k < n; ++k) tags[i + k] = std::string(k == 0 ? "B-" : "I-") + type;
}

bool AllO(const std::vector<std::string>& tags, size_t i, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    if (i + k >= tags.size() || tags[i + k] != "O") return false;
  }
  return true;
}

}  // namespace

void ApplyNumericRules(const Forms& forms, std::vector<std::string>& tags) {
  using Matcher = size_t (*)(const Forms&, size_t);
  static constexpr std::array<std::pair<Matcher, const char*>, 5> kMatchers = {{
      {MatchMoney, "MONEY"}, {MatchPercent, "PERCENT"}, {MatchTime, "TIME"}, {MatchDate, "DATE"},
      {MatchQuantity, "QUANTITY"}}};
  for (size_t i = 0; i < forms.size();) {
    size_t used = 0;
    if (tags[i] == "O") {
      for (const auto& [match, type] : kMatchers) {
        size_t n = match(forms, i);
        if (n > 0 && AllO(tags, i, n)) {
          Label(tags, i, n, type);
          used = n;
          break;
        }
      }
      if (used == 0) {
        size_t n = NumberRun(forms, i);
        if (n > 0 && AllO(tags, i, n)) {
          Label(tags, i, n, "CARDINAL");
          used = n;
        }
      }
    }
    i += std::max<size_t>(used, 1);
  }
}

}  // namespace newsgraph::models::ner_internal
