// `newsgraph search` on the fixture store: the same ranking as /api/search.
#include <cstdio>
#include <memory>

#include <sys/wait.h>

#include "serve_fixture.h"

namespace newsgraph::serve_test {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;
};

CommandRun Search(const std::string& args) {
  std::string cmd = std::string(NEWSGRAPH_BINARY) + " search --db " + ServeTest::db_path() + " " + args + " 2>&1";
  CommandRun r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST_F(ServeTest, SearchCommandPrintsTableAndJsonl) {
  CommandRun table = Search("restraint");
  ASSERT_EQ(table.exit_code, 0) << table.out;
  EXPECT_NE(table.out.find("Wang Wenbin"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("[restraint]"), std::string::npos) << table.out;
  CommandRun jsonl = Search("--kind quote --format jsonl 'sacred fight'");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.out;
  auto line = nlohmann::json::parse(jsonl.out.substr(0, jsonl.out.find('\n')), nullptr, false);
  ASSERT_TRUE(line.is_object()) << jsonl.out;
  EXPECT_EQ(line["kind"], "quote");
  EXPECT_EQ(line["title"], "Kim Jong-un");
}

TEST_F(ServeTest, SearchCommandRejectsQueriesWithNoWords) {
  CommandRun r = Search("'!!! ---'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no word"), std::string::npos) << r.out;
  CommandRun fts = Search("'NEAR(kim' --kind document");
  EXPECT_EQ(fts.exit_code, 0) << fts.out;  // searched as text, not a syntax error
}

}  // namespace
}  // namespace newsgraph::serve_test
