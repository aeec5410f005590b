#include "serve/response_cache.h"

#include <sys/stat.h>

namespace newsgraph::serve {

ResponseCache::ResponseCache(std::string db_path, size_t max_bytes)
    : db_path_(std::move(db_path)), max_bytes_(max_bytes / kShards) {}

std::string ResponseCache::StoreVersion() const {
  std::string v;
  for (const std::string& path : {db_path_, db_path_ + "-wal"}) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      v += "-;";
      continue;
    }
    v += std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ";";
  }
  return v;
}

void ResponseCache::DropStale(Shard& shard, std::string version) {
  if (version == shard.version) return;
  shard.version = std::move(version);
  shard.lru.clear();
  shard.index.clear();
  shard.bytes = 0;
}

std::shared_ptr<const std::string> ResponseCache::Find(const std::string& key) {
  if (max_bytes_ == 0) return nullptr;
  std::string version = StoreVersion();
  Shard& shard = ShardOf(key);
  std::lock_guard<std::mutex> lock(shard.mu);
  DropStale(shard, std::move(version));
  auto it = shard.index.find(key);
  if (it == shard.index.end()) return nullptr;
  shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
  return it->second->body;
}

void ResponseCache::Insert(const std::string& key, std::string body) {
  size_t size = key.size() + body.size();
  if (max_bytes_ == 0 || size > max_bytes_ / 8) return;
  std::string version = StoreVersion();
  Shard& shard = ShardOf(key);
  std::lock_guard<std::mutex> lock(shard.mu);
  DropStale(shard, std::move(version));
  if (shard.index.count(key) != 0) return;
  shard.lru.push_front(Entry{key, std::make_shared<const std::string>(std::move(body))});
  shard.index[key] = shard.lru.begin();
  shard.bytes += size;
  while (shard.bytes > max_bytes_ && !shard.lru.empty()) {
    shard.bytes -= shard.lru.back().key.size() + shard.lru.back().body->size();
    shard.index.erase(shard.lru.back().key);
    shard.lru.pop_back();
  }
}

}  // namespace newsgraph::serve
