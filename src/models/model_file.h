// The model file container (docs/formats/model-file.md): magic, format version,
// then tagged sections, each with its own length and CRC-32. Every model kind
// (segmenter, tagger, parser, ...) stores its payload in sections of this container,
// plus a "meta" section (JSON: kind, model version, training spec, data hash,
// git revision, dev scores) and a "selftest" section (JSON: sentences written
// for the project with expected output), which the model checks on load.
//
// Loaded ModelFiles are immutable; share them across threads freely.
#ifndef NEWSGRAPH_MODELS_MODEL_FILE_H_
#define NEWSGRAPH_MODELS_MODEL_FILE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/status.h"

namespace newsgraph::models {

inline constexpr char kModelMagic[8] = {'N', 'G', 'M', 'O', 'D', 'E', 'L', '\x1A'};
// Container versions this build reads. Bump kModelFormatVersion when the container
// changes; old versions stay readable while they are inside the range.
inline constexpr uint32_t kModelFormatVersion = 1;
inline constexpr uint32_t kMinModelFormatVersion = 1;

class ModelFileWriter {
 public:
  // `meta` must hold at least {"kind": ..., "version": ...}.
  explicit ModelFileWriter(nlohmann::json meta) : meta_(std::move(meta)) {}
  void SetSelfTest(nlohmann::json selftest) { selftest_ = std::move(selftest); }
  // Tags are short ASCII names, unique within a file; "meta" and "selftest" are reserved.
  void AddSection(const std::string& tag, std::string payload) { sections_[tag] = std::move(payload); }
  std::string Serialize() const;
  Status WriteTo(const std::string& path, base::FileSystem& fs = base::LocalFileSystem()) const;

 private:
  nlohmann::json meta_;
  nlohmann::json selftest_ = nlohmann::json::array();
  std::map<std::string, std::string> sections_;
};

class ModelFile {
 public:
  // Reads and verifies a file: magic, version range, every section's CRC. Errors
  // name the file ("data/models/tagger.ngm: ...") and say what to do.
  static StatusOr<ModelFile> Open(const std::string& path, base::FileSystem& fs = base::LocalFileSystem());
  static StatusOr<ModelFile> Parse(std::string bytes, const std::string& name);

  // Fails with kNotFound naming the file and tag when the section is absent.
  StatusOr<std::string_view> Section(const std::string& tag) const;
  bool HasSection(const std::string& tag) const { return sections_.count(tag) > 0; }
  const nlohmann::json& meta() const { return meta_; }
  const nlohmann::json& selftest() const { return selftest_; }
  const std::string& name() const { return name_; }
  uint32_t format_version() const { return format_version_; }
  // Checks meta["kind"] == kind, so a parser file is never loaded as a tagger.
  Status ExpectKind(const std::string& kind) const;

 private:
  std::string name_;
  std::string bytes_;
  uint32_t format_version_ = 0;
  std::map<std::string, std::pair<size_t, size_t>> sections_;  // tag -> (offset, length) in bytes_
  nlohmann::json meta_;
  nlohmann::json selftest_;
};

// Where models live: $NEWSGRAPH_MODELS if set, else <source dir>/data/models.
std::string DefaultModelDir();

}  // namespace newsgraph::models

#endif  // NEWSGRAPH_MODELS_MODEL_FILE_H_
