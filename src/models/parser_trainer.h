// Training of the dependency parser (parser.h): averaged perceptron, arc-hybrid
// transitions, dynamic oracle with exploration (Goldberg & Nivre 2013), and a
// label classifier trained on the arcs the parser makes; optionally the mean of
// several such perceptrons trained with different seeds. Deterministic for a
// given seed. Linked only by tools/train programs and tests, never by newsgraph.
#ifndef NEWSGRAPH_MODELS_PARSER_TRAINER_H_
#define NEWSGRAPH_MODELS_PARSER_TRAINER_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "document/document.h"
#include "models/word_clusters.h"

namespace newsgraph::models {

struct ParserTrainerOptions {
  int epochs = 16;             // passes over the training set; the best dev epoch is kept
  int action_bits = 22;        // action table has 2^bits hashed feature rows
  int label_bits = 17;         // label table has 2^bits rows
  int explore_from_epoch = 2;  // 1-based epoch from which wrong predictions are followed
  double explore_prob = 0.9;   // probability of following a wrong prediction then
  uint64_t seed = 1;           // shuffling and exploration
  // 1 = the Zhang & Nivre templates (~110 action, ~38 label features); 2 adds word-cluster and
  // suffix templates (needs `clusters`; measured: no LAS gain, ~20% slower, so 1 is the default).
  int feature_set = 1;
  // Beam width: 1 = greedy decoding and greedy training with the dynamic oracle; k > 1 =
  // beam search with global training (max-violation or early update; no exploration).
  int beam = 1;
  bool max_violation = true;   // false = early update (Collins & Roark 2004)
  int ensemble = 1;            // perceptrons trained with seeds seed, seed+7919, ...; the model is their mean
  // Feature set 3: gold-tagged documents whose UPOS tags make the ambiguity classes
  // (a word's tags seen at least twice); nullptr = the training documents themselves.
  const std::vector<document::Document>* lexicon_docs = nullptr;
  // Word clusters for cluster features; nullptr = none (cluster features stay constant).
  std::shared_ptr<const WordClusters> clusters = nullptr;
};

// Attachment scores over all tokens (punctuation included, as in CoNLL 2018).
struct AttachmentScore {
  int64_t tokens = 0;
  int64_t heads = 0;   // correct heads
  int64_t labels = 0;  // correct head and deprel
  double uas() const { return tokens ? 100.0 * heads / tokens : 0; }
  double las() const { return tokens ? 100.0 * labels / tokens : 0; }
};

// Compares heads/deprels of two documents with identical tokenization.
AttachmentScore ScoreParses(const std::vector<document::Document>& gold,
                            const std::vector<document::Document>& predicted);

struct TrainedParser {
  std::string weights;  // payload of the model file's "weights" section
  int feature_set = 2;  // meta "feature_set" (and "version" for greedy set-1/2 models)
  int beam = 1;         // meta "beam"
  std::string lexicon;  // payload of the "lexicon" section (feature set 3), else empty
  int best_epoch = 0;
  AttachmentScore dev;  // of the best epoch on the first dev set (empty if none)
  std::vector<AttachmentScore> dev_all;  // best epoch, every dev set
};

// Trains on the gold heads/deprels of `train` (tokens need form, upos, xpos).
// `dev` sets (possibly empty) are parsed after each epoch; the epoch with the best
// LAS on dev[0] is kept (the last epoch if there is no dev set). Progress goes to `log`.
StatusOr<TrainedParser> TrainParser(const std::vector<document::Document>& train,
                                    const std::vector<std::vector<document::Document>>& dev,
                                    const ParserTrainerOptions& options, std::ostream& log);

// Assembles a complete model file: `meta` (kind is set here; meta["version"] must be the
// TrainedParser::feature_set of the weights, and defaults to the default feature set) plus a
// self-test made of `selftest_sentences` (tagged tokens) with the output of these
// weights as the expected result. `clusters` are the ones the weights were trained
// with (nullptr = none); meta["clusters"] = {"file": `clusters_file`, "hash"} is set then.
// `lexicon` is TrainedParser::lexicon (required by feature set 3, written as section "lexicon");
// `relabel` is TrainedRelabeler::section (written as section "relabel"; meta["version"] must be 4).
StatusOr<std::string> BuildParserModelFile(const std::string& weights, nlohmann::json meta,
                                           const std::vector<document::Document>& selftest_sentences,
                                           std::shared_ptr<const WordClusters> clusters = nullptr,
                                           const std::string& clusters_file = "clusters.ngm",
                                           const std::string& lexicon = "", const std::string& relabel = "");

// The mean of several "weights" payloads (TrainedParser::weights) with the same table
// shapes and label set, each model's quantized weights counting equally, quantized again:
// an ensemble of models trained on different data or tags that costs nothing at run time.
// InvalidArgument names the first payload that does not match the first.
StatusOr<std::string> AverageParserWeights(const std::vector<std::string>& weights);

// Second-stage labeller (parser_relabel.h): relabels every arc of a finished tree.
struct RelabelerTrainOptions {
  std::vector<std::string> labels;  // the first-pass parser's labels (Parser::labels()), required
  int label_bits = 16;         // the weight table has 2^bits hashed rows (7 MB at 16; 18 was no better)
  int epochs = 6;              // the best epoch on the first dev set is kept
  uint64_t seed = 1;           // shuffling
  float min_abs_weight = 0.0f; // averaged weights smaller than this are pruned
  int ensemble = 1;            // perceptrons with different shuffles whose mean is the model
};
// A dev set: gold trees and the same sentences as the first pass parsed them.
struct RelabelDevSet {
  std::string name;
  const std::vector<document::Document>* gold;
  const std::vector<document::Document>* parsed;
};
struct TrainedRelabeler {
  std::string section;  // payload of the parser model's "relabel" section
  int best_epoch = 0;
  std::vector<AttachmentScore> dev_before, dev_after;  // per dev set: first pass, relabelled
};
// Trains on the gold trees of `train` (tokens need form, upos, xpos, head, deprel); or,
// when `train_parsed` is given (the same sentences parsed by first-pass parsers that
// never saw them, i.e. jackknifed), stacked: on the arcs of those parses whose head is
// right, with their first-pass labels as features.
StatusOr<TrainedRelabeler> TrainRelabeler(const std::vector<document::Document>& train,
                                          const std::vector<document::Document>* train_parsed,
                                          const std::vector<RelabelDevSet>& dev, const RelabelerTrainOptions& options,
                                          std::ostream& log);

// The relabel `section` with another gate: only arcs whose first-pass label margin
// (quantized score units) is below `gate` are relabelled; 32768 = every arc.
StatusOr<std::string> SetRelabelGate(const std::string& section, int gate);

// Our own tagged sentences for the self-test, with hand-made gold trees.
std::vector<document::Document> ParserSelfTestSentences();

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_PARSER_TRAINER_H_
