// BuildNerLexicon (declared in models/ner_trainer.h): word profiles from raw text.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

#include "base/strings.h"
#include "models/ner_features.h"
#include "models/ner_trainer.h"

namespace newsgraph::models {
namespace {

constexpr int kNeighbours = 1000;  // left/right contexts are among this many most frequent words

struct RawToken {
  uint32_t word;
  bool cap;    // first letter upper case
  bool start;  // first word of a sentence or paragraph
};

struct WordStats {
  int64_t total = 0, mid = 0, cap_mid = 0, cap = 0;
  int64_t after_title = 0, after_loc = 0, before_company = 0, before_cap = 0, after_cap = 0, before_said = 0;
};

bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsUpperAscii(unsigned char c) { return c >= 'A' && c <= 'Z'; }

bool MostlyUpperCase(std::string_view text) {
  size_t upper = 0, letters = 0;
  for (unsigned char c : text) {
    if (IsAlpha(c)) ++letters, upper += IsUpperAscii(c);
  }
  return letters > 0 && upper * 2 > letters;
}

// Whitespace-separated chunks with outer punctuation stripped and "'s" split off;
// sentence starts after . ! ? and at paragraph breaks (a newline then a space).
void Tokenize(std::string_view text, std::unordered_map<std::string, uint32_t>& ids,
              std::vector<std::string>& words, std::vector<RawToken>& out) {
  bool start = true;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == ' ') start = true;
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view chunk = text.substr(i, j - i);
    i = j;
    while (!chunk.empty() && std::string_view("(<\"'`[").find(chunk.front()) != std::string_view::npos) {
      chunk.remove_prefix(1);
    }
    bool ends = false;
    while (!chunk.empty() && std::string_view(".,;:!?)>\"']").find(chunk.back()) != std::string_view::npos) {
      ends |= chunk.back() == '.' || chunk.back() == '!' || chunk.back() == '?';
      chunk.remove_suffix(1);
    }
    if (chunk.size() > 2 && chunk.ends_with("'s")) chunk.remove_suffix(2);
    if (chunk.empty() || !std::any_of(chunk.begin(), chunk.end(), [](char c) { return IsAlpha(c); })) {
      start |= ends;
      continue;
    }
    std::string lower = base::AsciiLower(chunk);
    auto [it, added] = ids.emplace(lower, static_cast<uint32_t>(words.size()));
    if (added) words.push_back(lower);
    out.push_back({it->second, IsUpperAscii(static_cast<unsigned char>(chunk.front())), start});
    start = ends;
  }
}

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

void CountContexts(const std::vector<RawToken>& toks, const std::vector<std::string>& words,
                   std::vector<WordStats>& stats) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const RawToken& t = toks[i];
    WordStats& s = stats[t.word];
    ++s.total;
    if (!t.start) ++s.mid, s.cap_mid += t.cap;
    if (!t.cap) continue;
    ++s.cap;
    const std::string* prev = i > 0 && !t.start ? &words[toks[i - 1].word] : nullptr;
    const bool has_next = i + 1 < toks.size() && !toks[i + 1].start;
    const std::string* next = has_next ? &words[toks[i + 1].word] : nullptr;
    if (prev != nullptr) {
      s.after_title += ner_internal::IsTitleWord(*prev);
      s.after_loc += In(*prev, {"in", "at", "from", "near", "to"});
      s.after_cap += toks[i - 1].cap;
    }
    if (next != nullptr) {
      s.before_company += In(*next, {"inc", "corp", "co", "ltd", "plc", "group", "bank", "ag", "sa", "nv",
                                     "corporation", "company", "industries", "holdings", "international"});
      s.before_cap += toks[i + 1].cap;
      s.before_said += *next == "said";
    }
  }
}

uint8_t CapCode(const WordStats& s) {
  if (s.mid == 0) return 30;
  double r = static_cast<double>(s.cap_mid) / static_cast<double>(s.mid);
  int rb = r < 0.01 ? 0 : r < 0.2 ? 1 : r < 0.5 ? 2 : r < 0.8 ? 3 : r < 0.98 ? 4 : 5;
  int fb = s.mid < 10 ? 0 : s.mid < 100 ? 1 : 2;
  return static_cast<uint8_t>(1 + rb * 3 + fb);
}

uint8_t CtxCode(const WordStats& s) {
  if (s.cap < 3) return 0;
  auto share = [&](int64_t n, double min) { return static_cast<double>(n) >= min * static_cast<double>(s.cap); };
  uint8_t c = 0;
  if (share(s.after_title, 0.1)) c |= NerLexicon::kAfterTitle;
  if (share(s.after_loc, 0.2)) c |= NerLexicon::kAfterLocative;
  if (share(s.before_company, 0.1)) c |= NerLexicon::kBeforeCompany;
  if (share(s.before_cap, 0.5)) c |= NerLexicon::kBeforeCap;
  if (share(s.after_cap, 0.5)) c |= NerLexicon::kAfterCap;
  if (share(s.before_said, 0.1)) c |= NerLexicon::kBeforeSaid;
  return c;
}

// For each word, its most frequent left and right neighbour among the top words (1-based ids).
void Neighbours(const std::vector<RawToken>& toks, const std::vector<uint16_t>& top_id,
                std::vector<std::array<uint16_t, 2>>& best) {
  std::unordered_map<uint64_t, uint32_t> counts;  // (word << 17 | side << 16 | nbr) -> count
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i > 0 && !toks[i].start && top_id[toks[i - 1].word] != 0) {
      ++counts[uint64_t{toks[i].word} << 17 | top_id[toks[i - 1].word]];
    }
    if (i + 1 < toks.size() && !toks[i + 1].start && top_id[toks[i + 1].word] != 0) {
      ++counts[uint64_t{toks[i].word} << 17 | 1u << 16 | top_id[toks[i + 1].word]];
    }
  }
  std::vector<std::array<uint32_t, 2>> best_count(best.size(), {1, 1});  // require at least 2
  for (const auto& [key, n] : counts) {
    uint32_t word = static_cast<uint32_t>(key >> 17);
    int side = static_cast<int>(key >> 16 & 1);
    uint16_t nbr = static_cast<uint16_t>(key & 0xFFFF);
    if (n > best_count[word][side] || (n == best_count[word][side] && best[word][side] != 0 && nbr < best[word][side])) {
      best_count[word][side] = n;
      best[word][side] = nbr;
    }
  }
}

}  // namespace

NerLexicon BuildNerLexicon(const std::vector<std::string>& texts, int min_count,
                           const std::vector<std::pair<std::string, uint32_t>>& clusters) {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words;
  std::vector<RawToken> toks;
  for (const std::string& text : texts) {
    if (MostlyUpperCase(text)) continue;  // all-caps stories say nothing about capitalisation
    Tokenize(text, ids, words, toks);
  }
  std::vector<WordStats> stats(words.size());
  CountContexts(toks, words, stats);
  std::vector<uint32_t> order(words.size());
  for (uint32_t w = 0; w < order.size(); ++w) order[w] = w;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return stats[a].total != stats[b].total ? stats[a].total > stats[b].total : words[a] < words[b];
  });
  std::vector<uint16_t> top_id(words.size(), 0);
  for (size_t r = 0; r < order.size() && r < kNeighbours; ++r) top_id[order[r]] = static_cast<uint16_t>(r + 1);
  std::vector<std::array<uint16_t, 2>> best(words.size(), {0, 0});
  Neighbours(toks, top_id, best);
  std::unordered_map<uint64_t, NerLexEntry> entries;
  for (uint32_t w = 0; w < words.size(); ++w) {
    if (stats[w].total < min_count) continue;
    NerLexEntry& e = entries[NerLexicon::KeyOf(words[w])];
    e.cap = CapCode(stats[w]);
    e.ctx = CtxCode(stats[w]);
    e.left = best[w][0];
    e.right = best[w][1];
  }
  for (const auto& [word, code] : clusters) entries[NerLexicon::KeyOf(word)].cluster = code;
  return NerLexicon({entries.begin(), entries.end()});
}

}  // namespace newsgraph::models
