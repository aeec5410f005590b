// The one facade that runs newsgraph's stages over documents; cli/ and serve/
// use it and nothing below it. A Pipeline loads every model once and is then
// immutable: Annotate() may be called from many threads at once.
#ifndef NEWSGRAPH_PIPELINE_PIPELINE_H_
#define NEWSGRAPH_PIPELINE_PIPELINE_H_

#include <memory>
#include <span>
#include <string>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::pipeline {

// How far the analysis goes. Each stage includes the ones before it.
// kEntities = NER + coreference, roles and actors; kQuotes adds quotes and their
// speakers; kEvents adds coded events.
enum class Stage { kSegment, kTag, kParse, kEntities, kQuotes, kEvents };

// "segment", "tag", "parse", "entities", "quotes", "events" (also "all" = the last stage).
StatusOr<Stage> ParseStage(const std::string& name);

struct PipelineOptions {
  std::string model_dir;       // "" = models::DefaultModelDir()
  std::string gazetteer_dir;   // "" = kb::Gazetteer::DefaultDir()
  Stage until = Stage::kEvents;  // the last stage to run
  std::string event_dictionary_dir;  // "" = the built-in dictionaries
};

class Pipeline {
 public:
  // Loads the models the stages need. A missing or corrupt model file gives a
  // Status naming the file and how to restore it.
  static StatusOr<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Adds every layer up to options.until. Documents marked skipped (not English)
  // are left as they are. If the document already has tokens (CoNLL-U input with
  // gold tokens) segmentation is not redone.
  void Annotate(document::Document& doc) const;
  // The same for a group of documents, one stage over all of them before the next:
  // each model's tables then stay in the core's caches for the whole group instead of
  // evicting each other at every document (tagging then parsing EWT dev in groups of
  // ~8,000 tokens is 12-15 % faster than document by document; bench_models).
  void Annotate(std::span<document::Document> docs) const;

  Stage until() const;

 private:
  struct Models;
  explicit Pipeline(std::unique_ptr<Models> models);
  std::unique_ptr<Models> models_;
};

}  // namespace newsgraph::pipeline

#endif  // NEWSGRAPH_PIPELINE_PIPELINE_H_
