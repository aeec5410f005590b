// Small string helpers shared by the readers of column and table files.
#ifndef NEWSGRAPH_BASE_STRINGS_H_
#define NEWSGRAPH_BASE_STRINGS_H_

#include <string_view>
#include <vector>

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

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_STRINGS_H_
