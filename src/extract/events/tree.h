// Internal to extract/events: one sentence's dependency tree with child lists, so
// the coder can walk from a verb to its subject, object and modifiers.
#ifndef NEWSGRAPH_EXTRACT_EVENTS_TREE_H_
#define NEWSGRAPH_EXTRACT_EVENTS_TREE_H_

#include <initializer_list>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace newsgraph::extract::events {

class Tree {
 public:
  Tree(const document::Document& doc, const document::Sentence& s) : doc_(doc), begin_(s.token_begin), n_(s.size()) {
    head_.assign(n_, -1);
    std::vector<int> count(n_ + 1, 0);
    for (int i = 0; i < n_; ++i) {
      int h = doc.tokens[begin_ + i].head;
      if (h >= 1 && h <= n_ && h - 1 != i) head_[i] = h - 1;
      if (head_[i] >= 0) ++count[head_[i] + 1];
    }
    for (int i = 0; i < n_; ++i) count[i + 1] += count[i];
    start_ = count;
    children_.assign(count[n_], 0);
    for (int i = 0; i < n_; ++i) {
      if (head_[i] >= 0) children_[count[head_[i]]++] = i;
    }
  }

  int size() const { return n_; }
  int head(int i) const { return head_[i]; }
  const document::Token& tok(int i) const { return doc_.tokens[begin_ + i]; }
  std::string_view lemma(int i) const { return tok(i).lemma; }
  std::string_view rel(int i) const { return tok(i).deprel; }
  // The relation without its subtype: "nsubj:pass" -> "nsubj".
  std::string_view base_rel(int i) const {
    std::string_view r = rel(i);
    return r.substr(0, r.find(':'));
  }
  template <typename F>
  void ForChildren(int i, F&& f) const {
    for (int k = start_[i]; k < start_[i + 1]; ++k) f(children_[k]);
  }
  // The first child with relation `r` (exact, e.g. "nsubj:pass"), or -1.
  int Child(int i, std::string_view r) const {
    for (int k = start_[i]; k < start_[i + 1]; ++k) {
      if (rel(children_[k]) == r) return children_[k];
    }
    return -1;
  }
  bool HasChildLemma(int i, std::string_view r, std::string_view lemma) const {
    for (int k = start_[i]; k < start_[i + 1]; ++k) {
      int c = children_[k];
      if (rel(c) == r && LowerEquals(tok(c).form, lemma)) return true;
    }
    return false;
  }
  // The preposition of an oblique or nominal modifier ("with" in "met with X"), lower-cased lemma.
  std::string_view CaseOf(int i) const {
    for (int k = start_[i]; k < start_[i + 1]; ++k) {
      int c = children_[k];
      if (rel(c) == "case") return lemma(c);
    }
    return {};
  }
  static bool LowerEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char c = a[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != b[i]) return false;
    }
    return true;
  }
  uint32_t begin() const { return begin_; }

 private:
  const document::Document& doc_;
  uint32_t begin_;
  int n_;
  std::vector<int> head_, start_, children_;
};

// True if `w`, lower-cased, is one of the (lower-case) words of `list`.
inline bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (Tree::LowerEquals(w, x)) return true;
  }
  return false;
}

}  // namespace newsgraph::extract::events

#endif  // NEWSGRAPH_EXTRACT_EVENTS_TREE_H_
