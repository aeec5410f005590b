// Shared by the serve_test files: one store of the fixture articles (ingested by the
// built binary and seeded with fixtures/seed_layers.sql) and one running server.
#ifndef NEWSGRAPH_TESTS_SERVE_SERVE_FIXTURE_H_
#define NEWSGRAPH_TESTS_SERVE_SERVE_FIXTURE_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve/server.h"

namespace newsgraph::serve_test {

struct Reply {
  int status = 0;
  nlohmann::json body;
  std::string raw;
};

class ServeTest : public testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  // GET `path` (already URL-encoded) from the running server.
  static Reply Get(const std::string& path);
  static std::string db_path() { return db_path_; }
  static int port() { return server_->port(); }
  static std::string dir() { return dir_; }
  // The id of the fixture article that contains `phrase`.
  static std::string DocWith(const std::string& phrase);

 private:
  static std::string dir_;
  static std::string db_path_;
  static std::unique_ptr<serve::Server> server_;
  static std::thread thread_;
};

}  // namespace newsgraph::serve_test

#endif  // NEWSGRAPH_TESTS_SERVE_SERVE_FIXTURE_H_
