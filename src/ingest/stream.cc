#include "ingest/stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsgraph::ingest::internal {
namespace {
constexpr size_t kChunk = 64 * 1024;
}  // namespace

FileSource::~FileSource() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

StatusOr<size_t> FileSource::Read(char* out, size_t n) {
  size_t got = std::fread(out, 1, n, file_);
  if (got == 0 && std::ferror(file_)) {
    return Status::IoError(name_ + ": read failed: " + std::strerror(errno));
  }
  total_ += got;
  if (total_ > max_bytes_) {
    return Status::InvalidArgument(name_ + ": input larger than the limit of " + std::to_string(max_bytes_) +
                                   " bytes");
  }
  return got;
}

StatusOr<size_t> MemorySource::Read(char* out, size_t n) {
  n = std::min(n, data_.size());
  std::memcpy(out, data_.data(), n);
  data_.remove_prefix(n);
  return n;
}

StatusOr<size_t> PrefixSource::Read(char* out, size_t n) {
  if (pos_ < prefix_.size()) {
    n = std::min(n, prefix_.size() - pos_);
    std::memcpy(out, prefix_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  return inner_->Read(out, n);
}

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner, std::string name)
    : inner_(std::move(inner)), name_(std::move(name)) {
  zs_ready_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
}

GzipSource::~GzipSource() {
  if (zs_ready_) inflateEnd(&zs_);
}

Status GzipSource::FillInput() {
  size_t consumed = in_.size() - zs_.avail_in;
  in_base_ += consumed;
  in_.erase(0, consumed);
  size_t old = in_.size();
  in_.resize(old + kChunk);
  NG_ASSIGN_OR_RETURN(size_t got, inner_->Read(in_.data() + old, kChunk));
  in_.resize(old + got);
  if (got == 0) in_eof_ = true;
  zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
  zs_.avail_in = static_cast<uInt>(in_.size());
  return Status::Ok();
}

// Called between members: skips nothing but checks the next member's magic.
Status GzipSource::StartNextMember() {
  while (zs_.avail_in < 2 && !in_eof_) NG_RETURN_IF_ERROR(FillInput());
  if (zs_.avail_in == 0) {
    done_ = true;
    return Status::Ok();
  }
  uint64_t at = in_base_ + (in_.size() - zs_.avail_in);
  if (zs_.avail_in < 2 || zs_.next_in[0] != 0x1f || zs_.next_in[1] != 0x8b) {
    return Status::Corruption(name_ + "@" + std::to_string(at) + ": trailing bytes after the last gzip member");
  }
  inflateReset(&zs_);
  member_start_ = at;
  members_.emplace_back(out_total_, at);
  in_member_ = true;
  return Status::Ok();
}

StatusOr<size_t> GzipSource::Read(char* out, size_t n) {
  if (!zs_ready_) return Status::Internal(name_ + ": zlib init failed");
  while (!done_) {
    if (!in_member_) {
      NG_RETURN_IF_ERROR(StartNextMember());
      continue;
    }
    if (zs_.avail_in == 0) {
      if (in_eof_) {
        return Status::Corruption(name_ + "@" + std::to_string(in_base_ + in_.size()) +
                                  ": truncated gzip data (member starting at byte " + std::to_string(member_start_) +
                                  " ends early)");
      }
      NG_RETURN_IF_ERROR(FillInput());
      continue;
    }
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(n);
    int rc = inflate(&zs_, Z_NO_FLUSH);
    size_t produced = n - zs_.avail_out;
    out_total_ += produced;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      uint64_t at = in_base_ + (in_.size() - zs_.avail_in);
      return Status::Corruption(name_ + "@" + std::to_string(at) + ": corrupt gzip data (" +
                                (zs_.msg ? zs_.msg : "inflate failed") + ")");
    }
    if (produced > 0) return produced;
  }
  return static_cast<size_t>(0);
}

uint64_t GzipSource::MemberOffset(uint64_t offset) {
  while (members_.size() > 1 && members_[1].first <= offset) members_.pop_front();
  return members_.empty() ? 0 : members_.front().second;
}

StatusOr<bool> BufferedReader::Fill() {
  if (!pending_error_.ok()) return pending_error_;
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  StatusOr<size_t> got = source_->Read(buf_.data() + old, kChunk);
  if (!got.ok()) {
    buf_.resize(old);
    eof_ = true;
    return got.status();
  }
  buf_.resize(old + *got);
  if (*got == 0) eof_ = true;
  return *got > 0;
}

StatusOr<std::string_view> BufferedReader::Peek(size_t n) {
  while (buf_.size() - pos_ < n) {
    StatusOr<bool> more = Fill();
    if (!more.ok()) {
      pending_error_ = more.status();  // reported once the bytes before it are used up
      break;
    }
    if (!*more) break;
  }
  return std::string_view(buf_).substr(pos_, n);
}

StatusOr<bool> BufferedReader::ReadLine(std::string* line, size_t max_len, bool* too_long) {
  line->clear();
  *too_long = false;
  while (true) {
    size_t nl = buf_.find('\n', pos_);
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    size_t take = std::min(end - pos_, max_len + 1 - std::min(line->size(), max_len + 1));
    line->append(buf_, pos_, take);
    if (line->size() > max_len) {
      *too_long = true;
      line->resize(max_len);
    }
    offset_ += end - pos_;
    pos_ = end;
    if (nl != std::string::npos) {
      ++pos_;
      ++offset_;
      break;
    }
    NG_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) {
      if (line->empty() && !*too_long) return false;
      break;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

StatusOr<size_t> BufferedReader::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (pos_ == buf_.size()) {
      NG_ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) break;
    }
    size_t take = std::min(n - done, buf_.size() - pos_);
    out->append(buf_, pos_, take);
    pos_ += take;
    offset_ += take;
    done += take;
  }
  return done;
}

StatusOr<std::string> BufferedReader::ReadAll(uint64_t max_bytes, const std::string& what) {
  std::string out;
  while (true) {
    NG_ASSIGN_OR_RETURN(size_t got, Read(kChunk, &out));
    if (out.size() > max_bytes) {
      return Status::InvalidArgument(what + " is larger than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (got == 0) return out;
  }
}

}  // namespace newsgraph::ingest::internal
