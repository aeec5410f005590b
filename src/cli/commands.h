// The sub-commands of the newsgraph binary: one file each. Every Add*Command
// registers its flags on the CLI11 app and returns the function that runs it,
// which returns the process exit code (0 ok, 1 something was rejected or failed).
#ifndef NEWSGRAPH_CLI_COMMANDS_H_
#define NEWSGRAPH_CLI_COMMANDS_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/status.h"
#include "pipeline/pipeline.h"
#include "pipeline/runner.h"
#include "store/store.h"

namespace newsgraph::cli {

using CommandRun = std::function<int()>;

CommandRun AddIngestCommand(CLI::App& app);
CommandRun AddAnnotateCommand(CLI::App& app);
CommandRun AddStatsCommand(CLI::App& app);
CommandRun AddActorsCommand(CLI::App& app);   // cmd_actors.cc
CommandRun AddQuotesCommand(CLI::App& app);   // cmd_quotes.cc
CommandRun AddEventsCommand(CLI::App& app);   // cmd_events.cc
CommandRun AddExportCommand(CLI::App& app);   // cmd_export.cc
CommandRun AddSearchCommand(CLI::App& app);   // cmd_search.cc
CommandRun AddServeCommand(CLI::App& app);    // cmd_serve.cc

// Flags shared by the commands that read articles.
struct ReadFlags {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;
  std::string until = "all";
  std::string models;
  int threads = 0;
  bool quiet = false;
};
void AddReadFlags(CLI::App& cmd, ReadFlags& flags);
// Turns the flags into options; a bad --date or --input is an error for the user.
StatusOr<pipeline::RunOptions> MakeRunOptions(const ReadFlags& flags);
StatusOr<pipeline::PipelineOptions> MakePipelineOptions(const ReadFlags& flags);

// The query commands (stats, actors, quotes, events, export, search) never write:
// they open the store read-only (query_flags.cc).
StatusOr<std::unique_ptr<store::Store>> OpenStoreForReading(const std::string& path);
// --format table|jsonl, default "table".
void AddTableOrJsonlFormat(CLI::App* cmd, std::string& format);

// Prints "newsgraph: error: <message>" on stderr and returns 1.
int Fail(const Status& status);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_COMMANDS_H_
