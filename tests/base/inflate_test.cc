// Model sections are written by zlib's compress() and read back by InflateZlib, and
// section checksums are CRC-32s: both must agree with zlib byte for byte.
#include "base/inflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "base/checksum.h"

namespace newsgraph::base {
namespace {

std::string Compress(const std::string& raw) {
  uLongf len = compressBound(raw.size());
  std::string out(len, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(raw.data()),
                      raw.size(), 6),
            Z_OK);
  out.resize(len);
  return out;
}

std::string Weights() {
  std::string raw;
  for (int i = 0; i < 50000; ++i) raw += static_cast<char>((i * 7919) % 251);
  return raw + std::string(100000, '\0');
}

TEST(InflateTest, ReadsWhatZlibWrote) {
  const std::string raw = Weights();
  std::string out(raw.size(), 'x');
  ASSERT_TRUE(InflateZlib(Compress(raw), out.data(), out.size(), "weights").ok());
  EXPECT_EQ(out, raw);
}

TEST(InflateTest, CorruptTruncatedOrWrongSizeDataIsCorruption) {
  const std::string raw = Weights();
  const std::string packed = Compress(raw);
  std::string out(raw.size() + 1, '\0');

  std::string corrupt = packed;
  corrupt[packed.size() / 2] ^= 0x55;
  Status s = InflateZlib(corrupt, out.data(), raw.size(), "tagger.ngm section 'weights'");
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("tagger.ngm section 'weights'"), std::string::npos) << s.ToString();

  EXPECT_EQ(InflateZlib(packed.substr(0, packed.size() / 2), out.data(), raw.size(), "w").code(),
            StatusCode::kCorruption);
  EXPECT_EQ(InflateZlib(packed, out.data(), raw.size() - 1, "w").code(), StatusCode::kCorruption);  // more data
  EXPECT_EQ(InflateZlib(packed, out.data(), raw.size() + 1, "w").code(), StatusCode::kCorruption);  // less data
  EXPECT_EQ(InflateZlib("", out.data(), raw.size(), "w").code(), StatusCode::kCorruption);
}

TEST(InflateTest, Crc32IsZlibs) {
  const std::string raw = Weights();
  EXPECT_EQ(Crc32(raw), static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(raw.data()), raw.size())));
  EXPECT_EQ(Crc32(""), 0u);
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);  // the CRC-32 check value
}

}  // namespace
}  // namespace newsgraph::base
