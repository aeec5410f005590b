#include "document/conll2003.h"

#include <gtest/gtest.h>

namespace newsgraph::document {
namespace {

// Our own news-like fixture in CoNLL-2003 columns (IOB1 gold, as in the original data).
constexpr char kFixture[] =
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "Officials NNS B-NP O\n"
    "in IN B-PP O\n"
    "Lagos NNP B-NP I-LOC\n"
    "met VBD B-VP O\n"
    "Ada NNP B-NP I-PER\n"
    "Okafor NNP I-NP I-PER\n"
    ". . O O\n"
    "\n"
    "Blue NNP B-NP I-ORG\n"
    "Harbor NNP I-NP I-ORG\n"
    "Shipping NNP I-NP B-ORG\n"
    "grew VBD B-VP O\n"
    "\n"
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "Hello UH O O\n";

TEST(Conll2003Test, ReadsDocumentsSentencesAndGold) {
  auto docs = ReadConll2003(kFixture, "fixture.txt");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  const Document& d = (*docs)[0];
  EXPECT_EQ(d.text, "Officials in Lagos met Ada Okafor .\nBlue Harbor Shipping grew");
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.SpanText(d.tokens[4].span), "Ada");
  std::vector<std::string> gold = Conll2003GoldTags(d);
  std::vector<std::string> want = {"O", "O", "B-LOC", "O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "B-ORG", "O"};
  EXPECT_EQ(gold, want);
}

TEST(Conll2003Test, WriteAddsPredictedColumnMappedToConllTypes) {
  auto docs = ReadConll2003(kFixture, "fixture.txt");
  ASSERT_TRUE(docs.ok());
  Document& d = (*docs)[0];
  const char* tags[] = {"O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "I-ORG", "B-DATE"};
  for (size_t i = 0; i < d.tokens.size(); ++i) d.tokens[i].ner = tags[i];
  std::string out = WriteConll2003(d);
  EXPECT_EQ(out,
            "-DOCSTART- -X- -X- O O\n\n"
            "Officials NNS B-NP O O\nin IN B-PP O O\nLagos NNP B-NP I-LOC B-LOC\nmet VBD B-VP O O\n"
            "Ada NNP B-NP I-PER B-PER\nOkafor NNP I-NP I-PER I-PER\n. . O O O\n\n"
            "Blue NNP B-NP I-ORG B-ORG\nHarbor NNP I-NP I-ORG I-ORG\nShipping NNP I-NP B-ORG I-ORG\n"
            "grew VBD B-VP O O\n\n");
  // Round trip: reading the output back keeps tokens and sentences.
  auto again = ReadConll2003(out, "out.txt");
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].text, d.text);
  EXPECT_EQ(Conll2003GoldTags((*again)[0])[2], "B-LOC");
}

TEST(Conll2003Test, DocumentsFromOtherFormatsStartWithADocstartLine) {
  auto docs = ReadConll2003(kFixture, "fixture.txt");
  ASSERT_TRUE(docs.ok());
  // As if the documents had come from text: no input columns to write back.
  std::string batch;
  for (Document& d : *docs) {
    d.metadata.erase("conll2003");
    for (Token& t : d.tokens) t.ner = "O";
    batch += WriteConll2003(d);
  }
  EXPECT_EQ(batch.substr(0, 31), "-DOCSTART- O\n\nOfficials O\nin O\n");
  auto again = ReadConll2003(batch, "batch.txt");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_EQ(again->size(), 2u);
  EXPECT_EQ((*again)[0].text, (*docs)[0].text);
  EXPECT_EQ((*again)[1].text, "Hello");
}

TEST(Conll2003Test, TypeMappingAndIob2) {
  EXPECT_EQ(ToConll2003Type("FAC"), "LOC");
  EXPECT_EQ(ToConll2003Type("NORP"), "MISC");
  EXPECT_EQ(ToConll2003Type("MONEY"), "");
  std::vector<std::string> tags = {"I-PER", "I-PER", "B-PER", "O", "I-LOC", "junk"};
  ToIob2(tags);
  EXPECT_EQ(tags, (std::vector<std::string>{"B-PER", "I-PER", "B-PER", "O", "B-LOC", "O"}));
}

TEST(Conll2003Test, BadInputNamesLine) {
  std::string bad = "ok O\n" + std::string(1200, 'x') + " O\n";
  auto docs = ReadConll2003(bad, "bad.txt");
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("bad.txt:2"), std::string::npos);
  auto empty = ReadConll2003("", "empty.txt");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace newsgraph::document
