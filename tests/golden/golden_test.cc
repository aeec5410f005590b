// Golden-file tests of the pipeline: one case per file in tests/golden/cases/.
//
// A case file holds a header, the input and the expected view of the result:
//
//   # why this case exists
//   input: text                 (optional: the --input format; default auto)
//   until: segment              (optional: the last stage; default segment)
//   === input
//   date 2024-01-01 The article ...
//   === expect
//   date: 2024-01-01
//   S: The | article | ...
//
// The result is rendered as lines "kind: value" (date, title, removed, skipped, S for
// a sentence's tokens joined by " | ", T for "form/UPOS/XPOS/lemma/head/deprel" per
// token). Only the kinds that appear in the expect section are compared, so a case
// about boilerplate need not list every token. Adding a case adds a file, not C++.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::map<std::string, std::string> header;
  std::string input;
  std::vector<std::string> expect;
};

std::string CasesDir() { return std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/golden/cases"; }

Case ParseCase(const std::string& path) {
  std::ifstream in(path);
  Case c;
  std::string line;
  int section = 0;  // 0 header, 1 input, 2 expect
  while (std::getline(in, line)) {
    if (line == "=== input") { section = 1; continue; }
    if (line == "=== expect") { section = 2; continue; }
    if (section == 0 && !line.empty() && line[0] != '#') {
      size_t colon = line.find(':');
      if (colon != std::string::npos) c.header[line.substr(0, colon)] = line.substr(line.find_first_not_of(' ', colon + 1));
    } else if (section == 1) {
      c.input += line + "\n";
    } else if (section == 2 && !line.empty() && line[0] != '#') {
      c.expect.push_back(line);
    }
  }
  return c;
}

std::string Kind(const std::string& line) { return line.substr(0, line.find(':')); }

std::vector<std::string> Render(const document::Document& doc) {
  std::vector<std::string> out;
  out.push_back("date: " + (doc.date ? doc.date->ToIso() : std::string("null")));
  if (!doc.title.empty()) out.push_back("title: " + doc.title);
  if (doc.skipped) out.push_back("skipped: " + doc.skip_reason);
  for (const auto& r : doc.removed) out.push_back("removed: " + r.why + " | " + std::string(doc.SpanText(r.span)));
  for (const auto& s : doc.sentences) {
    std::string tokens;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const document::Token& t = doc.tokens[i];
      tokens += (i > s.token_begin ? " | " : "") + t.form;
      out.push_back("T: " + t.form + "/" + t.upos + "/" + t.xpos + "/" + t.lemma + "/" + std::to_string(t.head) + "/" +
                    t.deprel);
    }
    out.push_back("S: " + tokens);
  }
  return out;
}

// Models load once per stage for the whole suite.
const pipeline::Pipeline* PipelineFor(pipeline::Stage until, Status* error) {
  static std::map<pipeline::Stage, std::unique_ptr<pipeline::Pipeline>> cache;
  auto it = cache.find(until);
  if (it != cache.end()) return it->second.get();
  pipeline::PipelineOptions options;
  options.until = until;
  auto created = pipeline::Pipeline::Create(options);
  if (!created.ok()) {
    *error = created.status();
    return nullptr;
  }
  return (cache[until] = std::move(created).value()).get();
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedView) {
  Case c = ParseCase(CasesDir() + "/" + GetParam());
  ASSERT_FALSE(c.expect.empty()) << "case has no === expect section";
  auto until = pipeline::ParseStage(c.header.count("until") ? c.header["until"] : "segment");
  ASSERT_TRUE(until.ok());
  Status error;
  const pipeline::Pipeline* pipe = PipelineFor(*until, &error);
  ASSERT_NE(pipe, nullptr) << error.ToString();
  ingest::ReadOptions read;
  if (c.header.count("input")) read.format = *ingest::ParseInputFormat(c.header["input"]);
  std::vector<std::string> actual;
  Status status = ingest::ReadBuffer(c.input, GetParam(), read, [&](StatusOr<document::Document> doc) {
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    pipe->Annotate(*doc);
    for (std::string& line : Render(*doc)) actual.push_back(std::move(line));
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::set<std::string> kinds;
  for (const std::string& line : c.expect) kinds.insert(Kind(line));
  std::vector<std::string> compared;
  for (const std::string& line : actual) {
    if (kinds.count(Kind(line))) compared.push_back(line);
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& l : v) s += l + "\n";
    return s;
  };
  EXPECT_EQ(join(compared), join(c.expect)) << "case " << GetParam();
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(CasesDir())) {
    if (entry.path().extension() == ".case") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, testing::ValuesIn(CaseNames()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& ch : name) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace newsgraph
