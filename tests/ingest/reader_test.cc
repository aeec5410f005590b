// Format names and detection; inputs that are bad as a whole; CoNLL-U; big articles.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "ingest/test_util.h"

namespace newsgraph::ingest {
namespace {

using testing::Contains;
using testing::Gzip;
using testing::Read;
using testing::ReadAs;

TEST(InputFormatTest, ParsesNames) {
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(*ParseInputFormat("JSONL"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("warc"), InputFormat::kWarc);
  EXPECT_EQ(*ParseInputFormat("conllu"), InputFormat::kConllu);
  StatusOr<InputFormat> bad = ParseInputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(Contains(bad.status().message(), "unknown input format 'pdf'"));
  EXPECT_STREQ(InputFormatName(InputFormat::kHtml), "html");
}

TEST(DetectFormatTest, ByContentFirst) {
  EXPECT_EQ(DetectFormat("WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.txt"), InputFormat::kWarc);
  EXPECT_EQ(DetectFormat("  {\"id\": 1, \"text\": \"a\"}\n{\"id\": 2}", "x.txt"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("<!DOCTYPE html><html><body>x</body></html>", "x.txt"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("# sent_id = 1\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "x.txt"), InputFormat::kConllu);
  EXPECT_EQ(DetectFormat("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "x"), InputFormat::kConllu);
  EXPECT_EQ(DetectFormat("date 2023-09-13 The council met.", "x.html"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("The council met on Monday.", "x"), InputFormat::kText);
}

TEST(DetectFormatTest, ExtensionBreaksTies) {
  EXPECT_EQ(DetectFormat("The council met.", "notes.html"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("The council met.", "x.conllu"), InputFormat::kConllu);
  EXPECT_EQ(DetectFormat("{broken json", "x.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("{broken json\nmore", "x.txt"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("x", "crawl.warc.gz"), InputFormat::kWarc);
}

TEST(BadInputTest, EmptyInputIsAClearError) {
  auto r = Read("", "empty.txt");
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(), "empty.txt: empty input (0 bytes)");
  auto w = Read(" \n\t\r\n", "blank.txt");
  ASSERT_FALSE(w.status.ok());
  EXPECT_EQ(w.status.message(), "blank.txt: input holds only whitespace");
}

TEST(BadInputTest, BinaryFileIsRejected) {
  std::string bin;
  for (int i = 0; i < 3000; ++i) bin.push_back(static_cast<char>((i * 37) % 256));
  auto r = Read(bin, "photo.jpg");
  ASSERT_FALSE(r.status.ok());
  EXPECT_TRUE(Contains(r.status.message(), "photo.jpg: looks binary")) << r.status.message();
  // UTF-16 text is binary to us too (NUL bytes).
  std::string utf16;
  for (char c : std::string("The council met on Monday.")) utf16 += std::string(1, c) + '\0';
  EXPECT_FALSE(Read(utf16, "u16.txt").status.ok());
}

TEST(BadInputTest, GzipOfBinaryIsRejected) {
  std::string bin(5000, '\0');
  auto r = Read(Gzip(bin), "zeros.gz");
  ASSERT_FALSE(r.status.ok());
  EXPECT_TRUE(Contains(r.status.message(), "looks binary"));
}

TEST(BadInputTest, GzippedJsonlIsReadTransparently) {
  std::string data = R"({"id":"z","text":"The council of Port Elms met on Monday to discuss harbour fees."})" "\n";
  auto r = Read(Gzip(data), "news.jsonl.gz");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "z");
}

TEST(BadInputTest, FileSizeLimits) {
  ReadOptions options;
  options.max_file_bytes = 10;
  auto r = Read("The council of Port Elms met on Monday.", "big.txt", options);
  ASSERT_FALSE(r.status.ok());
  EXPECT_TRUE(Contains(r.status.message(), "big.txt: input of 39 bytes is larger than the limit of 10"));
}

TEST(BadInputTest, DocumentSizeLimitIsPerRecord) {
  ReadOptions options;
  options.max_document_bytes = 100;
  std::string big(150, 'a');
  std::string data = R"({"id":"small","text":"The council met on Monday."})" "\n"
                     R"({"id":"big","text":")" + big + R"("})" "\n";
  auto r = Read(data, "limits.jsonl", options);
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0], "limits.jsonl:2: document of 150 bytes is larger than the limit of 100"));
}

TEST(ReadInputTest, MissingFileAndRealFile) {
  Status missing = ReadInput("/nonexistent/dir/news.txt", {}, [](StatusOr<document::Document>) {});
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(missing.message(), "/nonexistent/dir/news.txt: no such file"));

  std::string path = ::testing::TempDir() + "ingest_read_input.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "date 2023-09-13\nThe council of Port Elms met on Monday to discuss the new harbour fees.\n";
  }
  int count = 0;
  Status st = ReadInput(path, {}, [&](StatusOr<document::Document> rec) {
    ASSERT_TRUE(rec.ok());
    EXPECT_EQ(rec->origin, path);
    ++count;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(count, 1);
  std::remove(path.c_str());
}

TEST(ConlluReaderTest, GoldTokensKeepTheirText) {
  std::string conllu =
      "# newdoc id = d1\n# sent_id = 1\n# text = Ships collided.\n"
      "1\tShips\tship\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tcollided\tcollide\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  ReadOptions options;
  options.default_date = document::Date{2023, 9, 13};
  auto r = Read(conllu, "gold.conllu", options);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.docs[0].id, "d1");
  EXPECT_EQ(r.docs[0].text.substr(0, 15), "Ships collided.");  // as ReadConllu builds it, untouched
  EXPECT_EQ(r.docs[0].tokens.size(), 3u);
  EXPECT_EQ(r.docs[0].date_from, "--date");
}

TEST(ConlluReaderTest, MalformedConlluNamesTheLine) {
  auto r = ReadAs("# sent_id = 1\n1\tShips\n", "bad.conllu", InputFormat::kConllu);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0], "bad.conllu:2")) << r.errors[0];
}

TEST(BigArticleTest, FiftyMegabyteArticleIsAccepted) {
  const std::string para =
      "The harbour authority of Port Elms said on Tuesday that two cargo ships had collided near the "
      "northern breakwater. Nobody was hurt, and the channel will reopen on Friday, officials said.\n\n";
  std::string text = "date 2023-09-13\n";
  text.reserve(50u << 20);
  while (text.size() < (50u << 20)) text += para;
  auto start = std::chrono::steady_clock::now();
  auto r = Read(text, "huge.txt");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_GT(r.docs[0].text.size(), 49u << 20);
  // Generous bound: the point is "no quadratic blow-up", not a speed figure (see bench).
  EXPECT_LT(secs, 20.0);
}

}  // namespace
}  // namespace newsgraph::ingest
