// What every benchmark program measures the same way: CPU time (the machine is
// shared, so rates are given per CPU second), peak memory, tokens per second.
#ifndef NEWSGRAPH_BENCH_BENCH_COMMON_H_
#define NEWSGRAPH_BENCH_BENCH_COMMON_H_

#include <sys/resource.h>
#include <time.h>

#include <cstddef>
#include <functional>
#include <vector>

#include "document/document.h"

namespace newsgraph::bench {

// User + system CPU seconds of the whole process.
inline double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of the calling thread: "tokens/s on one core" even on a busy machine.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

inline long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

inline size_t CountTokens(const std::vector<document::Document>& docs) {
  size_t n = 0;
  for (const document::Document& d : docs) n += d.tokens.size();
  return n;
}

// Runs `work` over fresh copies of `docs` (copying is not timed) until `min_seconds`
// of this thread's CPU time; returns tokens of `docs` per second.
inline double TokensPerSecond(const std::vector<document::Document>& docs, double min_seconds,
                              const std::function<void(document::Document&)>& work) {
  const size_t tokens = CountTokens(docs);
  size_t done = 0;
  double secs = 0;
  do {
    std::vector<document::Document> copy = docs;
    const double start = ThreadCpuSeconds();
    for (document::Document& d : copy) work(d);
    secs += ThreadCpuSeconds() - start;
    done += tokens;
  } while (secs < min_seconds);
  return done / secs;
}

}  // namespace newsgraph::bench

#endif  // NEWSGRAPH_BENCH_BENCH_COMMON_H_
