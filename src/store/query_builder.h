// Internal to ng_store: the pieces the query files (events.cc, event_aggregates.cc,
// quotes.cc) share. A WHERE clause built from checked filters with every value bound
// as a parameter, run on the Store's cached statements; the event filters (actor,
// target, root, plover, from, to, near) written so the planner can use an index.
#ifndef NEWSGRAPH_STORE_QUERY_BUILDER_H_
#define NEWSGRAPH_STORE_QUERY_BUILDER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/status.h"
#include "store/events.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace newsgraph::store {

class SqlQuery {
 public:
  using Value = std::variant<std::string, int64_t>;
  // Adds "AND (<clause>)"; each '?' in clause takes the next value.
  void Where(const std::string& clause, std::vector<Value> values = {});
  // A value for a '?' after the WHERE clause (LIMIT, OFFSET ...).
  void Bind(int64_t value) { values_.emplace_back(std::in_place_type<int64_t>, value); }
  void Bind(std::string value) { values_.emplace_back(std::in_place_type<std::string>, std::move(value)); }
  // " WHERE ..." or "".
  std::string WhereSql() const { return where_.empty() ? "" : " WHERE " + where_; }
  // Runs `sql` (which must contain the '?'s in the order added) and calls `row`
  // for each result row.
  Status Run(Store& store, const std::string& sql, const std::function<void(const Statement&)>& row) const;
  // As Run, but stops (and resets the statement) when `row` returns false.
  Status RunWhile(Store& store, const std::string& sql, const std::function<bool(const Statement&)>& row) const;

 private:
  std::string where_;
  std::vector<Value> values_;
};

bool IsIsoDate(const std::string& s);
// A LIKE pattern matching `s` anywhere, LIKE's wildcards escaped with '\'.
std::string LikeContains(const std::string& s);
// The ids of the actors named `name` (by ActorKey, or name or alias in any case),
// at most 20. With the ids resolved first, the planner walks the (actor, date)
// index instead of testing every row against a subquery.
StatusOr<std::vector<int64_t>> ActorIdsNamed(Store& store, const std::string& name);
// "<column> = ?" or "<column> IN (?, ...)" for `ids` ("0" when empty).
void WhereIdIn(SqlQuery& q, const std::string& column, const std::vector<int64_t>& ids);
// Checks the filter's values (dates, root, near, limit, offset); kInvalidArgument
// naming the filter.
Status CheckEventFilter(const EventFilter& f);
// actor/target/root/plover/from/to/near on an events-shaped table with alias `a`
// ("e" for events, "m" for event_mentions).
Status WhereEventFilters(Store& store, SqlQuery& q, const std::string& a, const EventFilter& f);
std::optional<double> ColumnDouble(const Statement& s, int i);
std::optional<int64_t> ColumnOptionalInt(const Statement& s, int i);

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_QUERY_BUILDER_H_
