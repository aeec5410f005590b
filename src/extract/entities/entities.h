// Entities from mentions: coreference within a document (names, surnames, titles
// and descriptions, pronouns), roles and affiliations read from the text, relations
// such as accompanied_by, and actor codes (country + CAMEO sector).
// Runs after NER (models/ner.h), which fills Document::mentions with names.
//
// Knowledge: the gazetteer (countries, demonyms, cities, international
// organizations) and the project's own tables in data/kb/ (role words, sector
// words, named actors such as seats of government and news outlets; format in
// docs/formats/actors.md).
#ifndef NEWSGRAPH_EXTRACT_ENTITIES_ENTITIES_H_
#define NEWSGRAPH_EXTRACT_ENTITIES_ENTITIES_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "document/document.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract {

class EntityKb;

class EntityResolver {
 public:
  // Loads the data/kb tables from DefaultKbDir() and the given names' genders from the
  // gazetteer folder (given_names.tsv). Errors name "file:line" for a malformed row, the
  // path for a missing file. `gazetteer` must not be null.
  static StatusOr<std::unique_ptr<const EntityResolver>> Create(std::shared_ptr<const kb::Gazetteer> gazetteer);
  // Same, with the tables read from `kb_dir`.
  static StatusOr<std::unique_ptr<const EntityResolver>> Create(std::shared_ptr<const kb::Gazetteer> gazetteer,
                                                               const std::string& kb_dir);
  // $NEWSGRAPH_KB if set, else <source dir>/data/kb.
  static std::string DefaultKbDir();
  ~EntityResolver();

  // Fills doc.entities (replacing any), adds nominal and pronoun mentions to
  // doc.mentions (kept in text order), sets Mention::entity, and adds relations
  // (replacing any). Mentions of entity types (PERSON ORG GPE LOC FAC NORP EVENT
  // MISC) are repaired first: titles stripped from person names and kept as roles,
  // names the gazetteer or KB knows retyped ("Kremlin" tagged PERSON becomes ORG),
  // spans the NER cut short extended ("North" + "Korean"). Other mentions (DATE ...)
  // pass through unclustered (entity -1). Unresolved pronouns are dropped.
  // Time and memory are linear in the document (candidate lists are bounded).
  // Thread-safe: const and stateless between calls.
  void Resolve(document::Document& doc) const;

  // Number of role words and named actors in the loaded tables (for reports).
  size_t num_roles() const;
  size_t num_known_actors() const;

 private:
  EntityResolver(std::shared_ptr<const kb::Gazetteer> gazetteer, std::shared_ptr<const EntityKb> kb);
  std::shared_ptr<const kb::Gazetteer> gazetteer_;
  std::shared_ptr<const EntityKb> kb_;
};

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_ENTITIES_ENTITIES_H_
