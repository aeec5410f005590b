#include "text/boundary_model.h"

#include <algorithm>
#include <bit>
#include <cctype>

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

uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix(tmpl * 0x9E3779B97F4A7C15ULL + a);
  h = Mix(h ^ (b + 0x632BE59BD9B4E019ULL));
  h = Mix(h ^ (c + 0x8CB92BA72F3D8DD7ULL));
  return h | 1;  // zero marks an empty slot in the weight table
}

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

void HashToken(std::string_view form, TokenInfo& info) {
  uint64_t lower = kFnvOffset;
  uint64_t shape = kFnvOffset;
  char last = 0;
  int shape_len = 0;
  for (unsigned char c : form) {
    unsigned char l = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    lower = (lower ^ l) * kFnvPrime;
    char s = ShapeChar(c);
    if (s != last && shape_len < 6) {
      shape = (shape ^ static_cast<unsigned char>(s)) * kFnvPrime;
      ++shape_len;
      last = s;
    }
  }
  info.lower_hash = Mix(lower);
  info.shape_hash = Mix(shape);
}

GapKind ClassifyGap(std::string_view gap) {
  if (gap.empty()) return GapKind::kNone;
  int newlines = 0;
  size_t indent = 0;
  for (char c : gap) {
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

uint64_t Bucket(size_t n) { return n <= 3 ? n : n <= 5 ? 4 : n <= 10 ? 5 : n <= 20 ? 6 : 7; }

}  // namespace

void ComputeTokenInfos(std::string_view text, const std::vector<document::Span>& tokens, size_t begin,
                       size_t end, size_t region_end, const TokenizerLexicon& lexicon,
                       std::vector<TokenInfo>& infos) {
  infos.resize(end - begin);
  char buf[24];
  for (size_t i = begin; i < end; ++i) {
    std::string_view form = text.substr(tokens[i].start, tokens[i].size());
    TokenInfo& info = infos[i - begin];
    HashToken(form, info);
    auto c0 = static_cast<unsigned char>(form[0]);
    info.capitalized = (c0 >= 'A' && c0 <= 'Z') || c0 >= 0xC3;
    info.word = (c0 >= 0x80) || std::isalnum(c0);
    info.final_punct = c0 == '.' || c0 == '!' || c0 == '?' || form == "\xE2\x80\xA6";
    if (form.size() >= 2 && form.back() == '.' && form.size() <= sizeof buf) {
      for (size_t k = 0; k < form.size(); ++k) buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(form[k])));
      info.abbreviation = lexicon.abbreviations.count(std::string_view(buf, form.size())) > 0 ||
                          (form.size() == 2 && std::isupper(c0));
    } else {
      info.abbreviation = false;
    }
    size_t gap_end = i + 1 < end ? tokens[i + 1].start : region_end;
    info.gap_after = i + 1 < end ? ClassifyGap(text.substr(tokens[i].end, gap_end - tokens[i].end))
                                 : GapKind::kParagraph;
  }
}

bool IsCandidateGap(const std::vector<TokenInfo>& infos, size_t i) {
  const TokenInfo& cur = infos[i];
  if (cur.gap_after == GapKind::kParagraph || cur.gap_after == GapKind::kNewline) return true;
  if (!cur.word) return true;
  if (i + 1 >= infos.size()) return true;
  const TokenInfo& next = infos[i + 1];
  return !next.word || next.capitalized || cur.abbreviation;
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

void SegmentRange(std::string_view text, size_t begin, size_t end, const TokenizerLexicon& lexicon,
                  const BoundaryModel& model, std::vector<document::Span>& tokens,
                  std::vector<uint32_t>& sentence_ends) {
  size_t first = tokens.size();
  TokenizeRange(text, begin, end, lexicon, tokens);
  if (tokens.size() == first) return;
  thread_local std::vector<TokenInfo> infos;
  ComputeTokenInfos(text, tokens, first, tokens.size(), end, lexicon, infos);
  uint64_t feats[kMaxBoundaryFeatures];
  size_t since = 0;
  for (size_t i = 0; i < infos.size(); ++i) {
    ++since;
    bool boundary = infos[i].gap_after == GapKind::kParagraph;
    if (!boundary && IsCandidateGap(infos, i)) {
      size_t n = ExtractBoundaryFeatures(infos, i, since, feats);
      boundary = model.Score(feats, n) > 0;
    }
    if (boundary) {
      sentence_ends.push_back(static_cast<uint32_t>(first + i + 1));
      since = 0;
    }
  }
}

BoundaryModel BoundaryModel::FromWeights(const std::vector<uint64_t>& keys, const std::vector<float>& values) {
  BoundaryModel m;
  size_t cap = std::bit_ceil(std::max<size_t>(16, keys.size() * 2));
  m.keys_.assign(cap, 0);
  m.values_.assign(cap, 0.0f);
  m.mask_ = cap - 1;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k] == 0) continue;
    size_t i = keys[k] & m.mask_;
    while (m.keys_[i] != 0 && m.keys_[i] != keys[k]) i = (i + 1) & m.mask_;
    if (m.keys_[i] == 0) ++m.count_;
    m.keys_[i] = keys[k];
    m.values_[i] = values[k];
  }
  return m;
}

std::string BoundaryModel::Serialize() const {
  std::vector<uint64_t> keys;
  std::vector<float> values;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    keys.push_back(keys_[i]);
    values.push_back(values_[i]);
  }
  base::BinaryWriter w;
  w.U32(kBoundaryFeatureVersion);
  w.PodVector(keys);
  w.PodVector(values);
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
