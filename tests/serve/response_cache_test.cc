// ResponseCache: answers again only while the store file is unchanged.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "serve/response_cache.h"

namespace newsgraph::serve {
namespace {

TEST(ResponseCache, HitsUntilTheStoreChanges) {
  std::string db = testing::TempDir() + "/ng_cache_test.db";
  std::ofstream(db) << "one";
  ResponseCache cache(db, 1 << 20);
  EXPECT_EQ(cache.Find("/api/events"), nullptr);
  cache.Insert("/api/events", "[1]");
  ASSERT_NE(cache.Find("/api/events"), nullptr);
  EXPECT_EQ(*cache.Find("/api/events"), "[1]");
  std::ofstream(db, std::ios::app) << "more";  // another process wrote: size changes
  EXPECT_EQ(cache.Find("/api/events"), nullptr);
}

TEST(ResponseCache, EvictsLeastRecentlyUsedAndCanBeOff) {
  std::string db = testing::TempDir() + "/ng_cache_test2.db";
  std::ofstream(db) << "x";
  ResponseCache cache(db, 16 * 800);  // 800 bytes per shard
  for (int i = 0; i < 2000; ++i) cache.Insert("/k" + std::to_string(i), std::string(90, 'a'));
  int kept = 0;
  for (int i = 0; i < 2000; ++i) kept += cache.Find("/k" + std::to_string(i)) != nullptr;
  EXPECT_LE(kept, 16 * 8);  // bounded by the memory given
  EXPECT_NE(cache.Find("/k1999"), nullptr);  // the latest stays
  ResponseCache off(db, 0);
  off.Insert("/k", "v");
  EXPECT_EQ(off.Find("/k"), nullptr);
}

}  // namespace
}  // namespace newsgraph::serve
