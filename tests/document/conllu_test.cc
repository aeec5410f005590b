#include <gtest/gtest.h>

#include "document/conllu.h"

namespace newsgraph::document {
namespace {

const char kTwoDocs[] =
    "# newdoc id = d1\n"
    "# sent_id = 1\n"
    "# text = Envoys met.\n"
    "1\tEnvoys\tenvoy\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = d2\n"
    "# sent_id = 2\n"
    "# text = don't go\n"
    "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "\n";

TEST(ConlluTest, ReadsDocumentsWithOffsetsIntoRebuiltText) {
  auto docs = ReadConllu(kTwoDocs, "two.conllu");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  const Document& d1 = (*docs)[0];
  EXPECT_EQ(d1.id, "d1");
  EXPECT_EQ(d1.text, "Envoys met. ");
  ASSERT_EQ(d1.tokens.size(), 3u);
  EXPECT_EQ(d1.SpanText(d1.tokens[1].span), "met");
  EXPECT_FALSE(d1.tokens[1].space_after);
  EXPECT_EQ(d1.tokens[0].head, 2);
  EXPECT_EQ(d1.tokens[0].feats, "Number=Plur");
  const Document& d2 = (*docs)[1];
  EXPECT_EQ(d2.sentences[0].multiword_lines.size(), 1u);
  EXPECT_EQ(d2.text, "don't go ");
  EXPECT_EQ(d2.SpanText(d2.tokens[0].span), "don't");  // words of a multiword token share its span
  EXPECT_EQ(d2.SpanText(d2.tokens[2].span), "go");
}

TEST(ConlluTest, WriteRoundTripsEveryColumn) {
  auto docs = ReadConllu(kTwoDocs, "two.conllu", {.split_on_newdoc = false});
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  std::string written = WriteConllu((*docs)[0]);
  // Everything after the first comment line round-trips exactly.
  EXPECT_EQ(written, std::string(kTwoDocs));
}

TEST(ConlluTest, MalformedLinesNameTheLine) {
  auto bad = ReadConllu("# sent_id = 1\n1\tword\tword\tNOUN\n", "bad.conllu");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.conllu:2"), std::string::npos) << bad.status().message();
  auto bad_head = ReadConllu("1\tword\tword\tNOUN\tNN\t_\tx\troot\t_\t_\n", "h.conllu");
  ASSERT_FALSE(bad_head.ok());
  EXPECT_NE(bad_head.status().message().find("h.conllu:1"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph::document
