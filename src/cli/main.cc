// newsgraph: one binary, one sub-command per file in this folder.
#include <cstdio>
#include <map>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"newsgraph: who did and said what, to whom, when and where, from dated news articles"};
  app.set_version_flag("--version", std::string("newsgraph ") + NEWSGRAPH_VERSION);
  app.require_subcommand(1);
  std::map<std::string, newsgraph::cli::CommandRun> runs;
  runs["ingest"] = newsgraph::cli::AddIngestCommand(app);
  runs["annotate"] = newsgraph::cli::AddAnnotateCommand(app);
  runs["stats"] = newsgraph::cli::AddStatsCommand(app);
  runs["actors"] = newsgraph::cli::AddActorsCommand(app);
  runs["quotes"] = newsgraph::cli::AddQuotesCommand(app);
  runs["events"] = newsgraph::cli::AddEventsCommand(app);
  runs["export"] = newsgraph::cli::AddExportCommand(app);
  runs["search"] = newsgraph::cli::AddSearchCommand(app);
  runs["serve"] = newsgraph::cli::AddServeCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);  // prints help, version or a usage error
  }
  for (CLI::App* sub : app.get_subcommands()) return runs.at(sub->get_name())();
  return 2;
}
