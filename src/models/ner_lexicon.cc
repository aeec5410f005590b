#include "models/ner_lexicon.h"

#include <algorithm>
#include <numeric>

#include "base/binary_io.h"
#include "base/checksum.h"

namespace newsgraph::models {

static_assert(sizeof(NerLexEntry) == 12, "NerLexEntry is stored as 12 raw bytes");

NerLexicon::NerLexicon(std::vector<std::pair<uint64_t, NerLexEntry>> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, entry] : entries) {
    if (!keys_.empty() && keys_.back() == key) continue;
    keys_.push_back(key);
    entries_.push_back(entry);
  }
}

uint64_t NerLexicon::KeyOf(std::string_view lower) { return base::Hash64(lower, 0x4C4558u); }

bool NerLexicon::OftenLowercase(uint64_t lex_cap) {
  // Reads the code CapCode (ner_lexicon_trainer.cc) writes: 1 + ratio bucket * 3 + frequency
  // bucket, 30 for a word never seen mid-sentence.
  if (lex_cap < 2 || lex_cap - 1 >= 30) return false;
  const uint64_t code = lex_cap - 2;  // ratio bucket * 3 + frequency bucket
  const uint64_t ratio = code / 3, frequency = code % 3;
  return ratio <= 3 && frequency >= 1;  // ratio buckets 0-3: capitalized in under 80 %
}

const NerLexEntry* NerLexicon::Find(uint64_t key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return nullptr;
  return &entries_[static_cast<size_t>(it - keys_.begin())];
}

NerLexicon NerLexicon::WithTypes(const std::vector<std::pair<uint64_t, uint16_t>>& types) const {
  std::vector<std::pair<uint64_t, NerLexEntry>> entries;
  entries.reserve(keys_.size() + types.size());
  for (const auto& [key, code] : types) {
    const NerLexEntry* old = Find(key);
    NerLexEntry e = old != nullptr ? *old : NerLexEntry{};
    e.types = code;
    entries.emplace_back(key, e);
  }
  for (size_t i = 0; i < keys_.size(); ++i) entries.emplace_back(keys_[i], entries_[i]);  // later duplicates dropped
  return NerLexicon(std::move(entries));
}

std::string NerLexicon::Serialize() const {
  base::BinaryWriter w;
  w.PodVector(keys_);
  w.PodVector(entries_);
  return w.Release();
}

StatusOr<NerLexicon> NerLexicon::Parse(std::string_view data, const std::string& name) {
  base::BinaryReader r(data, name);
  NerLexicon out;
  NG_RETURN_IF_ERROR(r.PodVector(out.keys_));
  NG_RETURN_IF_ERROR(r.PodVector(out.entries_));
  if (out.keys_.size() != out.entries_.size()) {
    return Status::Corruption(name + ": " + std::to_string(out.keys_.size()) + " keys but " +
                              std::to_string(out.entries_.size()) + " entries");
  }
  for (size_t i = 1; i < out.keys_.size(); ++i) {
    if (out.keys_[i - 1] >= out.keys_[i]) {
      return Status::Corruption(name + ": keys not sorted at entry " + std::to_string(i));
    }
  }
  if (r.remaining() != 0) return Status::Corruption(name + ": " + std::to_string(r.remaining()) + " trailing bytes");
  return out;
}

}  // namespace newsgraph::models
