// Trains the parser's second-stage labeller and writes the parser model with it as its
// "relabel" section (payload version 4; data/models/README.md, Parser, "Relabeller").
// The committed recipe (tools/train/train_all.sh runs it):
//   train_parser --tag-cache T                     first pass, and its jackknifed training tags
//   train_relabeler --tag-cache T --write-folds D  D/train_K.conllu: the documents outside fold K
//   train_parser --tag-cache D/train_K.conllu --no-add-gold --ensemble 1 --epochs 8
//                --dev2 '' --out D/parser_K.ngm    for K = 0..4: fold parsers
//   train_relabeler --tag-cache T --fold-parsers D stacked training on the fold parsers' parses
// Without --fold-parsers it trains on the gold trees (feature version 1; measured, weaker).
// Prints per-epoch dev LAS (EWT dev, GUM dev), then the LAS of each candidate gate.
#include <chrono>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/file.h"
#include "document/conllu.h"
#include "models/model_file.h"
#include "models/parser.h"
#include "models/parser_trainer.h"
#include "models/tagger.h"
#include "training_common.h"

namespace ng = newsgraph;
namespace models = newsgraph::models;

namespace {

// A parser model without its relabeller: the first pass the relabeller is trained for.
struct FirstPassModel {
  std::string weights, lexicon;
  nlohmann::json meta;  // version 3, no "relabel"
  std::string bytes;    // the model file of the first pass alone
};

ng::StatusOr<FirstPassModel> FirstPass(const std::string& path) {
  NG_ASSIGN_OR_RETURN(std::string bytes, ng::base::LocalFileSystem().ReadFile(path, 1ull << 30));
  NG_ASSIGN_OR_RETURN(models::ModelFile file, models::ModelFile::Parse(bytes, path));
  FirstPassModel m;
  m.meta = file.meta();
  if (m.meta.value("version", 0) < 3 || m.meta.contains("clusters")) {
    return ng::Status::InvalidArgument(path + ": the relabeller needs a version 3 or 4 parser model without clusters");
  }
  m.meta["version"] = 3;
  m.meta.erase("relabel");
  if (m.meta.contains("first_pass_dev_scores")) {
    m.meta["dev_scores"] = m.meta["first_pass_dev_scores"];
    m.meta.erase("first_pass_dev_scores");
  }
  NG_ASSIGN_OR_RETURN(std::string_view weights, file.Section("weights"));
  m.weights = std::string(weights);
  if (file.HasSection("lexicon")) m.lexicon = std::string(*file.Section("lexicon"));
  NG_ASSIGN_OR_RETURN(m.bytes, models::BuildParserModelFile(m.weights, m.meta, models::ParserSelfTestSentences(),
                                                             nullptr, "clusters.ngm", m.lexicon));
  return m;
}

nlohmann::json Scores(const models::AttachmentScore& s) {
  auto round2 = [](double x) { return std::round(x * 100) / 100; };
  return {{"uas", round2(s.uas())}, {"las", round2(s.las())}, {"tokens", s.tokens}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the parser's second-stage labeller"};
  const std::string shared = ng::training::SharedDataDir();
  std::vector<std::string> train = {shared + "/ud-english-ewt/en_ewt-ud-train.conllu", shared + "/gum-entities/train/dep"};
  std::string tag_cache;
  std::string dev = shared + "/ud-english-ewt/en_ewt-ud-dev.conllu";
  std::string dev2 = shared + "/ud-english-gum/en_gum-ud-dev.conllu";
  std::string tagger_path = models::DefaultModelDir() + "/tagger.ngm";
  std::string parser_path = models::DefaultModelDir() + "/parser.ngm";
  std::string out = models::DefaultModelDir() + "/parser.ngm";
  models::RelabelerTrainOptions opt;
  app.add_option("--train", train, "training CoNLL-U files or directories (gold trees)");
  app.add_option("--tag-cache", tag_cache,
                 "tagged training data written by train_parser --tag-cache (gold trees, jackknifed tags); "
                 "replaces --train");
  app.add_option("--dev", dev, "dev CoNLL-U that picks the epoch (EWT dev)");
  app.add_option("--dev2", dev2, "second dev set, reported only (GUM dev); '' to skip");
  app.add_option("--tagger", tagger_path, "tagger model that tags the dev sets");
  app.add_option("--parser", parser_path, "first-pass parser model (a relabel section in it is left out)");
  app.add_option("--out", out, "write the parser model with the relabeller here (default: over --parser's default path; '' = only report)");
  app.add_option("--epochs", opt.epochs, "training epochs");
  app.add_option("--seed", opt.seed, "shuffling seed");
  app.add_option("--ensemble", opt.ensemble, "perceptrons with different shuffles whose mean is the model");
  app.add_option("--min-weight", opt.min_abs_weight, "prune averaged weights below this");
  app.add_option("--label-bits", opt.label_bits, "log2 rows of the weight table");
  std::vector<int> gates = {2000, 4000, 8000, 16000, 32768};
  app.add_option("--gates", gates,
                 "candidate gates, smallest first (first-pass label margins below the gate are relabelled; "
                 "32768 = all)");
  std::string write_folds, fold_parsers;
  int folds = 5;
  app.add_option("--write-folds", write_folds,
                 "instead of training: write DIR/train_K.conllu (and with --tag-cache DIR/gold_K.conllu, the same "
                 "documents with gold tags), the training documents outside fold K (document i is in fold "
                 "i % --folds), for training the fold parsers");
  app.add_option("--fold-parsers", fold_parsers,
                 "stacked training: DIR/parser_K.ngm, trained without fold K, parses fold K");
  app.add_option("--folds", folds, "jackknife folds");
  CLI11_PARSE(app, argc, argv);

  auto train_docs = ng::training::ReadConlluFiles(tag_cache.empty() ? train : std::vector<std::string>{tag_cache});
  if (!train_docs.ok()) {
    std::cerr << "train_relabeler: " << train_docs.status().ToString() << "\n";
    return 1;
  }
  if (!write_folds.empty()) {
    for (int k = 0; k < folds; ++k) {
      std::string bytes;
      for (size_t i = 0; i < train_docs->size(); ++i) {
        if (static_cast<int>(i % folds) != k) bytes += ng::document::WriteConllu((*train_docs)[i]);
      }
      const std::string path = write_folds + "/train_" + std::to_string(k) + ".conllu";
      ng::Status st = ng::base::LocalFileSystem().WriteFileAtomically(path, bytes);
      if (st.ok() && !tag_cache.empty()) {  // the same documents with gold tags, for the parser's gold-tag copy
        auto gold_docs = ng::training::ReadConlluFiles(train);
        if (!gold_docs.ok() || gold_docs->size() != train_docs->size()) {
          std::cerr << "train_relabeler: --train and --tag-cache hold different documents\n";
          return 1;
        }
        std::string gold_bytes;
        for (size_t i = 0; i < gold_docs->size(); ++i) {
          if (static_cast<int>(i % folds) != k) gold_bytes += ng::document::WriteConllu((*gold_docs)[i]);
        }
        st = ng::base::LocalFileSystem().WriteFileAtomically(write_folds + "/gold_" + std::to_string(k) + ".conllu",
                                                             gold_bytes);
      }
      if (!st.ok()) {
        std::cerr << "train_relabeler: " << st.ToString() << "\n";
        return 1;
      }
      std::cerr << "train_relabeler: wrote " << path << "\n";
    }
    return 0;
  }
  std::vector<ng::document::Document> train_parsed;
  if (!fold_parsers.empty()) {
    train_parsed = *train_docs;
    for (int k = 0; k < folds; ++k) {
      auto fold_parser = models::Parser::Load(fold_parsers + "/parser_" + std::to_string(k) + ".ngm");
      if (!fold_parser.ok()) {
        std::cerr << "train_relabeler: " << fold_parser.status().ToString() << "\n";
        return 1;
      }
      for (size_t i = k; i < train_parsed.size(); i += folds) (*fold_parser)->Parse(train_parsed[i]);
    }
    const models::AttachmentScore s = models::ScoreParses(*train_docs, train_parsed);
    std::cerr << "train_relabeler: jackknifed first-pass parses of the training data: UAS/LAS " << s.uas() << " / "
              << s.las() << "\n";
  }
  auto tagger = models::Tagger::Load(tagger_path);
  auto base = FirstPass(parser_path);
  if (!tagger.ok() || !base.ok()) {
    std::cerr << "train_relabeler: " << (!tagger.ok() ? tagger.status() : base.status()).ToString() << "\n";
    return 1;
  }
  auto parser = models::Parser::FromBytes(base->bytes, parser_path + " (first pass)");
  if (!parser.ok()) {
    std::cerr << "train_relabeler: " << parser.status().ToString() << "\n";
    return 1;
  }
  std::vector<std::string> dev_files = {dev};
  if (!dev2.empty()) dev_files.push_back(dev2);
  std::vector<std::vector<ng::document::Document>> gold(dev_files.size()), parsed(dev_files.size());
  std::vector<models::RelabelDevSet> dev_sets;
  for (size_t i = 0; i < dev_files.size(); ++i) {
    auto docs = ng::training::ReadConlluFiles({dev_files[i]});
    if (!docs.ok()) {
      std::cerr << "train_relabeler: " << docs.status().ToString() << "\n";
      return 1;
    }
    gold[i] = *docs;
    parsed[i] = *docs;
    models::TagOptions topt;
    topt.feats = false;
    topt.lemma = false;
    for (auto& d : parsed[i]) {
      (*tagger)->Tag(d, topt);
      (*parser)->Parse(d);
    }
  }
  for (size_t i = 0; i < dev_files.size(); ++i) dev_sets.push_back({i == 0 ? "ewt" : "gum", &gold[i], &parsed[i]});
  opt.labels = (*parser)->labels();
  const auto start = std::chrono::steady_clock::now();
  auto trained = models::TrainRelabeler(*train_docs, fold_parsers.empty() ? nullptr : &train_parsed, dev_sets, opt, std::cerr);
  if (!trained.ok()) {
    std::cerr << "train_relabeler: " << trained.status().ToString() << "\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t i = 0; i < dev_sets.size(); ++i) {
    std::cerr << "train_relabeler: " << dev_sets[i].name << " dev UAS/LAS " << trained->dev_before[i].uas() << " / "
              << trained->dev_before[i].las() << " -> " << trained->dev_after[i].las() << " relabelling every arc (epoch "
              << trained->best_epoch << ", " << static_cast<int>(secs) << " s, section "
              << trained->section.size() << " bytes)\n";
  }
  // The gate: relabel only the arcs the first pass labelled with a margin below it. Each
  // candidate is a whole model, decoded as at run time; the best EWT dev LAS wins, ties
  // (within 0.02) go to the smaller gate, which relabels fewer arcs and costs less.
  std::string section = trained->section;
  nlohmann::json meta = base->meta;
  meta["version"] = 4;
  std::vector<models::AttachmentScore> best_scores;
  int best_gate = -1;
  for (int gate : gates) {
    auto gated = models::SetRelabelGate(trained->section, gate);
    if (!gated.ok()) {
      std::cerr << "train_relabeler: " << gated.status().ToString() << "\n";
      return 1;
    }
    auto bytes = models::BuildParserModelFile(base->weights, meta, {}, nullptr, "clusters.ngm", base->lexicon, *gated);
    auto p = bytes.ok() ? models::Parser::FromBytes(*bytes, "(gate check)") : bytes.status();
    if (!p.ok()) {
      std::cerr << "train_relabeler: " << p.status().ToString() << "\n";
      return 1;
    }
    std::vector<models::AttachmentScore> scores;
    const auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < dev_sets.size(); ++i) {
      std::vector<ng::document::Document> docs = parsed[i];
      for (auto& d : docs) (*p)->Parse(d);
      scores.push_back(models::ScoreParses(gold[i], docs));
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << "train_relabeler: gate " << gate << ": ewt LAS " << scores[0].las()
              << (scores.size() > 1 ? ", gum LAS " + std::to_string(scores[1].las()) : std::string()) << " ("
              << static_cast<int>(ms) << " ms)\n";
    if (best_gate < 0 || scores[0].labels > best_scores[0].labels + scores[0].tokens / 5000) {
      best_gate = gate;
      best_scores = scores;
      section = *gated;
    }
  }
  trained->dev_after = best_scores;
  for (size_t i = 0; i < dev_sets.size(); ++i) {
    std::cerr << "train_relabeler: gate " << best_gate << ": " << dev_sets[i].name << " dev LAS "
              << trained->dev_before[i].las() << " -> " << best_scores[i].las() << "\n";
  }
  if (out.empty()) return 0;
  nlohmann::json after = {{"ewt", Scores(trained->dev_after[0])}};
  if (trained->dev_after.size() > 1) after["gum"] = Scores(trained->dev_after[1]);
  meta["first_pass_dev_scores"] = meta.value("dev_scores", nlohmann::json::object());
  meta["dev_scores"] = after;
  meta["relabel"] = {{"train", train},
                     {"tags", tag_cache.empty() ? "gold" : "jackknifed, from train_parser --tag-cache"},
                     {"stacked", !fold_parsers.empty()},
                     {"folds", fold_parsers.empty() ? 0 : folds},
                     {"epochs", opt.epochs},
                     {"best_epoch", trained->best_epoch},
                     {"gate", best_gate},
                     {"seed", opt.seed},
                     {"ensemble", opt.ensemble},
                     {"min_weight", opt.min_abs_weight},
                     {"label_bits", opt.label_bits},
                     {"training_seconds", static_cast<int>(secs)}};
  auto model = models::BuildParserModelFile(base->weights, meta, models::ParserSelfTestSentences(), nullptr,
                                            "clusters.ngm", base->lexicon, section);
  ng::Status st = model.ok() ? ng::base::LocalFileSystem().WriteFileAtomically(out, *model) : model.status();
  if (!st.ok()) {
    std::cerr << "train_relabeler: " << st.ToString() << "\n";
    return 1;
  }
  std::cerr << "train_relabeler: wrote " << out << " (" << model->size() << " bytes)\n";
  return 0;
}
