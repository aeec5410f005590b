// The JSON API on the fixture store: each route's filters, shapes and offsets.
#include "serve_fixture.h"

namespace newsgraph::serve_test {
namespace {

std::vector<std::string> Ids(const nlohmann::json& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i["id"].is_string() ? i["id"].get<std::string>() : i["id"].dump());
  std::sort(out.begin(), out.end());
  return out;
}

// Fixture events only (ingestion may add its own, with other ids).
std::vector<std::string> FixtureEventIds(const std::string& query) {
  Reply r = ServeTest::Get("/api/events?limit=500&" + query);
  EXPECT_EQ(r.status, 200) << r.raw;
  std::vector<std::string> out;
  for (const std::string& id : Ids(r.body["items"])) {
    if (id.rfind("fx-", 0) == 0) out.push_back(id);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_F(ServeTest, EventsFilterBySourceCountryCodeIdAndAlias) {
  EXPECT_EQ(FixtureEventIds("actor=RUS"), Strings{"fx-e1"});
  EXPECT_EQ(FixtureEventIds("actor=CHNGOV"), Strings{"fx-e6"});
  EXPECT_EQ(FixtureEventIds("actor=1005"), Strings{"fx-e3"});
  EXPECT_EQ(FixtureEventIds("actor=putin"), Strings{"fx-e1"});  // an alias, any case
  EXPECT_EQ(FixtureEventIds("target=PRK"), (Strings{"fx-e1", "fx-e2"}));
  EXPECT_EQ(FixtureEventIds("actor=KOR&target=PRK"), Strings{"fx-e2"});
}

TEST_F(ServeTest, EventsFilterByCodeDatePlace) {
  EXPECT_EQ(FixtureEventIds("root=19"), Strings{"fx-e5"});
  EXPECT_EQ(FixtureEventIds("plover=AID"), Strings{"fx-e3"});
  EXPECT_EQ(FixtureEventIds("from=2024-03-15&to=2024-03-31"), (Strings{"fx-e3", "fx-e4"}));
  EXPECT_EQ(FixtureEventIds("near=35.7,139.7,50"), Strings{"fx-e3"});  // Tokyo
}

TEST_F(ServeTest, EventsSortAndPaginate) {
  Reply r = Get("/api/events?plover=FIGHT&sort=goldstein");
  ASSERT_EQ(r.status, 200);
  Reply all = Get("/api/events?sort=goldstein&limit=2");
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(all.body["items"].size(), 2u);
  EXPECT_TRUE(all.body["has_more"].get<bool>());
  EXPECT_LE(all.body["items"][0]["goldstein"].get<double>(), all.body["items"][1]["goldstein"].get<double>());
  Reply next = Get("/api/events?sort=goldstein&limit=2&offset=2");
  ASSERT_EQ(next.status, 200);
  EXPECT_NE(next.body["items"][0]["id"], all.body["items"][0]["id"]);
}

TEST_F(ServeTest, OneEventWithItsEvidence) {
  Reply r = Get("/api/events/fx-e1");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["source"]["name"], "Vladimir Putin");
  EXPECT_EQ(r.body["target"]["code"], "PRKGOV");
  EXPECT_EQ(r.body["place"]["name"], "Vostochny Cosmodrome");
  ASSERT_EQ(r.body["mentions"].size(), 1u);
  const auto& m = r.body["mentions"][0];
  EXPECT_EQ(m["cue"]["text"], "met");
  // Offsets are code points into the stored text (ASCII here, so bytes too).
  Reply doc = Get("/api/documents/" + m["doc_id"].get<std::string>());
  ASSERT_EQ(doc.status, 200) << doc.raw;
  std::string text = doc.body["text"];
  int start = m["evidence"]["start"], end = m["evidence"]["end"];
  EXPECT_EQ(text.substr(start, end - start), m["evidence"]["text"].get<std::string>());
  EXPECT_EQ(Get("/api/events/no-such-event").status, 404);
}

TEST_F(ServeTest, MentionsOfADocument) {
  std::string doc = DocWith("Ladakh border on Monday");
  ASSERT_FALSE(doc.empty());
  Reply r = Get("/api/mentions?doc=" + doc);
  ASSERT_EQ(r.status, 200) << r.raw;
  int fixture = 0;
  for (const auto& m : r.body["items"]) fixture += m["event_id"] == "fx-e5" || m["event_id"] == "fx-e6";
  EXPECT_EQ(fixture, 2);
}

TEST_F(ServeTest, QuotesBySpeakerAliasWordsAndKind) {
  Reply r = Get("/api/quotes?speaker=Peskov");
  ASSERT_EQ(r.status, 200) << r.raw;
  int seeded = 0;  // the pipeline's own quotes of the fixtures may be listed too
  for (const auto& q : r.body["items"]) {
    EXPECT_EQ(q["speaker"]["name"], "Dmitry Peskov");
    seeded += q["id"].get<int>() >= 1001;
  }
  EXPECT_EQ(seeded, 2);
  Reply about = Get("/api/quotes?about=support");
  ASSERT_EQ(about.status, 200);
  ASSERT_GE(about.body["items"].size(), 1u);
  EXPECT_EQ(about.body["items"][0]["speaker"]["name"], "Fumio Kishida");
  Reply partial = Get("/api/quotes?kind=partial&speaker=1003");
  ASSERT_EQ(partial.status, 200);
  ASSERT_EQ(partial.body["items"].size(), 1u);
  EXPECT_EQ(partial.body["items"][0]["text"], "substantive and friendly");
}

TEST_F(ServeTest, ActorWithRolesAliasesQuotesEvents) {
  Reply r = Get("/api/actors/1003");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["name"], "Dmitry Peskov");
  ASSERT_EQ(r.body["roles"].size(), 1u);
  EXPECT_EQ(r.body["roles"][0]["role"], "Kremlin spokesman");
  EXPECT_EQ(r.body["aliases"][0]["alias"], "Peskov");
  EXPECT_EQ(r.body["quotes"].size(), 2u);
  Reply putin = Get("/api/actors/1001");
  ASSERT_EQ(putin.status, 200);
  ASSERT_EQ(putin.body["events_as_source"].size(), 1u);
  EXPECT_EQ(putin.body["events_as_source"][0]["id"], "fx-e1");
  EXPECT_EQ(Get("/api/actors/999999").status, 404);
  EXPECT_EQ(Get("/api/actors/abc").status, 400);
  Reply list = Get("/api/actors?q=kish");
  ASSERT_EQ(list.status, 200);
  ASSERT_GE(list.body["items"].size(), 1u);
  for (const auto& a : list.body["items"]) EXPECT_NE(a["name"].get<std::string>().find("Kishida"), std::string::npos);
}

TEST_F(ServeTest, DocumentViewHasEveryLayerInCodePoints) {
  std::string id = DocWith("Vostochny Cosmodrome on Wednesday");
  ASSERT_FALSE(id.empty());
  Reply r = Get("/api/documents/" + id);
  ASSERT_EQ(r.status, 200) << r.raw;
  std::string text = r.body["text"];
  int fixture_quotes = 0;
  for (const auto& q : r.body["quotes"]) {
    int start = q["start"], end = q["end"];
    EXPECT_EQ(text.substr(start, end - start), q["text"].get<std::string>());
    fixture_quotes += q["id"].get<int>() >= 1001;
  }
  EXPECT_EQ(fixture_quotes, 3);
  EXPECT_GE(r.body["events"].size(), 2u);
  EXPECT_TRUE(r.body.contains("entities"));
  EXPECT_EQ(Get("/api/documents/nope").status, 404);
}

TEST_F(ServeTest, SearchRanksKindsWithSnippets) {
  Reply r = Get("/api/search?q=restraint");
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_GE(r.body["items"].size(), 2u);
  EXPECT_EQ(r.body["items"][0]["kind"], "quote");
  EXPECT_EQ(r.body["items"][0]["title"], "Wang Wenbin");
  EXPECT_NE(r.body["items"][0]["snippet"].get<std::string>().find("\x02restraint\x03"), std::string::npos);
  Reply actors = Get("/api/search?q=zelensky&kind=actor");
  ASSERT_EQ(actors.status, 200);
  std::vector<std::string> ids = Ids(actors.body["items"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "1007"), ids.end()) << actors.raw;
  Reply phrase = Get("/api/search?q=%22sacred+fight%22&kind=quote");
  ASSERT_GE(phrase.body["items"].size(), 1u);
  for (const auto& h : phrase.body["items"]) EXPECT_EQ(h["title"], "Kim Jong-un");
  Reply prefix = Get("/api/search?q=restr*&kind=quote");
  ASSERT_GE(prefix.body["items"].size(), 1u);
  Reply speaker = Get("/api/search?q=visit&speaker=peskov");
  ASSERT_EQ(speaker.status, 200) << speaker.raw;
  ASSERT_GE(speaker.body["items"].size(), 1u);
  for (const auto& h : speaker.body["items"]) EXPECT_EQ(h["title"], "Dmitry Peskov");
}

// about= pages are slices of one list in date order: the matches are looked up
// while the quotes are walked in page order, offset and limit counted on matches.
TEST_F(ServeTest, QuotesAboutPagesAreSlicesOfOneList) {
  Reply all = Get("/api/quotes?about=the&limit=500");
  ASSERT_EQ(all.status, 200) << all.raw;
  const auto& items = all.body["items"];
  ASSERT_GE(items.size(), 3u) << all.raw;
  for (size_t i = 0; i < items.size(); ++i) {
    Reply one = Get("/api/quotes?about=the&limit=1&offset=" + std::to_string(i));
    ASSERT_EQ(one.body["items"].size(), 1u) << i;
    EXPECT_EQ(one.body["items"][0]["id"], items[i]["id"]) << i;
    EXPECT_EQ(one.body["has_more"].get<bool>(), i + 1 < items.size()) << i;
    if (i > 0) {
      EXPECT_GE(items[i - 1]["date"].get<std::string>(), items[i]["date"].get<std::string>());
    }
  }
  Reply none = Get("/api/quotes?about=the&offset=" + std::to_string(items.size()));
  EXPECT_TRUE(none.body["items"].empty());
  Reply oldest = Get("/api/quotes?about=the&sort=oldest&limit=500");
  ASSERT_EQ(oldest.body["items"].size(), items.size());
  EXPECT_EQ(oldest.body["items"][0]["id"], items[items.size() - 1]["id"]);
  EXPECT_TRUE(Get("/api/quotes?about=zzzzunseen").body["items"].empty());
}

TEST_F(ServeTest, SearchIsNewestFirstUnlessRelevanceIsAsked) {
  Reply newest = Get("/api/search?q=the&limit=100");
  ASSERT_EQ(newest.status, 200) << newest.raw;
  ASSERT_GE(newest.body["items"].size(), 2u);
  std::string previous = "9999-99-99";
  for (const auto& h : newest.body["items"]) {
    EXPECT_TRUE(h["score"].is_null()) << h;
    EXPECT_LE(h["date"].get<std::string>(), previous) << newest.raw;
    previous = h["date"];
  }
  Reply ranked = Get("/api/search?q=the&sort=relevance&limit=100");
  ASSERT_EQ(ranked.status, 200) << ranked.raw;
  ASSERT_EQ(ranked.body["items"].size(), newest.body["items"].size());
  double best = -1e9;
  for (const auto& h : ranked.body["items"]) {
    ASSERT_TRUE(h["score"].is_number()) << h;
    EXPECT_GE(h["score"].get<double>(), best);
    best = h["score"];
    EXPECT_FALSE(h["snippet"].get<std::string>().empty()) << h;
  }
  EXPECT_EQ(Get("/api/search?q=the&sort=score").status, 400);
}

TEST_F(ServeTest, TimelineNetworkPlacesStats) {
  Reply t = Get("/api/timeline?from=2024-03-14&to=2024-03-14&actor=1001");
  ASSERT_EQ(t.status, 200) << t.raw;
  ASSERT_EQ(t.body["days"].size(), 1u);
  EXPECT_EQ(t.body["days"][0]["quads"][0], 1);
  Reply n = Get("/api/network?root=19&actor=1008");
  ASSERT_EQ(n.status, 200) << n.raw;
  ASSERT_EQ(n.body["edges"].size(), 1u);
  EXPECT_EQ(n.body["edges"][0]["source"], "INDMIL");
  EXPECT_DOUBLE_EQ(n.body["edges"][0]["goldstein"].get<double>(), -10.0);
  EXPECT_EQ(n.body["nodes"].size(), 2u);
  Reply p = Get("/api/places?plover=AID&actor=1005");
  ASSERT_EQ(p.status, 200);
  ASSERT_EQ(p.body["places"].size(), 1u);
  EXPECT_EQ(p.body["places"][0]["name"], "Tokyo");
  Reply s = Get("/api/stats");
  ASSERT_EQ(s.status, 200);
  EXPECT_EQ(s.body["documents"], 3);
  EXPECT_GE(s.body["events"].get<int>(), 6);
}

TEST_F(ServeTest, AssetsServedFromTheFolderOnly) {
  httplib::Client client("127.0.0.1", port());
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>ui</title>"), std::string::npos);
  auto js = client.Get("/sub/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
}

}  // namespace
}  // namespace newsgraph::serve_test
