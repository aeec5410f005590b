#include "ingest/cleanup.h"

#include <cstdint>
#include <vector>

#include <algorithm>
#include <memory>

#include <cld2/public/compact_lang_det.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "base/checksum.h"
#include "base/utf8.h"

namespace newsgraph::ingest {
namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// NFC in place, with fast paths: ASCII is NFC, and most news text passes the quick check.
void ToNfc(std::string& text) {
  if (IsAscii(text)) return;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return;
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_SUCCESS(err)) text = std::move(out);
}

// What one (possibly multi-byte) character means to the whitespace pass.
enum class CharClass { kOther, kSpace, kNewline, kParagraph, kDrop };

// Classifies the character at text[pos] and sets `len` to its byte length.
CharClass Classify(std::string_view text, size_t pos, size_t& len) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  len = 1;
  if (c < 0x80) {
    if (c == ' ' || c == '\t') return CharClass::kSpace;
    if (c == '\n') return CharClass::kNewline;
    if (c == '\r') {
      if (pos + 1 < text.size() && text[pos + 1] == '\n') len = 2;
      return CharClass::kNewline;
    }
    if (c == '\f' || c == '\v') return CharClass::kParagraph;
    if (c < 0x20 || c == 0x7F) return CharClass::kDrop;
    return CharClass::kOther;
  }
  len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (pos + len > text.size()) {
    len = text.size() - pos;
    return CharClass::kOther;
  }
  auto b = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  if (c == 0xC2 && b(1) == 0xA0) return CharClass::kSpace;       // NBSP
  if (c == 0xC2 && b(1) == 0x85) return CharClass::kNewline;     // NEL
  if (c == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return CharClass::kSpace;  // ogham space
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return CharClass::kSpace;  // ideographic
  if (c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return CharClass::kDrop;   // BOM / ZWNBSP
  if (c == 0xE2 && b(1) == 0x80) {
    unsigned char t = b(2);
    if (t <= 0x8A || t == 0xAF) return CharClass::kSpace;  // en/em/thin/... spaces, NNBSP
    if (t == 0x8B) return CharClass::kDrop;                // zero-width space
    if (t == 0xA8) return CharClass::kNewline;             // line separator
    if (t == 0xA9) return CharClass::kParagraph;           // paragraph separator
  }
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return CharClass::kSpace;  // math space
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) return CharClass::kDrop;   // word joiner
  return CharClass::kOther;
}

// One pass: collapses spaces, trims lines, keeps at most one blank line.
std::string NormalizeWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  int pending_newlines = 0;
  int indent = 0;  // spaces since the last line break: an indented line opens a paragraph
  auto emit = [&](size_t from, size_t len) {
    if (!out.empty()) {
      if (pending_newlines > 0) {
        out.append(pending_newlines >= 2 ? "\n\n" : "\n");
      } else if (pending_space) {
        out.push_back(' ');
      }
    }
    pending_space = false;
    pending_newlines = 0;
    indent = 0;
    out.append(text.data() + from, len);
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t run = pos;  // printable ASCII run: the common case, copied in one go
    while (run < text.size() && static_cast<unsigned char>(text[run]) - 0x21u < 0x5Eu) ++run;
    if (run > pos) {
      emit(pos, run - pos);
      pos = run;
      continue;
    }
    size_t len = 1;
    switch (Classify(text, pos, len)) {
      case CharClass::kSpace:
        pending_space = true;
        // Plain-text wires (Reuters) mark paragraphs by indenting the first line.
        if (pending_newlines == 1 && (++indent >= 2 || text[pos] == '\t')) pending_newlines = 2;
        break;
      case CharClass::kNewline: pending_newlines += 1; pending_space = false; indent = 0; break;
      case CharClass::kParagraph: pending_newlines += 2; pending_space = false; break;
      case CharClass::kDrop: break;
      case CharClass::kOther: emit(pos, len); break;
    }
    pos += len;
  }
  return out;
}

std::string OneLine(std::string_view text) {
  std::string s = NormalizeText(text);
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(c);
  }
  return out;
}

std::string InvalidUtf8Note(const base::Utf8Repair& repair, const char* what) {
  std::string note = std::to_string(repair.invalid_sequences) + " invalid UTF-8 sequence" +
                     (repair.invalid_sequences == 1 ? "" : "s") + " or control character" +
                     (repair.invalid_sequences == 1 ? "" : "s") + " replaced in " + what;
  if (!repair.invalid_bytes.empty()) {
    note += " (first at byte " + std::to_string(repair.invalid_bytes.front()) + ")";
  }
  return note;
}

}  // namespace

std::string NormalizeText(std::string_view text) {
  std::string s = base::IsValidUtf8(text) ? std::string(text) : base::RepairUtf8(text).text;
  ToNfc(s);
  return NormalizeWhitespace(s);
}

namespace {

struct LanguageGuess {
  std::string code;          // ISO 639-1, "" if unknown
  bool reliable = false;
  int percent = 0;           // share of the text in `code`
  int english_percent = 0;   // share of the text CLD2 gives to English
};

// Up to 8 ASCII letters, lowercased, packed into an integer (0 for anything else).
uint64_t PackWord(std::string_view w) {
  if (w.empty() || w.size() > 8) return 0;
  uint64_t key = 0;
  for (char c : w) key = (key << 8) | static_cast<unsigned char>(c | 0x20);
  return key;
}

// English function words that are rare in other Latin-script languages (no "a",
// "in", "an", "is", which German, Dutch, Spanish or Italian also use).
bool IsEnglishFunctionWord(uint64_t key) {
  static const std::vector<uint64_t> kKeys = [] {
    std::vector<uint64_t> keys;
    for (const char* w : {"the", "of", "and", "to", "that", "for", "with", "was", "said", "on", "by", "from", "at",
                          "it", "he", "his", "has", "have", "were", "which", "this", "would", "be", "are", "will",
                          "its", "their", "not"}) {
      keys.push_back(PackWord(w));
    }
    std::sort(keys.begin(), keys.end());
    return keys;
  }();
  return std::binary_search(kKeys.begin(), kKeys.end(), key);
}

// A fast path before CLD2: running text in which at least a sixth of the first few
// hundred words are English function words is English. Most news is, and CLD2 costs
// several hundred instructions a byte.
bool ClearlyEnglish(std::string_view text) {
  std::string_view head = text.substr(0, 2048);
  int words = 0, function_words = 0, non_ascii = 0;
  size_t start = 0;
  for (size_t i = 0; i <= head.size(); ++i) {
    unsigned char c = i < head.size() ? static_cast<unsigned char>(head[i]) : ' ';
    if (c >= 0x80) ++non_ascii;
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) continue;
    if (i > start) {
      ++words;
      function_words += IsEnglishFunctionWord(PackWord(head.substr(start, i - start)));
    }
    start = i + 1;
  }
  return words >= 30 && function_words * 6 >= words && non_ascii * 50 < static_cast<int>(head.size());
}

LanguageGuess GuessLanguage(std::string_view text) {
  if (ClearlyEnglish(text)) return LanguageGuess{"en", true, 100, 100};
  // CLD2 is sure after a few KB; looking further only costs time on huge articles.
  constexpr size_t kMaxBytes = 16 * 1024;
  size_t n = std::min(text.size(), kMaxBytes);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  LanguageGuess guess;
  CLD2::Language lang = CLD2::DetectLanguageSummary(text.data(), static_cast<int>(n), true, top3, percent3,
                                                    &text_bytes, &guess.reliable);
  for (int i = 0; i < 3; ++i) {
    if (top3[i] == CLD2::ENGLISH) guess.english_percent += percent3[i];
    if (top3[i] == lang) guess.percent = std::max(guess.percent, percent3[i]);
  }
  std::string code = lang == CLD2::UNKNOWN_LANGUAGE ? "" : CLD2::LanguageCode(lang);
  guess.code = code == "un" || code == "xxx" ? "" : code;
  return guess;
}

}  // namespace

std::string IdentifyLanguage(std::string_view text, bool* reliable) {
  LanguageGuess guess = GuessLanguage(text);
  if (reliable != nullptr) *reliable = guess.reliable;
  return guess.code;
}

void CleanDocument(document::Document& doc, const CleanOptions& options) {
  if (!base::IsValidUtf8(doc.text)) {
    base::Utf8Repair repair = base::RepairUtf8(doc.text);
    doc.notes.push_back(InvalidUtf8Note(repair, "text"));
    doc.text = std::move(repair.text);
  }
  ToNfc(doc.text);
  doc.text = NormalizeWhitespace(doc.text);
  doc.title = OneLine(doc.title);
  doc.removed = FindBoilerplate(doc.text);
  if (std::optional<Dateline> dateline = FindDateline(doc.text, doc.removed)) {
    doc.removed.push_back(std::move(dateline->removed));
    std::sort(doc.removed.begin(), doc.removed.end(),
              [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
    if (!doc.metadata.is_object()) doc.metadata = nlohmann::json::object();
    if (!doc.metadata.contains("dateline")) doc.metadata["dateline"] = dateline->text;
  }
  if (options.detect_language && !doc.text.empty()) {
    LanguageGuess guess = GuessLanguage(doc.text);
    doc.language = guess.code;
    // Conservative: English news about foreign firms ("Oesterreichische Draukraftwerke AG ...") and
    // tables of names fool CLD2, so skip only text that is clearly and mostly another language.
    if (guess.reliable && !guess.code.empty() && guess.code != "en" && guess.percent >= 70 &&
        guess.english_percent <= 10) {
      doc.skipped = true;
      doc.skip_reason = "language: " + doc.language;
    }
  }
  if (doc.id.empty()) doc.id = "doc-" + base::ContentHash(doc.text).substr(0, 16);
}

}  // namespace newsgraph::ingest
