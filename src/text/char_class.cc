// Non-ASCII code point classification for the tokenizer (the ASCII table is inline
// in tokenizer.h): a few explicit typographic characters, ICU's general category
// for the rest.
#include <unicode/uchar.h>

#include <array>

#include "text/tokenizer.h"

namespace newsgraph::text {
namespace {

// Decodes one code point of at most `avail` bytes; returns 0 length when invalid.
size_t DecodeOne(const unsigned char* p, size_t avail, char32_t& cp) {
  unsigned char b = p[0];
  size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (n == 0 || b >= 0xF8 || n > avail) return 0;
  cp = b & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  return n;
}

CharClass ClassifyTypographic(char32_t cp, bool& known) {
  known = true;
  switch (cp) {
    case 0x2019: case 0x02BC: return CharClass::kApostrophe;
    case 0x2018: case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: return CharClass::kQuote;
    case 0x2010: case 0x2011: return CharClass::kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: return CharClass::kDash;
    case 0x2026: return CharClass::kEllipsis;
    case 0x0085: case 0x2028: case 0x2029: return CharClass::kNewline;
    case 0x200B: case 0xFEFF: return CharClass::kSpace;
    default: known = false; return CharClass::kSymbol;
  }
}

CharClass ClassifyByCategory(char32_t cp) {
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: return CharClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER: return CharClass::kDigit;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR: return CharClass::kMark;
    case U_SPACE_SEPARATOR: case U_CONTROL_CHAR: return CharClass::kSpace;
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: return CharClass::kNewline;
    case U_START_PUNCTUATION: return CharClass::kOpenBracket;
    case U_END_PUNCTUATION: return CharClass::kCloseBracket;
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: return CharClass::kQuote;
    case U_DASH_PUNCTUATION: return CharClass::kDash;
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: return CharClass::kOtherPunct;
    default: return CharClass::kSymbol;
  }
}

}  // namespace

CharClass ClassifyNonAscii(std::string_view text, size_t pos, size_t end, size_t& len) {
  char32_t cp = 0;
  len = DecodeOne(reinterpret_cast<const unsigned char*>(text.data()) + pos, end - pos, cp);
  if (len == 0) {
    // Invalid UTF-8: consume the lead byte and its continuation bytes as one symbol,
    // so a span never starts in the middle of a sequence.
    len = 1;
    while (pos + len < end && (static_cast<unsigned char>(text[pos + len]) & 0xC0) == 0x80) ++len;
    return CharClass::kSymbol;
  }
  bool known = false;
  CharClass c = ClassifyTypographic(cp, known);
  return known ? c : ClassifyByCategory(cp);
}

}  // namespace newsgraph::text
