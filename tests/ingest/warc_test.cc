// WARC and .warc.gz: records, origins, truncation.
#include <gtest/gtest.h>

#include "ingest/test_util.h"

namespace newsgraph::ingest {
namespace {

using testing::Contains;
using testing::Gzip;
using testing::Read;

std::string Record(const std::string& type, const std::string& uri, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-01-15T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:0000-" + std::to_string(block.size()) +
         ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& content_type, const std::string& body, const std::string& extra = "") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\n" + extra + "\r\n" + body;
}

std::string Page(const std::string& paragraph, const std::string& head = "") {
  return "<html><head>" + head + "</head><body><article><p>" + paragraph + "</p></article></body></html>";
}

const char kP1[] = "Dock workers in Port Elms voted on Monday to accept a new three-year contract.";
const char kP2[] = "The regional airport will add two daily flights to the capital from March, officials said.";

std::vector<std::string> SampleRecords() {
  return {
      "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 12\r\n\r\nsoftware: x\n\r\n\r\n",
      Record("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n"),
      Record("response", "https://news.example/a", Http("text/html; charset=utf-8", Page(kP1))),
      Record("response", "https://news.example/logo.png", Http("image/png", "\x89PNG\r\n\x1a\n....")),
      Record("response", "https://news.example/b",
             Http("text/html", Page(kP2, "<meta name='pubdate' content='2024-01-14'>"))),
  };
}

TEST(WarcReaderTest, ResponseRecordsWithHtmlBecomeDocuments) {
  std::vector<std::string> records = SampleRecords();
  std::string warc;
  for (const std::string& r : records) warc += r;
  auto r = Read(warc, "crawl.warc");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].url, "https://news.example/a");
  EXPECT_EQ(r.docs[0].text, kP1);
  EXPECT_EQ(r.docs[0].date->ToIso(), "2024-01-15");
  EXPECT_EQ(r.docs[0].date_from, "warc");
  size_t offset_a = records[0].size() + records[1].size();
  EXPECT_EQ(r.docs[0].origin, "crawl.warc@" + std::to_string(offset_a));
  // An HTML meta date wins over WARC-Date.
  EXPECT_EQ(r.docs[1].date->ToIso(), "2024-01-14");
  EXPECT_EQ(r.docs[1].date_from, "html-meta");
  EXPECT_EQ(r.docs[1].origin, "crawl.warc@" + std::to_string(offset_a + records[2].size() + records[3].size()));
}

TEST(WarcReaderTest, MultiMemberGzipReportsMemberOffsets) {
  std::vector<std::string> records = SampleRecords();
  std::string gz;
  std::vector<size_t> starts;
  for (const std::string& r : records) {
    starts.push_back(gz.size());
    gz += Gzip(r);
  }
  auto r = Read(gz, "crawl.warc.gz");
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].origin, "crawl.warc.gz@" + std::to_string(starts[2]));
  EXPECT_EQ(r.docs[1].origin, "crawl.warc.gz@" + std::to_string(starts[4]));
}

TEST(WarcReaderTest, TruncatedRecordKeepsEarlierRecords) {
  std::vector<std::string> records = SampleRecords();
  std::string warc;
  for (const std::string& r : records) warc += r;
  warc.resize(warc.size() - 40);
  auto r = Read(warc, "cut.warc");
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  size_t last = warc.size() + 40 - records[4].size();
  EXPECT_TRUE(Contains(r.errors[0], "cut.warc@" + std::to_string(last) + ": truncated WARC record")) << r.errors[0];
}

TEST(WarcReaderTest, TruncatedGzipKeepsEarlierRecords) {
  std::vector<std::string> records = SampleRecords();
  std::string gz;
  for (const std::string& r : records) gz += Gzip(r);
  gz.resize(gz.size() - 30);
  auto r = Read(gz, "cut.warc.gz");
  EXPECT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0], "cut.warc.gz@")) << r.errors[0];
  EXPECT_TRUE(Contains(r.errors[0], "truncated gzip")) << r.errors[0];
}

TEST(WarcReaderTest, ChunkedLatin1Payload) {
  std::string html = "<html><body><article><p>The caf\xE9 near the ferry terminal in Port Elms will close for "
                     "renovation in May.</p></article></body></html>";
  std::string chunked;
  for (size_t i = 0; i < html.size(); i += 50) {
    std::string piece = html.substr(i, 50);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string warc = Record("response", "https://news.example/cafe",
                            Http("text/html; charset=ISO-8859-1", chunked, "Transfer-Encoding: chunked\r\n"));
  auto r = Read(warc, "chunked.warc");
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_TRUE(Contains(r.docs[0].text, "The caf\xC3\xA9 near the ferry terminal")) << r.docs[0].text;
}

TEST(WarcReaderTest, GarbageInsteadOfHeaderIsAnError) {
  std::string warc = Record("response", "https://news.example/a", Http("text/html", Page(kP1))) + "garbage\r\n";
  auto r = Read(warc, "g.warc");
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0], "expected a WARC record header")) << r.errors[0];
}

}  // namespace
}  // namespace newsgraph::ingest
