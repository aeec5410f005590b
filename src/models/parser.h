// The dependency parser: fills HEAD and DEPREL (Universal Dependencies, with
// subtypes such as nsubj:pass) of every token, reading FORM, UPOS and XPOS.
//
// Algorithm: arc-hybrid transition parser (linear time), greedy or with a small
// beam (the model says which), an averaged perceptron over hashed Zhang & Nivre
// style features, with a separate label classifier applied when an arc is made; models of
// payload version 4 then relabel every arc of the finished tree with a second classifier
// that sees the whole tree (parser_relabel.h). The output is always a well-formed tree:
// every token has a head, there are no cycles and exactly one token has head 0.
//
// Word clusters (word_clusters.h) are an optional dependency: a model trained with
// them records meta["clusters"] = {"file", "hash"} and loads that file from the
// directory of the parser model; without it the parser refuses to load.
//
// Thread safety: a loaded Parser is immutable; Parse/ParseSentence are const and
// may be called from many threads on different Documents at once.
#ifndef NEWSGRAPH_MODELS_PARSER_H_
#define NEWSGRAPH_MODELS_PARSER_H_

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/status.h"
#include "document/document.h"
#include "models/word_clusters.h"

namespace newsgraph::models {

namespace parser_internal {
struct Weights;
class Relabeler;
class ClusterIndex;
class AmbiguityIndex;
}

class Parser {
 public:
  // Model kind in meta["kind"] and the payload versions this build reads.
  static constexpr char kKind[] = "parser";
  // Payload version written; 1..kVersion are read. 1: feature set 1, greedy; 2: feature
  // set 2 (cluster/suffix features, clusters dependency), greedy; 3: meta["feature_set"]
  // names the feature set and meta["beam"] the decoding beam width (1 = greedy);
  // feature set 3 (ambiguity classes) needs the section "lexicon"; 4: as 3, plus the
  // section "relabel", a second-stage labeller that relabels the finished tree.
  static constexpr int kVersion = 4;
  static constexpr int kMinVersion = 1;
  // Widest decoding beam a model may ask for.
  static constexpr int kMaxBeam = 64;

  // Reads a model file and verifies it: container magic/version/CRC, kind "parser",
  // payload version, table shapes, the clusters file it needs (if any, from the same
  // directory, same `fs`), then runs the embedded self-test. Errors: kNotFound
  // (missing model or clusters file), kCorruption (truncated, bad checksum, wrong
  // kind or version, clusters that differ from training, self-test mismatch);
  // every message names the file.
  static StatusOr<std::shared_ptr<const Parser>> Load(const std::string& path,
                                                     base::FileSystem& fs = base::LocalFileSystem());
  // Builds a parser from model-file bytes (`name` is used in errors). `clusters`
  // must be given when the model needs them (meta["clusters"]); ignored otherwise.
  static StatusOr<std::shared_ptr<const Parser>> FromBytes(std::string bytes, const std::string& name,
                                                          std::shared_ptr<const WordClusters> clusters = nullptr);
  // The fingerprint recorded in meta["clusters"]["hash"] for a clusters model.
  static std::string ClustersHash(const WordClusters& clusters);
  // DefaultModelDir() + "/parser.ngm".
  static std::string DefaultPath();

  // Fills head (1-based, 0 = root) and deprel of every token of every sentence.
  // Tokens need form and upos; xpos is used when present (falls back to upos).
  void Parse(document::Document& doc) const;
  // Same for one sentence `s` of `doc` (s must refer to doc's own token range).
  void ParseSentence(document::Document& doc, const document::Sentence& s) const;

  // The dependency labels (DEPREL values) this model writes.
  const std::vector<std::string>& labels() const;

  // The model's meta section (training spec, data hash, dev scores ...).
  const nlohmann::json& meta() const { return meta_; }

  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

 private:
  Parser();
  Status RunSelfTest(const nlohmann::json& selftest, const std::string& name) const;

  std::unique_ptr<parser_internal::Weights> weights_;
  std::shared_ptr<const WordClusters> clusters_;  // null when the model does not use clusters
  std::unique_ptr<parser_internal::ClusterIndex> cluster_index_;  // built from clusters_
  std::unique_ptr<parser_internal::AmbiguityIndex> ambiguity_;    // feature set 3 only
  std::unique_ptr<parser_internal::Relabeler> relabeler_;        // version 4 only
  nlohmann::json meta_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_PARSER_H_
