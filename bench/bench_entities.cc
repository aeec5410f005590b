// Throughput of the entities layer on top of the parse, one core.
//   bench_entities [reuters21578_articles.jsonl] [--docs N] [--min-seconds S]
// Default input: the first 2,000 Reuters-21578 stories with a body
// (../shared/data/news-bench). Each story is segmented, tagged and parsed once
// (not timed); then, on fresh copies, the benchmark times with the thread's CPU
// clock: NER alone, EntityResolver::Resolve alone (coreference, roles, relations,
// actor codes), and both together (the issue-4 floor: >= 100,000 tokens/s).
// Prints tokens/s, mentions and entities per document, and the peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_common.h"
#include "extract/entities/entities.h"
#include "kb/gazetteer.h"
#include "models/model_file.h"
#include "models/ner.h"
#include "pipeline/pipeline.h"

namespace ng = newsgraph;
using ng::document::Document;

namespace {

using newsgraph::bench::CountTokens;
using newsgraph::bench::PeakRssKb;
using newsgraph::bench::TokensPerSecond;

// Reuters bodies keep hard line breaks; a paragraph starts with an indent.
std::string Unwrap(const std::string& body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n') {
      bool paragraph = body.compare(i + 1, 4, "    ") == 0;
      out += paragraph ? "\n\n" : " ";
      if (paragraph) i += 4;
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/news-bench/reuters21578/reuters21578_articles.jsonl";
  size_t max_docs = 2000;
  double min_seconds = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--docs") && i + 1 < argc) {
      max_docs = std::stoul(argv[++i]);
    } else if (!std::strcmp(argv[i], "--min-seconds") && i + 1 < argc) {
      min_seconds = std::stod(argv[++i]);
    } else {
      path = argv[i];
    }
  }
  ng::pipeline::PipelineOptions options;
  options.until = ng::pipeline::Stage::kParse;
  auto parse = ng::pipeline::Pipeline::Create(options);
  auto gazetteer = ng::kb::Gazetteer::Load(ng::kb::Gazetteer::DefaultDir());
  if (!parse.ok() || !gazetteer.ok()) {
    std::fprintf(stderr, "bench_entities: %s\n", (!parse.ok() ? parse.status() : gazetteer.status()).message().c_str());
    return 1;
  }
  auto ner = ng::models::NerTagger::Load(ng::models::DefaultModelDir() + "/ner.ngm", *gazetteer);
  auto resolver = ng::extract::EntityResolver::Create(*gazetteer);
  if (!ner.ok() || !resolver.ok()) {
    std::fprintf(stderr, "bench_entities: %s\n", (!ner.ok() ? ner.status() : resolver.status()).message().c_str());
    return 1;
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_entities: cannot read %s\n", path.c_str());
    return 1;
  }
  std::vector<Document> parsed;
  for (std::string line; parsed.size() < max_docs && std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j["body"].is_string() || j["body"].get<std::string>().empty()) continue;
    Document doc;
    doc.text = Unwrap(j["body"].get<std::string>());
    (*parse)->Annotate(doc);
    parsed.push_back(std::move(doc));
  }
  std::vector<Document> tagged = parsed;
  for (Document& d : tagged) (*ner)->Tag(d);
  size_t tokens = CountTokens(parsed);
  std::printf("input: %s\n%zu documents, %zu tokens (parsed once, not timed)\n", path.c_str(), parsed.size(), tokens);

  double ner_rate = TokensPerSecond(parsed, min_seconds, [&](Document& d) { (*ner)->Tag(d); });
  double resolve_rate = TokensPerSecond(tagged, min_seconds, [&](Document& d) { (*resolver)->Resolve(d); });
  double both_rate = TokensPerSecond(parsed, min_seconds, [&](Document& d) {
    (*ner)->Tag(d);
    (*resolver)->Resolve(d);
  });
  std::vector<Document> resolved = tagged;
  size_t mentions = 0, entities = 0, relations = 0;
  for (Document& d : resolved) {
    (*resolver)->Resolve(d);
    mentions += d.mentions.size();
    entities += d.entities.size();
    relations += d.relations.size();
  }
  std::printf("NER alone                     %10.0f tokens/s (one core)\n", ner_rate);
  std::printf("coreference + roles alone     %10.0f tokens/s (one core)\n", resolve_rate);
  std::printf("NER + coreference + roles     %10.0f tokens/s (one core; floor 100,000)\n", both_rate);
  std::printf("per document: %.1f mentions, %.1f entities, %.2f relations\n",
              static_cast<double>(mentions) / parsed.size(), static_cast<double>(entities) / parsed.size(),
              static_cast<double>(relations) / parsed.size());
  std::printf("knowledge base: %zu role words, %zu named actors; gazetteer %zu entries, %zu names\n",
              (*resolver)->num_roles(), (*resolver)->num_known_actors(), (*gazetteer)->size(), (*gazetteer)->num_names());
  std::printf("peak RSS: %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}
