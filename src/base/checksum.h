// Checksums and content hashes.
#ifndef NEWSGRAPH_BASE_CHECKSUM_H_
#define NEWSGRAPH_BASE_CHECKSUM_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::base {

// CRC-32 (zlib's polynomial), used per section of model files.
uint32_t Crc32(std::string_view data);

// A stable 128-bit content hash (XXH3-128) as 32 lowercase hex digits; used to
// recognise an article that is already stored.
std::string ContentHash(std::string_view data);

// 64-bit hash for feature hashing in models; stable across platforms and builds.
uint64_t Hash64(std::string_view data, uint64_t seed = 0);

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_CHECKSUM_H_
