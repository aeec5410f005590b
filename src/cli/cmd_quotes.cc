// newsgraph quotes: who said what, from a database.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table_text.h"
#include "store/quotes.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct QuotesFlags {
  std::string db;
  std::string format = "table";
  store::QuoteFilter filter;
};

void PrintTable(const std::vector<store::StoredQuote>& quotes) {
  std::printf("%-10s  %-8s  %-24s  %-24s  %s\n", "date", "kind", "speaker", "article", "quote");
  for (const store::StoredQuote& q : quotes) {
    std::string speaker = q.speaker_name.empty() ? "(unknown)" : q.speaker_name;
    std::printf("%-10s  %-8s  %-24s  %-24s  %s\n", q.date.empty() ? "-" : q.date.c_str(), q.kind.c_str(),
                OneLine(speaker, 24).c_str(), OneLine(q.doc_id, 24).c_str(), OneLine(q.text, 100).c_str());
  }
  std::printf("%zu quote%s\n", quotes.size(), quotes.size() == 1 ? "" : "s");
}

void PrintJsonl(const std::vector<store::StoredQuote>& quotes) {
  for (const store::StoredQuote& q : quotes) {
    nlohmann::json j = {{"id", q.id},
                        {"doc_id", q.doc_id},
                        {"title", q.title},
                        {"date", q.date.empty() ? nlohmann::json() : nlohmann::json(q.date)},
                        {"kind", q.kind},
                        {"start", q.start},
                        {"end", q.end},
                        {"text", q.text},
                        {"cue", q.cue},
                        {"speaker", q.speaker_name.empty() ? nlohmann::json() : nlohmann::json(q.speaker_name)},
                        {"speaker_text", q.speaker_text},
                        {"speaker_actor_id", q.speaker_actor_id ? nlohmann::json(*q.speaker_actor_id) : nlohmann::json()},
                        {"via", q.via_name.empty() ? nlohmann::json() : nlohmann::json(q.via_name)},
                        {"confidence", q.confidence},
                        {"reason", q.reason}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
}

}  // namespace

CommandRun AddQuotesCommand(CLI::App& app) {
  auto flags = std::make_shared<QuotesFlags>();
  CLI::App* cmd = app.add_subcommand("quotes", "List stored quotes: who said what, when, in which article");
  cmd->add_option("--db", flags->db, "Database file")->required();
  cmd->add_option("--speaker", flags->filter.speaker, "Only quotes by this speaker (any of their names)");
  cmd->add_option("--about", flags->filter.about, "Only quotes whose text has all these words");
  cmd->add_option("--from", flags->filter.from, "Earliest article date (YYYY-MM-DD)");
  cmd->add_option("--to", flags->filter.to, "Latest article date (YYYY-MM-DD)");
  cmd->add_option("--kind", flags->filter.kind, "Only one kind of quote")
      ->check(CLI::IsMember({"direct", "partial", "indirect"}));
  cmd->add_option("--sort", flags->filter.sort, "date (newest article first) or oldest")
      ->capture_default_str()
      ->check(CLI::IsMember({"date", "oldest"}));
  cmd->add_option("--limit", flags->filter.limit, "Quotes to show")->capture_default_str();
  cmd->add_option("--offset", flags->filter.offset, "Quotes to skip")->capture_default_str();
  AddTableOrJsonlFormat(cmd, flags->format);
  return [flags] {
    auto db = OpenStoreForReading(flags->db);
    if (!db.ok()) return Fail(db.status());
    auto quotes = store::QueryQuotes(**db, flags->filter);
    if (!quotes.ok()) return Fail(quotes.status());
    if (flags->format == "jsonl") {
      PrintJsonl(*quotes);
    } else {
      PrintTable(*quotes);
    }
    return 0;
  };
}

}  // namespace newsgraph::cli
