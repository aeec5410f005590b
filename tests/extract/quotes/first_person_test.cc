// First-person pronouns inside quotes join the speaker's entity (LinkFirstPersonToSpeakers).
#include <gtest/gtest.h>

#include <string>

#include "extract/quotes/quotes.h"

namespace newsgraph::extract {
namespace {

using document::Document;
using document::Span;

// A hand-built document: tokens with UPOS, two entities, a quote, and its speaker's
// name mention.
Document Build() {
  Document doc;
  doc.text = "\"I told my team that Vera trusts me,\" Mira Okafor said. I left.";
  auto tok = [&](uint32_t start, uint32_t end, const char* upos) {
    document::Token t;
    t.span = {start, end};
    t.form = doc.text.substr(start, end - start);
    t.upos = upos;
    doc.tokens.push_back(t);
  };
  tok(1, 2, "PRON");    // I
  tok(3, 7, "VERB");    // told
  tok(8, 10, "PRON");   // my
  tok(11, 15, "NOUN");  // team
  tok(16, 20, "SCONJ");  // that
  tok(21, 25, "PROPN");  // Vera
  tok(26, 32, "VERB");  // trusts
  tok(33, 35, "PRON");  // me
  tok(38, 42, "PROPN");  // Mira
  tok(43, 49, "PROPN");  // Okafor
  tok(50, 54, "VERB");  // said
  tok(56, 57, "PRON");  // I (outside the quote: the writer)
  tok(58, 62, "VERB");  // left
  doc.mentions.push_back({{21, 25}, "PERSON", "name", 1});  // Vera
  doc.mentions.push_back({{38, 49}, "PERSON", "name", 0});  // Mira Okafor
  document::Entity mira;
  mira.id = "e1";
  mira.type = "PERSON";
  mira.name = "Mira Okafor";
  mira.mentions = {1};
  document::Entity vera;
  vera.id = "e2";
  vera.type = "PERSON";
  vera.name = "Vera";
  vera.mentions = {0};
  doc.entities = {mira, vera};
  document::Quote q;
  q.kind = "direct";
  q.span = {1, 35};
  q.speaker = 0;
  q.speaker_mention = 1;
  doc.quotes.push_back(q);
  return doc;
}

TEST(FirstPersonInQuotes, JoinTheSpeakerAndKeepEveryIndexRight) {
  Document doc = Build();
  LinkFirstPersonToSpeakers(doc);
  ASSERT_EQ(doc.mentions.size(), 5u);  // I, my, Vera, me, Mira Okafor; not the writer's "I"
  for (size_t i = 1; i < doc.mentions.size(); ++i) EXPECT_LE(doc.mentions[i - 1].span.start, doc.mentions[i].span.start);
  EXPECT_EQ(doc.text.substr(doc.mentions[0].span.start, 1), "I");
  EXPECT_EQ(doc.mentions[0].entity, 0);
  EXPECT_EQ(doc.mentions[0].kind, "pronoun");
  EXPECT_EQ(doc.entities[0].mentions, (std::vector<uint32_t>{0, 1, 3, 4}));
  EXPECT_EQ(doc.entities[1].mentions, (std::vector<uint32_t>{2}));
  EXPECT_EQ(doc.mentions[2].entity, 1);  // Vera is still Vera
  ASSERT_EQ(doc.quotes[0].speaker_mention, 4);
  EXPECT_EQ(doc.text.substr(doc.mentions[4].span.start, doc.mentions[4].span.end - doc.mentions[4].span.start), "Mira Okafor");
}

TEST(FirstPersonInQuotes, IndirectUnattributedAndNestedQuotes) {
  Document doc = Build();
  doc.quotes[0].kind = "indirect";
  LinkFirstPersonToSpeakers(doc);
  EXPECT_EQ(doc.mentions.size(), 2u);  // the content of reported speech is not the speaker's words

  doc = Build();
  doc.quotes[0].speaker = -1;
  LinkFirstPersonToSpeakers(doc);
  EXPECT_EQ(doc.mentions.size(), 2u);

  // Vera's words quoted inside Mira's quote: "me" there is Vera.
  doc = Build();
  document::Quote inner;
  inner.kind = "partial";
  inner.span = {26, 35};  // "trusts me"
  inner.speaker = 1;
  doc.quotes.push_back(inner);
  LinkFirstPersonToSpeakers(doc);
  ASSERT_EQ(doc.mentions.size(), 5u);
  EXPECT_EQ(doc.mentions[3].entity, 1);  // me
  EXPECT_EQ(doc.mentions[0].entity, 0);  // I
  EXPECT_EQ(doc.entities[1].mentions, (std::vector<uint32_t>{2, 3}));
}

TEST(FirstPersonInQuotes, NoQuotesNoChange) {
  Document doc = Build();
  doc.quotes.clear();
  LinkFirstPersonToSpeakers(doc);
  EXPECT_EQ(doc.mentions.size(), 2u);
  EXPECT_EQ(doc.entities[0].mentions, (std::vector<uint32_t>{1}));
}

}  // namespace
}  // namespace newsgraph::extract
