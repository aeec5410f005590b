#include "store/schema.h"

#include <string>

#include "store/layer_hooks.h"
#include "store/store.h"

namespace newsgraph::store {
namespace {

// Migration 1: documents, their removed spans, and the layers blob.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE documents (
  id             TEXT PRIMARY KEY NOT NULL,
  content_hash   TEXT NOT NULL UNIQUE,
  source         TEXT NOT NULL DEFAULT '',
  url            TEXT NOT NULL DEFAULT '',
  date           TEXT,
  date_from      TEXT NOT NULL DEFAULT '',
  title          TEXT NOT NULL DEFAULT '',
  text           TEXT NOT NULL,
  language       TEXT NOT NULL DEFAULT '',
  skipped        INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
  skip_reason    TEXT NOT NULL DEFAULT '',
  origin         TEXT NOT NULL DEFAULT '',
  metadata       TEXT NOT NULL DEFAULT '{}',
  notes          TEXT NOT NULL DEFAULT '[]',
  sentence_count INTEGER NOT NULL DEFAULT 0,
  token_count    INTEGER NOT NULL DEFAULT 0,
  layers         BLOB NOT NULL,
  ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_by_date ON documents(date);
CREATE INDEX documents_by_source ON documents(source);
CREATE TABLE removed_spans (
  doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start   INTEGER NOT NULL,
  end     INTEGER NOT NULL,
  why     TEXT NOT NULL,
  PRIMARY KEY (doc_id, ordinal)
) WITHOUT ROWID;
)sql";

const Migration kMigrations[] = {
    {1, "documents, removed_spans, layers blob", kMigration1},
    {2, "actors knowledge base", kActorsMigrationSql},
    {3, "quotes", kQuotesMigrationSql},
    {4, "event mentions and events", kEventsMigrationSql},
    {5, "full-text search", kSearchMigrationSql},
    {6, "event indexes by country and root", kEventsByCountryRootSql},
    {7, "event position index by longitude first", kEventsByLongitudeSql},
};

static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion,
              "kSchemaVersion must equal the number of migrations");

// A version-0 file must be empty: otherwise it is some other program's database.
Status CheckForeignFile(Db& db, int64_t application_id) {
  if (application_id != 0 && application_id != kApplicationId) {
    return Status::InvalidArgument(db.path() + ": a SQLite database that is not a newsgraph store (application_id " +
                                   std::to_string(application_id) + ")");
  }
  NG_ASSIGN_OR_RETURN(int64_t tables, db.QueryInt("SELECT count(*) FROM sqlite_schema"));
  if (application_id == 0 && tables > 0) {
    return Status::InvalidArgument(db.path() + ": a SQLite database that is not a newsgraph store (it has " +
                                   std::to_string(tables) + " schema objects but no newsgraph schema version)");
  }
  return Status::Ok();
}

Status ApplyMigration(Db& db, const Migration& m) {
  NG_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  // Another process may have migrated between our check and our lock.
  StatusOr<int64_t> current = db.QueryInt("PRAGMA user_version");
  if (!current.ok() || *current >= m.version) {
    (void)db.Exec("ROLLBACK");
    return current.status();
  }
  std::string sql = std::string(m.sql) + "\nPRAGMA user_version = " + std::to_string(m.version) + ";";
  if (m.version == 1) sql += "\nPRAGMA application_id = " + std::to_string(kApplicationId) + ";";
  Status s = db.Exec(sql);
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) {
    (void)db.Exec("ROLLBACK");
    return s.WithContext("migration " + std::to_string(m.version) + " (" + m.description + ")");
  }
  return Status::Ok();
}

}  // namespace

const Migration* Migrations(int* count) {
  *count = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));
  return kMigrations;
}

StatusOr<int> PrepareSchema(Db& db, bool read_only) {
  NG_ASSIGN_OR_RETURN(int64_t version, db.QueryInt("PRAGMA user_version"));
  NG_ASSIGN_OR_RETURN(int64_t application_id, db.QueryInt("PRAGMA application_id"));
  if (version > kSchemaVersion) {
    return Status::Unsupported(db.path() + ": file was written by a newer newsgraph (schema " +
                               std::to_string(version) + " > " + std::to_string(kSchemaVersion) + ")");
  }
  if (version == 0) NG_RETURN_IF_ERROR(CheckForeignFile(db, application_id));
  if (version > 0 && application_id != kApplicationId) {
    return Status::InvalidArgument(db.path() + ": a SQLite database that is not a newsgraph store");
  }
  if (version == kSchemaVersion) return static_cast<int>(version);
  if (read_only) {
    return Status::InvalidArgument(db.path() + ": store is at schema " + std::to_string(version) +
                                   " and needs migrating to " + std::to_string(kSchemaVersion) +
                                   "; open it once read-write");
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    NG_RETURN_IF_ERROR(ApplyMigration(db, m));
  }
  return kSchemaVersion;
}

}  // namespace newsgraph::store
