// Segmenter tests with the committed model data/models/segmenter.ngm.
#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "base/utf8.h"
#include "models/model_file.h"

namespace newsgraph::text {
namespace {

std::string ModelPath() { return std::string(NEWSGRAPH_SOURCE_DIR) + "/data/models/segmenter.ngm"; }

const Segmenter& Seg() {
  static std::shared_ptr<const Segmenter> seg = [] {
    auto s = Segmenter::Load(ModelPath());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : nullptr;
  }();
  return *seg;
}

std::vector<std::string> Sentences(const std::string& text) {
  document::Document doc;
  doc.text = text;
  Seg().Segment(doc);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.SpanText(s.span));
  return out;
}

struct SplitCase {
  const char* name;
  const char* text;
  std::vector<std::string> sentences;
};

class SentenceCases : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SentenceCases, Splits) {
  const SplitCase& c = GetParam();
  EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

const SplitCase kSplitCases[] = {
    {"two_plain", "The talks ended. Both sides left.", {"The talks ended.", "Both sides left."}},
    {"abbreviation", "Mr. Kim arrived on Sept. 13 in Vladivostok. He met officials.",
     {"Mr. Kim arrived on Sept. 13 in Vladivostok.", "He met officials."}},
    {"initials", "The novel by J. R. R. Tolkien sold well. Critics agreed.",
     {"The novel by J. R. R. Tolkien sold well.", "Critics agreed."}},
    {"quote_said", "\"We will not yield,\" the minister said. The vote follows.",
     {"\"We will not yield,\" the minister said.", "The vote follows."}},
    {"closing_quote", "He said: \"The deal is off with Russia.\" Then he left the room.",
     {"He said: \"The deal is off with Russia.\"", "Then he left the room."}},
    {"bracket_in_quote", "\"The army (and the navy) will stay.\" Officials agreed.",
     {"\"The army (and the navy) will stay.\"", "Officials agreed."}},
    {"question", "Will the talks resume? Nobody knows.", {"Will the talks resume?", "Nobody knows."}},
    {"paragraph", "Talks resume today\n\nThe ministers met in Geneva.",
     {"Talks resume today", "The ministers met in Geneva."}},
    {"headline_line", "KIM MEETS PUTIN AT COSMODROME\nThe leaders met on Wednesday.",
     {"KIM MEETS PUTIN AT COSMODROME", "The leaders met on Wednesday."}},
    {"us_midsentence", "Troops from the U.S. and Britain arrived.", {"Troops from the U.S. and Britain arrived."}},
    {"decimal", "Growth reached 3.5 percent last year.", {"Growth reached 3.5 percent last year."}},
    // A company's suffix that ends the sentence ends it before "The", "It", "He"; before a
    // word in lower case, or inside a name, it does not.
    {"company_suffix_ends_sentence",
     "She is an analyst at Delphine Data Corp. The strike went on. Talks with Halden Steel Co. ended. Norvane "
     "Holdings Ltd. It was her first job.",
     {"She is an analyst at Delphine Data Corp.", "The strike went on.", "Talks with Halden Steel Co. ended.",
      "Norvane Holdings Ltd.", "It was her first job."}},
    // A party and state in brackets: "Mass." is a word too, so no list can hold it.
    {"party_and_state", "Rep. Ann Ruiz (D-Mass.) said the vote would be close. Sen. Tom Hale (R-Ill.) agreed.",
     {"Rep. Ann Ruiz (D-Mass.) said the vote would be close.", "Sen. Tom Hale (R-Ill.) agreed."}},
    {"bracketed_sentence", "The talks ended early. (Both sides declined to comment.) The vote is next week.",
     {"The talks ended early.", "(Both sides declined to comment.)", "The vote is next week."}},
    // Hard-wrapped wire copy: line breaks inside sentences are spaces, a heading and an
    // indented line still break.
    {"hard_wrapped",
     "TALKS RESUME\n"
     "    The report may weaken the standing of Defence Minister Ana\n"
     "Quellin and Foreign Minister Tomas Varno, who were said to be\n"
     "more interested in their own positions than in the talks, aides\n"
     "said on Tuesday. The ministers will meet again in Geneva next\n"
     "week, according to officials.\n"
     "    A second paragraph follows.",
     {"TALKS RESUME",
      "The report may weaken the standing of Defence Minister Ana\nQuellin and Foreign Minister Tomas Varno, who "
      "were said to be\nmore interested in their own positions than in the talks, aides\nsaid on Tuesday.",
      "The ministers will meet again in Geneva next\nweek, according to officials.", "A second paragraph follows."}},
    // Wire copy whose dateline was cut from its first line: the short first line goes on; a
    // heading in capitals and a line that ends a sentence still break.
    {"wrapped_short_first_line",
     "Deputy Trade Representative Ana\n"
     "Quellin said on Tuesday that the talks on grain tariffs would\n"
     "resume in Geneva next week, with a first offer expected from\n"
     "both sides by the end of the month, and that she was hopeful.\n"
     "The ministers will meet again in Geneva next week to sign the\n"
     "accord.\n"
     "GRAIN TALKS\n"
     "Officials said the tariffs could be cut by half within two\n"
     "years once both sides agreed on the timetable.",
     {"Deputy Trade Representative Ana\nQuellin said on Tuesday that the talks on grain tariffs would\nresume in "
      "Geneva next week, with a first offer expected from\nboth sides by the end of the month, and that she was "
      "hopeful.",
      "The ministers will meet again in Geneva next week to sign the\naccord.", "GRAIN TALKS",
      "Officials said the tariffs could be cut by half within two\nyears once both sides agreed on the timetable."}},
    // A results table, one line per row: each line is a sentence, though rows end in figures.
    {"results_lines",
     "Results of matches on Saturday :\nArsenal 2 Derby 2\nChelsea 2 Everton 2\nCoventry 1 Tottenham 2\n"
     "Standings after the matches on Saturday :\nLiverpool 16 10 4 2 31 14 34\nArsenal 16 9 5 2 32 16 32",
     {"Results of matches on Saturday :", "Arsenal 2 Derby 2", "Chelsea 2 Everton 2", "Coventry 1 Tottenham 2",
      "Standings after the matches on Saturday :", "Liverpool 16 10 4 2 31 14 34", "Arsenal 16 9 5 2 32 16 32"}},
    // One paragraph or headline per line is no wrapped text: each line stays a sentence.
    {"headlines_per_line",
     "Kim meets Putin at the cosmodrome\nRussia to help build satellites\nPeskov says talks went well\n"
     "Shoigu joins the delegation",
     {"Kim meets Putin at the cosmodrome", "Russia to help build satellites", "Peskov says talks went well",
      "Shoigu joins the delegation"}},
};

INSTANTIATE_TEST_SUITE_P(News, SentenceCases, ::testing::ValuesIn(kSplitCases),
                         [](const ::testing::TestParamInfo<SplitCase>& info) { return info.param.name; });

TEST(SegmenterTest, TokensCarryFormAndSpaceAfter) {
  document::Document doc;
  doc.text = "Kim's visit, Sept. 13.";
  Seg().Segment(doc);
  std::vector<std::string> forms;
  std::vector<bool> space;
  for (const auto& t : doc.tokens) {
    EXPECT_EQ(t.form, doc.SpanText(t.span));
    forms.push_back(t.form);
    space.push_back(t.space_after);
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"Kim", "'s", "visit", ",", "Sept.", "13", "."}));
  EXPECT_EQ(space, (std::vector<bool>{false, true, false, true, true, false, true}));
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].token_begin, 0u);
  EXPECT_EQ(doc.sentences[0].token_end, 7u);
}

TEST(SegmenterTest, NothingInsideRemovedSpans) {
  document::Document doc;
  doc.text = "The summit opened. Read also: other stories here. The leaders spoke.";
  uint32_t start = static_cast<uint32_t>(doc.text.find("Read"));
  uint32_t end = static_cast<uint32_t>(doc.text.find(" The leaders"));
  doc.removed.push_back({{start, end}, "boilerplate: also-read"});
  Seg().Segment(doc);
  for (const auto& t : doc.tokens) EXPECT_TRUE(t.span.end <= start || t.span.start >= end) << t.form;
  for (const auto& s : doc.sentences) EXPECT_TRUE(s.span.end <= start || s.span.start >= end);
  EXPECT_EQ(doc.sentences.size(), 2u);
}

TEST(SegmenterTest, RemovedSpanSplitsSentence) {
  document::Document doc;
  doc.text = "Officials said ADVERTISEMENT the talks continue";
  uint32_t start = static_cast<uint32_t>(doc.text.find("ADVERTISEMENT"));
  doc.removed.push_back({{start, start + 13}, "boilerplate"});
  Seg().Segment(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.SpanText(doc.sentences[0].span), "Officials said");
}

TEST(SegmenterTest, RandomTextInvariants) {
  std::mt19937 rng(11);
  const char* bits[] = {"Mr.", " ", "\n", "\n\n", "Kim", "'s", "\"", ".", "...", "\u2019", "\u2014", "U.S.", "(",
                        ")", "3.5", "e-mail", ":)", "http://x.org", "\u00e9", "\xF0\x9F\x98\x80", "\u00a0", "?"};
  for (int round = 0; round < 500; ++round) {
    document::Document doc;
    int n = rng() % 30;
    for (int k = 0; k < n; ++k) doc.text += bits[rng() % 22];
    if (doc.text.size() > 4 && rng() % 2) {
      uint32_t a = rng() % doc.text.size();
      uint32_t b = a + rng() % (doc.text.size() - a);
      doc.removed.push_back({{a, b}, "x"});
    }
    Seg().Segment(doc);
    uint32_t last = 0;
    for (const auto& t : doc.tokens) {
      ASSERT_LT(t.span.start, t.span.end);
      ASSERT_GE(t.span.start, last);
      ASSERT_LE(t.span.end, doc.text.size());
      ASSERT_TRUE(base::IsValidUtf8(t.form)) << doc.text;
      for (const auto& r : doc.removed) ASSERT_TRUE(t.span.end <= r.span.start || t.span.start >= r.span.end);
      last = t.span.end;
    }
    uint32_t next = 0;
    for (const auto& s : doc.sentences) {
      ASSERT_EQ(s.token_begin, next);
      ASSERT_LT(s.token_begin, s.token_end);
      next = s.token_end;
    }
    ASSERT_EQ(next, doc.tokens.size());
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SegmenterLoadTest, MissingFile) {
  auto s = Segmenter::Load("/nonexistent/segmenter.ngm");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/nonexistent/segmenter.ngm"), std::string::npos);
}

TEST(SegmenterLoadTest, TruncatedFile) {
  std::string bytes = ReadFile(ModelPath());
  ASSERT_GT(bytes.size(), 100u);
  auto s = Segmenter::LoadFromBytes(bytes.substr(0, bytes.size() / 2), "cut.ngm");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
  EXPECT_NE(s.status().message().find("cut.ngm"), std::string::npos) << s.status().message();
}

TEST(SegmenterLoadTest, WrongKind) {
  models::ModelFileWriter writer({{"kind", "tagger"}, {"version", 1}});
  auto s = Segmenter::LoadFromBytes(writer.Serialize(), "tagger.ngm");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("tagger.ngm"), std::string::npos) << s.status().message();
}

TEST(SegmenterLoadTest, FailingSelfTestIsReported) {
  std::string bytes = ReadFile(ModelPath());
  auto file = models::ModelFile::Parse(bytes, "m.ngm");
  ASSERT_TRUE(file.ok());
  models::ModelFileWriter writer(file->meta());
  writer.SetSelfTest(nlohmann::json::array(
      {{{"text", "One. Two."}, {"tokens", {"One."}}, {"sentences", {"One. Two."}}}}));
  for (const char* tag : {"lexicon", "weights"}) writer.AddSection(tag, std::string(*file->Section(tag)));
  auto s = Segmenter::LoadFromBytes(writer.Serialize(), "bad-selftest.ngm");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("self-test"), std::string::npos) << s.status().message();
}

TEST(SegmenterLoadTest, OldFeatureVersionIsRefused) {
  std::string bytes = ReadFile(ModelPath());
  auto file = models::ModelFile::Parse(bytes, "m.ngm");
  ASSERT_TRUE(file.ok());
  models::ModelFileWriter writer(file->meta());
  writer.SetSelfTest(file->selftest());
  writer.AddSection("lexicon", std::string(*file->Section("lexicon")));
  std::string weights(*file->Section("weights"));
  weights[0] = 1;  // feature version 1: the first model's features
  writer.AddSection("weights", weights);
  auto s = Segmenter::LoadFromBytes(writer.Serialize(), "v1.ngm");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
  EXPECT_NE(s.status().message().find("feature version 1"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("v1.ngm"), std::string::npos) << s.status().message();
}

TEST(SegmenterLoadTest, MetaDescribesModel) {
  EXPECT_EQ(Seg().meta().value("kind", ""), "segmenter");
  EXPECT_TRUE(Seg().meta().contains("dev_scores"));
}

}  // namespace
}  // namespace newsgraph::text
