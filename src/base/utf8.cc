#include "base/utf8.h"

#include <algorithm>

namespace newsgraph::base {
namespace {

// Length of a well-formed sequence at text[pos], or 0 if it is ill-formed (RFC 3629).
size_t ValidSequenceLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(pos);
  size_t left = text.size() - pos;
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t i) { return i < text.size() && (byte(i) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(pos + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || !cont(pos + 1) || !cont(pos + 2)) return 0;
    unsigned char b1 = byte(pos + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !cont(pos + 1) || !cont(pos + 2) || !cont(pos + 3)) return 0;
    unsigned char b1 = byte(pos + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool IsDroppedControl(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

}  // namespace

Utf8Repair RepairUtf8(std::string_view input) {
  Utf8Repair result;
  result.text.reserve(input.size());
  size_t pos = 0;
  while (pos < input.size()) {
    size_t run = pos;  // copy ASCII runs in one go: the common case
    while (run < input.size()) {
      unsigned char c = static_cast<unsigned char>(input[run]);
      if (c >= 0x80 || IsDroppedControl(c)) break;
      ++run;
    }
    result.text.append(input.data() + pos, run - pos);
    pos = run;
    if (pos >= input.size()) break;
    size_t len = ValidSequenceLength(input, pos);
    bool control = len == 1 && IsDroppedControl(static_cast<unsigned char>(input[pos]));
    if (len > 0 && !control) {
      result.text.append(input.data() + pos, len);
      pos += len;
      continue;
    }
    if (result.invalid_bytes.size() < 16) result.invalid_bytes.push_back(pos);
    ++result.invalid_sequences;
    if (!control) result.text.append("\xEF\xBF\xBD");
    ++pos;
  }
  return result;
}

bool IsValidUtf8(std::string_view input) {
  for (size_t pos = 0; pos < input.size();) {
    size_t len = ValidSequenceLength(input, pos);
    if (len == 0) return false;
    pos += len;
  }
  return true;
}

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
  unsigned char b0 = static_cast<unsigned char>(text[pos]);
  size_t len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (pos + len > text.size()) {
    pos = text.size();
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

CharOffsetMap::CharOffsetMap(std::string_view text) : text_(text) {
  ascii_ = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii_) return;
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;
    if (count % 64 == 0) checkpoints_.push_back(pos);
    ++count;
  }
}

uint32_t CharOffsetMap::ToChar(size_t byte) const {
  if (ascii_) return static_cast<uint32_t>(byte);
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte);
  if (it == checkpoints_.begin()) return 0;
  --it;
  size_t index = static_cast<size_t>(it - checkpoints_.begin());
  uint32_t ch = static_cast<uint32_t>(index * 64);
  for (size_t pos = *it; pos < byte && pos < text_.size(); ++pos) {
    if ((static_cast<unsigned char>(text_[pos]) & 0xC0) != 0x80) ++ch;
  }
  return ch;
}

size_t CharOffsetMap::ToByte(uint32_t ch) const {
  if (ascii_) return std::min<size_t>(ch, text_.size());
  size_t index = ch / 64;
  if (index >= checkpoints_.size()) return text_.size();
  size_t pos = checkpoints_[index];
  for (uint32_t left = ch % 64; left > 0 && pos < text_.size();) {
    ++pos;
    if (pos >= text_.size() || (static_cast<unsigned char>(text_[pos]) & 0xC0) != 0x80) --left;
  }
  return pos;
}

}  // namespace newsgraph::base
