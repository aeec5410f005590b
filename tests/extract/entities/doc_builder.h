// Builds Documents for the entity tests from a small markup, so the tests do not
// depend on the NER model (which changes): "[GPE Russia] President [PERSON Vladimir
// Putin] met the powerful/ADJ envoy ." Tokens are split on spaces; "'s", ",", ".",
// ":" and quotes at word edges become tokens of their own (not the "." of a short
// capitalized abbreviation such as "Mr." or "Lt."); a lone "-" is written
// without spaces around it; "word/TAG" sets UPOS;
// "[TYPE ...]" makes a name mention (the NER's output); a newline or a final
// ". ! ?" ends a sentence.
#ifndef NEWSGRAPH_TESTS_EXTRACT_ENTITIES_DOC_BUILDER_H_
#define NEWSGRAPH_TESTS_EXTRACT_ENTITIES_DOC_BUILDER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "extract/entities/entities.h"
#include "kb/gazetteer.h"

namespace newsgraph::entities_test {

inline void AddToken(document::Document& doc, std::string_view word, std::string upos) {
  document::Token t;
  // A standalone "-" joins its neighbours without spaces ("Anne - Marie" -> "Anne-Marie").
  if (!doc.text.empty() && doc.text.back() != '\n' && doc.text.back() != '-' && word != "-") doc.text.push_back(' ');
  t.span.start = static_cast<uint32_t>(doc.text.size());
  doc.text += word;
  t.span.end = static_cast<uint32_t>(doc.text.size());
  t.form = std::string(word);
  bool upper = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  t.upos = !upos.empty() ? upos : upper ? "PROPN" : "X";
  doc.tokens.push_back(std::move(t));
}

// Splits edge punctuation off one space-separated word.
inline void AddWord(document::Document& doc, std::string word) {
  std::string upos;
  if (size_t slash = word.find('/'); slash != std::string::npos && slash > 0) {
    upos = word.substr(slash + 1);
    word = word.substr(0, slash);
  }
  std::vector<std::string> tail;
  while (!word.empty()) {
    if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("\xE2\x80\x99s"))) {
      size_t n = word.ends_with("'s") ? 2 : 4;
      tail.insert(tail.begin(), word.substr(word.size() - n));
      word.resize(word.size() - n);
    } else if (word.size() > 1 && std::string_view(",.:;\"?!").find(word.back()) != std::string_view::npos &&
               !(word.back() == '.' && word.size() <= 4 && word[0] >= 'A' && word[0] <= 'Z')) {  // "Lt.", "Mr."
      tail.insert(tail.begin(), std::string(1, word.back()));
      word.pop_back();
    } else {
      break;
    }
  }
  if (word.size() > 1 && word[0] == '"') {
    AddToken(doc, "\"", "PUNCT");
    word = word.substr(1);
  }
  AddToken(doc, word, upos);
  for (const std::string& t : tail) AddToken(doc, t, t == "'s" || t.size() == 4 ? "PART" : "PUNCT");
}

inline void EndSentence(document::Document& doc, uint32_t& begin) {
  if (doc.tokens.size() == begin) return;
  document::Sentence s;
  s.token_begin = begin;
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  s.span = {doc.tokens[begin].span.start, doc.tokens.back().span.end};
  doc.sentences.push_back(s);
  begin = s.token_end;
}

inline document::Document Build(std::string_view markup) {
  document::Document doc;
  uint32_t sentence_begin = 0;
  size_t i = 0;
  while (i < markup.size()) {
    char c = markup[i];
    if (c == '\n') {
      EndSentence(doc, sentence_begin);
      doc.text.push_back('\n');
      ++i;
    } else if (c == ' ') {
      ++i;
    } else if (c == '[') {
      size_t close = markup.find(']', i);
      std::string_view inner = markup.substr(i + 1, close - i - 1);
      size_t space = inner.find(' ');
      std::string type(inner.substr(0, space));
      size_t first = doc.tokens.size();
      std::string_view rest = inner.substr(space + 1);
      for (size_t p = 0; p < rest.size();) {
        size_t q = rest.find(' ', p);
        if (q == std::string_view::npos) q = rest.size();
        AddToken(doc, rest.substr(p, q - p), "PROPN");
        p = q + 1;
      }
      doc.mentions.push_back({{doc.tokens[first].span.start, doc.tokens.back().span.end}, type, "name", -1});
      i = close + 1;
    } else {
      size_t end = markup.find_first_of(" \n[", i);
      if (end == std::string_view::npos) end = markup.size();
      AddWord(doc, std::string(markup.substr(i, end - i)));
      std::string_view last = doc.tokens.back().form;
      if (last == "." || last == "?" || last == "!") EndSentence(doc, sentence_begin);
      i = end;
    }
  }
  EndSentence(doc, sentence_begin);
  return doc;
}

// One resolver for the whole test binary (the gazetteer takes a moment to load).
inline const extract::EntityResolver* Resolver() {
  static std::shared_ptr<const kb::Gazetteer> gazetteer = [] {
    auto g = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
    return g.ok() ? *g : nullptr;
  }();
  static std::unique_ptr<const extract::EntityResolver> resolver = [] {
    if (gazetteer == nullptr) return std::unique_ptr<const extract::EntityResolver>();
    auto r = extract::EntityResolver::Create(gazetteer);
    return r.ok() ? std::move(*r) : nullptr;
  }();
  return resolver.get();
}

// The entity whose canonical name is `name`, or nullptr.
inline const document::Entity* Find(const document::Document& doc, std::string_view name) {
  for (const document::Entity& e : doc.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// The entity of the first mention whose text is `text` at or after byte `from`.
inline const document::Entity* EntityOf(const document::Document& doc, std::string_view text, size_t from = 0) {
  for (const document::Mention& m : doc.mentions) {
    if (m.span.start >= from && doc.SpanText(m.span) == text) {
      return m.entity >= 0 ? &doc.entities[m.entity] : nullptr;
    }
  }
  return nullptr;
}

// A readable listing of the entities, for failure messages.
inline std::string Dump(const document::Document& doc) {
  std::string out;
  for (const document::Entity& e : doc.entities) {
    out += e.id + " " + e.type + " '" + e.name + "' " + e.country + " " + e.actor + " [";
    for (const std::string& r : e.roles) out += r + ";";
    out += "]:";
    for (uint32_t m : e.mentions) out += " '" + std::string(doc.SpanText(doc.mentions[m].span)) + "'";
    out += "\n";
  }
  return out;
}

}  // namespace newsgraph::entities_test

#endif  // NEWSGRAPH_TESTS_EXTRACT_ENTITIES_DOC_BUILDER_H_
