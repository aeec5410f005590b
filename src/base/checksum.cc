#include "base/checksum.h"

#include <xxhash.h>
#include <libdeflate.h>

#include <cstdio>

namespace newsgraph::base {

// libdeflate's CRC-32 is zlib's (same polynomial and start), several times faster.
uint32_t Crc32(std::string_view data) { return libdeflate_crc32(0, data.data(), data.size()); }

std::string ContentHash(std::string_view data) {
  XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

uint64_t Hash64(std::string_view data, uint64_t seed) { return XXH3_64bits_withSeed(data.data(), data.size(), seed); }

}  // namespace newsgraph::base
