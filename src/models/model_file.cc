#include "models/model_file.h"

#include <cstdlib>
#include <cstring>

#include "base/binary_io.h"
#include "base/checksum.h"

namespace newsgraph::models {
namespace {

constexpr uint64_t kMaxModelBytes = 512ull << 20;

void PutSection(base::BinaryWriter& w, const std::string& tag, std::string_view payload) {
  w.String(tag);
  w.U64(payload.size());
  w.U32(base::Crc32(payload));
  w.Raw(payload.data(), payload.size());
}

}  // namespace

std::string ModelFileWriter::Serialize() const {
  base::BinaryWriter w;
  w.Raw(kModelMagic, sizeof kModelMagic);
  w.U32(kModelFormatVersion);
  w.U32(static_cast<uint32_t>(sections_.size() + 2));
  PutSection(w, "meta", meta_.dump());
  PutSection(w, "selftest", selftest_.dump());
  for (const auto& [tag, payload] : sections_) PutSection(w, tag, payload);
  return w.Release();
}

Status ModelFileWriter::WriteTo(const std::string& path, base::FileSystem& fs) const {
  return fs.WriteFileAtomically(path, Serialize());
}

StatusOr<ModelFile> ModelFile::Open(const std::string& path, base::FileSystem& fs) {
  if (!fs.Exists(path)) {
    return Status::NotFound(path + ": model file is missing; rebuild it with tools/train/train_all.sh "
                                   "or restore it from git (git checkout -- " + path + ")");
  }
  NG_ASSIGN_OR_RETURN(std::string bytes, fs.ReadFile(path, kMaxModelBytes));
  return Parse(std::move(bytes), path);
}

StatusOr<ModelFile> ModelFile::Parse(std::string bytes, const std::string& name) {
  ModelFile file;
  file.name_ = name;
  file.bytes_ = std::move(bytes);
  base::BinaryReader r(file.bytes_, name);
  char magic[sizeof kModelMagic] = {};
  if (!r.Raw(magic, sizeof magic).ok() || std::memcmp(magic, kModelMagic, sizeof magic) != 0) {
    return Status::Corruption(name + ": not a newsgraph model file (bad magic)");
  }
  uint32_t count = 0;
  NG_RETURN_IF_ERROR(r.U32(file.format_version_));
  if (file.format_version_ < kMinModelFormatVersion || file.format_version_ > kModelFormatVersion) {
    return Status::Corruption(name + ": model format version " + std::to_string(file.format_version_) +
                              " is outside the range this build reads (" + std::to_string(kMinModelFormatVersion) +
                              ".." + std::to_string(kModelFormatVersion) + "); retrain or use a matching build");
  }
  NG_RETURN_IF_ERROR(r.U32(count));
  for (uint32_t i = 0; i < count; ++i) {
    std::string tag;
    uint64_t length = 0;
    uint32_t crc = 0;
    NG_RETURN_IF_ERROR(r.String(tag));
    NG_RETURN_IF_ERROR(r.U64(length));
    NG_RETURN_IF_ERROR(r.U32(crc));
    if (length > r.remaining()) {
      return Status::Corruption(name + ": section '" + tag + "' is truncated (file cut short?)");
    }
    size_t offset = r.position();
    std::string_view payload(file.bytes_.data() + offset, length);
    if (base::Crc32(payload) != crc) {
      return Status::Corruption(name + ": checksum mismatch in section '" + tag + "'");
    }
    if (file.sections_.count(tag) > 0) return Status::Corruption(name + ": section '" + tag + "' appears twice");
    file.sections_[tag] = {offset, static_cast<size_t>(length)};
    NG_RETURN_IF_ERROR(r.Skip(length));
  }
  for (const char* json_tag : {"meta", "selftest"}) {
    auto section = file.Section(json_tag);
    if (!section.ok()) return section.status();
    auto parsed = nlohmann::json::parse(*section, nullptr, false);
    if (parsed.is_discarded()) return Status::Corruption(name + ": section '" + json_tag + "' is not valid JSON");
    (std::strcmp(json_tag, "meta") == 0 ? file.meta_ : file.selftest_) = std::move(parsed);
  }
  return file;
}

StatusOr<std::string_view> ModelFile::Section(const std::string& tag) const {
  auto it = sections_.find(tag);
  if (it == sections_.end()) return Status::NotFound(name_ + ": has no section '" + tag + "'");
  return std::string_view(bytes_).substr(it->second.first, it->second.second);
}

Status ModelFile::ExpectKind(const std::string& kind) const {
  std::string found = meta_.value("kind", std::string());
  if (found != kind) {
    return Status::InvalidArgument(name_ + ": is a '" + found + "' model, expected '" + kind + "'");
  }
  return Status::Ok();
}

std::string DefaultModelDir() {
  if (const char* env = std::getenv("NEWSGRAPH_MODELS"); env != nullptr && *env != '\0') return env;
  return std::string(NEWSGRAPH_SOURCE_DIR) + "/data/models";
}

}  // namespace newsgraph::models
