#include "serve/response_cache.h"

#include <sys/stat.h>

namespace newsgraph::serve {

ResponseCache::ResponseCache(std::string db_path, size_t max_bytes)
    : db_path_(std::move(db_path)), max_bytes_(max_bytes) {}

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

void ResponseCache::DropStale() {
  std::string now = StoreVersion();
  if (now == version_) return;
  version_ = std::move(now);
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

std::shared_ptr<const std::string> ResponseCache::Find(const std::string& key) {
  if (max_bytes_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  DropStale();
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

void ResponseCache::Insert(const std::string& key, std::string body) {
  size_t size = key.size() + body.size();
  if (max_bytes_ == 0 || size > max_bytes_ / 8) return;
  std::lock_guard<std::mutex> lock(mu_);
  DropStale();
  if (index_.count(key) != 0) return;
  lru_.push_front(Entry{key, std::make_shared<const std::string>(std::move(body))});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().key.size() + lru_.back().body->size();
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

}  // namespace newsgraph::serve
