#include "serve_fixture.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/sqlite.h"

namespace newsgraph::serve_test {

std::string ServeTest::dir_;
std::string ServeTest::db_path_;
std::unique_ptr<serve::Server> ServeTest::server_;
std::thread ServeTest::thread_;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool Ingest(const std::string& db, const std::string& extra) {
  std::string articles = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/serve/fixtures/articles";
  // NEWSGRAPH_TEST_INGEST names another build's binary to ingest with (to check the
  // API on what the full pipeline of that build extracts).
  const char* binary = std::getenv("NEWSGRAPH_TEST_INGEST");
  std::string cmd = std::string(binary != nullptr ? binary : NEWSGRAPH_BINARY) + " ingest --quiet " + extra + " --db " + db + " " + articles +
                    " </dev/null >/dev/null 2>" + db + ".err";
  return std::system(cmd.c_str()) == 0;
}

}  // namespace

void ServeTest::SetUpTestSuite() {
  namespace fs = std::filesystem;
  // ctest runs each case in its own process, several at once: one folder each.
  dir_ = testing::TempDir() + "/ng_serve_test_" + std::to_string(getpid());
  fs::remove_all(dir_);
  fs::create_directories(dir_ + "/web/sub");
  std::ofstream(dir_ + "/web/index.html") << "<!doctype html><title>ui</title>";
  std::ofstream(dir_ + "/web/sub/app.js") << "console.log(1)";
  std::ofstream(dir_ + "/secret.txt") << "outside the asset folder";
  db_path_ = dir_ + "/fixtures.db";
  // The API tests need the stored text, not a particular model: when the models and
  // the build disagree (a model being retrained), the linguistic layers suffice.
  if (!Ingest(db_path_, "")) {
    std::fprintf(stderr, "warning: full ingest failed (%s), retrying with --until parse\n",
                 ReadAll(db_path_ + ".err").c_str());
    fs::remove(db_path_);
    ASSERT_TRUE(Ingest(db_path_, "--until parse")) << ReadAll(db_path_ + ".err");
  }
  {
    auto db = store::Db::Open(db_path_, /*read_only=*/false);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    std::string seed = ReadAll(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/serve/fixtures/seed_layers.sql");
    Status seeded = (*db)->Exec(seed);
    ASSERT_TRUE(seeded.ok()) << seeded.ToString();
  }
  serve::ServerOptions options;
  options.db_path = db_path_;
  options.port = 0;
  options.threads = 4;
  options.web_dir = dir_ + "/web";
  options.io_timeout_seconds = 1;
  auto server = serve::Server::Create(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  server_ = std::move(*server);
  ASSERT_TRUE(server_->Bind().ok());
  thread_ = std::thread([] { (void)server_->Serve(); });
}

void ServeTest::TearDownTestSuite() {
  if (server_) server_->Stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

Reply ServeTest::Get(const std::string& path) {
  httplib::Client client("127.0.0.1", server_->port());
  client.set_read_timeout(10, 0);
  Reply r;
  auto res = client.Get(path.c_str());
  if (!res) return r;
  r.status = res->status;
  r.raw = res->body;
  r.body = nlohmann::json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  return r;
}

std::string ServeTest::DocWith(const std::string& phrase) {
  Reply r = Get("/api/search?kind=document&q=" + httplib::detail::encode_query_param("\"" + phrase + "\""));
  if (r.status != 200 || r.body["items"].empty()) return "";
  return r.body["items"][0]["doc_id"];
}

}  // namespace newsgraph::serve_test
