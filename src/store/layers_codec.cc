#include "store/layers_codec.h"

#include <zstd.h>

#include "base/binary_io.h"
#include "base/checksum.h"
#include "store/entity_layers.h"
#include "store/layer_hooks.h"
#include "store/varint.h"

namespace newsgraph::store {
namespace {

using document::Document;
using document::Sentence;
using document::Span;
using document::Token;

constexpr uint8_t kCodecRaw = 0;
constexpr uint8_t kCodecZstd = 1;
constexpr int kZstdLevel = 1;
constexpr size_t kMinCompressBytes = 128;        // smaller payloads are stored raw
constexpr uint32_t kMaxPayloadBytes = 1u << 30;  // refuses absurd sizes from damaged blobs
constexpr size_t kHeaderBytes = 10;              // version, codec, size, crc

constexpr uint8_t kFlagExplicitForm = 1;  // form differs from text[span] and is stored
constexpr uint8_t kFlagSpaceAfter = 2;
constexpr uint8_t kFlagLemmaIsForm = 4;   // lemma equals form and is not stored

bool SpanInside(Span s, size_t text_size) { return s.start <= s.end && s.end <= text_size; }

std::string SpanString(Span s) {
  std::string out(1, '[');
  out += std::to_string(s.start);
  out += ", ";
  out += std::to_string(s.end);
  out += ')';
  return out;
}

uint8_t TokenFlags(const Document& doc, const Token& t) {
  uint8_t flags = t.space_after ? kFlagSpaceAfter : 0;
  if (t.form != doc.SpanText(t.span)) flags |= kFlagExplicitForm;
  if (t.lemma == t.form) flags |= kFlagLemmaIsForm;
  return flags;
}

// Token fields column by column: similar values sit together for the compressor.
void EncodeTokens(const Document& doc, VarWriter& w) {
  const std::vector<Token>& tokens = doc.tokens;
  w.Uv(tokens.size());
  uint32_t prev_end = 0;
  for (const Token& t : tokens) PutSpan(t.span, prev_end, w);
  std::vector<uint8_t> flags;
  for (const Token& t : tokens) flags.push_back(TokenFlags(doc, t));
  for (uint8_t f : flags) w.Byte(f);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (flags[i] & kFlagExplicitForm) w.Str(tokens[i].form);
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!(flags[i] & kFlagLemmaIsForm)) w.Str(tokens[i].lemma);
  }
  for (const Token& t : tokens) w.Str(t.upos);
  for (const Token& t : tokens) w.Str(t.xpos);
  for (const Token& t : tokens) w.Str(t.feats);
  for (const Token& t : tokens) w.Sv(t.head);
  for (const Token& t : tokens) w.Str(t.deprel);
  for (const Token& t : tokens) w.Str(t.ner);
  for (const Token& t : tokens) w.Str(t.misc);
}

void EncodeStrings(const std::vector<std::string>& v, VarWriter& w) {
  w.Uv(v.size());
  for (const std::string& s : v) w.Str(s);
}

void EncodeSentences(const Document& doc, VarWriter& w) {
  w.Uv(doc.sentences.size());
  uint32_t prev_end = 0, prev_token_end = 0;
  for (const Sentence& s : doc.sentences) {
    PutSpan(s.span, prev_end, w);
    w.Sv(static_cast<int64_t>(s.token_begin) - prev_token_end);
    w.Uv(s.token_end - s.token_begin);
    prev_token_end = s.token_end;
    EncodeStrings(s.comments, w);
    EncodeStrings(s.multiword_lines, w);
  }
}

std::string EncodePayload(const Document& doc) {
  VarWriter w;
  EncodeTokens(doc, w);
  EncodeSentences(doc, w);
  EncodeEntityLayers(doc, w);
  EncodeQuoteLayer(doc, w);
  EncodeEventLayer(doc, w);
  return w.Release();
}

Status DecodeTokenStrings(VarReader& r, std::vector<Token>& tokens, const std::vector<uint8_t>& flags) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (flags[i] & kFlagExplicitForm) NG_RETURN_IF_ERROR(r.Str(tokens[i].form));
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (flags[i] & kFlagLemmaIsForm) {
      tokens[i].lemma = tokens[i].form;
    } else {
      NG_RETURN_IF_ERROR(r.Str(tokens[i].lemma));
    }
  }
  for (Token& t : tokens) NG_RETURN_IF_ERROR(r.Str(t.upos));
  for (Token& t : tokens) NG_RETURN_IF_ERROR(r.Str(t.xpos));
  for (Token& t : tokens) NG_RETURN_IF_ERROR(r.Str(t.feats));
  for (Token& t : tokens) {
    int64_t head = 0;
    NG_RETURN_IF_ERROR(r.Sv(head));
    if (head < -1 || head > INT32_MAX) return r.Error("bad head " + std::to_string(head));
    t.head = static_cast<int>(head);
  }
  for (Token& t : tokens) NG_RETURN_IF_ERROR(r.Str(t.deprel));
  for (Token& t : tokens) NG_RETURN_IF_ERROR(r.Str(t.ner));
  for (Token& t : tokens) NG_RETURN_IF_ERROR(r.Str(t.misc));
  return Status::Ok();
}

Status DecodeTokens(VarReader& r, Document& doc) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  doc.tokens.assign(n, Token{});
  uint32_t prev_end = 0;
  for (Token& t : doc.tokens) NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev_end, t.span));
  std::vector<uint8_t> flags(n);
  for (size_t i = 0; i < n; ++i) {
    NG_RETURN_IF_ERROR(r.Byte(flags[i]));
    if (flags[i] > 7) return r.Error("bad token flags");
    doc.tokens[i].space_after = (flags[i] & kFlagSpaceAfter) != 0;
    if (!(flags[i] & kFlagExplicitForm)) doc.tokens[i].form = doc.SpanText(doc.tokens[i].span);
  }
  return DecodeTokenStrings(r, doc.tokens, flags);
}

Status DecodeStrings(VarReader& r, std::vector<std::string>& v) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  v.resize(n);
  for (std::string& s : v) NG_RETURN_IF_ERROR(r.Str(s));
  return Status::Ok();
}

Status DecodeSentences(VarReader& r, Document& doc) {
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.Count(n));
  doc.sentences.assign(n, Sentence{});
  uint32_t prev_end = 0, prev_token_end = 0;
  for (Sentence& s : doc.sentences) {
    NG_RETURN_IF_ERROR(GetSpan(r, doc.text.size(), prev_end, s.span));
    int64_t delta = 0;
    uint64_t size = 0;
    NG_RETURN_IF_ERROR(r.Sv(delta));
    NG_RETURN_IF_ERROR(r.Uv(size));
    int64_t begin = prev_token_end + delta;
    if (begin < 0 || static_cast<uint64_t>(begin) + size > doc.tokens.size()) return r.Error("bad token range");
    s.token_begin = static_cast<uint32_t>(begin);
    s.token_end = static_cast<uint32_t>(begin + static_cast<int64_t>(size));
    prev_token_end = s.token_end;
    NG_RETURN_IF_ERROR(DecodeStrings(r, s.comments));
    NG_RETURN_IF_ERROR(DecodeStrings(r, s.multiword_lines));
  }
  return Status::Ok();
}

Status DecodePayload(std::string_view payload, uint8_t version, const std::string& what, Document& doc) {
  VarReader r(payload, what);
  NG_RETURN_IF_ERROR(DecodeTokens(r, doc));
  NG_RETURN_IF_ERROR(DecodeSentences(r, doc));
  if (version >= 2) NG_RETURN_IF_ERROR(DecodeEntityLayers(r, doc));
  if (version >= 3) {
    NG_RETURN_IF_ERROR(DecodeQuoteLayer(r, doc));
    NG_RETURN_IF_ERROR(DecodeEventLayer(r, doc));
  }
  if (r.remaining() != 0) return r.Error(std::to_string(r.remaining()) + " trailing bytes");
  return Status::Ok();
}

StatusOr<std::string> Uncompress(uint8_t codec, std::string_view body, uint32_t size, const std::string& what) {
  if (codec == kCodecRaw) {
    if (body.size() != size) return Status::Corruption(what + ": raw payload size mismatch");
    return std::string(body);
  }
  if (codec != kCodecZstd) return Status::Corruption(what + ": unknown codec " + std::to_string(codec));
  std::string out(size, '\0');
  size_t got = ZSTD_decompress(out.data(), out.size(), body.data(), body.size());
  if (ZSTD_isError(got)) return Status::Corruption(what + ": zstd: " + ZSTD_getErrorName(got));
  if (got != size) return Status::Corruption(what + ": zstd payload size mismatch");
  return out;
}

}  // namespace

Status ValidateLayers(const Document& doc) {
  size_t n = doc.text.size();
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!SpanInside(doc.tokens[i].span, n)) {
      return Status::InvalidArgument("token " + std::to_string(i) + " span " + SpanString(doc.tokens[i].span) +
                                     " is outside the text (" + std::to_string(n) + " bytes)");
    }
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (!SpanInside(s.span, n)) {
      return Status::InvalidArgument("sentence " + std::to_string(i) + " span " + SpanString(s.span) +
                                     " is outside the text (" + std::to_string(n) + " bytes)");
    }
    if (s.token_begin > s.token_end || s.token_end > doc.tokens.size()) {
      return Status::InvalidArgument("sentence " + std::to_string(i) + " token range is outside the tokens");
    }
  }
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    if (!SpanInside(doc.removed[i].span, n)) {
      return Status::InvalidArgument("removed span " + std::to_string(i) + " " + SpanString(doc.removed[i].span) +
                                     " is outside the text (" + std::to_string(n) + " bytes)");
    }
  }
  return Status::Ok();
}

StatusOr<std::string> EncodeLayers(const Document& doc) {
  NG_RETURN_IF_ERROR(ValidateLayers(doc));
  NG_RETURN_IF_ERROR(ValidateEntityLayers(doc));
  NG_RETURN_IF_ERROR(ValidateQuoteLayer(doc));
  NG_RETURN_IF_ERROR(ValidateEventLayer(doc));
  std::string payload = EncodePayload(doc);
  if (payload.size() > kMaxPayloadBytes) return Status::InvalidArgument("annotation layers exceed 1 GiB");
  base::BinaryWriter w;
  w.U8(kLayersFormatVersion);
  bool compress = payload.size() >= kMinCompressBytes;
  w.U8(compress ? kCodecZstd : kCodecRaw);
  w.U32(static_cast<uint32_t>(payload.size()));
  w.U32(base::Crc32(payload));
  if (!compress) {
    w.Raw(payload.data(), payload.size());
    return w.Release();
  }
  std::string out = w.Release();
  size_t bound = ZSTD_compressBound(payload.size());
  out.resize(kHeaderBytes + bound);
  size_t n = ZSTD_compress(out.data() + kHeaderBytes, bound, payload.data(), payload.size(), kZstdLevel);
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(kHeaderBytes + n);
  return out;
}

Status DecodeLayers(std::string_view blob, const std::string& what, Document& doc) {
  base::BinaryReader r(blob, what);
  uint8_t version = 0, codec = 0;
  uint32_t size = 0, crc = 0;
  NG_RETURN_IF_ERROR(r.U8(version));
  if (version < kMinLayersFormatVersion || version > kLayersFormatVersion) {
    return Status::Corruption(what + ": layers format version " + std::to_string(version) + " (this build reads " +
                              std::to_string(kMinLayersFormatVersion) + ".." + std::to_string(kLayersFormatVersion) + ")");
  }
  NG_RETURN_IF_ERROR(r.U8(codec));
  NG_RETURN_IF_ERROR(r.U32(size));
  NG_RETURN_IF_ERROR(r.U32(crc));
  if (size > kMaxPayloadBytes) return Status::Corruption(what + ": payload size " + std::to_string(size));
  NG_ASSIGN_OR_RETURN(std::string payload, Uncompress(codec, blob.substr(kHeaderBytes), size, what));
  if (base::Crc32(payload) != crc) return Status::Corruption(what + ": checksum mismatch");
  return DecodePayload(payload, version, what, doc);
}

}  // namespace newsgraph::store
