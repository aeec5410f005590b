// WARC (ISO 28500) reader: each `response` record whose HTTP payload is HTML
// becomes a document. Other records (warcinfo, request, metadata, images) are
// skipped. A truncated record or gzip member ends the file with an error record;
// the records before it have already been passed on.
#include <charconv>
#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include <zlib.h>

#include "base/strings.h"
#include "ingest/internal.h"

namespace newsgraph::ingest::internal {
namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr int kMaxHeaderLines = 512;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Adds "Name: value" to headers (lower-case name); ignores lines without a colon.
void AddHeader(std::string_view line, std::map<std::string, std::string>& headers) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  headers[base::AsciiLower(Trim(line.substr(0, colon)))] = std::string(Trim(line.substr(colon + 1)));
}

std::string Get(const std::map<std::string, std::string>& headers, const char* name) {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string_view body;
};

// Splits an HTTP response into status, headers and body. False if it is not one.
bool ParseHttp(std::string_view block, HttpResponse& http) {
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  size_t lf = block.find("\n\n");
  if (lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) end = lf, sep = 2;
  if (end == std::string_view::npos || block.substr(0, 5) != "HTTP/") return false;
  std::string_view head = block.substr(0, end);
  http.body = block.substr(end + sep);
  size_t line_end = head.find('\n');
  std::string_view status_line = head.substr(0, line_end);
  size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) http.status = std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
  while (line_end != std::string_view::npos) {
    size_t start = line_end + 1;
    line_end = head.find('\n', start);
    AddHeader(head.substr(start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start),
              http.headers);
  }
  return true;
}

// Decodes chunked transfer encoding; false if the chunks are malformed.
bool Dechunk(std::string_view in, std::string& out) {
  size_t pos = 0;
  while (pos < in.size()) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view size_text = Trim(in.substr(pos, nl - pos));  // "1a" or "1a;extension"
    size_t size = 0;
    auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (ec != std::errc() || (end != size_text.data() + size_text.size() && *end != ';')) return false;
    pos = nl + 1;
    if (size == 0) return true;
    if (size > in.size() - pos) return false;
    out.append(in.substr(pos, size));
    pos += size;
    while (pos < in.size() && (in[pos] == '\r' || in[pos] == '\n')) ++pos;
  }
  return true;
}

// Inflates a gzip or zlib (deflate) Content-Encoding; false on error or over max_bytes.
bool Inflate(std::string_view in, size_t max_bytes, std::string& out) {
  z_stream zs{};
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) return false;  // 32: auto-detect gzip/zlib
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[64 * 1024];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END;
}

struct WarcRecord {
  uint64_t offset = 0;  // reported offset: compressed member for .gz, else byte in the file
  std::map<std::string, std::string> headers;
  std::string block;
};

// Turns a response record into a Document (or an error); nullopt if it holds no HTML.
std::optional<StatusOr<document::Document>> RecordToDocument(const WarcRecord& rec, const ReadContext& ctx) {
  std::string where = ctx.name + "@" + std::to_string(rec.offset);
  HttpResponse http;
  if (!ParseHttp(rec.block, http) || http.status < 200 || http.status >= 300) return std::nullopt;
  std::string type = base::AsciiLower(Get(http.headers, "content-type"));
  if (type.find("text/html") == std::string::npos && type.find("application/xhtml") == std::string::npos) {
    return std::nullopt;
  }
  std::string payload;
  std::string_view body = http.body;
  if (base::AsciiLower(Get(http.headers, "transfer-encoding")).find("chunked") != std::string::npos) {
    if (!Dechunk(body, payload)) return Status::InvalidArgument(where + ": malformed chunked transfer encoding");
    body = payload;
  }
  std::string encoding = base::AsciiLower(Get(http.headers, "content-encoding"));
  if (encoding == "gzip" || encoding == "deflate" || encoding == "x-gzip") {
    std::string inflated;
    if (!Inflate(body, ctx.options->max_document_bytes * 4, inflated)) {
      return Status::InvalidArgument(where + ": cannot decompress " + encoding + " content");
    }
    payload = std::move(inflated);
    body = payload;
  }
  document::Document doc;
  std::string charset = CharsetFromContentType(type);
  if (charset.empty()) charset = SniffHtmlCharset(body);
  std::string html = RepairWithNote(ToUtf8(body, charset, &doc.notes), 0, &doc.notes);
  HtmlPage page = ExtractHtml(html);
  doc.origin = where;
  doc.url = Get(rec.headers, "warc-target-uri");
  if (doc.url.size() > 1 && doc.url.front() == '<' && doc.url.back() == '>') doc.url = doc.url.substr(1, doc.url.size() - 2);
  doc.title = std::move(page.title);
  doc.text = std::move(page.text);
  doc.source = std::move(page.source);
  doc.date = page.date;
  doc.date_from = page.date_from;
  doc.notes.insert(doc.notes.end(), page.notes.begin(), page.notes.end());
  if (!doc.date) {
    StatusOr<document::Date> d = ParseLooseDate(Get(rec.headers, "warc-date"));
    if (d.ok()) doc.date = *d, doc.date_from = "warc";
  }
  doc.metadata["warc_record_id"] = Get(rec.headers, "warc-record-id");
  return StatusOr<document::Document>(std::move(doc));
}

// Reads the header of the next record and sets rec.offset and *where. False at a clean end of input.
StatusOr<bool> ReadWarcHeader(BufferedReader& reader, GzipSource* gzip, const std::string& name, WarcRecord& rec,
                              std::string* where) {
  std::string line;
  bool too_long = false;
  do {  // blank lines between records
    NG_RETURN_IF_ERROR(reader.Peek(1).status());  // decompress up to here, so the member is known
    uint64_t start = reader.offset();
    rec.offset = gzip ? gzip->MemberOffset(start) : start;
    *where = name + "@" + std::to_string(rec.offset);
    NG_ASSIGN_OR_RETURN(bool more, reader.ReadLine(&line, kMaxHeaderLine, &too_long));
    if (!more) return false;
  } while (line.empty());
  if (line.substr(0, 5) != "WARC/") {
    return Status::InvalidArgument(*where + ": expected a WARC record header ('WARC/1.0'), found '" +
                                   line.substr(0, 40) + "'");
  }
  for (int n = 0;; ++n) {
    NG_ASSIGN_OR_RETURN(bool more, reader.ReadLine(&line, kMaxHeaderLine, &too_long));
    if (!more) return Status::InvalidArgument(*where + ": truncated WARC record: input ends inside the header");
    if (line.empty()) return true;
    if (n > kMaxHeaderLines) return Status::InvalidArgument(*where + ": WARC header has too many lines");
    AddHeader(line, rec.headers);
  }
}

// Reads (or skips) the record's block. Errors name the record and say what is missing.
Status ReadWarcBlock(BufferedReader& reader, WarcRecord& rec, bool keep, const std::string& where) {
  std::string length_text = Get(rec.headers, "content-length");
  char* end = nullptr;
  unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
  if (length_text.empty() || *end != '\0') {
    return Status::InvalidArgument(where + ": WARC record without a valid Content-Length");
  }
  uint64_t left = length;
  while (left > 0) {
    std::string scratch;
    std::string& into = keep ? rec.block : scratch;
    NG_ASSIGN_OR_RETURN(size_t got, reader.Read(std::min<uint64_t>(left, 1 << 20), &into));
    if (got == 0) {
      return Status::InvalidArgument(where + ": truncated WARC record: Content-Length " + length_text + " but only " +
                                     std::to_string(length - left) + " bytes follow");
    }
    left -= got;
  }
  return Status::Ok();
}

}  // namespace

Status ReadWarcStream(BufferedReader& reader, GzipSource* gzip, const ReadContext& ctx) {
  while (true) {
    WarcRecord rec;
    std::string where = ctx.name + "@" + std::to_string(reader.offset());
    StatusOr<bool> more = ReadWarcHeader(reader, gzip, ctx.name, rec, &where);
    if (!more.ok() || !*more) {
      if (!more.ok()) EmitError(more.status(), ctx);
      return Status::Ok();
    }
    std::string type = base::AsciiLower(Get(rec.headers, "warc-type"));
    bool keep = type == "response" &&
                std::strtoull(Get(rec.headers, "content-length").c_str(), nullptr, 10) <=
                    ctx.options->max_document_bytes * 2;
    Status read = ReadWarcBlock(reader, rec, keep, where);
    if (!read.ok()) {
      EmitError(read, ctx);
      return Status::Ok();  // cannot find the next record after a broken one
    }
    if (type == "response" && !keep) {
      EmitError(Status::InvalidArgument(where + ": response record larger than the document limit; skipped"), ctx);
      continue;
    }
    if (!keep) continue;
    std::optional<StatusOr<document::Document>> doc = RecordToDocument(rec, ctx);
    if (!doc) continue;
    if (!doc->ok()) {
      EmitError(doc->status(), ctx);
      continue;
    }
    EmitDocument(std::move(*doc).value(), ctx);
  }
}

}  // namespace newsgraph::ingest::internal
