#include "cli/commands.h"

namespace newsgraph::cli {

// TODO(export): the real command.
CommandRun AddExportCommand(CLI::App& app) {
  app.add_subcommand("export", "(not built yet)");
  return [] { return Fail(Status::Unsupported("'export' is not built yet")); };
}

}  // namespace newsgraph::cli
