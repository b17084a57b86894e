// The store's database access: a connection, prepared statements and a transaction guard, over
// SQLite (a workspace file, store/sqlite.cc) or PostgreSQL with PostGIS (a workspace URL,
// store/postgres.cc). The store's SQL is written once, in the subset both understand, with `?`
// or `?N` parameters; each backend translates what differs (PostgreSQL: `$N` parameters, the
// schema's types, the schema version and data version kept in tables). Errors surface as
// DatabaseError exceptions inside the store only; the Workspace API converts them to Error values
// at its boundary. Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/units.h"

namespace jangkau::store {

class DatabaseError : public std::runtime_error {
 public:
  enum class Kind {
    kOther,
    kBusy,        // another writer holds the database (SQLite BUSY/LOCKED, PostgreSQL lock timeout)
    kConnection,  // the server cannot be reached or refused the login
  };
  DatabaseError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }
  bool busy() const { return kind_ == Kind::kBusy; }

 private:
  Kind kind_;
};

// What a column of a result row holds.
enum class ValueType { kNull, kInt, kReal, kText, kBlob };

// One backend's prepared statement. Binds are 1-based; columns 0-based.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindReal(int index, double value) = 0;
  virtual void BindNull(int index) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual bool Step() = 0;
  virtual void Reset() = 0;  // also clears the bindings
  // Runs a statement whose rows are not read, then resets it. A backend may send it without
  // waiting for its answer (PostgreSQL inside a write transaction): a failure then surfaces at
  // the next read, Changes() or COMMIT, which the transaction's rollback turns into nothing
  // written.
  virtual void Run() {
    while (Step()) {
    }
    Reset();
  }
  virtual std::string Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::string Blob(int column) const = 0;
  virtual ValueType Type(int column) const = 0;
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : b_(std::move(backend)) {}

  // Empty optionals bind NULL.
  Statement& Bind(int index, std::string_view value) {
    b_->BindText(index, value);
    return *this;
  }
  Statement& Bind(int index, int64_t value) {
    b_->BindInt(index, value);
    return *this;
  }
  Statement& Bind(int index, double value) {
    b_->BindReal(index, value);
    return *this;
  }
  Statement& BindNull(int index) {
    b_->BindNull(index);
    return *this;
  }
  Statement& BindBlob(int index, std::string_view bytes) {  // NULL when empty
    if (bytes.empty()) return BindNull(index);
    b_->BindBlob(index, bytes);
    return *this;
  }
  Statement& Bind(int index, std::optional<int64_t> value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& Bind(int index, std::optional<double> value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& BindText(int index, std::string_view value) {  // NULL when empty
    return value.empty() ? BindNull(index) : Bind(index, value);
  }
  // A quantity is stored as its plain number (the column's name carries the unit).
  template <typename T, typename Tag>
  Statement& Bind(int index, units::Alias<T, Tag> value) {
    return Bind(index, value.value());
  }
  template <typename T, typename Tag>
  Statement& Bind(int index, std::optional<units::Alias<T, Tag>> value) {
    return value ? Bind(index, value->value()) : BindNull(index);
  }

  // Steps once: true while a row is available.
  bool Step() { return b_->Step(); }
  // Steps to completion and resets, for INSERT/UPDATE/DELETE (StatementBackend::Run).
  void Run() { b_->Run(); }
  void Reset() { b_->Reset(); }

  std::string Text(int column) const { return b_->Text(column); }
  int64_t Int(int column) const { return b_->Int(column); }
  double Real(int column) const { return b_->Real(column); }
  bool IsNull(int column) const { return b_->IsNull(column); }
  std::string Blob(int column) const { return b_->Blob(column); }
  ValueType Type(int column) const { return b_->Type(column); }
  std::optional<int64_t> OptInt(int column) const {
    return IsNull(column) ? std::nullopt : std::optional<int64_t>(Int(column));
  }
  std::optional<double> OptReal(int column) const {
    return IsNull(column) ? std::nullopt : std::optional<double>(Real(column));
  }
  // A REAL column read as a quantity (empty when NULL).
  template <typename Q>
  std::optional<Q> Opt(int column) const {
    auto v = OptReal(column);
    return v ? std::optional<Q>(Q(*v)) : std::nullopt;
  }

 private:
  std::unique_ptr<StatementBackend> b_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Statements without parameters, one or more.
  virtual void Exec(std::string_view sql) = 0;
  virtual Statement Prepare(std::string_view sql) = 0;
  // The first column of the first row as an integer (0 when there is no row).
  int64_t QueryInt(std::string_view sql) {
    Statement s = Prepare(sql);
    return s.Step() ? s.Int(0) : 0;
  }
  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual int64_t Changes() = 0;

  // A write transaction, writers one at a time (SQLite BEGIN IMMEDIATE; PostgreSQL an advisory
  // lock of the workspace held to the end of the transaction).
  virtual void BeginWrite() = 0;

  // The schema: applies migration `version` (its SQL in the SQLite dialect the schema is
  // written in) and records it, in one transaction.
  virtual void Migrate(int version, std::string_view sql) = 0;
  virtual int SchemaVersion() = 0;
  // Whether the database is a Jangkau workspace (SQLite: the application id; PostgreSQL: its
  // schema table); MarkJangkau makes a new one so.
  virtual bool IsJangkau() = 0;
  virtual void MarkJangkau() = 0;
  // The connection's settings for a workspace (SQLite: WAL journal, foreign keys), once it is
  // known to be one.
  virtual void Ready() = 0;
  // Removes what a failed Create made (PostgreSQL: the workspace's schema; SQLite: nothing, the
  // caller removes the file).
  virtual void Discard() = 0;
  // Changes whenever another connection commits a write.
  int64_t DataVersion() { return QueryInt("SELECT " + std::string(DataVersionSql())); }
  // The same as an SQL expression, to ask for it in the query of something else (one round
  // trip instead of two).
  virtual std::string_view DataVersionSql() const = 0;
  // The database engine's own consistency findings (empty when sound).
  virtual std::vector<std::string> IntegrityProblems() = 0;
  // The stored columns of a table in their order (PostgreSQL: without the computed PostGIS
  // geometry and the `rowid` column that stands for SQLite's).
  virtual std::vector<std::string> Columns(std::string_view table) = 0;
  // A read transaction that sees one state of the database throughout (ended by COMMIT).
  virtual void BeginSnapshot() = 0;
};

// Opens (creating when `create`) a SQLite workspace file.
std::unique_ptr<Connection> OpenSqlite(const std::string& path, bool create,
                                       bool read_only = false);

// Copies the SQLite database `from` page by page into `to` (SQLite's online backup API), which
// it creates or replaces whole in one transaction; readers and writers of `from` may carry on.
// `progress(done, total)` counts pages.
void SqliteBackup(const std::string& from, const std::string& to,
                  const std::function<void(int64_t, int64_t)>& progress);

// Whether `workspace` names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view workspace);

// "INSERT INTO table(columns) VALUES (?,...) ON CONFLICT(key) DO UPDATE SET" every other
// column: a row of the same key replaced, in the SQL both backends speak (SQLite's INSERT OR
// REPLACE is not PostgreSQL's).
std::string ReplaceInto(std::string_view table, std::string_view columns, std::string_view key);

// BeginWrite on construction; ROLLBACK on destruction unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& conn) : conn_(conn) { conn_.BeginWrite(); }
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace jangkau::store
