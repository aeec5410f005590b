#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace newsgraph::cli {

std::string WithCommas(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  return buf;
}

Progress::Progress(std::string verb, bool quiet)
    : verb_(std::move(verb)), quiet_(quiet), live_(!quiet && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  std::lock_guard<std::mutex> lock(mu_);
  Clear();
}

void Progress::Update(const pipeline::RunSummary& s) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!live_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? s.bytes_done / seconds : 0;
  std::string eta = "?";
  if (rate > 0 && s.bytes_total >= s.bytes_done) {
    long left = static_cast<long>((s.bytes_total - s.bytes_done) / rate);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", left / 60, left % 60);
    eta = buf;
  }
  std::fprintf(stderr, "\r\033[K%s: %zu/%zu inputs, %s articles, %.1f MB/s, %zu errors, %s left", verb_.c_str(),
               s.inputs_done, s.inputs_total, WithCommas(s.documents).c_str(), rate / 1e6, errors_, eta.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

void Progress::Report(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  ++errors_;
  Clear();
  std::fprintf(stderr, "newsgraph: error: %s\n", line.c_str());
}

void Progress::Warn(const std::string& origin, const std::string& message, std::string kind) {
  std::lock_guard<std::mutex> lock(mu_);
  constexpr size_t kShownPerKind = 3;
  if (kind.empty()) {
    for (char c : message) {
      if (c < '0' || c > '9') kind += c;
    }
  }
  auto& [count, first] = warnings_[kind];
  if (++count == 1) first = message;
  if (quiet_ || count > kShownPerKind) return;
  Clear();
  std::fprintf(stderr, "newsgraph: %s: %s\n", origin.c_str(), message.c_str());
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  Clear();
  if (quiet_) return;
  for (const auto& [kind, tally] : warnings_) {
    if (tally.first > 3) std::fprintf(stderr, "newsgraph: ... %s more like: %s\n", WithCommas(tally.first - 3).c_str(), tally.second.c_str());
  }
}

}  // namespace newsgraph::cli
