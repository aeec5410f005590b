// The rule tokenizer. One pass: whitespace-separated chunks are cut into pieces
// (runs of letters/digits/marks, or single punctuation code points), then the
// pieces are merged or split by the EWT conventions listed in tokenizer.h.
#include "text/tokenizer.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>

namespace newsgraph::text {
namespace {

using document::Span;

struct Piece {
  uint32_t start;
  uint32_t end;
  CharClass cls;  // kLetter for a word run (letters, digits, marks), else the punctuation's class
  bool word;
};

// Lowercases ASCII letters of s into buf (non-ASCII bytes copied); false if too long.
bool LowerInto(std::string_view s, char* buf, size_t cap, std::string_view& out) {
  if (s.size() > cap) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  out = std::string_view(buf, s.size());
  return true;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitAscii(char c) { return c >= '0' && c <= '9'; }

// Words written without an apostrophe that EWT splits, and where.
struct SplitWord {
  std::string_view lower;
  int cut;
};
constexpr SplitWord kSplitWords[] = {
    {"cannot", 3}, {"gonna", 3},   {"wanna", 3},    {"gotta", 3},    {"dont", 2},
    {"didnt", 3},  {"doesnt", 4},  {"cant", 2},     {"wont", 2},     {"isnt", 2},
    {"wasnt", 3},  {"couldnt", 5}, {"wouldnt", 5},  {"shouldnt", 6}, {"arent", 3},
    {"aint", 2},   {"havent", 4},  {"hasnt", 3},    {"werent", 4},
};

constexpr std::string_view kEmoticons[] = {":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", "^_^", "<3", ":)",
                                           ":(", ":D", ":P", ":p", ";)", ":/", ":O", ":o", "=)", ":|"};

constexpr std::string_view kClitics[] = {"s", "m", "d", "ll", "re", "ve"};

constexpr std::array<bool, 256> MakeAsciiAlnum() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiClasses[c] == CharClass::kLetter || kAsciiClasses[c] == CharClass::kDigit;
  return t;
}
constexpr std::array<bool, 256> kAsciiAlnum = MakeAsciiAlnum();

// AsciiWordRun reads eight bytes as one little-endian word.
static_assert(std::endian::native == std::endian::little, "AsciiWordRun assumes a little-endian target");

class ChunkTokenizer {
 public:
  // `pieces` is scratch space, reused across calls.
  ChunkTokenizer(std::string_view text, const TokenizerLexicon& lex, std::vector<Span>& out,
                 std::vector<Piece>& pieces)
      : text_(text), lex_(lex), out_(out), pieces_(pieces) {}

  // One scan over text[begin, end): pieces are built as the characters are
  // classified, and each whitespace-separated chunk is tokenized when it ends.
  void Run(size_t begin, size_t end) {
    pieces_.clear();
    chunk_has_at_ = false;
    size_t pos = begin;
    while (pos < end) {
      size_t len = 1;
      CharClass c = ClassifyAt(text_, pos, end, len);
      // Fast path: the whole chunk is one ASCII word with nothing to split.
      size_t plain = pieces_.empty() && c == CharClass::kLetter && len == 1 ? PlainWord(pos, end) : 0;
      if (plain != 0) {
        Emit(pos, pos + plain);
        pos += plain;
        continue;
      }
      if (c == CharClass::kSpace || c == CharClass::kNewline) {
        FinishChunk(pos);
      } else if (c == CharClass::kLetter || c == CharClass::kDigit) {
        len = AsciiWordRun(pos + len, end) - pos;  // most words are ASCII: skip the per-character dispatch
        AddPiece(pos, len, CharClass::kLetter, end);
      } else {
        AddPiece(pos, len, c, end);
      }
      pos += len;
    }
    FinishChunk(end);
  }

 private:
  // Length of the chunk at `pos` when it is a run of ASCII letters and digits
  // starting with a letter, ended by whitespace or `end`, and not a fused word
  // ("cannot"); else 0. Such a chunk is always exactly one token.
  size_t PlainWord(size_t pos, size_t end) const {
    size_t stop = AsciiWordRun(pos + 1, end);
    if (stop < end) {
      auto b = static_cast<unsigned char>(text_[stop]);
      if (b >= 0x80 || (kAsciiClasses[b] != CharClass::kSpace && kAsciiClasses[b] != CharClass::kNewline)) return 0;
    }
    if (MaybeFused(text_.substr(pos, stop - pos))) return 0;
    return stop - pos;
  }

  // Cheap pre-check for kSplitWords: every entry has 4 to 8 letters and ends in "t" or "a".
  static bool MaybeFused(std::string_view w) {
    char last = static_cast<char>(w.back() | 0x20);
    return w.size() >= 4 && w.size() <= 8 && (last == 't' || last == 'a');
  }

  // End of the run of ASCII letters and digits at text[pos, end); eight bytes at a time.
  size_t AsciiWordRun(size_t pos, size_t end) const {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    while (pos + 8 <= end) {
      uint64_t x;
      std::memcpy(&x, text_.data() + pos, 8);
      if (x & kHigh) break;  // non-ASCII: bytewise below
      uint64_t y = x | (0x20 * kOnes);  // ASCII lowercase for letters
      uint64_t alpha = (y + (0x80 - 'a') * kOnes) & ~(y + (0x80 - 'z' - 1) * kOnes);
      uint64_t digit = (x + (0x80 - '0') * kOnes) & ~(x + (0x80 - '9' - 1) * kOnes);
      uint64_t stop = ~(alpha | digit) & kHigh;
      if (stop != 0) return pos + static_cast<size_t>(std::countr_zero(stop)) / 8;  // little-endian
      pos += 8;
    }
    while (pos < end && kAsciiAlnum[static_cast<unsigned char>(text_[pos])]) ++pos;
    return pos;
  }

  void AddPiece(size_t pos, size_t len, CharClass c, size_t end) {
    bool word = c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark;
    if (text_[pos] == '@') chunk_has_at_ = true;
    // "file_name.doc": an underscore after a word continues it.
    if (text_[pos] == '_' && !pieces_.empty() && pieces_.back().word && pieces_.back().end == pos &&
        pos + 1 < end && std::isalnum(static_cast<unsigned char>(text_[pos + 1]))) {
      word = true;
    }
    if (word && !pieces_.empty() && pieces_.back().word && pieces_.back().end == pos) {
      pieces_.back().end = static_cast<uint32_t>(pos + len);
    } else {
      pieces_.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + len), word ? CharClass::kLetter : c,
                         word});
    }
  }

  void FinishChunk(size_t chunk_end) {
    if (pieces_.empty()) return;
    end_ = chunk_end;
    size_t i = 0;
    while (i < pieces_.size()) i = Step(i);
    pieces_.clear();
    chunk_has_at_ = false;
  }

  void Emit(size_t start, size_t end) {
    if (end > start) out_.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
  }
  std::string_view Text(size_t i) const { return text_.substr(pieces_[i].start, pieces_[i].end - pieces_[i].start); }
  bool IsWord(size_t i) const { return i < pieces_.size() && pieces_[i].word; }
  bool IsChar(size_t i, char c) const {
    return i < pieces_.size() && pieces_[i].end - pieces_[i].start == 1 && text_[pieces_[i].start] == c;
  }
  bool IsClass(size_t i, CharClass c) const { return i < pieces_.size() && pieces_[i].cls == c; }
  // Index of the first piece starting at or after byte `pos`.
  size_t PieceAt(size_t i, size_t pos) const {
    while (i < pieces_.size() && pieces_[i].start < pos) ++i;
    return i;
  }

  size_t Step(size_t i) {
    if (size_t n = TryUrlOrEmail(i); n != 0) return n;
    if (size_t n = TryEmoticon(i); n != 0) return n;
    return pieces_[i].word ? Word(i) : Punct(i);
  }

  size_t TryUrlOrEmail(size_t i) {
    if (!pieces_[i].word || (i > 0 && pieces_[i - 1].word)) return 0;
    char f = static_cast<char>(text_[pieces_[i].start] | 0x20);
    if (!chunk_has_at_ && f != 'h' && f != 'w' && f != 'f') return 0;  // cheap pre-check
    std::string_view rest = text_.substr(pieces_[i].start, end_ - pieces_[i].start);
    char buf[8];
    std::string_view head;
    LowerInto(rest.substr(0, std::min<size_t>(rest.size(), 8)), buf, 8, head);
    bool url = head.starts_with("http://") || head.starts_with("https://") || head.starts_with("www.") ||
               head.starts_with("ftp://");
    bool email = false;
    if (!url && chunk_has_at_) {
      // local@domain: the local part holds only word characters and . _ - +
      size_t at = rest.find('@');
      email = at != std::string_view::npos && at > 0 && at + 1 < rest.size() &&
              rest.substr(0, at).find_first_of("\"'<>()[]{},;:") == std::string_view::npos &&
              IsWord(PieceAt(i, pieces_[i].start + at + 1));
    }
    if (!url && !email) return 0;
    size_t stop = rest.size();
    while (stop > 0 && std::strchr(".,;:!?)]}\"'>", rest[stop - 1]) != nullptr) --stop;
    Emit(pieces_[i].start, pieces_[i].start + stop);
    return PieceAt(i, pieces_[i].start + stop);
  }

  size_t TryEmoticon(size_t i) {
    char first = text_[pieces_[i].start];
    if (first != ':' && first != ';' && first != '=' && first != '<' && first != '^') return 0;
    std::string_view rest = text_.substr(pieces_[i].start, end_ - pieces_[i].start);
    for (std::string_view e : kEmoticons) {
      size_t n = e.size();
      if (!rest.starts_with(e)) continue;
      // A letter right after (":Dear") means it is not an emoticon.
      if (n < rest.size() && IsWord(PieceAt(i, pieces_[i].start + n))) continue;
      if (i > 0 && pieces_[i - 1].word && (e[0] == '<' || e[0] == '=')) continue;
      Emit(pieces_[i].start, pieces_[i].start + n);
      return PieceAt(i, pieces_[i].start + n);
    }
    return 0;
  }

  size_t Word(size_t i) {
    if (size_t n = SplitFusedWord(i); n != 0) return n;
    std::string_view w = Text(i);
    if (IsDigitAscii(w[0])) return Number(i);
    if (IsChar(i + 1, '.') && IsWord(i + 2) && !IsDigitAscii(text_[pieces_[i + 2].start])) return Dotted(i);
    if (IsClass(i + 1, CharClass::kApostrophe)) return Apostrophe(i);
    if (IsClass(i + 1, CharClass::kHyphen) && IsWord(i + 2)) return Hyphen(i);
    if (IsChar(i + 1, '&') && IsWord(i + 2) && w.size() <= 3 && IsUpperAscii(w[0])) {
      Emit(pieces_[i].start, pieces_[i + 2].end);
      return i + 3;
    }
    bool one_more = IsChar(i + 2, '.') && !IsChar(i + 3, '.');  // "Inc.." = "Inc." "."
    if (IsChar(i + 1, '.') && (!IsChar(i + 2, '.') || one_more) &&
        IsAbbreviation(pieces_[i].start, pieces_[i + 1].end)) {
      Emit(pieces_[i].start, pieces_[i + 1].end);
      return i + 2;
    }
    Emit(pieces_[i].start, pieces_[i].end);
    return i + 1;
  }

  bool IsAbbreviation(size_t start, size_t end) const {
    std::string_view form = text_.substr(start, end - start);
    // Initials: one capital letter and a period ("J.").
    if (form.size() == 2 && IsUpperAscii(form[0])) return true;
    char buf[24];
    std::string_view lower;
    return LowerInto(form, buf, sizeof buf, lower) && lex_.abbreviations.count(lower) > 0;
  }

  size_t SplitFusedWord(size_t i) {
    if (IsWord(i + 1) || IsClass(i + 1, CharClass::kApostrophe) || IsClass(i + 1, CharClass::kHyphen)) return 0;
    std::string_view w = Text(i);
    if (!MaybeFused(w)) return 0;
    char buf[12];
    std::string_view lower;
    if (!LowerInto(w, buf, sizeof buf, lower)) return 0;
    for (const SplitWord& s : kSplitWords) {
      if (lower.size() != s.lower.size() || lower[0] != s.lower[0] || lower != s.lower) continue;
      Emit(pieces_[i].start, pieces_[i].start + s.cut);
      Emit(pieces_[i].start + s.cut, pieces_[i].end);
      return i + 1;
    }
    return 0;
  }

  // 3.5, 1,200,000, 10:30, 11/28/2000, 713-853-3989, 1990s, 4th; "24hrs" -> 24 hrs.
  size_t Number(size_t i) {
    size_t j = i;
    while (IsWord(j + 2) && IsDigitAscii(text_[pieces_[j + 2].start]) &&
           (IsChar(j + 1, '.') || IsChar(j + 1, ',') || IsChar(j + 1, ':') || IsChar(j + 1, '/') ||
            (IsChar(j + 1, '-') && IsPhoneGroup(j) && IsPhoneGroup(j + 2)))) {
      j += 2;
    }
    if (IsClass(j + 1, CharClass::kApostrophe) && IsWord(j + 2) && (Text(j + 2) == "s" || Text(j + 2) == "S") &&
        !IsWord(j + 3)) {  // 70's
      Emit(pieces_[i].start, pieces_[j + 2].end);
      return j + 3;
    }
    size_t digits_end = pieces_[j].start;
    while (digits_end < pieces_[j].end && IsDigitAscii(text_[digits_end])) ++digits_end;
    if (digits_end < pieces_[j].end && IsUnitSuffix(digits_end, pieces_[j].end)) {
      Emit(pieces_[i].start, digits_end);
      Emit(digits_end, pieces_[j].end);
      return j + 1;
    }
    Emit(pieces_[i].start, pieces_[j].end);
    return j + 1;
  }

  // Phone-number groups: all digits, at least three ("713", "3989").
  bool IsPhoneGroup(size_t i) const {
    std::string_view t = Text(i);
    return t.size() >= 3 && std::all_of(t.begin(), t.end(), IsDigitAscii);
  }

  // ASCII letters after digits that are a unit or word ("k", "hrs", "pm"), not
  // an ordinal or plural ("th", "s").
  bool IsUnitSuffix(size_t start, size_t end) const {
    std::string_view t = text_.substr(start, end - start);
    if (!std::all_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      return false;
    }
    char buf[4];
    std::string_view lower;
    if (!LowerInto(t, buf, sizeof buf, lower)) return true;
    return lower != "th" && lower != "st" && lower != "nd" && lower != "rd" && lower != "s";
  }

  // U.S., e.g., a.m., Ph.D., google.com, comp.sources.unix.
  size_t Dotted(size_t i) {
    size_t j = i;
    bool short_groups = Text(i).size() <= 3;
    while (IsChar(j + 1, '.') && IsWord(j + 2)) {
      j += 2;
      short_groups = short_groups && Text(j).size() <= 3;
    }
    if (short_groups && IsChar(j + 1, '.') && (!IsChar(j + 2, '.') || !IsChar(j + 3, '.'))) ++j;
    Emit(pieces_[i].start, pieces_[j].end);
    return j + 1;
  }

  size_t Apostrophe(size_t i) {
    std::string_view w = Text(i);
    if (!IsWord(i + 2)) {  // "parents'" -> parents '
      Emit(pieces_[i].start, pieces_[i].end);
      return i + 1;
    }
    char buf[4];
    std::string_view suffix;
    bool short_suffix = LowerInto(Text(i + 2), buf, sizeof buf, suffix);
    bool ends_word = !IsWord(i + 3) && !IsClass(i + 3, CharClass::kApostrophe);
    if (short_suffix && ends_word) {
      for (std::string_view c : kClitics) {
        if (suffix != c) continue;
        Emit(pieces_[i].start, pieces_[i].end);
        Emit(pieces_[i + 1].start, pieces_[i + 2].end);
        return i + 3;
      }
      if (suffix == "t" && w.size() >= 2 && (w.back() == 'n' || w.back() == 'N')) {
        Emit(pieces_[i].start, pieces_[i].end - 1);
        Emit(pieces_[i].end - 1, pieces_[i + 2].end);
        return i + 3;
      }
    }
    Emit(pieces_[i].start, pieces_[i + 2].end);  // O'Brien, rock'n
    return i + 3;
  }

  size_t Hyphen(size_t i) {
    char buf[16];
    std::string_view lower;
    if (LowerInto(Text(i), buf, sizeof buf, lower) && lex_.hyphen_prefixes.count(lower) > 0) {
      Emit(pieces_[i].start, pieces_[i + 2].end);
      return i + 3;
    }
    Emit(pieces_[i].start, pieces_[i].end);
    return i + 1;
  }

  size_t Punct(size_t i) {
    CharClass c = pieces_[i].cls;
    size_t j = i;
    if (c == CharClass::kPeriod || c == CharClass::kSentencePunct || c == CharClass::kEllipsis) {
      // ".?" and "?!" stay together; an ellipsis ends at the first non-period.
      while (IsClass(j + 1, CharClass::kPeriod) ||
             (IsClass(j + 1, CharClass::kSentencePunct) && (j == i || c != CharClass::kPeriod))) {
        ++j;
      }
    } else if ((IsChar(i, '#') || IsChar(i, '@')) && IsWord(i + 1) && (i == 0 || !pieces_[i - 1].word)) {
      ++j;  // #hashtag, @handle
    } else {
      std::string_view first = Text(i);
      bool runs = first.size() == 1 && std::strchr("-<>*=~_`'#+", first[0]) != nullptr;
      while (runs && j + 1 < pieces_.size() && Text(j + 1) == first) ++j;
    }
    Emit(pieces_[i].start, pieces_[j].end);
    return j + 1;
  }

  std::string_view text_;
  const TokenizerLexicon& lex_;
  std::vector<Span>& out_;
  size_t end_ = 0;             // end of the current chunk
  bool chunk_has_at_ = false;  // an '@' in the current chunk (e-mail candidate)
  std::vector<Piece>& pieces_;
};

const char* const kDefaultAbbreviations[] = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "reps.", "gov.", "gen.", "lt.", "col.", "maj.",
    "capt.", "cpt.", "sgt.", "adm.", "cmdr.", "rev.", "st.", "ft.", "mt.", "jr.", "sr.", "co.", "corp.",
    "inc.", "ltd.", "bros.", "no.", "nos.", "vol.", "vs.", "etc.", "approx.", "dept.", "est.", "fig.",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "ave.", "blvd.",
    "rd.", "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "fla.", "ga.", "ind.",
    "kan.", "ky.", "la.", "md.", "mich.", "minn.", "mo.", "mont.", "neb.", "nev.",
    "okla.", "pa.", "tenn.", "tex.", "va.", "vt.", "wis.", "wyo.", "pres.", "supt.",
    "u.s.", "u.k.", "u.n.", "e.g.", "i.e.", "a.m.", "p.m.", "ph.d.", "d.c.", "cf.", "al.", "op.", "ext.", "tel.", "ca."};

const char* const kDefaultHyphenPrefixes[] = {
    "e", "non", "pre", "anti", "re", "mid", "post", "co", "pro", "multi", "ex", "sub", "semi",
    "psycho", "neo", "cross", "vice", "un", "socio", "micro", "intra", "inter", "counter", "ultra"};

TokenizerLexicon BuildDefault() {
  TokenizerLexicon lex;
  for (const char* a : kDefaultAbbreviations) lex.abbreviations.insert(a);
  for (const char* p : kDefaultHyphenPrefixes) lex.hyphen_prefixes.insert(p);
  return lex;
}

}  // namespace

const TokenizerLexicon& TokenizerLexicon::Default() {
  static const TokenizerLexicon* lex = new TokenizerLexicon(BuildDefault());
  return *lex;
}

void TokenizeRange(std::string_view text, size_t begin, size_t end, const TokenizerLexicon& lexicon,
                   std::vector<Span>& out) {
  end = std::min(end, text.size());
  thread_local std::vector<Piece> pieces;
  ChunkTokenizer chunker(text, lexicon, out, pieces);
  chunker.Run(begin, end);
}

}  // namespace newsgraph::text
