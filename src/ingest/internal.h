// Private to ingest: the per-format readers and the helpers they share.
#ifndef NEWSGRAPH_INGEST_INTERNAL_H_
#define NEWSGRAPH_INGEST_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "ingest/reader.h"
#include "ingest/stream.h"

namespace newsgraph::ingest::internal {

// What a reader needs to know about its input and where records go.
struct ReadContext {
  std::string name;  // file name for messages and origins
  const ReadOptions* options = nullptr;
  const RecordCallback* on_record = nullptr;
};

// Dates as found in the wild: "2023-09-13", "2023-09-13T10:00:00Z",
// "2023-09-13 10:00", "2023/09/13", "20230913" (WARC 0.x). Impossible dates fail.
StatusOr<document::Date> ParseLooseDate(std::string_view text);

// The charset named in a Content-Type value or an HTML <meta> in the first KBs, lower case, "" if none.
std::string CharsetFromContentType(std::string_view content_type);
std::string SniffHtmlCharset(std::string_view html);
// Converts `bytes` in `charset` (e.g. "windows-1252", "iso-8859-1") to UTF-8 with
// ICU. Bytes that are valid UTF-8 are returned unchanged whatever the label (a
// mislabelled UTF-8 page is far likelier than Latin-1 that happens to be valid
// UTF-8); an unknown charset is read as UTF-8 with a note. Latin-1 means windows-1252.
std::string ToUtf8(std::string_view bytes, const std::string& charset, std::vector<std::string>* notes);

// What the HTML extractor finds in one page.
struct HtmlPage {
  std::string title;
  std::string text;       // paragraphs joined by "\n\n"
  std::string url;        // canonical link or og:url
  std::string source;     // og:site_name
  std::optional<document::Date> date;
  std::string date_from;  // "html-meta" | "html-time" | ""
  std::vector<std::string> notes;
};
// `html` must be valid UTF-8.
HtmlPage ExtractHtml(std::string_view html);

// Finishes a document built by a reader (default date, notes, CleanDocument, size
// limit, id) and hands it to the callback.
void EmitDocument(document::Document doc, const ReadContext& ctx);
void EmitError(const Status& status, const ReadContext& ctx);
// Repairs UTF-8 of raw input bytes, adding a note "N invalid UTF-8 sequences ...
// replaced (first at byte B)" with B = base_offset + offset in `bytes`.
std::string RepairWithNote(std::string_view bytes, uint64_t base_offset, std::vector<std::string>* notes);

// The readers. Single-document formats get the whole input; streams get a reader.
void ReadTextDocument(std::string_view bytes, const ReadContext& ctx);
void ReadHtmlDocument(std::string_view bytes, const ReadContext& ctx);
void ReadConlluDocuments(std::string_view bytes, const ReadContext& ctx);
void ReadConll2003Documents(std::string_view bytes, const ReadContext& ctx);
Status ReadJsonlStream(BufferedReader& reader, const ReadContext& ctx);
Status ReadWarcStream(BufferedReader& reader, GzipSource* gzip, const ReadContext& ctx);

}  // namespace newsgraph::ingest::internal

#endif  // NEWSGRAPH_INGEST_INTERNAL_H_
