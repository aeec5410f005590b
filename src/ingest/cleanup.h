// Text clean-up applied by every ingest reader (except CoNLL-U, whose gold tokens
// must keep their text). Usable on its own for documents built elsewhere.
#ifndef NEWSGRAPH_INGEST_CLEANUP_H_
#define NEWSGRAPH_INGEST_CLEANUP_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace newsgraph::ingest {

struct CleanOptions {
  bool detect_language = true;  // run CLD2 and skip documents reliably not English
};

// In order: repairs invalid UTF-8 (notes it), normalizes to NFC, normalizes
// whitespace (CRLF and CR become LF, runs of spaces/tabs/NBSP become one space,
// lines are trimmed, blank-line runs become one paragraph break "\n\n", zero-width
// characters and BOMs are dropped), lists boilerplate lines and a wire dateline in
// doc.removed (the text stays, so offsets hold; the dateline's text also goes to
// doc.metadata["dateline"] unless the input gave one), sets doc.language and, for a reliably non-English text,
// skipped = true with skip_reason "language: xx"; sets doc.id from the content hash
// if it is empty. The title gets the same normalization on one line. Never fails.
void CleanDocument(document::Document& doc, const CleanOptions& options = {});

// The normalization step alone: NFC + whitespace, as described above.
std::string NormalizeText(std::string_view text);

// The boilerplate step alone: spans of `text` (normalized) that are boilerplate.
// Patterns come from data/lexicons/boilerplate.tsv, compiled into the library.
std::vector<document::RemovedSpan> FindBoilerplate(std::string_view text);

// A wire dateline opening the story ("KYIV, March 2 (Reuters) -", "WASHINGTON (AP) —"):
// the span to leave out of the story (why "dateline") and its text without the dash.
struct Dateline {
  document::RemovedSpan removed;
  std::string text;  // "KYIV, March 2 (Reuters)"
};
// The dateline step alone: looks at the start of the first four lines of `text` that are
// not in `removed`, and after the first sentence of the first (a title run into the story).
std::optional<Dateline> FindDateline(std::string_view text, const std::vector<document::RemovedSpan>& removed);

// ISO 639-1 code from CLD2 ("" if unknown); `reliable` tells whether CLD2 is sure.
std::string IdentifyLanguage(std::string_view text, bool* reliable);

}  // namespace newsgraph::ingest

#endif  // NEWSGRAPH_INGEST_CLEANUP_H_
