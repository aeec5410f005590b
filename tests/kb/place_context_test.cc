#include "kb/place_context.h"

#include <gtest/gtest.h>

namespace newsgraph::kb {
namespace {

// A small gazetteer written for the test: two Alexandrias in the US and one in Egypt,
// two Parises, two Athenses, a few states and towns around them.
std::shared_ptr<const Gazetteer> Fixture() {
  base::InMemoryFileSystem fs;
  EXPECT_TRUE(fs.WriteFileAtomically("g/countries.tsv",
                                     "USA\tUS\tUnited States\tUnited States|US\t39.8\t-98.6\tUS\n"
                                     "EGY\tEG\tEgypt\tEgypt\t26.5\t29.9\tEG\n"
                                     "FRA\tFR\tFrance\tFrance\t46.6\t2.4\tFR\n"
                                     "GRC\tGR\tGreece\tGreece\t39.1\t22.9\tGR\n"
                                     "GBR\tGB\tUnited Kingdom\tUnited Kingdom|Britain\t54.0\t-2.0\tUK\n"
                                     "CAN\tCA\tCanada\tCanada\t56.0\t-96.0\tCA\n").ok());
  EXPECT_TRUE(fs.WriteFileAtomically("g/admin1.tsv",
                                     "US-LA\tUSA\tLouisiana\tState\t30.4433\t-91.1875\n"
                                     "US-VA\tUSA\tVirginia\tState\t37.5538\t-77.4603\n"
                                     "US-TN\tUSA\tTennessee\tState\t36.1659\t-86.7844\n"
                                     "US-GA\tUSA\tGeorgia\tState\t33.749\t-84.388\n"
                                     "US-MA\tUSA\tMassachusetts\tState\t42.36\t-71.06\n"
                                     "GB-ENG\tGBR\tEngland\tCountry\t51.5085\t-0.1257\n"
                                     "CA-ON\tCAN\tOntario\tProvince\t\t\n"
                                     "CA-QC\tCAN\tQuebec\tProvince\t\t\n").ok());
  EXPECT_TRUE(fs.WriteFileAtomically(
      "g/places.tsv",
      "Alexandria\tAlexandria\tEGY\t06\t31.2018\t29.9158\tPPLA\t3811516\n"
      "Alexandria\tAlexandria\tUSA\tVA\t38.8048\t-77.0469\tPPL\t159428\n"
      "Alexandria\tAlexandria\tUSA\tLA\t31.3113\t-92.4451\tPPLA2\t47889\n"
      "Paris\tParis\tFRA\t11\t48.8534\t2.3488\tPPLC\t2138551\n"
      "Paris\tParis\tUSA\tTN\t36.3020\t-88.3267\tPPLA2\t10156\n"
      "Athens\tAthens\tGRC\tESYE31\t37.9838\t23.7278\tPPLC\t664046\n"
      "Athens\tAthens\tUSA\tGA\t33.9609\t-83.3779\tPPLA2\t127064\n"
      "Athens\tAthens\tUSA\tTN\t35.4429\t-84.5930\tPPLA2\t14048\n"
      "Pineville\tPineville\tUSA\tLA\t31.3224\t-92.4343\tPPL\t14555\n"
      "Jackson\tJackson\tUSA\tTN\t35.6145\t-88.8139\tPPLA2\t67265\n"
      "Cleveland\tCleveland\tUSA\tTN\t35.1595\t-84.8766\tPPLA2\t44770\n"
      "Murphy\tMurphy\tUSA\tNC\t35.0876\t-84.0346\tPPLA2\t15000\n"
      "Washington, D.C.\tWashington, D.C.\tUSA\tDC\t38.8951\t-77.0364\tPPLC\t601723\n"
      "Boston\tBoston\tUSA\tMA\t42.3584\t-71.0598\tPPLA\t667137\n"
      "Boston\tBoston\tGBR\tENG\t52.9763\t-0.0266\tPPL\t41340\n"
      "London\tLondon\tGBR\tENG\t51.5085\t-0.1257\tPPLC\t7556900\n"
      "Chicago\tChicago\tUSA\tIL\t41.85\t-87.65\tPPLA2\t2720546\n"
      "Detroit\tDetroit\tUSA\tMI\t42.3314\t-83.0457\tPPLA2\t677116\n"
      "Ontario\tOntario\tUSA\tCA\t34.0633\t-117.6509\tPPL\t175265\n").ok());
  EXPECT_TRUE(fs.WriteFileAtomically("g/demonyms.tsv", "EGY\tEgyptian|Egyptians\n").ok());
  EXPECT_TRUE(fs.WriteFileAtomically("g/organizations.tsv", "UNO\tUnited Nations\tUN\tIGO\n").ok());
  auto gaz = Gazetteer::Load("g", fs);
  EXPECT_TRUE(gaz.ok()) << gaz.status().ToString();
  return *gaz;
}

bool Located(const GazetteerEntry& e) { return e.has_coordinates; }

// The entry a context chooses for `name`.
const GazetteerEntry& Chosen(const Gazetteer& gaz, const PlaceContext& context, std::string_view name) {
  const int64_t i = context.Choose(gaz.LookupNormalized(Gazetteer::Normalize(name)), Located);
  EXPECT_GE(i, 0) << name;
  return gaz.entry(static_cast<uint32_t>(i < 0 ? 0 : i));
}

TEST(PlaceContextTest, WithoutContextTheGazetteerOrderStands) {
  auto gaz = Fixture();
  PlaceContext context(*gaz);
  EXPECT_EQ(Chosen(*gaz, context, "Alexandria").country, "EGY");
  EXPECT_EQ(Chosen(*gaz, context, "Paris").country, "FRA");
}

TEST(PlaceContextTest, AStateTheStoryNamesPicksItsTown) {
  auto gaz = Fixture();
  PlaceContext context(*gaz);
  context.AddName("Louisiana");
  const GazetteerEntry& e = Chosen(*gaz, context, "Alexandria");
  EXPECT_EQ(e.country, "USA");
  EXPECT_EQ(e.code, "LA");
  // An unambiguous town sets its state too.
  PlaceContext virginia(*gaz);
  virginia.AddName("Virginia");
  EXPECT_EQ(Chosen(*gaz, virginia, "Alexandria").code, "VA");
}

TEST(PlaceContextTest, AnUnambiguousTownSetsTheArea) {
  auto gaz = Fixture();
  PlaceContext context(*gaz);
  context.AddName("Pineville");  // only in Louisiana
  EXPECT_EQ(Chosen(*gaz, context, "Alexandria").code, "LA");
  EXPECT_EQ(context.admin1s().count({"USA", "LA"}), 1u);
}

TEST(PlaceContextTest, AmbiguousNamesAddNothing) {
  auto gaz = Fixture();
  PlaceContext context(*gaz);
  context.AddName("Alexandria");  // Egypt and the US
  context.AddName("Paris");
  context.AddName("Atlantis");  // unknown
  context.AddName("UN");        // not a place
  EXPECT_TRUE(context.countries().empty());
  EXPECT_TRUE(context.admin1s().empty());
}

TEST(PlaceContextTest, ACapitalStaysUnlessTheStoryIsAllInOneCountry) {
  auto gaz = Fixture();
  // A story naming the United States once: Paris is still France's capital.
  PlaceContext once(*gaz);
  once.AddName("United States");
  EXPECT_EQ(Chosen(*gaz, once, "Paris").country, "FRA");
  // A local story whose every place is in Tennessee's west: the nearest Athens... and Paris.
  PlaceContext local(*gaz);
  local.AddName("Jackson");
  local.AddName("Cleveland");
  EXPECT_EQ(Chosen(*gaz, local, "Paris").country, "USA");
  const GazetteerEntry& athens = Chosen(*gaz, local, "Athens");
  EXPECT_EQ(athens.country, "USA");
  EXPECT_EQ(athens.code, "TN");  // in the context's state, before the bigger Athens of Georgia
}

TEST(PlaceContextTest, TheNearestTownInTheCountryWins) {
  auto gaz = Fixture();
  PlaceContext context(*gaz);
  // Murphy, North Carolina: neither Athens is in its state; Athens, Tennessee is 60 km
  // away, the bigger Athens, Georgia (first in the gazetteer's order) 160 km.
  context.AddName("Murphy");
  context.AddName("United States");
  const GazetteerEntry& athens = Chosen(*gaz, context, "Athens");
  EXPECT_EQ(athens.country, "USA");
  EXPECT_EQ(athens.code, "TN");
}

TEST(PlaceContextTest, TheCountryNamedMostWinsOverNearness) {
  auto gaz = Fixture();
  // A fare offered from New York-area towns, in a story of a London airline: Boston, England
  // is nearer the mean of London and the American towns, but the story is about America.
  PlaceContext context(*gaz);
  context.AddName("London");
  context.AddName("England");
  context.AddName("Chicago");
  context.AddName("Detroit");
  context.AddName("United States");
  EXPECT_EQ(Chosen(*gaz, context, "Boston").country, "USA");
  // England is as wide as a country: it counts for Britain but picks no town of its own.
  EXPECT_EQ(context.admin1s().count({"GBR", "ENG"}), 0u);
  EXPECT_EQ(context.countries().at("GBR"), 2);
}

TEST(PlaceContextTest, ACountryNamedAsOftenKeepsTheGazetteerOrder) {
  auto gaz = Fixture();
  // A Canadian bank's story that names Quebec and the United States once each: Ontario is the
  // province (first in the gazetteer's order, no coordinates), not the Californian town.
  PlaceContext context(*gaz);
  context.AddName("Quebec");
  context.AddName("United States");
  auto accept_any = [](const GazetteerEntry&) { return true; };
  const int64_t i = context.Choose(gaz->LookupNormalized(Gazetteer::Normalize("Ontario")), accept_any);
  ASSERT_GE(i, 0);
  EXPECT_EQ(gaz->entry(static_cast<uint32_t>(i)).country, "CAN");
}

}  // namespace
}  // namespace newsgraph::kb
