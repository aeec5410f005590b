// The event dictionaries: the shipped files load and cover every CAMEO root and
// PLOVER type; broken files fail with the file and line.
#include "extract/events/dictionary.h"

#include <filesystem>
#include <fstream>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/events/coding.h"
#include "extract/events/events.h"

namespace newsgraph::extract::events {
namespace {

using ::testing::HasSubstr;

constexpr const char* kCodes =
    "# code\troot\tquad\tgoldstein\tplover\tmode\tcontext\tname\n"
    "040\t04\t1\t1.0\tCONSULT\t\t\tConsult\n"
    "043\t04\t1\t2.8\tCONSULT\tvisit\t\tHost a visit\n";

EventDictionary Shipped() {
  auto dict = EventDictionary::Load(EventDictionary::DefaultDir());
  EXPECT_TRUE(dict.ok()) << dict.status().ToString();
  return dict.ok() ? std::move(dict).value() : EventDictionary();
}

TEST(EventDictionaryTest, ShippedPatternsCoverEveryCameoRoot) {
  EventDictionary dict = Shipped();
  std::set<std::string> roots;
  for (const Pattern* p : dict.AllPatterns()) roots.insert(p->code.substr(0, 2));
  for (int r = 1; r <= 20; ++r) {
    char root[3];
    std::snprintf(root, sizeof root, "%02d", r);
    EXPECT_TRUE(roots.count(root)) << "no pattern codes CAMEO root " << root;
  }
  EXPECT_GT(dict.num_patterns(), 300u);
}

TEST(EventDictionaryTest, ShippedPatternsReachEveryPloverType) {
  EventDictionary dict = Shipped();
  std::set<std::string> types;
  for (const Pattern* p : dict.AllPatterns()) {
    for (const std::string& code : {p->code, IntentCode(p->code), ThreatCode(p->code), RefusalCode(p->code)}) {
      const CameoCode* c = dict.Code(code);
      if (c != nullptr) types.insert(c->plover);
    }
    if (!p->plover.empty()) types.insert(p->plover);
  }
  for (const char* type : {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
                           "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}) {
    EXPECT_TRUE(types.count(type)) << type;
  }
}

TEST(EventDictionaryTest, ModalityCodesExistInTheTable) {
  EventDictionary dict = Shipped();
  for (const Pattern* p : dict.AllPatterns()) {
    EXPECT_NE(dict.Code(IntentCode(p->code)), nullptr) << p->code;
    EXPECT_NE(dict.Code(ThreatCode(p->code)), nullptr) << p->code;
    std::string refusal = RefusalCode(p->code);
    if (!refusal.empty()) {
      EXPECT_NE(dict.Code(refusal), nullptr) << p->code;
    }
  }
  EXPECT_EQ(IntentCode("073"), "0333");
  EXPECT_EQ(IntentCode("043"), "036");
  EXPECT_EQ(ThreatCode("163"), "1312");
  EXPECT_EQ(RefusalCode("040"), "125");
  EXPECT_EQ(RefusalCode("190"), "");
}

TEST(EventDictionaryTest, TheCodeTableKeepsItsFacts) {
  EventDictionary dict = Shipped();
  const CameoCode* host = dict.Code("043");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->plover, "CONSULT");
  EXPECT_EQ(host->quad, 1);
  EXPECT_DOUBLE_EQ(host->goldstein, 2.8);
  const CameoCode* fight = dict.Code("190");
  ASSERT_NE(fight, nullptr);
  EXPECT_EQ(fight->quad, 4);
  EXPECT_EQ(fight->plover, "ASSAULT");
  EXPECT_EQ(dict.Code("010")->plover, "");  // PLOVER drops CAMEO 01 and 02
}

TEST(EventDictionaryTest, PatternSyntax) {
  EventDictionary dict;
  ASSERT_TRUE(dict.Parse("d/cameo_codes.tsv", kCodes).ok());
  ASSERT_TRUE(dict.Parse("d/verbs.tsv", "# comment\nmeet\t040\nstep down +talks|meeting -war\t043\tSANCTION:withdraw\n").ok());
  auto meet = dict.VerbPatterns("meet");
  ASSERT_EQ(meet.size(), 1u);
  EXPECT_EQ(meet[0].line, 2);
  auto step = dict.VerbPatterns("step");
  ASSERT_EQ(step.size(), 1u);
  EXPECT_THAT(step[0].particles, ::testing::ElementsAre("down"));
  ASSERT_EQ(step[0].require.size(), 1u);
  EXPECT_THAT(step[0].require[0], ::testing::ElementsAre("talks", "meeting"));
  EXPECT_THAT(step[0].forbid, ::testing::ElementsAre("war"));
  EXPECT_EQ(step[0].plover, "SANCTION");
  EXPECT_EQ(step[0].plover_mode, "withdraw");
  EXPECT_GT(step[0].Specificity(), meet[0].Specificity());
  ASSERT_TRUE(dict.Parse("d/verbs.tsv", "gather @protester|demonstrator\t040\n").ok());
  auto gather = dict.VerbPatterns("gather");
  ASSERT_EQ(gather.size(), 1u);
  EXPECT_THAT(gather[0].subject, ::testing::ElementsAre("protester", "demonstrator"));
  EXPECT_TRUE(gather[0].require.empty());
  EXPECT_GT(gather[0].Specificity(), meet[0].Specificity());
}

TEST(EventDictionaryTest, BrokenLinesNameFileAndLine) {
  struct Case {
    const char* file;
    const char* data;
    const char* want;
  };
  const Case cases[] = {
      {"d/verbs.tsv", "meet\t040\nhost\t999\n", "d/verbs.tsv:2: unknown CAMEO code '999'"},
      {"d/verbs.tsv", "meet\n", "d/verbs.tsv:1: expected 2 or 3"},
      {"d/nouns.tsv", "\n\n+talks\t040\n", "d/nouns.tsv:3: pattern starts with '+talks'"},
      {"d/nouns.tsv", "talks +\t040\n", "d/nouns.tsv:1: empty word list"},
      {"d/verbs.tsv", "meet\t040\tconsult\n", "d/verbs.tsv:1: bad PLOVER type"},
      {"d/verbs.tsv", "meet @a @b\t040\n", "d/verbs.tsv:1: more than one subject list"},
      {"d/agents.tsv", "president\tgov\n", "d/agents.tsv:1: bad code"},
      {"d/facilities.tsv", "Base\tRUS\t\t95\t10\tfacility\n", "d/facilities.tsv:1: bad latitude"},
      {"d/cameo_codes.tsv", "04x\t04\t1\t1.0\t\t\t\tx\n", "d/cameo_codes.tsv:1: bad CAMEO code"},
      {"d/cameo_codes.tsv", "040\t04\t7\t1.0\t\t\t\tx\n", "d/cameo_codes.tsv:1: bad quad class"},
      {"d/other.tsv", "x\n", "not an event dictionary file name"},
  };
  for (const Case& c : cases) {
    EventDictionary dict;
    ASSERT_TRUE(dict.Parse("d/cameo_codes.tsv", kCodes).ok());
    Status s = dict.Parse(c.file, c.data);
    EXPECT_FALSE(s.ok()) << c.data;
    EXPECT_THAT(s.message(), HasSubstr(c.want));
  }
  EventDictionary dict;
  ASSERT_TRUE(dict.Parse("d/cameo_codes.tsv", kCodes).ok());
  EXPECT_THAT(dict.Parse("d/verbs.tsv", "meet " + std::string(5000, 'x') + "\t040\n").message(), HasSubstr("longer"));
}

TEST(EventDictionaryTest, EventCoderLoadReportsTheBrokenFile) {
  namespace fs = std::filesystem;
  std::string dir = ::testing::TempDir() + "/ng_event_dict";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : EventDictionary::kFiles) {
    fs::copy_file(EventDictionary::DefaultDir() + "/" + name, dir + "/" + name);
  }
  std::ofstream(dir + "/verbs.tsv", std::ios::app) << "meet\t040\nattack with\tXYZ\n";
  auto gazetteer = kb::Gazetteer::Load(kb::Gazetteer::DefaultDir());
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  auto coder = EventCoder::Load(dir, *gazetteer);
  ASSERT_FALSE(coder.ok());
  EXPECT_THAT(coder.status().message(), HasSubstr(dir + "/verbs.tsv:"));
  EXPECT_THAT(coder.status().message(), HasSubstr("unknown CAMEO code 'XYZ'"));
  fs::remove(dir + "/verbs.tsv");
  fs::copy_file(EventDictionary::DefaultDir() + "/verbs.tsv", dir + "/verbs.tsv");
  fs::remove(dir + "/nouns.tsv");
  auto missing = EventCoder::Load(dir, *gazetteer);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("nouns.tsv"));
}

}  // namespace
}  // namespace newsgraph::extract::events
