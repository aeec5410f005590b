// ParseQueryParams: every raw parameter checked before any SQL runs.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "serve/query.h"

namespace newsgraph::serve {
namespace {

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

bool AllOf(const std::string& s, bool (*ok)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), ok); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperOrUnderscore(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }

StatusOr<int> ParseInt(const std::string& name, const std::string& v, int lo, int hi) {
  int out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < lo || out > hi) {
    return Status::InvalidArgument(name + " must be an integer between " + std::to_string(lo) + " and " +
                                   std::to_string(hi));
  }
  return out;
}

StatusOr<double> ParseNumber(const std::string& v, double lo, double hi) {
  double out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(out) || out < lo || out > hi) {
    return Status::InvalidArgument("near must be LAT,LON,KM (lat -90..90, lon -180..180, km 0..20000)");
  }
  return out;
}

StatusOr<Near> ParseNear(const std::string& v) {
  size_t a = v.find(',');
  size_t b = a == std::string::npos ? a : v.find(',', a + 1);
  if (b == std::string::npos) return Status::InvalidArgument("near must be LAT,LON,KM");
  Near n;
  NG_ASSIGN_OR_RETURN(n.lat, ParseNumber(v.substr(0, a), -90, 90));
  NG_ASSIGN_OR_RETURN(n.lon, ParseNumber(v.substr(a + 1, b - a - 1), -180, 180));
  NG_ASSIGN_OR_RETURN(n.km, ParseNumber(v.substr(b + 1), 0, 20000));
  return n;
}

Status Assign(QueryParams& p, const std::string& name, const std::string& v) {
  if (name == "limit") {
    NG_ASSIGN_OR_RETURN(p.limit, ParseInt(name, v, 1, kMaxLimit));
    return Status::Ok();
  }
  if (name == "offset") {
    NG_ASSIGN_OR_RETURN(p.offset, ParseInt(name, v, 0, kMaxOffset));
    return Status::Ok();
  }
  if (name == "min_count") {
    NG_ASSIGN_OR_RETURN(p.min_count, ParseInt(name, v, 1, 1000000));
    return Status::Ok();
  }
  if (name == "from" || name == "to") {
    if (!IsIsoDate(v)) return Status::InvalidArgument(name + " must be a date YYYY-MM-DD");
    (name == "from" ? p.from : p.to) = v;
    return Status::Ok();
  }
  if (name == "root") {
    if (v.size() < 2 || v.size() > 4 || !AllOf(v, IsDigit)) {
      return Status::InvalidArgument("root must be a CAMEO root (04) or code prefix (043)");
    }
    p.root = v;
    return Status::Ok();
  }
  if (name == "plover") {
    std::string upper = v;
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    if (!AllOf(upper, IsUpperOrUnderscore)) return Status::InvalidArgument("plover must be a category like CONSULT");
    p.plover = upper;
    return Status::Ok();
  }
  if (name == "near") {
    NG_ASSIGN_OR_RETURN(Near n, ParseNear(v));
    p.near = n;
    return Status::Ok();
  }
  std::string* text = name == "actor"     ? &p.actor
                      : name == "target"  ? &p.target
                      : name == "speaker" ? &p.speaker
                      : name == "about"   ? &p.about
                      : name == "kind"    ? &p.kind
                      : name == "q"       ? &p.q
                      : name == "doc"     ? &p.doc
                      : name == "event"   ? &p.event
                      : name == "country" ? &p.country
                      : name == "sort"    ? &p.sort
                                          : nullptr;
  if (text == nullptr) return Status::InvalidArgument("unknown parameter '" + name + "'");
  *text = v;
  return Status::Ok();
}

}  // namespace

StatusOr<QueryParams> ParseQueryParams(const std::multimap<std::string, std::string>& raw,
                                       const std::vector<std::string>& allowed, int default_limit) {
  QueryParams p;
  p.limit = default_limit;
  for (auto it = raw.begin(); it != raw.end(); ++it) {
    const std::string& name = it->first;
    std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::InvalidArgument("unknown parameter '" + shown + "' (this route takes: " + list + ")");
    }
    if (raw.count(name) > 1) return Status::InvalidArgument("parameter '" + name + "' given more than once");
    if (it->second.size() > kMaxParamBytes) {
      return Status::InvalidArgument("parameter '" + name + "' is longer than " + std::to_string(kMaxParamBytes) +
                                     " bytes");
    }
    NG_RETURN_IF_ERROR(Assign(p, name, it->second));
  }
  return p;
}

}  // namespace newsgraph::serve
