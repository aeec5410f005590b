// newsgraph serve: the HTTP JSON API and web UI over a store (docs/api.md).
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "serve/server.h"

namespace newsgraph::cli {
namespace {

serve::Server* running_server = nullptr;

void StopOnSignal(int) {
  if (running_server != nullptr) running_server->Stop();
}

}  // namespace

CommandRun AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<serve::ServerOptions>();
  options->threads = 32;
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and web UI over a database (read-only)");
  cmd->add_option("--db", options->db_path, "Database file")->required();
  cmd->add_option("--port", options->port, "TCP port (0: any free port)")->capture_default_str()->check(
      CLI::Range(0, 65535));
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads = connections served at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--cache-mb", options->cache_mb, "Memory for recent API responses (0: no cache)")
      ->capture_default_str()
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--web", options->web_dir, "Folder of the built web UI (default: the source tree's web/app)");
  return [options] {
    StatusOr<std::unique_ptr<serve::Server>> server = serve::Server::Create(*options);
    if (!server.ok()) return Fail(server.status());
    Status bound = (*server)->Bind();
    if (!bound.ok()) return Fail(bound);
    running_server = server->get();
    std::signal(SIGINT, StopOnSignal);
    std::signal(SIGTERM, StopOnSignal);
    std::fprintf(stderr, "newsgraph: serving %s read-only on http://%s:%d/ (%zu UI files from %s)\n",
                 options->db_path.c_str(), options->host.c_str(), (*server)->port(), (*server)->asset_count(),
                 (*server)->web_dir().c_str());
    std::fflush(stderr);
    Status served = (*server)->Serve();
    running_server = nullptr;
    return served.ok() ? 0 : Fail(served);
  };
}

}  // namespace newsgraph::cli
