// A calendar date, always a real one.
#ifndef NEWSGRAPH_DOCUMENT_DATE_H_
#define NEWSGRAPH_DOCUMENT_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace newsgraph::document {

// A calendar date; always a real one (ParseIso rejects 2023-02-30).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses "YYYY-MM-DD". Rejects impossible dates with a message saying why.
  static StatusOr<Date> ParseIso(std::string_view text);
  static bool IsValid(int year, int month, int day);
  std::string ToIso() const;
  // Days since 1970-01-01 (negative before), for date arithmetic.
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_DATE_H_
