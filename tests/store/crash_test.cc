// kill -9 during a large ingest must leave a consistent store from which a re-run
// completes the work. A child process adds documents in batches; the parent kills
// it with SIGKILL at a random moment, checks the store, and repeats.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "base/checksum.h"
#include "store/store.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using document::Document;

constexpr int kDocuments = 3000;
constexpr int kBatch = 50;

// Every 7th document repeats the text of the one before, under its own id, so the
// number of distinct documents is below the number of inputs.
std::vector<Document> Corpus() {
  std::vector<Document> docs;
  for (int i = 0; i < kDocuments; ++i) {
    Document d = testing::SyntheticDoc(i % 7 == 6 ? i - 1 : i);
    d.id = "crash-" + std::to_string(i);
    docs.push_back(std::move(d));
  }
  return docs;
}

Status AddAll(Store& store, const std::vector<Document>& docs, int notify_fd) {
  for (size_t begin = 0; begin < docs.size(); begin += kBatch) {
    std::vector<const Document*> batch;
    for (size_t i = begin; i < docs.size() && i < begin + kBatch; ++i) batch.push_back(&docs[i]);
    NG_RETURN_IF_ERROR(store.AddDocuments(batch).status());
    if (notify_fd >= 0 && write(notify_fd, "b", 1) != 1) return Status::IoError("pipe");
  }
  return Status::Ok();
}

// The child: open, add everything in batches, reporting each commit on the pipe.
[[noreturn]] void RunChild(const std::string& path, const std::vector<Document>& docs, int fd) {
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) _exit(2);
  _exit(AddAll(**store, docs, fd).ok() ? 0 : 3);
}

// Forks a child that ingests `docs` and kills it after `batches` commits plus a
// random delay. Returns true if the kill landed before the child finished.
bool IngestAndKill(const std::string& path, const std::vector<Document>& docs, int batches, int delay_us) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    RunChild(path, docs, fds[1]);
  }
  close(fds[1]);
  char c;
  for (int seen = 0; seen < batches && read(fds[0], &c, 1) == 1; ++seen) {
  }
  std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
  kill(pid, SIGKILL);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  close(fds[0]);
  return WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL;
}

// The distinct-document counts after each whole batch: a killed run must stop at one.
std::set<int64_t> CountsAtBatchBoundaries(const std::vector<Document>& docs) {
  std::set<int64_t> counts = {0};
  std::set<std::string> seen;
  for (size_t i = 0; i < docs.size(); ++i) {
    seen.insert(docs[i].text);
    if ((i + 1) % kBatch == 0 || i + 1 == docs.size()) counts.insert(static_cast<int64_t>(seen.size()));
  }
  return counts;
}

int64_t DistinctTexts(const std::vector<Document>& docs) {
  std::set<std::string> seen;
  for (const Document& d : docs) seen.insert(d.text);
  return static_cast<int64_t>(seen.size());
}

void ExpectConsistent(const std::string& path, const std::vector<Document>& docs, const std::set<int64_t>& allowed) {
  EXPECT_EQ(testing::RawQuery(path, "PRAGMA integrity_check"), "ok");
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Status verified = (*store)->Verify();  // every text matches its hash, every blob decodes
  EXPECT_TRUE(verified.ok()) << verified.ToString();
  StatusOr<Stats> stats = (*store)->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(allowed.count(stats->documents)) << stats->documents << " documents is not a whole number of batches";
  // Spot-check full documents: the first and the last one a whole batch could have stored.
  auto first = (*store)->GetDocument("crash-0");
  ASSERT_TRUE(first.ok());
  if (stats->documents > 0) {
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ((*first)->tokens.size(), docs[0].tokens.size());
    EXPECT_EQ((*first)->title, docs[0].title);
  }
}

TEST(CrashTest, KillNineDuringIngestLeavesAConsistentStore) {
  std::string path = testing::TempDbPath("crash");
  std::vector<Document> docs = Corpus();
  std::set<int64_t> allowed = CountsAtBatchBoundaries(docs);
  std::mt19937 rng(20230913);
  int killed_mid_run = 0;
  for (int round = 0; round < 4; ++round) {
    int batches = 3 + static_cast<int>(rng() % 8);
    int delay_us = static_cast<int>(rng() % 3000);
    killed_mid_run += IngestAndKill(path, docs, batches, delay_us) ? 1 : 0;
    ExpectConsistent(path, docs, allowed);
  }
  EXPECT_GT(killed_mid_run, 0) << "the child always finished before the kill; the test proved nothing";
  // A re-run completes the work: exactly one row per distinct document.
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE(AddAll(**store, docs, -1).ok());
  StatusOr<Stats> stats = (*store)->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, DistinctTexts(docs));
  // And a second re-run of everything is a pure no-op.
  ASSERT_TRUE(AddAll(**store, docs, -1).ok());
  stats = (*store)->GetStats();
  EXPECT_EQ(stats->documents, DistinctTexts(docs));
  EXPECT_TRUE((*store)->Verify().ok());
}

}  // namespace
}  // namespace newsgraph::store
