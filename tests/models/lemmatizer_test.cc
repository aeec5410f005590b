#include "models/lemmatizer.h"

#include <gtest/gtest.h>

#include "models/lemmatizer_trainer.h"

namespace newsgraph::models {
namespace {

TEST(LemmaRuleTest, RulesRoundTrip) {
  for (auto [form, lemma] : std::vector<std::pair<std::string, std::string>>{
           {"running", "run"}, {"The", "the"}, {"was", "be"}, {"Iraq", "Iraq"}, {"me", "I"}, {"geese", "goose"}}) {
    EXPECT_EQ(Lemmatizer::Apply(Lemmatizer::RuleFor(form, lemma), form), lemma) << form;
  }
}

Lemmatizer Trained() {
  LemmatizerTrainer t;
  t.Add("talks", "NNS", "talk");
  t.Add("walks", "NNS", "walk");
  t.Add("reports", "NNS", "report");
  t.Add("was", "VBD", "be");
  t.Add("was", "VBD", "be");
  t.Add("said", "VBD", "say");
  t.Add("visited", "VBD", "visit");
  t.Add("signed", "VBD", "sign");
  t.Add("The", "DT", "the");
  t.Add("the", "DT", "the");
  t.Add("Geneva", "NNP", "Geneva");
  t.Add("Paris", "NNP", "Paris");
  return t.Build();
}

TEST(LemmatizerTest, LexiconAndSuffixRules) {
  Lemmatizer lem = Trained();
  EXPECT_EQ(lem.Lemmatize("was", "VBD"), "be");
  EXPECT_EQ(lem.Lemmatize("WAS", "VBD"), "be");          // headline case
  EXPECT_EQ(lem.Lemmatize("THE", "DT"), "the");
  EXPECT_EQ(lem.Lemmatize("missiles", "NNS"), "missile");  // unknown: suffix rule
  EXPECT_EQ(lem.Lemmatize("launched", "VBD"), "launch");
  EXPECT_EQ(lem.Lemmatize("Pyongyang", "NNP"), "Pyongyang");
  EXPECT_EQ(lem.Lemmatize("", "NN"), "");
  EXPECT_EQ(lem.Lemmatize("x", "UNSEEN-TAG"), "x");
}

// An unknown word's longest-suffix rule loses to a shorter suffix's rule when only the
// shorter one makes a verb the lexicon knows: "-elled" -> "-el" is right for "travelled",
// but "shelled" is "shell"; a word the shorter rule does not make known keeps the longer.
TEST(LemmatizerTest, AShorterSuffixWinsWhenItMakesAKnownVerb) {
  LemmatizerTrainer t;
  for (const char* form : {"travelled", "labelled", "modelled"}) {
    std::string lemma(form);
    lemma.resize(lemma.size() - 3);
    t.Add(form, "VBD", lemma);
  }
  for (const char* lemma : {"walk", "ask", "open", "sign", "visit"}) t.Add(std::string(lemma) + "ed", "VBD", lemma);
  t.Add("shell", "VB", "shell");
  Lemmatizer lem = t.Build();
  EXPECT_EQ(lem.Lemmatize("cancelled", "VBD"), "cancel");  // the long rule: "cancell" is no known verb
  EXPECT_EQ(lem.Lemmatize("shelled", "VBD"), "shell");     // the short rule makes a known verb
}

TEST(LemmatizerTest, NoRuleCutsACharacterInTwo) {
  // A rule learnt on two ASCII bytes ("strip 2, append 's") met a curly quote the tagger
  // called POS: cutting two of its three bytes left invalid UTF-8 in the output.
  LemmatizerTrainer t;
  t.Add("xs", "POS", "'s");
  t.Add("ys", "POS", "'s");
  Lemmatizer lem = t.Build();
  EXPECT_EQ(lem.Lemmatize("zs", "POS"), "'s");  // the rule itself still works
  EXPECT_EQ(lem.Lemmatize("“", "POS"), "“");
  EXPECT_EQ(lem.Lemmatize("a“", "POS"), "a“");
  EXPECT_EQ(Lemmatizer::Apply(Lemmatizer::RuleFor("cafés", "café"), "cafés"), "café");  // whole characters go
}

TEST(LemmatizerTest, SerializeParseRoundTrip) {
  Lemmatizer lem = Trained();
  auto parsed = Lemmatizer::Parse(lem.Serialize(), "test");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->Lemmatize("reports", "NNS"), "report");
  EXPECT_EQ(parsed->lexicon_size(), lem.lexicon_size());
}

TEST(LemmatizerTest, TruncatedPayloadIsCorruption) {
  std::string bytes = Trained().Serialize();
  for (size_t cut : {size_t{0}, size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    auto parsed = Lemmatizer::Parse(std::string_view(bytes).substr(0, cut), "lemmas");
    ASSERT_FALSE(parsed.ok()) << cut;
    EXPECT_EQ(parsed.status().code(), StatusCode::kCorruption);
    EXPECT_NE(parsed.status().message().find("lemmas"), std::string::npos);
  }
}

}  // namespace
}  // namespace newsgraph::models
