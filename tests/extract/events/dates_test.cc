// Event dates: expressions in the sentence resolved against the article date.
#include "extract/events/event_dates.h"

#include <gtest/gtest.h>

namespace newsgraph::extract::events {
namespace {

using document::Date;
using document::Document;

// One sentence, tokens split at spaces (enough for the date scanner, which reads forms).
Document OneSentence(const std::string& text, std::optional<Date> date) {
  Document doc;
  doc.text = text;
  doc.date = date;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    document::Token t;
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    t.form = text.substr(start, end - start);
    doc.tokens.push_back(t);
    start = end + 1;
  }
  document::Sentence s;
  s.span = {0, static_cast<uint32_t>(text.size())};
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

ResolvedDate Resolve(const std::string& text, std::optional<Date> date = Date{2023, 9, 13}, bool future = false) {
  Document doc = OneSentence(text, date);
  return ResolveSentenceDate(doc, doc.sentences[0], future);
}

TEST(EventDatesTest, ArticleDateByDefault) {
  ResolvedDate d = Resolve("Ruritania hosted Freedonia .");
  ASSERT_TRUE(d.date);
  EXPECT_EQ(d.date->ToIso(), "2023-09-13");
  EXPECT_EQ(d.from, "article");
  EXPECT_TRUE(d.span.empty());
}

TEST(EventDatesTest, ExplicitDayWinsOverWeekday) {
  ResolvedDate d = Resolve("Ruritania hosted Freedonia on Wednesday ( Sept 13 ) to begin talks");
  EXPECT_EQ(d.date->ToIso(), "2023-09-13");
  EXPECT_EQ(d.from, "Sept 13 -> 2023-09-13");
  EXPECT_FALSE(d.span.empty());
  EXPECT_EQ(Resolve("They met on 2 September .").date->ToIso(), "2023-09-02");
  EXPECT_EQ(Resolve("They met on March 4 , 2019 .").date->ToIso(), "2019-03-04");
}

TEST(EventDatesTest, RelativeExpressions) {
  EXPECT_EQ(Resolve("They met on Monday .").date->ToIso(), "2023-09-11");
  EXPECT_EQ(Resolve("They met on Wednesday .").date->ToIso(), "2023-09-13");
  EXPECT_EQ(Resolve("They will meet on Friday .", Date{2023, 9, 13}, true).date->ToIso(), "2023-09-15");
  EXPECT_EQ(Resolve("They met yesterday .").date->ToIso(), "2023-09-12");
  EXPECT_EQ(Resolve("They met three days ago .").date->ToIso(), "2023-09-10");
  ResolvedDate month = Resolve("They met last month .");
  EXPECT_EQ(month.date->ToIso(), "2023-08-01");
  EXPECT_EQ(month.from, "last month -> 2023-08");
  ResolvedDate january = Resolve("They met last month .", Date{2024, 1, 5});
  EXPECT_EQ(january.from, "last month -> 2023-12");
  ResolvedDate year = Resolve("They signed the treaty in 2019 .");
  EXPECT_EQ(year.date->ToIso(), "2019-01-01");
  EXPECT_EQ(year.from, "in 2019 -> 2019");
  EXPECT_EQ(Resolve("They met in December .", Date{2024, 2, 1}).from, "December -> 2023-12");
}

TEST(EventDatesTest, NoArticleDate) {
  EXPECT_FALSE(Resolve("They met on Monday .", std::nullopt).date);
  EXPECT_EQ(Resolve("They met on March 4 , 2019 .", std::nullopt).date->ToIso(), "2019-03-04");
}

TEST(EventDatesTest, MayIsAMonthOnlyWithADay) {
  EXPECT_EQ(Resolve("Ruritania may attack Freedonia .").from, "article");
  EXPECT_EQ(Resolve("They met on May 2 .").date->ToIso(), "2023-05-02");
}

TEST(EventDatesTest, LongSentencesStayBounded) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word ";
  text += "yesterday";
  ResolvedDate d = Resolve(text);
  EXPECT_EQ(d.from, "article");  // past the scan limit: not read
}

}  // namespace
}  // namespace newsgraph::extract::events
