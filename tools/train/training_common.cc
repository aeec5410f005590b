#include "training_common.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace newsgraph::training {

std::string SharedDataDir() { return std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data"; }

std::vector<std::string> DefaultTreebankFiles() {
  std::string shared = SharedDataDir();
  std::vector<std::string> files = {shared + "/ud-english-ewt/en_ewt-ud-train.conllu"};
  std::vector<std::string> gum;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(shared + "/gum-entities/train/dep", ec)) {
    if (e.path().extension() == ".conllu") gum.push_back(e.path().string());
  }
  std::sort(gum.begin(), gum.end());
  files.insert(files.end(), gum.begin(), gum.end());
  return files;
}

std::string GitRevision() {
  std::string cmd = "git -C '" + std::string(NEWSGRAPH_SOURCE_DIR) + "' rev-parse --short HEAD 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return "unknown";
  char buf[64] = {};
  std::string rev = fgets(buf, sizeof buf, pipe.get()) != nullptr ? buf : "unknown";
  while (!rev.empty() && (rev.back() == '\n' || rev.back() == '\r')) rev.pop_back();
  return rev.empty() ? "unknown" : rev;
}

}  // namespace newsgraph::training
