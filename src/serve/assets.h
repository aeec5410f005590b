// Internal to ng_serve: the UI's files, read into memory once. Only files found
// under the folder at start (regular files, no symbolic links) can be served, so
// no request path can reach anything else.
#ifndef NEWSGRAPH_SERVE_ASSETS_H_
#define NEWSGRAPH_SERVE_ASSETS_H_

#include <map>
#include <string>

#include "base/status.h"

namespace newsgraph::serve {

struct Asset {
  std::string body;
  std::string content_type;
};

class Assets {
 public:
  // Reads every file under `dir` (at most 64 MB in all). A missing folder gives an
  // empty set (the API works without the UI).
  static StatusOr<Assets> Load(const std::string& dir);
  // The asset at URL path `path` ("/app.js"); "/" is "/index.html". nullptr if none.
  const Asset* Find(const std::string& path) const;
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, Asset, std::less<>> files_;
};

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_ASSETS_H_
