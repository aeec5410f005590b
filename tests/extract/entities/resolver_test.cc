// EntityResolver on invented articles written in the style of wire copy. The NER
// output is given in the markup (doc_builder.h), including the kinds of mistakes
// the model makes, so these tests pin the resolver's own behaviour.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/entities/doc_builder.h"

namespace newsgraph::entities_test {
namespace {

using document::Document;
using document::Entity;

class ResolverTest : public testing::Test {
 protected:
  void SetUp() override {
    if (Resolver() == nullptr) GTEST_SKIP() << "gazetteer or data/kb not loadable from " << kb::Gazetteer::DefaultDir();
  }
  Document Resolve(std::string_view markup) {
    Document doc = Build(markup);
    Resolver()->Resolve(doc);
    return doc;
  }
};

bool HasRole(const Entity* e, const std::string& role) {
  return e != nullptr && std::find(e->roles.begin(), e->roles.end(), role) != e->roles.end();
}

// Every index points where it should: mentions in text order, entity <-> mention
// links both ways, relations inside the entity list.
void ExpectConsistent(const Document& doc) {
  for (size_t i = 1; i < doc.mentions.size(); ++i) {
    EXPECT_LE(doc.mentions[i - 1].span.start, doc.mentions[i].span.start);
  }
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    EXPECT_EQ(doc.entities[e].id, "e" + std::to_string(e + 1));
    EXPECT_FALSE(doc.entities[e].mentions.empty());
    for (uint32_t m : doc.entities[e].mentions) {
      ASSERT_LT(m, doc.mentions.size());
      EXPECT_EQ(doc.mentions[m].entity, static_cast<int>(e));
    }
  }
  for (const document::Mention& m : doc.mentions) {
    EXPECT_LE(m.span.end, doc.text.size());
    if (m.entity >= 0) {
      ASSERT_LT(static_cast<size_t>(m.entity), doc.entities.size());
    }
  }
  for (const document::Relation& r : doc.relations) {
    EXPECT_LT(r.head, doc.entities.size());
    for (uint32_t m : r.members) EXPECT_LT(m, doc.entities.size());
    EXPECT_LE(r.evidence.end, doc.text.size());
  }
}

TEST_F(ResolverTest, ATownTakesTheCountryOfTheStateTheStoryNames) {
  Document local = Resolve("[GPE Louisiana] officials said police in [GPE Alexandria] arrested two men .");
  ExpectConsistent(local);
  const Entity* town = Find(local, "Alexandria");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->country, "USA");
  Document abroad = Resolve("Police in [GPE Alexandria] arrested two men .");
  const Entity* city = Find(abroad, "Alexandria");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->country, "EGY");  // the gazetteer's biggest Alexandria when nothing says otherwise
  // A country keeps its meaning next to a US state.
  Document georgia = Resolve("[GPE Georgia] and [GPE Texas] signed a trade deal .");
  const Entity* country = Find(georgia, "Georgia");
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(country->country, "GEO");
}

// "the" before a name says it is no town ("the Gulf"), unless the town premodifies the
// phrase's noun; a name the recogniser read as a company keeps its reading.
TEST_F(ResolverTest, ATownBeforeANounAfterTheKeepsItsCountry) {
  Document doc = Resolve(
      "Judges of the [GPE Frankfurt] court/NOUN and the [GPE Chicago] - based/VERB concern/NOUN met in [GPE Paris] .\n"
      "Analysts said the [ORG Republic] acquisition/NOUN was slow after the [LOC Gulf] war/NOUN .");
  ExpectConsistent(doc);
  for (auto [name, country] : {std::pair{"Frankfurt", "DEU"}, {"Chicago", "USA"}}) {
    const Entity* town = Find(doc, name);
    ASSERT_NE(town, nullptr) << name;
    EXPECT_EQ(town->type, "GPE") << name;
    EXPECT_EQ(town->country, country) << name;
  }
  const Entity* company = Find(doc, "Republic");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, "ORG");
  EXPECT_EQ(company->country, "");
  const Entity* gulf = Find(doc, "Gulf");
  ASSERT_NE(gulf, nullptr);
  EXPECT_EQ(gulf->country, "");  // not Papua New Guinea's Gulf Province
}

// Archives of the 1980s name states that are gone; West Germany's ISO code was DEU.
TEST_F(ResolverTest, FormerCountriesHaveTheirIsoCodes) {
  Document doc = Resolve("[GPE West Germany] , [GPE East Germany] and the [GPE Soviet Union] signed a grain pact with "
                         "[NORP Czechoslovak] traders .");
  ExpectConsistent(doc);
  for (auto [name, country] : {std::pair{"West Germany", "DEU"}, {"East Germany", "DDR"}, {"Soviet Union", "SUN"},
                               {"Czechoslovak", "CSK"}}) {
    const Entity* e = EntityOf(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->country, country) << name;
  }
}

// GeoNames names these towns in their own language; the news names them in English.
TEST_F(ResolverTest, TownsNamedInEnglishTakeTheirCountry) {
  Document doc = Resolve("Bankers in [GPE Cologne] and [GPE Antwerp] flew to [GPE Bombay] and [GPE Kiev] .");
  ExpectConsistent(doc);
  for (auto [name, country] : {std::pair{"Cologne", "DEU"}, {"Antwerp", "BEL"}, {"Bombay", "IND"}, {"Kiev", "UKR"}}) {
    const Entity* town = Find(doc, name);
    ASSERT_NE(town, nullptr) << name;
    EXPECT_EQ(town->country, country) << name;
  }
}

// A role of no sector of its own ("spokeswoman") takes the sector of the body named in
// the words before it, before the name or in an apposition; a role word inside a longer
// title ("deputy general manager") is no role.
TEST_F(ResolverTest, RolesTakeTheSectorOfTheBodyTheirWordsName) {
  Document doc = Resolve(
      "[GPE Russia] 's foreign ministry spokeswoman [PERSON Olga Quell] spoke .\n"
      "[PERSON Anna Varno] , the [NORP Russian] foreign ministry spokeswoman , said so .\n"
      "[PERSON Ivo Rask] , deputy general manager of the firm , said so .");
  ExpectConsistent(doc);
  for (const char* name : {"Olga Quell", "Anna Varno"}) {
    const Entity* e = Find(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_TRUE(HasRole(e, "foreign ministry spokeswoman")) << name;
    EXPECT_EQ(e->actor, "RUSGOV") << name;
  }
  const Entity* rask = Find(doc, "Ivo Rask");
  ASSERT_NE(rask, nullptr);
  EXPECT_NE(rask->sector, "MIL");
}

// An official named with a bare title is of the country the story is about, when one
// country dominates its place names; not when two share them, nor when an organization
// is named next to the person or another country in a sentence with the name.
TEST_F(ResolverTest, OfficialsWithABareTitleAreOfTheStorysCountry) {
  const std::string story =
      "Thousands marched in [GPE Belgrade] on Saturday . Police in [GPE Belgrade] said the march was calm .\n"
      "[GPE Serbia] has seen protests for months . President [PERSON Ana Varno] said she would not resign .\n"
      "[ORG Quellcorp] president [PERSON Ivo Rask] said sales fell .\n"
      "Prime Minister [PERSON Eli Dor] said [GPE Israel] would act .";
  Document doc = Resolve(story);
  ExpectConsistent(doc);
  const Entity* varno = Find(doc, "Ana Varno");
  ASSERT_NE(varno, nullptr);
  EXPECT_EQ(varno->country, "SRB");
  EXPECT_EQ(varno->actor, "SRBGOV");
  const Entity* rask = Find(doc, "Ivo Rask");
  ASSERT_NE(rask, nullptr);
  EXPECT_EQ(rask->country, "");
  const Entity* dor = Find(doc, "Eli Dor");  // another country is named with him
  ASSERT_NE(dor, nullptr);
  EXPECT_NE(dor->country, "SRB");
  Document shared = Resolve("Talks in [GPE Belgrade] and [GPE Zagreb] went on . [GPE Serbia] and [GPE Croatia] "
                            "disagree . President [PERSON Ana Varno] said she would not resign .");
  const Entity* alone = Find(shared, "Ana Varno");
  ASSERT_NE(alone, nullptr);
  EXPECT_EQ(alone->country, "");
}

TEST_F(ResolverTest, PremodifierRolesGiveCountryAndSector) {
  Document doc = Resolve(
      "[GPE Japan] Prime Minister [PERSON Fumio Kishida] met [GPE France] 's foreign minister "
      "[PERSON Catherine Colonna] and defence minister [PERSON Sebastien Lecornu] in [GPE Tokyo] on Monday .\n"
      "[ORG Kremlin] spokesperson [PERSON Dmitry Peskov] declined to comment .");
  ExpectConsistent(doc);
  const Entity* kishida = Find(doc, "Fumio Kishida");
  ASSERT_NE(kishida, nullptr);
  EXPECT_TRUE(HasRole(kishida, "prime minister"));
  EXPECT_EQ(kishida->country, "JPN");
  EXPECT_EQ(kishida->actor, "JPNGOV");
  const Entity* colonna = Find(doc, "Catherine Colonna");
  ASSERT_NE(colonna, nullptr);
  EXPECT_TRUE(HasRole(colonna, "foreign minister"));
  EXPECT_EQ(colonna->actor, "FRAGOV");
  // The second minister of the pair shares the first one's country.
  const Entity* lecornu = Find(doc, "Sebastien Lecornu");
  ASSERT_NE(lecornu, nullptr);
  EXPECT_TRUE(HasRole(lecornu, "defence minister"));
  EXPECT_EQ(lecornu->country, "FRA");
  // A spokesperson takes the sector of the body they speak for.
  const Entity* peskov = Find(doc, "Dmitry Peskov");
  ASSERT_NE(peskov, nullptr);
  EXPECT_TRUE(HasRole(peskov, "spokesperson"));
  EXPECT_EQ(peskov->actor, "RUSGOV");
}

TEST_F(ResolverTest, NerMistakesAreRepaired) {
  // A title inside the name span, a seat of government tagged PERSON, a country
  // tagged ORG, a nationality cut short.
  Document doc = Resolve(
      "[PERSON President Emmanuel Macron] said the [PERSON Kremlin] had been warned .\n"
      "[ORG North Korea] rejected the plan , the [NORP North] Korean foreign ministry said .");
  ExpectConsistent(doc);
  const Entity* macron = Find(doc, "Emmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(macron->type, "PERSON");
  EXPECT_TRUE(HasRole(macron, "president"));
  const Entity* kremlin = Find(doc, "Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->type, "ORG");
  EXPECT_EQ(kremlin->actor, "RUSGOV");
  const Entity* nk = Find(doc, "North Korea");
  ASSERT_NE(nk, nullptr);
  EXPECT_EQ(nk->type, "GPE");
  EXPECT_EQ(nk->actor, "PRK");
  const Entity* norp = EntityOf(doc, "North Korean");
  ASSERT_NE(norp, nullptr);
  EXPECT_EQ(norp->country, "PRK");
}

TEST_F(ResolverTest, NationalitySplitInTwoNamesIsOneNationality) {
  // The NER tagged "North" and "Korean" as two nationalities; "Korean" alone would be
  // South Korea's, and the leader after it would take the wrong country.
  Document doc = Resolve(
      "[NORP Russian] President [PERSON Vladimir Putin] met [NORP North] [NORP Korean] leader "
      "[PERSON Kim Jong-un] on Wednesday .");
  ExpectConsistent(doc);
  const Entity* norp = EntityOf(doc, "North Korean");
  ASSERT_NE(norp, nullptr);
  EXPECT_EQ(norp->country, "PRK");
  EXPECT_EQ(EntityOf(doc, "Korean"), nullptr);
  const Entity* kim = Find(doc, "Kim Jong-un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->country, "PRK");
  EXPECT_EQ(kim->actor, "PRKGOV");
}

TEST_F(ResolverTest, SurnameThatIsAlsoATownStaysThePerson) {
  Document doc = Resolve(
      "Prime Minister [PERSON Ingrid Hale] lost the vote in [GPE Oslo] .\n"
      "[GPE Hale] said she would stay .");
  ExpectConsistent(doc);
  const Entity* hale = EntityOf(doc, "Hale");
  ASSERT_NE(hale, nullptr);
  EXPECT_EQ(hale->type, "PERSON");
  EXPECT_EQ(hale, Find(doc, "Ingrid Hale"));
  const Entity* oslo = EntityOf(doc, "Oslo");
  ASSERT_NE(oslo, nullptr);
  EXPECT_EQ(oslo->type, "GPE");
}

TEST_F(ResolverTest, NameWithAParticleTaggedInTwoPiecesIsOnePerson) {
  Document doc = Resolve("President [PERSON Lula] da [PERSON Silva] flew to [GPE Beijing] .\n[PERSON Lula] said it went well .");
  ExpectConsistent(doc);
  const Entity* lula = Find(doc, "Lula da Silva");
  ASSERT_NE(lula, nullptr);
  EXPECT_EQ(EntityOf(doc, "Silva"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Lula", doc.text.find('\n')), lula);
}

TEST_F(ResolverTest, AppositionRoleWithOrganization) {
  Document doc = Resolve(
      "The talks included [PERSON Kim Tok Hun] , the director of [GPE North Korea] 's State Planning Commission , "
      "and [PERSON Anna Berg] , a senior/ADJ adviser .");
  ExpectConsistent(doc);
  const Entity* kim = Find(doc, "Kim Tok Hun");
  ASSERT_NE(kim, nullptr);
  EXPECT_TRUE(HasRole(kim, "director of State Planning Commission"));
  EXPECT_EQ(kim->country, "PRK");
  EXPECT_EQ(kim->actor, "PRKGOV") << Dump(doc);
}

TEST_F(ResolverTest, SharedSurnameStaysApartAndDescriptionsLink) {
  Document doc = Resolve(
      "[GPE Russia] 's [PERSON Vladimir Putin] received [GPE North Korea] 's [PERSON Kim Jong-un] on Friday .\n"
      "[PERSON Kim] said he was grateful .\n"
      "\" We are brothers , \" the [NORP North] Korean leader said .\n"
      "[PERSON Kim] 's entourage includes [PERSON Choe Son Hui] and [PERSON Kim Yo Jong] , the powerful/ADJ "
      "sister of [GPE North Korea] 's leader .\n"
      "She later met [PERSON Putin] .");
  ExpectConsistent(doc);
  const Entity* kim = Find(doc, "Kim Jong-un");
  const Entity* sister = Find(doc, "Kim Yo Jong");
  ASSERT_NE(kim, nullptr);
  ASSERT_NE(sister, nullptr);
  EXPECT_NE(kim, sister);
  EXPECT_EQ(EntityOf(doc, "Kim"), kim);
  EXPECT_EQ(EntityOf(doc, "he"), kim);
  EXPECT_EQ(EntityOf(doc, "North Korean leader"), nullptr);  // the nominal includes "the"
  EXPECT_EQ(EntityOf(doc, "the North Korean leader"), kim);
  EXPECT_EQ(EntityOf(doc, "North Korea 's leader"), kim) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "She"), sister);
  EXPECT_TRUE(HasRole(kim, "leader"));
  EXPECT_TRUE(HasRole(sister, "sister"));
  EXPECT_EQ(sister->country, "PRK");
  EXPECT_EQ(EntityOf(doc, "Putin"), Find(doc, "Vladimir Putin"));
  // Kim's entourage: the head is Kim Jong-un, the members keep his country.
  ASSERT_EQ(doc.relations.size(), 1u);
  const document::Relation& r = doc.relations[0];
  EXPECT_EQ(r.type, "accompanied_by");
  EXPECT_EQ(&doc.entities[r.head], kim);
  ASSERT_EQ(r.members.size(), 2u);
  EXPECT_EQ(doc.entities[r.members[0]].name, "Choe Son Hui");
  EXPECT_EQ(doc.entities[r.members[0]].country, "PRK");
  EXPECT_EQ(&doc.entities[r.members[1]], sister);
}

TEST_F(ResolverTest, PronounSkipsHeadingsAndKeepsGender) {
  Document doc = Resolve(
      "[PERSON Olena Marchenko] , a spokeswoman for the ministry , spoke first .\n"
      "[PERSON Pavel Sokolov] told reporters the talks had gone well .\n"
      "[PERSON Marchenko] 's rival among delegates\n"
      "\" Nothing is agreed , \" he added . She did not reply .");
  ExpectConsistent(doc);
  EXPECT_EQ(EntityOf(doc, "he"), Find(doc, "Pavel Sokolov"));
  EXPECT_EQ(EntityOf(doc, "She"), Find(doc, "Olena Marchenko")) << Dump(doc);
}

TEST_F(ResolverTest, AccompaniedByAndMetonyms) {
  Document doc = Resolve(
      "[GPE Moscow] accused/VERB [GPE Kyiv] of escalation , officials in [GPE Moscow] said .\n"
      "[PERSON Lula] was accompanied by foreign minister [PERSON Mauro Vieira] and [PERSON Celso Amorim] .");
  ExpectConsistent(doc);
  const Entity* moscow = Find(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->actor, "RUSGOV");  // the first mention acts
  ASSERT_EQ(doc.relations.size(), 1u);
  EXPECT_EQ(doc.entities[doc.relations[0].head].name, "Lula");
  EXPECT_EQ(doc.relations[0].members.size(), 2u);
  EXPECT_EQ(doc.SpanText(doc.relations[0].evidence).substr(0, 4), "Lula");
}

TEST_F(ResolverTest, PlaceInLocativeUseIsNotAGovernment) {
  Document doc = Resolve("The delegation arrived in [GPE Pyongyang] on Sunday .");
  const Entity* city = Find(doc, "Pyongyang");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->country, "PRK");
  EXPECT_EQ(city->actor, "");
}

TEST_F(ResolverTest, OtherMentionsPassThrough) {
  Document doc = Build("[PERSON Anna Berg] arrived on [DATE Sunday] with [CARDINAL two] aides .");
  Resolver()->Resolve(doc);
  ExpectConsistent(doc);
  ASSERT_EQ(doc.mentions.size(), 3u);
  EXPECT_EQ(doc.mentions[1].type, "DATE");
  EXPECT_EQ(doc.mentions[1].entity, -1);
  EXPECT_EQ(doc.entities.size(), 1u);
}

// Wire copy is often hard-wrapped: a name broken over two lines is still one name, with
// one space, in the entity and its role; the mention keeps the text as written.
TEST_F(ResolverTest, NameWrappedOverTwoLinesIsNamedWithOneSpace) {
  Document doc = Build("Chairman [PERSON Anna Berg] of [ORG Nordic Harbour Holdings] said the port would grow .");
  for (size_t at : {doc.text.find("Anna Berg") + 4, doc.text.find("Harbour Holdings") + 7}) doc.text[at] = '\n';
  Resolver()->Resolve(doc);
  ExpectConsistent(doc);
  const Entity* berg = Find(doc, "Anna Berg");
  ASSERT_NE(berg, nullptr);
  EXPECT_EQ(doc.SpanText(doc.mentions[berg->mentions.front()].span), "Anna\nBerg");
  EXPECT_TRUE(Find(doc, "Nordic Harbour Holdings") != nullptr);
  for (const Entity& e : doc.entities) {
    EXPECT_EQ(e.name.find('\n'), std::string::npos) << e.name;
    for (const std::string& role : e.roles) EXPECT_EQ(role.find('\n'), std::string::npos) << role;
  }
}

// A given name tells the gender before any pronoun does: "he" after "Hillary Clinton"
// is the man named before her. A name written surname first (Kim Jong Un) tells nothing,
// and a pronoun overrules a given name when nobody else fits ("Devin" ... "she").
TEST_F(ResolverTest, GivenNamesKeepHeAndSheApart) {
  Document doc = Resolve(
      "[PERSON Mike Pence] met [PERSON Hillary Clinton] in [GPE Ohio] . He said the talks went well .\n"
      "[PERSON Kim Jong Un] arrived later . He was smiling .\n"
      "[PERSON Devin Marsh] , a nurse , spoke next . She said the ward was full .");
  ExpectConsistent(doc);
  auto cluster_of = [&](std::string_view pronoun, size_t nth) -> const Entity* {
    for (const document::Mention& m : doc.mentions) {
      if (doc.SpanText(m.span) == pronoun && nth-- == 0) return m.entity >= 0 ? &doc.entities[m.entity] : nullptr;
    }
    return nullptr;
  };
  const Entity* he1 = cluster_of("He", 0);
  ASSERT_NE(he1, nullptr);
  EXPECT_EQ(he1->name, "Mike Pence");
  const Entity* he2 = cluster_of("He", 1);
  ASSERT_NE(he2, nullptr);
  EXPECT_EQ(he2->name, "Kim Jong Un");
  const Entity* she = cluster_of("She", 0);
  ASSERT_NE(she, nullptr);
  EXPECT_EQ(she->name, "Devin Marsh");
}

TEST_F(ResolverTest, PlaceAfterOfLeavesThePersonName) {
  Document doc = Resolve(
      "Governor [PERSON Ana Ruiz of Oregon] met [PERSON Tom Reyes of Arizona] . [PERSON Ruiz] said the water deal was close .");
  ExpectConsistent(doc);
  const Entity* ruiz = Find(doc, "Ana Ruiz");
  ASSERT_NE(ruiz, nullptr);
  EXPECT_EQ(ruiz->mentions.size(), 2u);  // "Ruiz" joins her
  EXPECT_NE(Find(doc, "Tom Reyes"), nullptr);
  const Entity* oregon = Find(doc, "Oregon");
  ASSERT_NE(oregon, nullptr);
  EXPECT_EQ(oregon->type, "GPE");
  EXPECT_EQ(oregon->country, "USA");
  EXPECT_NE(Find(doc, "Arizona"), nullptr);
}

TEST_F(ResolverTest, AbbreviatedTitlesAreKeptWrittenOut) {
  Document doc = Resolve("[PERSON Sen. Ana Ruiz] and Col. [PERSON Tom Reyes] met [PERSON Prof. Lena Berg] .");
  ExpectConsistent(doc);
  EXPECT_TRUE(HasRole(Find(doc, "Ana Ruiz"), "senator")) << Dump(doc);
  EXPECT_TRUE(HasRole(Find(doc, "Tom Reyes"), "colonel")) << Dump(doc);
  EXPECT_TRUE(HasRole(Find(doc, "Lena Berg"), "professor")) << Dump(doc);
}

TEST_F(ResolverTest, ContinentalAdjectivesHaveNoCountry) {
  Document doc = Resolve(
      "Latin [NORP American] leaders met in [GPE Lima] . [PERSON North] [NORP American] markets fell .");
  ExpectConsistent(doc);
  const Entity* latin = Find(doc, "Latin American");
  ASSERT_NE(latin, nullptr) << Dump(doc);
  EXPECT_EQ(latin->type, "NORP");
  EXPECT_EQ(latin->country, "");
  const Entity* north = Find(doc, "North American");
  ASSERT_NE(north, nullptr) << Dump(doc);
  EXPECT_EQ(north->country, "");
  for (const Entity& e : doc.entities) EXPECT_NE(e.country, "USA") << Dump(doc);
  EXPECT_EQ(Find(doc, "North"), nullptr) << Dump(doc);
}

TEST_F(ResolverTest, TitleCutByTheNerIsStillStripped) {
  Document doc = Resolve(
      "Secretary [PERSON of State Ana Ruiz] met Adm. [PERSON Tom Reyes] , Rep. [PERSON Lena Berg] and "
      "[ORG Adm Carl Moberg] .");
  ExpectConsistent(doc);
  const Entity* ruiz = Find(doc, "Ana Ruiz");
  ASSERT_NE(ruiz, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(ruiz, "secretary of state")) << Dump(doc);
  EXPECT_TRUE(HasRole(Find(doc, "Tom Reyes"), "admiral")) << Dump(doc);
  EXPECT_TRUE(HasRole(Find(doc, "Lena Berg"), "representative")) << Dump(doc);
  const Entity* moberg = Find(doc, "Carl Moberg");  // a title and a name tagged ORG
  ASSERT_NE(moberg, nullptr) << Dump(doc);
  EXPECT_EQ(moberg->type, "PERSON");
  EXPECT_TRUE(HasRole(moberg, "admiral")) << Dump(doc);
}

TEST_F(ResolverTest, NamesInAHeadingTakeNoCapitalizedWords) {
  Document doc = Resolve("[PERSON Warren] Campaign Reportedly Scrambling\n[PERSON Anna Warren] said turnout was low .");
  ExpectConsistent(doc);
  const Entity* warren = Find(doc, "Anna Warren");
  ASSERT_NE(warren, nullptr) << Dump(doc);
  EXPECT_EQ(warren->mentions.size(), 2u) << Dump(doc);
  EXPECT_EQ(doc.entities.size(), 1u) << Dump(doc);
}

TEST_F(ResolverTest, ResolveTwiceGivesTheSameResult) {
  Document doc = Build("[PERSON Anna Berg] said she would return to [GPE Norway] .");
  Resolver()->Resolve(doc);
  Document again = doc;
  Resolver()->Resolve(again);
  EXPECT_EQ(again.entities.size(), doc.entities.size());
  EXPECT_EQ(again.mentions.size(), doc.mentions.size());
}

TEST_F(ResolverTest, ADescriptionOfAnotherRoleIsSomebodyElse) {
  // Putin is known as president: Russia's defence minister is another man, though
  // Russian; "the minister" may be the foreign minister named before.
  Document doc = Resolve(
      "[NORP Russian] President [PERSON Oleg Varnov] met [NORP Chinese] leader [PERSON Wu Tianming] .\n"
      "[GPE Russia] 's defence minister said the armies would hold drills .\n"
      "The [NORP Chinese] foreign minister said talks went well .\n"
      "The [NORP Russian] leader said the meeting was friendly .");
  ExpectConsistent(doc);
  const Entity* varnov = Find(doc, "Oleg Varnov");
  const Entity* wu = Find(doc, "Wu Tianming");
  ASSERT_NE(varnov, nullptr) << Dump(doc);
  ASSERT_NE(wu, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "The Russian leader"), varnov) << Dump(doc);
  EXPECT_NE(EntityOf(doc, "Russia 's defence minister"), varnov) << Dump(doc);
  EXPECT_NE(EntityOf(doc, "The Chinese foreign minister"), wu) << Dump(doc);
  EXPECT_FALSE(HasRole(varnov, "defence minister")) << Dump(doc);
  EXPECT_FALSE(HasRole(wu, "foreign minister")) << Dump(doc);
}

TEST_F(ResolverTest, AGenericRoleMatchesTheSpecificOne) {
  Document doc = Resolve(
      "[NORP Peruvian] Foreign Minister [PERSON Lucia Arrieta] arrived on Monday .\n"
      "The [NORP Peruvian] minister said she would stay two days .");
  ExpectConsistent(doc);
  const Entity* arrieta = Find(doc, "Lucia Arrieta");
  ASSERT_NE(arrieta, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "The Peruvian minister"), arrieta) << Dump(doc);
}

TEST_F(ResolverTest, ATownsOfficialIsNotFoundByTheCountryAlone) {
  // Nothing says Dana Whitfield is the mayor; both are in Peru's story only by the town.
  Document doc = Resolve(
      "[PERSON Dana Whitfield] spoke to reporters in [GPE Lima] .\n"
      "[GPE Arequipa] 's mayor said the roads were open .");
  ExpectConsistent(doc);
  const Entity* dana = Find(doc, "Dana Whitfield");
  ASSERT_NE(dana, nullptr) << Dump(doc);
  EXPECT_NE(EntityOf(doc, "Arequipa 's mayor"), dana) << Dump(doc);
  EXPECT_FALSE(HasRole(dana, "mayor")) << Dump(doc);
}

// Sets the parse of sentence `index` of `doc`: (head, deprel) per token, CoNLL-U style.
void SetTree(Document& doc, size_t index, const std::vector<std::pair<int, std::string>>& tree) {
  ASSERT_LT(index, doc.sentences.size());
  const document::Sentence& s = doc.sentences[index];
  ASSERT_EQ(s.token_end - s.token_begin, tree.size()) << "sentence " << index;
  for (size_t i = 0; i < tree.size(); ++i) {
    doc.tokens[s.token_begin + i].head = tree[i].first;
    doc.tokens[s.token_begin + i].deprel = tree[i].second;
  }
}

TEST_F(ResolverTest, APredicateDescriptionNamesItsSubject) {
  // Known as a senator, he "was the mayor of Eastbridge": the copula says so, though no
  // role in common does; the pronouns after it stay his.
  Document doc = Build(
      "Senator [PERSON Walter Brinkley] spoke on Monday .\n"
      "He was the mayor of [GPE Eastbridge] in the 1980s .\n"
      "But he says his views have not changed .");
  // The parse of the second sentence, as UD has it: "mayor" the root, "was" its cop.
  SetTree(doc, 1, {{4, "nsubj"}, {4, "cop"}, {4, "det"}, {0, "root"}, {6, "case"}, {4, "nmod"}, {9, "case"},
                   {9, "det"}, {4, "obl"}, {4, "punct"}});
  Resolver()->Resolve(doc);
  ExpectConsistent(doc);
  const Entity* brinkley = Find(doc, "Walter Brinkley");
  ASSERT_NE(brinkley, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "the mayor of Eastbridge"), brinkley) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "his"), brinkley) << Dump(doc);
  EXPECT_TRUE(HasRole(brinkley, "mayor")) << Dump(doc);
}

TEST_F(ResolverTest, ItInWhatACountryOrACompanySaysIsThatReporter) {
  Document doc = Build(
      "[GPE Veloria] said/VERB on Tuesday that it would impose sanctions .\n"
      "It is likely that talks will resume .\n"
      "Both [ORG Halden Corp] and [ORG Mirov Ltd] expect/VERB it to pass .");
  // Veloria said(2) ... that(5) it(6) would(7) impose(8): "impose" the said's ccomp.
  SetTree(doc, 0, {{2, "nsubj"}, {0, "root"}, {4, "case"}, {2, "obl"}, {8, "mark"}, {8, "nsubj"}, {8, "aux"},
                   {2, "ccomp"}, {8, "obj"}, {2, "punct"}});
  // It(1) is(2) likely(3) ...: "it" the expletive subject of the root.
  SetTree(doc, 1, {{3, "expl"}, {3, "cop"}, {0, "root"}, {7, "mark"}, {7, "nsubj"}, {7, "aux"}, {3, "csubj"},
                   {3, "punct"}});
  // Both(1) Halden(2) Corp(3) and(4) Mirov(5) Ltd(6) expect(7) it(8) to(9) pass(10): two reporters.
  SetTree(doc, 2, {{3, "cc:preconj"}, {3, "compound"}, {7, "nsubj"}, {6, "cc"}, {6, "compound"}, {3, "conj"},
                   {0, "root"}, {10, "nsubj"}, {10, "mark"}, {7, "ccomp"}, {7, "punct"}});
  Resolver()->Resolve(doc);
  ExpectConsistent(doc);
  const Entity* veloria = Find(doc, "Veloria");
  ASSERT_NE(veloria, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "it"), veloria) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "It"), nullptr) << Dump(doc);
  int its = 0;
  for (const document::Mention& m : doc.mentions) its += doc.SpanText(m.span) == "it" || doc.SpanText(m.span) == "It";
  EXPECT_EQ(its, 1) << Dump(doc);  // neither the expletive nor the one two companies expect
}

TEST_F(ResolverTest, ABodyDescribedByWhatItIsIsTheBodyNamedBefore) {
  Document doc = Resolve(
      "The [ORG Foreign Ministry of Veloria] protested on Friday .\n"
      "The ministry said ships had entered its waters .\n"
      "[GPE Peru] declared a state of emergency .\n"
      "The country asked for aid .");
  ExpectConsistent(doc);
  EXPECT_EQ(EntityOf(doc, "The ministry"), Find(doc, "Foreign Ministry of Veloria")) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "The country"), Find(doc, "Peru")) << Dump(doc);
}

TEST_F(ResolverTest, TheGovernmentIsTheOneCountrysGovernment) {
  Document doc = Resolve(
      "[GPE Peru] declared a state of emergency .\n"
      "The government said floods had killed 40 people , and the government would ask for aid .\n"
      "[GPE Chile] and [GPE Bolivia] sent planes .\n"
      "The government said more would come .");
  ExpectConsistent(doc);
  const Entity* government = EntityOf(doc, "The government");
  ASSERT_NE(government, nullptr) << Dump(doc);
  EXPECT_NE(government, Find(doc, "Peru"));  // the government, not the country
  EXPECT_EQ(government->actor, "PERGOV") << Dump(doc);
  EXPECT_EQ(government->mentions.size(), 2u) << Dump(doc);  // the second of two countries' is nobody's guess
}

TEST_F(ResolverTest, TheCountryOfTwoIsNobodysGuess) {
  Document doc = Resolve(
      "[GPE Chile] hosted [GPE Bolivia] 's president at the country 's naval base .");
  ExpectConsistent(doc);
  EXPECT_EQ(EntityOf(doc, "the country"), nullptr) << Dump(doc);
}

TEST_F(ResolverTest, TheCompanyIsTheOneTheStoryIsAbout) {
  Document doc = Build(
      "[ORG Carling Brewing] said it would keep its [ORG Argonaut Club] .\n"
      "The company said it had offers .\n"
      "The [ORG Trade Commission] fined the firm .\n"
      "Later the company/NOUN spokesman/NOUN declined to comment .");
  // Carling(1) Brewing(2) said(3) it(4) would(5) keep(6) its(7) Argonaut(8) Club(9) .(10)
  SetTree(doc, 0, {{2, "compound"}, {3, "nsubj"}, {0, "root"}, {6, "nsubj"}, {6, "aux"}, {3, "ccomp"},
                   {9, "nmod:poss"}, {9, "compound"}, {6, "obj"}, {3, "punct"}});
  Resolver()->Resolve(doc);
  ExpectConsistent(doc);
  const Entity* carling = Find(doc, "Carling Brewing");
  ASSERT_NE(carling, nullptr) << Dump(doc);
  // Both were named once, the club last; the brewer is the one that acted.
  EXPECT_EQ(EntityOf(doc, "The company"), carling) << Dump(doc);
  // A public body is no company: "the firm" after the commission is still the brewer.
  EXPECT_EQ(EntityOf(doc, "the firm"), carling) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "the company"), nullptr) << Dump(doc);  // a premodifier: the spokesman is not the company
}

TEST_F(ResolverTest, ItsPrefersTheBodyThatActed) {
  Document doc = Build(
      "[ORG Norvik Steel] said/VERB it would close plants in [GPE Ohio] .\n"
      "Its chief executive resigned .");
  SetTree(doc, 0, {{2, "compound"}, {3, "nsubj"}, {0, "root"}, {6, "nsubj"}, {6, "aux"}, {3, "ccomp"},
                   {6, "obj"}, {9, "case"}, {6, "obl"}, {3, "punct"}});
  Resolver()->Resolve(doc);
  ExpectConsistent(doc);
  const Entity* norvik = Find(doc, "Norvik Steel");
  ASSERT_NE(norvik, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Its"), norvik) << Dump(doc);  // not Ohio, the latest
}

TEST_F(ResolverTest, ADescriptionAfterTheQuoteItAttributesIsTheSpeakers) {
  Document doc = Resolve(
      "\" We will not accept this , '' the [ORG White House] spokesman , [PERSON Ellis Harmon] , said .");
  ExpectConsistent(doc);
  const Entity* harmon = Find(doc, "Ellis Harmon");
  ASSERT_NE(harmon, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(harmon, "spokesman")) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "the White House spokesman"), harmon) << Dump(doc);
}

TEST_F(ResolverTest, MissedCountriesAndMergedNamesAreRecovered) {
  // The NER missed "North Korean" and ran a body and a person together.
  Document doc = Resolve(
      "[PERSON Kim Jong-un] spoke . \" We are ready , \" the North Korean leader said .\n"
      "He was joined by the commander of the [ORG Korean People 's Army Ri Pyong Chol] .");
  ExpectConsistent(doc);
  const Entity* kim = Find(doc, "Kim Jong-un");
  ASSERT_NE(kim, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "the North Korean leader"), kim) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "He"), kim);
  const Entity* ri = Find(doc, "Ri Pyong Chol");
  ASSERT_NE(ri, nullptr) << Dump(doc);
  EXPECT_EQ(ri->type, "PERSON");
  EXPECT_EQ(ri->actor, "PRKMIL") << Dump(doc);
  const Entity* army = EntityOf(doc, "Korean People 's Army");
  ASSERT_NE(army, nullptr) << Dump(doc);
  EXPECT_EQ(army->actor, "PRKMIL");
}

TEST_F(ResolverTest, PronounMentionsTakeTheirEntityType) {
  Document doc = Resolve("[GPE Norway] said its fleet would stay .");
  const Entity* norway = EntityOf(doc, "its");
  ASSERT_NE(norway, nullptr);
  EXPECT_EQ(norway->name, "Norway");
  for (const document::Mention& m : doc.mentions) EXPECT_EQ(m.type, "GPE");
}

TEST_F(ResolverTest, SplitNamesTitlesAndFrontAppositions) {
  Document doc = Resolve(
      "[GPE China] 's delegate , Lt. [PERSON Gen.] Zhou Weimin , replied .\n"
      "[ORG WFP] country director [PERSON Anne] - [PERSON Marie Dubois] said aid was late .\n"
      "[PERSON Robert M. Hale Jr.] flew home . Mr. [PERSON Hale] said nothing .");
  ExpectConsistent(doc);
  const Entity* zhou = Find(doc, "Zhou Weimin");
  ASSERT_NE(zhou, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(zhou, "delegate")) << Dump(doc);
  EXPECT_EQ(zhou->country, "CHN");
  EXPECT_EQ(EntityOf(doc, "China 's delegate"), zhou) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Gen."), nullptr) << Dump(doc);  // folded into the name's role
  EXPECT_TRUE(HasRole(zhou, "general")) << Dump(doc);  // "Gen." written out
  const Entity* dubois = Find(doc, "Anne-Marie Dubois");
  ASSERT_NE(dubois, nullptr) << Dump(doc);
  EXPECT_EQ(dubois->actor, "IGOWFP");
  EXPECT_TRUE(HasRole(dubois, "country director"));
  EXPECT_EQ(EntityOf(doc, "Hale"), Find(doc, "Robert M. Hale Jr."));
}

TEST_F(ResolverTest, DescriptionsWithAnArticleOrAPostBeforeAName) {
  Document doc = Resolve(
      "A senior/ADJ [ORG Hamas] official , [PERSON Basem Narin] , said the group was ready .\n"
      "[GPE Iran] 's ambassador to the agency , [PERSON Reza Nadiri] , said the report was wrong .\n"
      "A spokesman for the ministry , [PERSON Omar Sallal] , said the talks would resume .");
  ExpectConsistent(doc);
  const Entity* narin = Find(doc, "Basem Narin");
  ASSERT_NE(narin, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(narin, "official")) << Dump(doc);
  EXPECT_EQ(narin->actor, "PSEREB") << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "A senior Hamas official"), narin) << Dump(doc);
  const Entity* nadiri = Find(doc, "Reza Nadiri");
  ASSERT_NE(nadiri, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(nadiri, "ambassador")) << Dump(doc);
  EXPECT_EQ(nadiri->country, "IRN");
  const Entity* sallal = Find(doc, "Omar Sallal");
  ASSERT_NE(sallal, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(sallal, "spokesman")) << Dump(doc);
}

TEST_F(ResolverTest, AHyphenatedWordBetweenNationalityAndRoleIsOneWord) {
  Document doc = Resolve("[NORP Bolivian] centre/ADJ -/PUNCT right/ADJ candidate/NOUN [PERSON Rodrigo Vaz] won .");
  const Entity* vaz = Find(doc, "Rodrigo Vaz");
  ASSERT_NE(vaz, nullptr) << Dump(doc);
  EXPECT_EQ(vaz->country, "BOL") << Dump(doc);
  EXPECT_TRUE(HasRole(vaz, "centre-right candidate")) << Dump(doc);
}

TEST_F(ResolverTest, NamesTheTextGivesAreAliases) {
  Document doc = Resolve(
      "The main opposition [ORG Zarovian People 's Party] ( [ORG ZHP] ) won .\n"
      "[PERSON Mohamed Hamdan Darlo] , known as [PERSON Hemmet] , did not comment .\n"
      "[ORG ZHP] leader [PERSON Ozan Ozer] said [PERSON Hemmet] had lost .\n"
      "[ORG Acme Corp] ( [GPE Paris] ) fell .");
  ExpectConsistent(doc);
  const Entity* party = Find(doc, "Zarovian People 's Party");
  ASSERT_NE(party, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "ZHP"), party) << Dump(doc);
  int zhp_mentions = 0;
  for (const document::Mention& m : doc.mentions) {
    if (doc.SpanText(m.span) == "ZHP" && m.entity >= 0 && &doc.entities[m.entity] == party) ++zhp_mentions;
  }
  EXPECT_EQ(zhp_mentions, 2) << Dump(doc);
  const Entity* darlo = Find(doc, "Mohamed Hamdan Darlo");
  ASSERT_NE(darlo, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Hemmet"), darlo) << Dump(doc);
  EXPECT_EQ(Find(doc, "Hemmet"), nullptr) << Dump(doc);
  EXPECT_NE(EntityOf(doc, "Paris"), Find(doc, "Acme Corp"));
}

TEST_F(ResolverTest, ShortPersonSpansGrowAndBareDescriptionsAreDropped) {
  Document doc = Resolve(
      "Health Minister [PERSON Oliver] Grant said on [DATE Monday] the hospital would open .\n"
      "Defence Minister No [PERSON Kwang Chol] agreed .\n"
      "The director said her film was finished .");
  ExpectConsistent(doc);
  const Entity* grant = Find(doc, "Oliver Grant");
  ASSERT_NE(grant, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(grant, "health minister"));
  EXPECT_EQ(grant->sector, "GOV");
  const Entity* no = Find(doc, "No Kwang Chol");
  ASSERT_NE(no, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(no, "defence minister"));
  EXPECT_EQ(EntityOf(doc, "The director"), nullptr) << Dump(doc);  // no name, no affiliation
}

// An organization's own words give its country and sector; an acronym is no town.
TEST_F(ResolverTest, OrganizationsReadTheirCountryAndSectorFromTheirNames) {
  Document doc = Resolve(
      "The [ORG U.S. Agriculture Department] said [ORG British Quellways] and [ORG Bank of Varnia] met .\n"
      "The [ORG ICO] and the [ORG Fed] agreed , [ORG Moscow] said .");
  ExpectConsistent(doc);
  const Entity* usda = Find(doc, "U.S. Agriculture Department");
  ASSERT_NE(usda, nullptr) << Dump(doc);
  EXPECT_EQ(usda->country, "USA");
  EXPECT_EQ(usda->actor, "USAGOV");
  const Entity* airline = Find(doc, "British Quellways");
  ASSERT_NE(airline, nullptr) << Dump(doc);
  EXPECT_EQ(airline->country, "GBR");
  const Entity* bank = Find(doc, "Bank of Varnia");
  ASSERT_NE(bank, nullptr) << Dump(doc);
  EXPECT_EQ(bank->country, "");  // no place the gazetteer knows
  EXPECT_EQ(bank->sector, "BUS");
  const Entity* ico = Find(doc, "ICO");
  ASSERT_NE(ico, nullptr) << Dump(doc);
  EXPECT_EQ(ico->type, "ORG");  // not the town of Icó, Brazil
  const Entity* fed = Find(doc, "Federal Reserve");  // the KB's canonical name
  ASSERT_NE(fed, nullptr) << Dump(doc);
  EXPECT_EQ(fed->actor, "USAGOV");
  const Entity* moscow = Find(doc, "Moscow");
  ASSERT_NE(moscow, nullptr) << Dump(doc);
  EXPECT_EQ(moscow->type, "GPE");  // a capital named as an actor stays the place
}

TEST_F(ResolverTest, TitlesBelongToTheNamesTheyPrecede) {
  // A verb between a name and a title is no part of the role, and gives no affiliation.
  Document hailed = Resolve("[GPE Japan] hailed/VERB President [PERSON Tom Quellin] on Monday .");
  const Entity* quellin = Find(hailed, "Tom Quellin");
  ASSERT_NE(quellin, nullptr) << Dump(hailed);
  EXPECT_FALSE(HasRole(quellin, "hailed president")) << Dump(hailed);
  EXPECT_EQ(quellin->country, "") << Dump(hailed);
  // In a list of names, a title belongs to the name after it.
  Document listed = Resolve("It named [PERSON Tom Quellin] , Vice President [PERSON Ann Varno] and others .");
  const Entity* listed_quellin = Find(listed, "Tom Quellin");
  ASSERT_NE(listed_quellin, nullptr) << Dump(listed);
  EXPECT_TRUE(listed_quellin->roles.empty()) << Dump(listed);
  EXPECT_TRUE(HasRole(Find(listed, "Ann Varno"), "vice president")) << Dump(listed);
}

TEST_F(ResolverTest, WireCopyNerMistakesAndLeaderRoles) {
  Document doc = Resolve(
      "[GPE U.S.] Treasury Secretary [PERSON James Baker] met bankers from [PERSON Lloyds Bank Plc] .\n"
      "[ORG Finance Minister] [PERSON Sheikh Hamad al-Thani] attended .\n"
      "[NORP Lebanese] President [PERSON Amin Gemayel] met the Maronite leader/NOUN . "
      "The talks ensure the Prime Minister is elected by parliament .");
  ExpectConsistent(doc);
  const Entity* baker = Find(doc, "James Baker");
  ASSERT_NE(baker, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(baker, "treasury secretary")) << Dump(doc);
  EXPECT_EQ(baker->actor, "USAGOV");
  const Entity* lloyds = Find(doc, "Lloyds Bank Plc");
  ASSERT_NE(lloyds, nullptr);
  EXPECT_EQ(lloyds->type, "ORG");
  EXPECT_EQ(Find(doc, "Finance Minister"), nullptr) << Dump(doc);
  // A body named for a title word ("justice") is still a body.
  Document courts = Resolve(
      "The [ORG International Court of Justice] ruled and the [ORG Ministry of Justice] said it would comply .");
  const Entity* icj = Find(courts, "International Court of Justice");
  ASSERT_NE(icj, nullptr) << Dump(courts);
  EXPECT_EQ(icj->actor, "IGOICJ");
  EXPECT_NE(Find(courts, "Ministry of Justice"), nullptr) << Dump(courts);
  const Entity* gemayel = Find(doc, "Amin Gemayel");
  ASSERT_NE(gemayel, nullptr);
  EXPECT_FALSE(HasRole(gemayel, "prime minister")) << Dump(doc);  // a president is not the prime minister
}

TEST_F(ResolverTest, ListMembersTaggedAsBodiesAreRepaired) {
  // Another NER's take on a delegation list: the army's name cut, a person run into
  // it, and one member tagged ORG.
  Document doc = Resolve(
      "[PERSON Kim Jong-un] 's entourage includes commander of the [NORP Korean] People 's "
      "[ORG Army Ri Pyong Chol] , [ORG Pak Jong Chon] , and [PERSON Jo Chun Ryong] .");
  ExpectConsistent(doc);
  const Entity* ri = Find(doc, "Ri Pyong Chol");
  ASSERT_NE(ri, nullptr) << Dump(doc);
  EXPECT_EQ(ri->actor, "PRKMIL");
  const Entity* pak = Find(doc, "Pak Jong Chon");
  ASSERT_NE(pak, nullptr);
  EXPECT_EQ(pak->type, "PERSON") << Dump(doc);
  ASSERT_EQ(doc.relations.size(), 1u);
  EXPECT_EQ(doc.relations[0].members.size(), 3u) << Dump(doc);
}

TEST_F(ResolverTest, InternationalBodiesAndTheirOfficials) {
  Document doc = Resolve(
      "The [ORG Asian Development Bank] said it would lend [GPE Pakistan] money .\n"
      "ADB president [PERSON Masato Kanda] called it urgent , the [ORG UN] said .");
  ExpectConsistent(doc);
  const Entity* adb = Find(doc, "Asian Development Bank");
  ASSERT_NE(adb, nullptr) << Dump(doc);
  EXPECT_EQ(adb->actor, "IGOADB");
  EXPECT_EQ(EntityOf(doc, "ADB"), adb);
  const Entity* kanda = Find(doc, "Masato Kanda");
  ASSERT_NE(kanda, nullptr);
  EXPECT_EQ(kanda->actor, "IGOADB");
  EXPECT_EQ(kanda->sector, "IGO");
  const Entity* un = EntityOf(doc, "UN");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->actor, "IGOUNO");  // from the gazetteer's organizations
  // The press of the 1980s wrote "EC Commission" for the European Commission.
  Document ec = Resolve("The [ORG EC Commission] cut its forecast .");
  const Entity* commission = Find(ec, "European Commission");
  ASSERT_NE(commission, nullptr) << Dump(ec);
  EXPECT_EQ(commission->actor, "IGOEUC");
  // "the fund" is the fund named before.
  Document fund = Resolve(
      "The [ORG International Monetary Fund] agreed to lend [GPE Kenya] money , the fund/NOUN said/VERB .");
  const Entity* imf = Find(fund, "International Monetary Fund");
  ASSERT_NE(imf, nullptr) << Dump(fund);
  EXPECT_EQ(EntityOf(fund, "the fund"), imf) << Dump(fund);
}

// "The Israeli military said": a state body its nationality names is an entity of its own,
// of that country and sector, which later such descriptions join.
TEST_F(ResolverTest, AStateBodyNamedByItsNationalityIsTheCountrys) {
  Document doc = Resolve(
      "The [NORP Chilean] military/NOUN said/VERB it struck two depots .\n"
      "Talks resumed , the [NORP Peruvian] foreign/ADJ ministry/NOUN said/VERB .\n"
      "The [NORP Chilean] military/NOUN denied it .\n"
      "The [NORP Chilean] military/NOUN spokesman/NOUN said so .");
  ExpectConsistent(doc);
  const Entity* military = EntityOf(doc, "The Chilean military");
  ASSERT_NE(military, nullptr) << Dump(doc);
  EXPECT_EQ(military->type, "ORG");
  EXPECT_EQ(military->sector, "MIL");
  EXPECT_EQ(EntityOf(doc, "The Chilean military", doc.text.find("denied") - 30), military);
  const Entity* ministry = EntityOf(doc, "the Peruvian foreign ministry");
  ASSERT_NE(ministry, nullptr) << Dump(doc);
  EXPECT_EQ(ministry->sector, "GOV");
  // A country's possessive names it the same way.
  Document armenia = Resolve("[GPE Armenia] 's foreign/ADJ ministry/NOUN criticised/VERB the deal .");
  const Entity* body = EntityOf(armenia, "Armenia 's foreign ministry");
  ASSERT_NE(body, nullptr) << Dump(armenia);
  EXPECT_EQ(body->country, "ARM");
  EXPECT_EQ(body->sector, "GOV");
  // Before a role word the words are the person's title, not the body.
  EXPECT_NE(EntityOf(doc, "The Chilean military", doc.text.find("spokesman") - 25), military);
}

// A name used by one of its middle words ("Lula" of "Luiz Inacio Lula da Silva") is that
// person; a particle ("bin") is nobody's name.
TEST_F(ResolverTest, AMiddleNameNamesThePerson) {
  Document doc = Resolve(
      "[PERSON Luiz Inacio Lula da Silva] arrived in [GPE Lima] .\n"
      "[PERSON Lula] met the president .\n"
      "[PERSON Khalid bin Salman Varno] spoke . [PERSON bin] said nothing .");
  ExpectConsistent(doc);
  const Entity* lula = Find(doc, "Luiz Inacio Lula da Silva");
  ASSERT_NE(lula, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Lula", doc.text.find("Lula met")), lula) << Dump(doc);
  EXPECT_NE(EntityOf(doc, "bin", doc.text.find("bin said")), Find(doc, "Khalid bin Salman Varno"));
  // A short surname written first, read alone as a body, is still the person.
  Document xi = Resolve("[PERSON Xi Jinping] hosted the talks .\nThe envoy told [ORG Xi] that trade would grow .");
  const Entity* host = Find(xi, "Xi Jinping");
  ASSERT_NE(host, nullptr) << Dump(xi);
  EXPECT_EQ(EntityOf(xi, "Xi", xi.text.find("Xi that")), host) << Dump(xi);
}

// "The bloc" and "the alliance" stand for the international body the story has just named.
TEST_F(ResolverTest, TheBlocIsTheBodyJustNamed) {
  Document doc = Resolve(
      "[ORG European Union] ministers agreed on new sanctions , the bloc/NOUN 's foreign/ADJ policy/NOUN chief/NOUN "
      "said .\n"
      "The alliance/NOUN 's secretary-general said it was ready .");
  ExpectConsistent(doc);
  const Entity* chief = EntityOf(doc, "the bloc 's foreign policy chief");
  ASSERT_NE(chief, nullptr) << Dump(doc);
  EXPECT_EQ(chief->actor, "IGOEUR");
  EXPECT_TRUE(HasRole(chief, "foreign policy chief")) << Dump(doc);
  // No alliance was named: the role stays without a body.
  const Entity* head = EntityOf(doc, "The alliance 's secretary-general");
  if (head != nullptr) {
    EXPECT_EQ(head->actor, "") << Dump(doc);
  }
}

// "His spokeswoman, X," speaks for the man named before; "Her lawyer, Y," is hers but holds
// no office of her government.
TEST_F(ResolverTest, AnOfficeOfAPersonNamedBeforeGivesTheirSide) {
  Document doc = Resolve(
      "[NORP Belarusian] President [PERSON Arvid Kessel] condemned the sanctions .\n"
      "His spokeswoman , [PERSON Mira Tolvanen] , said the government would respond .\n"
      "[GPE Hungary] 's foreign minister , [PERSON Ilona Vass] , backed them .\n"
      "Her lawyer , [PERSON Otto Brenner] , declined to comment .");
  ExpectConsistent(doc);
  const Entity* tolvanen = Find(doc, "Mira Tolvanen");
  ASSERT_NE(tolvanen, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(tolvanen, "spokeswoman")) << Dump(doc);
  EXPECT_EQ(tolvanen->country, "BLR");
  EXPECT_EQ(tolvanen->sector, "GOV");
  const Entity* brenner = Find(doc, "Otto Brenner");
  ASSERT_NE(brenner, nullptr);
  EXPECT_TRUE(HasRole(brenner, "lawyer")) << Dump(doc);
  EXPECT_NE(brenner->sector, "GOV");
}

// "A spokesman for X, Y," gives Y the office and X's side; "the ambassador of France, Z," is
// France's; a lawyer for someone serves no government.
TEST_F(ResolverTest, AnOfficeHeldForAPrincipalNamedBeforeTheName) {
  Document doc = Resolve(
      "[NORP Belarusian] President [PERSON Arvid Kessel] condemned the sanctions .\n"
      "A spokesman for [PERSON Kessel] , [PERSON Mira Tolvanen] , said the government would respond .\n"
      "The ambassador of [GPE France] , [PERSON Jean Morel] , disagreed .\n"
      "A lawyer for [PERSON Kessel] , [PERSON Otto Brenner] , declined to comment .");
  ExpectConsistent(doc);
  const Entity* tolvanen = Find(doc, "Mira Tolvanen");
  ASSERT_NE(tolvanen, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(tolvanen, "spokesman")) << Dump(doc);
  EXPECT_EQ(tolvanen->country, "BLR");
  EXPECT_EQ(tolvanen->sector, "GOV");
  const Entity* morel = Find(doc, "Jean Morel");
  ASSERT_NE(morel, nullptr);
  EXPECT_TRUE(HasRole(morel, "ambassador")) << Dump(doc);
  EXPECT_EQ(morel->country, "FRA");
  const Entity* brenner = Find(doc, "Otto Brenner");
  ASSERT_NE(brenner, nullptr);
  EXPECT_TRUE(HasRole(brenner, "lawyer")) << Dump(doc);
  EXPECT_NE(brenner->sector, "GOV");
}

// "His delegation also included X": X accompanies the man "his" refers to and keeps his
// country; "Chinh's spokeswoman, Y," (Y typed MISC by the NER) is a person holding that office
// for Chinh's side.
TEST_F(ResolverTest, ADelegationAndANamedPersonsSpokeswoman) {
  Document doc = Resolve(
      "[NORP Indonesian] President [PERSON Arif Quorn] arrived .\n"
      "His/PRON delegation/NOUN also/ADV included/VERB [PERSON Rosan Varnel] , a banker .\n"
      "[GPE Vietnam] 's Prime Minister [PERSON Pham Minh Chinh] met him .\n"
      "[PERSON Chinh] 's spokeswoman , [MISC Pham Thu Quen] , said the deal was done .");
  ExpectConsistent(doc);
  const Entity* quorn = Find(doc, "Arif Quorn");
  const Entity* varnel = Find(doc, "Rosan Varnel");
  ASSERT_NE(quorn, nullptr) << Dump(doc);
  ASSERT_NE(varnel, nullptr) << Dump(doc);
  ASSERT_EQ(doc.relations.size(), 1u) << Dump(doc);
  EXPECT_EQ(&doc.entities[doc.relations[0].head], quorn);
  ASSERT_EQ(doc.relations[0].members.size(), 1u);
  EXPECT_EQ(&doc.entities[doc.relations[0].members[0]], varnel);
  EXPECT_EQ(varnel->country, "IDN");
  const Entity* spokeswoman = Find(doc, "Pham Thu Quen");
  ASSERT_NE(spokeswoman, nullptr) << Dump(doc);
  EXPECT_EQ(spokeswoman->type, "PERSON");
  EXPECT_TRUE(HasRole(spokeswoman, "spokeswoman")) << Dump(doc);
  EXPECT_EQ(spokeswoman->country, "VNM");
}

// "Chinese carmaker Quvex": the nationality and the company's kind give its country and
// sector; a town of that name ("Toyota") stays the company; "group" alone says no sector, and
// then no country is read (the body would be coded as the country itself).
TEST_F(ResolverTest, ANationalityAndACompanysKindBeforeItsName) {
  Document doc = Resolve(
      "[NORP Chinese] carmaker [ORG Quvex] said it would export cars .\n"
      "[NORP Japanese] automaker [ORG Toyota] and [NORP German] chemicals group [ORG Varnsk] agreed .");
  ExpectConsistent(doc);
  const Entity* quvex = Find(doc, "Quvex");
  ASSERT_NE(quvex, nullptr) << Dump(doc);
  EXPECT_EQ(quvex->country, "CHN");
  EXPECT_EQ(quvex->sector, "BUS");
  const Entity* toyota = Find(doc, "Toyota");
  ASSERT_NE(toyota, nullptr) << Dump(doc);
  EXPECT_EQ(toyota->type, "ORG");
  EXPECT_EQ(toyota->country, "JPN");
  const Entity* varnsk = Find(doc, "Varnsk");
  ASSERT_NE(varnsk, nullptr) << Dump(doc);
  EXPECT_EQ(varnsk->country, "");
}

// "the paramilitary group" is the body the story introduced as paramilitary.
TEST_F(ResolverTest, ABodyDescribedByItsAdjectiveIsTheOneIntroducedSo) {
  Document doc = Resolve(
      "[GPE Sudan] 's paramilitary [ORG Quellan Support Forces] shelled the city .\n"
      "The paramilitary/ADJ group/NOUN denied it .");
  ExpectConsistent(doc);
  const Entity* forces = Find(doc, "Quellan Support Forces");
  ASSERT_NE(forces, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "The paramilitary group"), forces) << Dump(doc);
}

// "the Chinese Foreign Ministry": the nationality before a body's name is its country, when
// the name says what the body is; "Dutch Coffee Roasters' Association" is not the Netherlands.
TEST_F(ResolverTest, ANationalityBeforeABodysName) {
  Document doc = Resolve(
      "The [NORP Chinese] [ORG Foreign Ministry] said the remark was wrong .\n"
      "The [NORP Dutch] [ORG Quellish Roasters Association] met .");
  ExpectConsistent(doc);
  const Entity* ministry = Find(doc, "Foreign Ministry");
  ASSERT_NE(ministry, nullptr) << Dump(doc);
  EXPECT_EQ(ministry->actor, "CHNGOV");
  const Entity* roasters = Find(doc, "Quellish Roasters Association");
  ASSERT_NE(roasters, nullptr) << Dump(doc);
  EXPECT_NE(roasters->actor, "NLD");
}

// "the Iran-backed group", "the group": with no group so named, the latest armed group.
TEST_F(ResolverTest, TheGroupIsTheLatestArmedGroup) {
  Document doc = Resolve(
      "[GPE Israel] struck [ORG Hezbollah] targets after the [GPE Iran] -/PUNCT backed/VERB group/NOUN fired rockets .\n"
      "The group/NOUN vowed to go on .");
  ExpectConsistent(doc);
  const Entity* hezbollah = Find(doc, "Hezbollah");
  ASSERT_NE(hezbollah, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "the Iran-backed group"), hezbollah) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "The group"), hezbollah) << Dump(doc);
}

// In a story about one country, its ministry and its president named without a country are
// its own ("a critic of the government" names no other side); a party is a party.
TEST_F(ResolverTest, TheHomeCountrysMinistryAndPresident) {
  Document doc = Resolve(
      "[NORP Georgian] police detained protesters in [GPE Tbilisi] .\n"
      "The [ORG Interior Ministry] said 41 people were held .\n"
      "President [PERSON Salome Quellishvili] , a critic of the government/NOUN , said she would veto it .\n"
      "The bill is a setback for [GPE Georgia] , said the ruling [ORG Georgian Dream] party/NOUN .");
  ExpectConsistent(doc);
  const Entity* ministry = Find(doc, "Interior Ministry");
  ASSERT_NE(ministry, nullptr) << Dump(doc);
  EXPECT_EQ(ministry->country, "GEO");
  const Entity* president = Find(doc, "Salome Quellishvili");
  ASSERT_NE(president, nullptr);
  EXPECT_EQ(president->country, "GEO") << Dump(doc);
  const Entity* party = Find(doc, "Georgian Dream");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->actor, "GEOPTY") << Dump(doc);
}

// A company named by the first words of its name is the company, even when a town has that
// name ("Sterling" beside "Sterling Drug Inc"); with two such companies, neither.
TEST_F(ResolverTest, ACompanysShortNameIsTheCompany) {
  Document doc = Resolve(
      "[ORG Sterling Drug Inc] ended talks with [ORG Quellmark Tobacco Products Inc] .\n"
      "[ORG Quellmark] said [ORG Sterling] 's board decided not to go ahead .\n"
      "[ORG Varnex Ltd] and [ORG Varnex America Inc] sold the unit , [ORG Varnex] said .");
  ExpectConsistent(doc);
  const Entity* sterling = Find(doc, "Sterling Drug Inc");
  ASSERT_NE(sterling, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Sterling"), sterling);
  EXPECT_EQ(sterling->type, "ORG");
  const Entity* quellmark = Find(doc, "Quellmark Tobacco Products Inc");
  ASSERT_NE(quellmark, nullptr);
  EXPECT_EQ(EntityOf(doc, "Quellmark"), quellmark);
  const Entity* varnex = EntityOf(doc, "Varnex", doc.text.find("Varnex said"));
  ASSERT_NE(varnex, nullptr);
  EXPECT_NE(varnex, Find(doc, "Varnex Ltd"));
  EXPECT_NE(varnex, Find(doc, "Varnex America Inc"));
  // A town's own body does not make the town a company: "Columbia" stays the town.
  Document local = Resolve("The [ORG Columbia City Council] met on Monday .\n[ORG Columbia] residents/NOUN voted .");
  const Entity* town = EntityOf(local, "Columbia", local.text.find("residents") - 9);
  ASSERT_NE(town, nullptr) << Dump(local);
  EXPECT_EQ(town->type, "GPE");
}

// A company's or a union's president is none of a government's; a body's minister is.
// "General counsel" is a lawyer's office, not a general's.
TEST_F(ResolverTest, OfficesOfCompaniesAndUnionsAreNotGovernmentOffices) {
  Document doc = Resolve(
      "[ORG Skyway Airlines Inc] president [PERSON Dana Whitfield] said fares would rise .\n"
      "[ORG Dockworkers Union] vice president [PERSON Tomas Brandt] said talks stalled .\n"
      "The bid was withdrawn , said [PERSON Omar Reyes] , [ORG Skyway] general counsel .\n"
      "[ORG Economic Planning Board] Minister [PERSON Lee Sun-ho] said exports rose .");
  ExpectConsistent(doc);
  const Entity* whitfield = Find(doc, "Dana Whitfield");
  ASSERT_NE(whitfield, nullptr) << Dump(doc);
  EXPECT_EQ(whitfield->sector, "BUS");
  const Entity* brandt = Find(doc, "Tomas Brandt");
  ASSERT_NE(brandt, nullptr);
  EXPECT_NE(brandt->sector, "GOV");
  const Entity* reyes = Find(doc, "Omar Reyes");
  ASSERT_NE(reyes, nullptr);
  EXPECT_NE(reyes->sector, "MIL");
  EXPECT_TRUE(HasRole(reyes, "general counsel")) << Dump(doc);
  const Entity* lee = Find(doc, "Lee Sun-ho");
  ASSERT_NE(lee, nullptr);
  EXPECT_EQ(lee->sector, "GOV");
}

// "his Greek counterpart X" holds the office of the man whose counterpart he is, so a
// later "the Greek minister" is X, not a new person.
TEST_F(ResolverTest, ACounterpartHoldsThePossessorsOffice) {
  Document doc = Resolve(
      "[NORP Turkish] Foreign Minister [PERSON Hakan Fidan] met his [NORP Greek] counterpart [PERSON Giorgos Gerapetritis] .\n"
      "[PERSON Fidan] praised [PERSON Gerapetritis] 's work/NOUN .\n"
      "The [NORP Greek] minister said talks/NOUN would resume .");
  ExpectConsistent(doc);
  const Entity* greek = Find(doc, "Giorgos Gerapetritis");
  ASSERT_NE(greek, nullptr) << Dump(doc);
  EXPECT_EQ(greek->country, "GRC");
  EXPECT_TRUE(HasRole(greek, "foreign minister")) << Dump(doc);
  EXPECT_FALSE(HasRole(greek, "counterpart")) << Dump(doc);
  EXPECT_EQ(greek->sector, "GOV");
  EXPECT_EQ(EntityOf(doc, "The Greek minister"), greek) << Dump(doc);
  // Whose counterpart is not known: the role stays as written.
  Document bare = Resolve("He met his [NORP Greek] counterpart [PERSON Nikos Dendias] .");
  const Entity* dendias = Find(bare, "Nikos Dendias");
  ASSERT_NE(dendias, nullptr) << Dump(bare);
  EXPECT_TRUE(HasRole(dendias, "counterpart")) << Dump(bare);
  EXPECT_EQ(dendias->country, "GRC");
}

// Descriptions set before a name: with an article before a named possessor, with the
// body's words between the possessor and the role, with a body the text does not name,
// and with a name inside the description.
TEST_F(ResolverTest, FrontAppositionsWithBodiesAndArticles) {
  Document doc = Resolve(
      "The [ORG European Union] 's foreign/ADJ policy/NOUN chief , [PERSON Kaja Kallas] , praised the deal .\n"
      "The alliance/NOUN 's secretary-general , [PERSON Mark Rutte] , said it was ready .\n"
      "They chose [PERSON Ciriaco De Mita] or the party/NOUN 's president , [PERSON Arnaldo Forlani] , for the job .\n"
      "Debt will fall , the Governor of the [ORG Bank of Greece] , [PERSON Dimitris Halikias] , said .");
  ExpectConsistent(doc);
  const Entity* kallas = Find(doc, "Kaja Kallas");
  ASSERT_NE(kallas, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(kallas, "foreign policy chief")) << Dump(doc);
  EXPECT_EQ(kallas->sector, "IGO");
  EXPECT_EQ(EntityOf(doc, "The European Union 's foreign policy chief"), kallas) << Dump(doc);
  const Entity* rutte = Find(doc, "Mark Rutte");
  ASSERT_NE(rutte, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(rutte, "secretary-general") || HasRole(rutte, "secretary general")) << Dump(doc);
  const Entity* forlani = Find(doc, "Arnaldo Forlani");
  ASSERT_NE(forlani, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(forlani, "president")) << Dump(doc);
  EXPECT_EQ(forlani->sector, "PTY");  // the party's president, not a head of state
  const Entity* halikias = Find(doc, "Dimitris Halikias");
  ASSERT_NE(halikias, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(halikias, "governor")) << Dump(doc);
  EXPECT_EQ(halikias->country, "GRC");
  EXPECT_EQ(EntityOf(doc, "the Governor of the Bank of Greece"), halikias) << Dump(doc);
}

// Two names of one body the knowledge base knows are one entity ("the Fed" and "the
// Federal Reserve", "Houthi" and "Houthis").
TEST_F(ResolverTest, NamesOfOneKnownBodyAreOneEntity) {
  Document doc = Resolve(
      "[ORG Houthi] fighters shelled the town .\n"
      "The [ORG Houthis] control the capital .\n"
      "The [ORG Fed] raised rates . The [ORG Federal Reserve] said so .");
  ExpectConsistent(doc);
  ASSERT_NE(EntityOf(doc, "Houthi"), nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Houthi"), EntityOf(doc, "Houthis")) << Dump(doc);
  ASSERT_NE(EntityOf(doc, "Fed"), nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "Fed"), EntityOf(doc, "Federal Reserve")) << Dump(doc);
}

// An international body's official is the body's (IGO), though the role is a government's
// ("envoy"); the place an envoy is sent "for" is the brief, not the employer.
TEST_F(ResolverTest, EnvoysOfInternationalBodies) {
  Document doc = Resolve(
      "The [ORG UN] special envoy for [GPE Yemen] , [PERSON Hans Lindgren] , welcomed the deal .\n"
      "The [ORG U.N.] envoy , [PERSON Paolo Serra] , said talks would resume .");
  ExpectConsistent(doc);
  const Entity* lindgren = Find(doc, "Hans Lindgren");
  ASSERT_NE(lindgren, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(lindgren, "special envoy")) << Dump(doc);
  EXPECT_EQ(lindgren->sector, "IGO") << Dump(doc);
  EXPECT_NE(lindgren->country, "YEM") << Dump(doc);
  const Entity* serra = Find(doc, "Paolo Serra");
  ASSERT_NE(serra, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(serra, "envoy")) << Dump(doc);
  EXPECT_EQ(serra->sector, "IGO") << Dump(doc);
}

// A body's description names nobody earlier: "the party's president" is not the
// president named before.
TEST_F(ResolverTest, ADescriptionOfAnUnnamedBodyIsNoEarlierPerson) {
  Document doc = Resolve(
      "[PERSON Francesco Cossiga] is the president of [GPE Italy] .\n"
      "Delegates said the party/NOUN 's president would speak .");
  ExpectConsistent(doc);
  const Entity* cossiga = Find(doc, "Francesco Cossiga");
  ASSERT_NE(cossiga, nullptr) << Dump(doc);
  EXPECT_NE(EntityOf(doc, "the party 's president"), cossiga) << Dump(doc);
}

// An acronym is the name whose initials it spells, written before or after it; one the
// knowledge base knows keeps its own meaning, and a ticker does not make a company the
// story's main one.
TEST_F(ResolverTest, AcronymsJoinTheNamesTheySpell) {
  Document doc = Resolve(
      "[ORG RSF] fighters shelled a market .\n"
      "The paramilitary [ORG Rapid Support Forces] denied it .\n"
      "The [ORG National Soybean Processors Association] said so . [ORG NSPA] said more .");
  ExpectConsistent(doc);
  const Entity* rsf = Find(doc, "Rapid Support Forces");
  ASSERT_NE(rsf, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "RSF"), rsf) << Dump(doc);
  const Entity* nspa = Find(doc, "National Soybean Processors Association");
  ASSERT_NE(nspa, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "NSPA"), nspa) << Dump(doc);
  // Two letters are too often something else.
  Document two = Resolve("The [ORG Macintosh Serif] has [ORG MS] software .");
  EXPECT_NE(EntityOf(two, "MS"), Find(two, "Macintosh Serif")) << Dump(two);
}

TEST_F(ResolverTest, ATickerDoesNotMakeTheStorysCompany) {
  Document doc = Resolve(
      "[ORG Olvar Stores Inc] failed to pay its lenders .\n"
      "[ORG Olvar Stores Inc] owes [ORG Manuvar Hanover Corp] < [ORG MHC] > money .\n"
      "The lenders declared the company in default .");
  ExpectConsistent(doc);
  const Entity* olvar = Find(doc, "Olvar Stores Inc");
  ASSERT_NE(olvar, nullptr) << Dump(doc);
  EXPECT_EQ(EntityOf(doc, "the company"), olvar) << Dump(doc);
}

// An armed force named without a country, in a story about one country, is that country's;
// a legislature is not ("Congress" in a story about Japan). (The force is invented: the
// Rapid Support Forces are in data/kb/actors.tsv now.)
TEST_F(ResolverTest, AnArmedForceIsOfTheStorysCountry) {
  Document doc = Resolve(
      "[GPE Sudan] 's army said it repelled an attack by the paramilitary [ORG Desert Shield Forces] .\n"
      "Fighting raged in [GPE El Fasher] and [GPE Omdurman] , [GPE Sudan] .\n"
      "[ORG Congress] debated aid .");
  ExpectConsistent(doc);
  const Entity* rsf = Find(doc, "Desert Shield Forces");
  ASSERT_NE(rsf, nullptr) << Dump(doc);
  EXPECT_EQ(rsf->country, "SDN") << Dump(doc);
  EXPECT_EQ(rsf->actor, "SDNMIL") << Dump(doc);
  const Entity* congress = Find(doc, "Congress");
  ASSERT_NE(congress, nullptr) << Dump(doc);
  EXPECT_NE(congress->country, "SDN") << Dump(doc);
}

// An office with a sector of its own keeps it under adjectives: "Georgia's main opposition
// leader" is OPP, "Britain's new prime minister" a prime minister.
TEST_F(ResolverTest, AdjectivesBeforeAnOfficeQualifyIt) {
  Document doc = Resolve(
      "[GPE Georgia] 's main/ADJ opposition/NOUN leader , [PERSON Nika Melia] , claimed victory .\n"
      "[GPE Britain] 's new/ADJ prime minister , [PERSON Keir Starmer] , said so .");
  ExpectConsistent(doc);
  const Entity* melia = Find(doc, "Nika Melia");
  ASSERT_NE(melia, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(melia, "opposition leader")) << Dump(doc);
  EXPECT_EQ(melia->sector, "OPP");
  EXPECT_EQ(melia->country, "GEO");
  const Entity* starmer = Find(doc, "Keir Starmer");
  ASSERT_NE(starmer, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(starmer, "prime minister")) << Dump(doc);
  EXPECT_EQ(starmer->country, "GBR");
}

// A name of two words written again is the same thing, whatever the NER typed it.
TEST_F(ResolverTest, ANameWrittenAgainKeepsItsFirstType) {
  Document doc = Resolve(
      "The ruling [ORG Georgian Dream] party said it was ahead .\n"
      "[PERSON Georgian Dream] 's chairman , [PERSON Irakli Kobakhidze] , accused the opposition .");
  ExpectConsistent(doc);
  const Entity* party = Find(doc, "Georgian Dream");
  ASSERT_NE(party, nullptr) << Dump(doc);
  EXPECT_EQ(party->type, "ORG");
  EXPECT_EQ(party->mentions.size(), 2u) << Dump(doc);
  const Entity* chairman = Find(doc, "Irakli Kobakhidze");
  ASSERT_NE(chairman, nullptr) << Dump(doc);
  EXPECT_TRUE(HasRole(chairman, "chairman")) << Dump(doc);
}

// A body named after a country's possessive is that country's ("Iran's Revolutionary
// Guards"); a central bank is the state's, not a business.
TEST_F(ResolverTest, BodiesOfACountryAndCentralBanks) {
  Document doc = Resolve(
      "The commander of [GPE Iran] 's [ORG Revolutionary Guards] spoke .\n"
      "[GPE Sri Lanka] 's [ORG Central Bank] offered bills . [ORG Barclays Bank] rose .");
  ExpectConsistent(doc);
  const Entity* guards = EntityOf(doc, "Revolutionary Guards");  // the IRGC of data/kb/actors.tsv
  ASSERT_NE(guards, nullptr) << Dump(doc);
  EXPECT_EQ(guards->actor, "IRNMIL") << Dump(doc);
  const Entity* bank = Find(doc, "Central Bank");
  ASSERT_NE(bank, nullptr) << Dump(doc);
  EXPECT_EQ(bank->actor, "LKAGOV") << Dump(doc);
  const Entity* barclays = Find(doc, "Barclays Bank");
  ASSERT_NE(barclays, nullptr) << Dump(doc);
  EXPECT_EQ(barclays->sector, "BUS") << Dump(doc);
}

// A person's name the NER typed MISC after a role word is a person's.
TEST_F(ResolverTest, ANameAfterARoleTypedMiscIsAPerson) {
  Document doc = Resolve("[ORG Hezbollah] lawmaker [MISC Hassan Fadlallah] called the strikes an aggression .");
  ExpectConsistent(doc);
  const Entity* mp = Find(doc, "Hassan Fadlallah");
  ASSERT_NE(mp, nullptr) << Dump(doc);
  EXPECT_EQ(mp->type, "PERSON");
  EXPECT_TRUE(HasRole(mp, "lawmaker")) << Dump(doc);
}

}  // namespace
}  // namespace newsgraph::entities_test
