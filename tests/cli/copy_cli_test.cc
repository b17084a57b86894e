// jangkau copy, backup and restore from outside (docs/copy.md). The district's workspace is a
// file, or (label postgres) a district on the test server; the laptop is always a file.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::QueryInt;
using testing::RunCommand;
using testing::TempDir;

std::string Roster(const std::string& facility, const std::vector<std::string>& names) {
  std::string csv = "kode_faskes,nama,jenis_tenaga,status_kepegawaian,tanggal_lahir\n";
  for (const std::string& n : names) csv += facility + "," + n + ",perawat,PNS,1985-02-03\n";
  return csv;
}

// A small district: its regions, three facilities and a roster for each.
struct District {
  TempDir dir;
  std::string ws;
  explicit District(const std::string& code = "16.02")
      : ws(testing::WorkspaceAt(dir, "kab.jangkau")) {
    EXPECT_EQ(RunCommand(J("init --workspace " + ws)).exit_code, 0);
    const std::string digits = code.substr(0, 2) + code.substr(3);
    Import("regions", "wilayah.csv",
           "kode,nama,tingkat,kode_bps\n16,Sumatera Selatan,provinsi,16\n" + code +
               ",Kabupaten Uji,kabupaten," + digits + "\n" + code + ".01,Kecamatan Uji,kecamatan," +
               digits + "010\n");
    Import("facilities", "faskes.csv",
           "kode_faskes,nama_faskes,jenis_faskes\nP1,Puskesmas Satu,puskesmas\nP2,Puskesmas "
           "Dua,puskesmas\nP3,Puskesmas Tiga,puskesmas\n");
    for (const char* f : {"P1", "P2", "P3"})
      Import("staff", "t.csv", Roster(f, {"Asal " + std::string(f)}));
  }
  void Import(const std::string& kind, const std::string& name, const std::string& text,
              const std::string& workspace = "", const std::string& user = "kantor") const {
    const auto r = RunCommand("JANGKAU_USER=" + user + " " +
                              J("import " + kind + " " + dir.Write(name, text) + " --workspace " +
                                (workspace.empty() ? ws : workspace)));
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }
};

std::string Show(const std::string& ws, const std::string& kind) {
  return RunCommand("(" + J("show " + kind + " --workspace " + ws + " --format csv") +
                    " 2>/dev/null)")
      .out;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Copy, TheLaptopTakesTheDistrictAndItsChangesComeBackWithConflictsReported) {
  District d;
  const std::string lap = d.dir.File("laptop.jangkau");
  auto r = RunCommand(J("copy --from " + d.ws + " --to " + lap));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "(kabupaten/kota 16.02)")) << r.out;
  for (const char* kind : {"regions", "facilities", "staff"}) {
    EXPECT_EQ(Show(lap, kind), Show(d.ws, kind)) << kind;
  }
  EXPECT_TRUE(Has(Show(lap, "staff"), "Asal P3"));

  // In the field: P1 and P3 change on the laptop; at the office P2 and P3.
  d.Import("staff", "l1.csv", Roster("P1", {"Laptop Satu"}), lap, "lapangan");
  d.Import("staff", "l3.csv", Roster("P3", {"Laptop Tiga"}), lap, "lapangan");
  d.Import("staff", "s2.csv", Roster("P2", {"Kantor Dua"}));
  d.Import("staff", "s3.csv", Roster("P3", {"Kantor Tiga"}));

  r = RunCommand(J("copy --from " + lap + " --to " + d.ws));
  EXPECT_EQ(r.exit_code, 1) << r.out;  // a conflict: reported, not overwritten
  EXPECT_TRUE(Has(r.out, "konflik: staff 'P3' diubah di kedua sisi")) << r.out;
  std::string office = Show(d.ws, "staff");
  EXPECT_TRUE(Has(office, "Laptop Satu")) << office;
  EXPECT_FALSE(Has(office, "Asal P1")) << office;
  EXPECT_TRUE(Has(office, "Kantor Dua")) << office;
  EXPECT_TRUE(Has(office, "Kantor Tiga")) << office;
  EXPECT_FALSE(Has(office, "Laptop Tiga")) << office;
  // The laptop's history goes back with its work.
  EXPECT_EQ(QueryInt(d.ws, "SELECT count(*) FROM audit_log WHERE pengguna = 'lapangan'"), 2);

  // The office's changes reach the laptop; P3 is still in conflict there too.
  r = RunCommand(J("copy --from " + d.ws + " --to " + lap));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  std::string field = Show(lap, "staff");
  EXPECT_TRUE(Has(field, "Kantor Dua")) << field;
  EXPECT_TRUE(Has(field, "Laptop Tiga")) << field;
  // Settled by taking the office's version, named one by one.
  r = RunCommand(J("--lang en copy --from " + d.ws + " --to " + lap + " --take-conflicts"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "conflict: staff 'P3'")) << r.out;
  field = Show(lap, "staff");
  EXPECT_TRUE(Has(field, "Kantor Tiga")) << field;
  EXPECT_FALSE(Has(field, "Laptop Tiga")) << field;
  EXPECT_EQ(field, office);

  // Both sides agree now: nothing to carry either way.
  for (const auto& [from, to] : {std::pair{lap, d.ws}, std::pair{d.ws, lap}}) {
    r = RunCommand(J("copy --dry-run --from " + from + " --to " + to));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(Has(r.out, ": 0 ditambah, 0 diubah, 0 dihapus,")) << r.out;
    EXPECT_TRUE(Has(r.out, ", 0 konflik")) << r.out;
  }
}

TEST(Copy, WithoutACommonCopyOnlyWhatTheDestinationLacksIsAdded) {
  District a;
  District b;
  a.Import("facilities", "f4.csv",
           "kode_faskes,nama_faskes,jenis_faskes\nP4,Puskesmas Empat,puskesmas\n");
  b.Import("staff", "b1.csv", Roster("P1", {"Hanya Di B"}));
  const std::string before = testing::DumpWorkspace(b.ws);
  auto r = RunCommand(J("copy --dry-run --from " + a.ws + " --to " + b.ws));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(b.ws), before);  // a dry run writes nothing
  r = RunCommand(J("copy --from " + a.ws + " --to " + b.ws));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "bukan salinan dari")) << r.out;
  EXPECT_TRUE(Has(r.out, "konflik: staff 'P1' berbeda di kedua sisi")) << r.out;
  EXPECT_TRUE(Has(Show(b.ws, "facilities"), "Puskesmas Empat"));
  EXPECT_TRUE(Has(Show(b.ws, "staff"), "Hanya Di B"));
}

TEST(Copy, RefusesWhatCannotBeCopiedAndWritesNothing) {
  District d;
  const std::string lap = d.dir.File("laptop.jangkau");
  auto r = RunCommand(J("copy --from " + d.ws + " --to " + d.ws));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, "ruang kerja yang sama")) << r.out;

  r = RunCommand(J("copy --from " + d.ws + " --to " + lap + " --district 16.06"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  // The file's regions (or the server's URL) name 16.02.
  EXPECT_TRUE(Has(r.out, ", bukan 16.06; satu salinan memuat satu kabupaten/kota")) << r.out;
  EXPECT_FALSE(std::filesystem::exists(lap));

  r = RunCommand(J("copy --from " + d.ws + " --to " + lap + " --district \"16;DROP\""));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_FALSE(std::filesystem::exists(lap));

  District other("16.06");
  const std::string other_before = testing::DumpWorkspace(other.ws);
  r = RunCommand(J("copy --from " + d.ws + " --to " + other.ws));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(other.ws), other_before);

  const std::string text = d.dir.Write("catatan.txt", "bukan ruang kerja\n");
  r = RunCommand(J("copy --from " + d.ws + " --to " + text));
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_EQ(testing::ReadFile(text), "bukan ruang kerja\n");

  r = RunCommand(J("copy --from " + d.dir.File("tidak_ada.jangkau") + " --to " + lap));
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_FALSE(std::filesystem::exists(lap));
}

TEST(Copy, AKilledCopyLeavesTheDestinationAsItWas) {
  District d;
  const std::string lap = d.dir.File("laptop.jangkau");
  auto r =
      RunCommand("JANGKAU_FAULT_KILL_AFTER_ROWS=5 " + J("copy --from " + d.ws + " --to " + lap));
  EXPECT_EQ(r.exit_code, 128 + 9) << r.out;
  EXPECT_FALSE(std::filesystem::exists(lap));  // a new copy takes its name only once whole
  r = RunCommand(J("copy --from " + d.ws + " --to " + lap));
  ASSERT_EQ(r.exit_code, 0) << r.out;

  d.Import("staff", "l1.csv", Roster("P1", {"Laptop Satu", "Laptop Dua"}), lap);
  const std::string before = testing::DumpWorkspace(d.ws);
  r = RunCommand("JANGKAU_FAULT_KILL_AFTER_ROWS=2 " + J("copy --from " + lap + " --to " + d.ws));
  EXPECT_EQ(r.exit_code, 128 + 9) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(d.ws), before);
  r = RunCommand(J("copy --from " + lap + " --to " + d.ws));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(Show(d.ws, "staff"), "Laptop Dua"));
}

TEST(Backup, RestoringGivesBackTheWorkspaceAsItWasBackedUp) {
  District d;
  const std::string before = testing::DumpWorkspace(d.ws);
  const std::string file = d.dir.File("cadangan.bak");
  auto r = RunCommand(J("backup --workspace " + d.ws + " --out " + file));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string bytes = testing::ReadFile(file);
  EXPECT_FALSE(bytes.empty());
  // Never over a file.
  r = RunCommand(J("backup --workspace " + d.ws + " --out " + file));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "sudah ada")) << r.out;
  EXPECT_EQ(testing::ReadFile(file), bytes);

  d.Import("staff", "s1.csv", Roster("P1", {"Sesudah Cadangan"}));
  ASSERT_NE(testing::DumpWorkspace(d.ws), before);
  r = RunCommand(J("restore --workspace " + d.ws + " --from " + file));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "dipulihkan")) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(d.ws), before);
  EXPECT_EQ(RunCommand(J("check --workspace " + d.ws)).exit_code, 0);
  EXPECT_FALSE(Has(Show(d.ws, "staff"), "Sesudah Cadangan"));

  if (testing::TestPostgres().empty()) {
    // A backup file is a workspace: restored where there was none.
    const std::string fresh = d.dir.File("baru.jangkau");
    r = RunCommand(J("restore --workspace " + fresh + " --from " + file));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(testing::DumpWorkspace(fresh), before);
  }
}

TEST(Backup, RestoreRefusesWhatIsNotABackupOfThisWorkspace) {
  District d;
  const std::string file = d.dir.File("cadangan.bak");
  ASSERT_EQ(RunCommand(J("backup --workspace " + d.ws + " --out " + file)).exit_code, 0);
  const std::string bytes = testing::ReadFile(file);
  d.Import("staff", "s1.csv", Roster("P1", {"Sesudah Cadangan"}));
  const std::string before = testing::DumpWorkspace(d.ws);
  const bool server = !testing::TestPostgres().empty();

  std::vector<std::pair<std::string, std::string>> bad = {
      {"teks.bak", "bukan cadangan\n"},
      {"kosong.bak", ""},
      {"potong.bak", bytes.substr(0, bytes.size() / 2)},
      // The other kind of store's backup.
      {"lain.bak", server ? std::string("SQLite format 3\0", 16) + std::string(4096, 'x')
                          : "PGDMP" + std::string(4096, '\1')},
  };
  for (const auto& [name, content] : bad) {
    const std::string path = d.dir.Write(name, content);
    const auto r = RunCommand(J("restore --workspace " + d.ws + " --from " + path));
    EXPECT_NE(r.exit_code, 0) << name << r.out;
    EXPECT_TRUE(Has(r.out, "galat")) << name << r.out;
    EXPECT_EQ(testing::DumpWorkspace(d.ws), before) << name;
  }
  auto r = RunCommand(J("restore --workspace " + d.ws + " --from " + d.dir.File("tidak_ada.bak")));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "bukan berkas")) << r.out;
  // The reason in the language asked for, and in that one only.
  r = RunCommand(J("--lang en restore --workspace " + d.ws + " --from " + d.dir.File("teks.bak")));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "neither a SQLite file nor a pg_dump archive")) << r.out;
  EXPECT_FALSE(Has(r.out, "bukan")) << r.out;

  if (!server) {
    // A backup of a newer program, and a SQLite file that is no workspace.
    const std::string newer = d.dir.Write("baru.bak", bytes);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const std::string foreign = d.dir.File("lain.sqlite");
    ASSERT_EQ(sqlite3_open(foreign.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    for (const std::string& path : {newer, foreign}) {
      r = RunCommand(J("restore --workspace " + d.ws + " --from " + path));
      EXPECT_EQ(r.exit_code, 1) << path << r.out;
      EXPECT_EQ(testing::DumpWorkspace(d.ws), before) << path;
    }
    // A file that is not a workspace is never replaced.
    const std::string notes = d.dir.Write("catatan.txt", "catatan\n");
    r = RunCommand(J("restore --workspace " + notes + " --from " + file));
    EXPECT_NE(r.exit_code, 0) << r.out;
    EXPECT_EQ(testing::ReadFile(notes), "catatan\n");
  } else {
    // Another district's backup.
    District other("16.06");
    const std::string theirs = d.dir.File("lain_kabupaten.bak");
    ASSERT_EQ(RunCommand(J("backup --workspace " + other.ws + " --out " + theirs)).exit_code, 0);
    r = RunCommand(J("restore --workspace " + d.ws + " --from " + theirs));
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_TRUE(Has(r.out, "bukan")) << r.out;
    EXPECT_EQ(testing::DumpWorkspace(d.ws), before);
  }
  r = RunCommand(
      J("backup --workspace " + d.dir.File("tidak_ada.jangkau") + " --out " + d.dir.File("x.bak")));
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_FALSE(std::filesystem::exists(d.dir.File("x.bak")));
}

// A URL that names no district, on a database of several: the districts are named.
TEST(Copy, AServerOfSeveralDistrictsNamesThemWhenNoneIsGiven) {
  const std::string pg = testing::TestPostgres();
  if (pg.empty()) GTEST_SKIP() << "PostgreSQL only";
  const std::string db = "katalog_" + std::to_string(std::random_device{}() % 1000000);
  ASSERT_EQ(RunCommand("psql -X -q '" + pg + "' -c 'CREATE DATABASE " + db + "'").exit_code, 0);
  const std::string url = pg.substr(0, pg.rfind('/') + 1) + db;
  for (const char* code : {"16.02", "16.06"}) {
    const auto r = RunCommand(J("init --workspace " + url + " --district " + code));
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  const auto r = RunCommand(J("check --workspace " + url));
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Has(r.out, "2 kabupaten/kota")) << r.out;
  EXPECT_TRUE(Has(r.out, "?district=KODE")) << r.out;
}

}  // namespace
}  // namespace jangkau
