// Document <-> JSON Lines (docs/formats/document-jsonl.md).
// Offsets in the JSON are Unicode code point offsets into "text".
#ifndef NEWSGRAPH_DOCUMENT_JSONL_H_
#define NEWSGRAPH_DOCUMENT_JSONL_H_

#include <string>

#include <nlohmann/json.hpp>

#include "document/document.h"

namespace newsgraph::document {

// The whole document as one JSON object, with every layer that is filled (parsed
// back from ToJsonLine, for callers that want a DOM).
nlohmann::ordered_json ToJson(const Document& doc);
// One line of JSON, no newline, written directly (no DOM). Text is valid UTF-8
// (repaired on ingest), so strings pass through with only JSON escaping.
std::string ToJsonLine(const Document& doc);

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_JSONL_H_
