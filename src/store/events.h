// Queries over the stored events (docs/formats/events.md): merged events and event
// mentions filtered by actor, target, code, date and place, and the aggregates over
// them (a timeline by day, an actor network, places). The one query layer of
// `newsgraph events`, `newsgraph export` and the web server (docs/api.md), so the
// filters have the same names and meaning everywhere.
//
// Every value is checked (kInvalidArgument with a message naming the filter) and
// bound as an SQL parameter, never pasted into SQL. Offsets are Unicode code points
// into the document text.
//
// Thread safety: uses the Store's connection, so as Store (one thread per Store).
#ifndef NEWSGRAPH_STORE_EVENTS_H_
#define NEWSGRAPH_STORE_EVENTS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace newsgraph::store {

inline constexpr double kMaxNearKm = 20000;

struct Near {
  double lat = 0;  // -90..90
  double lon = 0;  // -180..180
  double km = 0;   // 0 < km <= kMaxNearKm
};

struct EventFilter {
  // Source side, one of: an actor id ("1001"); an ISO3 country ("RUS"); a CAMEO actor
  // code prefix ("RUSGOV" also matches "RUSGOVMIL"); a name or alias of an actor
  // ("Putin", any case). Lower-case codes ("rusgov") count as codes when no actor
  // has that name. "" = any.
  std::string actor;
  std::string target;  // target side, the same forms
  std::string root;    // CAMEO root ("04") or code prefix ("043"): 2-4 digits; "" = any
  std::string plover;  // PLOVER type ("CONSULT"), any case; "" = any
  std::string from;    // ISO dates YYYY-MM-DD, inclusive; "" = open
  std::string to;
  std::optional<Near> near;  // events placed within near->km of the point
  int limit = 100;  // < 0 = no limit
  int offset = 0;   // >= 0
  // Events: "date" (newest first, also "" and "-date"), "oldest", "goldstein" (most
  // negative first), "-goldstein", "mentions" (most reported first, also "-mentions").
  // Mentions: "date" or "oldest".
  std::string sort = "date";
  // Events: fill EventRow::source_url and added (two more lookups per row, for exports).
  bool with_first_report = false;
};

// Parses "LAT,LON,KM" into filter.near; kInvalidArgument saying what is wrong.
Status ParseNear(const std::string& text, EventFilter& filter);

struct EventRow {
  std::string id;
  std::string cameo, root, plover;
  int quad = 0;
  double goldstein = 0;
  std::optional<int64_t> source_actor_id, target_actor_id;  // the actors knowledge base (actors.h)
  std::string source_code, source_country;
  std::string source_name;        // the words of the first report ("" when none)
  std::string source_actor_name;  // the linked actor's canonical name ("" when none)
  std::string target_code, target_country, target_name, target_actor_name;
  std::string date;  // ISO; "" when unknown
  std::string place_name, place_country, place_admin1, place_feature;  // "" when unknown
  std::optional<double> lat, lon;
  int64_t mention_count = 0, document_count = 0, source_count = 0;
  std::string first_mention;  // event_mentions id "<doc_id>#<ordinal>"
  std::string source_url;     // the URL of the first reporting document ("" if none or not asked for)
  std::string added;          // when the first report was stored (ISO 8601 UTC; "" if not asked for)
};

struct MentionFilter {
  EventFilter filter;    // applied to the mention's own codes, date and place
  std::string doc_id;    // "" = any
  std::string event_id;  // "" = any
};

struct EventMentionRow {
  std::string id, doc_id;
  int64_t ordinal = 0;
  std::string event_id;  // "" for mentions not merged into an event (uncoded, negated ...)
  std::string cameo, root, plover, modality, uncoded_reason;
  int quad = 0;
  double goldstein = 0;
  bool negated = false;
  std::optional<int64_t> source_actor_id, target_actor_id;
  std::string source_text, source_code, source_country, target_text, target_code, target_country;
  std::string date, date_from, place_name;
  std::optional<double> lat, lon;
  std::string cue, evidence;  // the words
  int64_t cue_start = 0, cue_end = 0, evidence_start = 0, evidence_end = 0;  // code points into the document text
  std::optional<int64_t> quote_ordinal;  // when stated in a quote: its index in the document's quotes
  double confidence = 0;
  std::string doc_url, doc_source, doc_date, doc_title;
};

// Merged events matching `filter`, in its sort order.
StatusOr<std::vector<EventRow>> QueryEvents(Store& store, const EventFilter& filter);
// One event; nullopt when there is no event `id`.
StatusOr<std::optional<EventRow>> GetEvent(Store& store, const std::string& id);
// Event mentions matching `filter` (for one event: filter.event_id = its id,
// filter.filter.sort = "oldest").
StatusOr<std::vector<EventMentionRow>> QueryEventMentions(Store& store, const MentionFilter& filter);

// Aggregates over the events matching `filter` (its limit, offset and sort unused
// unless said).
struct TimelineDay {
  std::string date;
  int64_t count = 0;
  std::array<int64_t, 4> quads{};  // events of quad class 1..4
  double goldstein = 0;            // mean
};
// Days with events (undated events left out), oldest first.
StatusOr<std::vector<TimelineDay>> EventTimeline(Store& store, const EventFilter& filter);

struct NetworkEdge {
  std::string source, target;  // actor codes
  int64_t count = 0;
  double goldstein = 0;  // mean
};
struct NetworkNode {
  std::string code;
  int64_t count = 0;             // events on its edges
  std::string name;              // the one actor holding the code ("" when none or several)
  std::optional<int64_t> actor_id;
};
struct Network {
  std::vector<NetworkNode> nodes;  // by code
  std::vector<NetworkEdge> edges;  // most events first
};
// Edges between distinct source and target codes with at least `min_count` events,
// at most filter.limit edges (< 0 = all).
StatusOr<Network> EventNetwork(Store& store, const EventFilter& filter, int min_count);

struct PlaceCount {
  std::string name, country;  // "" when unknown
  double lat = 0, lon = 0;    // mean position
  int64_t count = 0;
  double goldstein = 0;  // mean
};
// Located events grouped by place name, most events first, at most filter.limit.
StatusOr<std::vector<PlaceCount>> EventPlaces(Store& store, const EventFilter& filter);

// Great-circle distance in km.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_EVENTS_H_
