#include "models/ner_names.h"

#include <algorithm>

#include "base/strings.h"

namespace newsgraph::models {
namespace {

constexpr std::string_view kTypes[] = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"};

int TypeIndex(std::string_view type) {
  for (size_t i = 0; i < std::size(kTypes); ++i) {
    if (kTypes[i] == type) return static_cast<int>(i);
  }
  return -1;
}

int CountWords(std::string_view norm) { return static_cast<int>(std::count(norm.begin(), norm.end(), ' ')) + 1; }

}  // namespace

StatusOr<NerNames> NerNames::Parse(std::string_view text, const std::string& name) {
  NerNames out;
  Status status = base::ForEachTableLine(text, name, [&](std::string_view line, size_t) -> Status {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return Status::InvalidArgument("expected TYPE<TAB>names");
    int type = TypeIndex(line.substr(0, tab));
    if (type < 0) return Status::InvalidArgument("unknown type '" + std::string(line.substr(0, tab)) + "'");
    std::string_view names = line.substr(tab + 1);
    for (size_t q = 0; q <= names.size();) {
      size_t bar = names.find('|', q);
      if (bar == std::string_view::npos) bar = names.size();
      std::string norm = kb::Gazetteer::Normalize(names.substr(q, bar - q));
      q = bar + 1;
      if (norm.empty()) return Status::InvalidArgument("empty name");
      if (CountWords(norm) > kMaxWords) return Status::InvalidArgument("name has more than 8 words");
      out.by_name_.emplace(norm, static_cast<uint8_t>(type));  // first type wins
      for (size_t s = norm.find(' '); s != std::string::npos; s = norm.find(' ', s + 1)) {
        out.prefixes_.insert(norm.substr(0, s));
      }
      out.prefixes_.insert(norm);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

std::string NerNames::Serialize() const {
  std::vector<std::string> lines;
  lines.reserve(by_name_.size());
  for (const auto& [norm, type] : by_name_) lines.push_back(std::string(kTypes[type]) + "\t" + norm);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

int NerNames::Match(const std::vector<std::string>& norm, size_t i, int& type, size_t max_tokens) const {
  if (i >= norm.size() || norm[i].empty()) return 0;
  std::string key;
  int best = 0;
  const size_t end = i + std::min(norm.size() - i, max_tokens);
  for (size_t j = i; j < end && static_cast<int>(j - i) < 2 * kMaxWords; ++j) {
    if (norm[j].empty()) continue;
    if (!key.empty()) key.push_back(' ');
    key += norm[j];
    if (prefixes_.find(key) == prefixes_.end()) break;
    auto it = by_name_.find(key);
    if (it != by_name_.end()) best = static_cast<int>(j - i + 1), type = it->second;
  }
  return best;
}

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsFirstNameWord(std::string_view w) {
  if (w.empty() || !IsAsciiLetter(w[0])) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiLetter(c) || c == '\'' || c == '-'; });
}

}  // namespace

StatusOr<NerFirstNames> NerFirstNames::Parse(std::string_view text, const std::string& name) {
  NerFirstNames out;
  Status status = base::ForEachTableLine(text, name, [&](std::string_view line, size_t) -> Status {
    size_t tab = line.find('\t');
    std::string_view word = line.substr(0, tab);
    if (!IsFirstNameWord(word)) {
      return Status::InvalidArgument("expected a first name (one word of ASCII letters), got '" + std::string(word) +
                                     "'");
    }
    if (tab != std::string_view::npos) {
      std::string_view lists = line.substr(tab + 1);
      if (lists != "F" && lists != "M" && lists != "FM") {
        return Status::InvalidArgument("second column must be F, M or FM, got '" + std::string(lists) + "'");
      }
    }
    out.names_.insert(base::AsciiLower(word));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

std::string NerFirstNames::Serialize() const {
  std::vector<std::string_view> sorted(names_.begin(), names_.end());
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (std::string_view n : sorted) (out += n) += '\n';
  return out;
}

bool NerFirstNames::Contains(std::string_view lower) const {
  if (names_.find(lower) != names_.end()) return true;
  // A hyphenated first name whose every part is one: "jean-marie", "hans-joachim".
  const size_t hyphen = lower.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0 || hyphen + 1 >= lower.size()) return false;
  for (size_t start = 0; start <= lower.size();) {
    size_t end = lower.find('-', start);
    if (end == std::string_view::npos) end = lower.size();
    if (end == start || names_.find(lower.substr(start, end - start)) == names_.end()) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace newsgraph::models
