// Fuzzes the CoNLL-2003 reader and writer: any input either fails with a Status
// or yields documents whose token spans lie inside their text and whose gold tag
// column has one IOB2 tag per token; writing them back never crashes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "document/conll2003.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto docs = newsgraph::document::ReadConll2003(input, "fuzz.conll");
  if (!docs.ok()) return 0;
  for (auto& doc : *docs) {
    for (const auto& token : doc.tokens) {
      if (token.span.start > token.span.end || token.span.end > doc.text.size()) std::abort();
    }
    for (const auto& sentence : doc.sentences) {
      if (sentence.token_begin > sentence.token_end || sentence.token_end > doc.tokens.size()) std::abort();
    }
    std::vector<std::string> gold = newsgraph::document::Conll2003GoldTags(doc);
    if (gold.size() != doc.tokens.size()) std::abort();
    for (const std::string& tag : gold) {
      if (tag != "O" && (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-')) std::abort();
    }
    // Feed the gold column back as predictions so the writer's mapping runs too.
    for (size_t i = 0; i < gold.size(); ++i) doc.tokens[i].ner = gold[i];
    std::string written = newsgraph::document::WriteConll2003(doc);
    (void)written;
  }
  return 0;
}
