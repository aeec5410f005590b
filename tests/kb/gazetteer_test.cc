#include "kb/gazetteer.h"

#include <tuple>

#include <gtest/gtest.h>

namespace newsgraph::kb {
namespace {

// A tiny gazetteer written for the test, in an in-memory file system.
void WriteFixture(base::InMemoryFileSystem& fs, const std::string& places_row = "") {
  ASSERT_TRUE(fs.WriteFileAtomically("g/countries.tsv",
                                     "# comment\nRUS\tRU\tRussia\tRussian Federation|Russia\t65.89\t95.53\tRS\n"
                                     "PRK\tKP\tNorth Korea\tKorea, Democratic People's Republic of|DPRK\t40.14\t127.16\tKN\n"
                                     "CIV\tCI\tCôte d'Ivoire\tIvory Coast\t\t\t\n").ok());
  ASSERT_TRUE(fs.WriteFileAtomically("g/admin1.tsv", "US-GA\tUSA\tGeorgia\tState\t33.749\t-84.388\nRU-AMU\tRUS\tAmur\tOblast\t\t\n"
                                                     "DE-BY\tDEU\tBavaria|Bayern\tLand\t\t\n").ok());
  ASSERT_TRUE(fs.WriteFileAtomically("g/places.tsv",
                                     "Moscow\tMoscow\tRUS\t48\t55.7522\t37.6156\tPPLC\t10381222\n"
                                     "Moscow\tMoscow\tUSA\tID\t46.7324\t-117.0002\tPPLA2\t25060\n"
                                     "Zürich\tZurich\tCHE\t25\t47.3667\t8.5500\tPPLA\t341730\n" +
                                         places_row).ok());
  ASSERT_TRUE(fs.WriteFileAtomically("g/demonyms.tsv", "PRK\tNorth Korean|North Koreans\n").ok());
  ASSERT_TRUE(fs.WriteFileAtomically("g/organizations.tsv", "IAE\tInternational Atomic Energy Agency\tIAEA\tIGO\n").ok());
}

TEST(GazetteerTest, NormalizeFoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(Gazetteer::Normalize("Côte d'Ivoire"), "cote d ivoire");
  EXPECT_EQ(Gazetteer::Normalize("  U.S.  "), "u s");
  EXPECT_EQ(Gazetteer::Normalize("ZÜRICH"), "zurich");
  EXPECT_EQ(Gazetteer::Normalize("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(Gazetteer::Normalize("..."), "");
  // The 'ayn and hamza marks of a transliteration are dropped, as the press drops them.
  EXPECT_EQ(Gazetteer::Normalize("Ma\u2019rib"), "marib");
  EXPECT_EQ(Gazetteer::Normalize("\u015Ea\u02BBd\u0101h"), "sadah");
}

TEST(GazetteerTest, LoadsAndLooksUpEveryType) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs);
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  auto moscow = (*gaz)->Lookup("MOSCOW");
  ASSERT_EQ(moscow.size(), 2u);
  EXPECT_EQ(moscow[0]->country, "RUS");  // the capital first
  EXPECT_EQ(moscow[0]->detail, "PPLC");
  EXPECT_NEAR(moscow[0]->lat, 55.7522, 1e-6);
  EXPECT_EQ((*gaz)->Lookup("Russian Federation")[0]->code, "RUS");
  EXPECT_EQ((*gaz)->Lookup("DPRK")[0]->type, EntryType::kCountry);
  EXPECT_EQ((*gaz)->Lookup("Ivory Coast")[0]->code, "CIV");
  EXPECT_EQ((*gaz)->Lookup("cote d'ivoire")[0]->code, "CIV");
  EXPECT_EQ((*gaz)->Lookup("Zurich")[0]->name, "Zürich");
  auto norp = (*gaz)->Lookup("North Koreans");
  ASSERT_EQ(norp.size(), 1u);
  EXPECT_EQ(norp[0]->type, EntryType::kDemonym);
  EXPECT_EQ(norp[0]->country, "PRK");
  EXPECT_EQ((*gaz)->Lookup("IAEA")[0]->code, "IAE");
  EXPECT_EQ((*gaz)->Lookup("Georgia")[0]->type, EntryType::kAdmin1);
  EXPECT_TRUE((*gaz)->Lookup("Georgia")[0]->has_coordinates);
  EXPECT_NEAR((*gaz)->Lookup("Georgia")[0]->lat, 33.749, 1e-9);
  EXPECT_FALSE((*gaz)->Lookup("Amur")[0]->has_coordinates);
  // A subdivision under each of its names, displayed by the first.
  ASSERT_EQ((*gaz)->Lookup("Bayern").size(), 1u);
  EXPECT_EQ((*gaz)->Lookup("Bayern")[0], (*gaz)->Lookup("Bavaria")[0]);
  EXPECT_EQ((*gaz)->Lookup("Bayern")[0]->name, "Bavaria");
  EXPECT_TRUE((*gaz)->Lookup("Atlantis").empty());
  EXPECT_TRUE((*gaz)->IsPrefix("north"));
  EXPECT_TRUE((*gaz)->IsPrefix("international atomic"));
  EXPECT_FALSE((*gaz)->IsPrefix("nor"));
  EXPECT_EQ((*gaz)->max_words(), 6);  // "korea democratic people s republic of"
}

TEST(GazetteerTest, CountriesCarryAPointAndTheirFipsCode) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs);
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  const GazetteerEntry* prk = (*gaz)->CountryByCode("PRK");
  ASSERT_NE(prk, nullptr);
  EXPECT_TRUE(prk->has_coordinates);
  EXPECT_NEAR(prk->lat, 40.14, 1e-9);
  EXPECT_NEAR(prk->lon, 127.16, 1e-9);
  EXPECT_EQ(prk->fips, "KN");  // FIPS differs from ISO alpha-2 (KP)
  const GazetteerEntry* civ = (*gaz)->CountryByCode("CIV");
  ASSERT_NE(civ, nullptr);
  EXPECT_FALSE(civ->has_coordinates);
  EXPECT_EQ(civ->fips, "");
  EXPECT_EQ((*gaz)->CountryByCode("XXX"), nullptr);
  EXPECT_EQ((*gaz)->CountryByCode("Moscow"), nullptr);

  ASSERT_TRUE(fs.WriteFileAtomically("g/countries.tsv", "RUS\tRU\tRussia\tRussia\t95.5\t65.9\tRS\n").ok());
  gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("g/countries.tsv:1: bad latitude"), std::string::npos) << gaz.status().message();
  ASSERT_TRUE(fs.WriteFileAtomically("g/countries.tsv", "RUS\tRU\tRussia\tRussia\t\t\tR5\n").ok());
  gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("bad FIPS"), std::string::npos) << gaz.status().message();
}

// A town GeoNames names in its own language is also found by the English names of the
// optional ninth column, as the same entry; eight columns stay valid (the fixture's rows).
TEST(GazetteerTest, TownsAreFoundByTheirEnglishNames) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs, "Köln\tKoln\tDEU\t07\t50.9333\t6.9500\tPPLA2\t963395\tCologne|Koeln\n"
                   "Bonn\tBonn\tDEU\t07\t50.7333\t7.1000\tPPLA3\t313125\t\n");
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  auto cologne = (*gaz)->Lookup("COLOGNE");
  ASSERT_EQ(cologne.size(), 1u);
  EXPECT_EQ(cologne[0]->name, "Köln");
  EXPECT_EQ(cologne[0]->country, "DEU");
  EXPECT_EQ((*gaz)->Lookup("Koeln")[0], cologne[0]);
  EXPECT_EQ((*gaz)->Lookup("Koln")[0], cologne[0]);
  EXPECT_EQ((*gaz)->Lookup("Bonn").size(), 1u);
  EXPECT_EQ((*gaz)->Lookup("Zurich").size(), 1u);

  WriteFixture(fs, "Köln\tKoln\tDEU\t07\t50.9333\t6.9500\tPPLA2\t963395\tCologne\textra\n");
  gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("g/places.tsv:4: expected 8"), std::string::npos) << gaz.status().message();
}

TEST(GazetteerTest, MalformedRowNamesFileAndLine) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs, "Nowhere\tNowhere\tXXX\t01\tnorth\t0\tPPL\t100\n");
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_EQ(gaz.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(gaz.status().message().find("g/places.tsv:4"), std::string::npos) << gaz.status().message();
  EXPECT_NE(gaz.status().message().find("latitude"), std::string::npos);
}

TEST(GazetteerTest, WrongColumnCountAndBadCodes) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs);
  ASSERT_TRUE(fs.WriteFileAtomically("g/demonyms.tsv", "PRK North Korean\n").ok());
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("g/demonyms.tsv:1: expected 2"), std::string::npos) << gaz.status().message();
  ASSERT_TRUE(fs.WriteFileAtomically("g/demonyms.tsv", "prk\tNorth Korean\n").ok());
  gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("bad alpha-3"), std::string::npos);
}

// Regions are read when regions.tsv is there (the fixture above has none), and checked like the rest.
TEST(GazetteerTest, RegionsAreOptionalAndChecked) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs);
  ASSERT_TRUE(fs.WriteFileAtomically("g/regions.tsv", "# comment\nBalkans\nGaza Strip|Gaza Belt\tPSE\n").ok());
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  ASSERT_EQ((*gaz)->Lookup("the Balkans").size(), 0u);
  ASSERT_EQ((*gaz)->Lookup("BALKANS").size(), 1u);
  EXPECT_EQ((*gaz)->Lookup("Balkans")[0]->type, EntryType::kRegion);
  EXPECT_EQ((*gaz)->Lookup("Balkans")[0]->country, "");
  EXPECT_EQ((*gaz)->Lookup("Gaza Belt")[0]->name, "Gaza Strip");
  EXPECT_EQ((*gaz)->Lookup("Gaza Belt")[0]->country, "PSE");
  EXPECT_STREQ(EntryTypeName(EntryType::kRegion), "region");
  ASSERT_TRUE(fs.WriteFileAtomically("g/regions.tsv", "Balkans\tpse\n").ok());
  gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("g/regions.tsv:1: bad alpha-3"), std::string::npos) << gaz.status().message();
  ASSERT_TRUE(fs.WriteFileAtomically("g/regions.tsv", "Balkans\tPSE\textra\n").ok());
  EXPECT_FALSE(Gazetteer::Load("g", fs).ok());
}

// GeoNames spells Russian towns letter by letter ("Groznyy"); the press writes "Grozny".
TEST(GazetteerTest, FormerSovietTownsAlsoGoByThePressSpelling) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs, "Groznyy\tGroznyy\tRUS\t12\t43.3120\t45.6889\tPPLA\t226100\n"
                   "Nizhniy Novgorod\tNizhniy Novgorod\tRUS\t51\t56.3287\t44.0020\tPPLA\t1284164\n"
                   "Conroy\tConroy\tUSA\tTX\t30.3\t-95.4\tPPL\t20000\n");
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  ASSERT_FALSE((*gaz)->Lookup("Grozny").empty());
  EXPECT_EQ((*gaz)->Lookup("Grozny")[0]->name, "Groznyy");
  EXPECT_FALSE((*gaz)->Lookup("Groznyy").empty());
  EXPECT_FALSE((*gaz)->Lookup("Nizhny Novgorod").empty());
  EXPECT_TRUE((*gaz)->Lookup("Conry").empty());  // only where the transliteration applies
}

// GeoNames names the US capital "Washington, D.C."; the news writes "Washington".
TEST(GazetteerTest, ANameQualifiedAfterACommaIsAlsoFoundWithoutTheQualifier) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs, "Washington, D.C.\tWashington, D.C.\tUSA\tDC\t38.8951\t-77.0364\tPPLC\t601723\n"
                   "Lagos\tLagos\tNGA\t05\t6.45\t3.39\tPPLA\t9000000\n");
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  ASSERT_EQ((*gaz)->Lookup("Washington").size(), 1u);
  EXPECT_EQ((*gaz)->Lookup("Washington")[0]->name, "Washington, D.C.");
  EXPECT_EQ((*gaz)->Lookup("Washington")[0]->detail, "PPLC");
  EXPECT_EQ((*gaz)->Lookup("Washington, D.C.").size(), 1u);
  EXPECT_TRUE((*gaz)->Lookup("D.C.").empty());
}

// "-" in the country column: a religious or ethnic group, NORP with no country.
TEST(GazetteerTest, GroupsOfNoCountryAreDemonymsWithoutACountry) {
  base::InMemoryFileSystem fs;
  WriteFixture(fs);
  ASSERT_TRUE(fs.WriteFileAtomically("g/demonyms.tsv", "PRK\tNorth Korean|North Koreans\n-\tKurdish|Kurd|Kurds\n").ok());
  auto gaz = Gazetteer::Load("g", fs);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  auto kurds = (*gaz)->Lookup("Kurds");
  ASSERT_EQ(kurds.size(), 1u);
  EXPECT_EQ(kurds[0]->type, EntryType::kDemonym);
  EXPECT_EQ(kurds[0]->name, "Kurdish");
  EXPECT_EQ(kurds[0]->country, "");
  EXPECT_EQ(kurds[0]->code, "");
  EXPECT_EQ(kurds[0]->detail, "group");
  EXPECT_EQ((*gaz)->Lookup("North Koreans")[0]->detail, "");
  ASSERT_TRUE(fs.WriteFileAtomically("g/demonyms.tsv", "--\tKurdish\n").ok());
  gaz = Gazetteer::Load("g", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("g/demonyms.tsv:1: bad alpha-3 code '--'"), std::string::npos)
      << gaz.status().message();
}

TEST(GazetteerTest, MissingFileIsNotFound) {
  base::InMemoryFileSystem fs;
  auto gaz = Gazetteer::Load("nowhere", fs);
  ASSERT_FALSE(gaz.ok());
  EXPECT_EQ(gaz.status().code(), StatusCode::kNotFound);
  EXPECT_NE(gaz.status().message().find("nowhere/countries.tsv"), std::string::npos);
}

TEST(GazetteerTest, CommittedGazetteerLoads) {
  auto gaz = Gazetteer::Load(Gazetteer::DefaultDir());
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  EXPECT_GT((*gaz)->size(), 20000u);
  EXPECT_EQ((*gaz)->Lookup("North Korea")[0]->code, "PRK");
  EXPECT_EQ((*gaz)->Lookup("Russian")[0]->country, "RUS");
  auto pyongyang = (*gaz)->Lookup("Pyongyang");
  ASSERT_FALSE(pyongyang.empty());
  EXPECT_EQ(pyongyang[0]->country, "PRK");
  EXPECT_EQ((*gaz)->Lookup("NATO")[0]->type, EntryType::kOrganization);
  // Subdivisions under the names the news uses, not only ISO's; Taiwan stays a country.
  for (const char* name : {"Chechnya", "Sichuan", "Tatarstan", "Bavaria", "Tibet"}) {
    auto found = (*gaz)->Lookup(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_EQ(found[0]->type, EntryType::kAdmin1) << name;
  }
  EXPECT_EQ((*gaz)->Lookup("Chechnya")[0]->code, "RU-CE");
  ASSERT_FALSE((*gaz)->Lookup("Marib").empty());  // "Ma’rib" in ISO 3166-2
  EXPECT_EQ((*gaz)->Lookup("Marib")[0]->code, "YE-MA");
  EXPECT_EQ((*gaz)->Lookup("Bosnia")[0]->code, "BIH");
  EXPECT_EQ((*gaz)->Lookup("Yugoslavia")[0]->code, "SRB");
  // Former countries of ISO 3166-3, as archives name them; West Germany's code was DEU.
  EXPECT_EQ((*gaz)->Lookup("Soviet Union")[0]->code, "SUN");
  EXPECT_EQ((*gaz)->Lookup("USSR")[0]->code, "SUN");
  EXPECT_EQ((*gaz)->Lookup("Soviet")[0]->country, "SUN");
  EXPECT_EQ((*gaz)->Lookup("East Germany")[0]->code, "DDR");
  EXPECT_EQ((*gaz)->Lookup("East German")[0]->country, "DDR");
  EXPECT_EQ((*gaz)->Lookup("West Germany")[0]->code, "DEU");
  EXPECT_EQ((*gaz)->Lookup("West German")[0]->country, "DEU");
  EXPECT_EQ((*gaz)->Lookup("Czechoslovakia")[0]->code, "CSK");
  // Subdivisions of one name in two countries: the one with a big town of that name first.
  ASSERT_FALSE((*gaz)->Lookup("Gaza").empty());
  EXPECT_EQ((*gaz)->Lookup("Gaza")[0]->country, "PSE");
  // A country is shown by the name it goes by today, and found by its older ones.
  for (auto [name, shown] : {std::pair{"Byelorussia", "Belarus"}, {"Burma", "Myanmar"}, {"Swaziland", "Eswatini"},
                             {"Kirghizia", "Kyrgyzstan"}}) {
    ASSERT_FALSE((*gaz)->Lookup(name).empty()) << name;
    EXPECT_EQ((*gaz)->Lookup(name)[0]->name, shown) << name;
  }
  // Towns under the English names the news uses, and older press names, as their GeoNames
  // entry; an English name that is a country's or a subdivision's names no town.
  for (auto [name, geonames, country] : {std::tuple{"Cologne", "Köln", "DEU"}, {"Antwerp", "Antwerpen", "BEL"},
                                         {"Frankfurt", "Frankfurt am Main", "DEU"}, {"Seville", "Sevilla", "ESP"},
                                         {"Bombay", "Mumbai", "IND"}, {"Kiev", "Kyiv", "UKR"},
                                         {"Peking", "Beijing", "CHN"}, {"Saigon", "Ho Chi Minh City", "VNM"}}) {
    auto found = (*gaz)->Lookup(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_EQ(found[0]->name, geonames) << name;
    EXPECT_EQ(found[0]->country, country) << name;
  }
  for (const GazetteerEntry* e : (*gaz)->Lookup("Guatemala")) EXPECT_NE(e->type, EntryType::kCity);
  ASSERT_FALSE((*gaz)->Lookup("Manila").empty());
  for (const GazetteerEntry* e : (*gaz)->Lookup("Manila")) EXPECT_EQ(e->name, "Manila");
  // Political groups are groups of no one country, like religious ones.
  ASSERT_FALSE((*gaz)->Lookup("Democrats").empty());
  EXPECT_EQ((*gaz)->Lookup("Democrats")[0]->type, EntryType::kDemonym);
  EXPECT_EQ((*gaz)->Lookup("Democrats")[0]->country, "");
  ASSERT_FALSE((*gaz)->Lookup("Latin American").empty());
  EXPECT_EQ((*gaz)->Lookup("Latin American")[0]->type, EntryType::kDemonym);
  for (const GazetteerEntry* e : (*gaz)->Lookup("Taiwan")) EXPECT_NE(e->type, EntryType::kAdmin1);
  // Every sovereign country the events layer meets has a point and a FIPS code.
  for (const char* code : {"RUS", "PRK", "USA", "UKR", "CHN", "ISR", "FRA", "IND", "BRA", "ZAF"}) {
    const GazetteerEntry* country = (*gaz)->CountryByCode(code);
    ASSERT_NE(country, nullptr) << code;
    EXPECT_TRUE(country->has_coordinates) << code;
    EXPECT_EQ(country->fips.size(), 2u) << code;
  }
  EXPECT_EQ((*gaz)->CountryByCode("DEU")->fips, "GM");
  EXPECT_EQ((*gaz)->CountryByCode("GIN")->fips, "GV");  // fixed from GDELT's lookup
  for (const GazetteerEntry* e : (*gaz)->Lookup("Texas")) {
    if (e->type == EntryType::kAdmin1) {
      EXPECT_NEAR(e->lat, 30.27, 0.1);  // at its seat, Austin
    }
  }
}

}  // namespace
}  // namespace newsgraph::kb
