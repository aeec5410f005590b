// Quotes and their speakers: direct, partial and indirect speech, attributed to
// entities of Document::entities (run after extract::EntityResolver).
#ifndef NEWSGRAPH_EXTRACT_QUOTES_QUOTES_H_
#define NEWSGRAPH_EXTRACT_QUOTES_QUOTES_H_

#include "document/document.h"

namespace newsgraph::extract {

// Fills doc.quotes (replacing any), in text order. Thread-safe; bounded time and
// memory on any input.
void FindQuotes(document::Document& doc);

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_QUOTES_QUOTES_H_
