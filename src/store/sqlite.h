// Internal to ng_store: thin RAII wrappers over the SQLite C API that turn every
// result code into a Status naming the database file. Not thread-safe.
#ifndef NEWSGRAPH_STORE_SQLITE_H_
#define NEWSGRAPH_STORE_SQLITE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newsgraph::store {

// One open connection. Closes on destruction.
class Db {
 public:
  // Opens (read_only) or opens-or-creates `path`. SQLite opens lazily, so a
  // non-database file is only detected by the first statement.
  static StatusOr<std::unique_ptr<Db>> Open(const std::string& path, bool read_only);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements that return no rows we need.
  Status Exec(const std::string& sql);
  // Runs a query whose first row's first column is an integer.
  StatusOr<int64_t> QueryInt(const std::string& sql);
  // Maps SQLite result code `rc` (with the connection's message) to a Status.
  Status Error(int rc, std::string_view what) const;

  // A statement prepared once per connection and kept: the row writers and queries
  // of each layer call this with a constant SQL string. The Statement is reset
  // (bindings cleared) before it is returned. Lives as long as the Db.
  StatusOr<class Statement*> Cached(const std::string& sql);

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Db(sqlite3* db, std::string path);
  sqlite3* db_;
  std::string path_;
  std::map<std::string, std::unique_ptr<class Statement>, std::less<>> cache_;
};

// A prepared statement, reused across calls: Bind*, then Step until it returns
// false, then Reset (done automatically by the next Bind after Step).
class Statement {
 public:
  static StatusOr<std::unique_ptr<Statement>> Prepare(Db& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Text and blobs are copied, except by the
  // *NoCopy forms, whose data must stay alive and unchanged until Reset.
  Status BindText(int i, std::string_view v);
  Status BindTextNoCopy(int i, std::string_view v);
  Status BindBlobNoCopy(int i, std::string_view v);
  Status BindInt(int i, int64_t v);
  Status BindNull(int i);
  // Returns true when a row is available, false when done.
  StatusOr<bool> Step();
  // Resets the statement and clears its bindings.
  void Reset();

  // Columns are 0-based, as in SQLite.
  std::string_view ColumnText(int i) const;
  std::string_view ColumnBlob(int i) const;
  int64_t ColumnInt(int i) const;
  bool ColumnIsNull(int i) const;

 private:
  Statement(Db& db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Status Check(int rc, int i);
  Db& db_;
  sqlite3_stmt* stmt_;
  bool stepped_ = false;
};

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_SQLITE_H_
