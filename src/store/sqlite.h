// Thin RAII wrappers over the SQLite C API: a connection, prepared statements and a
// transaction guard. Errors surface as SqliteError exceptions inside the store only; the
// Workspace API converts them to Error values at its boundary. Not thread-safe: one
// connection per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/units.h"

struct sqlite3;
struct sqlite3_stmt;

namespace jangkau::store {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  bool busy() const;  // SQLITE_BUSY / SQLITE_LOCKED

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;

  // Binds are 1-based, as in SQLite. Empty optionals bind NULL.
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);  // NULL when empty
  Statement& Bind(int index, std::optional<int64_t> value);
  Statement& Bind(int index, std::optional<double> value);
  Statement& BindText(int index, std::string_view value);  // NULL when empty
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
  bool Step();
  // Steps to completion and resets, for INSERT/UPDATE/DELETE.
  void Run();
  void Reset();

  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  bool IsNull(int column) const;
  std::string Blob(int column) const;
  std::optional<int64_t> OptInt(int column) const;
  std::optional<double> OptReal(int column) const;
  // A REAL column read as a quantity (empty when NULL).
  template <typename Q>
  std::optional<Q> Opt(int column) const {
    auto v = OptReal(column);
    return v ? std::optional<Q>(Q(*v)) : std::nullopt;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
 public:
  // Opens (creating when `create`) the database file. Throws SqliteError.
  Connection(const std::string& path, bool create, bool read_only = false);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Exec(std::string_view sql);
  Statement Prepare(std::string_view sql) { return Statement(db_, sql); }
  int64_t QueryInt(std::string_view sql);
  int64_t Changes() const;
  int64_t LastInsertId() const;
  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& conn);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace jangkau::store
