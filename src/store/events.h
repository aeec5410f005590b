// Queries over the stored events (docs/formats/events.md): merged events filtered
// by actor, target, code, date and place, and the mentions that report one event.
// For `newsgraph events`, `newsgraph export` and the web server. Uses the Store's
// connection, so the same thread rules apply (one thread per Store).
#ifndef NEWSGRAPH_STORE_EVENTS_H_
#define NEWSGRAPH_STORE_EVENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace newsgraph::store {

struct EventFilter {
  std::string actor;   // source: a CAMEO actor code prefix ("RUS", "RUSGOV") or a country code
  std::string target;  // target, the same way
  std::string root;    // CAMEO root ("04") or a code prefix ("043")
  std::string plover;  // PLOVER type ("CONSULT"), case-insensitive
  std::string from;    // ISO dates, inclusive; "" = open
  std::string to;
  std::optional<double> near_lat;  // with near_lon and near_km: events within near_km of the point
  std::optional<double> near_lon;
  double near_km = 0;
  int limit = 100;  // < 0 = no limit
  int offset = 0;
  std::string sort = "date";  // "date" (newest first), "mentions" (most reported first), "goldstein" (most negative first)
};

// Parses "--near LAT,LON,KM" into the filter; kInvalidArgument saying what is wrong.
Status ParseNear(const std::string& text, EventFilter& filter);

struct EventRow {
  std::string id;
  std::string cameo, root, plover;
  int quad = 0;
  double goldstein = 0;
  std::string source_code, source_country, source_name;
  std::string target_code, target_country, target_name;
  std::string date;  // ISO; "" when unknown
  std::string place_name, place_country, place_admin1, place_feature;
  std::optional<double> lat, lon;
  int64_t mention_count = 0, document_count = 0, source_count = 0;
  std::string first_mention;  // event_mentions id "<doc_id>#<ordinal>"
  std::string source_url;     // the URL of the first reporting document ("" if none)
  std::string added;          // when the first report was stored (ISO 8601 UTC)
};

struct EventMentionRow {
  std::string id, doc_id, event_id;
  int64_t ordinal = 0;
  std::string cameo, plover, modality, uncoded_reason;
  bool negated = false;
  std::string source_text, source_code, target_text, target_code;
  std::string date, date_from, place_name;
  std::string cue, evidence;       // the words
  int64_t cue_start = 0, cue_end = 0, evidence_start = 0, evidence_end = 0;  // code points into the document text
  double confidence = 0;
  std::string doc_url, doc_source, doc_date, doc_title;
};

StatusOr<std::vector<EventRow>> QueryEvents(Store& store, const EventFilter& filter);
// The mentions merged into `event_id`, in (document date, id) order.
StatusOr<std::vector<EventMentionRow>> QueryEventMentions(Store& store, const std::string& event_id);

// Great-circle distance in km.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_EVENTS_H_
