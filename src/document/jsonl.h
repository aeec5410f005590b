// Document <-> JSON Lines (docs/formats/document-jsonl.md).
// Offsets in the JSON are Unicode code point offsets into "text".
#ifndef NEWSGRAPH_DOCUMENT_JSONL_H_
#define NEWSGRAPH_DOCUMENT_JSONL_H_

#include <string>

#include <nlohmann/json.hpp>

#include "document/document.h"

namespace newsgraph::document {

// The whole document as one JSON object, with every layer that is filled.
nlohmann::ordered_json ToJson(const Document& doc);
// ToJson(doc).dump() with no newline; invalid UTF-8 cannot occur (text is repaired on ingest).
std::string ToJsonLine(const Document& doc);

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_JSONL_H_
