#include "models/ner.h"
#include "models/ner_features.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "document/conll2003.h"
#include "models/ner_rules.h"
#include "models/ner_trainer.h"

#include "ner_test_helpers.h"

namespace newsgraph::models {
namespace {

std::vector<std::string> TagText(const NerTagger& ner, const std::string& text) {
  std::vector<std::string> words = Split(text);
  std::vector<std::string_view> forms(words.begin(), words.end());
  return ner.TagForms(forms);
}

// The tags of a document given as one space-separated sentence per string.
std::vector<std::vector<std::string>> TagDocumentText(const NerTagger& ner, const std::vector<std::string>& text) {
  std::vector<std::vector<std::string>> words;
  for (const std::string& sentence : text) words.push_back(Split(sentence));
  std::vector<std::vector<std::string_view>> doc;
  for (const auto& w : words) doc.emplace_back(w.begin(), w.end());
  return ner.TagDocument(doc);
}

std::shared_ptr<const NerTagger> CommittedModel() {
  static auto ner = NerTagger::Load(NerTagger::DefaultPath(), CommittedGazetteer());
  return ner.ok() ? *ner : nullptr;
}

// Our own tiny training set.
std::vector<NerSentence> TinyCorpus() {
  return {
      {Split("Maria Lopez visited Lima on Monday ."), {"B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"}},
      {Split("Acme Mining hired Tom Reed ."), {"B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"}},
      {Split("Tom Reed left Lima ."), {"B-PERSON", "I-PERSON", "O", "B-GPE", "O"}},
      {Split("Chilean miners praised Acme Mining ."), {"B-NORP", "O", "O", "B-ORG", "I-ORG", "O"}},
  };
}

TEST(NerTest, TrainsWritesAndReloads) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  NerTrainOptions options;
  options.epochs = 5;
  auto tagger = TrainNer(TinyCorpus(), gaz, options, {{"training", "tiny"}});
  std::string path = ::testing::TempDir() + "/ner_tiny.ngm";
  ASSERT_TRUE(WriteNerModel(*tagger, {Split("Tom Reed visited Lima .")}, path).ok());
  auto loaded = NerTagger::Load(path, gaz);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (const NerSentence& s : TinyCorpus()) {
    std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
    std::vector<std::string> got = (*loaded)->TagForms(forms);
    for (size_t i = 0; i < got.size(); ++i) {
      if (s.tags[i] != "O") {
        EXPECT_EQ(got[i], s.tags[i]) << s.forms[i];
      }
    }
  }
  EXPECT_EQ((*loaded)->meta()["kind"], "ner");
}

// A document with true offsets: tokens are the space-separated words of `text`.
document::Document MakeDoc(const std::string& text) {
  document::Document doc;
  doc.text = text;
  uint32_t pos = 0;
  for (const std::string& w : Split(text)) {
    document::Token t;
    t.form = w;
    pos = static_cast<uint32_t>(text.find(w, pos));
    t.span = {pos, pos + static_cast<uint32_t>(w.size())};
    pos = t.span.end;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({});
  doc.sentences[0].token_end = static_cast<uint32_t>(doc.tokens.size());
  return doc;
}

std::vector<std::string> LexiconTexts() {
  return {"Yesterday Tom Reed said the miners in Lima would strike. The talks with Acme Mining Inc failed.\n"
          "    Mr Reed said the strike in Lima was legal. Later the miners met Acme Mining Corp officials.",
          "THIS STORY IS ALL IN CAPITALS AND IS SKIPPED. REED LIMA.",
          "The strike ended when Reed and Acme Mining agreed. Miners in Lima said the deal was fair."};
}

TEST(NerLexiconTest, BuildsProfilesAndRoundTrips) {
  NerLexicon lex = BuildNerLexicon(LexiconTexts(), 2, {{"lima", 0b10110}});
  EXPECT_EQ(lex.Find(NerLexicon::KeyOf("lima"))->cluster, 0b10110u);
  const NerLexEntry* reed = lex.Find(NerLexicon::KeyOf("reed"));
  const NerLexEntry* the = lex.Find(NerLexicon::KeyOf("the"));
  ASSERT_NE(reed, nullptr);
  ASSERT_NE(the, nullptr);
  EXPECT_NE(reed->cap, the->cap);  // always capitalized mid-sentence vs never
  EXPECT_TRUE(lex.Find(NerLexicon::KeyOf("lima"))->ctx & NerLexicon::kAfterLocative);
  EXPECT_TRUE(lex.Find(NerLexicon::KeyOf("mining"))->ctx & NerLexicon::kAfterCap);
  EXPECT_EQ(lex.Find(NerLexicon::KeyOf("capitals")), nullptr);  // all-caps story skipped
  auto parsed = NerLexicon::Parse(lex.Serialize(), "lex");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->size(), lex.size());
  EXPECT_EQ(parsed->Find(NerLexicon::KeyOf("reed"))->cap, reed->cap);
  std::string bytes = lex.Serialize();
  auto truncated = NerLexicon::Parse(std::string_view(bytes).substr(0, bytes.size() - 3), "lex.bin");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("lex.bin"), std::string::npos);
}

TEST(NerLexiconTest, TypeProfilesComeFromTaggingRawText) {
  // A tiny model that learned "Reed" as a person and "Acme" as an organization
  // tags raw text; the profiles record how each capitalized word was tagged.
  std::vector<NerSentence> train;
  for (int k = 0; k < 20; ++k) {
    train.push_back({{"Yesterday", "Reed", "Tamsin", "met", "Acme", "in", "the", "city", "."},
                     {"O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O", "O"}});
  }
  auto gaz = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  NerTrainOptions options;
  options.epochs = 3;
  auto tagger = TrainNer(train, *gaz, options, nlohmann::json::object());
  std::vector<std::string> texts(4, "Yesterday Reed Tamsin met Acme in the city. Then Tamsin left.\n    New para.");
  NerLexicon lex = AddTypeProfiles(*tagger, NerLexicon(), texts, 3);
  const NerLexEntry* reed = lex.Find(NerLexicon::KeyOf("reed"));
  const NerLexEntry* acme = lex.Find(NerLexicon::KeyOf("acme"));
  ASSERT_NE(reed, nullptr);
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(NerTypeProfile::Type(reed->types), 1);       // PER
  EXPECT_EQ(NerTypeProfile::PersonPos(reed->types), 1);  // opens person names
  EXPECT_EQ(NerTypeProfile::Type(acme->types), 2);       // ORG
  EXPECT_EQ(lex.Find(NerLexicon::KeyOf("the")), nullptr);  // never capitalized
  auto parsed = NerLexicon::Parse(lex.Serialize(), "lex");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->Find(NerLexicon::KeyOf("acme"))->types, acme->types);
}

TEST(NerTest, LexiconTravelsWithTheModelAndTagFillsMentions) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  NerLexicon lex = BuildNerLexicon(LexiconTexts(), 2);
  NerTrainOptions options;
  options.epochs = 5;
  options.lexicon = &lex;
  std::vector<NerSentence> dev = {TinyCorpus()[2]};
  options.dev = &dev;
  auto tagger = TrainNer(TinyCorpus(), gaz, options, {{"training", "tiny"}});
  EXPECT_TRUE(tagger->meta()["training"].contains("best_epoch"));
  std::string path = ::testing::TempDir() + "/ner_lex.ngm";
  ASSERT_TRUE(WriteNerModel(*tagger, {Split("Tom Reed visited Lima .")}, path).ok());
  auto loaded = NerTagger::Load(path, gaz);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->lexicon().size(), lex.size());

  document::Document doc = MakeDoc("Tom Reed  left Lima .");
  doc.mentions.push_back({});  // stale mentions are replaced
  (*loaded)->Tag(doc);
  ASSERT_EQ(doc.tokens[0].ner, "B-PERSON");
  ASSERT_EQ(doc.tokens[3].ner, "B-GPE");
  std::vector<std::string> got;
  for (const document::Mention& m : doc.mentions) {
    EXPECT_EQ(m.kind, "name");
    got.push_back(m.type + ":" + doc.text.substr(m.span.start, m.span.size()));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"PERSON:Tom Reed", "GPE:Lima"}));
}

TEST(NerTest, CorruptOrMissingModelIsAClearError) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  auto missing = NerTagger::Load("/nonexistent/ner.ngm", gaz);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/ner.ngm"), std::string::npos);

  auto tagger = TrainNer(TinyCorpus(), gaz, {}, {});
  std::string path = ::testing::TempDir() + "/ner_corrupt.ngm";
  ASSERT_TRUE(WriteNerModel(*tagger, {}, path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes[bytes.size() / 2] ^= 0x5A;
  auto corrupt = NerTagger::LoadFromBytes(bytes, "corrupt.ngm", gaz);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.status().message().find("corrupt.ngm"), std::string::npos);
  auto garbage = NerTagger::LoadFromBytes("not a model", "garbage.ngm", gaz);
  ASSERT_FALSE(garbage.ok());
  auto no_gaz = NerTagger::Load(path, nullptr);
  ASSERT_FALSE(no_gaz.ok());
  EXPECT_NE(no_gaz.status().message().find("gazetteer"), std::string::npos);
}

TEST(NerRulesTest, NumbersDatesMoney) {
  std::vector<std::string> words =
      Split("On Friday , 13 September 2023 the firm paid $ 4.5 million , up 12 % , at 10:30 a.m. for 300 tonnes and 7 trucks");
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<std::string> tags(words.size(), "O");
  ner_internal::ApplyNumericRules(forms, tags);
  std::vector<std::string> want = {"O", "B-DATE", "O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "O",
                                   "B-MONEY", "I-MONEY", "I-MONEY", "O", "O", "B-PERCENT", "I-PERCENT", "O",
                                   "O", "B-TIME", "I-TIME", "O", "B-QUANTITY", "I-QUANTITY", "O", "B-CARDINAL", "O"};
  EXPECT_EQ(tags, want);
  std::vector<std::string> may = Split("She May leave");
  std::vector<std::string_view> may_forms(may.begin(), may.end());
  std::vector<std::string> may_tags(3, "O");
  ner_internal::ApplyNumericRules(may_forms, may_tags);
  EXPECT_EQ(may_tags[1], "O");
}

TEST(NerCommittedModelTest, NewsSentences) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "Russian President Vladimir Putin met Kim Jong Un on Wednesday .");
  EXPECT_EQ(tags[0], "B-NORP");  // a nationality before a title, not part of the name
  EXPECT_EQ(tags[1], "O");       // the title stays outside the name
  EXPECT_EQ(tags[2], "B-PERSON");  // Vladimir
  EXPECT_EQ(tags[3], "I-PERSON");  // Putin
  EXPECT_EQ(tags[5], "B-PERSON");
  EXPECT_EQ(tags[9], "B-DATE");
  tags = TagText(*ner, "The North Korean delegation flew from Pyongyang to Moscow .");
  EXPECT_EQ(tags[1], "B-NORP");
  EXPECT_EQ(tags[6], "B-GPE");
  EXPECT_EQ(tags[8], "B-GPE");
  tags = TagText(*ner, "Prices in Kenya rose 12 percent to $ 3 billion in March 2023 , the United Nations said .");
  EXPECT_EQ(tags[2], "B-GPE");
  EXPECT_EQ(tags[4], "B-PERCENT");
  EXPECT_EQ(tags[7], "B-MONEY");
  EXPECT_EQ(tags[11], "B-DATE");
  EXPECT_EQ(tags[15], "B-ORG");  // United Nations
  EXPECT_EQ(tags[16], "I-ORG");
  tags = TagText(*ner, "The Kremlin said Acme Holdings Plc paid Foreign Minister Sergei Lavrov .");
  EXPECT_EQ(tags[1], "B-ORG");  // the government, by metonymy
  EXPECT_EQ(tags[3], "B-ORG");
  EXPECT_EQ(tags[5], "I-ORG");
  EXPECT_EQ(tags[7], "O");
  EXPECT_EQ(tags[8], "O");
  EXPECT_EQ(tags[9], "B-PERSON");
}

// Offices named with "of" between a title and a name (CoNLL-2003 news is full of them).
TEST(NerCommittedModelTest, OfficesWithOfStayOutOfNames) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "Secretary of State Warren Christopher met Minister of Finance Ali Khalil .");
  EXPECT_EQ(tags, (std::vector<std::string>{"O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON",
                                            "I-PERSON", "O"}));
  tags = TagText(*ner, "The Secretary-General of NATO Javier Solana arrived .");
  EXPECT_EQ(tags[3], "B-ORG");
  EXPECT_EQ(tags[4], "B-PERSON");
  EXPECT_EQ(tags[5], "I-PERSON");
}

// A company named after a small town is the company where the document names it in full;
// a city stays a place ("Dome Petroleum Ltd" and Dome, Ghana; "Texas Instruments" and Texas).
TEST(NerCommittedModelTest, CompaniesNamedAfterSmallTownsAreCompanies) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagDocumentText(
      *ner, {"Dome Petroleum Ltd said it would sell assets .", "Dome said the sale would cut its debt ."});
  EXPECT_EQ(tags[0][0], "B-ORG");
  EXPECT_EQ(tags[1][0], "B-ORG");
  tags = TagDocumentText(*ner, {"Texas Instruments Inc said profits rose .", "Texas said drought cut the harvest ."});
  EXPECT_EQ(tags[1][0], "B-GPE");
}

// A city names the company after all when the document names the company in full, the
// short name acts as one ("Tucson said"), and no mention reads as the place; a country, a
// state (above) or a national capital never does.
TEST(NerCommittedModelTest, KnownPlacesActingAsCompaniesAreCompanies) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagDocumentText(*ner, {"Tucson Aviation Inc agreed to buy a rival carrier .",
                                     "Tucson said the purchase would cost 90 mln dlrs ."});
  EXPECT_EQ(tags[1][0], "B-ORG");
  // The place is read as a place somewhere in the document: it stays a place.
  tags = TagDocumentText(*ner, {"Tucson Aviation Inc agreed to hire 40 pilots in Tucson .",
                                "Tucson said the purchase would cost 90 mln dlrs ."});
  EXPECT_EQ(tags[0][9], "B-GPE");
  EXPECT_EQ(tags[1][0], "B-GPE");
  // A capital is never a company's short name.
  tags = TagDocumentText(*ner, {"Lima Mining Corp agreed to buy a rival miner .",
                                "Lima said the purchase would cost 90 mln dlrs ."});
  EXPECT_EQ(tags[1][0], "B-GPE");
}

// Edges no name has: a hyphen before a word in lower case, "of" after an office, a weekday
// after a court, a share class, a "person" that is a bank.
TEST(NerCommittedModelTest, NamesLoseEdgesNoNameHas) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "Last week , Carl C. Icahn - controlled Norvane Airlines Inc raised its offer .");
  EXPECT_EQ(tags[3], "B-PERSON");
  EXPECT_EQ(tags[5], "I-PERSON");
  EXPECT_EQ(tags[6], "O");  // the hyphen of "Icahn-controlled"
  tags = TagText(*ner, "The talks were led by Assistant Secretary of Defence for policy Richard Ohlsson .");
  EXPECT_EQ(tags[7], "O");
  EXPECT_EQ(tags[8], "O");
  EXPECT_EQ(tags[11], "B-PERSON");
  tags = TagText(*ner, "The strike went on after the Higher Labour Court Saturday ruled it illegal .");
  EXPECT_EQ(tags[6], "B-ORG");
  EXPECT_EQ(tags[8], "I-ORG");
  EXPECT_EQ(tags[9], "B-DATE");  // when the court ruled
  tags = TagText(*ner, "The group offered to buy all Class B common shares of Marlow Resorts Inc .");
  EXPECT_EQ(tags[6], "O");
  EXPECT_EQ(tags[7], "O");
  tags = TagText(*ner, "The bonds were priced at par , lead manager Gotthard Bank said .");
  EXPECT_EQ(tags[9], "B-ORG");
  EXPECT_EQ(tags[10], "I-ORG");
}

// Legal suffixes of the news ("Bros.", "Cos", "S.P.A.", "B.V.") make a company of the name
// before them, whatever the model read.
TEST(NerCommittedModelTest, MoreCompanySuffixes) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "said Anna Berg , an analyst with Halden Marlow Bros. , and Carrozzeria Velti S.P.A. agreed .");
  EXPECT_EQ(tags[7], "B-ORG");
  EXPECT_EQ(tags[9], "I-ORG");
  EXPECT_EQ(tags[12], "B-ORG");
  EXPECT_EQ(tags[14], "I-ORG");
}

// A commission, committee, council or conference "on" a subject is named with it; a date
// after "on" is no subject.
TEST(NerCommittedModelTest, BodiesOnASubjectAreNamedWithIt) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "The Halden National Commission on Human Rights said two people died .");
  EXPECT_EQ(tags[1], "B-ORG");
  EXPECT_EQ(tags[4], "I-ORG");
  EXPECT_EQ(tags[6], "I-ORG");
  tags = TagText(*ner, "The talks were held under the United Nations Conference on Trade and Development .");
  EXPECT_EQ(tags[6], "B-ORG");
  EXPECT_EQ(tags[12], "I-ORG");
  tags = TagText(*ner, "He wrote to the Federal Trade Commission on February 3 .");
  EXPECT_NE(tags[7], "I-ORG");
}

// The model may stop inside a known name; the name's capitalized words that follow join it
// ("Revolutionary Guards divisions"), the lower-case words a case-blind match would take do
// not ("the Democratic party": the party's name is "Democratic").
TEST(NerCommittedModelTest, KnownNamesAreTakenWhole) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "Four Revolutionary Guards divisions attacked the town .");
  EXPECT_EQ(tags[1], "B-ORG");
  EXPECT_EQ(tags[2], "I-ORG");
  EXPECT_EQ(tags[3], "O");
  tags = TagText(*ner, "Congress is controlled by the Democratic party .");
  EXPECT_EQ(tags[6], "O");
}

// A word that opens sentences is no surname, though the model ran a name into it: "The"
// of "S and P. The agency" must not make every "The" of the story a person.
TEST(NerCommittedModelTest, SentenceOpenersAreNoSurnames) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagDocumentText(*ner, {"That brought in S and P. The agency cut the rating .",
                                     "The notes were priced late Thursday by Tom Reed ."});
  EXPECT_NE(tags[0][5], "I-PERSON");
  EXPECT_EQ(tags[1][0], "O");
  EXPECT_EQ(tags[1][7], "B-PERSON");
}

// A company's short name given in brackets after its full name is that company wherever it
// recurs, in any case; a place in brackets qualifies the name and stays a place.
TEST(NerCommittedModelTest, ShortNamesInBracketsAreTheCompany) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagDocumentText(*ner, {"Halden Electric Power Corp ( Hepco ) chose two U.S. firms .",
                                     "Hepco said talks would end in May .", "HEPCO has also been talking to rivals ."});
  EXPECT_EQ(tags[0][5], "B-ORG");
  EXPECT_EQ(tags[1][0], "B-ORG");
  EXPECT_EQ(tags[2][0], "B-ORG");
  tags = TagDocumentText(*ner, {"Nippon Norvane Co ( Nagoya ) said profits rose .", "Nagoya is a port ."});
  EXPECT_NE(tags[1][0], "B-ORG");
}

// Religious and ethnic groups (demonyms.tsv rows of no country) are NORP, not people.
TEST(NerCommittedModelTest, ReligiousAndEthnicGroupsAreNorp) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  auto tags = TagText(*ner, "Kurds and Shiites marched with Christians and Jews past the mosque .");
  EXPECT_EQ(tags[0], "B-NORP");
  EXPECT_EQ(tags[2], "B-NORP");
  EXPECT_EQ(tags[5], "B-NORP");
  EXPECT_EQ(tags[7], "B-NORP");
  // An adjective of a group before a title and a name: the name stays a person.
  tags = TagText(*ner, "Kurdish leader Masoud Barzani met Tamil politicians in Colombo .");
  EXPECT_EQ(tags[0], "B-NORP");
  EXPECT_EQ(tags[1], "O");
  EXPECT_EQ(tags[2], "B-PERSON");
  EXPECT_EQ(tags[3], "I-PERSON");
  EXPECT_EQ(tags[5], "B-NORP");
  EXPECT_EQ(tags[8], "B-GPE");
}

// tests/models/fixtures/ner_newswire_style.conll: 19 short documents written for
// newsgraph in the style of 1996 Reuters copy (datelines, all-caps headlines,
// sports results, scorecards, standings, a market report), hand-labelled with
// CoNLL-2003 conventions. A regression floor for the news rules, not a score: the
// rules were written while looking at it.
TEST(NerCommittedModelTest, NewswireStyleFixtureFloor) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  const std::string path = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/models/fixtures/ner_newswire_style.conll";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto docs = document::ReadConll2003(data, path);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 19u);
  std::map<std::string, SpanCounts> counts;
  for (document::Document& doc : *docs) {
    std::vector<std::string> gold = document::Conll2003GoldTags(doc);
    ner->Tag(doc);
    std::vector<std::string> predicted;
    for (const document::Token& t : doc.tokens) predicted.push_back(t.ner);
    CountSpans(gold, predicted, [](std::string_view type) { return document::ToConll2003Type(type); }, counts);
  }
  SpanCounts plo;
  for (const char* type : {"PER", "LOC", "ORG"}) {
    plo.tp += counts[type].tp, plo.fp += counts[type].fp, plo.fn += counts[type].fn;
  }
  EXPECT_EQ(plo.tp + plo.fn, 190);
  EXPECT_GE(plo.F1(), 90.0) << "PER " << counts["PER"].F1() << " LOC " << counts["LOC"].F1() << " ORG "
                            << counts["ORG"].F1();
}

TEST(NerCommittedModelTest, HeadlinesAndDatelines) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  std::vector<std::vector<std::string>> tags =
      TagDocumentText(*ner, {"KREMLIN SAYS PUTIN WILL MEET UN ENVOY", "MOSCOW 2023-09-13",
                             "The Kremlin said President Vladimir Putin would meet the envoy ."});
  EXPECT_EQ(tags[0][0], "B-ORG");
  EXPECT_EQ(tags[0][1], "O");
  EXPECT_EQ(tags[0][2], "B-PERSON");
  EXPECT_EQ(tags[0][3], "O");
  EXPECT_EQ(tags[1][0], "B-GPE");
  EXPECT_EQ(tags[2][5], "I-PERSON");
}

TEST(NerCommittedModelTest, TitleCaseHeadlinesAreReadLikeText) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  std::vector<std::vector<std::string>> words = {
      Split("Warren Campaign Reportedly Scrambling After Poor Turnout In Ohio"),
      Split("The campaign of Senator Anna Warren is reportedly scrambling to lift turnout in Ohio .")};
  std::vector<std::vector<std::string_view>> doc;
  for (const auto& w : words) doc.emplace_back(w.begin(), w.end());
  ASSERT_NE(ner->lexicon().size(), 0u);
  EXPECT_TRUE(ner_internal::IsTitleCaseHeadline(doc[0], &ner->lexicon()));
  EXPECT_FALSE(ner_internal::IsTitleCaseHeadline(doc[1], &ner->lexicon()));
  std::vector<std::string> names = Split("Anna Warren , Tom Reed and Lena Berg Met");  // names, not a headline
  EXPECT_FALSE(ner_internal::IsTitleCaseHeadline({names.begin(), names.end()}, &ner->lexicon()));
  std::vector<std::vector<std::string>> tags = ner->TagDocument(doc);
  EXPECT_EQ(tags[0][0], "B-PERSON");
  EXPECT_EQ(tags[0][1], "O");  // "Campaign" is the word campaign
  EXPECT_EQ(tags[0][2], "O");
  ASSERT_EQ(tags[0].size(), 9u);
  EXPECT_EQ(tags[0][8], "B-GPE");
}

TEST(NerCommittedModelTest, FacilityAndDocumentTagging) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  document::Document doc;
  doc.text = "The two leaders met at Heathrow Airport .";
  for (const std::string& w : Split(doc.text)) {
    document::Token t;
    t.form = w;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({});
  doc.sentences[0].token_end = static_cast<uint32_t>(doc.tokens.size());
  ner->Tag(doc);
  // A place entity starts at "Heathrow" (the current model often says GPE, not FAC: see the README).
  EXPECT_TRUE(doc.tokens[5].ner == "B-FAC" || doc.tokens[5].ner == "B-GPE" || doc.tokens[5].ner == "B-LOC")
      << doc.tokens[5].ner;
  EXPECT_EQ(doc.tokens[0].ner, "O");
}

TEST(NerCommittedModelTest, BadInputStaysBounded) {
  auto ner = CommittedModel();
  if (ner == nullptr) GTEST_SKIP() << "data/models/ner.ngm not built";
  EXPECT_TRUE(TagText(*ner, "").empty());
  for (const std::string& tag : TagText(*ner, "it was quiet and nothing much happened there today or since")) {
    EXPECT_TRUE(tag == "O" || tag.ends_with("DATE")) << tag;
  }
  std::vector<std::string> caps(10000);
  for (size_t i = 0; i < caps.size(); ++i) caps[i] = "Word" + std::to_string(i % 97) + (i % 3 ? "ly" : "son");
  std::vector<std::string_view> forms(caps.begin(), caps.end());
  std::vector<std::string> tags = ner->TagForms(forms);
  ASSERT_EQ(tags.size(), caps.size());
  for (size_t i = 0; i < tags.size(); ++i) {
    ASSERT_FALSE(tags[i].starts_with("I-") && (i == 0 || tags[i - 1] == "O")) << "invalid IOB2 at " << i;
  }
  std::string names;
  for (int i = 0; i < 2000; ++i) names += "Anna Smith , Paris , ";
  EXPECT_EQ(TagText(*ner, names).size(), 10000u);
}

}  // namespace
}  // namespace newsgraph::models
