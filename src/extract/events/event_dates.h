// Internal to extract/events: the date of an event from its sentence, resolved
// against the article date ("on Wednesday (Sept 13)", "last month", "in 2019",
// "yesterday", "three days ago").
#ifndef NEWSGRAPH_EXTRACT_EVENTS_EVENT_DATES_H_
#define NEWSGRAPH_EXTRACT_EVENTS_EVENT_DATES_H_

#include <optional>
#include <string>

#include "document/document.h"

namespace newsgraph::extract::events {

struct ResolvedDate {
  std::optional<document::Date> date;  // a month or year resolves to its first day
  std::string from;                    // "article", or "<words> -> 2023-08" saying what was resolved
  document::Span span;                 // the expression; empty when the article date is used
};

// The date the sentence gives, else the article's. `future` prefers the coming
// weekday ("will meet on Friday"). Scans at most the sentence's first 400 tokens.
ResolvedDate ResolveSentenceDate(const document::Document& doc, const document::Sentence& sentence, bool future);

}  // namespace newsgraph::extract::events

#endif  // NEWSGRAPH_EXTRACT_EVENTS_EVENT_DATES_H_
