#include "cli/table_text.h"

namespace newsgraph::cli {

std::string OneLine(std::string s, size_t max_bytes) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  if (s.size() > max_bytes && max_bytes >= 3) {
    size_t cut = max_bytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole code points
    s = s.substr(0, cut) + "...";
  }
  return s;
}

}  // namespace newsgraph::cli
