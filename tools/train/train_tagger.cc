// Trains the tagger + lemmatizer model (data/models/tagger.ngm), or tags a
// CoNLL-U file with an existing model (--predict). Defaults rebuild the committed
// model: EWT train + GUM train, dev on EWT dev (best epoch) and GUM dev.
//
//   train_tagger [--train F ...] [--dev name=F ...] [--out data/models/tagger.ngm] [--epochs N]
//                [--clusters data/models/clusters.ngm | none] [--left-to-right-only]
//                [--bidirectional-light] [--stack-folds K [--stack-fold-epochs N] --ensemble 1] [--ensemble K]
//   train_tagger --predict IN.conllu [--model data/models/tagger.ngm] > OUT.conllu
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "training_common.h"
#include "base/file.h"
#include "document/conllu.h"
#include "models/model_file.h"
#include "models/tagger.h"
#include "models/tagger_trainer.h"
#include "models/word_clusters.h"

namespace {

namespace fs = std::filesystem;
using newsgraph::models::Tagger;

const std::string kShared = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data";

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

int Predict(const std::string& input, const std::string& model_path) {
  auto tagger = Tagger::Load(model_path);
  if (!tagger.ok()) return std::cerr << tagger.status().ToString() << "\n", 1;
  auto data = newsgraph::base::LocalFileSystem().ReadFile(input, 1ull << 30);
  if (!data.ok()) return std::cerr << data.status().ToString() << "\n", 1;
  auto docs = newsgraph::document::ReadConllu(*data, input);
  if (!docs.ok()) return std::cerr << docs.status().ToString() << "\n", 1;
  size_t tokens = 0;
  double cpu0 = ThreadCpuSeconds();
  for (auto& doc : *docs) {
    (*tagger)->Tag(doc);
    tokens += doc.tokens.size();
  }
  double first = ThreadCpuSeconds() - cpu0;
  for (const auto& doc : *docs) std::cout << newsgraph::document::WriteConllu(doc);
  // Speeds in thread CPU time (a busy machine inflates wall time), best of 3 passes
  // over the already-tagged documents. "feats only"/"lemma only" take the tags as
  // given (the feats-only pass also maps tag strings back to labels).
  using newsgraph::models::TagOptions;
  for (auto [label, opts] : {std::pair{"all layers", TagOptions{true, true, true}},
                             std::pair{"pos only", TagOptions{true, false, false}},
                             std::pair{"feats only", TagOptions{false, true, false}},
                             std::pair{"lemma only", TagOptions{false, false, true}}}) {
    double best = 1e30;
    for (int rep = 0; rep < 3; ++rep) {
      double t0 = ThreadCpuSeconds();
      for (auto& doc : *docs) (*tagger)->Tag(doc, opts);
      best = std::min(best, ThreadCpuSeconds() - t0);
    }
    std::fprintf(stderr, "%s: %.0f tokens/s\n", label, tokens / std::max(best, 1e-9));
  }
  std::fprintf(stderr, "tagged %zu tokens in %.3f s CPU on first pass (%.0f tokens/s)\n", tokens, first,
               tokens / std::max(first, 1e-9));
  return 0;
}

// Rewrites a bidirectional model written before its weight tables were stored
// compressed: same meta (plus zlib_sections), self-test and sections.
int Compress(const std::string& in, const std::string& out) {
  auto bytes = newsgraph::base::LocalFileSystem().ReadFile(in, 1ull << 30);
  if (!bytes.ok()) return std::cerr << bytes.status().ToString() << "\n", 1;
  auto file = newsgraph::models::ModelFile::Parse(*bytes, in);
  if (!file.ok()) return std::cerr << file.status().ToString() << "\n", 1;
  nlohmann::json meta = file->meta();
  if (meta.contains("zlib_sections")) return std::cerr << in << ": already compressed\n", 1;
  meta["zlib_sections"] = {"weights", "weights_r2l"};
  newsgraph::models::ModelFileWriter writer(meta);
  writer.SetSelfTest(file->selftest());
  for (const char* tag : {"labels", "weights", "weights_r2l", "feats", "lemmatizer", "ambiguity", "clusters", "vocab"}) {
    if (!file->HasSection(tag)) continue;
    std::string data(*file->Section(tag));
    bool z = std::string_view(tag).starts_with("weights");
    writer.AddSection(tag, z ? Tagger::ZlibSection(data) : data);
  }
  auto status = newsgraph::base::LocalFileSystem().WriteFileAtomically(out, writer.Serialize());
  if (!status.ok()) return std::cerr << status.ToString() << "\n", 1;
  auto reloaded = Tagger::Load(out);
  if (!reloaded.ok()) return std::cerr << reloaded.status().ToString() << "\n", 1;
  std::cerr << "wrote " << out << " (" << fs::file_size(out) << " bytes)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the newsgraph tagger/lemmatizer, or tag a CoNLL-U file with one"};
  newsgraph::models::TaggerTrainOptions options;
  options.epochs = 10;
  options.prune = 0.5f;
  options.case_augment_every = 20;
  options.bidirectional = true;  // the committed model; the library default stays left-to-right
  options.ensemble = 5;          // likewise: the mean of five perceptrons (train_parser's fold taggers keep one)
  std::vector<std::string> dev_specs = {"ewt=" + kShared + "/ud-english-ewt/en_ewt-ud-dev.conllu",
                                        "gum=" + kShared + "/ud-english-gum/en_gum-ud-dev.conllu"};
  std::string out = Tagger::DefaultPath(), predict, model = Tagger::DefaultPath();
  app.add_option("--train", options.train_files, "training CoNLL-U files (default: EWT train + GUM train)");
  app.add_option("--dev", dev_specs, "name=path dev files; the first chooses the best epoch")->capture_default_str();
  app.add_option("--out", out, "model file to write")->capture_default_str();
  app.add_option("--epochs", options.epochs, "training epochs")->capture_default_str();
  app.add_option("--seed", options.seed, "shuffle seed")->capture_default_str();
  app.add_option("--prune", options.prune, "drop averaged weights with |w| <= this")->capture_default_str();
  app.add_option("--case-augment", options.case_augment_every,
                 "add UPPER and lower copies of every N-th sentence (0 = off)")->capture_default_str();
  std::string clusters = newsgraph::models::WordClusters::DefaultPath();
  app.add_option("--clusters", clusters, "word clusters file for cluster features ('none' = no clusters)")
      ->capture_default_str();
  app.add_flag("--two-pass", options.two_pass, "re-tag with the first pass's right-context labels");
  bool left_to_right_only = false;
  app.add_flag("--left-to-right-only", left_to_right_only,
               "one left-to-right model (payload 2) instead of the bidirectional stack");
  app.add_flag("--bidirectional-light", options.bidirectional_light,
               "smaller right-to-left and stacked feature sets (faster tagging)");
  app.add_option("--stack-folds", options.stack_folds,
                 "jackknife folds for the right-to-left training labels (0 = on-line)")->capture_default_str();
  app.add_option("--stack-fold-epochs", options.stack_fold_epochs, "epochs of each fold model (0 = --epochs)")
      ->capture_default_str();
  app.add_option("--ensemble", options.ensemble,
                 "perceptrons with different seeds, trained in parallel; the model is their mean")
      ->capture_default_str();
  app.add_option("--vocab-min-count", options.vocab_min_count, "forms seen this often get a speed-cache entry")
      ->capture_default_str();
  app.add_option("--predict", predict, "tag this CoNLL-U file and write CoNLL-U to stdout");
  app.add_option("--model", model, "model for --predict")->capture_default_str();
  std::string compress;
  app.add_option("--compress", compress, "rewrite this bidirectional model with compressed weights to --out");
  CLI11_PARSE(app, argc, argv);
  if (!predict.empty()) return Predict(predict, model);
  if (!compress.empty()) return Compress(compress, out);
  if (left_to_right_only) options.bidirectional = false;
  if (options.train_files.empty()) options.train_files = newsgraph::training::DefaultTreebankFiles();
  for (const std::string& spec : dev_specs) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos) return std::cerr << "--dev wants name=path, got '" << spec << "'\n", 2;
    options.dev_files.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
  }
  if (clusters != "none") {
    auto loaded = newsgraph::models::WordClusters::Load(clusters);
    if (!loaded.ok()) return std::cerr << loaded.status().ToString() << "\n", 1;
    options.clusters = *loaded;
    options.clusters_name = fs::path(clusters).filename().string();
  }
  options.git_revision = newsgraph::training::GitRevision();
  options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  auto trained = newsgraph::models::TrainTagger(options);
  if (!trained.ok()) return std::cerr << trained.status().ToString() << "\n", 1;
  auto status = newsgraph::models::WriteTaggerModel(*trained, out);
  if (!status.ok()) return std::cerr << status.ToString() << "\n", 1;
  auto reloaded = Tagger::Load(out);  // proves the written file passes its own checks
  if (!reloaded.ok()) return std::cerr << reloaded.status().ToString() << "\n", 1;
  std::cerr << "wrote " << out << " (" << fs::file_size(out) << " bytes)\n";
  return 0;
}
