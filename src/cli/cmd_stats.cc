// newsgraph stats: what a database holds.
#include <cstdio>

#include "cli/commands.h"
#include "store/store.h"

namespace newsgraph::cli {

CommandRun AddStatsCommand(CLI::App& app) {
  auto db_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("stats", "Show what a newsgraph database holds");
  cmd->add_option("--db", *db_path, "Database file")->required();
  return [db_path] {
    auto db = OpenStoreForReading(*db_path);
    if (!db.ok()) return Fail(db.status());
    auto stats = (*db)->GetStats();
    if (!stats.ok()) return Fail(stats.status());
    std::printf("%s", store::FormatStats(*stats).c_str());
    return 0;
  };
}

}  // namespace newsgraph::cli
