// EntityResolver behind the real tagger and parser, on text we wrote: the rules that
// read the parse (subjects, clauses) are checked on the parses they will get.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "document/document.h"
#include "extract/read_article.h"
#include "pipeline/pipeline.h"

namespace newsgraph {
namespace {

class ParsedTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pipeline::PipelineOptions options;
    options.until = pipeline::Stage::kEntities;
    auto p = pipeline::Pipeline::Create(options);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(*p).release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  static document::Document Annotate(const std::string& article) {
    document::Document doc = test_articles::ReadArticle(article, "parsed_text_test.txt");
    pipeline_->Annotate(doc);
    return doc;
  }

  // The name of the entity of the n-th mention whose text is `text`, or "".
  static std::string EntityNameOf(const document::Document& doc, const std::string& text, int n = 0) {
    for (const document::Mention& m : doc.mentions) {
      if (doc.text.substr(m.span.start, m.span.end - m.span.start) != text || n-- > 0) continue;
      return m.entity >= 0 ? doc.entities[m.entity].name : "";
    }
    return "";
  }

  static pipeline::Pipeline* pipeline_;
};

pipeline::Pipeline* ParsedTextTest::pipeline_ = nullptr;

// A pronoun after a sentence is its main subject's, not the latest name's; inside a
// quotation its speaker talks of someone else, so there the latest name stays.
TEST_F(ParsedTextTest, APronounTakesThePreviousSentencesSubject) {
  document::Document doc = Annotate(
      "date 2026-03-04\n"
      "Foreign Minister Hakan Fidan, who met Giorgos Gerapetritis in the capital, told reporters that the two "
      "neighbours had turned a page.\n\n"
      "\"We are talking again,\" he said.\n\n"
      "Analyst William Hart, who studied Ronald Reagan for years, wrote a book about the campaign.\n\n"
      "\"In the past, he was able to go around the power elite,\" Hart said.\n");
  EXPECT_EQ(EntityNameOf(doc, "he"), "Hakan Fidan");
  EXPECT_EQ(EntityNameOf(doc, "he", 1), "Ronald Reagan");
}

const document::Entity* Named(const document::Document& doc, const std::string& name) {
  for (const document::Entity& e : doc.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// Filed from the most named country, a story's officials are that country's even when
// another country is named nearly as often.
// "Its" and "their" before an office stand for the body or country that is the subject of
// a clause before them, not for the latest name.
TEST_F(ParsedTextTest, ItsOfficeIsTheSubjectBodys) {
  document::Document doc = Annotate(
      "date 2026-02-11\n"
      "The Pakistani Taliban claimed the attack. Afghanistan's Taliban administration denied the charge. Its "
      "spokesman, Zabi Mujadi, urged Islamabad to talk.\n\n"
      "The World Bank also approved a loan to support Kenya's budget, its country director Keith Hanson said.\n");
  const document::Entity* mujadi = Named(doc, "Zabi Mujadi");
  ASSERT_NE(mujadi, nullptr);
  EXPECT_EQ(mujadi->actor, "AFGREB");
  ASSERT_EQ(mujadi->roles.size(), 1u);
  EXPECT_EQ(mujadi->roles[0], "spokesman");
  const document::Entity* hanson = Named(doc, "Keith Hanson");
  ASSERT_NE(hanson, nullptr);
  EXPECT_EQ(hanson->actor, "IGOWBK");
}

// Talks held abroad: the officers are of the forces the story names, not of the town it is
// filed from; an armed group's commander is the group's.
TEST_F(ParsedTextTest, OfficersServeTheForcesTheStoryNames) {
  document::Document doc = Annotate(
      "date 2026-05-06\n"
      "JEDDAH, May 6 (Newsgraph) - Sudan's army and the Rapid Support Forces agreed to a truce, Saudi mediators "
      "said.\n\n"
      "Army chief General Kamal Osmani said his forces would respect the truce. RSF commander Idris Dalgo did "
      "not comment.\n");
  const document::Entity* osmani = Named(doc, "Kamal Osmani");
  ASSERT_NE(osmani, nullptr);
  EXPECT_EQ(osmani->actor, "SDNMIL");
  const document::Entity* dalgo = Named(doc, "Idris Dalgo");
  ASSERT_NE(dalgo, nullptr);
  EXPECT_EQ(dalgo->actor, "SDNREB");
}

TEST_F(ParsedTextTest, OfficialsOfTheCountryAStoryIsFiledFrom) {
  document::Document doc = Annotate(
      "date 2026-05-12\n"
      "KHARTOUM, May 12 (Reuters) - Fighting went on in Sudan on Tuesday around El Fasher, Omdurman and Nyala.\n\n"
      "Army chief Abdel Fattah al-Burhan has rejected calls for talks.\n\n"
      "Saudi Arabia and Egypt have hosted mediation, and Riyadh will invite both sides to Jeddah.\n");
  const document::Entity* burhan = Named(doc, "Abdel Fattah al-Burhan");
  ASSERT_NE(burhan, nullptr);
  EXPECT_EQ(burhan->country, "SDN");
}

// Filed from a country's town, the story's bare-titled officials are that country's even
// when another country is named more often.
TEST_F(ParsedTextTest, OfficialsOfTheDatelineCountryNamedLessThanAnother) {
  document::Document doc = Annotate(
      "date 2026-08-14\n"
      "CARACAS, Aug 14 (AP) - Venezuela released six U.S. citizens on Thursday after talks with a U.S. envoy.\n\n"
      "The Americans were flown to Texas aboard a U.S. government plane, Washington said.\n\n"
      "Opposition leader Maria Corina Machado criticised the talks.\n\n"
      "Caracas has long accused Washington of meddling.\n");
  const document::Entity* machado = Named(doc, "Maria Corina Machado");
  ASSERT_NE(machado, nullptr);
  EXPECT_EQ(machado->country, "VEN");
}

}  // namespace
}  // namespace newsgraph
