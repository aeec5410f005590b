#include "pipeline/pipeline.h"

#include "extract/entities/entities.h"
#include "extract/events/events.h"
#include "extract/quotes/quotes.h"
#include "kb/gazetteer.h"
#include "models/model_file.h"
#include "models/ner.h"
#include "models/parser.h"
#include "models/tagger.h"
#include "text/segmenter.h"

namespace newsgraph::pipeline {

struct Pipeline::Models {
  Stage until = Stage::kParse;
  std::shared_ptr<const text::Segmenter> segmenter;
  std::shared_ptr<const models::Tagger> tagger;
  std::shared_ptr<const models::Parser> parser;
  std::shared_ptr<const models::NerTagger> ner;
  std::unique_ptr<const extract::EntityResolver> entities;
  std::unique_ptr<const extract::EventCoder> events;
};

StatusOr<Stage> ParseStage(const std::string& name) {
  if (name == "segment") return Stage::kSegment;
  if (name == "tag") return Stage::kTag;
  if (name == "parse") return Stage::kParse;
  if (name == "entities") return Stage::kEntities;
  if (name == "quotes") return Stage::kQuotes;
  if (name == "events" || name == "all") return Stage::kEvents;
  return Status::InvalidArgument("unknown stage '" + name +
                                 "' (expected segment, tag, parse, entities, quotes, events or all)");
}

Pipeline::Pipeline(std::unique_ptr<Models> models) : models_(std::move(models)) {}
Pipeline::~Pipeline() = default;

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::string dir = options.model_dir.empty() ? models::DefaultModelDir() : options.model_dir;
  auto m = std::make_unique<Models>();
  m->until = options.until;
  NG_ASSIGN_OR_RETURN(m->segmenter, text::Segmenter::Load(dir + "/segmenter.ngm"));
  if (options.until >= Stage::kTag) {
    NG_ASSIGN_OR_RETURN(m->tagger, models::Tagger::Load(dir + "/tagger.ngm"));
  }
  if (options.until >= Stage::kParse) {
    NG_ASSIGN_OR_RETURN(m->parser, models::Parser::Load(dir + "/parser.ngm"));
  }
  if (options.until >= Stage::kEntities) {
    NG_ASSIGN_OR_RETURN(auto gazetteer, kb::Gazetteer::Load(options.gazetteer_dir.empty() ? kb::Gazetteer::DefaultDir()
                                                                                          : options.gazetteer_dir));
    NG_ASSIGN_OR_RETURN(m->ner, models::NerTagger::Load(dir + "/ner.ngm", gazetteer));
    NG_ASSIGN_OR_RETURN(m->entities, extract::EntityResolver::Create(gazetteer));
    if (options.until >= Stage::kEvents) {
      NG_ASSIGN_OR_RETURN(m->events, extract::EventCoder::Load(options.event_dictionary_dir, gazetteer));
    }
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(m)));
}

void Pipeline::Annotate(document::Document& doc) const { Annotate(std::span<document::Document>(&doc, 1)); }

void Pipeline::Annotate(std::span<document::Document> docs) const {
  auto each = [&](auto&& stage) {
    for (document::Document& doc : docs) {
      if (!doc.skipped) stage(doc);
    }
  };
  each([&](document::Document& doc) {
    if (doc.tokens.empty()) models_->segmenter->Segment(doc);
  });
  if (models_->tagger) each([&](document::Document& doc) { models_->tagger->Tag(doc); });
  if (models_->parser) each([&](document::Document& doc) { models_->parser->Parse(doc); });
  if (models_->ner) each([&](document::Document& doc) { models_->ner->Tag(doc); });
  if (models_->entities) each([&](document::Document& doc) { models_->entities->Resolve(doc); });
  if (models_->until >= Stage::kQuotes) {
    each([&](document::Document& doc) {
      extract::FindQuotes(doc);
      extract::LinkFirstPersonToSpeakers(doc);
    });
  }
  if (models_->events) each([&](document::Document& doc) { models_->events->Code(doc); });
}

Stage Pipeline::until() const { return models_->until; }

}  // namespace newsgraph::pipeline
