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
  // Loads the pattern dictionaries from `dictionary_dir` ("" = the built-in
  // default). A broken dictionary file gives an error naming the file and line.
  static StatusOr<std::unique_ptr<const EventCoder>> Load(const std::string& dictionary_dir,
                                                           std::shared_ptr<const kb::Gazetteer> gazetteer);
  ~EventCoder();

  // Fills doc.events (replacing any). Thread-safe.
  void Code(document::Document& doc) const;

 private:
  explicit EventCoder(std::shared_ptr<const kb::Gazetteer> gazetteer);
  std::shared_ptr<const kb::Gazetteer> gazetteer_;
};

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_EVENTS_EVENTS_H_
