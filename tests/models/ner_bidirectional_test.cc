// The NER's right-to-left pass (models/ner_features.h, payload 6): the reversed
// label coding, training in each mode, writing and reloading, and the load
// errors, on sentences written for these tests.
#include <gtest/gtest.h>

#include <sstream>

#include "models/model_file.h"
#include "models/ner.h"
#include "models/ner_features.h"
#include "models/ner_trainer.h"

#include "ner_test_helpers.h"

namespace newsgraph::models {
namespace {

int Id(const std::string& label) {
  const auto& labels = NerTagger::Labels();
  return static_cast<int>(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

std::vector<int> Ids(const std::vector<std::string>& labels) {
  std::vector<int> out;
  for (const auto& l : labels) out.push_back(Id(l));
  return out;
}

TEST(NerRightToLeftTest, ReversedCodingMarksTheLastTokenOfEachSpan) {
  // "Acme Mining Corp hired Tom Reed and Lima Lima ." with two adjacent GPE spans.
  std::vector<int> iob2 = Ids({"B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "B-GPE", "O"});
  std::vector<int> want = Ids({"I-ORG", "I-ORG", "B-ORG", "O", "I-PERSON", "B-PERSON", "O", "B-GPE", "B-GPE", "O"});
  EXPECT_EQ(ner_internal::ToReversedCoding(iob2), want);
  // Read backwards, the reversed coding is valid IOB2.
  int prev = -1;
  for (auto it = want.rbegin(); it != want.rend(); ++it) {
    EXPECT_TRUE(ner_internal::Allowed(prev, *it));
    prev = *it;
  }
  // A stray I-X (no B-X before it) still makes a span.
  EXPECT_EQ(ner_internal::ToReversedCoding(Ids({"O", "I-MISC", "I-MISC"})), Ids({"O", "I-MISC", "B-MISC"}));
  EXPECT_TRUE(ner_internal::ToReversedCoding({}).empty());
}

// Our own corpus where the type of a name is decided by the word after it.
std::vector<NerSentence> SuffixCorpus() {
  const std::vector<std::string> org = {"O", "B-ORG", "I-ORG", "O", "O", "O"};
  const std::vector<std::string> event = {"O", "B-EVENT", "I-EVENT", "O", "O", "O"};
  return {
      {Split("the Velder Corp said it grew ."), {"O", "B-ORG", "I-ORG", "O", "O", "O", "O"}},
      {Split("the Quarn Group had a loss"), org},
      {Split("the Brisk Festival drew big crowds"), event},
      {Split("the Velder Festival drew a crowd"), event},
      {Split("the Quarn Corp had a loss"), org},
      {Split("the Tolland Group had a gain"), org},
      {Split("the Tolland Festival drew big crowds"), event},
  };
}

// Options for the tiny corpus: six epochs, right-to-left pass `mode`, two jackknife folds.
NerTrainOptions TinyOptions(NerRightToLeft mode) {
  NerTrainOptions options;
  options.epochs = 6;
  options.r2l = mode;
  options.r2l_folds = 2;
  return options;
}

TEST(NerRightToLeftTest, EachModeTrainsWritesAndReloads) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  for (NerRightToLeft mode : {NerRightToLeft::kOnline, NerRightToLeft::kOwn, NerRightToLeft::kJackknife}) {
    auto tagger = TrainNer(SuffixCorpus(), gaz, TinyOptions(mode), {{"training", "tiny"}});
    ASSERT_TRUE(tagger->bidirectional());
    std::string path = ::testing::TempDir() + "/ner_r2l.ngm";
    ASSERT_TRUE(WriteNerModel(*tagger, {Split("the Brisk Corp had a gain")}, path).ok());
    auto loaded = NerTagger::Load(path, gaz);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ASSERT_TRUE((*loaded)->bidirectional());
    EXPECT_EQ((*loaded)->meta()["payload_version"], ner_internal::kPayloadVersion);
    for (const NerSentence& s : SuffixCorpus()) {
      std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
      EXPECT_EQ((*loaded)->TagForms(forms)[1], s.tags[1]) << s.forms[1] << " " << s.forms[2];
    }
  }
}

// An ensemble (the mean of perceptrons with different seeds) trains deterministically in
// each right-to-left mode, differs from one perceptron, records its size and still tags.
TEST(NerRightToLeftTest, EnsemblesTrainDeterministically) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  for (NerRightToLeft mode : {NerRightToLeft::kNone, NerRightToLeft::kOnline, NerRightToLeft::kJackknife}) {
    NerTrainOptions options = TinyOptions(mode);
    auto one = TrainNer(SuffixCorpus(), gaz, options, {});
    options.ensemble = 3;
    auto a = TrainNer(SuffixCorpus(), gaz, options, {});
    auto b = TrainNer(SuffixCorpus(), gaz, options, {});
    EXPECT_EQ(a->weights().Serialize(), b->weights().Serialize());
    EXPECT_NE(a->weights().Serialize(), one->weights().Serialize());
    EXPECT_EQ(a->meta()["ensemble"], 3);
    if (mode == NerRightToLeft::kOnline) {
      EXPECT_EQ(a->weights_r2l().Serialize(), b->weights_r2l().Serialize());
    }
    for (const NerSentence& s : SuffixCorpus()) {
      std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
      EXPECT_EQ(a->TagForms(forms)[1], s.tags[1]) << s.forms[1] << " " << s.forms[2];
    }
  }
}

TEST(NerRightToLeftTest, OneDirectionModelsAndBadSectionsLoadAsDocumented) {
  auto gaz = CommittedGazetteer();
  ASSERT_NE(gaz, nullptr);
  NerTrainOptions options;
  options.epochs = 3;
  auto forward = TrainNer(SuffixCorpus(), gaz, options, {});
  EXPECT_FALSE(forward->bidirectional());
  options.r2l = NerRightToLeft::kOnline;
  auto both = TrainNer(SuffixCorpus(), gaz, options, {});
  // A payload 5 file has no right-to-left section and still loads; one with the
  // section is a clear error, as is a section with the wrong label count.
  nlohmann::json meta = both->meta();
  meta["payload_version"] = 5;
  ModelFileWriter old(meta);
  old.AddSection("weights", forward->weights().Serialize());
  auto got = NerTagger::LoadFromBytes(old.Serialize(), "v5.ngm", gaz);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_FALSE((*got)->bidirectional());
  old.AddSection("weights_r2l", both->weights_r2l().Serialize());
  got = NerTagger::LoadFromBytes(old.Serialize(), "v5r2l.ngm", gaz);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("'weights_r2l' in a payload version 5 file"), std::string::npos)
      << got.status().ToString();
  ModelFileWriter wrong(both->meta());
  wrong.AddSection("weights", both->weights().Serialize());
  wrong.AddSection("weights_r2l", perceptron::SparseWeights(3, {{42, {{1, 0.5f}}}}).Serialize());
  got = NerTagger::LoadFromBytes(wrong.Serialize(), "wrong.ngm", gaz);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("wrong.ngm: section 'weights_r2l' has 3 classes"), std::string::npos)
      << got.status().ToString();
}

}  // namespace
}  // namespace newsgraph::models
