// Internal to ng_serve: builds a WHERE clause from checked filters with every value
// bound as a parameter, runs it on a Store's cached statements and reads columns.
#ifndef NEWSGRAPH_SERVE_SQL_QUERY_H_
#define NEWSGRAPH_SERVE_SQL_QUERY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "serve/query.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace newsgraph::serve {

class SqlQuery {
 public:
  // Adds "AND <clause>"; each '?' in clause takes the next value.
  void Where(const std::string& clause, std::vector<std::variant<std::string, int64_t>> values = {});
  void Bind(std::variant<std::string, int64_t> value) { values_.push_back(std::move(value)); }
  // " WHERE ..." or "".
  std::string WhereSql() const { return where_.empty() ? "" : " WHERE " + where_; }
  // Runs `sql` (which must contain the '?'s in the order added) and calls `row`
  // for each result row.
  Status Run(store::Store& store, const std::string& sql,
             const std::function<void(const store::Statement&)>& row) const;

 private:
  std::string where_;
  std::vector<std::variant<std::string, int64_t>> values_;
};

// The ids of the actors named `name` (canonical name or alias, any case), at most 20.
StatusOr<std::vector<int64_t>> ActorIdsNamed(store::Store& store, const std::string& name);
// "<column> = ?" or "<column> IN (?, ...)" for `ids` ("0" when empty): with the ids
// resolved first, the planner walks the (actor, date) index instead of testing
// every row against a subquery.
void WhereIdIn(SqlQuery& q, const std::string& column, const std::vector<int64_t>& ids);
// The filters on one side of an event: `column` is "source" or "target", `alias`
// the table alias ("e" or "m"), `value` as QueryParams::actor.
Status WhereActor(store::Store& store, SqlQuery& q, const std::string& alias, const std::string& column,
                  const std::string& value);
// from/to/root/plover/near/actor/target on an events-shaped table.
Status WhereEventFilters(store::Store& store, SqlQuery& q, const std::string& alias, const QueryParams& p);

double ColumnDouble(const store::Statement& s, int i);
// NULL as JSON null, else the text / number.
nlohmann::json TextOrNull(const store::Statement& s, int i);
nlohmann::json NumberOrNull(const store::Statement& s, int i);
// The common list envelope: drops the extra row fetched to know has_more.
nlohmann::json Page(nlohmann::json items, const QueryParams& p);

}  // namespace newsgraph::serve

#endif  // NEWSGRAPH_SERVE_SQL_QUERY_H_
