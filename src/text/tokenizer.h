// Internal: the rule tokenizer behind text::Tokenize and Segmenter. Not part of the
// public surface (see segmenter.h); tools/train and tests include it directly.
//
// Conventions follow UD English EWT: punctuation split off, clitics split
// ("do" "n't", "I" "'m", "Korea" "'s", "can" "not"), hyphens split except after
// known prefixes ("e-mail", "non-profit") and between digit groups (phone numbers),
// abbreviations, initials, numbers, URLs, e-mails and emoticons kept whole, runs of
// the same punctuation ("...", "--", "!!!") kept whole.
#ifndef NEWSGRAPH_TEXT_TOKENIZER_H_
#define NEWSGRAPH_TEXT_TOKENIZER_H_

#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/document.h"

namespace newsgraph::text {

// Hash/equality that let unordered_set<std::string> be probed with a string_view.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

// Word lists the tokenizer consults. Immutable once built; share freely.
struct TokenizerLexicon {
  // Abbreviations with their final period, stored lowercase ("mr.", "sept.", "u.s.").
  StringSet abbreviations;
  // Lowercase word parts after which a hyphen does not split ("e", "non", "pre").
  StringSet hyphen_prefixes;

  // The built-in lists (English news and web text).
  static const TokenizerLexicon& Default();
};

// Appends the tokens of text[begin, end) to `out` as byte spans. Spans are
// non-empty, increasing, non-overlapping, at code point boundaries and never
// contain whitespace. `text` must be valid UTF-8 (invalid bytes are treated as
// symbols, never read past `end`).
void TokenizeRange(std::string_view text, size_t begin, size_t end, const TokenizerLexicon& lexicon,
                   std::vector<document::Span>& out);

// Character classes used by the tokenizer and the sentence features.
enum class CharClass : uint8_t {
  kSpace, kNewline, kLetter, kDigit, kMark, kPeriod, kApostrophe, kQuote, kHyphen, kDash,
  kOpenBracket, kCloseBracket, kSentencePunct, kEllipsis, kOtherPunct, kSymbol
};

constexpr std::array<CharClass, 128> MakeAsciiClassTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = CharClass::kSymbol;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = CharClass::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = CharClass::kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = CharClass::kDigit;
  for (char c : {' ', '\t', '\r', '\f', '\v'}) t[c] = CharClass::kSpace;
  t['\n'] = CharClass::kNewline;
  t['.'] = CharClass::kPeriod;
  t['\''] = CharClass::kApostrophe;
  t['"'] = CharClass::kQuote;
  t['`'] = CharClass::kQuote;
  t['-'] = CharClass::kHyphen;
  for (char c : {'(', '[', '{'}) t[c] = CharClass::kOpenBracket;
  for (char c : {')', ']', '}'}) t[c] = CharClass::kCloseBracket;
  t['!'] = CharClass::kSentencePunct;
  t['?'] = CharClass::kSentencePunct;
  for (char c : {',', ';', ':', '/', '\\', '@', '#', '%', '&', '*', '_'}) t[c] = CharClass::kOtherPunct;
  return t;
}
inline constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClassTable();

// The code point at text[pos] when it is not ASCII (char_class.cc, uses ICU).
CharClass ClassifyNonAscii(std::string_view text, size_t pos, size_t end, size_t& len);

// Classifies the code point at text[pos] (pos < end) and sets `len` to its byte
// length (>= 1, never past `end`).
inline CharClass ClassifyAt(std::string_view text, size_t pos, size_t end, size_t& len) {
  auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    len = 1;
    return kAsciiClasses[b];
  }
  return ClassifyNonAscii(text, pos, end, len);
}

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_TOKENIZER_H_
