// Terminal progress for long runs: one status line on stderr, redrawn at most
// five times a second, only when stderr is a terminal and --quiet is off.
// Problem lines printed through Report() clear the status line first.
// Thread-safe: the batch sink reports from its own thread.
#ifndef NEWSGRAPH_CLI_PROGRESS_H_
#define NEWSGRAPH_CLI_PROGRESS_H_

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "pipeline/runner.h"

namespace newsgraph::cli {

class Progress {
 public:
  Progress(std::string verb, bool quiet);
  ~Progress();
  void Update(const pipeline::RunSummary& summary);
  // Prints one error line on stderr, always.
  void Report(const std::string& line);
  // Prints "origin: message" on stderr unless quiet. A bulk run repeats the same
  // message for thousands of articles, so only the first few of each kind print
  // (`kind` defaults to the message with its digits removed); Finish() counts the rest.
  void Warn(const std::string& origin, const std::string& message, std::string kind = "");
  void Finish();
  size_t errors() const {
    std::lock_guard<std::mutex> lock(mu_);
    return errors_;
  }

 private:
  void Clear();  // requires mu_
  mutable std::mutex mu_;  // guards everything below
  std::string verb_;
  bool quiet_ = false;
  bool live_ = false;  // stderr is a terminal and not quiet
  bool shown_ = false;
  size_t errors_ = 0;
  std::map<std::string, std::pair<size_t, std::string>> warnings_;  // kind -> (count, first message)
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// "1,234,567"
std::string WithCommas(uint64_t n);
// "12.3 MB"
std::string Megabytes(uint64_t bytes);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_PROGRESS_H_
