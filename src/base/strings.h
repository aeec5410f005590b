// Small string helpers shared by the readers of column and table files.
#ifndef NEWSGRAPH_BASE_STRINGS_H_
#define NEWSGRAPH_BASE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace newsgraph::base {

// Splits at every `sep`, keeping empty fields: "a\t\tb" -> {"a", "", "b"}; "" -> {""}.
// The views point into `s`.
inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

// "Kim JONG-un" -> "kim jong-un": ASCII letters lowered, every other byte (UTF-8
// included) kept, so offsets and lengths do not change.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "Kepco" -> "KEPCO": the same for upper case.
inline std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// "Simon\nKeswick " -> "Simon Keswick": every run of ASCII whitespace becomes one space and the ends
// are trimmed. For names and keys taken from wrapped text; never for evidence, whose offsets must hold.
inline std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// Calls `row(line, line_number)` for every line of a table file that is neither empty nor a '#'
// comment, with a trailing '\r' removed. The first error `row` returns comes back as
// "<file>:<line number>: <message>", so every table reader names file and line.
template <typename RowFn>
Status ForEachTableLine(std::string_view data, const std::string& file, RowFn&& row) {
  size_t line_no = 0;
  for (size_t start = 0; start < data.size();) {
    size_t nl = data.find('\n', start);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(start, nl - start);
    start = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Status s = row(line, line_no);
    if (!s.ok()) return Status::InvalidArgument(file + ":" + std::to_string(line_no) + ": " + s.message());
  }
  return Status::Ok();
}

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_STRINGS_H_
