// The event coder on text written for these tests, through the real pipeline
// (models, entities, quotes, events).
#include "extract/events/events.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include "extract/read_article.h"

#include <map>
#include <tuple>

#include "../../../tools/eval/eval_events.h"
#include "pipeline/pipeline.h"

namespace newsgraph::extract {
namespace {

using document::Document;
using document::EventMention;

const pipeline::Pipeline& SharedPipeline() {
  static const pipeline::Pipeline* p = [] {
    auto created = pipeline::Pipeline::Create({});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->release() : nullptr;
  }();
  return *p;
}

Document Article(const std::string& text) {
  Document doc = test_articles::ReadArticle(text);
  SharedPipeline().Annotate(doc);
  return doc;
}

Document Sentence(const std::string& text) { return eval_events::AnalyseSentence(SharedPipeline(), text); }

const EventMention* Find(const Document& doc, const std::string& cue) {
  for (const EventMention& e : doc.events) {
    if (doc.SpanText(e.cue) == cue) return &e;
  }
  return nullptr;
}

// An invented article in the style of a wire report (not a real one).
constexpr const char* kArticle =
    "date 2024-05-02 Chinese President Xi Jinping hosted Vietnam's Pham Minh Chinh at the Great Hall of the People "
    "on Thursday (May 2) to begin talks on trade, rail links and energy.\n\n"
    "Xi said Beijing planned to help Vietnam with its railway projects.\n\n"
    "Pham Minh Chinh also praised China for its support, and said Hanoi would keep close ties.\n\n"
    "A foreign ministry spokesperson did not provide any further information.\n";

// An invented local story: its Alexandria is the Louisiana town, not Egypt's city.
TEST(EventCoderTest, AnAmbiguousTownIsPlacedInTheStateTheStoryNames) {
  Document doc = Article(
      "date 2024-03-05 Louisiana officials met flood victims on Monday.\n\n"
      "Protesters marched in Alexandria on Tuesday to demand more aid from the state.\n");
  const EventMention* march = Find(doc, "marched");
  ASSERT_NE(march, nullptr);
  ASSERT_TRUE(march->place);
  EXPECT_EQ(march->place->name, "Alexandria");
  EXPECT_EQ(march->place->country, "USA");
  EXPECT_EQ(march->place->admin1, "LA");
  ASSERT_TRUE(march->place->lat.has_value());
  EXPECT_NEAR(*march->place->lat, 31.3, 0.2);
  // Without the state, the gazetteer's biggest Alexandria (Egypt) stands.
  Document plain = Article("date 2024-03-05 Protesters marched in Alexandria on Tuesday to demand more aid.\n");
  const EventMention* other = Find(plain, "marched");
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->place);
  EXPECT_EQ(other->place->country, "EGY");
}

TEST(EventCoderTest, InventedArticle) {
  Document doc = Article(kArticle);
  const EventMention* host = Find(doc, "hosted");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->root, "04");
  EXPECT_EQ(host->source.country, "CHN");
  EXPECT_EQ(host->target.country, "VNM");
  ASSERT_TRUE(host->date);
  EXPECT_EQ(host->date->ToIso(), "2024-05-02");
  ASSERT_TRUE(host->place);
  EXPECT_EQ(host->place->name, "Great Hall of the People");
  EXPECT_EQ(host->place->country, "CHN");
  EXPECT_TRUE(host->place->lat.has_value());
  const EventMention* talks = Find(doc, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->root, "04");
  const EventMention* help = Find(doc, "help");
  ASSERT_NE(help, nullptr);
  EXPECT_EQ(help->root, "03");
  EXPECT_EQ(help->modality, "intended");
  EXPECT_EQ(help->source.country, "CHN");
  EXPECT_EQ(help->target.country, "VNM");
  const EventMention* praise = Find(doc, "praised");
  ASSERT_NE(praise, nullptr);
  EXPECT_EQ(praise->root, "05");
  EXPECT_EQ(praise->source.country, "VNM");  // "Pham Minh Chinh", learned from "Vietnam's Pham Minh Chinh"
  EXPECT_EQ(praise->target.country, "CHN");
  for (const EventMention& e : doc.events) {
    EXPECT_FALSE(doc.SpanText(e.cue) == "provide" && !e.cameo.empty() && !e.negated)
        << "'did not provide any further information' coded as an act";
  }
}

TEST(EventCoderTest, FixtureRecordsReachTheirFloor) {
  auto records = eval_events::ReadRecords(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/fixtures/events/sentences.tsv");
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_GE(records->size(), 100u);
  eval_events::Scores scores;
  for (const auto& r : *records) eval_events::Score(r, Sentence(r.sentence), scores);
  // Figures of the day are printed by tools/eval/eval_events; these floors guard regressions.
  EXPECT_GE(scores.Pct(scores.plover, scores.n), 85.0);
  EXPECT_GE(scores.Pct(scores.root, scores.n), 85.0);
  EXPECT_GE(scores.Pct(scores.source, scores.n), 85.0);
  EXPECT_GE(scores.Pct(scores.target, scores.with_target), 80.0);
}

TEST(EventCoderTest, NegationRefusalQuestionAndHypothesis) {
  Document negated = Sentence("Germany did not send tanks to Ukraine.");
  const EventMention* send = Find(negated, "send");
  ASSERT_NE(send, nullptr);
  EXPECT_TRUE(send->negated);
  Document refused = Sentence("North Korea refused to meet South Korean officials.");
  const EventMention* meet = Find(refused, "meet");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->cameo, "125");
  EXPECT_FALSE(meet->negated);
  EXPECT_EQ(Find(refused, "refused"), nullptr);  // absorbed into the refusal
  Document question = Sentence("Did Russia attack Georgia?");
  ASSERT_FALSE(question.events.empty());
  EXPECT_EQ(question.events[0].modality, "question");
  Document hypothetical = Sentence("Iraq would expel Turkish troops if the raids continue.");
  ASSERT_FALSE(hypothetical.events.empty());
  EXPECT_EQ(hypothetical.events[0].modality, "hypothetical");
  Document threat = Sentence("China threatened to impose sanctions on Lithuania.");
  const EventMention* impose = Find(threat, "impose");
  ASSERT_NE(impose, nullptr);
  EXPECT_EQ(impose->cameo, "1312");
}

TEST(EventCoderTest, TheOneAskedDoesWhatIsAsked) {
  // Object control: the asked party acts; a phone call to discuss is the caller's.
  Document asked = Sentence("Norway asked Colombia to resume talks with the rebels.");
  const EventMention* talks = Find(asked, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->source.country, "COL");
  Document called_on = Sentence("The United Nations called on Sudan to end the bombing of Khartoum.");
  const EventMention* bombing = Find(called_on, "bombing");
  ASSERT_NE(bombing, nullptr);
  EXPECT_EQ(bombing->source.country, "SDN");
  EXPECT_NE(bombing->source.actor, "IGOUNO");
  Document phoned = Sentence("Japan called South Korea to discuss the dispute.");
  const EventMention* discuss = Find(phoned, "discuss");
  ASSERT_NE(discuss, nullptr);
  EXPECT_EQ(discuss->source.country, "JPN");
  // Quoted: a conflict named by a noun with no stated actor is not the speaker's act.
  Document quoted = Sentence("Amnesty International called on the authorities to \"end the crackdown at once\".");
  for (const EventMention& e : quoted.events) {
    EXPECT_FALSE(quoted.SpanText(e.cue) == "crackdown" && e.source.actor == "NGOAMN") << "the crackdown is not Amnesty's";
  }
  Document reported = Sentence("Fighting between the rival factions has killed 15,000 people, the United Nations said.");
  for (const EventMention& e : reported.events) {
    EXPECT_FALSE(e.root == "19" && e.source.actor == "IGOUNO") << "the UN reports the killing, it does not kill";
  }
}

TEST(EventCoderTest, AVerbAfterATitledNameIsThatPersonsAct) {
  // Parsed with the name's first word as the root and "hosted" as its acl.
  Document doc = Sentence(
      "Kenya President William Ruto hosted Ethiopia\u2019s Abiy Ahmed at the State House in Nairobi on Monday "
      "to begin talks on trade, water and security.");
  const EventMention* hosted = Find(doc, "hosted");
  ASSERT_NE(hosted, nullptr);
  EXPECT_EQ(hosted->root, "04");
  EXPECT_EQ(hosted->source.country, "KEN");
  EXPECT_EQ(hosted->target.country, "ETH");
}

TEST(EventCoderTest, ASurnameThatIsACapitalIsNoGovernment) {
  Document doc = Article(
      "date 2024-05-06 Port manager Ana Madrid said exports fell in April.\n\n"
      "Madrid criticized Portugal for the delays at the border.\n");
  const EventMention* criticized = Find(doc, "criticized");
  ASSERT_NE(criticized, nullptr);
  EXPECT_EQ(criticized->target.country, "PRT");
  EXPECT_NE(criticized->source.country, "ESP");
  EXPECT_EQ(criticized->source.actor.find("ESP"), std::string::npos);
}

TEST(EventCoderTest, ProtestersGatheringAreADemonstrationAndMinistersAreNot) {
  // The subject makes "gathered" a protest; the chanting that goes with it is the same act,
  // and gives it its target.
  Document doc = Sentence(
      "Hundreds of Malian protesters gathered outside the embassy in Bamako on Sunday, chanting slogans against "
      "France.");
  const EventMention* gathered = Find(doc, "gathered");
  ASSERT_NE(gathered, nullptr);
  EXPECT_EQ(gathered->cameo, "141");
  EXPECT_EQ(gathered->target.country, "FRA");
  EXPECT_EQ(Find(doc, "chanting"), nullptr);  // one act, told once
  Document ministers = Sentence("Malian ministers gathered in Bamako on Sunday.");
  const EventMention* met = Find(ministers, "gathered");
  EXPECT_TRUE(met == nullptr || met->root != "14");
  // The streets they took to are where, not whom.
  Document streets = Sentence("Malian opposition supporters took to the streets of Bamako on Sunday.");
  const EventMention* took = Find(streets, "took");
  ASSERT_NE(took, nullptr);
  EXPECT_EQ(took->cameo, "141");
  EXPECT_EQ(took->target.country, "");
}

TEST(EventCoderTest, SeizingATownIsOccupationAndSeizingPowerIsNoSeizureOfProperty) {
  Document town = Sentence("Congolese rebels seized the town of Goma on Sunday.");
  const EventMention* seized = Find(town, "seized");
  ASSERT_NE(seized, nullptr);
  EXPECT_EQ(seized->cameo, "192");
  Document power = Sentence("The Malian army seized power in Bamako on Sunday.");
  const EventMention* coup = Find(power, "seized");
  EXPECT_TRUE(coup == nullptr || coup->cameo != "171");
}

TEST(EventCoderTest, TheKillingThatFollowsAStrikeIsTheStrikers) {
  // The parse hangs "killing" on "what" (acl): it is still the jets' act, told with the strike.
  Document doc = Sentence(
      "Pakistani jets later struck what the military described as militant hideouts in the Afghan province of "
      "Khost, killing at least eight people.");
  const EventMention* struck = Find(doc, "struck");
  ASSERT_NE(struck, nullptr);
  EXPECT_EQ(struck->source.country, "PAK");
  EXPECT_EQ(struck->target.country, "AFG");
  const EventMention* killing = Find(doc, "killing");
  EXPECT_TRUE(killing == nullptr || killing->source.country == "PAK");
}

TEST(EventCoderTest, ANationalSecurityCouncilIsNoSecurityCouncil) {
  Document doc = Sentence(
      "Peruvian President Mario Quispe convened an emergency meeting of his national security council on Wednesday.");
  const EventMention* meeting = Find(doc, "meeting");
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->target.actor.find("UNSC"), std::string::npos) << meeting->target.actor;
  Document un = Sentence("Peru asked the Security Council to meet.");
  const EventMention* asked = Find(un, "asked");
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(asked->target.actor, "IGOUNSC");
}

TEST(EventCoderTest, CourtsSentenceMissilesIntoTheSeaShowForceAndSwapsGoBothWays) {
  Document court = Sentence("A Minsk court sentenced a Polish journalist to eight years in prison.");
  const EventMention* sentenced = Find(court, "sentenced");
  ASSERT_NE(sentenced, nullptr);
  EXPECT_EQ(sentenced->cameo, "172");  // as PETRARCH codes a sentence
  EXPECT_EQ(sentenced->source.actor, "BLRJUD");
  EXPECT_EQ(sentenced->target.country, "POL");
  Document sea = Sentence("North Korea fired two ballistic missiles into the sea on Wednesday.");
  const EventMention* fired = Find(sea, "fired");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(fired->cameo, "150");
  Document swap = Sentence("Poland and Belarus swapped prisoners on Friday.");
  const EventMention* swapped = Find(swap, "swapped");
  ASSERT_NE(swapped, nullptr);
  EXPECT_EQ(swapped->cameo, "0841");
  EXPECT_EQ(swapped->source.country, "POL");
  EXPECT_EQ(swapped->target.country, "BLR");
}

TEST(EventCoderTest, AVerbJoinedToAPassiveSharesItsSubjectNotItsAgent) {
  Document doc = Sentence("Norway was concerned by the detentions and called on Ankara to respect the law.");
  const EventMention* called = Find(doc, "called");
  ASSERT_NE(called, nullptr);
  EXPECT_EQ(called->source.country, "NOR");
  EXPECT_EQ(called->target.country, "TUR");
}

TEST(EventCoderTest, DismissingOnesCabinetIsNoRejection) {
  Document cabinet = Sentence("Hungarian President Anton Varga dismissed his cabinet on Friday.");
  const EventMention* fired = Find(cabinet, "dismissed");
  ASSERT_NE(fired, nullptr);  // kept for review, uncoded
  EXPECT_EQ(fired->cameo, "");
  Document claims = Sentence("Hungary dismissed the claims of Slovakia on Friday.");
  const EventMention* rejected = Find(claims, "dismissed");
  ASSERT_NE(rejected, nullptr);
  EXPECT_EQ(rejected->cameo, "120");
}

TEST(EventCoderTest, AVerbWithItsOwnObjectGovernsNoPurposeClause) {
  // "agreed to a ceasefire" is the act; "to allow aid in" its purpose, not what was agreed.
  Document doc = Sentence(
      "Chad and the rebels of the FACT agreed on Tuesday to a seven-day ceasefire to allow aid into the town of "
      "Abeche.");
  const EventMention* agreed = Find(doc, "agreed");
  ASSERT_NE(agreed, nullptr);
  EXPECT_EQ(agreed->root, "03");
  EXPECT_EQ(agreed->source.country, "TCD");
}

TEST(EventCoderTest, MeetingATargetIsNoMeeting) {
  Document doc = Sentence("Poland said it would meet its targets and its debt repayments this year.");
  const EventMention* meet = Find(doc, "meet");
  EXPECT_TRUE(meet == nullptr || meet->root != "04") << meet->cameo;
  Document talks = Sentence("Poland's president met the Lithuanian president on Friday.");
  const EventMention* met = Find(talks, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->cameo, "040");
}

TEST(EventCoderTest, SiegesAndExchangesOfFire) {
  Document siege = Sentence("Sudanese rebels have besieged the city of El Fasher for a year.");
  const EventMention* besieged = Find(siege, "besieged");
  ASSERT_NE(besieged, nullptr);
  EXPECT_EQ(besieged->cameo, "191");
  Document fire = Sentence("Armenia and Azerbaijan exchanged artillery fire across the border overnight.");
  const EventMention* exchanged = Find(fire, "exchanged");
  ASSERT_NE(exchanged, nullptr);
  EXPECT_EQ(exchanged->root, "19");
  EXPECT_EQ(exchanged->source.country, "ARM");
  EXPECT_EQ(exchanged->target.country, "AZE");
  Document opened = Sentence("Azerbaijani troops opened fire on Armenian posts.");
  const EventMention* shots = Find(opened, "opened");
  ASSERT_NE(shots, nullptr);
  EXPECT_EQ(shots->root, "19");
  // Opening a market is no act of interest.
  Document market = Sentence("Armenia opened its market to Azerbaijani goods.");
  EXPECT_EQ(Find(market, "opened"), nullptr);
}

TEST(EventCoderTest, WhoCongratulatesWhomAndWhoseResolutionDemands) {
  // Two subjects praising someone named are not each other's target.
  Document doc = Sentence(
      "Chilean President Ana Soto and Peruvian President Luis Rojo were the first to congratulate the "
      "president-elect.");
  const EventMention* congratulate = Find(doc, "congratulate");
  ASSERT_NE(congratulate, nullptr);
  EXPECT_EQ(congratulate->source.country, "CHL");
  EXPECT_NE(congratulate->target.country, "PER");
  // The name in apposition to a title in apposition to the subject acts.
  Document rival = Article(
      "date 2026-10-27 LA PAZ, Oct 27 (Newsgraph) - Bolivia's President Luis Arce voted in La Paz.\n\n"
      "His rival, former president Jorge Quiroga, conceded defeat on Sunday.\n");
  const EventMention* conceded = Find(rival, "conceded");
  ASSERT_NE(conceded, nullptr);
  EXPECT_EQ(conceded->source.country, "BOL");
  // A resolution demands what its adopter demands.
  Document un = Sentence(
      "The U.N. General Assembly adopted a resolution demanding that Israel end its occupation.");
  const EventMention* demanding = Find(un, "demanding");
  ASSERT_NE(demanding, nullptr);
  EXPECT_EQ(demanding->source.actor, "IGOUNGA");
  EXPECT_EQ(demanding->target.country, "ISR");
}

TEST(EventCoderTest, OfficialsOfABodyAreOfItsSector) {
  Document doc = Sentence("Officials of Kenyan brokerage firms criticised the decision of Uganda.");
  const EventMention* criticised = Find(doc, "criticised");
  ASSERT_NE(criticised, nullptr);
  EXPECT_EQ(criticised->source.actor, "KENBUS");
}

TEST(EventCoderTest, ATownOfSeveralWordsIsWhereNotWhom) {
  Document doc = Sentence("Polish ministers will discuss the plan at a summit in The Hague in June.");
  const EventMention* discuss = Find(doc, "discuss");
  ASSERT_NE(discuss, nullptr);
  EXPECT_NE(discuss->target.country, "NLD");
}

TEST(EventCoderTest, AParticipleAfterALinkingVerbIsItsSubjectsState) {
  Document doc = Sentence("He added that Paris remained committed to the alliance.");
  const EventMention* committed = Find(doc, "committed");
  ASSERT_NE(committed, nullptr);
  EXPECT_EQ(committed->source.country, "FRA");
}

TEST(EventCoderTest, AnActorActingOnItselfNamesNoTarget) {
  Document doc = Sentence("Hamas said the group was committed to the truce.");
  const EventMention* committed = Find(doc, "committed");
  ASSERT_NE(committed, nullptr);
  EXPECT_EQ(committed->source.actor, "PSEREB");
  EXPECT_EQ(committed->target.entity, -1);
  EXPECT_EQ(committed->target.text, "");
  Document police = Sentence("Kenyan police officers arrested Kenyan police officers.");
  const EventMention* arrested = Find(police, "arrested");
  ASSERT_NE(arrested, nullptr);
  EXPECT_EQ(arrested->source.actor, "KENCOP");
  EXPECT_EQ(arrested->target.actor, "");
}

TEST(EventCoderTest, ACrowdParsedAsTheRootStillActs) {
  // Both parsers make "Thousands" the root and "demonstrated" its acl.
  Document doc = Sentence("Thousands of Chilean students demonstrated against the government in Santiago.");
  const EventMention* demonstrated = Find(doc, "demonstrated");
  ASSERT_NE(demonstrated, nullptr);
  EXPECT_EQ(demonstrated->root, "14");
  EXPECT_EQ(demonstrated->source.country, "CHL");
  // A headline's bare participle is passive: the dead are the target, not the killers.
  Document headline = Sentence("Thousands of Chilean civilians killed in the floods");
  const EventMention* killed = Find(headline, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->target.country, "CHL");
  EXPECT_NE(killed->source.country, "CHL");
}

TEST(EventCoderTest, ItInWhatACountrySaidActsForIt) {
  // "it" is the country that said it: the entity layer joins the pronoun to China.
  Document doc = Sentence("China said on Tuesday that it would impose sanctions on Lithuania.");
  const EventMention* impose = Find(doc, "impose");
  ASSERT_NE(impose, nullptr);
  EXPECT_EQ(impose->source.country, "CHN");
  EXPECT_EQ(impose->target.country, "LTU");
}

TEST(EventCoderTest, AVerbAndItsObjectNounAreOneEvent) {
  // "impose" and "sanctions" are both coded 163; the noun is the verb's object.
  for (const char* sentence : {"Veloria imposed sanctions on Lithuania.", "The United Nations sent aid to Sudan."}) {
    Document doc = Sentence(sentence);
    ASSERT_FALSE(doc.events.empty()) << sentence;
    std::map<std::string, int> roots;
    for (const EventMention& e : doc.events) ++roots[e.root];
    for (const auto& [root, n] : roots) EXPECT_EQ(n, 1) << sentence << ": root " << root;
  }
  // A noun that is the subject is an event of its own: the attack, and the killing it did.
  Document doc = Sentence("The Russian attack on Ukraine killed four people.");
  const EventMention* attack = Find(doc, "attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->target.country, "UKR");
}

TEST(EventCoderTest, AStateAfterInIsWhereNotWhom) {
  // "in Bavaria" hangs on the object; the state is the event's place, not its target.
  Document doc = Sentence("Iran criticized the new military base in Bavaria.");
  const EventMention* criticized = Find(doc, "criticized");
  ASSERT_NE(criticized, nullptr);
  EXPECT_NE(criticized->target.country, "DEU");
  ASSERT_TRUE(criticized->place.has_value());
  EXPECT_EQ(criticized->place->country, "DEU");
}

// A title before a name heads the parse of the phrase ("chief" with the name in apposition,
// "Secretary" with the name as its flat parts); the actor is still the named person's.
TEST(EventCoderTest, ATitledNameActsAsThePersonItNames) {
  for (auto [sentence, cue, actor] :
       {std::tuple{"UN Secretary-General Antonio Guterres condemned the attack.", "condemned", "IGOUNO"},
        {"EU foreign policy chief Kaja Kallas urged Serbia to free the prisoners.", "urged", "IGOEUR"}}) {
    Document doc = Sentence(sentence);
    const EventMention* e = Find(doc, cue);
    ASSERT_NE(e, nullptr) << sentence;
    EXPECT_EQ(e->source.actor, actor) << sentence;
    ASSERT_GE(e->source.entity, 0) << sentence;
    EXPECT_EQ(doc.entities[e->source.entity].type, "PERSON") << sentence;
  }
}

// A group named without a country is of the country where the act takes place, else of
// the one who acts.
TEST(EventCoderTest, AGroupWithoutACountryIsOfThePlaceElseOfTheSource) {
  Document abroad = Sentence("Russian troops killed three civilians in Kharkiv.");
  const EventMention* killed = Find(abroad, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->source.country, "RUS");
  EXPECT_EQ(killed->target.country, "UKR");
  EXPECT_EQ(killed->target.actor, "UKRCVL");
  // The group is whom even when a place hangs on another of the act's phrases.
  Document checkpoint = Sentence("A suicide bomber killed 17 soldiers at a checkpoint in North Waziristan.");
  const EventMention* bombed = Find(checkpoint, "killed");
  ASSERT_NE(bombed, nullptr);
  EXPECT_EQ(bombed->target.actor, "PAKMIL");
  Document home = Sentence("Pakistani police arrested dozens of protesters.");
  const EventMention* arrested = Find(home, "arrested");
  ASSERT_NE(arrested, nullptr);
  EXPECT_EQ(arrested->target.country, "PAK");
}

// An act happens where its own clause places it, not where another clause of the sentence
// does; an act named by its verb's subject, where the verb's clause says.
TEST(EventCoderTest, AnActIsPlacedByItsOwnClause) {
  Document doc = Sentence("As mediators in Cairo pressed both sides to accept a truce, Israeli airstrikes killed "
                          "25 people in Rafah on Thursday.");
  for (const char* cue : {"killed", "airstrikes"}) {
    const EventMention* e = Find(doc, cue);
    ASSERT_NE(e, nullptr) << cue;
    ASSERT_TRUE(e->place.has_value()) << cue;
    EXPECT_EQ(e->place->country, "PSE") << cue << ": " << e->place->name;  // Rafah, not Cairo
  }
}

// The code of the event whose cue is `cue` in `sentence`: "none" when there is no event,
// "" when it is uncoded.
std::string CameoAt(const std::string& sentence, const std::string& cue) {
  Document doc = Sentence(sentence);
  const EventMention* e = Find(doc, cue);
  return e == nullptr ? "none" : e->cameo;
}

// Words of violence used of markets, prices, elections, rivals, scores and deals are no
// violence, and a reporter's question is no appeal. `want`: a code, a two-digit root ("19"),
// or "no event" (none, or uncoded).
TEST(EventCoderTest, FigurativeViolenceAndReportersQuestions) {
  struct Case {
    const char* sentence;
    const char* cue;
    std::string want;
  };
  const Case cases[] = {
      {"The fall in coffee prices has hit Colombia hard this year.", "hit", "no event"},
      {"Iraqi missiles hit an oil tanker in the Gulf on Monday.", "hit", "19"},
      {"The Brazilian official, who asked not to be identified, said prices would fall.", "asked", "no event"},
      {"Shares of the company traded higher in Tokyo on Monday.", "traded", "no event"},
      {"Japan traded with Iran despite the sanctions.", "traded", "061"},
      // Elections and matches are won, not fought: "beat" is an assault only on people.
      {"Brazil beat Argentina 2-1 in Buenos Aires on Sunday.", "beat", "no event"},
      {"Soldiers beat the protesters with batons in Nairobi on Monday.", "beat", "182"},
      // One named person attacking another, or a rival, is criticism; gunmen attacking a
      // journalist are an assault.
      {"Russian President Vladimir Putin attacked U.S. Senator John McCain on Monday.", "attacked", "111"},
      {"The Kenyan president spent the day attacking a rival over his record.", "attacking", "111"},
      {"Gunmen attacked a Nigerian journalist outside his home in Lagos.", "attacked", "19"},
      // A golfer shoots a score, a deal is struck, ministers clash over a budget.
      {"Australia's Greg Norman has shot a 67 in each round.", "shot", "no event"},
      {"Nigerian soldiers shot two protesters in Lagos on Sunday.", "shot", "193"},
      {"Iran and Iraq struck a deal on oil exports in Geneva on Monday.", "struck", "057"},
  };
  for (const Case& c : cases) {
    const std::string got = CameoAt(c.sentence, c.cue);
    if (c.want == "no event") {
      EXPECT_TRUE(got == "none" || got.empty()) << c.sentence << " -> " << got;
    } else if (c.want.size() == 2) {
      EXPECT_EQ(got.substr(0, 2), c.want) << c.sentence;
    } else {
      EXPECT_EQ(got, c.want) << c.sentence;
    }
  }
  const std::string clash = CameoAt("Kenyan and Ugandan ministers clashed over the budget in Nairobi.", "clashed");
  EXPECT_NE(clash.substr(0, 2), "19") << clash;
  // An act named by the object of a verb is the subject's only when the verb carries it:
  // opposing or discussing sanctions imposes none (163), extending them does; sabotaging
  // talks holds none.
  EXPECT_EQ(CameoAt("China said it opposed the new sanctions on Iran.", "sanctions"), "none");
  EXPECT_EQ(CameoAt("Ministers discussed sanctions on Iran in Brussels.", "sanctions"), "none");
  EXPECT_EQ(CameoAt("The European Union extended sanctions on Russia.", "sanctions"), "163");
  EXPECT_EQ(CameoAt("Hamas accused Israel of sabotaging the talks in Cairo.", "talks"), "none");
  EXPECT_NE(CameoAt("Congo's president chaired the meeting with Angola.", "meeting"), "none");
  // The reporter's question is no event at all.
  EXPECT_EQ(CameoAt("Asked whether Brazil would pay its debts, Finance Minister Dilson Funaro said it would.", "Asked"),
            "none");
}

// A crowd counted in tens of thousands is still people; a march through a town happens
// there; demands for elections and blocked bridges are coded as such.
TEST(EventCoderTest, MarchesAndBlockadesOfCountedCrowds) {
  Document doc = Sentence("Tens of thousands of people marched through central Belgrade to demand early elections.");
  const EventMention* marched = Find(doc, "marched");
  ASSERT_NE(marched, nullptr);
  EXPECT_EQ(marched->cameo, "141");
  EXPECT_EQ(marched->source.actor, "SRBCVL");
  ASSERT_TRUE(marched->place.has_value());
  EXPECT_EQ(marched->place->country, "SRB");
  const EventMention* demand = Find(doc, "demand");
  ASSERT_NE(demand, nullptr);
  EXPECT_EQ(demand->cameo, "104");
  EXPECT_EQ(CameoAt("Students blocked bridges over the river in Belgrade.", "blocked"), "144");
  EXPECT_EQ(CameoAt("Hundreds of thousands of Serbs rallied in Belgrade.", "rallied"), "141");
}

// The passive subject of "is expected to", "was asked to" does what is expected or asked.
TEST(EventCoderTest, TheOneExpectedToActIsTheSource) {
  Document doc = Sentence("Turkish President Tayyip Erdogan is expected to visit Athens later this year.");
  const EventMention* visit = Find(doc, "visit");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->source.actor, "TURGOV");
  EXPECT_EQ(visit->target.country, "GRC");
}

// A parse that makes a modifier word the subject ("Erdogan last visited", with "last" as
// nsubj and the name its compound) still has the name as the one who acts.
TEST(EventCoderTest, ANameBeforeAModifierHeadIsTheActor) {
  Document doc = Sentence("Turkish President Tayyip Erdogan said he would return. Erdogan last visited Greece in 2023.");
  const EventMention* visited = Find(doc, "visited");
  ASSERT_NE(visited, nullptr);
  EXPECT_EQ(visited->source.actor, "TURGOV");
  EXPECT_EQ(visited->source.text, "Erdogan");
  EXPECT_GE(visited->source.entity, 0);
}

// A sea named after a country is not that country: no target country for a launch into
// it. A place the entity layer gives a country (the Gaza Strip) keeps it.
TEST(EventCoderTest, ASeaNamedAfterACountryIsNotTheCountry) {
  Document sea = Sentence("North Korea fired two ballistic missiles into the Sea of Japan on Monday.");
  const EventMention* fired = Find(sea, "fired");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(fired->source.country, "PRK");
  EXPECT_NE(fired->target.country, "JPN");
  Document strip = Sentence("Israel struck the Gaza Strip.");
  const EventMention* struck = Find(strip, "struck");
  ASSERT_NE(struck, nullptr);
  EXPECT_EQ(struck->target.country, "PSE");
}

// "X and Y agreed to resume talks": the joint subject of the verb above the talks is
// the other party; "send a delegation" is a visit.
TEST(EventCoderTest, JointSubjectsAboveTheActAndSentDelegations) {
  Document doc = Sentence(
      "Turkish Foreign Minister Hakan Fidan and his Greek counterpart Giorgos Gerapetritis agreed on Wednesday to "
      "resume talks on the maritime border.");
  const EventMention* talks = Find(doc, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->source.actor, "TURGOV");
  EXPECT_EQ(talks->target.actor, "GRCGOV");
  Document sent = Sentence("Greece sent a delegation to Ankara on Monday.");
  const EventMention* send = Find(sent, "sent");
  ASSERT_NE(send, nullptr);
  EXPECT_EQ(send->cameo, "042");
  EXPECT_EQ(send->source.country, "GRC");
  EXPECT_EQ(send->target.country, "TUR");
}

// Crowd control and crowds: tear gas is repression (175), not an armed attack; stones are a
// riot (145); crowds with no place of their own are the story's (the dateline's).
TEST(EventCoderTest, TearGasStonesAndCrowdsOfTheStory) {
  Document doc;
  doc.id = "nairobi";
  doc.text = "Kenyan police fired tear gas at protesters on Tuesday. Protesters threw stones at officers near "
             "parliament. Thousands marched against the bill.";
  doc.date = document::Date{2026, 11, 25};
  doc.metadata = nlohmann::json{{"dateline", "NAIROBI, Nov 25"}};  // as ingest reads "NAIROBI, Nov 25 -"
  SharedPipeline().Annotate(doc);
  const EventMention* fired = Find(doc, "fired");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(fired->cameo, "175");
  EXPECT_EQ(fired->source.actor, "KENCOP");
  const EventMention* threw = Find(doc, "threw");
  ASSERT_NE(threw, nullptr);
  EXPECT_EQ(threw->cameo, "145");
  EXPECT_EQ(threw->source.actor, "KENOPP");
  const EventMention* marched = Find(doc, "marched");
  ASSERT_NE(marched, nullptr);
  EXPECT_EQ(marched->cameo, "141");
  EXPECT_EQ(marched->source.actor, "KENCVL");
}

// A country's own opposition dealing with "the government" deals with its own; a foreign
// state does not.
TEST(EventCoderTest, TheOppositionsGovernmentIsItsOwn) {
  Document doc = Sentence("Kenyan opposition leader Kalonzo Musyoka accused the government of using excessive force.");
  const EventMention* accused = Find(doc, "accused");
  ASSERT_NE(accused, nullptr);
  EXPECT_EQ(accused->source.actor, "KENOPP");
  EXPECT_EQ(accused->target.actor, "KENGOV");
  Document foreign = Sentence("France accused the government of delaying the vote.");
  const EventMention* france = Find(foreign, "accused");
  ASSERT_NE(france, nullptr);
  EXPECT_NE(france->target.actor, "FRAGOV");
}

// Two parties that act jointly: a body with no country of its own ("the government") is of
// its coded partner's country; a part of the source's own phrase is no partner.
TEST(EventCoderTest, AJointPartnerTakesItsPartnersCountry) {
  Document doc = Sentence("Yemen's Houthi rebels and the Saudi-backed government agreed on Monday to exchange "
                          "900 prisoners.");
  const EventMention* agreed = Find(doc, "agreed");
  ASSERT_NE(agreed, nullptr);
  EXPECT_EQ(agreed->source.actor, "YEMREB");
  EXPECT_EQ(agreed->target.actor, "YEMGOV");
  Document union_doc = Sentence("Dutch port and transport union, FNV, agreed to an employers' request to resume "
                                "talks.");
  const EventMention* union_agreed = Find(union_doc, "agreed");
  ASSERT_NE(union_agreed, nullptr);
  EXPECT_NE(union_agreed->target.text, "transport union");
}

// Where the object is counts as the target only when it names an actor: "attacked ships in
// the Red Sea" has no target, "condemned the coup in Niger" has Niger.
TEST(EventCoderTest, ASeaWhereTheObjectIsIsNoTarget) {
  Document doc = Sentence("The Houthis have attacked ships in the Red Sea since late 2023.");
  const EventMention* attacked = Find(doc, "attacked");
  ASSERT_NE(attacked, nullptr);
  EXPECT_EQ(attacked->source.actor, "YEMREB");
  EXPECT_EQ(attacked->target.text, "");
  Document coup = Sentence("France condemned the coup in Niger on Thursday.");
  const EventMention* condemned = Find(coup, "condemned");
  ASSERT_NE(condemned, nullptr);
  EXPECT_EQ(condemned->target.country, "NER");
}

// A noun that names its own agent is an act under any verb ("repelled an attack by X on
// Y": X attacked Y); "the city of X" is X; an organization the entity layer coded stands
// for its people ("RSF fighters"), not for its goods. The RSF, at war with Sudan's army
// since 2023, is an armed rebel force of Sudan (data/kb/actors.tsv: SDN REB).
TEST(EventCoderTest, AnAttackByANamedForceOnANamedCity) {
  Document doc = Sentence(
      "KHARTOUM, May 12 (Reuters) - Sudan's army said it had repelled an attack by the paramilitary Rapid Support "
      "Forces on the besieged city of El Fasher. RSF fighters later shelled a market in Omdurman, Sudan.");
  const EventMention* attack = Find(doc, "attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->source.actor, "SDNREB");
  EXPECT_EQ(attack->target.country, "SDN");
  const EventMention* shelled = Find(doc, "shelled");
  ASSERT_NE(shelled, nullptr);
  EXPECT_EQ(shelled->source.actor, "SDNREB");
  EXPECT_EQ(shelled->source.text, "RSF fighters");
}

// Police in a sentence that names no place act where the story is (its dateline, else the
// place it names most); the protesters they detain are of that country too.
TEST(EventCoderTest, PoliceActWhereTheStoryIs) {
  Document doc = Sentence(
      "Thousands marched through Tbilisi on Sunday. Police detained at least 12 protesters overnight, the ministry "
      "said. Tbilisi was calm on Monday.");
  const EventMention* detained = Find(doc, "detained");
  ASSERT_NE(detained, nullptr);
  EXPECT_EQ(detained->source.actor, "GEOCOP");
  EXPECT_EQ(detained->target.actor, "GEOOPP");
}

// Weapons are what is launched or supplied, not whom; drones are launched like missiles;
// sanctions agreed are sanctions imposed; a body's ministers act for it.
TEST(EventCoderTest, WeaponsSanctionsAndMinistersOfABody) {
  Document doc = Sentence(
      "Russia has launched more than 8,000 Iranian-designed drones at Ukrainian cities since 2022. The EU agreed new "
      "sanctions on Iran over drone supplies to Russia. European Union foreign ministers met in Brussels on Monday.");
  const EventMention* launched = Find(doc, "launched");
  ASSERT_NE(launched, nullptr);
  EXPECT_EQ(launched->root, "19");
  EXPECT_EQ(launched->source.country, "RUS");
  EXPECT_EQ(launched->target.country, "UKR");
  const EventMention* agreed = Find(doc, "agreed");
  ASSERT_NE(agreed, nullptr);
  EXPECT_EQ(agreed->cameo, "163");
  EXPECT_EQ(agreed->target.country, "IRN");
  const EventMention* met = Find(doc, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->source.actor, "IGOEUR");
}

// "it" in what a body says is that body, but not the hearer's "they", nor a thing an
// official calls "it"; "Iran-backed" names a backer, not the group; "called the strikes"
// names strikes already told.
TEST(EventCoderTest, ReportersPronounsBackersAndNamedActs) {
  Document doc = Sentence(
      "The Israeli military said it had struck Hezbollah weapons depots near Nabatieh. It accused the Iran-backed group "
      "of rebuilding. Hezbollah lawmaker Hassan Fadlallah called the strikes a blatant aggression.");
  const EventMention* struck = Find(doc, "struck");
  ASSERT_NE(struck, nullptr);
  EXPECT_EQ(struck->source.actor, "ISRMIL");
  for (const EventMention& e : doc.events) {
    EXPECT_NE(e.target.country, "IRN") << doc.SpanText(e.cue);
    if (doc.SpanText(e.cue) == "strikes") {
      EXPECT_NE(e.source.country, "LBN");
    }
  }
  Document told = Sentence("Cuba in its telex told operators they would not receive March shipments.");
  for (const EventMention& e : told.events) EXPECT_NE(e.source.country, "CUB") << told.SpanText(e.cue);
}

// "met Governor-General Sam Mostyn" parsed with "Governor" the object: the person named
// right after the title words is whom.
TEST(EventCoderTest, ATitleParsedAsTheObjectNamesThePersonAfterIt) {
  Document doc = Sentence(
      "Australian Prime Minister Anthony Albanese spoke in Canberra. Modi, who arrived in Canberra on Wednesday for a "
      "three-day visit, also met Governor-General Sam Mostyn and addressed parliament.");
  const EventMention* met = Find(doc, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_GE(met->target.entity, 0);
  EXPECT_EQ(doc.entities[met->target.entity].name, "Sam Mostyn");
  EXPECT_TRUE(std::find(doc.entities[met->target.entity].roles.begin(), doc.entities[met->target.entity].roles.end(),
                        "governor general") != doc.entities[met->target.entity].roles.end());
}

// Who orders a passive act does it; prosecutors act where the story is; a person whose
// name is also a town's is whom; a legal appeal is no CAMEO appeal.
TEST(EventCoderTest, CourtsProsecutorsAndLegalAppeals) {
  Document doc = Sentence(
      "Thousands marched in Istanbul. A Turkish court ordered Istanbul Mayor Ekrem Imamoglu to be jailed. "
      "Prosecutors accuse Imamoglu of running a criminal organisation. His lawyers said they would appeal. Istanbul "
      "was calm.");
  const EventMention* jailed = Find(doc, "jailed");
  ASSERT_NE(jailed, nullptr);
  EXPECT_EQ(jailed->source.actor, "TURJUD");
  EXPECT_EQ(jailed->target.country, "TUR");
  const EventMention* accuse = Find(doc, "accuse");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->source.actor, "TURJUD");
  ASSERT_GE(accuse->target.entity, 0);
  EXPECT_EQ(doc.entities[accuse->target.entity].name, "Ekrem Imamoglu");
  const EventMention* appeal = Find(doc, "appeal");
  EXPECT_TRUE(appeal == nullptr || appeal->cameo.empty());
}

// "Targeted" militants were attacked; a bank that targets inflation attacks nothing. An air
// strike is an aerial weapon's use, a strike alone any attack.
TEST(EventCoderTest, TargetingAndAirStrikes) {
  Document doc = Sentence("The Chilean army said it had targeted militants near the border.");
  const EventMention* targeted = Find(doc, "targeted");
  ASSERT_NE(targeted, nullptr);
  EXPECT_EQ(targeted->cameo, "190");
  Document bank = Sentence("The central bank targets inflation of two percent.");
  const EventMention* targets = Find(bank, "targets");
  EXPECT_TRUE(targets == nullptr || targets->cameo.empty()) << targets->cameo;
  Document air = Sentence("Peruvian air strikes hit two camps on Saturday.");
  const EventMention* strikes = Find(air, "strikes");
  ASSERT_NE(strikes, nullptr);
  EXPECT_EQ(strikes->cameo, "195");
}

// "is due to meet on Thursday": intended, on the coming Thursday; religious leaders are REL.
TEST(EventCoderTest, ADueMeetingIsIntendedAndAhead) {
  // The fixtures' articles are dated Wednesday 2024-03-06.
  Document doc = Sentence("Kenyan President Amos Kerich is due to meet religious leaders on Thursday.");
  const EventMention* meet = Find(doc, "meet");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->modality, "intended");
  ASSERT_TRUE(meet->date.has_value());
  EXPECT_EQ(meet->date->ToIso(), "2024-03-07");
  EXPECT_EQ(meet->target.actor, "KENREL");
}

// "The two leaders" are the two parties of the act told before: both sign.
TEST(EventCoderTest, TheTwoLeadersAreTheLastEventsTwoParties) {
  Document doc = Sentence(
      "Chilean President Arturo Vidal hosted Peruvian President Lucia Campos in Santiago, where the two leaders "
      "signed a trade agreement.");
  const EventMention* signed_ = Find(doc, "signed");
  ASSERT_NE(signed_, nullptr);
  EXPECT_EQ(signed_->cameo, "057");
  EXPECT_EQ(signed_->source.country, "CHL");
  EXPECT_EQ(signed_->target.country, "PER");
  EXPECT_EQ(signed_->source.text, "the two leaders");
  // Without two parties told before, the words name nobody.
  Document alone = Sentence("The two leaders signed a trade agreement.");
  const EventMention* none = Find(alone, "signed");
  EXPECT_TRUE(none == nullptr || none->source.country.empty());
}

// A court that orders activists released: 0841, as if it released them itself.
TEST(EventCoderTest, AnOrderedReleaseOfActivists) {
  Document doc = Sentence("A Chilean court ordered the release of 12 activists.");
  const EventMention* release = Find(doc, "release");
  ASSERT_NE(release, nullptr);
  EXPECT_EQ(release->cameo, "0841");
  EXPECT_EQ(release->source.actor, "CHLJUD");
}

// A warning of force is a threat (138); a warning against a trade war is a warning (012).
TEST(EventCoderTest, ATradeWarIsNoWarToThreaten) {
  Document threat = Sentence("Iran warned of retaliation against any attack on its ships.");
  const EventMention* warned = Find(threat, "warned");
  ASSERT_NE(warned, nullptr);
  EXPECT_EQ(warned->cameo, "138");
  Document trade = Sentence("German Chancellor Anna Berg warned against a trade war with China.");
  const EventMention* caution = Find(trade, "warned");
  ASSERT_NE(caution, nullptr);
  EXPECT_EQ(caution->cameo, "012");
}

// "denied targeting civilians": the actor says it did not; the act is negated.
TEST(EventCoderTest, ADeniedActIsNegated) {
  Document doc = Sentence("Sudanese troops denied attacking the village of Umbaro.");
  const EventMention* attack = Find(doc, "attacking");
  ASSERT_NE(attack, nullptr);
  EXPECT_TRUE(attack->negated);
  Document plain = Sentence("Sudanese troops attacked the village of Umbaro.");
  const EventMention* attacked = Find(plain, "attacked");
  ASSERT_NE(attacked, nullptr);
  EXPECT_FALSE(attacked->negated);
}

// "its fighters" are the body "its" refers to; "the ruling Georgian Dream party" is the party.
TEST(EventCoderTest, ABodysPeopleAndABodyNamedBeforeItsKind) {
  Document doc = Sentence("Hezbollah said its fighters had attacked an Israeli army base near Safed.");
  const EventMention* attacked = Find(doc, "attacked");
  ASSERT_NE(attacked, nullptr);
  EXPECT_EQ(attacked->source.actor, "LBNREB");
  Document party = Sentence("Opposition leader Nika Melia accused the ruling Georgian Dream party of corruption.");
  const EventMention* accused = Find(party, "accused");
  ASSERT_NE(accused, nullptr);
  EXPECT_EQ(accused->target.actor, "GEOPTY");
}

// "granted Argentina a loan" is economic aid, as "gave" is.
TEST(EventCoderTest, AGrantedLoanIsAid) {
  Document doc =
      Sentence("Japan and a group of other creditor nations on Monday granted Peru a 300 million dollar bridge loan.");
  const EventMention* granted = Find(doc, "granted");
  ASSERT_NE(granted, nullptr);
  EXPECT_EQ(granted->cameo, "071");
  EXPECT_EQ(granted->target.country, "PER");
}

// A date after "on" is when, not whom.
TEST(EventCoderTest, ADateIsNoTarget) {
  Document doc = Sentence("West German engineering union IG Metall will hold nationwide warning strikes on March 9.");
  const EventMention* strikes = Find(doc, "strikes");
  ASSERT_NE(strikes, nullptr);
  EXPECT_TRUE(strikes->target.text.empty()) << strikes->target.text;
}

// A word of a body's name is no act of its own: the "Organisation of Islamic Cooperation"
// holds no cooperation; nor is a body's goods an actor ("OPEC oil").
TEST(EventCoderTest, WordsOfANameAndGoodsOfABodyAreNoEvents) {
  Document doc = Sentence(
      "The economy is in excellent condition, the Organisation for Economic Cooperation and Development, OECD, said. "
      "Iran praised the Organisation of Islamic Cooperation. Demand for OPEC oil is rising.");
  EXPECT_EQ(Find(doc, "Cooperation"), nullptr);
  const EventMention* praised = Find(doc, "praised");
  ASSERT_NE(praised, nullptr);
  EXPECT_EQ(praised->target.actor, "IGOOIC");
  EXPECT_EQ(Find(doc, "Demand"), nullptr);
}

TEST(EventCoderTest, UncodedVerbOfInterestIsKeptWithItsReason) {
  Document doc = Sentence("Russia provided information to Ukraine.");
  const EventMention* provide = Find(doc, "provided");
  ASSERT_NE(provide, nullptr);
  EXPECT_TRUE(provide->cameo.empty());
  EXPECT_THAT(provide->uncoded_reason, ::testing::HasSubstr("provide"));
}

TEST(EventCoderTest, QuotedSpeechTakesTheSpeakerAsSource) {
  Document doc = Sentence("\"We will always stand with Russia,\" the leader said.");
  document::Entity speaker{"e99", "PERSON", "Kim Jong-un", "PRK", "GOV", "PRKGOV", {}, {}};
  doc.entities.push_back(speaker);
  document::Quote quote;
  quote.kind = "direct";
  quote.span = {1, 33};
  quote.speaker = static_cast<int>(doc.entities.size()) - 1;
  doc.quotes = {quote};
  auto gazetteer = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  ASSERT_TRUE(gazetteer.ok());
  auto coder = EventCoder::Load("", *gazetteer);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  (*coder)->Code(doc);
  const EventMention* stand = Find(doc, "stand");
  ASSERT_NE(stand, nullptr);
  EXPECT_EQ(stand->quote, 0);
  EXPECT_EQ(stand->source.actor, "PRKGOV");
  EXPECT_EQ(stand->target.country, "RUS");
  EXPECT_EQ(stand->modality, "intended");
}

TEST(EventCoderTest, ManyPlacesMakeOneEvent) {
  Document doc = Sentence("Japan hosted South Korea in Tokyo, Osaka, Kyoto, Nagoya, Sapporo and Fukuoka.");
  int hosted = 0;
  for (const EventMention& e : doc.events) hosted += doc.SpanText(e.cue) == "hosted";
  EXPECT_EQ(hosted, 1);
}

TEST(EventCoderTest, BadInputStaysBounded) {
  std::string long_sentence;
  for (int i = 0; i < 250; ++i) long_sentence += "Russia attacked Ukraine and ";
  long_sentence += "Ukraine.";
  Document big = Sentence(long_sentence);
  EXPECT_LE(big.events.size(), 8u);
  std::string countries = "France condemned ";
  auto gazetteer = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  ASSERT_TRUE(gazetteer.ok());
  int listed = 0;
  for (size_t i = 0; i < (*gazetteer)->size() && listed < 200; ++i) {
    const auto& e = (*gazetteer)->entry(static_cast<uint32_t>(i));
    if (e.type != kb::EntryType::kCountry) continue;
    countries += e.name + ", ";
    ++listed;
  }
  countries += "and Spain.";
  Document list = Sentence(countries);
  EXPECT_LE(list.events.size(), 8u);
  // Names that are also verbs or nouns of the dictionaries.
  Document names = Sentence("Chad attacked Niger after Jordan hosted Turkey and Guinea praised Georgia.");
  for (const EventMention& e : names.events) EXPECT_FALSE(e.cameo.empty() && e.uncoded_reason.empty());
  Document unparsed;
  unparsed.text = "Russia attacked Ukraine.";
  document::Sentence s;
  s.span = {0, 24};
  unparsed.sentences.push_back(s);  // no tokens: nothing to code, no crash
  auto coder = EventCoder::Load("", *gazetteer);
  ASSERT_TRUE(coder.ok());
  (*coder)->Code(unparsed);
  EXPECT_TRUE(unparsed.events.empty());
}

}  // namespace
}  // namespace newsgraph::extract
