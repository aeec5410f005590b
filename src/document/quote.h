// A quote: words the article attributes to someone (issue "Who said what").
// Part of the Document value; offsets are BYTES into Document::text, like every Span.
#ifndef NEWSGRAPH_DOCUMENT_QUOTE_H_
#define NEWSGRAPH_DOCUMENT_QUOTE_H_

#include <string>

#include "document/span.h"

namespace newsgraph::document {

struct Quote {
  std::string kind;          // "direct", "partial" or "indirect"
  Span span;                 // the quoted words, without the quote marks; for indirect, the content clause
  Span cue;                  // the speech or cognition cue ("said", "according to"); empty when none
  int speaker = -1;          // index into Document::entities; -1 = not found, `reason` says why
  int speaker_mention = -1;  // index into Document::mentions: the mention that names the speaker at the cue
  int via = -1;              // index into Document::entities: the outlet that reported it, when named
  float confidence = 0;      // 0..1
  std::string reason;        // why the speaker is null, or how it was found ("continuation", "coreference")
  // The words that name the speaker where the quote is attributed ("he", "the North
  // Korean leader", "Peskov"); empty when no attribution was found. Kept even when
  // `speaker` is -1 (e.g. no entity clusters these words yet).
  Span speaker_span;
  // The speaker's name: the entity's canonical name, else the name the words refer
  // to (the longest earlier name ending the same way, a pronoun's antecedent); "" = unknown.
  std::string speaker_name;
  Span via_span;             // the reporting outlet's words ("RIA Novosti"); empty when none
  std::string via_name;      // the outlet's name, "" when none
};

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_QUOTE_H_
