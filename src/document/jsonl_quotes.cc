#include "document/json_writer.h"

namespace newsgraph::document {

void WriteQuotesJson(const Document& doc, const base::CharOffsetMap& map, JsonWriter& w) {
  if (doc.quotes.empty()) return;
  // TODO(quotes): the full quote shape of docs/formats/document-jsonl.md.
}

}  // namespace newsgraph::document
