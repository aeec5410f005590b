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
// Classifies the code point at text[pos] and sets `len` to its byte length (>= 1).
CharClass ClassifyAt(std::string_view text, size_t pos, size_t end, size_t& len);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_TOKENIZER_H_
