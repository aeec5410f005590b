// Parser training data for the commonest shape of news attribution, which the treebanks
// hold few of: a sentence closed by a reporting clause after a comma ("The strike will end
// on Friday, airline spokesman Marco Bruni said."; ", said Olga Brandt."). Copies of
// treebank sentences get such a clause of invented words, annotated as UD English EWT
// annotates it: the reporting verb is the root, the sentence it reports its ccomp, the comma
// that punctuation's. Linked only by tools/train programs and tests, never by newsgraph.
#ifndef NEWSGRAPH_MODELS_REPORTING_CLAUSE_TRAINER_H_
#define NEWSGRAPH_MODELS_REPORTING_CLAUSE_TRAINER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "document/document.h"

namespace newsgraph::models {

// Up to `count` sentences, each a copy of a different sentence of `treebank` that is a
// parsed declarative clause (a verb root with a subject, a final period, no quote marks,
// 5 to 40 tokens) with a reporting clause put before its period. The copied words keep
// their tags (gold or predicted, as given); the clause's words get their gold tags. One
// document per sentence, chosen and varied by `seed` alone.
std::vector<document::Document> MakeReportingClauseSentences(const std::vector<document::Document>& treebank,
                                                             size_t count, uint64_t seed);

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_REPORTING_CLAUSE_TRAINER_H_
