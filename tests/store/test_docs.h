// Synthetic news-like documents for the store tests (written here, not copied).
#ifndef NEWSGRAPH_TESTS_STORE_TEST_DOCS_H_
#define NEWSGRAPH_TESTS_STORE_TEST_DOCS_H_

#include <string>

#include "document/document.h"

namespace newsgraph::store::testing {

// A document with `text`, split into sentences at ". " and tokens at spaces, with
// every token layer filled so round trips exercise all fields.
document::Document MakeDoc(const std::string& id, const std::string& text);

// The i-th synthetic article: distinct text per i, a few hundred bytes.
document::Document SyntheticDoc(int i);

// A fresh path under testing::TempDir() (any old file there is removed).
std::string TempDbPath(const std::string& name);

// Runs one SQL statement on `path` with the raw SQLite API; returns the first column
// of the first row as text ("" if none), or "error: ..." on failure.
std::string RawQuery(const std::string& path, const std::string& sql);

}  // namespace newsgraph::store::testing

#endif  // NEWSGRAPH_TESTS_STORE_TEST_DOCS_H_
