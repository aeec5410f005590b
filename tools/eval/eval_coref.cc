// eval_coref: in-document coreference of the entities layer on GUM dev.
//
// Gold: gum-entities/<split>/coref_conll/*.conll (CoNLL-2012-style brackets, one
// token per line, aligned with dep/*.conllu). The pipeline runs on the gold tokens
// of dep/*.conllu (tags, parse and NER predicted), then EntityResolver.
//
// Restriction (the resolver covers named entities, their descriptions and
// pronouns, not every noun phrase GUM marks): gold entities of the GUM types given
// by --types (default person, organization, place); system entities of types
// PERSON ORG GPE LOC FAC. Singletons count, as GUM annotates them; a second table
// drops them from both sides. Mentions match exactly (token boundaries) or, in the
// "head" rows, a system mention counts as the smallest gold mention that contains
// it and ends on the same token ("Putin" inside "President Vladimir Putin").
//
//   build/tools/eval/eval_coref [--gum ../shared/data/gum-entities/dev] [--types person,organization]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>

#include "document/conllu.h"
#include "eval_coref_metrics.h"
#include "pipeline/pipeline.h"

namespace newsgraph::eval {
namespace {

namespace fs = std::filesystem;

struct DocClusters {
  Clusters gold;
  Clusters system;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Gold clusters of the wanted entity types from one coref_conll file.
Clusters ReadGold(const std::string& path, const std::set<std::string>& types) {
  std::map<std::string, std::vector<CorefMention>> chains;  // "person-3" -> mentions
  std::vector<std::pair<std::string, int>> open;           // full label, first token
  std::istringstream in(ReadFile(path));
  std::string line;
  int token = -1;
  auto chain_of = [](const std::string& label) {
    size_t a = label.find('-');
    size_t b = a == std::string::npos ? a : label.find('-', a + 1);
    return label.substr(0, b);
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++token;
    size_t tab = line.rfind('\t');
    std::string field = tab == std::string::npos ? "_" : line.substr(tab + 1);
    if (field == "_") continue;
    for (size_t i = 0; i < field.size();) {
      if (field[i] == '(') {
        size_t end = field.find_first_of("()", i + 1);
        if (end == std::string::npos) end = field.size();
        std::string label = field.substr(i + 1, end - i - 1);
        if (end < field.size() && field[end] == ')') {
          chains[chain_of(label)].push_back({token, token + 1});
          i = end + 1;
        } else {
          open.push_back({label, token});
          i = end;
        }
      } else {
        size_t end = field.find(')', i);
        if (end == std::string::npos) break;
        std::string label = field.substr(i, end - i);
        for (size_t k = open.size(); k-- > 0;) {
          if (open[k].first != label) continue;
          chains[chain_of(label)].push_back({open[k].second, token + 1});
          open.erase(open.begin() + static_cast<long>(k));
          break;
        }
        i = end + 1;
      }
    }
  }
  Clusters out;
  for (auto& [chain, mentions] : chains) {
    if (types.count(chain.substr(0, chain.find('-')))) out.push_back(std::move(mentions));
  }
  return out;
}

int TokenOf(const document::Document& doc, uint32_t byte, bool end) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!end && doc.tokens[i].span.start == byte) return static_cast<int>(i);
    if (end && doc.tokens[i].span.end == byte) return static_cast<int>(i) + 1;
  }
  return -1;
}

Clusters SystemClusters(const document::Document& doc) {
  static const std::set<std::string> kTypes = {"PERSON", "ORG", "GPE", "LOC", "FAC"};
  Clusters out;
  for (const document::Entity& e : doc.entities) {
    if (!kTypes.count(e.type)) continue;
    std::vector<CorefMention> mentions;
    for (uint32_t m : e.mentions) {
      int b = TokenOf(doc, doc.mentions[m].span.start, false), x = TokenOf(doc, doc.mentions[m].span.end, true);
      if (b >= 0 && x > b) mentions.push_back({b, x});
    }
    if (!mentions.empty()) out.push_back(std::move(mentions));
  }
  return out;
}

// Maps each system mention to the smallest gold mention containing it that ends on
// the same token (when there is one); duplicates after mapping are dropped.
Clusters HeadMapped(const Clusters& gold, const Clusters& system) {
  std::vector<CorefMention> all;
  for (const auto& c : gold) all.insert(all.end(), c.begin(), c.end());
  std::set<CorefMention> seen;
  Clusters out;
  for (const auto& c : system) {
    std::vector<CorefMention> mapped;
    for (CorefMention m : c) {
      CorefMention best = m;
      for (const CorefMention& g : all) {
        if (g.second == m.second && g.first <= m.first &&
            (best == m || g.second - g.first < best.second - best.first)) {
          best = g;
        }
      }
      if (seen.insert(best).second) mapped.push_back(best);
    }
    if (!mapped.empty()) out.push_back(std::move(mapped));
  }
  return out;
}

Clusters WithoutSingletons(const Clusters& c) {
  Clusters out;
  for (const auto& x : c) {
    if (x.size() > 1) out.push_back(x);
  }
  return out;
}

void PrintRow(const char* name, const Score& s) {
  std::printf("  %-10s R %6.2f  P %6.2f  F1 %6.2f\n", name, 100 * s.Recall(), 100 * s.Precision(), 100 * s.F1());
}

void Report(const char* title, const std::vector<DocClusters>& docs, bool head, bool singletons) {
  Score muc, b3, ceaf, mentions;
  for (const DocClusters& d : docs) {
    Clusters system = head ? HeadMapped(d.gold, d.system) : d.system;
    Clusters gold = d.gold;
    if (!singletons) {
      gold = WithoutSingletons(gold);
      system = WithoutSingletons(system);
    }
    muc.Add(Muc(gold, system));
    b3.Add(BCubed(gold, system));
    ceaf.Add(CeafE(gold, system));
    mentions.Add(Mentions(gold, system));
  }
  std::printf("%s\n", title);
  PrintRow("mentions", mentions);
  PrintRow("MUC", muc);
  PrintRow("B3", b3);
  PrintRow("CEAF-e", ceaf);
  std::printf("  %-10s F1 %6.2f\n", "average", 100 * (muc.F1() + b3.F1() + ceaf.F1()) / 3);
}

int Run(const std::string& gum, const std::string& types_flag, const std::string& models) {
  std::set<std::string> types;
  std::stringstream ts(types_flag);
  for (std::string t; std::getline(ts, t, ',');) types.insert(t);
  pipeline::PipelineOptions options;
  options.model_dir = models;
  options.until = pipeline::Stage::kQuotes;  // quotes link first-person pronouns to their speakers
  auto pipe = pipeline::Pipeline::Create(options);
  if (!pipe.ok()) {
    std::fprintf(stderr, "eval_coref: %s\n", pipe.status().message().c_str());
    return 1;
  }
  std::vector<std::string> files;
  if (!fs::is_directory(gum + "/dep")) {
    std::fprintf(stderr, "eval_coref: %s/dep not found (GUM entities data)\n", gum.c_str());
    return 1;
  }
  for (const auto& entry : fs::directory_iterator(gum + "/dep")) {
    if (entry.path().extension() == ".conllu") files.push_back(entry.path().stem().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<DocClusters> docs;
  size_t tokens = 0;
  for (const std::string& name : files) {
    document::ConlluReadOptions read;
    read.split_on_newdoc = false;
    auto parsed = document::ReadConllu(ReadFile(gum + "/dep/" + name + ".conllu"), name, read);
    if (!parsed.ok() || parsed->size() != 1) {
      std::fprintf(stderr, "eval_coref: %s: %s\n", name.c_str(), parsed.ok() ? "not one document" : parsed.status().message().c_str());
      return 1;
    }
    document::Document& doc = (*parsed)[0];
    (*pipe)->Annotate(doc);
    tokens += doc.tokens.size();
    docs.push_back({ReadGold(gum + "/coref_conll/" + name + ".conll", types), SystemClusters(doc)});
  }
  std::printf("GUM %s: %zu documents, %zu tokens; gold types: %s; system types: PERSON ORG GPE LOC FAC\n",
              gum.c_str(), docs.size(), tokens, types_flag.c_str());
  Report("exact mention boundaries, singletons included", docs, false, true);
  Report("head-matched mentions, singletons included", docs, true, true);
  Report("head-matched mentions, singletons removed", docs, true, false);
  return 0;
}

}  // namespace
}  // namespace newsgraph::eval

int main(int argc, char** argv) {
  CLI::App app{"Scores in-document coreference (entities layer) on GUM dev: MUC, B3, CEAF-e"};
  std::string gum = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/gum-entities/dev";
  std::string types = "person,organization,place";
  std::string models;
  app.add_option("--gum", gum, "GUM entities split folder (with dep/ and coref_conll/)")->capture_default_str();
  app.add_option("--types", types, "GUM entity types kept in the gold clusters (comma-separated)")->capture_default_str();
  app.add_option("--models", models, "Model folder (default data/models)");
  CLI11_PARSE(app, argc, argv);
  return newsgraph::eval::Run(gum, types, models);
}
