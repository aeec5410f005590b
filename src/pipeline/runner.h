// Runs a Pipeline over a list of inputs: reads them (ingest), annotates documents
// in parallel batches, and hands each batch, in input order, to a sink. The sink
// runs on a thread of its own, one batch at a time, while the next batch is read
// and annotated; it must not share unlocked state with the other callbacks.
// Memory is bounded by two batches, not by the input size.
#ifndef NEWSGRAPH_PIPELINE_RUNNER_H_
#define NEWSGRAPH_PIPELINE_RUNNER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace newsgraph::pipeline {

struct RunOptions {
  ingest::ReadOptions read;
  int threads = 0;                     // 0 = every core
  size_t batch_documents = 256;        // documents annotated together and handed to the sink at once
  uint64_t batch_bytes = 16ull << 20;  // or fewer, when their text passes this size
  // When set and true for a document, it is not analysed (e.g. already stored) but
  // still handed to the sink, so a re-run after a crash skips finished work quickly.
  std::function<bool(const document::Document&)> already_done;
};

// Counts that the end summary prints; also passed to the progress callback.
struct RunSummary {
  size_t inputs_total = 0;
  size_t inputs_done = 0;
  size_t documents = 0;   // read and handed to the sink
  size_t rejected = 0;    // records or whole inputs that could not be read
  size_t skipped = 0;     // read but not analysed (language)
  size_t already_done = 0;  // not analysed because RunOptions::already_done said so
  size_t sentences = 0;
  size_t tokens = 0;
  uint64_t bytes_total = 0;  // sizes of the input files (stdin counts 0)
  uint64_t bytes_done = 0;   // approximate, for progress
  uint64_t text_bytes = 0;   // normalized text of the documents read (stdin has no file size)
  double seconds = 0;
};

// Receives every annotated batch in input order, one call at a time, on the sink
// thread. A non-ok Status stops the run.
using BatchSink = std::function<Status(std::vector<document::Document>& batch)>;
// Receives each problem as one line: "news.jsonl:12: malformed JSON ...".
using ProblemSink = std::function<void(const std::string& message)>;
// Called after every batch and every input, for progress displays.
using ProgressSink = std::function<void(const RunSummary& summary)>;

// Expands directories, reads every input, and returns non-ok only when the sink
// fails or an input list is invalid; unreadable inputs and bad records are
// reported through `problems` and counted in summary.rejected.
Status Run(const std::vector<std::string>& inputs, const Pipeline& pipeline, const RunOptions& options,
           const BatchSink& sink, const ProblemSink& problems, const ProgressSink& progress, RunSummary& summary);

}  // namespace newsgraph::pipeline

#endif  // NEWSGRAPH_PIPELINE_RUNNER_H_
