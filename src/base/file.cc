#include "base/file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace newsgraph::base {
namespace {

Status ErrnoStatus(const std::string& path, const char* what) {
  return Status::IoError(path + ": " + what + ": " + std::strerror(errno));
}

class LocalFs : public FileSystem {
 public:
  StatusOr<std::string> ReadFile(const std::string& path, uint64_t max_bytes) const override {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return Status::InvalidArgument(path + ": is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) return ErrnoStatus(path, "cannot open");
    std::string data;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      data.append(buffer, static_cast<size_t>(in.gcount()));
      if (data.size() > max_bytes) {
        return Status::InvalidArgument(path + ": larger than the limit of " +
                                       std::to_string(max_bytes) + " bytes");
      }
    }
    if (in.bad()) return ErrnoStatus(path, "read failed");
    return data;
  }

  Status WriteFileAtomically(const std::string& path, const std::string& contents) override {
    std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return ErrnoStatus(tmp, "cannot create");
    size_t done = 0;
    while (done < contents.size()) {
      ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        ::close(fd);
        return ErrnoStatus(tmp, "write failed");
      }
      done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return ErrnoStatus(tmp, "fsync/close failed");
    if (::rename(tmp.c_str(), path.c_str()) != 0) return ErrnoStatus(path, "rename failed");
    return Status::Ok();
  }

  bool Exists(const std::string& path) const override {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
  }

  StatusOr<uint64_t> FileSize(const std::string& path) const override {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) return Status::IoError(path + ": " + ec.message());
    return size;
  }
};

}  // namespace

FileSystem& LocalFileSystem() {
  static LocalFs* fs = new LocalFs();
  return *fs;
}

StatusOr<std::string> InMemoryFileSystem::ReadFile(const std::string& path, uint64_t max_bytes) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) return Status::NotFound(path + ": no such file");
  if (it->second.size() > max_bytes) return Status::InvalidArgument(path + ": larger than the limit");
  return it->second;
}

Status InMemoryFileSystem::WriteFileAtomically(const std::string& path, const std::string& contents) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[path] = contents;
  return Status::Ok();
}

bool InMemoryFileSystem::Exists(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.count(path) > 0;
}

StatusOr<uint64_t> InMemoryFileSystem::FileSize(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) return Status::NotFound(path + ": no such file");
  return static_cast<uint64_t>(it->second.size());
}

StatusOr<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-") {
      out.push_back(input);
    } else if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> found;
      auto options = std::filesystem::directory_options::skip_permission_denied;
      for (auto it = std::filesystem::recursive_directory_iterator(input, options, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      if (ec) return Status::IoError(input + ": cannot list directory: " + ec.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(input, ec)) {
      out.push_back(input);
    } else {
      return Status::NotFound(input + ": no such file or directory");
    }
  }
  return out;
}

}  // namespace newsgraph::base
