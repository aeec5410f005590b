#include "cli/commands.h"

namespace newsgraph::cli {

// TODO(search): the real command.
CommandRun AddSearchCommand(CLI::App& app) {
  app.add_subcommand("search", "(not built yet)");
  return [] { return Fail(Status::Unsupported("'search' is not built yet")); };
}

}  // namespace newsgraph::cli
