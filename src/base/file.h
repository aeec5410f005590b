// File access behind a small interface, so tests can substitute in-memory or
// fault-injecting file systems. Thread-safe: implementations hold no mutable state
// visible across calls, except the in-memory one, which locks.
#ifndef NEWSGRAPH_BASE_FILE_H_
#define NEWSGRAPH_BASE_FILE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"

namespace newsgraph::base {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads the whole file. Fails with kInvalidArgument if it is larger than max_bytes.
  virtual StatusOr<std::string> ReadFile(const std::string& path, uint64_t max_bytes) const = 0;
  // Writes `contents` to a temporary file, fsyncs it and renames it over `path`,
  // so a reader never sees a half-written file.
  virtual Status WriteFileAtomically(const std::string& path, const std::string& contents) = 0;
  virtual bool Exists(const std::string& path) const = 0;
  virtual StatusOr<uint64_t> FileSize(const std::string& path) const = 0;
};

// The real file system. Shared, stateless.
FileSystem& LocalFileSystem();

// A map from path to bytes, for tests.
class InMemoryFileSystem : public FileSystem {
 public:
  StatusOr<std::string> ReadFile(const std::string& path, uint64_t max_bytes) const override;
  Status WriteFileAtomically(const std::string& path, const std::string& contents) override;
  bool Exists(const std::string& path) const override;
  StatusOr<uint64_t> FileSize(const std::string& path) const override;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> files_;  // guarded by mu_
};

// Expands inputs the way the CLI takes them: a file stays itself; a directory
// becomes its regular files, recursively, sorted; "-" stays "-" (stdin).
StatusOr<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& inputs);

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_FILE_H_
