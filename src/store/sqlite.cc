#include "store/sqlite.h"

#include <sqlite3.h>

namespace newsgraph::store {

StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only) {
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection, one thread (see store.h)
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<Db> db(new Db(raw, path));
  if (rc != SQLITE_OK) {
    if (raw == nullptr) return Status::IoError(path + ": cannot open database (out of memory)");
    return db->Error(rc, "cannot open database");
  }
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Db::Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Db::~Db() {
  cache_.clear();  // finalize cached statements before the connection
  sqlite3_close_v2(db_);
}

StatusOr<Statement*> Db::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> stmt, Statement::Prepare(*this, sql));
    it = cache_.emplace(sql, std::move(stmt)).first;
  }
  it->second->Reset();
  return it->second.get();
}

Status Db::Error(int rc, std::string_view what) const {
  std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  std::string msg = path_ + ": " + std::string(what) + ": " + detail;
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return Status::Corruption(path_ + ": not a SQLite database (" + detail + ")");
    case SQLITE_CORRUPT:
      return Status::Corruption(msg);
    case SQLITE_CANTOPEN:
      return Status::IoError(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(msg + " (another process holds the lock)");
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return Status::InvalidArgument(msg);
    default:
      return Status::IoError(msg);
  }
}

Status Db::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);  // the same text is still available from sqlite3_errmsg
  if (rc != SQLITE_OK) return Error(rc, "cannot run '" + sql.substr(0, 60) + "'");
  return Status::Ok();
}

StatusOr<int64_t> Db::QueryInt(const std::string& sql) {
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> stmt, Statement::Prepare(*this, sql));
  NG_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Status::Internal(path_ + ": query returned no row: " + sql);
  return stmt->ColumnInt(0);
}

StatusOr<std::unique_ptr<Statement>> Statement::Prepare(Db& db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db.handle(), sql.c_str(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) return db.Error(rc, "cannot prepare '" + sql.substr(0, 60) + "'");
  return std::unique_ptr<Statement>(new Statement(db, raw));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Status Statement::Check(int rc, int i) {
  if (rc == SQLITE_OK) return Status::Ok();
  return db_.Error(rc, "cannot bind parameter " + std::to_string(i));
}

Status Statement::BindText(int i, std::string_view v) {
  if (stepped_) Reset();
  return Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8), i);
}

Status Statement::BindTextNoCopy(int i, std::string_view v) {
  if (stepped_) Reset();
  return Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8), i);
}

Status Statement::BindBlobNoCopy(int i, std::string_view v) {
  if (stepped_) Reset();
  // A zero-length blob with a null pointer would be bound as NULL; "" is not null.
  const char* data = v.data() != nullptr ? v.data() : "";
  return Check(sqlite3_bind_blob64(stmt_, i, data, v.size(), SQLITE_STATIC), i);
}

Status Statement::BindInt(int i, int64_t v) {
  if (stepped_) Reset();
  return Check(sqlite3_bind_int64(stmt_, i, v), i);
}

Status Statement::BindNull(int i) {
  if (stepped_) Reset();
  return Check(sqlite3_bind_null(stmt_, i), i);
}

StatusOr<bool> Statement::Step() {
  stepped_ = true;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status error = db_.Error(rc, "statement failed");
  sqlite3_reset(stmt_);
  return error;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  stepped_ = false;
}

std::string_view Statement::ColumnText(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  int n = sqlite3_column_bytes(stmt_, i);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(n)};
}

std::string_view Statement::ColumnBlob(int i) const {
  const void* p = sqlite3_column_blob(stmt_, i);
  int n = sqlite3_column_bytes(stmt_, i);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(n)};
}

int64_t Statement::ColumnInt(int i) const { return sqlite3_column_int64(stmt_, i); }

bool Statement::ColumnIsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

}  // namespace newsgraph::store
