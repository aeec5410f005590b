#include "base/table_memory.h"

#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace newsgraph::base {
namespace {

size_t RoundUpToHugePage(size_t bytes) { return (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1); }

}  // namespace

#if defined(__linux__) && defined(MADV_HUGEPAGE)

void* AllocateTable(size_t bytes) {
  if (bytes < kHugePageBytes) return ::operator new(bytes);
  const size_t size = RoundUpToHugePage(bytes);
  // Map one huge page more than needed and unmap the ends, so the block starts on a
  // 2 MB boundary (mmap only promises 4 KB alignment).
  void* raw = mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePageBytes - 1) & ~(uintptr_t{kHugePageBytes} - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t tail = start + size + kHugePageBytes - (aligned + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + size), tail);
  void* block = reinterpret_cast<void*>(aligned);
  madvise(block, size, MADV_HUGEPAGE);  // advice only: failure (THP "never") leaves 4 KB pages
  return block;
}

void FreeTable(void* p, size_t bytes) noexcept {
  if (p == nullptr) return;
  if (bytes < kHugePageBytes) {
    ::operator delete(p);
    return;
  }
  munmap(p, RoundUpToHugePage(bytes));
}

#else

void* AllocateTable(size_t bytes) { return ::operator new(bytes); }
void FreeTable(void* p, size_t) noexcept { ::operator delete(p); }

#endif

}  // namespace newsgraph::base
