// Rules for the numeric and temporal entity types of the NER: DATE, TIME, MONEY,
// PERCENT, QUANTITY and CARDINAL, matched over tokens (internal to models/).
// They only label tokens still tagged "O", so learned names win.
#ifndef NEWSGRAPH_MODELS_NER_RULES_H_
#define NEWSGRAPH_MODELS_NER_RULES_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::models::ner_internal {

// Labels runs of "O" tags in `tags` (one per form, IOB2) that the rules match.
// Linear in the number of tokens (each match looks at most a few tokens ahead).
void ApplyNumericRules(const std::vector<std::string_view>& forms, std::vector<std::string>& tags);

}  // namespace newsgraph::models::ner_internal

#endif  // NEWSGRAPH_MODELS_NER_RULES_H_
