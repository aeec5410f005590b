// Fuzzes the event dictionary reader (extract/events/dictionary.h) on arbitrary
// bytes: the first byte picks which dictionary file the rest is read as. A parse
// either succeeds or fails with a message naming "file:line"; it never crashes,
// and a successful pattern parse only holds codes the code table knows.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/events/dictionary.h"

namespace {

using newsgraph::extract::events::EventDictionary;

void Check(bool ok) {
  if (!ok) std::abort();
}

constexpr const char* kCodes =
    "040\t04\t1\t1.0\tCONSULT\t\t\tConsult\n"
    "043\t04\t1\t2.8\tCONSULT\tvisit\t\tHost a visit\n"
    "190\t19\t4\t-10.0\tASSAULT\t\t\tUse conventional military force\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr int kFiles = sizeof(EventDictionary::kFiles) / sizeof(EventDictionary::kFiles[0]);
  std::string name = std::string("fuzz/") + EventDictionary::kFiles[data[0] % kFiles];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  EventDictionary dict;
  Check(dict.Parse("fuzz/cameo_codes.tsv", kCodes).ok());
  newsgraph::Status s = dict.Parse(name, body);
  if (!s.ok()) {
    Check(s.message().rfind(name + ":", 0) == 0);
    return 0;
  }
  for (const auto* p : dict.AllPatterns()) Check(dict.Code(p->code) != nullptr && !p->lemma.empty());
  return 0;
}
