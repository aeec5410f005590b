#include "extract/quotes/lexicon.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <string>
#include <utility>

#include "base/strings.h"

namespace newsgraph::extract::quotes {
namespace {

// Sorted so lookups are binary searches (no static constructors).
template <size_t N>
bool In(const std::array<std::string_view, N>& sorted, std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

// Lemmas that introduce a content clause or quoted words.
constexpr std::array<std::string_view, 61> kContentCues = {
    "acknowledge", "add", "admit", "advise", "affirm", "allege", "announce", "answer",
    "argue", "assert", "assure", "believe", "boast", "caution", "claim", "comment",
    "complain", "concede", "conclude", "confirm", "contend", "continue", "declare", "deny",
    "disclose", "emphasise", "emphasize", "estimate", "explain", "fear", "hint", "indicate",
    "insist", "joke", "maintain", "mention", "note", "observe", "predict", "promise",
    "recall", "reiterate", "remark", "remind", "reply", "report", "respond", "reveal",
    "say", "signal", "speculate", "state", "stress", "suggest", "tell", "testify",
    "think", "tweet", "vow", "warn", "write"};

// Lemmas that attribute quoted words but take no content clause.
constexpr std::array<std::string_view, 22> kQuoteOnlyCues = {
    "accuse", "ask",    "blast",   "call",   "condemn", "criticise", "criticize", "decry",
    "describe", "dismiss", "express", "hail", "label",  "lament",    "pledge",    "praise",
    "quip",   "slam",   "thank",   "urge",   "welcome", "wonder"};

// Inflected forms for documents without lemmas (unparsed input).
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kForms = {{
    {"added", "add"},     {"adds", "add"},       {"announced", "announce"}, {"argued", "argue"},
    {"asked", "ask"},     {"assured", "assure"}, {"claimed", "claim"},      {"confirmed", "confirm"},
    {"explained", "explain"}, {"insisted", "insist"}, {"noted", "note"},    {"reported", "report"},
    {"reports", "report"}, {"said", "say"},      {"says", "say"},           {"stated", "state"},
    {"stressed", "stress"}, {"told", "tell"},    {"tells", "tell"},         {"thinks", "think"},
    {"thought", "think"}, {"warned", "warn"},    {"warns", "warn"},         {"wrote", "write"}}};

constexpr std::array<std::string_view, 6> kReporting = {"disclose", "report", "reveal", "say", "tell", "write"};

constexpr std::array<std::string_view, 14> kPronouns = {"he",   "her",  "him",  "i",  "it",  "she",  "that",
                                                        "them", "they", "this", "we", "which", "who", "you"};

constexpr std::array<std::string_view, 62> kPersonNouns = {
    "adviser",   "advisor",   "aide",      "ambassador", "analyst",    "attorney",   "author",     "boss",
    "candidate", "ceo",       "chairman",  "chairwoman", "chancellor", "chief",      "coach",      "commander",
    "commissioner", "congressman", "congresswoman", "counsel", "diplomat", "director", "doctor",  "economist",
    "envoy",     "executive", "expert",    "founder",    "general",    "governor",   "head",       "host",
    "judge",     "king",      "lawmaker",  "lawyer",     "leader",     "manager",    "mayor",      "minister",
    "negotiator", "nominee",  "officer",   "official",    "premier",    "president",  "professor",  "prosecutor",
    "queen",     "representative", "researcher", "secretary", "senator", "source", "speaker", "spokesman",
    "spokesperson", "spokeswoman", "strategist", "witness", "worker", "writer"};

constexpr std::array<std::string_view, 12> kOutletNouns = {"agency",  "broadcaster", "channel", "daily",
                                                           "magazine", "network",    "newspaper", "outlet",
                                                           "paper",   "station",     "television", "website"};

}  // namespace

std::string_view CueLemma(std::string_view form, std::string_view lemma) {
  std::string l = base::AsciiLower(lemma.empty() ? form : lemma);
  for (auto [b, e] : {std::pair(kContentCues.begin(), kContentCues.end()),
                      std::pair(kQuoteOnlyCues.begin(), kQuoteOnlyCues.end())}) {
    auto it = std::lower_bound(b, e, std::string_view(l));
    if (it != e && *it == l) return *it;
  }
  std::string f = base::AsciiLower(form);
  for (const auto& [inflected, base] : kForms) {
    if (inflected == f) return base;
  }
  return {};
}

bool TakesContentClause(std::string_view cue_lemma) { return In(kContentCues, cue_lemma); }
bool IsReportingCue(std::string_view cue_lemma) { return In(kReporting, cue_lemma); }
bool IsPersonalPronoun(std::string_view lower) { return In(kPronouns, lower); }
bool IsPersonNoun(std::string_view lower) { return In(kPersonNouns, lower); }
bool IsTitleWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kTitles = {"dr", "dr.", "lord", "mr", "mr.", "mrs", "mrs.", "ms",
                                                               "ms.", "pope", "prime", "sir"};
  return IsPersonNoun(lower) || In(kTitles, lower);
}
bool IsOutletNoun(std::string_view lower) { return In(kOutletNouns, lower); }

}  // namespace newsgraph::extract::quotes
