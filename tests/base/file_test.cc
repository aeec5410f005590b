#include "base/file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace newsgraph::base {
namespace {

TEST(FileTest, InMemoryFileSystemReadsWhatWasWritten) {
  InMemoryFileSystem fs;
  EXPECT_FALSE(fs.Exists("a"));
  ASSERT_TRUE(fs.WriteFileAtomically("a", "hello").ok());
  EXPECT_EQ(*fs.ReadFile("a", 100), "hello");
  EXPECT_EQ(*fs.FileSize("a"), 5u);
  EXPECT_EQ(fs.ReadFile("a", 3).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(fs.ReadFile("b", 3).status().code(), StatusCode::kNotFound);
}

TEST(FileTest, LocalWriteIsAtomicAndReadHonoursTheLimit) {
  std::string dir = testing::TempDir() + "/ng_file_test";
  std::filesystem::create_directories(dir + "/sub");
  FileSystem& fs = LocalFileSystem();
  ASSERT_TRUE(fs.WriteFileAtomically(dir + "/sub/b.txt", "bbb").ok());
  ASSERT_TRUE(fs.WriteFileAtomically(dir + "/a.txt", "aa").ok());
  EXPECT_FALSE(fs.Exists(dir + "/a.txt.tmp"));
  EXPECT_EQ(*fs.ReadFile(dir + "/a.txt", 10), "aa");
  EXPECT_FALSE(fs.ReadFile(dir + "/sub/b.txt", 2).ok());
  EXPECT_FALSE(fs.ReadFile(dir, 10).ok());

  auto paths = ExpandInputPaths({dir, "-"});
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 3u);
  EXPECT_EQ((*paths)[0], dir + "/a.txt");
  EXPECT_EQ((*paths)[1], dir + "/sub/b.txt");
  EXPECT_EQ((*paths)[2], "-");
  EXPECT_EQ(ExpandInputPaths({dir + "/missing"}).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsgraph::base
