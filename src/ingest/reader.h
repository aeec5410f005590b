// Ingest: reads articles (plain text with a `date YYYY-MM-DD` line, JSON Lines,
// HTML, WARC and .warc.gz, CoNLL-U) and turns each record into a cleaned
// document::Document (valid NFC UTF-8 text, boilerplate spans listed, language
// identified). The input formats are written up in docs/formats/input-formats.md.
//
// Errors: a record that cannot be read (malformed JSON line, impossible date,
// truncated WARC record ...) is reported to the callback as a non-ok StatusOr whose
// message names the file and the line ("news.jsonl:12: ...") or byte
// ("crawl.warc.gz@1834: ..."); the records around it still come through. Only an
// input that cannot be read at all (missing, unreadable, empty, binary, too large)
// makes ReadInput/ReadBuffer return a non-ok Status.
//
// Thread safety: all functions are reentrant; distinct calls may run in parallel.
// Memory: JSONL and WARC inputs are streamed, so memory does not grow with the
// number of records (only with the largest single record).
#ifndef NEWSGRAPH_INGEST_READER_H_
#define NEWSGRAPH_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::ingest {

enum class InputFormat { kAuto, kText, kJsonl, kHtml, kWarc, kConllu, kConll2003 };

// "auto", "text", "jsonl", "html", "warc", "conllu", "conll2003" (case-insensitive).
StatusOr<InputFormat> ParseInputFormat(std::string_view name);
const char* InputFormatName(InputFormat format);

struct ReadOptions {
  // kAuto = detect by content (see DetectFormat), then by file extension.
  InputFormat format = InputFormat::kAuto;
  // Used when the input carries no date of its own (date_from "--date").
  std::optional<document::Date> default_date;
  // Files (or stdin) larger than this are rejected as a whole, with a message.
  uint64_t max_file_bytes = 1ull << 30;
  // A single article larger than this is rejected (an error record). 50 MB passes.
  uint64_t max_document_bytes = 64ull << 20;
  // Run CLD2; a document reliably identified as not English gets skipped = true.
  bool detect_language = true;
};

// Called once per record: a cleaned Document, or a non-ok Status naming file and
// line/byte. Invalid UTF-8 and other things a user should know are in Document::notes.
using RecordCallback = std::function<void(StatusOr<document::Document>)>;

// Reads one input: a path, or "-" for stdin. gzip-compressed inputs are
// decompressed transparently (multi-member gzip as crawls ship it).
Status ReadInput(const std::string& path, const ReadOptions& options, const RecordCallback& on_record);

// The same on bytes already in memory (tests, fuzzers); `name` is used in messages
// and origins, and its extension breaks detection ties.
Status ReadBuffer(std::string_view bytes, const std::string& name, const ReadOptions& options,
                  const RecordCallback& on_record);

// Content-based format detection on the first bytes of an (uncompressed) input;
// `name`'s extension decides only when the content is ambiguous. Never returns kAuto.
InputFormat DetectFormat(std::string_view head, std::string_view name);

}  // namespace newsgraph::ingest

#endif  // NEWSGRAPH_INGEST_READER_H_
