// Private to ingest: byte sources (file, memory, gzip) and a buffered reader that
// streams lines and blocks, so JSONL and WARC inputs are never held whole.
#ifndef NEWSGRAPH_INGEST_STREAM_H_
#define NEWSGRAPH_INGEST_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <zlib.h>

#include "base/status.h"

namespace newsgraph::ingest::internal {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into out; 0 means end of input.
  virtual StatusOr<size_t> Read(char* out, size_t n) = 0;
};

// Reads a FILE*; fails once more than max_bytes have come through.
class FileSource : public ByteSource {
 public:
  FileSource(std::FILE* file, bool owned, std::string name, uint64_t max_bytes)
      : file_(file), owned_(owned), name_(std::move(name)), max_bytes_(max_bytes) {}
  ~FileSource() override;
  StatusOr<size_t> Read(char* out, size_t n) override;

 private:
  std::FILE* file_;
  bool owned_;
  std::string name_;
  uint64_t max_bytes_;
  uint64_t total_ = 0;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  StatusOr<size_t> Read(char* out, size_t n) override;

 private:
  std::string_view data_;
};

// Yields `prefix` (bytes already read for detection), then the rest of `inner`.
class PrefixSource : public ByteSource {
 public:
  PrefixSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}
  StatusOr<size_t> Read(char* out, size_t n) override;

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

// Decompresses gzip, including several concatenated members (one per WARC record,
// as crawls ship them). A stream that ends inside a member is an error naming the
// compressed byte offset. Remembers where members start, so an uncompressed offset
// maps back to the compressed offset of its member.
class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> inner, std::string name);
  ~GzipSource() override;
  StatusOr<size_t> Read(char* out, size_t n) override;
  // Compressed offset of the member holding uncompressed byte `offset`; forgets
  // members that end before it (offsets must be asked in increasing order).
  uint64_t MemberOffset(uint64_t offset);

 private:
  Status FillInput();
  Status StartNextMember();

  std::unique_ptr<ByteSource> inner_;
  std::string name_;
  z_stream zs_{};
  bool zs_ready_ = false;
  std::string in_;            // compressed bytes not yet consumed: in_[in_pos_...]
  uint64_t in_base_ = 0;      // compressed offset of in_[0]
  bool in_eof_ = false;
  bool done_ = false;
  bool in_member_ = false;
  uint64_t out_total_ = 0;
  uint64_t member_start_ = 0;  // compressed offset of the current member
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (uncompressed, compressed) starts
};

// Buffered reading with byte offsets. Not thread-safe.
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource* source) : source_(source) {}
  // Up to n bytes from the current position, without consuming them. A read error
  // is held back until the bytes before it have been consumed.
  StatusOr<std::string_view> Peek(size_t n);
  // Reads one line without its "\n" (and "\r"). Returns false at end of input.
  // A line longer than max_len is consumed but truncated, and *too_long is set.
  StatusOr<bool> ReadLine(std::string* line, size_t max_len, bool* too_long);
  // Appends up to n bytes to *out; returns how many (fewer only at end of input).
  StatusOr<size_t> Read(size_t n, std::string* out);
  // Reads everything left, failing if it exceeds max_bytes.
  StatusOr<std::string> ReadAll(uint64_t max_bytes, const std::string& what);
  uint64_t offset() const { return offset_; }

 private:
  StatusOr<bool> Fill();  // false at end of input

  ByteSource* source_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  Status pending_error_;
};

}  // namespace newsgraph::ingest::internal

#endif  // NEWSGRAPH_INGEST_STREAM_H_
