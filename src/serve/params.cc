// ParseQueryParams: names, repeats, lengths and number types; the store checks the
// values themselves before any SQL runs.
#include <algorithm>
#include <charconv>

#include "serve/query.h"

namespace newsgraph::serve {
namespace {

StatusOr<int> ParseInt(const std::string& name, const std::string& v, int lo, int hi) {
  int out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < lo || out > hi) {
    return Status::InvalidArgument(name + " must be an integer between " + std::to_string(lo) + " and " +
                                   std::to_string(hi));
  }
  return out;
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
  if (name == "near") {
    store::EventFilter f;
    NG_RETURN_IF_ERROR(store::ParseNear(v, f));
    p.near = f.near;
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
                      : name == "from"    ? &p.from
                      : name == "to"      ? &p.to
                      : name == "root"    ? &p.root
                      : name == "plover"  ? &p.plover
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
