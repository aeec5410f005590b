#include "models/word_clusters.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "models/model_file.h"
#include "models/word_clusters_trainer.h"

namespace newsgraph::models {
namespace {

// Our own tiny corpus: days and verbs appear in the same slots, so a 2-means
// split should keep each group together.
std::vector<std::vector<std::string>> TinyCorpus() {
  std::vector<std::vector<std::string>> out;
  const char* days[] = {"Monday", "Tuesday", "Wednesday", "Friday"};
  const char* verbs[] = {"said", "announced", "reported", "added"};
  const char* who[] = {"the minister", "the company", "officials", "the bank"};
  for (const char* d : days) {
    for (const char* v : verbs) {
      for (const char* w : who) {
        std::vector<std::string> s;
        std::istringstream in(w);
        for (std::string t; in >> t;) s.push_back(t);
        s.push_back(v);
        s.push_back("on");
        s.push_back(d);
        s.push_back(".");
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

std::shared_ptr<const WordClusters> TrainTiny() {
  ClusterTrainOptions options;
  options.min_count = 2;
  options.min_leaf = 1;
  options.context_words = 20;
  WordClustersTrainer trainer(options);
  for (const auto& s : TinyCorpus()) trainer.AddSentence(s);
  auto clusters = trainer.Train(nlohmann::json::object());
  EXPECT_TRUE(clusters.ok()) << clusters.status().ToString();
  return clusters.ok() ? *clusters : nullptr;
}

// Length of the common path prefix of two codes.
int Common(uint32_t a, uint32_t b) {
  std::string x = WordClusters::BitString(a), y = WordClusters::BitString(b);
  int n = 0;
  while (n < static_cast<int>(std::min(x.size(), y.size())) && x[n] == y[n]) ++n;
  return n;
}

TEST(WordClustersTest, PrefixAndBitString) {
  uint32_t code = 0b10110;  // path 0110
  EXPECT_EQ(WordClusters::Depth(code), 4);
  EXPECT_EQ(WordClusters::BitString(code), "0110");
  EXPECT_EQ(WordClusters::Prefix(code, 2), 0b101u);
  EXPECT_EQ(WordClusters::Prefix(code, 10), code);
  EXPECT_EQ(WordClusters::BitString(0), "");
  EXPECT_EQ(WordClusters::Normalize("Q3 2023"), "q0 0000");
}

TEST(WordClustersTest, TinyTrainingGroupsSimilarWords) {
  auto clusters = TrainTiny();
  ASSERT_NE(clusters, nullptr);
  uint32_t mon = clusters->Cluster("monday"), fri = clusters->Cluster("FRIDAY");
  uint32_t said = clusters->Cluster("said"), added = clusters->Cluster("added");
  ASSERT_NE(mon, 0u);
  ASSERT_NE(said, 0u);
  EXPECT_EQ(clusters->Cluster("unseen-word"), 0u);
  // Days share a longer path with each other than with verbs, and so do verbs.
  EXPECT_GT(Common(mon, fri), Common(mon, said));
  EXPECT_GT(Common(said, added), Common(said, fri));
}

TEST(WordClustersTest, SerializeAndReload) {
  auto clusters = TrainTiny();
  ASSERT_NE(clusters, nullptr);
  std::string bytes = clusters->Serialize(clusters->MakeSelfTest({"said", "monday", "nothing"}));
  auto reloaded = WordClusters::LoadFromBytes(bytes, "tiny-clusters.ngm");
  ASSERT_TRUE(reloaded.ok()) << reloaded.status().ToString();
  EXPECT_EQ((*reloaded)->size(), clusters->size());
  EXPECT_EQ((*reloaded)->Cluster("Said"), clusters->Cluster("said"));
  EXPECT_EQ((*reloaded)->meta()["kind"], "clusters");
}

TEST(WordClustersTest, LoadErrors) {
  auto missing = WordClusters::Load(testing::TempDir() + "/no-such-clusters.ngm");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("missing"), std::string::npos);

  auto clusters = TrainTiny();
  ASSERT_NE(clusters, nullptr);
  std::string bytes = clusters->Serialize(clusters->MakeSelfTest({"said"}));
  auto truncated = WordClusters::LoadFromBytes(bytes.substr(0, bytes.size() / 2), "cut.ngm");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().ToString().find("cut.ngm"), std::string::npos);

  ModelFileWriter other(nlohmann::json{{"kind", "tagger"}, {"version", 1}});
  auto wrong = WordClusters::LoadFromBytes(other.Serialize(), "tagger.ngm");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().ToString().find("tagger"), std::string::npos);

  // A self-test that disagrees with the words is reported.
  std::string bad = clusters->Serialize(nlohmann::json::array({{{"word", "said"}, {"code", 12345u}}}));
  auto mismatch = WordClusters::LoadFromBytes(bad, "bad.ngm");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.status().ToString().find("self-test"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph::models
