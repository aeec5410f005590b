// Little-endian binary encoding for model payloads. The reader checks every bound
// and reports truncation as a Status instead of reading past the end.
#ifndef NEWSGRAPH_BASE_BINARY_IO_H_
#define NEWSGRAPH_BASE_BINARY_IO_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace newsgraph::base {

class BinaryWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void String(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  template <typename T>
  void PodVector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  const std::string& data() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  std::string out_;  // x86-64 and aarch64 are little-endian; the format is too.
};

class BinaryReader {
 public:
  // `what` names the data in error messages ("tagger.bin section 'weights'").
  BinaryReader(std::string_view data, std::string what) : data_(data), what_(std::move(what)) {}

  Status U8(uint8_t& v) { return Raw(&v, sizeof v); }
  Status U32(uint32_t& v) { return Raw(&v, sizeof v); }
  Status U64(uint64_t& v) { return Raw(&v, sizeof v); }
  Status I32(int32_t& v) { return Raw(&v, sizeof v); }
  Status F32(float& v) { return Raw(&v, sizeof v); }
  Status String(std::string& s) {
    uint32_t n = 0;
    NG_RETURN_IF_ERROR(U32(n));
    if (n > remaining()) return Truncated(n);
    s.assign(data_.data() + pos_, n);
    pos_ += n;
    return Status::Ok();
  }
  template <typename T>
  Status PodVector(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    NG_RETURN_IF_ERROR(U64(n));
    if (n > remaining() / sizeof(T)) return Truncated(n * sizeof(T));
    v.resize(n);
    return Raw(v.data(), n * sizeof(T));
  }
  Status Raw(void* p, size_t n) {
    if (n > remaining()) return Truncated(n);
    if (n > 0) std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
    return Status::Ok();
  }
  Status Skip(size_t n) {
    if (n > remaining()) return Truncated(n);
    pos_ += n;
    return Status::Ok();
  }
  size_t remaining() const { return data_.size() - pos_; }
  size_t position() const { return pos_; }

 private:
  Status Truncated(uint64_t wanted) const {
    return Status::Corruption(what_ + ": truncated at byte " + std::to_string(pos_) + " (wanted " +
                              std::to_string(wanted) + " more bytes, " + std::to_string(remaining()) + " left)");
  }
  std::string_view data_;
  std::string what_;
  size_t pos_ = 0;
};

// A map from 64-bit keys to indices into some table, as a sorted list of (u64 key,
// u32 index) pairs after a u64 count: sorted so the same map gives the same bytes.
template <typename Map>
void WriteIndexMap(BinaryWriter& w, const Map& map) {
  std::vector<std::pair<uint64_t, uint32_t>> items(map.begin(), map.end());
  std::sort(items.begin(), items.end());
  w.U64(items.size());
  for (const auto& [k, v] : items) {
    w.U64(k);
    w.U32(v);
  }
}

// Reads what WriteIndexMap wrote; an index >= `limit` is corruption, named by `what`.
template <typename Map>
Status ReadIndexMap(BinaryReader& r, size_t limit, const std::string& what, Map& map) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.U64(n));
  if (n > r.remaining() / 12) return Status::Corruption(what + ": map size exceeds the payload");
  map.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t k = 0;
    uint32_t v = 0;
    NG_RETURN_IF_ERROR(r.U64(k));
    NG_RETURN_IF_ERROR(r.U32(v));
    if (v >= limit) return Status::Corruption(what + ": index out of range");
    map[k] = v;
  }
  return Status::Ok();
}

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_BINARY_IO_H_
