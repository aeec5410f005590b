#include "serve/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "serve/assets.h"
#include "serve/query.h"
#include "serve/response_cache.h"
#include "serve/store_pool.h"
#include "store/store.h"
#include "store/store_access.h"

namespace newsgraph::serve {
namespace {

constexpr size_t kMaxTargetBytes = 8192;

// Debian's compiled cpp-httplib listens with a backlog of 5, so a burst of new
// connections (64 at once from a load test, a page opening several) overflows it
// and the kernel drops SYNs that clients retry a second or more later. listen()
// again on the bound socket raises the backlog; the library exposes no descriptor,
// so it is found as the listening TCP socket bound to `port`.
void RaiseListenBacklog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || listening == 0) continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) continue;
    int bound = addr.ss_family == AF_INET    ? ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port)
                : addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                             : -1;
    if (bound == port) (void)listen(fd, 1024);
  }
}

using Clock = std::chrono::steady_clock;

// A connection's socket for httplib, with one change: the whole request (line,
// headers, body) must arrive within the read timeout. httplib 0.11 applies its
// timeout to each read, so a client sending a header byte a second (slowloris)
// held a worker thread, and with --threads of them the server, for ever.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int sock, int timeout_seconds) : sock_(sock), timeout_(std::chrono::seconds(timeout_seconds)) {}

  // Called before each request: its bytes must all arrive within the timeout.
  void StartRequest() { deadline_ = Clock::now() + timeout_; }

  bool is_readable() const override { return buffered_ < filled_ || Poll(POLLIN, deadline_); }
  bool is_writable() const override { return Poll(POLLOUT, Clock::now() + timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (buffered_ == filled_) {
      // httplib reads headers a byte at a time: one recv fills the buffer.
      if (!Poll(POLLIN, deadline_)) return -1;
      ssize_t n;
      do {
        n = recv(sock_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      buffered_ = 0;
      filled_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, filled_ - buffered_);
    std::memcpy(ptr, buffer_ + buffered_, n);
    buffered_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(getsockname, ip, port); }
  int socket() const override { return sock_; }

 private:
  // Waits until the socket is ready for `events`, or `until` passes (false).
  bool Poll(short events, Clock::time_point until) const {
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{sock_, events, 0};
      int r = poll(&p, 1, static_cast<int>(left));
      if (r < 0 && errno == EINTR) continue;
      return r > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
    }
  }

  void Address(int (*get)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (get(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
    }
    ip = text;
  }

  const int sock_;
  const Clock::duration timeout_;
  Clock::time_point deadline_ = Clock::now();
  char buffer_[4096];
  size_t buffered_ = 0, filled_ = 0;  // buffer_[buffered_, filled_) not yet read
};

// httplib's server with each connection read through a DeadlineStream (the
// keep-alive loop is httplib's, rewritten around it).
class HttpServer : public httplib::Server {
 private:
  bool process_and_close_socket(int sock) override {
    DeadlineStream stream(sock, static_cast<int>(read_timeout_sec_));
    bool ok = false;
    for (size_t left = keep_alive_max_count_; left > 0 && WaitForRequest(sock); --left) {
      stream.StartRequest();
      bool closed = false;
      ok = process_request(stream, left == 1, closed, nullptr);
      if (!ok || closed) break;
    }
    shutdown(sock, SHUT_RDWR);
    close(sock);
    return ok;
  }

  // Between requests a keep-alive connection may stay idle for the keep-alive
  // timeout; checked in short steps so that stop() is not held up.
  bool WaitForRequest(int sock) {
    auto until = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    while (svr_sock_ != INVALID_SOCKET && Clock::now() < until) {
      pollfd p{sock, POLLIN, 0};
      int r = poll(&p, 1, 100);
      if (r > 0) return true;
      if (r < 0 && errno != EINTR) return false;
    }
    return false;
  }
};

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

std::string Dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(Dump({{"error", {{"status", status}, {"message", message}}}}), "application/json; charset=utf-8");
}

std::multimap<std::string, std::string> Params(const httplib::Request& req) {
  return {req.params.begin(), req.params.end()};
}

// Every API answer as JSON text: the lists write theirs directly, the other
// routes build an nlohmann document.
StatusOr<std::string> AsText(StatusOr<std::string> text) { return text; }
StatusOr<std::string> AsText(const StatusOr<nlohmann::json>& json) {
  if (!json.ok()) return json.status();
  return Dump(*json);
}

using ApiFn = std::function<StatusOr<std::string>(store::Store&, const httplib::Request&)>;

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Assets assets;
  HttpServer http;
  std::unique_ptr<ResponseCache> cache;
  std::unique_ptr<StorePool> stores;
  bool bound = false;
  int port = 0;

  httplib::Server::Handler Api(ApiFn fn) {
    return [this, fn](const httplib::Request& req, httplib::Response& res) {
      if (std::shared_ptr<const std::string> hit = cache->Find(req.target)) {
        return res.set_content(*hit, "application/json; charset=utf-8");
      }
      StatusOr<std::string> out = [&]() -> StatusOr<std::string> {
        NG_ASSIGN_OR_RETURN(StorePool::Lease store, stores->Acquire());
        return fn(*store, req);
      }();
      if (!out.ok()) return SendError(res, HttpStatus(out.status()), out.status().message());
      cache->Insert(req.target, *out);
      res.set_content(std::move(*out), "application/json; charset=utf-8");
    };
  }

  // A list route: parameters checked against `allowed`, then `list` runs.
  template <typename Out>
  httplib::Server::Handler List(std::vector<std::string> allowed, StatusOr<Out> (*list)(store::Store&, const QueryParams&),
                                int default_limit = 50) {
    return Api([allowed, list, default_limit](store::Store& s, const httplib::Request& req) -> StatusOr<std::string> {
      NG_ASSIGN_OR_RETURN(QueryParams p, ParseQueryParams(Params(req), allowed, default_limit));
      return AsText(list(s, p));
    });
  }

  httplib::Server::Handler One(StatusOr<nlohmann::json> (*get)(store::Store&, const std::string&)) {
    return Api([get](store::Store& s, const httplib::Request& req) -> StatusOr<std::string> {
      if (!req.params.empty()) return Status::InvalidArgument("this route takes no parameters");
      return AsText(get(s, req.matches[1].str()));
    });
  }

  void AddRoutes();
  void AddSafety();
};

void Server::Impl::AddRoutes() {
  const std::vector<std::string> event_filters = {"actor", "target", "root", "plover", "from", "to", "near",
                                                  "limit", "offset", "sort"};
  auto with = [](std::vector<std::string> base, std::initializer_list<const char*> more) {
    for (const char* m : more) base.push_back(m);
    return base;
  };
  http.Get("/api/events", List(event_filters, ListEvents));
  http.Get(R"(/api/events/([^/]+))", One(GetEvent));
  http.Get("/api/mentions", List(with(event_filters, {"doc", "event"}), ListMentions));
  http.Get("/api/quotes",
           List({"speaker", "about", "kind", "from", "to", "doc", "limit", "offset", "sort"}, ListQuotes));
  http.Get("/api/actors", List({"q", "actor", "country", "kind", "limit", "offset", "sort"}, ListActors));
  http.Get(R"(/api/actors/([^/]+))", One(GetActor));
  http.Get(R"(/api/documents/([^/]+))", One(GetDocumentView));
  http.Get("/api/search", List({"q", "kind", "from", "to", "speaker", "sort", "limit", "offset"}, SearchAll, 20));
  http.Get("/api/timeline", List(with(event_filters, {}), Timeline));
  http.Get("/api/network", List(with(event_filters, {"min_count"}), Network, 100));
  http.Get("/api/places", List(with(event_filters, {}), Places, 500));
  http.Get("/api/stats", Api([](store::Store& s, const httplib::Request& req) -> StatusOr<std::string> {
             if (!req.params.empty()) return Status::InvalidArgument("this route takes no parameters");
             return AsText(StoreStats(s));
           }));
  http.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    SendError(res, 404, "no such API route (see docs/api.md)");
  });
  http.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    const Asset* a = assets.Find(req.path);
    if (a == nullptr && assets.size() == 0 && req.path == "/") {
      return SendError(res, 404, "the web UI was not found in '" + options.web_dir + "' (the API is under /api/)");
    }
    if (a == nullptr) return SendError(res, 404, "no such file");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(a->body, a->content_type);
  });
}

void Server::Impl::AddSafety() {
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"}});
  http.set_read_timeout(options.io_timeout_seconds, 0);
  http.set_write_timeout(options.io_timeout_seconds, 0);
  http.set_keep_alive_timeout(options.io_timeout_seconds);
  http.set_keep_alive_max_count(100000);
  http.set_payload_max_length(64 * 1024);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
  // algorithm and the client's delayed ACK add 40 ms to every keep-alive response.
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() > kMaxTargetBytes) {
      SendError(res, 414, "request target longer than " + std::to_string(kMaxTargetBytes) + " bytes");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      SendError(res, 405, "read-only server: only GET and HEAD (no ingestion over HTTP)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    // httplib itself answers 414 for a request target over its 8 KB limit, before
    // the pre-routing check below sees the request.
    SendError(res, res.status,
              res.status == 404   ? "not found"
              : res.status == 414 ? "request target longer than " + std::to_string(kMaxTargetBytes) + " bytes"
                                  : "bad request");
  });
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal error");
  });
  int threads = std::max(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.web_dir.empty()) impl->options.web_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/web/app";
  store::StoreOptions o;
  o.read_only = true;
  o.migrate_older = true;  // once, before the pool's read-only connections open
  NG_RETURN_IF_ERROR(store::Store::Open(options.db_path, o).status());
  NG_ASSIGN_OR_RETURN(impl->assets, Assets::Load(impl->options.web_dir));
  impl->cache = std::make_unique<ResponseCache>(options.db_path, static_cast<size_t>(options.cache_mb) << 20);
  // Two connections per core: with one, each hand-over to the next request left a
  // core idle for a wake-up, which other processes on the machine took (measured
  // on 2 shared cores: 25-60% more requests served, lower p99).
  impl->stores = std::make_unique<StorePool>(options.db_path, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  impl->AddSafety();
  impl->AddRoutes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Bind() {
  Impl& i = *impl_;
  if (i.options.port == 0) {
    i.port = i.http.bind_to_any_port(i.options.host);
  } else {
    i.port = i.http.bind_to_port(i.options.host, i.options.port) ? i.options.port : -1;
  }
  if (i.port <= 0) {
    return Status::IoError("cannot listen on " + i.options.host + ":" + std::to_string(i.options.port) +
                           " (in use, or not an address of this machine)");
  }
  i.bound = true;
  RaiseListenBacklog(i.port);
  return Status::Ok();
}

Status Server::Serve() {
  if (!impl_->bound) NG_RETURN_IF_ERROR(Bind());
  if (!impl_->http.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

int Server::port() const { return impl_->port; }
size_t Server::asset_count() const { return impl_->assets.size(); }
const std::string& Server::web_dir() const { return impl_->options.web_dir; }

}  // namespace newsgraph::serve
