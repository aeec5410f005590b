// Quotes in the store: the blob round trip, the quotes table (code point offsets,
// speaker, date) and QueryQuotes filters.
#include "store/quotes.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using document::Document;
using document::Quote;
using testing::MakeDoc;
using testing::RawQuery;
using testing::TempDbPath;

document::Span Find(const Document& doc, const std::string& words) {
  size_t at = doc.text.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
}

// "Peskov" said a direct quote; an indirect one has no speaker. The text starts
// with a non-ASCII word so code point and byte offsets differ.
Document QuoteDoc(const std::string& id, const std::string& date) {
  Document doc = MakeDoc(id, "Früh heute. \"Nothing was signed today,\" Peskov said. Officials said talks would go on.");
  doc.date = document::Date::ParseIso(date).value();
  Quote q;
  q.kind = "direct";
  q.span = Find(doc, "Nothing was signed today,");
  q.cue = Find(doc, "said");
  q.speaker_span = Find(doc, "Peskov");
  q.speaker_name = "Dmitry Peskov";
  q.confidence = 0.85f;
  q.reason = "cue after the quote";
  doc.quotes.push_back(q);
  Quote i;
  i.kind = "indirect";
  i.span = Find(doc, "talks would go on");
  i.speaker_span = Find(doc, "Officials");
  i.reason = "unnamed source";
  i.via_name = "Interfax";
  doc.quotes.push_back(i);
  return doc;
}

std::unique_ptr<Store> OpenWith(const std::string& path, const std::vector<Document>& docs) {
  auto store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  auto added = (*store)->AddDocuments(ptrs);
  EXPECT_TRUE(added.ok()) << added.status().ToString();
  return std::move(*store);
}

TEST(QuotesStoreTest, BlobRoundTripsEveryField) {
  Document doc = QuoteDoc("q1", "2024-03-01");
  auto store = OpenWith(TempDbPath("quotes_roundtrip.db"), {doc});
  auto back = store->GetDocument("q1");
  ASSERT_TRUE(back.ok() && back->has_value()) << back.status().ToString();
  ASSERT_EQ((*back)->quotes.size(), 2u);
  const Quote& a = (*back)->quotes[0];
  EXPECT_EQ(a.kind, "direct");
  EXPECT_EQ(a.span, doc.quotes[0].span);
  EXPECT_EQ(a.cue, doc.quotes[0].cue);
  EXPECT_EQ(a.speaker_span, doc.quotes[0].speaker_span);
  EXPECT_EQ(a.speaker_name, "Dmitry Peskov");
  EXPECT_EQ(a.speaker, -1);
  EXPECT_FLOAT_EQ(a.confidence, 0.85f);
  EXPECT_EQ(a.reason, "cue after the quote");
  EXPECT_EQ((*back)->quotes[1].via_name, "Interfax");
  EXPECT_TRUE((*back)->quotes[1].cue.empty());
}

TEST(QuotesStoreTest, RowsUseCodePointOffsets) {
  std::string path = TempDbPath("quotes_rows.db");
  Document doc = QuoteDoc("q1", "2024-03-01");
  { auto store = OpenWith(path, {doc}); }
  // "Früh heute. \"" is 13 code points (ü is two bytes).
  EXPECT_EQ(RawQuery(path, "SELECT start FROM quotes WHERE ordinal = 0"), "13");
  EXPECT_EQ(RawQuery(path, "SELECT speaker_name || '|' || speaker_text || '|' || date FROM quotes WHERE ordinal = 0"),
            "Dmitry Peskov|Peskov|2024-03-01");
  EXPECT_EQ(RawQuery(path, "SELECT count(*) FROM quotes WHERE speaker_actor_id IS NULL"), "2");
}

TEST(QuotesStoreTest, InvalidQuoteRejectsTheBatch) {
  Document doc = QuoteDoc("bad", "2024-03-01");
  doc.quotes[0].speaker = 7;  // no such entity
  auto store = Store::Open(TempDbPath("quotes_bad.db"));
  ASSERT_TRUE(store.ok());
  auto added = (*store)->AddDocuments({&doc});
  EXPECT_FALSE(added.ok());
}

TEST(QuotesStoreTest, QueryFilters) {
  std::vector<Document> docs = {QuoteDoc("a", "2024-03-01"), QuoteDoc("b", "2024-05-01")};
  docs[1].text += " More.";  // different text, so not a duplicate
  auto store = OpenWith(TempDbPath("quotes_query.db"), docs);
  QuoteFilter f;
  auto all = QueryQuotes(*store, f);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].date, "2024-05-01");  // newest first

  f.speaker = "peskov";
  auto by_speaker = QueryQuotes(*store, f);
  ASSERT_TRUE(by_speaker.ok());
  ASSERT_EQ(by_speaker->size(), 2u);
  EXPECT_EQ((*by_speaker)[0].text, "Nothing was signed today,");

  f = {};
  f.about = "TALKS";
  f.from = "2024-04-01";
  auto about = QueryQuotes(*store, f);
  ASSERT_TRUE(about.ok());
  ASSERT_EQ(about->size(), 1u);
  EXPECT_EQ((*about)[0].doc_id, "b");
  EXPECT_EQ((*about)[0].kind, "indirect");

  f = {};
  f.kind = "direct";
  f.limit = 1;
  f.offset = 1;
  auto paged = QueryQuotes(*store, f);
  ASSERT_TRUE(paged.ok());
  ASSERT_EQ(paged->size(), 1u);
  EXPECT_EQ((*paged)[0].doc_id, "a");
}

TEST(QuotesStoreTest, QueryRejectsBadFilters) {
  auto store = OpenWith(TempDbPath("quotes_badfilter.db"), {});
  QuoteFilter f;
  f.kind = "rumour";
  EXPECT_FALSE(QueryQuotes(*store, f).ok());
  f = {};
  f.from = "March";
  EXPECT_FALSE(QueryQuotes(*store, f).ok());
  f = {};
  f.limit = 0;
  EXPECT_FALSE(QueryQuotes(*store, f).ok());
}

TEST(QuotesStoreTest, NameKeyFolds) {
  EXPECT_EQ(QuoteNameKey("  Dmitry  PESKOV's "), "dmitry peskov s");
  EXPECT_EQ(QuoteNameKey(""), "");
}

}  // namespace
}  // namespace newsgraph::store
