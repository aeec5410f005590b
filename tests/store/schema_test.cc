#include "store/schema.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using ::testing::HasSubstr;
using testing::RawQuery;
using testing::TempDbPath;

TEST(SchemaTest, MigrationsAreNumberedOneToN) {
  int count = 0;
  const Migration* m = Migrations(&count);
  ASSERT_EQ(count, kSchemaVersion);
  for (int i = 0; i < count; ++i) {
    EXPECT_EQ(m[i].version, i + 1);
    EXPECT_NE(std::string(m[i].description), "");
  }
}

// A store written at schema 5 (before the country-and-root event indexes and the
// longitude-first position index) gains them when opened read-write, or read-only
// with migrate_older; plain read-only, it asks for that.
TEST(SchemaTest, UpgradesASchemaFiveStore) {
  std::string path = TempDbPath("v5");
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  for (const char* sql : {"DROP INDEX events_by_source_root", "DROP INDEX events_by_target_root",
                          "DROP INDEX events_by_longitude", "CREATE INDEX events_by_position ON events(lat, lon, date)",
                          "PRAGMA user_version = 5"}) {
    ASSERT_EQ(RawQuery(path, sql), "") << sql;
  }
  StatusOr<std::unique_ptr<Store>> ro = Store::Open(path, {.read_only = true});
  ASSERT_FALSE(ro.ok());
  EXPECT_THAT(ro.status().message(), HasSubstr("open it once read-write"));
  // Query commands and serve ask for the upgrade on their read-only open.
  StatusOr<std::unique_ptr<Store>> upgraded = Store::Open(path, {.read_only = true, .migrate_older = true});
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  EXPECT_EQ((*upgraded)->schema_version(), kSchemaVersion);
  upgraded->reset();
  for (const char* sql : {"DROP INDEX events_by_source_root", "DROP INDEX events_by_target_root",
                          "DROP INDEX events_by_longitude", "CREATE INDEX events_by_position ON events(lat, lon, date)",
                          "PRAGMA user_version = 5"}) {
    ASSERT_EQ(RawQuery(path, sql), "") << sql;
  }
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->schema_version(), kSchemaVersion);
  }
  EXPECT_EQ(RawQuery(path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema "
                           "WHERE name LIKE 'events_by_%_root' OR name LIKE 'events_by_%itude' "
                           "OR name = 'events_by_position' ORDER BY name)"),
            "events_by_longitude events_by_source_root events_by_target_root");
}

TEST(SchemaTest, MigratesAnEmptyVersionZeroDatabase) {
  std::string path = TempDbPath("v0");
  // A SQLite file that exists, at user_version 0, with no tables.
  ASSERT_EQ(RawQuery(path, "PRAGMA user_version = 0"), "");
  ASSERT_EQ(RawQuery(path, "PRAGMA user_version"), "0");
  // Read-only cannot migrate, and says so.
  StatusOr<std::unique_ptr<Store>> ro = Store::Open(path, {.read_only = true});
  ASSERT_FALSE(ro.ok());
  EXPECT_THAT(ro.status().message(), HasSubstr("open it once read-write"));
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), kSchemaVersion);
  store = Status::Internal("closed");  // closes the connection
  EXPECT_EQ(RawQuery(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(RawQuery(path, "PRAGMA application_id"), std::to_string(kApplicationId));
  EXPECT_EQ(RawQuery(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'"), "1");
}

TEST(SchemaTest, RefusesANewerSchema) {
  std::string path = TempDbPath("v999");
  { ASSERT_TRUE(Store::Open(path).ok()); }
  ASSERT_EQ(RawQuery(path, "PRAGMA user_version = 999"), "");
  for (bool read_only : {false, true}) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {.read_only = read_only});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
    EXPECT_THAT(store.status().message(), HasSubstr(path));
    EXPECT_THAT(store.status().message(),
                HasSubstr("file was written by a newer newsgraph (schema 999 > " + std::to_string(kSchemaVersion) + ")"));
  }
}

TEST(SchemaTest, RefusesAFileThatIsNotSqlite) {
  std::string path = TempDbPath("notsqlite");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "date 2023-09-13 This is a plain text article, not a database.\n";
  }
  for (bool read_only : {false, true}) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {.read_only = read_only});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
    EXPECT_THAT(store.status().message(), HasSubstr(path + ": not a SQLite database"));
  }
}

TEST(SchemaTest, RefusesAnotherProgramsDatabase) {
  std::string path = TempDbPath("foreign");
  ASSERT_EQ(RawQuery(path, "CREATE TABLE recipes (name TEXT)"), "");
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr("not a newsgraph store"));
  EXPECT_EQ(RawQuery(path, "SELECT count(*) FROM sqlite_schema"), "1");  // left untouched
}

TEST(SchemaTest, MissingDirectoryIsAnIoError) {
  std::string path = ::testing::TempDir() + "/no/such/dir/news.db";
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  EXPECT_THAT(store.status().message(), HasSubstr(path));
}

}  // namespace
}  // namespace newsgraph::store
