#include "models/parser_core.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>

#include <zlib.h>

#include "base/binary_io.h"
#include "base/checksum.h"
#include "base/inflate.h"

namespace newsgraph::models::parser_internal {
namespace {

// The row sums below are the parser's inner loops; like perceptron.cc, compile them for
// AVX2 as well as the x86-64 baseline and pick one at load (integer sums: same result).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define NG_MULTIVERSION __attribute__((target_clones("avx2", "default")))
#else
#define NG_MULTIVERSION
#endif

// score[c] = sum over the n rows of row[c], c < stride.
// Eight columns at a time over all the rows, so the eight sums stay in one vector register
// (stride is a multiple of 8, checked at load). Summed row by row into `score`, GCC paired up
// rows in a scalar loop: 6,500 instructions a call, four times what this takes.
NG_MULTIVERSION void SumRows(const int16_t* const* rows, int n, int stride, int32_t* __restrict score) {
  for (int c0 = 0; c0 < stride; c0 += 8) {
    int32_t sum[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < n; ++i) {
      const int16_t* row = rows[i] + c0;
      for (int k = 0; k < 8; ++k) sum[k] += row[k];
    }
    for (int k = 0; k < 8; ++k) score[c0 + k] = sum[k];
  }
}

constexpr uint64_t kNone = 0x5bd1e9955bd1e995ULL;  // value of an absent position
constexpr uint64_t kRootValue = 0x2545F4914F6CDD1DULL;

constexpr uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = (a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2))) * 0xBF58476D1CE4E5B9ULL;
  return x ^ (x >> 31);
}

// Shape classes: 0 lower, 1 Capitalised, 2 ALLCAPS, 3 has digit, 4 other.
uint64_t ShapeOf(std::string_view form) {
  bool upper = false, lower = false, digit = false;
  for (unsigned char c : form) {
    upper |= (c >= 'A' && c <= 'Z');
    lower |= (c >= 'a' && c <= 'z');
    digit |= (c >= '0' && c <= '9');
  }
  if (digit) return 3;
  if (upper && !lower) return form.size() > 1 ? 2 : 1;
  if (upper) return (form[0] >= 'A' && form[0] <= 'Z') ? 1 : 4;
  return lower ? 0 : 4;
}

inline int DistBucket(int d) {
  if (d < 0) d = -d;
  if (d <= 5) return d;
  return d <= 10 ? 6 : 7;
}

// Collects hashed feature values; each template has its own id so values never clash.
// Per-template salts Mix(0x1234567, template index), precomputed (the decoder's hot loop).
struct TemplateSalts {
  uint64_t v[kMaxActionFeatures];
  constexpr TemplateSalts() : v() {
    for (int i = 0; i < kMaxActionFeatures; ++i) v[i] = Mix(0x1234567ULL, static_cast<uint64_t>(i));
  }
};
constexpr TemplateSalts kSalts;
static_assert(kMaxLabelFeatures <= kMaxActionFeatures);

class FeatureSink {
 public:
  explicit FeatureSink(uint64_t* out) : out_(out) {}
  // Inlined: GCC otherwise calls out of the ~100-feature functions for every feature.
  [[gnu::always_inline]] void Add(uint64_t a) { out_[n_] = Mix(kSalts.v[n_], a); ++n_; }
  [[gnu::always_inline]] void Add(uint64_t a, uint64_t b) { Add(Mix(a, b)); }
  [[gnu::always_inline]] void Add(uint64_t a, uint64_t b, uint64_t c) { Add(Mix(Mix(a, b), c)); }
  [[gnu::always_inline]] void Add(uint64_t a, uint64_t b, uint64_t c, uint64_t d) { Add(Mix(Mix(Mix(a, b), c), d)); }
  int count() const { return n_; }

 private:
  uint64_t* out_;
  int n_ = 0;
};

inline uint64_t Lab(int label) { return static_cast<uint64_t>(label + 2); }

struct Pos {
  uint64_t w, p, u, c4, c6, cf, sfx, a;
};

inline Pos At(const std::vector<TokenIds>& toks, int i) {
  if (i < 0) return {kNone, kNone, kNone, kNone, kNone, kNone, kNone, kNone};
  const TokenIds& t = toks[i];
  return {t.word, t.xpos, t.upos, t.c4, t.c6, t.cf, t.suffix, t.amb};
}

}  // namespace

std::string CompressTable(const base::TableVector<int16_t>& v) {
  const auto* src = reinterpret_cast<const Bytef*>(v.data());
  uLong src_len = v.size() * sizeof(int16_t);
  uLongf dst_len = compressBound(src_len);
  std::string out(dst_len, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &dst_len, src, src_len, 6);
  out.resize(dst_len);
  return out;
}

Status DecompressTable(const std::string& data, size_t count, base::TableVector<int16_t>& v, const std::string& what) {
  v.assign(count, 0);
  return base::InflateZlib(data, v.data(), count * sizeof(int16_t), what);
}


namespace {

constexpr uint64_t kClusterSeed = 0x436c7573ULL;

uint64_t ClusterKey(std::string_view normalized) {
  const uint64_t h = base::Hash64(normalized, kClusterSeed);
  return h == 0 ? 1 : h;
}

}  // namespace

ClusterIndex::ClusterIndex(const WordClusters& clusters) {
  size_t size = 16;
  while (size < clusters.size() * 2) size *= 2;
  keys_.assign(size, 0);
  codes_.assign(size, 0);
  mask_ = size - 1;
  for (const auto& [word, code] : clusters.words()) {
    const uint64_t key = ClusterKey(word);  // words() are normalized already
    size_t i = key & mask_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    keys_[i] = key;
    codes_[i] = code;
  }
}

uint32_t ClusterIndex::Find(std::string_view lowered) const {
  char buf[64];
  if (lowered.size() > sizeof buf) return 0;  // no cluster has such a long word in practice
  for (size_t i = 0; i < lowered.size(); ++i) {
    const char c = lowered[i];
    buf[i] = (c >= '0' && c <= '9') ? '0' : c;
  }
  const uint64_t key = ClusterKey(std::string_view(buf, lowered.size()));
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (keys_[i] == key) return codes_[i];
    if (keys_[i] == 0) return 0;
  }
}

namespace {
constexpr std::string_view kUposTags[] = {"ADJ",  "ADP",   "ADV",  "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
                                          "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
}  // namespace

uint32_t AmbiguityIndex::UposBit(std::string_view upos) {
  for (size_t i = 0; i < std::size(kUposTags); ++i) {
    if (kUposTags[i] == upos) return 1u << i;
  }
  return 0;
}

AmbiguityIndex::AmbiguityIndex(const std::vector<std::pair<uint64_t, uint32_t>>& entries) : entries_(entries) {
  std::sort(entries_.begin(), entries_.end());
  size_t size = 16;
  while (size < entries_.size() * 2) size *= 2;
  keys_.assign(size, 0);
  masks_.assign(size, 0);
  mask_ = size - 1;
  for (const auto& [word, m] : entries_) {
    const uint64_t key = word == 0 ? 1 : word;
    size_t i = key & mask_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    keys_[i] = key;
    masks_[i] = m;
  }
}

uint32_t AmbiguityIndex::Find(uint64_t word) const {
  if (keys_.empty()) return 0;
  const uint64_t key = word == 0 ? 1 : word;
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (keys_[i] == key) return masks_[i];
    if (keys_[i] == 0) return 0;
  }
}

std::string AmbiguityIndex::Serialize() const {
  base::BinaryWriter w;
  w.U64(entries_.size());
  for (const auto& [word, m] : entries_) {
    w.U64(word);
    w.U32(m);
  }
  return w.Release();
}

StatusOr<AmbiguityIndex> AmbiguityIndex::Deserialize(std::string_view data, const std::string& what) {
  base::BinaryReader r(data, what);
  uint64_t n = 0;
  NG_RETURN_IF_ERROR(r.U64(n));
  if (n > data.size() / 12) return Status::Corruption(what + ": lexicon count " + std::to_string(n) + " is implausible");
  std::vector<std::pair<uint64_t, uint32_t>> entries(n);
  for (auto& [word, m] : entries) {
    NG_RETURN_IF_ERROR(r.U64(word));
    NG_RETURN_IF_ERROR(r.U32(m));
  }
  return AmbiguityIndex(entries);
}

TokenIds EncodeToken(std::string_view form, std::string_view upos, std::string_view xpos,
                     const ClusterIndex* clusters, const AmbiguityIndex* ambiguity) {
  std::string lower(form);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (xpos.empty() || xpos == "_") xpos = upos;
  TokenIds t;
  t.word = base::Hash64(lower, 1);
  t.upos = base::Hash64(upos, 2);
  t.xpos = base::Hash64(xpos, 3);
  std::string_view sv(lower);
  t.suffix = base::Hash64(sv.substr(sv.size() > 3 ? sv.size() - 3 : 0), 4);
  t.shape = ShapeOf(form);
  if (clusters != nullptr) {
    const uint32_t code = clusters->Find(lower);
    t.c4 = WordClusters::Prefix(code, 4);
    t.c6 = WordClusters::Prefix(code, 6);
    t.cf = code;
  }
  if (ambiguity != nullptr) t.amb = ambiguity->Find(t.word);
  return t;
}

void EncodeSentence(const document::Document& doc, const document::Sentence& s, const ClusterIndex* clusters,
                    std::vector<TokenIds>& out, const AmbiguityIndex* ambiguity) {
  out.clear();
  out.push_back({kRootValue, kRootValue, kRootValue, kRootValue, 7, kRootValue, kRootValue, kRootValue, kRootValue});
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const document::Token& t = doc.tokens[i];
    out.push_back(EncodeToken(t.form, t.upos, t.xpos, clusters, ambiguity));
  }
}

void State::Init(int n) {
  n_ = n;
  b_ = 1;
  stack_.clear();
  stack_.reserve(n + 1);
  stack_.push_back(0);
  node_.assign(n + 1, Node());
}

bool State::Allowed(int action) const {
  switch (action) {
    case kShift:
      return b_ <= n_;
    case kLeft:
      return b_ <= n_ && stack_.back() != 0;
    case kRight:
      // Attaching to the root only once the buffer is empty keeps a single root.
      return stack_.size() >= 2 && (stack_[stack_.size() - 2] != 0 || b_ > n_);
  }
  return false;
}

void State::AddArc(int h, int d, int label, int margin) {
  node_[d].head = h;
  node_[d].label = static_cast<int16_t>(label);
  node_[d].margin = static_cast<int16_t>(std::min(margin, 32767));
  Node& hn = node_[h];
  const uint64_t bit = label >= 0 ? (1ULL << (label & 63)) : 0;
  if (d < h) {
    ++hn.nl;
    hn.lset |= bit;
    if (hn.lc1 < 0 || d < hn.lc1) {
      hn.lc2 = hn.lc1;
      hn.lc1 = d;
    } else if (hn.lc2 < 0 || d < hn.lc2) {
      hn.lc2 = d;
    }
  } else {
    ++hn.nr;
    hn.rset |= bit;
    if (hn.rc1 < 0 || d > hn.rc1) {
      hn.rc2 = hn.rc1;
      hn.rc1 = d;
    } else if (hn.rc2 < 0 || d > hn.rc2) {
      hn.rc2 = d;
    }
  }
}

void State::Apply(int action, int label, int margin) {
  if (action == kShift) {
    stack_.push_back(b_++);
    return;
  }
  int h = ArcHead(action);
  int d = stack_.back();
  stack_.pop_back();
  AddArc(h, d, label, margin);
}

// Zhang & Nivre (2011) style templates adapted to arc-hybrid (s0/b0 and s1/s0 are the arc pairs).
int ActionFeatures(const State& st, const std::vector<TokenIds>& toks, int features, uint64_t* out) {
  FeatureSink f(out);
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2), b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  const Pos S0 = At(toks, s0), S1 = At(toks, s1), S2 = At(toks, s2);
  const Pos B0 = At(toks, b0), B1 = At(toks, b1), B2 = At(toks, b2);
  f.Add(1);  // bias
  // Single positions.
  f.Add(S0.w); f.Add(S0.p); f.Add(S0.w, S0.p); f.Add(S0.u);
  f.Add(S1.w); f.Add(S1.p); f.Add(S1.w, S1.p); f.Add(S1.u);
  f.Add(S2.w); f.Add(S2.p);
  f.Add(B0.w); f.Add(B0.p); f.Add(B0.w, B0.p); f.Add(B0.u);
  f.Add(B1.w); f.Add(B1.p); f.Add(B1.w, B1.p); f.Add(B1.u);
  f.Add(B2.w); f.Add(B2.p);
  // Pairs s0-b0 and s1-s0.
  f.Add(S0.w, S0.p, B0.w, B0.p); f.Add(S0.w, S0.p, B0.w); f.Add(S0.w, B0.w, B0.p);
  f.Add(S0.w, S0.p, B0.p); f.Add(S0.p, B0.w, B0.p); f.Add(S0.w, B0.w); f.Add(S0.p, B0.p);
  f.Add(S1.w, S1.p, S0.w, S0.p); f.Add(S1.w, S0.w); f.Add(S1.p, S0.p); f.Add(S1.p, S0.w); f.Add(S1.w, S0.p);
  f.Add(S1.u, S0.u); f.Add(S0.u, B0.u);
  f.Add(B0.p, B1.p); f.Add(B0.w, B1.w); f.Add(B0.p, B1.w); f.Add(B0.w, B1.p);
  // Triples of tags.
  f.Add(B0.p, B1.p, B2.p); f.Add(S0.p, B0.p, B1.p); f.Add(S1.p, S0.p, B0.p); f.Add(S2.p, S1.p, S0.p);
  f.Add(S1.p, S0.p, B1.p); f.Add(S1.u, S0.u, B0.u);
  // Children of s0, s1, b0.
  const int s0l = st.lc1(s0), s0r = st.rc1(s0), s0l2 = st.lc2(s0), s0r2 = st.rc2(s0);
  const int s1l = st.lc1(s1), s1r = st.rc1(s1), b0l = st.lc1(b0), b0l2 = st.lc2(b0);
  const Pos S0L = At(toks, s0l), S0R = At(toks, s0r), S0L2 = At(toks, s0l2), S0R2 = At(toks, s0r2);
  const Pos S1L = At(toks, s1l), S1R = At(toks, s1r), B0L = At(toks, b0l), B0L2 = At(toks, b0l2);
  f.Add(S0L.w); f.Add(S0L.p); f.Add(Lab(st.label(s0l)));
  f.Add(S0R.w); f.Add(S0R.p); f.Add(Lab(st.label(s0r)));
  f.Add(S0L2.w); f.Add(S0L2.p); f.Add(Lab(st.label(s0l2)));
  f.Add(S0R2.w); f.Add(S0R2.p); f.Add(Lab(st.label(s0r2)));
  f.Add(B0L.w); f.Add(B0L.p); f.Add(Lab(st.label(b0l)));
  f.Add(B0L2.w); f.Add(B0L2.p); f.Add(Lab(st.label(b0l2)));
  f.Add(S1L.p, Lab(st.label(s1l))); f.Add(S1R.p, Lab(st.label(s1r)));
  f.Add(S0.p, S0L.p, B0.p); f.Add(S0.p, S0R.p, B0.p); f.Add(S0.p, B0.p, B0L.p);
  f.Add(S1.p, S0.p, S0L.p); f.Add(S1.p, S1R.p, S0.p); f.Add(S1.p, S0.p, S0R.p);
  f.Add(S0.p, S0L.p, S0L2.p); f.Add(S0.p, S0R.p, S0R2.p); f.Add(B0.p, B0L.p, B0L2.p);
  f.Add(S0.p, Lab(st.label(s0l)), Lab(st.label(s0r))); f.Add(B0.p, Lab(st.label(b0l)), Lab(st.label(b0l2)));
  // Distances.
  const uint64_t d0 = s0 >= 0 && b0 >= 0 ? DistBucket(b0 - s0) : 9;
  const uint64_t d1 = s0 >= 0 && s1 >= 0 ? DistBucket(s0 - s1) : 9;
  f.Add(S0.w, d0); f.Add(S0.p, d0); f.Add(B0.w, d0); f.Add(B0.p, d0);
  f.Add(S0.w, B0.w, d0); f.Add(S0.p, B0.p, d0);
  f.Add(S1.p, S0.p, d1); f.Add(S1.w, S0.w, d1); f.Add(S1.w, d1); f.Add(S0.w, d1);
  // Valency.
  f.Add(S0.w, st.nl(s0)); f.Add(S0.p, st.nl(s0)); f.Add(S0.w, st.nr(s0)); f.Add(S0.p, st.nr(s0));
  f.Add(B0.w, st.nl(b0)); f.Add(B0.p, st.nl(b0)); f.Add(S1.p, st.nl(s1)); f.Add(S1.p, st.nr(s1));
  // Label sets.
  f.Add(S0.w, st.lset(s0)); f.Add(S0.p, st.lset(s0)); f.Add(S0.w, st.rset(s0)); f.Add(S0.p, st.rset(s0));
  f.Add(B0.w, st.lset(b0)); f.Add(B0.p, st.lset(b0)); f.Add(S1.p, st.lset(s1)); f.Add(S1.p, st.rset(s1));
  // Stack depth / buffer emptiness, and string neighbours of s0.
  const uint64_t depth = std::min<uint64_t>(st.stack().size(), 4);
  f.Add(depth, b0 < 0 ? 1 : 0);
  f.Add(S0.p, s0 >= 0 ? At(toks, s0 + 1 <= st.n() ? s0 + 1 : -1).p : kNone, B0.p);
  f.Add(S0.p, s0 > 0 ? toks[s0 - 1].xpos : kNone, B0.p);
  f.Add(S0.p, B0.p, b0 > 0 ? toks[b0 - 1].xpos : kNone);
  if (s0 > 0) { f.Add(toks[s0].shape, S0.p, B0.p); } else { f.Add(kNone); }
  if (b0 > 0) { f.Add(toks[b0].shape, toks[b0].suffix); } else { f.Add(kNone); }
  if (features == 2) {
    // Word clusters and suffixes: evidence about s0/b0 that does not go through the
    // (possibly wrong) predicted tags.
    f.Add(S0.c6); f.Add(B0.c6); f.Add(S0.cf); f.Add(B0.cf); f.Add(S0.c6, B0.c6); f.Add(S1.c6, S0.c6);
    f.Add(S0.cf, B0.p); f.Add(S0.p, B0.cf); f.Add(S0.sfx, S0.u); f.Add(B0.sfx, B0.u, S0.u);
  } else if (features >= 3) {
    // Ambiguity classes: which tags the word could have, next to the one it was given.
    f.Add(S0.a, S0.p); f.Add(B0.a, B0.p); f.Add(S1.a, S1.p); f.Add(B1.a, B1.p);
    f.Add(S0.a, B0.a); f.Add(S1.a, S0.a); f.Add(S0.a, B0.p); f.Add(S0.p, B0.a);
    f.Add(S0.a, B0.w); f.Add(S0.w, B0.a); f.Add(B0.a, B1.a); f.Add(S1.a, S0.a, B0.a);
  }
  return f.count();
}

int LabelFeatures(const State& st, const std::vector<TokenIds>& toks, int features, int head, int dep, uint64_t* out) {
  FeatureSink f(out);
  const Pos H = At(toks, head), D = At(toks, dep);
  const uint64_t dir = head == 0 ? 2 : (head < dep ? 1 : 0);
  const uint64_t dist = DistBucket(head - dep);
  const TokenIds& dt = toks[dep];
  f.Add(1);
  f.Add(D.w); f.Add(D.p); f.Add(D.u); f.Add(dt.suffix, D.p); f.Add(dt.shape, D.u);
  f.Add(H.w, dir); f.Add(H.p, dir); f.Add(H.u, dir);
  f.Add(D.p, H.p, dir); f.Add(D.u, H.u, dir, dist); f.Add(D.w, H.p, dir); f.Add(D.p, H.w, dir);
  f.Add(D.w, H.w, dir); f.Add(D.u, H.u, dir); f.Add(D.p, dir, dist);
  // The dependent is complete: its children tell a lot (case -> obl/nmod, aux:pass -> nsubj:pass ...).
  f.Add(D.p, st.lset(dep)); f.Add(D.p, st.rset(dep)); f.Add(D.u, st.lset(dep), st.rset(dep), dir);
  const int dl = st.lc1(dep), dr = st.rc1(dep);
  f.Add(At(toks, dl).w, D.p, dir); f.Add(At(toks, dr).w, D.p); f.Add(Lab(st.label(dl)), D.u, dir);
  f.Add(Lab(st.label(dr)), D.u);
  // Existing siblings and the head's neighbourhood.
  f.Add(H.p, st.lset(head), dir); f.Add(H.p, st.rset(head), dir); f.Add(D.p, H.p, st.lset(head), dir);
  f.Add(H.p, At(toks, st.lc1(head)).w, dir);
  f.Add(D.p, dep > 0 ? toks[dep - 1].xpos : kNone, dir);
  f.Add(D.p, dep < st.n() ? toks[dep + 1].xpos : kNone, dir);
  f.Add(D.w, dep > 0 ? toks[dep - 1].word : kNone);
  f.Add(H.p, head < st.n() ? toks[head + 1].xpos : kNone, D.p, dir);
  f.Add(D.u, H.u, dir, st.stack().size() <= 2 ? 1 : 0);
  if (features == 2) {
    // Clusters and suffixes of both ends, and the head's label context.
    f.Add(D.c6, dir); f.Add(D.cf, dir); f.Add(H.cf, dir); f.Add(D.cf, H.p, dir);
    const int sib = head < dep ? st.rc1(head) : st.lc1(head);  // nearest sibling on the dependent's side
    f.Add(D.p, Lab(st.label(sib)), dir);
  } else if (features >= 3) {
    f.Add(D.a, D.p); f.Add(D.a, H.p, dir); f.Add(D.p, H.a, dir); f.Add(D.a, H.a, dir);
  }
  return f.count();
}

base::TableVector<int16_t> Quantize(const std::vector<float>& w) {
  float max_abs = 0;
  for (float x : w) max_abs = std::max(max_abs, std::fabs(x));
  base::TableVector<int16_t> q(w.size(), 0);
  if (max_abs == 0) return q;
  const float scale = 32000.0f / max_abs;
  for (size_t i = 0; i < w.size(); ++i) q[i] = static_cast<int16_t>(std::lround(w[i] * scale));
  return q;
}

std::string Weights::Serialize() const {
  base::BinaryWriter w;
  w.U32(action_bits);
  w.U32(label_bits);
  w.U32(label_stride);
  w.U32(static_cast<uint32_t>(labels.size()));
  for (const std::string& l : labels) w.String(l);
  w.String(CompressTable(action));
  w.String(CompressTable(label));
  return w.Release();
}

StatusOr<Weights> Weights::Deserialize(std::string_view data, const std::string& what) {
  base::BinaryReader r(data, what);
  Weights w;
  uint32_t ab = 0, lb = 0, stride = 0, nlabels = 0;
  NG_RETURN_IF_ERROR(r.U32(ab));
  NG_RETURN_IF_ERROR(r.U32(lb));
  NG_RETURN_IF_ERROR(r.U32(stride));
  NG_RETURN_IF_ERROR(r.U32(nlabels));
  if (ab < 8 || ab > 26 || lb < 8 || lb > 24 || nlabels == 0 || nlabels > 256 || stride < nlabels ||
      stride % 8 != 0 || stride > 264) {
    return Status::Corruption(what + ": implausible table shape (action_bits " + std::to_string(ab) +
                              ", label_bits " + std::to_string(lb) + ", labels " + std::to_string(nlabels) + ")");
  }
  w.action_bits = static_cast<int>(ab);
  w.label_bits = static_cast<int>(lb);
  w.label_stride = static_cast<int>(stride);
  w.labels.resize(nlabels);
  for (uint32_t i = 0; i < nlabels; ++i) {
    NG_RETURN_IF_ERROR(r.String(w.labels[i]));
    if (w.labels[i] == "root") w.root_label = static_cast<int>(i);
  }
  if (w.root_label < 0) return Status::Corruption(what + ": label set has no 'root'");
  std::string blob;
  NG_RETURN_IF_ERROR(r.String(blob));
  NG_RETURN_IF_ERROR(DecompressTable(blob, (size_t{1} << ab) * 4, w.action, what + " action table"));
  NG_RETURN_IF_ERROR(r.String(blob));
  NG_RETURN_IF_ERROR(DecompressTable(blob, (size_t{1} << lb) * stride, w.label, what + " label table"));
  return w;
}

int ActionRows(const Weights& w, const State& st, const std::vector<TokenIds>& toks, uint64_t* feats,
               const int16_t** rows) {
  const int n = ActionFeatures(st, toks, w.features, feats);
  // The tables are larger than the caches: issue every load first, sum later.
  for (int i = 0; i < n; ++i) {
    rows[i] = &w.action[static_cast<size_t>(RowOf(feats[i], w.action_bits)) * 4];
    __builtin_prefetch(rows[i]);
  }
  return n;
}

NG_MULTIVERSION void SumActionRows(const int16_t* const* rows, int n, int32_t* score) {
  // Local sums: stores to `score` in the loop could not be kept in registers.
  int32_t sum[4] = {0, 0, 0, 0};
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < 4; ++c) sum[c] += rows[i][c];
  }
  for (int c = 0; c < 4; ++c) score[c] = sum[c];
}

void ActionScores(const Weights& w, const State& st, const std::vector<TokenIds>& toks, uint64_t* feats,
                  int32_t* score) {
  const int16_t* rows[kMaxActionFeatures];
  SumActionRows(rows, ActionRows(w, st, toks, feats, rows), score);
}

int BestLabel(const Weights& w, const State& st, const std::vector<TokenIds>& toks, int head, int dep,
              uint64_t* feats, int* margin) {
  if (head == 0) {
    if (margin != nullptr) *margin = 32767;
    return w.root_label;
  }
  const int n = LabelFeatures(st, toks, w.features, head, dep, feats);
  const int16_t* rows[kMaxLabelFeatures];
  LabelRows(w, feats, n, rows);
  return BestLabelOfRows(w, rows, n, margin);
}

void LabelRows(const Weights& w, const uint64_t* feats, int n, const int16_t** rows) {
  const int bytes = w.label_stride * 2;
  for (int i = 0; i < n; ++i) {
    rows[i] = &w.label[static_cast<size_t>(RowOf(feats[i], w.label_bits)) * w.label_stride];
    const char* p = reinterpret_cast<const char*>(rows[i]);
    for (int off = 0; off < bytes; off += 64) __builtin_prefetch(p + off);
    __builtin_prefetch(p + bytes - 1);
  }
}

int BestLabelOfRows(const Weights& w, const int16_t* const* rows, int n, int* margin) {
  int32_t score[264];
  SumRows(rows, n, w.label_stride, score);
  // One pass for the best (first on ties) and the runner-up.
  int best = -1;
  int64_t best_score = INT64_MIN, second = INT64_MIN;
  for (int l = 0; l < static_cast<int>(w.labels.size()); ++l) {
    if (l == w.root_label) continue;
    if (best < 0 || score[l] > best_score) {
      second = best_score;
      best_score = score[l];
      best = l;
    } else if (score[l] > second) {
      second = score[l];
    }
  }
  if (margin != nullptr) {
    *margin = second == INT64_MIN ? 32767 : static_cast<int>(std::min<int64_t>(32767, best_score - second));
  }
  return best;
}

int ScoreLabel(const Weights& w, const uint64_t* feats, int n) {
  const int16_t* rows[kMaxLabelFeatures];
  LabelRows(w, feats, n, rows);
  return BestLabelOfRows(w, rows, n);
}

void ParseTokens(const Weights& w, const std::vector<TokenIds>& toks, std::vector<int>& heads,
                 std::vector<int>& labels, std::vector<int>* margins) {
  if (w.beam > 1) {
    ParseTokensBeam(w, toks, w.beam, heads, labels, margins);
    return;
  }
  thread_local State st;
  uint64_t feats[kMaxActionFeatures];
  const int n = static_cast<int>(toks.size()) - 1;
  st.Init(n);
  while (!st.Terminal()) {
    int32_t score[4];
    ActionScores(w, st, toks, feats, score);
    int a = -1;
    for (int c = 0; c < kNumActions; ++c) {
      if (st.Allowed(c) && (a < 0 || score[c] > score[a])) a = c;
    }
    int label = -1, margin = 0;
    if (a != kShift) label = BestLabel(w, st, toks, st.ArcHead(a), st.ArcDep(), feats, &margin);
    st.Apply(a, label, margin);
  }
  st.Result(heads, labels, margins);
}

void State::Result(std::vector<int>& heads, std::vector<int>& labels, std::vector<int>* margins) const {
  heads.assign(n_ + 1, 0);
  labels.assign(n_ + 1, -1);
  if (margins != nullptr) margins->assign(n_ + 1, 0);
  for (int i = 1; i <= n_; ++i) {
    heads[i] = node_[i].head;
    labels[i] = node_[i].label;
    if (margins != nullptr) (*margins)[i] = node_[i].margin;
  }
}

}  // namespace newsgraph::models::parser_internal
