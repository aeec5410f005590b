// Internal to ng_serve: the server's read-only store connections, lent to requests
// one at a time, first come first served.
//
// Why a few connections and a queue instead of one connection per worker thread:
// every keep-alive connection holds a worker thread, so 64 clients mean 64 threads
// running queries at once on 2 cores. The kernel time-slices them, and a request
// preempted part-way waits for every other thread's slice: the p99 was 6x the
// median. Lent in arrival order to a few requests at a time (the server uses two
// per core), each query runs to its end and a request waits only for those queued
// before it. The few connections also keep their prepared statements and page
// caches warm.
//
// Thread safety: all methods may be called from any thread.
#ifndef NEWSGRAPH_SERVE_STORE_POOL_H_
#define NEWSGRAPH_SERVE_STORE_POOL_H_

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace newsgraph::serve {

class StorePool {
 public:
  // At most `size` (>= 1) connections to `db_path`, opened read-only on first need.
  StorePool(std::string db_path, int size);
  ~StorePool();

  // A connection lent until destruction.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(std::move(other.store_)) { other.pool_ = nullptr; }
    Lease(const Lease&) = delete;
    ~Lease();
    store::Store& operator*() { return *store_; }

   private:
    friend class StorePool;
    Lease(StorePool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // Waits (in arrival order) for a connection. Errors: the store does not open.
  StatusOr<Lease> Acquire();

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;                // guarded by mu_
    std::unique_ptr<store::Store> store;  // guarded by mu_; handed over on admission (may be null)
  };
  // Gives `store` (null: a slot with no connection yet) to the next waiter, or
  // keeps it.
  void Release(std::unique_ptr<store::Store> store);

  const std::string db_path_;
  const int size_;
  std::mutex mu_;
  int lent_ = 0;                                     // guarded by mu_
  std::vector<std::unique_ptr<store::Store>> idle_;  // guarded by mu_
  std::deque<Waiter*> queue_;                        // guarded by mu_
};

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_STORE_POOL_H_
