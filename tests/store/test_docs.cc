#include "store/test_docs.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

namespace newsgraph::store::testing {

using document::Document;

namespace {

void AddTokens(Document& doc, uint32_t begin, uint32_t end) {
  uint32_t i = begin;
  while (i < end) {
    while (i < end && doc.text[i] == ' ') ++i;
    uint32_t start = i;
    while (i < end && doc.text[i] != ' ') ++i;
    if (start == i) break;
    document::Token t;
    t.span = {start, i};
    t.form = doc.text.substr(start, i - start);
    t.lemma = t.form;
    for (char& c : t.lemma) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.upos = (t.form[0] >= 'A' && t.form[0] <= 'Z') ? "PROPN" : "NOUN";
    t.xpos = t.upos == "PROPN" ? "NNP" : "NN";
    t.feats = "Number=Sing";
    t.head = t.span.start == begin ? 0 : 1;
    t.deprel = t.head == 0 ? "root" : "dep";
    t.ner = t.upos == "PROPN" ? "B-ORG" : "O";
    t.space_after = i < end;
    doc.tokens.push_back(std::move(t));
  }
}

}  // namespace

Document MakeDoc(const std::string& id, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.source = "Test Wire";
  doc.language = "en";
  uint32_t start = 0;
  while (start < text.size()) {
    size_t dot = text.find(". ", start);
    uint32_t end = dot == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(dot + 1);
    document::Sentence s;
    s.span = {start, end};
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    AddTokens(doc, start, end);
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(std::move(s));
    start = end;
    while (start < text.size() && text[start] == ' ') ++start;
  }
  return doc;
}

Document SyntheticDoc(int i) {
  std::string n = std::to_string(i);
  std::string text = "Officials in Northtown said on Monday that talks number " + n +
                     " with the Riverland delegation would continue. The ministry spokesperson added that " + n +
                     " observers had arrived at the border crossing. Farmers' unions in Eastvale criticised "
                     "the plan and called for a vote before harvest " + n + ".";
  Document doc = MakeDoc("synthetic-" + n, text);
  doc.date = document::Date{2023, 1 + i % 12, 1 + i % 28};
  doc.title = "Talks continue, round " + n;
  doc.source = (i % 3 == 0) ? "Northtown Herald" : "Test Wire";
  return doc;
}

std::string TempDbPath(const std::string& name) {
  std::string path = ::testing::TempDir() + "/ng_store_" + std::to_string(getpid()) + "_" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string e = "error: " + std::string(sqlite3_errmsg(db));
    sqlite3_close(db);
    return e;
  }
  sqlite3_stmt* stmt = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    result = "error: " + std::string(sqlite3_errmsg(db));
  } else {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      result = "error: " + std::string(sqlite3_errmsg(db));
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

}  // namespace newsgraph::store::testing
