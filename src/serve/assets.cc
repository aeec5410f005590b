#include "serve/assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsgraph::serve {
namespace {

constexpr uintmax_t kMaxTotalBytes = 64u << 20;

std::string ContentType(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".txt" || ext == ".md") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

StatusOr<Assets> Assets::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  Assets assets;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return assets;
  uintmax_t total = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
    total += it->file_size(ec);
    if (total > kMaxTotalBytes) return Status::InvalidArgument(dir + ": more than 64 MB of web assets");
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return Status::IoError(it->path().string() + ": cannot read");
    std::string url = "/" + fs::relative(it->path(), dir, ec).generic_string();
    assets.files_[url] = Asset{body.str(), ContentType(it->path())};
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  return assets;
}

const Asset* Assets::Find(const std::string& path) const {
  auto it = files_.find(path == "/" ? std::string("/index.html") : path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace newsgraph::serve
