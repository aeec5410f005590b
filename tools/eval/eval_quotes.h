// eval_quotes internals: the PolNeAR reader and scorer.
#ifndef NEWSGRAPH_TOOLS_EVAL_EVAL_QUOTES_H_
#define NEWSGRAPH_TOOLS_EVAL_EVAL_QUOTES_H_

#include <string>

#include "pipeline/pipeline.h"

namespace newsgraph::eval {

// Scores the pipeline on PolNeAR's brat files under `dir` (text/, attributions/),
// printing direct and indirect precision/recall and speaker accuracy. `limit`
// articles at most (0 = all). `verbose` prints each miss.
int EvalPolnear(const pipeline::Pipeline& pipeline, const std::string& dir, int limit, bool verbose);

}  // namespace newsgraph::eval

#endif  // NEWSGRAPH_TOOLS_EVAL_EVAL_QUOTES_H_
