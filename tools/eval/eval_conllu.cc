// Scores a system CoNLL-U file against gold: UPOS, XPOS, UFeats, LEMMA, UAS, LAS.
// LAS is printed twice: with full labels (nsubj:pass must match nsubj:pass) and as the
// CoNLL 2018 shared task script (conll18_ud_eval.py) scores it, on the universal
// relation alone (nsubj:pass matches nsubj), which is the LAS the field reports.
// With identical token sequences every token is compared. Otherwise tokens are
// aligned by character offsets in the concatenation of all non-space characters
// (as the CoNLL 2018 shared task script does): a system token matches a gold
// token when both span the same characters. Token P/R/F1 is then reported, and
// each layer's score is F1 over aligned tokens (correct / system, correct / gold).
//
//   eval_conllu --gold GOLD.conllu --system SYSTEM.conllu [--json]
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/file.h"
#include "document/conllu.h"

namespace {

using newsgraph::document::Token;

struct Flat {
  std::vector<Token> tokens;
  std::vector<size_t> sentence_start;  // index of the sentence's first token, per token
};

newsgraph::StatusOr<Flat> ReadFlat(const std::string& path) {
  NG_ASSIGN_OR_RETURN(std::string data, newsgraph::base::LocalFileSystem().ReadFile(path, 1ull << 31));
  NG_ASSIGN_OR_RETURN(auto docs, newsgraph::document::ReadConllu(data, path, {.split_on_newdoc = false}));
  Flat flat;
  for (const auto& doc : docs) {
    for (const auto& s : doc.sentences) {
      size_t start = flat.tokens.size();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        flat.tokens.push_back(doc.tokens[i]);
        flat.sentence_start.push_back(start);
      }
    }
  }
  return flat;
}

// [start, end) of each token in the concatenation of non-space characters.
std::vector<std::pair<size_t, size_t>> CharSpans(const Flat& f) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t pos = 0;
  for (const Token& t : f.tokens) {
    size_t len = 0;
    for (char c : t.form) len += (c != ' ' && c != '\t') ? 1 : 0;
    spans.emplace_back(pos, pos + len);
    pos += len;
  }
  return spans;
}

std::string Norm(const std::string& s) { return s.empty() ? "_" : s; }

// The universal relation of a UD label: "nsubj:pass" -> "nsubj".
std::string_view UniversalRelation(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

struct Counts {
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0, las_universal = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Score a CoNLL-U system file against gold"};
  std::string gold_path, system_path;
  bool json = false;
  app.add_option("--gold", gold_path, "gold CoNLL-U")->required();
  app.add_option("--system", system_path, "system CoNLL-U")->required();
  app.add_flag("--json", json, "print one JSON object instead of a table");
  CLI11_PARSE(app, argc, argv);
  auto gold = ReadFlat(gold_path);
  if (!gold.ok()) return std::cerr << gold.status().ToString() << "\n", 1;
  auto sys = ReadFlat(system_path);
  if (!sys.ok()) return std::cerr << sys.status().ToString() << "\n", 1;
  // Alignment: sys index -> gold index (or -1).
  auto gs = CharSpans(*gold), ss = CharSpans(*sys);
  std::map<std::pair<size_t, size_t>, size_t> gold_by_span;
  for (size_t i = 0; i < gs.size(); ++i) gold_by_span[gs[i]] = i;
  std::vector<long> to_gold(ss.size(), -1);
  size_t matched = 0;
  for (size_t i = 0; i < ss.size(); ++i) {
    auto it = gold_by_span.find(ss[i]);
    if (it != gold_by_span.end()) to_gold[i] = static_cast<long>(it->second), ++matched;
  }
  Counts c;
  for (size_t i = 0; i < ss.size(); ++i) {
    if (to_gold[i] < 0) continue;
    const Token& s = sys->tokens[i];
    const Token& g = gold->tokens[to_gold[i]];
    c.upos += s.upos == g.upos, c.xpos += s.xpos == g.xpos;
    c.feats += Norm(s.feats) == Norm(g.feats), c.lemma += s.lemma == g.lemma;
    bool head_ok = false;
    if (s.head == 0 || g.head == 0) {
      head_ok = s.head == g.head;
    } else if (s.head > 0) {
      size_t sys_head = sys->sentence_start[i] + s.head - 1;
      head_ok = sys_head < to_gold.size() && to_gold[sys_head] >= 0 &&
                static_cast<size_t>(to_gold[sys_head]) == gold->sentence_start[to_gold[i]] + g.head - 1;
    }
    c.uas += head_ok, c.las += head_ok && s.deprel == g.deprel;
    c.las_universal += head_ok && UniversalRelation(s.deprel) == UniversalRelation(g.deprel);
  }
  double ng = gold->tokens.size(), ns = sys->tokens.size();
  auto f1 = [&](size_t correct) {
    double p = ns ? correct / ns : 0, r = ng ? correct / ng : 0;
    return p + r > 0 ? 100 * 2 * p * r / (p + r) : 0.0;
  };
  bool same = matched == gold->tokens.size() && matched == sys->tokens.size();
  std::vector<std::pair<const char*, double>> rows = {
      {"Tokens", f1(matched)}, {"UPOS", f1(c.upos)}, {"XPOS", f1(c.xpos)}, {"UFeats", f1(c.feats)},
      {"LEMMA", f1(c.lemma)},  {"UAS", f1(c.uas)},   {"LAS", f1(c.las)}, {"LAS_conll18", f1(c.las_universal)}};
  if (json) {
    std::printf("{\"gold_tokens\": %zu, \"system_tokens\": %zu, \"aligned\": %zu", gold->tokens.size(),
                sys->tokens.size(), matched);
    for (auto [name, v] : rows) std::printf(", \"%s\": %.2f", name, v);
    std::printf("}\n");
    return 0;
  }
  std::printf("gold tokens %zu, system tokens %zu, aligned %zu%s\n", gold->tokens.size(), sys->tokens.size(), matched,
              same ? " (same tokenisation: scores are accuracies)" : " (scores are F1 over aligned tokens)");
  if (!same) {
    std::printf("%-8s P %.2f  R %.2f  F1 %.2f\n", "Tokens", 100 * matched / std::max(ns, 1.0),
                100 * matched / std::max(ng, 1.0), f1(matched));
  }
  for (size_t i = 1; i + 2 < rows.size(); ++i) std::printf("%-8s %.2f\n", rows[i].first, rows[i].second);
  std::printf("%-8s %.2f  (full labels: nsubj:pass must match nsubj:pass)\n", "LAS", f1(c.las));
  std::printf("%-8s %.2f  (as the CoNLL 2018 script scores it: universal relation only, subtypes ignored)\n", "LAS18",
              f1(c.las_universal));
  return 0;
}
