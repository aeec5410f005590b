#include "text/ud_raw_text.h"

#include <cstdio>
#include <set>

#include "base/strings.h"

namespace newsgraph::text {
namespace {

using document::Span;

struct PendingSentence {
  std::string text;
  bool has_text = false;
  std::vector<std::string> units;  // surface units to find in the text
  std::string built;               // text rebuilt from forms + SpaceAfter when `# text` is missing
  size_t first_line = 0;
  int mwt_last = 0;                // last word id of the open multiword token
  std::string mwt_form;
  std::string mwt_concat;
  std::vector<std::string> mwt_words;
};

class Reader {
 public:
  Reader(const std::string& name, const std::string& sep) : name_(name), sep_(sep) {}

  Status Line(std::string_view line, size_t line_no) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return FinishSentence();
    if (line.starts_with("# newdoc")) {
      NG_RETURN_IF_ERROR(FinishSentence());
      if (!docs_.empty() && docs_.back().sentences.empty()) return Status::Ok();
      docs_.emplace_back();
      new_par_ = true;
    } else if (line.starts_with("# newpar")) {
      new_par_ = true;
    } else if (line.starts_with("# text = ")) {
      cur_.text = std::string(line.substr(9));
      cur_.has_text = true;
    } else if (line[0] != '#') {
      if (cur_.first_line == 0) cur_.first_line = line_no;
      return Word(base::Split(line, '\t'), line_no);
    }
    return Status::Ok();
  }

  Status Word(const std::vector<std::string_view>& cols, size_t line_no) {
    if (cols.size() < 10) {
      return Status::InvalidArgument(name_ + ":" + std::to_string(line_no) + ": expected 10 columns");
    }
    std::string_view id = cols[0];
    std::string form(cols[1]);
    bool no_space = cols[9].find("SpaceAfter=No") != std::string_view::npos;
    if (id.find('.') != std::string_view::npos) return Status::Ok();
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      cur_.mwt_last = std::atoi(std::string(id.substr(dash + 1)).c_str());
      cur_.mwt_form = form;
      cur_.mwt_concat.clear();
      cur_.mwt_words.clear();
      cur_.built += form + (no_space ? "" : " ");
      return Status::Ok();
    }
    int wid = std::atoi(std::string(id).c_str());
    if (cur_.mwt_last > 0) {
      cur_.mwt_concat += form;
      cur_.mwt_words.push_back(form);
      if (wid == cur_.mwt_last) {
        if (cur_.mwt_concat == cur_.mwt_form) {
          for (auto& w : cur_.mwt_words) cur_.units.push_back(w);
        } else {
          cur_.units.push_back(cur_.mwt_form);
        }
        cur_.mwt_last = 0;
      }
      return Status::Ok();
    }
    cur_.units.push_back(form);
    cur_.built += form + (no_space ? "" : " ");
    return Status::Ok();
  }

  Status FinishSentence() {
    if (cur_.units.empty()) {
      cur_ = PendingSentence();
      return Status::Ok();
    }
    if (docs_.empty()) docs_.emplace_back();
    UdDocument& doc = docs_.back();
    std::string stext = cur_.has_text ? cur_.text : cur_.built;
    while (!stext.empty() && stext.back() == ' ') stext.pop_back();
    if (!doc.text.empty()) doc.text += new_par_ ? sep_ : " ";
    if (new_par_ || doc.sentences.empty()) doc.paragraph_starts.push_back(doc.sentences.size());
    new_par_ = false;
    size_t base = doc.text.size();
    doc.text += stext;
    size_t pos = 0;
    size_t first_word = doc.words.size();
    for (const std::string& u : cur_.units) {
      while (pos < stext.size() && (stext[pos] == ' ' || stext[pos] == '\t')) ++pos;
      if (stext.compare(pos, u.size(), u) != 0) {
        return Status::InvalidArgument(name_ + ":" + std::to_string(cur_.first_line) + ": word '" + u +
                                       "' does not match the sentence text at character " + std::to_string(pos));
      }
      doc.words.push_back({static_cast<uint32_t>(base + pos), static_cast<uint32_t>(base + pos + u.size())});
      pos += u.size();
    }
    doc.sentences.push_back({doc.words[first_word].start, doc.words.back().end});
    cur_ = PendingSentence();
    return Status::Ok();
  }

  std::vector<UdDocument> Take() {
    while (!docs_.empty() && docs_.back().sentences.empty()) docs_.pop_back();
    return std::move(docs_);
  }

 private:
  std::string name_;
  std::string sep_;
  std::vector<UdDocument> docs_;
  PendingSentence cur_;
  bool new_par_ = true;
};

double F1(size_t matched, size_t pred, size_t gold) {
  return pred + gold == 0 ? 0 : 200.0 * matched / (pred + gold);
}

size_t CountMatches(const std::vector<Span>& a, const std::vector<Span>& b) {
  std::set<std::pair<uint32_t, uint32_t>> set;
  for (Span s : a) set.insert({s.start, s.end});
  size_t n = 0;
  for (Span s : b) n += set.count({s.start, s.end});
  return n;
}

}  // namespace

StatusOr<std::vector<UdDocument>> ReadUdRawText(std::string_view conllu, const std::string& name,
                                                const std::string& paragraph_separator) {
  Reader reader(name, paragraph_separator);
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < conllu.size()) {
    size_t nl = conllu.find('\n', pos);
    if (nl == std::string_view::npos) nl = conllu.size();
    NG_RETURN_IF_ERROR(reader.Line(conllu.substr(pos, nl - pos), ++line_no));
    pos = nl + 1;
  }
  NG_RETURN_IF_ERROR(reader.Line("", line_no + 1));
  return reader.Take();
}

void SegmentationCounts::Add(const std::vector<Span>& gold_tokens, const std::vector<Span>& pred_tokens,
                             const std::vector<Span>& gold_sentences, const std::vector<Span>& pred_sentences) {
  this->gold_tokens += gold_tokens.size();
  this->pred_tokens += pred_tokens.size();
  matched_tokens += CountMatches(gold_tokens, pred_tokens);
  this->gold_sentences += gold_sentences.size();
  this->pred_sentences += pred_sentences.size();
  matched_sentences += CountMatches(gold_sentences, pred_sentences);
}

double SegmentationCounts::TokenF1() const { return F1(matched_tokens, pred_tokens, gold_tokens); }
double SegmentationCounts::SentenceF1() const { return F1(matched_sentences, pred_sentences, gold_sentences); }

std::string SegmentationCounts::Report() const {
  auto pct = [](size_t a, size_t b) { return b == 0 ? 0.0 : 100.0 * a / b; };
  char buf[256];
  std::snprintf(buf, sizeof buf, "tokens P %.2f R %.2f F1 %.2f; sentences P %.2f R %.2f F1 %.2f",
                pct(matched_tokens, pred_tokens), pct(matched_tokens, gold_tokens), TokenF1(),
                pct(matched_sentences, pred_sentences), pct(matched_sentences, gold_sentences), SentenceF1());
  return buf;
}

}  // namespace newsgraph::text
