#include "text/segmenter.h"

#include <algorithm>

#include "base/binary_io.h"
#include "models/model_file.h"
#include "text/boundary_model.h"
#include "text/tokenizer.h"

namespace newsgraph::text {

class SegmenterImpl {
 public:
  TokenizerLexicon lexicon;
  BoundaryModel model;
  nlohmann::json meta;
};

namespace {

using document::Document;
using document::Span;

Status ReadLexicon(std::string_view bytes, const std::string& what, TokenizerLexicon& lex) {
  base::BinaryReader r(bytes, what);
  for (StringSet* set : {&lex.abbreviations, &lex.hyphen_prefixes}) {
    uint32_t n = 0;
    NG_RETURN_IF_ERROR(r.U32(n));
    for (uint32_t i = 0; i < n; ++i) {
      std::string s;
      NG_RETURN_IF_ERROR(r.String(s));
      set->insert(std::move(s));
    }
  }
  if (r.remaining() != 0) return Status::Corruption(what + ": trailing bytes");
  return Status::Ok();
}

// Byte ranges of the text outside the removed spans, in order, into `kept`.
void KeptRegions(const Document& doc, std::vector<Span>& kept) {
  kept.clear();
  if (doc.removed.empty()) {
    if (!doc.text.empty()) kept.push_back({0, static_cast<uint32_t>(doc.text.size())});
    return;
  }
  std::vector<Span> removed;
  for (const auto& r : doc.removed) removed.push_back(r.span);
  std::sort(removed.begin(), removed.end(), [](Span a, Span b) { return a.start < b.start; });
  uint32_t pos = 0;
  auto size = static_cast<uint32_t>(doc.text.size());
  for (Span r : removed) {
    uint32_t start = std::min(r.start, size);
    if (start > pos) kept.push_back({pos, start});
    pos = std::max(pos, std::min(r.end, size));
  }
  if (pos < size) kept.push_back({pos, size});
  // A removed span that cuts a code point: keep only whole code points outside it.
  auto continuation = [&](uint32_t i) { return i < size && (static_cast<unsigned char>(doc.text[i]) & 0xC0) == 0x80; };
  for (Span& k : kept) {
    while (k.start < k.end && continuation(k.start)) ++k.start;
    while (k.end > k.start && continuation(k.end)) --k.end;
  }
}

bool IsSpaceByte(char c) { return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r')); }

struct FormOf {
  const char* data;
  size_t size;
  operator std::string() const { return std::string(data, size); }  // NOLINT: implicit on purpose
};

// Appends one Token per span, setting only span, form and space_after (forms are
// short, so they fit the string's inline buffer: no heap allocation per token).
void FillTokens(const std::string& text, const std::vector<Span>& spans, std::vector<document::Token>& tokens) {
  tokens.reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    // Non-ASCII whitespace (U+00A0 ...) shows as a gap before the next token.
    uint32_t e = spans[i].end;
    bool space_after = e >= text.size() || IsSpaceByte(text[e]) ||
                       (static_cast<unsigned char>(text[e]) >= 0x80 && i + 1 < spans.size() && spans[i + 1].start > e);
    // FormOf converts to the string inside the new Token (braces: clang 14 has no
    // parenthesized aggregate initialization).
    document::Token& t = tokens.emplace_back(document::Token{spans[i], FormOf{text.data() + spans[i].start, spans[i].size()}});
    t.space_after = space_after;
  }
}

Status CheckSelfTest(const Segmenter& seg, const nlohmann::json& cases, const std::string& name) {
  if (!cases.is_array() || cases.empty()) return Status::Corruption(name + ": self-test section is empty");
  for (size_t k = 0; k < cases.size(); ++k) {
    const auto& c = cases[k];
    if (!c.contains("text") || !c.contains("tokens") || !c.contains("sentences")) {
      return Status::Corruption(name + ": self-test case " + std::to_string(k) + " lacks text/tokens/sentences");
    }
    Document doc;
    doc.text = c["text"].get<std::string>();
    seg.Segment(doc);
    std::vector<std::string> tokens;
    std::vector<std::string> sentences;
    for (const auto& t : doc.tokens) tokens.push_back(t.form);
    for (const auto& s : doc.sentences) sentences.emplace_back(doc.SpanText(s.span));
    if (tokens != c["tokens"].get<std::vector<std::string>>() ||
        sentences != c["sentences"].get<std::vector<std::string>>()) {
      return Status::Internal(name + ": self-test case " + std::to_string(k) + " (\"" +
                              doc.text.substr(0, 40) + "...\") segments differently from what the model "
                              "recorded; the model and this build disagree, retrain it");
    }
  }
  return Status::Ok();
}

}  // namespace

Segmenter::Segmenter(std::unique_ptr<SegmenterImpl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

std::string Segmenter::DefaultPath() { return models::DefaultModelDir() + "/segmenter.ngm"; }

StatusOr<std::shared_ptr<const Segmenter>> Segmenter::Load(const std::string& path) {
  NG_ASSIGN_OR_RETURN(models::ModelFile file, models::ModelFile::Open(path));
  return FromModelFile(file);
}

StatusOr<std::shared_ptr<const Segmenter>> Segmenter::LoadFromBytes(std::string bytes, const std::string& name) {
  NG_ASSIGN_OR_RETURN(models::ModelFile file, models::ModelFile::Parse(std::move(bytes), name));
  return FromModelFile(file);
}

StatusOr<std::shared_ptr<const Segmenter>> Segmenter::FromModelFile(const models::ModelFile& file) {
  const std::string& name = file.name();
  NG_RETURN_IF_ERROR(file.ExpectKind("segmenter"));
  auto impl = std::make_unique<SegmenterImpl>();
  impl->lexicon = TokenizerLexicon::Default();
  NG_ASSIGN_OR_RETURN(std::string_view lex_bytes, file.Section("lexicon"));
  NG_RETURN_IF_ERROR(ReadLexicon(lex_bytes, name + " section 'lexicon'", impl->lexicon));
  NG_ASSIGN_OR_RETURN(std::string_view weights, file.Section("weights"));
  NG_ASSIGN_OR_RETURN(impl->model, BoundaryModel::Deserialize(weights, name + " section 'weights'"));
  impl->meta = file.meta();
  std::shared_ptr<const Segmenter> seg(new Segmenter(std::move(impl)));
  NG_RETURN_IF_ERROR(CheckSelfTest(*seg, file.selftest(), name));
  return seg;
}

const nlohmann::json& Segmenter::meta() const { return impl_->meta; }

void Segmenter::Segment(Document& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  // Per-thread scratch, reused across documents: no allocation once warm.
  thread_local std::vector<Span> spans;
  thread_local std::vector<uint32_t> ends;
  thread_local std::vector<Span> regions;
  spans.clear();
  ends.clear();
  KeptRegions(doc, regions);
  for (Span region : regions) {
    SegmentRange(doc.text, region.start, region.end, impl_->lexicon, impl_->model, spans, ends);
  }
  FillTokens(doc.text, spans, doc.tokens);
  doc.sentences.resize(ends.size());
  uint32_t begin = 0;
  for (size_t s = 0; s < ends.size(); ++s) {
    document::Sentence& sent = doc.sentences[s];
    sent.token_begin = begin;
    sent.token_end = ends[s];
    sent.span = {spans[begin].start, spans[ends[s] - 1].end};
    begin = ends[s];
  }
}

std::vector<Span> Tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Span> out;
  TokenizeRange(text, begin, end, TokenizerLexicon::Default(), out);
  return out;
}

}  // namespace newsgraph::text
