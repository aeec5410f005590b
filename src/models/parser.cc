#include "models/parser.h"

#include <vector>

#include "base/checksum.h"
#include "models/model_file.h"
#include "models/parser_core.h"
#include "models/parser_relabel.h"

namespace newsgraph::models {

using parser_internal::TokenIds;
using parser_internal::Weights;

namespace {

// meta["clusters"]["file"] of a model file, "" when it needs no clusters.
StatusOr<std::string> ClustersFileOf(const std::string& bytes, const std::string& name) {
  NG_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Parse(bytes, name));
  const nlohmann::json& meta = file.meta();
  if (!meta.contains("clusters")) return std::string();
  const nlohmann::json& c = meta["clusters"];
  if (!c.is_object() || !c.contains("file") || !c["file"].is_string() || c["file"].get<std::string>().empty() ||
      c["file"].get<std::string>().find('/') != std::string::npos) {
    return Status::Corruption(name + ": meta 'clusters' is malformed (want {\"file\": name, \"hash\": ...})");
  }
  return c["file"].get<std::string>();
}

Status CheckClusters(const nlohmann::json& meta, const WordClusters* clusters, const std::string& name) {
  if (!meta.contains("clusters")) return Status::Ok();
  const nlohmann::json& c = meta["clusters"];
  if (!c.is_object() || !c.contains("hash") || !c["hash"].is_string() || !c.contains("file")) {
    return Status::Corruption(name + ": meta 'clusters' is malformed (want {\"file\": name, \"hash\": ...})");
  }
  if (clusters == nullptr) {
    return Status::NotFound(name + ": this parser model needs word clusters (" + c["file"].dump() +
                            ") and none were given");
  }
  if (Parser::ClustersHash(*clusters) != c["hash"].get<std::string>()) {
    return Status::Corruption(name + ": the word clusters " + c["file"].dump() +
                              " differ from the ones the parser was trained with; retrain the parser "
                              "(tools/train/train_parser) or restore the matching clusters file");
  }
  return Status::Ok();
}

}  // namespace

Parser::Parser() = default;
Parser::~Parser() = default;

std::string Parser::DefaultPath() { return DefaultModelDir() + "/parser.ngm"; }

StatusOr<std::shared_ptr<const Parser>> Parser::Load(const std::string& path, base::FileSystem& fs) {
  if (!fs.Exists(path)) {
    return Status::NotFound(path + ": parser model file is missing; rebuild it with tools/train/train_parser "
                                   "or restore it from git (git checkout -- data/models/parser.ngm)");
  }
  NG_ASSIGN_OR_RETURN(std::string bytes, fs.ReadFile(path, 512ull << 20));
  std::shared_ptr<const WordClusters> clusters;
  NG_ASSIGN_OR_RETURN(std::string clusters_file, ClustersFileOf(bytes, path));
  if (!clusters_file.empty()) {
    const size_t slash = path.find_last_of('/');
    const std::string cpath = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + clusters_file;
    if (!fs.Exists(cpath)) {
      return Status::NotFound(path + ": this parser model was trained with word clusters and needs " + cpath +
                              ", which is missing (restore it with git checkout -- data/models/" + clusters_file + ")");
    }
    auto loaded = WordClusters::Load(cpath, fs);
    if (!loaded.ok()) {
      return Status::Corruption(path + ": the word clusters it needs do not load: " + loaded.status().ToString());
    }
    clusters = *loaded;
  }
  return FromBytes(std::move(bytes), path, std::move(clusters));
}

std::string Parser::ClustersHash(const WordClusters& clusters) {
  return std::to_string(base::Hash64(clusters.SerializeWords(), 17));
}

StatusOr<std::shared_ptr<const Parser>> Parser::FromBytes(std::string bytes, const std::string& name,
                                                          std::shared_ptr<const WordClusters> clusters) {
  NG_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Parse(std::move(bytes), name));
  NG_RETURN_IF_ERROR(file.ExpectKind(kKind));
  const nlohmann::json& meta = file.meta();
  NG_RETURN_IF_ERROR(CheckClusters(meta, clusters.get(), name));
  if (!meta.contains("clusters")) clusters = nullptr;
  if (!meta.contains("version") || !meta["version"].is_number_integer() || meta["version"].get<int>() < kMinVersion ||
      meta["version"].get<int>() > kVersion) {
    return Status::Corruption(name + ": parser payload version " +
                              (meta.contains("version") ? meta["version"].dump() : std::string("(none)")) +
                              " is not a version this build reads (" + std::to_string(kMinVersion) + " to " +
                              std::to_string(kVersion) + ")");
  }
  NG_ASSIGN_OR_RETURN(std::string_view payload, file.Section("weights"));
  NG_ASSIGN_OR_RETURN(Weights weights, Weights::Deserialize(payload, name + " section 'weights'"));
  const int version = meta["version"].get<int>();
  weights.features = version;  // versions 1 and 2: the version is the feature set, decoding is greedy
  if (version >= 3) {
    // Version 3 names the feature set and the decoding beam in meta.
    auto int_in = [&meta](const char* key, int lo, int hi) {
      return meta.contains(key) && meta[key].is_number_integer() && meta[key].get<int>() >= lo &&
             meta[key].get<int>() <= hi;
    };
    if (!int_in("feature_set", 1, parser_internal::kFeatureSet) || !int_in("beam", 1, kMaxBeam)) {
      return Status::Corruption(name + ": parser payload version " + std::to_string(version) + " needs meta 'feature_set' (1 to " +
                                std::to_string(parser_internal::kFeatureSet) + ") and 'beam' (1 to " +
                                std::to_string(kMaxBeam) + ")");
    }
    weights.features = meta["feature_set"].get<int>();
    weights.beam = meta["beam"].get<int>();
    if (meta.contains("beam_margin")) {
      if (!meta["beam_margin"].is_number_integer() || meta["beam_margin"].get<int64_t>() < 0) {
        return Status::Corruption(name + ": meta 'beam_margin' must be a non-negative integer");
      }
      weights.beam_margin = meta["beam_margin"].get<int64_t>();
    }
  }
  std::shared_ptr<Parser> parser(new Parser());
  if (weights.features >= 3) {
    if (!file.HasSection("lexicon")) {
      return Status::Corruption(name + ": feature set 3 needs section 'lexicon', which is missing");
    }
    NG_ASSIGN_OR_RETURN(std::string_view lexicon, file.Section("lexicon"));
    NG_ASSIGN_OR_RETURN(parser_internal::AmbiguityIndex ambiguity,
                        parser_internal::AmbiguityIndex::Deserialize(lexicon, name + " section 'lexicon'"));
    parser->ambiguity_ = std::make_unique<parser_internal::AmbiguityIndex>(std::move(ambiguity));
  }
  if (version >= 4) {
    if (!file.HasSection("relabel")) {
      return Status::Corruption(name + ": parser payload version 4 needs section 'relabel', which is missing");
    }
    NG_ASSIGN_OR_RETURN(std::string_view section, file.Section("relabel"));
    NG_ASSIGN_OR_RETURN(parser_internal::Relabeler relabeler,
                        parser_internal::Relabeler::Parse(section, name + " section 'relabel'"));
    if (relabeler.labels() != weights.labels) {
      return Status::Corruption(name + ": section 'relabel' has other labels than section 'weights'");
    }
    parser->relabeler_ = std::make_unique<parser_internal::Relabeler>(std::move(relabeler));
  }
  parser->weights_ = std::make_unique<Weights>(std::move(weights));
  parser->meta_ = meta;
  parser->clusters_ = std::move(clusters);
  if (parser->clusters_ != nullptr) {
    parser->cluster_index_ = std::make_unique<parser_internal::ClusterIndex>(*parser->clusters_);
  }
  NG_RETURN_IF_ERROR(parser->RunSelfTest(file.selftest(), name));
  return std::shared_ptr<const Parser>(std::move(parser));
}

// Each self-test case: {"tokens": [[form, upos, xpos], ...], "heads": [...], "deprels": [...]}.
Status Parser::RunSelfTest(const nlohmann::json& selftest, const std::string& name) const {
  if (!selftest.is_array()) return Status::Corruption(name + ": self-test section is not a JSON array");
  for (size_t c = 0; c < selftest.size(); ++c) {
    const nlohmann::json& tc = selftest[c];
    const std::string where = name + ": self-test case " + std::to_string(c);
    if (!tc.contains("tokens") || !tc.contains("heads") || !tc.contains("deprels") || !tc["tokens"].is_array() ||
        tc["heads"].size() != tc["tokens"].size() || tc["deprels"].size() != tc["tokens"].size()) {
      return Status::Corruption(where + " is malformed");
    }
    document::Document doc;
    for (const nlohmann::json& t : tc["tokens"]) {
      if (!t.is_array() || t.size() != 3) return Status::Corruption(where + " has a malformed token");
      document::Token tok;
      tok.form = t[0].get<std::string>();
      tok.upos = t[1].get<std::string>();
      tok.xpos = t[2].get<std::string>();
      doc.tokens.push_back(std::move(tok));
    }
    document::Sentence s;
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(s);
    Parse(doc);
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      const std::string want = std::to_string(tc["heads"][i].get<int>()) + "/" + tc["deprels"][i].get<std::string>();
      const std::string got = std::to_string(doc.tokens[i].head) + "/" + doc.tokens[i].deprel;
      if (want != got) {
        return Status::Corruption(where + " failed at token " + std::to_string(i + 1) + " '" + doc.tokens[i].form +
                                  "': expected " + want + ", got " + got +
                                  " (the weights do not match the model that wrote this file)");
      }
    }
  }
  return Status::Ok();
}

const std::vector<std::string>& Parser::labels() const { return weights_->labels; }

void Parser::Parse(document::Document& doc) const {
  for (const document::Sentence& s : doc.sentences) ParseSentence(doc, s);
}

void Parser::ParseSentence(document::Document& doc, const document::Sentence& s) const {
  if (s.token_end <= s.token_begin || s.token_end > doc.tokens.size()) return;
  thread_local std::vector<TokenIds> toks;
  thread_local std::vector<int> heads, labels, margins;
  parser_internal::EncodeSentence(doc, s, cluster_index_.get(), toks, ambiguity_.get());
  parser_internal::ParseTokens(*weights_, toks, heads, labels, &margins);
  if (relabeler_ != nullptr) relabeler_->Relabel(toks, heads, labels, margins);
  for (uint32_t i = 0; i < s.size(); ++i) {
    document::Token& t = doc.tokens[s.token_begin + i];
    t.head = heads[i + 1];
    const int l = labels[i + 1];
    t.deprel = l >= 0 ? weights_->labels[l] : "dep";
  }
}

}  // namespace newsgraph::models
