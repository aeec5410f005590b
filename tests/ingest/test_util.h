// Helpers shared by the ingest tests.
#ifndef NEWSGRAPH_TESTS_INGEST_TEST_UTIL_H_
#define NEWSGRAPH_TESTS_INGEST_TEST_UTIL_H_

#include <string>
#include <vector>

#include <zlib.h>

#include "ingest/reader.h"

namespace newsgraph::ingest::testing {

struct Records {
  Status status;                          // what ReadBuffer returned
  std::vector<document::Document> docs;   // good records, in order
  std::vector<std::string> errors;        // messages of bad records, in order
};

inline Records Read(std::string_view bytes, const std::string& name, ReadOptions options = {}) {
  Records r;
  r.status = ReadBuffer(bytes, name, options, [&](StatusOr<document::Document> rec) {
    if (rec.ok()) {
      r.docs.push_back(std::move(rec).value());
    } else {
      r.errors.push_back(rec.status().message());
    }
  });
  return r;
}

inline Records ReadAs(std::string_view bytes, const std::string& name, InputFormat format) {
  ReadOptions options;
  options.format = format;
  return Read(bytes, name, options);
}

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline bool AnyNoteContains(const document::Document& doc, const std::string& needle) {
  for (const std::string& n : doc.notes) {
    if (Contains(n, needle)) return true;
  }
  return false;
}

}  // namespace newsgraph::ingest::testing

#endif  // NEWSGRAPH_TESTS_INGEST_TEST_UTIL_H_
