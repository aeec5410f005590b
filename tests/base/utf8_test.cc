#include "base/utf8.h"

#include <gtest/gtest.h>

namespace newsgraph::base {
namespace {

TEST(Utf8Test, ValidTextPassesThroughUnchanged) {
  std::string text = "North Korea\xE2\x80\x99s leader \xF0\x9F\x9A\x80";
  Utf8Repair r = RepairUtf8(text);
  EXPECT_EQ(r.text, text);
  EXPECT_EQ(r.invalid_sequences, 0u);
  EXPECT_TRUE(IsValidUtf8(text));
}

TEST(Utf8Test, InvalidSequencesAreReplacedCountedAndLocated) {
  std::string text = "ab\xFF" "cd\xC3" "e\xED\xA0\x80";  // stray byte, truncated, surrogate
  Utf8Repair r = RepairUtf8(text);
  EXPECT_TRUE(IsValidUtf8(r.text));
  EXPECT_FALSE(IsValidUtf8(text));
  EXPECT_EQ(r.invalid_sequences, 5u);  // FF, C3, and the three bytes of the surrogate
  ASSERT_GE(r.invalid_bytes.size(), 2u);
  EXPECT_EQ(r.invalid_bytes[0], 2u);
  EXPECT_EQ(r.invalid_bytes[1], 5u);
  EXPECT_EQ(r.text.substr(0, 2), "ab");
}

TEST(Utf8Test, ControlBytesAreDroppedButNewlinesKept) {
  Utf8Repair r = RepairUtf8(std::string("a\0b\x01\nc", 6));
  EXPECT_EQ(r.text, "ab\nc");
  EXPECT_EQ(r.invalid_sequences, 2u);
}

TEST(Utf8Test, CharOffsetMapConvertsBothWays) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += (i % 3 == 0) ? "\xE2\x80\x99" : "x";
  CharOffsetMap map(text);
  size_t byte = 0;
  for (uint32_t ch = 0; ch <= 200; ++ch) {
    EXPECT_EQ(map.ToChar(byte), ch);
    EXPECT_EQ(map.ToByte(ch), byte);
    if (ch < 200) byte += (ch % 3 == 0) ? 3 : 1;
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  std::string out;
  for (char32_t cp : {U'a', U'\u00e9', U'\u2019', U'\U0001F680'}) AppendUtf8(cp, out);
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(out, pos), U'a');
  EXPECT_EQ(DecodeUtf8(out, pos), U'\u00e9');
  EXPECT_EQ(DecodeUtf8(out, pos), U'\u2019');
  EXPECT_EQ(DecodeUtf8(out, pos), U'\U0001F680');
  EXPECT_EQ(pos, out.size());
}

}  // namespace
}  // namespace newsgraph::base
