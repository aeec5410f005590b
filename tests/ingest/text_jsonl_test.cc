// Plain text with a date line, and JSON Lines.
#include <gtest/gtest.h>

#include "ingest/test_util.h"

namespace newsgraph::ingest {
namespace {

using testing::AnyNoteContains;
using testing::Contains;
using testing::Read;

constexpr char kBody[] =
    "The harbour authority of Port Elms said on Tuesday that two cargo ships had collided near the "
    "northern breakwater, and that nobody was hurt. Officials expect the channel to reopen by Friday.";

TEST(TextReaderTest, DateLineWithBodyOnTheSameLine) {
  auto r = Read(std::string(" date 2023-09-13 ") + kBody + "\n\nA second paragraph follows here.\n", "a.txt");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 1u);
  const document::Document& doc = r.docs[0];
  EXPECT_EQ(doc.date->ToIso(), "2023-09-13");
  EXPECT_EQ(doc.date_from, "dateline");
  EXPECT_EQ(doc.origin, "a.txt");
  EXPECT_EQ(doc.text.substr(0, 22), "The harbour authority ");
  EXPECT_TRUE(Contains(doc.text, "Friday.\n\nA second paragraph"));
  EXPECT_EQ(doc.language, "en");
  EXPECT_FALSE(doc.skipped);
  EXPECT_EQ(doc.id.substr(0, 4), "doc-");
  EXPECT_EQ(doc.id.size(), 20u);
}

TEST(TextReaderTest, DateLineAlone) {
  auto r = Read(std::string("date 2021-01-05\n") + kBody, "b.txt");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].date->ToIso(), "2021-01-05");
  EXPECT_EQ(r.docs[0].text, kBody);
}

TEST(TextReaderTest, NoDateLineGivesNullDateAndNote) {
  auto r = Read(kBody, "c.txt");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_FALSE(r.docs[0].date.has_value());
  EXPECT_TRUE(AnyNoteContains(r.docs[0], "no date found"));
}

TEST(TextReaderTest, DefaultDateUsedWhenNoDateLine) {
  ReadOptions options;
  options.default_date = document::Date{2020, 2, 29};
  auto r = Read(kBody, "c.txt", options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].date->ToIso(), "2020-02-29");
  EXPECT_EQ(r.docs[0].date_from, "--date");
}

TEST(TextReaderTest, ImpossibleDateRejectsTheFileNamingLineOne) {
  auto r = Read(std::string("date 2023-02-30 ") + kBody, "bad.txt");
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0], "bad.txt:1:")) << r.errors[0];
  EXPECT_TRUE(Contains(r.errors[0], "2023-02-30")) << r.errors[0];
}

TEST(TextReaderTest, WordDateAtStartIsBodyText) {
  auto r = Read(std::string("Date palms grew well this year. ") + kBody, "palms.txt");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_FALSE(r.docs[0].date.has_value());
  EXPECT_EQ(r.docs[0].text.substr(0, 10), "Date palms");
}

TEST(TextReaderTest, InvalidUtf8IsRepairedAndNotedWithByteOffset) {
  std::string text = std::string("date 2023-09-13\n") + "Caf\xE9 owners in Port Elms " + kBody + " \xFF end.";
  auto r = Read(text, "latin.txt");
  ASSERT_EQ(r.docs.size(), 1u);
  const document::Document& doc = r.docs[0];
  EXPECT_TRUE(AnyNoteContains(doc, "2 invalid UTF-8 sequences")) << doc.notes[0];
  EXPECT_TRUE(AnyNoteContains(doc, "first at byte 19"));
  EXPECT_TRUE(Contains(doc.text, "Caf\xEF\xBF\xBD owners"));
}

TEST(JsonlReaderTest, RecordsWithFieldsAndMetadata) {
  std::string data =
      R"({"id":"n1","date":"2023-09-13","title":"Ships collide","text":")" + std::string(kBody) +
      R"(","url":"https://example.org/1","source":"Elms Gazette","section":"ports","words":31})" "\n"
      "\n"
      R"({"id":7,"date":"2023-09-14T10:00:00Z","text":")" + std::string(kBody) + R"("})" "\n";
  auto r = Read(data, "news.jsonl");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.docs[0].id, "n1");
  EXPECT_EQ(r.docs[0].title, "Ships collide");
  EXPECT_EQ(r.docs[0].url, "https://example.org/1");
  EXPECT_EQ(r.docs[0].source, "Elms Gazette");
  EXPECT_EQ(r.docs[0].date_from, "json");
  EXPECT_EQ(r.docs[0].origin, "news.jsonl:1");
  EXPECT_EQ(r.docs[0].metadata["section"], "ports");
  EXPECT_EQ(r.docs[0].metadata["words"], 31);
  EXPECT_FALSE(r.docs[0].metadata.contains("text"));
  EXPECT_EQ(r.docs[1].id, "7");
  EXPECT_EQ(r.docs[1].date->ToIso(), "2023-09-14");
  EXPECT_EQ(r.docs[1].origin, "news.jsonl:3");
}

TEST(JsonlReaderTest, MalformedLinesAreReportedAndTheRestContinue) {
  std::string good = R"({"id":"ok","text":")" + std::string(kBody) + R"("})";
  std::string data = good + "\n" + R"({"id":"broken","text":"unterminated)" "\n" + R"(["not","an","object"])" +
                     "\n" + R"({"id":"nodate","date":"2023-13-01","text":"x"})" + "\n" + R"({"id":"notext"})" +
                     "\n" + good + "\n";
  auto r = Read(data, "mixed.jsonl");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_TRUE(Contains(r.errors[0], "mixed.jsonl:2: malformed JSON")) << r.errors[0];
  EXPECT_TRUE(Contains(r.errors[1], "mixed.jsonl:3:")) << r.errors[1];
  EXPECT_TRUE(Contains(r.errors[2], "mixed.jsonl:4: bad \"date\"")) << r.errors[2];
  EXPECT_TRUE(Contains(r.errors[3], "mixed.jsonl:5: record has no string \"text\", \"body\" or \"title\"")) << r.errors[3];
  EXPECT_EQ(r.docs[1].origin, "mixed.jsonl:6");
}

TEST(JsonlReaderTest, HeadlineOnlyBriefIsAnalysedFromItsTitle) {
  auto r = Read(R"({"id":"brief","date":"1987-03-02","title":"PORT STRIKE ENDS AFTER TEN DAYS"})", "briefs.jsonl");
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.docs[0].text, "PORT STRIKE ENDS AFTER TEN DAYS");
  EXPECT_TRUE(AnyNoteContains(r.docs[0], "the title is analysed as the text"));
}

TEST(JsonlReaderTest, InvalidUtf8InsideALineIsRepaired) {
  std::string data = R"({"id":"u","text":"The mayor of Port Elms, Ren)" "\xE9" R"( Okafor, opened the new bridge on Monday morning."})";
  auto r = Read(data, "u.jsonl");
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_TRUE(AnyNoteContains(r.docs[0], "1 invalid UTF-8 sequence"));
  EXPECT_TRUE(AnyNoteContains(r.docs[0], "first at byte 45"));
}

TEST(JsonlReaderTest, ManyRecordsStream) {
  std::string data;
  for (int i = 0; i < 2000; ++i) {
    data += R"({"id":"r)" + std::to_string(i) + R"(","date":"2022-05-01","text":"Record number )" +
            std::to_string(i) + R"( says the council met on Monday."})" "\n";
  }
  ReadOptions options;
  options.detect_language = false;
  auto r = Read(data, "many.jsonl", options);
  EXPECT_EQ(r.docs.size(), 2000u);
  EXPECT_EQ(r.docs[1999].origin, "many.jsonl:2000");
}

}  // namespace
}  // namespace newsgraph::ingest
