// End-to-end tests of the newsgraph binary: what a user types, what they see.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "cli/cli_fixture.h"

namespace {

using namespace newsgraph::cli_test;  // NOLINT: the fixture is this file's vocabulary
namespace fs = std::filesystem;

TEST_F(CliTest, VersionAndHelpForEverySubcommand) {
  Result v = Run("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("newsgraph "), std::string::npos);
  for (const char* sub : {"ingest", "annotate", "stats"}) {
    Result h = Run(std::string(sub) + " --help");
    EXPECT_EQ(h.exit_code, 0) << sub;
    EXPECT_NE(h.out.find("--"), std::string::npos) << sub;
  }
  EXPECT_NE(Run("frobnicate").exit_code, 0);
}

TEST_F(CliTest, IngestExamplesThenAgainIsANoOp) {
  std::string db = dir_ + "/news.db";
  Result first = Run("ingest --quiet --db " + db + " " + Examples());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("already stored (no-op)"), std::string::npos);
  Result second = Run("ingest --db " + db + " " + Examples());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("stored 0 new"), std::string::npos) << second.out;
  EXPECT_NE(second.err.find("(no-op)"), std::string::npos);
  Result stats = Run("stats --db " + db);
  EXPECT_EQ(stats.exit_code, 0);
  EXPECT_NE(stats.out.find("documents"), std::string::npos);
}

TEST_F(CliTest, AnnotateWritesOneJsonDocumentPerLineWithOffsetsIntoText) {
  WriteFile(dir_ + "/a.txt",
            "date 2024-02-01 The chief of Nordavia\xE2\x80\x99s navy, Adm. Karl Berg, visited Oslo on Monday. "
            "He said the talks went well.\n\nAlso read | Ten facts about fjords\n");
  Result r = Run("annotate --until segment " + dir_ + "/a.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["date"], "2024-02-01");
  std::string utf8 = doc["text"];
  std::u32string text;
  for (size_t pos = 0; pos < utf8.size();) text.push_back(newsgraph::base::DecodeUtf8(utf8, pos));
  auto slice = [&](const nlohmann::json& j) {
    std::string out;
    for (size_t i = j["start"]; i < j["end"].get<size_t>(); ++i) newsgraph::base::AppendUtf8(text[i], out);
    return out;
  };
  ASSERT_EQ(doc["removed"].size(), 1u);
  EXPECT_EQ(slice(doc["removed"][0]), "Also read | Ten facts about fjords");
  ASSERT_EQ(doc["sentences"].size(), 2u);
  std::vector<std::string> tokens;
  for (const auto& sentence : doc["sentences"]) {
    EXPECT_LE(sentence["end"].get<int>(), doc["removed"][0]["start"].get<int>());
    for (const auto& token : sentence["tokens"]) {
      EXPECT_EQ(slice(token), token["text"]);
      tokens.push_back(token["text"]);
    }
  }
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "\xE2\x80\x99s"), tokens.end());
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "Adm."), tokens.end());
}

TEST_F(CliTest, AnnotateWritesConlluTokens) {
  WriteFile(dir_ + "/b.txt", "date 2024-02-01 Talks resumed in Geneva. Both sides agreed.\n");
  Result r = Run("annotate --input text --format conllu --until segment " + dir_ + "/b.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Talks resumed in Geneva."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1\tTalks\t"), std::string::npos);
  EXPECT_NE(r.out.find("4\t.\t"), std::string::npos);
  EXPECT_NE(r.out.find("# text = Both sides agreed."), std::string::npos);
}

// CoNLL-U in, CoNLL-U out: the gold tokens stay, the model layers are filled.
TEST_F(CliTest, ConlluInputKeepsGoldTokensAndFillsTheLayers) {
  WriteFile(dir_ + "/gold.conllu",
            "# sent_id = s1\n# text = Envoys met in Oslo.\n"
            "1\tEnvoys\t_\t_\t_\t_\t_\t_\t_\t_\n2\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "3\tin\t_\t_\t_\t_\t_\t_\t_\t_\n4\tOslo\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
            "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  Result r = Run("annotate --input conllu --format conllu --until parse " + dir_ + "/gold.conllu");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Envoys met in Oslo."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2\tmet\tmeet\tVERB\tVBD\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\t0\troot\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4\tOslo\tOslo\tPROPN\tNNP\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SpaceAfter=No"), std::string::npos);
}

// CoNLL-2003 columns in and out, with a predicted BIO column appended.
TEST_F(CliTest, Conll2003InputGetsAPredictedEntityColumn) {
  WriteFile(dir_ + "/ner.conll",
            "-DOCSTART- -X- -X- O\n\nMinister NNP B-NP O\nAnna NNP I-NP B-PER\nLind NNP I-NP I-PER\nvisited VBD B-VP O\n"
            "Sweden NNP B-NP B-LOC\n. . O O\n\n");
  Result r = Run("annotate --input conll2003 --format conll2003 " + dir_ + "/ner.conll");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("-DOCSTART-", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("Sweden NNP B-NP B-LOC B-LOC"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("visited VBD B-VP O O"), std::string::npos) << r.out;
}

// A batch with every kind of bad input: each problem is named on stderr, the good
// articles are stored, and the exit status says something was rejected.
TEST_F(CliTest, BadInputIsReportedAndTheRestOfTheBatchIsStored) {
  std::string in = dir_ + "/in";
  WriteFile(in + "/good.txt", "date 2024-01-10 Leaders met in Rome on Wednesday.\n");
  WriteFile(in + "/bad-utf8.txt", "date 2024-01-11 Ministers met in Bern\xFF\xFE on Thursday.\n");
  WriteFile(in + "/empty.txt", "");
  WriteFile(in + "/impossible-date.txt", "date 2023-02-30 This date does not exist.\n");
  WriteFile(in + "/binary.bin", std::string("\x7F" "ELF\0\0\0\x01\x02\x03\0\0\0\0", 16) + std::string(4000, '\0'));
  WriteFile(in + "/lines.jsonl",
            "{\"id\":\"j1\",\"date\":\"2024-01-12\",\"text\":\"Talks opened in Vienna.\"}\n"
            "{\"id\":\"j2\",\"date\":\"2024-01-12\",\"text\":\"broken\n"
            "{\"id\":\"j3\",\"date\":\"2024-01-13\",\"text\":\"Talks closed in Vienna.\"}\n");
  WriteFile(in + "/truncated.warc", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n");
  std::string db = dir_ + "/news.db";
  Result r = Run("ingest --db " + db + " " + in);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("impossible-date.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary.bin"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lines.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truncated.warc"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad-utf8.txt"), std::string::npos) << r.err;
  // good.txt, bad-utf8.txt (repaired), j1 and j3.
  EXPECT_NE(r.out.find("stored 4 new"), std::string::npos) << r.out;
}

TEST_F(CliTest, MissingDateIsNullOrTakenFromTheFlag) {
  WriteFile(dir_ + "/nodate.txt", "The embassy opened on Friday.\n");
  Result r = Run("annotate --until segment " + dir_ + "/nodate.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_TRUE(doc["date"].is_null());
  EXPECT_NE(doc["notes"].dump().find("date"), std::string::npos);
  Result with = Run("annotate --until segment --date 2024-05-06 " + dir_ + "/nodate.txt");
  EXPECT_EQ(nlohmann::json::parse(with.out)["date"], "2024-05-06");
  EXPECT_EQ(Run("annotate --date 2024-02-30 " + dir_ + "/nodate.txt").exit_code, 1);
}

TEST_F(CliTest, NonEnglishArticleIsSkipped) {
  Result r = Run("annotate --until segment " + Examples() + "/2024-10-01-german-brief.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["language"], "de");
  EXPECT_TRUE(doc["skipped"].get<bool>());
  EXPECT_TRUE(doc["sentences"].empty());
}

// kill -9 in the middle of a large ingest leaves a database that a re-run completes.
TEST_F(CliTest, KillDashNineDuringIngestThenRerunCompletes) {
  std::string jsonl;
  const int kDocs = 20000;
  for (int i = 0; i < kDocs; ++i) {
    jsonl += "{\"id\":\"k" + std::to_string(i) + "\",\"date\":\"2024-03-01\",\"text\":\"Report number " +
             std::to_string(i) + ": the council met in Lisbon and agreed on a budget of " + std::to_string(i * 7) +
             " million euros. Delegates said more talks would follow.\"}\n";
  }
  WriteFile(dir_ + "/big.jsonl", jsonl);
  std::string db = dir_ + "/k.db";
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(NEWSGRAPH_BINARY, NEWSGRAPH_BINARY, "ingest", "--quiet", "--until", "segment", "--threads", "1", "--db",
          db.c_str(), (dir_ + "/big.jsonl").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once the database has grown, i.e. mid-way through the batch.
  for (int i = 0; i < 400 && !(fs::exists(db + "-wal") && fs::file_size(db + "-wal") > 100000); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed";
  Result rerun = Run("ingest --quiet --until segment --db " + db + " " + dir_ + "/big.jsonl");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  Result stats = Run("stats --db " + db);
  EXPECT_NE(stats.out.find("documents:      " + std::to_string(kDocs) + "\n"), std::string::npos) << stats.out;
}

}  // namespace
