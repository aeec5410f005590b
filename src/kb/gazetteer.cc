#include "kb/gazetteer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "base/strings.h"

namespace newsgraph::kb {
namespace {

// The fields every table row sets; the optional ones (coordinates, population, FIPS) are set by the row's reader.
GazetteerEntry MakeEntry(EntryType type, std::string name, std::string code, std::string country, std::string detail) {
  GazetteerEntry e;
  e.type = type;
  e.name = std::move(name);
  e.code = std::move(code);
  e.country = std::move(country);
  e.detail = std::move(detail);
  return e;
}

constexpr uint64_t kMaxFileBytes = 64ull << 20;

std::vector<std::string_view> SplitBars(std::string_view list) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string_view::npos) bar = list.size();
    if (bar > start) out.push_back(list.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

bool ParseDouble(std::string_view s, double& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool ParseInt(std::string_view s, int64_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool IsUpperAlpha(std::string_view s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Lower-cases ASCII and keeps [a-z0-9]; everything else is a separator.
void AppendFoldedAscii(char c, std::string& out, bool& pending_space) {
  bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  if (c >= 'A' && c <= 'Z') {
    c = static_cast<char>(c - 'A' + 'a');
    alnum = true;
  }
  if (!alnum) {
    pending_space = !out.empty();
    return;
  }
  if (pending_space) out.push_back(' ');
  pending_space = false;
  out.push_back(c);
}

std::string NormalizeUnicode(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  icu::UnicodeString decomposed = U_SUCCESS(err) ? nfd->normalize(u, err) : u;
  if (U_FAILURE(err)) decomposed = u;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // Transliterations mark 'ayn and hamza with these; the press drops them: "Ma’rib" is
    // "Marib", "Şanʻā’" "Sana". (The ASCII apostrophe stays a word break, as in the text.)
    if (c == 0x2019 || c == 0x2018 || c == 0x02BB || c == 0x02BC || c == 0x02BE || c == 0x02BF) continue;
    if (u_isalnum(c)) {
      kept.append(static_cast<UChar32>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
    } else {
      kept.append(static_cast<UChar32>(' '));
    }
  }
  std::string utf8;
  kept.toUTF8String(utf8);
  std::string out;
  bool pending_space = false;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    } else {
      AppendFoldedAscii(c, out, pending_space);
    }
  }
  return out;
}

int Rank(const GazetteerEntry& e) {
  switch (e.type) {
    case EntryType::kCountry: return 0;
    case EntryType::kOrganization: return 1;
    case EntryType::kDemonym: return 2;
    case EntryType::kCity: return e.detail == "PPLC" ? 3 : 5;
    case EntryType::kAdmin1: return 4;
    case EntryType::kRegion: return 5;
  }
  return 6;
}

}  // namespace

const char* EntryTypeName(EntryType type) {
  switch (type) {
    case EntryType::kCountry: return "country";
    case EntryType::kAdmin1: return "admin1";
    case EntryType::kCity: return "city";
    case EntryType::kOrganization: return "org";
    case EntryType::kDemonym: return "demonym";
    case EntryType::kRegion: return "region";
  }
  return "?";
}

std::string Gazetteer::Normalize(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return NormalizeUnicode(text);
  }
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) AppendFoldedAscii(c, out, pending_space);
  return out;
}

bool Gazetteer::MakesContinental(std::string_view previous, std::string_view demonym) {
  if (demonym != "american" && demonym != "americans") return false;
  return previous == "north" || previous == "south" || previous == "latin" || previous == "central" ||
         previous == "pan";
}

std::string Gazetteer::DefaultDir() {
  const char* env = std::getenv("NEWSGRAPH_GAZETTEER");
  if (env != nullptr && *env != '\0') return env;
  return std::string(NEWSGRAPH_SOURCE_DIR) + "/data/gazetteer";
}

// The spelling the English-language press uses for a town GeoNames transliterates from
// Russian letter by letter: word-final "yy" and "iy" are written "y" ("Groznyy" -> "Grozny",
// "Nizhniy Novgorod" -> "Nizhny Novgorod"). Only for the former Soviet republics, where the
// system applies; "" when nothing changes.
std::string PressSpelling(std::string_view ascii_name, std::string_view country) {
  static constexpr std::string_view kSoviet[] = {"RUS", "UKR", "BLR", "KAZ", "UZB", "KGZ",
                                                 "TJK", "TKM", "AZE", "ARM", "GEO", "MDA"};
  if (std::find(std::begin(kSoviet), std::end(kSoviet), country) == std::end(kSoviet)) return "";
  std::string out;
  bool changed = false;
  size_t start = 0;
  while (start <= ascii_name.size()) {
    size_t end = ascii_name.find(' ', start);
    if (end == std::string_view::npos) end = ascii_name.size();
    std::string word(ascii_name.substr(start, end - start));
    if (word.size() > 3 && (word.ends_with("yy") || word.ends_with("iy"))) {
      word.erase(word.size() - 2);
      word += 'y';
      changed = true;
    }
    out += (start > 0 ? " " : "") + word;
    start = end + 1;
  }
  return changed ? out : "";
}

// Parses the files row by row into a Gazetteer under construction.
class GazetteerBuilder {
 public:
  GazetteerBuilder() : gaz_(new Gazetteer()) {}

  Status ParseFile(const std::string& file, std::string_view data);
  std::shared_ptr<const Gazetteer> Finish();

 private:
  using Fields = std::vector<std::string_view>;
  Status ParseRow(const std::string& file, const Fields& f);
  Status Country(const Fields& f);
  Status Admin1(const Fields& f);
  Status Place(const Fields& f);
  Status Demonym(const Fields& f);
  Status Organization(const Fields& f);
  Status Region(const Fields& f);
  void AddName(std::string_view name, uint32_t index);
  uint32_t Add(GazetteerEntry e) {
    gaz_->entries_.push_back(std::move(e));
    return static_cast<uint32_t>(gaz_->entries_.size() - 1);
  }
  static Status ParseCoordinates(std::string_view lat, std::string_view lon, GazetteerEntry& e) {
    if (!ParseDouble(lat, e.lat) || e.lat < -90 || e.lat > 90) {
      return Status::InvalidArgument("bad latitude '" + std::string(lat) + "'");
    }
    if (!ParseDouble(lon, e.lon) || e.lon < -180 || e.lon > 180) {
      return Status::InvalidArgument("bad longitude '" + std::string(lon) + "'");
    }
    e.has_coordinates = true;
    return Status::Ok();
  }
  static Status Expect(const Fields& f, size_t n) {
    if (f.size() == n) return Status::Ok();
    return Status::InvalidArgument("expected " + std::to_string(n) + " tab-separated columns, found " +
                                   std::to_string(f.size()));
  }

  std::unique_ptr<Gazetteer> gaz_;
};

Status GazetteerBuilder::ParseFile(const std::string& file, std::string_view data) {
  return base::ForEachTableLine(data, file, [&](std::string_view line, size_t) { return ParseRow(file, base::Split(line, '\t')); });
}

Status GazetteerBuilder::ParseRow(const std::string& file, const Fields& f) {
  std::string base = file.substr(file.find_last_of('/') + 1);
  if (base == "countries.tsv") return Country(f);
  if (base == "admin1.tsv") return Admin1(f);
  if (base == "places.tsv") return Place(f);
  if (base == "demonyms.tsv") return Demonym(f);
  if (base == "organizations.tsv") return Organization(f);
  if (base == "regions.tsv") return Region(f);
  return Status::InvalidArgument("unknown gazetteer file");
}

Status GazetteerBuilder::Country(const Fields& f) {
  NG_RETURN_IF_ERROR(Expect(f, 7));
  if (!IsUpperAlpha(f[0], 3)) return Status::InvalidArgument("bad alpha-3 code '" + std::string(f[0]) + "'");
  if (!IsUpperAlpha(f[1], 2)) return Status::InvalidArgument("bad alpha-2 code '" + std::string(f[1]) + "'");
  if (f[2].empty()) return Status::InvalidArgument("empty country name");
  if (!f[6].empty() && !IsUpperAlpha(f[6], 2)) return Status::InvalidArgument("bad FIPS code '" + std::string(f[6]) + "'");
  GazetteerEntry e = MakeEntry(EntryType::kCountry, std::string(f[2]), std::string(f[0]), std::string(f[0]), std::string(f[1]));
  e.fips = std::string(f[6]);
  if (!f[4].empty() || !f[5].empty()) {  // both or neither
    NG_RETURN_IF_ERROR(ParseCoordinates(f[4], f[5], e));
  }
  uint32_t index = Add(std::move(e));
  gaz_->country_by_code_.emplace(std::string(f[0]), index);
  AddName(f[2], index);
  for (std::string_view name : SplitBars(f[3])) AddName(name, index);
  return Status::Ok();
}

Status GazetteerBuilder::Admin1(const Fields& f) {
  NG_RETURN_IF_ERROR(Expect(f, 6));
  if (f[0].size() < 4 || f[0][2] != '-') return Status::InvalidArgument("bad ISO 3166-2 code '" + std::string(f[0]) + "'");
  if (!f[1].empty() && !IsUpperAlpha(f[1], 3)) return Status::InvalidArgument("bad alpha-3 code '" + std::string(f[1]) + "'");
  // Names are |-separated since the project's English ones were added ("Bavaria|Bayern"); the first is displayed.
  std::vector<std::string_view> names = SplitBars(f[2]);
  if (names.empty()) return Status::InvalidArgument("empty subdivision name");
  GazetteerEntry e =
      MakeEntry(EntryType::kAdmin1, std::string(names[0]), std::string(f[0]), std::string(f[1]), std::string(f[3]));
  if (!f[4].empty() || !f[5].empty()) NG_RETURN_IF_ERROR(ParseCoordinates(f[4], f[5], e));
  if (e.detail == "Country") gaz_->nation_wide_.insert(std::string(f[0]));
  const uint32_t index = Add(std::move(e));
  for (std::string_view name : names) AddName(name, index);
  return Status::Ok();
}

Status GazetteerBuilder::Place(const Fields& f) {
  // The ninth column, the English names of a town GeoNames names otherwise, is optional.
  if (f.size() != 9) NG_RETURN_IF_ERROR(Expect(f, 8));
  if (f[0].empty()) return Status::InvalidArgument("empty place name");
  GazetteerEntry e = MakeEntry(EntryType::kCity, std::string(f[0]), std::string(f[3]), std::string(f[2]), std::string(f[6]));
  NG_RETURN_IF_ERROR(ParseCoordinates(f[4], f[5], e));
  if (!ParseInt(f[7], e.population) || e.population < 0) {
    return Status::InvalidArgument("bad population '" + std::string(f[7]) + "'");
  }
  uint32_t index = Add(std::move(e));
  AddName(f[0], index);
  AddName(f[1], index);
  if (std::string press = PressSpelling(f[1], f[2]); !press.empty()) AddName(press, index);
  // GeoNames qualifies a few names after a comma ("Washington, D.C."); the news writes the
  // name before it.
  if (size_t comma = f[0].find(", "); comma != std::string_view::npos && comma > 0) {
    AddName(f[0].substr(0, comma), index);
  }
  if (f.size() == 9) {
    for (std::string_view name : SplitBars(f[8])) AddName(name, index);
  }
  return Status::Ok();
}

Status GazetteerBuilder::Demonym(const Fields& f) {
  NG_RETURN_IF_ERROR(Expect(f, 2));
  // "-": a religious or ethnic group that belongs to no one country (Kurds, Muslims).
  const bool group = f[0] == "-";
  if (!group && !IsUpperAlpha(f[0], 3)) {
    return Status::InvalidArgument("bad alpha-3 code '" + std::string(f[0]) + "' (or '-' for a group of no country)");
  }
  std::vector<std::string_view> names = SplitBars(f[1]);
  if (names.empty()) return Status::InvalidArgument("no demonyms listed");
  const std::string country = group ? "" : std::string(f[0]);
  GazetteerEntry e = MakeEntry(EntryType::kDemonym, std::string(names[0]), country, country, group ? "group" : "");
  uint32_t index = Add(std::move(e));
  for (std::string_view name : names) AddName(name, index);
  return Status::Ok();
}

Status GazetteerBuilder::Organization(const Fields& f) {
  NG_RETURN_IF_ERROR(Expect(f, 4));
  if (f[0].empty() || f[1].empty()) return Status::InvalidArgument("empty organization code or name");
  GazetteerEntry e = MakeEntry(EntryType::kOrganization, std::string(f[1]), std::string(f[0]), "", std::string(f[3]));
  uint32_t index = Add(std::move(e));
  AddName(f[1], index);
  for (std::string_view name : SplitBars(f[2])) AddName(name, index);
  return Status::Ok();
}

Status GazetteerBuilder::Region(const Fields& f) {
  if (f.size() != 1 && f.size() != 2) {
    return Status::InvalidArgument("expected 1 or 2 tab-separated columns, found " + std::to_string(f.size()));
  }
  std::vector<std::string_view> names = SplitBars(f[0]);
  if (names.empty()) return Status::InvalidArgument("empty region name");
  const std::string country = f.size() == 2 ? std::string(f[1]) : std::string();
  if (!country.empty() && !IsUpperAlpha(country, 3)) {
    return Status::InvalidArgument("bad alpha-3 code '" + country + "'");
  }
  const uint32_t index = Add(MakeEntry(EntryType::kRegion, std::string(names[0]), "", country, ""));
  for (std::string_view name : names) AddName(name, index);
  return Status::Ok();
}

void GazetteerBuilder::AddName(std::string_view name, uint32_t index) {
  std::string key = Gazetteer::Normalize(name);
  if (key.empty()) return;
  std::vector<uint32_t>& list = gaz_->by_name_[key];
  if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
  int words = 1;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] != ' ') continue;
    gaz_->prefixes_.insert(key.substr(0, i));
    ++words;
  }
  gaz_->prefixes_.insert(key);
  gaz_->max_words_ = std::max(gaz_->max_words_, words);
}

std::shared_ptr<const Gazetteer> GazetteerBuilder::Finish() {
  const std::vector<GazetteerEntry>& entries = gaz_->entries_;
  for (auto& [key, list] : gaz_->by_name_) {
    // Subdivisions of one name in several countries ("Gaza": a province of Mozambique, a
    // governorate of Palestine) go by the biggest town of that name in their country.
    std::unordered_map<std::string, int64_t> namesake;
    for (uint32_t i : list) {
      if (entries[i].type == EntryType::kCity) {
        int64_t& p = namesake[entries[i].country];
        p = std::max(p, entries[i].population);
      }
    }
    auto weight = [&](const GazetteerEntry& e) -> int64_t {
      if (e.type != EntryType::kAdmin1) return e.population;
      auto it = namesake.find(e.country);
      return it == namesake.end() ? 0 : it->second;
    };
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      int ra = Rank(entries[a]), rb = Rank(entries[b]);
      if (ra != rb) return ra < rb;
      return weight(entries[a]) > weight(entries[b]);
    });
  }
  return std::shared_ptr<const Gazetteer>(gaz_.release());
}

StatusOr<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& dir, base::FileSystem& fs) {
  GazetteerBuilder builder;
  for (const char* name : kFiles) {
    std::string path = dir + "/" + name;
    if (!fs.Exists(path)) {
      return Status::NotFound(path + ": gazetteer file missing (regenerate with tools/gazetteer/build_gazetteer.sh)");
    }
    NG_ASSIGN_OR_RETURN(std::string data, fs.ReadFile(path, kMaxFileBytes));
    NG_RETURN_IF_ERROR(builder.ParseFile(path, data));
  }
  for (const char* name : kOptionalFiles) {
    std::string path = dir + "/" + name;
    if (!fs.Exists(path)) continue;
    NG_ASSIGN_OR_RETURN(std::string data, fs.ReadFile(path, kMaxFileBytes));
    NG_RETURN_IF_ERROR(builder.ParseFile(path, data));
  }
  return builder.Finish();
}

const GazetteerEntry* Gazetteer::CountryByCode(std::string_view alpha3) const {
  auto it = country_by_code_.find(alpha3);
  return it == country_by_code_.end() ? nullptr : &entries_[it->second];
}

std::vector<const GazetteerEntry*> Gazetteer::Lookup(std::string_view name) const {
  std::vector<const GazetteerEntry*> out;
  for (uint32_t index : LookupNormalized(Normalize(name))) out.push_back(&entries_[index]);
  return out;
}

std::span<const uint32_t> Gazetteer::LookupNormalized(std::string_view key) const {
  auto it = by_name_.find(key);
  if (it == by_name_.end()) return {};
  return it->second;
}

}  // namespace newsgraph::kb
