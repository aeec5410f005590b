#include "store/layers_codec.h"

#include <zstd.h>

#include "base/binary_io.h"
#include "base/checksum.h"

namespace newsgraph::store {
namespace {

using document::Document;
using document::Sentence;
using document::Span;
using document::Token;

constexpr uint8_t kCodecRaw = 0;
constexpr uint8_t kCodecZstd = 1;
constexpr int kZstdLevel = 3;
constexpr size_t kMinCompressBytes = 128;        // smaller payloads are stored raw
constexpr uint32_t kMaxPayloadBytes = 1u << 30;  // refuses absurd sizes from damaged blobs
constexpr size_t kHeaderBytes = 10;              // version, codec, size, crc

constexpr uint8_t kFlagExplicitForm = 1;  // form differs from text[span] and is stored
constexpr uint8_t kFlagSpaceAfter = 2;

bool SpanInside(Span s, size_t text_size) { return s.start <= s.end && s.end <= text_size; }

std::string SpanString(Span s) {
  std::string out(1, '[');
  out += std::to_string(s.start);
  out += ", ";
  out += std::to_string(s.end);
  out += ')';
  return out;
}

void EncodeToken(const Document& doc, const Token& t, base::BinaryWriter& w) {
  bool explicit_form = t.form != doc.SpanText(t.span);
  w.U32(t.span.start);
  w.U32(t.span.end);
  w.U8((explicit_form ? kFlagExplicitForm : 0) | (t.space_after ? kFlagSpaceAfter : 0));
  if (explicit_form) w.String(t.form);
  w.String(t.lemma);
  w.String(t.upos);
  w.String(t.xpos);
  w.String(t.feats);
  w.I32(t.head);
  w.String(t.deprel);
  w.String(t.ner);
  w.String(t.misc);
}

void EncodeStrings(const std::vector<std::string>& v, base::BinaryWriter& w) {
  w.U32(static_cast<uint32_t>(v.size()));
  for (const std::string& s : v) w.String(s);
}

void EncodeSentence(const Sentence& s, base::BinaryWriter& w) {
  w.U32(s.span.start);
  w.U32(s.span.end);
  w.U32(s.token_begin);
  w.U32(s.token_end);
  EncodeStrings(s.comments, w);
  EncodeStrings(s.multiword_lines, w);
}

std::string EncodePayload(const Document& doc) {
  base::BinaryWriter w;
  w.U32(static_cast<uint32_t>(doc.tokens.size()));
  for (const Token& t : doc.tokens) EncodeToken(doc, t, w);
  w.U32(static_cast<uint32_t>(doc.sentences.size()));
  for (const Sentence& s : doc.sentences) EncodeSentence(s, w);
  return w.Release();
}

Status DecodeToken(const Document& doc, base::BinaryReader& r, Token& t) {
  uint8_t flags = 0;
  NG_RETURN_IF_ERROR(r.U32(t.span.start));
  NG_RETURN_IF_ERROR(r.U32(t.span.end));
  NG_RETURN_IF_ERROR(r.U8(flags));
  if (!SpanInside(t.span, doc.text.size())) return Status::Corruption("token span " + SpanString(t.span));
  if (flags & kFlagExplicitForm) {
    NG_RETURN_IF_ERROR(r.String(t.form));
  } else {
    t.form = std::string(doc.SpanText(t.span));
  }
  t.space_after = (flags & kFlagSpaceAfter) != 0;
  NG_RETURN_IF_ERROR(r.String(t.lemma));
  NG_RETURN_IF_ERROR(r.String(t.upos));
  NG_RETURN_IF_ERROR(r.String(t.xpos));
  NG_RETURN_IF_ERROR(r.String(t.feats));
  NG_RETURN_IF_ERROR(r.I32(t.head));
  NG_RETURN_IF_ERROR(r.String(t.deprel));
  NG_RETURN_IF_ERROR(r.String(t.ner));
  return r.String(t.misc);
}

Status DecodeStrings(base::BinaryReader& r, std::vector<std::string>& v) {
  uint32_t n = 0;
  NG_RETURN_IF_ERROR(r.U32(n));
  if (n > r.remaining() / 4) return Status::Corruption("string count " + std::to_string(n));
  v.resize(n);
  for (std::string& s : v) NG_RETURN_IF_ERROR(r.String(s));
  return Status::Ok();
}

Status DecodeSentence(const Document& doc, base::BinaryReader& r, Sentence& s) {
  NG_RETURN_IF_ERROR(r.U32(s.span.start));
  NG_RETURN_IF_ERROR(r.U32(s.span.end));
  NG_RETURN_IF_ERROR(r.U32(s.token_begin));
  NG_RETURN_IF_ERROR(r.U32(s.token_end));
  if (!SpanInside(s.span, doc.text.size())) return Status::Corruption("sentence span " + SpanString(s.span));
  if (s.token_begin > s.token_end || s.token_end > doc.tokens.size()) {
    return Status::Corruption("sentence token range " + std::to_string(s.token_begin) + ".." +
                              std::to_string(s.token_end));
  }
  NG_RETURN_IF_ERROR(DecodeStrings(r, s.comments));
  return DecodeStrings(r, s.multiword_lines);
}

Status DecodePayload(std::string_view payload, const std::string& what, Document& doc) {
  base::BinaryReader r(payload, what);
  uint32_t n = 0;
  NG_RETURN_IF_ERROR(r.U32(n));
  if (n > r.remaining() / 9) return Status::Corruption(what + ": token count " + std::to_string(n));
  doc.tokens.assign(n, Token{});
  for (Token& t : doc.tokens) NG_RETURN_IF_ERROR(DecodeToken(doc, r, t).WithContext(what));
  NG_RETURN_IF_ERROR(r.U32(n));
  if (n > r.remaining() / 24) return Status::Corruption(what + ": sentence count " + std::to_string(n));
  doc.sentences.assign(n, Sentence{});
  for (Sentence& s : doc.sentences) NG_RETURN_IF_ERROR(DecodeSentence(doc, r, s).WithContext(what));
  if (r.remaining() != 0) return Status::Corruption(what + ": " + std::to_string(r.remaining()) + " trailing bytes");
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
  if (version != kLayersFormatVersion) {
    return Status::Corruption(what + ": layers format version " + std::to_string(version) + " (this build reads " +
                              std::to_string(kLayersFormatVersion) + ")");
  }
  NG_RETURN_IF_ERROR(r.U8(codec));
  NG_RETURN_IF_ERROR(r.U32(size));
  NG_RETURN_IF_ERROR(r.U32(crc));
  if (size > kMaxPayloadBytes) return Status::Corruption(what + ": payload size " + std::to_string(size));
  NG_ASSIGN_OR_RETURN(std::string payload, Uncompress(codec, blob.substr(kHeaderBytes), size, what));
  if (base::Crc32(payload) != crc) return Status::Corruption(what + ": checksum mismatch");
  return DecodePayload(payload, what, doc);
}

}  // namespace newsgraph::store
