// HTML pages: title, date, main text, furniture left out.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/test_util.h"

namespace newsgraph::ingest {
namespace {

using testing::Contains;
using testing::Read;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/fixtures/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(HtmlReaderTest, ArticlePage) {
  std::string html = Fixture("article.html");
  ASSERT_FALSE(html.empty());
  auto r = Read(html, "bridge.html");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  const document::Document& doc = r.docs[0];
  EXPECT_EQ(doc.title, "Bridge reopens in Port Elms after repairs");
  EXPECT_EQ(doc.date->ToIso(), "2023-09-13");
  EXPECT_EQ(doc.date_from, "html-meta");
  EXPECT_EQ(doc.url, "https://gazette.example/bridge-reopens");
  EXPECT_EQ(doc.source, "Elms Gazette");
  EXPECT_EQ(doc.text.substr(0, 28), "The Kestrel Bridge in Port E");
  EXPECT_TRUE(Contains(doc.text, "return to normal within days, and thanked residents")) << doc.text;
  EXPECT_TRUE(Contains(doc.text, "council said.\n\nMayor Ren Okafor"));
  for (const char* gone : {"Home", "cheap flights", "By A. Writer", "Photo: Gazette", "Share on", "Related:",
                           "Great news", "All rights reserved", "tracking", "color"}) {
    EXPECT_FALSE(Contains(doc.text, gone)) << gone << " in: " << doc.text;
  }
  // "Advertisement" stays in the text but is listed as boilerplate.
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.removed[0].span), "Advertisement");
  EXPECT_EQ(doc.removed[0].why, "boilerplate: advertisement");
}

TEST(HtmlReaderTest, DensestBlockWithoutArticleElement) {
  std::string html =
      "<html><head><title>Council votes</title></head><body>"
      "<div class='menu'><p>Home</p><p>World</p><p>Sport</p></div>"
      "<div class='content'><p>The council of Port Elms voted on Monday to extend the harbour opening hours.</p>"
      "<p>The change takes effect next month, a spokeswoman said.</p></div>"
      "<div><p>Short teaser</p></div>"
      "<time datetime='2022-03-04'>4 March</time></body></html>";
  auto r = Read(html, "page.htm");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Council votes");
  EXPECT_EQ(r.docs[0].text,
            "The council of Port Elms voted on Monday to extend the harbour opening hours.\n\n"
            "The change takes effect next month, a spokeswoman said.");
  EXPECT_EQ(r.docs[0].date->ToIso(), "2022-03-04");
  EXPECT_EQ(r.docs[0].date_from, "html-time");
}

TEST(HtmlReaderTest, JsonLdDateAndArticleBody) {
  std::string html =
      "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{"
      "\"@type\":\"NewsArticle\",\"datePublished\":\"2021-11-30T09:00:00Z\"}]}</script></head><body>"
      "<h1>Ferry strike ends</h1><div itemprop='articleBody'><p>Ferry crews in Port Elms ended their strike on "
      "Tuesday after a pay deal.</p></div><p>Unrelated footer text that is long enough to be dense maybe.</p>"
      "</body></html>";
  auto r = Read(html, "ld.html");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Ferry strike ends");
  EXPECT_EQ(r.docs[0].date->ToIso(), "2021-11-30");
  EXPECT_EQ(r.docs[0].text, "Ferry crews in Port Elms ended their strike on Tuesday after a pay deal.");
}

TEST(HtmlReaderTest, BrokenHtmlStillReads) {
  std::string html = "<html><body><p>The mayor <b>said <i>on Friday</p><p>that the bridge <div>would open.";
  auto r = Read(html, "broken.html");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(Contains(r.docs[0].text, "The mayor said on Friday"));
  EXPECT_TRUE(Contains(r.docs[0].text, "would open."));
}

TEST(HtmlReaderTest, Windows1252Charset) {
  std::string html =
      "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'></head><body>"
      "<p>The caf\xE9 on Quay Street reopened \x93today\x94, its owner said.</p></body></html>";
  auto r = Read(html, "cp1252.html");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "The caf\xC3\xA9 on Quay Street reopened \xE2\x80\x9Ctoday\xE2\x80\x9D, its owner said.");
  EXPECT_TRUE(testing::AnyNoteContains(r.docs[0], "decoded from windows-1252"));
}

TEST(HtmlReaderTest, PageWithoutTextIsAnErrorNotAHalfDocument) {
  auto r = Read("<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>", "empty.html");
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0], "empty.html: no article text"));
}

}  // namespace
}  // namespace newsgraph::ingest
