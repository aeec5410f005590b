#include "base/inflate.h"

#include <libdeflate.h>

#include <memory>

namespace newsgraph::base {

Status InflateZlib(std::string_view compressed, void* out, size_t size, const std::string& what) {
  std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(libdeflate_alloc_decompressor(),
                                                                               libdeflate_free_decompressor);
  if (d == nullptr) return Status::Internal(what + ": out of memory for the decompressor");
  size_t got = 0;
  const libdeflate_result r =
      libdeflate_zlib_decompress(d.get(), compressed.data(), compressed.size(), out, size, &got);
  if (r != LIBDEFLATE_SUCCESS || got != size) {
    const char* why = r == LIBDEFLATE_BAD_DATA            ? "corrupt data"
                      : r == LIBDEFLATE_INSUFFICIENT_SPACE ? "more data than expected"
                                                           : "less data than expected";
    return Status::Corruption(what + ": does not inflate to the expected " + std::to_string(size) + " bytes (" +
                              why + ")");
  }
  return Status::Ok();
}

}  // namespace newsgraph::base
