// Replays every file under tests/ingest/regressions/ (inputs that once crashed or
// misbehaved, most found by the fuzzers). The file name's prefix picks the reader:
// text_*, jsonl_*, html_*, warc_*, auto_*. Each must be read without a crash and
// every document must satisfy the ingest invariants.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/utf8.h"
#include "ingest/reader.h"

namespace newsgraph::ingest {
namespace {

InputFormat FormatForName(const std::string& name) {
  if (name.rfind("text_", 0) == 0) return InputFormat::kText;
  if (name.rfind("jsonl_", 0) == 0) return InputFormat::kJsonl;
  if (name.rfind("html_", 0) == 0) return InputFormat::kHtml;
  if (name.rfind("warc_", 0) == 0) return InputFormat::kWarc;
  return InputFormat::kAuto;
}

TEST(RegressionTest, ReplayAll) {
  std::filesystem::path dir = std::filesystem::path(NEWSGRAPH_SOURCE_DIR) / "tests/ingest/regressions";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no regressions directory";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ReadOptions options;
    options.format = FormatForName(entry.path().filename().string());
    const std::string name = entry.path().filename().string();
    Status st = ReadBuffer(ss.str(), name, options, [&](const StatusOr<document::Document>& r) {
      if (!r.ok()) return;
      const document::Document& doc = *r;
      EXPECT_TRUE(base::IsValidUtf8(doc.text)) << entry.path();
      EXPECT_FALSE(doc.text.empty()) << entry.path();
      for (const auto& removed : doc.removed) EXPECT_LE(removed.span.end, doc.text.size()) << entry.path();
    });
    (void)st;
    ++files;
  }
  SUCCEED() << files << " regression inputs replayed";
}

}  // namespace
}  // namespace newsgraph::ingest
