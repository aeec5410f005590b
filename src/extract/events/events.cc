#include "extract/events/events.h"

namespace newsgraph::extract {

EventCoder::EventCoder(std::shared_ptr<const kb::Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}
EventCoder::~EventCoder() = default;

StatusOr<std::unique_ptr<const EventCoder>> EventCoder::Load(const std::string& dictionary_dir,
                                                             std::shared_ptr<const kb::Gazetteer> gazetteer) {
  return std::unique_ptr<const EventCoder>(new EventCoder(std::move(gazetteer)));
}

// TODO(events): the real coder.
void EventCoder::Code(document::Document& doc) const { doc.events.clear(); }

}  // namespace newsgraph::extract
