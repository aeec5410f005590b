// Named entity recognition. Fills Token::ner with IOB2 tags ("B-PERSON",
// "I-GPE", "O") over these types:
//   learned (averaged perceptron, greedy left-to-right with BIO constraints;
//     bidirectional models first run a right-to-left pass whose labels are
//     features of the left-to-right one, models/ner_features.h):
//     PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, MISC (other names: works, products,
//     languages);
//   span rules after decoding (models/ner_span_rules.h): known names, company
//     suffixes, datelines, sports results lines, persons in results lists;
//   rules over tokens (models/ner_rules.h), on tokens the model left O:
//     DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL.
// Features: word, shape, affixes, capitalisation, neighbours, previous tags,
// gazetteer matches (kb/gazetteer.h), a title/honorific list, and word profiles
// learned from unlabeled news (models/ner_lexicon.h, embedded in the model
// file; they include self-training type profiles: how a first model tagged
// each word across the news text, first names vs surnames), a list of known
// names and a list of first names (models/ner_names.h, embedded too) and how each
// word is written elsewhere in the document (all-caps headlines are re-cased
// first). POS is not used, so the NER runs on tokens alone. Tag(doc) adds a
// document-level pass: the majority type of a repeated name wins, and missed
// repeats of a name (or a person's surname) are tagged. Training: models/ner_trainer.h; scores in
// data/models/README.md.
//
// A NerTagger is immutable after Load; Tag() is const and thread-safe (scratch
// space is per call), so share one instance across threads.
#ifndef NEWSGRAPH_MODELS_NER_H_
#define NEWSGRAPH_MODELS_NER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/status.h"
#include "document/document.h"
#include "kb/gazetteer.h"
#include "models/ner_lexicon.h"
#include "models/ner_names.h"
#include "models/perceptron.h"

namespace newsgraph::models {

namespace ner_internal {
class DocContext;
}

class NerTagger {
 public:
  // Opens an NER model file: checks the container (magic, version, checksums),
  // meta.kind == "ner", the payload, and runs the embedded self-test with
  // `gazetteer` (which must not be null: the model's features use it). Errors
  // name the file and say what is wrong.
  static StatusOr<std::shared_ptr<const NerTagger>> Load(const std::string& model_path,
                                                        std::shared_ptr<const kb::Gazetteer> gazetteer,
                                                        base::FileSystem& fs = base::LocalFileSystem());
  // Same, from the bytes of a model file (`name` is used in messages).
  static StatusOr<std::shared_ptr<const NerTagger>> LoadFromBytes(std::string bytes, const std::string& name,
                                                                 std::shared_ptr<const kb::Gazetteer> gazetteer);
  // Load() without the self-test, for the trainer that writes the model again with
  // today's rules and a new self-test (train_ner --replace-names). Checksums are checked.
  static StatusOr<std::shared_ptr<const NerTagger>> LoadToRestamp(const std::string& model_path,
                                                                 std::shared_ptr<const kb::Gazetteer> gazetteer);
  // DefaultModelDir() + "/ner.ngm".
  static std::string DefaultPath();

  // Fills Token::ner of every token of every sentence of `doc` (tokens outside
  // sentences are left alone), then makes the tags of repeated names consistent
  // across the document, and replaces doc.mentions with one Mention per tagged
  // span (kind "name", type = the tag's type, span = first token start to last
  // token end), in text order. Clears doc.entities and doc.relations too, since
  // they index the old mentions.
  void Tag(document::Document& doc) const;
  // Tags one sentence given as token forms; returns one IOB2 tag per form.
  std::vector<std::string> TagForms(const std::vector<std::string_view>& forms) const;
  // Tags the sentences of one document (each a list of token forms) with the
  // document-level features and the consistency pass (models/ner_document.h),
  // as Tag(doc) does.
  std::vector<std::vector<std::string>> TagDocument(const std::vector<std::vector<std::string_view>>& sentences) const;

  // kind, version, training spec, data hash, git revision, dev scores.
  const nlohmann::json& meta() const { return meta_; }

  // ---- internals shared with NerTrainer; not part of the stable API ----
  // The learned label set: "O", then B-/I- of each learned type; index = class id.
  static const std::vector<std::string>& Labels();
  // `weights_r2l` empty (no classes) = no right-to-left pass (payload 5 and older).
  NerTagger(nlohmann::json meta, perceptron::SparseWeights weights, std::shared_ptr<const kb::Gazetteer> gazetteer,
            NerLexicon lexicon = {}, NerNames names = {}, NerFirstNames first_names = {},
            perceptron::SparseWeights weights_r2l = {});
  const perceptron::SparseWeights& weights() const { return weights_; }
  const perceptron::SparseWeights& weights_r2l() const { return weights_r2l_; }
  bool bidirectional() const { return weights_r2l_.num_classes() > 0; }
  const NerLexicon& lexicon() const { return lexicon_; }
  const NerNames& names() const { return names_; }
  const NerFirstNames& first_names() const { return first_names_; }
  // One sentence with its document's context (null = none); `sports_lines`
  // false leaves out the sports-results span rule (models/ner_span_rules.h).
  std::vector<std::string> TagForms(const std::vector<std::string_view>& forms, const ner_internal::DocContext* doc,
                                    bool sports_lines = true) const;
  // TagDocument with or without the sports-results span rule.
  std::vector<std::vector<std::string>> TagDocument(const std::vector<std::vector<std::string_view>>& sentences,
                                                    bool sports_lines) const;
  const kb::Gazetteer& gazetteer() const { return *gazetteer_; }
  // Checks `selftest` ([{"tokens": [...], "ner": [...]}, ...]); Ok or a message
  // naming the first sentence and token that differ.
  Status CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const;

 private:
  static StatusOr<std::shared_ptr<const NerTagger>> LoadChecked(std::string bytes, const std::string& name,
                                                               std::shared_ptr<const kb::Gazetteer> gazetteer,
                                                               bool run_self_test);
  nlohmann::json meta_;
  perceptron::SparseWeights weights_;
  perceptron::SparseWeights weights_r2l_;  // right-to-left pass; no classes = none
  std::shared_ptr<const kb::Gazetteer> gazetteer_;
  NerLexicon lexicon_;
  NerNames names_;
  NerFirstNames first_names_;
};

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_NER_H_
