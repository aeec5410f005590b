#include "extract/quotes/marks.h"

#include <cctype>
#include <cstdint>

namespace newsgraph::extract::quotes {
namespace {

using document::Span;

enum class Kind { kNone, kDouble, kSingle };
enum class Role { kOpen, kClose, kEither };

struct Mark {
  Kind kind = Kind::kNone;
  Role role = Role::kEither;
  uint32_t size = 0;  // bytes
};

constexpr size_t kMaxDepth = 8;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// The mark at text[i], if any. Roles of ambiguous marks are settled from the
// neighbouring characters by the caller.
Mark MarkAt(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == '"') return {Kind::kDouble, Role::kEither, 1};
  if (c == '\'') return {Kind::kSingle, Role::kEither, 1};
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x9C: return {Kind::kDouble, Role::kOpen, 3};    // “
      case 0x9E: return {Kind::kDouble, Role::kOpen, 3};    // „
      case 0x9D: return {Kind::kDouble, Role::kEither, 3};  // ” (some sites use it both ways)
      case 0x98: return {Kind::kSingle, Role::kOpen, 3};    // ‘
      case 0x99: return {Kind::kSingle, Role::kEither, 3};  // ’ (mostly an apostrophe)
    }
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    unsigned char d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xAB) return {Kind::kDouble, Role::kOpen, 2};   // «
    if (d == 0xBB) return {Kind::kDouble, Role::kClose, 2};  // »
  }
  return {};
}

// Letter-or-digit (or any non-ASCII byte, for accented letters) before / after.
bool WordBefore(std::string_view text, size_t i) {
  return i > 0 && IsWordByte(static_cast<unsigned char>(text[i - 1]));
}
bool WordAfter(std::string_view text, size_t end) {
  if (end >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[end]);
  // A following curly double or dash starts with 0xE2: not a word.
  if (c == 0xE2) return false;
  return IsWordByte(c);
}
bool SpaceOrEdgeBefore(std::string_view text, size_t i) {
  if (i == 0) return true;
  char p = text[i - 1];
  return IsSpace(p) || p == '(' || p == '[' || p == '-' || p == '"' || p == '/' ||
         (static_cast<unsigned char>(p) >= 0x80 && !WordBefore(text, i));
}

// Settles an ambiguous role from the characters around the mark.
Role Settle(std::string_view text, size_t i, const Mark& m) {
  if (m.role != Role::kEither) return m.role;
  bool word_before = WordBefore(text, i);
  bool word_after = WordAfter(text, i + m.size);
  if (m.kind == Kind::kSingle) {
    if (word_before && word_after) return Role::kEither;  // apostrophe: caller skips
    if (!word_before && word_after && SpaceOrEdgeBefore(text, i)) return Role::kOpen;
    return Role::kClose;
  }
  if (SpaceOrEdgeBefore(text, i) && !IsSpace(i + m.size < text.size() ? text[i + m.size] : ' ')) return Role::kOpen;
  if (!SpaceOrEdgeBefore(text, i) && (i + m.size >= text.size() || !word_after)) return Role::kClose;
  return Role::kEither;
}

struct Open {
  Kind kind;
  Span mark;
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<QuotedSpan> Run() {
    size_t i = 0;
    while (i < text_.size()) {
      if (text_[i] == '\n') {
        i = EndParagraph(i);
        continue;
      }
      Mark m = MarkAt(text_, i);
      if (m.kind == Kind::kNone) {
        ++i;
        continue;
      }
      OnMark(i, m);
      i += m.size;
    }
    EndParagraph(text_.size());
    return std::move(out_);
  }

 private:
  void OnMark(size_t i, const Mark& m) {
    // A straight double quote typed for an apostrophe ("India"s", "last year"s fall", as in
    // some wire archives): a letter before it, "s" and no letter after.
    if (m.kind == Kind::kDouble && m.size == 1 && i > 0 && std::isalpha(static_cast<unsigned char>(text_[i - 1])) &&
        i + 1 < text_.size() && text_[i + 1] == 's' &&
        (i + 2 >= text_.size() || !IsWordByte(static_cast<unsigned char>(text_[i + 2])))) {
      return;
    }
    Role role = Settle(text_, i, m);
    Span mark{static_cast<uint32_t>(i), static_cast<uint32_t>(i + m.size)};
    if (m.kind == Kind::kSingle && role == Role::kEither) return;  // apostrophe
    if (role == Role::kEither) role = (!stack_.empty() && stack_.back().kind == m.kind) ? Role::kClose : Role::kOpen;
    if (role == Role::kClose) {
      // Close the innermost open quote of the same kind; a stray close is text.
      for (size_t k = stack_.size(); k-- > 0;) {
        if (stack_[k].kind != m.kind) continue;
        if (k == 0) Emit(stack_[0], mark, mark.start);
        stack_.resize(k);
        return;
      }
      return;
    }
    if (stack_.size() < kMaxDepth) stack_.push_back({m.kind, mark});
  }

  // Handles the end of a paragraph at `nl` (a newline or the text end); returns
  // where scanning goes on.
  size_t EndParagraph(size_t nl) {
    size_t next = nl;
    while (next < text_.size() && IsSpace(text_[next])) ++next;
    if (stack_.empty()) return next;
    // Single quotes must close in their paragraph: they were apostrophes.
    if (stack_[0].kind == Kind::kSingle) {
      stack_.clear();
      return next;
    }
    stack_.resize(1);
    if (next < text_.size()) {
      Mark m = MarkAt(text_, next);
      if (m.kind == Kind::kDouble && Settle(text_, next, m) != Role::kClose) {
        reopened_ = true;  // same quote goes on in the next paragraph
        return next + m.size;
      }
    }
    Span none{static_cast<uint32_t>(nl), static_cast<uint32_t>(nl)};
    Emit(stack_[0], none, nl);
    stack_.clear();
    return next;
  }

  void Emit(const Open& open, Span close, size_t content_end) {
    size_t s = open.mark.end;
    size_t e = content_end;
    while (s < e && IsSpace(text_[s])) ++s;
    while (e > s && IsSpace(text_[e - 1])) --e;
    if (e > s) {
      QuotedSpan q;
      q.open = open.mark;
      q.close = close;
      q.content = {static_cast<uint32_t>(s), static_cast<uint32_t>(e)};
      q.single = open.kind == Kind::kSingle;
      q.paragraphs = reopened_;
      out_.push_back(q);
    }
    reopened_ = false;
  }

  std::string_view text_;
  std::vector<Open> stack_;
  std::vector<QuotedSpan> out_;
  bool reopened_ = false;
};

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text) { return Scanner(text).Run(); }

}  // namespace newsgraph::extract::quotes
