// `newsgraph serve`: the HTTP JSON API (docs/api.md) and the web UI (docs/web-ui.md)
// over a store opened read-only. Requests take turns, in arrival order, on two
// Store connections per core (Store is not thread-safe; serve/store_pool.h says why
// not one per worker thread); the UI's assets are read into memory at start and
// only those files are ever served. There is no route that writes.
//
// Thread safety: Start/Stop from one thread; requests run on the worker threads.
#ifndef NEWSGRAPH_SERVE_SERVER_H_
#define NEWSGRAPH_SERVE_SERVER_H_

#include <memory>
#include <string>

#include "base/status.h"

namespace newsgraph::serve {

struct ServerOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  // Worker threads; each keep-alive connection holds one while it is open, so this
  // is also the number of connections served at once. Queries run on two store
  // connections per core whatever this is; the other requests queue for them.
  int threads = 32;
  // Folder of the web UI (web/app). "" = the source tree's web/app; when it is
  // missing the API still works and "/" says where the UI was looked for.
  std::string web_dir;
  // Seconds a client may take to send a request or read a response.
  int io_timeout_seconds = 5;
  // Memory for recent API responses (served again while the store file is
  // unchanged); 0 turns the cache off.
  int cache_mb = 64;
};

class Server {
 public:
  // Checks the store opens read-only and loads the assets. Errors name the file.
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket (kIoError when it cannot); port() is then known.
  Status Bind();
  // Serves until Stop() is called (from another thread or a signal handler).
  Status Serve();
  void Stop();
  int port() const;
  // How many asset files are served ("" folder: 0).
  size_t asset_count() const;
  const std::string& web_dir() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_SERVER_H_
