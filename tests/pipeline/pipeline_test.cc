// The pipeline facade and the batch runner, with the committed models, on articles
// written for these tests.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "document/jsonl.h"
#include "ingest/reader.h"
#include "pipeline/runner.h"

namespace newsgraph::pipeline {
namespace {

using document::Document;

const Pipeline& SharedPipeline() {
  static const Pipeline* p = [] {
    auto created = Pipeline::Create({});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->release() : nullptr;
  }();
  return *p;
}

// Six short articles of different shapes: quotes, events, a headline, a one-liner.
const std::vector<std::string>& Articles() {
  static const std::vector<std::string> texts = {
      "date 2024-03-02\nFinance Minister Olga Brandt met her German counterpart in Berlin on Friday. "
      "\"We agreed on nothing,\" she told reporters.",
      "date 2024-03-03\nTROOPS CROSS BORDER\nSoldiers from Ruritania crossed into Borduria overnight, the "
      "Bordurian defence ministry said. It condemned the attack and recalled its ambassador.",
      "date 2024-03-04\nAcme Corp said on Monday it would cut 300 jobs at its plant in Ohio.",
      "date 2024-03-05\nRain.",
      "date 2024-03-06\nPresident Maria Lopez praised the agreement. \"This is a good day for Chile,\" "
      "Lopez said. Her spokesman, Tomas Reyes, added that talks would resume in May.",
      "date 2024-03-07\nThe United Nations sent food aid to Sudan after floods displaced thousands of people.",
  };
  return texts;
}

Document Read(const std::string& text, int n) {
  Document doc;
  ingest::ReadOptions options;
  options.detect_language = false;
  Status s = ingest::ReadBuffer(text, "article" + std::to_string(n) + ".txt", options, [&](StatusOr<Document> d) {
    if (d.ok()) doc = std::move(*d);
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

TEST(PipelineTest, AGroupGetsEveryLayerAsEachDocumentAlone) {
  std::vector<Document> alone, group;
  for (size_t i = 0; i < Articles().size(); ++i) {
    alone.push_back(Read(Articles()[i], static_cast<int>(i)));
    group.push_back(alone.back());
  }
  for (Document& doc : alone) SharedPipeline().Annotate(doc);
  SharedPipeline().Annotate(std::span<Document>(group));
  for (size_t i = 0; i < alone.size(); ++i) {
    EXPECT_FALSE(alone[i].tokens.empty());
    EXPECT_EQ(document::ToJsonLine(group[i]), document::ToJsonLine(alone[i])) << "article " << i;
  }
  // The layers are really there: a parse, entities, a quote and an event.
  EXPECT_GT(group[0].tokens[1].head, 0);
  EXPECT_FALSE(group[0].entities.empty());
  EXPECT_FALSE(group[0].quotes.empty());
  EXPECT_FALSE(group[5].events.empty());
}

TEST(PipelineTest, SkippedDocumentsInAGroupAreLeftAlone) {
  std::vector<Document> group;
  for (size_t i = 0; i < 3; ++i) group.push_back(Read(Articles()[i], static_cast<int>(i)));
  group[1].skipped = true;
  SharedPipeline().Annotate(std::span<Document>(group));
  EXPECT_FALSE(group[0].tokens.empty());
  EXPECT_TRUE(group[1].tokens.empty());
  EXPECT_FALSE(group[2].tokens.empty());
}

// Many documents, two workers, some already done: each of the others is annotated once,
// and the sink sees them all in input order.
// A wire dateline is where the story was filed, not part of its first sentence: no
// mention comes from it, the first sentence's subject acts alone, and events with no
// place of their own are placed there.
TEST(PipelineTest, TheDatelineIsNoPartOfTheFirstSentence) {
  Document doc = Read("date 2024-03-08\nKYIV, March 8 (Reuters) - Russian troops fired rockets at Kharkiv overnight. "
                      "The Kremlin denied the attack.",
                      0);
  SharedPipeline().Annotate(doc);
  ASSERT_FALSE(doc.removed.empty());
  EXPECT_EQ(doc.removed[0].why, "dateline");
  ASSERT_FALSE(doc.sentences.empty());
  EXPECT_EQ(doc.SpanText(doc.sentences[0].span).substr(0, 7), "Russian");
  for (const auto& m : doc.mentions) EXPECT_GE(m.span.start, doc.removed[0].span.end) << doc.SpanText(m.span);
  bool shelled = false;
  for (const auto& e : doc.events) {
    if (e.source.text != "Russian troops") continue;
    shelled = true;
    EXPECT_EQ(e.source.country, "RUS");
    ASSERT_TRUE(e.place.has_value());
    EXPECT_EQ(e.place->name, "Kharkiv");
  }
  EXPECT_TRUE(shelled);
  bool placed_at_dateline = false;
  for (const auto& e : doc.events) placed_at_dateline = placed_at_dateline || (e.place && e.place->from == "dateline");
  EXPECT_TRUE(placed_at_dateline);
  // An agency's name after the place is no part of it.
  Document ap = Read("date 2024-03-08\nWASHINGTON (AP) \u2014 The Kremlin denied the attack.", 1);
  SharedPipeline().Annotate(ap);
  ASSERT_FALSE(ap.events.empty());
  ASSERT_TRUE(ap.events[0].place.has_value());
  EXPECT_EQ(ap.events[0].place->from, "dateline");
  EXPECT_EQ(ap.events[0].place->country, "USA");
}

TEST(RunnerTest, AnnotatesInGroupsInInputOrderAndSkipsWhatIsDone) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "runner_test";
  std::filesystem::create_directories(dir);
  std::vector<std::string> inputs;
  for (int i = 0; i < 40; ++i) {
    const std::filesystem::path path = dir / ("a" + std::to_string(100 + i) + ".txt");
    std::ofstream(path) << Articles()[i % Articles().size()];
    inputs.push_back(path.string());
  }
  RunOptions options;
  options.threads = 2;
  options.batch_documents = 16;
  options.read.detect_language = false;
  const std::set<int> done = {0, 5, 6, 17, 39};
  auto index_of = [](const Document& doc) {
    return std::stoi(std::filesystem::path(doc.origin).stem().string().substr(1)) - 100;
  };
  options.already_done = [&](const Document& doc) { return done.count(index_of(doc)) > 0; };
  std::vector<int> seen;
  RunSummary summary;
  Status s = pipeline::Run(
      inputs, SharedPipeline(), options,
      [&](std::vector<Document>& batch) {
        for (const Document& doc : batch) {
          const int i = index_of(doc);
          seen.push_back(i);
          if (done.count(i)) {
            EXPECT_TRUE(doc.tokens.empty()) << doc.origin;
            continue;
          }
          Document alone = Read(Articles()[i % Articles().size()], i);
          alone.origin = doc.origin;
          SharedPipeline().Annotate(alone);
          EXPECT_EQ(document::ToJsonLine(doc), document::ToJsonLine(alone)) << doc.origin;
        }
        return Status::Ok();
      },
      [](const std::string& problem) { ADD_FAILURE() << problem; }, [](const RunSummary&) {}, summary);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(seen.size(), inputs.size());
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], static_cast<int>(i));
  EXPECT_EQ(summary.already_done, done.size());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsgraph::pipeline
