// Entities from mentions: coreference within a document (names, surnames, titles
// and descriptions, pronouns), roles and affiliations read from the text, relations
// such as accompanied_by, and actor codes (country + CAMEO sector).
// Runs after NER (models/ner.h), which fills Document::mentions with names.
#ifndef NEWSGRAPH_EXTRACT_ENTITIES_ENTITIES_H_
#define NEWSGRAPH_EXTRACT_ENTITIES_ENTITIES_H_

#include <memory>

#include "base/status.h"
#include "document/document.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract {

class EntityResolver {
 public:
  static StatusOr<std::unique_ptr<const EntityResolver>> Create(std::shared_ptr<const kb::Gazetteer> gazetteer);
  ~EntityResolver();

  // Fills doc.entities (replacing any), adds nominal and pronoun mentions to
  // doc.mentions (kept in text order), sets Mention::entity, and adds relations.
  // Thread-safe: const and stateless between calls.
  void Resolve(document::Document& doc) const;

 private:
  explicit EntityResolver(std::shared_ptr<const kb::Gazetteer> gazetteer);
  std::shared_ptr<const kb::Gazetteer> gazetteer_;
};

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_ENTITIES_ENTITIES_H_
