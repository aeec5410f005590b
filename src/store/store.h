// The document store: analysed articles in one SQLite file
// (docs/formats/store-schema.md describes every table, column and blob).
//
// A Store is one SQLite connection in WAL mode. It is NOT thread-safe: use each
// Store from one thread (the pipeline funnels writes to one writer thread). Several
// processes may open the same file; SQLite serialises writers, and a writer that
// waits longer than StoreOptions::busy_timeout_ms gets kIoError.
//
// Offsets: everything stored is in BYTES into the normalized text, exactly as in
// document::Document (the JSONL writer converts to code points on output).
//
// Durability: each AddDocuments call is one transaction (synchronous=NORMAL), so a
// killed process leaves the database as of the last committed batch, and re-running
// the batch completes it (documents already stored come back as kDuplicate).
#ifndef NEWSGRAPH_STORE_STORE_H_
#define NEWSGRAPH_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace newsgraph::store {

class Db;

// The schema version this build writes (PRAGMA user_version): the number of
// numbered migrations it knows. Files at a lower version are migrated on a
// read-write Open; files at a higher version are refused.
inline constexpr int kSchemaVersion = 7;

struct StoreOptions {
  // Opens without writing: no file is created and no migration runs (a file at an
  // older schema is refused with a message saying to open it read-write once).
  bool read_only = false;
  // With read_only: a store written by an older newsgraph is first migrated by one
  // read-write open (so query commands and serve read old stores as they are);
  // a file that cannot be written keeps the read-only refusal.
  bool migrate_older = false;
  // How long a statement waits for another process's lock before failing.
  int busy_timeout_ms = 5000;
};

enum class AddOutcome {
  kAdded,      // stored under AddResult::doc_id
  kDuplicate,  // the same normalized text is already stored (under duplicate_of): a no-op
};

struct AddResult {
  AddOutcome outcome = AddOutcome::kAdded;
  // The id the document is stored under. It differs from the input's id when
  //  - the input id was empty: the id becomes the content hash, or
  //  - another document with DIFFERENT text already holds that id: the id becomes
  //    "<id>~<first 8 hex digits of the content hash>" and renamed_from says so.
  std::string doc_id;
  std::string duplicate_of;  // kDuplicate: the id of the stored copy
  std::string renamed_from;  // non-empty when the id was suffixed as above
};

struct Stats {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t tokens = 0;
  int64_t removed_spans = 0;
  std::optional<std::string> first_date;  // ISO dates; nullopt when no document has one
  std::optional<std::string> last_date;
  std::vector<std::pair<std::string, int64_t>> by_source;    // most documents first; "" = unknown
  std::vector<std::pair<std::string, int64_t>> by_language;  // most documents first; "" = unknown
  int64_t skipped = 0;                                       // documents stored but not analysed
  int schema_version = 0;
  int64_t file_bytes = 0;  // the database file plus its WAL file, as on disk
};

class Store {
 public:
  // Opens or creates the store at `path`, migrating it to kSchemaVersion, with
  // journal_mode=WAL, synchronous=NORMAL and foreign keys on. Errors name the file:
  // kCorruption for a file that is not a SQLite database, kUnsupported for
  // "file was written by a newer newsgraph (schema N > M)", kInvalidArgument for
  // another program's SQLite database, kIoError when the file cannot be opened.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Adds `docs` in ONE transaction: all or nothing (callers batch, e.g. 256 docs).
  // A document's identity is base::ContentHash(text) of its normalized text; a
  // document whose hash is already stored (or appears earlier in the same batch)
  // is reported kDuplicate and nothing is written for it. Results are in input
  // order. If any document is invalid (a span outside its text, a null pointer) or
  // SQLite fails, the whole batch is rolled back and the error names the document
  // ("document #3 'abc': ..."); the caller may then retry the others one by one.
  StatusOr<std::vector<AddResult>> AddDocuments(const std::vector<const document::Document*>& docs);

  // The stored document with `id`, or nullopt. Round-trips every field AddDocuments
  // stored: text, removed spans, sentences and tokens with all layers, metadata, notes.
  StatusOr<std::optional<document::Document>> GetDocument(const std::string& id);

  // The id of the stored document whose content hash is `content_hash`, or nullopt;
  // lets a pipeline skip analysing an article it has already stored.
  StatusOr<std::optional<std::string>> FindByContentHash(const std::string& content_hash);

  StatusOr<Stats> GetStats();

  // Full consistency check: PRAGMA integrity_check and foreign_key_check, then for
  // every document, its text hashes to its content_hash and its layers decode.
  // kCorruption naming the first problem.
  Status Verify();

  int schema_version() const { return schema_version_; }
  const std::string& path() const;

 private:
  friend Db& StoreDb(Store& store);  // store_access.h: for the query files of ng_store
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl, int schema_version);
  std::unique_ptr<Impl> impl_;
  int schema_version_;
};

// A readable multi-line text block for `newsgraph stats`.
std::string FormatStats(const Stats& stats);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_STORE_H_
