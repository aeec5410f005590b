// Trains the NER model (models/ner.h) from ../shared/data: WikiGold (every 5th
// article held out for dev) and the GUM entity layer (train; GUM dev for scores),
// with the gazetteer's features. Recipe and scores: data/models/README.md.
//
//   train_ner [--data ../shared/data] [--gazetteer data/gazetteer]
//             [--out data/models/ner.ngm] [--epochs 10] [--no-gum] [--no-lexicon] [--no-final]
//             [--names data/gazetteer/ner_names.tsv] [--first-names data/gazetteer/first_names.tsv]
//             [--r2l none|online|own|jackknife] [--r2l-folds 5] [--r2l-coding types|spans]
//             [--self-train-r2l] [--score MODEL]   (--score: print a model's dev scores, train nothing)
// Word profiles come from news-bench/reuters21578 (models/ner_lexicon.h); the
// epoch count is chosen on WikiGold articles i%10==3, then the model is retrained
// on train + dev for that many epochs. By default a right-to-left pass is trained
// first and its labels on the training sentences are jackknifed (5 folds by
// document) for the left-to-right pass's stacked features.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "training_common.h"
#include "base/checksum.h"
#include "base/file.h"
#include "document/conll2003.h"
#include "kb/gazetteer.h"
#include "models/ner_trainer.h"
#include "models/word_clusters.h"

namespace {

using namespace newsgraph;
namespace fs = std::filesystem;

// Reads a names list (NerNames, NerFirstNames) from `path` unless it is "", folding its
// text into the training-data hash.
template <typename List>
Status LoadList(const std::string& path, List& list, uint64_t& hash) {
  if (path.empty()) return Status::Ok();
  NG_ASSIGN_OR_RETURN(std::string text, base::LocalFileSystem().ReadFile(path, 64ull << 20));
  NG_ASSIGN_OR_RETURN(list, List::Parse(text, path));
  hash = base::Hash64(text, hash);
  return Status::Ok();
}

struct Corpus {
  std::vector<models::NerSentence> train, dev, wiki_dev, gum_dev;
  uint64_t hash = 0;
  int next_doc = 0;  // NerSentence::doc values are unique across the corpus
  size_t wiki_train_end = 0;  // train[0, wiki_train_end) are WikiGold sentences, the rest GUM
};

// Appends `add` to `out`, giving its documents ids from `next_doc` on.
void AppendDocs(std::vector<models::NerSentence> add, std::vector<models::NerSentence>& out, int& next_doc) {
  int max_doc = -1;
  for (auto& s : add) {
    if (s.doc >= 0) max_doc = std::max(max_doc, s.doc), s.doc += next_doc;
  }
  next_doc += max_doc + 1;
  out.insert(out.end(), std::make_move_iterator(add.begin()), std::make_move_iterator(add.end()));
}

// Training genres of GUM: those whose names are written like news (news, bios,
// interviews, travel guides, academic prose); "" = all genres.
std::string g_gum_genres;
std::string g_score_path;  // --score
std::string g_replace_names_path;  // --replace-names
int g_min_epochs = 4;
int g_cv_folds = 0;
std::string g_dump_path;  // if set, the converted training sentences are written here (form TAB tag)
int g_self_train_epochs = 5;     // 0 = no self-training type profiles
bool g_no_doc_context = false;  // treat every sentence as its own document
// The right-to-left pass (models::NerRightToLeft): none, online, own or jackknife.
std::string g_r2l = "jackknife";
int g_r2l_folds = 5;
int g_ensemble = 1;              // left-to-right perceptrons whose mean is the model (NerTrainOptions::ensemble)
std::string g_r2l_coding = "types";
bool g_self_train_r2l = false;  // the first model (type profiles) bidirectional too  // types: each token's type; spans: reversed IOB2 (span ends)
int g_wiki_copies = 1;          // WikiGold training sentences are seen this many times per epoch  // > 1: cross-validate on WikiGold train + dev and write no model
// Known names copied into the model (models/ner_names.h); "" = none.
std::string g_names_path = kb::Gazetteer::DefaultDir() + "/ner_names.tsv";
// First names copied into the model (models/ner_names.h); "" = none.
std::string g_first_names_path = kb::Gazetteer::DefaultDir() + "/first_names.tsv";

bool GenreWanted(const std::string& file) {
  if (g_gum_genres.empty()) return true;
  std::string base = fs::path(file).filename().string();  // GUM_<genre>_<name>.conllu
  size_t a = base.find('_'), b = base.find('_', a + 1);
  if (a == std::string::npos || b == std::string::npos) return true;
  return ("," + g_gum_genres + ",").find("," + base.substr(a + 1, b - a - 1) + ",") != std::string::npos;
}

Status ReadGumDir(const std::string& dir, const kb::Gazetteer& gaz, std::vector<models::NerSentence>& out,
                  uint64_t& hash, int& next_doc, bool filter) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".conllu" && (!filter || GenreWanted(e.path().string()))) {
      files.push_back(e.path().string());
    }
  }
  if (ec || files.empty()) return Status::NotFound(dir + ": no .conllu files");
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    NG_ASSIGN_OR_RETURN(std::string data, base::LocalFileSystem().ReadFile(f, 1ull << 30));
    hash = base::Hash64(data, hash);
    NG_ASSIGN_OR_RETURN(auto sentences, models::GumToSentences(data, f, gaz));
    AppendDocs(std::move(sentences), out, next_doc);
  }
  return Status::Ok();
}

StatusOr<Corpus> ReadCorpus(const std::string& data_dir, const kb::Gazetteer& gaz, bool use_gum) {
  Corpus c;
  std::string wiki_path = data_dir + "/wikigold/wikigold.conll.txt";
  NG_ASSIGN_OR_RETURN(std::string wiki, base::LocalFileSystem().ReadFile(wiki_path, 1ull << 30));
  c.hash = base::Hash64(wiki, 0);
  NG_ASSIGN_OR_RETURN(auto docs, document::ReadConll2003(wiki, wiki_path));
  // i % 5 == 4: held out, never trained on or used for choices; i % 10 == 3: the
  // dev part of the training articles (epoch choice), trained on in the final run.
  std::vector<document::Document> train_docs, dev_docs, heldout_docs;
  for (size_t i = 0; i < docs.size(); ++i) {
    (i % 5 == 4 ? heldout_docs : i % 10 == 3 ? dev_docs : train_docs).push_back(std::move(docs[i]));
  }
  AppendDocs(models::ConllDocsToSentences(train_docs, gaz), c.train, c.next_doc);
  const size_t wiki_end = c.train.size();
  for (int k = 1; k < g_wiki_copies; ++k) c.train.insert(c.train.end(), c.train.begin(), c.train.begin() + wiki_end);
  c.wiki_train_end = c.train.size();
  AppendDocs(models::ConllDocsToSentences(dev_docs, gaz), c.dev, c.next_doc);
  AppendDocs(models::ConllDocsToSentences(heldout_docs, gaz), c.wiki_dev, c.next_doc);
  if (use_gum) {
    NG_RETURN_IF_ERROR(ReadGumDir(data_dir + "/gum-entities/train/dep", gaz, c.train, c.hash, c.next_doc, true));
    NG_RETURN_IF_ERROR(ReadGumDir(data_dir + "/gum-entities/dev/dep", gaz, c.gum_dev, c.hash, c.next_doc, false));
  }
  if (g_no_doc_context && g_cv_folds <= 1) {  // cross-validation folds by document first
    for (auto* part : {&c.train, &c.dev, &c.wiki_dev, &c.gum_dev}) {
      for (auto& s : *part) s.doc = -1;
    }
  }
  return c;
}

std::string_view Coarse(std::string_view type) { return document::ToConll2003Type(type); }

// Self-training (models::AddTypeProfiles): a first model trained on `train`
// (no type profiles yet) tags the Reuters bodies; returns `base` with the profiles.
models::NerLexicon SelfTrainingLexicon(const std::vector<models::NerSentence>& train,
                                       std::shared_ptr<const kb::Gazetteer> gaz, const models::NerNames& names,
                                       const models::NerFirstNames* first_names, const std::vector<std::string>& news,
                                       const models::NerLexicon& base) {
  auto start = std::chrono::steady_clock::now();
  models::NerTrainOptions options;
  options.epochs = g_self_train_epochs;
  options.lexicon = &base;
  options.names = names.empty() ? nullptr : &names;
  options.first_names = first_names;
  if (g_self_train_r2l) options.r2l = models::NerRightToLeft::kJackknife, options.r2l_types_only = true;
  auto first = models::TrainNer(train, gaz, options, nlohmann::json::object());
  models::NerLexicon out = models::AddTypeProfiles(*first, base, news);
  std::printf("self-training: first model on %zu sentences, %zu stories tagged, %.1f s\n", train.size(), news.size(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return out;
}


nlohmann::json Evaluate(const models::NerTagger& tagger, const std::vector<models::NerSentence>& dev, bool coarse,
                        const std::string& title) {
  std::map<std::string, models::SpanCounts> counts;
  std::vector<std::vector<std::string>> tagged = models::TagSentences(tagger, dev);
  for (size_t i = 0; i < dev.size(); ++i) models::CountSpans(dev[i].tags, tagged[i], coarse ? Coarse : nullptr, counts);
  nlohmann::json out = nlohmann::json::object();
  std::printf("%s\n%-10s %7s %7s %7s %6s\n", title.c_str(), "type", "P", "R", "F1", "gold");
  for (const auto& [type, c] : counts) {
    std::printf("%-10s %7.2f %7.2f %7.2f %6lld\n", type.c_str(), c.Precision(), c.Recall(), c.F1(),
                static_cast<long long>(c.tp + c.fn));
    out[type] = {{"p", c.Precision()}, {"r", c.Recall()}, {"f1", c.F1()}, {"gold", c.tp + c.fn}};
  }
  return out;
}

// Cross-validation for choices (features, lists, epochs) without the held-out
// part: the WikiGold training + dev articles are split by document into `folds`;
// each fold is tagged by a model trained on GUM train + the other folds for
// options.epochs epochs. Prints pooled span scores (CoNLL types) and GUM dev.
void RunCrossValidation(const Corpus& corpus, std::shared_ptr<const kb::Gazetteer> gaz,
                        models::NerTrainOptions options, int folds, const std::vector<std::string>& news) {
  std::vector<models::NerSentence> wiki(corpus.train.begin(), corpus.train.begin() + corpus.wiki_train_end);
  wiki.insert(wiki.end(), corpus.dev.begin(), corpus.dev.end());
  options.dev = nullptr;
  std::map<std::string, models::SpanCounts> cv, gum;
  for (int f = 0; f < folds; ++f) {
    std::vector<models::NerSentence> train(corpus.train.begin() + corpus.wiki_train_end, corpus.train.end()), test;
    for (const auto& s : wiki) (s.doc % folds == f ? test : train).push_back(s);
    if (g_no_doc_context) {
      for (auto* part : {&train, &test}) {
        for (auto& s : *part) s.doc = -1;
      }
    }
    models::NerLexicon fold_lexicon;
    if (options.lexicon != nullptr && g_self_train_epochs > 0) {
      fold_lexicon = SelfTrainingLexicon(train, gaz, options.names != nullptr ? *options.names : models::NerNames(),
                                         options.first_names, news, *options.lexicon);
    }
    models::NerTrainOptions fold_options = options;
    if (!fold_lexicon.empty()) fold_options.lexicon = &fold_lexicon;
    auto tagger = models::TrainNer(train, gaz, fold_options, nlohmann::json::object());
    auto tagged = models::TagSentences(*tagger, test);
    for (size_t i = 0; i < test.size(); ++i) models::CountSpans(test[i].tags, tagged[i], Coarse, cv);
    tagged = models::TagSentences(*tagger, corpus.gum_dev);
    for (size_t i = 0; i < corpus.gum_dev.size(); ++i) {
      models::CountSpans(corpus.gum_dev[i].tags, tagged[i], nullptr, gum);
    }
  }
  models::SpanCounts plo;
  for (const char* type : {"PER", "LOC", "ORG"}) {
    plo.tp += cv[type].tp, plo.fp += cv[type].fp, plo.fn += cv[type].fn;
  }
  std::printf("CV %d folds, %d epochs: PER %.2f LOC %.2f ORG %.2f MISC %.2f | P+L+O %.2f (P %.2f R %.2f)\n", folds,
              options.epochs, cv["PER"].F1(), cv["LOC"].F1(), cv["ORG"].F1(), cv["MISC"].F1(), plo.F1(),
              plo.Precision(), plo.Recall());
  std::printf("GUM dev: PERSON %.2f GPE %.2f ORG %.2f LOC %.2f NORP %.2f MISC %.2f EVENT %.2f | ALL %.2f\n",
              gum["PERSON"].F1(), gum["GPE"].F1(), gum["ORG"].F1(), gum["LOC"].F1(), gum["NORP"].F1(),
              gum["MISC"].F1(), gum["EVENT"].F1(), gum["ALL"].F1());
}

// Word profiles from the "body" of every line of the Reuters-21578 JSONL.
StatusOr<models::NerLexicon> ReadLexicon(const std::string& path, const std::string& clusters_path, uint64_t& hash,
                                         std::vector<std::string>& texts) {
  std::vector<std::pair<std::string, uint32_t>> clusters;
  if (!clusters_path.empty()) {
    NG_ASSIGN_OR_RETURN(auto wc, models::WordClusters::Load(clusters_path));
    clusters = wc->words();
    std::printf("clusters: %zu words from %s\n", clusters.size(), clusters_path.c_str());
  }
  NG_ASSIGN_OR_RETURN(std::string data, base::LocalFileSystem().ReadFile(path, 1ull << 31));
  hash = base::Hash64(data, hash);
  size_t line_no = 0;
  for (size_t p = 0; p < data.size();) {
    size_t e = data.find('\n', p);
    if (e == std::string::npos) e = data.size();
    ++line_no;
    std::string_view line(data.data() + p, e - p);
    p = e + 1;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return Status::Corruption(path + ":" + std::to_string(line_no) + ": not JSON");
    if (j.contains("body") && j["body"].is_string()) texts.push_back(j["body"].get<std::string>());
  }
  return models::BuildNerLexicon(texts, 3, clusters);
}

std::vector<std::vector<std::string>> SelfTestSentences() {
  return {
      {"Russian", "President", "Vladimir", "Putin", "met", "North", "Korean", "leader", "Kim", "Jong", "Un",
       "at", "the", "Vostochny", "Cosmodrome", "on", "Wednesday", "."},
      {"The", "United", "Nations", "said", "food", "prices", "in", "Kenya", "rose", "12", "%", "in", "March",
       "2023", "."},
      {"Acme", "Corp", "paid", "$", "4.5", "million", "to", "settle", "the", "case", "in", "Paris", "."},
  };
}

// A trained model with today's known-names list (--names) in place of the one it was trained
// with, weights unchanged: the list's features say "a known name of type T", not which name, so
// a longer list is read by the same weights. Re-scores the dev sets into the meta.
int ReplaceNames(Corpus& corpus, const std::shared_ptr<const kb::Gazetteer>& gaz, bool use_gum,
                 const std::string& out) {
  // The self-test is written anew below, with today's span rules.
  auto model = models::NerTagger::LoadToRestamp(g_replace_names_path, gaz);
  if (!model.ok()) return std::cerr << model.status().ToString() << "\n", 1;
  models::NerNames names;
  uint64_t list_hash = 0;
  if (Status st = LoadList(g_names_path, names, list_hash); !st.ok()) return std::cerr << st.ToString() << "\n", 1;
  char hash[32];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(list_hash));
  nlohmann::json meta = (*model)->meta();
  nlohmann::json replaced;
  replaced["list"] = g_names_path.empty() ? "none" : "data/gazetteer/ner_names.tsv";
  replaced["names"] = names.size();
  replaced["was"] = (*model)->names().size();
  replaced["list_hash"] = std::string(hash);
  replaced["git_revision"] = newsgraph::training::GitRevision();
  meta["training"]["names_replaced"] = replaced;
  std::printf("names: %zu (the model had %zu)\n", names.size(), (*model)->names().size());
  models::NerTagger with_names(meta, (*model)->weights(), gaz, (*model)->lexicon(), names, (*model)->first_names(),
                               (*model)->weights_r2l());
  nlohmann::json scores;
  scores["wikigold_heldout_conll"] = Evaluate(with_names, corpus.wiki_dev, true, "WikiGold held-out (CoNLL types)");
  if (use_gum) scores["gum_dev"] = Evaluate(with_names, corpus.gum_dev, false, "GUM dev (newsgraph types)");
  meta["dev_scores"] = scores;
  models::NerTagger final_tagger(meta, (*model)->weights(), gaz, (*model)->lexicon(), names,
                                 (*model)->first_names(), (*model)->weights_r2l());
  Status s = models::WriteNerModel(final_tagger, SelfTestSentences(), out);
  if (!s.ok()) return std::cerr << s.ToString() << "\n", 1;
  std::printf("wrote %s\n", out.c_str());
  return 0;
}

int Run(const std::string& data_dir, const std::string& gaz_dir, const std::string& out, int epochs, bool use_gum,
        float min_weight, bool use_lexicon, bool final_run, const std::string& clusters_path) {
  auto gaz = kb::Gazetteer::Load(gaz_dir);
  if (!gaz.ok()) return std::cerr << gaz.status().ToString() << "\n", 1;
  auto corpus = ReadCorpus(data_dir, **gaz, use_gum);
  if (!corpus.ok()) return std::cerr << corpus.status().ToString() << "\n", 1;
  if (!g_score_path.empty()) {  // score an existing model with today's gazetteer, train nothing
    auto model = models::NerTagger::Load(g_score_path, *gaz);
    if (!model.ok()) return std::cerr << model.status().ToString() << "\n", 1;
    Evaluate(**model, corpus->wiki_dev, true, "WikiGold held-out (CoNLL types)");
    if (use_gum) Evaluate(**model, corpus->gum_dev, false, "GUM dev (newsgraph types)");
    return 0;
  }
  if (!g_replace_names_path.empty()) return ReplaceNames(*corpus, *gaz, use_gum, out);
  models::NerLexicon lexicon;
  std::vector<std::string> news;
  if (use_lexicon) {
    auto lex = ReadLexicon(data_dir + "/news-bench/reuters21578/reuters21578_articles.jsonl", clusters_path,
                           corpus->hash, news);
    if (!lex.ok()) return std::cerr << lex.status().ToString() << "\n", 1;
    lexicon = std::move(*lex);
    std::printf("lexicon: %zu words from Reuters-21578\n", lexicon.size());
  }
  models::NerNames names;
  if (Status st = LoadList(g_names_path, names, corpus->hash); !st.ok()) return std::cerr << st.ToString() << "\n", 1;
  if (!g_names_path.empty()) std::printf("names: %zu from %s\n", names.size(), g_names_path.c_str());
  models::NerFirstNames first_names;
  if (Status st = LoadList(g_first_names_path, first_names, corpus->hash); !st.ok()) {
    return std::cerr << st.ToString() << "\n", 1;
  }
  if (!g_first_names_path.empty()) {
    std::printf("first names: %zu from %s\n", first_names.size(), g_first_names_path.c_str());
  }
  size_t tokens = 0;
  for (const auto& s : corpus->train) tokens += s.forms.size();
  std::printf("train: %zu sentences, %zu tokens; wikigold dev %zu, gum dev %zu sentences\n", corpus->train.size(),
              tokens, corpus->wiki_dev.size(), corpus->gum_dev.size());
  models::NerTrainOptions options;
  options.epochs = epochs;
  options.min_weight = min_weight;
  options.lexicon = use_lexicon ? &lexicon : nullptr;
  options.names = names.empty() ? nullptr : &names;
  options.first_names = first_names.empty() ? nullptr : &first_names;
  options.ensemble = g_ensemble;
  options.dev = &corpus->dev;
  options.min_epochs = g_min_epochs;
  options.r2l = g_r2l == "online"      ? models::NerRightToLeft::kOnline
                : g_r2l == "own"       ? models::NerRightToLeft::kOwn
                : g_r2l == "jackknife" ? models::NerRightToLeft::kJackknife
                                       : models::NerRightToLeft::kNone;
  options.r2l_folds = g_r2l_folds;
  options.r2l_types_only = g_r2l_coding == "types";
  char hash[32];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(corpus->hash));
  nlohmann::json meta = {
      {"training",
       {{"data", std::string(use_gum ? "wikigold (articles i%5!=4) + gum-entities/train" : "wikigold (articles i%5!=4)") +
                     (use_lexicon ? "; word profiles from news-bench/reuters21578 bodies" : "") +
                     (use_lexicon && !clusters_path.empty() ? "; clusters from clusters.ngm" : "") +
                     (use_lexicon && g_self_train_epochs > 0
                          ? "; type profiles from tagging the Reuters bodies with a first model trained on the same data (" +
                                std::to_string(g_self_train_epochs) + " epochs)"
                          : "") +
                     (names.empty() ? "" : "; known names from data/gazetteer/ner_names.tsv") +
                     (first_names.empty() ? "" : "; first names from data/gazetteer/first_names.tsv")},
        {"gum_genres", g_gum_genres.empty() ? "all" : g_gum_genres},
        {"right_to_left", g_r2l == "none" ? g_r2l
                                          : g_r2l + (g_r2l == "jackknife" ? " (" + std::to_string(g_r2l_folds) + " folds)" : "") +
                                                ", " + g_r2l_coding},
        {"dev", "wikigold articles i%10==3 (epoch choice, then trained on)"},
        {"max_epochs", epochs}, {"min_epochs", g_min_epochs}, {"seed", options.seed}, {"ensemble", options.ensemble},
        {"min_weight", options.min_weight},
        {"gazetteer_names", (*gaz)->num_names()}, {"sentences", corpus->train.size()}, {"tokens", tokens}}},
      {"data_hash", hash},
      {"git_revision", newsgraph::training::GitRevision()}};
  if (!g_dump_path.empty()) {
    std::string dump;
    for (const auto& s : corpus->train) {
      for (size_t i = 0; i < s.forms.size(); ++i) dump += s.forms[i] + "\t" + s.tags[i] + "\n";
      dump += "\n";
    }
    Status written = base::LocalFileSystem().WriteFileAtomically(g_dump_path, dump);
    if (!written.ok()) return std::cerr << written.ToString() << "\n", 1;
  }
  auto start = std::chrono::steady_clock::now();
  if (g_cv_folds > 1) {
    RunCrossValidation(*corpus, *gaz, options, g_cv_folds, news);
    std::printf("cross-validation took %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return 0;
  }
  if (use_lexicon && g_self_train_epochs > 0) {
    std::vector<models::NerSentence> first_train = corpus->train;
    first_train.insert(first_train.end(), corpus->dev.begin(), corpus->dev.end());
    lexicon = SelfTrainingLexicon(first_train, *gaz, names, options.first_names, news, lexicon);
  }
  auto tagger = models::TrainNer(corpus->train, *gaz, options, meta);
  int best_epoch = tagger->meta()["training"]["best_epoch"];
  std::printf("dev F1 per epoch: %s; best epoch %d\n", tagger->meta()["training"]["dev_f1_per_epoch"].dump().c_str(),
              best_epoch);
  if (final_run) {
    corpus->train.insert(corpus->train.end(), corpus->dev.begin(), corpus->dev.end());
    options.dev = nullptr;
    options.epochs = best_epoch;
    meta = tagger->meta();
    meta["training"]["final_run"] = "retrained on train + dev for best_epoch epochs";
    tagger = models::TrainNer(corpus->train, *gaz, options, meta);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("trained in %.1f s, %zu features\n", secs, tagger->weights().num_features());
  nlohmann::json scores;
  scores["wikigold_heldout_conll"] = Evaluate(*tagger, corpus->wiki_dev, true, "WikiGold held-out (CoNLL types)");
  if (use_gum) scores["gum_dev"] = Evaluate(*tagger, corpus->gum_dev, false, "GUM dev (newsgraph types)");
  meta = tagger->meta();
  meta["dev_scores"] = scores;
  models::NerTagger final_tagger(meta, tagger->weights(), *gaz, tagger->lexicon(), tagger->names(),
                                 tagger->first_names(), tagger->weights_r2l());
  Status s = models::WriteNerModel(final_tagger, SelfTestSentences(), out);
  if (!s.ok()) return std::cerr << s.ToString() << "\n", 1;
  std::printf("wrote %s\n", out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the newsgraph NER model"};
  std::string data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data";
  std::string gaz_dir = kb::Gazetteer::DefaultDir();
  std::string out = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/models/ner.ngm";
  int epochs = 8;  // the committed model's recipe (train_all.sh runs the defaults)
  bool no_gum = false, no_lexicon = false, no_final = false;
  float min_weight = models::NerTrainOptions().min_weight;
  app.add_option("--data", data_dir, "shared data folder");
  app.add_option("--gazetteer", gaz_dir, "gazetteer folder");
  app.add_option("--out", out, "model file to write");
  app.add_option("--epochs", epochs, "training passes");
  app.add_option("--min-weight", min_weight, "prune averaged weights below this");
  app.add_option("--ensemble", g_ensemble, "left-to-right perceptrons with different seeds, trained in parallel; the model is their mean")
      ->capture_default_str();
  app.add_flag("--no-gum", no_gum, "train on WikiGold only");
  app.add_option("--min-epochs", g_min_epochs, "choose the epoch on dev among epochs >= this");
  app.add_option("--gum-genres", g_gum_genres, "comma-separated GUM train genres ('' = all)");
  std::string clusters_path = models::WordClusters::DefaultPath();
  app.add_option("--clusters", clusters_path, "word clusters to copy into the model ('' = none)");
  app.add_flag("--no-lexicon", no_lexicon, "no word profiles from Reuters-21578");
  app.add_option("--self-train-epochs", g_self_train_epochs,
                 "epochs of the first (GUM-only) model that tags Reuters for type profiles (0 = none)");
  app.add_flag("--no-doc-context", g_no_doc_context, "no document-level features");
  app.add_option("--wiki-copies", g_wiki_copies, "repeat WikiGold training sentences this many times per epoch");
  app.add_option("--dump-train", g_dump_path, "write the converted training sentences (form TAB tag) here");
  app.add_option("--cv", g_cv_folds, "cross-validate with this many folds (uses --epochs), write no model");
  app.add_option("--names", g_names_path, "known-names list to copy into the model ('' = none)");
  app.add_option("--replace-names", g_replace_names_path,
                 "write this trained model with the --names list instead of its own (weights unchanged) to --out");
  app.add_option("--first-names", g_first_names_path, "first-name list to copy into the model ('' = none)");
  app.add_option("--r2l", g_r2l, "right-to-left pass whose labels the left-to-right pass reads: none, online, own, jackknife")
      ->check(CLI::IsMember({"none", "online", "own", "jackknife"}));
  app.add_option("--r2l-folds", g_r2l_folds, "folds of --r2l jackknife");
  app.add_option("--r2l-coding", g_r2l_coding,
                 "what the right-to-left pass learns: types (each token's type) or spans (reversed IOB2)")
      ->check(CLI::IsMember({"types", "spans"}));
  app.add_flag("--self-train-r2l", g_self_train_r2l,
               "make the first model that tags Reuters for the type profiles bidirectional too (jackknife, types)");
  app.add_flag("--no-final", no_final, "keep the best-dev-epoch model instead of retraining on train + dev");
  app.add_option("--score", g_score_path,
                 "instead of training: print the WikiGold held-out and GUM dev scores of this model file");
  CLI11_PARSE(app, argc, argv);
  return Run(data_dir, gaz_dir, out, epochs, !no_gum, min_weight, !no_lexicon, !no_final, clusters_path);
}
