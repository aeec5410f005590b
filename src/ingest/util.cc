#include <algorithm>
#include <cctype>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/internal.h"

namespace newsgraph::ingest::internal {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsPlainUtf8Label(const std::string& cs) {
  return cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii";
}

}  // namespace

StatusOr<document::Date> ParseLooseDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  std::string iso;
  if (text.size() >= 10 && AllDigits(text.substr(0, 4)) && (text[4] == '-' || text[4] == '/') &&
      text[7] == text[4] && AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2)) &&
      (text.size() == 10 || !std::isdigit(static_cast<unsigned char>(text[10])))) {
    iso = std::string(text.substr(0, 10));
    iso[4] = iso[7] = '-';
  } else if (text.size() >= 8 && AllDigits(text.substr(0, 8)) &&
             (text.size() == 8 || !std::isdigit(static_cast<unsigned char>(text[8])))) {
    char buf[11] = {text[0], text[1], text[2], text[3], '-', text[4], text[5], '-', text[6], text[7], '\0'};
    iso = buf;
  } else {
    std::string message = "'";
    message.append(text.substr(0, 40));
    message.append("' is not a date of the form YYYY-MM-DD");
    return Status::InvalidArgument(std::move(message));
  }
  return document::Date::ParseIso(iso);
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::string lower = base::AsciiLower(content_type.substr(0, 4096));
  size_t pos = lower.find("charset=");
  if (pos == std::string::npos) return "";
  pos += 8;
  while (pos < lower.size() && (lower[pos] == '"' || lower[pos] == '\'' || lower[pos] == ' ')) ++pos;
  size_t end = pos;
  while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) || lower[end] == '-' ||
                                lower[end] == '_' || lower[end] == '.' || lower[end] == ':')) {
    ++end;
  }
  return lower.substr(pos, end - pos);
}

std::string SniffHtmlCharset(std::string_view html) {
  // Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  return CharsetFromContentType(html.substr(0, 4096));
}

std::string ToUtf8(std::string_view bytes, const std::string& charset, std::vector<std::string>* notes) {
  // Valid UTF-8 under a legacy label is almost always a mislabelled UTF-8 page.
  if (IsPlainUtf8Label(charset) || base::IsValidUtf8(bytes)) return std::string(bytes);
  // Pages labelled Latin-1 are decoded as windows-1252, as browsers do (WHATWG).
  std::string name = charset == "iso-8859-1" || charset == "latin1" || charset == "latin-1" ||
                             charset == "us-ascii" ? "windows-1252" : charset;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) {
    if (notes) notes->push_back("unknown charset '" + charset + "'; read as UTF-8");
    return std::string(bytes);
  }
  ucnv_close(conv);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), name.c_str());
  std::string out;
  u.toUTF8String(out);
  if (notes) notes->push_back("decoded from " + charset);
  return out;
}

std::string RepairWithNote(std::string_view bytes, uint64_t base_offset, std::vector<std::string>* notes) {
  if (base::IsValidUtf8(bytes) && bytes.find('\0') == std::string_view::npos) return std::string(bytes);
  base::Utf8Repair repair = base::RepairUtf8(bytes);
  if (repair.invalid_sequences > 0 && notes != nullptr) {
    std::string note = std::to_string(repair.invalid_sequences) + " invalid UTF-8 sequence" +
                       (repair.invalid_sequences == 1 ? "" : "s") + " or control character" +
                       (repair.invalid_sequences == 1 ? "" : "s") + " replaced";
    if (!repair.invalid_bytes.empty()) {
      note += " (first at byte " + std::to_string(base_offset + repair.invalid_bytes.front()) + ")";
    }
    notes->push_back(note);
  }
  return std::move(repair.text);
}

}  // namespace newsgraph::ingest::internal
