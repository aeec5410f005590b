// newsgraph actors: lists the actors that ingest accumulated, with filters and formats.
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"

namespace newsgraph::cli_test {
namespace {

// Two invented wire stories naming the same leader in two spellings.
const char* const kFirst =
    "date 2025-03-02\n"
    "North Korean leader Kim Jong-un inspected a new missile factory on Sunday, state media said.\n\n"
    "Kim was accompanied by his sister Kim Yo Jong and Defence Minister No Kwang Chol.\n";
const char* const kSecond =
    "date 2025-04-10\n"
    "Russia's foreign minister Sergei Lavrov met Kim Jong Un in Pyongyang on Thursday.\n\n"
    "Kremlin spokesperson Dmitry Peskov said the talks were useful.\n";

class ActorsCliTest : public CliTest {
 protected:
  std::string Ingest() {
    WriteFile(dir_ + "/in/first.txt", kFirst);
    WriteFile(dir_ + "/in/second.txt", kSecond);
    std::string db = dir_ + "/news.db";
    Result r = Run("ingest --quiet --db " + db + " " + dir_ + "/in");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
  }
};

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    if (nl > start) lines.push_back(nlohmann::json::parse(out.substr(start, nl - start)));
    start = nl + 1;
  }
  return lines;
}

TEST_F(ActorsCliTest, ListsActorsByCountryAsJsonLines) {
  std::string db = Ingest();
  Result r = Run("actors --db " + db + " --country PRK --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> actors = Lines(r.out);
  ASSERT_FALSE(actors.empty());
  bool leader = false;
  for (const nlohmann::json& a : actors) {
    EXPECT_EQ(a["country"], "PRK");
    EXPECT_TRUE(a.contains("aliases") && a.contains("roles") && a.contains("code"));
    if (a["name"].get<std::string>().starts_with("Kim Jong")) {
      leader = true;
      EXPECT_EQ(a["documents"], 2) << a.dump();  // both spellings are one actor
    }
  }
  EXPECT_TRUE(leader) << r.out;
}

TEST_F(ActorsCliTest, TableNameFilterAndLimit) {
  std::string db = Ingest();
  Result all = Run("actors --db " + db);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("name"), std::string::npos);
  EXPECT_NE(all.out.find(" actors"), std::string::npos);
  Result one = Run("actors --db " + db + " --name peskov --format jsonl");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  for (const nlohmann::json& a : Lines(one.out)) EXPECT_NE(a["name"].get<std::string>().find("Peskov"), std::string::npos);
  Result limited = Run("actors --db " + db + " --limit 1 --format jsonl");
  ASSERT_EQ(limited.exit_code, 0);
  EXPECT_EQ(Lines(limited.out).size(), 1u);
}

TEST_F(ActorsCliTest, BadArgumentsFail) {
  std::string db = Ingest();
  Result bad_limit = Run("actors --db " + db + " --limit 0");
  EXPECT_EQ(bad_limit.exit_code, 1);
  EXPECT_NE(bad_limit.err.find("limit"), std::string::npos) << bad_limit.err;
  Result missing = Run("actors --db " + dir_ + "/nothing-here.db");
  EXPECT_NE(missing.exit_code, 0);
  Result no_actor = Run("actors --db " + db + " --id 99999");
  EXPECT_EQ(no_actor.exit_code, 1);
}

}  // namespace
}  // namespace newsgraph::cli_test
