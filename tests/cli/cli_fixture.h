// Shared by the cli_test files: runs the built newsgraph binary in a fresh folder.
#ifndef NEWSGRAPH_TESTS_CLI_CLI_FIXTURE_H_
#define NEWSGRAPH_TESTS_CLI_CLI_FIXTURE_H_

#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newsgraph::cli_test {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& data) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

class CliTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/ng_cli_" + testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  // Runs the binary with `args` (a shell-quoted string), stdin from /dev/null.
  Result Run(const std::string& args) {
    std::string out = dir_ + "/stdout", err = dir_ + "/stderr";
    std::string cmd = std::string(NEWSGRAPH_BINARY) + " " + args + " <" + "/dev/null >" + out + " 2>" + err;
    int status = std::system(cmd.c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadAll(out);
    r.err = ReadAll(err);
    return r;
  }

  std::string Examples() const { return std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/articles"; }
  std::string dir_;
};

}  // namespace newsgraph::cli_test

#endif  // NEWSGRAPH_TESTS_CLI_CLI_FIXTURE_H_
