#include <set>
#include <tuple>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "app/reference_data.h"
#include "app/reference_tables.h"
#include "store/copy.h"
#include "store/db.h"
#include "store/postgres.h"
#include "store/schema.h"
#include "store/workspace.h"
#include "test_util.h"

namespace jangkau::store {
namespace {

using testing::TempDir;

std::unique_ptr<Workspace> NewWorkspace(const std::string& path) {
  auto ws = app::CreateWorkspace(path);
  EXPECT_TRUE(ws.has_value());
  return ws ? std::move(*ws) : nullptr;
}

Facility MakeFacility(const std::string& kode) {
  Facility f;
  f.kode = kode;
  f.nama = "Puskesmas " + kode;
  f.type = FacilityType::kPuskesmas;
  f.lon = 104.9;
  f.lat = -3.9;
  return f;
}

StaffMember MakeStaff(const std::string& faskes, const std::string& nama) {
  StaffMember m;
  m.kode_faskes = faskes;
  m.nama = nama;
  m.cadre = "bidan";
  m.employment = Employment::kPns;
  m.tanggal_lahir = Date{1985, 8, 17};
  return m;
}

TEST(Workspace, CreateThenOpenAtTheLatestSchema) {
  TempDir dir;
  const auto path = testing::WorkspaceAt(dir, "w.jangkau");
  ASSERT_NE(NewWorkspace(path), nullptr);
  auto again = Workspace::Create(path, {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().msg, Msg::kWorkspaceExists);
  auto ws = Workspace::Open(path);
  ASSERT_TRUE(ws.has_value());
  EXPECT_EQ((*ws)->schema_version(), LatestSchemaVersion());
  EXPECT_GE((*ws)->Cadres().cadres().size(), 20u);
  EXPECT_TRUE((*ws)->Check().ok);
}

// A table added by a later migration must be given its place in `jangkau copy` (store/copy.cc).
TEST(Workspace, EveryTableIsCopiedOrNamedAsNeverCopied) {
  TempDir dir;
  const auto path = testing::WorkspaceAt(dir, "w.jangkau");
  auto ws = NewWorkspace(path);
  ASSERT_NE(ws, nullptr);
  std::set<std::string> named;
  for (const auto& t : CopiedTables()) EXPECT_TRUE(named.insert(t).second) << t;
  for (const auto& t : UncopiedTables()) EXPECT_TRUE(named.insert(t).second) << t;
  std::set<std::string> tables;
  Statement s = ws->connection().Prepare(
      IsPostgresUrl(path)
          ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename "
            "NOT LIKE 'jangkau\\_%'"
          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\'");
  while (s.Step()) tables.insert(s.Text(0));
  EXPECT_EQ(tables, named);
  // Every column a copy reads exists on this backend.
  for (const auto& t : CopiedTables()) EXPECT_FALSE(ws->connection().Columns(t).empty()) << t;
}

TEST(Workspace, RefusesMissingForeignAndNewerFiles) {
  if (!testing::TestPostgres().empty()) GTEST_SKIP() << "a SQLite file";
  TempDir dir;
  auto missing = Workspace::Open(dir.File("nope.jangkau"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().msg, Msg::kWorkspaceMissing);

  auto text = Workspace::Open(dir.Write("teks.jangkau", "bukan basis data, hanya teks biasa"));
  ASSERT_FALSE(text.has_value());
  EXPECT_EQ(text.error().msg, Msg::kWorkspaceNotJangkau);

  const auto other = dir.File("other.sqlite");
  sqlite3* db = nullptr;
  sqlite3_open(other.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto foreign = Workspace::Open(other);
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().msg, Msg::kWorkspaceNotJangkau);

  const auto path = dir.File("w.jangkau");
  NewWorkspace(path).reset();
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto newer = Workspace::Open(path);
  ASSERT_FALSE(newer.has_value());
  EXPECT_EQ(newer.error().msg, Msg::kWorkspaceTooNew);
}

// Schema 6 rebuilds the users table to allow the role dispatcher: a version-5 workspace keeps its
// users and their live sessions, and then takes a dispatcher.
TEST(Workspace, MigratingToSchemaSixKeepsUsersAndSessionsAndAllowsDispatchers) {
  if (!testing::TestPostgres().empty()) GTEST_SKIP() << "a SQLite file";
  TempDir dir;
  const auto fresh = dir.File("fresh.jangkau");
  NewWorkspace(fresh).reset();
  sqlite3* db = nullptr;
  sqlite3_open(fresh.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr);
  sqlite3_step(st);
  const int64_t app_id = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);

  const auto path = dir.File("v5.jangkau");
  sqlite3_open(path.c_str(), &db);
  auto exec = [&](const std::string& sql) {
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error != nullptr ? error : "") << "\n"
        << sql.substr(0, 200);
    sqlite3_free(error);
  };
  for (const Migration& m : Migrations()) {
    if (m.version <= 5) exec(std::string(m.sql));
  }
  exec("PRAGMA application_id=" + std::to_string(app_id));
  exec("PRAGMA user_version=5");
  exec("INSERT INTO users VALUES ('admin', 'admin', NULL, 'h', '2026-12-01')");
  exec("INSERT INTO sessions VALUES ('token', 'admin', 'csrf', '2026-12-01', 9999999999)");
  sqlite3_close(db);

  auto ws = Workspace::Open(path);
  ASSERT_TRUE(ws.has_value()) << ws.error().Text(Lang::kEn);
  EXPECT_EQ((*ws)->schema_version(), LatestSchemaVersion());  // 6 and every later migration
  EXPECT_TRUE((*ws)->FindUser("admin").has_value());
  EXPECT_TRUE((*ws)->FindSession("token", 0).has_value());
  Workspace::User psc;
  psc.username = "psc";
  psc.role = "dispatcher";
  psc.hash = "h";
  EXPECT_TRUE((*ws)->PutUser(psc, "admin").has_value());
  EXPECT_TRUE((*ws)->Check().ok);
}

TEST(Workspace, StaffImportReplacesTheRosterOfTheFacilitiesInIt) {
  {
    TempDir d;
    auto w = NewWorkspace(testing::WorkspaceAt(d, "w.jangkau"));
    auto r =
        w->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {});
    ASSERT_TRUE(r.has_value()) << r.error().Text(Lang::kEn);
  }
  TempDir dir;
  auto ws = NewWorkspace(testing::WorkspaceAt(dir, "w.jangkau"));
  ASSERT_TRUE(ws->ImportFacilities({"facilities", "f.csv", "t", 2},
                                   {MakeFacility("P1"), MakeFacility("P2")}, false, {}, {}));
  ASSERT_TRUE(ws->ImportStaff({"staff", "a.csv", "t", 3},
                              {MakeStaff("P1", "A"), MakeStaff("P1", "B"), MakeStaff("P2", "C")},
                              {}));
  ASSERT_TRUE(ws->ImportStaff({"staff", "b.csv", "t", 1}, {MakeStaff("P1", "D")}, {}));
  std::vector<std::string> names;
  for (const auto& m : ws->Staff()) names.push_back(m.kode_faskes + ":" + m.nama);
  EXPECT_EQ(names, (std::vector<std::string>{"P1:D", "P2:C"}));
  const auto audit = ws->Audit(10);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[0].aksi, "impor");
  EXPECT_EQ(audit[0].entitas, "staff");
  EXPECT_EQ(audit[0].kunci, "b.csv");
  EXPECT_EQ(audit[0].pengguna, "t");
}

TEST(Workspace, AForeignKeyViolationRollsBackTheWholeImport) {
  TempDir dir;
  const auto path = testing::WorkspaceAt(dir, "w.jangkau");
  auto ws = NewWorkspace(path);
  ASSERT_TRUE(
      ws->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {}));
  const bool file = testing::TestPostgres().empty();
  auto snapshot = [&] {
    return std::make_tuple(file ? testing::DumpWorkspace(path) : std::string(), ws->Staff().size(),
                           ws->LastImportId(), ws->Audit(1000).size());
  };
  const auto before = snapshot();
  // The second row names a facility the workspace does not have: nothing may be written.
  auto result = ws->ImportStaff({"staff", "x.csv", "t", 2},
                                {MakeStaff("P1", "A"), MakeStaff("P404", "B")}, {});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().msg, Msg::kDatabase);
  EXPECT_EQ(snapshot(), before);
  // The same connection writes again, with the statements of the failed import (on PostgreSQL
  // prepared in the pipeline that failed: prepared anew).
  ASSERT_TRUE(ws->ImportStaff({"staff", "y.csv", "t", 3}, {MakeStaff("P1", "A")}, {}));
  EXPECT_EQ(ws->Staff().size(), 1u);
  ASSERT_FALSE(ws->ImportStaff({"staff", "z.csv", "t", 4}, {MakeStaff("P404", "C")}, {}));
  ASSERT_TRUE(ws->ImportStaff({"staff", "w.csv", "t", 5},
                              {MakeStaff("P1", "A"), MakeStaff("P1", "B")}, {}));
  EXPECT_EQ(ws->Staff().size(), 2u);
}

TEST(Workspace, FacilityImportKeepsAssumptionsUntilAFactReplacesThem) {
  TempDir dir;
  auto ws = NewWorkspace(testing::WorkspaceAt(dir, "w.jangkau"));
  ASSERT_TRUE(
      ws->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {}));
  ASSERT_TRUE(ws->ImportAssumptions(
      {"assumptions", "a.csv", "t", 1},
      {{"P1", false, AreaCategory::kPerdesaan, "ASUMSI: tidak ada data"}}, {}));
  auto f = ws->Facilities().at(0);
  EXPECT_TRUE(f.rawat_inap_assumed);
  EXPECT_EQ(f.rawat_inap, false);
  // Re-importing the source without the attribute keeps the assumption.
  ASSERT_TRUE(
      ws->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {}));
  f = ws->Facilities().at(0);
  EXPECT_TRUE(f.rawat_inap_assumed);
  EXPECT_TRUE(f.area_assumed);
  // A file that states it turns it into a fact.
  Facility stated = MakeFacility("P1");
  stated.rawat_inap = true;
  ASSERT_TRUE(ws->ImportFacilities({"facilities", "g.csv", "t", 1}, {stated}, false, {}, {}));
  f = ws->Facilities().at(0);
  EXPECT_FALSE(f.rawat_inap_assumed);
  EXPECT_EQ(f.rawat_inap, true);
  EXPECT_TRUE(f.area_assumed);
}

TEST(Workspace, WarningsAreStoredPerEntityAndReplacedOnReimport) {
  TempDir dir;
  auto ws = NewWorkspace(testing::WorkspaceAt(dir, "w.jangkau"));
  Diagnostic w{Severity::kWarning, "f.csv", 5, 9, "P1", Msg::kWarnNoCoordinates, {"P1", "A"}};
  ASSERT_TRUE(
      ws->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {w}));
  auto stored = ws->StoredWarnings();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].line, 5);
  EXPECT_EQ(stored[0].column, 9);
  EXPECT_EQ(stored[0].args, (std::vector<std::string>{"P1", "A"}));
  ASSERT_TRUE(
      ws->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {}));
  EXPECT_TRUE(ws->StoredWarnings().empty());
}

TEST(Workspace, ScenariosRoundTripAndAreDeletedWithTheirItems) {
  TempDir dir;
  auto ws = NewWorkspace(testing::WorkspaceAt(dir, "w.jangkau"));
  ASSERT_TRUE(
      ws->ImportFacilities({"facilities", "f.csv", "t", 1}, {MakeFacility("P1")}, false, {}, {}));
  Scenario sc;
  sc.nama = "banjir";
  sc.keterangan = "musim hujan";
  sc.closed = {"P1"};
  sc.floods = {{std::string("\x01\x03\x00\x00\x00", 5), 0.25, "16.02.01.2001"}};
  sc.cuts_wkb = {std::string("\x01\x02", 2)};
  sc.speeds = {{"sungai", 6.5}};
  sc.added = {{"POS1", "Pos banjir", FacilityType::kPoskesdes, 105.1, -3.2}};
  ASSERT_TRUE(ws->PutScenario(sc, "perencana"));
  sc.keterangan = "diganti";
  ASSERT_TRUE(ws->PutScenario(sc, "perencana"));  // replaces, items not doubled
  const auto back = ws->FindScenario("banjir");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->keterangan, "diganti");
  EXPECT_EQ(back->closed, sc.closed);
  ASSERT_EQ(back->floods.size(), 1u);
  EXPECT_EQ(back->floods[0].geometry_wkb, sc.floods[0].geometry_wkb);
  EXPECT_DOUBLE_EQ(back->floods[0].factor, 0.25);
  EXPECT_EQ(back->floods[0].desa, "16.02.01.2001");
  EXPECT_EQ(back->cuts_wkb, sc.cuts_wkb);
  EXPECT_EQ(back->speeds, sc.speeds);
  ASSERT_EQ(back->added.size(), 1u);
  EXPECT_EQ(back->added[0].type, FacilityType::kPoskesdes);
  EXPECT_DOUBLE_EQ(back->added[0].lat, -3.2);
  EXPECT_EQ(back->pengguna, "perencana");
  EXPECT_EQ(ws->Scenarios().size(), 1u);
  EXPECT_TRUE(*ws->DeleteScenario("banjir", "perencana"));
  EXPECT_FALSE(*ws->DeleteScenario("banjir", "perencana"));
  EXPECT_FALSE(ws->FindScenario("banjir").has_value());
  EXPECT_TRUE(ws->Check().ok);
  EXPECT_EQ(ws->Audit(1)[0].entitas, "skenario");
}

TEST(Workspace, CheckFindsACorruptedFile) {
  if (!testing::TestPostgres().empty()) GTEST_SKIP() << "a SQLite file";
  TempDir dir;
  const auto path = dir.File("w.jangkau");
  {
    auto ws = NewWorkspace(path);
    std::vector<Facility> many;
    for (int i = 0; i < 2000; ++i) many.push_back(MakeFacility("P" + std::to_string(i)));
    ASSERT_TRUE(ws->ImportFacilities({"facilities", "f.csv", "t", 2000}, many, false, {}, {}));
  }
  // Overwrite a run of bytes in the middle of the file (past the header page).
  std::string bytes = testing::ReadFile(path);
  ASSERT_GT(bytes.size(), 40000u);
  for (std::size_t i = 20000; i < 36000; ++i) bytes[i] = static_cast<char>(i * 7);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  auto ws = Workspace::Open(path);
  if (ws.has_value()) {
    EXPECT_FALSE((*ws)->Check().ok);
  } else {
    EXPECT_NE(ws.error().msg, Msg::kWorkspaceMissing);
  }
}

// The translations PostgreSQL needs (store/postgres.h), on their own.
TEST(PostgresSql, ParametersAreNumberedAsSqliteNumbersThem) {
  EXPECT_EQ(
      NumberParameters("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?"),
      (std::pair<std::string, int>{"SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2", 2}));
  EXPECT_EQ(NumberParameters("UPDATE t SET a = CASE WHEN ?1 < a THEN ?1 ELSE a END, b = ?"),
            (std::pair<std::string, int>{
                "UPDATE t SET a = CASE WHEN $1 < a THEN $1 ELSE a END, b = $2", 2}));
  EXPECT_EQ(NumberParameters("SELECT \"?\" FROM t").second, 0);
}

TEST(PostgresSql, TheSchemaTranslatesToPostgresTypes) {
  const std::string sql = PgSchemaSql(
      "CREATE TABLE t(\n  id INTEGER PRIMARY KEY,\n  x REAL,\n  geom BLOB NOT NULL,\n  n "
      "INTEGER\n);\n"
      "CREATE TABLE k(\n  a TEXT NOT NULL\n) WITHOUT ROWID;\nCREATE TABLE r(\n  a TEXT\n);\n");
  EXPECT_NE(sql.find("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"), std::string::npos);
  EXPECT_NE(sql.find("x DOUBLE PRECISION"), std::string::npos);
  EXPECT_NE(sql.find("geom BYTEA NOT NULL"), std::string::npos);
  EXPECT_NE(sql.find("geom_postgis geometry GENERATED ALWAYS AS (ST_GeomFromWKB(geom, 4326))"),
            std::string::npos);
  EXPECT_NE(sql.find("n BIGINT"), std::string::npos);
  EXPECT_EQ(sql.find("WITHOUT ROWID"), std::string::npos);
  // SQLite's implicit rowid, where the store orders by it: only the table without a key of its
  // own and not WITHOUT ROWID.
  EXPECT_NE(sql.find("CREATE TABLE r(\n  rowid BIGINT"), std::string::npos) << sql;
  EXPECT_EQ(sql.find("CREATE TABLE k(\n  rowid"), std::string::npos);
  EXPECT_EQ(sql.find("CREATE TABLE t(\n  rowid"), std::string::npos);
  EXPECT_EQ(ParsePostgresUrl("postgresql://u@h:5432/db?district=16.02&sslmode=disable").conninfo,
            "postgresql://u@h:5432/db?sslmode=disable");
  EXPECT_EQ(ParsePostgresUrl("postgresql://u@h/db?district=16.02").district, "16.02");
  EXPECT_EQ(SchemaOf("16.02"), "kab_1602");
  EXPECT_EQ(SchemaOf(""), "jangkau");
}

// On the server only: a district that has no workspace is missing, a server that does not answer
// cannot be opened, and a second Create of the same district is refused.
TEST(PostgresWorkspace, MissingUnreachableAndExisting) {
  const std::string pg = testing::TestPostgres();
  if (pg.empty()) GTEST_SKIP() << "no PostgreSQL (JANGKAU_TEST_PG)";
  auto missing = Workspace::Open(pg + "?district=99.99");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().msg, Msg::kWorkspaceMissing);
  auto unreachable = Workspace::Open("postgresql://jangkau@127.0.0.1:1/jangkau_test");
  ASSERT_FALSE(unreachable.has_value());
  EXPECT_EQ(unreachable.error().msg, Msg::kWorkspaceOpen);
  TempDir dir;
  const std::string url = testing::WorkspaceAt(dir, "w");
  ASSERT_NE(NewWorkspace(url), nullptr);
  auto again = Workspace::Create(url, {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().msg, Msg::kWorkspaceExists);
}

}  // namespace
}  // namespace jangkau::store
