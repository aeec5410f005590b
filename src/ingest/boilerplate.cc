// Boilerplate lines: a table (data/lexicons/boilerplate.tsv, compiled in) and a
// line matcher. Whole lines only (or a parenthesised credit closing a line), so a
// normal sentence is never removed.
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "ingest/cleanup.h"

namespace newsgraph::ingest {
namespace internal {
extern const char kBoilerplateTsv[];  // generated from data/lexicons/boilerplate.tsv
}  // namespace internal

namespace {

enum class Kind { kLine, kPrefix, kParen, kTail };

struct Pattern {
  Kind kind = Kind::kLine;
  std::string text;    // lower case
  std::string reason;  // "boilerplate: also-read"
  bool need_separator = false;
  size_t max_len = 200;
  std::string contains;
};

void ApplyOption(std::string_view opt, Pattern& p) {
  if (opt == "sep") p.need_separator = true;
  if (opt.substr(0, 4) == "max=") p.max_len = std::stoul(std::string(opt.substr(4)));
  if (opt.substr(0, 9) == "contains=") p.contains = std::string(opt.substr(9));
}

std::vector<Pattern> ParseTable(std::string_view tsv) {
  std::vector<Pattern> table;
  for (std::string_view line : base::Split(tsv, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols = base::Split(line, '\t');
    if (cols.size() < 3) continue;
    Pattern p;
    p.kind = cols[0] == "prefix" ? Kind::kPrefix : cols[0] == "paren" ? Kind::kParen
             : cols[0] == "tail" ? Kind::kTail : Kind::kLine;
    p.text = std::string(cols[1]);
    p.reason = "boilerplate: " + std::string(cols[2]);
    if (cols.size() > 3) {
      for (std::string_view opt : base::Split(cols[3], ';')) ApplyOption(opt, p);
    }
    table.push_back(std::move(p));
  }
  return table;
}

const std::vector<Pattern>& Table() {
  static const std::vector<Pattern>* table = new std::vector<Pattern>(ParseTable(internal::kBoilerplateTsv));
  return *table;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// After a "sep" prefix: spaces, then a separator or the end of the line.
bool SeparatorFollows(std::string_view rest) {
  size_t i = 0;
  while (i < rest.size() && rest[i] == ' ') ++i;
  if (i == rest.size()) return true;
  std::string_view r = rest.substr(i);
  for (std::string_view sep : {":", "|", "-", ">", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB"}) {
    if (r.substr(0, sep.size()) == sep) return true;
  }
  return false;
}

std::string_view TrimTrailingPunct(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == '!' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  return s;
}

bool PrefixMatches(const Pattern& p, std::string_view lower) {
  if (lower.size() > p.max_len || lower.substr(0, p.text.size()) != p.text) return false;
  std::string_view rest = lower.substr(p.text.size());
  if (!rest.empty() && IsAlnum(p.text.back()) && IsAlnum(rest.front())) return false;
  if (p.need_separator && !SeparatorFollows(rest)) return false;
  return p.contains.empty() || lower.find(p.contains) != std::string_view::npos;
}

// Start of the parenthesised group that closes `line` ("... (Photo: AFP)"), or npos.
size_t TrailingParenStart(std::string_view line) {
  if (line.empty() || line.back() != ')') return std::string_view::npos;
  int depth = 0;
  for (size_t i = line.size(); i-- > 0;) {
    if (line[i] == ')') ++depth;
    if (line[i] == '(' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Cheap test run on every line first: can any pattern match it at all?
bool MayMatch(std::string_view line) {
  static const std::string* first_chars = [] {
    auto* chars = new std::string;
    for (const Pattern& p : Table()) {
      if (!p.text.empty() && p.kind != Kind::kParen) chars->push_back(p.text[0]);
    }
    return chars;
  }();
  if (line.back() == ')') return true;
  char c = line.front();
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return first_chars->find(c) != std::string::npos;
}

// Matches one line (without its newline); returns the span within the line.
bool MatchLine(std::string_view line, size_t& start, size_t& end, const std::string** why) {
  if (!MayMatch(line)) return false;
  std::string lower = Lower(line.substr(0, 512));
  size_t paren = TrailingParenStart(line);
  for (const Pattern& p : Table()) {
    bool hit = false;
    start = 0;
    end = line.size();
    if (p.kind == Kind::kLine) {
      hit = TrimTrailingPunct(lower) == p.text;
    } else if (p.kind == Kind::kPrefix) {
      hit = line.size() <= p.max_len && PrefixMatches(p, lower);
    } else if (p.kind == Kind::kParen && paren != std::string_view::npos && line.size() - paren <= p.max_len) {
      std::string_view group = std::string_view(lower).substr(paren + 1);
      while (!group.empty() && group.front() == ' ') group.remove_prefix(1);
      hit = group.substr(0, p.text.size()) == p.text;
      start = paren;
    }
    if (hit) {
      *why = &p.reason;
      return true;
    }
  }
  return false;
}

bool EndsSentence(std::string_view before) {
  if (before.empty()) return true;
  if (std::string_view(".!?\"')]").find(before.back()) != std::string_view::npos) return true;
  std::string_view last3 = before.substr(before.size() >= 3 ? before.size() - 3 : 0);
  return last3 == "\xE2\x80\x9D" || last3 == "\xE2\x80\x99";  // closing curly quotes
}

// The "tail" patterns: the text's last word ("... said. Reuter").
void MatchTail(std::string_view text, std::vector<document::RemovedSpan>& out) {
  size_t word = text.find_last_of(" \n");
  word = word == std::string_view::npos ? 0 : word + 1;
  std::string lower = Lower(text.substr(word));
  for (const Pattern& p : Table()) {
    if (p.kind != Kind::kTail || lower != p.text) continue;
    if (!out.empty() && out.back().span.end > word) return;
    // Only a sign-off after a finished sentence (or on its own line): "... named after Paul Reuter" stays.
    if (word > 0 && text[word - 1] == ' ' && !EndsSentence(text.substr(0, word - 1))) return;
    size_t start = word > 0 && text[word - 1] == ' ' ? word - 1 : word;
    out.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(text.size())}, p.reason});
    return;
  }
}

}  // namespace

std::vector<document::RemovedSpan> FindBoilerplate(std::string_view text) {
  std::vector<document::RemovedSpan> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, line_end - pos);
    size_t start = 0;
    size_t end = 0;
    const std::string* why = nullptr;
    if (!line.empty() && line.size() <= 512 && MatchLine(line, start, end, &why)) {
      out.push_back({{static_cast<uint32_t>(pos + start), static_cast<uint32_t>(pos + end)}, *why});
    }
    pos = line_end + 1;
  }
  MatchTail(text, out);
  return out;
}

}  // namespace newsgraph::ingest
