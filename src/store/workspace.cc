#include "store/workspace.h"

#include <ctime>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/fingerprint.h"
#include "store/postgres.h"
#include "store/schema.h"

namespace jangkau::store {

std::string NowIso() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

void Migrate(Connection& conn, int from) {
  for (const Migration& m : Migrations()) {
    if (m.version > from) conn.Migrate(m.version, m.sql);
  }
}

constexpr char kArgSep = '\x1f';

std::string JoinArgs(const std::vector<std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out.push_back(kArgSep);
    out += args[i];
  }
  return out;
}

std::vector<std::string> SplitArgs(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = text.find(kArgSep, start);
    out.push_back(text.substr(start, p == std::string::npos ? p : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

void InsertWarnings(Connection& conn, std::string_view source, std::optional<int64_t> import_id,
                    const std::vector<Diagnostic>& warnings) {
  Statement ins = conn.Prepare(
      "INSERT INTO warnings(sumber, import_id, entitas, berkas, baris, kolom, kode, args) "
      "VALUES (?,?,?,?,?,?,?,?)");
  for (const Diagnostic& d : warnings) {
    if (d.severity != Severity::kWarning) continue;
    ins.Bind(1, source);
    ins.Bind(2, import_id);
    ins.BindText(3, d.entity);
    ins.BindText(4, d.file);
    ins.Bind(5, d.line > 0 ? std::optional<int64_t>(d.line) : std::nullopt);
    ins.Bind(6, d.column > 0 ? std::optional<int64_t>(d.column) : std::nullopt);
    ins.Bind(7, MsgCode(d.msg));
    ins.Bind(8, JoinArgs(d.args));
    ins.Run();
  }
}

}  // namespace

Error StoreError(const DatabaseError& e, const std::string& where) {
  if (e.busy()) return Error{Msg::kWorkspaceBusy, {}};
  if (where.empty()) return Error{Msg::kDatabase, {e.what()}};
  return Error{Msg::kWorkspaceOpen, {where, e.what()}};
}

Workspace::Workspace(std::string path, std::unique_ptr<Connection> conn)
    : path_(std::move(path)), conn_(std::move(conn)) {}

Workspace::~Workspace() = default;

std::expected<std::unique_ptr<Workspace>, Error> Workspace::Create(const std::string& path,
                                                                   const Seed& seed) {
  const auto& cadres = seed.cadres;
  const auto& aliases = seed.aliases;
  const bool server = IsPostgresUrl(path);
  std::error_code ec;
  if (!server && std::filesystem::exists(path, ec))
    return std::unexpected(Error{Msg::kWorkspaceExists, {path}});
  std::unique_ptr<Connection> conn;
  try {
    conn = server ? OpenPostgres(path, /*create=*/true) : OpenSqlite(path, /*create=*/true);
    if (conn->IsJangkau()) return std::unexpected(Error{Msg::kWorkspaceExists, {path}});
    conn->MarkJangkau();
    conn->Ready();
    Migrate(*conn, 0);
    Transaction txn(*conn);
    Statement meta = conn->Prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
    meta.Bind(1, std::string_view("dibuat_pada")).Bind(2, NowIso()).Run();
    Statement c = conn->Prepare(
        "INSERT INTO cadres(kode, nama, nama_en, rumpun, agregat) VALUES (?,?,?,?,?)");
    for (const Cadre& cadre : cadres) {
      c.Bind(1, cadre.kode).Bind(2, cadre.nama).Bind(3, cadre.nama_en).Bind(4, cadre.rumpun);
      c.Bind(5, int64_t{cadre.aggregate ? 1 : 0}).Run();
    }
    Statement a = conn->Prepare(ReplaceInto("cadre_aliases", "alias, kode", "alias"));
    for (const CadreAlias& alias : aliases) a.Bind(1, alias.alias).Bind(2, alias.kode).Run();
    Statement r = conn->Prepare(
        "INSERT INTO reference_tables(jenis, nama, versi, isi, sumber, waktu, pengguna) "
        "VALUES (?,?,1,?,'bawaan',?,'jangkau')");
    const std::string now = NowIso();
    for (const auto& [kind, name, text] : seed.references) {
      r.Bind(1, kind).Bind(2, name).Bind(3, text).Bind(4, now).Run();
    }
    txn.Commit();
    return std::unique_ptr<Workspace>(new Workspace(path, std::move(conn)));
  } catch (const DatabaseError& e) {
    // Nothing half made stays: the file goes, as does the server's schema.
    if (conn) {
      try {
        conn->Discard();
      } catch (const DatabaseError&) {  // NOLINT(bugprone-empty-catch)
        // Reported below; the first failure is the one that matters.
      }
    }
    if (!server) std::filesystem::remove(path, ec);
    return std::unexpected(Error{Msg::kWorkspaceOpen, {path, e.what()}});
  }
}

std::expected<std::unique_ptr<Workspace>, Error> Workspace::Open(const std::string& path) {
  const bool server = IsPostgresUrl(path);
  std::error_code ec;
  if (!server && !std::filesystem::is_regular_file(path, ec)) {
    return std::unexpected(Error{Msg::kWorkspaceMissing, {path}});
  }
  try {
    std::unique_ptr<Connection> conn =
        server ? OpenPostgres(path, /*create=*/false) : OpenSqlite(path, /*create=*/false);
    bool jangkau = false;
    try {
      jangkau = conn->IsJangkau();
    } catch (const DatabaseError&) {
      return std::unexpected(Error{Msg::kWorkspaceNotJangkau, {path}});
    }
    if (!jangkau && server && ParsePostgresUrl(path).district.empty()) {
      // A database of several districts: which ones, to name one.
      const std::vector<std::string> districts = DistrictsIn(*conn);
      if (!districts.empty()) {
        std::string list;
        for (std::size_t k = 0; k < districts.size() && k < 20; ++k) {
          list += (k == 0 ? "" : ", ") + districts[k];
        }
        if (districts.size() > 20) list += ", ...";
        return std::unexpected(
            Error{Msg::kWorkspaceDistricts, {path, std::to_string(districts.size()), list}});
      }
    }
    if (!jangkau) {
      return std::unexpected(
          Error{server ? Msg::kWorkspaceMissing : Msg::kWorkspaceNotJangkau, {path}});
    }
    const int version = conn->SchemaVersion();
    if (version > LatestSchemaVersion()) {
      return std::unexpected(
          Error{Msg::kWorkspaceTooNew,
                {path, std::to_string(version), std::to_string(LatestSchemaVersion())}});
    }
    conn->Ready();
    if (version < LatestSchemaVersion()) Migrate(*conn, version);
    return std::unique_ptr<Workspace>(new Workspace(path, std::move(conn)));
  } catch (const DatabaseError& e) {
    return std::unexpected(StoreError(e, path));
  }
}

std::string Workspace::ReportVersion(std::string_view kind, const std::string& kode) const {
  try {
    return ReportVersionIn(*conn_, kind, kode);
  } catch (const DatabaseError&) {
    return {};
  }
}

int Workspace::schema_version() const { return conn_->SchemaVersion(); }

int64_t Workspace::DataVersion() const { return conn_->DataVersion(); }

int64_t Workspace::LastImportId() const {
  return conn_->QueryInt("SELECT COALESCE(MAX(id), 0) FROM imports");
}

std::expected<void, Error> Workspace::WriteImport(
    const ImportRecord& rec, const std::vector<Diagnostic>& warnings,
    const std::function<std::set<std::string>()>& body) {
  try {
    Transaction txn(*conn_);
    // Compared while the writers' lock is held: nobody writes between this read and the write.
    if (!rec.expect_version.empty() &&
        ReportVersionIn(*conn_, rec.kind, rec.facility) != rec.expect_version) {
      return std::unexpected(Error{Msg::kReportStale, {rec.kind, rec.facility}});
    }
    const std::string now = NowIso();
    Statement imp = conn_->Prepare(
        "INSERT INTO imports(waktu, pengguna, jenis, berkas, baris) VALUES (?,?,?,?,?) "
        "RETURNING id");
    imp.Bind(1, now).Bind(2, rec.user).Bind(3, rec.kind).Bind(4, rec.file).Bind(5, rec.rows);
    const int64_t import_id = imp.Step() ? imp.Int(0) : 0;
    imp.Reset();

    // The entities this import touches: their earlier warnings of the same kind are obsolete.
    std::set<std::string> entities = body();
    Statement del = conn_->Prepare("DELETE FROM warnings WHERE sumber = ? AND entitas = ?");
    for (const auto& e : entities) del.Bind(1, rec.kind).Bind(2, e).Run();
    InsertWarnings(*conn_, rec.kind, import_id, warnings);

    nlohmann::json detail = {{"berkas", rec.file},
                             {"baris", rec.rows},
                             {"peringatan", warnings.size()},
                             {"entitas", entities.size()}};
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,'impor',?,?,?)");
    audit.Bind(1, now).Bind(2, rec.user).Bind(3, rec.kind).Bind(4, rec.file).Bind(5, detail.dump());
    audit.Run();
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(StoreError(e));
  }
}

std::expected<void, Error> Workspace::ReplaceValidationWarnings(
    const std::vector<Diagnostic>& found) {
  try {
    Transaction txn(*conn_);
    conn_->Exec("DELETE FROM warnings WHERE sumber = 'validate'");
    InsertWarnings(*conn_, "validate", std::nullopt, found);
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(StoreError(e));
  }
}

std::vector<Diagnostic> Workspace::StoredWarnings() const {
  std::vector<Diagnostic> out;
  Statement s = conn_->Prepare(
      "SELECT entitas, berkas, baris, kolom, kode, args FROM warnings "
      "ORDER BY sumber = 'validate', id");
  while (s.Step()) {
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.entity = s.Text(0);
    d.file = s.Text(1);
    d.line = s.OptInt(2).value_or(0);
    d.column = static_cast<int>(s.OptInt(3).value_or(0));
    d.msg = MsgFromCode(s.Text(4)).value_or(Msg::kInternal);
    d.args = SplitArgs(s.Text(5));
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<AuditEntry> Workspace::Audit(int64_t limit) const {
  std::vector<AuditEntry> out;
  Statement s = conn_->Prepare(
      "SELECT id, waktu, pengguna, aksi, entitas, kunci, rincian FROM audit_log "
      "ORDER BY id DESC LIMIT ?");
  s.Bind(1, limit);
  while (s.Step()) {
    out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)});
  }
  return out;
}

CheckResult Workspace::Check() const {
  CheckResult result;
  try {
    for (std::string& p : conn_->IntegrityProblems()) result.problems.push_back(std::move(p));
    if (conn_->SchemaVersion() != LatestSchemaVersion()) {
      result.problems.push_back("the schema version differs from the program's");
    }
    // Every row of an importable table must match the rules the importers enforce.
    const int64_t bad_regions = conn_->QueryInt(
        "SELECT count(*) FROM regions WHERE kode_induk IS NOT NULL AND "
        "kode_induk NOT IN (SELECT kode FROM regions)");
    if (bad_regions > 0) {
      result.problems.push_back(fmt::format("{} regions with a missing parent", bad_regions));
    }
    const int64_t bad_cadres = conn_->QueryInt(
        "SELECT (SELECT count(*) FROM staff WHERE jenis_tenaga NOT IN (SELECT kode FROM cadres)) "
        "+ (SELECT count(*) FROM staff_counts WHERE jenis_tenaga NOT IN "
        "(SELECT kode FROM cadres))");
    if (bad_cadres > 0) {
      result.problems.push_back(fmt::format("{} workers with an unknown cadre", bad_cadres));
    }
  } catch (const DatabaseError& e) {
    result.problems.push_back(e.what());
  }
  result.ok = result.problems.empty();
  return result;
}

}  // namespace jangkau::store
