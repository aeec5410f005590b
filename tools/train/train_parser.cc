// Trains the dependency parser and writes data/models/parser.ngm.
// The defaults train the beam model described in data/models/README.md (Parser):
//   train_parser   (EWT + GUM train with 5-fold jackknifed tags from bidirectional fold taggers,
//                   each the mean of 5 perceptrons like tagger.ngm, plus 1000 copies closed by a
//                   reporting clause (", police said."), plus a second copy with gold tags, EWT dev
//                   picks the epoch of 10, dev tags from tagger.ngm, feature set 1, beam 3 with
//                   max-violation training, mean of 3 perceptrons with seeds 1, 7920, 15839,
//                   beam margin 20000; train_all.sh passes 25000)
// --tag-cache F keeps the jackknifed training tags between runs (the fold taggers dominate the time).
// --remargin M re-chooses the beam margin of an existing beam model without training.
// --average A B ... writes the mean of the weights of several beam models.
// --jackknife-left-to-right trains the fold taggers without the right-to-left pass (the
// previous recipe; the run-time tagger has it); --extra-train adds parsed sentences as they
// are (e.g. news sentences two parsers agree on, from select_agreed_parses).
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
#include "models/parser.h"
#include "models/parser_trainer.h"
#include "models/reporting_clause_trainer.h"
#include "models/tagger.h"
#include "models/tagger_trainer.h"
#include "models/word_clusters.h"

namespace ng = newsgraph;
namespace models = newsgraph::models;

namespace {

const std::string kShared = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data";
// The "lexicon" section of the model being written (feature set 3), for the dev checks.
std::string g_lexicon;

void Retag(const models::Tagger& tagger, std::vector<ng::document::Document>& docs) {
  models::TagOptions opts;
  opts.feats = false;
  opts.lemma = false;
  for (auto& d : docs) tagger.Tag(d, opts);
}

// Jackknifing: tags each of `folds` slices of the training documents with a tagger trained
// on the other slices, so the parser learns from tags as noisy as at run time.
ng::Status JackknifeTags(std::vector<ng::document::Document>& docs, int folds, const std::string& dev,
                         const models::Tagger& tagger, bool bidirectional, int ensemble) {
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
    o.bidirectional = bidirectional;
    o.ensemble = ensemble;
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

// Attachment scores on `dev` of `weights` decoded as `meta` says.
ng::StatusOr<models::AttachmentScore> DevScore(const std::string& weights, const nlohmann::json& meta,
                                               const std::vector<ng::document::Document>& dev,
                                               std::shared_ptr<const models::WordClusters> clusters,
                                               const std::string& clusters_file) {
  NG_ASSIGN_OR_RETURN(std::string bytes,
                      models::BuildParserModelFile(weights, meta, {}, clusters, clusters_file, g_lexicon));
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const models::Parser> parser,
                      models::Parser::FromBytes(std::move(bytes), "(dev check)", clusters));
  std::vector<ng::document::Document> parsed = dev;
  for (auto& d : parsed) parser->Parse(d);
  return models::ScoreParses(dev, parsed);
}

// LAS on each dev set of `weights` decoded with `meta` (version 3) and beam margin `margin`.
ng::StatusOr<std::vector<double>> DevLas(const std::string& weights, nlohmann::json meta,
                                         const std::vector<std::vector<ng::document::Document>>& devs,
                                         std::shared_ptr<const models::WordClusters> clusters,
                                         const std::string& clusters_file, int64_t margin) {
  meta["beam_margin"] = margin;
  std::vector<double> las;
  for (const auto& dev : devs) {
    NG_ASSIGN_OR_RETURN(models::AttachmentScore score, DevScore(weights, meta, dev, clusters, clusters_file));
    las.push_back(score.las());
  }
  return las;
}

// The beam margin: `given` when >= 0, else the smallest of a few candidates whose LAS on every
// dev set is within 0.05 of the full beam's (a smaller margin parses faster; see README).
ng::StatusOr<int64_t> ChooseBeamMargin(const std::string& weights, const nlohmann::json& meta,
                                       const std::vector<std::vector<ng::document::Document>>& devs,
                                       std::shared_ptr<const models::WordClusters> clusters,
                                       const std::string& clusters_file, int64_t given) {
  if (given >= 0) return given;
  NG_ASSIGN_OR_RETURN(std::vector<double> full, DevLas(weights, meta, devs, clusters, clusters_file, 0));
  for (int64_t m : {15000, 20000, 25000, 30000, 40000, 50000, 70000}) {
    NG_ASSIGN_OR_RETURN(std::vector<double> las, DevLas(weights, meta, devs, clusters, clusters_file, m));
    bool ok = true;
    std::cerr << "train_parser: beam margin " << m << " dev LAS";
    for (size_t i = 0; i < las.size(); ++i) {
      std::cerr << " " << las[i] << " (full " << full[i] << ")";
      ok = ok && las[i] >= full[i] - 0.05;
    }
    std::cerr << "\n";
    if (ok) return m;
  }
  return int64_t{0};
}

nlohmann::json Scores(const models::AttachmentScore& s) {
  auto r = [](double x) { return static_cast<double>(static_cast<int64_t>(x * 100 + 0.5)) / 100; };
  return {{"uas", r(s.uas())}, {"las", r(s.las())}, {"tokens", s.tokens}};
}

// Chooses (or sets) meta["beam_margin"] and records the dev scores of the model as it will be written.
ng::Status SetBeamMargin(const std::string& weights, nlohmann::json& meta,
                         const std::vector<std::vector<ng::document::Document>>& devs,
                         std::shared_ptr<const models::WordClusters> clusters, const std::string& clusters_file,
                         int64_t given) {
  meta.erase("beam_margin");
  NG_ASSIGN_OR_RETURN(int64_t margin, ChooseBeamMargin(weights, meta, devs, clusters, clusters_file, given));
  meta["beam_margin"] = margin;
  meta["training_spec"]["beam_margin"] = given < 0 ? "chosen on dev" : "given";
  const char* names[] = {"ewt", "gum"};
  for (size_t i = 0; i < devs.size() && i < 2; ++i) {
    NG_ASSIGN_OR_RETURN(models::AttachmentScore score, DevScore(weights, meta, devs[i], clusters, clusters_file));
    meta["dev_scores"][names[i]] = Scores(score);
  }
  return ng::Status::Ok();
}

int Remargin(const std::string& path, const std::string& tagger_path,
             std::vector<std::vector<ng::document::Document>>& devs, int64_t given, const std::string& out) {
  auto run = [&]() -> ng::Status {
    NG_ASSIGN_OR_RETURN(std::shared_ptr<const models::Tagger> tagger, models::Tagger::Load(tagger_path));
    for (auto& d : devs) Retag(*tagger, d);
    NG_ASSIGN_OR_RETURN(std::string bytes, ng::base::LocalFileSystem().ReadFile(path, 1ull << 30));
    NG_ASSIGN_OR_RETURN(models::ModelFile file, models::ModelFile::Parse(bytes, path));
    nlohmann::json meta = file.meta();
    if (meta.value("version", 0) != 3 || meta.value("beam", 1) < 2 || meta.contains("clusters")) {
      return ng::Status::InvalidArgument(path + ": --remargin needs a version-3 beam model without clusters");
    }
    NG_ASSIGN_OR_RETURN(std::string_view weights_view, file.Section("weights"));
    const std::string weights(weights_view);
    if (file.HasSection("lexicon")) g_lexicon = std::string(*file.Section("lexicon"));
    NG_RETURN_IF_ERROR(SetBeamMargin(weights, meta, devs, nullptr, "clusters.ngm", given));
    NG_ASSIGN_OR_RETURN(std::string model,
                        models::BuildParserModelFile(weights, meta, models::ParserSelfTestSentences(), nullptr,
                                                     "clusters.ngm", g_lexicon));
    NG_RETURN_IF_ERROR(ng::base::LocalFileSystem().WriteFileAtomically(out, model));
    std::cerr << "train_parser: beam margin " << meta["beam_margin"] << ", dev scores " << meta["dev_scores"].dump()
              << ", wrote " << out << "\n";
    return ng::Status::Ok();
  };
  ng::Status st = run();
  if (!st.ok()) std::cerr << "train_parser: " << st.ToString() << "\n";
  return st.ok() ? 0 : 1;
}

// Writes the mean of the weights of `paths` (version-3 models of one feature set and beam,
// without clusters) with beam margin `given` (-1 = chosen on dev) to `out`.
int Average(const std::vector<std::string>& paths, const std::string& tagger_path,
            std::vector<std::vector<ng::document::Document>>& devs, int64_t given, const std::string& out) {
  auto run = [&]() -> ng::Status {
    NG_ASSIGN_OR_RETURN(std::shared_ptr<const models::Tagger> tagger, models::Tagger::Load(tagger_path));
    for (auto& d : devs) Retag(*tagger, d);
    std::vector<std::string> weights;
    nlohmann::json meta, specs = nlohmann::json::array();
    std::string hashes;
    for (const std::string& path : paths) {
      NG_ASSIGN_OR_RETURN(std::string bytes, ng::base::LocalFileSystem().ReadFile(path, 1ull << 30));
      NG_ASSIGN_OR_RETURN(models::ModelFile file, models::ModelFile::Parse(bytes, path));
      const nlohmann::json& m = file.meta();
      if (m.value("version", 0) != 3 || m.contains("clusters") || file.HasSection("lexicon")) {
        return ng::Status::InvalidArgument(path + ": --average needs version-3 models without clusters or lexicon");
      }
      if (meta.is_null()) meta = m;
      if (m.value("beam", 1) != meta.value("beam", 1) || m.value("feature_set", 0) != meta.value("feature_set", 0)) {
        return ng::Status::InvalidArgument(path + ": beam or feature set differs from " + paths[0]);
      }
      NG_ASSIGN_OR_RETURN(std::string_view w, file.Section("weights"));
      weights.emplace_back(w);
      specs.push_back(m.value("training_spec", nlohmann::json::object()));
      hashes += m.value("training_data_hash", std::string()) + " ";
    }
    NG_ASSIGN_OR_RETURN(std::string averaged, models::AverageParserWeights(weights));
    meta["training_spec"] = {{"algorithm", "mean of the weights of the models below (each counts equally)"},
                             {"averaged", specs}};
    meta["training_data_hash"] = ng::base::ContentHash(hashes);
    meta["git_revision"] = newsgraph::training::GitRevision();
    meta.erase("dev_scores");
    NG_RETURN_IF_ERROR(SetBeamMargin(averaged, meta, devs, nullptr, "clusters.ngm", given));
    NG_ASSIGN_OR_RETURN(std::string model, models::BuildParserModelFile(averaged, meta,
                                                                        models::ParserSelfTestSentences()));
    NG_RETURN_IF_ERROR(ng::base::LocalFileSystem().WriteFileAtomically(out, model));
    std::cerr << "train_parser: mean of " << paths.size() << " models, beam margin " << meta["beam_margin"]
              << ", dev scores " << meta["dev_scores"].dump() << ", wrote " << out << "\n";
    return ng::Status::Ok();
  };
  ng::Status st = run();
  if (!st.ok()) std::cerr << "train_parser: " << st.ToString() << "\n";
  return st.ok() ? 0 : 1;
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
  opt.beam = 3;
  opt.epochs = 10;
  int jackknife = 5;
  std::string tag_cache;
  bool jackknife_bidirectional = true;
  int jackknife_ensemble = 5;
  std::vector<std::string> extra_train;
  size_t reporting_clauses = 1000;
  std::string reporting_clauses_out;
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
  app.add_option("--feature-set", opt.feature_set, "feature templates: 1 (Zhang & Nivre), 2 (+ clusters/suffixes) or 3 (+ ambiguity classes)");
  app.add_option("--beam", opt.beam, "beam width (1 = greedy with dynamic-oracle training; k > 1 = global training)");
  bool early_update = false;
  app.add_flag("--early-update", early_update, "beam training with early update instead of max-violation");
  int64_t beam_margin = 20000;
  app.add_option("--beam-margin", beam_margin,
                 "drop beam items this far behind the best (quantized units; default 20000, see README); -1 = the smallest of a few "
                 "that keeps LAS on every dev set within 0.05 of the full beam; 0 = keep the full beam");
  bool add_gold = true;
  app.add_flag("--add-gold,!--no-add-gold", add_gold,
               "train on the tagged training data plus a second copy with its gold tags (default on)");
  std::string remargin;
  app.add_option("--remargin", remargin,
                 "instead of training: re-choose the beam margin of this beam model (and its recorded dev "
                 "scores) with the --tagger's dev tags, and write it to --out");
  std::vector<std::string> average;
  app.add_option("--average", average,
                 "instead of training: write the mean of the weights of these beam models (same shapes and "
                 "labels) to --out, with --beam-margin and dev scores as for a trained model");
  app.add_option("--ensemble", opt.ensemble, "perceptrons with different seeds whose mean is the model");
  app.add_option("--jackknife", jackknife, "tag training data with K-fold jackknifed taggers (0 or 1 = with --tagger itself)");
  app.add_flag("--jackknife-bidirectional,!--jackknife-left-to-right", jackknife_bidirectional,
               "fold taggers stack a right-to-left pass like the run-time tagger (default on; off = the "
               "previous, left-to-right fold taggers)");
  app.add_option("--jackknife-ensemble", jackknife_ensemble,
                 "each fold tagger is the mean of this many perceptrons (train_tagger --ensemble)")
      ->capture_default_str();
  app.add_option("--extra-train", extra_train,
                 "CoNLL-U files of already tagged and parsed sentences added to the training data as they are "
                 "(no retagging, no gold copy), e.g. from select_agreed_parses");
  app.add_option("--reporting-clauses", reporting_clauses,
                 "add this many training sentences copied with a reporting clause before their period "
                 "(\", police said.\"; see src/models/reporting_clause_trainer.h)");
  app.add_option("--reporting-clauses-out", reporting_clauses_out,
                 "also write the --reporting-clauses sentences to this CoNLL-U file (to read them)");
  app.add_option("--tag-cache", tag_cache,
                 "CoNLL-U file with the tagged training data: read if it exists, else written after tagging "
                 "(saves the fold taggers between experiments; key it by tagger and data yourself)");
  app.add_option("--clusters", clusters_path,
                 "word clusters for --feature-set 2, loaded by the parser from its own directory "
                 "('none' = no clusters; ignored for feature set 1)");
  CLI11_PARSE(app, argc, argv);
  opt.max_violation = !early_update;
  if (opt.feature_set != 2) clusters_path = "none";  // only set 2 has cluster features
  if (clusters_path != "none") {
    auto loaded = models::WordClusters::Load(clusters_path);
    if (!loaded.ok()) {
      std::cerr << "train_parser: " << loaded.status().ToString() << " (use --clusters none to train without)\n";
      return 1;
    }
    opt.clusters = *loaded;
  }

  std::string train_bytes;
  auto train_docs = ng::training::ReadConlluFiles(train, &train_bytes);
  auto dev_docs = ng::training::ReadConlluFiles({dev}, nullptr);
  if (!train_docs.ok() || !dev_docs.ok()) {
    std::cerr << "train_parser: " << (!train_docs.ok() ? train_docs.status() : dev_docs.status()).ToString() << "\n";
    return 1;
  }
  std::vector<std::vector<ng::document::Document>> devs = {std::move(dev_docs).value()};
  if (!dev2.empty()) {
    auto d2 = ng::training::ReadConlluFiles({dev2}, nullptr);
    if (!d2.ok()) {
      std::cerr << "train_parser: " << d2.status().ToString() << "\n";
      return 1;
    }
    devs.push_back(std::move(d2).value());
  }
  if (!remargin.empty()) return Remargin(remargin, tagger_path, devs, beam_margin, out);
  if (!average.empty()) return Average(average, tagger_path, devs, beam_margin, out);
  const std::vector<ng::document::Document> gold_train = *train_docs;  // ambiguity classes (set 3)
  opt.lexicon_docs = &gold_train;
  std::string tags = "gold";
  if (tagger_path != "none") {
    auto tagger = models::Tagger::Load(tagger_path);
    if (!tagger.ok()) {
      std::cerr << "train_parser: " << tagger.status().ToString() << " (use --tagger none for gold tags)\n";
      return 1;
    }
    if (!tag_cache.empty() && ng::base::LocalFileSystem().Exists(tag_cache)) {
      auto cached = ng::training::ReadConlluFiles({tag_cache}, nullptr);
      if (!cached.ok()) {
        std::cerr << "train_parser: " << cached.status().ToString() << "\n";
        return 1;
      }
      *train_docs = std::move(cached).value();
      std::cerr << "train_parser: training tags read from " << tag_cache << "\n";
    } else if (jackknife > 1) {
      ng::Status st = JackknifeTags(*train_docs, jackknife, dev, **tagger, jackknife_bidirectional,
                                    jackknife_ensemble);
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
           (jackknife > 1 ? " (train: " + std::to_string(jackknife) + "-fold jackknife taggers" +
                                (jackknife_bidirectional ? ", bidirectional" : "") +
                                (jackknife_ensemble > 1 ? ", mean of " + std::to_string(jackknife_ensemble) : "") + ")"
                          : "");
  }
  if (reporting_clauses > 0) {
    // From the tagged sentences, so the copied words keep the tags the parser trains on.
    std::vector<ng::document::Document> extra =
        models::MakeReportingClauseSentences(*train_docs, reporting_clauses, opt.seed);
    tags += " + " + std::to_string(extra.size()) + " copies closed by a reporting clause";
    if (!reporting_clauses_out.empty()) {
      std::string bytes;
      for (const auto& d : extra) bytes += ng::document::WriteConllu(d);
      ng::Status st = ng::base::LocalFileSystem().WriteFileAtomically(reporting_clauses_out, bytes);
      if (!st.ok()) std::cerr << "train_parser: " << st.ToString() << "\n";
    }
    train_docs->insert(train_docs->end(), extra.begin(), extra.end());
  }
  if (add_gold && tagger_path != "none") {
    train_docs->insert(train_docs->end(), gold_train.begin(), gold_train.end());
    tags += " + a copy with gold tags";
  }
  if (!extra_train.empty()) {
    auto extra = ng::training::ReadConlluFiles(extra_train, &train_bytes);
    if (!extra.ok()) {
      std::cerr << "train_parser: " << extra.status().ToString() << "\n";
      return 1;
    }
    size_t sentences = 0;
    for (const auto& d : *extra) sentences += d.sentences.size();
    tags += " + " + std::to_string(sentences) + " extra sentences as given";
    train_docs->insert(train_docs->end(), extra->begin(), extra->end());
  }
  std::cerr << "train_parser: tags " << tags << "\n";
  const auto start = std::chrono::steady_clock::now();
  auto trained = models::TrainParser(*train_docs, devs, opt, std::cerr);
  if (!trained.ok()) {
    std::cerr << "train_parser: " << trained.status().ToString() << "\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json spec = {{"train", train},  {"extra_train", extra_train}, {"reporting_clauses", reporting_clauses}, {"dev", dev},
                         {"dev2", dev2},    {"tags", tags},
                         {"epochs", opt.epochs}, {"best_epoch", trained->best_epoch},
                         {"action_bits", opt.action_bits}, {"label_bits", opt.label_bits},
                         {"explore_from_epoch", opt.explore_from_epoch}, {"explore_prob", opt.explore_prob},
                         {"seed", opt.seed}, {"ensemble", opt.ensemble}, {"feature_set", opt.feature_set},
                         {"beam", opt.beam}, {"update", opt.beam > 1 ? (early_update ? "early" : "max-violation") : "greedy"},
                         {"training_seconds", static_cast<int>(secs)},
                         {"clusters", clusters_path},
                         {"algorithm", opt.beam > 1 ? "arc-hybrid beam search, averaged perceptron, global training, separate labeller"
                                                : "arc-hybrid greedy, averaged perceptron, dynamic oracle, separate labeller"}};
  nlohmann::json dev_scores = {{"ewt", Scores(trained->dev_all[0])}};
  if (trained->dev_all.size() > 1) dev_scores["gum"] = Scores(trained->dev_all[1]);
  nlohmann::json meta = {{"version", 3},
                         {"feature_set", trained->feature_set},
                         {"beam", trained->beam},
                         {"training_spec", spec},
                         {"training_data_hash", ng::base::ContentHash(train_bytes)},
                         {"git_revision", newsgraph::training::GitRevision()},
                         {"dev_scores", dev_scores}};
  const std::string clusters_file = clusters_path.substr(clusters_path.find_last_of('/') + 1);
  g_lexicon = trained->lexicon;
  if (trained->beam > 1 && beam_margin != 0) {
    ng::Status st = SetBeamMargin(trained->weights, meta, devs, opt.clusters, clusters_file, beam_margin);
    if (!st.ok()) {
      std::cerr << "train_parser: " << st.ToString() << "\n";
      return 1;
    }
  }
  auto bytes = models::BuildParserModelFile(trained->weights, meta, models::ParserSelfTestSentences(), opt.clusters,
                                            clusters_file, trained->lexicon);
  if (!bytes.ok()) {
    std::cerr << "train_parser: " << bytes.status().ToString() << "\n";
    return 1;
  }
  ng::Status st = ng::base::LocalFileSystem().WriteFileAtomically(out, *bytes);
  if (!st.ok()) {
    std::cerr << "train_parser: " << st.ToString() << "\n";
    return 1;
  }
  std::cerr << "train_parser: best epoch " << trained->best_epoch << ", dev scores " << meta["dev_scores"].dump()
            << ", trained in " << static_cast<int>(secs) << " s, wrote " << out << " (" << bytes->size()
            << " bytes)\n";
  return 0;
}
