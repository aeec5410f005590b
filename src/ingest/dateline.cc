// Wire datelines ("KYIV, March 2 (Reuters) -", "WASHINGTON (AP) —", "FLINT, Mich., Oct. 10 ―")
// at the start of a story. They say where the story was filed; left in the first sentence,
// the parse hangs them on its subject and "KYIV ... Russian forces" becomes a Ukrainian actor.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/cleanup.h"

namespace newsgraph::ingest {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNonAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }

// Words that open a story in capitals before a dash or colon and are no place.
constexpr std::string_view kNotPlaces[] = {
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "FACTBOX", "EXPLAINER",
    "CORRECTED", "CORRECTION", "REFILE", "NOTE", "EDITORIAL", "COMMENT", "REVIEW", "INTERVIEW", "PHOTOS", "VIDEO",
    "URGENT", "FLASH", "ALERT", "TIMELINE", "FACT CHECK", "SPONSORED", "ADVERTISEMENT", "EDITOR'S NOTE", "Q&A"};

constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept",
                                        "Oct", "Nov", "Dec", "January", "February", "March", "April", "June",
                                        "July", "August", "September", "October", "November", "December"};
constexpr std::string_view kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// Reads a dateline starting at `pos`; returns its end (after the dash or colon and the
// space after it) or npos.
class DatelineReader {
 public:
  DatelineReader(std::string_view text, size_t pos) : text_(text), pos_(pos) {}

  size_t Read(std::string* label) {
    const size_t start = pos_;
    int words = 0;
    bool caps = true;
    int upper = 0;
    while (words < 4) {
      size_t word = Word();
      if (word == 0) break;
      for (size_t i = pos_; i < pos_ + word; ++i) {
        caps = caps && !IsLower(text_[i]);
        upper += IsUpper(text_[i]) ? 1 : 0;
      }
      pos_ += word;
      ++words;
      if (!At(" ") || !StartsWord(pos_ + 1)) break;
      ++pos_;
    }
    if (words == 0) return std::string_view::npos;
    const std::string_view place = text_.substr(start, pos_ - start);
    for (std::string_view no : kNotPlaces) {
      if (place == no) return std::string_view::npos;
    }
    caps = caps && upper >= 3;
    bool region = false, date = false, agency = false;
    // ", Mich.", ", N.Y.", ", Afghanistan": at most three capitalized words.
    if (At(", ") && !MonthAt(pos_ + 2) && StartsWord(pos_ + 2)) {
      size_t save = pos_;
      pos_ += 2;
      int n = 0;
      while (n < 3 && StartsWord(pos_)) {
        pos_ += Word();
        ++n;
        if (!At(" ") || !StartsWord(pos_ + 1) || MonthAt(pos_ + 1)) break;
        ++pos_;
      }
      region = n > 0;
      if (!region) pos_ = save;
    }
    // ", March 2", " Aug. 23", ", Monday".
    for (std::string_view sep : {", ", " "}) {
      if (date || !At(sep)) continue;
      size_t save = pos_;
      pos_ += sep.size();
      date = ReadDate();
      if (!date) pos_ = save;
    }
    // " (Reuters)", " (AP)", " (dpa)": a short name, not a remark ("(who asked not to be named)").
    if (At(" (")) {
      size_t close = text_.find(')', pos_ + 2);
      if (close != std::string_view::npos && close > pos_ + 2 && close - pos_ <= 24) {
        std::string_view name = text_.substr(pos_ + 2, close - pos_ - 2);
        int spaces = 0;
        for (char c : name) spaces += c == ' ' ? 1 : 0;
        if ((IsUpper(name[0]) || name == "dpa") && spaces <= 1 && name.find('\n') == std::string_view::npos) {
          pos_ = close + 1;
          agency = true;
        }
      }
    }
    if (!caps && !agency) return std::string_view::npos;
    const size_t end_of_label = pos_;
    // The dash (or, after a place in capitals, a colon) and the story's first character.
    bool dash = false;
    for (std::string_view d : {" -- ", " - ", " \u2014 ", " \u2013 ", " \u2015 ", "\u2014 ", " \u2014", ": "}) {
      if (At(d)) {
        if (d == ": " && !caps) continue;
        pos_ += d.size();
        if (d == " \u2014" && At(" ")) ++pos_;
        dash = true;
        break;
      }
    }
    if (!dash || pos_ >= text_.size()) return std::string_view::npos;
    const char first = text_[pos_];
    if (!(IsUpper(first) || IsDigit(first) || first == '"' || first == '\'' || IsNonAscii(first))) {
      return std::string_view::npos;
    }
    // A lone word in capitals before a dash may be an acronym opening a sentence ("NATO -
    // the alliance ..."): only a place of four letters or more, or one with more to it.
    if (!region && !date && !agency && (words == 1 && upper < 4)) return std::string_view::npos;
    *label = std::string(text_.substr(start, end_of_label - start));
    return pos_;
  }

 private:
  bool At(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  // Bytes of the letter at p outside ASCII ("É", "Ł", "Ж"), or 0: a dash or quote mark
  // (U+2010..U+201F) is no letter.
  size_t NonAsciiLetterAt(size_t p) const {
    if (p >= text_.size()) return 0;
    const auto lead = static_cast<unsigned char>(text_[p]);
    if (lead >= 0xC3 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF && !(lead == 0xE2 && p + 1 < text_.size() && text_[p + 1] == '\x80')) return 3;
    return 0;
  }
  bool StartsWord(size_t p) const { return p < text_.size() && (IsUpper(text_[p]) || NonAsciiLetterAt(p) > 0); }
  // Length of the word at pos_: letters, and . ' - & inside it.
  size_t Word() const {
    if (!StartsWord(pos_)) return 0;
    size_t p = pos_;
    while (p < text_.size()) {
      char c = text_[p];
      if (size_t n = NonAsciiLetterAt(p); n > 0) {
        p += n;
        continue;
      }
      if (IsUpper(c) || IsLower(c) || c == '.' || c == '\'' || c == '&' ||
          (c == '-' && p + 1 < text_.size() && !(text_[p + 1] == ' '))) {
        ++p;
        continue;
      }
      break;
    }
    return std::min(p, text_.size()) - pos_;
  }
  bool MonthAt(size_t p) const {
    for (std::string_view m : kMonths) {
      if (text_.substr(p, m.size()) == m && (p + m.size() >= text_.size() || !IsLower(text_[p + m.size()]))) return true;
    }
    return false;
  }
  bool ReadDate() {
    for (std::string_view d : kDays) {
      if (At(d)) {
        pos_ += d.size();
        return true;
      }
    }
    for (std::string_view m : kMonths) {
      if (!At(m) || (pos_ + m.size() < text_.size() && IsLower(text_[pos_ + m.size()]))) continue;
      size_t p = pos_ + m.size();
      if (p < text_.size() && text_[p] == '.') ++p;
      if (p >= text_.size() || text_[p] != ' ') return false;
      ++p;
      size_t digits = 0;
      while (p + digits < text_.size() && IsDigit(text_[p + digits])) ++digits;
      if (digits == 0 || digits > 2) return false;
      pos_ = p + digits;
      // ", 2026"
      if (At(", ") && pos_ + 6 <= text_.size() && IsDigit(text_[pos_ + 2]) && IsDigit(text_[pos_ + 5])) pos_ += 6;
      return true;
    }
    return false;
  }

  std::string_view text_;
  size_t pos_;
};

bool Inside(size_t pos, const std::vector<document::RemovedSpan>& removed) {
  for (const auto& r : removed) {
    if (pos >= r.span.start && pos < r.span.end) return true;
  }
  return false;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view text, const std::vector<document::RemovedSpan>& removed) {
  // Where a story may begin: the start of each of its first lines, and after the first
  // sentence of its first line (a title run into the story: "Title. WASHINGTON — ...").
  constexpr size_t kLines = 4;
  constexpr size_t kReach = 600;
  std::vector<size_t> starts;
  size_t line = 0;
  for (size_t counted = 0; counted < kLines && line < text.size() && line < kReach;) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    if (!Inside(line, removed)) {  // boilerplate lines do not count
      starts.push_back(line);
      if (counted == 0) {
        for (std::string_view stop : {". ", "? ", "! "}) {
          size_t p = text.substr(line, end - line).find(stop);
          if (p != std::string_view::npos && p + 2 < kReach) starts.push_back(line + p + 2);
        }
      }
      ++counted;
    }
    line = end + 1;
    while (line < text.size() && text[line] == '\n') ++line;
  }
  for (size_t start : starts) {
    std::string label;
    size_t end = DatelineReader(text, start).Read(&label);
    if (end == std::string_view::npos) continue;
    Dateline d;
    d.removed.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    d.removed.why = "dateline";
    d.text = std::move(label);
    return d;
  }
  return std::nullopt;
}

}  // namespace newsgraph::ingest
