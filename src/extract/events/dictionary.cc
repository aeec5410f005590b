#include "extract/events/dictionary.h"

#include <charconv>
#include <cstdlib>

#include "base/strings.h"

namespace newsgraph::extract::events {
namespace {

constexpr uint64_t kMaxFileBytes = 16ull << 20;
constexpr size_t kMaxLineBytes = 4096;

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsUpper(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || c == '_')) return false;
  }
  return true;
}

bool ParseDouble(std::string_view s, double& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitAlternatives(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view part : base::Split(s, '|')) {
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::string BaseName(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

}  // namespace

std::string EventDictionary::DefaultDir() {
  const char* env = std::getenv("NEWSGRAPH_EVENTS");
  if (env != nullptr && *env != '\0') return env;
  return std::string(NEWSGRAPH_SOURCE_DIR) + "/data/events";
}

StatusOr<EventDictionary> EventDictionary::Load(const std::string& dir, base::FileSystem& fs) {
  EventDictionary dict;
  for (const char* name : kFiles) {
    std::string path = dir + "/" + name;
    if (!fs.Exists(path)) return Status::NotFound(path + ": event dictionary file missing");
    NG_ASSIGN_OR_RETURN(std::string data, fs.ReadFile(path, kMaxFileBytes));
    NG_RETURN_IF_ERROR(dict.Parse(path, data));
  }
  return dict;
}

Status EventDictionary::Parse(const std::string& path, std::string_view data) {
  std::string base = BaseName(path);
  bool known = false;
  for (const char* name : kFiles) known = known || base == name;
  if (!known) return Status::InvalidArgument(path + ": not an event dictionary file name");
  return base::ForEachTableLine(data, path, [&](std::string_view line, size_t line_no) {
    return line.size() > kMaxLineBytes ? Status::InvalidArgument("line longer than 4096 bytes")
                                       : ParseLine(base, line, static_cast<int>(line_no));
  });
}

Status EventDictionary::ParseLine(std::string_view base, std::string_view line, int line_no) {
  std::vector<std::string_view> f = base::Split(line, '\t');
  if (base == "cameo_codes.tsv") return ParseCode(f);
  if (base == "verbs.tsv") return ParsePattern(f, line_no, verbs_);
  if (base == "nouns.tsv") return ParsePattern(f, line_no, nouns_);
  if (base == "agents.tsv" || base == "actors.tsv") {
    if (f.size() != 2) return Status::InvalidArgument("expected 2 tab-separated columns, found " + std::to_string(f.size()));
    std::string key = kb::Gazetteer::Normalize(f[0]);
    if (key.empty()) return Status::InvalidArgument("empty name");
    if (!IsUpper(f[1])) return Status::InvalidArgument("bad code '" + std::string(f[1]) + "' (upper-case letters)");
    (base == "agents.tsv" ? agents_ : actors_)[key] = std::string(f[1]);
    return Status::Ok();
  }
  // facilities.tsv
  if (f.size() != 6) return Status::InvalidArgument("expected 6 tab-separated columns, found " + std::to_string(f.size()));
  Facility fac{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[5])};
  if (!IsUpper(f[1]) || f[1].size() != 3) return Status::InvalidArgument("bad country code '" + std::string(f[1]) + "'");
  if (!ParseDouble(f[3], fac.lat) || fac.lat < -90 || fac.lat > 90) {
    return Status::InvalidArgument("bad latitude '" + std::string(f[3]) + "'");
  }
  if (!ParseDouble(f[4], fac.lon) || fac.lon < -180 || fac.lon > 180) {
    return Status::InvalidArgument("bad longitude '" + std::string(f[4]) + "'");
  }
  std::string key = kb::Gazetteer::Normalize(f[0]);
  if (key.empty()) return Status::InvalidArgument("empty facility name");
  facilities_[key] = std::move(fac);
  return Status::Ok();
}

Status EventDictionary::ParseCode(const std::vector<std::string_view>& f) {
  if (f.size() != 8) return Status::InvalidArgument("expected 8 tab-separated columns, found " + std::to_string(f.size()));
  CameoCode c;
  c.code = std::string(f[0]);
  c.root = std::string(f[1]);
  if (!IsDigits(c.code) || c.code.size() < 2 || c.code.size() > 4 || c.code.compare(0, 2, c.root) != 0) {
    return Status::InvalidArgument("bad CAMEO code '" + c.code + "' for root '" + c.root + "'");
  }
  if (f[2].size() != 1 || f[2][0] < '1' || f[2][0] > '4') {
    return Status::InvalidArgument("bad quad class '" + std::string(f[2]) + "'");
  }
  c.quad = f[2][0] - '0';
  if (!ParseDouble(f[3], c.goldstein) || c.goldstein < -10 || c.goldstein > 10) {
    return Status::InvalidArgument("bad Goldstein weight '" + std::string(f[3]) + "'");
  }
  c.plover = std::string(f[4]);
  c.plover_mode = std::string(f[5]);
  c.plover_context = std::string(f[6]);
  c.name = std::string(f[7]);
  std::string code = c.code;
  codes_[code] = std::move(c);
  return Status::Ok();
}

Status EventDictionary::ParsePattern(const std::vector<std::string_view>& f, int line_no, PatternMap& into) {
  if (f.size() < 2 || f.size() > 3) {
    return Status::InvalidArgument("expected 2 or 3 tab-separated columns (pattern, code[, PLOVER]), found " +
                                   std::to_string(f.size()));
  }
  Pattern p;
  p.line = line_no;
  for (std::string_view word : base::Split(Trim(f[0]), ' ')) {
    if (word.empty()) continue;
    if (word[0] == '+' || word[0] == '-' || word[0] == '@') {
      std::vector<std::string> alts = SplitAlternatives(word.substr(1));
      if (alts.empty()) return Status::InvalidArgument("empty word list after '" + std::string(1, word[0]) + "'");
      if (p.lemma.empty()) return Status::InvalidArgument("pattern starts with '" + std::string(word) + "', not a lemma");
      if (word[0] == '+') {
        p.require.push_back(std::move(alts));
      } else if (word[0] == '@') {
        if (!p.subject.empty()) return Status::InvalidArgument("more than one subject list ('@')");
        p.subject = std::move(alts);
      } else {
        p.forbid.insert(p.forbid.end(), alts.begin(), alts.end());
      }
    } else if (p.lemma.empty()) {
      p.lemma = std::string(word);
    } else {
      p.particles.emplace_back(word);
    }
  }
  if (p.lemma.empty()) return Status::InvalidArgument("empty pattern");
  std::string_view code = Trim(f[1]);
  if (Code(code) == nullptr) return Status::InvalidArgument("unknown CAMEO code '" + std::string(code) + "'");
  p.code = std::string(code);
  if (f.size() == 3 && !Trim(f[2]).empty()) {
    std::string_view plover = Trim(f[2]);
    size_t colon = plover.find(':');
    p.plover = std::string(plover.substr(0, colon));
    if (colon != std::string_view::npos) p.plover_mode = std::string(plover.substr(colon + 1));
    if (!IsUpper(p.plover)) return Status::InvalidArgument("bad PLOVER type '" + p.plover + "'");
  }
  std::string lemma = p.lemma;
  into[lemma].push_back(std::move(p));
  ++num_patterns_;
  return Status::Ok();
}

const CameoCode* EventDictionary::Code(std::string_view code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

std::span<const Pattern> EventDictionary::Find(const PatternMap& map, std::string_view lemma) {
  auto it = map.find(lemma);
  if (it == map.end()) return {};
  return it->second;
}

std::string_view EventDictionary::AgentSector(std::string_view normalized) const {
  auto it = agents_.find(normalized);
  return it == agents_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view EventDictionary::KnownActor(std::string_view normalized) const {
  auto it = actors_.find(normalized);
  return it == actors_.end() ? std::string_view() : std::string_view(it->second);
}

const Facility* EventDictionary::FindFacility(std::string_view normalized) const {
  auto it = facilities_.find(normalized);
  return it == facilities_.end() ? nullptr : &it->second;
}

}  // namespace newsgraph::extract::events
