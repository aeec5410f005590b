// Helpers the NER tests share: whitespace tokenisation of test sentences and the
// committed gazetteer (loaded once).
#ifndef NEWSGRAPH_TESTS_MODELS_NER_TEST_HELPERS_H_
#define NEWSGRAPH_TESTS_MODELS_NER_TEST_HELPERS_H_

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "kb/gazetteer.h"

namespace newsgraph::models {

inline std::vector<std::string> Split(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// data/gazetteer as committed; nullptr if it does not load.
inline std::shared_ptr<const kb::Gazetteer> CommittedGazetteer() {
  static auto gaz = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  return gaz.ok() ? *gaz : nullptr;
}

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_TESTS_MODELS_NER_TEST_HELPERS_H_
