// Training/evaluation only (library ng_text_trainer): rebuilds the raw text of a
// UD CoNLL-U file from its `# text` lines, with gold word and sentence spans.
// Sentences of one paragraph are joined by a space, paragraphs by
// `paragraph_separator`, and each `# newdoc` starts a new document.
#ifndef NEWSGRAPH_TEXT_UD_RAW_TEXT_H_
#define NEWSGRAPH_TEXT_UD_RAW_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::text {

struct UdDocument {
  std::string text;
  // Syntactic words; a multiword token whose words do not spell it ("dont" ->
  // "do" "nt" does; "its" -> "it" "'s" does not) stays one span.
  std::vector<document::Span> words;
  std::vector<document::Span> sentences;
  std::vector<size_t> paragraph_starts;  // indices into `sentences`
};

// Fails naming `name` and the line when a word cannot be found in its `# text`.
StatusOr<std::vector<UdDocument>> ReadUdRawText(std::string_view conllu, const std::string& name,
                                                const std::string& paragraph_separator = "\n\n");

// Token and sentence match counts; a sentence matches when both boundaries do.
struct SegmentationCounts {
  size_t gold_tokens = 0, pred_tokens = 0, matched_tokens = 0;
  size_t gold_sentences = 0, pred_sentences = 0, matched_sentences = 0;
  void Add(const std::vector<document::Span>& gold_tokens, const std::vector<document::Span>& pred_tokens,
           const std::vector<document::Span>& gold_sentences, const std::vector<document::Span>& pred_sentences);
  double TokenF1() const;
  double SentenceF1() const;
  std::string Report() const;  // "tokens P/R/F1 ...; sentences P/R/F1 ..."
};

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_UD_RAW_TEXT_H_
