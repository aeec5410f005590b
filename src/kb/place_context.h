// Which place an ambiguous name means in one document. "Alexandria" is a city in
// Egypt, Virginia, Louisiana and Minnesota; the gazetteer alone ranks the biggest
// first. A PlaceContext remembers the countries and admin-1 units a document names
// without ambiguity (a state, a country, a city that has one candidate, the
// dateline's place) and prefers the candidate that lies in them, as a reader does.
//
// Not thread-safe while being filled; one per document. Points into a Gazetteer,
// which must outlive it.
#ifndef NEWSGRAPH_KB_PLACE_CONTEXT_H_
#define NEWSGRAPH_KB_PLACE_CONTEXT_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "kb/gazetteer.h"

namespace newsgraph::kb {

class PlaceContext {
 public:
  explicit PlaceContext(const Gazetteer& gaz) : gaz_(gaz) {}

  // A name the document uses as a place (a GPE/LOC mention, a dateline). Only names
  // whose candidates agree on one country (and admin-1 unit) add to the context.
  void AddName(std::string_view name);
  // The best of `candidates` (gazetteer entry indices in Lookup order) among those
  // `accept` keeps: the first in an admin-1 unit of the context; else, of those in a
  // country of the context, one in the country named most often (the first such country on
  // ties), nearest the context's places within it (the first if the context has no located place) — unless an earlier candidate is a national capital
  // and the context names other countries too or names its country only once ("Paris"
  // stays in France when a story also names the United States); else the first.
  // -1 if `accept` keeps none.
  template <typename Accept>
  int64_t Choose(std::span<const uint32_t> candidates, Accept accept) const;

  // Countries (alpha-3) and admin-1 units (country alpha-3, GeoNames-style code) named.
  const std::map<std::string, int>& countries() const { return countries_; }
  const std::map<std::pair<std::string, std::string>, int>& admin1s() const { return admin1s_; }

 private:
  // The admin-1 unit an entry lies in (country alpha-3, code); empty code if none known.
  std::pair<std::string, std::string> Admin1Of(const GazetteerEntry& e) const;
  bool InContextAdmin1(const GazetteerEntry& e) const;
  // England, Scotland, Wales: subdivisions as wide as a country. Naming England, or a town
  // in it, says no more about which Boston is meant than naming Britain does, so they
  // count for their country only.
  bool NationWide(const std::pair<std::string, std::string>& admin1) const;
  bool InContextCountry(const GazetteerEntry& e) const;

  // True when every place the context knows is in one country, named at least twice.
  bool SingleCountry() const { return countries_.size() == 1 && countries_.begin()->second >= 2; }
  // Squared distance in degrees (longitude scaled) from the mean of the located places.
  double DistanceToCentre(const GazetteerEntry& e) const;

  const Gazetteer& gaz_;
  double lat_sum_ = 0, lon_sum_ = 0;
  int located_ = 0;
  std::map<std::string, int> countries_;
  std::map<std::pair<std::string, std::string>, int> admin1s_;
};

template <typename Accept>
int64_t PlaceContext::Choose(std::span<const uint32_t> candidates, Accept accept) const {
  int64_t first = -1, in_country = -1;
  int in_country_count = 0;
  double in_country_distance = 0;
  bool capital_before = false;
  const bool single_country = SingleCountry();
  for (uint32_t i : candidates) {
    const GazetteerEntry& e = gaz_.entry(i);
    if (!accept(e)) continue;
    if (first < 0) first = i;
    if (InContextAdmin1(e)) return i;
    if (InContextCountry(e) && (!capital_before || single_country)) {
      // The country the story names most (the gazetteer's order between countries named as
      // often), then within it the candidate nearest the story's places. Distance across
      // countries put "Boston" in England when a story of US cities also named London, and
      // "Ontario" in California beside Quebec (the province has no coordinates).
      const int count = countries_.find(e.country)->second;
      const double d = DistanceToCentre(e);
      const bool same_country = in_country >= 0 && gaz_.entry(in_country).country == e.country;
      if (in_country < 0 || count > in_country_count || (same_country && d < in_country_distance)) {
        in_country = i, in_country_count = count, in_country_distance = d;
      }
    }
    capital_before = capital_before || (e.type == EntryType::kCity && e.detail == "PPLC");
  }
  return in_country >= 0 ? in_country : first;
}

}  // namespace newsgraph::kb

#endif  // NEWSGRAPH_KB_PLACE_CONTEXT_H_
