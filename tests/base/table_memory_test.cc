// Large model tables are mapped on 2 MB boundaries so the kernel can give them huge
// pages; small ones come from the ordinary heap. Both must behave as plain memory.
#include "base/table_memory.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace newsgraph::base {
namespace {

TEST(TableMemoryTest, LargeBlocksStartOnHugePageBoundaries) {
  for (size_t bytes : {kHugePageBytes, kHugePageBytes + 1, 5 * kHugePageBytes + 12345}) {
    void* p = AllocateTable(bytes);
    ASSERT_NE(p, nullptr);
#if defined(__linux__)
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % kHugePageBytes, 0u) << bytes << " bytes";
#endif
    auto* bytes_view = static_cast<unsigned char*>(p);
    bytes_view[0] = 1;
    bytes_view[bytes - 1] = 2;  // the whole requested size is writable
    EXPECT_EQ(bytes_view[0] + bytes_view[bytes - 1], 3);
    FreeTable(p, bytes);
  }
}

TEST(TableMemoryTest, VectorsKeepTheirValuesAcrossGrowthPastTheThreshold) {
  TableVector<uint32_t> v;
  const size_t n = 3 * kHugePageBytes / sizeof(uint32_t);  // crosses into mapped blocks while growing
  for (size_t i = 0; i < n; ++i) v.push_back(static_cast<uint32_t>(i));
  ASSERT_EQ(v.size(), n);
  EXPECT_EQ(v[0], 0u);
  EXPECT_EQ(v[n / 2], n / 2);
  EXPECT_EQ(v[n - 1], n - 1);
  TableVector<uint32_t> copy = v;  // copies allocate and free through the same allocator
  v.clear();
  v.shrink_to_fit();
  EXPECT_EQ(std::accumulate(copy.begin(), copy.end(), uint64_t{0}), uint64_t{n} * (n - 1) / 2);
}

TEST(TableMemoryTest, SmallVectorsWork) {
  TableVector<double> v(10, 0.5);
  v.resize(20, 1.5);
  EXPECT_DOUBLE_EQ(std::accumulate(v.begin(), v.end(), 0.0), 10 * 0.5 + 10 * 1.5);
}

}  // namespace
}  // namespace newsgraph::base
