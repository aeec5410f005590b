#include "models/tagger.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include <zlib.h>

#include "base/binary_io.h"
#include "base/checksum.h"
#include "base/inflate.h"
#include "base/strings.h"
#include "models/model_file.h"
#include "models/word_clusters.h"

namespace newsgraph::models {
namespace tagger_internal {
namespace {

constexpr uint64_t kStart = 0x5354415254ull;  // "START": before the sentence
constexpr uint64_t kEnd = 0x454E44ull;        // "END": after the sentence

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "Hello" -> "Xxxxx", "1,000" -> "d,ddd", runs capped at 4; non-ASCII letters -> 'U'.
std::string Shape(std::string_view form) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char u : form) {
    if ((u & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    char c = static_cast<char>(u);
    char s = IsUpper(c) ? 'X' : IsLower(c) ? 'x' : IsDigit(c) ? 'd' : u >= 0x80 ? 'U' : c;
    run = (s == last) ? run + 1 : 1;
    last = s;
    if (run <= 4) out.push_back(s);
    if (out.size() >= 12) break;
  }
  return out;
}

uint64_t Flags(std::string_view form, bool first) {
  bool upper = false, lower = false, digit = false, hyphen = false;
  for (char c : form) {
    upper |= IsUpper(c);
    lower |= IsLower(c);
    digit |= IsDigit(c);
    hyphen |= c == '-';
  }
  bool title = !form.empty() && IsUpper(form[0]) && lower;
  return (upper ? 1 : 0) | (lower ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) | (title ? 16 : 0) | (first ? 32 : 0);
}

}  // namespace

std::string Normalize(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    else if (IsDigit(c)) c = '0';
  }
  return out;
}

void ComputeOneWordInfo(std::string_view form, bool first, const AmbiguityMap* ambiguity, const ClusterMap* clusters,
                        WordInfo& w) {
  std::string norm = Normalize(form);
  std::string_view nv = norm;
  w.form = base::Hash64(form, 1);
  w.norm = base::Hash64(nv, 2);
  w.ambiguity = 0;
  if (ambiguity != nullptr) {
    if (auto it = ambiguity->find(w.norm); it != ambiguity->end()) w.ambiguity = it->second;
  }
  // Clusters only for words without an ambiguity class: for words seen in
  // training they duplicate the word features and cost EWT dev accuracy.
  uint32_t code = 0;
  if (clusters != nullptr && w.ambiguity == 0) {
    if (auto it = clusters->find(w.norm); it != clusters->end()) code = it->second;
  }
  w.cluster[0] = WordClusters::Prefix(code, 4);
  w.cluster[1] = WordClusters::Prefix(code, 6);
  w.cluster[2] = WordClusters::Prefix(code, 10);
  w.cluster[3] = code;
  w.shape = base::Hash64(Shape(form), 3);
  w.flags = Flags(form, first);
  for (size_t k = 0; k < 4; ++k) w.suffix[k] = base::Hash64(nv.substr(nv.size() - std::min(nv.size(), k + 1)), 4);
  for (size_t k = 0; k < 3; ++k) w.prefix[k] = base::Hash64(nv.substr(0, k + 1), 5);
}

void ComputeWordInfo(const std::vector<std::string_view>& forms, const AmbiguityMap* ambiguity,
                     std::vector<WordInfo>& out, const ClusterMap* clusters) {
  out.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) ComputeOneWordInfo(forms[i], i == 0, ambiguity, clusters, out[i]);
}

int ExtractWordFeatures(const WordInfo& w, uint64_t* keys) {
  using perceptron::HashKey;
  int n = 0;
  keys[n++] = HashKey(0, 0);
  keys[n++] = HashKey(1, w.form);
  keys[n++] = HashKey(2, w.norm);
  for (int k = 0; k < 4; ++k) keys[n++] = HashKey(3 + k, w.suffix[k]);
  for (int k = 0; k < 3; ++k) keys[n++] = HashKey(7 + k, w.prefix[k]);
  keys[n++] = HashKey(10, w.shape);
  keys[n++] = HashKey(28, w.ambiguity);
  for (int k = 0; k < 4; ++k) keys[n++] = HashKey(34 + k, w.cluster[k]);
  return n;
}

namespace {

// Context features with direction D: +1 reads the left as history (labels prev1,
// prev2 of tokens i-1, i-2) and the right as look-ahead; -1 mirrors it. D = +1
// gives exactly the keys of the left-to-right models trained before.
template <int D>
int ContextFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys) {
  using perceptron::HashKey;
  using perceptron::PairKey;
  const WordInfo& w = words[i];
  const ptrdiff_t size = static_cast<ptrdiff_t>(words.size());
  auto at = [&](ptrdiff_t j, auto field) -> uint64_t {
    return j < 0 ? kStart : j >= size ? kEnd : field(words[j]);
  };
  auto norm_at = [&](ptrdiff_t j) { return at(j, [](const WordInfo& x) { return x.norm; }); };
  auto suffix3_at = [&](ptrdiff_t j) { return at(j, [](const WordInfo& x) { return x.suffix[2]; }); };
  auto amb_at = [&](ptrdiff_t j) { return at(j, [](const WordInfo& x) { return x.ambiguity; }); };
  auto shape_at = [&](ptrdiff_t j) { return at(j, [](const WordInfo& x) { return x.shape; }); };
  auto cluster_at = [&](ptrdiff_t j, int k) { return at(j, [k](const WordInfo& x) -> uint64_t { return x.cluster[k]; }); };
  ptrdiff_t p = static_cast<ptrdiff_t>(i);
  uint64_t t1 = static_cast<uint64_t>(prev1 + 1), t2 = static_cast<uint64_t>(prev2 + 1);
  uint64_t next_norm = norm_at(p + D), next_amb = amb_at(p + D), next_shape = shape_at(p + D);
  int n = 0;
  keys[n++] = HashKey(11, w.flags);
  keys[n++] = HashKey(12, norm_at(p - D));
  keys[n++] = HashKey(13, norm_at(p - 2 * D));
  keys[n++] = HashKey(14, next_norm);
  keys[n++] = HashKey(15, norm_at(p + 2 * D));
  keys[n++] = HashKey(16, suffix3_at(p - D));
  keys[n++] = HashKey(17, suffix3_at(p + D));
  keys[n++] = HashKey(18, shape_at(p - D));
  keys[n++] = HashKey(19, next_shape);
  keys[n++] = HashKey(20, t1);
  keys[n++] = PairKey(21, t1, t2);
  keys[n++] = PairKey(22, t1, w.norm);
  keys[n++] = PairKey(23, w.norm, next_norm);
  keys[n++] = PairKey(24, norm_at(p - D), w.norm);
  keys[n++] = PairKey(25, t1, w.suffix[2]);
  keys[n++] = PairKey(26, w.shape, next_shape);
  keys[n++] = PairKey(27, w.suffix[1], suffix3_at(p + D));
  keys[n++] = HashKey(29, next_amb);
  keys[n++] = HashKey(30, amb_at(p + 2 * D));
  keys[n++] = PairKey(31, w.ambiguity, next_amb);
  keys[n++] = PairKey(32, t1, next_amb);
  keys[n++] = PairKey(33, w.norm, next_amb);
  keys[n++] = HashKey(38, cluster_at(p + D, 3));
  keys[n++] = HashKey(39, cluster_at(p + D, 1));
  keys[n++] = PairKey(40, w.cluster[1], cluster_at(p + D, 1));
  return n;
}

}  // namespace

int ExtractContextFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys) {
  return ContextFeatures<1>(words, i, prev1, prev2, keys);
}

int ExtractContextFeaturesR2L(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys,
                              bool light) {
  if (!light) return ContextFeatures<-1>(words, i, prev1, prev2, keys);
  // The light set: the templates of ContextFeatures<-1> that read the labels, the
  // adjacent words and the look-ahead ambiguity (14 lookups instead of 25).
  using perceptron::HashKey;
  using perceptron::PairKey;
  const WordInfo& w = words[i];
  const ptrdiff_t size = static_cast<ptrdiff_t>(words.size());
  auto at = [&](ptrdiff_t j) -> const WordInfo* { return j < 0 || j >= size ? nullptr : &words[j]; };
  ptrdiff_t p = static_cast<ptrdiff_t>(i);
  const WordInfo *before = at(p - 1), *before2 = at(p - 2), *after = at(p + 1);  // "next" = i-1 in this direction
  uint64_t next_norm = before ? before->norm : kStart, next_amb = before ? before->ambiguity : kStart;
  uint64_t t1 = static_cast<uint64_t>(prev1 + 1), t2 = static_cast<uint64_t>(prev2 + 1);
  int n = 0;
  keys[n++] = HashKey(11, w.flags);
  keys[n++] = HashKey(12, after ? after->norm : kEnd);
  keys[n++] = HashKey(14, next_norm);
  keys[n++] = HashKey(15, before2 ? before2->norm : kStart);
  keys[n++] = HashKey(16, after ? after->suffix[2] : kEnd);
  keys[n++] = HashKey(17, before ? before->suffix[2] : kStart);
  keys[n++] = HashKey(20, t1);
  keys[n++] = PairKey(21, t1, t2);
  keys[n++] = PairKey(22, t1, w.norm);
  keys[n++] = PairKey(23, w.norm, next_norm);
  keys[n++] = PairKey(25, t1, w.suffix[2]);
  keys[n++] = HashKey(29, next_amb);
  keys[n++] = PairKey(31, w.ambiguity, next_amb);
  keys[n++] = PairKey(32, t1, next_amb);
  return n;
}

int ExtractFeaturesR2L(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys,
                       bool light) {
  int n = ExtractWordFeatures(words[i], keys);
  return n + ExtractContextFeaturesR2L(words, i, prev1, prev2, keys + n, light);
}

uint8_t MarginBucket(float margin) {
  static constexpr float kEdges[7] = {1, 2, 4, 8, 16, 32, 64};
  uint8_t b = 0;
  while (b < 7 && margin >= kEdges[b]) ++b;
  return b;
}

int ExtractStackFeatures(const std::vector<WordInfo>& words, const int* r2l, const uint8_t* margins, size_t i,
                         int prev1, uint64_t* keys, bool light) {
  using perceptron::HashKey;
  using perceptron::PairKey;
  const size_t n = words.size();
  auto label_at = [&](ptrdiff_t j) -> uint64_t {
    return j < 0 ? kStart : j >= static_cast<ptrdiff_t>(n) ? kEnd : static_cast<uint64_t>(r2l[j] + 1);
  };
  ptrdiff_t p = static_cast<ptrdiff_t>(i);
  uint64_t r0 = label_at(p), r1 = label_at(p + 1), r2 = label_at(p + 2), rm1 = label_at(p - 1);
  uint64_t t1 = static_cast<uint64_t>(prev1 + 1);
  int k = 0;
  keys[k++] = HashKey(60, r0);
  keys[k++] = PairKey(61, r0, margins[i]);
  keys[k++] = HashKey(62, r1);
  keys[k++] = PairKey(63, r0, r1);
  keys[k++] = PairKey(65, t1, r0);
  if (light) return k;
  keys[k++] = PairKey(64, r1, r2);
  keys[k++] = PairKey(66, t1, r1);
  keys[k++] = PairKey(67, rm1, r0);
  keys[k++] = PairKey(68, words[i].norm, r1);
  keys[k++] = PairKey(69, words[i].suffix[2], r0);
  return k;
}

int ExtractRightFeatures(const int* pass1, size_t n, size_t i, int prev1, uint64_t* keys) {
  using perceptron::HashKey;
  using perceptron::PairKey;
  auto label_at = [&](size_t j) -> uint64_t { return j < n ? static_cast<uint64_t>(pass1[j] + 1) : kEnd; };
  uint64_t r0 = label_at(i), r1 = label_at(i + 1), r2 = label_at(i + 2);
  uint64_t t1 = static_cast<uint64_t>(prev1 + 1);
  keys[0] = HashKey(42, r1);
  keys[1] = PairKey(43, r1, r2);
  keys[2] = PairKey(44, t1, r1);
  keys[3] = HashKey(45, r0);
  keys[4] = PairKey(46, r0, r1);
  return kMaxRightFeatures;
}

int ExtractFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint64_t* keys) {
  int n = ExtractWordFeatures(words[i], keys);
  return n + ExtractContextFeatures(words, i, prev1, prev2, keys + n);
}

}  // namespace tagger_internal

namespace {

// The tagger payload (sections below); 2 adds "clusters", "vocab"; 3 adds "weights_r2l"
// (bidirectional models).
constexpr int kTaggerVersion = 3;
constexpr int kMinTaggerVersion = 1;
constexpr uint32_t kFeatsVersion = 1;

StatusOr<std::vector<Tagger::Label>> ParseLabels(std::string_view data, const std::string& what) {
  auto json = nlohmann::json::parse(data, nullptr, false);
  if (!json.is_array() || json.empty()) return Status::Corruption(what + ": labels are not a JSON array");
  std::vector<Tagger::Label> labels;
  for (const auto& item : json) {
    if (!item.is_array() || item.size() != 2 || !item[0].is_string() || !item[1].is_string()) {
      return Status::Corruption(what + ": a label is not [xpos, upos]");
    }
    labels.push_back({item[0].get<std::string>(), item[1].get<std::string>()});
  }
  return labels;
}

// Reads section `tag`, inflating it when meta.zlib_sections lists it; `storage`
// keeps the inflated bytes alive for the returned view.
StatusOr<std::string_view> ReadSection(const ModelFile& file, const std::string& tag, const std::string& name,
                                       std::string& storage) {
  NG_ASSIGN_OR_RETURN(std::string_view data, file.Section(tag));
  const nlohmann::json& z = file.meta().contains("zlib_sections") ? file.meta()["zlib_sections"] : nlohmann::json();
  if (!z.is_array() || std::find(z.begin(), z.end(), tag) == z.end()) return data;
  base::BinaryReader r(data, name + " section '" + tag + "'");
  uint64_t raw = 0;
  NG_RETURN_IF_ERROR(r.U64(raw));
  if (raw > (1ull << 31)) return Status::Corruption(name + ": section '" + tag + "' claims " + std::to_string(raw) + " bytes");
  storage.resize(raw);
  NG_RETURN_IF_ERROR(base::InflateZlib(data.substr(8), storage.data(), raw, name + ": section '" + tag + "'"));
  return std::string_view(storage);
}

StatusOr<Tagger::FeatsTable> ParseFeats(std::string_view data, size_t num_labels, const std::string& what) {
  base::BinaryReader r(data, what);
  Tagger::FeatsTable t;
  uint32_t version = 0;
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.U32(version));
  if (version != kFeatsVersion) return Status::Corruption(what + ": unsupported feats table version");
  NG_RETURN_IF_ERROR(r.U64(n));
  if (n > r.remaining() / 4) return Status::Corruption(what + ": value count exceeds the payload");
  t.values.resize(n);
  for (std::string& v : t.values) NG_RETURN_IF_ERROR(r.String(v));
  NG_RETURN_IF_ERROR(r.PodVector(t.by_label));
  if (t.by_label.size() != num_labels) return Status::Corruption(what + ": feats table does not match the labels");
  for (uint32_t v : t.by_label) {
    if (v >= t.values.size()) return Status::Corruption(what + ": value index out of range");
  }
  NG_RETURN_IF_ERROR(base::ReadIndexMap(r, t.values.size(), what, t.by_word));
  NG_RETURN_IF_ERROR(base::ReadIndexMap(r, t.values.size(), what, t.by_shape));
  return t;
}

}  // namespace

// Version-2 sections; a file without them tags exactly as before (no clusters, no cache).
Status Tagger::ReadOptionalSections(const ModelFile& file, const std::string& name, Tagger& tagger) {
  if (file.HasSection("clusters")) {
    NG_ASSIGN_OR_RETURN(std::string_view data, file.Section("clusters"));
    base::BinaryReader r(data, name + " section 'clusters'");
    std::vector<uint64_t> keys;
    std::vector<uint32_t> codes;
    NG_RETURN_IF_ERROR(r.PodVector(keys));
    NG_RETURN_IF_ERROR(r.PodVector(codes));
    if (keys.size() != codes.size()) return Status::Corruption(name + ": section 'clusters' is inconsistent");
    tagger.clusters_.reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) tagger.clusters_[keys[i]] = codes[i];
  } else if (const nlohmann::json& m = file.meta();
             m.contains("training") && m["training"].is_object() && m["training"].contains("clusters")) {
    return Status::Corruption(name + ": the model was trained with word clusters but section 'clusters' is missing");
  }
  if (file.HasSection("vocab")) {
    NG_ASSIGN_OR_RETURN(std::string_view data, file.Section("vocab"));
    base::BinaryReader r(data, name + " section 'vocab'");
    uint64_t n = 0;
    NG_RETURN_IF_ERROR(r.U64(n));
    if (n > r.remaining() / 12) return Status::Corruption(name + ": section 'vocab' size exceeds the payload");
    tagger.vocab_.resize(n);
    for (auto& [form, labels] : tagger.vocab_) {
      NG_RETURN_IF_ERROR(r.String(form));
      NG_RETURN_IF_ERROR(r.PodVector(labels));
    }
  }
  tagger.BuildVocabCache();
  return Status::Ok();
}

Tagger::Tagger(nlohmann::json meta, std::vector<Label> labels, perceptron::SparseWeights weights, FeatsTable feats,
               Lemmatizer lemmatizer, tagger_internal::AmbiguityMap ambiguity)
    : meta_(std::move(meta)),
      labels_(std::move(labels)),
      weights_(std::move(weights)),
      feats_(std::move(feats)),
      lemmatizer_(std::move(lemmatizer)),
      ambiguity_(std::move(ambiguity)) {
  two_pass_ = meta_.contains("training") && meta_["training"].is_object() && meta_["training"].value("two_pass", false);
}

Tagger::Tagger(nlohmann::json meta, std::vector<Label> labels, perceptron::SparseWeights weights, FeatsTable feats,
               Lemmatizer lemmatizer, tagger_internal::AmbiguityMap ambiguity, tagger_internal::ClusterMap clusters,
               Vocab vocab)
    : Tagger(std::move(meta), std::move(labels), std::move(weights), std::move(feats), std::move(lemmatizer),
             std::move(ambiguity)) {
  clusters_ = std::move(clusters);
  vocab_ = std::move(vocab);
  BuildVocabCache();
}

Tagger::Tagger(nlohmann::json meta, std::vector<Label> labels, perceptron::SparseWeights weights,
               perceptron::SparseWeights weights_r2l, FeatsTable feats, Lemmatizer lemmatizer,
               tagger_internal::AmbiguityMap ambiguity, tagger_internal::ClusterMap clusters, Vocab vocab)
    : Tagger(std::move(meta), std::move(labels), std::move(weights), std::move(feats), std::move(lemmatizer),
             std::move(ambiguity)) {
  bidirectional_ = true;
  light_ = meta_["training"].value("bidirectional_light", false);
  weights_r2l_ = std::move(weights_r2l);
  clusters_ = std::move(clusters);
  vocab_ = std::move(vocab);
  BuildVocabCache();
}

void Tagger::BuildVocabCache() {
  const size_t num_labels = labels_.size();
  vocab_entries_.clear();
  vocab_labels_.clear();
  vocab_rows_.assign(vocab_.size() * num_labels, 0.0f);
  vocab_rows_r2l_.assign(bidirectional_ ? vocab_.size() * num_labels : 0, 0.0f);
  size_t table = 16;
  while (table < vocab_.size() * 2) table <<= 1;
  vocab_keys_.assign(table, 0);
  vocab_slots_.assign(table, -1);
  uint64_t keys[tagger_internal::kMaxFeatures];
  for (const auto& [form, labels] : vocab_) {
    VocabEntry e;
    tagger_internal::ComputeOneWordInfo(form, false, &ambiguity_, &clusters_, e.info);
    size_t mask = table - 1, slot = e.info.form & mask;
    while (vocab_slots_[slot] >= 0 && vocab_keys_[slot] != e.info.form) slot = (slot + 1) & mask;
    if (vocab_slots_[slot] >= 0) continue;  // duplicate form (or hash): keep the first
    int n = tagger_internal::ExtractWordFeatures(e.info, keys);
    weights_.Score(keys, n, vocab_rows_.data() + vocab_entries_.size() * num_labels);
    if (bidirectional_) weights_r2l_.Score(keys, n, vocab_rows_r2l_.data() + vocab_entries_.size() * num_labels);
    e.labels_begin = static_cast<uint32_t>(vocab_labels_.size());
    for (uint16_t label : labels) {
      if (label >= num_labels) continue;
      std::string f = Feats(form, label);
      auto it = std::find(feats_.values.begin(), feats_.values.end(), f);
      vocab_labels_.push_back({label, static_cast<uint32_t>(it - feats_.values.begin()),
                               lemmatizer_.Lemmatize(form, labels_[label].xpos)});
    }
    e.labels_end = static_cast<uint32_t>(vocab_labels_.size());
    vocab_keys_[slot] = e.info.form;
    vocab_slots_[slot] = static_cast<int32_t>(vocab_entries_.size());
    vocab_entries_.push_back(e);
  }
  vocab_rows_.resize(vocab_entries_.size() * num_labels);
  if (bidirectional_) vocab_rows_r2l_.resize(vocab_entries_.size() * num_labels);
}

int32_t Tagger::FindVocab(uint64_t form_hash) const {
  if (vocab_entries_.empty()) return -1;
  size_t mask = vocab_keys_.size() - 1;
  for (size_t i = form_hash & mask;; i = (i + 1) & mask) {
    if (vocab_slots_[i] < 0) return -1;
    if (vocab_keys_[i] == form_hash) return vocab_slots_[i];
  }
}

std::string Tagger::SerializeClusters() const {
  std::vector<std::pair<uint64_t, uint32_t>> items(clusters_.begin(), clusters_.end());
  std::sort(items.begin(), items.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> codes;
  for (const auto& [k, v] : items) keys.push_back(k), codes.push_back(v);
  base::BinaryWriter w;
  w.PodVector(keys);
  w.PodVector(codes);
  return w.Release();
}

std::string Tagger::SerializeVocab() const {
  base::BinaryWriter w;
  w.U64(vocab_.size());
  for (const auto& [form, labels] : vocab_) {
    w.String(form);
    w.PodVector(labels);
  }
  return w.Release();
}

std::string Tagger::SerializeAmbiguity() const {
  std::vector<std::pair<uint64_t, uint64_t>> items(ambiguity_.begin(), ambiguity_.end());
  std::sort(items.begin(), items.end());
  std::vector<uint64_t> keys, values;
  for (const auto& [k, v] : items) keys.push_back(k), values.push_back(v);
  base::BinaryWriter w;
  w.PodVector(keys);
  w.PodVector(values);
  return w.Release();
}



std::string Tagger::DefaultPath() { return DefaultModelDir() + "/tagger.ngm"; }

uint64_t Tagger::FeatsWordKey(std::string_view lower, int label) {
  return base::Hash64(lower, 0x46000000u + static_cast<uint64_t>(label));
}

uint64_t Tagger::FeatsShapeKey(std::string_view form, int label) {
  bool digit = std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  return perceptron::Mix(0x46530000u + static_cast<uint64_t>(label), (digit ? 1 : 0) | (upper ? 2 : 0));
}

std::string Tagger::Feats(std::string_view form, int label) const {
  std::string lower = Lemmatizer::AsciiLower(form);
  if (auto it = feats_.by_word.find(FeatsWordKey(lower, label)); it != feats_.by_word.end()) {
    return feats_.values[it->second];
  }
  if (auto it = feats_.by_shape.find(FeatsShapeKey(form, label)); it != feats_.by_shape.end()) {
    return feats_.values[it->second];
  }
  return feats_.values[feats_.by_label[label]];
}

void Tagger::TagTokens(std::vector<document::Token>& tokens, const TagOptions& options) const {
  TagSpan(tokens.data(), tokens.size(), options);
}

void Tagger::PredictLabels(const std::vector<tagger_internal::WordInfo>& words, const std::vector<int32_t>& vocab,
                           const int* pass1, const int* r2l, const uint8_t* margins, std::vector<int>& out) const {
  thread_local std::vector<float> scores;
  const size_t num_labels = labels_.size();
  scores.resize(num_labels);
  out.resize(words.size());
  // All keys of a token go to one AddScores call, so their cache misses overlap;
  // the summation order is the same as scoring them one group after another.
  uint64_t keys[tagger_internal::kMaxFeatures + tagger_internal::kMaxRightFeatures +
                tagger_internal::kMaxStackFeatures];
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < words.size(); ++i) {
    int n = 0;
    if (vocab[i] >= 0) {
      const float* row = vocab_rows_.data() + static_cast<size_t>(vocab[i]) * num_labels;
      std::copy(row, row + num_labels, scores.data());
      n = tagger_internal::ExtractContextFeatures(words, i, prev1, prev2, keys);
    } else {
      std::fill(scores.begin(), scores.end(), 0.0f);
      n = tagger_internal::ExtractFeatures(words, i, prev1, prev2, keys);
    }
    if (pass1 != nullptr) n += tagger_internal::ExtractRightFeatures(pass1, words.size(), i, prev1, keys + n);
    if (r2l != nullptr) n += tagger_internal::ExtractStackFeatures(words, r2l, margins, i, prev1, keys + n, light_);
    weights_.AddScores(keys, n, scores.data());
    out[i] = perceptron::ArgMax(scores.data(), static_cast<int>(num_labels));
    prev2 = prev1;
    prev1 = out[i];
  }
}

void Tagger::PredictLabelsR2L(const std::vector<tagger_internal::WordInfo>& words,
                              const std::vector<int32_t>& vocab, std::vector<int>& out,
                              std::vector<uint8_t>& margins) const {
  thread_local std::vector<float> scores;
  const size_t num_labels = labels_.size();
  scores.resize(num_labels);
  out.resize(words.size());
  margins.resize(words.size());
  uint64_t keys[tagger_internal::kMaxFeatures];
  int prev1 = -1, prev2 = -1;
  for (size_t i = words.size(); i-- > 0;) {
    if (vocab[i] >= 0) {
      const float* row = vocab_rows_r2l_.data() + static_cast<size_t>(vocab[i]) * num_labels;
      std::copy(row, row + num_labels, scores.data());
      int n = tagger_internal::ExtractContextFeaturesR2L(words, i, prev1, prev2, keys, light_);
      weights_r2l_.AddScores(keys, n, scores.data());
    } else {
      int n = tagger_internal::ExtractFeaturesR2L(words, i, prev1, prev2, keys, light_);
      weights_r2l_.Score(keys, n, scores.data());
    }
    int best = perceptron::ArgMax(scores.data(), static_cast<int>(num_labels));
    float top = scores[best], second = -1e30f;
    for (size_t c = 0; c < num_labels; ++c) {
      if (static_cast<int>(c) != best && scores[c] > second) second = scores[c];
    }
    out[i] = best;
    margins[i] = tagger_internal::MarginBucket(top - second);
    prev2 = prev1;
    prev1 = best;
  }
}

void Tagger::FillFeatsAndLemma(document::Token& token, int label, int32_t vocab, const TagOptions& options) const {
  if (vocab >= 0) {
    const VocabEntry& e = vocab_entries_[vocab];
    for (uint32_t k = e.labels_begin; k < e.labels_end; ++k) {
      const VocabLabel& v = vocab_labels_[k];
      if (v.label != label) continue;
      if (options.feats) token.feats = feats_.values[v.feats];
      if (options.lemma) token.lemma = v.lemma;
      return;
    }
  }
  if (options.feats) token.feats = Feats(token.form, label);
  if (options.lemma) token.lemma = lemmatizer_.Lemmatize(token.form, token.xpos);
}

namespace {
bool IsTimeWord(std::string_view form) {
  static const std::unordered_set<std::string> kWords = {
      "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "last", "this", "next", "earlier", "later", "late", "overnight", "recently"};
  return kWords.count(base::AsciiLower(form)) > 0;
}

// Participles that mostly stand before a noun as adjectives ("asset backed securities", "series
// preferred stock", "diluted profit", "state owned company").
bool IsAdjectivalParticiple(std::string_view form) {
  static const std::unordered_set<std::string> kWords = {
      "preferred", "backed",  "diluted",  "insured", "secured",  "fixed",   "guaranteed", "listed",
      "related",   "based",   "owned",    "registered", "restricted", "limited", "adjusted", "consolidated",
      "combined",  "estimated", "unlisted", "controlled", "linked", "indexed", "denominated", "traded",
      "subordinated", "integrated", "sponsored", "realized", "realised"};
  return kWords.count(base::AsciiLower(form)) > 0;
}
}  // namespace

// "Russian drones struck energy facilities": a past participle right after its subject noun,
// with no verb before it, a noun phrase after it and no finite verb after it in its clause, is
// the past tense the tagger missed. (A reduced relative takes no object: "troops killed in the
// attack were buried"; news writes the act in the past tense.) On the treebanks' dev sets it
// changes 3 GUM tokens, all to the gold tag, and none of EWT's.
void Tagger::ReadBareParticiplesAsPast(const document::Token* tokens, size_t count, std::vector<int>& labels) const {
  if (past_tense_label_ < 0) return;
  auto xpos = [&](size_t i) -> std::string_view { return labels_[labels[i]].xpos; };
  auto one_of = [](std::string_view x, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), x) != set.end();
  };
  bool verb_before = false;
  for (size_t i = 0; i + 1 < count; ++i) {
    const std::string_view x = xpos(i);
    // Not before a time ("remarks published today"): the participle's own modifier.
    const bool participle = x == "VBN" && i > 0 && !verb_before && one_of(xpos(i - 1), {"NN", "NNS", "NNP", "NNPS"}) &&
                            one_of(xpos(i + 1), {"DT", "NN", "NNS", "CD", "JJ", "PRP$", "NNP", "NNPS", "PRP"}) &&
                            !IsTimeWord(tokens[i + 1].form) && !IsAdjectivalParticiple(tokens[i].form);
    verb_before = verb_before || one_of(x, {"VBD", "VBZ", "VBP", "MD", "VB", "VBN", "VBG"});
    if (!participle) continue;
    bool finite_after = false;
    for (size_t k = i + 1; k < count && !finite_after; ++k) {
      const std::string_view f = tokens[k].form;
      if (f == "," || f == ";" || f == ":") break;
      finite_after = one_of(xpos(k), {"VBD", "VBZ", "VBP", "MD"});
    }
    if (!finite_after) labels[i] = past_tense_label_;
  }
}

void Tagger::TagSpan(document::Token* tokens, size_t count, const TagOptions& options) const {
  if (count == 0 || labels_.empty()) return;
  thread_local std::vector<tagger_internal::WordInfo> words;
  thread_local std::vector<int32_t> vocab;
  words.resize(count);
  vocab.resize(count);
  for (size_t i = 0; i < count; ++i) {
    vocab[i] = FindVocab(base::Hash64(tokens[i].form, 1));
    if (vocab[i] >= 0) {
      words[i] = vocab_entries_[vocab[i]].info;
      if (i == 0) words[i].flags |= tagger_internal::kFirstFlag;
    } else {
      tagger_internal::ComputeOneWordInfo(tokens[i].form, i == 0, &ambiguity_, &clusters_, words[i]);
    }
  }
  thread_local std::vector<int> pass1, pass2;
  thread_local std::vector<uint8_t> margins;
  if (options.pos && bidirectional_) {
    PredictLabelsR2L(words, vocab, pass2, margins);
    PredictLabels(words, vocab, nullptr, pass2.data(), margins.data(), pass1);
  } else if (options.pos) {
    PredictLabels(words, vocab, nullptr, nullptr, nullptr, pass1);
    if (two_pass_) PredictLabels(words, vocab, pass1.data(), nullptr, nullptr, pass2);
  }
  std::vector<int>& final_labels = two_pass_ && !bidirectional_ ? pass2 : pass1;
  thread_local std::vector<int> predicted;
  if (options.pos) {
    predicted = final_labels;
    ReadBareParticiplesAsPast(tokens, count, final_labels);
  }
  for (size_t i = 0; i < count; ++i) {
    int label = 0;
    if (options.pos) {
      label = final_labels[i];
    } else {
      auto it = std::find_if(labels_.begin(), labels_.end(), [&](const Label& l) {
        return l.xpos == tokens[i].xpos && l.upos == tokens[i].upos;
      });
      label = it == labels_.end() ? 0 : static_cast<int>(it - labels_.begin());
    }
    // A participle read as the past tense keeps the lemma of the model's reading ("struck" ->
    // "strike") and takes the past tense's features.
    const bool reread = options.pos && label != predicted[i];
    if (reread && options.lemma) {
      tokens[i].xpos = labels_[predicted[i]].xpos;
      FillFeatsAndLemma(tokens[i], predicted[i], vocab[i], TagOptions{false, false, true});
    }
    if (options.pos) {
      tokens[i].xpos = labels_[label].xpos;
      tokens[i].upos = labels_[label].upos;
    }
    if (reread) {
      if (options.feats) tokens[i].feats = Feats(tokens[i].form, label);
    } else if (options.feats || options.lemma) {
      FillFeatsAndLemma(tokens[i], label, vocab[i], options);
    }
  }
}

void Tagger::TagSentence(document::Document& doc, const document::Sentence& s, const TagOptions& options) const {
  if (s.token_end > doc.tokens.size() || s.token_begin >= s.token_end) return;
  TagSpan(doc.tokens.data() + s.token_begin, s.token_end - s.token_begin, options);
}

void Tagger::Tag(document::Document& doc, const TagOptions& options) const {
  for (const document::Sentence& s : doc.sentences) TagSentence(doc, s, options);
}

std::string Tagger::ZlibSection(std::string_view raw) {
  uLongf len = compressBound(static_cast<uLong>(raw.size()));
  std::string out(8 + len, '\0');
  uint64_t size = raw.size();
  std::memcpy(out.data(), &size, 8);  // little-endian, as base::BinaryWriter writes u64
  compress2(reinterpret_cast<Bytef*>(out.data() + 8), &len, reinterpret_cast<const Bytef*>(raw.data()),
            static_cast<uLong>(raw.size()), 6);
  out.resize(8 + len);
  return out;
}

std::string Tagger::SerializeLabels() const {
  nlohmann::json json = nlohmann::json::array();
  for (const Label& l : labels_) json.push_back({l.xpos, l.upos});
  return json.dump();
}

std::string Tagger::SerializeFeats() const {
  base::BinaryWriter w;
  w.U32(kFeatsVersion);
  w.U64(feats_.values.size());
  for (const std::string& v : feats_.values) w.String(v);
  w.PodVector(feats_.by_label);
  base::WriteIndexMap(w, feats_.by_word);
  base::WriteIndexMap(w, feats_.by_shape);
  return w.Release();
}

Status Tagger::CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const {
  if (!selftest.is_array()) return Status::Corruption(name + ": self-test section is not a JSON array");
  for (size_t si = 0; si < selftest.size(); ++si) {
    const nlohmann::json& item = selftest[si];
    if (!item.is_object() || !item.contains("tokens") || !item["tokens"].is_array()) {
      return Status::Corruption(name + ": self-test sentence " + std::to_string(si) + " has no token list");
    }
    std::vector<document::Token> tokens;
    for (const auto& f : item["tokens"]) tokens.push_back(document::Token{.form = f.get<std::string>()});
    TagTokens(tokens);
    for (const char* layer : {"xpos", "upos", "feats", "lemma"}) {
      if (!item.contains(layer)) continue;
      const nlohmann::json& expected = item[layer];
      for (size_t i = 0; i < tokens.size(); ++i) {
        const document::Token& t = tokens[i];
        const std::string& got = layer[0] == 'x' ? t.xpos : layer[0] == 'u' ? t.upos : layer[0] == 'f' ? t.feats : t.lemma;
        if (i >= expected.size() || !expected[i].is_string() || expected[i].get<std::string>() != got) {
          return Status::Corruption(name + ": self-test failed: sentence " + std::to_string(si) + " token " +
                                    std::to_string(i) + " '" + t.form + "' " + layer + " is '" + got +
                                    "', expected " + (i < expected.size() ? expected[i].dump() : "nothing") +
                                    "; the model and this build disagree (retrain the model)");
        }
      }
    }
  }
  return Status::Ok();
}

StatusOr<std::shared_ptr<const Tagger>> Tagger::Load(const std::string& path, base::FileSystem& fs) {
  if (!fs.Exists(path)) {
    return Status::NotFound(path + ": tagger model file is missing; rebuild it with tools/train/train_tagger "
                                   "or restore it from git (git checkout -- data/models/tagger.ngm)");
  }
  NG_ASSIGN_OR_RETURN(std::string bytes, fs.ReadFile(path, 512ull << 20));
  return LoadFromBytes(std::move(bytes), path);
}

StatusOr<std::shared_ptr<const Tagger>> Tagger::LoadFromBytes(std::string bytes, const std::string& name) {
  NG_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Parse(std::move(bytes), name));
  NG_RETURN_IF_ERROR(file.ExpectKind("tagger"));
  const nlohmann::json& version = file.meta()["version"];
  if (!version.is_number_integer() || version.get<int>() < kMinTaggerVersion || version.get<int>() > kTaggerVersion) {
    return Status::Corruption(name + ": tagger model version " + version.dump() + " is outside the range this build reads (" +
                              std::to_string(kMinTaggerVersion) + ".." + std::to_string(kTaggerVersion) + "); retrain it");
  }
  auto tagger = std::shared_ptr<Tagger>(new Tagger());
  tagger->meta_ = file.meta();
  const nlohmann::json& training = tagger->meta_.contains("training") ? tagger->meta_["training"] : nlohmann::json();
  tagger->two_pass_ = training.is_object() && training.value("two_pass", false);
  NG_ASSIGN_OR_RETURN(std::string_view labels, file.Section("labels"));
  NG_ASSIGN_OR_RETURN(tagger->labels_, ParseLabels(labels, name + " section 'labels'"));
  for (size_t k = 0; k < tagger->labels_.size(); ++k) {
    if (tagger->labels_[k].xpos == "VBD" && tagger->labels_[k].upos == "VERB") tagger->past_tense_label_ = static_cast<int>(k);
  }
  std::string inflated;
  NG_ASSIGN_OR_RETURN(std::string_view weights, ReadSection(file, "weights", name, inflated));
  NG_ASSIGN_OR_RETURN(tagger->weights_, perceptron::SparseWeights::Parse(weights, name + " section 'weights'"));
  if (tagger->weights_.num_classes() != static_cast<int>(tagger->labels_.size())) {
    return Status::Corruption(name + ": weight table has " + std::to_string(tagger->weights_.num_classes()) +
                              " classes but there are " + std::to_string(tagger->labels_.size()) + " labels");
  }
  NG_ASSIGN_OR_RETURN(std::string_view feats, file.Section("feats"));
  NG_ASSIGN_OR_RETURN(tagger->feats_, ParseFeats(feats, tagger->labels_.size(), name + " section 'feats'"));
  NG_ASSIGN_OR_RETURN(std::string_view lemmas, file.Section("lemmatizer"));
  NG_ASSIGN_OR_RETURN(tagger->lemmatizer_, Lemmatizer::Parse(lemmas, name + " section 'lemmatizer'"));
  NG_ASSIGN_OR_RETURN(std::string_view amb, file.Section("ambiguity"));
  base::BinaryReader amb_reader(amb, name + " section 'ambiguity'");
  std::vector<uint64_t> amb_keys, amb_values;
  NG_RETURN_IF_ERROR(amb_reader.PodVector(amb_keys));
  NG_RETURN_IF_ERROR(amb_reader.PodVector(amb_values));
  if (amb_keys.size() != amb_values.size()) return Status::Corruption(name + ": section 'ambiguity' is inconsistent");
  for (size_t i = 0; i < amb_keys.size(); ++i) tagger->ambiguity_[amb_keys[i]] = amb_values[i];
  tagger->bidirectional_ = training.is_object() && training.value("bidirectional", false);
  tagger->light_ = tagger->bidirectional_ && training.value("bidirectional_light", false);
  if (tagger->bidirectional_) {
    if (!file.HasSection("weights_r2l")) {
      return Status::Corruption(name + ": the model is bidirectional but section 'weights_r2l' is missing");
    }
    NG_ASSIGN_OR_RETURN(std::string_view r2l, ReadSection(file, "weights_r2l", name, inflated));
    NG_ASSIGN_OR_RETURN(tagger->weights_r2l_, perceptron::SparseWeights::Parse(r2l, name + " section 'weights_r2l'"));
    if (tagger->weights_r2l_.num_classes() != static_cast<int>(tagger->labels_.size())) {
      return Status::Corruption(name + ": section 'weights_r2l' does not match the labels");
    }
  }
  NG_RETURN_IF_ERROR(ReadOptionalSections(file, name, *tagger));
  NG_RETURN_IF_ERROR(tagger->CheckSelfTest(file.selftest(), name));
  return std::shared_ptr<const Tagger>(std::move(tagger));
}

}  // namespace newsgraph::models
