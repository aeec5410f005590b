#include "extract/quotes/doc_view.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "extract/quotes/lexicon.h"

namespace newsgraph::extract::quotes {

using document::Span;

DocView::DocView(const document::Document& doc) : doc_(doc) {
  int n = token_count();
  sentence_of_.assign(n, -1);
  quoted_.assign(n, false);
  head_.assign(n, -1);
  children_.resize(n);
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const document::Sentence& sent = doc.sentences[s];
    int b = static_cast<int>(sent.token_begin);
    int e = std::min<int>(static_cast<int>(sent.token_end), n);
    for (int i = b; i < e; ++i) {
      sentence_of_[i] = static_cast<int>(s);
      int h = doc.tokens[i].head;
      if (h > 0 && h <= e - b && b + h - 1 != i) {
        head_[i] = b + h - 1;
        children_[head_[i]].push_back(i);
      }
    }
  }
  for (size_t i = 0; i < doc.text.size(); ++i) {
    if (doc.text[i] == '\n') newlines_.push_back(static_cast<uint32_t>(i));
  }
  nsubj_.assign(n, -1);
  ccomp_.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    for (int c : children_[i]) {
      const std::string& d = doc.tokens[c].deprel;
      if (nsubj_[i] < 0 && d.compare(0, 5, "nsubj") == 0 && (d.size() == 5 || d[5] == ':')) nsubj_[i] = c;
    }
  }
  for (int i = 0; i < n; ++i) {
    for (int c : children_[i]) {
      if (doc.tokens[c].deprel != "ccomp") continue;
      if (ccomp_[i] < 0 || (ccomp_[i] < i && c > i && !BareParticiple(c))) ccomp_[i] = c;
    }
  }
  // "told a meeting in Hanover that shifts were needed": the parse may hang the "that"
  // clause on the one told (acl) instead of the verb (ccomp); for verbs of telling it is still
  // what was said. A relative clause has no "that" marker ("the man that lives"), so it stays.
  for (int i = 0; i < n; ++i) {
    const std::string& lemma = doc.tokens[i].lemma;
    if (ccomp_[i] >= 0 || !(lemma == "tell" || lemma == "inform" || lemma == "assure" || lemma == "remind" ||
                            lemma == "notify" || lemma == "warn")) {
      continue;
    }
    for (int o : children_[i]) {
      if (doc.tokens[o].deprel != "obj" && doc.tokens[o].deprel != "iobj") continue;
      for (int c : children_[o]) {
        if (c < o || doc.tokens[c].deprel != "acl") continue;
        for (int m : children_[c]) {
          if (doc.tokens[m].deprel == "mark" && base::AsciiLower(doc.tokens[m].form) == "that") ccomp_[i] = c;
        }
      }
    }
  }
}

bool DocView::BareParticiple(int i) const {
  const std::string& xpos = tok(i).xpos;
  if ((xpos != "VBN" && xpos != "VBG" && xpos != "VB") || nsubj_[i] >= 0) return false;
  for (int c : children_[i]) {
    const std::string& d = doc_.tokens[c].deprel;
    if (d == "mark" || d == "expl" || d.compare(0, 3, "aux") == 0) return false;
  }
  return true;
}

std::string DocView::Lower(int i) const { return base::AsciiLower(tok(i).form); }

int DocView::TokenAtOrAfter(uint32_t b) const {
  auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), b,
                             [](const document::Token& t, uint32_t x) { return t.span.start < x; });
  return static_cast<int>(it - doc_.tokens.begin());
}

TokenRange DocView::SentenceTokens(int s) const {
  if (s < 0 || s >= static_cast<int>(doc_.sentences.size())) return {};
  const document::Sentence& sent = doc_.sentences[s];
  return {static_cast<int>(sent.token_begin), std::min<int>(static_cast<int>(sent.token_end), token_count())};
}

int DocView::ParagraphOf(uint32_t b) const {
  return static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), b) - newlines_.begin());
}

uint32_t DocView::LineStart(uint32_t b) const {
  auto it = std::lower_bound(newlines_.begin(), newlines_.end(), b);
  return it == newlines_.begin() ? 0 : *(it - 1) + 1;
}

uint32_t DocView::LineEnd(uint32_t b) const {
  auto it = std::lower_bound(newlines_.begin(), newlines_.end(), b);
  return it == newlines_.end() ? static_cast<uint32_t>(doc_.text.size()) : *it;
}

int DocView::Child(int i, std::string_view rel) const {
  if (i < 0 || i >= token_count()) return -1;
  if (rel == "nsubj") return nsubj_[i];
  for (int c : children_[i]) {
    const std::string& d = tok(c).deprel;
    if (d.compare(0, rel.size(), rel) == 0 && (d.size() == rel.size() || d[rel.size()] == ':')) return c;
  }
  return -1;
}

TokenRange DocView::Subtree(int i) const {
  TokenRange r{i, i + 1};
  // Iterative walk with a bounded stack: a cyclic or deep parse cannot hang.
  std::vector<int> stack = {i};
  int visited = 0;
  while (!stack.empty() && visited < 2000) {
    int t = stack.back();
    stack.pop_back();
    ++visited;
    r.begin = std::min(r.begin, t);
    r.end = std::max(r.end, t + 1);
    // A hub with thousands of children (a garbage parse) costs at most this much.
    for (size_t k = 0; k < children_[t].size() && stack.size() < 4000; ++k) stack.push_back(children_[t][k]);
  }
  return r;
}

bool DocView::IsPunct(int i) const {
  if (i < 0 || i >= token_count()) return false;  // a phrase at the document's edge
  const document::Token& t = tok(i);
  if (!t.upos.empty()) return t.upos == "PUNCT" || t.upos == "SYM";
  return !t.form.empty() && !std::isalnum(static_cast<unsigned char>(t.form[0])) &&
         static_cast<unsigned char>(t.form[0]) < 0x80;
}

bool DocView::IsProperish(int i) const {
  const document::Token& t = tok(i);
  if (!t.upos.empty()) return t.upos == "PROPN";
  return !t.form.empty() && std::isupper(static_cast<unsigned char>(t.form[0]));
}

bool DocView::IsNominal(int i) const {
  const document::Token& t = tok(i);
  if (t.upos.empty()) return !IsPunct(i);
  static constexpr std::string_view kTags[] = {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"};
  for (std::string_view tag : kTags) {
    if (t.upos == tag) return true;
  }
  return t.upos == "PART" && (t.form == "'s" || t.form == "\xE2\x80\x99s");
}

bool DocView::IsVerb(int i) const { return tok(i).upos == "VERB" || tok(i).upos == "AUX"; }

bool DocView::IsPossessiveMark(int i) const {
  if (i < 0 || i >= token_count()) return false;
  const std::string& f = tok(i).form;
  return f == "'s" || f == "\xE2\x80\x99s" || f == "'";
}

Span DocView::SpanOf(TokenRange r) const {
  if (r.empty()) return {};
  return {tok(r.begin).span.start, tok(r.end - 1).span.end};
}

TokenRange DocView::NounPhrase(int h) const {
  static constexpr std::string_view kInside[] = {"compound", "flat", "amod", "det", "nmod:poss", "nmod:desc", "case",
                                                 "nummod",   "name", "goeswith", "fixed"};
  auto inside = [&](int t) {
    const std::string& d = tok(t).deprel;
    for (std::string_view r : kInside) {
      if (d == r || (d.compare(0, r.size(), r) == 0 && d.size() > r.size() && d[r.size()] == ':')) return true;
    }
    return d == "punct" && (tok(t).form == "-" || tok(t).form == ".");
  };
  TokenRange r{h, h + 1};
  // Grow outwards over tokens attached (through allowed relations) to the phrase.
  auto attached = [&](int t) {
    for (int a = t, depth = 0; a >= 0 && depth < 6; a = Head(a), ++depth) {
      if (a == h) return true;
      if (!inside(a)) return false;
    }
    return false;
  };
  TokenRange sent = SentenceTokens(SentenceOf(h));
  // At most 12 tokens each way: a phrase, not a garbage parse's whole sentence.
  while (r.begin - 1 >= sent.begin && h - r.begin < 12 && attached(r.begin - 1)) --r.begin;
  while (r.end < sent.end && r.end - h < 12 && attached(r.end)) ++r.end;
  return r;
}

TokenRange DocView::NominalRun(int from, int dir, int limit) const {
  TokenRange sent = SentenceTokens(SentenceOf(from));
  if (sent.empty()) sent = {0, token_count()};
  int i = from;
  int taken = 0;
  while (i >= sent.begin && i < sent.end && taken < limit && IsNominal(i) && !IsVerb(i)) {
    i += dir;
    ++taken;
  }
  if (taken == 0) return {};
  return dir > 0 ? TokenRange{from, i} : TokenRange{i + 1, from + 1};
}

void DocView::MarkQuoted(Span s) {
  for (int i = TokenAtOrAfter(s.start); i < token_count() && tok(i).span.start < s.end; ++i) quoted_[i] = true;
}

namespace {
bool NameParticle(const std::string& w) {
  return w == "da" || w == "de" || w == "del" || w == "van" || w == "von" || w == "bin" || w == "al" || w == "-";
}
}  // namespace

const std::vector<DocView::Name>& DocView::Names() const {
  if (names_built_) return names_;
  names_built_ = true;
  for (const document::Mention& m : doc_.mentions) {
    if (names_.size() >= kMaxNames) break;
    if ((m.type == "PERSON" || m.type == "PER") && m.kind != "pronoun" && m.kind != "nominal") {
      names_.push_back({m.span.start, base::CollapseWhitespace(doc_.SpanText(m.span))});
    }
  }
  size_t from_mentions = names_.size();
  int n = token_count();
  for (int i = 0; i < n && names_.size() < kMaxNames;) {
    if (!IsProperish(i) || IsQuoted(i)) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < n && j - i < 8 && (IsProperish(j) || (NameParticle(Lower(j)) && j + 1 < n && IsProperish(j + 1)))) ++j;
    int b = i;  // titles are not part of the name
    for (int k = i; k < j; ++k) {
      if (IsTitleWord(Lower(k))) b = k + 1;
    }
    for (int k = b; j - k >= 2 && j - b <= 6; ++k) names_.push_back({tok(k).span.start, base::CollapseWhitespace(doc_.SpanText(SpanOf({k, j})))});
    i = j;
  }
  std::inplace_merge(names_.begin(), names_.begin() + static_cast<long>(from_mentions), names_.end(),
                     [](const Name& a, const Name& b) { return a.start < b.start; });
  return names_;
}

std::vector<int> DocView::MentionsIn(Span s) const {
  std::vector<int> out;
  const auto& ms = doc_.mentions;
  auto it = std::lower_bound(ms.begin(), ms.end(), s.start,
                             [](const document::Mention& m, uint32_t x) { return m.span.start < x; });
  // Mentions are in text order by start; one starting a little before s may overlap it.
  size_t k = static_cast<size_t>(it - ms.begin());
  k = k > 8 ? k - 8 : 0;
  for (; k < ms.size() && ms[k].span.start < s.end; ++k) {
    if (ms[k].span.end > s.start) out.push_back(static_cast<int>(k));
  }
  return out;
}

}  // namespace newsgraph::extract::quotes
