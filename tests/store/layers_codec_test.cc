#include "store/layers_codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using document::Document;
using ::testing::HasSubstr;

Document Decoded(const Document& original, const std::string& blob, Status* status) {
  Document out;
  out.text = original.text;
  *status = DecodeLayers(blob, "test blob", out);
  return out;
}

TEST(LayersCodecTest, SmallAndLargeDocumentsRoundTrip) {
  for (int repeat : {0, 1, 40}) {  // empty and tiny (stored raw), large (zstd-compressed)
    std::string text = repeat == 1 ? "Rain." : "";
    for (int i = 1; i < repeat; ++i) text += "Troops left Harbin. Talks resumed in Oslo. ";
    Document doc = testing::MakeDoc("d", text);
    StatusOr<std::string> blob = EncodeLayers(doc);
    ASSERT_TRUE(blob.ok()) << blob.status().ToString();
    EXPECT_EQ(static_cast<uint8_t>((*blob)[0]), kLayersFormatVersion);
    EXPECT_EQ((*blob)[1], repeat >= 40 ? 1 : 0) << "codec byte";
    Status status;
    Document got = Decoded(doc, *blob, &status);
    ASSERT_TRUE(status.ok()) << status.ToString();
    ASSERT_EQ(got.tokens.size(), doc.tokens.size());
    ASSERT_EQ(got.sentences.size(), doc.sentences.size());
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      EXPECT_EQ(got.tokens[i].span, doc.tokens[i].span);
      EXPECT_EQ(got.tokens[i].form, doc.tokens[i].form);
      EXPECT_EQ(got.tokens[i].ner, doc.tokens[i].ner);
    }
  }
}

TEST(LayersCodecTest, CompressesRepetitiveLayers) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "The minister said the talks would go on. ";
  Document doc = testing::MakeDoc("d", text);
  StatusOr<std::string> blob = EncodeLayers(doc);
  ASSERT_TRUE(blob.ok());
  EXPECT_LT(blob->size(), text.size() / 4);
}

TEST(LayersCodecTest, RejectsSpansOutsideTheText) {
  Document doc = testing::MakeDoc("d", "Rain fell.");
  doc.tokens[0].span = {3, 2};
  StatusOr<std::string> blob = EncodeLayers(doc);
  ASSERT_FALSE(blob.ok());
  EXPECT_THAT(blob.status().message(), HasSubstr("token 0 span [3, 2)"));
  doc = testing::MakeDoc("d", "Rain fell.");
  doc.sentences[0].token_end = 99;
  EXPECT_FALSE(EncodeLayers(doc).ok());
  doc = testing::MakeDoc("d", "Rain fell.");
  doc.removed.push_back({{8, 80}, "boilerplate"});
  EXPECT_FALSE(EncodeLayers(doc).ok());
}

TEST(LayersCodecTest, DetectsEveryDamage) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "Envoys from Tarsia arrived in Velmont. ";
  Document doc = testing::MakeDoc("d", text);
  StatusOr<std::string> blob = EncodeLayers(doc);
  ASSERT_TRUE(blob.ok());
  Status status;
  // Truncation at every length, and a flipped byte at every position, is reported.
  for (size_t n = 0; n < blob->size(); ++n) {
    Decoded(doc, blob->substr(0, n), &status);
    EXPECT_EQ(status.code(), StatusCode::kCorruption) << "truncated to " << n;
  }
  for (size_t i = 0; i < blob->size(); ++i) {
    std::string bad = *blob;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    Decoded(doc, bad, &status);
    EXPECT_EQ(status.code(), StatusCode::kCorruption) << "flipped byte " << i;
  }
  std::string future = *blob;
  future[0] = 9;
  Decoded(doc, future, &status);
  EXPECT_THAT(status.message(), HasSubstr("layers format version 9"));
}

TEST(LayersCodecTest, DecodeChecksOffsetsAgainstTheText) {
  Document doc = testing::MakeDoc("d", "Protests spread to Kellby on Friday.");
  StatusOr<std::string> blob = EncodeLayers(doc);
  ASSERT_TRUE(blob.ok());
  Document shorter;
  shorter.text = "Protests";
  Status status = DecodeLayers(*blob, "test blob", shorter);
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace newsgraph::store
