#include "serve/store_pool.h"

#include "store/store_access.h"

namespace newsgraph::serve {

StorePool::StorePool(std::string db_path, int size) : db_path_(std::move(db_path)), size_(std::max(1, size)) {}

StorePool::~StorePool() = default;

StorePool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Release(std::move(store_));
}

StatusOr<StorePool::Lease> StorePool::Acquire() {
  std::unique_ptr<store::Store> store;
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (lent_ < size_ && queue_.empty()) {
      ++lent_;
      if (!idle_.empty()) {
        store = std::move(idle_.back());
        idle_.pop_back();
      }
    } else {
      Waiter me;
      queue_.push_back(&me);
      me.cv.wait(lock, [&] { return me.admitted; });
      store = std::move(me.store);
    }
  }
  if (store == nullptr) {
    store::StoreOptions o;
    o.read_only = true;
    StatusOr<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path_, o);
    // Read through a memory map: the connections share the OS page cache instead
    // of each copying pages into its own.
    Status mapped = opened.ok() ? store::StoreDb(**opened).Exec("PRAGMA mmap_size = 4294967296") : opened.status();
    if (!mapped.ok()) {
      Release(nullptr);
      return mapped;
    }
    store = std::move(*opened);
  }
  return Lease(this, std::move(store));
}

void StorePool::Release(std::unique_ptr<store::Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!queue_.empty()) {
    Waiter* next = queue_.front();
    queue_.pop_front();
    next->store = std::move(store);
    next->admitted = true;
    next->cv.notify_one();
    return;
  }
  --lent_;
  if (store != nullptr) idle_.push_back(std::move(store));
}

}  // namespace newsgraph::serve
