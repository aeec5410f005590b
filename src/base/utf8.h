// UTF-8 validation, repair and offset conversion.
// All document text inside newsgraph is valid UTF-8. Offsets are stored as byte
// offsets internally and written out as Unicode code point offsets (see
// docs/formats/document-jsonl.md); CharOffsetMap converts between the two.
#ifndef NEWSGRAPH_BASE_UTF8_H_
#define NEWSGRAPH_BASE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::base {

struct Utf8Repair {
  std::string text;                   // valid UTF-8; each bad sequence became U+FFFD
  size_t invalid_sequences = 0;       // how many were replaced
  std::vector<size_t> invalid_bytes;  // byte offsets in the input of the first 16 of them
};

// Replaces every invalid UTF-8 sequence (overlong, surrogate, truncated, stray
// continuation) with U+FFFD. NUL and other C0 controls except \t \n \r are dropped
// and counted too, so binary junk never reaches the analysis.
Utf8Repair RepairUtf8(std::string_view input);

bool IsValidUtf8(std::string_view input);

// Decodes the code point starting at `pos` in valid UTF-8 and advances `pos`.
char32_t DecodeUtf8(std::string_view text, size_t& pos);
void AppendUtf8(char32_t cp, std::string& out);

// Maps byte offsets of one text to code point offsets. O(n) to build, O(log n) lookups.
class CharOffsetMap {
 public:
  explicit CharOffsetMap(std::string_view text);
  // Code point offset of byte offset `byte` (which must be at a code point boundary
  // or the end of the text).
  uint32_t ToChar(size_t byte) const;
  // Byte offset of code point offset `ch`.
  size_t ToByte(uint32_t ch) const;

 private:
  // Byte offset of every 64th code point, so lookups scan at most 63 code points.
  std::vector<size_t> checkpoints_;
  std::string_view text_;
  bool ascii_ = true;
};

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_UTF8_H_
