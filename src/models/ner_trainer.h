// Training side of the NER (models/ner.h): an averaged perceptron trained with
// greedy left-to-right decoding on the model's own previous predictions (and,
// for bidirectional models, a right-to-left pass whose labels it reads), the
// corpus converters (WikiGold in CoNLL-2003 columns, GUM's Entity= layer in
// CoNLL-U) and span-level scoring. Linked only into tools (ng_models_trainer).
// Not thread-safe; deterministic for a given input and seed.
#ifndef NEWSGRAPH_MODELS_NER_TRAINER_H_
#define NEWSGRAPH_MODELS_NER_TRAINER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "document/document.h"
#include "kb/gazetteer.h"
#include "models/ner.h"

namespace newsgraph::models {

// One training or evaluation sentence: forms and IOB2 tags over the NER's types.
struct NerSentence {
  std::vector<std::string> forms;
  std::vector<std::string> tags;
  int doc = -1;  // sentences with the same doc >= 0 form one document (document-level features); -1 = alone
};

// How the right-to-left pass of a bidirectional model is trained, and where the
// labels that the left-to-right pass reads as features come from in training.
enum class NerRightToLeft {
  kNone,       // no right-to-left pass (the payload 5 model)
  kOnline,     // trained alongside the left-to-right model, epoch by epoch; its
               // greedy guesses on each sentence (before it learns from it) are the features
  kOwn,        // trained first; its own (averaged) labels on the training sentences
  kJackknife,  // trained first; the labels of each fold come from a model trained on the others
};

struct NerTrainOptions {
  int epochs = 10;           // passes over the training sentences (shuffled each pass); the maximum with `dev`
  uint64_t seed = 1;         // shuffling seed
  float min_weight = 0.0f;   // averaged weights with |w| <= this are pruned
  // Word profiles for the features (models/ner_lexicon.h), copied into the model;
  // null = none.
  const NerLexicon* lexicon = nullptr;
  // Known names (models/ner_names.h), copied into the model; null = none.
  const NerNames* names = nullptr;
  // First names (models/ner_names.h), copied into the model; null = none.
  const NerFirstNames* first_names = nullptr;
  // If set, the averaged model is scored on these sentences after every epoch
  // (span F1 over CoNLL types: PER, LOC, ORG, MISC) and the best epoch's model is returned;
  // meta["training"] gets "best_epoch" and "dev_f1". Null = return the last epoch.
  const std::vector<NerSentence>* dev = nullptr;
  int min_epochs = 1;  // with `dev`, only epochs >= this are candidates (small dev sets are noisy)
  NerRightToLeft r2l = NerRightToLeft::kNone;
  int r2l_folds = 5;  // with kJackknife: folds by document (NerSentence::doc % folds)
  // The right-to-left pass is trained to give every token of a name B-X (its
  // type), not the reversed IOB2 coding that also marks where names end
  // (ner_internal::ToReversedCoding); train_ner's default, CV in data/models/README.md.
  bool r2l_types_only = false;
  // Left-to-right perceptrons trained with different shuffle seeds (seed + 7919·k), one
  // thread each; the model holds the mean of their averaged weights (and of their
  // on-line right-to-left models), so tagging costs what one costs.
  int ensemble = 1;
};

// Trains a tagger on `train`; `meta` becomes the model's meta (kind/version are set here).
std::shared_ptr<const NerTagger> TrainNer(const std::vector<NerSentence>& train,
                                          std::shared_ptr<const kb::Gazetteer> gazetteer,
                                          const NerTrainOptions& options, nlohmann::json meta);

// Word profiles (models/ner_lexicon.h) from raw text, one string per document;
// words seen fewer than `min_count` times are left out. Deterministic.
// `clusters` (normalized word, heap code) pairs, e.g. WordClusters::words(), are
// merged in: their words are added to the lexicon if missing.
NerLexicon BuildNerLexicon(const std::vector<std::string>& texts, int min_count = 3,
                           const std::vector<std::pair<std::string, uint32_t>>& clusters = {});

// Self-training: `lexicon` with type profiles (NerLexEntry::types, see
// NerTypeProfile) from tagging `texts` (raw news stories, one per string; a
// crude whitespace tokenizer splits them) with `tagger`: for each word
// capitalized at least `min_count` times, the types its capitalized uses got.
// Deterministic.
NerLexicon AddTypeProfiles(const NerTagger& tagger, const NerLexicon& lexicon, const std::vector<std::string>& texts,
                           int min_count = 3);

// Writes `tagger` to `path` with a self-test made by tagging `selftest_sentences`
// (token lists) with it.
// The sentences of `sentences` tagged by `tagger` as NerTagger::TagDocument does,
// in the same order; a document is a run of consecutive sentences with the same
// NerSentence::doc >= 0 (doc -1: a sentence alone).
std::vector<std::vector<std::string>> TagSentences(const NerTagger& tagger, const std::vector<NerSentence>& sentences);

Status WriteNerModel(const NerTagger& tagger, const std::vector<std::vector<std::string>>& selftest_sentences,
                     const std::string& path);

// Span counts per type; "ALL" holds the sums.
struct SpanCounts {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};
// Adds the exact-match span counts of one sentence (IOB2 tags) to `counts`.
// `map_type` (may be null) renames or drops types ("" = ignore the span).
void CountSpans(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
                std::string_view (*map_type)(std::string_view), std::map<std::string, SpanCounts>& counts);

// "GPE", "LOC" or "FAC" for a place name: GPE if the gazetteer knows it as a
// country, admin-1 unit or city; FAC if its last word names a facility
// ("Airport", "Cosmodrome", "Bridge" ...); LOC if it names a natural or regional
// feature ("River", "Mountains", "Europe" ...); else GPE.
std::string ClassifyPlace(const std::vector<std::string>& forms, const kb::Gazetteer& gazetteer);

// WikiGold / CoNLL-2003 documents (document/conll2003.h) to NER sentences: PER ->
// PERSON, ORG -> ORG, LOC -> ClassifyPlace, MISC -> NORP for demonyms, EVENT for
// event names, else MISC. NerSentence::doc is the index in `docs`.
std::vector<NerSentence> ConllDocsToSentences(const std::vector<document::Document>& docs,
                                              const kb::Gazetteer& gazetteer);

// GUM CoNLL-U with Entity= annotations to NER sentences: named mentions (a PROPN
// head) of type person/organization/place/event, other named mentions with a
// Wikipedia identity as MISC, and capitalized demonyms as NORP. All sentences
// get NerSentence::doc 0 (one document). `name` is used in errors.
StatusOr<std::vector<NerSentence>> GumToSentences(std::string_view conllu, const std::string& name,
                                                  const kb::Gazetteer& gazetteer);

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_NER_TRAINER_H_
