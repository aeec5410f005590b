#include <gtest/gtest.h>

#include "document/document.h"

namespace newsgraph::document {
namespace {

TEST(DateTest, ParsesRealDatesAndRejectsImpossibleOnes) {
  auto d = Date::ParseIso("2023-09-13");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToIso(), "2023-09-13");
  EXPECT_TRUE(Date::ParseIso("2024-02-29").ok());
  for (const char* bad : {"2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "23-09-13",
                          "2023/09/13", "2023-09-1x", ""}) {
    auto r = Date::ParseIso(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_NE(Date::ParseIso("2023-02-30").status().message().find("not a real calendar date"), std::string::npos);
}

TEST(DateTest, DayArithmeticRoundTrips) {
  EXPECT_EQ(Date::ParseIso("1970-01-01")->ToDays(), 0);
  EXPECT_EQ(Date::ParseIso("2000-03-01")->ToDays() - Date::ParseIso("2000-02-28")->ToDays(), 2);
  for (int64_t days = -800000; days < 800000; days += 997) EXPECT_EQ(Date::FromDays(days).ToDays(), days);
}

}  // namespace
}  // namespace newsgraph::document
