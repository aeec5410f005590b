#include "document/conll2003.h"

#include "base/utf8.h"

namespace newsgraph::document {
namespace {

constexpr size_t kMaxTokenBytes = 1000;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// Splits on runs of spaces/tabs.
std::vector<std::string_view> SplitColumns(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// Accumulates one document at a time.
class Conll2003Reader {
 public:
  explicit Conll2003Reader(const std::string& name) : name_(name) {}

  Status Line(std::string_view line, size_t line_no);
  std::vector<Document> Finish() {
    FlushDocument();
    return std::move(docs_);
  }

 private:
  void StartDocument(size_t line_no) {
    doc_ = Document();
    doc_.origin = name_ + ":" + std::to_string(line_no);
    doc_.id = name_ + "#" + std::to_string(docs_.size() + 1);
    doc_.metadata["conll2003"] = {{"columns", nlohmann::json::array()}};
    open_ = true;
  }
  void CloseSentence() {
    if (!open_ || doc_.tokens.size() == sentence_begin_) return;
    Sentence s;
    s.token_begin = static_cast<uint32_t>(sentence_begin_);
    s.token_end = static_cast<uint32_t>(doc_.tokens.size());
    s.span = {doc_.tokens[s.token_begin].span.start, doc_.tokens.back().span.end};
    doc_.sentences.push_back(std::move(s));
    sentence_begin_ = doc_.tokens.size();
  }
  void FlushDocument() {
    CloseSentence();
    if (open_ && !doc_.tokens.empty()) docs_.push_back(std::move(doc_));
    open_ = false;
    sentence_begin_ = 0;
  }

  std::string name_;
  std::vector<Document> docs_;
  Document doc_;
  bool open_ = false;
  size_t sentence_begin_ = 0;
};

Status Conll2003Reader::Line(std::string_view raw, size_t line_no) {
  std::string_view line = Trim(raw);
  if (line.empty()) {
    CloseSentence();
    return Status::Ok();
  }
  std::vector<std::string_view> cols = SplitColumns(line);
  if (cols[0] == "-DOCSTART-") {
    FlushDocument();
    StartDocument(line_no);
    doc_.metadata["conll2003"]["docstart"] = std::string(line);
    return Status::Ok();
  }
  if (cols[0].size() > kMaxTokenBytes) return Status::InvalidArgument("token longer than 1000 bytes");
  if (!base::IsValidUtf8(line)) return Status::InvalidArgument("invalid UTF-8");
  if (!open_) StartDocument(line_no);
  if (doc_.tokens.size() > sentence_begin_) {
    doc_.text.push_back(' ');
  } else if (!doc_.text.empty()) {
    doc_.text.push_back('\n');
  }
  Token t;
  t.form = std::string(cols[0]);
  t.span.start = static_cast<uint32_t>(doc_.text.size());
  doc_.text += t.form;
  t.span.end = static_cast<uint32_t>(doc_.text.size());
  doc_.tokens.push_back(std::move(t));
  std::string rest;
  for (size_t i = 1; i < cols.size(); ++i) {
    if (i > 1) rest.push_back(' ');
    rest += cols[i];
  }
  doc_.metadata["conll2003"]["columns"].push_back(std::move(rest));
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<Document>> ReadConll2003(std::string_view data, const std::string& name) {
  Conll2003Reader reader(name);
  size_t start = 0, line_no = 0;
  while (start < data.size()) {
    size_t nl = data.find('\n', start);
    if (nl == std::string_view::npos) nl = data.size();
    ++line_no;
    Status s = reader.Line(data.substr(start, nl - start), line_no);
    if (!s.ok()) return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": " + s.message());
    start = nl + 1;
  }
  return reader.Finish();
}

std::vector<std::string> Conll2003GoldTags(const Document& doc) {
  std::vector<std::string> tags(doc.tokens.size(), "O");
  auto it = doc.metadata.find("conll2003");
  if (it == doc.metadata.end() || !it->contains("columns")) return tags;
  const nlohmann::json& cols = (*it)["columns"];
  for (size_t i = 0; i < tags.size() && i < cols.size(); ++i) {
    if (!cols[i].is_string()) continue;
    std::string s = cols[i].get<std::string>();
    size_t space = s.find_last_of(' ');
    tags[i] = space == std::string::npos ? s : s.substr(space + 1);
  }
  ToIob2(tags);
  return tags;
}

void ToIob2(std::vector<std::string>& tags) {
  std::string prev_type;
  for (std::string& tag : tags) {
    bool valid = tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-';
    if (!valid) {
      tag.assign(1, 'O');
      prev_type.clear();
      continue;
    }
    std::string type = tag.substr(2);
    if (tag[0] == 'I' && type != prev_type) tag[0] = 'B';
    prev_type = type;
  }
}

std::string_view ToConll2003Type(std::string_view type) {
  if (type == "PERSON" || type == "PER") return "PER";
  if (type == "GPE" || type == "LOC" || type == "FAC") return "LOC";
  if (type == "ORG") return "ORG";
  if (type == "NORP" || type == "EVENT" || type == "MISC" || type == "WORK_OF_ART" || type == "PRODUCT" ||
      type == "LANGUAGE" || type == "LAW") {
    return "MISC";
  }
  return "";
}

namespace {

std::vector<std::string> PredictedColumn(const Document& doc) {
  std::vector<std::string> out;
  out.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) {
    std::string_view tag = t.ner;
    std::string_view mapped = tag.size() > 2 ? ToConll2003Type(tag.substr(2)) : std::string_view();
    out.push_back(mapped.empty() ? "O" : std::string(tag.substr(0, 2)) + std::string(mapped));
  }
  ToIob2(out);
  return out;
}

}  // namespace

std::string WriteConll2003(const Document& doc) {
  std::string out;
  const nlohmann::json* meta = nullptr;
  auto it = doc.metadata.find("conll2003");
  if (it != doc.metadata.end() && it->is_object()) meta = &*it;
  if (meta != nullptr && meta->contains("docstart") && (*meta)["docstart"].is_string()) {
    out += (*meta)["docstart"].get<std::string>() + " O\n\n";
  } else if (meta == nullptr) {
    // Documents read from text, JSON Lines, HTML or CoNLL-U start with the
    // field's boundary line too, so a batch's output can be read back as
    // CoNLL-2003 documents and scored per document.
    out += "-DOCSTART- O\n\n";
  }
  std::vector<std::string> predicted = PredictedColumn(doc);
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
      out += doc.tokens[i].form;
      if (meta != nullptr && meta->contains("columns") && i < (*meta)["columns"].size() &&
          (*meta)["columns"][i].is_string()) {
        const std::string& cols = (*meta)["columns"][i].get_ref<const std::string&>();
        if (!cols.empty()) out += " " + cols;
      }
      out += " " + predicted[i];
      out.push_back('\n');
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace newsgraph::document
