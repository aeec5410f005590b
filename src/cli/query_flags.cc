#include "cli/commands.h"

namespace newsgraph::cli {

StatusOr<std::unique_ptr<store::Store>> OpenStoreForReading(const std::string& path) {
  store::StoreOptions options;
  options.read_only = true;
  options.migrate_older = true;
  return store::Store::Open(path, options);
}

void AddTableOrJsonlFormat(CLI::App* cmd, std::string& format) {
  cmd->add_option("--format", format, "Output format")->capture_default_str()->check(CLI::IsMember({"table", "jsonl"}));
}

}  // namespace newsgraph::cli
