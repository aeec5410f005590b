#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(search): the real tables.
const char* const kSearchMigrationSql = "SELECT 1;";

Status WriteSearchRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

}  // namespace newsgraph::store
