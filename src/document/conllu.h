// CoNLL-U (Universal Dependencies) reading and writing.
// Reading builds a Document whose text is the sentences' tokens joined by their
// SpaceAfter information (sentences separated by one space, or a newline at a
// `# newpar`/`# newdoc`), so gold tokens get true offsets and the whole pipeline
// can run on them.
#ifndef NEWSGRAPH_DOCUMENT_CONLLU_H_
#define NEWSGRAPH_DOCUMENT_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::document {

struct ConlluReadOptions {
  // One Document per `# newdoc` (true) or the whole file as one Document (false).
  bool split_on_newdoc = true;
};

// Parses CoNLL-U text. `name` is used in error messages ("dev.conllu:118: ...").
// Multiword-token and empty-node lines are kept verbatim in Sentence and not
// turned into tokens. A malformed line fails the whole read with its line number.
StatusOr<std::vector<Document>> ReadConllu(std::string_view data, const std::string& name,
                                          const ConlluReadOptions& options = {});

// Writes the document's sentences as CoNLL-U: ID FORM LEMMA UPOS XPOS FEATS HEAD
// DEPREL DEPS MISC, "_" for empty layers; comments kept, `# text` added if missing.
std::string WriteConllu(const Document& doc);

}  // namespace newsgraph::document

#endif  // NEWSGRAPH_DOCUMENT_CONLLU_H_
