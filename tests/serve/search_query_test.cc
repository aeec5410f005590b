// store::ToFtsQuery: user words become FTS5 strings, never syntax.
#include <gtest/gtest.h>

#include "store/search.h"

namespace newsgraph::store {
namespace {

TEST(ToFtsQuery, WordsPhrasesAndPrefixes) {
  EXPECT_EQ(*ToFtsQuery("kim putin"), "\"kim\" \"putin\"");
  EXPECT_EQ(*ToFtsQuery("\"sacred fight\" kim"), "\"sacred fight\" \"kim\"");
  EXPECT_EQ(*ToFtsQuery("restr*"), "\"restr\"*");
}

TEST(ToFtsQuery, SyntaxIsQuoted) {
  EXPECT_EQ(*ToFtsQuery("title:kim"), "\"title:kim\"");
  EXPECT_EQ(*ToFtsQuery("a OR b"), "\"a\" \"OR\" \"b\"");
  EXPECT_EQ(*ToFtsQuery("say\"\"hi"), "\"say\"\"\"\"hi\"");
  EXPECT_EQ(*ToFtsQuery("NEAR(a b)"), "\"NEAR(a\" \"b)\"");
}

TEST(ToFtsQuery, RefusesWhatCannotBeSearched) {
  EXPECT_FALSE(ToFtsQuery("").ok());
  EXPECT_FALSE(ToFtsQuery("!!! ---").ok());
  EXPECT_FALSE(ToFtsQuery(std::string(2000, 'a')).ok());
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_FALSE(ToFtsQuery(many).ok());
  EXPECT_EQ(ToFtsQuery("***").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsgraph::store
