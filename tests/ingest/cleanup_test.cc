// Normalization, boilerplate, language.
#include <gtest/gtest.h>

#include "base/utf8.h"
#include "ingest/cleanup.h"
#include "ingest/test_util.h"

namespace newsgraph::ingest {
namespace {

using testing::Contains;

TEST(NormalizeTextTest, WhitespaceRules) {
  EXPECT_EQ(NormalizeText("  a \t b  \r\nc\r\rd\n\n\n\n e  "), "a b\nc\n\nd\n\ne");
  EXPECT_EQ(NormalizeText("non\xC2\xA0" "breaking\xE2\x80\x89thin"), "non breaking thin");
  EXPECT_EQ(NormalizeText("\xEF\xBB\xBFzero\xE2\x80\x8Bwidth"), "zerowidth");
  EXPECT_EQ(NormalizeText("line\xE2\x80\xA8next\xE2\x80\xA9para"), "line\nnext\n\npara");
  EXPECT_EQ(NormalizeText("ctrl\x01\x7F" "chars"), "ctrlchars");
  EXPECT_EQ(NormalizeText(""), "");
}

TEST(NormalizeTextTest, Nfc) {
  // e + combining acute -> precomposed é; Angstrom sign -> Å.
  EXPECT_EQ(NormalizeText("Cafe\xCC\x81"), "Caf\xC3\xA9");
  EXPECT_EQ(NormalizeText("\xE2\x84\xAB"), "\xC3\x85");
  EXPECT_EQ(NormalizeText("already Caf\xC3\xA9"), "already Caf\xC3\xA9");
}

TEST(NormalizeTextTest, InvalidUtf8IsRepaired) {
  std::string out = NormalizeText("bad \xC3 byte");
  EXPECT_TRUE(newsgraph::base::IsValidUtf8(out));
  EXPECT_EQ(out, "bad \xEF\xBF\xBD byte");
}

std::vector<std::string> RemovedTexts(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& r : FindBoilerplate(text)) out.push_back(text.substr(r.span.start, r.span.size()) + " => " + r.why);
  return out;
}

TEST(BoilerplateTest, RecognisedLines) {
  std::string text =
      "The council met on Monday.\n"
      "Also read | Harbour fees to rise in spring\n"
      "ALSO READ: Mayor opens bridge\n"
      "Read more: https://example.org/x\n"
      "READ MORE\n"
      "(With inputs from agencies)\n"
      "Subscribe to our daily newsletter\n"
      "Sign up for our newsletter\n"
      "Click here to download the app.\n"
      "Follow us on Twitter and Facebook\n"
      "Share this article\n"
      "Photo: Reuters\n"
      "Image credit: Port Elms Council\n"
      "File photo\n"
      "Advertisement\n"
      "Story continues below advertisement\n"
      "This article was originally published on The Elms Review.\n"
      "Copyright 2023 Elms Gazette. All rights reserved.\n"
      "Traffic resumed by noon. Reuter";
  std::vector<std::string> got = RemovedTexts(text);
  std::vector<std::string> want = {
      "Also read | Harbour fees to rise in spring => boilerplate: also-read",
      "ALSO READ: Mayor opens bridge => boilerplate: also-read",
      "Read more: https://example.org/x => boilerplate: read-more",
      "READ MORE => boilerplate: read-more",
      "(With inputs from agencies) => boilerplate: agency-credit",
      "Subscribe to our daily newsletter => boilerplate: subscribe",
      "Sign up for our newsletter => boilerplate: newsletter",
      "Click here to download the app. => boilerplate: click-here",
      "Follow us on Twitter and Facebook => boilerplate: social",
      "Share this article => boilerplate: share",
      "Photo: Reuters => boilerplate: photo-credit",
      "Image credit: Port Elms Council => boilerplate: photo-credit",
      "File photo => boilerplate: photo-credit",
      "Advertisement => boilerplate: advertisement",
      "Story continues below advertisement => boilerplate: advertisement",
      "This article was originally published on The Elms Review. => boilerplate: republished",
      "Copyright 2023 Elms Gazette. All rights reserved. => boilerplate: copyright",
      " Reuter => boilerplate: reuters-signoff",
  };
  EXPECT_EQ(got, want);
}

TEST(BoilerplateTest, TrailingParenthesisedCredit) {
  std::string text = "Rescue workers search the rubble in Port Elms. (Photo: AFP)\nThe search went on.";
  std::vector<std::string> got = RemovedTexts(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "(Photo: AFP) => boilerplate: photo-credit");
}

TEST(BoilerplateTest, NormalSentencesAreNeverRemoved) {
  std::string text =
      "Also, read the statement issued by the ministry on Friday, the mayor said.\n"
      "Readers can read more about the plan on the council website, where the full text is published.\n"
      "Advertisements for the new ferry line appeared across the city last week.\n"
      "Photographers gathered outside the court as the verdict was read.\n"
      "The company said all rights reserved for shareholders would be honoured.\n"
      "He said the deal was signed (with support from the unions) on Tuesday.\n"
      "Shares in the company rose 4 percent. Reuters reported the news first.\n"
      "The prize was named after Paul Reuter";
  EXPECT_TRUE(RemovedTexts(text).empty()) << RemovedTexts(text)[0];
}

TEST(BoilerplateTest, OffsetsPointIntoTheText) {
  std::string text = "First line.\nAdvertisement\nLast line.";
  auto spans = FindBoilerplate(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].span.start, 12u);
  EXPECT_EQ(spans[0].span.end, 25u);
}

TEST(LanguageTest, EnglishAndGerman) {
  bool reliable = false;
  EXPECT_EQ(IdentifyLanguage("The city council of Port Elms voted on Monday to raise harbour fees for the "
                             "first time in ten years, officials said after the meeting.", &reliable), "en");
  EXPECT_TRUE(reliable);
  EXPECT_EQ(IdentifyLanguage("Der Stadtrat hat am Montag beschlossen, die Hafengebühren zum ersten Mal seit "
                             "zehn Jahren zu erhöhen, teilten Beamte nach der Sitzung mit.", &reliable), "de");
}

TEST(CleanDocumentTest, NonEnglishIsSkipped) {
  document::Document doc;
  doc.text = "Der Stadtrat hat am Montag beschlossen, die Hafengebühren zum ersten Mal seit zehn Jahren zu "
             "erhöhen, teilten Beamte nach der Sitzung mit. Die Reeder protestierten gegen die Entscheidung.";
  CleanDocument(doc);
  EXPECT_TRUE(doc.skipped);
  EXPECT_EQ(doc.skip_reason, "language: de");
  EXPECT_EQ(doc.language, "de");
}

TEST(CleanDocumentTest, TitleIsOneLineAndIdFromHash) {
  document::Document doc;
  doc.title = "  Ships\n collide  near\tbreakwater ";
  doc.text = "Two ships collided.";
  CleanDocument(doc, CleanOptions{false});
  EXPECT_EQ(doc.title, "Ships collide near breakwater");
  EXPECT_EQ(doc.id.substr(0, 4), "doc-");
  document::Document same;
  same.text = "Two ships collided.";
  CleanDocument(same, CleanOptions{false});
  EXPECT_EQ(doc.id, same.id);
  EXPECT_TRUE(doc.language.empty());
}

// The dateline found in `text` as "label | removed text", or "" for none.
std::string Dateline(const std::string& text) {
  std::optional<ingest::Dateline> d = FindDateline(text, FindBoilerplate(text));
  if (!d) return "";
  return d->text + " | " + text.substr(d->removed.span.start, d->removed.span.size());
}

TEST(DatelineTest, WireDatelinesOfTheCommonStyles) {
  EXPECT_EQ(Dateline("KYIV, March 2 (Reuters) - Russian forces fired missiles."),
            "KYIV, March 2 (Reuters) | KYIV, March 2 (Reuters) - ");
  EXPECT_EQ(Dateline("WASHINGTON (AP) \u2014 The Senate voted on Tuesday."),
            "WASHINGTON (AP) | WASHINGTON (AP) \u2014 ");
  EXPECT_EQ(Dateline("PORT-AU-PRINCE, Haiti, Aug. 23 \u2014 A convoy arrived."),
            "PORT-AU-PRINCE, Haiti, Aug. 23 | PORT-AU-PRINCE, Haiti, Aug. 23 \u2014 ");
  EXPECT_EQ(Dateline("GREENWICH, Conn., Jan 5 -- The fund closed."), "GREENWICH, Conn., Jan 5 | GREENWICH, Conn., Jan 5 -- ");
  EXPECT_EQ(Dateline("NEW DELHI: The government said on Friday it would act."), "NEW DELHI | NEW DELHI: ");
  EXPECT_EQ(Dateline("Kyiv (Reuters) - Drones hit a depot."), "Kyiv (Reuters) | Kyiv (Reuters) - ");
  EXPECT_EQ(Dateline("MOSCOW \u2015 The ministry said."), "MOSCOW | MOSCOW \u2015 ");
  EXPECT_EQ(Dateline("BERLIN (dpa) - Trains stopped."), "BERLIN (dpa) | BERLIN (dpa) - ");
  EXPECT_EQ(Dateline("S\u00c3O PAULO, May 4 - Prices rose."), "S\u00c3O PAULO, May 4 | S\u00c3O PAULO, May 4 - ");
  // After a heading line and after boilerplate, or after a title run into the story.
  EXPECT_EQ(Dateline("Ships collide near port\n\nBy Ann Lee\n\nLAGOS, May 4 - Two ships collided."),
            "LAGOS, May 4 | LAGOS, May 4 - ");
  EXPECT_EQ(Dateline("Talks resume in Doha. DOHA, Qatar (AP) \u2014 Talks resumed."), "DOHA, Qatar (AP) | DOHA, Qatar (AP) \u2014 ");
}

TEST(DatelineTest, CapitalsThatAreNoDateline) {
  EXPECT_EQ(Dateline("NATO - the alliance of 32 members - met on Monday."), "");
  EXPECT_EQ(Dateline("UN - Talks went on."), "");
  EXPECT_EQ(Dateline("BREAKING: The dam has burst."), "");
  EXPECT_EQ(Dateline("EXCLUSIVE - Ministers met in secret."), "");
  EXPECT_EQ(Dateline("Washington - the city - was quiet."), "");       // not in capitals, no agency
  EXPECT_EQ(Dateline("Moscow said talks would go on."), "");
  EXPECT_EQ(Dateline("The ministry said - without details - that it would act."), "");
  EXPECT_EQ(Dateline("LONDON - lower-case after the dash is running text."), "");
  EXPECT_EQ(Dateline("Officials (who asked not to be named) - Two said so."), "");
  // Only at the start of the story's first lines: not in the fifth line, nor mid-paragraph.
  EXPECT_EQ(Dateline("a\nb\nc\nd\nLONDON, May 4 - Text."), "");
  EXPECT_EQ(Dateline("Officials met. Later, the vote. PARIS (AFP) - Text."), "");
  EXPECT_EQ(Dateline(""), "");
}

TEST(CleanDocumentTest, DatelineIsLeftOutOfTheStoryAndKept) {
  document::Document doc;
  doc.text = "KYIV, March 2 (Reuters) - Russian forces fired missiles at Kharkiv.";
  CleanDocument(doc, CleanOptions{false});
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].why, "dateline");
  EXPECT_EQ(doc.text.substr(doc.removed[0].span.end, 7), "Russian");
  EXPECT_EQ(doc.metadata["dateline"], "KYIV, March 2 (Reuters)");
  // A dateline the input gave (Reuters-21578's field) is kept.
  document::Document given;
  given.text = "SALVADOR, Feb 26 - Showers continued.";
  given.metadata["dateline"] = "SALVADOR, Feb 26 -";
  CleanDocument(given, CleanOptions{false});
  EXPECT_EQ(given.metadata["dateline"], "SALVADOR, Feb 26 -");
  ASSERT_EQ(given.removed.size(), 1u);
}

}  // namespace
}  // namespace newsgraph::ingest
