// The invented articles of tests/fixtures/quotes through the whole pipeline: the
// quotes found and their speakers must stay above the floors we reach.
#include <gtest/gtest.h>

#include "extract/quotes/quotes.h"
#include "extract/quotes/quote_fixtures.h"
#include "extract/read_article.h"
#include "pipeline/pipeline.h"

namespace newsgraph {
namespace {

using quote_fixtures::Fixture;
using quote_fixtures::Score;

// The last quote whose words contain `words`, or nullptr.
const document::Quote* QuoteWith(const document::Document& doc, const std::string& words) {
  const document::Quote* found = nullptr;
  for (const document::Quote& q : doc.quotes) {
    if (doc.SpanText(q.span).find(words) != std::string::npos) found = &q;
  }
  return found;
}

class QuoteFixturesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = quote_fixtures::CreatePipeline();
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(*p).release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  static document::Document Annotate(const std::string& article) {
    document::Document doc = test_articles::ReadArticle(article, "fixture.txt");
    quote_fixtures::Annotate(*pipeline_, doc);
    return doc;
  }

  static pipeline::Pipeline* pipeline_;
};

pipeline::Pipeline* QuoteFixturesTest::pipeline_ = nullptr;

TEST_F(QuoteFixturesTest, FloorsOnInventedArticles) {
  std::vector<Fixture> fixtures = quote_fixtures::ReadFixtures(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/fixtures/quotes");
  ASSERT_GE(fixtures.size(), 30u);
  Score quoted, indirect;
  for (const Fixture& f : fixtures) {
    document::Document doc = Annotate(f.article);
    quoted.Add(quote_fixtures::ScoreFixture(f, doc, {"direct", "partial"}));
    indirect.Add(quote_fixtures::ScoreFixture(f, doc, {"indirect"}));
  }
  std::string misses;
  for (const std::string& m : quoted.misses) misses += m + "\n";
  for (const std::string& m : indirect.misses) misses += m + "\n";
  EXPECT_GE(quoted.Recall(), 0.95) << misses;
  EXPECT_GE(quoted.Precision(), 0.95) << misses;
  EXPECT_GE(quoted.SpeakerAccuracy(), 0.85) << misses;
  EXPECT_GE(indirect.Recall(), 0.85) << misses;
  EXPECT_GE(indirect.SpeakerAccuracy(), 0.85) << misses;
}

TEST_F(QuoteFixturesTest, KindsAreTold) {
  document::Document doc = Annotate(
      "date 2024-05-01 Prime Minister James Holt praised the police for their \"calm and professional\" work.\n\n"
      "\"We owe them a great deal,\" Holt said.\n");
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].kind, "partial");
  EXPECT_EQ(doc.quotes[1].kind, "direct");
  EXPECT_EQ(doc.SpanText(doc.quotes[1].cue), "said");
  EXPECT_NE(doc.quotes[1].speaker_name.find("Holt"), std::string::npos);
}

TEST_F(QuoteFixturesTest, TheHearerOfTellIsNotWhatWasTold) {
  // Parsed with "thousands of supporters" the subject of "gathered", a ccomp of "told".
  document::Document doc = Annotate(
      "date 2026-10-05 \"The people have spoken, and they have chosen Europe,\" Melia told thousands of supporters "
      "gathered outside parliament in the capital.\n\n"
      "Johnson tells MSNBC on Friday that the attack remains under investigation.\n");
  ASSERT_EQ(doc.quotes.size(), 2u) << doc.SpanText(doc.quotes.back().span);
  EXPECT_EQ(doc.quotes[0].kind, "direct");
  EXPECT_EQ(doc.quotes[1].kind, "indirect");
  EXPECT_NE(doc.SpanText(doc.quotes[1].span).find("remains under investigation"), std::string::npos);
}

TEST_F(QuoteFixturesTest, AClosingReportBeforeTheWritersComment) {
  // The parse makes "strikes" the object of "said" and "killed" a participle: the clause is
  // read from the words, and the writer's ", in the deadliest day ..." may follow the cue.
  document::Document doc = Annotate(
      "date 2026-06-20 Israeli air strikes killed at least 12 people in southern Lebanon on Friday, Lebanon's health "
      "ministry said, in the deadliest day since a truce took effect in November.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].kind, "indirect");
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span).rfind("Israeli air strikes killed", 0), 0u) << doc.SpanText(doc.quotes[0].span);
  EXPECT_NE(doc.SpanText(doc.quotes[0].speaker_span).find("ministry"), std::string::npos);
}

TEST_F(QuoteFixturesTest, APartialQuoteOfANameBeforeItsVerb) {
  // The tagger reads the sentence-initial "Albanese" as an adverb, so "called" has no subject
  // and the quote went to the next clause's speaker.
  document::Document doc = Annotate(
      "date 2026-04-09 Indian Prime Minister Narendra Modi and his Australian counterpart Anthony Albanese signed a "
      "defence agreement on Thursday.\n\n"
      "The agreement allows the two navies to use each other's bases. Albanese called it \"a milestone in our "
      "partnership\", while the Indian leader said the pact would make the region \"safer and more prosperous\".\n");
  ASSERT_GE(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].kind, "partial");
  EXPECT_NE(doc.quotes[0].speaker_name.find("Albanese"), std::string::npos) << doc.quotes[0].speaker_name;
}

TEST_F(QuoteFixturesTest, ACueBeforeAQuoteThatEndsItsSentenceWinsOverALaterOne) {
  // "boasted" introduces the quote, which ends its sentence; the "said" of the next sentence
  // is an architect's, about something else.
  document::Document doc = Annotate(
      "date 2016-09-27 When the senator noted that Lena Varga had paid no tax, Varga boasted, \"That makes me "
      "smart.\" Varga was just as defensive about an architect who said he was never paid for his work.\n");
  const document::Quote* smart = QuoteWith(doc, "smart");
  ASSERT_NE(smart, nullptr);
  EXPECT_NE(smart->speaker_name.find("Varga"), std::string::npos) << smart->speaker_name << " " << smart->reason;
}

TEST_F(QuoteFixturesTest, ACueInsideReportedSpeechLeavesTheQuoteToTheReporter) {
  // "respond" is what the spokeswoman says the government will do, in her words.
  document::Document doc = Annotate(
      "date 2026-03-14 President Arvid Kessel condemned the sanctions. His spokeswoman, Mira Tolvanen, said the "
      "government would respond \"in a mirror-like manner\".\n");
  const document::Quote* manner = QuoteWith(doc, "mirror");
  ASSERT_NE(manner, nullptr);
  EXPECT_NE(manner->speaker_name.find("Tolvanen"), std::string::npos) << manner->speaker_name << " " << manner->reason;
}

TEST_F(QuoteFixturesTest, ANamedSpokesmanForAPrincipalSpeaks) {
  // The spokesman named after the comma speaks, not the man he speaks for.
  document::Document doc = Annotate(
      "date 2026-10-14 Secretary-General Arvid Kessel said he was disappointed. A spokesman for Kessel, Mira "
      "Tolvanen, said the secretary-general would continue to press both sides.\n");
  const document::Quote* press = QuoteWith(doc, "press");
  ASSERT_NE(press, nullptr);
  EXPECT_NE(press->speaker_name.find("Tolvanen"), std::string::npos) << press->speaker_name << " " << press->reason;
}

TEST_F(QuoteFixturesTest, AccordingToAfterACueIsItsViaNotWhatWasSaid) {
  // The parse may hang "according to" on the cue of a direct quote: the outlet relays the
  // quote, and is no content of its own.
  document::Document doc = Annotate(
      "date 2026-11-15 Lin Zhao said the world was big enough. \"The planet is big enough for both of us,\" the "
      "Chinese leader said, according to state broadcaster CCTV.\n");
  for (const document::Quote& q : doc.quotes) {
    EXPECT_EQ(doc.SpanText(q.span).find("according"), std::string_view::npos) << doc.SpanText(q.span);
  }
  const document::Quote* planet = QuoteWith(doc, "planet");
  ASSERT_NE(planet, nullptr);
  EXPECT_EQ(planet->kind, "direct");
}

TEST_F(QuoteFixturesTest, AStatementReadOnTelevisionIsNotWhatWasSaid) {
  // The parse may make "read" a second content clause of "said": the clause before the
  // cue is what the junta said.
  document::Document doc = Annotate(
      "date 2026-07-14 Zarovia expelled the Velsian ambassador on Monday and ordered the troops to leave, the "
      "junta said in a statement read on state television.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span).substr(0, 16), "Zarovia expelled") << doc.SpanText(doc.quotes[0].span);
}

TEST_F(QuoteFixturesTest, ACommaParticipleSpeaksForTheReporterNotTheReported) {
  // The parse may hang "adding" on "double", inside what Varga reports; Varga still adds it.
  document::Document doc = Annotate(
      "date 2026-06-03 Lena Varga said Baku would double gas exports to Turkey by 2030, adding that the deal "
      "\"opens a new chapter\".\n");
  const document::Quote* chapter = QuoteWith(doc, "chapter");
  ASSERT_NE(chapter, nullptr);
  EXPECT_NE(chapter->speaker_name.find("Varga"), std::string::npos) << chapter->speaker_name << " " << chapter->reason;
}

TEST_F(QuoteFixturesTest, AQuoteFollowedByADescribedSpeakerIsOneDirectQuote) {
  // The parse hangs the quote's verb on "said", with the description inside it: no
  // indirect quote may start inside the quote marks.
  document::Document doc = Annotate(
      "date 2016-01-01 \"We will not accept this,\" the White House spokesman, Ellis Harmon, said on Thursday.\n");
  ASSERT_EQ(doc.quotes.size(), 1u) << doc.SpanText(doc.quotes.back().span);
  EXPECT_EQ(doc.quotes[0].kind, "direct");
  EXPECT_NE(doc.quotes[0].speaker_name.find("Harmon"), std::string::npos) << doc.quotes[0].speaker_name;
}

TEST_F(QuoteFixturesTest, TheOutletThatReportedItIsTheVia) {
  document::Document doc = Annotate(
      "date 2024-03-01 Asked about the talks, Lena Varga said \"the two sides agreed on every point,\" "
      "according to state-run broadcaster Radio Nordvik 2.\n");
  ASSERT_FALSE(doc.quotes.empty());
  const document::Quote& q = doc.quotes[0];
  EXPECT_NE(q.speaker_name.find("Varga"), std::string::npos) << q.speaker_name;
  EXPECT_NE(q.via_name.find("Radio Nordvik"), std::string::npos) << "via: '" << q.via_name << "'";
}

TEST_F(QuoteFixturesTest, ADatelineIsNotWhatWasSaid) {
  document::Document doc = Annotate(
      "date 2024-08-23 NAIROBI, Aug. 23 \u2014 Talks on the ceasefire will resume next week, "
      "a government spokesman said.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].kind, "indirect");
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span).rfind("Talks on the ceasefire", 0), 0u) << doc.SpanText(doc.quotes[0].span);
  // Capitals that run into the sentence are no dateline.
  doc = Annotate("date 2024-08-23 NATO troops left the base at dawn - and for good, a spokesman said.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span).rfind("NATO troops", 0), 0u) << doc.SpanText(doc.quotes[0].span);
}

// A name in apposition speaks, not the possessor before it ("His ally, former mayor Ivo
// Rask, said", "Varno's sister, Ana Varno, said"); with no name of its own, the possessor
// stands for the phrase ("Varno's spokesman said"), as a nationality does for a body.
TEST_F(QuoteFixturesTest, AnAppositiveNameSpeaksBeforeAPossessor) {
  document::Document doc = Annotate(
      "date 2024-04-10 Opposition leader Dragan Varno met students on Monday.\n\n"
      "His ally, former mayor Ivo Rask, said the students deserved support.\n\n"
      "Varno's sister, Ana Varno, said the rally would go on.\n\n"
      "Varno's spokesman said the talks had failed.\n");
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ivo Rask") << doc.quotes[0].reason;
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ana Varno") << doc.quotes[1].reason;
  EXPECT_EQ(doc.SpanText(doc.quotes[2].speaker_span), "Varno's spokesman");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Dragan Varno") << doc.quotes[2].reason;
}

// "the Palestinian prisoners' society said": a body of the country its nationality names,
// the country's entity when the article names the country, never one of its towns.
TEST_F(QuoteFixturesTest, ANationalBodyIsNoTownOfItsCountry) {
  document::Document doc = Annotate(
      "date 2024-04-10 Soldiers arrested 12 men in raids in Jenin and Nablus, the Palestinian prisoners' "
      "society said.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker, -1) << doc.quotes[0].speaker_name;
  EXPECT_EQ(doc.SpanText(doc.quotes[0].speaker_span), "the Palestinian prisoners' society");
  doc = Annotate(
      "date 2024-04-10 Armenia closed its border on Monday. Troops shelled two villages near Goris, the "
      "Armenian defence ministry said.\n");
  ASSERT_FALSE(doc.quotes.empty());
  // The ministry itself speaks: a body of Armenia, not a town of it.
  const document::Quote& ministry = doc.quotes.back();
  ASSERT_GE(ministry.speaker, 0) << ministry.reason;
  EXPECT_EQ(doc.entities[ministry.speaker].country, "ARM") << ministry.speaker_name;
  EXPECT_EQ(doc.entities[ministry.speaker].type, "ORG") << ministry.speaker_name;
}

// A reporting clause closing its sentence is read from the words, however the parse hangs it;
// commas before a subject and a verb that reports nothing are no such clause.
TEST_F(QuoteFixturesTest, AClosingReportingClauseIsReadFromTheWords) {
  document::Document doc = Annotate(
      "date 2024-04-09 About 40 people were hurt when a footbridge gave way, police said.\n\n"
      "The city will sell its ferry stake, Finance Director Olga Brandt said on Monday, adding that "
      "talks had begun.\n");
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span), "About 40 people were hurt when a footbridge gave way");
  EXPECT_EQ(doc.SpanText(doc.quotes[0].speaker_span), "police");
  EXPECT_EQ(doc.SpanText(doc.quotes[1].span), "The city will sell its ferry stake");
  EXPECT_EQ(doc.SpanText(doc.quotes[2].cue), "adding");
  for (int k : {1, 2}) EXPECT_EQ(doc.quotes[k].speaker_name, "Olga Brandt") << k;
  // The writer's own clause may go on after the cue: ", as ...", ", while ...".
  doc = Annotate("date 2024-04-10 Airstrikes killed at least 25 people in the port on Thursday, health officials "
                 "said, as mediators pressed both sides to accept a truce.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.quotes[0].span), "Airstrikes killed at least 25 people in the port on Thursday");
  EXPECT_EQ(doc.SpanText(doc.quotes[0].speaker_span), "health officials");
  for (const char* sentence :
       {"One after another, the mining firms of the valley, including Kessler Coal, declared bankruptcy.",
        "Campaigning in the north in 2019, the senator barely mentioned the budget.",
        "But when the council cut funding for the scheme two years later, the city said enough.",
        "She took a new post as harbour counsellor, in which she advises Mayor Ivo Rask."}) {
    doc = Annotate(std::string("date 2024-04-10 ") + sentence + "\n");
    EXPECT_TRUE(doc.quotes.empty()) << sentence << ": " << doc.SpanText(doc.quotes[0].span);
  }
}

// One giant sentence of quotes, cues and "according to" through the real parse:
// every quote found, every span inside the text (the work per quote is bounded).
TEST_F(QuoteFixturesTest, GiantSentenceOfQuotes) {
  std::string text = "date 2024-05-02 ";
  for (int i = 0; i < 1500; ++i) {
    text += "he said \"word" + std::to_string(i) + "\" and Bob praised the \"thing\" according to Reuters, who said ";
  }
  document::Document doc = Annotate(text + "\n");
  EXPECT_GE(doc.quotes.size(), 3000u);
  for (const auto& q : doc.quotes) {
    EXPECT_LE(q.span.end, doc.text.size());
    EXPECT_LE(q.speaker_span.end, doc.text.size());
  }
}

}  // namespace
}  // namespace newsgraph
