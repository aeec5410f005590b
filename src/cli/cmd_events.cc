#include "cli/commands.h"

namespace newsgraph::cli {

// TODO(events): the real command.
CommandRun AddEventsCommand(CLI::App& app) {
  app.add_subcommand("events", "(not built yet)");
  return [] { return Fail(Status::Unsupported("'events' is not built yet")); };
}

}  // namespace newsgraph::cli
