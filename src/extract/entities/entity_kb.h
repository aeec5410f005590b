// Internal to extract/entities: the project's own tables of role words, sector
// words and named actors (data/kb/*.tsv, format in docs/formats/actors.md), and
// the gender of common given names (data/gazetteer/given_names.tsv, generated;
// docs/formats/gazetteer.md).
// Immutable after Load; share across threads.
#ifndef NEWSGRAPH_EXTRACT_ENTITIES_ENTITY_KB_H_
#define NEWSGRAPH_EXTRACT_ENTITIES_ENTITY_KB_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/file.h"
#include "base/status.h"
#include "kb/gazetteer.h"

namespace newsgraph::extract {

struct RoleWord {
  std::string phrase;  // normalized, as kept in roles ("defence minister"; "lieutenant general" for "lt gen")
  std::string sector;  // "" = take the organization's
  char gender = '-';   // 'M', 'F' or '-'
  enum class Kind { kRole, kTitle, kHonorific, kKin } kind = Kind::kRole;
  int words = 1;       // words of the phrase as written in the text ("lt gen": 2)
};

struct KnownActor {
  std::string name;     // canonical
  std::string type;     // ORG, FAC ...
  std::string country;  // alpha-3
  std::string sector;
  std::string code;     // actor code when not country + sector
};

class EntityKb {
 public:
  static constexpr const char* kFiles[] = {"roles.tsv", "sectors.tsv", "actors.tsv"};

  // Loads kFiles from `dir`, and the given names of `given_names_file` unless it is "".
  // Malformed rows fail with kInvalidArgument "file:line: why"; a missing file with kNotFound.
  static StatusOr<std::shared_ptr<const EntityKb>> Load(const std::string& dir,
                                                       base::FileSystem& fs = base::LocalFileSystem(),
                                                       const std::string& given_names_file = "");
  // kb::Gazetteer::DefaultDir() + "/given_names.tsv".
  static std::string DefaultGivenNamesFile();
  // $NEWSGRAPH_KB if set, else <source dir>/data/kb.
  static std::string DefaultDir();

  // Lookups by kb::Gazetteer::Normalize'd key; nullptr when unknown.
  const RoleWord* Role(std::string_view key) const;
  const KnownActor* Actor(std::string_view key) const;
  // 'F' or 'M' for a given name whose gender is clear ("hillary" F; "andrea", female in
  // English and male in Italian, '-'), '-' for other words. `lower` is lowercased.
  char GivenNameGender(std::string_view lower) const;
  size_t num_given_names() const { return given_names_.size(); }
  // The sector a normalized word ("ministry") gives; "" when none.
  std::string_view SectorWord(std::string_view key) const;
  // Most words of any role / actor name (bounds the scans).
  int max_role_words() const { return max_role_words_; }
  int max_actor_words() const { return max_actor_words_; }
  size_t num_roles() const { return roles_.size(); }
  size_t num_actors() const { return actors_.size(); }

 private:
  friend class EntityKbBuilder;
  std::unordered_map<std::string, RoleWord, kb::StringHash, std::equal_to<>> roles_;
  std::unordered_map<std::string, std::string, kb::StringHash, std::equal_to<>> sectors_;
  std::vector<KnownActor> actors_;
  std::unordered_map<std::string, uint32_t, kb::StringHash, std::equal_to<>> actor_names_;
  std::unordered_map<std::string, char, kb::StringHash, std::equal_to<>> given_names_;  // lowercased -> F/M
  int max_role_words_ = 1;
  int max_actor_words_ = 1;
};

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_ENTITIES_ENTITY_KB_H_
