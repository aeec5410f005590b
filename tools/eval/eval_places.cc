// eval_places: place names in local news (LGL geoparsing corpus): how many of the
// annotated toponyms the entities layer finds as GPE or LOC mentions, how many of
// its GPE/LOC mentions are toponyms, and how often the gazetteer's first candidate
// for a found toponym lies within 161 km of the annotated point (the usual
// geoparsing "accuracy@161km"; the population prior, no context), and how often the
// candidate the document's place context chooses does (kb::PlaceContext, built from
// the document's own GPE/LOC mentions, as the events layer builds it).
//
// Gold: lgl.xml, <article> with <text> (CDATA) and <toponym> <start>/<end> (code
// points into the text) and <gaztag> <lat>/<lon>. The pipeline runs on the text as
// given, up to entities. FAC mentions are not scored (LGL marks streets only
// sometimes); a predicted span matches a toponym exactly, or overlaps it in the
// "overlap" row.
//
//   build/tools/eval/eval_places [--lgl ../shared/data/geoparsing-lgl/lgl.xml] [--show N]
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kb/gazetteer.h"
#include "kb/place_context.h"
#include "pipeline/pipeline.h"

namespace newsgraph::eval {
namespace {

struct Toponym {
  uint32_t start = 0, end = 0;  // bytes into the text
  std::string phrase;
  std::optional<double> lat, lon;
};

struct Article {
  std::string id, text;
  std::vector<Toponym> toponyms;
};

std::string Between(const std::string& s, const std::string& open, const std::string& close, size_t& pos) {
  size_t a = s.find(open, pos);
  if (a == std::string::npos) return pos = std::string::npos, "";
  a += open.size();
  size_t b = s.find(close, a);
  if (b == std::string::npos) return pos = std::string::npos, "";
  pos = b + close.size();
  return s.substr(a, b - a);
}

// Byte offset of each code point index (and one past the end).
std::vector<uint32_t> CodePointBytes(const std::string& text) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

std::vector<Article> ReadLgl(const std::string& xml) {
  std::vector<Article> out;
  size_t pos = 0;
  while (true) {
    size_t at = xml.find("<article docid=\"", pos);
    if (at == std::string::npos) break;
    size_t end = xml.find("</article>", at);
    if (end == std::string::npos) break;
    std::string block = xml.substr(at, end - at);
    pos = end + 10;
    Article a;
    size_t p = 0;
    a.id = Between(block, "docid=\"", "\"", p);
    p = 0;
    a.text = Between(block, "<text><![CDATA[", "]]></text>", p);
    std::vector<uint32_t> bytes = CodePointBytes(a.text);
    size_t q = 0;
    while (true) {
      std::string t = Between(block, "<toponym>", "</toponym>", q);
      if (q == std::string::npos) break;
      size_t r = 0;
      Toponym top;
      std::string s = Between(t, "<start>", "</start>", r);
      std::string e = Between(t, "<end>", "</end>", r);
      size_t si = std::stoul(s.empty() ? "0" : s), ei = std::stoul(e.empty() ? "0" : e);
      if (ei <= si || ei >= bytes.size()) continue;
      top.start = bytes[si];
      top.end = bytes[ei];
      top.phrase = a.text.substr(top.start, top.end - top.start);
      size_t g = 0;
      std::string lat = Between(t, "<lat>", "</lat>", g);
      g = 0;
      std::string lon = Between(t, "<lon>", "</lon>", g);
      if (!lat.empty() && !lon.empty()) top.lat = std::stod(lat), top.lon = std::stod(lon);
      a.toponyms.push_back(top);
    }
    out.push_back(std::move(a));
  }
  return out;
}

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371 * std::asin(std::min(1.0, std::sqrt(h)));
}

void Row(const char* name, size_t tp_gold, size_t gold, size_t tp_system, size_t system) {
  double r = gold ? 100.0 * tp_gold / gold : 0, p = system ? 100.0 * tp_system / system : 0;
  std::printf("  %-8s R %6.2f  P %6.2f  F1 %6.2f\n", name, r, p, r + p > 0 ? 2 * r * p / (r + p) : 0);
}

int Run(const std::string& lgl, int show, int show_geo) {
  std::ifstream in(lgl, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "eval_places: %s not found (LGL geoparsing corpus)\n", lgl.c_str());
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<Article> articles = ReadLgl(ss.str());
  pipeline::PipelineOptions options;
  options.until = pipeline::Stage::kEntities;
  auto pipe = pipeline::Pipeline::Create(options);
  if (!pipe.ok()) {
    std::fprintf(stderr, "eval_places: %s\n", pipe.status().message().c_str());
    return 1;
  }
  auto gaz = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  if (!gaz.ok()) {
    std::fprintf(stderr, "eval_places: %s\n", gaz.status().message().c_str());
    return 1;
  }
  size_t gold = 0, system = 0, exact_gold = 0, exact_system = 0, overlap_gold = 0, overlap_system = 0;
  size_t geo_scored = 0, geo_within = 0, geo_no_candidate = 0, tokens = 0, context_within = 0;
  for (const Article& a : articles) {
    document::Document doc;
    doc.id = a.id;
    doc.text = a.text;
    (*pipe)->Annotate(doc);
    tokens += doc.tokens.size();
    std::vector<document::Span> spans;
    for (const document::Mention& m : doc.mentions) {
      if (m.kind == "name" && (m.type == "GPE" || m.type == "LOC")) spans.push_back(m.span);
    }
    system += spans.size();
    gold += a.toponyms.size();
    kb::PlaceContext context(**gaz);
    for (const document::Span& s : spans) context.AddName(doc.SpanText(s));
    std::set<std::pair<uint32_t, uint32_t>> exact;
    for (const document::Span& s : spans) exact.insert({s.start, s.end});
    auto overlaps = [](uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) { return a0 < b1 && b0 < a1; };
    for (const Toponym& t : a.toponyms) {
      bool hit = exact.count({t.start, t.end}) > 0, near = false;
      for (const document::Span& s : spans) near = near || overlaps(s.start, s.end, t.start, t.end);
      exact_gold += hit;
      overlap_gold += near;
      if (!near && show > 0) {
        --show;
        std::printf("missed %s: '%s'\n", a.id.c_str(), t.phrase.c_str());
      }
      if (hit && t.lat) {
        ++geo_scored;
        const kb::GazetteerEntry* best = nullptr;
        for (const kb::GazetteerEntry* e : (*gaz)->Lookup(t.phrase)) {
          if (e->has_coordinates) {
            best = e;
            break;
          }
        }
        if (best == nullptr) ++geo_no_candidate;
        else if (Km(best->lat, best->lon, *t.lat, *t.lon) <= 161) ++geo_within;
        const int64_t chosen = context.Choose((*gaz)->LookupNormalized(kb::Gazetteer::Normalize(t.phrase)),
                                              [](const kb::GazetteerEntry& e) { return e.has_coordinates; });
        const double km = chosen < 0 ? -1
                                     : Km((*gaz)->entry(static_cast<uint32_t>(chosen)).lat,
                                          (*gaz)->entry(static_cast<uint32_t>(chosen)).lon, *t.lat, *t.lon);
        if (chosen >= 0 && km <= 161) ++context_within;
        if ((chosen < 0 || km > 161) && show_geo > 0) {
          --show_geo;
          std::printf("geocoding %s: '%s' (%.2f, %.2f): %s\n", a.id.c_str(), t.phrase.c_str(), *t.lat, *t.lon,
                      chosen < 0 ? "no candidate with coordinates"
                                 : ("chose " + (*gaz)->entry(static_cast<uint32_t>(chosen)).name + ", " +
                                    (*gaz)->entry(static_cast<uint32_t>(chosen)).country + ", " +
                                    std::to_string(static_cast<int>(km)) + " km away")
                                       .c_str());
        }
      }
    }
    for (const document::Span& s : spans) {
      bool hit = false, near = false;
      for (const Toponym& t : a.toponyms) {
        hit = hit || (s.start == t.start && s.end == t.end);
        near = near || overlaps(s.start, s.end, t.start, t.end);
      }
      exact_system += hit;
      overlap_system += near;
    }
  }
  std::printf("LGL %s: %zu articles, %zu tokens, %zu toponyms; system GPE/LOC name mentions %zu\n", lgl.c_str(),
              articles.size(), tokens, gold, system);
  Row("exact", exact_gold, gold, exact_system, system);
  Row("overlap", overlap_gold, gold, overlap_system, system);
  std::printf("  geocoding of exactly found toponyms with coordinates (gazetteer's first candidate): %zu scored, "
              "%.2f%% within 161 km, %.2f%% with no candidate that has coordinates (admin-1 units mostly have none)\n",
              geo_scored, geo_scored ? 100.0 * geo_within / geo_scored : 0,
              geo_scored ? 100.0 * geo_no_candidate / geo_scored : 0);
  std::printf("  the same with the document's place context (kb::PlaceContext): %.2f%% within 161 km\n",
              geo_scored ? 100.0 * context_within / geo_scored : 0);
  return 0;
}

}  // namespace
}  // namespace newsgraph::eval

int main(int argc, char** argv) {
  CLI::App app{"Scores place names (GPE/LOC mentions) and the gazetteer's geocoding on the LGL local-news corpus"};
  std::string lgl = std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/data/geoparsing-lgl/lgl.xml";
  int show = 0;
  app.add_option("--lgl", lgl, "lgl.xml of the LGL corpus")->capture_default_str();
  app.add_option("--show", show, "print the first N missed toponyms");
  int show_geo = 0;
  app.add_option("--show-geo", show_geo, "print the first N found toponyms the place context geocodes wrong");
  CLI11_PARSE(app, argc, argv);
  return newsgraph::eval::Run(lgl, show, show_geo);
}
