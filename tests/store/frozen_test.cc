// Frozen store files: a database written by an earlier build must keep opening
// (and migrating) in every later build. tests/store/data/store_v1.sqlite was written
// by schema version 1; regenerate it only when adding a NEW frozen file:
//   store_test --gtest_also_run_disabled_tests --gtest_filter='*WriteV1Fixture'
#include <filesystem>

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

std::string FixturePath() { return std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/store/data/store_v1.sqlite"; }

document::Document FrozenDoc() {
  document::Document doc = testing::MakeDoc("frozen-1", "Délégués de Northtown signed the accord. Talks end.");
  doc.date = document::Date{2021, 3, 4};
  doc.title = "Accord signed";
  doc.removed.push_back({{0, 9}, "boilerplate: test"});
  doc.metadata = {{"k", "v"}};
  doc.notes = {"frozen fixture"};
  return doc;
}

TEST(FrozenStoreTest, DISABLED_WriteV1Fixture) {
  std::string path = FixturePath();
  std::filesystem::remove(path);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  document::Document a = FrozenDoc(), b = testing::SyntheticDoc(5);
  ASSERT_TRUE((*store)->AddDocuments({&a, &b}).ok());
  store = Status::Internal("closed");
  ASSERT_EQ(testing::RawQuery(path, "PRAGMA journal_mode = DELETE"), "delete");
  ASSERT_EQ(testing::RawQuery(path, "VACUUM"), "");
}

TEST(FrozenStoreTest, Version1FileOpensAndReads) {
  ASSERT_TRUE(std::filesystem::exists(FixturePath())) << FixturePath();
  // Work on a copy: a read-write open may migrate the file.
  std::string path = testing::TempDbPath("frozen_v1");
  std::filesystem::copy_file(FixturePath(), path);
  ASSERT_EQ(testing::RawQuery(path, "PRAGMA user_version"), "1");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), kSchemaVersion);
  EXPECT_TRUE((*store)->Verify().ok());
  auto doc = (*store)->GetDocument("frozen-1");
  ASSERT_TRUE(doc.ok() && doc->has_value()) << doc.status().ToString();
  document::Document want = FrozenDoc();
  EXPECT_EQ((*doc)->text, want.text);
  EXPECT_EQ((*doc)->date, want.date);
  EXPECT_EQ((*doc)->tokens.size(), want.tokens.size());
  EXPECT_EQ((*doc)->tokens[1].lemma, want.tokens[1].lemma);
  EXPECT_EQ((*doc)->removed.size(), 1u);
  EXPECT_EQ((*doc)->metadata, want.metadata);
  auto stats = (*store)->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 2);
}

}  // namespace
}  // namespace newsgraph::store
