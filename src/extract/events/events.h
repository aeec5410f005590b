// Political events: CAMEO and PLOVER coded event mentions with source and target
// actors, date, place and evidence, from the parse, the entities and the quotes.
#ifndef NEWSGRAPH_EXTRACT_EVENTS_EVENTS_H_
#define NEWSGRAPH_EXTRACT_EVENTS_EVENTS_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "document/document.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract {

class EventCoder {
 public:
  // Loads the pattern dictionaries from `dictionary_dir` ("" = $NEWSGRAPH_EVENTS,
  // else data/events of the source tree; docs/formats/events.md). A broken
  // dictionary file gives kInvalidArgument naming "file:line" and what is wrong.
  static StatusOr<std::unique_ptr<const EventCoder>> Load(const std::string& dictionary_dir,
                                                           std::shared_ptr<const kb::Gazetteer> gazetteer);
  ~EventCoder();

  // Fills doc.events (replacing any), in text order: coded mentions and verbs of
  // interest left uncoded (EventMention::uncoded_reason). Thread-safe.
  void Code(document::Document& doc) const;

  struct Tables;  // the loaded dictionaries (internal)

 private:
  EventCoder(std::shared_ptr<const kb::Gazetteer> gazetteer, std::unique_ptr<Tables> tables);
  std::shared_ptr<const kb::Gazetteer> gazetteer_;
  std::unique_ptr<Tables> tables_;
};

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_EVENTS_EVENTS_H_
