// Trains the dependency parser and writes data/models/parser.ngm.
// The defaults reproduce the committed model:
//   train_parser   (EWT + GUM train with 5-fold jackknifed tags, EWT dev picks the epoch, dev tags from tagger.ngm,
//                   feature set 1, mean of 3 perceptrons with seeds 1, 7920, 15839, 16 epochs)
// --tag-cache F keeps the jackknifed training tags between runs (the fold taggers dominate the time).
// Prints per-epoch dev UAS/LAS (EWT dev, GUM dev) and the training time.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "training_common.h"
#include "base/checksum.h"
#include "base/file.h"
#include "document/conllu.h"
#include "models/model_file.h"
#include "models/parser_trainer.h"
#include "models/tagger.h"
#include "models/tagger_trainer.h"
#include "models/word_clusters.h"

namespace ng = newsgraph;
namespace models = newsgraph::models;

namespace {

const std::string kShared = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data";

// Reads CoNLL-U files (directories are expanded); appends their bytes to `all_bytes` for the data hash.
ng::StatusOr<std::vector<ng::document::Document>> ReadAll(const std::vector<std::string>& inputs,
                                                          std::string* all_bytes) {
  NG_ASSIGN_OR_RETURN(std::vector<std::string> paths, ng::base::ExpandInputPaths(inputs));
  std::vector<ng::document::Document> docs;
  for (const std::string& p : paths) {
    if (p.size() < 7 || p.substr(p.size() - 7) != ".conllu") continue;
    NG_ASSIGN_OR_RETURN(std::string bytes, ng::base::LocalFileSystem().ReadFile(p, 1ull << 30));
    NG_ASSIGN_OR_RETURN(std::vector<ng::document::Document> part, ng::document::ReadConllu(bytes, p));
    for (auto& d : part) {
      d.origin = p;
      docs.push_back(std::move(d));
    }
    if (all_bytes != nullptr) *all_bytes += bytes;
  }
  return docs;
}

void Retag(const models::Tagger& tagger, std::vector<ng::document::Document>& docs) {
  models::TagOptions opts;
  opts.feats = false;
  opts.lemma = false;
  for (auto& d : docs) tagger.Tag(d, opts);
}

// Jackknifing: tags each of `folds` slices of the training documents with a tagger trained
// on the other slices, so the parser learns from tags as noisy as at run time.
ng::Status JackknifeTags(std::vector<ng::document::Document>& docs, int folds, const std::string& dev,
                         const models::Tagger& tagger) {
  // Fold taggers use clusters exactly when the run-time tagger does.
  std::shared_ptr<const models::WordClusters> clusters;
  if (!tagger.clusters().empty()) {
    NG_ASSIGN_OR_RETURN(clusters, models::WordClusters::Load(models::WordClusters::DefaultPath()));
  }
  for (int f = 0; f < folds; ++f) {
    const std::string path = "/tmp/newsgraph_train_parser_" + std::to_string(getpid()) + "_fold.conllu";
    std::string bytes;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (static_cast<int>(i % folds) != f) bytes += ng::document::WriteConllu(docs[i]);
    }
    NG_RETURN_IF_ERROR(ng::base::LocalFileSystem().WriteFileAtomically(path, bytes));
    models::TaggerTrainOptions o;
    o.train_files = {path};
    o.dev_files = {{"ewt", dev}};
    o.epochs = 6;
    o.case_augment_every = 20;
    o.clusters = clusters;
    auto trained = models::TrainTagger(o);
    std::remove(path.c_str());
    if (!trained.ok()) return trained.status();
    models::TagOptions opts;
    opts.feats = false;
    opts.lemma = false;
    for (size_t i = f; i < docs.size(); i += folds) trained->tagger->Tag(docs[i], opts);
    std::cerr << "train_parser: jackknife fold " << f + 1 << "/" << folds << " tagged" << std::endl;
  }
  return ng::Status::Ok();
}

nlohmann::json Scores(const models::AttachmentScore& s) {
  auto r = [](double x) { return static_cast<double>(static_cast<int64_t>(x * 100 + 0.5)) / 100; };
  return {{"uas", r(s.uas())}, {"las", r(s.las())}, {"tokens", s.tokens}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the newsgraph dependency parser"};
  std::vector<std::string> train = {kShared + "/ud-english-ewt/en_ewt-ud-train.conllu",
                                    kShared + "/gum-entities/train/dep"};
  std::string dev = kShared + "/ud-english-ewt/en_ewt-ud-dev.conllu";
  std::string dev2 = kShared + "/ud-english-gum/en_gum-ud-dev.conllu";
  std::string tagger_path = models::DefaultModelDir() + "/tagger.ngm";
  std::string out = models::DefaultModelDir() + "/parser.ngm";
  models::ParserTrainerOptions opt;
  opt.ensemble = 3;
  int jackknife = 5;
  std::string tag_cache;
  std::string clusters_path = models::WordClusters::DefaultPath();
  app.add_option("--train", train, "training CoNLL-U files or directories");
  app.add_option("--dev", dev, "dev CoNLL-U used to pick the best epoch (EWT dev)");
  app.add_option("--dev2", dev2, "second dev set, reported only (GUM dev); '' to skip");
  app.add_option("--tagger", tagger_path, "tagger model used to retag train/dev; 'none' keeps gold tags");
  app.add_option("--out", out, "output model file");
  app.add_option("--epochs", opt.epochs, "training epochs");
  app.add_option("--action-bits", opt.action_bits, "log2 rows of the action table");
  app.add_option("--label-bits", opt.label_bits, "log2 rows of the label table");
  app.add_option("--explore-from", opt.explore_from_epoch, "first epoch with exploration");
  app.add_option("--explore-prob", opt.explore_prob, "probability of following a wrong prediction");
  app.add_option("--seed", opt.seed, "random seed");
  app.add_option("--feature-set", opt.feature_set, "feature templates: 1 (no clusters/suffixes) or 2");
  app.add_option("--ensemble", opt.ensemble, "perceptrons with different seeds whose mean is the model");
  app.add_option("--jackknife", jackknife, "tag training data with K-fold jackknifed taggers (0 or 1 = with --tagger itself)");
  app.add_option("--tag-cache", tag_cache,
                 "CoNLL-U file with the tagged training data: read if it exists, else written after tagging "
                 "(saves the fold taggers between experiments; key it by tagger and data yourself)");
  app.add_option("--clusters", clusters_path,
                 "word clusters for --feature-set 2, loaded by the parser from its own directory "
                 "('none' = no clusters; ignored for feature set 1)");
  CLI11_PARSE(app, argc, argv);
  if (opt.feature_set < 2) clusters_path = "none";  // set 1 has no cluster features
  if (clusters_path != "none") {
    auto loaded = models::WordClusters::Load(clusters_path);
    if (!loaded.ok()) {
      std::cerr << "train_parser: " << loaded.status().ToString() << " (use --clusters none to train without)\n";
      return 1;
    }
    opt.clusters = *loaded;
  }

  std::string train_bytes;
  auto train_docs = ReadAll(train, &train_bytes);
  auto dev_docs = ReadAll({dev}, nullptr);
  if (!train_docs.ok() || !dev_docs.ok()) {
    std::cerr << "train_parser: " << (!train_docs.ok() ? train_docs.status() : dev_docs.status()).ToString() << "\n";
    return 1;
  }
  std::vector<std::vector<ng::document::Document>> devs = {std::move(dev_docs).value()};
  if (!dev2.empty()) {
    auto d2 = ReadAll({dev2}, nullptr);
    if (!d2.ok()) {
      std::cerr << "train_parser: " << d2.status().ToString() << "\n";
      return 1;
    }
    devs.push_back(std::move(d2).value());
  }
  std::string tags = "gold";
  if (tagger_path != "none") {
    auto tagger = models::Tagger::Load(tagger_path);
    if (!tagger.ok()) {
      std::cerr << "train_parser: " << tagger.status().ToString() << " (use --tagger none for gold tags)\n";
      return 1;
    }
    if (!tag_cache.empty() && ng::base::LocalFileSystem().Exists(tag_cache)) {
      auto cached = ReadAll({tag_cache}, nullptr);
      if (!cached.ok()) {
        std::cerr << "train_parser: " << cached.status().ToString() << "\n";
        return 1;
      }
      *train_docs = std::move(cached).value();
      std::cerr << "train_parser: training tags read from " << tag_cache << "\n";
    } else if (jackknife > 1) {
      ng::Status st = JackknifeTags(*train_docs, jackknife, dev, **tagger);
      if (!st.ok()) {
        std::cerr << "train_parser: " << st.ToString() << "\n";
        return 1;
      }
    } else {
      Retag(**tagger, *train_docs);
    }
    if (!tag_cache.empty() && !ng::base::LocalFileSystem().Exists(tag_cache)) {
      std::string bytes;
      for (const auto& d : *train_docs) bytes += ng::document::WriteConllu(d);
      ng::Status st = ng::base::LocalFileSystem().WriteFileAtomically(tag_cache, bytes);
      if (!st.ok()) std::cerr << "train_parser: " << st.ToString() << "\n";
    }
    for (auto& d : devs) Retag(**tagger, d);
    tags = "predicted by " + tagger_path +
           (jackknife > 1 ? " (train: " + std::to_string(jackknife) + "-fold jackknife taggers)" : "");
  }
  std::cerr << "train_parser: tags " << tags << "\n";
  const auto start = std::chrono::steady_clock::now();
  auto trained = models::TrainParser(*train_docs, devs, opt, std::cerr);
  if (!trained.ok()) {
    std::cerr << "train_parser: " << trained.status().ToString() << "\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json spec = {{"train", train},  {"dev", dev},
                         {"dev2", dev2},    {"tags", tags},
                         {"epochs", opt.epochs}, {"best_epoch", trained->best_epoch},
                         {"action_bits", opt.action_bits}, {"label_bits", opt.label_bits},
                         {"explore_from_epoch", opt.explore_from_epoch}, {"explore_prob", opt.explore_prob},
                         {"seed", opt.seed}, {"ensemble", opt.ensemble}, {"feature_set", opt.feature_set},
                         {"training_seconds", static_cast<int>(secs)},
                         {"clusters", clusters_path},
                         {"algorithm", "arc-hybrid greedy, averaged perceptron, dynamic oracle, separate labeller"}};
  nlohmann::json dev_scores = {{"ewt", Scores(trained->dev_all[0])}};
  if (trained->dev_all.size() > 1) dev_scores["gum"] = Scores(trained->dev_all[1]);
  nlohmann::json meta = {{"version", trained->feature_set},
                         {"training_spec", spec},
                         {"training_data_hash", ng::base::ContentHash(train_bytes)},
                         {"git_revision", newsgraph::training::GitRevision()},
                         {"dev_scores", dev_scores}};
  const std::string clusters_file = clusters_path.substr(clusters_path.find_last_of('/') + 1);
  auto bytes = models::BuildParserModelFile(trained->weights, meta, models::ParserSelfTestSentences(), opt.clusters,
                                            clusters_file);
  if (!bytes.ok()) {
    std::cerr << "train_parser: " << bytes.status().ToString() << "\n";
    return 1;
  }
  ng::Status st = ng::base::LocalFileSystem().WriteFileAtomically(out, *bytes);
  if (!st.ok()) {
    std::cerr << "train_parser: " << st.ToString() << "\n";
    return 1;
  }
  std::cerr << "train_parser: best epoch " << trained->best_epoch << ", dev scores " << dev_scores.dump()
            << ", trained in " << static_cast<int>(secs) << " s, wrote " << out << " (" << bytes->size()
            << " bytes)\n";
  return 0;
}
