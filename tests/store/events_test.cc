// The events layer of the store: blob round trip, mention rows, merging across
// articles, re-ingest, and the query API (store/events.h).
#include "store/events.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using document::Document;
using document::EventMention;
using testing::MakeDoc;
using testing::RawQuery;
using testing::TempDbPath;

// A document that reports "Ruritania hosted Freedonia at the palace" with one coded mention.
Document EventDoc(const std::string& id, const std::string& text, const std::string& source, int day) {
  Document doc = MakeDoc(id, text);
  doc.source = source;
  doc.url = "https://example.org/" + id;
  doc.date = document::Date{2024, 5, day};
  EventMention e;
  e.cameo = "043";
  e.root = "04";
  e.quad = 1;
  e.goldstein = 2.8;
  e.plover = "CONSULT";
  e.plover_mode = "visit";
  e.source = {-1, "RUSGOV", "RUS", "Ruritania", {0, 9}};
  e.target = {-1, "PRK", "PRK", "Freedonia", {17, 26}};
  e.date = document::Date{2024, 5, day};
  e.date_from = "article";
  e.place = document::EventPlace{"Vostochny Cosmodrome", "RUS", "RU-AMU", 51.884, 128.334, "facility", {30, 36}, "sentence"};
  e.cue = {10, 16};
  e.evidence = {0, static_cast<uint32_t>(text.size())};
  e.confidence = 0.85f;
  doc.events.push_back(e);
  EventMention uncoded = e;
  uncoded.cameo = uncoded.root = uncoded.plover = uncoded.plover_mode = "";
  uncoded.quad = 0;
  uncoded.goldstein = 0;
  uncoded.place.reset();
  uncoded.date_span = {0, 9};
  uncoded.uncoded_reason = "no pattern of 'host' matches its clause";
  doc.events.push_back(uncoded);
  return doc;
}

std::unique_ptr<Store> Open(const std::string& path) {
  auto store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

TEST(EventsStoreTest, GetDocumentRoundTripsEvents) {
  std::string path = TempDbPath("events_roundtrip.db");
  auto store = Open(path);
  Document doc = EventDoc("a", "Ruritania hosted Freedonia at the palace on Monday.", "wire", 6);
  ASSERT_TRUE(store->AddDocuments({&doc}).ok());
  auto got = store->GetDocument("a");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  const auto& events = (*got)->events;
  ASSERT_EQ(events.size(), 2u);
  const EventMention& e = events[0];
  EXPECT_EQ(e.cameo, "043");
  EXPECT_EQ(e.plover_mode, "visit");
  EXPECT_DOUBLE_EQ(e.goldstein, 2.8);
  EXPECT_EQ(e.source.actor, "RUSGOV");
  EXPECT_EQ(e.target.span, (document::Span{17, 26}));
  ASSERT_TRUE(e.place.has_value());
  EXPECT_NEAR(*e.place->lat, 51.884, 1e-9);
  EXPECT_EQ(e.place->from, "sentence");
  EXPECT_EQ(e.date->ToIso(), "2024-05-06");
  EXPECT_NEAR(e.confidence, 0.85, 1e-3);
  EXPECT_EQ(events[1].uncoded_reason, "no pattern of 'host' matches its clause");
  EXPECT_FALSE(events[1].place.has_value());
  EXPECT_TRUE(store->Verify().ok());
}

TEST(EventsStoreTest, MentionsGetStableIdsAndCodePointOffsets) {
  std::string path = TempDbPath("events_mentions.db");
  auto store = Open(path);
  // "Ruritaniä" has a two-byte letter: code point offsets differ from bytes after it.
  Document doc = EventDoc("b", "Ruritaniä hosted Freedonia at the palace on Monday.", "wire", 6);
  doc.events[0].cue = {11, 17};
  doc.events[0].source.span = {0, 10};
  ASSERT_TRUE(store->AddDocuments({&doc}).ok());
  EXPECT_EQ(RawQuery(path, "SELECT group_concat(id) FROM event_mentions"), "b#0,b#1");
  EXPECT_EQ(RawQuery(path, "SELECT cue_start || '-' || cue_end || ':' || cue FROM event_mentions WHERE id = 'b#0'"),
            "10-16:hosted");
  EXPECT_EQ(RawQuery(path, "SELECT event_id IS NULL FROM event_mentions WHERE id = 'b#1'"), "1");
}

TEST(EventsStoreTest, ReportsOfOneHappeningMergeIntoOneEvent) {
  std::string path = TempDbPath("events_merge.db");
  auto store = Open(path);
  Document a = EventDoc("a", "Ruritania hosted Freedonia at the palace on Monday.", "wire", 6);
  Document b = EventDoc("b", "Ruritania hosted Freedonia at the palace, officials said.", "daily", 7);
  Document c = EventDoc("c", "Ruritania hosted Freedonia at the palace once more in May.", "wire", 20);
  ASSERT_TRUE(store->AddDocuments({&a, &b}).ok());
  ASSERT_TRUE(store->AddDocuments({&c}).ok());
  // a and b: same actors, root, place, dates a day apart -> one event; c is two weeks later.
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM events"), "2");
  EXPECT_EQ(RawQuery(path, "SELECT mention_count || '/' || document_count || '/' || source_count || '/' || date"
                           " FROM events ORDER BY mention_count DESC LIMIT 1"),
            "2/2/2/2024-05-06");
  // Re-ingesting an identical article adds nothing.
  Document again = EventDoc("a2", "Ruritania hosted Freedonia at the palace on Monday.", "wire", 6);
  auto added = store->AddDocuments({&again});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ((*added)[0].outcome, AddOutcome::kDuplicate);
  EXPECT_EQ(RawQuery(path, "SELECT SUM(mention_count) FROM events"), "3");
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM event_mentions"), "6");
}

TEST(EventsStoreTest, NegatedAndHypotheticalMentionsAreNotEvents) {
  std::string path = TempDbPath("events_modality.db");
  auto store = Open(path);
  Document doc = EventDoc("n", "Ruritania did not host Freedonia at the palace.", "wire", 6);
  doc.events.resize(1);
  doc.events[0].negated = true;
  Document hyp = EventDoc("h", "Ruritania would host Freedonia at the palace if asked.", "wire", 6);
  hyp.events.resize(1);
  hyp.events[0].modality = "hypothetical";
  ASSERT_TRUE(store->AddDocuments({&doc, &hyp}).ok());
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM events"), "0");
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM event_mentions"), "2");
}

TEST(EventsStoreTest, QueryFiltersByActorCodeDatePlaceAndPlover) {
  std::string path = TempDbPath("events_query.db");
  auto store = Open(path);
  Document a = EventDoc("a", "Ruritania hosted Freedonia at the palace on Monday.", "wire", 6);
  Document b = EventDoc("b", "Freedonia attacked Ruritania near the border.", "wire", 15);
  EventMention& e = b.events[0];
  e.cameo = "190";
  e.root = "19";
  e.quad = 4;
  e.goldstein = -10;
  e.plover = "ASSAULT";
  std::swap(e.source, e.target);
  e.date = document::Date{2024, 5, 15};
  e.place->lat = 10.0;
  e.place->lon = 10.0;
  e.place->name = "Border";
  ASSERT_TRUE(store->AddDocuments({&a, &b}).ok());
  EventFilter f;
  f.actor = "RUS";
  f.with_first_report = true;
  auto rows = QueryEvents(*store, f);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].cameo, "043");
  EXPECT_EQ((*rows)[0].source_url, "https://example.org/a");
  f = EventFilter{};
  f.actor = "rusgov";
  f.target = "PRK";
  EXPECT_EQ(QueryEvents(*store, f)->size(), 1u);
  f = EventFilter{};
  f.root = "19";
  EXPECT_EQ(QueryEvents(*store, f)->size(), 1u);
  f = EventFilter{};
  f.plover = "consult";
  EXPECT_EQ(QueryEvents(*store, f)->size(), 1u);
  f = EventFilter{};
  f.from = "2024-05-10";
  f.to = "2024-05-31";
  ASSERT_EQ(QueryEvents(*store, f)->size(), 1u);
  EXPECT_EQ((*QueryEvents(*store, f))[0].plover, "ASSAULT");
  f = EventFilter{};
  ASSERT_TRUE(ParseNear("51.9,128.3,50", f).ok());
  ASSERT_EQ(QueryEvents(*store, f)->size(), 1u);
  EXPECT_EQ((*QueryEvents(*store, f))[0].place_name, "Vostochny Cosmodrome");
  f = EventFilter{};
  f.sort = "goldstein";
  EXPECT_EQ((*QueryEvents(*store, f))[0].cameo, "190");
  f.limit = 1;
  f.offset = 1;
  EXPECT_EQ((*QueryEvents(*store, f))[0].cameo, "043");
  f.sort = "sideways";
  EXPECT_FALSE(QueryEvents(*store, f).ok());
  MentionFilter of_event;
  of_event.event_id = (*rows)[0].id;
  auto mentions = QueryEventMentions(*store, of_event);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 1u);
  EXPECT_EQ((*mentions)[0].id, "a#0");
  EXPECT_EQ((*mentions)[0].cue, "hosted");
}

TEST(EventsStoreTest, OneEventMentionsAndAggregates) {
  std::string path = TempDbPath("events_aggregates.db");
  auto store = Open(path);
  Document a = EventDoc("a", "Ruritania hosted Freedonia at the palace on Monday.", "wire", 6);
  Document b = EventDoc("b", "Ruritania hosted Freedonia at the palace, officials said.", "daily", 7);
  ASSERT_TRUE(store->AddDocuments({&a, &b}).ok());
  auto rows = QueryEvents(*store, EventFilter{});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_TRUE((*rows)[0].source_url.empty());  // only with with_first_report
  auto one = GetEvent(*store, (*rows)[0].id);
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ((*one)->source_url, "https://example.org/a");
  EXPECT_FALSE(GetEvent(*store, "ev-none")->has_value());
  MentionFilter of_doc;
  of_doc.doc_id = "b";
  auto mentions = QueryEventMentions(*store, of_doc);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2u);  // the coded one and the uncoded one
  of_doc.filter.root = "04";
  EXPECT_EQ(QueryEventMentions(*store, of_doc)->size(), 1u);
  auto days = EventTimeline(*store, EventFilter{});
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 1u);
  EXPECT_EQ((*days)[0].date, "2024-05-06");
  EXPECT_EQ((*days)[0].quads[0], 1);
  auto places = EventPlaces(*store, EventFilter{});
  ASSERT_TRUE(places.ok());
  ASSERT_EQ(places->size(), 1u);
  EXPECT_EQ((*places)[0].name, "Vostochny Cosmodrome");
  auto net = EventNetwork(*store, EventFilter{}, 1);
  ASSERT_TRUE(net.ok());
  ASSERT_EQ(net->edges.size(), 1u);
  EXPECT_EQ(net->edges[0].source, "RUSGOV");
  EXPECT_EQ(net->nodes.size(), 2u);
}

TEST(EventsStoreTest, BadFilterValuesAreErrors) {
  auto store = Open(TempDbPath("events_badfilter.db"));
  EventFilter f;
  f.from = "yesterday";
  EXPECT_EQ(QueryEvents(*store, f).status().code(), StatusCode::kInvalidArgument);
  f = EventFilter{};
  f.root = "4";
  EXPECT_FALSE(QueryEvents(*store, f).ok());
  f = EventFilter{};
  f.actor = "RUS') OR 1=1--";  // a value, never SQL
  auto none = QueryEvents(*store, f);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  MentionFilter m;
  m.filter.sort = "goldstein";
  EXPECT_FALSE(QueryEventMentions(*store, m).ok());
}

TEST(EventsStoreTest, ParseNearRejectsBadInput) {
  EventFilter f;
  EXPECT_FALSE(ParseNear("51.9,128.3", f).ok());
  EXPECT_FALSE(ParseNear("91,0,10", f).ok());
  EXPECT_FALSE(ParseNear("a,b,c", f).ok());
  EXPECT_FALSE(ParseNear("1,2,-5", f).ok());
  EXPECT_NEAR(DistanceKm(0, 0, 0, 1), 111.19, 0.1);
}

TEST(EventsStoreTest, InvalidEventSpansRejectTheBatch) {
  std::string path = TempDbPath("events_invalid.db");
  auto store = Open(path);
  Document doc = EventDoc("x", "Ruritania hosted Freedonia.", "wire", 6);
  doc.events[0].cue = {5, 500};
  auto added = store->AddDocuments({&doc});
  ASSERT_FALSE(added.ok());
  EXPECT_THAT(added.status().message(), ::testing::HasSubstr("event 0"));
}

}  // namespace
}  // namespace newsgraph::store
