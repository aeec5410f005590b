// /api/events, /api/events/{id}, /api/mentions: store/events.h as JSON.
#include "serve/query.h"
#include "serve/rows.h"
#include "store/events.h"

namespace newsgraph::serve {
namespace {

constexpr int kMaxEventMentions = 200;

}  // namespace

StatusOr<std::string> ListEvents(store::Store& store, const QueryParams& p) {
  NG_ASSIGN_OR_RETURN(std::vector<store::EventRow> rows, store::QueryEvents(store, EventFilterOf(p)));
  return Page(rows, p, WriteEvent);
}

StatusOr<nlohmann::json> GetEvent(store::Store& store, const std::string& id) {
  NG_ASSIGN_OR_RETURN(std::optional<store::EventRow> event, store::GetEvent(store, id));
  if (!event) return Status::NotFound("no event with id '" + id + "'");
  store::MentionFilter f;
  f.event_id = id;
  f.filter.sort = "oldest";
  f.filter.limit = kMaxEventMentions;
  NG_ASSIGN_OR_RETURN(std::vector<store::EventMentionRow> mentions, store::QueryEventMentions(store, f));
  nlohmann::json out = EventJson(*event);
  out["mentions"] = nlohmann::json::array();
  for (const store::EventMentionRow& m : mentions) out["mentions"].push_back(MentionJson(m));
  return out;
}

StatusOr<std::string> ListMentions(store::Store& store, const QueryParams& p) {
  store::MentionFilter f;
  f.filter = EventFilterOf(p);
  f.doc_id = p.doc;
  f.event_id = p.event;
  NG_ASSIGN_OR_RETURN(std::vector<store::EventMentionRow> rows, store::QueryEventMentions(store, f));
  return Page(rows, p, WriteMention);
}

}  // namespace newsgraph::serve
