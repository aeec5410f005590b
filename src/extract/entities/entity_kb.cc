#include "extract/entities/entity_kb.h"

#include <algorithm>
#include <cstdlib>

#include "base/strings.h"

namespace newsgraph::extract {
namespace {

constexpr uint64_t kMaxFileBytes = 8ull << 20;

int CountWords(std::string_view key) { return 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')); }

bool IsSector(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsAlpha3(std::string_view s) { return s.empty() || IsSector(s); }

}  // namespace

class EntityKbBuilder {
 public:
  explicit EntityKbBuilder(EntityKb& kb) : kb_(kb) {}

  Status ParseFile(const std::string& path, std::string_view data) {
    std::string base = path.substr(path.find_last_of('/') + 1);
    return base::ForEachTableLine(data, path, [&](std::string_view line, size_t) {
      std::vector<std::string_view> f = base::Split(line, '\t');
      return base == "roles.tsv" ? Role(f) : base == "sectors.tsv" ? Sector(f) : Actor(f);
    });
  }

  // given_names.tsv: lowercase name, gender (F or M).
  Status ParseGivenNames(const std::string& path, std::string_view data) {
    return base::ForEachTableLine(data, path, [&](std::string_view line, size_t) {
      std::vector<std::string_view> f = base::Split(line, '\t');
      NG_RETURN_IF_ERROR(Expect(f, 2));
      if (f[0].empty()) return Status::InvalidArgument("empty name");
      if (f[1] != "F" && f[1] != "M") return Status::InvalidArgument("gender must be F or M");
      kb_.given_names_[base::AsciiLower(f[0])] = f[1][0];
      return Status::Ok();
    });
  }

 private:
  using Fields = std::vector<std::string_view>;
  static Status Expect(const Fields& f, size_t n) {
    if (f.size() == n) return Status::Ok();
    return Status::InvalidArgument("expected " + std::to_string(n) + " tab-separated columns, found " +
                                   std::to_string(f.size()));
  }

  Status Role(const Fields& f) {
    if (f.size() != 5) NG_RETURN_IF_ERROR(Expect(f, 4));
    RoleWord r;
    std::string key = kb::Gazetteer::Normalize(f[0]);
    if (key.empty()) return Status::InvalidArgument("empty role phrase");
    // An abbreviation ("lt gen") is kept as the role its fifth column spells out.
    r.phrase = f.size() == 5 ? kb::Gazetteer::Normalize(f[4]) : key;
    if (r.phrase.empty()) return Status::InvalidArgument("empty role written out");
    if (f[1] != "-" && !IsSector(f[1])) return Status::InvalidArgument("bad sector '" + std::string(f[1]) + "'");
    if (f[1] != "-") r.sector = std::string(f[1]);
    if (f[2] != "M" && f[2] != "F" && f[2] != "-") return Status::InvalidArgument("gender must be M, F or -");
    r.gender = f[2][0];
    if (f[3] == "role") {
      r.kind = RoleWord::Kind::kRole;
    } else if (f[3] == "title") {
      r.kind = RoleWord::Kind::kTitle;
    } else if (f[3] == "honorific") {
      r.kind = RoleWord::Kind::kHonorific;
    } else if (f[3] == "kin") {
      r.kind = RoleWord::Kind::kKin;
    } else {
      return Status::InvalidArgument("kind must be role, title, honorific or kin");
    }
    r.words = CountWords(key);
    kb_.max_role_words_ = std::max(kb_.max_role_words_, r.words);
    kb_.roles_[key] = std::move(r);
    return Status::Ok();
  }

  Status Sector(const Fields& f) {
    NG_RETURN_IF_ERROR(Expect(f, 2));
    std::string key = kb::Gazetteer::Normalize(f[0]);
    if (key.empty()) return Status::InvalidArgument("empty sector word");
    if (!IsSector(f[1])) return Status::InvalidArgument("bad sector '" + std::string(f[1]) + "'");
    kb_.sectors_[key] = std::string(f[1]);
    return Status::Ok();
  }

  Status Actor(const Fields& f) {
    NG_RETURN_IF_ERROR(Expect(f, 5));
    std::vector<std::string_view> names;
    for (std::string_view n : base::Split(f[0], '|')) {
      if (!n.empty()) names.push_back(n);
    }
    if (names.empty()) return Status::InvalidArgument("no names");
    if (f[1].empty()) return Status::InvalidArgument("empty type");
    if (!IsAlpha3(f[2])) return Status::InvalidArgument("bad country code '" + std::string(f[2]) + "'");
    if (!f[3].empty() && !IsSector(f[3])) return Status::InvalidArgument("bad sector '" + std::string(f[3]) + "'");
    KnownActor a{std::string(names[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4])};
    kb_.actors_.push_back(std::move(a));
    uint32_t index = static_cast<uint32_t>(kb_.actors_.size() - 1);
    for (std::string_view n : names) {
      std::string key = kb::Gazetteer::Normalize(n);
      if (key.empty()) continue;
      kb_.max_actor_words_ = std::max(kb_.max_actor_words_, CountWords(key));
      kb_.actor_names_.emplace(std::move(key), index);
    }
    return Status::Ok();
  }

  EntityKb& kb_;
};

std::string EntityKb::DefaultDir() {
  const char* env = std::getenv("NEWSGRAPH_KB");
  if (env != nullptr && *env != '\0') return env;
  return std::string(NEWSGRAPH_SOURCE_DIR) + "/data/kb";
}

std::string EntityKb::DefaultGivenNamesFile() { return kb::Gazetteer::DefaultDir() + "/given_names.tsv"; }

StatusOr<std::shared_ptr<const EntityKb>> EntityKb::Load(const std::string& dir, base::FileSystem& fs,
                                                        const std::string& given_names_file) {
  auto kb = std::make_shared<EntityKb>();
  EntityKbBuilder builder(*kb);
  for (const char* name : kFiles) {
    std::string path = dir + "/" + name;
    if (!fs.Exists(path)) return Status::NotFound(path + ": entity knowledge-base file missing");
    NG_ASSIGN_OR_RETURN(std::string data, fs.ReadFile(path, kMaxFileBytes));
    NG_RETURN_IF_ERROR(builder.ParseFile(path, data));
  }
  if (!given_names_file.empty()) {
    if (!fs.Exists(given_names_file)) return Status::NotFound(given_names_file + ": given-name list missing");
    NG_ASSIGN_OR_RETURN(std::string data, fs.ReadFile(given_names_file, kMaxFileBytes));
    NG_RETURN_IF_ERROR(builder.ParseGivenNames(given_names_file, data));
  }
  return std::shared_ptr<const EntityKb>(std::move(kb));
}

const RoleWord* EntityKb::Role(std::string_view key) const {
  auto it = roles_.find(key);
  return it == roles_.end() ? nullptr : &it->second;
}

const KnownActor* EntityKb::Actor(std::string_view key) const {
  auto it = actor_names_.find(key);
  return it == actor_names_.end() ? nullptr : &actors_[it->second];
}

char EntityKb::GivenNameGender(std::string_view lower) const {
  auto it = given_names_.find(lower);
  return it == given_names_.end() ? '-' : it->second;
}

std::string_view EntityKb::SectorWord(std::string_view key) const {
  auto it = sectors_.find(key);
  return it == sectors_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace newsgraph::extract
