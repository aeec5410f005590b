// newsgraph events and export on articles written for this test.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"

namespace {

using namespace newsgraph::cli_test;  // NOLINT: the fixture is this file's vocabulary

// Two invented reports of one visit (different outlets), and an unrelated attack.
void WriteArticles(const std::string& dir) {
  WriteFile(dir + "/a.jsonl",
            "{\"id\":\"w1\",\"source\":\"Wire One\",\"url\":\"https://one.example/visit\",\"date\":\"2024-04-03\","
            "\"text\":\"Chinese President Xi Jinping hosted Brazil's president in Beijing on Wednesday.\"}\n"
            "{\"id\":\"w2\",\"source\":\"Daily Two\",\"url\":\"https://two.example/visit\",\"date\":\"2024-04-04\","
            "\"text\":\"Chinese President Xi Jinping hosted Brazil's president in Beijing, state media said on "
            "Thursday.\"}\n"
            "{\"id\":\"w3\",\"source\":\"Wire One\",\"url\":\"https://one.example/strike\",\"date\":\"2024-04-05\","
            "\"text\":\"Russia attacked Ukraine with drones on Friday.\"}\n");
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

TEST_F(CliTest, EventsListsMergedEventsWithFilters) {
  WriteArticles(dir_);
  std::string db = dir_ + "/news.db";
  Result ingest = Run("ingest --quiet --db " + db + " " + dir_ + "/a.jsonl");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  Result all = Run("events --db " + db + " --format jsonl");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::vector<std::string> lines = Lines(all.out);
  ASSERT_GE(lines.size(), 2u) << all.out;
  bool merged_visit = false;
  for (const std::string& line : lines) {
    nlohmann::json e = nlohmann::json::parse(line);
    if (e["root"] == "04" && e["source"]["country"] == "CHN" && e["target"]["country"] == "BRA") {
      merged_visit = e["documents"] == 2 && e["sources"] == 2;
    }
  }
  EXPECT_TRUE(merged_visit) << all.out;
  Result consult = Run("events --db " + db + " --plover CONSULT --actor CHN --format jsonl --mentions");
  ASSERT_EQ(consult.exit_code, 0) << consult.err;
  ASSERT_EQ(Lines(consult.out).size(), 1u) << consult.out;
  nlohmann::json e = nlohmann::json::parse(Lines(consult.out)[0]);
  EXPECT_EQ(e["evidence"].size(), 2u);
  Result assault = Run("events --db " + db + " --root 19 --target UKR");
  ASSERT_EQ(assault.exit_code, 0) << assault.err;
  EXPECT_NE(assault.out.find("ASSAULT"), std::string::npos) << assault.out;
  Result dated = Run("events --db " + db + " --from 2024-04-05 --to 2024-04-30 --format jsonl");
  EXPECT_EQ(Lines(dated.out).size(), 1u) << dated.out;
  Result bad = Run("events --db " + db + " --near 95,0,10");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--near"), std::string::npos);
}

TEST_F(CliTest, ExportWritesGdeltCsvAndJsonl) {
  WriteArticles(dir_);
  std::string db = dir_ + "/news.db";
  ASSERT_EQ(Run("ingest --quiet --db " + db + " " + dir_ + "/a.jsonl").exit_code, 0);
  Result gdelt = Run("export --db " + db + " --format gdelt");
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.err;
  std::vector<std::string> rows = Lines(gdelt.out);
  ASSERT_GE(rows.size(), 2u);
  for (const std::string& row : rows) {
    std::vector<std::string> cols;
    std::stringstream ss(row);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (row.back() == '\t') cols.push_back("");
    ASSERT_EQ(cols.size(), 61u) << row;
    EXPECT_EQ(cols[1].size(), 8u);                      // Day YYYYMMDD
    EXPECT_EQ(cols[28], cols[26].substr(0, 2));         // EventRootCode
    EXPECT_NE(cols[60].find("https://"), std::string::npos);  // SOURCEURL
    if (cols[52] == "Beijing") {  // ActionGeo: a world city, in FIPS terms (China is CH, not CHN)
      EXPECT_EQ(cols[51], "4");
      EXPECT_EQ(cols[53], "CH");
      EXPECT_EQ(cols[54].rfind("CH", 0), 0u) << cols[54];
      EXPECT_NEAR(std::stod(cols[56]), 39.9, 0.2);
    }
    if (cols[51] == "1") {  // a country: at its point, with the FIPS code as ADM1 as GDELT does
      EXPECT_EQ(cols[53].size(), 2u) << row;
      EXPECT_EQ(cols[54], cols[53]);
      EXPECT_FALSE(cols[56].empty()) << row;
      EXPECT_FALSE(cols[57].empty()) << row;
    }
  }
  Result csv = Run("export --db " + db + " --format csv --out " + dir_ + "/events.csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::string written = ReadAll(dir_ + "/events.csv");
  EXPECT_EQ(written.rfind("id,date,cameo", 0), 0u);
  EXPECT_EQ(Lines(written).size(), rows.size() + 1);
  Result jsonl = Run("export --db " + db + " --format jsonl");
  ASSERT_EQ(jsonl.exit_code, 0);
  EXPECT_EQ(Lines(jsonl.out).size(), rows.size());
  EXPECT_EQ(Run("export --db " + db + " --format xml").exit_code, 1);
}

TEST_F(CliTest, AnnotateWritesEventsWithCodePointOffsets) {
  WriteFile(dir_ + "/a.txt", "date 2024-04-03 Ukraine\xE2\x80\x99s army attacked Russia on Tuesday.\n");
  Result r = Run("annotate " + dir_ + "/a.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_TRUE(doc.contains("events")) << r.out;
  const nlohmann::json& e = doc["events"][0];
  EXPECT_EQ(e["root"], "19");
  EXPECT_EQ(e["source"]["country"], "UKR");
  EXPECT_EQ(e["target"]["country"], "RUS");
  EXPECT_EQ(e["date"], "2024-04-02");
  // "Ukraine’s army attacked": the apostrophe is one code point, three bytes.
  EXPECT_EQ(e["cue"]["start"], 15);
  EXPECT_EQ(e["cue"]["text"], "attacked");
}

}  // namespace
