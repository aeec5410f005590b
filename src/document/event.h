// An event mention: who did what to whom, when and where, as one sentence states
// it (issue "Political events"). Part of the Document value; offsets are BYTES
// into Document::text, like every Span.
#ifndef NEWSGRAPH_DOCUMENT_EVENT_H_
#define NEWSGRAPH_DOCUMENT_EVENT_H_

#include <optional>
#include <string>

#include "document/date.h"
#include "document/span.h"

namespace newsgraph::document {

// The source or target of an event.
struct EventActor {
  int entity = -1;    // index into Document::entities; -1 when the actor is not an entity
  std::string actor;  // CAMEO-style actor code (RUSGOV); "" when unknown (never invented)
  std::string country;  // ISO 3166 alpha-3; "" when unknown
  std::string text;   // the words that name it in the evidence
  Span span;
};

struct EventPlace {
  std::string name;
  std::string country;  // ISO 3166 alpha-3
  std::string admin1;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string feature;  // "country", "admin1", "city", "facility" ...
  Span span;            // the place's words; empty when taken from the dateline or the article
  std::string from;     // "sentence", "dateline", "article"
};

struct EventMention {
  std::string cameo;        // full CAMEO code, e.g. "043"; "" when uncoded (kept for review)
  std::string root;         // "04"
  int quad = 0;             // 1 verbal cooperation .. 4 material conflict
  double goldstein = 0;
  std::string plover;       // PLOVER event type, e.g. "CONSULT"
  std::string plover_mode;  // "" when the manual defines none
  std::string plover_context;
  EventActor source;
  EventActor target;
  std::optional<Date> date;
  std::string date_from;    // "article", or how a sentence expression was resolved ("last month -> 2023-08")
  Span date_span;           // the date expression; empty when the article date is used
  std::optional<EventPlace> place;
  bool negated = false;
  std::string modality = "asserted";  // "asserted", "intended", "hypothetical", "question"
  Span cue;                 // the verb or noun that triggered the code
  Span evidence;            // the sentence
  int quote = -1;           // index into Document::quotes when the event is stated inside a quote
  float confidence = 0;     // 0..1
  std::string uncoded_reason;  // non-empty: a verb of interest left uncoded, and why
};

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_EVENT_H_
