// Hostile input: no entities, 10,000 capitalized words, very long lists of names,
// many pronouns, broken knowledge-base files. Bounded and consistent, never a crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/entities/entities.h"
#include "extract/entities/doc_builder.h"
#include "extract/entities/entity_kb.h"

namespace newsgraph::entities_test {
namespace {

class BadInputTest : public testing::Test {
 protected:
  void SetUp() override {
    if (Resolver() == nullptr) GTEST_SKIP() << "gazetteer or data/kb not loadable";
  }
};

void ExpectSane(const document::Document& doc) {
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    for (uint32_t m : doc.entities[e].mentions) {
      ASSERT_LT(m, doc.mentions.size());
      EXPECT_EQ(doc.mentions[m].entity, static_cast<int>(e));
    }
  }
  for (const document::Relation& r : doc.relations) {
    EXPECT_LT(r.head, doc.entities.size());
    for (uint32_t m : r.members) EXPECT_LT(m, doc.entities.size());
  }
}

TEST_F(BadInputTest, EmptyAndEntityFree) {
  document::Document empty;
  Resolver()->Resolve(empty);
  EXPECT_TRUE(empty.entities.empty());
  document::Document plain = Build("the rain fell on the quiet hills and nobody came .");
  Resolver()->Resolve(plain);
  EXPECT_TRUE(plain.entities.empty());
  EXPECT_TRUE(plain.mentions.empty());
}

TEST_F(BadInputTest, TenThousandCapitalizedWords) {
  std::string markup;
  for (int i = 0; i < 10000; ++i) markup += "Word" + std::to_string(i % 97) + " ";
  document::Document doc = Build(markup);
  Resolver()->Resolve(doc);
  ExpectSane(doc);
  // And the same words all tagged as one name by a confused NER.
  document::Document one = Build("[PERSON " + markup.substr(0, markup.size() - 1) + "]");
  Resolver()->Resolve(one);
  ExpectSane(one);
}

TEST_F(BadInputTest, VeryLongListOfNames) {
  std::string markup = "[PERSON Ana Lima] was accompanied by";
  for (int i = 0; i < 5000; ++i) markup += " [PERSON Name" + std::to_string(i) + " Family" + std::to_string(i % 50) + "] ,";
  markup += " and Untagged Person Here , Another Untagged Name .";
  document::Document doc = Build(markup);
  Resolver()->Resolve(doc);
  ExpectSane(doc);
  ASSERT_EQ(doc.relations.size(), 1u);
  EXPECT_GE(doc.relations[0].members.size(), 5000u);
}

TEST_F(BadInputTest, ManyPronounsAndRoles) {
  std::string markup = "[PERSON Ana Lima] spoke .";
  for (int i = 0; i < 5000; ++i) markup += " he said his minister the leader she";
  markup += " .";
  document::Document doc = Build(markup);
  Resolver()->Resolve(doc);
  ExpectSane(doc);
}

TEST_F(BadInputTest, BrokenSentenceRangesAreLeftAlone) {
  document::Document doc = Build("[PERSON Ana Lima] spoke .");
  doc.sentences[0].token_end = 99;  // past the tokens
  Resolver()->Resolve(doc);
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_EQ(doc.mentions.size(), 1u);
  EXPECT_EQ(doc.mentions[0].entity, -1);
}

// A fresh copy of data/kb in a temporary folder named `name`; "" when data/kb is missing.
std::string CopyOfKb(const std::string& name) {
  namespace fs = std::filesystem;
  std::string dir = testing::TempDir() + "/" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string source = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/kb";
  for (const char* file : extract::EntityKb::kFiles) {
    if (!fs::exists(source + "/" + file)) return "";
    fs::copy_file(source + "/" + file, dir + "/" + file);
  }
  return dir;
}

TEST(EntityKbFiles, MalformedLineNamesFileAndLine) {
  namespace fs = std::filesystem;
  std::string dir = CopyOfKb("ng_entities_kb");
  if (dir.empty()) GTEST_SKIP() << "data/kb missing";
  std::ofstream(dir + "/sectors.tsv", std::ios::app) << "army\tMILITARY\n";
  auto gazetteer = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  if (!gazetteer.ok()) GTEST_SKIP() << "no gazetteer";
  auto resolver = extract::EntityResolver::Create(*gazetteer, dir);
  ASSERT_FALSE(resolver.ok());
  EXPECT_NE(resolver.status().message().find("sectors.tsv:"), std::string::npos) << resolver.status().message();
  EXPECT_NE(resolver.status().message().find("bad sector"), std::string::npos);
  fs::remove(dir + "/actors.tsv");
  auto missing = extract::EntityResolver::Create(*gazetteer, dir);
  ASSERT_FALSE(missing.ok());
}

TEST(EntityKbFiles, MalformedGivenNameRowNamesFileAndLine) {
  std::string dir = CopyOfKb("ng_entities_given");
  if (dir.empty()) GTEST_SKIP() << "data/kb missing";
  std::ofstream(dir + "/given_names.tsv") << "# comment\nhillary\tF\nbill\tM\n";
  auto kb = extract::EntityKb::Load(dir, base::LocalFileSystem(), dir + "/given_names.tsv");
  ASSERT_TRUE(kb.ok()) << kb.status().message();
  EXPECT_EQ((*kb)->GivenNameGender("hillary"), 'F');
  EXPECT_EQ((*kb)->GivenNameGender("bill"), 'M');
  EXPECT_EQ((*kb)->GivenNameGender("clinton"), '-');
  std::ofstream(dir + "/given_names.tsv", std::ios::app) << "andrea\tX\n";
  auto bad = extract::EntityKb::Load(dir, base::LocalFileSystem(), dir + "/given_names.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("given_names.tsv:4"), std::string::npos) << bad.status().message();
  auto missing = extract::EntityKb::Load(dir, base::LocalFileSystem(), dir + "/nowhere.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nowhere.tsv"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph::entities_test
