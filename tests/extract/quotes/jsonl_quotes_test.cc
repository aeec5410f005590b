// The "quotes" array of the document JSON: code point offsets, null speaker, cue and via.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "document/jsonl.h"

namespace newsgraph::document {
namespace {

TEST(JsonlQuotes, ShapeAndCodePointOffsets) {
  Document doc;
  doc.id = "d";
  doc.text = "Çа \"Oui,\" Kim said.";  // Ç and а are two bytes each
  Entity kim;
  kim.id = "e1";
  kim.type = "PERSON";
  kim.name = "Kim Jong-un";
  doc.entities.push_back(kim);
  Quote q;
  q.kind = "direct";
  size_t open = doc.text.find('"') + 1;
  q.span = {static_cast<uint32_t>(open), static_cast<uint32_t>(open + 4)};
  size_t cue = doc.text.find("said");
  q.cue = {static_cast<uint32_t>(cue), static_cast<uint32_t>(cue + 4)};
  size_t kim_at = doc.text.find("Kim");
  q.speaker_span = {static_cast<uint32_t>(kim_at), static_cast<uint32_t>(kim_at + 3)};
  q.speaker = 0;
  q.speaker_name = "Kim Jong-un";
  q.confidence = 0.9f;
  q.reason = "cue after the quote";
  doc.quotes.push_back(q);
  Quote unknown;
  unknown.kind = "partial";
  unknown.span = q.span;
  unknown.reason = "no attribution found";
  doc.quotes.push_back(unknown);

  nlohmann::json j = nlohmann::json::parse(ToJsonLine(doc));
  ASSERT_EQ(j["quotes"].size(), 2u);
  const auto& a = j["quotes"][0];
  EXPECT_EQ(a["kind"], "direct");
  EXPECT_EQ(a["start"], 4);  // code points: Ç, а, space, quote mark
  EXPECT_EQ(a["end"], 8);
  EXPECT_EQ(a["text"], "Oui,");
  EXPECT_EQ(a["speaker"], "e1");
  EXPECT_EQ(a["speaker_name"], "Kim Jong-un");
  EXPECT_EQ(a["speaker_text"]["text"], "Kim");
  EXPECT_EQ(a["cue"]["text"], "said");
  EXPECT_EQ(a["cue"]["start"], 14);
  EXPECT_TRUE(a["via"].is_null());
  EXPECT_DOUBLE_EQ(a["confidence"].get<double>(), 0.9);
  const auto& b = j["quotes"][1];
  EXPECT_TRUE(b["speaker"].is_null());
  EXPECT_TRUE(b["cue"].is_null());
  EXPECT_FALSE(b.contains("speaker_name"));
  EXPECT_EQ(b["reason"], "no attribution found");
}

TEST(JsonlQuotes, NoQuotesNoKey) {
  Document doc;
  doc.text = "Nothing quoted.";
  nlohmann::json j = nlohmann::json::parse(ToJsonLine(doc));
  EXPECT_FALSE(j.contains("quotes"));
}

}  // namespace
}  // namespace newsgraph::document
