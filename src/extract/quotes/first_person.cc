// First-person pronouns inside a quote are its speaker's mentions (quotes.h).
#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/strings.h"
#include "extract/quotes/quotes.h"

namespace newsgraph::extract {
namespace {

bool IsFirstPersonSingular(std::string_view form) {
  std::string lower = base::AsciiLower(form);
  return lower == "i" || lower == "me" || lower == "my" || lower == "mine" || lower == "myself";
}

// For each token (in text order), the innermost direct or partial quote with a
// person speaker that contains it, or -1. Quotes nest (a quote inside a quote), so
// a stack of open quotes sorted by start suffices: O(tokens + quotes log quotes).
std::vector<int> InnermostSpokenQuote(const document::Document& doc, const std::vector<uint32_t>& tokens) {
  std::vector<int> order;
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const document::Quote& quote = doc.quotes[q];
    if (quote.kind == "indirect" || quote.speaker < 0 || quote.speaker >= static_cast<int>(doc.entities.size())) continue;
    if (doc.entities[quote.speaker].type != "PERSON") continue;
    order.push_back(static_cast<int>(q));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const document::Span &x = doc.quotes[a].span, &y = doc.quotes[b].span;
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });
  std::vector<int> out(tokens.size(), -1);
  std::vector<int> open;
  size_t next = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const document::Span& t = doc.tokens[tokens[k]].span;
    while (next < order.size() && doc.quotes[order[next]].span.start <= t.start) {
      open.push_back(order[next++]);
    }
    // Drop quotes that ended before this token; an outer quote that still holds the
    // token stays below an inner one that does not.
    while (!open.empty() && doc.quotes[open.back()].span.end < t.end) open.pop_back();
    if (!open.empty()) out[k] = open.back();
  }
  return out;
}

}  // namespace

void LinkFirstPersonToSpeakers(document::Document& doc) {
  std::vector<uint32_t> candidates;
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    const document::Token& t = doc.tokens[i];
    if (t.upos == "PRON" && IsFirstPersonSingular(t.form)) candidates.push_back(i);
  }
  if (candidates.empty() || doc.quotes.empty()) return;
  std::vector<int> quote_of = InnermostSpokenQuote(doc, candidates);
  std::unordered_set<uint32_t> taken;  // starts of existing mentions
  for (const document::Mention& m : doc.mentions) taken.insert(m.span.start);
  std::vector<document::Mention> added;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const document::Span& span = doc.tokens[candidates[k]].span;
    if (quote_of[k] < 0 || taken.count(span.start) > 0) continue;
    added.push_back({span, "PERSON", "pronoun", doc.quotes[quote_of[k]].speaker});
  }
  if (added.empty()) return;

  // Merge in text order, keeping the old mentions' relative order, and renumber
  // everything that points at a mention.
  const size_t old_count = doc.mentions.size();
  std::vector<document::Mention> merged;
  merged.reserve(old_count + added.size());
  std::vector<uint32_t> new_index(old_count);
  std::vector<uint32_t> added_index;
  size_t a = 0;
  for (size_t m = 0; m <= old_count; ++m) {
    while (a < added.size() && (m == old_count || added[a].span.start < doc.mentions[m].span.start)) {
      added_index.push_back(static_cast<uint32_t>(merged.size()));
      merged.push_back(added[a++]);
    }
    if (m == old_count) break;
    new_index[m] = static_cast<uint32_t>(merged.size());
    merged.push_back(std::move(doc.mentions[m]));
  }
  doc.mentions = std::move(merged);
  for (document::Entity& e : doc.entities) {
    for (uint32_t& m : e.mentions) m = m < old_count ? new_index[m] : m;
  }
  for (uint32_t m : added_index) doc.entities[doc.mentions[m].entity].mentions.push_back(m);
  for (const document::Mention& m : added) {
    std::vector<uint32_t>& list = doc.entities[m.entity].mentions;
    std::sort(list.begin(), list.end());
  }
  for (document::Quote& q : doc.quotes) {
    if (q.speaker_mention >= 0 && q.speaker_mention < static_cast<int>(old_count)) {
      q.speaker_mention = static_cast<int>(new_index[q.speaker_mention]);
    }
  }
}

}  // namespace newsgraph::extract
