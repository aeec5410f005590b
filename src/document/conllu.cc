#include "document/conllu.h"

#include <charconv>

#include "base/strings.h"

namespace newsgraph::document {
namespace {

std::string Field(std::string_view f) { return f == "_" ? std::string() : std::string(f); }

bool HasSpaceAfterNo(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    std::string_view item = misc.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return false;
}

class Reader {
 public:
  Reader(const std::string& name, const ConlluReadOptions& options) : name_(name), options_(options) {}

  StatusOr<std::vector<Document>> Read(std::string_view data) {
    size_t pos = 0;
    int line_no = 0;
    while (pos < data.size()) {
      size_t nl = data.find('\n', pos);
      std::string_view line = data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? data.size() : nl + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      Status s = Line(line, line_no);
      if (!s.ok()) return s;
    }
    EndSentence();
    if (!doc_.sentences.empty()) docs_.push_back(std::move(doc_));
    return std::move(docs_);
  }

 private:
  Status Line(std::string_view line, int line_no) {
    if (line.empty()) {
      EndSentence();
      return Status::Ok();
    }
    if (line[0] == '#') return Comment(line);
    std::vector<std::string_view> f = base::Split(line, '\t');
    if (f.size() != 10) {
      return Status::InvalidArgument(name_ + ":" + std::to_string(line_no) + ": expected 10 tab-separated columns, found " +
                                     std::to_string(f.size()));
    }
    if (f[0].find('.') != std::string_view::npos) {  // empty node: kept, not a token
      pending_multiword_.emplace_back(line);
      return Status::Ok();
    }
    if (f[0].find('-') != std::string_view::npos) return Multiword(f, line);
    return Word(f, line_no);
  }

  Status Comment(std::string_view line) {
    std::string_view body = line.substr(1);
    if (!body.empty() && body[0] == ' ') body.remove_prefix(1);
    if (body.starts_with("newdoc")) {
      EndSentence();
      if (options_.split_on_newdoc && !doc_.sentences.empty()) docs_.push_back(std::move(doc_));
      if (options_.split_on_newdoc) doc_ = Document();
      size_t eq = body.find('=');
      if (eq != std::string_view::npos && doc_.id.empty()) {
        std::string_view id = body.substr(eq + 1);
        while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
        doc_.id = std::string(id);
      }
      new_paragraph_ = true;
    } else if (body.starts_with("newpar")) {
      new_paragraph_ = true;
    }
    pending_comments_.emplace_back(body);
    return Status::Ok();
  }

  // "3-4 don't": the surface form goes into the text; words 3 and 4 share its span.
  Status Multiword(const std::vector<std::string_view>& f, std::string_view line) {
    if (!in_sentence_) StartSentence();
    pending_multiword_.emplace_back(line);
    int first = 0, last = 0;
    std::from_chars(f[0].data(), f[0].data() + f[0].size(), first);
    size_t dash = f[0].find('-');
    std::from_chars(f[0].data() + dash + 1, f[0].data() + f[0].size(), last);
    multiword_last_ = last;
    multiword_space_after_ = !HasSpaceAfterNo(f[9]);
    uint32_t start = static_cast<uint32_t>(doc_.text.size());
    doc_.text += std::string(f[1]);
    multiword_span_ = {start, static_cast<uint32_t>(doc_.text.size())};
    return Status::Ok();
  }

  Status Word(const std::vector<std::string_view>& f, int line_no) {
    if (!in_sentence_) StartSentence();
    Token t;
    t.form = std::string(f[1]);
    t.lemma = Field(f[2]);
    t.upos = Field(f[3]);
    t.xpos = Field(f[4]);
    t.feats = Field(f[5]);
    if (f[6] != "_") {
      int head = -1;
      auto [p, ec] = std::from_chars(f[6].data(), f[6].data() + f[6].size(), head);
      if (ec != std::errc() || p != f[6].data() + f[6].size() || head < 0) {
        return Status::InvalidArgument(name_ + ":" + std::to_string(line_no) + ": HEAD '" + std::string(f[6]) +
                                       "' is not a number");
      }
      t.head = head;
    }
    t.deprel = Field(f[7]);
    t.misc = Field(f[9]);
    t.space_after = !HasSpaceAfterNo(f[9]);
    int id = static_cast<int>(doc_.tokens.size() - doc_.sentences.back().token_begin) + 1;
    if (id <= multiword_last_) {
      t.span = multiword_span_;
      if (id == multiword_last_ && multiword_space_after_) doc_.text += ' ';
    } else {
      uint32_t start = static_cast<uint32_t>(doc_.text.size());
      doc_.text += t.form;
      t.span = {start, static_cast<uint32_t>(doc_.text.size())};
      if (t.space_after) doc_.text += ' ';
    }
    doc_.tokens.push_back(std::move(t));
    return Status::Ok();
  }

  void StartSentence() {
    in_sentence_ = true;
    if (!doc_.text.empty()) {
      while (!doc_.text.empty() && doc_.text.back() == ' ') doc_.text.pop_back();
      doc_.text += new_paragraph_ ? "\n\n" : " ";
    }
    new_paragraph_ = false;
    Sentence s;
    s.token_begin = static_cast<uint32_t>(doc_.tokens.size());
    multiword_last_ = 0;
    s.comments = std::move(pending_comments_);
    pending_comments_.clear();
    doc_.sentences.push_back(std::move(s));
  }

  void EndSentence() {
    if (!in_sentence_) return;
    in_sentence_ = false;
    Sentence& s = doc_.sentences.back();
    s.token_end = static_cast<uint32_t>(doc_.tokens.size());
    s.multiword_lines = std::move(pending_multiword_);
    pending_multiword_.clear();
    if (s.token_end > s.token_begin) {
      s.span = {doc_.tokens[s.token_begin].span.start, doc_.tokens[s.token_end - 1].span.end};
    }
  }

  std::string name_;
  ConlluReadOptions options_;
  std::vector<Document> docs_;
  Document doc_;
  bool in_sentence_ = false;
  bool new_paragraph_ = false;
  std::vector<std::string> pending_comments_;
  std::vector<std::string> pending_multiword_;
  int multiword_last_ = 0;  // last word id covered by the current multiword token
  bool multiword_space_after_ = true;
  Span multiword_span_;
};

std::string Or(const std::string& s) { return s.empty() ? "_" : s; }

// A multiword line "3-4\t..." goes before the word whose ID is its first number.
int MultiwordStart(const std::string& line) {
  int value = 0;
  std::from_chars(line.data(), line.data() + line.size(), value);
  return line.find('-') < line.find('\t') ? value : -1;
}

}  // namespace

StatusOr<std::vector<Document>> ReadConllu(std::string_view data, const std::string& name,
                                          const ConlluReadOptions& options) {
  Reader reader(name, options);
  return reader.Read(data);
}

std::string WriteConllu(const Document& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    bool has_text = false;
    for (const std::string& c : s.comments) {
      out += "# " + c + "\n";
      has_text |= c.starts_with("text =") || c.starts_with("text=");
    }
    if (!has_text) {
      std::string text(doc.SpanText(s.span));
      for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      out += "# text = " + text + "\n";
    }
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      int id = static_cast<int>(i - s.token_begin + 1);
      for (const std::string& mw : s.multiword_lines) {
        if (MultiwordStart(mw) == id) out += mw + "\n";
      }
      std::string misc = t.misc;
      if (misc.empty() && !t.space_after) misc = "SpaceAfter=No";
      out += std::to_string(id) + "\t" + Or(t.form) + "\t" + Or(t.lemma) + "\t" + Or(t.upos) + "\t" + Or(t.xpos) +
             "\t" + Or(t.feats) + "\t" + (t.head >= 0 ? std::to_string(t.head) : "_") + "\t" + Or(t.deprel) +
             "\t_\t" + Or(misc) + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace newsgraph::document
