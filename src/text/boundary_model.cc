#include "text/boundary_model.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <unordered_set>

#include "base/binary_io.h"

namespace newsgraph::text {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Two multiply-xorshift rounds: the token hashes are already mixed, so this only
// has to keep (tmpl, a, b, c) tuples apart.
inline uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (a ^ (tmpl * 0x9E3779B97F4A7C15ULL)) * 0xff51afd7ed558ccdULL;
  h = (h ^ (h >> 31) ^ b) * 0xc4ceb9fe1a85ec53ULL;
  h = (h ^ (h >> 29) ^ c) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32);
}

// Per byte: the ASCII-lowercased byte and the shape character ('X', 'x', 'd',
// 'u' for any non-ASCII byte, the byte itself for punctuation).
struct ByteTables {
  unsigned char lower[256];
  unsigned char shape[256];
};
constexpr ByteTables MakeByteTables() {
  ByteTables t{};
  for (int c = 0; c < 256; ++c) {
    t.lower[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    t.shape[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z'   ? 'X'
                                            : c >= 'a' && c <= 'z' ? 'x'
                                            : c >= '0' && c <= '9' ? 'd'
                                            : c >= 0x80            ? 'u'
                                                                   : c);
  }
  return t;
}
constexpr ByteTables kBytes = MakeByteTables();

// lower_hash: FNV-1a of the lowercased bytes; shape_hash: FNV-1a of the shape with
// runs collapsed, at most 6 characters ("Xx", "d.d", "XxXx").
void HashToken(std::string_view form, TokenInfo& info) {
  uint64_t lower = kFnvOffset;
  uint64_t shape = kFnvOffset;
  unsigned char last = 0;
  int shape_len = 0;
  for (unsigned char c : form) {
    lower = (lower ^ kBytes.lower[c]) * kFnvPrime;
    unsigned char s = kBytes.shape[c];
    if (s != last && shape_len < 6) {
      shape = (shape ^ s) * kFnvPrime;
      ++shape_len;
      last = s;
    }
  }
  info.lower_hash = Mix(lower);
  info.shape_hash = Mix(shape);
}

GapKind ClassifyGap(const char* p, size_t n) {
  if (n == 0) return GapKind::kNone;
  if (n == 1 && *p == ' ') return GapKind::kSpace;
  int newlines = 0;
  size_t indent = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = p[k];
    if (c == '\n') {
      ++newlines;
      indent = 0;
    } else if (c == ' ' || c == '\t') {
      indent += c == '\t' ? 4 : 1;
    }
  }
  if (newlines >= 2 || (newlines == 1 && indent >= 2)) return GapKind::kParagraph;
  return newlines == 1 ? GapKind::kNewline : GapKind::kSpace;
}

// Facts about a token's first byte.
enum : uint8_t { kCapBit = 1, kWordBit = 2, kFinalBit = 4, kWeakBit = 8 };
constexpr std::array<uint8_t, 256> MakeFirstByteTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool upper = c >= 'A' && c <= 'Z';
    bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    t[c] = static_cast<uint8_t>(((upper || c >= 0xC3) ? kCapBit : 0) | ((alnum || c >= 0x80) ? kWordBit : 0) |
                                ((c == '.' || c == '!' || c == '?') ? kFinalBit : 0) |
                                ((c == ',' || c == '(' || c == '[' || c == '{') ? kWeakBit : 0));
  }
  return t;
}
constexpr std::array<uint8_t, 256> kFirstByte = MakeFirstByteTable();

// The flags of one token (everything but the hashes and `candidate`).
void TokenFlags(std::string_view form, const TokenizerLexicon& lexicon, TokenInfo& info) {
  auto c0 = static_cast<unsigned char>(form[0]);
  uint8_t f = kFirstByte[c0];
  info.capitalized = f & kCapBit;
  info.word = f & kWordBit;
  info.final_punct = (f & kFinalBit) || (c0 == 0xE2 && form == "\xE2\x80\xA6");
  info.ends_period = form.back() == '.';
  info.weak_punct = (f & kWeakBit) && form.size() == 1;
  info.abbreviation = false;
  char buf[24];
  if (info.ends_period && form.size() >= 2 && form.size() <= sizeof buf) {
    if (form.size() == 2 && c0 >= 'A' && c0 <= 'Z') {
      info.abbreviation = true;
      return;
    }
    for (size_t k = 0; k < form.size(); ++k) buf[k] = static_cast<char>(kBytes.lower[static_cast<unsigned char>(form[k])]);
    info.abbreviation = lexicon.abbreviations.count(std::string_view(buf, form.size())) > 0;
  }
}

// A short line of wrapped text that stops without final punctuation, a figure or a dash, and
// is not written in capitals, goes on in the next line: wire copy whose dateline was cut from its first line
// ("U.S. Trade Representative Clayton\nYeutter said ..."). Headings are in capitals, or
// followed by a blank or indented line, which is a paragraph break and never comes here.
bool GoesOnAfterShortLine(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty()) return false;
  const char c = line.back();
  // Final punctuation; a figure or a dash ends a table's row or label ("Victoria 1.53 1.63",
  // "Adjustments --").
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '\'' || c == ')' || c == '-' ||
      (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
    return false;
  }
  return std::any_of(line.begin(), line.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

uint64_t Bucket(size_t n) { return n <= 3 ? n : n <= 5 ? 4 : n <= 10 ? 5 : n <= 20 ? 6 : 7; }

}  // namespace

LineBreaks LineBreaksOf(std::string_view text, size_t begin, size_t end) {
  constexpr size_t kMinLines = 3;
  thread_local std::vector<size_t> lengths;  // reused: no allocation once warm
  lengths.clear();
  size_t unpunctuated = 0, lower_next = 0;
  for (size_t start = begin; start < end;) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos || nl + 1 >= end) break;
    const char next = text[nl + 1];
    size_t last = nl;
    while (last > start && (text[last - 1] == ' ' || text[last - 1] == '\t' || text[last - 1] == '\r')) --last;
    // Only lines a single line break ends, before a line that is not indented.
    if (last > start && next != '\n' && next != ' ' && next != '\t' && next != '\r') {
      lengths.push_back(last - start);
      const char c = text[last - 1];
      const bool final = c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '\'' ||
                         c == ')' || static_cast<unsigned char>(c) >= 0x80;
      unpunctuated += final ? 0 : 1;
      lower_next += next >= 'a' && next <= 'z' ? 1 : 0;
    }
    start = nl + 1;
  }
  LineBreaks out;
  if (lengths.size() < kMinLines) return out;
  std::sort(lengths.begin(), lengths.end());
  const size_t width = lengths[lengths.size() * 3 / 4];
  const size_t full = static_cast<size_t>(std::count_if(lengths.begin(), lengths.end(),
                                                        [&](size_t n) { return n * 5 >= width * 4; }));
  // Wrapped lines are about equally long, at a width of 30-100 bytes (one paragraph per line is
  // longer; lists are shorter).
  const bool even = width >= 30 && width <= 100 && full * 5 >= lengths.size() * 3;
  // A sentence cut by a wrap often goes on in lower case; a list or a table never does.
  if (even && unpunctuated * 2 >= lengths.size() && lower_next * 4 >= lengths.size()) {
    out.wrapped_line_length = width * 3 / 5;
  } else if (!even && lengths.size() >= 5 && lower_next == 0) {
    out.lines_are_sentences = true;
  }
  return out;
}

void ComputeTokenInfos(std::string_view text, const std::vector<document::Span>& tokens, size_t begin,
                       size_t end, size_t /*region_end*/, const TokenizerLexicon& lexicon,
                       std::vector<TokenInfo>& infos, LineBreaks breaks) {
  size_t n = end - begin;
  infos.resize(n);
  size_t hashed = 0;  // tokens [0, hashed) have their hashes
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& info = infos[i];
    const document::Span& t = tokens[begin + i];
    TokenFlags(std::string_view(text.data() + t.start, t.size()), lexicon, info);
    if (i >= hashed) info.lower_hash = info.shape_hash = 0;  // not hashed ahead for an earlier candidate
    info.gap_after = i + 1 < n ? ClassifyGap(text.data() + t.end, tokens[begin + i + 1].start - t.end)
                               : GapKind::kParagraph;
    if (info.gap_after == GapKind::kNewline && breaks.lines_are_sentences) info.gap_after = GapKind::kParagraph;
    if (info.gap_after == GapKind::kNewline && breaks.wrapped_line_length > 0) {
      const size_t line_start = text.rfind('\n', t.start == 0 ? 0 : t.start - 1);
      const size_t first = line_start == std::string_view::npos ? 0 : line_start + 1;
      if (t.end - first >= breaks.wrapped_line_length || GoesOnAfterShortLine(text.substr(first, t.end - first))) {
        info.gap_after = GapKind::kSpace;
      }
    }
    info.candidate = info.gap_after != GapKind::kParagraph && IsCandidateGap(infos, i);
    if (!info.candidate) continue;
    // Hashes only where a candidate gap's features need them: tokens i-1 .. i+2.
    for (size_t k = std::max(hashed, i > 0 ? i - 1 : 0); k < std::min(n, i + 3); ++k) {
      const document::Span& h = tokens[begin + k];
      HashToken(std::string_view(text.data() + h.start, h.size()), infos[k]);
    }
    hashed = std::max(hashed, std::min(n, i + 3));
  }
}

bool IsCandidateGap(const std::vector<TokenInfo>& infos, size_t i) {
  const TokenInfo& cur = infos[i];
  if (cur.gap_after == GapKind::kParagraph || cur.gap_after == GapKind::kNewline) return true;
  if (cur.final_punct || cur.ends_period) return true;
  if (cur.word || cur.gap_after == GapKind::kNone) return false;
  return !cur.weak_punct;
}

size_t ExtractBoundaryFeatures(const std::vector<TokenInfo>& infos, size_t i, size_t since_boundary,
                               uint64_t* f) {
  static const TokenInfo kNone{};
  const TokenInfo& cur = infos[i];
  const TokenInfo& prev = i > 0 ? infos[i - 1] : kNone;
  const TokenInfo& next = i + 1 < infos.size() ? infos[i + 1] : kNone;
  const TokenInfo& next2 = i + 2 < infos.size() ? infos[i + 2] : kNone;
  auto gap = static_cast<uint64_t>(cur.gap_after);
  size_t n = 0;
  f[n++] = Feature(1, 0);
  f[n++] = Feature(2, cur.lower_hash);
  f[n++] = Feature(3, next.lower_hash);
  f[n++] = Feature(4, cur.shape_hash);
  f[n++] = Feature(5, next.shape_hash);
  f[n++] = Feature(6, cur.lower_hash, next.shape_hash);
  f[n++] = Feature(7, cur.shape_hash, next.lower_hash);
  f[n++] = Feature(8, prev.lower_hash, cur.lower_hash);
  f[n++] = Feature(9, cur.lower_hash, next.lower_hash);
  f[n++] = Feature(10, gap);
  f[n++] = Feature(11, gap, cur.shape_hash);
  f[n++] = Feature(12, gap, next.shape_hash);
  f[n++] = Feature(13, prev.shape_hash, cur.shape_hash, next.shape_hash);
  f[n++] = Feature(14, cur.abbreviation, next.capitalized, gap);
  f[n++] = Feature(15, Bucket(since_boundary), cur.final_punct);
  f[n++] = Feature(16, prev.lower_hash, cur.shape_hash, next.shape_hash);
  f[n++] = Feature(17, next.shape_hash, next2.shape_hash);
  f[n++] = Feature(18, next.lower_hash, next2.lower_hash);
  f[n++] = Feature(19, prev.final_punct, cur.lower_hash, next.capitalized);
  f[n++] = Feature(20, gap, cur.final_punct, next.capitalized);
  f[n++] = Feature(21, prev.shape_hash);
  f[n++] = Feature(22, cur.lower_hash, gap);
  f[n++] = Feature(23, Bucket(since_boundary), gap, next.capitalized);
  return n;
}

namespace {

// "Sen. Ann Ruiz (D-Mass.) said ...": a period that a closing bracket follows at once, and
// then a word in lower case, ends an abbreviation inside the brackets, not a sentence. The
// ambiguous ones ("Mass.", "Ill.", "Wash.", "Miss.") cannot be in the abbreviation list.
// `i` is the token before the gap.
bool InBracketedAbbreviation(std::string_view text, const std::vector<document::Span>& tokens, size_t i) {
  auto form = [&](size_t k) { return text.substr(tokens[k].start, tokens[k].size()); };
  auto lower_word_after = [&](size_t k) {
    return k + 1 < tokens.size() && tokens[k + 1].start > tokens[k].end &&
           std::islower(static_cast<unsigned char>(text[tokens[k + 1].start]));
  };
  const std::string_view here = form(i);
  if (here == ")") {
    return i > 0 && tokens[i - 1].end == tokens[i].start && form(i - 1).back() == '.' && lower_word_after(i);
  }
  return here.back() == '.' && i + 1 < tokens.size() && tokens[i].end == tokens[i + 1].start && form(i + 1) == ")" &&
         lower_word_after(i + 1);
}

// "... an analyst at Delphine Data Corp. The strike went on": a company's suffix that ends
// its sentence is an abbreviation and a sentence end at once, and the model, having learned
// that abbreviations end no sentence, reads on. Before a capitalized word that opens
// sentences and starts no name ("The", "It", "But"), it is an end. Not after "U.S.":
// Reuters-21578 capitalizes the word after it ("U.S. And Japan", "U.S. Officials said").
// `i` is the token before the gap.
bool AbbreviationEndsSentence(std::string_view text, const std::vector<document::Span>& tokens, size_t i) {
  static const std::unordered_set<std::string_view> kSuffixes = {"Corp.", "Co.", "Ltd.", "Inc.", "Cos.",
                                                                 "Bhd.", "Plc.", "Bros.", "Ltda."};
  static const std::unordered_set<std::string_view> kOpeners = {
      "The",  "A",    "An",   "It",  "Its",  "He",    "She",   "They",  "We",      "I",
      "This", "That", "These", "Those", "There", "But", "His", "Her", "Their", "However"};
  if (i + 1 >= tokens.size() || tokens[i].end == tokens[i + 1].start) return false;
  const std::string_view here = text.substr(tokens[i].start, tokens[i].size());
  const std::string_view next = text.substr(tokens[i + 1].start, tokens[i + 1].size());
  return kSuffixes.count(here) > 0 && kOpeners.count(next) > 0;
}

}  // namespace

void SegmentRange(std::string_view text, size_t begin, size_t end, const TokenizerLexicon& lexicon,
                  const BoundaryModel& model, std::vector<document::Span>& tokens,
                  std::vector<uint32_t>& sentence_ends) {
  size_t first = tokens.size();
  TokenizeRange(text, begin, end, lexicon, tokens);
  if (tokens.size() == first) return;
  thread_local std::vector<TokenInfo> infos;
  ComputeTokenInfos(text, tokens, first, tokens.size(), end, lexicon, infos, LineBreaksOf(text, begin, end));
  uint64_t feats[kMaxBoundaryFeatures];
  size_t since = 0;
  for (size_t i = 0; i < infos.size(); ++i) {
    ++since;
    bool boundary = infos[i].gap_after == GapKind::kParagraph;
    if (!boundary && infos[i].candidate) {
      size_t n = ExtractBoundaryFeatures(infos, i, since, feats);
      boundary = (model.Score(feats, n) > 0 && !InBracketedAbbreviation(text, tokens, first + i)) ||
                 AbbreviationEndsSentence(text, tokens, first + i);
    }
    if (boundary) {
      sentence_ends.push_back(static_cast<uint32_t>(first + i + 1));
      since = 0;
    }
  }
}

BoundaryModel BoundaryModel::FromWeights(const std::vector<uint64_t>& keys, const std::vector<float>& values) {
  BoundaryModel m;
  size_t cap = std::bit_ceil(std::max<size_t>(16, keys.size() + keys.size() / 2 + 1));
  m.slots_.assign(cap, Slot{});
  m.mask_ = cap - 1;
  for (size_t k = 0; k < keys.size(); ++k) {
    uint32_t check = Check(keys[k]);
    size_t i = keys[k] & m.mask_;
    while (m.slots_[i].check != 0 && m.slots_[i].check != check) i = (i + 1) & m.mask_;
    m.slots_[i].check = check;
    m.slots_[i].weight += values[k];
  }
  m.keys_ = keys;
  m.values_ = values;
  return m;
}

std::string BoundaryModel::Serialize() const {
  base::BinaryWriter w;
  w.U32(kBoundaryFeatureVersion);
  w.PodVector(keys_);
  w.PodVector(values_);
  return w.Release();
}

StatusOr<BoundaryModel> BoundaryModel::Deserialize(std::string_view bytes, const std::string& what) {
  base::BinaryReader r(bytes, what);
  uint32_t version = 0;
  NG_RETURN_IF_ERROR(r.U32(version));
  if (version != kBoundaryFeatureVersion) {
    return Status::Corruption(what + ": boundary feature version " + std::to_string(version) +
                              ", this build needs " + std::to_string(kBoundaryFeatureVersion) +
                              "; retrain with tools/train/train_segmenter");
  }
  std::vector<uint64_t> keys;
  std::vector<float> values;
  NG_RETURN_IF_ERROR(r.PodVector(keys));
  NG_RETURN_IF_ERROR(r.PodVector(values));
  if (keys.size() != values.size()) return Status::Corruption(what + ": key and weight counts differ");
  if (r.remaining() != 0) return Status::Corruption(what + ": " + std::to_string(r.remaining()) + " trailing bytes");
  return FromWeights(keys, values);
}

}  // namespace newsgraph::text
