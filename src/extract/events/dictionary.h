// Internal to extract/events: the event coder's tables (data/events/, described in
// docs/formats/events.md): the generated CAMEO code table, the project's verb and
// noun patterns, agent words, known actors and named facilities.
// A loaded EventDictionary is immutable and shared by all threads.
#ifndef NEWSGRAPH_EXTRACT_EVENTS_DICTIONARY_H_
#define NEWSGRAPH_EXTRACT_EVENTS_DICTIONARY_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/file.h"
#include "base/status.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract::events {

// One CAMEO code with the facts the table gives about it.
struct CameoCode {
  std::string code;  // "043"
  std::string root;  // "04"
  int quad = 0;
  double goldstein = 0;
  std::string plover, plover_mode, plover_context;
  std::string name;
};

// One line of verbs.tsv / nouns.tsv.
struct Pattern {
  std::string lemma;
  std::vector<std::string> particles;             // words that must follow ("down" in "step down")
  std::vector<std::vector<std::string>> require;  // each: one of these lemmas must be in the clause
  std::vector<std::string> forbid;                // none of these lemmas may be in the clause
  std::vector<std::string> subject;               // one of these lemmas must head the subject (or its "of" noun)
  std::string code;
  std::string plover;       // override of the CAMEO table's PLOVER type; "" = the table's
  std::string plover_mode;  // with the override
  int line = 0;
  int Specificity() const {
    return 1 + 10 * static_cast<int>(particles.size()) + 5 * static_cast<int>(require.size()) +
           (subject.empty() ? 0 : 5);
  }
};

struct Facility {
  std::string name, country, admin1, feature;
  double lat = 0, lon = 0;
};

class EventDictionary {
 public:
  // The files Load reads; all must exist in the directory.
  static constexpr const char* kFiles[] = {"cameo_codes.tsv", "verbs.tsv", "nouns.tsv",
                                           "agents.tsv",      "actors.tsv", "facilities.tsv"};
  // $NEWSGRAPH_EVENTS if set, else <source dir>/data/events.
  static std::string DefaultDir();
  // Loads every file of kFiles from `dir`. Errors name "file:line" and what is wrong.
  static StatusOr<EventDictionary> Load(const std::string& dir, base::FileSystem& fs = base::LocalFileSystem());

  // Parsers for one file's content, named by its base name (kFiles); `path` is used
  // in messages. Patterns are checked against the codes already parsed, so parse
  // cameo_codes.tsv first. Exposed for tests and the fuzzer.
  Status Parse(const std::string& path, std::string_view data);

  const CameoCode* Code(std::string_view code) const;
  std::span<const Pattern> VerbPatterns(std::string_view lemma) const { return Find(verbs_, lemma); }
  std::span<const Pattern> NounPatterns(std::string_view lemma) const { return Find(nouns_, lemma); }
  // Sector for an agent word or two-word title (normalized, "prime minister"); "" if none.
  std::string_view AgentSector(std::string_view normalized) const;
  // Actor code of a known actor by normalized name; "" if none.
  std::string_view KnownActor(std::string_view normalized) const;
  const Facility* FindFacility(std::string_view normalized) const;
  size_t num_patterns() const { return num_patterns_; }
  // Every verb and noun pattern (for coverage checks).
  std::vector<const Pattern*> AllPatterns() const {
    std::vector<const Pattern*> out;
    for (const PatternMap* map : {&verbs_, &nouns_}) {
      for (const auto& [lemma, list] : *map) {
        for (const Pattern& p : list) out.push_back(&p);
      }
    }
    return out;
  }

 private:
  using PatternMap = std::unordered_map<std::string, std::vector<Pattern>, kb::StringHash, std::equal_to<>>;
  static std::span<const Pattern> Find(const PatternMap& map, std::string_view lemma);
  Status ParseLine(std::string_view base, std::string_view line, int line_no);
  Status ParseCode(const std::vector<std::string_view>& f);
  Status ParsePattern(const std::vector<std::string_view>& f, int line_no, PatternMap& into);

  std::unordered_map<std::string, CameoCode, kb::StringHash, std::equal_to<>> codes_;
  PatternMap verbs_, nouns_;
  std::unordered_map<std::string, std::string, kb::StringHash, std::equal_to<>> agents_, actors_;
  std::unordered_map<std::string, Facility, kb::StringHash, std::equal_to<>> facilities_;
  size_t num_patterns_ = 0;
};

}  // namespace newsgraph::extract::events

#endif  // NEWSGRAPH_EXTRACT_EVENTS_DICTIONARY_H_
