#include "cli/commands.h"

namespace newsgraph::cli {

// TODO(serve): the real command.
CommandRun AddServeCommand(CLI::App& app) {
  app.add_subcommand("serve", "(not built yet)");
  return [] { return Fail(Status::Unsupported("'serve' is not built yet")); };
}

}  // namespace newsgraph::cli
