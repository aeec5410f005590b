// Evaluates the NER on a CoNLL-2003-style file (IOB1 or IOB2 gold in the last
// column): exact-match span P/R/F1 per CoNLL type (PER, LOC, ORG, MISC) and
// overall, plus tokens/s of tagging alone (one thread).
//
//   eval_ner --input FILE [--model data/models/ner.ngm] [--gazetteer data/gazetteer]
//            [--heldout-every 5] [--show N] [--uppercase-first N]
// --heldout-every K keeps only documents i with i % K == K-1 (the WikiGold
// held-out split used by train_ner).
#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "base/file.h"
#include "document/conll2003.h"
#include "kb/gazetteer.h"
#include "models/ner.h"
#include "models/ner_trainer.h"

namespace {

using namespace newsgraph;

std::string_view Coarse(std::string_view type) { return document::ToConll2003Type(type); }

void ShowSentence(const document::Document& doc, const document::Sentence& s, const std::vector<std::string>& gold) {
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    std::string_view pred = doc.tokens[i].ner;
    std::string p = pred.size() > 2 ? std::string(pred.substr(0, 2)) + std::string(Coarse(pred.substr(2))) : "O";
    if (p.size() == 2) p = "O";
    std::printf("  %-20s %-8s %-8s %s\n", doc.tokens[i].form.c_str(), gold[i].c_str(), p.c_str(),
                gold[i] == p ? "" : "<<");
  }
}

// Upper-cases every token of the first `n` sentences of `doc`, as in a wire headline.
void UppercaseFirstSentences(document::Document& doc, int n) {
  for (size_t s = 0; s < doc.sentences.size() && static_cast<int>(s) < n; ++s) {
    for (uint32_t i = doc.sentences[s].token_begin; i < doc.sentences[s].token_end && i < doc.tokens.size(); ++i) {
      for (char& c : doc.tokens[i].form) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
    }
  }
}

int Run(const std::string& input, const std::string& model, const std::string& gaz_dir, int every, int show,
        int upper) {
  auto gaz = kb::Gazetteer::Load(gaz_dir);
  if (!gaz.ok()) return std::cerr << gaz.status().ToString() << "\n", 1;
  auto tagger = models::NerTagger::Load(model, *gaz);
  if (!tagger.ok()) return std::cerr << tagger.status().ToString() << "\n", 1;
  auto data = base::LocalFileSystem().ReadFile(input, 1ull << 31);
  if (!data.ok()) return std::cerr << data.status().ToString() << "\n", 1;
  auto read = document::ReadConll2003(*data, input);
  if (!read.ok()) return std::cerr << read.status().ToString() << "\n", 1;
  std::vector<document::Document> docs;
  for (size_t i = 0; i < read->size(); ++i) {
    if (every <= 1 || static_cast<int>(i % every) == every - 1) docs.push_back(std::move((*read)[i]));
  }
  for (auto& doc : docs) {
    if (upper > 0) UppercaseFirstSentences(doc, upper);
  }
  size_t tokens = 0;
  auto start = std::chrono::steady_clock::now();
  for (auto& doc : docs) {
    (*tagger)->Tag(doc);
    tokens += doc.tokens.size();
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::map<std::string, models::SpanCounts> counts;
  int shown = 0;
  for (const auto& doc : docs) {
    std::vector<std::string> gold = document::Conll2003GoldTags(doc);
    for (const auto& s : doc.sentences) {
      std::vector<std::string> g(gold.begin() + s.token_begin, gold.begin() + s.token_end), p;
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) p.push_back(doc.tokens[i].ner);
      std::map<std::string, models::SpanCounts> one;
      models::CountSpans(g, p, Coarse, one);
      for (const auto& [type, c] : one) {
        counts[type].tp += c.tp, counts[type].fp += c.fp, counts[type].fn += c.fn;
      }
      if (shown < show && (one["ALL"].fp > 0 || one["ALL"].fn > 0)) ShowSentence(doc, s, gold), ++shown, std::printf("\n");
    }
  }
  std::printf("%s: %zu documents, %zu tokens\n%-6s %7s %7s %7s %6s\n", input.c_str(), docs.size(), tokens, "type",
              "P", "R", "F1", "gold");
  for (const char* type : {"PER", "LOC", "ORG", "MISC", "ALL"}) {
    const models::SpanCounts& c = counts[type];
    std::printf("%-6s %7.2f %7.2f %7.2f %6lld\n", type, c.Precision(), c.Recall(), c.F1(),
                static_cast<long long>(c.tp + c.fn));
  }
  models::SpanCounts plo;
  for (const char* type : {"PER", "LOC", "ORG"}) {
    plo.tp += counts[type].tp, plo.fp += counts[type].fp, plo.fn += counts[type].fn;
  }
  std::printf("%-6s %7.2f %7.2f %7.2f %6lld\n", "P+L+O", plo.Precision(), plo.Recall(), plo.F1(),
              static_cast<long long>(plo.tp + plo.fn));
  std::printf("speed: %.0f tokens/s (%.3f s, one thread)\n", tokens / std::max(secs, 1e-9), secs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Evaluate the newsgraph NER on CoNLL-2003 columns"};
  std::string input, model = models::NerTagger::DefaultPath(), gaz_dir = kb::Gazetteer::DefaultDir();
  int every = 0, show = 0, upper = 0;
  app.add_option("--input", input, "CoNLL-2003-style file (IOB1 or IOB2)")->required();
  app.add_option("--model", model, "NER model file");
  app.add_option("--gazetteer", gaz_dir, "gazetteer folder");
  app.add_option("--heldout-every", every, "keep only documents i with i % K == K-1");
  app.add_option("--show", show, "print the first N sentences with errors");
  app.add_option("--uppercase-first", upper, "upper-case the first N sentences of each document (headline test)");
  CLI11_PARSE(app, argc, argv);
  return Run(input, model, gaz_dir, every, show, upper);
}
