#include "document/json_writer.h"

namespace newsgraph::document {

void WriteEventsJson(const Document& doc, const base::CharOffsetMap& map, JsonWriter& w) {
  if (doc.events.empty()) return;
  // TODO(events): the full event shape of docs/formats/document-jsonl.md.
}

}  // namespace newsgraph::document
