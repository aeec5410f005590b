#include "cli/commands.h"

namespace newsgraph::cli {

// TODO(actors): the real command.
CommandRun AddActorsCommand(CLI::App& app) {
  app.add_subcommand("actors", "(not built yet)");
  return [] { return Fail(Status::Unsupported("'actors' is not built yet")); };
}

}  // namespace newsgraph::cli
