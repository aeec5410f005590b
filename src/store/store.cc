#include "store/store.h"

#include <sqlite3.h>

#include <filesystem>

#include "base/checksum.h"
#include "store/layer_hooks.h"
#include "store/layers_codec.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace newsgraph::store {

using document::Document;

namespace {

constexpr const char* kInsertDocument =
    "INSERT INTO documents (id, content_hash, source, url, date, date_from, title, text, language, skipped, "
    "skip_reason, origin, metadata, notes, sentence_count, token_count, layers) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
constexpr const char* kInsertRemoved =
    "INSERT INTO removed_spans (doc_id, ordinal, start, end, why) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kSelectDocument =
    "SELECT id, content_hash, source, url, date, date_from, title, text, language, skipped, skip_reason, origin, "
    "metadata, notes, layers FROM documents WHERE id = ?1";
constexpr const char* kSelectRemoved = "SELECT start, end, why FROM removed_spans WHERE doc_id = ?1 ORDER BY ordinal";

// Resets a statement when leaving scope, so no read stays open between calls
// (an open read would pin an old WAL snapshot).
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& s) : s_(s) {}
  ~ResetOnExit() { s_.Reset(); }

 private:
  Statement& s_;
};

int64_t FileBytes(const std::string& path) {
  std::error_code ec;
  int64_t total = 0;
  for (const std::string& p : {path, path + "-wal"}) {
    uintmax_t n = std::filesystem::file_size(p, ec);
    if (!ec) total += static_cast<int64_t>(n);
  }
  return total;
}

}  // namespace

struct Store::Impl {
  std::unique_ptr<Db> db;
  StoreOptions options;
  std::unique_ptr<Statement> find_by_hash, id_exists, insert_document, insert_removed;
  std::unique_ptr<Statement> select_document, select_removed;

  Status PrepareStatements();
  Status Configure();
  StatusOr<std::optional<std::string>> LookUp(Statement& stmt, const std::string& key);
  StatusOr<AddResult> AddOne(const Document& doc);
  StatusOr<std::string> ChooseId(const Document& doc, const std::string& hash, AddResult& result);
  Status InsertDocument(const Document& doc, const std::string& id, const std::string& hash);
  Status InsertRemoved(const Document& doc, const std::string& id);
  Status ReadRow(Statement& s, Document& doc);
  Status ReadRemoved(Document& doc);
  Status GroupCounts(const std::string& column, std::vector<std::pair<std::string, int64_t>>& out);
};

Status Store::Impl::PrepareStatements() {
  const std::pair<std::unique_ptr<Statement>*, const char*> all[] = {
      {&find_by_hash, "SELECT id FROM documents WHERE content_hash = ?1"},
      {&id_exists, "SELECT id FROM documents WHERE id = ?1"},
      {&insert_document, kInsertDocument},
      {&insert_removed, kInsertRemoved},
      {&select_document, kSelectDocument},
      {&select_removed, kSelectRemoved},
  };
  for (const auto& [slot, sql] : all) {
    NG_ASSIGN_OR_RETURN(*slot, Statement::Prepare(*db, sql));
  }
  return Status::Ok();
}

Status Store::Impl::Configure() {
  sqlite3_busy_timeout(db->handle(), options.busy_timeout_ms);
  // The first statement reads the header: a non-database file fails here.
  if (!options.read_only) {
    NG_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
    NG_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = NORMAL"));
  } else {
    NG_RETURN_IF_ERROR(db->QueryInt("PRAGMA user_version").status());
  }
  return db->Exec("PRAGMA foreign_keys = ON");
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (options.read_only && options.migrate_older) {
    int64_t version = 0;
    {
      NG_ASSIGN_OR_RETURN(std::unique_ptr<Db> peek, Db::Open(path, true));
      NG_ASSIGN_OR_RETURN(version, peek->QueryInt("PRAGMA user_version"));
    }
    if (version > 0 && version < kSchemaVersion) {
      StoreOptions write = options;
      write.read_only = false;
      write.migrate_older = false;
      StatusOr<std::unique_ptr<Store>> migrated = Open(path, write);  // closed at once
      if (!migrated.ok() && migrated.status().code() != StatusCode::kIoError) return migrated.status();
    }
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  NG_ASSIGN_OR_RETURN(impl->db, Db::Open(path, options.read_only));
  NG_RETURN_IF_ERROR(impl->Configure());
  NG_ASSIGN_OR_RETURN(int version, PrepareSchema(*impl->db, options.read_only));
  NG_RETURN_IF_ERROR(impl->PrepareStatements());
  return std::unique_ptr<Store>(new Store(std::move(impl), version));
}

Store::Store(std::unique_ptr<Impl> impl, int schema_version)
    : impl_(std::move(impl)), schema_version_(schema_version) {}

Store::~Store() {
  // Statements must be finalized before the connection closes; members of Impl
  // are destroyed in reverse order, so release them explicitly first.
  if (impl_ == nullptr) return;
  impl_->find_by_hash.reset();
  impl_->id_exists.reset();
  impl_->insert_document.reset();
  impl_->insert_removed.reset();
  impl_->select_document.reset();
  impl_->select_removed.reset();
}

const std::string& Store::path() const { return impl_->db->path(); }

StatusOr<std::optional<std::string>> Store::Impl::LookUp(Statement& stmt, const std::string& key) {
  ResetOnExit reset(stmt);
  NG_RETURN_IF_ERROR(stmt.BindText(1, key));
  NG_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(stmt.ColumnText(0)));
}

StatusOr<std::string> Store::Impl::ChooseId(const Document& doc, const std::string& hash, AddResult& result) {
  std::string id = doc.id.empty() ? hash : doc.id;
  NG_ASSIGN_OR_RETURN(std::optional<std::string> taken, LookUp(*id_exists, id));
  if (!taken) return id;
  // Same id, different text (same text would have matched the content hash).
  std::string renamed = id + "~" + hash.substr(0, 8);
  NG_ASSIGN_OR_RETURN(taken, LookUp(*id_exists, renamed));
  if (taken) {
    return Status::AlreadyExists("id '" + id + "' and its renamed form '" + renamed +
                                 "' both belong to documents with other text");
  }
  result.renamed_from = id;
  return renamed;
}

Status Store::Impl::InsertDocument(const Document& doc, const std::string& id, const std::string& hash) {
  NG_ASSIGN_OR_RETURN(std::string layers, EncodeLayers(doc));
  Statement& s = *insert_document;
  ResetOnExit reset(s);
  const std::string_view texts[] = {id, hash, doc.source, doc.url};
  for (int i = 0; i < 4; ++i) NG_RETURN_IF_ERROR(s.BindText(i + 1, texts[i]));
  NG_RETURN_IF_ERROR(doc.date ? s.BindText(5, doc.date->ToIso()) : s.BindNull(5));
  NG_RETURN_IF_ERROR(s.BindText(6, doc.date_from));
  NG_RETURN_IF_ERROR(s.BindText(7, doc.title));
  NG_RETURN_IF_ERROR(s.BindTextNoCopy(8, doc.text));  // doc and layers outlive the Step below
  NG_RETURN_IF_ERROR(s.BindText(9, doc.language));
  NG_RETURN_IF_ERROR(s.BindInt(10, doc.skipped ? 1 : 0));
  NG_RETURN_IF_ERROR(s.BindText(11, doc.skip_reason));
  NG_RETURN_IF_ERROR(s.BindText(12, doc.origin));
  auto replace = nlohmann::json::error_handler_t::replace;
  NG_RETURN_IF_ERROR(s.BindText(13, doc.metadata.dump(-1, ' ', false, replace)));
  NG_RETURN_IF_ERROR(s.BindText(14, nlohmann::json(doc.notes).dump(-1, ' ', false, replace)));
  NG_RETURN_IF_ERROR(s.BindInt(15, static_cast<int64_t>(doc.sentences.size())));
  NG_RETURN_IF_ERROR(s.BindInt(16, static_cast<int64_t>(doc.tokens.size())));
  NG_RETURN_IF_ERROR(s.BindBlobNoCopy(17, layers));
  return s.Step().status();
}

Status Store::Impl::InsertRemoved(const Document& doc, const std::string& id) {
  Statement& s = *insert_removed;
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    ResetOnExit reset(s);
    NG_RETURN_IF_ERROR(s.BindText(1, id));
    NG_RETURN_IF_ERROR(s.BindInt(2, static_cast<int64_t>(i)));
    NG_RETURN_IF_ERROR(s.BindInt(3, doc.removed[i].span.start));
    NG_RETURN_IF_ERROR(s.BindInt(4, doc.removed[i].span.end));
    NG_RETURN_IF_ERROR(s.BindText(5, doc.removed[i].why));
    NG_RETURN_IF_ERROR(s.Step().status());
  }
  return Status::Ok();
}

StatusOr<AddResult> Store::Impl::AddOne(const Document& doc) {
  AddResult result;
  std::string hash = base::ContentHash(doc.text);
  NG_ASSIGN_OR_RETURN(std::optional<std::string> existing, LookUp(*find_by_hash, hash));
  if (existing) {
    result.outcome = AddOutcome::kDuplicate;
    result.doc_id = *existing;
    result.duplicate_of = *existing;
    return result;
  }
  NG_ASSIGN_OR_RETURN(result.doc_id, ChooseId(doc, hash, result));
  NG_RETURN_IF_ERROR(InsertDocument(doc, result.doc_id, hash));
  NG_RETURN_IF_ERROR(InsertRemoved(doc, result.doc_id));
  StoredDocument stored{doc, result.doc_id};
  NG_RETURN_IF_ERROR(WriteActorRows(*db, stored));
  NG_RETURN_IF_ERROR(WriteQuoteRows(*db, stored));
  NG_RETURN_IF_ERROR(WriteEventRows(*db, stored));
  NG_RETURN_IF_ERROR(WriteSearchRows(*db, stored));
  return result;
}

StatusOr<std::vector<AddResult>> Store::AddDocuments(const std::vector<const Document*>& docs) {
  if (impl_->options.read_only) return Status::InvalidArgument(path() + ": store was opened read-only");
  NG_RETURN_IF_ERROR(impl_->db->Exec("BEGIN IMMEDIATE"));
  std::vector<AddResult> results;
  results.reserve(docs.size());
  Status failure;
  for (size_t i = 0; i < docs.size() && failure.ok(); ++i) {
    std::string where = "document #" + std::to_string(i);
    if (docs[i] == nullptr) {
      failure = Status::InvalidArgument(path() + ": " + where + " is a null pointer");
      break;
    }
    StatusOr<AddResult> one = impl_->AddOne(*docs[i]);
    if (one.ok()) {
      results.push_back(std::move(one).value());
    } else {
      failure = one.status().WithContext(path() + ": " + where + " '" + docs[i]->id + "'");
    }
  }
  if (failure.ok()) failure = impl_->db->Exec("COMMIT");
  if (!failure.ok()) {
    (void)impl_->db->Exec("ROLLBACK");
    return failure;
  }
  return results;
}

Status Store::Impl::ReadRow(Statement& s, Document& doc) {
  doc.id = s.ColumnText(0);
  doc.source = s.ColumnText(2);
  doc.url = s.ColumnText(3);
  std::string what = db->path() + ": document '" + doc.id + "'";
  if (!s.ColumnIsNull(4)) {
    StatusOr<document::Date> date = document::Date::ParseIso(s.ColumnText(4));
    if (!date.ok()) return Status::Corruption(what + ": bad date: " + date.status().message());
    doc.date = *date;
  }
  doc.date_from = s.ColumnText(5);
  doc.title = s.ColumnText(6);
  doc.text = s.ColumnText(7);
  doc.language = s.ColumnText(8);
  doc.skipped = s.ColumnInt(9) != 0;
  doc.skip_reason = s.ColumnText(10);
  doc.origin = s.ColumnText(11);
  doc.metadata = nlohmann::json::parse(s.ColumnText(12), nullptr, /*allow_exceptions=*/false);
  nlohmann::json notes = nlohmann::json::parse(s.ColumnText(13), nullptr, /*allow_exceptions=*/false);
  if (doc.metadata.is_discarded() || !notes.is_array()) return Status::Corruption(what + ": bad metadata or notes JSON");
  for (const nlohmann::json& n : notes) {
    if (!n.is_string()) return Status::Corruption(what + ": a note is not a string");
    doc.notes.push_back(n.get<std::string>());
  }
  return DecodeLayers(s.ColumnBlob(14), what + " layers", doc);
}

Status Store::Impl::ReadRemoved(Document& doc) {
  Statement& s = *select_removed;
  ResetOnExit reset(s);
  NG_RETURN_IF_ERROR(s.BindText(1, doc.id));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    document::RemovedSpan r;
    r.span.start = static_cast<uint32_t>(s.ColumnInt(0));
    r.span.end = static_cast<uint32_t>(s.ColumnInt(1));
    r.why = s.ColumnText(2);
    if (r.span.start > r.span.end || r.span.end > doc.text.size()) {
      return Status::Corruption(db->path() + ": document '" + doc.id + "': removed span outside the text");
    }
    doc.removed.push_back(std::move(r));
  }
  return Status::Ok();
}

StatusOr<std::optional<Document>> Store::GetDocument(const std::string& id) {
  Statement& s = *impl_->select_document;
  Document doc;
  {
    ResetOnExit reset(s);
    NG_RETURN_IF_ERROR(s.BindText(1, id));
    NG_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<Document>();
    NG_RETURN_IF_ERROR(impl_->ReadRow(s, doc));
  }
  NG_RETURN_IF_ERROR(impl_->ReadRemoved(doc));
  return std::optional<Document>(std::move(doc));
}

StatusOr<std::optional<std::string>> Store::FindByContentHash(const std::string& content_hash) {
  return impl_->LookUp(*impl_->find_by_hash, content_hash);
}

Status Store::Impl::GroupCounts(const std::string& column, std::vector<std::pair<std::string, int64_t>>& out) {
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> s,
                      Statement::Prepare(*db, "SELECT " + column + ", count(*) FROM documents GROUP BY 1 "
                                                                   "ORDER BY 2 DESC, 1"));
  while (true) {
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return Status::Ok();
    out.emplace_back(std::string(s->ColumnText(0)), s->ColumnInt(1));
  }
}

StatusOr<Stats> Store::GetStats() {
  Stats stats;
  // One read transaction, so every figure comes from the same snapshot.
  NG_RETURN_IF_ERROR(impl_->db->Exec("BEGIN"));
  Status status = [&]() -> Status {
    NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> s,
                        Statement::Prepare(*impl_->db,
                                           "SELECT count(*), total(sentence_count), total(token_count), "
                                           "total(skipped), min(date), max(date) FROM documents"));
    NG_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return Status::Internal("stats query returned no row");
    stats.documents = s->ColumnInt(0);
    stats.sentences = s->ColumnInt(1);
    stats.tokens = s->ColumnInt(2);
    stats.skipped = s->ColumnInt(3);
    if (!s->ColumnIsNull(4)) stats.first_date = std::string(s->ColumnText(4));
    if (!s->ColumnIsNull(5)) stats.last_date = std::string(s->ColumnText(5));
    NG_ASSIGN_OR_RETURN(stats.removed_spans, impl_->db->QueryInt("SELECT count(*) FROM removed_spans"));
    NG_RETURN_IF_ERROR(impl_->GroupCounts("source", stats.by_source));
    return impl_->GroupCounts("language", stats.by_language);
  }();
  (void)impl_->db->Exec("COMMIT");
  NG_RETURN_IF_ERROR(status);
  stats.schema_version = schema_version_;
  stats.file_bytes = FileBytes(path());
  return stats;
}

Status Store::Verify() {
  Db& db = *impl_->db;
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> check, Statement::Prepare(db, "PRAGMA integrity_check"));
  NG_ASSIGN_OR_RETURN(bool row, check->Step());
  if (!row || check->ColumnText(0) != "ok") {
    return Status::Corruption(path() + ": integrity_check: " + std::string(row ? check->ColumnText(0) : "no result"));
  }
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> fk, Statement::Prepare(db, "PRAGMA foreign_key_check"));
  NG_ASSIGN_OR_RETURN(row, fk->Step());
  if (row) return Status::Corruption(path() + ": foreign_key_check: a row of " + std::string(fk->ColumnText(0)) +
                                     " points to a missing parent");
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Statement> docs,
                      Statement::Prepare(db, "SELECT id, content_hash, text, layers FROM documents"));
  while (true) {
    NG_ASSIGN_OR_RETURN(row, docs->Step());
    if (!row) return Status::Ok();
    Document doc;
    doc.id = docs->ColumnText(0);
    doc.text = docs->ColumnText(2);
    std::string what = path() + ": document '" + doc.id + "'";
    if (base::ContentHash(doc.text) != docs->ColumnText(1)) return Status::Corruption(what + ": text does not match its content_hash");
    NG_RETURN_IF_ERROR(DecodeLayers(docs->ColumnBlob(3), what + " layers", doc));
  }
}

Db& StoreDb(Store& store) { return *store.impl_->db; }

}  // namespace newsgraph::store
