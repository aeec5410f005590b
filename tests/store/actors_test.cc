// The actors knowledge base: entities of stored documents merge into actors by
// spelling-folded keys, surnames never start an actor, re-ingesting adds nothing.
#include <gtest/gtest.h>

#include "store/actors.h"
#include "store/store.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using document::Document;

// Adds an entity whose mentions are the given substrings of doc.text (in order).
void AddEntity(Document& doc, const std::string& type, const std::string& name, const std::string& country,
               const std::string& actor, std::vector<std::string> roles, const std::vector<std::string>& texts) {
  document::Entity e;
  e.id = "e" + std::to_string(doc.entities.size() + 1);
  e.type = type;
  e.name = name;
  e.country = country;
  e.actor = actor;
  e.sector = actor.size() > 3 ? actor.substr(3) : "";
  e.roles = std::move(roles);
  size_t from = 0;
  for (const std::string& t : texts) {
    size_t at = doc.text.find(t, from);
    ASSERT_NE(at, std::string::npos) << t;
    from = at + t.size();
    e.mentions.push_back(static_cast<uint32_t>(doc.mentions.size()));
    doc.mentions.push_back({{static_cast<uint32_t>(at), static_cast<uint32_t>(at + t.size())}, type,
                            t == "he" ? "pronoun" : "name", static_cast<int>(doc.entities.size())});
  }
  doc.entities.push_back(std::move(e));
}

Document Article(const std::string& id, const std::string& date, const std::string& text) {
  Document doc = testing::MakeDoc(id, text);
  doc.date = *document::Date::ParseIso(date);
  return doc;
}

class ActorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempDbPath("actors");
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }
  void Add(const Document& doc, AddOutcome expected = AddOutcome::kAdded) {
    auto r = store_->AddDocuments({&doc});
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ((*r)[0].outcome, expected);
  }
  std::vector<ActorSummary> List(ActorFilter f = {}) {
    auto list = ListActors(*store_, f);
    EXPECT_TRUE(list.ok()) << list.status().message();
    return list.ok() ? *list : std::vector<ActorSummary>{};
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST(ActorKeyTest, FoldsCaseHyphensAndPunctuation) {
  EXPECT_EQ(ActorKey("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(ActorKey("KIM JONG UN"), "kim jong un");
  EXPECT_EQ(ActorKey("  Kim  Jong\u2011Un. "), "kim jong un");
  EXPECT_EQ(ActorKey("--"), "");
}

TEST_F(ActorsTest, TwoSpellingsMergeAndReingestDoesNotDuplicate) {
  Document a = Article("a", "2023-09-13", "Kim Jong-un met Vladimir Putin. Kim said he was grateful.");
  AddEntity(a, "PERSON", "Kim Jong-un", "PRK", "PRKGOV", {"leader"}, {"Kim Jong-un", "Kim", "he"});
  AddEntity(a, "PERSON", "Vladimir Putin", "RUS", "RUSGOV", {"president"}, {"Vladimir Putin"});
  Document b = Article("b", "2024-06-19", "Kim Jong Un welcomed the visitors to Pyongyang.");
  AddEntity(b, "PERSON", "Kim Jong Un", "PRK", "PRKGOV", {"supreme leader"}, {"Kim Jong Un"});
  Add(a);
  Add(b);
  Add(a, AddOutcome::kDuplicate);

  ActorFilter people;
  people.type = "PERSON";
  std::vector<ActorSummary> list = List(people);
  ASSERT_EQ(list.size(), 2u);
  const ActorSummary& kim = list[0];
  EXPECT_EQ(kim.name, "Kim Jong-un");
  EXPECT_EQ(kim.document_count, 2);
  EXPECT_EQ(kim.mention_count, 4);
  EXPECT_EQ(kim.first_seen, "2023-09-13");
  EXPECT_EQ(kim.last_seen, "2024-06-19");
  EXPECT_EQ(kim.code, "PRKGOV");

  auto detail = GetActor(*store_, kim.id);
  ASSERT_TRUE(detail.ok() && detail->has_value());
  std::vector<std::string> aliases;
  for (const ActorAlias& x : (*detail)->aliases) aliases.push_back(x.alias);
  EXPECT_EQ(aliases.size(), 2u);  // "Kim Jong-un" (== "Kim Jong Un") and "Kim"
  ASSERT_EQ((*detail)->roles.size(), 2u);
  EXPECT_EQ((*detail)->roles[0].role, "leader");
  EXPECT_EQ((*detail)->roles[0].first_seen, "2023-09-13");
  EXPECT_EQ((*detail)->roles[1].role, "supreme leader");
  EXPECT_EQ((*detail)->roles[1].doc_id, "b");

  auto ids = ResolveActorName(*store_, "KIM JONG-UN");
  ASSERT_TRUE(ids.ok());
  ASSERT_EQ(ids->size(), 1u);
  EXPECT_EQ((*ids)[0], kim.id);
  EXPECT_EQ(testing::RawQuery(path_, "SELECT count(*) FROM document_entities"), "3");
}

TEST_F(ActorsTest, SurnamesLinkButNeverCreate) {
  Document a = Article("a", "2023-09-13", "Sergei Shoigu inspected the troops.");
  AddEntity(a, "PERSON", "Sergei Shoigu", "RUS", "RUSGOV", {"defence minister"}, {"Sergei Shoigu"});
  Document b = Article("b", "2023-09-14", "Shoigu and Lavrov left early.");
  AddEntity(b, "PERSON", "Shoigu", "", "", {}, {"Shoigu"});
  AddEntity(b, "PERSON", "Lavrov", "", "", {}, {"Lavrov"});
  Add(a);
  Document shoigu_alias = Article("c", "2023-09-15", "Shoigu spoke. Sergei Shoigu, the minister, left.");
  AddEntity(shoigu_alias, "PERSON", "Sergei Shoigu", "RUS", "", {}, {"Shoigu", "Sergei Shoigu"});
  Add(shoigu_alias);
  Add(b);
  std::vector<ActorSummary> list = List();
  ASSERT_EQ(list.size(), 1u);  // no actor for "Lavrov" alone
  EXPECT_EQ(list[0].name, "Sergei Shoigu");
  EXPECT_EQ(list[0].document_count, 3);
  EXPECT_EQ(testing::RawQuery(path_, "SELECT count(*) FROM document_entities WHERE doc_id = 'b'"), "1");
}

TEST_F(ActorsTest, FiltersByCountryTypeAndName) {
  Document a = Article("a", "2023-09-13", "North Korea and Russia signed. The Kremlin spokesman Dmitry Peskov spoke.");
  AddEntity(a, "GPE", "North Korea", "PRK", "PRK", {}, {"North Korea"});
  AddEntity(a, "GPE", "Russia", "RUS", "RUS", {}, {"Russia"});
  AddEntity(a, "ORG", "Kremlin", "RUS", "RUSGOV", {}, {"Kremlin"});
  AddEntity(a, "PERSON", "Dmitry Peskov", "RUS", "RUSGOV", {"spokesman"}, {"Dmitry Peskov"});
  Add(a);
  ActorFilter f;
  f.country = "RUS";
  EXPECT_EQ(List(f).size(), 3u);
  f.type = "ORG";
  ASSERT_EQ(List(f).size(), 1u);
  EXPECT_EQ(List(f)[0].code, "RUSGOV");
  ActorFilter by_name;
  by_name.name = "peskov";
  ASSERT_EQ(List(by_name).size(), 1u);
  EXPECT_EQ(List(by_name)[0].name, "Dmitry Peskov");
  ActorFilter bad;
  bad.limit = 0;
  EXPECT_FALSE(ListActors(*store_, bad).ok());
  auto none = GetActor(*store_, 999);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

}  // namespace
}  // namespace newsgraph::store
