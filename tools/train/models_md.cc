// Writes data/models/MODELS.md from the embedded meta of every data/models/*.ngm:
// file, size, CRC-32, kind/version, training command, training-data hash, dev scores.
//
//   models_md [--dir data/models] [--out data/models/MODELS.md]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>

#include "base/checksum.h"
#include "base/file.h"
#include "models/model_file.h"

namespace {

std::string Hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

// Paths recorded at training time are machine-specific: keep what follows "shared/data/".
std::string Portable(std::string text) {
  const std::string marker = "/shared/data/", portable = "../shared/data/";
  for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
    size_t start = text.rfind('"', at);
    start = start == std::string::npos ? 0 : start + 1;
    text.replace(start, at + marker.size() - start, portable);
    at = start + portable.size();
  }
  return text;
}

// The training spec with long lists cut to their first items and a count.
nlohmann::json Abridged(const nlohmann::json& j) {
  if (j.is_array() && j.size() > 4) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < 3; ++i) out.push_back(Abridged(j[i]));
    out.push_back("... (" + std::to_string(j.size()) + " in all)");
    return out;
  }
  if (!j.is_object()) return j;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : j.items()) out[k] = Abridged(v);
  return out;
}

// "uas 85.06, las 81.64": the numeric leaves of a dev-score object, dotted keys;
// per-type entries with no gold items are left out.
void Flatten(const nlohmann::json& j, const std::string& prefix, std::string& out) {
  if (j.is_number()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, j.is_number_integer() ? "%.0f" : "%.2f", j.get<double>());
    out += (out.empty() ? "" : ", ") + prefix + " " + buf;
    return;
  }
  if (!j.is_object() || (j.contains("gold") && j["gold"] == 0)) return;
  for (const auto& [k, v] : j.items()) {
    if (k == "gold" || k == "p" || k == "r") continue;
    Flatten(v, prefix.empty() ? k : prefix + "." + k, out);
  }
}

// The command that rebuilds a model of each kind (all of them: tools/train/train_all.sh).
std::string RebuildCommand(const nlohmann::json& meta) {
  if (meta.contains("command")) return meta["command"].get<std::string>();
  std::string kind = meta.value("kind", "");
  static const std::map<std::string, std::string> kCommands = {
      {"segmenter", "build/tools/train/train_segmenter"}, {"clusters", "build/tools/train/train_clusters"},
      {"tagger", "build/tools/train/train_tagger"},       {"parser", "build/tools/train/train_parser, then train_relabeler (as tools/train/train_all.sh does)"},
      {"ner", "build/tools/train/train_ner"}};
  auto it = kCommands.find(kind);
  return it == kCommands.end() ? "tools/train/train_all.sh" : it->second;
}

std::string Describe(const std::string& path) {
  std::ostringstream out;
  std::string name = std::filesystem::path(path).filename().string();
  auto bytes = newsgraph::base::LocalFileSystem().ReadFile(path, 1ull << 30);
  if (!bytes.ok()) return "## " + name + "\n\nunreadable: " + bytes.status().ToString() + "\n\n";
  out << "## " << name << "\n\n- size: " << bytes->size() << " bytes\n- crc32: " << Hex(newsgraph::base::Crc32(*bytes))
      << "\n";
  auto file = newsgraph::models::ModelFile::Parse(*bytes, path);
  if (!file.ok()) return out.str() + "- error: " + file.status().ToString() + "\n\n";
  const nlohmann::json& m = file->meta();
  out << "- kind: " << m.value("kind", "?") << ", version " << m.value("version", nlohmann::json()).dump() << "\n";
  out << "- rebuild: `" << RebuildCommand(m) << "`\n";
  for (const char* key : {"training_data_hash", "git_revision", "trained_at", "train_seconds", "best_epoch"}) {
    if (m.contains(key)) out << "- " << key << ": " << (m[key].is_string() ? m[key].get<std::string>() : m[key].dump()) << "\n";
  }
  if (m.contains("training")) out << "- training: `" << Portable(Abridged(m["training"]).dump()) << "`\n";
  if (m.contains("dev_scores")) {
    out << "\n| dev set | scores |\n|---|---|\n";
    for (const auto& [set, scores] : m["dev_scores"].items()) {
      std::string flat;
      Flatten(scores, "", flat);
      out << "| " << set << " | " << flat << " |\n";
    }
  }
  return out.str() + "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generate MODELS.md from the models' embedded metadata"};
  std::string dir = newsgraph::models::DefaultModelDir(), out_path;
  app.add_option("--dir", dir, "directory holding *.ngm")->capture_default_str();
  app.add_option("--out", out_path, "output file (default: <dir>/MODELS.md)");
  CLI11_PARSE(app, argc, argv);
  if (out_path.empty()) out_path = dir + "/MODELS.md";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".ngm") files.push_back(e.path().string());
  }
  if (ec) return std::cerr << dir << ": " << ec.message() << "\n", 1;
  std::sort(files.begin(), files.end());
  std::string text = "# Models\n\nGenerated by `models_md` from each file's embedded meta; do not edit.\n\n";
  for (const std::string& f : files) text += Describe(f);
  auto status = newsgraph::base::LocalFileSystem().WriteFileAtomically(out_path, text);
  if (!status.ok()) return std::cerr << status.ToString() << "\n", 1;
  std::cerr << "wrote " << out_path << " (" << files.size() << " models)\n";
  return 0;
}
