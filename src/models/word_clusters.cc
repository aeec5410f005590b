#include "models/word_clusters.h"

#include <algorithm>

#include "base/binary_io.h"
#include "base/checksum.h"
#include "models/model_file.h"

namespace newsgraph::models {
namespace {

constexpr int kClustersVersion = 1;
constexpr uint64_t kIndexSeed = 0x434C5553ull;  // "CLUS"

StatusOr<std::vector<std::pair<std::string, uint32_t>>> ParseWords(std::string_view data, const std::string& what) {
  base::BinaryReader r(data, what);
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.U64(n));
  if (n > r.remaining() / 8) return Status::Corruption(what + ": word count exceeds the payload");
  std::vector<std::pair<std::string, uint32_t>> words(n);
  for (auto& [word, code] : words) {
    NG_RETURN_IF_ERROR(r.String(word));
    NG_RETURN_IF_ERROR(r.U32(code));
    if (code == 0) return Status::Corruption(what + ": word '" + word + "' has cluster code 0");
  }
  if (r.remaining() != 0) return Status::Corruption(what + ": trailing bytes after the word list");
  return words;
}

}  // namespace

WordClusters::WordClusters(nlohmann::json meta, std::vector<std::pair<std::string, uint32_t>> words)
    : meta_(std::move(meta)), words_(std::move(words)) {
  std::sort(words_.begin(), words_.end());
  Index();
}

void WordClusters::Index() {
  index_.clear();
  index_.reserve(words_.size());
  for (const auto& [word, code] : words_) index_[base::Hash64(word, kIndexSeed)] = code;
}

std::string WordClusters::DefaultPath() { return DefaultModelDir() + "/clusters.ngm"; }

std::string WordClusters::Normalize(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

std::string WordClusters::BitString(uint32_t code) {
  std::string out;
  for (int d = Depth(code) - 1; d >= 0; --d) out.push_back((code >> d) & 1 ? '1' : '0');
  return out;
}

uint32_t WordClusters::Cluster(std::string_view word) const {
  auto it = index_.find(base::Hash64(Normalize(word), kIndexSeed));
  return it == index_.end() ? 0 : it->second;
}

std::string WordClusters::SerializeWords() const {
  base::BinaryWriter w;
  w.U64(words_.size());
  for (const auto& [word, code] : words_) {
    w.String(word);
    w.U32(code);
  }
  return w.Release();
}

nlohmann::json WordClusters::MakeSelfTest(const std::vector<std::string>& probes) const {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& p : probes) {
    uint32_t code = Cluster(p);
    if (code != 0) out.push_back({{"word", p}, {"code", code}});
  }
  return out;
}

Status WordClusters::CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const {
  if (!selftest.is_array()) return Status::Corruption(name + ": self-test section is not a JSON array");
  for (const auto& item : selftest) {
    if (!item.is_object() || !item.contains("word") || !item["word"].is_string() || !item.contains("code") ||
        !item["code"].is_number_unsigned()) {
      return Status::Corruption(name + ": self-test item is not {word, code}");
    }
    uint32_t got = Cluster(item["word"].get<std::string>());
    if (got != item["code"].get<uint32_t>()) {
      return Status::Corruption(name + ": self-test failed: '" + item["word"].get<std::string>() + "' has code " +
                                std::to_string(got) + ", expected " + item["code"].dump() +
                                "; the file and this build disagree (retrain the clusters)");
    }
  }
  return Status::Ok();
}

std::string WordClusters::Serialize(const nlohmann::json& selftest) const {
  ModelFileWriter writer(meta_);
  writer.SetSelfTest(selftest);
  writer.AddSection("words", SerializeWords());
  return writer.Serialize();
}

StatusOr<std::shared_ptr<const WordClusters>> WordClusters::Load(const std::string& path, base::FileSystem& fs) {
  if (!fs.Exists(path)) {
    return Status::NotFound(path + ": clusters model file is missing; rebuild it with tools/train/train_clusters "
                                   "or restore it from git (git checkout -- data/models/clusters.ngm)");
  }
  NG_ASSIGN_OR_RETURN(std::string bytes, fs.ReadFile(path, 256ull << 20));
  return LoadFromBytes(std::move(bytes), path);
}

StatusOr<std::shared_ptr<const WordClusters>> WordClusters::LoadFromBytes(std::string bytes,
                                                                           const std::string& name) {
  NG_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Parse(std::move(bytes), name));
  NG_RETURN_IF_ERROR(file.ExpectKind("clusters"));
  const nlohmann::json& version = file.meta()["version"];
  if (!version.is_number_integer() || version.get<int>() != kClustersVersion) {
    return Status::Corruption(name + ": clusters model version " + version.dump() +
                              " is not the one this build reads (" + std::to_string(kClustersVersion) + "); retrain it");
  }
  NG_ASSIGN_OR_RETURN(std::string_view data, file.Section("words"));
  auto clusters = std::shared_ptr<WordClusters>(new WordClusters());
  clusters->meta_ = file.meta();
  NG_ASSIGN_OR_RETURN(clusters->words_, ParseWords(data, name + " section 'words'"));
  clusters->Index();
  NG_RETURN_IF_ERROR(clusters->CheckSelfTest(file.selftest(), name));
  return std::shared_ptr<const WordClusters>(std::move(clusters));
}

}  // namespace newsgraph::models
