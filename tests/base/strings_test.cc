#include "base/strings.h"

#include <gtest/gtest.h>

namespace newsgraph::base {
namespace {

TEST(CollapseWhitespace, RunsBecomeOneSpaceAndEndsAreTrimmed) {
  EXPECT_EQ(CollapseWhitespace("Simon\nKeswick"), "Simon Keswick");
  EXPECT_EQ(CollapseWhitespace("  Jardine \r\n\t Matheson  Holdings\n"), "Jardine Matheson Holdings");
  EXPECT_EQ(CollapseWhitespace("Kim Jong-un"), "Kim Jong-un");
  EXPECT_EQ(CollapseWhitespace(" \n\t "), "");
  EXPECT_EQ(CollapseWhitespace(""), "");
}

TEST(CollapseWhitespace, NonAsciiBytesAreKept) {
  // A no-break space (U+00A0) is part of the name as written, not ASCII whitespace.
  EXPECT_EQ(CollapseWhitespace("Jos\xC3\xA9\n\xC3\x81lvarez"), "Jos\xC3\xA9 \xC3\x81lvarez");
  EXPECT_EQ(CollapseWhitespace("a\xC2\xA0" "b"), "a\xC2\xA0" "b");
}

TEST(Split, KeepsEmptyFields) {
  auto parts = Split("a\t\tb", '\t');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(Split("", '\t').size(), 1u);
}

}  // namespace
}  // namespace newsgraph::base
