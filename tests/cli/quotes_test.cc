// newsgraph quotes: ingest invented articles, then list who said what.
#include "cli/cli_fixture.h"

namespace newsgraph::cli_test {
namespace {

class QuotesCliTest : public CliTest {
 protected:
  // Two invented articles with quotes by one speaker named two ways.
  std::string Ingest() {
    WriteFile(dir_ + "/in/a.txt",
              "date 2024-03-25 Kremlin spokesman Dmitry Peskov spoke about the summit.\n\n"
              "\"The meeting was useful for both sides,\" Peskov said.\n");
    WriteFile(dir_ + "/in/b.txt",
              "date 2024-06-02 The harbour reopened after the storm.\n\n"
              "\"The damage was smaller than we feared,\" said Tom Okafor, the port director.\n");
    std::string db = dir_ + "/news.db";
    Result r = Run("ingest --quiet --db " + db + " " + dir_ + "/in");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
  }
};

TEST_F(QuotesCliTest, ListsQuotesWithSpeakerAndDate) {
  std::string db = Ingest();
  Result r = Run("quotes --db " + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("The meeting was useful for both sides"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Peskov"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2024-06-02"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 quotes"), std::string::npos) << r.out;
}

TEST_F(QuotesCliTest, FiltersBySpeakerWordAndDate) {
  std::string db = Ingest();
  Result r = Run("quotes --db " + db + " --speaker 'Dmitry Peskov' --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"The meeting was useful for both sides,\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("harbour"), std::string::npos) << r.out;
  r = Run("quotes --db " + db + " --about damage --from 2024-06-01 --to 2024-06-30 --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Okafor"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Peskov"), std::string::npos) << r.out;
}

TEST_F(QuotesCliTest, BadFlagsAreErrors) {
  std::string db = Ingest();
  EXPECT_NE(Run("quotes --db " + db + " --kind rumour").exit_code, 0);
  Result r = Run("quotes --db " + db + " --from yesterday");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("YYYY-MM-DD"), std::string::npos) << r.err;
  EXPECT_NE(Run("quotes --db " + dir_ + "/missing.db").exit_code, 0);
}

}  // namespace
}  // namespace newsgraph::cli_test
