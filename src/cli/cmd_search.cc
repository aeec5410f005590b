// newsgraph search: full-text search over articles, quotes and actors.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table_text.h"
#include "store/search.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct SearchFlags {
  std::string db;
  std::string query;
  std::string format = "table";
  store::SearchOptions options;
};

// Snippet marks shown as [brackets] in a terminal.
std::string Plain(std::string s) {
  for (char& c : s) {
    if (c == store::kSnippetOpen) c = '[';
    if (c == store::kSnippetClose) c = ']';
    if (c == '\n' || c == '\t') c = ' ';
  }
  return s;
}

void PrintTable(const std::vector<store::SearchHit>& hits) {
  std::printf("%-8s  %-10s  %-24s  %-30s  %s\n", "kind", "date", "id", "title / speaker / name", "snippet");
  for (const store::SearchHit& h : hits) {
    std::string title = OneLine(h.title, 30);
    std::printf("%-8s  %-10s  %-24s  %-30s  %s\n", h.kind.c_str(), h.date.c_str(), h.id.c_str(), title.c_str(),
                Plain(h.snippet).c_str());
  }
  std::printf("%zu hit%s\n", hits.size(), hits.size() == 1 ? "" : "s");
}

void PrintJsonl(const std::vector<store::SearchHit>& hits) {
  for (const store::SearchHit& h : hits) {
    nlohmann::json j = {{"kind", h.kind}, {"id", h.id},   {"doc_id", h.doc_id},   {"title", h.title},
                        {"date", h.date}, {"snippet", h.snippet}, {"score", h.score}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
}

}  // namespace

CommandRun AddSearchCommand(CLI::App& app) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search over stored articles, quotes and actors");
  cmd->add_option("--db", flags->db, "Database file")->required();
  cmd->add_option("query", flags->query, "Words to find (all must match; \"a phrase\"; prefix*)")->required();
  cmd->add_option("--kind", flags->options.kind, "Only one kind of hit")
      ->check(CLI::IsMember({"document", "quote", "actor"}));
  cmd->add_option("--from", flags->options.from, "Earliest date (YYYY-MM-DD)");
  cmd->add_option("--to", flags->options.to, "Latest date (YYYY-MM-DD)");
  cmd->add_option("--speaker", flags->options.speaker, "Only quotes by a speaker with these words in the name");
  cmd->add_option("--limit", flags->options.limit, "Hits to show")->capture_default_str();
  cmd->add_option("--offset", flags->options.offset, "Hits to skip")->capture_default_str();
  AddTableOrJsonlFormat(cmd, flags->format);
  return [flags] {
    auto db = OpenStoreForReading(flags->db);
    if (!db.ok()) return Fail(db.status());
    auto hits = store::Search(**db, flags->query, flags->options);
    if (!hits.ok()) return Fail(hits.status());
    if (flags->format == "jsonl") {
      PrintJsonl(*hits);
    } else {
      PrintTable(*hits);
    }
    return 0;
  };
}

}  // namespace newsgraph::cli
