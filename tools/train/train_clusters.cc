// Learns word clusters (data/models/clusters.ngm) from unlabeled text: the
// `# text` lines of EWT train and GUM train and the bodies of the Reuters-21578
// news articles, tokenized by the newsgraph tokenizer. Defaults rebuild the
// committed file.
//
//   train_clusters [--conllu F ...] [--jsonl F ...] [--out data/models/clusters.ngm]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "training_common.h"
#include "base/checksum.h"
#include "base/file.h"
#include "models/word_clusters.h"
#include "models/word_clusters_trainer.h"
#include "text/tokenizer.h"

namespace {

namespace fs = std::filesystem;
using newsgraph::models::WordClusters;

const std::string kShared = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data";

void AddText(std::string_view text, newsgraph::models::WordClustersTrainer& trainer) {
  std::vector<newsgraph::document::Span> spans;
  newsgraph::text::TokenizeRange(text, 0, text.size(), newsgraph::text::TokenizerLexicon::Default(), spans);
  std::vector<std::string> tokens;
  for (const auto& s : spans) tokens.emplace_back(text.substr(s.start, s.size()));
  trainer.AddSentence(tokens);
}

// Adds the `# text = ...` lines of a CoNLL-U file.
void AddConllu(const std::string& data, newsgraph::models::WordClustersTrainer& trainer) {
  const std::string_view kPrefix = "# text = ";
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + pos, end - pos);
    if (line.substr(0, kPrefix.size()) == kPrefix) AddText(line.substr(kPrefix.size()), trainer);
    pos = end + 1;
  }
}

// Adds the "body" of every JSON line; returns false (with a message) on bad JSON.
bool AddJsonl(const std::string& path, const std::string& data, newsgraph::models::WordClustersTrainer& trainer) {
  size_t pos = 0, line_no = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    ++line_no;
    std::string_view line(data.data() + pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded()) return std::cerr << path << ":" << line_no << ": not JSON\n", false;
    if (json.contains("body") && json["body"].is_string()) AddText(json["body"].get<std::string>(), trainer);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Learn hierarchical word clusters from unlabeled text"};
  newsgraph::models::ClusterTrainOptions options;
  std::vector<std::string> conllu = newsgraph::training::DefaultTreebankFiles();
  std::vector<std::string> jsonl = {kShared + "/news-bench/reuters21578/reuters21578_articles.jsonl"};
  std::string out = WordClusters::DefaultPath();
  app.add_option("--conllu", conllu, "CoNLL-U files whose '# text' lines are used (default: EWT+GUM train)");
  app.add_option("--jsonl", jsonl, "JSON-lines files whose \"body\" fields are used")->capture_default_str();
  app.add_option("--out", out, "clusters file to write")->capture_default_str();
  app.add_option("--max-vocab", options.max_vocab, "most frequent words kept")->capture_default_str();
  app.add_option("--min-count", options.min_count, "minimum word count")->capture_default_str();
  app.add_option("--context", options.context_words, "context words (vector dimensions per side)")->capture_default_str();
  app.add_option("--depth", options.max_depth, "maximum path length in bits")->capture_default_str();
  app.add_option("--min-leaf", options.min_leaf, "smallest leaf")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  auto start = std::chrono::steady_clock::now();
  options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  newsgraph::models::WordClustersTrainer trainer(options);
  std::string all_bytes;
  std::vector<std::string> inputs;
  for (const std::string& path : conllu) {
    auto data = newsgraph::base::LocalFileSystem().ReadFile(path, 1ull << 30);
    if (!data.ok()) return std::cerr << data.status().ToString() << "\n", 1;
    AddConllu(*data, trainer);
    all_bytes += *data;
    inputs.push_back(path);
  }
  for (const std::string& path : jsonl) {
    auto data = newsgraph::base::LocalFileSystem().ReadFile(path, 1ull << 30);
    if (!data.ok()) return std::cerr << data.status().ToString() << "\n", 1;
    if (!AddJsonl(path, *data, trainer)) return 1;
    all_bytes += *data;
    inputs.push_back(path);
  }
  std::cerr << "read " << trainer.tokens() << " tokens\n";
  nlohmann::json meta = {{"training", {{"train_files", inputs}}},
                         {"training_data_hash", newsgraph::base::ContentHash(all_bytes)},
                         {"git_revision", newsgraph::training::GitRevision()}};
  auto clusters = trainer.Train(meta);
  if (!clusters.ok()) return std::cerr << clusters.status().ToString() << "\n", 1;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "clustered " << (*clusters)->size() << " words in " << static_cast<int>(secs) << " s\n";
  auto selftest = (*clusters)->MakeSelfTest({"the", "said", "government", "minister", "tuesday", "percent", "in",
                                             "he", "company", "0.0", "would", "bank", "quickly", "oil"});
  auto status = newsgraph::base::LocalFileSystem().WriteFileAtomically(out, (*clusters)->Serialize(selftest));
  if (!status.ok()) return std::cerr << status.ToString() << "\n", 1;
  auto reloaded = WordClusters::Load(out);  // the written file passes its own checks
  if (!reloaded.ok()) return std::cerr << reloaded.status().ToString() << "\n", 1;
  for (const char* w : {"the", "a", "said", "told", "tuesday", "friday", "minister", "president", "oil", "gold"}) {
    std::cerr << w << " " << WordClusters::BitString((*reloaded)->Cluster(w)) << "\n";
  }
  std::cerr << "wrote " << out << " (" << fs::file_size(out) << " bytes)\n";
  return 0;
}
