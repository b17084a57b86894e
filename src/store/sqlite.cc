// The SQLite backend of the store (store/db.h): a workspace file, WAL journal, foreign keys on.
#include <sqlite3.h>

#include <fmt/format.h>

#include "store/db.h"
#include "store/schema.h"

namespace jangkau::store {
namespace {

[[noreturn]] void Fail(sqlite3* db, int rc) {
  std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  throw DatabaseError(primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                          ? DatabaseError::Kind::kBusy
                          : DatabaseError::Kind::kOther,
                      msg);
}

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) Fail(db, rc);
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void BindText(int index, std::string_view value) override {
    Check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
  }
  void BindInt(int index, int64_t value) override {
    Check(sqlite3_bind_int64(stmt_, index, value));
  }
  void BindReal(int index, double value) override {
    Check(sqlite3_bind_double(stmt_, index, value));
  }
  void BindNull(int index) override { Check(sqlite3_bind_null(stmt_, index)); }
  void BindBlob(int index, std::string_view bytes) override {
    Check(sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                            SQLITE_TRANSIENT));
  }
  bool Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    Fail(db_, rc);
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int column) const override {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Real(int column) const override { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::string Blob(int column) const override {
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
  }
  ValueType Type(int column) const override {
    switch (sqlite3_column_type(stmt_, column)) {
      case SQLITE_INTEGER:
        return ValueType::kInt;
      case SQLITE_FLOAT:
        return ValueType::kReal;
      case SQLITE_TEXT:
        return ValueType::kText;
      case SQLITE_BLOB:
        return ValueType::kBlob;
      default:
        return ValueType::kNull;
    }
  }

 private:
  void Check(int rc) const {
    if (rc != SQLITE_OK) Fail(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, bool create, bool read_only) : read_only_(read_only) {
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      throw DatabaseError(DatabaseError::Kind::kOther, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~SqliteConnection() override { sqlite3_close(db_); }

  void Exec(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      const int primary = rc & 0xff;
      throw DatabaseError(primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                              ? DatabaseError::Kind::kBusy
                              : DatabaseError::Kind::kOther,
                          msg);
    }
  }
  Statement Prepare(std::string_view sql) override {
    return Statement(std::make_unique<SqliteStatement>(db_, sql));
  }
  int64_t Changes() override { return sqlite3_changes64(db_); }
  void BeginWrite() override { Exec("BEGIN IMMEDIATE"); }

  void Migrate(int version, std::string_view sql) override {
    Transaction txn(*this);
    Exec(sql);
    Exec(fmt::format("PRAGMA user_version={}", version));
    txn.Commit();
  }
  int SchemaVersion() override { return static_cast<int>(QueryInt("PRAGMA user_version")); }
  bool IsJangkau() override { return QueryInt("PRAGMA application_id") == kApplicationId; }
  void MarkJangkau() override { Exec(fmt::format("PRAGMA application_id={}", kApplicationId)); }
  void Ready() override {
    if (!read_only_) {
      Exec("PRAGMA journal_mode=WAL");
      Exec("PRAGMA synchronous=NORMAL");
    }
    Exec("PRAGMA foreign_keys=ON");
  }
  void Discard() override {}
  std::string_view DataVersionSql() const override {
    return "(SELECT data_version FROM pragma_data_version)";
  }
  std::vector<std::string> IntegrityProblems() override {
    std::vector<std::string> out;
    Statement s = Prepare("PRAGMA integrity_check");
    while (s.Step()) {
      if (s.Text(0) != "ok") out.push_back("integrity_check: " + s.Text(0));
    }
    Statement fk = Prepare("PRAGMA foreign_key_check");
    while (fk.Step()) {
      out.push_back(
          fmt::format("foreign_key_check: {} rowid {} -> {}", fk.Text(0), fk.Text(1), fk.Text(2)));
    }
    return out;
  }
  std::vector<std::string> Columns(std::string_view table) override {
    std::vector<std::string> out;
    Statement s = Prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    s.Bind(1, table);
    while (s.Step()) out.push_back(s.Text(0));
    return out;
  }
  // A deferred BEGIN takes no snapshot until the first read: the query on sqlite_schema makes
  // that read now, so every later read sees the database as of this call.
  void BeginSnapshot() override { Exec("BEGIN; SELECT count(*) FROM sqlite_schema"); }

 private:
  sqlite3* db_ = nullptr;
  bool read_only_;
};

// Closes a database handle when it leaves.
struct Handle {
  sqlite3* db = nullptr;
  Handle(const std::string& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) Fail(db, rc);
    sqlite3_busy_timeout(db, 5000);
  }
  ~Handle() { sqlite3_close(db); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

}  // namespace

void SqliteBackup(const std::string& from, const std::string& to,
                  const std::function<void(int64_t, int64_t)>& progress) {
  const Handle src(from, SQLITE_OPEN_READONLY);
  const Handle dst(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (backup == nullptr) Fail(dst.db, sqlite3_errcode(dst.db));
  // One step: the source is read in one read transaction (a writer of a WAL workspace carries
  // on), the destination written in one write transaction.
  int rc = SQLITE_OK;
  for (int tries = 0; tries < 100; ++tries) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(50);
  }
  const int64_t total = sqlite3_backup_pagecount(backup);
  const int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) Fail(dst.db, rc);
  if (finish != SQLITE_OK) Fail(dst.db, finish);
  if (progress) progress(total, total);
}

std::unique_ptr<Connection> OpenSqlite(const std::string& path, bool create, bool read_only) {
  return std::make_unique<SqliteConnection>(path, create, read_only);
}

}  // namespace jangkau::store
