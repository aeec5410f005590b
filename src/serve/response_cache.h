// Internal to ng_serve: recent API responses by request target, so repeated
// queries (a dashboard reloading, many analysts on one view) skip SQLite and JSON.
// Correct while the store is unchanged: every lookup first compares the database
// and WAL files' size and modification time with those seen at insertion, and a
// change (another process ingesting) empties the cache.
//
// Thread safety: all methods may be called from any thread.
#ifndef NEWSGRAPH_SERVE_RESPONSE_CACHE_H_
#define NEWSGRAPH_SERVE_RESPONSE_CACHE_H_

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newsgraph::serve {

class ResponseCache {
 public:
  // `max_bytes` 0 disables the cache.
  ResponseCache(std::string db_path, size_t max_bytes);

  std::shared_ptr<const std::string> Find(const std::string& key);
  void Insert(const std::string& key, std::string body);

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  // Size and mtime of the database and its WAL, as one comparable value.
  std::string StoreVersion() const;
  void DropStale();  // requires mu_

  const std::string db_path_;
  const size_t max_bytes_;
  std::mutex mu_;
  std::string version_;             // guarded by mu_
  std::list<Entry> lru_;            // guarded by mu_; most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;  // guarded by mu_
  size_t bytes_ = 0;                // guarded by mu_
};

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_RESPONSE_CACHE_H_
