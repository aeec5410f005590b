#include "training_common.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "base/file.h"
#include "document/conllu.h"

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

StatusOr<std::vector<document::Document>> ReadConlluFiles(const std::vector<std::string>& inputs,
                                                          std::string* all_bytes) {
  NG_ASSIGN_OR_RETURN(std::vector<std::string> paths, base::ExpandInputPaths(inputs));
  std::vector<document::Document> docs;
  for (const std::string& p : paths) {
    if (p.size() < 7 || p.substr(p.size() - 7) != ".conllu") continue;
    NG_ASSIGN_OR_RETURN(std::string bytes, base::LocalFileSystem().ReadFile(p, 1ull << 30));
    NG_ASSIGN_OR_RETURN(std::vector<document::Document> part, document::ReadConllu(bytes, p));
    for (auto& d : part) {
      d.origin = p;
      docs.push_back(std::move(d));
    }
    if (all_bytes != nullptr) *all_bytes += bytes;
  }
  return docs;
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
