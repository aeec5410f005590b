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
  // One lock per shard, so worker threads rarely wait for each other.
  struct Shard {
    std::mutex mu;
    std::string version;             // guarded by mu
    std::list<Entry> lru;            // guarded by mu; most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> index;  // guarded by mu
    size_t bytes = 0;                // guarded by mu
  };
  static constexpr size_t kShards = 16;
  // Size and mtime of the database and its WAL, as one comparable value (read
  // outside any lock: two stat calls).
  std::string StoreVersion() const;
  Shard& ShardOf(const std::string& key) { return shards_[std::hash<std::string>()(key) % kShards]; }
  // Empties `shard` if the store changed since its entries were made. Requires shard.mu.
  static void DropStale(Shard& shard, std::string version);

  const std::string db_path_;
  const size_t max_bytes_;  // per shard: max_bytes / kShards
  Shard shards_[kShards];
};

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_RESPONSE_CACHE_H_
