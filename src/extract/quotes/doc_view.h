// Internal to extract/quotes: read-only helpers over a Document's tokens, parse
// and mentions. Every lookup is bounds-checked, so an unparsed document (no heads,
// no tags) or a document without tokens is safe; heads are CoNLL-U 1-based within
// the sentence.
#ifndef NEWSGRAPH_EXTRACT_QUOTES_DOC_VIEW_H_
#define NEWSGRAPH_EXTRACT_QUOTES_DOC_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace newsgraph::extract::quotes {

// A contiguous run of tokens [begin, end) of Document::tokens.
struct TokenRange {
  int begin = 0;
  int end = 0;
  bool empty() const { return end <= begin; }
};

class DocView {
 public:
  explicit DocView(const document::Document& doc);

  const document::Document& doc() const { return doc_; }
  int token_count() const { return static_cast<int>(doc_.tokens.size()); }
  const document::Token& tok(int i) const { return doc_.tokens[i]; }
  std::string Lower(int i) const;

  // First token starting at or after byte `b`; token_count() when none.
  int TokenAtOrAfter(uint32_t b) const;
  // Sentence index holding token i; -1 when none.
  int SentenceOf(int i) const { return i >= 0 && i < token_count() ? sentence_of_[i] : -1; }
  TokenRange SentenceTokens(int s) const;
  // Paragraph number (count of newlines before) of byte b.
  int ParagraphOf(uint32_t b) const;
  // Bytes where the line holding byte b starts / ends (a newline or the text edge).
  uint32_t LineStart(uint32_t b) const;
  uint32_t LineEnd(uint32_t b) const;

  // Parse: the head token index of i (document index), -1 for the root or unparsed.
  int Head(int i) const { return i >= 0 && i < token_count() ? head_[i] : -1; }
  const std::vector<int>& Children(int i) const { return children_[i]; }
  // The first child of i whose deprel starts with `rel` ("nsubj" matches nsubj:pass); -1 when none.
  int Child(int i, std::string_view rel) const;
  // The content clause of i: its ccomp child after it, else before it; -1 when none. A
  // participle with no subject or marker after it ("said in a statement read on television")
  // gives way to a clause before it.
  int ContentChild(int i) const { return i >= 0 && i < token_count() ? ccomp_[i] : -1; }
  // Tokens of i's subtree: [min, max+1) (projective enough for spans).
  TokenRange Subtree(int i) const;

  // The noun phrase around head token h: h with its determiners, modifiers, compounds
  // and flat names, without appositions, relative clauses or coordination.
  TokenRange NounPhrase(int h) const;
  // A noun phrase read from tags alone (for unparsed text or parse errors):
  // tokens from `from` going right (dir=+1) or left (dir=-1) while they look nominal.
  TokenRange NominalRun(int from, int dir, int limit) const;

  bool IsPunct(int i) const;
  bool IsProperish(int i) const;  // PROPN, or capitalised when untagged
  bool IsNominal(int i) const;    // NOUN, PROPN, PRON, DET, ADJ, NUM, possessive 's
  bool IsVerb(int i) const;
  bool IsPossessiveMark(int i) const;  // 's, ’s or a bare apostrophe after a plural ("Ward's", "the ministers'")
  document::Span SpanOf(TokenRange r) const;

  // Marks the tokens inside a quote (the writer's own words are the others).
  void MarkQuoted(document::Span s);
  bool IsQuoted(int i) const { return i >= 0 && i < token_count() && quoted_[i]; }

  // Names a short name may stand for, in text order: PERSON mentions and runs of
  // name tokens outside quotes (every suffix of two or more words, titles dropped:
  // "Russia President Vladimir Putin" gives "Vladimir Putin" and "Putin"'s longer forms).
  // Built on first use; at most kMaxNames, so lookups stay cheap on any input.
  struct Name {
    uint32_t start;
    std::string text;  // whitespace collapsed ("Simon" line break "Keswick" is "Simon Keswick")
  };
  static constexpr size_t kMaxNames = 2000;
  const std::vector<Name>& Names() const;

  // Mentions overlapping `s`, in text order (indices into Document::mentions).
  std::vector<int> MentionsIn(document::Span s) const;

 private:
  // A participle or bare verb form (VBN, VBG, VB) with no subject, marker or auxiliary.
  bool BareParticiple(int i) const;

  const document::Document& doc_;
  std::vector<int> sentence_of_;
  std::vector<int> head_;
  std::vector<std::vector<int>> children_;
  std::vector<int> nsubj_;  // first nsubj* child, -1: Child(i, "nsubj") in O(1) on hub tokens
  std::vector<int> ccomp_;
  std::vector<uint32_t> newlines_;
  std::vector<bool> quoted_;
  mutable std::vector<Name> names_;
  mutable bool names_built_ = false;
};

}  // namespace newsgraph::extract::quotes

#endif  // NEWSGRAPH_EXTRACT_QUOTES_DOC_VIEW_H_
