// Memory for the models' large lookup tables (weight rows, hash slots, score caches).
//
// Tagging and parsing read a few dozen random rows of 10-30 MB tables per token. With
// 4 KB pages nearly every such read also misses the TLB; backing the tables with 2 MB
// transparent huge pages removes most page walks (bench_models: tagging + lemmas +
// parsing ~10 % faster). Blocks of at least kHugePageBytes are mapped 2 MB-aligned and
// marked MADV_HUGEPAGE before anything touches them, so the kernel can back them with
// huge pages even when its policy is "madvise" (Debian's default); where it cannot, they
// are ordinary memory. Smaller blocks come from operator new.
#ifndef NEWSGRAPH_BASE_TABLE_MEMORY_H_
#define NEWSGRAPH_BASE_TABLE_MEMORY_H_

#include <cstddef>
#include <vector>

namespace newsgraph::base {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// Throws std::bad_alloc when the memory cannot be had, as operator new does.
void* AllocateTable(size_t bytes);
// `bytes` must be the size given to AllocateTable.
void FreeTable(void* p, size_t bytes) noexcept;

template <class T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <class U>
  TableAllocator(const TableAllocator<U>&) noexcept {}  // NOLINT: allocators convert implicitly
  T* allocate(size_t n) { return static_cast<T*>(AllocateTable(n * sizeof(T))); }
  void deallocate(T* p, size_t n) noexcept { FreeTable(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const TableAllocator<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const TableAllocator<U>&) const noexcept { return false; }
};

// A std::vector whose large buffers live on huge pages where possible.
template <class T>
using TableVector = std::vector<T, TableAllocator<T>>;

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_TABLE_MEMORY_H_
