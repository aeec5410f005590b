// Malformed and hostile requests: a 4xx with a JSON error, and the server stays up.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "serve_fixture.h"

namespace newsgraph::serve_test {
namespace {

// A TCP connection to the test server; -1 on failure.
int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

void ExpectJsonError(const Reply& r, int status, const std::string& words) {
  EXPECT_EQ(r.status, status) << r.raw;
  ASSERT_TRUE(r.body.is_object()) << r.raw;
  ASSERT_TRUE(r.body.contains("error")) << r.raw;
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find(words), std::string::npos) << r.raw;
}

TEST_F(ServeTest, WrongTypesAndHugeLimitsAre400) {
  ExpectJsonError(Get("/api/events?limit=100000"), 400, "limit");
  ExpectJsonError(Get("/api/events?limit=abc"), 400, "limit");
  ExpectJsonError(Get("/api/events?limit=-1"), 400, "limit");
  ExpectJsonError(Get("/api/events?limit=99999999999999999999"), 400, "limit");
  ExpectJsonError(Get("/api/quotes?offset=1e9"), 400, "offset");
  ExpectJsonError(Get("/api/events?from=yesterday"), 400, "from");
  ExpectJsonError(Get("/api/events?root=4"), 400, "root");
  ExpectJsonError(Get("/api/events?near=1,2"), 400, "near");
  ExpectJsonError(Get("/api/events?near=91,0,10"), 400, "near");
  ExpectJsonError(Get("/api/events?near=nan,nan,nan"), 400, "near");
  ExpectJsonError(Get("/api/events?sort=id;DROP"), 400, "sort");
  ExpectJsonError(Get("/api/events?bogus=1"), 400, "unknown parameter");
  ExpectJsonError(Get("/api/events?limit=1&limit=2"), 400, "more than once");
  ExpectJsonError(Get("/api/quotes?kind=all"), 400, "kind");
  ExpectJsonError(Get("/api/stats?x=1"), 400, "no parameters");
  ExpectJsonError(Get("/api/search"), 400, "q");
  ExpectJsonError(Get("/api/search?q=" + std::string(300, 'a')), 400, "longer");
}

TEST_F(ServeTest, SqlFragmentsAreJustValues) {
  for (const char* attack : {"1%27%20OR%201=1--", "RUS%27)%20UNION%20SELECT%20*%20FROM%20documents--",
                             "%22%3B%20DROP%20TABLE%20events%3B--", "%25", "_"}) {
    Reply r = Get(std::string("/api/events?actor=") + attack);
    EXPECT_EQ(r.status, 200) << attack << " " << r.raw;
    EXPECT_TRUE(r.body["items"].empty()) << attack;
    Reply q = Get(std::string("/api/quotes?speaker=") + attack);
    EXPECT_EQ(q.status, 200) << attack;
    EXPECT_TRUE(q.body["items"].empty()) << attack;
  }
  Reply actors = Get("/api/actors?q=%25");  // LIKE wildcards are escaped
  EXPECT_EQ(actors.status, 200);
  EXPECT_TRUE(actors.body["items"].empty());
  EXPECT_EQ(Get("/api/stats").body["events"].get<int>() >= 6, true);  // nothing dropped
}

TEST_F(ServeTest, FtsSyntaxInTheQueryIsText) {
  for (const char* q : {"%22%22%22", "NEAR(a%20b)", "title:kim", "a%20OR%20b%20NOT%20c", "*", "-kim", "(((", "%5E"}) {
    Reply r = Get(std::string("/api/search?q=") + q);
    EXPECT_TRUE(r.status == 200 || r.status == 400) << q << " " << r.raw;
    EXPECT_TRUE(r.body.contains(r.status == 200 ? "items" : "error")) << q;
  }
  ExpectJsonError(Get("/api/search?q=%21%21%21"), 400, "no word");
  Reply invalid_utf8 = Get("/api/search?q=%FF%FE");
  EXPECT_TRUE(invalid_utf8.status == 200 || invalid_utf8.status == 400) << invalid_utf8.raw;
}

TEST_F(ServeTest, OneMegabyteQueryStringIsRefused) {
  Reply r = Get("/api/events?actor=" + std::string(1 << 20, 'A'));
  ExpectJsonError(r, 414, "longer than 8192 bytes");
  ExpectJsonError(Get("/api/search?q=" + std::string(9000, 'a')), 414, "request target");
  EXPECT_EQ(Get("/api/stats").status, 200);  // still up
}

TEST_F(ServeTest, NothingOutsideTheAssetFolder) {
  for (const char* path : {"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt",
                           "//etc/passwd", "/etc/passwd", "/sub/..%2f..%2fsecret.txt", "/index.html%00.js"}) {
    Reply r = Get(path);
    EXPECT_EQ(r.status, r.status == 400 ? 400 : 404) << path;
    EXPECT_EQ(r.raw.find("outside the asset folder"), std::string::npos) << path;
    EXPECT_EQ(r.raw.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ServeTest, OnlyGetAndNoIngestion) {
  httplib::Client client("127.0.0.1", port());
  auto post = client.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_NE(post->body.find("read-only"), std::string::npos);
  auto del = client.Delete("/api/events/fx-e1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST_F(ServeTest, SlowClientIsDroppedAndOthersAreServed) {
  int fd = Connect(port());
  ASSERT_GE(fd, 0);
  const char partial[] = "GET /api/stats HTTP/1.1\r\nHost: x\r\n";  // never finishes its headers
  ASSERT_GT(send(fd, partial, sizeof partial - 1, 0), 0);
  EXPECT_EQ(Get("/api/stats").status, 200);  // another client meanwhile
  timeval wait{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buf[512];
  ssize_t n = recv(fd, buf, sizeof buf, 0);  // the server closes it after its 1 s read timeout
  EXPECT_NE(n, -1) << "the server did not close the slow connection within 5 s";
  close(fd);
  EXPECT_EQ(Get("/api/stats").status, 200);
}

// Slowloris: a client that keeps sending, a byte at a time, never finishing its
// headers. httplib 0.11 times out each read only; the request as a whole must
// arrive within the read timeout (1 s in these tests).
TEST_F(ServeTest, DripFedRequestIsCutOff) {
  int fd = Connect(port());
  ASSERT_GE(fd, 0);
  std::string drip = "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(100, 'b');
  auto start = std::chrono::steady_clock::now();
  bool cut = false;
  for (char c : drip) {
    if (send(fd, &c, 1, MSG_NOSIGNAL) != 1) {
      cut = true;
      break;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) > 0) {  // an answer (400) or the close
      cut = true;
      break;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  close(fd);
  EXPECT_TRUE(cut) << "still connected after " << seconds << " s";
  EXPECT_LT(seconds, 3.0);
  EXPECT_EQ(Get("/api/stats").status, 200);
}

TEST_F(ServeTest, KeepAliveConnectionServesManyRequests) {
  httplib::Client client("127.0.0.1", port());
  client.set_keep_alive(true);
  for (int i = 0; i < 20; ++i) {
    auto r = client.Get("/api/events?limit=2");
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, 200);
  }
}

}  // namespace
}  // namespace newsgraph::serve_test
