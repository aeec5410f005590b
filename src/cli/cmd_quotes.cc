#include "cli/commands.h"

namespace newsgraph::cli {

// TODO(quotes): the real command.
CommandRun AddQuotesCommand(CLI::App& app) {
  app.add_subcommand("quotes", "(not built yet)");
  return [] { return Fail(Status::Unsupported("'quotes' is not built yet")); };
}

}  // namespace newsgraph::cli
