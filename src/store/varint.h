// Internal to ng_store: the varint encoding used inside the layers blob
// (docs/formats/store-schema.md): LEB128 varints, zigzag for signed values,
// strings as length + bytes, spans as (start - previous end, length).
#ifndef NEWSGRAPH_STORE_VARINT_H_
#define NEWSGRAPH_STORE_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::store {

class VarWriter {
 public:
  void Uv(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Sv(int64_t v) { Uv((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Byte(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Str(std::string_view s) {
    Uv(s.size());
    out_.append(s);
  }
  std::string Release() { return std::move(out_); }

 private:
  std::string out_;
};

class VarReader {
 public:
  VarReader(std::string_view data, const std::string& what) : data_(data), what_(what) {}
  Status Uv(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return Error("truncated varint");
      uint8_t b = static_cast<uint8_t>(data_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return Status::Ok();
    }
    return Error("overlong varint");
  }
  Status Sv(int64_t& v) {
    uint64_t u = 0;
    NG_RETURN_IF_ERROR(Uv(u));
    v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return Status::Ok();
  }
  Status Byte(uint8_t& v) {
    if (pos_ >= data_.size()) return Error("truncated");
    v = static_cast<uint8_t>(data_[pos_++]);
    return Status::Ok();
  }
  Status Str(std::string& s) {
    uint64_t n = 0;
    NG_RETURN_IF_ERROR(Uv(n));
    if (n > remaining()) return Error("string of " + std::to_string(n) + " bytes past the end");
    s.assign(data_.substr(pos_, n));
    pos_ += n;
    return Status::Ok();
  }
  // A count of items that each take at least one byte.
  Status Count(uint64_t& n) {
    NG_RETURN_IF_ERROR(Uv(n));
    return n > remaining() ? Error("count " + std::to_string(n) + " exceeds the data") : Status::Ok();
  }
  size_t remaining() const { return data_.size() - pos_; }
  Status Error(const std::string& m) const {
    return Status::Corruption(what_ + ": " + m + " at payload byte " + std::to_string(pos_));
  }

 private:
  std::string_view data_;
  const std::string& what_;
  size_t pos_ = 0;
};

// Spans are written as (start - previous end, length), which stays small and
// repetitive for consecutive tokens and so compresses well.
inline void PutSpan(document::Span s, uint32_t& prev_end, VarWriter& w) {
  w.Sv(static_cast<int64_t>(s.start) - prev_end);
  w.Uv(s.end - s.start);
  prev_end = s.end;
}

inline Status GetSpan(VarReader& r, size_t text_size, uint32_t& prev_end, document::Span& s) {
  int64_t delta = 0;
  uint64_t size = 0;
  NG_RETURN_IF_ERROR(r.Sv(delta));
  NG_RETURN_IF_ERROR(r.Uv(size));
  int64_t start = prev_end + delta;
  if (start < 0 || static_cast<uint64_t>(start) + size > text_size) return r.Error("span outside the text");
  s.start = static_cast<uint32_t>(start);
  s.end = static_cast<uint32_t>(start + static_cast<int64_t>(size));
  prev_end = s.end;
  return Status::Ok();
}

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_VARINT_H_
