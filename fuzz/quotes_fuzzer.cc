// Fuzzes extract::FindQuotes on arbitrary text (repaired to UTF-8) after the
// segmenter, with no parse or with heads and labels drawn from the input (a parse
// can be anything: cycles, out-of-range heads). Checks every quote span, cue and
// speaker span is inside the text at code point boundaries, references are in
// range, and the JSON writer accepts the result.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "document/jsonl.h"
#include "extract/quotes/quotes.h"
#include "text/segmenter.h"

namespace {

using newsgraph::document::Span;

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Boundary(const std::string& text, uint32_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

void CheckSpan(const std::string& text, Span s) {
  Check(s.start <= s.end && s.end <= text.size() && Boundary(text, s.start) && Boundary(text, s.end));
}

const newsgraph::text::Segmenter* GetSegmenter() {
  static std::shared_ptr<const newsgraph::text::Segmenter> seg = [] {
    auto s = newsgraph::text::Segmenter::Load(newsgraph::text::Segmenter::DefaultPath());
    if (!s.ok()) std::abort();
    return *s;
  }();
  return seg.get();
}

// Heads, labels and tags from the fuzz bytes: the finder must survive any parse.
void FakeParse(newsgraph::document::Document& doc, const uint8_t* data, size_t size) {
  static const char* const kRels[] = {"nsubj", "ccomp", "parataxis", "conj", "acl:relcl", "compound",
                                      "flat", "obj", "punct", "case", "root"};
  static const char* const kTags[] = {"PROPN", "VERB", "NOUN", "PRON", "PUNCT", "DET"};
  size_t k = 0;
  for (const auto& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i, ++k) {
      uint8_t b = size ? data[k % size] : 0;
      auto& t = doc.tokens[i];
      t.head = static_cast<int>(b % (s.size() + 2));  // may point past the sentence
      t.deprel = kRels[b % 11];
      t.upos = kTags[(b / 11) % 6];
      if (b % 7 == 0) t.lemma = "say";
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  newsgraph::document::Document doc;
  doc.text = newsgraph::base::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1)).text;
  if (data[0] % 3 != 0) GetSegmenter()->Segment(doc);  // else: text only, no tokens
  if (data[0] % 3 == 2) FakeParse(doc, data, size);
  newsgraph::extract::FindQuotes(doc);
  for (const auto& q : doc.quotes) {
    CheckSpan(doc.text, q.span);
    CheckSpan(doc.text, q.cue);
    CheckSpan(doc.text, q.speaker_span);
    CheckSpan(doc.text, q.via_span);
    Check(q.kind == "direct" || q.kind == "partial" || q.kind == "indirect");
    Check(q.speaker >= -1 && q.speaker < static_cast<int>(doc.entities.size()));
    Check(q.speaker_mention >= -1 && q.speaker_mention < static_cast<int>(doc.mentions.size()));
  }
  Check(!newsgraph::document::ToJsonLine(doc).empty());
  return 0;
}
