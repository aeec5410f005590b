#include "store/store.h"

#include <sqlite3.h>

#include <fstream>
#include <tuple>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/checksum.h"
#include "store/test_docs.h"

namespace newsgraph::store {
namespace {

using document::Document;
using ::testing::HasSubstr;
using testing::MakeDoc;
using testing::RawQuery;
using testing::SyntheticDoc;
using testing::TempDbPath;

std::unique_ptr<Store> OpenOrDie(const std::string& path, StoreOptions options = {}) {
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

std::vector<AddResult> AddOrDie(Store& store, const std::vector<const Document*>& docs) {
  StatusOr<std::vector<AddResult>> r = store.AddDocuments(docs);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<AddResult>{};
}

int64_t CountDocs(Store& store) {
  StatusOr<Stats> stats = store.GetStats();
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  return stats.ok() ? stats->documents : -1;
}

TEST(StoreTest, CreatesFileWithWalAndSchemaVersion) {
  std::string path = TempDbPath("create");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  store.reset();
  EXPECT_EQ(RawQuery(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(RawQuery(path, "PRAGMA journal_mode"), "wal");
  // Reopening an up-to-date store runs no migration and keeps the version.
  store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
}

TEST(StoreTest, AddThenDuplicateIsAReportedNoOp) {
  auto store = OpenOrDie(TempDbPath("dup"));
  ASSERT_NE(store, nullptr);
  Document a = MakeDoc("a1", "Ministers met in Lakeport on Tuesday. They agreed on a ceasefire.");
  auto first = AddOrDie(*store, {&a});
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].outcome, AddOutcome::kAdded);
  EXPECT_EQ(first[0].doc_id, "a1");
  // The same article again, even under another id, is a duplicate of a1.
  Document again = a;
  again.id = "a1-mirror";
  auto second = AddOrDie(*store, {&a, &again});
  ASSERT_EQ(second.size(), 2u);
  for (const AddResult& r : second) {
    EXPECT_EQ(r.outcome, AddOutcome::kDuplicate);
    EXPECT_EQ(r.duplicate_of, "a1");
  }
  EXPECT_EQ(CountDocs(*store), 1);
}

TEST(StoreTest, DuplicateWithinOneBatch) {
  auto store = OpenOrDie(TempDbPath("dup_batch"));
  ASSERT_NE(store, nullptr);
  Document a = MakeDoc("x", "The council voted to close the bridge.");
  Document b = a;
  b.id = "y";
  auto r = AddOrDie(*store, {&a, &b});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].outcome, AddOutcome::kAdded);
  EXPECT_EQ(r[1].outcome, AddOutcome::kDuplicate);
  EXPECT_EQ(r[1].duplicate_of, "x");
}

TEST(StoreTest, SameIdDifferentTextGetsSuffixedId) {
  auto store = OpenOrDie(TempDbPath("rename"));
  ASSERT_NE(store, nullptr);
  Document a = MakeDoc("story", "Rain delayed the harvest in Westmoor.");
  Document b = MakeDoc("story", "Strikers blocked the port of Saltby.");
  auto r = AddOrDie(*store, {&a, &b});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].doc_id, "story");
  EXPECT_TRUE(r[0].renamed_from.empty());
  std::string expected = "story~" + base::ContentHash(b.text).substr(0, 8);
  EXPECT_EQ(r[1].outcome, AddOutcome::kAdded);
  EXPECT_EQ(r[1].doc_id, expected);
  EXPECT_EQ(r[1].renamed_from, "story");
  auto got = store->GetDocument(expected);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->text, b.text);
}

TEST(StoreTest, EmptyIdBecomesContentHash) {
  auto store = OpenOrDie(TempDbPath("noid"));
  ASSERT_NE(store, nullptr);
  Document a = MakeDoc("", "An unnamed bulletin about floods.");
  auto r = AddOrDie(*store, {&a});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].doc_id, base::ContentHash(a.text));
  auto found = store->FindByContentHash(base::ContentHash(a.text));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->value_or(""), r[0].doc_id);
}

Document RichDocument() {
  // Non-ASCII text: byte offsets differ from code point offsets after "Zürich".
  Document doc = MakeDoc("rich-1", "Ministerin Çelik traf in Zürich den Gesandten. «Wir sind bereit», sagte sie. 北京 reagierte.");
  doc.url = "https://news.example/2023/09/13/celik";
  doc.origin = "feed.jsonl:42";
  doc.date = document::Date{2023, 9, 13};
  doc.date_from = "json";
  doc.title = "Çelik in Zürich";
  doc.language = "de";
  doc.skipped = true;
  doc.skip_reason = "language de is not analysed";
  doc.removed.push_back({{0, 11}, "boilerplate: byline"});
  doc.removed.push_back({{47, 52}, "boilerplate: also-read"});
  doc.metadata = {{"section", "Welt"}, {"tags", {"diplomatie", "schweiz"}}, {"rank", 3}};
  doc.notes = {"no date line: date from json", "ünïcode note"};
  doc.tokens[1].form = "Celik";  // a form that differs from the text, as CoNLL-U gold input allows
  doc.tokens[2].misc = "SpaceAfter=No";
  doc.tokens[2].space_after = false;
  doc.sentences[0].comments = {"sent_id = 1", "text = ..."};
  doc.sentences[1].multiword_lines = {"3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_"};
  size_t celik = doc.text.find("Çelik"), zurich = doc.text.find("Zürich");
  doc.mentions = {{{static_cast<uint32_t>(celik), static_cast<uint32_t>(celik + 6)}, "PERSON", "name", 0},
                  {{static_cast<uint32_t>(zurich), static_cast<uint32_t>(zurich + 7)}, "GPE", "name", 1},
                  {{76, 79}, "PERSON", "pronoun", 0},  // "sie"
                  {{0, 10}, "PERSON", "nominal", -1}};
  doc.entities.push_back({"e1", "PERSON", "Çelik", "TUR", "GOV", "TURGOV", {"minister"}, {0, 2}});
  doc.entities.push_back({"e2", "GPE", "Zürich", "CHE", "", "", {}, {1}});
  doc.relations.push_back({"located_in", 0, {1}, {0, 46}});
  return doc;
}

void ExpectSameTokens(const Document& want, const Document& got) {
  ASSERT_EQ(got.tokens.size(), want.tokens.size());
  for (size_t i = 0; i < want.tokens.size(); ++i) {
    const document::Token& w = want.tokens[i];
    const document::Token& g = got.tokens[i];
    EXPECT_EQ(g.span, w.span) << i;
    EXPECT_EQ(g.form, w.form) << i;
    EXPECT_EQ(g.lemma, w.lemma) << i;
    EXPECT_EQ(g.upos, w.upos) << i;
    EXPECT_EQ(g.xpos, w.xpos) << i;
    EXPECT_EQ(g.feats, w.feats) << i;
    EXPECT_EQ(g.head, w.head) << i;
    EXPECT_EQ(g.deprel, w.deprel) << i;
    EXPECT_EQ(g.ner, w.ner) << i;
    EXPECT_EQ(g.misc, w.misc) << i;
    EXPECT_EQ(g.space_after, w.space_after) << i;
  }
}

void ExpectSameDocument(const Document& want, const Document& got) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.origin, want.origin);
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.date_from, want.date_from);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.skipped, want.skipped);
  EXPECT_EQ(got.skip_reason, want.skip_reason);
  EXPECT_EQ(got.metadata, want.metadata);
  EXPECT_EQ(got.notes, want.notes);
  ASSERT_EQ(got.removed.size(), want.removed.size());
  for (size_t i = 0; i < want.removed.size(); ++i) {
    EXPECT_EQ(got.removed[i].span, want.removed[i].span);
    EXPECT_EQ(got.removed[i].why, want.removed[i].why);
  }
  ASSERT_EQ(got.sentences.size(), want.sentences.size());
  for (size_t i = 0; i < want.sentences.size(); ++i) {
    EXPECT_EQ(got.sentences[i].span, want.sentences[i].span);
    EXPECT_EQ(got.sentences[i].token_begin, want.sentences[i].token_begin);
    EXPECT_EQ(got.sentences[i].token_end, want.sentences[i].token_end);
    EXPECT_EQ(got.sentences[i].comments, want.sentences[i].comments);
    EXPECT_EQ(got.sentences[i].multiword_lines, want.sentences[i].multiword_lines);
  }
  ExpectSameTokens(want, got);
  ASSERT_EQ(got.mentions.size(), want.mentions.size());
  for (size_t i = 0; i < want.mentions.size(); ++i) {
    EXPECT_EQ(got.mentions[i].span, want.mentions[i].span) << i;
    EXPECT_EQ(got.mentions[i].type, want.mentions[i].type) << i;
    EXPECT_EQ(got.mentions[i].kind, want.mentions[i].kind) << i;
    EXPECT_EQ(got.mentions[i].entity, want.mentions[i].entity) << i;
  }
  ASSERT_EQ(got.entities.size(), want.entities.size());
  for (size_t i = 0; i < want.entities.size(); ++i) {
    const document::Entity& w = want.entities[i];
    const document::Entity& g = got.entities[i];
    EXPECT_EQ(std::tie(g.id, g.type, g.name, g.country, g.sector, g.actor, g.roles, g.mentions),
              std::tie(w.id, w.type, w.name, w.country, w.sector, w.actor, w.roles, w.mentions));
  }
  ASSERT_EQ(got.relations.size(), want.relations.size());
  for (size_t i = 0; i < want.relations.size(); ++i) {
    EXPECT_EQ(got.relations[i].type, want.relations[i].type);
    EXPECT_EQ(got.relations[i].head, want.relations[i].head);
    EXPECT_EQ(got.relations[i].members, want.relations[i].members);
    EXPECT_EQ(got.relations[i].evidence, want.relations[i].evidence);
  }
}

TEST(StoreTest, RoundTripsEveryField) {
  std::string path = TempDbPath("roundtrip");
  Document doc = RichDocument();
  ASSERT_GE(doc.tokens.size(), 10u);
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    AddOrDie(*store, {&doc});
  }
  auto store = OpenOrDie(path, {.read_only = true});
  ASSERT_NE(store, nullptr);
  auto got = store->GetDocument("rich-1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  ExpectSameDocument(doc, **got);
  // Offsets are stored as bytes: "北京" starts at its byte offset, not its code point one.
  size_t bj = doc.text.find("北京");
  EXPECT_EQ(RawQuery(path, "SELECT start FROM removed_spans WHERE doc_id='rich-1' AND ordinal=1"), "47");
  EXPECT_EQ((*got)->tokens[(*got)->sentences[2].token_begin].span.start, bj);
  auto missing = store->GetDocument("no-such-id");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST(StoreTest, RoundTripsEmptyDocument) {
  auto store = OpenOrDie(TempDbPath("empty_doc"));
  ASSERT_NE(store, nullptr);
  Document doc;
  doc.id = "empty";
  AddOrDie(*store, {&doc});
  auto got = store->GetDocument("empty");
  ASSERT_TRUE(got.ok() && got->has_value());
  ExpectSameDocument(doc, **got);
  EXPECT_FALSE((*got)->date.has_value());
}

TEST(StoreTest, StatsCountEverything) {
  auto store = OpenOrDie(TempDbPath("stats"));
  ASSERT_NE(store, nullptr);
  std::vector<Document> docs;
  for (int i = 0; i < 6; ++i) docs.push_back(SyntheticDoc(i));
  docs.push_back(RichDocument());
  std::vector<const Document*> ptrs;
  int64_t sentences = 0, tokens = 0;
  for (const Document& d : docs) {
    ptrs.push_back(&d);
    sentences += static_cast<int64_t>(d.sentences.size());
    tokens += static_cast<int64_t>(d.tokens.size());
  }
  AddOrDie(*store, ptrs);
  StatusOr<Stats> stats = store->GetStats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents, 7);
  EXPECT_EQ(stats->sentences, sentences);
  EXPECT_EQ(stats->tokens, tokens);
  EXPECT_EQ(stats->removed_spans, 2);
  EXPECT_EQ(stats->skipped, 1);
  EXPECT_EQ(stats->first_date.value_or(""), "2023-01-01");
  EXPECT_EQ(stats->last_date.value_or(""), "2023-09-13");
  using P = std::pair<std::string, int64_t>;
  EXPECT_THAT(stats->by_source, ::testing::ElementsAre(P{"Test Wire", 5}, P{"Northtown Herald", 2}));
  EXPECT_THAT(stats->by_language, ::testing::ElementsAre(P{"en", 6}, P{"de", 1}));
  EXPECT_EQ(stats->schema_version, kSchemaVersion);
  EXPECT_GT(stats->file_bytes, 0);
  std::string text = FormatStats(*stats);
  EXPECT_THAT(text, HasSubstr("documents:      7\n"));
  EXPECT_THAT(text, HasSubstr("2023-01-01 .. 2023-09-13"));
  EXPECT_THAT(text, HasSubstr("Northtown Herald"));
}

TEST(StoreTest, StatsOfEmptyStore) {
  auto store = OpenOrDie(TempDbPath("stats_empty"));
  ASSERT_NE(store, nullptr);
  StatusOr<Stats> stats = store->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 0);
  EXPECT_FALSE(stats->first_date.has_value());
  EXPECT_THAT(FormatStats(*stats), HasSubstr("dates:          none"));
}

TEST(StoreTest, ReadOnlyOpen) {
  std::string path = TempDbPath("readonly");
  StatusOr<std::unique_ptr<Store>> missing = Store::Open(path, {.read_only = true});
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr(path));
  {
    auto store = OpenOrDie(path);
    Document d = SyntheticDoc(1);
    AddOrDie(*store, {&d});
  }
  auto store = OpenOrDie(path, {.read_only = true});
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(CountDocs(*store), 1);
  Document d = SyntheticDoc(2);
  StatusOr<std::vector<AddResult>> added = store->AddDocuments({&d});
  ASSERT_FALSE(added.ok());
  EXPECT_THAT(added.status().message(), HasSubstr("read-only"));
  EXPECT_TRUE(store->Verify().ok());
}

TEST(StoreTest, BadDocumentRollsBackTheWholeBatch) {
  auto store = OpenOrDie(TempDbPath("rollback"));
  ASSERT_NE(store, nullptr);
  Document a = SyntheticDoc(1), b = SyntheticDoc(2), c = SyntheticDoc(3);
  b.sentences[0].span.end = static_cast<uint32_t>(b.text.size() + 5);  // outside the text
  StatusOr<std::vector<AddResult>> r = store->AddDocuments({&a, &b, &c});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("document #1 'synthetic-2'"));
  EXPECT_THAT(r.status().message(), HasSubstr("outside the text"));
  EXPECT_EQ(CountDocs(*store), 0);  // a, added before b failed, was rolled back
  // The documented recovery: retry one by one, skipping the bad one.
  int added = 0;
  for (const Document* d : {&a, &b, &c}) added += store->AddDocuments({d}).ok() ? 1 : 0;
  EXPECT_EQ(added, 2);
  EXPECT_EQ(CountDocs(*store), 2);
}

TEST(StoreTest, BadEntityLayerIsRejected) {
  auto store = OpenOrDie(TempDbPath("bad_entity"));
  ASSERT_NE(store, nullptr);
  Document d = RichDocument();
  d.entities[0].mentions.push_back(99);
  StatusOr<std::vector<AddResult>> r = store->AddDocuments({&d});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("entity 0 points to a missing mention"));
  d = RichDocument();
  d.relations[0].members = {7};
  EXPECT_FALSE(store->AddDocuments({&d}).ok());
  EXPECT_EQ(CountDocs(*store), 0);
}

TEST(StoreTest, SqliteFailureMidBatchLeavesNoPartialRows) {
  std::string path = TempDbPath("trigger");
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
  }
  // A trigger that fails the insert of one particular document, after earlier
  // documents (and this one's removed spans are not yet written) in the batch.
  ASSERT_EQ(RawQuery(path, "CREATE TRIGGER poison BEFORE INSERT ON removed_spans WHEN NEW.why = 'poison' "
                           "BEGIN SELECT RAISE(ABORT, 'poisoned row'); END"),
            "");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  Document a = SyntheticDoc(1), b = SyntheticDoc(2);
  a.removed.push_back({{0, 4}, "fine"});
  b.removed.push_back({{0, 4}, "fine"});
  b.removed.push_back({{5, 9}, "poison"});
  StatusOr<std::vector<AddResult>> r = store->AddDocuments({&a, &b});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("poisoned row"));
  EXPECT_THAT(r.status().message(), HasSubstr(path));
  EXPECT_EQ(CountDocs(*store), 0);
  EXPECT_EQ(RawQuery(path, "SELECT count(*) FROM removed_spans"), "0");
  // The store is still usable after the rollback.
  auto ok = AddOrDie(*store, {&a});
  EXPECT_EQ(ok.size(), 1u);
  EXPECT_TRUE(store->Verify().ok());
}

TEST(StoreTest, NullDocumentIsAnError) {
  auto store = OpenOrDie(TempDbPath("null"));
  ASSERT_NE(store, nullptr);
  StatusOr<std::vector<AddResult>> r = store->AddDocuments({nullptr});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("null pointer"));
}

TEST(StoreTest, VerifyFindsTamperedRows) {
  std::string path = TempDbPath("tamper");
  Document a = SyntheticDoc(1), b = SyntheticDoc(2);
  {
    auto store = OpenOrDie(path);
    AddOrDie(*store, {&a, &b});
    EXPECT_TRUE(store->Verify().ok());
  }
  ASSERT_EQ(RawQuery(path, "UPDATE documents SET layers = x'01010000' WHERE id = 'synthetic-1'"), "");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  auto got = store->GetDocument("synthetic-1");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
  EXPECT_THAT(got.status().message(), HasSubstr("synthetic-1"));
  Status v = store->Verify();
  EXPECT_EQ(v.code(), StatusCode::kCorruption);
  store.reset();
  ASSERT_EQ(RawQuery(path, "UPDATE documents SET layers = (SELECT layers FROM documents WHERE id = 'synthetic-2'), "
                           "text = 'tampered' WHERE id = 'synthetic-1'"),
            "");
  store = OpenOrDie(path);
  v = store->Verify();
  EXPECT_EQ(v.code(), StatusCode::kCorruption);
  EXPECT_THAT(v.message(), HasSubstr("content_hash"));
}

}  // namespace
}  // namespace newsgraph::store

namespace newsgraph::store {
namespace {

TEST(StoreConcurrencyTest, TwoConnectionsShareOneFile) {
  std::string path = testing::TempDbPath("two_conns");
  auto writer_a = OpenOrDie(path);
  auto writer_b = OpenOrDie(path);
  auto reader = OpenOrDie(path, {.read_only = true});
  ASSERT_TRUE(writer_a && writer_b && reader);
  Document a = SyntheticDoc(1), b = SyntheticDoc(2);
  AddOrDie(*writer_a, {&a});
  auto r = AddOrDie(*writer_b, {&b, &a});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].outcome, AddOutcome::kDuplicate);  // b's connection sees a's commit
  EXPECT_EQ(CountDocs(*reader), 2);
}

TEST(StoreConcurrencyTest, BusyTimeoutGivesAClearError) {
  std::string path = testing::TempDbPath("busy");
  auto store = OpenOrDie(path, {.busy_timeout_ms = 50});
  ASSERT_NE(store, nullptr);
  // Another connection holds the write lock.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Document d = SyntheticDoc(1);
  StatusOr<std::vector<AddResult>> r = store->AddDocuments({&d});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_THAT(r.status().message(), HasSubstr(path));
  EXPECT_THAT(r.status().message(), HasSubstr("locked"));
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(AddOrDie(*store, {&d}).size(), 1u);  // works once the lock is gone
}

}  // namespace
}  // namespace newsgraph::store
