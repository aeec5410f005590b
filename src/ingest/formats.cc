// The single-document readers (plain text, HTML, CoNLL-U) and JSON Lines.
#include <algorithm>
#include <cctype>
#include <string>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "base/checksum.h"
#include "document/conll2003.h"
#include "document/conllu.h"
#include "ingest/internal.h"

namespace newsgraph::ingest::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Splits a leading "date YYYY-MM-DD" (case-insensitive "date") off `text`.
// Returns false if there is no date line; an impossible date is an error.
StatusOr<bool> TakeDateLine(std::string_view& text, document::Date* date) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  std::string_view rest = text.substr(i);
  if (rest.size() < 5) return false;
  std::string word(rest.substr(0, 4));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (word != "date" || (rest[4] != ' ' && rest[4] != '\t' && rest[4] != ':')) return false;
  size_t j = 5;
  while (j < rest.size() && (rest[j] == ' ' || rest[j] == '\t' || rest[j] == ':')) ++j;
  size_t k = j;
  while (k < rest.size() && !IsSpace(rest[k])) ++k;
  std::string_view token = rest.substr(j, k - j);
  // "Date palms ..." is body text, not a date line: only a token starting with digits counts.
  if (token.size() < 4 || !std::isdigit(static_cast<unsigned char>(token[0]))) return false;
  NG_ASSIGN_OR_RETURN(*date, ParseLooseDate(token));
  text = rest.substr(k);
  return true;
}

// Takes the JSON value of `key` out of `obj` as a string ("" if absent or null).
std::string TakeString(nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  std::string value = it->is_string() ? it->get<std::string>() : it->is_null() ? "" : it->dump();
  obj.erase(it);
  return value;
}

StatusOr<document::Document> JsonToDocument(nlohmann::json obj, const std::string& where) {
  if (!obj.is_object()) return Status::InvalidArgument(where + ": a JSON Lines record must be an object");
  document::Document doc;
  bool has_text = obj.contains("text") && obj["text"].is_string();
  bool has_body = obj.contains("body") && obj["body"].is_string();
  bool has_title = obj.contains("title") && obj["title"].is_string();
  if (!has_text && !has_body && !has_title) {
    return Status::InvalidArgument(where + ": record has no string \"text\", \"body\" or \"title\" field");
  }
  doc.text = has_text || has_body ? TakeString(obj, has_text ? "text" : "body") : "";
  doc.id = TakeString(obj, "id");
  doc.title = TakeString(obj, "title");
  if (!has_text && !has_body) {
    // A headline-only brief (wire services send many) is still news: analyse its title.
    doc.text = doc.title;
    doc.notes.push_back("no text: the title is analysed as the text");
  }
  doc.url = TakeString(obj, "url");
  doc.source = TakeString(obj, "source");
  std::string date = TakeString(obj, "date");
  if (!date.empty()) {
    StatusOr<document::Date> d = ParseLooseDate(date);
    if (!d.ok()) return Status::InvalidArgument(where + ": bad \"date\": " + d.status().message());
    doc.date = *d;
    doc.date_from = "json";
  }
  doc.metadata = std::move(obj);
  return doc;
}

StatusOr<nlohmann::json> ParseJsonLine(const std::string& line, const std::string& where) {
  try {
    return nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t colon = what.find(": ", what.find("parse error"));
    return Status::InvalidArgument(where + ": malformed JSON at byte " + std::to_string(e.byte) + " of the line" +
                                   (colon == std::string::npos ? "" : ": " + what.substr(colon + 2)));
  }
}

nlohmann::json ToNlohmann(simdjson::dom::element value) {
  switch (value.type()) {
    case simdjson::dom::element_type::ARRAY: {
      nlohmann::json array = nlohmann::json::array();
      simdjson::dom::array items = value.get_array().value_unsafe();
      for (simdjson::dom::element item : items) array.push_back(ToNlohmann(item));
      return array;
    }
    case simdjson::dom::element_type::OBJECT: {
      nlohmann::json object = nlohmann::json::object();
      simdjson::dom::object items = value.get_object().value_unsafe();
      for (auto [key, item] : items) object[std::string(key)] = ToNlohmann(item);
      return object;
    }
    case simdjson::dom::element_type::INT64: return value.get_int64().value_unsafe();
    case simdjson::dom::element_type::UINT64: return value.get_uint64().value_unsafe();
    case simdjson::dom::element_type::DOUBLE: return value.get_double().value_unsafe();
    case simdjson::dom::element_type::STRING: return std::string(value.get_string().value_unsafe());
    case simdjson::dom::element_type::BOOL: return value.get_bool().value_unsafe();
    case simdjson::dom::element_type::NULL_VALUE: return nullptr;
  }
  return nullptr;
}

// Fast path: simdjson's DOM parser (SIMD, chosen at run time for the CPU), turned
// into the same nlohmann object the slow path builds; the big "text" string is
// copied once. Returns false when the line is not well-formed JSON; the caller then
// takes the slow path, which names the error and its byte.
bool ParseRecordFast(const std::string& line, nlohmann::json& fields) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line.data(), line.size(), true).get(root)) return false;
  fields = ToNlohmann(root);
  return true;
}

}  // namespace

void ReadTextDocument(std::string_view bytes, const ReadContext& ctx) {
  document::Document doc;
  doc.origin = ctx.name;
  doc.text = RepairWithNote(bytes, 0, &doc.notes);
  std::string_view view(doc.text);
  if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  while (!view.empty() && (view.front() == '\n' || view.front() == '\r')) view.remove_prefix(1);
  document::Date date;
  StatusOr<bool> has_date = TakeDateLine(view, &date);
  if (!has_date.ok()) {
    EmitError(Status::InvalidArgument(ctx.name + ":1: " + has_date.status().message()), ctx);
    return;
  }
  if (*has_date) {
    doc.date = date;
    doc.date_from = "dateline";
  }
  doc.text.erase(0, view.data() - doc.text.data());  // drop the date line, in place
  EmitDocument(std::move(doc), ctx);
}

void ReadHtmlDocument(std::string_view bytes, const ReadContext& ctx) {
  document::Document doc;
  doc.origin = ctx.name;
  std::string utf8 = ToUtf8(bytes, SniffHtmlCharset(bytes), &doc.notes);
  std::string html = RepairWithNote(utf8, 0, &doc.notes);
  HtmlPage page = ExtractHtml(html);
  doc.title = std::move(page.title);
  doc.text = std::move(page.text);
  doc.url = std::move(page.url);
  doc.source = std::move(page.source);
  doc.date = page.date;
  doc.date_from = page.date_from;
  doc.notes.insert(doc.notes.end(), page.notes.begin(), page.notes.end());
  EmitDocument(std::move(doc), ctx);
}

namespace {

// Gold tokens from column files: the text must stay exactly as read, so no clean-up runs.
void EmitColumnDocuments(StatusOr<std::vector<document::Document>> docs, const ReadContext& ctx) {
  if (!docs.ok()) {
    EmitError(docs.status(), ctx);
    return;
  }
  for (document::Document& doc : *docs) {
    doc.origin = ctx.name;
    if (doc.id.empty()) doc.id = "doc-" + base::ContentHash(doc.text).substr(0, 16);
    if (!doc.date && ctx.options->default_date) {
      doc.date = ctx.options->default_date;
      doc.date_from = "--date";
    }
    (*ctx.on_record)(std::move(doc));
  }
}

}  // namespace

void ReadConlluDocuments(std::string_view bytes, const ReadContext& ctx) {
  EmitColumnDocuments(document::ReadConllu(bytes, ctx.name), ctx);
}

void ReadConll2003Documents(std::string_view bytes, const ReadContext& ctx) {
  EmitColumnDocuments(document::ReadConll2003(bytes, ctx.name), ctx);
}

Status ReadJsonlStream(BufferedReader& reader, const ReadContext& ctx) {
  std::string line;
  bool too_long = false;
  // JSON escapes can double a text; leave room for the other fields too.
  const size_t max_line = ctx.options->max_document_bytes * 2 + (1 << 20);
  for (size_t line_no = 1;; ++line_no) {
    uint64_t line_start = reader.offset();
    StatusOr<bool> more = reader.ReadLine(&line, max_line, &too_long);
    if (!more.ok()) {
      EmitError(more.status(), ctx);
      return Status::Ok();
    }
    if (!*more) return Status::Ok();
    std::string where = ctx.name + ":" + std::to_string(line_no);
    if (too_long) {
      EmitError(Status::InvalidArgument(where + ": line longer than " + std::to_string(max_line) + " bytes"), ctx);
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::vector<std::string> notes;
    std::string repaired = RepairWithNote(line, line_start, &notes);
    nlohmann::json fields = nlohmann::json::object();
    StatusOr<nlohmann::json> json =
        ParseRecordFast(repaired, fields) ? StatusOr<nlohmann::json>(std::move(fields)) : ParseJsonLine(repaired, where);
    if (!json.ok()) {
      EmitError(json.status(), ctx);
      continue;
    }
    StatusOr<document::Document> doc = JsonToDocument(std::move(json).value(), where);
    if (!doc.ok()) {
      EmitError(doc.status(), ctx);
      continue;
    }
    doc->origin = where;
    doc->notes.insert(doc->notes.begin(), notes.begin(), notes.end());
    EmitDocument(std::move(doc).value(), ctx);
  }
}

}  // namespace newsgraph::ingest::internal
