// Table-driven tests of the rule tokenizer on sentences written for this project,
// plus a differential test against a naive whitespace/punctuation reference.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/segmenter.h"

namespace newsgraph::text {
namespace {

std::vector<std::string> Forms(std::string_view text) {
  std::vector<std::string> out;
  for (auto s : Tokenize(text, 0, text.size())) out.emplace_back(text.substr(s.start, s.size()));
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> tokens;
};

class TokenizerCases : public ::testing::TestWithParam<Case> {};

TEST_P(TokenizerCases, MatchesEwtConventions) {
  const Case& c = GetParam();
  EXPECT_EQ(Forms(c.text), c.tokens) << c.text;
}

const Case kCases[] = {
    {"punctuation", "Rain fell, then stopped; people left!", {"Rain", "fell", ",", "then", "stopped", ";", "people", "left", "!"}},
    {"possessive", "North Korea's leader", {"North", "Korea", "'s", "leader"}},
    {"curly_possessive", "North Korea\u2019s leader", {"North", "Korea", "\u2019s", "leader"}},
    {"plural_possessive", "the ministers' meeting", {"the", "ministers", "'", "meeting"}},
    {"negation", "They don't know", {"They", "do", "n't", "know"}},
    {"cant", "We can't go", {"We", "ca", "n't", "go"}},
    {"clitics", "I'm sure you'll see we've won", {"I", "'m", "sure", "you", "'ll", "see", "we", "'ve", "won"}},
    {"cannot", "He cannot stay", {"He", "can", "not", "stay"}},
    {"gonna", "we're gonna win", {"we", "'re", "gon", "na", "win"}},
    {"irish_name", "O'Brien spoke", {"O'Brien", "spoke"}},
    {"titles", "Gen. Smith met Mr. Jones and Dr. Lee", {"Gen.", "Smith", "met", "Mr.", "Jones", "and", "Dr.", "Lee"}},
    {"dates", "on Sept. 13 at 10 a.m.", {"on", "Sept.", "13", "at", "10", "a.m."}},
    {"country_abbrev", "the U.S. and U.K. envoys", {"the", "U.S.", "and", "U.K.", "envoys"}},
    {"suffix", "Martin Luther King Jr. spoke", {"Martin", "Luther", "King", "Jr.", "spoke"}},
    {"number_sign", "Resolution No. 5 passed", {"Resolution", "No.", "5", "passed"}},
    {"initials", "J. R. R. Tolkien wrote", {"J.", "R.", "R.", "Tolkien", "wrote"}},
    {"decimals", "growth of 3.5 percent and 1,200,000 jobs", {"growth", "of", "3.5", "percent", "and", "1,200,000", "jobs"}},
    {"money_percent", "$5 or 7%", {"$", "5", "or", "7", "%"}},
    {"time", "at 10:30 today", {"at", "10:30", "today"}},
    {"hyphen_split", "a well-known F-16 pilot", {"a", "well", "-", "known", "F", "-", "16", "pilot"}},
    {"hyphen_prefix", "send an e-mail to the co-chair", {"send", "an", "e-mail", "to", "the", "co-chair"}},
    {"hyphen_name", "Kim Jong-un", {"Kim", "Jong", "-", "un"}},
    {"phone", "call 555-123-4567 now", {"call", "555-123-4567", "now"}},
    {"url", "see https://example.org/a/b?x=1.", {"see", "https://example.org/a/b?x=1", "."}},
    {"www", "(www.example.com)", {"(", "www.example.com", ")"}},
    {"email", "mail press@example.org, please", {"mail", "press@example.org", ",", "please"}},
    {"emoticons", "great :) and sad :-(", {"great", ":)", "and", "sad", ":-("}},
    {"straight_quotes", "\"No,\" he said.", {"\"", "No", ",", "\"", "he", "said", "."}},
    {"curly_quotes", "\u201cNo,\u201d he said.", {"\u201c", "No", ",", "\u201d", "he", "said", "."}},
    {"dashes", "Moscow \u2014 the capital \u2013 and--more", {"Moscow", "\u2014", "the", "capital", "\u2013", "and", "--", "more"}},
    {"ellipsis", "Wait... and\u2026 go", {"Wait", "...", "and", "\u2026", "go"}},
    {"brackets", "[the talks (in Moscow)]", {"[", "the", "talks", "(", "in", "Moscow", ")", "]"}},
    {"headline_caps", "NORTH KOREA'S KIM DOESN'T BLINK", {"NORTH", "KOREA", "'S", "KIM", "DOES", "N'T", "BLINK"}},
    {"sentence_end_period", "It ended.", {"It", "ended", "."}},
    {"exclaim_run", "No!!! Really?!", {"No", "!!!", "Really", "?!"}},
    {"units", "a 24hrs drive of 650k", {"a", "24", "hrs", "drive", "of", "650", "k"}},
    {"ordinals", "the 4th and 1990s", {"the", "4th", "and", "1990s"}},
    {"decades", "the 70's", {"the", "70's"}},
    {"hashtag", "join #press now", {"join", "#press", "now"}},
    {"abbrev_double_period", "Acme Inc.. Then", {"Acme", "Inc.", ".", "Then"}},
    {"nbsp", "10\u00a0km", {"10", "km"}},
    {"accented", "S\u00e3o Paulo caf\u00e9s", {"S\u00e3o", "Paulo", "caf\u00e9s"}},
};

INSTANTIATE_TEST_SUITE_P(Ewt, TokenizerCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(TokenizeTest, RespectsRange) {
  std::string text = "skip this. Keep these words. skip";
  auto spans = Tokenize(text, 11, 28);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans.front().start, 11u);
  EXPECT_EQ(spans.back().end, 28u);
}

TEST(TokenizeTest, EmptyAndWhitespace) {
  EXPECT_TRUE(Forms("").empty());
  EXPECT_TRUE(Forms(" \n\t \u00a0 ").empty());
}

// Reference: split on whitespace, then cut every non-alphanumeric ASCII byte off
// as its own token. On text of plain words and simple punctuation (no periods
// after words, no apostrophes, hyphens or digits next to letters) the real
// tokenizer must agree with it exactly.
std::vector<std::string> NaiveTokens(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] { if (!cur.empty()) out.push_back(cur), cur.clear(); };
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      flush();
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      cur += c;
    } else {
      flush();
      out.emplace_back(1, c);
    }
  }
  flush();
  return out;
}

TEST(TokenizeTest, AgreesWithNaiveReferenceOnSimpleText) {
  const char* words[] = {"talks", "Moscow", "leader", "the", "said", "army", "Kim", "visit", "rocket", "port"};
  const char* puncts[] = {",", "(", ")", "\""};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = 1 + rng() % 12;
    for (int k = 0; k < n; ++k) {
      if (!text.empty() && rng() % 3 != 0) text += ' ';
      text += (rng() % 4 == 0) ? puncts[rng() % 4] : words[rng() % 10];
    }
    // Glued words ("leaderthe") are one word in both; glued punctuation is split by both.
    EXPECT_EQ(Forms(text), NaiveTokens(text)) << text;
  }
}

// Word runs are scanned eight bytes at a time: check every length around the block
// size, ended by each kind of byte that stops a run, at the end of the text too.
TEST(TokenizeTest, WordRunsOfEveryLengthAroundEightBytes) {
  const char* enders[] = {"", " ", ",", ".", "\u00e9", "-", "\n", "_", "@", "[", "`", "{", "/", ":"};
  for (size_t len = 1; len <= 26; ++len) {
    std::string word;
    for (size_t k = 0; k < len; ++k) word += "Zaz9q0mAz"[k % 9];
    for (const char* end : enders) {
      std::string text = word + end;
      auto spans = Tokenize(text, 0, text.size());
      ASSERT_FALSE(spans.empty()) << text;
      if (std::string_view(end) == "\u00e9") {
        EXPECT_EQ(spans[0].size(), text.size()) << text;  // a letter: the word continues
      } else if (std::string_view(end) != "_" && std::string_view(end) != "-" && (len > 1 || *end != '.')) {
        // (a joining underscore or hyphen, and initials like "Z.", follow other rules)
        EXPECT_EQ(spans[0].size(), len) << text;
      }
    }
  }
}

// The single-word fast path must agree with the general rules on chunks it skips.
TEST(TokenizeTest, PlainWordsAndFusedWords) {
  EXPECT_EQ(Forms("cannot Cannot dont gonna that about"),
            (std::vector<std::string>{"can", "not", "Can", "not", "do", "nt", "gon", "na", "that", "about"}));
  EXPECT_EQ(Forms("www http ftp wwwx"), (std::vector<std::string>{"www", "http", "ftp", "wwwx"}));
}

}  // namespace
}  // namespace newsgraph::text
