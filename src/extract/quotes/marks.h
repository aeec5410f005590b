// Internal to extract/quotes: finds the stretches of text between quotation marks.
#ifndef NEWSGRAPH_EXTRACT_QUOTES_MARKS_H_
#define NEWSGRAPH_EXTRACT_QUOTES_MARKS_H_

#include <string_view>
#include <vector>

#include "document/span.h"

namespace newsgraph::extract::quotes {

// One outermost quoted stretch. Quotes nested inside it are part of its text.
struct QuotedSpan {
  document::Span open;     // the opening mark
  document::Span close;    // the closing mark; empty (at content end) when the quote was never closed
  document::Span content;  // between the marks, whitespace trimmed
  bool single = false;     // opened by a single mark (' or ‘)
  bool paragraphs = false; // continues over a paragraph that reopens it
};

// Scans `text` once, in O(n) time and O(marks) memory whatever the nesting:
//  - straight and curly double marks (also „ and « »), single marks used as quotes
//    (an apostrophe between letters is not a mark; a single quote must close in its
//    paragraph or it was an apostrophe);
//  - a paragraph (a line) that ends inside a double quote and is followed by a
//    paragraph that starts with an opening mark continues the same quote;
//  - an unclosed double quote otherwise ends at its paragraph end;
//  - nesting deeper than a small limit is ignored (its marks are text).
std::vector<QuotedSpan> FindQuotedSpans(std::string_view text);

}  // namespace newsgraph::extract::quotes

#endif  // NEWSGRAPH_EXTRACT_QUOTES_MARKS_H_
