#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(actors): the real tables.
const char* const kActorsMigrationSql = "SELECT 1;";

Status WriteActorRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

}  // namespace newsgraph::store
