#include "store/layer_hooks.h"

namespace newsgraph::store {

// TODO(events): the real tables and blob section.
const char* const kEventsMigrationSql = "SELECT 1;";

Status WriteEventRows(Db& db, const StoredDocument& stored) { return Status::Ok(); }

Status ValidateEventLayer(const document::Document& doc) { return Status::Ok(); }
void EncodeEventLayer(const document::Document& doc, VarWriter& w) { w.Uv(0); }
Status DecodeEventLayer(VarReader& r, document::Document& doc) {
  uint64_t count = 0;
  NG_RETURN_IF_ERROR(r.Uv(count));
  if (count != 0) return r.Error("events section not understood by this build");
  return Status::Ok();
}

}  // namespace newsgraph::store
