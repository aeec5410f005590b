// Internal: the sentence-boundary classifier shared by Segmenter (runtime) and the
// trainer (tools/train/train_segmenter). A linear model over hashed features of
// the tokens around each gap between two tokens; positive score = sentence end.
#ifndef NEWSGRAPH_TEXT_BOUNDARY_MODEL_H_
#define NEWSGRAPH_TEXT_BOUNDARY_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "text/tokenizer.h"

namespace newsgraph::text {

// Bump when the features change: a model trained with other features is refused.
// Version 2: cheaper feature hashing and a narrower candidate set (see IsCandidateGap).
inline constexpr uint32_t kBoundaryFeatureVersion = 2;
inline constexpr size_t kMaxBoundaryFeatures = 32;

// What lies between two tokens.
enum class GapKind : uint8_t { kNone = 0, kSpace = 1, kNewline = 2, kParagraph = 3 };

// Per-token facts computed once per token.
struct TokenInfo {
  // Hashes are filled only for tokens a candidate gap's features look at (the two
  // before and after it); elsewhere they stay 0.
  uint64_t lower_hash = 0;  // hash of the ASCII-lowercased form
  uint64_t shape_hash = 0;  // hash of the collapsed shape ("Xx", "d", or the punctuation itself)
  bool capitalized = false;
  bool word = false;         // starts with a letter or digit
  bool abbreviation = false;
  bool final_punct = false;  // . ! ? ... or a run of them
  bool ends_period = false;  // last byte is '.' ("U.S.", "Inc.", "etc.")
  bool weak_punct = false;   // , ( [ { : punctuation that never ends a sentence by itself
  bool candidate = false;    // IsCandidateGap for the gap after this token
  GapKind gap_after = GapKind::kSpace;
};

// How a range of text uses single line breaks (see LineBreaksOf).
struct LineBreaks {
  // A line break after a line of at least this many bytes is a space (0: none).
  size_t wrapped_line_length = 0;
  // Every line break ends a sentence: results tables, lists, one paragraph per line.
  bool lines_are_sentences = false;
};

// Hard-wrapped text (wire copy, e-mail, plain-text archives) breaks its lines at a fixed width
// inside sentences ("... Secretary of State George\nShultz said ..."). For text[begin, end),
// looking at the lines a single line break ends before a line that is not indented:
// - when most of them stop without final punctuation, are about equally long and a quarter of
//   them go on in lower case, the text is wrapped: `wrapped_line_length` is a little under the
//   usual width, and short lines (headings, a paragraph's last line) keep their line breaks;
// - when there are five or more of uneven lengths and none goes on in lower case, each line is a
//   sentence of its own ("Arsenal 2 Derby 2\nChelsea 2 Everton 2", one headline per line).
LineBreaks LineBreaksOf(std::string_view text, size_t begin, size_t end);

// Token infos for tokens[begin, end) of `text`; region_end bounds the last gap.
// Reuses the capacity of `infos`. Single line breaks are read as `breaks` says.
void ComputeTokenInfos(std::string_view text, const std::vector<document::Span>& tokens, size_t begin,
                       size_t end, size_t region_end, const TokenizerLexicon& lexicon,
                       std::vector<TokenInfo>& infos, LineBreaks breaks = {});

// True for gaps the classifier looks at; other gaps are never sentence ends. Cheap
// (flags only): line breaks, final punctuation, tokens ending in a period, and
// other punctuation followed by whitespace except , ( [ {.
bool IsCandidateGap(const std::vector<TokenInfo>& infos, size_t i);

// Features of the gap after infos[i]; `since_boundary` = tokens since the last
// sentence end. Returns the count written to feats (<= kMaxBoundaryFeatures).
size_t ExtractBoundaryFeatures(const std::vector<TokenInfo>& infos, size_t i, size_t since_boundary,
                               uint64_t* feats);

class BoundaryModel;

// Tokenizes text[begin, end), appends the tokens to `tokens` and, for each
// sentence, the index one past its last token to `sentence_ends`. The end of the
// range and paragraph gaps always end a sentence; other candidate gaps end one
// when the model scores them above zero.
void SegmentRange(std::string_view text, size_t begin, size_t end, const TokenizerLexicon& lexicon,
                  const BoundaryModel& model, std::vector<document::Span>& tokens,
                  std::vector<uint32_t>& sentence_ends);

// Immutable weight table: open addressing (linear probing) on the feature hashes.
// A slot is 8 bytes, a 32-bit check taken from the hash's high half (never 0,
// which marks an empty slot) next to its weight, so a lookup touches one cache
// line; the load factor is at most 2/3. Two keys that agree in the index bits and
// the check (vanishingly rare: about 47 bits) share one slot holding the sum of
// their weights.
class BoundaryModel {
 public:
  BoundaryModel() = default;
  static BoundaryModel FromWeights(const std::vector<uint64_t>& keys, const std::vector<float>& values);
  static StatusOr<BoundaryModel> Deserialize(std::string_view bytes, const std::string& what);
  std::string Serialize() const;

  // Sum of the weights of feats[0, n). The lookups are independent, so the CPU
  // overlaps their cache misses without explicit prefetching.
  float Score(const uint64_t* feats, size_t n) const {
    float s = 0;
    for (size_t k = 0; k < n; ++k) s += Weight(feats[k]);
    return s;
  }
  float Weight(uint64_t key) const {
    if (slots_.empty()) return 0;
    uint32_t check = Check(key);
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].check == check) return slots_[i].weight;
      if (slots_[i].check == 0) return 0;
    }
  }
  size_t size() const { return keys_.size(); }

 private:
  struct Slot {
    uint32_t check = 0;
    float weight = 0;
  };
  static uint32_t Check(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1; }

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  // The full keys and weights as loaded, for Serialize.
  std::vector<uint64_t> keys_;
  std::vector<float> values_;
};

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_BOUNDARY_MODEL_H_
