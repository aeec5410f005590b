#include <gtest/gtest.h>

#include "document/jsonl.h"

namespace newsgraph::document {
namespace {

TEST(JsonlTest, OffsetsAreCodePointsAndLayersAppearWhenFilled) {
  Document doc;
  doc.id = "x";
  doc.text = "K\xC3\xB6nig\xE2\x80\x99s visit.";  // König’s visit.
  doc.date = Date{2024, 1, 2};
  doc.tokens.push_back({.span = {0, 6}, .form = "K\xC3\xB6nig"});
  doc.tokens.push_back({.span = {6, 10}, .form = "\xE2\x80\x99s", .upos = "PART", .head = 1, .deprel = "case"});
  doc.sentences.push_back({.span = {0, 10}, .token_begin = 0, .token_end = 2});
  doc.removed.push_back({.span = {11, 17}, .why = "boilerplate: test"});
  nlohmann::ordered_json j = ToJson(doc);
  EXPECT_EQ(j["date"], "2024-01-02");
  const auto& tokens = j["sentences"][0]["tokens"];
  EXPECT_EQ(tokens[0]["start"], 0);
  EXPECT_EQ(tokens[0]["end"], 5);  // 6 bytes, 5 code points
  EXPECT_EQ(tokens[1]["start"], 5);
  EXPECT_EQ(tokens[1]["end"], 7);
  EXPECT_FALSE(tokens[0].contains("head"));
  EXPECT_EQ(tokens[1]["head"], 1);
  EXPECT_EQ(j["removed"][0]["start"], 8);
  EXPECT_EQ(ToJsonLine(doc).find('\n'), std::string::npos);
  doc.date.reset();
  EXPECT_TRUE(ToJson(doc)["date"].is_null());
}

}  // namespace
}  // namespace newsgraph::document
