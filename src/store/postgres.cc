// The PostgreSQL backend of the store (docs/postgresql.md): libpq, one connection per
// Workspace, the workspace's tables in a schema of their own with PostGIS beside them. The
// store's SQL (store/db.h) reaches the server with its `?` parameters numbered ($1, $2, ...);
// the schema's SQLite DDL is translated once per migration (PgSchemaSql).
#include "store/postgres.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>

#include <fmt/format.h>

namespace jangkau::store {
namespace {

// SQLSTATE classes that mean "try again later" rather than "wrong".
DatabaseError::Kind KindOf(const char* sqlstate) {
  const std::string_view s = sqlstate != nullptr ? sqlstate : "";
  if (s == "55P03" || s == "40001" || s == "40P01" || s == "57014") {
    return DatabaseError::Kind::kBusy;  // lock timeout, serialization, deadlock, cancelled
  }
  if (s.starts_with("08")) return DatabaseError::Kind::kConnection;
  return DatabaseError::Kind::kOther;
}

// A result that is cleared when it leaves.
struct Result {
  PGresult* r = nullptr;
  explicit Result(PGresult* res) : r(res) {}
  ~Result() { PQclear(r); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
};

[[noreturn]] void Fail(PGconn* conn, const PGresult* res) {
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res != nullptr ? PQresultErrorMessage(res) : "";
  if (msg.empty()) msg = PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  DatabaseError::Kind kind = KindOf(state);
  if (PQstatus(conn) == CONNECTION_BAD) kind = DatabaseError::Kind::kConnection;
  throw DatabaseError(kind, "PostgreSQL: " + msg);
}

bool Succeeded(const PGresult* res) {
  const ExecStatusType st = PQresultStatus(res);
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

class PgConnection;

class PgStatement final : public StatementBackend {
 public:
  PgStatement(PgConnection& conn, std::string sql, int params)
      : conn_(conn), sql_(std::move(sql)), values_(static_cast<std::size_t>(params)) {}
  ~PgStatement() override { PQclear(result_); }
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  void BindText(int index, std::string_view value) override { Set(index, std::string(value)); }
  void BindInt(int index, int64_t value) override { Set(index, std::to_string(value)); }
  void BindReal(int index, double value) override { Set(index, fmt::format("{}", value)); }
  void BindNull(int index) override { Set(index, std::nullopt); }
  void BindBlob(int index, std::string_view bytes) override {
    Set(index, std::string(bytes), /*binary=*/true);
  }

  bool Step() override;
  void Run() override;
  void Reset() override {
    Clear();
    for (auto& v : values_) v.reset();
    binary_.assign(binary_.size(), 0);
  }

  std::string Text(int column) const override {
    if (IsNull(column)) return {};
    return {PQgetvalue(result_, row_, column),
            static_cast<std::size_t>(PQgetlength(result_, row_, column))};
  }
  int64_t Int(int column) const override {
    if (IsNull(column)) return 0;
    const char* text = PQgetvalue(result_, row_, column);
    const std::size_t n = static_cast<std::size_t>(PQgetlength(result_, row_, column));
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(text, text + n, v);
    if (ec == std::errc() && end == text + n) return v;
    if (n == 1 && (text[0] == 't' || text[0] == 'f')) return text[0] == 't' ? 1 : 0;
    return static_cast<int64_t>(std::strtod(text, nullptr));  // a numeric, as SQLite truncates
  }
  double Real(int column) const override {
    if (IsNull(column)) return 0;
    return std::strtod(PQgetvalue(result_, row_, column), nullptr);
  }
  bool IsNull(int column) const override {
    return result_ == nullptr || row_ >= PQntuples(result_) || column >= PQnfields(result_) ||
           PQgetisnull(result_, row_, column) != 0;
  }
  std::string Blob(int column) const override {
    if (IsNull(column)) return {};
    std::size_t n = 0;
    unsigned char* bytes = PQunescapeBytea(
        reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, column)), &n);
    if (bytes == nullptr) throw DatabaseError(DatabaseError::Kind::kOther, "PostgreSQL: bytea");
    std::string out(reinterpret_cast<const char*>(bytes), n);
    PQfreemem(bytes);
    return out;
  }
  ValueType Type(int column) const override {
    if (IsNull(column)) return ValueType::kNull;
    switch (PQftype(result_, column)) {  // the type OIDs of pg_type.dat
      case 16:                           // boolean
      case 20:                           // bigint
      case 21:                           // smallint
      case 23:                           // integer
        return ValueType::kInt;
      case 700:   // real
      case 701:   // double precision
      case 1700:  // numeric
        return ValueType::kReal;
      case 17:  // bytea
        return ValueType::kBlob;
      default:
        return ValueType::kText;
    }
  }

 private:
  // The bound values as libpq takes them (pointers into values_).
  void Params(std::vector<const char*>& values, std::vector<int>& lengths);
  void Set(int index, std::optional<std::string> value, bool binary = false) {
    if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
      throw DatabaseError(DatabaseError::Kind::kOther,
                          fmt::format("PostgreSQL: parameter {} of {}", index, sql_));
    }
    Clear();
    values_[static_cast<std::size_t>(index) - 1] = std::move(value);
    binary_.resize(values_.size(), 0);
    binary_[static_cast<std::size_t>(index) - 1] = binary ? 1 : 0;
  }
  void Clear() {
    PQclear(result_);
    result_ = nullptr;
    row_ = -1;
  }

  PgConnection& conn_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> binary_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, std::string schema) : conn_(conn), schema_(std::move(schema)) {}
  ~PgConnection() override { PQfinish(conn_); }

  PGconn* raw() const { return conn_; }
  // As sqlite3_changes: the rows of the last INSERT, UPDATE or DELETE (other commands keep it).
  void SetChanges(const PGresult* res) {
    const char* n = PQcmdTuples(const_cast<PGresult*>(res));
    if (n != nullptr && *n != '\0') changes_ = std::atoll(n);
  }

  void Exec(std::string_view sql) override {
    const bool ends = sql == "COMMIT" || sql == "ROLLBACK";
    if (sql == "ROLLBACK") {
      Abandon();
    } else {
      Flush();
    }
    if (ends) writing_ = false;
    const Result res(PQexec(conn_, std::string(sql).c_str()));
    if (!Succeeded(res.r)) Fail(conn_, res.r);
    SetChanges(res.r);
  }

  // Inside a write transaction a statement whose rows are not read is sent without waiting for
  // its answer (libpq's pipeline mode): an import of 100,000 rows costs a few hundred round
  // trips, not 100,000. Outside one it runs at once.
  bool Pipelining() const { return writing_; }
  void Send(const std::string& sql, const std::vector<const char*>& values,
            const std::vector<int>& lengths, const std::vector<int>& binary) {
    if (!pipelined_) {
      if (PQenterPipelineMode(conn_) != 1) Fail(conn_, nullptr);
      pipelined_ = true;
    }
    // Each statement text is parsed and planned once per connection (a named prepared
    // statement), then only bound and executed: an import repeats a handful of statements.
    const int n = static_cast<int>(values.size());
    int sent = 0;
    if (const auto known = prepared_.find(sql); known != prepared_.end()) {
      sent = PQsendQueryPrepared(conn_, known->second.c_str(), n, values.data(), lengths.data(),
                                 binary.data(), 0);
    } else if (prepared_.size() < kMaxPrepared) {
      // A new name each time: one left by a failed pipeline is never prepared twice.
      std::string name = fmt::format("jangkau_{}", ++prepared_names_);
      sent = PQsendPrepare(conn_, name.c_str(), sql.c_str(), n, nullptr) == 1 &&
             PQsendQueryPrepared(conn_, name.c_str(), n, values.data(), lengths.data(),
                                 binary.data(), 0) == 1;
      if (sent != 0) {
        fresh_.push_back(sql);
        prepared_.emplace(sql, std::move(name));
      }
    } else {
      sent = PQsendQueryParams(conn_, sql.c_str(), n, nullptr, values.data(), lengths.data(),
                               binary.data(), 0);
    }
    if (sent != 1) {
      const std::string why = PQerrorMessage(conn_);
      Abandon();
      throw DatabaseError(PQstatus(conn_) == CONNECTION_BAD ? DatabaseError::Kind::kConnection
                                                            : DatabaseError::Kind::kOther,
                          "PostgreSQL: " + why);
    }
    // The answers wait in the server's send buffer until read: a few hundred small ones fit in
    // the smallest TCP buffer, so the server never blocks writing them while we write.
    if (++pending_ >= kMaxPending) Flush();
  }
  // Waits for every statement sent and leaves pipeline mode; throws the first failure.
  void Flush() {
    if (!pipelined_) return;
    std::optional<std::string> failure;
    PGresult* failed = Drain(failure);
    if (failed != nullptr || failure) Forget();
    fresh_.clear();
    if (failed != nullptr) {
      const Result keep(failed);
      Fail(conn_, failed);
    }
    if (failure) throw DatabaseError(DatabaseError::Kind::kConnection, *failure);
  }
  Statement Prepare(std::string_view sql) override {
    // SQLite's index hints are SQLite's: the planner here chooses for itself.
    static const std::regex hint(R"(\s+INDEXED BY \w+)");
    auto [text, params] = NumberParameters(std::regex_replace(std::string(sql), hint, ""));
    return Statement(std::make_unique<PgStatement>(*this, std::move(text), params));
  }
  int64_t Changes() override {
    Flush();
    return changes_;
  }

  void BeginWrite() override {
    // Writers of one workspace take turns, as SQLite's BEGIN IMMEDIATE makes them; readers are
    // never blocked. A writer that waits longer than SQLite's busy timeout gives up (kBusy).
    Exec(fmt::format(
        "BEGIN; SET LOCAL lock_timeout = '5s'; SELECT pg_advisory_xact_lock(hashtext({})); "
        "SELECT nextval('jangkau_versi_data')",
        Literal(schema_)));
    writing_ = true;
  }

  void Migrate(int version, std::string_view sql) override {
    columns_.clear();
    Exec("BEGIN");
    try {
      Exec(PgSchemaSql(sql));
      Exec(fmt::format("UPDATE jangkau_skema SET versi = {}", version));
      Exec("COMMIT");
    } catch (...) {
      PQclear(PQexec(conn_, "ROLLBACK"));
      throw;
    }
  }
  int SchemaVersion() override {
    return static_cast<int>(QueryInt("SELECT versi FROM jangkau_skema"));
  }
  bool IsJangkau() override {
    return QueryInt(fmt::format("SELECT count(*) FROM pg_tables WHERE schemaname = {} AND "
                                "tablename = 'jangkau_skema'",
                                Literal(schema_))) == 1;
  }
  void MarkJangkau() override {
    Exec(
        "CREATE TABLE jangkau_skema(versi BIGINT NOT NULL); INSERT INTO jangkau_skema VALUES (0); "
        "CREATE SEQUENCE jangkau_versi_data");
  }
  void Discard() override {
    Abandon();
    writing_ = false;
    PQclear(PQexec(conn_, "ROLLBACK"));
    Exec(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_));
  }
  void Ready() override {}
  std::string_view DataVersionSql() const override {
    return "(SELECT last_value FROM jangkau_versi_data)";
  }
  std::vector<std::string> IntegrityProblems() override {
    // The server enforces the constraints as rows are written; nothing to scan afterwards.
    return {};
  }

  std::vector<std::string> Columns(std::string_view table) override {
    // Asked on every versioned read and write: the catalogue is read once per table.
    const auto known = columns_.find(std::string(table));
    if (known != columns_.end()) return known->second;
    std::vector<std::string> out;
    Statement s = Prepare(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = ? AND is_generated = 'NEVER' AND column_name <> "
        "'rowid' ORDER BY ordinal_position");
    s.Bind(1, table);
    while (s.Step()) out.push_back(s.Text(0));
    if (!out.empty()) columns_.emplace(std::string(table), out);
    return out;
  }
  void BeginSnapshot() override { Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

  std::string Literal(std::string_view text) const {
    char* quoted = PQescapeLiteral(conn_, text.data(), text.size());
    if (quoted == nullptr) Fail(conn_, nullptr);
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
  }

 private:
  static constexpr int kMaxPending = 256;
  static constexpr std::size_t kMaxPrepared = 256;  // statement texts prepared per connection

  // Reads the answers of every statement sent, to the pipeline's end, and leaves pipeline mode.
  // Returns the first failed result (the caller clears it), or sets `lost` when the connection
  // itself failed.
  PGresult* Drain(std::optional<std::string>& lost) {
    PGresult* first_failure = nullptr;
    if (PQpipelineSync(conn_) != 1) {
      lost = PQerrorMessage(conn_);
    } else {
      // Each statement's answers end with a null result; two in a row mean nothing more comes.
      int nulls = 0;
      for (;;) {
        PGresult* res = PQgetResult(conn_);
        if (res == nullptr) {
          if (PQstatus(conn_) == CONNECTION_BAD || ++nulls > 1) {
            lost = PQerrorMessage(conn_);
            break;
          }
          continue;
        }
        nulls = 0;
        const ExecStatusType st = PQresultStatus(res);
        if (st == PGRES_PIPELINE_SYNC) {
          PQclear(res);
          break;
        }
        if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
          SetChanges(res);
          PQclear(res);
        } else if (st == PGRES_PIPELINE_ABORTED || first_failure != nullptr) {
          PQclear(res);  // skipped after the first failure
        } else {
          first_failure = res;
        }
      }
    }
    PQexitPipelineMode(conn_);
    pipelined_ = false;
    pending_ = 0;
    return first_failure;
  }
  // Leaves pipeline mode whatever the answers were (before a rollback).
  void Abandon() {
    if (!pipelined_) return;
    std::optional<std::string> lost;
    PQclear(Drain(lost));
    Forget();
  }
  // After a failure the statements prepared in that pipeline may not exist: prepared again
  // (under new names) when next sent.
  void Forget() {
    for (const std::string& sql : fresh_) prepared_.erase(sql);
    fresh_.clear();
  }

  PGconn* conn_;
  std::string schema_;
  int64_t changes_ = 0;
  bool writing_ = false;    // inside BeginWrite .. COMMIT/ROLLBACK
  bool pipelined_ = false;  // in libpq's pipeline mode, `pending_` statements unanswered
  int pending_ = 0;
  std::map<std::string, std::string> prepared_;  // statement text -> prepared name
  std::vector<std::string> fresh_;               // texts prepared in the current pipeline
  int64_t prepared_names_ = 0;
  std::map<std::string, std::vector<std::string>> columns_;  // Columns(), per table
};

void PgStatement::Params(std::vector<const char*>& values, std::vector<int>& lengths) {
  values.assign(values_.size(), nullptr);
  lengths.assign(values_.size(), 0);
  binary_.resize(values_.size(), 0);
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (const std::optional<std::string>& v = values_[i]; v.has_value()) {
      values[i] = v->data();
      lengths[i] = static_cast<int>(v->size());
    }
  }
}

void PgStatement::Run() {
  if (!conn_.Pipelining()) {
    StatementBackend::Run();
    return;
  }
  std::vector<const char*> values;
  std::vector<int> lengths;
  Params(values, lengths);
  conn_.Send(sql_, values, lengths, binary_);
  Reset();
}

bool PgStatement::Step() {
  if (result_ == nullptr) {
    conn_.Flush();  // a read sees every write sent before it
    std::vector<const char*> values;
    std::vector<int> lengths;
    Params(values, lengths);
    result_ = PQexecParams(conn_.raw(), sql_.c_str(), static_cast<int>(values_.size()), nullptr,
                           values.data(), lengths.data(), binary_.data(), 0);
    if (!Succeeded(result_)) {
      PGresult* failed = result_;
      result_ = nullptr;
      const Result keep(failed);
      Fail(conn_.raw(), failed);
    }
    conn_.SetChanges(result_);
    row_ = -1;
  }
  ++row_;
  if (row_ < PQntuples(result_)) return true;
  // As SQLite: stepping again after the last row runs the statement again.
  Clear();
  return false;
}

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& url, bool create) {
  const PostgresUrl parts = ParsePostgresUrl(url);
  if (!parts.district.empty() && !IsDistrictCode(parts.district)) {
    throw DatabaseError(DatabaseError::Kind::kOther,
                        fmt::format("district '{}': kode wilayah berupa angka dan titik, mis. "
                                    "16.02 / a region code of digits and dots, e.g. 16.02",
                                    parts.district.substr(0, 40)));
  }
  PGconn* raw = PQconnectdb(parts.conninfo.c_str());
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(raw);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    PQfinish(raw);
    throw DatabaseError(DatabaseError::Kind::kConnection, "PostgreSQL: " + msg);
  }
  const std::string schema = SchemaOf(parts.district);
  auto conn = std::make_unique<PgConnection>(raw, schema);
  conn->Exec("SET client_min_messages = warning; SET client_encoding = 'UTF8'");
  if (create) {
    conn->Exec("CREATE EXTENSION IF NOT EXISTS postgis");
    conn->Exec(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", schema));
    if (!parts.district.empty()) {
      conn->Exec(fmt::format("COMMENT ON SCHEMA {} IS {}", schema, conn->Literal(parts.district)));
    }
  }
  conn->Exec(fmt::format("SET search_path TO {}, public", schema));
  return conn;
}

}  // namespace jangkau::store
