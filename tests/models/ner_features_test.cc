// Known-names and first-name lists, document context, headline re-casing and the title post-pass
// of the NER (models/ner_names.h, models/ner_features.h), on sentences written
// for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <utility>

#include "models/model_file.h"
#include "models/ner.h"
#include "models/ner_document.h"
#include "models/ner_features.h"
#include "models/ner_names.h"
#include "models/ner_span_rules.h"
#include "models/ner_trainer.h"

#include "ner_test_helpers.h"

namespace newsgraph::models {
namespace {

std::vector<std::string> Normalized(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) out.push_back(kb::Gazetteer::Normalize(w));
  return out;
}

TEST(NerNamesTest, ParsesMatchesLongestAndRoundTrips) {
  auto names = NerNames::Parse("# comment\nORG\tAcme Mining|Acme\nFAC\tPort Lumen Airport\n\nORG\tU.N.\n", "n.tsv");
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(names->size(), 4u);
  std::vector<std::string> norm = Normalized(Split("staff of Acme Mining flew from Port Lumen Airport to the U.N. ."));
  int type = -1;
  EXPECT_EQ(names->Match(norm, 2, type), 2);  // "Acme Mining", not just "Acme"
  EXPECT_EQ(type, 1);                         // ORG
  EXPECT_EQ(names->Match(norm, 6, type), 3);
  EXPECT_EQ(type, 4);  // FAC
  EXPECT_EQ(names->Match(norm, 11, type), 1);
  EXPECT_EQ(names->Match(norm, 0, type), 0);
  EXPECT_EQ(names->Match(norm, 99, type), 0);  // out of range is no match
  EXPECT_EQ(names->Match(norm, 2, type, 1), 1);  // at most one token: "Acme"
  EXPECT_EQ(names->Match(norm, 6, type, 2), 0);  // "Port Lumen" is no name of its own
  auto again = NerNames::Parse(names->Serialize(), "again");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Serialize(), names->Serialize());
}

TEST(NerNamesTest, MalformedListsAreClearErrors) {
  auto no_tab = NerNames::Parse("ORG Acme\n", "bad.tsv");
  ASSERT_FALSE(no_tab.ok());
  EXPECT_NE(no_tab.status().message().find("bad.tsv:1"), std::string::npos);
  auto bad_type = NerNames::Parse("# x\nCOMPANY\tAcme\n", "bad.tsv");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_NE(bad_type.status().message().find("bad.tsv:2"), std::string::npos);
  EXPECT_NE(bad_type.status().message().find("COMPANY"), std::string::npos);
  EXPECT_FALSE(NerNames::Parse("ORG\tAcme||Beta\n", "bad.tsv").ok());
  EXPECT_FALSE(NerNames::Parse("ORG\ta b c d e f g h i\n", "bad.tsv").ok());
  std::string binary("ORG\t\0\xff\xfe", 6);
  EXPECT_FALSE(NerNames::Parse(binary, "bin.tsv").ok());
}

TEST(NerFeaturesTest, AllCapsHeadlinesAreDetected) {
  std::vector<std::string> h = Split("RUGBY - LIONS BEAT HOSTS IN CAPE TOWN .");
  std::vector<std::string_view> hv(h.begin(), h.end());
  EXPECT_TRUE(ner_internal::IsAllCapsSentence(hv));
  std::vector<std::string> t = Split("The Lions beat the hosts in Cape Town .");
  std::vector<std::string_view> tv(t.begin(), t.end());
  EXPECT_FALSE(ner_internal::IsAllCapsSentence(tv));
  std::vector<std::string> dateline = Split("LONDON 1996-08-30");
  std::vector<std::string_view> dv(dateline.begin(), dateline.end());
  EXPECT_TRUE(ner_internal::IsAllCapsSentence(dv));
  std::vector<std::string> numbers = Split("1. 2 - 0 A");
  std::vector<std::string_view> nv(numbers.begin(), numbers.end());
  EXPECT_FALSE(ner_internal::IsAllCapsSentence(nv));
}

TEST(NerFeaturesTest, HeadlineTokensLookLikeTheirBodyForms) {
  // "LIONS" is written "Lions" in the body, "BEAT" is written "beat": after
  // re-casing, the headline tokens get the body forms' features.
  std::vector<std::string> head = Split("LIONS BEAT HOSTS"), body = Split("On Saturday the Lions beat the hosts .");
  std::vector<std::vector<std::string_view>> doc = {{head.begin(), head.end()}, {body.begin(), body.end()}};
  ner_internal::DocContext context(doc);
  ASSERT_NE(context.Find("lions"), nullptr);
  EXPECT_EQ(context.Find("lions")->cap, 1u);
  EXPECT_EQ(context.Find("beat")->lower, 1u);
  EXPECT_EQ(context.Find("on"), nullptr);  // sentence-initial only
  std::vector<ner_internal::TokenInfo> from_head, from_body;
  ner_internal::ComputeTokenInfo(doc[0], {}, &context, from_head);
  ner_internal::ComputeTokenInfo(doc[1], {}, &context, from_body);
  EXPECT_EQ(from_head[0].form, from_body[3].form);   // LIONS -> Lions
  EXPECT_EQ(from_head[1].form, from_body[4].form);   // BEAT -> beat
  EXPECT_EQ(from_head[1].shape, from_body[4].shape);
  EXPECT_TRUE(from_head[0].capitalized);
  EXPECT_FALSE(from_head[1].capitalized);
  EXPECT_EQ(from_body[3].doc_cap, 0u);  // no other mid-sentence use besides itself
}

TEST(NerFeaturesTest, TitlesAndNationalitiesLeavePersonNames) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  std::vector<std::string> words = Split("Russian President Vladimir Putin met President Lula and Mr. Reed");
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<std::string> tags = {"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON",
                                   "I-PERSON", "O", "B-PERSON", "I-PERSON"};
  ner_internal::SplitTitlesFromPersons(forms, gaz.get(), tags);
  EXPECT_EQ(tags, (std::vector<std::string>{"B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O",
                                            "B-PERSON"}));
  std::vector<std::string> split = {"B-PERSON", "O", "B-PERSON", "I-PERSON"};
  std::vector<std::string_view> russian(forms.begin(), forms.begin() + 4);
  ner_internal::SplitTitlesFromPersons(russian, gaz.get(), split);
  EXPECT_EQ(split, (std::vector<std::string>{"B-NORP", "O", "B-PERSON", "I-PERSON"}));
  std::vector<std::string> alone = {"B-PERSON"};
  std::vector<std::string_view> president = {"President"};
  ner_internal::SplitTitlesFromPersons(president, gaz.get(), alone);
  EXPECT_EQ(alone[0], "O");
  // Without its title, "of" and a place were an office, no one's name.
  std::vector<std::string_view> king = {"the", "King", "of", "Athens", "and", "the", "Prince", "of", "Quarvel"};
  std::vector<std::string> office = {"O",         "B-PERSON", "I-PERSON", "I-PERSON", "O",
                                     "O",         "B-PERSON", "I-PERSON", "I-PERSON"};
  ner_internal::SplitTitlesFromPersons(king, gaz.get(), office);
  EXPECT_EQ(office, (std::vector<std::string>{"O", "O", "O", "B-GPE", "O", "O", "O", "O", "O"}));
}

// `tags` of `text` after `rule(forms, marked, tags)`, where marked[i] says whether the i-th
// word is listed in `marked_words` (first names, often-lowercase words ...).
template <typename Rule>
std::vector<std::string> AfterMarkedRule(const std::string& text, std::vector<std::string> tags,
                                         const std::vector<std::string>& marked_words, Rule rule) {
  std::vector<std::string> words = Split(text);
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<bool> marked(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    marked[i] = std::find(marked_words.begin(), marked_words.end(), words[i]) != marked_words.end();
  }
  EXPECT_EQ(tags.size(), words.size()) << text;
  rule(forms, marked, tags);
  return tags;
}

// `text` with `tags` after SplitTitleOfPhrases; first names are the words listed in `firsts`.
std::vector<std::string> AfterTitleOfPhrases(const std::string& text, std::vector<std::string> tags,
                                             const std::vector<std::string>& firsts) {
  auto gaz = CommittedGazetteer();
  EXPECT_NE(gaz, nullptr);
  return AfterMarkedRule(text, std::move(tags), firsts, [&](const auto& forms, const auto& first_name, auto& t) {
    ner_internal::SplitTitleOfPhrases(forms, first_name, gaz.get(), t);
  });
}

TEST(NerFeaturesTest, OfficesBetweenATitleAndANameAreNotPartOfIt) {
  using Tags = std::vector<std::string>;
  // The office ran into the name.
  EXPECT_EQ(AfterTitleOfPhrases("Secretary of State Warren Christopher met",
                                {"O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"}, {"Warren"}),
            (Tags{"O", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  // An office the gazetteer knows keeps its type; the title typed on its own is dropped.
  EXPECT_EQ(AfterTitleOfPhrases("Secretary-General of NATO Javier Solana arrived",
                                {"B-PERSON", "O", "B-ORG", "I-ORG", "I-ORG", "O"}, {"Javier"}),
            (Tags{"O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(AfterTitleOfPhrases("Chancellor of the Exchequer Nigel Lawson said",
                                {"O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}, {"Nigel"}),
            (Tags{"O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  // A country the model ran on after the name is a place again.
  EXPECT_EQ(AfterTitleOfPhrases("told Secretary of State George Shultz China 's troubles",
                                {"O", "O", "B-PERSON", "I-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "O"}, {"George"}),
            (Tags{"O", "O", "O", "O", "B-PERSON", "I-PERSON", "B-GPE", "O", "O"}));
  // Left alone: no first name to start the person, or office and name already apart.
  const Tags finance = {"O", "O", "B-ORG", "I-ORG", "O"};
  EXPECT_EQ(AfterTitleOfPhrases("Minister of Finance Khalil spoke", finance, {}), finance);
  const Tags apart = {"O", "O", "O", "B-PERSON", "I-PERSON", "O"};
  EXPECT_EQ(AfterTitleOfPhrases("Secretary of State Warren Christopher met", apart, {"Warren"}), apart);
  const Tags bank = {"O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"};
  EXPECT_EQ(AfterTitleOfPhrases("Governor of the Bank of England spoke", bank, {}), bank);
}

TEST(NerFeaturesTest, NamesTravelWithTheModelAndDocumentsTagAlike) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  std::vector<NerSentence> train = {
      {Split("Zorvex Mining hired Tom Reed ."), {"B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"}, 0},
      {Split("Tom Reed left Lima ."), {"B-PERSON", "I-PERSON", "O", "B-GPE", "O"}, 0},
      {Split("Miners praised Quellco ."), {"O", "O", "B-ORG", "O"}, 1},
  };
  auto names = NerNames::Parse("ORG\tZorvex Mining|Quellco\n", "names");
  ASSERT_TRUE(names.ok());
  NerTrainOptions options;
  options.epochs = 5;
  options.names = &*names;
  auto tagger = TrainNer(train, gaz, options, {{"training", "tiny"}});
  std::string path = ::testing::TempDir() + "/ner_names.ngm";
  ASSERT_TRUE(WriteNerModel(*tagger, {Split("Tom Reed joined Quellco .")}, path).ok());
  auto loaded = NerTagger::Load(path, gaz);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->names().size(), 2u);
  std::vector<std::vector<std::string>> tagged = TagSentences(**loaded, train);
  std::vector<std::vector<std::string>> by_tagger;
  std::vector<std::vector<std::string_view>> doc0 = {{train[0].forms.begin(), train[0].forms.end()},
                                                     {train[1].forms.begin(), train[1].forms.end()}};
  by_tagger = (*loaded)->TagDocument(doc0);
  EXPECT_EQ(by_tagger[0], tagged[0]);
  EXPECT_EQ(by_tagger[1], tagged[1]);
}

// `tags` of `text` after ApplySpanRules with the committed gazetteer (`names` may be null).
std::vector<std::string> AfterSpanRules(const std::string& text, std::vector<std::string> tags,
                                        const kb::Gazetteer* gaz, const NerNames* names = nullptr,
                                        bool team_report = false) {
  std::vector<std::string> words = Split(text);
  std::vector<std::string_view> forms(words.begin(), words.end());
  EXPECT_EQ(tags.size(), words.size()) << text;
  ner_internal::ApplySpanRules(forms, gaz, names, tags, true, team_report);
  return tags;
}

// AfterSpanRules with the committed gazetteer, loaded once.
std::vector<std::string> AfterSpanRulesWithGazetteer(const std::string& text, std::vector<std::string> tags) {
  static const auto gaz = CommittedGazetteer();
  EXPECT_NE(gaz, nullptr);
  return AfterSpanRules(text, std::move(tags), gaz.get());
}

TEST(NerSpanRulesTest, KnownNamesSuffixesTitlesAndDatelines) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto names = NerNames::Parse("ORG\tKremlin|Zorvex Mining|Fed|Quelnews|Quelnews News Agency\n", "names");
  ASSERT_TRUE(names.ok());
  auto run = [&](const std::string& text, std::vector<std::string> tags) {
    return AfterSpanRules(text, std::move(tags), gaz.get(), &*names);
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("The Kremlin said", {"O", "B-PERSON", "O"}), (V{"O", "B-ORG", "O"}));
  // The list's longer name ("Quelnews News Agency") does not hide the span's own.
  EXPECT_EQ(run("the Quelnews news agency said", {"O", "B-PERSON", "O", "O", "O"}), (V{"O", "B-ORG", "O", "O", "O"}));
  // A longer span is not the known name: the model's type stays.
  EXPECT_EQ(run("Kremlin Palace guards", {"B-FAC", "I-FAC", "O"}), (V{"B-FAC", "I-FAC", "O"}));
  EXPECT_EQ(run("Acme Holdings Plc fell", {"B-FAC", "I-FAC", "I-FAC", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quellco Inc rose", {"B-PERSON", "O", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Foreign Minister Sergei Lavrov", {"B-MISC", "I-MISC", "B-PERSON", "I-PERSON"}),
            (V{"O", "O", "B-PERSON", "I-PERSON"}));
  // A portfolio before "Minister" / "Secretary" and a name is no name; a country or a
  // nationality there stays.
  EXPECT_EQ(run("paid Foreign Minister Sergei Lavrov", {"O", "B-ORG", "O", "B-PERSON", "I-PERSON"}),
            (V{"O", "O", "O", "B-PERSON", "I-PERSON"}));
  EXPECT_EQ(run("Home Affairs Secretary Ann Quell", {"B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"}),
            (V{"O", "O", "O", "B-PERSON", "I-PERSON"}));
  EXPECT_EQ(run("Canada Secretary Ann Quell", {"B-GPE", "O", "B-PERSON", "I-PERSON"}),
            (V{"B-GPE", "O", "B-PERSON", "I-PERSON"}));
  EXPECT_EQ(run("Canadian Minister Ann Quell", {"B-NORP", "O", "B-PERSON", "I-PERSON"}),
            (V{"B-NORP", "O", "B-PERSON", "I-PERSON"}));
  EXPECT_EQ(run("the Zorvex Secretary said", {"O", "B-ORG", "O", "O"}), (V{"O", "B-ORG", "O", "O"}));
  // A person's span that ends in the office is an office ("Treasury Secretary under Nixon").
  EXPECT_EQ(run("as Treasury Secretary under Nixon", {"O", "B-PERSON", "I-PERSON", "O", "B-PERSON"}),
            (V{"O", "O", "O", "O", "B-PERSON"}));
  EXPECT_EQ(run("as Minister for years", {"O", "B-PERSON", "O", "O"}), (V{"O", "O", "O", "O"}));
  // An organization head word, "of" and a place: one ORG, whichever way the model cut it.
  EXPECT_EQ(run("the Bank of Montreal said", {"O", "O", "O", "B-GPE", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Bank of New York owns", {"B-PERSON", "O", "B-GPE", "I-GPE", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Bank of New York owns", {"B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Bank of Taiwan and", {"O", "B-LOC", "I-LOC", "B-GPE", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("University of Chicago Press", {"B-ORG", "O", "B-ORG", "I-ORG"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG"}));
  // Not a place after "of", or a title: left alone.
  const V energy = {"B-ORG", "I-ORG", "I-ORG", "O"};
  EXPECT_EQ(run("Department of Energy said", energy), energy);
  const V war = {"O", "O", "O", "B-GPE", "O"};
  EXPECT_EQ(run("the Battle of Britain began", war), war);
  // Clubs named after their town in sports prose; countries (national teams) stay places.
  EXPECT_EQ(run("Blackburn captain Tim Sherwood scored", {"B-PERSON", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-ORG", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("as Blackburn beat Leicester 2-1", {"O", "B-PERSON", "O", "B-GPE", "O"}),
            (V{"O", "B-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("Bolton drew with Leeds on Saturday", {"B-GPE", "O", "O", "B-GPE", "O", "O"}),
            (V{"B-ORG", "O", "O", "B-ORG", "O", "O"}));
  // A score may follow the verb; a club already typed ORG on one side makes the town a club.
  EXPECT_EQ(run("Bolton drew 1-1 with Leeds", {"B-GPE", "O", "O", "O", "B-GPE"}),
            (V{"B-ORG", "O", "O", "O", "B-ORG"}));
  EXPECT_EQ(run("Quarry Rovers beat Parma 2-0", {"B-ORG", "I-ORG", "O", "B-PERSON", "O"}),
            (V{"B-ORG", "I-ORG", "O", "B-ORG", "O"}));
  const V companies = {"B-ORG", "O", "B-ORG", "O"};
  EXPECT_EQ(run("Zorvex beat Quellco again", companies), companies);
  const V nations = {"B-GPE", "O", "B-GPE", "O"};
  EXPECT_EQ(run("Germany beat Italy 2-0", nations), nations);
  EXPECT_EQ(run("Quarry Rovers beat Italy 2-0", {"B-ORG", "I-ORG", "O", "B-GPE", "O"}),
            (V{"B-ORG", "I-ORG", "O", "B-GPE", "O"}));
  const V person = {"B-PERSON", "O", "B-PERSON", "I-PERSON"};
  EXPECT_EQ(run("Sampras beat Boris Becker", person), person);
  const V mayor = {"B-GPE", "O", "B-PERSON", "I-PERSON"};
  EXPECT_EQ(run("Leicester mayor Ann Quell", mayor), mayor);
  // A nationality of two words is one NORP whatever the model made of it; one word only
  // from a place, event or other-name type; inside a longer name it stays.
  EXPECT_EQ(run("senior West German bankers", {"O", "B-PERSON", "I-PERSON", "O"}), (V{"O", "B-NORP", "I-NORP", "O"}));
  EXPECT_EQ(run("senior West German bankers", {"O", "O", "O", "O"}), (V{"O", "B-NORP", "I-NORP", "O"}));
  EXPECT_EQ(run("senior West German bankers", {"O", "B-MISC", "O", "O"}), (V{"O", "B-NORP", "I-NORP", "O"}));
  EXPECT_EQ(run("the Soviet grain", {"O", "B-GPE", "O"}), (V{"O", "B-NORP", "O"}));
  const V bank = {"O", "B-ORG", "I-ORG", "I-ORG", "O"};
  EXPECT_EQ(run("the West German Bundesbank said", bank), bank);
  // A town typed as a person after "in" is the town; after "to" it may be a person.
  EXPECT_EQ(run("fighting in Santos went on", {"O", "O", "B-PERSON", "O", "O"}), (V{"O", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("he spoke to Santos .", {"O", "O", "O", "B-PERSON", "O"}), (V{"O", "O", "O", "B-PERSON", "O"}));
  // An organization's head word alone is the organization, whatever else the model made of it.
  EXPECT_EQ(run("a spokesman for the Bank said", {"O", "O", "O", "O", "B-PERSON", "O"}),
            (V{"O", "O", "O", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("the Fed said", {"O", "B-GPE", "O"}), (V{"O", "B-ORG", "O"}));
  EXPECT_EQ(run("the Fed said", {"O", "O", "O"}), (V{"O", "B-ORG", "O"}));  // a known name, alone
  EXPECT_EQ(run("Fed Chairman Tom Quell", {"O", "O", "B-PERSON", "I-PERSON"}),
            (V{"B-ORG", "O", "B-PERSON", "I-PERSON"}));  // or before a title
  EXPECT_EQ(run("workers fed up with it", {"O", "O", "O", "O", "O"}), (V{"O", "O", "O", "O", "O"}));
  // Credit ratings are no names; the same letters elsewhere stay what the model made them.
  EXPECT_EQ(run("the AA rating", {"O", "B-ORG", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("cut to Baa-2 from", {"O", "O", "B-LOC", "O"}), (V{"O", "O", "O", "O"}));
  EXPECT_EQ(run("AA said", {"B-ORG", "O"}), (V{"B-ORG", "O"}));
  EXPECT_EQ(run("debt to A from B -", {"O", "O", "B-ORG", "O", "B-LOC", "O"}), (V{"O", "O", "O", "O", "O", "O"}));
  // "Partners" and "L.P." end partnerships' names like a company suffix.
  EXPECT_EQ(run("Zorvex Partners said", {"B-PERSON", "I-PERSON", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quellco Energy L.P. said", {"B-PERSON", "I-PERSON", "O", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
  const V mark = {"O", "B-MISC", "O"};
  EXPECT_EQ(run("the Bank holiday", mark), mark);
  // An acronym typed PERSON in running text is an organization; in a headline it stays, and a
  // country's is the country.
  EXPECT_EQ(run("officials at MITI said on Friday", {"O", "O", "B-PERSON", "O", "O", "O"}),
            (V{"O", "O", "B-ORG", "O", "O", "O"}));
  const V headline = {"B-PERSON", "O", "B-PERSON"};
  EXPECT_EQ(run("SAMPRAS BEATS BECKER", headline), headline);
  EXPECT_EQ(run("exports to UAE rose sharply", {"O", "O", "B-PERSON", "O", "O"}), (V{"O", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("LONDON 1996-08-30", {"B-PERSON", "O"}), (V{"B-GPE", "O"}));
  // An all-caps dateline before a full date is a place even when the gazetteer lacks it
  // ("FRANKFURT": GeoNames has "Frankfurt am Main"); not a company, a bare year or
  // a word in lower case.
  EXPECT_EQ(run("ZORVEX 1996-08-30", {"B-PERSON", "O"}), (V{"B-GPE", "O"}));
  EXPECT_EQ(run("PORT LUMEN 1996 - 08 - 30", {"B-ORG", "I-ORG", "O", "O", "O", "O", "O"}),
            (V{"B-GPE", "I-GPE", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("ZORVEX CORP 1996-08-30", {"B-ORG", "I-ORG", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("ZORVEX EXCHANGE 1996-08-30", {"B-ORG", "I-ORG", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("ZORVEX 1996", {"B-MISC", "O"}), (V{"B-MISC", "O"}));
  EXPECT_EQ(run("Zorvex 1996-08-30", {"B-PERSON", "O"}), (V{"B-PERSON", "O"}));
  // Town, region: each part a place ("Ohio" from the gazetteer).
  EXPECT_EQ(run("QUELLTOWN , Ohio 1996-08-23", {"B-PERSON", "O", "B-ORG", "O"}), (V{"B-GPE", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("Quelltown , Ohio 1996-08-23", {"B-PERSON", "O", "O", "O"}), (V{"B-PERSON", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("", {}), V{});
  EXPECT_EQ(run("McLean Industries Inc 's unit", {"B-PERSON", "O", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "O", "O"}));
  // Legal forms of other countries: Finnish "Oy", German "KGaA".
  EXPECT_EQ(run("Quellco Oy said", {"B-PERSON", "I-PERSON", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Varno KGaA said", {"B-PERSON", "O", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the International Coffee Organization said", {"O", "O", "O", "O", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  // Head words only fill untagged runs: the model's own span stays (an event: "the Tea Party").
  EXPECT_EQ(run("the Zorvex Party said", {"O", "B-EVENT", "I-EVENT", "O"}), (V{"O", "B-EVENT", "I-EVENT", "O"}));
  EXPECT_EQ(run("Party officials said", {"O", "O", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("The North Korean delegation", {"O", "B-EVENT", "I-EVENT", "O"}), (V{"O", "B-NORP", "I-NORP", "O"}));
  EXPECT_EQ(run("The North Korean War", {"O", "B-EVENT", "I-EVENT", "I-EVENT"}),
            (V{"O", "B-EVENT", "I-EVENT", "I-EVENT"}));
  // A dateline whose date our tokenizer split; a place the gazetteer only had with a
  // bracketed note ("Wales [Cymru GB-CYM]").
  EXPECT_EQ(run("CARDIFF 1996 - 08 - 29", {"B-PERSON", "B-DATE", "O", "O", "O", "O"}),
            (V{"B-GPE", "B-DATE", "O", "O", "O", "O"}));
  EXPECT_EQ(run("WALES 1996-08-30", {"O", "O"}), (V{"B-GPE", "O"}));
  EXPECT_EQ(run("CARDIFF said 1996", {"B-PERSON", "O", "O"}), (V{"B-PERSON", "O", "O"}));
  // Months and weekdays alone are no names; "May" is left to the model.
  EXPECT_EQ(run("on Aug 29", {"O", "B-PERSON", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("Friday said", {"B-PERSON", "O"}), (V{"O", "O"}));
  EXPECT_EQ(run("Halftime 1-1", {"B-PERSON", "O"}), (V{"O", "O"}));
  EXPECT_EQ(run("Quelton 99 ( OT )", {"B-ORG", "O", "O", "B-PERSON", "O"}), (V{"B-ORG", "O", "O", "O", "O"}));
  EXPECT_EQ(run("-- Lima Newsroom +51 1 221", {"O", "B-GPE", "I-GPE", "O", "O", "O"}),
            (V{"O", "B-GPE", "O", "O", "O", "O"}));
  EXPECT_EQ(run("May said", {"B-PERSON", "O"}), (V{"B-PERSON", "O"}));
  EXPECT_EQ(run("Tom Friday said", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Goldman , Sachs and Co said", {"B-PERSON", "O", "B-ORG", "O", "B-PERSON", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Pratt and Co Inc rose", {"B-PERSON", "O", "O", "O", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("bread and Co", {"O", "O", "B-PERSON"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("SEARS , ROEBUCK AND CO SAYS", {"B-ORG", "O", "B-PERSON", "O", "B-PERSON", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Paris market rose", {"O", "B-PERSON", "O", "O"}), (V{"O", "B-GPE", "O", "O"}));
  // A city of a million that is also a state's name (the gazetteer's first entry).
  EXPECT_EQ(run("Kaduna said", {"B-PERSON", "O"}), (V{"B-GPE", "O"}));
  EXPECT_EQ(run("between England and Pakistan", {"O", "B-ORG", "O", "B-GPE"}), (V{"O", "B-GPE", "O", "B-GPE"}));
  EXPECT_EQ(run("the England Cricket Board", {"O", "B-ORG", "I-ORG", "I-ORG"}), (V{"O", "B-ORG", "I-ORG", "I-ORG"}));
  EXPECT_EQ(run("Kim Paris said", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  // A place or person span ending in an organization head word is an organization.
  EXPECT_EQ(run("the Chicago Mercantile Exchange", {"O", "B-GPE", "I-GPE", "I-GPE"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG"}));
  EXPECT_EQ(run("the Zorvex Group said", {"O", "B-PERSON", "I-PERSON", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  // So is an "other name" ending in one, or a bank ("Quellco Bank of Varnia").
  EXPECT_EQ(run("the Quellco Savings Bank", {"O", "B-MISC", "I-MISC", "I-MISC"}), (V{"O", "B-ORG", "I-ORG", "I-ORG"}));
  EXPECT_EQ(run("Quellco Bank of Varnia", {"B-MISC", "I-MISC", "I-MISC", "I-MISC"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG"}));
  EXPECT_EQ(run("the Quellco Tax Act", {"O", "B-MISC", "I-MISC", "I-MISC"}), (V{"O", "B-MISC", "I-MISC", "I-MISC"}));
  // Words before a head word the model typed MISC or left untagged are one ORG, without the article.
  EXPECT_EQ(run("a Foreign Ministry spokesman", {"O", "B-MISC", "O", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("said The Zorvex Exchange", {"O", "O", "O", "O"}), (V{"O", "O", "B-ORG", "I-ORG"}));
  // ... and so are words before a head word the model tagged alone.
  EXPECT_EQ(run("Varnia 's Defence Ministry said", {"B-LOC", "O", "O", "B-ORG", "O"}),
            (V{"B-LOC", "O", "B-ORG", "I-ORG", "O"}));
  // An article that opens the sentence is not part of the name; a nationality before a ministry
  // is its own NORP.
  EXPECT_EQ(run("A Defence Ministry official", {"B-ORG", "I-ORG", "I-ORG", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Chinese Foreign Ministry said", {"O", "B-ORG", "I-ORG", "I-ORG", "O"}),
            (V{"O", "B-NORP", "B-ORG", "I-ORG", "O"}));
  const V academy = {"O", "B-ORG", "I-ORG", "O"};
  EXPECT_EQ(run("the Chinese Academy said", academy), academy);
  // Regions of the gazetteer are LOC, whole, whatever the model made of them; not inside a longer name.
  EXPECT_EQ(run("across the Balkans", {"O", "O", "B-PERSON"}), (V{"O", "O", "B-LOC"}));
  EXPECT_EQ(run("in the Horn of Africa", {"O", "O", "B-ORG", "I-ORG", "I-ORG"}),
            (V{"O", "O", "B-LOC", "I-LOC", "I-LOC"}));
  EXPECT_EQ(run("the Gaza Strip", {"O", "O", "O"}), (V{"O", "B-LOC", "I-LOC"}));
  EXPECT_EQ(run("the Midwest Stock Exchange", {"O", "B-ORG", "I-ORG", "I-ORG"}), (V{"O", "B-ORG", "I-ORG", "I-ORG"}));
  // A leader's name before "administration": a person; a party, a place or a sentence opener is not.
  EXPECT_EQ(run("the Quell administration said", {"O", "O", "O", "O"}), (V{"O", "B-PERSON", "O", "O"}));
  EXPECT_EQ(run("a Tom Quell presidency", {"O", "O", "O", "O"}), (V{"O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("the Conservative government", {"O", "O", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("the Texas administration", {"O", "O", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("But administration officials", {"O", "O", "O"}), (V{"O", "O", "O"}));
}

TEST(NerSpanRulesTest, PersonsEndBeforeOfAndTheirCountryOrEmployer) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text) {
    std::vector<std::string> tags(Split(text).size(), "I-PERSON");
    tags[0] = "B-PERSON";
    tags.back() = "O";
    return AfterSpanRules(text, std::move(tags), gaz.get());
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Tom Reed of Croatia lost"), (V{"B-PERSON", "I-PERSON", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("Tom Reed of Quellco Securities said"),
            (V{"B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O"}));
  // One word before "of": only before a place. A title before "of" is part of the name.
  EXPECT_EQ(run("Reed of Quellco said"), (V{"B-PERSON", "I-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Catherine of Aragon died"), (V{"B-PERSON", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("Mary Queen of Scots died"), (V{"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"}));
  // An organization word or company suffix before "of": the whole span is an ORG.
  EXPECT_EQ(run("Tom Reed School of Business said"), (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quellco Inc of Leeds said"), (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
}

TEST(NerSpanRulesTest, UntaggedNamesAfterTitlesArePersons) {
  auto run = [](const std::string& text) {
    return AfterMarkedRule(text, std::vector<std::string>(Split(text).size(), "O"), {"Tom"},
                           [](const auto& forms, const auto& first_name, auto& tags) {
                             ner_internal::TagPersonsAfterTitles(forms, first_name, tags);
                           });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Trade Representative Tom Quell said"), (V{"O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("House Speaker Tom Quell Varga , a"), (V{"O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"}));
  EXPECT_EQ(run("Senators Tom Quell and"), (V{"O", "B-PERSON", "I-PERSON", "O"}));
  // No first name, one word only, an organization word, too long a run, or an adjective: left alone.
  EXPECT_EQ(run("Speaker Quell Varga said"), V(4, "O"));
  EXPECT_EQ(run("Speaker Tom said it"), V(4, "O"));
  EXPECT_EQ(run("Speaker Tom Quell Bank"), V(4, "O"));
  EXPECT_EQ(run("Speaker Tom Quell Varga Lima Reed"), V(6, "O"));
  EXPECT_EQ(run("major Tom Quell producers"), V(4, "O"));
  // A first name the list lacks, before a surname the model found, is the person's too.
  auto run_tagged = [](const std::string& text, V tags) {
    return AfterMarkedRule(text, tags, {}, [](const auto& forms, const auto& first_name, auto& t) {
      ner_internal::TagPersonsAfterTitles(forms, first_name, t);
    });
  };
  EXPECT_EQ(run_tagged("Prime Minister Yasuro Quellmoto said", {"O", "O", "O", "B-PERSON", "O"}),
            (V{"O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run_tagged("Prime Minister Yasuro Quellmoto Varga said", {"O", "O", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"O", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run_tagged("President Elect Quellmoto said", {"O", "O", "B-PERSON", "O"}), (V{"O", "O", "B-PERSON", "O"}));
}

TEST(NerSpanRulesTest, PersonsInScoreLines) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text, std::vector<std::string> tags) {
    return AfterMarkedRule(text, std::move(tags), {"Tom", "Ann"}, [&](const auto& forms, const auto& first_name, auto& t) {
      ner_internal::TagListedPersons(forms, first_name, *gaz, t, true);
    });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("205 Tom Quellet 69 68 68 , Ann Varno 70 67 68", V(12, "O")),
            (V{"O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"}));
  // Not without a first name, nor in a line that does not open with a figure.
  EXPECT_EQ(run("205 Quellin Varno 69 68 68", V(6, "O")), V(6, "O"));
  EXPECT_EQ(run("Shares Tom Quellet 69 68 68", V(6, "O")), V(6, "O"));
  // A line of ties after the score: names before a comma, and a later name typed as a place
  // before its country needs no listed first name.
  EXPECT_EQ(run("67 Tom Quellet , Quellino Varrocca ( Italy )",
                {"O", "O", "O", "O", "B-LOC", "I-LOC", "O", "B-GPE", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"}));
  // Not in a line that opens with words.
  EXPECT_EQ(run("Shares Tom Quellet , Quellino Varrocca ( Italy )", {"O", "O", "O", "O", "B-LOC", "I-LOC", "O", "B-GPE", "O"}),
            (V{"O", "O", "O", "O", "B-LOC", "I-LOC", "O", "B-GPE", "O"}));
}

// In a team-sport report, a name ending in its town is a club; a person's first name is not
// a club's first word.
TEST(NerSpanRulesTest, ClubsNamedWithTowns) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text, std::vector<std::string> tags) {
    return AfterMarkedRule(text, std::move(tags), {"Tom"}, [&](const auto& forms, const auto& first_name, auto& t) {
      ner_internal::TagClubsNamedWithTowns(forms, first_name, *gaz, t);
    });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("against Quellski Sofia .", {"O", "B-PERSON", "I-PERSON", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("drew with Quellak Plovdiv", {"O", "O", "B-GPE", "I-GPE"}), (V{"O", "O", "B-ORG", "I-ORG"}));
  // A state first is a town when a city of 100,000 shares its name ("Varna"), not otherwise.
  EXPECT_EQ(run("Quellak Varna won", {"B-PERSON", "I-PERSON", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quellak Ohio won", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  // A first name, a country, a single word: left alone.
  EXPECT_EQ(run("Tom Sofia scored", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Quellak Germany won", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Sofia won", {"B-GPE", "O"}), (V{"B-GPE", "O"}));
}

TEST(NerSpanRulesTest, CitiesOpeningASentence) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  // Marked (a listed first name or a word often in lower case): "Victoria", "Male".
  auto run = [&](const std::string& text, std::vector<std::string> tags, bool team_report = false) {
    return AfterMarkedRule(text, std::move(tags), {"Victoria", "Male"}, [&](const auto& forms, const auto& marked, auto& t) {
      ner_internal::TagCitiesOpeningASentence(forms, marked, *gaz, team_report, t);
    });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Moscow denied the report .", V(5, "O")), (V{"B-GPE", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Chicago physicians said", V(3, "O")), (V{"B-GPE", "O", "O"}));  // 2.7 million people
  // The model's own reading, a town under a million, a name, a word, a capital before a
  // capitalized word, a report on a match, a later word: left alone.
  EXPECT_EQ(run("Moscow Dynamo won", {"B-ORG", "I-ORG", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Bonn said", V(2, "O")), V(2, "O"));
  EXPECT_EQ(run("Victoria said", V(2, "O")), V(2, "O"));
  EXPECT_EQ(run("Male unemployment rose", V(3, "O")), V(3, "O"));
  EXPECT_EQ(run("Paris Hilton said", V(3, "O")), V(3, "O"));
  EXPECT_EQ(run("Moscow won 2-1", V(3, "O"), true), V(3, "O"));
  EXPECT_EQ(run("Then Moscow said", V(3, "O")), V(3, "O"));
}

TEST(NerSpanRulesTest, FirstNamePairsTypedOrgBeforeARole) {
  // Marked: listed first names ("Maria", "Mac"); "Dean Witter" is known.
  auto run = [&](const std::string& text, std::vector<std::string> tags) {
    return AfterMarkedRule(text, std::move(tags), {"Maria", "Mac", "Dean"}, [&](const auto& forms, const auto& first, auto& t) {
      ner_internal::TagFirstNamePairsTypedOrg(
          forms, first, [&](size_t b, size_t) { return forms[b] == "Dean"; }, t);
    });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Maria Quell , Russia 's foreign ministry spokeswoman , said", {"B-ORG", "I-ORG", "O", "B-GPE", "O", "O",
                                                                            "O", "O", "O", "O"}),
            (V{"B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O", "O"}));
  // No role in the apposition, a known name, an organization's word, no comma: left alone.
  EXPECT_EQ(run("Mac Plus , a personal computer , sold", {"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Dean Witter , the broker 's analyst , said", {"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Maria Holdings , its chief economist , said", {"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Maria Quell said", {"B-ORG", "I-ORG", "O"}), (V{"B-ORG", "I-ORG", "O"}));
}

TEST(NerSpanRulesTest, PersonsAfterNationalities) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  // First names: "Tom", "Ann"; a common word: "Ford".
  auto run = [&](const std::string& text, std::vector<std::string> tags) {
    std::vector<std::string> words = Split(text);
    std::vector<bool> often_lower(words.size());
    for (size_t i = 0; i < words.size(); ++i) often_lower[i] = words[i] == "Escort";
    return AfterMarkedRule(text, std::move(tags), {"Tom", "Ann", "Ford"}, [&](const auto& forms, const auto& first_name, auto& t) {
      ner_internal::TagPersonsAfterNationalities(forms, first_name, often_lower, *gaz, t);
    });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Kenyan Tom Quellet won", {"B-NORP", "O", "O", "O"}), (V{"B-NORP", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Briton Ann Varno took", {"B-GPE", "I-GPE", "I-GPE", "O"}), (V{"B-NORP", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Moroccan Quellin El Varno was", {"B-NORP", "B-PERSON", "I-PERSON", "I-PERSON", "O"}),
            (V{"B-NORP", "B-PERSON", "I-PERSON", "I-PERSON", "O"}));
  // The model's organization, when a listed first name follows the demonym; the model's person
  // after an unlisted first name.
  EXPECT_EQ(run("Spaniard Tom Quellet stayed", {"B-ORG", "I-ORG", "I-ORG", "O"}),
            (V{"B-NORP", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Russian Quellin Varno beat", {"B-NORP", "O", "B-PERSON", "O"}),
            (V{"B-NORP", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("British Quell Airways said", {"B-ORG", "I-ORG", "I-ORG", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
  // After a demonym that names one person, no first name is needed, and a common word may be
  // the surname ("Swede Quellin Escort").
  EXPECT_EQ(run("Swede Quellin Escort won", V(4, "O")), (V{"B-NORP", "B-PERSON", "I-PERSON", "O"}));
  // No first name, a company, a place, a common word as surname: left alone.
  EXPECT_EQ(run("Kenyan Quellin Varno won", V(4, "O")), V(4, "O"));
  EXPECT_EQ(run("Canadian Tom Quell Railway said", V(5, "O")), V(5, "O"));
  EXPECT_EQ(run("British Ford Escort cars", {"B-MISC", "I-MISC", "I-MISC", "O"}), (V{"B-MISC", "I-MISC", "I-MISC", "O"}));
  EXPECT_EQ(run("British Tom Quell Group said", V(5, "O")), V(5, "O"));
}

// A fixture list's "TEAM AT TEAM" line in a team-sport report names two teams.
TEST(NerSpanRulesTest, ScheduleLinesInTeamSportReports) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text, std::vector<std::string> tags, bool team_report) {
    return AfterSpanRules(text, std::move(tags), gaz.get(), nullptr, team_report);
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("QUARRYVILLE AT NEW JERSEY", {"B-ORG", "O", "B-GPE", "I-GPE"}, true), (V{"B-ORG", "O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(run("Zorvex at Chicago", {"O", "O", "B-GPE"}, true), (V{"B-ORG", "O", "B-ORG"}));
  EXPECT_EQ(run("ITALY AT ENGLAND", {"B-GPE", "O", "B-GPE"}, true), (V{"B-GPE", "O", "B-GPE"}));
  // Not outside a team-sport report, not in running text, not a date.
  EXPECT_EQ(run("Zorvex at Chicago", {"O", "O", "B-GPE"}, false), (V{"O", "O", "B-GPE"}));
  EXPECT_EQ(run("He arrived at Chicago", {"O", "O", "O", "B-GPE"}, true), (V{"O", "O", "O", "B-GPE"}));
  EXPECT_EQ(run("SATURDAY AT WEMBLEY", {"O", "O", "B-FAC"}, true), (V{"O", "O", "B-FAC"}));
}

TEST(NerSpanRulesTest, TownsAreClubsInTeamSportReports) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text, std::vector<std::string> tags, bool team_report) {
    return AfterSpanRules(text, std::move(tags), gaz.get(), nullptr, team_report);
  };
  using V = std::vector<std::string>;
  const V held = {"B-GPE", "O", "O", "O", "B-GPE"};
  EXPECT_EQ(run("Leeds held Chelsea to a draw in London", {"B-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "B-GPE"},
                true),
            (V{"B-ORG", "O", "B-ORG", "O", "O", "O", "O", "B-GPE"}));
  EXPECT_EQ(run("a point clear of Leeds at Chelsea", {"O", "O", "O", "O", "B-GPE", "O", "B-GPE"}, true),
            (V{"O", "O", "O", "O", "B-ORG", "O", "B-GPE"}));
  // A town the gazetteer lists after a state of its name, when it is a city of 100,000.
  EXPECT_EQ(run("Varna held Bremen", {"B-GPE", "O", "B-GPE"}, true), (V{"B-ORG", "O", "B-ORG"}));
  EXPECT_EQ(run("Ohio held Bremen", {"B-GPE", "O", "B-GPE"}, true), (V{"B-GPE", "O", "B-ORG"}));
  // Outside a team-sport report, and in its dateline, towns stay places; so do countries.
  EXPECT_EQ(run("Leeds held talks with Chelsea", held, false), held);
  EXPECT_EQ(run("LEEDS 1996-12-07", {"B-GPE", "O"}, true), (V{"B-GPE", "O"}));
  EXPECT_EQ(run("Scotland beat Wales", {"B-GPE", "O", "B-GPE"}, true), (V{"B-GPE", "O", "B-GPE"}));
  // A one-word "person" before a club role and a name, or a plural verb, is a club; not after
  // "and" (two persons), not outside a team report.
  EXPECT_EQ(run("Quellona coach Tom Varno said", {"B-PERSON", "O", "B-PERSON", "I-PERSON", "O"}, true),
            (V{"B-ORG", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Quellona were held at home", {"B-PERSON", "O", "O", "O", "O"}, true), (V{"B-ORG", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Varno and Quellona were sent off", {"B-PERSON", "O", "B-PERSON", "O", "O", "O"}, true),
            (V{"B-PERSON", "O", "B-PERSON", "O", "O", "O"}));
  EXPECT_EQ(run("Quellona were held at home", {"B-PERSON", "O", "O", "O", "O"}, false),
            (V{"B-PERSON", "O", "O", "O", "O"}));
  // A country of several words too: the gazetteer is asked for the whole name.
  EXPECT_EQ(run("the test between Pakistan and New Zealand", {"O", "O", "O", "B-GPE", "O", "B-GPE", "I-GPE"}, true),
            (V{"O", "O", "O", "B-GPE", "O", "B-GPE", "I-GPE"}));
}

TEST(NerSpanRulesTest, StatesAfterTownsArePlaces) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  // An AP abbreviation or a state's name after a town and a comma, whatever the model made of it.
  EXPECT_EQ(run("plants in Quarville , Conn. and Varno , N.M. closed",
                {"O", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "B-PERSON", "O"}),
            (V{"O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("Quarville , Tasmania", {"B-GPE", "O", "O"}), (V{"B-GPE", "O", "B-GPE"}));
  // Not without a town before the comma, nor as the start of a longer name.
  EXPECT_EQ(run("Still , Conn. officials", {"O", "O", "O", "O"}), (V{"O", "O", "O", "O"}));
  EXPECT_EQ(run("Quarville , Colorado Quillco said", {"B-GPE", "O", "O", "O", "O"}), (V{"B-GPE", "O", "O", "O", "O"}));
  // Abbreviations the gazetteer cannot list: two letters, or a word once our tokenizer split the period.
  EXPECT_EQ(run("Quarville , Ill . , and Varno , Md. , closed",
                {"B-GPE", "O", "B-ORG", "O", "O", "O", "B-GPE", "O", "O", "O", "O"}),
            (V{"B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("Quarville , Ill said", {"B-GPE", "O", "O", "O"}), (V{"B-GPE", "O", "O", "O"}));
  // A congressman's party and state: the state is a place, the party's letter no name.
  EXPECT_EQ(run("Tom Quell , D - Wis. , said", {"B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-GPE", "O", "O"}),
            (V{"B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("Tom Quell ( R - Ill )", {"B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O"}),
            (V{"B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O"}));
}

TEST(NerSpanRulesTest, ArticlesAndCurrenciesAreNoPartOfPlaceNames) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("The United States said", {"B-GPE", "I-GPE", "I-GPE", "O"}), (V{"O", "B-GPE", "I-GPE", "O"}));
  EXPECT_EQ(run("The Philippines said", {"O", "B-GPE", "O"}), (V{"O", "B-GPE", "O"}));
  // An article the name needs stays.
  EXPECT_EQ(run("The Hague said", {"B-GPE", "I-GPE", "O"}), (V{"B-GPE", "I-GPE", "O"}));
  EXPECT_EQ(run("Firm U.S. Dollar Seen", {"O", "B-ORG", "I-ORG", "O"}), (V{"O", "B-GPE", "O", "O"}));
  // Peoples are no one's name.
  EXPECT_EQ(run("Bosnian Serb leader", {"B-PERSON", "I-PERSON", "O"}), (V{"B-NORP", "I-NORP", "O"}));
  // A party member is no name; the name after it stays.
  EXPECT_EQ(run("the ranking Democrat said", {"O", "O", "B-PERSON", "O"}), (V{"O", "O", "B-NORP", "O"}));
  EXPECT_EQ(run("Republican Tom Quell said", {"B-PERSON", "I-PERSON", "I-PERSON", "O"}),
            (V{"B-NORP", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Weak N.Z. Dlrs", {"O", "B-PERSON", "I-PERSON"}), (V{"O", "B-GPE", "O"}));
}

TEST(NerSpanRulesTest, RomanceInstitutionNamesAreOrganizations) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Banque Nationale de Quellac said", {"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Jornal do Varno newspaper", {"O", "O", "O", "B-PERSON", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Petroleos de Varnia and Quell", {"B-GPE", "I-GPE", "I-GPE", "O", "B-PERSON"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON"}));
  // The word alone, or inside a longer name, is left to the model.
  EXPECT_EQ(run("the Banco said", {"O", "B-ORG", "O"}), (V{"O", "B-ORG", "O"}));
  EXPECT_EQ(run("Rio Grupo Norte Ltd", {"B-ORG", "I-ORG", "I-ORG", "I-ORG"}), (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG"}));
}

TEST(NerSpanRulesTest, SpansEndingOnAHyphenRunOn) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Quell - Varner Corp said", {"B-ORG", "I-ORG", "B-ORG", "I-ORG", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Anne - Marie Quell said", {"B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Quell - Varner said", {"B-PERSON", "I-PERSON", "O", "O"}), (V{"B-PERSON", "I-PERSON", "I-PERSON", "O"}));
  // A dash between two names the model kept apart stays between them.
  EXPECT_EQ(run("Varnia - Quellia talks", {"B-GPE", "O", "B-GPE", "O"}), (V{"B-GPE", "O", "B-GPE", "O"}));
}

TEST(NerSpanRulesTest, BusinessWordsModelNumbersAndOffices) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  // A line of business ends a company's name, not a person's or a town's.
  EXPECT_EQ(run("Quellac Mining rose", {"B-PERSON", "I-PERSON", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Varno Financial fell", {"B-GPE", "I-GPE", "O"}), (V{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Ann Quell of Varno Securities", {"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"}),
            (V{"B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG"}));
  // A model number is a product, not a place.
  EXPECT_EQ(run("orders for the A340 and F-16", {"O", "O", "O", "B-GPE", "O", "B-GPE"}),
            (V{"O", "O", "O", "B-MISC", "O", "B-MISC"}));
  // An office is no place; the country before it stays.
  EXPECT_EQ(run("the U.K. Chancellor said", {"O", "B-GPE", "I-GPE", "O"}), (V{"O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("its Foreign Minister and", {"O", "B-GPE", "I-GPE", "O"}), (V{"O", "O", "O", "O"}));
  // A town whose first word the model left out.
  EXPECT_EQ(run("serving St. Louis and", {"O", "O", "B-PERSON", "O"}), (V{"O", "B-GPE", "I-GPE", "O"}));
}

// A dateline before a dash, a weekday that is part of an event's name, a question's "Who".
TEST(NerSpanRulesTest, DashDatelinesNamedDaysAndQuestionWords) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("WASHINGTON \xE2\x80\x94 Sen. Ann Quell said", {"B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("WASHINGTON \xE2\x80\x95 The plan", {"B-ORG", "O", "O", "O"}), (V{"B-GPE", "O", "O", "O"}));  // a bar
  EXPECT_EQ(run("QUELLVILLE -- Sen. Ann Quell said", {"B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"}));  // no place the gazetteer knows
  EXPECT_EQ(run("Washington -- the capital", {"B-GPE", "O", "O", "O"}), (V{"B-GPE", "O", "O", "O"}));
  EXPECT_EQ(run("voting on Super Tuesday .", {"O", "O", "B-MISC", "O", "O"}), (V{"O", "O", "B-MISC", "I-MISC", "O"}));
  EXPECT_EQ(run("won Super Tuesday .", {"O", "B-GPE", "O", "O"}), (V{"O", "B-MISC", "I-MISC", "O"}));
  EXPECT_EQ(run("Quell on Tuesday .", {"B-PERSON", "O", "O", "O"}), (V{"B-PERSON", "O", "O", "O"}));
  EXPECT_EQ(run("said in Paris Tuesday .", {"O", "O", "B-GPE", "O", "O"}), (V{"O", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("Who am I ?", {"B-ORG", "O", "O", "O"}), (V{"O", "O", "O", "O"}));
  // Plural acronyms are common nouns; camel-case "persons" past a surname prefix are companies.
  EXPECT_EQ(run("super PACs and CMOs", {"O", "B-ORG", "O", "B-MISC"}), (V{"O", "O", "O", "O"}));
  EXPECT_EQ(run("GenQuell said", {"B-PERSON", "O"}), (V{"B-ORG", "O"}));
  EXPECT_EQ(run("McQuell said", {"B-PERSON", "O"}), (V{"B-PERSON", "O"}));
  EXPECT_EQ(run("MacQuellin said", {"B-PERSON", "O"}), (V{"B-PERSON", "O"}));
  EXPECT_EQ(run("the PAC said", {"O", "B-ORG", "O"}), (V{"O", "B-ORG", "O"}));
  // A country the model left untagged, standing alone, is the country; not inside a run of
  // capitalized words, nor in a line of capitals.
  EXPECT_EQ(run("Egypt bought wheat", {"O", "O", "O"}), (V{"B-GPE", "O", "O"}));
  EXPECT_EQ(run("exports to Sri Lanka rose", {"O", "O", "O", "O", "O"}), (V{"O", "O", "B-GPE", "I-GPE", "O"}));
  EXPECT_EQ(run("Quellco Canada rose", {"O", "O", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("Quellco Canada rose", {"B-ORG", "O", "O"}), (V{"B-ORG", "O", "O"}));
  EXPECT_EQ(run("EGYPT BUYS WHEAT", {"O", "O", "O"}), (V{"O", "O", "O"}));
  // A county is a place; inside a longer name it is left alone.
  EXPECT_EQ(run("The Walker County sheriff", {"O", "B-MISC", "I-MISC", "O"}), (V{"O", "B-GPE", "I-GPE", "O"}));
  EXPECT_EQ(run("in Quell County on", {"O", "O", "O", "O"}), (V{"O", "B-GPE", "I-GPE", "O"}));
  EXPECT_EQ(run("Quell County Sheriff Office", {"B-ORG", "I-ORG", "I-ORG", "I-ORG"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG"}));
  EXPECT_EQ(run("The County said", {"O", "O", "O"}), (V{"O", "O", "O"}));
  EXPECT_EQ(run("the WHO said", {"O", "B-ORG", "O"}), (V{"O", "B-ORG", "O"}));
}

// A credit rating is no name where a rating is spoken of; elsewhere the letters may be one.
TEST(NerSpanRulesTest, CreditRatingsAreNoNames) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the notes are rated AA by", {"O", "O", "O", "O", "B-ORG", "O"}), (V{"O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("and AA - minus by Quell", {"O", "B-ORG", "O", "O", "O", "B-ORG"}),
            (V{"O", "O", "O", "O", "O", "B-ORG"}));
  EXPECT_EQ(run("lowered to DP - 4 ( low AA ) from", {"O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O"}),
            (V{"O", "O", "O", "O", "O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("ratings of BBB and BB", {"O", "O", "O", "O", "B-ORG"}), (V{"O", "O", "O", "O", "O"}));
  // Moody's notches as our tokenizer splits them, and a rating given by an agency.
  EXPECT_EQ(run("carries Baa - 2 preferred stock", {"O", "B-GPE", "O", "O", "O", "O"}), (V{"O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("and BBB by Standard and Poor", {"O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG"}),
            (V{"O", "O", "O", "B-ORG", "I-ORG", "I-ORG"}));
  // Not a rating talked of: the letters stay what the model found.
  EXPECT_EQ(run("AA said on Monday", {"B-ORG", "O", "O", "O"}), (V{"B-ORG", "O", "O", "O"}));
}

// "Daimler-Benz AG" split by our tokenizer, the model leaving the hyphen out: one company when
// the part after it ends in a legal suffix; two teams of a results line stay two.
TEST(NerSpanRulesTest, AHyphenJoinsAWordToTheCompanyAfterIt) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("stake in Varnel - Quentz AG rose", {"O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O"}),
            (V{"O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Varnel - Quentz drew", {"B-ORG", "O", "B-ORG", "O"}), (V{"B-ORG", "O", "B-ORG", "O"}));
}

// A body's name ending in its head word runs on over "of" and a place: "Law Society of Kenya".
TEST(NerSpanRulesTest, ABodysNameRunsOnOverOfAndAPlace) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the Law Society of Kenya said", {"O", "B-ORG", "I-ORG", "O", "B-GPE", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  // A common noun before "of" is no body's name: "the state of Ohio" keeps its place.
  EXPECT_EQ(run("the state of Ohio said", {"O", "O", "O", "B-GPE", "O"}), (V{"O", "O", "O", "B-GPE", "O"}));
}

// "Chinese carmaker BYD": a nationality and the noun of a company's kind make the name after
// them a company, whatever the model made of it; a person's trade ("Texas developer James
// Sowell") or a longer capitalized run is left alone.
TEST(NerSpanRulesTest, ANameAfterANationalityAndACompanysKindIsACompany) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Chinese carmaker Quvex said", {"B-NORP", "O", "O", "O"}), (V{"B-NORP", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("Danish shipping company Varnsk warned", {"B-NORP", "O", "O", "B-PERSON", "O"}),
            (V{"B-NORP", "O", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("U.S. chipmaker Quellia rose", {"B-GPE", "O", "B-GPE", "O"}), (V{"B-GPE", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("Texas developer James Quorn said", {"B-GPE", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-GPE", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Chinese carmaker Quvex and Varn said", {"B-NORP", "O", "O", "O", "O", "O"}),
            (V{"B-NORP", "O", "O", "O", "O", "O"}));
  // Without a nationality, the noun alone says too little.
  EXPECT_EQ(run("the carmaker Quvex said", {"O", "O", "B-PERSON", "O"}), (V{"O", "O", "B-PERSON", "O"}));
  // A body's agency is named after the body; a title after a body's words opens a person.
  EXPECT_EQ(run("the OPEC news agency Quenna quoted", {"O", "B-ORG", "O", "O", "O", "O"}),
            (V{"O", "B-ORG", "O", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("retired Air Force major General Tom Quorn said",
                {"O", "B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"O", "B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Quorn Engineering group Inc said", {"B-ORG", "I-ORG", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "O", "O", "O"}));
}

// "South Korean" is one nationality, however the model cut it; "North American Quorn Corp" runs on.
TEST(NerSpanRulesTest, ACompassWordAndANationalityAreOneNationality) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("North Korean troops", {"B-NORP", "B-NORP", "O"}), (V{"B-NORP", "I-NORP", "O"}));
  EXPECT_EQ(run("the South Korean won", {"O", "O", "B-NORP", "O"}), (V{"O", "B-NORP", "I-NORP", "O"}));
  EXPECT_EQ(run("North American Quorn Corp", {"B-ORG", "I-ORG", "I-ORG", "I-ORG"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG"}));
}

// "U.S. Trade Representative Katherine Quorn": the country, an office, the person; a body's
// officer ("U.S. Treasury Secretary") is left to the rules of bodies.
TEST(NerSpanRulesTest, ACountryBeforeAnOfficeAndANameIsAPlace) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("U.S. Trade Representative Katherine Quorn said", {"O", "B-MISC", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("U.S. Treasury Secretary James Quorn said", {"O", "O", "O", "B-PERSON", "I-PERSON", "O"}),
            (V{"O", "O", "O", "B-PERSON", "I-PERSON", "O"}));
}

// The name of an international organization the gazetteer knows is one span, whatever pieces
// the model made; "The United Nations" keeps "The" out.
TEST(NerSpanRulesTest, AKnownOrganizationsLongNameIsOneSpan) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the Organization of the Petroleum Exporting Countries met",
                {"O", "B-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Asia - Pacific Economic Cooperation summit", {"O", "B-GPE", "O", "B-ORG", "O", "O", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("The United Nations said", {"O", "B-ORG", "I-ORG", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
}

// "Justices William Quorn , Byron Varn ...": a plural title opens a list of persons, not a name.
TEST(NerSpanRulesTest, APluralTitleIsNoPartOfTheFirstName) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("joined by Justices William Quorn and Byron Varn", {"O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O",
                                                                     "B-PERSON", "I-PERSON"}),
            (V{"O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"}));
  // A surname that ends in "s" after a title's letters stays ("Generals" is a title, "Reeves" is not).
  EXPECT_EQ(run("Tom Reeves Quorn said", {"B-PERSON", "I-PERSON", "I-PERSON", "O"}),
            (V{"B-PERSON", "I-PERSON", "I-PERSON", "O"}));
}

// A region that shares its name with a subdivision ("Red Sea", a state of Sudan) is the region.
TEST(NerSpanRulesTest, ARegionSharingASubdivisionsNameIsTheRegion) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("delays in the Red Sea .", {"O", "O", "O", "B-MISC", "I-MISC", "O"}),
            (V{"O", "O", "O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(run("famine in Darfur .", {"O", "O", "B-EVENT", "O"}), (V{"O", "O", "B-LOC", "O"}));
}

// A plural's possessive apostrophe inside a body's name: one ORG, whatever the model cut.
TEST(NerSpanRulesTest, APluralsApostropheInsideABodysNameJoinsIt) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the Quellish Prisoners ' Society said", {"O", "B-ORG", "I-ORG", "O", "B-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("The Varnel Farmers ' Union objected", {"O", "O", "O", "O", "B-LOC", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  // An apostrophe closing a quote before a name is no part of it.
  EXPECT_EQ(run("the ' Varnels ' Paris office", {"O", "O", "O", "O", "B-GPE", "O"}),
            (V{"O", "O", "O", "O", "B-GPE", "O"}));
}

// Two companies the model read as one across "and": a legal suffix before the "and" ends
// the first. Without it, the "and" is inside one name.
TEST(NerSpanRulesTest, ALegalSuffixBeforeAndEndsACompany) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("sell Quell Pump Co and Varnel Machine Co for",
                {"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quell and Varnel Co said", {"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
}

// An office and a name run into one span of another type: the name is the person, a country
// before the office a place, the office no name.
TEST(NerSpanRulesTest, PersonsSplitFromOfficesRunIntoOtherSpans) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  using V = std::vector<std::string>;
  auto run = [&](const std::string& text, V tags, const std::vector<size_t>& first_names) {
    std::vector<std::string> words = Split(text);
    std::vector<std::string_view> forms(words.begin(), words.end());
    std::vector<bool> first(words.size());
    for (size_t i : first_names) first[i] = true;
    ner_internal::SplitPersonsFromOffices(forms, first, gaz.get(), tags);
    return tags;
  };
  EXPECT_EQ(run("U.S. Trade Representative Clara Quellin said", {"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}, {3}),
            (V{"B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Varnco Corp Chairman Rand Quellin told", {"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}, {3}),
            (V{"O", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  // An abbreviation is no office ("St. Louis"), a span going on past the name is left whole,
  // and so is a name without a listed first name.
  EXPECT_EQ(run("its St. Louis Number Two plant", {"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}, {2}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the President Grant Quell Hotel", {"O", "B-FAC", "I-FAC", "I-FAC", "I-FAC"}, {2}),
            (V{"O", "B-FAC", "I-FAC", "I-FAC", "I-FAC"}));
  EXPECT_EQ(run("Trade Representative Quellin said", {"B-ORG", "I-ORG", "I-ORG", "O"}, {}),
            (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
}

TEST(NerSpanRulesTest, NamesSpelledByABracketedAcronym) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the Ministry of Quill Trade and Industry ( MQTI ) said",
                {"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O"}));
  EXPECT_EQ(run("Bank of Varnia and Kuwait ( BVK )", {"B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("the United Arab Emirates ( UAE )", {"O", "B-GPE", "I-GPE", "I-GPE", "O", "O", "O"}),
            (V{"O", "B-GPE", "I-GPE", "I-GPE", "O", "B-GPE", "O"}));
  // "in" is skipped like "of" and "for".
  EXPECT_EQ(run("the Council for Quill and Trade in Varnia ( CQTV ) met",
                {"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "O", "O", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O"}));
  // A term is no body: "Gross Domestic Product ( GDP )" stays as it was.
  EXPECT_EQ(run("its Gross Domestic Product ( GDP ) rose", {"O", "O", "O", "O", "O", "O", "O", "O"}),
            (V{"O", "O", "O", "O", "O", "O", "O", "O"}));
  // Initials that do not match leave the words alone; after an organization the acronym still
  // names it, after other words it is left alone.
  EXPECT_EQ(run("the Quill Trade Board ( XYZ )", {"O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("the quill trade board ( XYZ )", {"O", "O", "O", "O", "O", "O", "O"}),
            (V{"O", "O", "O", "O", "O", "O", "O"}));
  // An organization the model began, joined by "for" to capitalized words before the
  // acronym of a name in another language, runs on to it.
  EXPECT_EQ(run("rule by the Movement for Quillism ( MAQ ) ended", {"O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"}),
            (V{"O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O"}));
}

TEST(NerSpanRulesTest, PlacesThatNameAccordsAreOtherNames) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text, std::vector<std::string> tags) {
    std::vector<std::string> words = Split(text);
    std::vector<std::string_view> forms(words.begin(), words.end());
    ner_internal::TagAccordsNamedAfterPlaces(forms, gaz.get(), tags);
    return tags;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the Louvre accord on currencies", {"O", "B-FAC", "O", "O", "O"}), (V{"O", "B-MISC", "O", "O", "O"}));
  EXPECT_EQ(run("the Quelltown Accord said", {"O", "B-GPE", "O", "O"}), (V{"O", "B-MISC", "I-MISC", "O"}));
  EXPECT_EQ(run("the Uruguay Round of talks", {"O", "B-GPE", "I-GPE", "O", "O"}), (V{"O", "B-MISC", "I-MISC", "O", "O"}));
  // A country before "pact" is a party to it; a place elsewhere stays a place.
  EXPECT_EQ(run("a U.S. - Japan pact", {"O", "B-GPE", "O", "B-GPE", "O"}), (V{"O", "B-GPE", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("talks in Quelltown ended", {"O", "O", "B-GPE", "O"}), (V{"O", "O", "B-GPE", "O"}));
}

TEST(NerSpanRulesTest, PersonsRunOnOverParticles) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Tom van Quellen scored", {"B-PERSON", "O", "O", "O"}), (V{"B-PERSON", "I-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Ana dos Varnos said", {"B-PERSON", "O", "B-GPE", "O"}), (V{"B-PERSON", "I-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Sheikh Varun bin Quell al Varno said", {"O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"}));
  // Not over a longer name of another type, nor a lower-case word.
  EXPECT_EQ(run("Tom de Quell Bank", {"B-PERSON", "O", "B-ORG", "I-ORG"}), (V{"B-PERSON", "O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(run("Tom de facto", {"B-PERSON", "O", "O"}), (V{"B-PERSON", "O", "O"}));
}

// "al-Burhan" reaches the NER as "al - Burhan": the Arabic article and the family name run
// on from the given names, and given names before a tagged family name join it.
TEST(NerSpanRulesTest, ArabicNamesRunOnOverAlHyphen) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Abdel Varrah al - Burqan said", {"B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O"}),
            (V{"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Ayvan al - Zawqiri was killed", {"O", "O", "O", "B-PERSON", "O", "O"}),
            (V{"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O"}));
  // A function word is no given name; an untagged word after "al -" alone stays untagged.
  EXPECT_EQ(run("The al - Varqi family", {"O", "O", "O", "B-PERSON", "O"}), (V{"O", "O", "O", "B-PERSON", "O"}));
  EXPECT_EQ(run("the al - Qudra unit", {"O", "O", "O", "O", "O"}), (V{"O", "O", "O", "O", "O"}));
}

// Armed forces and movements named without a company word: "Rapid Support Forces".
TEST(NerSpanRulesTest, ForcesAndFrontsAreOrganizations) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("an attack by the Rapid Varno Forces on the city", {"O", "O", "O", "O", "O", "O", "O", "O", "O", "O"}),
            (V{"O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"}));
  EXPECT_EQ(run("the Varnish Liberation Front said", {"O", "O", "O", "O", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Israel Defense Forces said", {"B-GPE", "I-GPE", "I-GPE", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
}

// A party's or a force's name holding a possessive is one name; a country's possessive
// before a force's name is not part of it.
TEST(NerSpanRulesTest, PossessivePartyAndForceNames) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the Republican People 's Party called", {"O", "O", "O", "O", "B-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Varno People 's Liberation Army fought", {"O", "B-GPE", "O", "O", "O", "B-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Iran 's Revolutionary Guards said", {"B-GPE", "O", "B-ORG", "I-ORG", "O"}),
            (V{"B-GPE", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the Party 's chairman spoke", {"O", "B-ORG", "O", "O", "O"}), (V{"O", "B-ORG", "O", "O", "O"}));
}

TEST(NerFeaturesTest, TeamSportSlugsAreDetected) {
  auto slug = [](const std::string& text) {
    std::vector<std::string> words = Split(text);
    return ner_internal::IsTeamSportSlug({words.begin(), words.end()});
  };
  EXPECT_TRUE(slug("SOCCER - LEEDS HOLD CHELSEA ."));
  EXPECT_TRUE(slug("RUGBY UNION - LIONS WIN ."));
  EXPECT_TRUE(slug("ICE HOCKEY - NHL RESULTS ."));
  EXPECT_TRUE(slug("AUSTRALIAN RULES - RESULTS ."));
  EXPECT_FALSE(slug("TENNIS - SELES WINS ."));
  EXPECT_FALSE(slug("SOCCER FANS RIOT ."));
  EXPECT_FALSE(slug("ICE - STORM ."));
  EXPECT_FALSE(slug("SOCCER"));
  // A league's acronym may open it; not any capitals.
  EXPECT_TRUE(slug("NFL AMERICAN FOOTBALL - COWBOYS BEAT EAGLES ."));
  EXPECT_TRUE(slug("NHL ICE HOCKEY - RESULTS ."));
  EXPECT_FALSE(slug("NFL SAYS STRIKE OVER ."));
  EXPECT_FALSE(slug("TENNIS SOCCER - RESULTS ."));
}

// "the National People 's Congress": a name cut at "People" goes on over "'s".
TEST(NerSpanRulesTest, NamesGoOnOverPeoples) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("the National People 's Congress met", {"O", "B-ORG", "I-ORG", "O", "B-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the People 's Daily said", {"O", "B-ORG", "O", "B-PERSON", "O"}), (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the People 's Republic of Varnia", {"O", "B-GPE", "O", "B-GPE", "I-GPE", "I-GPE"}),
            (V{"O", "B-GPE", "I-GPE", "I-GPE", "I-GPE", "I-GPE"}));
  // Untagged people are no name: "the people 's choice", "People 's lives".
  EXPECT_EQ(run("People 's lives matter", {"O", "O", "O", "O"}), (V{"O", "O", "O", "O"}));
}

// A name, its possessive and only company words after it are one company.
TEST(NerSpanRulesTest, PossessiveCompanyNames) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("Quelly 's Investors Service Inc said", {"B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("shares of Varno 's Stores Inc fell", {"O", "O", "B-PERSON", "O", "O", "O", "O"}),
            (V{"O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quelly 's International Inc said", {"B-PERSON", "O", "B-ORG", "I-ORG", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  // A place's company, a company's named unit, a whole organization's department: apart.
  EXPECT_EQ(run("Britain 's Quell Group said", {"B-GPE", "O", "B-ORG", "I-ORG", "O"}),
            (V{"B-GPE", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quellco 's Varno unit", {"B-ORG", "O", "B-ORG", "O"}), (V{"B-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("Quell University 's Energy and", {"B-ORG", "I-ORG", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "O", "O", "O"}));
}

// A span ending in "of", "and" or "the" was cut inside a name or ran on past one.
TEST(NerSpanRulesTest, SpansEndingInFunctionWords) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  // An institution's head before "of" takes in the name after it.
  EXPECT_EQ(run("the Federal Reserve Bank of New York said", {"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-GPE", "I-GPE", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("The Group of Seven met", {"O", "B-ORG", "I-ORG", "O", "O"}), (V{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  // An organization's "and" takes in the name after it.
  EXPECT_EQ(run("Quell and Varno Plc rose", {"B-ORG", "I-ORG", "B-ORG", "I-ORG", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  // So does any name's "&", whatever type the model gave it.
  EXPECT_EQ(run("Quells & Varno fell", {"B-ORG", "I-ORG", "B-ORG", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quells & Varno fell", {"B-PERSON", "I-PERSON", "B-PERSON", "O"}), (V{"B-ORG", "I-ORG", "I-ORG", "O"}));
  // Any other tail is dropped: a company's home, a person's country.
  EXPECT_EQ(run("Quellco Ltd of Japan said", {"B-ORG", "I-ORG", "I-ORG", "B-GPE", "O"}),
            (V{"B-ORG", "I-ORG", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("Minister Tom Quellet of Trinidad said", {"O", "B-PERSON", "I-PERSON", "I-PERSON", "B-GPE", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("Tom Quellet and", {"B-PERSON", "I-PERSON", "I-PERSON"}), (V{"B-PERSON", "I-PERSON", "O"}));
  // A function word alone is no name.
  EXPECT_EQ(run("Minister of Social Affairs", {"O", "B-PERSON", "O", "O"}), (V{"O", "O", "O", "O"}));
  // A stray I- after O (another rule's leftover) is a span of its own, not an error.
  EXPECT_EQ(run("said Quell Bank of", {"O", "I-ORG", "I-ORG", "I-ORG"})[3], "O");
  EXPECT_EQ(run("the People 's Daily", {"O", "I-ORG", "O", "B-ORG"})[3], "I-ORG");
  EXPECT_EQ(run("Quelly 's Investors Service", {"I-ORG", "O", "B-ORG", "I-ORG"})[3], "I-ORG");
}

// A broadcaster named after its country is no place; a commissioner's office is no name, its
// body is; a labelled list of scorers names persons.
TEST(NerSpanRulesTest, BroadcastersOfficesAndScorerLists) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run(", Quellia Radio said", {"O", "B-GPE", "I-GPE", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  // "Radio" and a name, or a place, is a broadcaster; not when the run goes on into a name.
  EXPECT_EQ(run("spoke to Radio Quellas by", {"O", "O", "O", "O", "O"}), (V{"O", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("said Radio Quellia .", {"O", "O", "B-GPE", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("the radio station", {"O", "O", "O"}), (V{"O", "O", "O"}));
  // An organization's head, "of the", an organization: one name.
  EXPECT_EQ(run("the Quell Committee of the Varno Cross said",
                {"O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O"}),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("Quell Corp of the Varno Group", {"B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG"}),
            (V{"B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG"}));
  // A club's standing before its name at the start of the sentence is no part of it.
  EXPECT_EQ(run("Champions Quell Varno lost", {"B-ORG", "I-ORG", "I-ORG", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  // A storm's name, a place named after someone: no person.
  EXPECT_EQ(run("Typhoon Quella hit", {"O", "B-PERSON", "O"}), (V{"O", "B-EVENT", "O"}));
  EXPECT_EQ(run("closed Quel Tak airport", {"O", "B-PERSON", "I-PERSON", "O"}), (V{"O", "B-FAC", "I-FAC", "O"}));
  EXPECT_EQ(run("Quel Tak said", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  // A bank typed as a place or an event is a bank, but for a place the gazetteer knows.
  EXPECT_EQ(run("at Quelwa Bank .", {"O", "B-LOC", "I-LOC", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("at Quelwa Bank .", {"O", "B-EVENT", "I-EVENT", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(run("in the West Bank .", {"O", "O", "B-LOC", "I-LOC", "O"}), (V{"O", "O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(run("on the East Bank .", {"O", "O", "B-LOC", "I-LOC", "O"}), (V{"O", "O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(run("Agriculture Commissioner Tom Quell", {"B-ORG", "I-ORG", "B-PERSON", "I-PERSON"}),
            (V{"O", "O", "B-PERSON", "I-PERSON"}));
  EXPECT_EQ(run("QFA Commissioner Tom Quell", {"B-ORG", "I-ORG", "B-PERSON", "I-PERSON"}),
            (V{"B-ORG", "O", "B-PERSON", "I-PERSON"}));
  EXPECT_EQ(run("European Union Trade Commissioner Tom Quell", {"B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-PERSON", "I-PERSON"}),
            (V{"B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON"}));
  // Items of the list, a count after some; a country in it is a side; the list ends at ".".
  EXPECT_EQ(run("Tries : Joe Quell 2 , Varno . Penalties : Diego Quelez 2 , Italy . Quell won",
                {"O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "B-GPE", "I-GPE", "O", "O",
                 "B-GPE", "O", "B-PERSON", "O"}),
            (V{"O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O",
               "O", "B-GPE", "O", "B-PERSON", "O"}));
  // Not an item with other words in it, nor without a label.
  EXPECT_EQ(run("Tries : Quell scored twice", V(5, "O")), V(5, "O"));
  EXPECT_EQ(run("Quell Varno 2 , Dan Quelez", V(6, "O")), V(6, "O"));
}

// "U.N. Secretary-General Boutros Boutros-Ghali": the body, the office, the person.
TEST(NerSpanRulesTest, HyphenatedOfficesLeaveTheBody) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("U.N. Secretary-General Quentin Marlo said", {"B-ORG", "I-ORG", "B-PERSON", "I-PERSON", "O"}),
            (V{"B-ORG", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("WTO Director-General Ana Quell", {"B-ORG", "I-ORG", "B-PERSON", "I-PERSON"}),
            (V{"B-ORG", "O", "B-PERSON", "I-PERSON"}));
  // A hyphenated name is no office, and an office with no person after it stays in the span.
  EXPECT_EQ(run("Daimler-Benz Mercedes-Benz Quentin", {"B-ORG", "I-ORG", "B-PERSON"}),
            (V{"B-ORG", "I-ORG", "B-PERSON"}));
  EXPECT_EQ(run("the Quell Secretary-General said", {"O", "B-ORG", "I-ORG", "O"}), (V{"O", "B-ORG", "I-ORG", "O"}));
}

// "a Texas Democrat": a state, then a party member; not an organization's name.
TEST(NerSpanRulesTest, StateThenPartyMember) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("a West Virginia Democrat said", {"O", "B-GPE", "I-GPE", "I-GPE", "O"}),
            (V{"O", "B-GPE", "I-GPE", "B-NORP", "O"}));
  EXPECT_EQ(run("the Texas Republican said", {"O", "B-PERSON", "I-PERSON", "O"}), (V{"O", "B-GPE", "B-NORP", "O"}));
  EXPECT_EQ(run("the Quellin Republican said", {"O", "B-GPE", "I-GPE", "O"}), (V{"O", "B-GPE", "I-GPE", "O"}));
  EXPECT_EQ(run("the Texas Republican Party", {"O", "B-ORG", "I-ORG", "I-ORG"}), (V{"O", "B-ORG", "I-ORG", "I-ORG"}));
}

// The sport words of a headline's slug are no names; a league or a people in it stays one.
TEST(NerSpanRulesTest, SportSlugsAreNoNames) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  EXPECT_EQ(run("RUGBY UNION - WALES NAME SIDE", {"B-GPE", "I-GPE", "O", "B-GPE", "O", "O"}),
            (V{"O", "O", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("RUGBY LEAGUE - SAINTS WIN", {"B-ORG", "I-ORG", "O", "B-ORG", "O"}),
            (V{"O", "O", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("NHL ICE HOCKEY - RESULTS", {"B-ORG", "O", "B-ORG", "O", "O"}), (V{"B-ORG", "O", "O", "O", "O"}));
  EXPECT_EQ(run("NFL AMERICAN FOOTBALL - RESULTS", {"B-ORG", "I-ORG", "I-ORG", "O", "O"}),
            (V{"B-ORG", "B-NORP", "O", "O", "O"}));
  // No sport word, no slug: "UNION" names a body in a headline of its own.
  EXPECT_EQ(run("EUROPEAN UNION - TALKS END", {"B-ORG", "I-ORG", "O", "O", "O"}), (V{"B-ORG", "I-ORG", "O", "O", "O"}));
  // In running text the words are left alone.
  EXPECT_EQ(run("Rugby Union - the game", {"B-ORG", "I-ORG", "O", "O", "O"}), (V{"B-ORG", "I-ORG", "O", "O", "O"}));
  // A name the model ran over the slug's dash starts after it.
  EXPECT_EQ(run("CRICKET - QUELLAR RETURNS", {"B-PERSON", "I-PERSON", "I-PERSON", "O"}),
            (V{"O", "O", "B-PERSON", "O"}));
  // After the slug, the words for results are no names, nor is a league's word left alone.
  EXPECT_EQ(run("BASEBALL - MAJOR LEAGUE STANDINGS AFTER SUNDAY 'S GAMES",
                {"O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-MISC"}),
            (V{"O", "O", "O", "O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("ICE HOCKEY - NHL STANDINGS", {"O", "O", "O", "B-ORG", "I-ORG"}), (V{"O", "O", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("SOCCER - QUELLTON RESULTS AND RANGERS", {"O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"}),
            (V{"O", "O", "B-ORG", "O", "B-ORG", "I-ORG"}));
  // A people and a league's word: the people alone ("ITALIAN LEAGUE STANDINGS AND RESULTS").
  EXPECT_EQ(run("SOCCER - ITALIAN LEAGUE STANDINGS AND RESULTS", {"O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"}),
            (V{"O", "O", "B-NORP", "O", "O", "O", "O"}));
  // Without a slug they are left to the model.
  EXPECT_EQ(run("NHL STANDINGS", {"B-ORG", "I-ORG"}), (V{"B-ORG", "I-ORG"}));
}

TEST(NerSpanRulesTest, TournamentsNamedAfterPlacesAreEvents) {
  const auto run = AfterSpanRulesWithGazetteer;
  using V = std::vector<std::string>;
  // A name ending in a tournament word is the event, whatever the model typed.
  EXPECT_EQ(run("won the U.S. Open again", {"O", "O", "B-ORG", "I-ORG", "O"}),
            (V{"O", "O", "B-EVENT", "I-EVENT", "O"}));
  EXPECT_EQ(run("at the Qarvel Desert Classic", {"O", "O", "B-LOC", "I-LOC", "I-LOC"}),
            (V{"O", "O", "B-EVENT", "I-EVENT", "I-EVENT"}));
  // A people or place right before an untagged "Open" or "Grand Prix" starts one.
  EXPECT_EQ(run("the German Open in Hamburg", {"O", "B-NORP", "O", "O", "B-GPE"}),
            (V{"O", "B-EVENT", "I-EVENT", "O", "B-GPE"}));
  EXPECT_EQ(run("the Italian Grand Prix", {"O", "B-NORP", "O", "O"}), (V{"O", "B-EVENT", "I-EVENT", "I-EVENT"}));
  EXPECT_EQ(run("SELES WINS CANADIAN OPEN", {"B-PERSON", "O", "B-NORP", "O"}),
            (V{"B-PERSON", "O", "B-EVENT", "I-EVENT"}));
  // A place the model typed as the event is the start of one too.
  EXPECT_EQ(run("at the Paris Open on Friday", {"O", "O", "B-EVENT", "O", "O", "O"}),
            (V{"O", "O", "B-EVENT", "I-EVENT", "O", "O"}));
  // A person's name stays a person's; a place alone stays a place.
  EXPECT_EQ(run("Tony Masters said", {"B-PERSON", "I-PERSON", "O"}), (V{"B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("open in Hamburg", {"O", "O", "B-GPE"}), (V{"O", "O", "B-GPE"}));
}

TEST(NerSpanRulesTest, SportsResultsAndStandings) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto run = [&](const std::string& text) {
    return AfterSpanRules(text, std::vector<std::string>(Split(text).size(), "O"), gaz.get());
  };
  using V = std::vector<std::string>;
  // National sides are places, clubs organizations (even when named after a town).
  EXPECT_EQ(run("Japan 2 Syria 1"), (V{"B-GPE", "O", "B-GPE", "O"}));
  EXPECT_EQ(run("England 2 Moldova 0"), (V{"B-GPE", "O", "B-GPE", "O"}));  // a UK nation is a national side too
  EXPECT_EQ(run("Kent 2 Essex 0"), (V{"B-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("Quarry Rovers 3 Zorvex 0 ( halftime 1-0 )"),
            (V{"B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Quarry Rovers 4 3 1 0 8 3 10"), (V{"B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O"}));
  // The scorers between brackets after each score are persons.
  EXPECT_EQ(run("Zorvex 2 ( Quell 2 , van Varno 75 pen ) Quarry 0 . Halftime 1-0"),
            (V{"B-ORG", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O", "O", "O",
               "O"}));
  // Not a results line: text after the second score, or too few numbers.
  EXPECT_EQ(run("Reed 2 Lima 1 said"), (V{"O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Reed 2 3"), (V{"O", "O", "O"}));
  EXPECT_EQ(run("Reed 2"), (V{"O", "O"}));
  EXPECT_EQ(run("Reed 2 Lima"), (V{"O", "O", "O"}));
  EXPECT_EQ(run("QUELLTOWN 56 22 .718 -"), (V{"B-ORG", "O", "O", "O", "O"}));  // standings with percentages
  EXPECT_EQ(run("Quarry Rovers 45 33 .577 11"), (V{"B-ORG", "I-ORG", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Reed 56 .718"), (V{"O", "O", "O"}));
  // Cricket scorecards: batsmen, fielders and bowlers between the dismissal words; bowling figures.
  EXPECT_EQ(run("T. Quarb c Ilse-ul-Varga b Bram Tovey 31"),
            (V{"B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O"}));
  EXPECT_EQ(run("Quarb lbw b Tovey 4"), (V{"B-PERSON", "O", "O", "B-PERSON", "O"}));
  EXPECT_EQ(run("Quarb not out 12"), (V{"B-PERSON", "O", "O", "O"}));
  EXPECT_EQ(run("Bowling : Bram Tovey 20-4-55-1 , Quarb 8-0-31-0"),
            (V{"O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"}));
  // Not when other words are in the line, or without dismissal words or figures.
  EXPECT_EQ(run("Quarb was bowled by Tovey 4"), (V{"O", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Quarb Tovey 4"), (V{"O", "O", "O"}));
}

TEST(NerSpanRulesTest, PersonsInResultsLists) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  // `first` marks the words taken for first names (the list or the word profiles).
  auto run = [&](const std::string& text, const std::vector<std::string>& first, std::vector<std::string> tags,
                 bool typed_places = true) {
    std::vector<std::string> words = Split(text);
    std::vector<std::string_view> forms(words.begin(), words.end());
    std::vector<bool> first_name(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      first_name[i] = std::find(first.begin(), first.end(), words[i]) != first.end();
    }
    ner_internal::TagListedPersons(forms, first_name, *gaz, tags, typed_places);
    return tags;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(run("67 Tomas Quarb ( Scotland ) , Ilse Varga ( South Africa )", {"Tomas", "Ilse"}, V(13, "O")),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "I-GPE",
               "O"}));
  EXPECT_EQ(run("1 - Tomas Quarb ( U.S. ) beat Ilse Varga ( Spain ) 6-3", {"Tomas", "Ilse"}, V(14, "O")),
            (V{"O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O",
               "O"}));
  // Not without a first name, a country, brackets, or when the model tagged the run;
  // not a club, a company or a title; not a lone word or part of a longer run.
  EXPECT_EQ(run("Red Quarb ( Spain )", {"Tomas"}, V(5, "O")), V(5, "O"));
  EXPECT_EQ(run("Tomas Quarb ( Lumen )", {"Tomas"}, V(5, "O")), V(5, "O"));
  EXPECT_EQ(run("Tomas Quarb , Spain", {"Tomas"}, V(4, "O")), V(4, "O"));
  EXPECT_EQ(run("Tomas Rovers ( Spain )", {"Tomas"}, V{"B-ORG", "I-ORG", "O", "O", "O"}),
            (V{"B-ORG", "I-ORG", "O", "O", "O"}));
  EXPECT_EQ(run("Tomas Holdings ( Spain )", {"Tomas"}, V(5, "O")), V(5, "O"));
  EXPECT_EQ(run("Tomas Quarb Inc ( Spain )", {"Tomas"}, V(6, "O")), V(6, "O"));
  EXPECT_EQ(run("Tomas ( Spain )", {"Tomas"}, V(4, "O")), V(4, "O"));
  EXPECT_EQ(run("Lumen Tomas Quarb ( Spain )", {"Tomas"}, V(6, "O")), V(6, "O"));
  EXPECT_EQ(run("( Spain )", {}, V(3, "O")), V(3, "O"));
  // The team after a listed person, before a time, points or "same time".
  EXPECT_EQ(run("1. Tomas Quarb ( Germany ) Zorvex 1:28:15.125", {"Tomas"}, V(8, "O")),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-ORG", "O"}));
  EXPECT_EQ(run("2. Ilse Varga ( Spain ) Quellco Racing same time", {"Ilse"},
                V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-ORG", "I-ORG", "O", "O"}));
  EXPECT_EQ(run("Tomas Quarb ( Spain ) beat Ilse Varga", {"Tomas", "Ilse"}, V(9, "O")),
            (V{"B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O"}));
  EXPECT_EQ(run("Tomas Quarb ( Spain ) Zorvex said", {"Tomas"}, V(7, "O")),
            (V{"B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"}));
  // A surname the model took for another name is still part of the person; a span
  // that starts further left is left alone.
  EXPECT_EQ(run("1. Tomas Quarb ( Spain ) 9.99", {"Tomas"}, V{"O", "O", "B-MISC", "O", "O", "O", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("Lumen Tomas Quarb ( Spain )", {"Tomas"}, V{"B-MISC", "I-MISC", "I-MISC", "O", "O", "O"}),
            (V{"B-MISC", "I-MISC", "I-MISC", "O", "O", "O"}));
  // A whole name the model typed as a place is a person too, unless the gazetteer knows
  // it; one it typed ORG stays (a club looks the same).
  EXPECT_EQ(run("beat Tomas Quarb ( Spain ) 6-3", {"Tomas"}, V{"O", "B-GPE", "I-GPE", "O", "O", "O", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("beat Ilse Varga ( Spain ) 6-3", {"Ilse"}, V{"O", "B-LOC", "I-LOC", "O", "O", "O", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("beat Costa Rica ( Spain ) 2-1", {"Costa"}, V{"O", "B-GPE", "I-GPE", "O", "O", "O", "O"}),
            (V{"O", "B-GPE", "I-GPE", "O", "O", "O", "O"}));
  // In a ranked line with a result the name needs no first name, typed as a place or not.
  EXPECT_EQ(run("2. Hakim El Quarb ( Morocco ) 3:33.10", {}, V{"O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O", "O"}),
            (V{"O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("3. Hakim Quarb ( Morocco ) 3:34.21", {}, V(7, "O")),
            (V{"O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"}));
  EXPECT_EQ(run("Hakim Quarb ( Morocco ) 3:34.21", {}, V(6, "O")), V(6, "O"));
  EXPECT_EQ(run("3. Hakim Quarb ( Morocco ) said", {}, V(7, "O")), V(7, "O"));
  // Only with the sports-line rules (not while the word profiles are built).
  EXPECT_EQ(run("beat Tomas Quarb ( Spain ) 6-3", {"Tomas"}, V{"O", "B-GPE", "I-GPE", "O", "O", "O", "O"}, false),
            (V{"O", "B-GPE", "I-GPE", "O", "O", "O", "O"}));
}

// `text` with `tags` after JoinNamesAcrossAnd; words listed in `common` are often lower case.
std::vector<std::string> AfterJoinAcrossAnd(const std::string& text, std::vector<std::string> tags,
                                            const std::vector<std::string>& common) {
  return AfterMarkedRule(text, std::move(tags), common, [](const auto& forms, const auto& often_lower, auto& t) {
    ner_internal::JoinNamesAcrossAnd(forms, often_lower, t);
  });
}

TEST(NerSpanRulesTest, NamesCutAtAndAreJoined) {
  using V = std::vector<std::string>;
  const V common = {"Securities", "Exchange", "Savings", "Loan", "Federal", "First", "International", "Bank"};
  EXPECT_EQ(AfterJoinAcrossAnd("with the Securities and Exchange Commission .",
                               {"O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O"}, common),
            (V{"O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(AfterJoinAcrossAnd("First Federal Savings and Loan Association of Lima",
                               {"O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"}, common),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"}));
  // Two names stay two: proper names on both sides, or a left part with its own head word.
  const V two = {"B-ORG", "O", "B-ORG", "I-ORG", "O"};
  EXPECT_EQ(AfterJoinAcrossAnd("Quellco and Zorvex Corp agreed", two, common), two);
  const V banks = {"O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"};
  EXPECT_EQ(AfterJoinAcrossAnd("the World Bank and International Monetary Fund said", banks, common), banks);
  // No organization head word after "and": nothing to join.
  const V no_head = {"O", "B-ORG", "O", "B-ORG", "O"};
  EXPECT_EQ(AfterJoinAcrossAnd("the Savings and Loan crisis", no_head, common), no_head);
  // A founder's name the model left out before "and" and a small company with its suffix.
  EXPECT_EQ(AfterJoinAcrossAnd("said Quell and Varno Inc .", {"O", "O", "O", "B-ORG", "I-ORG", "O"}, common),
            (V{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  // Not an acronym (another company), nor a word the news writes in lower case.
  EXPECT_EQ(AfterJoinAcrossAnd("said QXV and Varno Inc .", {"O", "O", "O", "B-ORG", "I-ORG", "O"}, common),
            (V{"O", "O", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(AfterJoinAcrossAnd("said Federal and Varno Inc .", {"O", "O", "O", "B-ORG", "I-ORG", "O"}, common),
            (V{"O", "O", "O", "B-ORG", "I-ORG", "O"}));
}

TEST(NerDocumentTest, HeadlinesFollowTheNamesOfTheBody) {
  std::vector<std::vector<std::string>> words = {
      Split("SOCCER - DORVEX LIMA SACK COACH AFTER DEFEAT"), Split("LIMA 1996-08-30"),
      Split("Dorvex Lima sacked their coach after Lima beat them ."), Split("Tess Varnok won again ."),
      Split("TENNIS - VARNOK WINS IN STYLE"), Split("RETAIL - JC VARNOK SALES RISE")};
  std::vector<std::vector<std::string_view>> forms;
  for (const auto& w : words) forms.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags = {
      {"O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"},  // the model cut the club's name wrong
      {"B-GPE", "O"},
      {"B-ORG", "I-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "O"},
      {"B-PERSON", "I-PERSON", "O", "O", "O"},
      {"O", "O", "B-ORG", "O", "O", "O"},
      {"O", "O", "B-PERSON", "I-PERSON", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms, tags);
  // The body's "Dorvex Lima" wins over the model's "LIMA SACK".
  EXPECT_EQ(tags[0], (std::vector<std::string>{"O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"}));
  // A dateline is no headline: its place stays, though "Lima" is a club in the body.
  EXPECT_EQ(tags[1], (std::vector<std::string>{"B-GPE", "O"}));
  // A body person's surname alone is that person.
  EXPECT_EQ(tags[4], (std::vector<std::string>{"O", "O", "B-PERSON", "O", "O", "O"}));
  // Inside a longer span of the same type, the model's span stays whole.
  EXPECT_EQ(tags[5], (std::vector<std::string>{"O", "O", "B-PERSON", "I-PERSON", "O", "O"}));
}

// A person's surname the model typed as an organization is that person, unless a company's
// name begins with it, it is written in capitals in running text or "the" comes before it.
TEST(NerDocumentTest, ASurnameTypedAsAnOrganizationIsThePerson) {
  std::vector<std::vector<std::string>> words = {Split("Anna Quellin and Tom Varno met ."),
                                                 Split("A spokesman for Quellin said Varno Group and QUELLIN agreed ."),
                                                 Split("Varno rose after the Quellin report .")};
  std::vector<std::vector<std::string_view>> forms;
  for (const auto& w : words) forms.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags = {
      {"B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"},
      {"O", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O"},
      {"B-ORG", "O", "O", "O", "B-ORG", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms, tags);
  EXPECT_EQ(tags[1], (std::vector<std::string>{"O", "O", "O", "B-PERSON", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O"}));
  EXPECT_EQ(tags[2], (std::vector<std::string>{"B-ORG", "O", "O", "O", "B-ORG", "O", "O"}));
}

// "Quellan" + "Varn Offshore" (a person) beside "Quellan Varn Offshore Partners": the untagged
// capitalized word before the span opens the organization's name with it.
TEST(NerDocumentTest, AWordBeforeAPersonOpensAnOrganizationsName) {
  std::vector<std::vector<std::string>> words = {Split("Quellan Varn Offshore Partners drilled ."),
                                                 Split("Quellan Varn Offshore said .")};
  std::vector<std::vector<std::string_view>> forms;
  for (const auto& w : words) forms.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags = {{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"},
                                                {"O", "B-PERSON", "I-PERSON", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms, tags);
  EXPECT_EQ(tags[1], (std::vector<std::string>{"B-ORG", "I-ORG", "I-ORG", "O", "O"}));
  // So before a "place" ("Shell" + "Canada" beside "Shell Canada Ltd"), but not "The".
  std::vector<std::vector<std::string>> words2 = {Split("Quell Canada Ltd paid ."), Split("Quell Canada said ."),
                                                  Split("The Japan Quorn Fund rose ."), Split("The Japan office .")};
  std::vector<std::vector<std::string_view>> forms2;
  for (const auto& w : words2) forms2.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags2 = {{"B-ORG", "I-ORG", "I-ORG", "O", "O"},
                                                 {"O", "B-GPE", "O", "O"},
                                                 {"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"},
                                                 {"O", "B-GPE", "O", "O"}};
  auto country = [](std::string_view w) { return w == "Canada" || w == "Japan"; };
  ner_internal::MakeDocumentConsistent(forms2, tags2, country, country, country);
  EXPECT_EQ(tags2[1], (std::vector<std::string>{"B-ORG", "I-ORG", "O", "O"}));
  EXPECT_EQ(tags2[3], (std::vector<std::string>{"O", "B-GPE", "O", "O"}));
}

TEST(NerDocumentTest, RepeatedNamesAgreeAndMissedRepeatsAreTagged) {
  std::vector<std::vector<std::string>> words = {
      Split("Tom Reed met Zorvex in Lima ."), Split("Zorvex said Reed left Lima for Quito ."),
      Split("Lima voters backed Zorvex ."), Split("Quito Lima and Reed Mining .")};
  std::vector<std::vector<std::string_view>> forms;
  for (const auto& w : words) forms.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags = {
      {"B-PERSON", "I-PERSON", "O", "B-ORG", "O", "B-GPE", "O"},
      {"B-ORG", "O", "O", "O", "B-PERSON", "O", "B-GPE", "O"},  // "Reed" missed, "Lima" mistyped
      {"O", "O", "O", "B-GPE", "O"},                            // "Lima" missed, "Zorvex" mistyped
      {"B-GPE", "B-GPE", "O", "O", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms, tags);
  EXPECT_EQ(tags[1], (std::vector<std::string>{"B-ORG", "O", "B-PERSON", "O", "B-GPE", "O", "B-GPE", "O"}));
  EXPECT_EQ(tags[2], (std::vector<std::string>{"B-GPE", "O", "O", "B-ORG", "O"}));
  // A run of capitalized words is not split into known names.
  EXPECT_EQ(tags[3], (std::vector<std::string>{"B-GPE", "B-GPE", "O", "O", "O", "O"}));
  // A one-word "person" that begins an organization's name is that organization,
  // unless it is a person's surname in the document.
  std::vector<std::vector<std::string>> words2 = {Split("Quellco said Quellco Corp rose ."),
                                                  Split("Ann Reed left Reed Mining ."), Split("Quellco and Reed .")};
  std::vector<std::vector<std::string_view>> forms2;
  for (const auto& w : words2) forms2.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags2 = {{"B-PERSON", "O", "B-ORG", "I-ORG", "O", "O"},
                                                 {"B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O"},
                                                 {"O", "O", "B-PERSON", "O"}};
  ner_internal::MakeDocumentConsistent(forms2, tags2);
  EXPECT_EQ(tags2[0], (std::vector<std::string>{"B-ORG", "O", "B-ORG", "I-ORG", "O", "O"}));
  EXPECT_EQ(tags2[2], (std::vector<std::string>{"B-ORG", "O", "B-PERSON", "O"}));  // missed repeat, now ORG
  // A firm of two founders is also named by the second.
  std::vector<std::vector<std::string>> words_pair = {Split("Quell and Varnoff Inc rose ."), Split("Varnoff said .")};
  std::vector<std::vector<std::string_view>> forms_pair;
  for (const auto& w : words_pair) forms_pair.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_pair = {{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"},
                                                     {"B-PERSON", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_pair, tags_pair);
  EXPECT_EQ(tags_pair[1], (std::vector<std::string>{"B-ORG", "O", "O"}));
  // The same for a name the model took for some other name (MISC), not for a nationality.
  std::vector<std::vector<std::string>> words_misc = {Split("Quellons Group and Varnian Express Co rose ."),
                                                       Split("Quellons and Varnian buyers .")};
  std::vector<std::vector<std::string_view>> forms_misc;
  for (const auto& w : words_misc) forms_misc.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_misc = {
      {"B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"}, {"B-MISC", "O", "B-NORP", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_misc, tags_misc);
  EXPECT_EQ(tags_misc[1], (std::vector<std::string>{"B-ORG", "O", "B-NORP", "O", "O"}));
  // So is a longer "person" that is the first words of an organization's name.
  std::vector<std::vector<std::string>> words_prefix = {Split("Dean Quellin Reynolds Inc fell ."), Split("Dean Quellin said .")};
  std::vector<std::vector<std::string_view>> forms_prefix;
  for (const auto& w : words_prefix) forms_prefix.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_prefix = {{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"},
                                                 {"B-PERSON", "I-PERSON", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_prefix, tags_prefix);
  EXPECT_EQ(tags_prefix[1], (std::vector<std::string>{"B-ORG", "I-ORG", "O", "O"}));
  // A company named after its founder's initials and surname is also its surname alone; a
  // public body after initials ("U.S. Quellin Commission") names no one.
  std::vector<std::vector<std::string>> words_founder = {Split("E.F. Quellin Group Inc and U.S. Varno Commission ."),
                                                         Split("Quellin and Varno said .")};
  std::vector<std::vector<std::string_view>> forms_founder;
  for (const auto& w : words_founder) forms_founder.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_founder = {
      {"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"},
      {"B-PERSON", "O", "B-PERSON", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_founder, tags_founder);
  EXPECT_EQ(tags_founder[1], (std::vector<std::string>{"B-ORG", "O", "B-PERSON", "O", "O"}));
  // A place that begins an organization's name is that organization, unless the gazetteer
  // knows it as a place ("Texas" / "Texas Quillco Inc").
  std::vector<std::vector<std::string>> words_place = {Split("Dorvex Petroleum Ltd and Texas Quillco Inc rose ."),
                                                       Split("Dorvex and Texas fell .")};
  std::vector<std::vector<std::string_view>> forms_place;
  for (const auto& w : words_place) forms_place.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_place = {
      {"B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"}, {"B-GPE", "O", "B-GPE", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_place, tags_place, [](std::string_view text) { return text == "Texas"; });
  EXPECT_EQ(tags_place[1], (std::vector<std::string>{"B-ORG", "O", "B-GPE", "O", "O"}));
  // Not when the organization is a public body named after its town, nor when the place's
  // name says it is one ("Quarvel County" beside "Quarvel County Cablevision Ltd").
  std::vector<std::vector<std::string>> words_town = {
      Split("Varnok Police Department and Quarvel County Cablevision Ltd ."), Split("Varnok and Quarvel County voters .")};
  std::vector<std::vector<std::string_view>> forms_town;
  for (const auto& w : words_town) forms_town.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_town = {
      {"B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"},
      {"B-GPE", "O", "B-GPE", "I-GPE", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_town, tags_town, [](std::string_view) { return false; });
  EXPECT_EQ(tags_town[1], (std::vector<std::string>{"B-GPE", "O", "B-GPE", "I-GPE", "O", "O"}));
  // A company named by one word and its suffix is also the word alone, where the model left it
  // untagged; not the second half of a hyphenated name.
  std::vector<std::vector<std::string>> words_company = {
      Split("Quellops Corp said it agreed ."), Split("He sold 110 Quellops shares , Allied - Quellops said .")};
  std::vector<std::vector<std::string_view>> forms_company;
  for (const auto& w : words_company) forms_company.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_company = {{"B-ORG", "I-ORG", "O", "O", "O", "O"},
                                                        std::vector<std::string>(10, "O")};
  ner_internal::MakeDocumentConsistent(forms_company, tags_company);
  EXPECT_EQ(tags_company[1], (std::vector<std::string>{"O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"}));
  // A government named after its leader leaves the leader a person, and so does a title before
  // the one word ("President Dorvane" beside "Dorvane Holdings Inc").
  std::vector<std::vector<std::string>> words_leader = {
      Split("The Varnok Administration and Dorvane Holdings Inc met ."), Split("Varnok and President Dorvane spoke .")};
  std::vector<std::vector<std::string_view>> forms_leader;
  for (const auto& w : words_leader) forms_leader.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_leader = {
      {"O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"},
      {"B-PERSON", "O", "O", "B-PERSON", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms_leader, tags_leader);
  EXPECT_EQ(tags_leader[1], (std::vector<std::string>{"B-PERSON", "O", "O", "B-PERSON", "O", "O"}));
  // A span of thousands of capitalized words (bad input) is read in linear time; its first
  // words still count.
  std::vector<std::string> long_words(10000, "Quillco");
  std::vector<std::vector<std::string>> words_long = {long_words, Split("Quillco Quillco said .")};
  std::vector<std::vector<std::string_view>> forms_long;
  for (const auto& w : words_long) forms_long.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags_long = {std::vector<std::string>(10000, "I-ORG"),
                                                     {"B-PERSON", "I-PERSON", "O", "O"}};
  tags_long[0][0] = "B-ORG";
  ner_internal::MakeDocumentConsistent(forms_long, tags_long);
  EXPECT_EQ(tags_long[1], (std::vector<std::string>{"B-ORG", "I-ORG", "O", "O"}));
  // A headline's all-caps name is the body's name; a sentence opener is not.
  std::vector<std::vector<std::string>> words3 = {Split("ZORVEX WINS IN LIMA"), Split("Zorvex won ."),
                                                  Split("Who said so ?"), Split("WHO officials .")};
  std::vector<std::vector<std::string_view>> forms3;
  for (const auto& w : words3) forms3.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags3 = {
      {"B-ORG", "O", "O", "B-GPE"}, {"O", "O", "O"}, {"O", "O", "O", "O"}, {"B-ORG", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms3, tags3);
  EXPECT_EQ(tags3[1], (std::vector<std::string>{"B-ORG", "O", "O"}));
  EXPECT_EQ(tags3[2], (std::vector<std::string>{"O", "O", "O", "O"}));
  // A headline's all-caps surname is the body's person ("GOLF - REED LEADS").
  std::vector<std::vector<std::string>> words5 = {Split("GOLF - REED LEADS BY ONE ."), Split("Tom Reed shot 65 .")};
  std::vector<std::vector<std::string_view>> forms5;
  for (const auto& w : words5) forms5.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags5 = {{"O", "O", "O", "O", "O", "O", "O"},
                                                 {"B-PERSON", "I-PERSON", "O", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms5, tags5);
  EXPECT_EQ(tags5[0], (std::vector<std::string>{"O", "O", "B-PERSON", "O", "O", "O", "O"}));
  // A person's surname typed as a town is the person; after "in", in a list of places, or when
  // the gazetteer knows it as a country or state, it stays a place.
  std::vector<std::vector<std::string>> words6 = {Split("Tom Quell met Ann Texas ."),
                                                  Split("Lima and Quell talked with Quell in Quell and Texas .")};
  std::vector<std::vector<std::string_view>> forms6;
  for (const auto& w : words6) forms6.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags6 = {{"B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"},
                                                 {"B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "B-GPE", "O",
                                                  "B-GPE", "O"}};
  ner_internal::MakeDocumentConsistent(
      forms6, tags6, [](std::string_view) { return true; }, [](std::string_view text) { return text == "Texas"; });
  EXPECT_EQ(tags6[1], (std::vector<std::string>{"B-GPE", "O", "B-GPE", "O", "O", "B-PERSON", "O", "B-GPE", "O",
                                                "B-GPE", "O"}));
  // Acronyms of the document's organizations.
  std::vector<std::vector<std::string>> words4 = {Split("the International Quill Organization met ."),
                                                  Split("IQO delegates and IQO said .")};
  std::vector<std::vector<std::string_view>> forms4;
  for (const auto& w : words4) forms4.emplace_back(w.begin(), w.end());
  std::vector<std::vector<std::string>> tags4 = {{"O", "B-ORG", "I-ORG", "I-ORG", "O", "O"},
                                                 {"B-GPE", "O", "O", "O", "O", "O"}};
  ner_internal::MakeDocumentConsistent(forms4, tags4);
  EXPECT_EQ(tags4[1], (std::vector<std::string>{"B-ORG", "O", "O", "B-ORG", "O", "O"}));
  std::vector<std::vector<std::string>> none = {{"O", "O"}};
  std::vector<std::vector<std::string_view>> two = {{"Lima", "rose"}};
  ner_internal::MakeDocumentConsistent(two, none);
  EXPECT_EQ(none[0], (std::vector<std::string>{"O", "O"}));
}

TEST(NerNamesTest, AModelWithAMalformedNamesSectionFailsToLoad) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto tagger = TrainNer({{Split("Tom Reed left Lima ."), {"B-PERSON", "I-PERSON", "O", "B-GPE", "O"}, 0}}, gaz, {},
                         {});
  ModelFileWriter writer(tagger->meta());
  writer.AddSection("weights", tagger->weights().Serialize());
  writer.AddSection("names", "ORG\tAcme\nCOMPANY\tZorvex\n");
  auto loaded = NerTagger::LoadFromBytes(writer.Serialize(), "bad-names.ngm", gaz);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("bad-names.ngm section 'names':2"), std::string::npos)
      << loaded.status().ToString();
}

TEST(NerFirstNamesTest, ParsesBothFormsAndRoundTrips) {
  auto names = NerFirstNames::Parse(
      "# generated\n# name\tlists\nTomas\tM\nIlse\tF\nJody\tFM\nanne-marie\nO'Neal\tM\r\n", "first.tsv");
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(names->size(), 5u);
  EXPECT_TRUE(names->Contains("tomas"));
  EXPECT_TRUE(names->Contains("anne-marie"));
  EXPECT_TRUE(names->Contains("o'neal"));
  EXPECT_FALSE(names->Contains("Tomas"));  // callers pass lowercased words
  EXPECT_FALSE(names->Contains("reed"));
  // Hyphenated names whose every part is listed ("Jean-Marie" as CoNLL keeps it whole).
  EXPECT_TRUE(names->Contains("tomas-ilse"));
  EXPECT_TRUE(names->Contains("jody-tomas-ilse"));
  EXPECT_FALSE(names->Contains("tomas-reed"));
  EXPECT_FALSE(names->Contains("tomas-"));
  EXPECT_FALSE(names->Contains("-tomas"));
  EXPECT_FALSE(names->Contains("tomas--ilse"));
  EXPECT_EQ(names->Serialize(), "anne-marie\nilse\njody\no'neal\ntomas\n");
  auto again = NerFirstNames::Parse(names->Serialize(), "again");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Serialize(), names->Serialize());
  EXPECT_TRUE(NerFirstNames::Parse("", "empty.tsv")->empty());
}

TEST(NerFirstNamesTest, MalformedListsAreClearErrors) {
  auto two_words = NerFirstNames::Parse("Tomas\tM\nMary Ann\tF\n", "bad.tsv");
  ASSERT_FALSE(two_words.ok());
  EXPECT_NE(two_words.status().message().find("bad.tsv:2"), std::string::npos) << two_words.status().ToString();
  EXPECT_NE(two_words.status().message().find("Mary Ann"), std::string::npos);
  auto bad_list = NerFirstNames::Parse("# x\nTomas\tmale\n", "bad.tsv");
  ASSERT_FALSE(bad_list.ok());
  EXPECT_NE(bad_list.status().message().find("bad.tsv:2"), std::string::npos);
  EXPECT_NE(bad_list.status().message().find("F, M or FM"), std::string::npos);
  EXPECT_FALSE(NerFirstNames::Parse("\tM\n", "bad.tsv").ok());
  EXPECT_FALSE(NerFirstNames::Parse("T0mas\n", "bad.tsv").ok());
  EXPECT_FALSE(NerFirstNames::Parse("-Tomas\n", "bad.tsv").ok());
  EXPECT_FALSE(NerFirstNames::Parse("Tomas\tM\tF\n", "bad.tsv").ok());
  std::string binary("Tom\0\xff\xfe\n", 7);
  EXPECT_FALSE(NerFirstNames::Parse(binary, "bin.tsv").ok());
}

TEST(NerFirstNamesTest, KnownFirstNamesMarkCapitalizedWordsOnly) {
  auto names = NerFirstNames::Parse("Will\tM\nIlse\tF\n", "first");
  ASSERT_TRUE(names.ok());
  ner_internal::FeatureResources res;
  res.first_names = &*names;
  std::vector<std::string_view> forms = {"Ilse", "Varga", "will", "meet", "Will", "Orr", "."};
  std::vector<ner_internal::TokenInfo> info;
  ner_internal::ComputeTokenInfo(forms, res, nullptr, info);
  std::vector<bool> marked;
  for (const auto& t : info) marked.push_back(t.first_name);
  EXPECT_EQ(marked, (std::vector<bool>{true, false, false, false, true, false, false}));
  // The list adds features on a first name and on the word after it, nowhere else.
  std::vector<ner_internal::TokenInfo> without;
  ner_internal::ComputeTokenInfo(forms, {}, nullptr, without);
  uint64_t keys[ner_internal::kMaxFeatures];
  for (size_t i = 0; i < forms.size(); ++i) {
    const int with_list = ner_internal::ExtractFeatures(info, i, 0, 0, keys);
    const int no_list = ner_internal::ExtractFeatures(without, i, 0, 0, keys);
    EXPECT_EQ(with_list - no_list, i == 0 || i == 1 || i == 4 || i == 5 ? 3 : 0) << forms[i];
    EXPECT_LE(with_list, ner_internal::kMaxFeatures);
  }
}

TEST(NerFirstNamesTest, ListTravelsWithTheModelAndHelpsUnseenNames) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto names = NerFirstNames::Parse("Tomas\nIlse\nBram\nOdile\nKasimir\nWendeline\n", "first");
  ASSERT_TRUE(names.ok());
  const std::vector<std::string> person = {"B-PERSON", "I-PERSON", "O", "O", "O"};
  const std::vector<std::string> org = {"B-ORG", "I-ORG", "O", "O", "O"};
  std::vector<NerSentence> train = {
      {Split("Tomas Quell joined the board ."), {"B-PERSON", "I-PERSON", "O", "O", "O", "O"}, -1},
      {Split("Ilse Marrow said nothing ."), person, -1},
      {Split("Bram Tovey left early ."), person, -1},
      {Split("Odile Frane won again ."), person, -1},
      {Split("Zorvex Mining said nothing ."), org, -1},
      {Split("Quellco Holdings left early ."), org, -1},
      {Split("Brindle Partners won again ."), org, -1},
  };
  NerTrainOptions options;
  options.epochs = 8;
  options.first_names = &*names;
  auto tagger = TrainNer(train, gaz, options, {{"training", "tiny"}});
  std::string path = ::testing::TempDir() + "/ner_first_names.ngm";
  ASSERT_TRUE(WriteNerModel(*tagger, {Split("Ilse Marrow joined Zorvex Mining .")}, path).ok());
  auto loaded = NerTagger::Load(path, gaz);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->first_names().size(), 6u);
  std::vector<std::string_view> unseen = {"Wendeline", "Ostrabek", "said", "nothing", "."};
  EXPECT_EQ((*loaded)->TagForms(unseen)[0], "B-PERSON");
  EXPECT_EQ((*loaded)->TagForms(unseen)[1], "I-PERSON");

  // Payload 4 files (before the list) still load; later versions fail clearly.
  for (int version : {4, 7}) {
    nlohmann::json meta = tagger->meta();
    meta["payload_version"] = version;
    ModelFileWriter old(meta);
    old.AddSection("weights", tagger->weights().Serialize());
    auto got = NerTagger::LoadFromBytes(old.Serialize(), "v" + std::to_string(version) + ".ngm", gaz);
    EXPECT_EQ(got.ok(), version == 4) << got.status().ToString();
    if (!got.ok()) {
      EXPECT_NE(got.status().message().find("payload version 7 is not supported"), std::string::npos);
    }
  }

  ModelFileWriter writer(tagger->meta());
  writer.AddSection("weights", tagger->weights().Serialize());
  writer.AddSection("first_names", "tomas\nmary ann\n");
  auto bad = NerTagger::LoadFromBytes(writer.Serialize(), "bad-first.ngm", gaz);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad-first.ngm section 'first_names':2"), std::string::npos)
      << bad.status().ToString();
}

TEST(NerFeaturesTest, LongCapitalizedDocumentsStayBounded) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto tagger = TrainNer({{Split("Tom Reed left Lima ."), {"B-PERSON", "I-PERSON", "O", "B-GPE", "O"}, 0}}, gaz, {},
                         {});
  std::vector<std::string> caps(10000);
  for (size_t i = 0; i < caps.size(); ++i) caps[i] = i % 2 ? "ACME" : "WORD" + std::to_string(i);
  std::vector<std::vector<std::string_view>> doc(3, std::vector<std::string_view>(caps.begin(), caps.end()));
  std::vector<std::vector<std::string>> tags = tagger->TagDocument(doc);
  ASSERT_EQ(tags.size(), 3u);
  for (const auto& t : tags) {
    ASSERT_EQ(t.size(), caps.size());
    for (size_t i = 0; i < t.size(); ++i) ASSERT_FALSE(t[i].starts_with("I-") && (i == 0 || t[i - 1] == "O"));
  }
}

}  // namespace
}  // namespace newsgraph::models
