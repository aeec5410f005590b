// libFuzzer target: the jsonl reader on arbitrary bytes (format forced).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsgraph::ingest::ReadOptions options;
  options.format = newsgraph::ingest::InputFormat::kJsonl;
  options.max_document_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsgraph::Status st = newsgraph::ingest::ReadBuffer(
      bytes, "fuzz.jsonl", options, [](newsgraph::StatusOr<newsgraph::document::Document> r) {
        if (!r.ok()) return;
        // Invariants every document leaving ingest must hold.
        if (!newsgraph::base::IsValidUtf8(r->text) || r->text.empty() || r->id.empty()) __builtin_trap();
        for (const auto& removed : r->removed) {
          if (removed.span.end > r->text.size() || removed.span.start > removed.span.end) __builtin_trap();
        }
      });
  (void)st;
  return 0;
}
