// libFuzzer target for one ingest reader on arbitrary bytes. The build compiles this
// file once per format with NEWSGRAPH_FUZZ_FORMAT set (see fuzz/ingest.cmake), so the
// four targets share one body and one set of invariants.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using newsgraph::ingest::InputFormat;
  static const InputFormat format = *newsgraph::ingest::ParseInputFormat(NEWSGRAPH_FUZZ_FORMAT);
  newsgraph::ingest::ReadOptions options;
  options.format = format;
  options.max_document_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string name = std::string("fuzz.") + NEWSGRAPH_FUZZ_FORMAT;
  newsgraph::Status st = newsgraph::ingest::ReadBuffer(
      bytes, name, options, [](newsgraph::StatusOr<newsgraph::document::Document> r) {
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
