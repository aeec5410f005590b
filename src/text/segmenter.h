// The text stage: tokenizer and sentence splitter.
//
// Tokens follow UD English EWT conventions (punctuation and clitics split off,
// abbreviations, initials, numbers, URLs, e-mails and emoticons kept whole; see
// docs/formats/segmenter-model.md). Sentence ends are decided by a linear model
// trained on EWT (tools/train/train_segmenter), stored in data/models/segmenter.ngm.
//
// Thread safety: a loaded Segmenter is immutable; share one instance across threads.
#ifndef NEWSGRAPH_TEXT_SEGMENTER_H_
#define NEWSGRAPH_TEXT_SEGMENTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::text {

class SegmenterImpl;
}  // namespace newsgraph::text
namespace newsgraph::models {
class ModelFile;
}  // namespace newsgraph::models
namespace newsgraph::text {

class Segmenter {
 public:
  // Loads a segmenter model file. Errors (all naming the path): kNotFound if the
  // file is missing, kCorruption if it is truncated, damaged, of another kind
  // ("kind" in meta is not "segmenter") or of an unknown feature version, and
  // kInternal if the embedded self-test sentences do not segment as expected.
  static StatusOr<std::shared_ptr<const Segmenter>> Load(const std::string& path);
  // Same, from the bytes of a model file; `name` is used in messages.
  static StatusOr<std::shared_ptr<const Segmenter>> LoadFromBytes(std::string bytes, const std::string& name);
  // models::DefaultModelDir() + "/segmenter.ngm".
  static std::string DefaultPath();

  ~Segmenter();

  // Replaces doc.sentences and doc.tokens with the segmentation of doc.text,
  // leaving out the spans in doc.removed: no token or sentence overlaps one, and
  // a removed span always ends the sentence before it. A blank line, or a line
  // break followed by an indented line, always ends a sentence. Tokens carry
  // span, form (= text[span]) and space_after (next byte is whitespace or the
  // end of the text). Never fails; any valid UTF-8 is accepted.
  void Segment(document::Document& doc) const;

  // The model's "meta" section (kind, version, training spec, data hash, git
  // revision, dev scores).
  const nlohmann::json& meta() const;

 private:
  explicit Segmenter(std::unique_ptr<SegmenterImpl> impl);
  static StatusOr<std::shared_ptr<const Segmenter>> FromModelFile(const models::ModelFile& file);
  std::unique_ptr<SegmenterImpl> impl_;
};

// The rule tokenizer alone (no model, built-in abbreviation list) over
// text[begin, end). Spans are increasing, non-overlapping, non-empty, at code
// point boundaries and free of whitespace.
std::vector<document::Span> Tokenize(std::string_view text, size_t begin, size_t end);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_SEGMENTER_H_
