#include "kb/place_context.h"

#include <cmath>
#include <set>

namespace newsgraph::kb {
namespace {

bool IsPlace(const GazetteerEntry& e) {
  return e.type == EntryType::kCountry || e.type == EntryType::kAdmin1 || e.type == EntryType::kCity;
}

}  // namespace

std::pair<std::string, std::string> PlaceContext::Admin1Of(const GazetteerEntry& e) const {
  switch (e.type) {
    case EntryType::kAdmin1: {
      // ISO 3166-2 "US-MN": the part after the dash is GeoNames' code where both use letters.
      const size_t dash = e.code.find('-');
      return {e.country, dash == std::string::npos ? std::string() : e.code.substr(dash + 1)};
    }
    case EntryType::kCity: return {e.country, e.code};
    default: return {e.country, ""};
  }
}

bool PlaceContext::NationWide(const std::pair<std::string, std::string>& admin1) const {
  const GazetteerEntry* country = gaz_.CountryByCode(admin1.first);
  return country != nullptr && gaz_.IsNationWide(country->detail + "-" + admin1.second);
}

bool PlaceContext::InContextAdmin1(const GazetteerEntry& e) const {
  if (e.type != EntryType::kCity && e.type != EntryType::kAdmin1) return false;
  auto key = Admin1Of(e);
  return !key.second.empty() && admin1s_.count(key) > 0;
}

bool PlaceContext::InContextCountry(const GazetteerEntry& e) const {
  return !e.country.empty() && countries_.count(e.country) > 0;
}

void PlaceContext::AddName(std::string_view name) {
  std::set<std::string> countries;
  std::set<std::pair<std::string, std::string>> admin1s;
  bool any = false;
  const GazetteerEntry* located = nullptr;
  for (uint32_t i : gaz_.LookupNormalized(Gazetteer::Normalize(name))) {
    const GazetteerEntry& e = gaz_.entry(i);
    if (!IsPlace(e)) continue;
    any = true;
    if (located == nullptr && e.has_coordinates && e.type != EntryType::kCountry) located = &e;
    countries.insert(e.country);
    admin1s.insert(Admin1Of(e));
  }
  if (!any || countries.size() != 1 || countries.begin()->empty()) return;
  ++countries_[*countries.begin()];
  if (admin1s.size() == 1 && !admin1s.begin()->second.empty() && !NationWide(*admin1s.begin())) {
    ++admin1s_[*admin1s.begin()];
    if (located != nullptr) {  // a town or a state: a point of the story's area (a country is too wide)
      lat_sum_ += located->lat;
      lon_sum_ += located->lon;
      ++located_;
    }
  }
}

double PlaceContext::DistanceToCentre(const GazetteerEntry& e) const {
  if (!e.has_coordinates) return 1e9;  // an unlocated candidate is never the nearest
  if (located_ == 0) return 0;
  const double lat = lat_sum_ / located_, lon = lon_sum_ / located_;
  const double dlat = e.lat - lat, dlon = (e.lon - lon) * std::cos(lat * 3.14159265358979323846 / 180);
  return dlat * dlat + dlon * dlon;
}

}  // namespace newsgraph::kb
