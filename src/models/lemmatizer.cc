#include "models/lemmatizer.h"

#include <algorithm>

#include "base/binary_io.h"
#include "base/checksum.h"
#include "base/strings.h"

namespace newsgraph::models {
namespace {

constexpr uint32_t kLemmatizerVersion = 1;

}  // namespace

std::string Lemmatizer::AsciiLower(std::string_view s) {
  return base::AsciiLower(s);
}

uint64_t Lemmatizer::LexiconKey(std::string_view lower_form, std::string_view xpos) {
  return base::Hash64(lower_form, base::Hash64(xpos, 0x4C4558u));
}

uint64_t Lemmatizer::SuffixKey(std::string_view xpos, std::string_view suffix) {
  return base::Hash64(suffix, base::Hash64(xpos, 0x535546u));
}

LemmaRule Lemmatizer::RuleFor(std::string_view form, std::string_view lemma) {
  LemmaRule rule;
  std::string base = AsciiLower(form);
  // Keep the form's case when the lemma shares its prefix case-sensitively (proper
  // nouns, "I"); otherwise edit the lowercased form.
  size_t keep = 0, keep_lower = 0;
  while (keep < form.size() && keep < lemma.size() && form[keep] == lemma[keep]) ++keep;
  while (keep_lower < base.size() && keep_lower < lemma.size() && base[keep_lower] == lemma[keep_lower]) ++keep_lower;
  rule.lowercase = keep_lower >= keep;  // ties: lowercase ("The" -> "the")
  size_t common = rule.lowercase ? keep_lower : keep;
  size_t strip = form.size() - common;
  if (strip > 255) strip = 255, common = form.size() - 255;
  rule.strip = static_cast<uint8_t>(strip);
  rule.append = std::string(lemma.substr(std::min(common, lemma.size())));
  return rule;
}

std::string Lemmatizer::Apply(const LemmaRule& rule, std::string_view form) {
  std::string out = rule.lowercase ? AsciiLower(form) : std::string(form);
  if (rule.strip > out.size()) return std::string(form);  // rule does not fit this word
  // A rule learnt on ASCII would cut a multi-byte character in two ("“" tagged POS
  // losing one byte to become "'s"): such a form is its own lemma.
  const size_t keep = out.size() - rule.strip;
  if (keep < out.size() && (static_cast<unsigned char>(out[keep]) & 0xC0) == 0x80) return std::string(form);
  out.resize(keep);
  out += rule.append;
  return out;
}

uint32_t Lemmatizer::InternRule(const LemmaRule& rule) {
  auto it = std::find(rules_.begin(), rules_.end(), rule);
  if (it != rules_.end()) return static_cast<uint32_t>(it - rules_.begin());
  rules_.push_back(rule);
  return static_cast<uint32_t>(rules_.size() - 1);
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos) const {
  if (form.empty()) return std::string();
  std::string lower = AsciiLower(form);
  if (auto it = lexicon_.find(LexiconKey(lower, xpos)); it != lexicon_.end()) {
    return Apply(rules_[it->second], form);
  }
  // An unknown word takes the rule of its longest known suffix; but when that makes a
  // lemma that is no word we know and a shorter suffix's rule makes one, the shorter wins
  // ("shelled": "-lled" -> "-l" is right for "travelled", not here: "shell", a known verb).
  const bool inflected = xpos.size() > 2 && (xpos.starts_with("VB") || xpos == "NNS");
  std::string first;
  int max_len = std::min<int>(kMaxSuffix, static_cast<int>(lower.size()) - 1);
  for (int len = max_len; len >= 0; --len) {
    std::string_view suffix = std::string_view(lower).substr(lower.size() - len);
    auto it = suffix_.find(SuffixKey(xpos, suffix));
    if (it == suffix_.end()) continue;
    std::string lemma = Apply(rules_[it->second], form);
    if (!inflected || KnownBase(lemma, xpos == "NNS")) return lemma;
    if (first.empty()) first = std::move(lemma);
  }
  return first.empty() ? std::string(form) : first;
}

bool Lemmatizer::KnownBase(std::string_view lemma, bool noun) const {
  if (lemma.size() < 3) return false;  // "m", "ip": too short to be told from noise
  const std::string lower = AsciiLower(lemma);
  if (noun) return lexicon_.count(LexiconKey(lower, "NN")) > 0;
  // A verb's base is a verb's: "emphasised" is not "emphasis".
  return lexicon_.count(LexiconKey(lower, "VB")) > 0 || lexicon_.count(LexiconKey(lower, "VBP")) > 0;
}

std::string Lemmatizer::Serialize() const {
  base::BinaryWriter w;
  w.U32(kLemmatizerVersion);
  w.U64(rules_.size());
  for (const LemmaRule& rule : rules_) {
    w.U8(rule.lowercase ? 1 : 0);
    w.U8(rule.strip);
    w.String(rule.append);
  }
  base::WriteIndexMap(w, lexicon_);
  base::WriteIndexMap(w, suffix_);
  return w.Release();
}

StatusOr<Lemmatizer> Lemmatizer::Parse(std::string_view payload, const std::string& what) {
  base::BinaryReader r(payload, what);
  uint32_t version = 0;
  uint64_t num_rules = 0;
  NG_RETURN_IF_ERROR(r.U32(version));
  if (version != kLemmatizerVersion) {
    return Status::Corruption(what + ": unsupported lemmatizer version " + std::to_string(version));
  }
  NG_RETURN_IF_ERROR(r.U64(num_rules));
  if (num_rules > r.remaining() / 6) return Status::Corruption(what + ": rule count exceeds the payload");
  Lemmatizer out;
  out.rules_.resize(num_rules);
  for (LemmaRule& rule : out.rules_) {
    uint8_t lowercase = 0;
    NG_RETURN_IF_ERROR(r.U8(lowercase));
    NG_RETURN_IF_ERROR(r.U8(rule.strip));
    NG_RETURN_IF_ERROR(r.String(rule.append));
    rule.lowercase = lowercase != 0;
  }
  NG_RETURN_IF_ERROR(base::ReadIndexMap(r, num_rules, what, out.lexicon_));
  NG_RETURN_IF_ERROR(base::ReadIndexMap(r, num_rules, what, out.suffix_));
  return out;
}

}  // namespace newsgraph::models
