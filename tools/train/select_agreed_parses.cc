// Builds parser training data from unlabeled text by agreement (tri-training,
// Zhou & Li 2005; for parsers Søgaard & Rishøj 2010): the same tagged text parsed by
// two different parsers (two runs of `newsgraph annotate --until parse --format conllu`
// with model directories that differ only in parser.ngm) is read, and the sentences
// whose whole labeled trees agree are written as CoNLL-U, one sentence per document,
// for `train_parser --extra-train`.
//   select_agreed_parses --a a.conllu --b b.conllu --out agreed.conllu [--limit N]
// Filters: --min-tokens/--max-tokens, only printable ASCII forms, at least one letter
// in half the tokens (drops tables of figures), not all in capitals (headlines), and
// the sentence ends with . ! ? or a closing quote. --limit keeps N sentences spread
// evenly over the input. Prints how many sentences were read, agreed and written.
// The output holds the source text: keep it out of the repository.
#include <cctype>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/file.h"
#include "document/conllu.h"

namespace ng = newsgraph;
using ng::document::Document;
using ng::document::Sentence;

namespace {

struct Filter {
  int min_tokens = 5;
  int max_tokens = 40;
};

bool Printable(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return !s.empty();
}

bool HasLetter(const std::string& s) {
  for (unsigned char c : s) {
    if (std::isalpha(c)) return true;
  }
  return false;
}

bool HasLower(const std::string& s) {
  for (unsigned char c : s) {
    if (std::islower(c)) return true;
  }
  return false;
}

// Sentences a news reader would call prose: the filters of the header comment.
bool Prose(const Document& doc, const Sentence& s, const Filter& f) {
  const int n = static_cast<int>(s.size());
  if (n < f.min_tokens || n > f.max_tokens) return false;
  int letters = 0;
  bool lower = false;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const std::string& form = doc.tokens[i].form;
    if (!Printable(form)) return false;
    letters += HasLetter(form);
    lower = lower || HasLower(form);
  }
  const std::string& last = doc.tokens[s.token_end - 1].form;
  const bool ends = last == "." || last == "!" || last == "?" || last == "\"" || last == "''";
  return ends && lower && 2 * letters >= n;
}

bool SameTree(const Document& a, const Sentence& sa, const Document& b, const Sentence& sb) {
  if (sa.size() != sb.size()) return false;
  for (uint32_t i = 0; i < sa.size(); ++i) {
    const auto& ta = a.tokens[sa.token_begin + i];
    const auto& tb = b.tokens[sb.token_begin + i];
    if (ta.form != tb.form || ta.xpos != tb.xpos || ta.upos != tb.upos) return false;
    if (ta.head != tb.head || ta.deprel != tb.deprel) return false;
  }
  return true;
}

// The sentence `s` of `doc` as a document of its own.
Document OneSentence(const Document& doc, const Sentence& s) {
  Document out;
  out.id = doc.id;
  out.tokens.assign(doc.tokens.begin() + s.token_begin, doc.tokens.begin() + s.token_end);
  Sentence copy;
  copy.token_begin = 0;
  copy.token_end = static_cast<uint32_t>(out.tokens.size());
  copy.comments = s.comments;  // keeps the "# text" line
  out.sentences.push_back(copy);
  return out;
}

ng::StatusOr<std::vector<Document>> Read(const std::string& path) {
  NG_ASSIGN_OR_RETURN(std::string bytes, ng::base::LocalFileSystem().ReadFile(path, 1ull << 32));
  return ng::document::ReadConllu(bytes, path);
}

ng::Status Run(const std::string& a_path, const std::string& b_path, const std::string& out_path,
               const Filter& filter, size_t limit) {
  NG_ASSIGN_OR_RETURN(std::vector<Document> a, Read(a_path));
  NG_ASSIGN_OR_RETURN(std::vector<Document> b, Read(b_path));
  if (a.size() != b.size()) {
    return ng::Status::InvalidArgument(a_path + " and " + b_path + " hold different numbers of documents");
  }
  size_t read = 0, prose = 0;
  std::vector<Document> agreed;
  for (size_t d = 0; d < a.size(); ++d) {
    if (a[d].sentences.size() != b[d].sentences.size()) {
      return ng::Status::InvalidArgument("document " + std::to_string(d + 1) + " is segmented differently");
    }
    for (size_t i = 0; i < a[d].sentences.size(); ++i) {
      ++read;
      const Sentence& s = a[d].sentences[i];
      if (!Prose(a[d], s, filter)) continue;
      ++prose;
      if (SameTree(a[d], s, b[d], b[d].sentences[i])) agreed.push_back(OneSentence(a[d], s));
    }
  }
  // Evenly spread, so that the kept sentences cover the whole collection.
  const size_t keep = limit > 0 && limit < agreed.size() ? limit : agreed.size();
  std::string bytes;
  for (size_t k = 0; k < keep; ++k) bytes += ng::document::WriteConllu(agreed[k * agreed.size() / keep]);
  NG_RETURN_IF_ERROR(ng::base::LocalFileSystem().WriteFileAtomically(out_path, bytes));
  std::cerr << "select_agreed_parses: " << read << " sentences, " << prose << " pass the filters, " << agreed.size()
            << " with identical labeled trees, " << keep << " written to " << out_path << "\n";
  return ng::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Keep the sentences two parsers parse identically (parser self-training data)"};
  std::string a, b, out;
  Filter filter;
  size_t limit = 0;
  app.add_option("--a", a, "CoNLL-U parsed by the first parser")->required();
  app.add_option("--b", b, "the same text parsed by the second parser")->required();
  app.add_option("--out", out, "output CoNLL-U (one sentence per document)")->required();
  app.add_option("--min-tokens", filter.min_tokens, "shortest sentence kept")->capture_default_str();
  app.add_option("--max-tokens", filter.max_tokens, "longest sentence kept")->capture_default_str();
  app.add_option("--limit", limit, "keep at most N sentences, spread evenly (0 = all)");
  CLI11_PARSE(app, argc, argv);
  ng::Status st = Run(a, b, out, filter, limit);
  if (!st.ok()) {
    std::cerr << "select_agreed_parses: " << st.ToString() << "\n";
    return 1;
  }
  return 0;
}
