// Fuzzes the CoNLL-U reader and writer: any input either fails with a Status or
// yields documents whose token spans lie inside their text, and writing them never crashes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "document/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto docs = newsgraph::document::ReadConllu(input, "fuzz.conllu");
  if (!docs.ok()) return 0;
  for (const auto& doc : *docs) {
    for (const auto& token : doc.tokens) {
      if (token.span.start > token.span.end || token.span.end > doc.text.size()) std::abort();
    }
    for (const auto& sentence : doc.sentences) {
      if (sentence.token_begin > sentence.token_end || sentence.token_end > doc.tokens.size()) std::abort();
    }
    std::string written = newsgraph::document::WriteConllu(doc);
    (void)written;
  }
  return 0;
}
