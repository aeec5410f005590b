#include "pipeline/runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <span>
#include <thread>
#include <vector>

#include "base/file.h"

namespace newsgraph::pipeline {
namespace {

// Text per group of documents a worker annotates stage by stage (Pipeline::Annotate
// over a span): ~8,000 tokens, where bench_models shows the gain of stage-major order
// levelling off.
constexpr size_t kGroupBytes = 48 << 10;

// Consecutive documents not yet done, [begin, end) in the batch.
struct Group {
  size_t begin, end;
};

// Cuts the batch into groups of about `group_bytes` of text; a document already done
// ends a group, so each group is one contiguous span to annotate.
std::vector<Group> GroupsOf(const std::vector<document::Document>& batch, const std::vector<bool>& done,
                            size_t group_bytes) {
  std::vector<Group> groups;
  size_t begin = 0, bytes = 0;
  for (size_t i = 0; i <= batch.size(); ++i) {
    const bool cut = i == batch.size() || done[i] || (i > begin && bytes + batch[i].text.size() > group_bytes);
    if (cut) {
      if (i > begin) groups.push_back({begin, i});
      begin = i + (i < batch.size() && done[i]);
      bytes = 0;
    }
    if (i < batch.size() && !done[i]) bytes += batch[i].text.size();
  }
  return groups;
}

// Annotates a batch with up to `threads` workers pulling groups of documents by index.
// Groups are smaller for small batches, so every worker gets about four of them.
void AnnotateBatch(const Pipeline& pipeline, std::vector<document::Document>& batch, const std::vector<bool>& done,
                   int threads) {
  size_t text = 0;
  for (const document::Document& doc : batch) text += doc.text.size();
  const size_t group_bytes = std::clamp<size_t>(text / (4 * std::max(1, threads)), 1, kGroupBytes);
  const std::vector<Group> groups = GroupsOf(batch, done, group_bytes);
  int workers = std::max(1, std::min<int>(threads, static_cast<int>(groups.size())));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t g = next++; g < groups.size(); g = next++) {
      pipeline.Annotate(std::span<document::Document>(batch.data() + groups[g].begin, groups[g].end - groups[g].begin));
    }
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < workers; ++i) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

class BatchRunner {
 public:
  BatchRunner(const Pipeline& pipeline, const RunOptions& options, const BatchSink& sink,
              const ProgressSink& progress, RunSummary& summary)
      : pipeline_(pipeline), options_(options), sink_(sink), progress_(progress), summary_(summary) {
    threads_ = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  void Add(document::Document doc) {
    batch_bytes_ += doc.text.size();
    summary_.text_bytes += doc.text.size();
    summary_.bytes_done = std::min(summary_.bytes_total, summary_.bytes_done + doc.text.size());
    bool done = options_.already_done && options_.already_done(doc);
    summary_.already_done += done;
    done_.push_back(done);
    batch_.push_back(std::move(doc));
    if (batch_.size() >= options_.batch_documents || batch_bytes_ >= options_.batch_bytes) Flush();
  }

  // Annotates and hands over what is pending; remembers the first sink failure.
  void Flush() {
    if (pending_.valid() && pending_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) Wait();
    if (batch_.empty() || !status_.ok()) {
      batch_.clear();
      done_.clear();
      return;
    }
    AnnotateBatch(pipeline_, batch_, done_, threads_);
    for (const document::Document& doc : batch_) {
      ++summary_.documents;
      if (doc.skipped) ++summary_.skipped;
      summary_.sentences += doc.sentences.size();
      summary_.tokens += doc.tokens.size();
    }
    // The sink (e.g. the store) takes this batch on its own thread while the next
    // batch is read and annotated; at most one batch waits for it.
    Wait();
    pending_ = std::async(std::launch::async, [this, batch = std::move(batch_)]() mutable { return sink_(batch); });
    batch_.clear();
    done_.clear();
    batch_bytes_ = 0;
    if (progress_) progress_(summary_);
  }

  // Waits for the batch the sink is working on; remembers its first failure.
  void Wait() {
    if (!pending_.valid()) return;
    Status s = pending_.get();
    if (status_.ok()) status_ = s;
  }

  const Status& status() const { return status_; }

 private:
  const Pipeline& pipeline_;
  const RunOptions& options_;
  const BatchSink& sink_;
  const ProgressSink& progress_;
  RunSummary& summary_;
  int threads_ = 1;
  std::vector<document::Document> batch_;
  std::vector<bool> done_;  // per batch_ entry: skip analysis
  uint64_t batch_bytes_ = 0;
  Status status_;
  std::future<Status> pending_;  // the sink's work on the previous batch
};

}  // namespace

Status Run(const std::vector<std::string>& inputs, const Pipeline& pipeline, const RunOptions& options,
           const BatchSink& sink, const ProblemSink& problems, const ProgressSink& progress, RunSummary& summary) {
  auto start = std::chrono::steady_clock::now();
  NG_ASSIGN_OR_RETURN(std::vector<std::string> paths, base::ExpandInputPaths(inputs));
  summary.inputs_total = paths.size();
  std::vector<uint64_t> sizes;
  for (const std::string& path : paths) {
    auto size = path == "-" ? StatusOr<uint64_t>(uint64_t{0}) : base::LocalFileSystem().FileSize(path);
    sizes.push_back(size.ok() ? *size : 0);
    summary.bytes_total += sizes.back();
  }
  BatchRunner runner(pipeline, options, sink, progress, summary);
  uint64_t bytes_before = 0;
  for (size_t i = 0; i < paths.size() && runner.status().ok(); ++i) {
    Status read = ingest::ReadInput(paths[i], options.read, [&](StatusOr<document::Document> record) {
      if (!record.ok()) {
        ++summary.rejected;
        problems(record.status().message());
        return;
      }
      runner.Add(std::move(record).value());
    });
    if (!read.ok()) {
      ++summary.rejected;
      problems(read.message());
    }
    bytes_before += sizes[i];
    summary.bytes_done = bytes_before;
    ++summary.inputs_done;
    if (progress) progress(summary);
  }
  runner.Flush();
  runner.Wait();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return runner.status();
}

}  // namespace newsgraph::pipeline
