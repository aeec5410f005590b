// The dependency parser: fills HEAD and DEPREL (Universal Dependencies, with
// subtypes such as nsubj:pass) of every token, reading FORM, UPOS and XPOS.
//
// Algorithm: greedy arc-hybrid transition parser (linear time), an averaged
// perceptron over hashed Zhang & Nivre style features, with a separate label
// classifier applied when an arc is made. The output is always a well-formed tree:
// every token has a head, there are no cycles and exactly one token has head 0.
//
// Thread safety: a loaded Parser is immutable; Parse/ParseSentence are const and
// may be called from many threads on different Documents at once.
#ifndef NEWSGRAPH_MODELS_PARSER_H_
#define NEWSGRAPH_MODELS_PARSER_H_

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/status.h"
#include "document/document.h"

namespace newsgraph::models {

namespace parser_internal {
struct Weights;
}

class Parser {
 public:
  // Model kind in meta["kind"] and the payload versions this build reads.
  static constexpr char kKind[] = "parser";
  static constexpr int kVersion = 1;

  // Reads a model file and verifies it: container magic/version/CRC, kind "parser",
  // payload version, table shapes, then runs the embedded self-test. Errors:
  // kNotFound (missing file), kCorruption (truncated, bad checksum, wrong kind or
  // version, self-test mismatch); every message names the file.
  static StatusOr<std::shared_ptr<const Parser>> Load(const std::string& path,
                                                     base::FileSystem& fs = base::LocalFileSystem());
  // Builds a parser from model-file bytes (`name` is used in errors).
  static StatusOr<std::shared_ptr<const Parser>> FromBytes(std::string bytes, const std::string& name);
  // DefaultModelDir() + "/parser.ngm".
  static std::string DefaultPath();

  // Fills head (1-based, 0 = root) and deprel of every token of every sentence.
  // Tokens need form and upos; xpos is used when present (falls back to upos).
  void Parse(document::Document& doc) const;
  // Same for one sentence `s` of `doc` (s must refer to doc's own token range).
  void ParseSentence(document::Document& doc, const document::Sentence& s) const;

  // The model's meta section (training spec, data hash, dev scores ...).
  const nlohmann::json& meta() const { return meta_; }

  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

 private:
  Parser();
  Status RunSelfTest(const nlohmann::json& selftest, const std::string& name) const;

  std::unique_ptr<parser_internal::Weights> weights_;
  nlohmann::json meta_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_PARSER_H_
