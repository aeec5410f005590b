// Hostile inputs: FindQuotes on parsed and unparsed documents stays bounded and
// keeps every span inside the text.
#include <gtest/gtest.h>

#include <string>

#include "extract/quotes/marks.h"
#include "extract/quotes/quotes.h"
#include "text/segmenter.h"

namespace newsgraph {
namespace {

// A document with only text: no sentences or tokens (FindQuotes must cope).
document::Document TextOnly(std::string text) {
  document::Document doc;
  doc.text = std::move(text);
  return doc;
}

void ExpectSpansInside(const document::Document& doc) {
  for (const document::Quote& q : doc.quotes) {
    EXPECT_LE(q.span.start, q.span.end);
    EXPECT_LE(q.span.end, doc.text.size());
    EXPECT_LE(q.cue.end, doc.text.size());
  }
}

TEST(QuotesBadInput, FiveThousandMarks) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += (i % 3 == 0) ? "\" " : "word \" ";
  document::Document doc = TextOnly(text);
  extract::FindQuotes(doc);
  ExpectSpansInside(doc);
}

TEST(QuotesBadInput, OnlyOpeningMarks) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "\xE2\x80\x9C" "a ";
  document::Document doc = TextOnly(text);
  extract::FindQuotes(doc);
  ExpectSpansInside(doc);
  EXPECT_LE(doc.quotes.size(), 1u);  // one unclosed quote to the paragraph end
}

TEST(QuotesBadInput, HundredKilobyteQuote) {
  std::string text = "He said: \"" + std::string(100 * 1024, 'x') + "\" and left.";
  document::Document doc = TextOnly(text);
  extract::FindQuotes(doc);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].span.size(), 100u * 1024);
}

TEST(QuotesBadInput, NestedFiftyDeep) {
  std::string text = "X said ";
  for (int i = 0; i < 50; ++i) text += (i % 2 ? "'" : "\"") + std::string("w ");
  text += "core";
  for (int i = 49; i >= 0; --i) text += std::string(" w") + (i % 2 ? "'" : "\"");
  document::Document doc = TextOnly(text);
  extract::FindQuotes(doc);
  ExpectSpansInside(doc);
  EXPECT_GE(doc.quotes.size(), 1u);
}

// Found by fuzz/quotes_fuzzer: a colon right before a quote, with the phrase before
// the colon starting the document, read the token before the first one.
TEST(QuotesBadInput, ColonAttributionAtTheStartOfTheDocument) {
  auto segmenter = text::Segmenter::Load(text::Segmenter::DefaultPath());
  if (!segmenter.ok()) GTEST_SKIP() << segmenter.status().message();
  document::Document doc = TextOnly("\ns\naa:\"\xEF\xBF\xBD");
  (*segmenter)->Segment(doc);
  extract::FindQuotes(doc);
  ExpectSpansInside(doc);
}

TEST(QuotesBadInput, UnparsedTokensWithoutHeads) {
  document::Document doc = TextOnly("\"Hello,\" said Bob.");
  doc.tokens.push_back({{0, 1}, "\""});
  doc.tokens.push_back({{1, 6}, "Hello"});
  doc.tokens.push_back({{6, 7}, ","});
  doc.tokens.push_back({{7, 8}, "\""});
  doc.tokens.push_back({{9, 13}, "said"});
  doc.tokens.push_back({{14, 17}, "Bob"});
  doc.tokens.push_back({{17, 18}, "."});
  doc.tokens[4].head = 99;  // a broken head must be ignored
  document::Sentence s;
  s.span = {0, 18};
  s.token_begin = 0;
  s.token_end = 7;
  doc.sentences.push_back(s);
  extract::FindQuotes(doc);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span), "Hello,");
  EXPECT_EQ(doc.quotes[0].speaker_name, "Bob");
}

TEST(QuoteMarks, ApostrophesAreNotQuotes) {
  auto spans = extract::quotes::FindQuotedSpans("The farmers' union isn't happy with Korea\xE2\x80\x99s rules.");
  EXPECT_TRUE(spans.empty());
}

// Some wire archives type a straight double quote for the apostrophe of a possessive.
TEST(QuoteMarks, ADoubleQuoteTypedForAnApostropheIsNoQuote) {
  auto spans = extract::quotes::FindQuotedSpans("Brazil\"s coffee output fell, and India\"s rose.");
  EXPECT_TRUE(spans.empty());
  // A real closing mark after an "s" word still closes: "... the ships" she said.
  auto quoted = extract::quotes::FindQuotedSpans("\"We sank the ships\" she said.");
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_FALSE(quoted[0].close.empty());
}

TEST(QuoteMarks, ParagraphReopeningContinues) {
  auto spans = extract::quotes::FindQuotedSpans("\"One paragraph.\n\n\"Another one,\" she said.");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_TRUE(spans[0].paragraphs);
}

TEST(QuoteMarks, UnclosedEndsAtParagraph) {
  auto spans = extract::quotes::FindQuotedSpans("He said: \"never closed.\nNext paragraph.");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_TRUE(spans[0].close.empty());
}

TEST(QuoteMarks, NestedSingleInsideDouble) {
  auto spans = extract::quotes::FindQuotedSpans("\"He told me 'no' twice,\" she said.");
  ASSERT_EQ(spans.size(), 1u);
}

}  // namespace
}  // namespace newsgraph
