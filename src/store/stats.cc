// FormatStats: the text block `newsgraph stats` prints.
#include <cstdio>
#include <string>

#include "store/store.h"

namespace newsgraph::store {
namespace {

constexpr size_t kMaxGroupLines = 10;  // longer breakdowns end with "... N more"

std::string Line(const std::string& label, const std::string& value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%-16s", (label + ":").c_str());
  return buf + value + "\n";
}

std::string HumanBytes(int64_t n) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return buf;
}

std::string Groups(const std::string& title, const std::vector<std::pair<std::string, int64_t>>& groups) {
  std::string out = title + ":" + (groups.empty() ? " none\n" : "\n");
  for (size_t i = 0; i < groups.size() && i < kMaxGroupLines; ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "  %10lld  ", static_cast<long long>(groups[i].second));
    out += buf + (groups[i].first.empty() ? std::string("(unknown)") : groups[i].first) + "\n";
  }
  if (groups.size() > kMaxGroupLines) out += "  ... " + std::to_string(groups.size() - kMaxGroupLines) + " more\n";
  return out;
}

}  // namespace

std::string FormatStats(const Stats& stats) {
  std::string out;
  out += Line("documents", std::to_string(stats.documents));
  out += Line("skipped", std::to_string(stats.skipped));
  out += Line("sentences", std::to_string(stats.sentences));
  out += Line("tokens", std::to_string(stats.tokens));
  out += Line("removed spans", std::to_string(stats.removed_spans));
  std::string dates = stats.first_date ? *stats.first_date + " .. " + stats.last_date.value_or("?") : "none";
  out += Line("dates", dates);
  out += Line("schema version", std::to_string(stats.schema_version));
  out += Line("file size", HumanBytes(stats.file_bytes) + " (" + std::to_string(stats.file_bytes) + " bytes)");
  out += Groups("by source", stats.by_source);
  out += Groups("by language", stats.by_language);
  return out;
}

}  // namespace newsgraph::store
