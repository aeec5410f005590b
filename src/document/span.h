// A stretch of Document::text: [start, end) in BYTES (valid NFC UTF-8).
#ifndef NEWSGRAPH_DOCUMENT_SPAN_H_
#define NEWSGRAPH_DOCUMENT_SPAN_H_

#include <cstdint>

namespace newsgraph::document {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool operator==(const Span&) const = default;
};

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_SPAN_H_
