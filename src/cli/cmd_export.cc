// newsgraph export: every merged event of a database as a GDELT 2.0 event-table
// TSV (61 columns in GDELT's order), CSV or JSON Lines (docs/formats/events.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "kb/gazetteer.h"
#include "store/events.h"
#include "store/store.h"

namespace newsgraph::cli {

nlohmann::json EventRowJson(const store::EventRow& e);  // cmd_events.cc

namespace {

std::string Clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

// GDELT's numeric GlobalEventID from our "ev-<hex>" id: its first 13 hex digits.
std::string NumericId(const std::string& id) {
  std::string hex = id.substr(id.find('-') + 1).substr(0, 13);
  unsigned long long v = 0;
  for (char c : hex) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) break;
    v = v * 16 + static_cast<unsigned long long>(d);
  }
  return std::to_string(v);
}

std::string Digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

std::string Fraction(const std::string& date) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return "";
  static const int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int day = kBefore[(m - 1) % 12] + d;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", y + day / 365.0);
  return buf;
}

std::string Num(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", *v);
  return buf;
}

// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
std::string GeoType(const store::EventRow& e) {
  if (e.place_name.empty()) return "0";
  bool us = e.place_country == "USA";
  if (e.place_feature == "country") return "1";
  if (e.place_feature == "admin1" || e.place_feature == "region") return us ? "2" : "5";
  return us ? "3" : "4";
}

void ActorColumns(const std::string& code, const std::string& country, const std::string& name,
                  std::vector<std::string>& cols) {
  std::string type = code.size() > 3 && code.substr(0, 3) == country ? code.substr(3, 3) : "";
  cols.insert(cols.end(), {code, Upper(Clean(name)), country, "", "", "", "", type, "", ""});
}

// ActionGeo_* (GDELT geo fields): country as FIPS 10-4 and ADM1 as FIPS + admin code, as
// GDELT writes them ("RS48"); country-level places of stores built before the gazetteer
// had country points get the country's point here.
void ActionGeoColumns(const store::EventRow& e, const kb::Gazetteer& gaz, std::vector<std::string>& cols) {
  const kb::GazetteerEntry* country = gaz.CountryByCode(e.place_country);
  std::string fips = country != nullptr ? country->fips : "";
  std::string adm1;
  if (!fips.empty() && !e.place_admin1.empty()) {
    size_t dash = e.place_admin1.find('-');  // ISO 3166-2 "US-GA" -> "GA"; GeoNames codes as they are
    adm1 = fips + (dash == std::string::npos ? e.place_admin1 : e.place_admin1.substr(dash + 1));
  } else if (e.place_feature == "country") {
    adm1 = fips;  // GDELT repeats the country code for country-level places
  }
  std::optional<double> lat = e.lat, lon = e.lon;
  if (!lat && e.place_feature == "country" && country != nullptr && country->has_coordinates) {
    lat = country->lat;
    lon = country->lon;
  }
  cols.insert(cols.end(), {GeoType(e), Clean(e.place_name), fips, adm1, "", Num(lat), Num(lon), ""});
}

std::string GdeltLine(const store::EventRow& e, const kb::Gazetteer& gaz) {
  std::vector<std::string> c;
  c.reserve(61);
  std::string day = Digits(e.date);
  c.insert(c.end(), {NumericId(e.id), day, day.substr(0, 6), day.substr(0, 4), Fraction(e.date)});
  ActorColumns(e.source_code, e.source_country, e.source_name, c);
  ActorColumns(e.target_code, e.target_country, e.target_name, c);
  char goldstein[16];
  std::snprintf(goldstein, sizeof goldstein, "%.1f", e.goldstein);
  c.insert(c.end(), {"0", e.cameo, e.cameo.substr(0, 3), e.root, std::to_string(e.quad), goldstein,
                     std::to_string(e.mention_count), std::to_string(e.source_count),
                     std::to_string(e.document_count), "0"});
  for (int actor_geo = 0; actor_geo < 2; ++actor_geo) c.insert(c.end(), 8, "");  // Actor1Geo_*, Actor2Geo_*
  ActionGeoColumns(e, gaz, c);
  c.push_back(Digits(e.added).substr(0, 14));
  c.push_back(Clean(e.source_url));
  std::string line;
  for (size_t i = 0; i < c.size(); ++i) {
    if (i > 0) line.push_back('\t');
    line += c[i];
  }
  return line;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string CsvLine(const store::EventRow& e) {
  char goldstein[16];
  std::snprintf(goldstein, sizeof goldstein, "%.1f", e.goldstein);
  std::vector<std::string> c = {e.id, e.date, e.cameo, e.root, std::to_string(e.quad), goldstein, e.plover,
                                e.source_code, e.source_country, e.source_name, e.target_code, e.target_country,
                                e.target_name, e.place_name, e.place_country, e.place_admin1, Num(e.lat), Num(e.lon),
                                std::to_string(e.mention_count), std::to_string(e.document_count),
                                std::to_string(e.source_count), e.first_mention, e.source_url};
  std::string line;
  for (size_t i = 0; i < c.size(); ++i) {
    if (i > 0) line.push_back(',');
    line += CsvField(c[i]);
  }
  return line;
}

constexpr const char* kCsvHeader =
    "id,date,cameo,root,quad,goldstein,plover,source_code,source_country,source_name,target_code,target_country,"
    "target_name,place_name,place_country,place_admin1,lat,lon,mentions,documents,sources,first_mention,source_url";

struct ExportFlags {
  std::string db, format = "jsonl", out;
};

int Run(const ExportFlags& flags) {
  if (flags.format != "gdelt" && flags.format != "csv" && flags.format != "jsonl") {
    return Fail(Status::InvalidArgument("--format must be gdelt, csv or jsonl, not '" + flags.format + "'"));
  }
  auto db = OpenStoreForReading(flags.db);
  if (!db.ok()) return Fail(db.status());
  std::shared_ptr<const kb::Gazetteer> gaz;
  if (flags.format == "gdelt") {
    auto loaded = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
    if (!loaded.ok()) return Fail(loaded.status());
    gaz = *loaded;
  }
  store::EventFilter all;
  all.limit = -1;
  all.with_first_report = true;  // SOURCEURL, DATEADDED
  auto rows = store::QueryEvents(**db, all);
  if (!rows.ok()) return Fail(rows.status());
  std::ofstream file;
  if (!flags.out.empty()) {
    file.open(flags.out, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(Status::IoError(flags.out + ": cannot write"));
  }
  std::ostream& out = flags.out.empty() ? std::cout : file;
  if (flags.format == "csv") out << kCsvHeader << '\n';
  for (const store::EventRow& e : *rows) {
    if (flags.format == "gdelt") {
      out << GdeltLine(e, *gaz) << '\n';
    } else if (flags.format == "csv") {
      out << CsvLine(e) << '\n';
    } else {
      out << EventRowJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
  out.flush();
  if (!out) return Fail(Status::IoError((flags.out.empty() ? "stdout" : flags.out) + ": write failed"));
  std::fprintf(stderr, "exported %zu events\n", rows->size());
  return 0;
}

}  // namespace

CommandRun AddExportCommand(CLI::App& app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand("export", "Export the events of a database (GDELT 2.0 TSV, CSV or JSON Lines)");
  cmd->add_option("--db", flags->db, "Database file")->required();
  cmd->add_option("--format", flags->format, "gdelt (61-column event table TSV), csv or jsonl");
  cmd->add_option("--out", flags->out, "Output file (default stdout)");
  return [flags] { return Run(*flags); };
}

}  // namespace newsgraph::cli
