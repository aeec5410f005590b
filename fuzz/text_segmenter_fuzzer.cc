// Fuzzes Tokenize and Segmenter::Segment on arbitrary bytes (repaired to UTF-8),
// with a removed span taken from the first bytes. Checks the output invariants:
// spans within bounds, non-empty, increasing and non-overlapping, at code point
// boundaries, never inside a removed span; sentences cover tokens in order.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "text/segmenter.h"

namespace {

using newsgraph::document::Span;

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Boundary(const std::string& text, uint32_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

void CheckSpans(const std::string& text, const std::vector<Span>& spans, const std::vector<Span>& removed) {
  uint32_t last = 0;
  for (Span s : spans) {
    Check(s.start < s.end && s.start >= last && s.end <= text.size());
    Check(Boundary(text, s.start) && Boundary(text, s.end));
    for (Span r : removed) Check(s.end <= r.start || s.start >= r.end);
    last = s.end;
  }
}

const newsgraph::text::Segmenter* GetSegmenter() {
  static std::shared_ptr<const newsgraph::text::Segmenter> seg = [] {
    auto s = newsgraph::text::Segmenter::Load(newsgraph::text::Segmenter::DefaultPath());
    if (!s.ok()) std::abort();
    return *s;
  }();
  return seg.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  newsgraph::document::Document doc;
  doc.text = newsgraph::base::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data + 2), size - 2)).text;
  uint32_t n = static_cast<uint32_t>(doc.text.size());
  CheckSpans(doc.text, newsgraph::text::Tokenize(doc.text, 0, n), {});
  std::vector<Span> removed;
  if (n > 0 && data[0] % 2 == 1) {
    uint32_t a = data[0] % (n + 1), b = a + data[1] % (n - a + 1);
    while (!Boundary(doc.text, a)) --a;
    while (!Boundary(doc.text, b)) ++b;
    doc.removed.push_back({{a, b}, "fuzz"});
    removed.push_back({a, b});
  }
  GetSegmenter()->Segment(doc);
  std::vector<Span> tokens;
  for (const auto& t : doc.tokens) {
    Check(t.form == doc.SpanText(t.span));
    tokens.push_back(t.span);
  }
  CheckSpans(doc.text, tokens, removed);
  uint32_t next = 0;
  for (const auto& s : doc.sentences) {
    Check(s.token_begin == next && s.token_end > s.token_begin && s.token_end <= tokens.size());
    Check(s.span.start == tokens[s.token_begin].start && s.span.end == tokens[s.token_end - 1].end);
    next = s.token_end;
  }
  Check(next == tokens.size());
  return 0;
}
