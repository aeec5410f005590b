// Trains a Tagger (tagger.h) from CoNLL-U files and writes the model file.
// Deterministic for fixed options (own shuffle with a seeded generator).
// Not linked into the newsgraph binary.
#ifndef NEWSGRAPH_MODELS_TAGGER_TRAINER_H_
#define NEWSGRAPH_MODELS_TAGGER_TRAINER_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "document/document.h"
#include "models/tagger.h"
#include "models/word_clusters.h"

namespace newsgraph::models {

struct TaggerTrainOptions {
  std::vector<std::string> train_files;                        // CoNLL-U with gold UPOS/XPOS/FEATS/LEMMA
  std::vector<std::pair<std::string, std::string>> dev_files;  // (name, CoNLL-U path); the first picks the best epoch
  int epochs = 10;
  uint64_t seed = 1;
  float prune = 0.0f;          // drop averaged weights with |w| <= prune (smaller model)
  int case_augment_every = 0;  // also train on an UPPER and a lower copy of every N-th sentence (0 = off)
  // Word clusters for cluster-prefix features (copied into the model); nullptr = none.
  std::shared_ptr<const WordClusters> clusters = nullptr;
  std::string clusters_name;   // recorded in meta (e.g. the clusters file path)
  bool two_pass = false;       // second left-to-right pass with the first pass's right-context labels
  // Bidirectional stacking (payload 3): a right-to-left model is trained first, and the
  // final left-to-right model also sees its labels of tokens i-1..i+2 and its margin
  // at i (tagger.h, ExtractStackFeatures). Tagging then costs two greedy passes.
  bool bidirectional = false;
  bool bidirectional_light = false;  // smaller right-to-left (14 context) and stacked (5) feature sets
  // Where the stacked model's training labels come from: 0 or 1 = on-line (the
  // right-to-left model's guesses on each sentence while both models learn, the
  // default: better on EWT dev and 3x cheaper than jackknifing); K > 1 = K jackknifed
  // right-to-left models (each trained stack_fold_epochs epochs, 0 = epochs).
  int stack_folds = 0;
  int stack_fold_epochs = 0;
  // Perceptrons trained with different shuffle seeds, one thread each; the model holds
  // the mean of their averaged weights (same tagging cost as one). Needs stack_folds <= 1.
  int ensemble = 1;
  int vocab_min_count = 2;     // forms seen this often get a precomputed speed-cache entry
  std::string git_revision;    // recorded in meta
  std::function<void(const std::string&)> log = nullptr;  // progress lines; nullptr = silent
};

// Gold-annotated sentences (one Document, tokens and sentences filled).
struct TaggedCorpus {
  document::Document doc;
  std::string name;
};
StatusOr<TaggedCorpus> ReadTaggedCorpus(const std::vector<std::string>& paths);

// Percent of tokens where each layer matches gold; `all` = upos+xpos+feats+lemma.
struct TagScores {
  double upos = 0, xpos = 0, feats = 0, lemma = 0, all = 0;
  size_t tokens = 0;
  nlohmann::json ToJson() const;
};
TagScores EvaluateTagger(const Tagger& tagger, const TaggedCorpus& gold, const TagOptions& options = {});

struct TrainedTagger {
  std::shared_ptr<const Tagger> tagger;  // meta() holds the full training record
  nlohmann::json selftest;
};
// Trains for options.epochs epochs, keeps the epoch best on the first dev set.
StatusOr<TrainedTagger> TrainTagger(const TaggerTrainOptions& options);
// Writes the model file (sections "labels", "weights", "feats", "lemmatizer").
Status WriteTaggerModel(const TrainedTagger& model, const std::string& path);
// Serialized bytes of the same file (tests reload them with Tagger::LoadFromBytes).
std::string SerializeTaggerModel(const TrainedTagger& model);

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_TAGGER_TRAINER_H_
