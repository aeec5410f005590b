// Internal to ng_store: the numbered schema migrations (docs/formats/store-schema.md).
#ifndef NEWSGRAPH_STORE_SCHEMA_H_
#define NEWSGRAPH_STORE_SCHEMA_H_

#include <cstdint>

#include "base/status.h"
#include "store/sqlite.h"

namespace newsgraph::store {

// 'NGST' in PRAGMA application_id marks a newsgraph store.
inline constexpr int32_t kApplicationId = 0x4E475354;

// One step from schema `version - 1` to `version`. Steps are never edited once
// released: a change is a new step appended to the list.
struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// The migrations 1..N in order; N is kSchemaVersion.
const Migration* Migrations(int* count);

// Checks that `db` is a newsgraph store (or an empty file) this build can read and,
// unless read_only, brings it to the newest schema: each step runs in its own
// transaction together with its PRAGMA user_version update. Returns the schema
// version the database is at afterwards.
StatusOr<int> PrepareSchema(Db& db, bool read_only);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_SCHEMA_H_
