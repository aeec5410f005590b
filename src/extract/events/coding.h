// Internal to extract/events: how modality changes a code. An intention to act
// ("will help", "plans to help") becomes the matching CAMEO 03x intent (or 13x
// threat for conflict acts); a refusal ("refused to meet") the matching 12x code.
#ifndef NEWSGRAPH_EXTRACT_EVENTS_CODING_H_
#define NEWSGRAPH_EXTRACT_EVENTS_CODING_H_

#include <string>
#include <string_view>

namespace newsgraph::extract::events {

// The intent code for `code`, or `code` itself when CAMEO has no intent form of it
// (statements, appeals, demands, accusations, rejections, threats).
std::string IntentCode(std::string_view code);
// The threat code for acting out `code` ("threatened to impose sanctions" -> 1312).
std::string ThreatCode(std::string_view code);
// The rejection code for refusing `code`, or "" when CAMEO has none (then the act is negated).
std::string RefusalCode(std::string_view code);

}  // namespace newsgraph::extract::events

#endif  // NEWSGRAPH_EXTRACT_EVENTS_CODING_H_
