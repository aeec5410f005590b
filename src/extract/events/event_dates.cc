#include "extract/events/event_dates.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string_view>

#include "base/strings.h"

namespace newsgraph::extract::events {
namespace {

using document::Date;
using document::Document;
using document::Span;

constexpr uint32_t kMaxScan = 400;

std::string Lower(std::string_view s) {
  std::string out = base::AsciiLower(s);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

int MonthOf(std::string_view w) {
  static const char* const kMonths[][3] = {
      {"january", "jan", ""},  {"february", "feb", ""},  {"march", "mar", ""},     {"april", "apr", ""},
      {"may", "", ""},         {"june", "jun", ""},      {"july", "jul", ""},      {"august", "aug", ""},
      {"september", "sep", "sept"}, {"october", "oct", ""}, {"november", "nov", ""}, {"december", "dec", ""}};
  for (int m = 0; m < 12; ++m) {
    for (const char* name : kMonths[m]) {
      if (*name != '\0' && w == name) return m + 1;
    }
  }
  return 0;
}

int WeekdayOf(std::string_view w) {
  static const char* const kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d) {
    if (w == kDays[d]) return d;
  }
  return -1;
}

int NumberOf(std::string_view w, int lo, int hi) {
  int v = 0;
  auto r = std::from_chars(w.data(), w.data() + w.size(), v);
  if (r.ec != std::errc() || r.ptr != w.data() + w.size() || v < lo || v > hi) return -1;
  return v;
}

int SmallNumber(std::string_view w) {
  static const char* const kWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  for (int i = 0; i <= 10; ++i) {
    if (w == kWords[i]) return i;
  }
  return NumberOf(w, 1, 60);
}

// 0 = Monday, matching WeekdayOf (1970-01-01 was a Thursday).
int WeekdayOfDays(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

std::string Month(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

struct Candidate {
  int rank = 99;  // lower wins: an explicit day beats a weekday beats "last month"
  Date date;
  std::string resolved;
  uint32_t first = 0, last = 0;  // token indices
};

class Scanner {
 public:
  Scanner(const Document& doc, const document::Sentence& s, bool future) : doc_(doc), future_(future) {
    begin_ = s.token_begin;
    end_ = std::min(s.token_end, s.token_begin + kMaxScan);
    words_.reserve(end_ - begin_);
    for (uint32_t i = begin_; i < end_; ++i) words_.push_back(Lower(doc.tokens[i].form));
  }

  Candidate Best() {
    if (!doc_.date) return ExplicitWithYearOnly();
    for (uint32_t i = 0; i < words_.size(); ++i) Try(i);
    return best_;
  }

 private:
  const std::string& W(uint32_t i) const {
    static const std::string kEmpty;
    return i < words_.size() ? words_[i] : kEmpty;
  }
  void Offer(int rank, Date d, std::string resolved, uint32_t first, uint32_t last) {
    if (rank >= best_.rank) return;
    best_ = Candidate{rank, d, std::move(resolved), first, last};
  }
  Candidate ExplicitWithYearOnly() {
    for (uint32_t i = 0; i < words_.size(); ++i) {
      int m = MonthOf(W(i));
      int d = NumberOf(W(i + 1), 1, 31);
      int y = NumberOf(W(i + 2) == "," ? W(i + 3) : W(i + 2), 1900, 2100);
      if (m > 0 && d > 0 && y > 0 && Date::IsValid(y, m, d)) {
        Date date{y, m, d};
        Offer(0, date, date.ToIso(), i, W(i + 2) == "," ? i + 3 : i + 2);
      }
    }
    return best_;
  }
  void Try(uint32_t i);

  const Document& doc_;
  bool future_;
  uint32_t begin_ = 0, end_ = 0;
  std::vector<std::string> words_;
  Candidate best_;
};

void Scanner::Try(uint32_t i) {
  const Date article = *doc_.date;
  const int64_t today = article.ToDays();
  const std::string& w = W(i);
  if (int m = MonthOf(w); m > 0 && (w != "may" || NumberOf(W(i + 1), 1, 31) > 0)) {
    int d = NumberOf(W(i + 1), 1, 31);
    uint32_t last = i + 1;
    if (d < 0 && NumberOf(W(i - 1), 1, 31) > 0 && i > 0) d = NumberOf(W(i - 1), 1, 31);  // "13 September"
    if (d < 0) last = i;
    int y = article.year;
    uint32_t year_at = last + (W(last + 1) == "," ? 2 : 1);
    if (int explicit_year = NumberOf(W(year_at), 1900, 2100); explicit_year > 0) {
      y = explicit_year;
      last = year_at;
    } else if (m > article.month + 2 && !future_) {
      y = article.year - 1;  // "in December" read in February is last December
    }
    if (d > 0 && Date::IsValid(y, m, d)) {
      Offer(0, Date{y, m, d}, Date{y, m, d}.ToIso(), d == NumberOf(W(i - 1), 1, 31) && last == i ? i - 1 : i, last);
    } else if (d < 0) {
      Offer(5, Date{y, m, 1}, Month(y, m), i, last);
    }
    return;
  }
  if (int wd = WeekdayOf(w); wd >= 0) {
    int64_t delta = (WeekdayOfDays(today) - wd + 7) % 7;
    int64_t days = future_ && delta != 0 ? today + (7 - delta) : today - delta;
    Date d = Date::FromDays(days);
    Offer(1, d, d.ToIso(), i, i);
    return;
  }
  if (w == "yesterday") return Offer(2, Date::FromDays(today - 1), Date::FromDays(today - 1).ToIso(), i, i);
  if (w == "today" || w == "tonight") return Offer(2, article, article.ToIso(), i, i);
  if (w == "tomorrow") return Offer(2, Date::FromDays(today + 1), Date::FromDays(today + 1).ToIso(), i, i);
  if (w == "ago" && i >= 2) {
    int n = SmallNumber(W(i - 2));
    const std::string& unit = W(i - 1);
    int per = unit.rfind("day", 0) == 0 ? 1 : unit.rfind("week", 0) == 0 ? 7 : 0;
    if (n > 0 && per > 0) {
      Date d = Date::FromDays(today - static_cast<int64_t>(n) * per);
      Offer(3, d, d.ToIso(), i - 2, i);
    }
    return;
  }
  if ((w == "last" || w == "next" || w == "this") && i + 1 < words_.size()) {
    const std::string& unit = W(i + 1);
    int sign = w == "last" ? -1 : w == "next" ? 1 : 0;
    if (unit == "week") {
      Date d = Date::FromDays(today + 7 * sign);
      Offer(4, d, d.ToIso(), i, i + 1);
    } else if (unit == "month") {
      int m = article.month + sign, y = article.year;
      if (m < 1) m = 12, --y;
      if (m > 12) m = 1, ++y;
      Offer(4, Date{y, m, 1}, Month(y, m), i, i + 1);
    } else if (unit == "year") {
      Offer(6, Date{article.year + sign, 1, 1}, std::to_string(article.year + sign), i, i + 1);
    }
    return;
  }
  if (i > 0 && (W(i - 1) == "in" || W(i - 1) == "since")) {
    if (int y = NumberOf(w, 1900, 2100); y > 0) Offer(7, Date{y, 1, 1}, std::to_string(y), i - 1, i);
  }
}

}  // namespace

ResolvedDate ResolveSentenceDate(const Document& doc, const document::Sentence& sentence, bool future) {
  ResolvedDate out;
  out.date = doc.date;
  out.from = doc.date ? "article" : "";
  Scanner scanner(doc, sentence, future);
  Candidate best = scanner.Best();
  if (best.rank == 99) return out;
  const auto& first = doc.tokens[sentence.token_begin + best.first];
  const auto& last = doc.tokens[sentence.token_begin + best.last];
  out.span = Span{first.span.start, last.span.end};
  out.date = best.date;
  out.from = std::string(doc.SpanText(out.span)) + " -> " + best.resolved;
  return out;
}

}  // namespace newsgraph::extract::events
