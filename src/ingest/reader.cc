#include "ingest/reader.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "ingest/cleanup.h"
#include "ingest/internal.h"

namespace newsgraph::ingest {
namespace {

using internal::BufferedReader;
using internal::ByteSource;
using internal::GzipSource;
using internal::PrefixSource;
using internal::ReadContext;

constexpr size_t kHeadBytes = 4096;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

InputFormat FormatFromExtension(std::string_view name) {
  std::string n = base::AsciiLower(name);
  if (EndsWith(n, ".gz")) n.resize(n.size() - 3);
  if (EndsWith(n, ".warc")) return InputFormat::kWarc;
  if (EndsWith(n, ".jsonl") || EndsWith(n, ".ndjson")) return InputFormat::kJsonl;
  if (EndsWith(n, ".html") || EndsWith(n, ".htm") || EndsWith(n, ".xhtml")) return InputFormat::kHtml;
  if (EndsWith(n, ".conllu")) return InputFormat::kConllu;
  if (EndsWith(n, ".txt")) return InputFormat::kText;
  return InputFormat::kAuto;
}

bool LooksLikeHtml(std::string_view head) {
  std::string lower = base::AsciiLower(head);
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div",
                          "<p>", "<p ", "<!--"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  return false;
}

bool LooksLikeConllu(std::string_view head) {
  if (head.substr(0, 9) == "# sent_id" || head.substr(0, 8) == "# newdoc" || head.substr(0, 8) == "# text =") {
    return true;
  }
  size_t nl = head.find('\n');
  std::string_view line = head.substr(0, nl);
  return !line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) &&
         std::count(line.begin(), line.end(), '\t') == 9;
}

bool FirstLineIsJson(std::string_view trimmed) {
  size_t nl = trimmed.find('\n');
  if (nl == std::string_view::npos) return true;  // line longer than the sample: trust the '{'
  return nlohmann::json::accept(trimmed.substr(0, nl));
}

// "looks binary": NUL bytes or many control characters in the first 4 KB.
std::string BinaryReason(std::string_view head) {
  size_t nul = 0;
  size_t control = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) ++control;
  }
  if (nul * 100 >= head.size() && nul > 0) {
    return "looks binary (" + std::to_string(nul) + " NUL bytes in the first " + std::to_string(head.size()) + ")";
  }
  if (control * 20 >= head.size() && control > 0) {
    return "looks binary (" + std::to_string(control) + " control bytes in the first " + std::to_string(head.size()) +
           ")";
  }
  return "";
}

Status Dispatch(InputFormat format, BufferedReader& reader, GzipSource* gzip, const ReadContext& ctx) {
  switch (format) {
    case InputFormat::kJsonl:
      return internal::ReadJsonlStream(reader, ctx);
    case InputFormat::kWarc:
      return internal::ReadWarcStream(reader, gzip, ctx);
    default:
      break;
  }
  bool columns = format == InputFormat::kConllu || format == InputFormat::kConll2003;
  uint64_t limit = columns ? ctx.options->max_file_bytes : ctx.options->max_document_bytes;
  StatusOr<std::string> all = reader.ReadAll(limit, ctx.name);
  if (!all.ok()) {
    internal::EmitError(all.status(), ctx);
    return Status::Ok();
  }
  if (format == InputFormat::kHtml) internal::ReadHtmlDocument(*all, ctx);
  if (format == InputFormat::kText) internal::ReadTextDocument(*all, ctx);
  if (format == InputFormat::kConllu) internal::ReadConlluDocuments(*all, ctx);
  if (format == InputFormat::kConll2003) internal::ReadConll2003Documents(*all, ctx);
  return Status::Ok();
}

// Shared by ReadInput and ReadBuffer: un-gzip, detect, check, dispatch.
Status ReadSource(std::unique_ptr<ByteSource> source, const std::string& name, const ReadOptions& options,
                  const RecordCallback& on_record) {
  std::string head;
  char magic[2];
  while (head.size() < 2) {  // pipes may deliver one byte at a time
    NG_ASSIGN_OR_RETURN(size_t got, source->Read(magic, 2 - head.size()));
    if (got == 0) break;
    head.append(magic, got);
  }
  if (head.empty()) return Status::InvalidArgument(name + ": empty input (0 bytes)");
  bool gzipped = head.size() == 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
                 static_cast<unsigned char>(head[1]) == 0x8b;
  source = std::make_unique<PrefixSource>(head, std::move(source));
  GzipSource* gzip = nullptr;
  if (gzipped) {
    auto gz = std::make_unique<GzipSource>(std::move(source), name);
    gzip = gz.get();
    source = std::move(gz);
  }
  BufferedReader reader(source.get());
  StatusOr<std::string_view> peek = reader.Peek(kHeadBytes);
  if (!peek.ok()) {
    ReadContext ctx{name, &options, &on_record};
    internal::EmitError(peek.status(), ctx);
    return Status::Ok();
  }
  std::string_view sample = *peek;
  if (sample.find_first_not_of(" \t\r\n") == std::string_view::npos && sample.size() < kHeadBytes) {
    return Status::InvalidArgument(name + ": " + (sample.empty() ? "empty input" : "input holds only whitespace"));
  }
  InputFormat format = options.format == InputFormat::kAuto ? DetectFormat(sample, name) : options.format;
  if (format != InputFormat::kWarc) {
    std::string binary = BinaryReason(sample);
    if (!binary.empty()) return Status::InvalidArgument(name + ": " + binary + "; not read");
  }
  ReadContext ctx{name, &options, &on_record};
  return Dispatch(format, reader, gzip, ctx);
}

}  // namespace

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  std::string n = base::AsciiLower(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "html") return InputFormat::kHtml;
  if (n == "warc") return InputFormat::kWarc;
  if (n == "conllu") return InputFormat::kConllu;
  if (n == "conll2003") return InputFormat::kConll2003;
  return Status::InvalidArgument("unknown input format '" + std::string(name) +
                                 "' (expected auto, text, jsonl, html, warc, conllu or conll2003)");
}

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kConllu: return "conllu";
    case InputFormat::kConll2003: return "conll2003";
  }
  return "auto";
}

InputFormat DetectFormat(std::string_view head, std::string_view name) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  std::string_view trimmed = first == std::string_view::npos ? std::string_view() : head.substr(first);
  InputFormat by_name = FormatFromExtension(name);
  if (trimmed.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  if (!trimmed.empty() && trimmed[0] == '{' && (FirstLineIsJson(trimmed) || by_name == InputFormat::kJsonl)) {
    return InputFormat::kJsonl;
  }
  if (!trimmed.empty() && trimmed[0] == '<' && LooksLikeHtml(trimmed)) return InputFormat::kHtml;
  if (LooksLikeConllu(trimmed)) return InputFormat::kConllu;
  if (trimmed.substr(0, 10) == "-DOCSTART-") return InputFormat::kConll2003;
  if (base::AsciiLower(trimmed.substr(0, 5)) == "date ") return InputFormat::kText;
  return by_name == InputFormat::kAuto ? InputFormat::kText : by_name;
}

Status ReadInput(const std::string& path, const ReadOptions& options, const RecordCallback& on_record) {
  if (path == "-") {
    return ReadSource(std::make_unique<internal::FileSource>(stdin, false, "<stdin>", options.max_file_bytes),
                      "<stdin>", options, on_record);
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return errno == ENOENT ? Status::NotFound(path + ": no such file")
                           : Status::IoError(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(path + ": is a directory");
  if (static_cast<uint64_t>(st.st_size) > options.max_file_bytes) {
    return Status::InvalidArgument(path + ": file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " +
                                   std::to_string(options.max_file_bytes));
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  return ReadSource(std::make_unique<internal::FileSource>(file, true, path, options.max_file_bytes), path, options,
                    on_record);
}

Status ReadBuffer(std::string_view bytes, const std::string& name, const ReadOptions& options,
                  const RecordCallback& on_record) {
  if (bytes.size() > options.max_file_bytes) {
    return Status::InvalidArgument(name + ": input of " + std::to_string(bytes.size()) +
                                   " bytes is larger than the limit of " + std::to_string(options.max_file_bytes));
  }
  return ReadSource(std::make_unique<internal::MemorySource>(bytes), name, options, on_record);
}

namespace internal {

void EmitError(const Status& status, const ReadContext& ctx) { (*ctx.on_record)(status); }

void EmitDocument(document::Document doc, const ReadContext& ctx) {
  if (doc.text.size() > ctx.options->max_document_bytes) {
    EmitError(Status::InvalidArgument(doc.origin + ": document of " + std::to_string(doc.text.size()) +
                                      " bytes is larger than the limit of " +
                                      std::to_string(ctx.options->max_document_bytes)),
              ctx);
    return;
  }
  if (!doc.date && ctx.options->default_date) {
    doc.date = ctx.options->default_date;
    doc.date_from = "--date";
  }
  if (!doc.date) doc.notes.push_back("no date found (no date line, field or tag, and no --date): date is null");
  CleanDocument(doc, CleanOptions{ctx.options->detect_language});
  if (doc.text.empty()) {
    EmitError(Status::InvalidArgument(doc.origin + ": no article text"), ctx);
    return;
  }
  (*ctx.on_record)(std::move(doc));
}

}  // namespace internal
}  // namespace newsgraph::ingest
