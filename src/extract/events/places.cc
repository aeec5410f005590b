#include "extract/events/places.h"

#include <map>

#include "base/strings.h"

namespace newsgraph::extract::events {
namespace {

using document::EventPlace;
using document::Span;

constexpr int kMaxMentionsCounted = 2000;

// Facility words: a name ending in one of them is a facility even when no table knows it.
bool IsFacilityWord(std::string_view lemma) {
  static const char* const kWords[] = {"cosmodrome", "spaceport", "airport", "airbase", "base", "palace",
                                       "embassy",    "stadium",   "square",  "port",    "harbour", "harbor",
                                       "plant",      "camp",      "prison",  "hotel",   "summit"};
  for (const char* w : kWords) {
    if (Tree::LowerEquals(lemma, w)) return true;
  }
  return false;
}

bool IsPlacePreposition(std::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" || p == "through" || p == "across" ||
         p == "throughout";
}

int Specificity(const EventPlace& p) {
  if (p.feature == "facility") return 4;
  if (p.feature == "city") return 3;
  if (p.feature == "admin1" || p.feature == "region") return 2;
  return 1;
}

std::optional<EventPlace> FromEntry(const kb::GazetteerEntry& e) {
  EventPlace p;
  p.name = e.name;
  p.country = e.country;
  switch (e.type) {
    case kb::EntryType::kCountry: p.feature = "country"; break;
    case kb::EntryType::kAdmin1: p.feature = "admin1"; p.admin1 = e.code; break;
    case kb::EntryType::kCity: p.feature = "city"; p.admin1 = e.code; break;
    case kb::EntryType::kRegion: p.feature = "region"; break;
    default: return std::nullopt;  // organizations and demonyms are not places
  }
  if (e.has_coordinates) {
    p.lat = e.lat;
    p.lon = e.lon;
  }
  return p;
}

std::optional<EventPlace> FromFacility(const Facility& f) {
  return EventPlace{f.name, f.country, f.admin1, f.lat, f.lon, f.feature, {}, ""};
}

// The place a name run [lo, hi] names: its longest known suffix ("far east
// Vostochny Cosmodrome" -> "Vostochny Cosmodrome").
std::optional<EventPlace> NamePlace(const Tree& t, const document::Document& doc, int lo, int hi,
                                    const kb::Gazetteer& gaz, const EventDictionary& dict,
                                    const kb::PlaceContext& context) {
  for (int s = lo; s <= hi; ++s) {
    Span span{t.tok(s).span.start, t.tok(hi).span.end};
    std::string key = kb::Gazetteer::Normalize(doc.SpanText(span));
    std::optional<EventPlace> p;
    if (const Facility* f = dict.FindFacility(key)) p = FromFacility(*f);
    if (!p) {
      auto found = gaz.LookupNormalized(key);
      // "in the Gulf" is not a province: cities and provinces take no article.
      bool has_article = t.HasChildLemma(hi, "det", "the");
      const int64_t chosen = context.Choose(found, [&](const kb::GazetteerEntry& e) {
        if (has_article && (e.type == kb::EntryType::kCity || e.type == kb::EntryType::kAdmin1)) return false;
        return FromEntry(e).has_value();
      });
      if (chosen >= 0) p = FromEntry(gaz.entry(static_cast<uint32_t>(chosen)));
    }
    if (!p && s < hi && IsFacilityWord(t.lemma(hi)) && t.tok(s).upos == "PROPN") {
      p = EventPlace{base::CollapseWhitespace(doc.SpanText(span)), "", "", std::nullopt, std::nullopt, "facility", {}, ""};
    }
    if (p) {
      p->span = span;
      p->from = "sentence";
      return p;
    }
  }
  return std::nullopt;
}


// Token i lies in the clause of `predicate`: the predicate is its ancestor, and no clause
// opens between them ("killed 25 people in Gaza, officials said, as mediators in Cairo
// pressed ...": Cairo is in the clause of "pressed", not of "killed").
bool InClauseOf(const Tree& t, int i, int predicate) {
  for (int k = i, steps = 0; k >= 0 && steps < t.size(); k = t.head(k), ++steps) {
    if (k == predicate) return true;
    std::string_view rel = t.base_rel(k);
    if (rel == "advcl" || rel == "ccomp" || rel == "acl" || rel == "parataxis" || rel == "csubj" || rel == "xcomp" ||
        (rel == "conj" && t.tok(k).upos == "VERB")) {
      return false;
    }
  }
  return false;
}

}  // namespace

kb::PlaceContext DocumentPlaceContext(const document::Document& doc, const kb::Gazetteer& gaz) {
  kb::PlaceContext context(gaz);
  if (std::string place = doc.DatelinePlace(); !place.empty()) context.AddName(place);
  int seen = 0;
  for (const document::Mention& m : doc.mentions) {
    if (m.kind != "name" || (m.type != "GPE" && m.type != "LOC")) continue;
    if (++seen > kMaxMentionsCounted) break;
    context.AddName(doc.SpanText(m.span));
  }
  return context;
}

std::optional<EventPlace> SentencePlace(const Tree& t, const document::Document& doc, const kb::Gazetteer& gaz,
                                        const EventDictionary& dict, const kb::PlaceContext& context, int clause) {
  std::optional<EventPlace> best;
  std::string fallback_country;  // for a facility no table knows: the country the sentence names
  for (int i = 0; i < t.size(); ++i) {
    std::string_view rel = t.base_rel(i);
    if (rel != "obl" && rel != "nmod") continue;
    if (clause >= 0 && !InClauseOf(t, i, clause)) continue;
    if (!IsPlacePreposition(t.CaseOf(i))) continue;
    int lo = i, hi = i;
    while (lo > 0 && t.head(lo - 1) == i && (t.rel(lo - 1) == "compound" || t.rel(lo - 1) == "amod" ||
                                             t.rel(lo - 1).substr(0, 4) == "flat")) {
      --lo;
    }
    while (hi + 1 < t.size() && t.head(hi + 1) == i && t.rel(hi + 1).substr(0, 4) == "flat") ++hi;
    // "the Great Hall of the People": a capitalized "of" name continues the place name.
    for (int j = hi + 1; j + 2 < t.size() && j <= hi + 1; ++j) {
      if (!Tree::LowerEquals(t.tok(j).form, "of")) break;
      int k = j + 1;
      if (Tree::LowerEquals(t.tok(k).form, "the")) ++k;
      int end = k;
      while (end < t.size() && !t.tok(end).form.empty() && t.tok(end).form[0] >= 'A' && t.tok(end).form[0] <= 'Z' &&
             end - k < 4) {
        ++end;
      }
      if (end > k) hi = end - 1;
    }
    std::optional<EventPlace> p = NamePlace(t, doc, lo, hi, gaz, dict, context);
    if (!p) continue;
    if (p->feature == "country" && fallback_country.empty()) fallback_country = p->country;
    if (!best || Specificity(*p) > Specificity(*best)) best = std::move(p);
  }
  if (best && best->country.empty()) best->country = fallback_country;
  return best;
}

std::optional<EventPlace> DocumentPlace(const document::Document& doc, const kb::Gazetteer& gaz,
                                        const kb::PlaceContext& context) {
  auto is_place = [](const kb::GazetteerEntry& e) { return FromEntry(e).has_value(); };
  if (std::string name = doc.DatelinePlace(); !name.empty()) {
    const int64_t chosen = context.Choose(gaz.LookupNormalized(kb::Gazetteer::Normalize(name)), is_place);
    if (chosen >= 0) {
      auto p = FromEntry(gaz.entry(static_cast<uint32_t>(chosen)));
      p->from = "dateline";
      return p;
    }
  }
  std::map<uint32_t, int> counts;
  int seen = 0;
  for (const document::Mention& m : doc.mentions) {
    if (m.kind != "name" || (m.type != "GPE" && m.type != "LOC")) continue;
    if (++seen > kMaxMentionsCounted) break;
    auto found = gaz.LookupNormalized(kb::Gazetteer::Normalize(doc.SpanText(m.span)));
    // A name whose best entry is an organization or a nationality is not counted as a place.
    if (!found.empty() && !is_place(gaz.entry(found[0]))) continue;
    const int64_t chosen = context.Choose(found, is_place);
    if (chosen >= 0) ++counts[static_cast<uint32_t>(chosen)];
  }
  uint32_t best = 0;
  int best_count = 1;
  for (auto [index, count] : counts) {
    if (count > best_count) best = index, best_count = count;
  }
  if (best_count < 2) return std::nullopt;
  auto p = FromEntry(gaz.entry(best));
  if (p) p->from = "article";
  return p;
}

}  // namespace newsgraph::extract::events
