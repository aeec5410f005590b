// Helpers every training program shares: where the training data lives, the
// default treebank files, and the git revision recorded in a model's meta.
#ifndef NEWSGRAPH_TOOLS_TRAIN_TRAINING_COMMON_H_
#define NEWSGRAPH_TOOLS_TRAIN_TRAINING_COMMON_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::training {

// ../shared/data beside the repository root.
std::string SharedDataDir();

// UD English EWT train, then the GUM train documents (gum-entities/train/dep), sorted:
// the treebank files the tagger, parser and clusters train on by default.
std::vector<std::string> DefaultTreebankFiles();

// The documents of CoNLL-U files (directories are expanded, other files skipped), each
// with `origin` set to its file; the files' bytes are appended to `all_bytes` (for the
// training-data hash) when it is not null.
StatusOr<std::vector<document::Document>> ReadConlluFiles(const std::vector<std::string>& inputs,
                                                          std::string* all_bytes = nullptr);

// `git rev-parse --short HEAD` of the repository, "unknown" outside a checkout.
std::string GitRevision();

}  // namespace newsgraph::training

#endif  // NEWSGRAPH_TOOLS_TRAIN_TRAINING_COMMON_H_
