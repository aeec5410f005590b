// An invented article read as `newsgraph annotate` reads a text file ("date YYYY-MM-DD",
// then the story), for the tests that run the pipeline on text they wrote. Language
// detection is off: their articles are short.
#ifndef NEWSGRAPH_TESTS_EXTRACT_READ_ARTICLE_H_
#define NEWSGRAPH_TESTS_EXTRACT_READ_ARTICLE_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "document/document.h"
#include "ingest/reader.h"

namespace newsgraph::test_articles {

inline document::Document ReadArticle(const std::string& text, const std::string& name = "article.txt") {
  document::Document doc;
  ingest::ReadOptions options;
  options.detect_language = false;
  Status s = ingest::ReadBuffer(text, name, options, [&](StatusOr<document::Document>&& d) {
    if (d.ok()) doc = std::move(*d);
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

}  // namespace newsgraph::test_articles

#endif  // NEWSGRAPH_TESTS_EXTRACT_READ_ARTICLE_H_
