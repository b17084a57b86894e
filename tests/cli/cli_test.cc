// The jangkau command line from outside: languages, exit codes, refused imports, exports.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::RunCommand;
using testing::TempDir;

const std::string kJangkau = JANGKAU_BINARY;

using testing::J;

// A workspace with two facilities, ready for workforce imports.
struct Fixture {
  TempDir dir;
  std::string ws = dir.File("w.jangkau");
  Fixture() {
    EXPECT_EQ(RunCommand(J("init --workspace " + ws)).exit_code, 0);
    const auto f = dir.Write("faskes.csv",
                             "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n"
                             "P1602010202,TUGU MULYO,puskesmas,-3.868225,104.888237\n"
                             "P1602020202,MAKARTI MULYA,puskesmas,-3.91405,105.113968\n");
    EXPECT_EQ(RunCommand(J("import facilities " + f + " --workspace " + ws)).exit_code, 0);
  }
};

TEST(Cli, HelpIsIndonesianByDefaultAndEnglishOnRequest) {
  auto id = RunCommand(J("--help"));
  EXPECT_EQ(id.exit_code, 0);
  EXPECT_NE(id.out.find("Penggunaan"), std::string::npos);
  EXPECT_NE(id.out.find("membuat ruang kerja baru"), std::string::npos);
  auto en = RunCommand(J("--lang en --help"));
  EXPECT_NE(en.out.find("create a new workspace"), std::string::npos);
  auto env = RunCommand("LANG=en_US.UTF-8 " + kJangkau + " import --help");
  EXPECT_NE(env.out.find("file to import"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwoWithAHint) {
  auto r = RunCommand(J("import staff"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("penggunaan salah"), std::string::npos);
  auto kind = RunCommand(J("import gaji x.csv --workspace x.jangkau"));
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_NE(kind.out.find("jenis data 'gaji' tidak dikenal"), std::string::npos);
  EXPECT_EQ(RunCommand(J("show facilities --workspace x --format pdf")).exit_code, 2);
}

TEST(Cli, InitRefusesToOverwriteAndOpenNamesAMissingWorkspace) {
  Fixture fx;
  auto again = RunCommand(J("init --workspace " + fx.ws));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("sudah ada"), std::string::npos);
  auto missing = RunCommand(J("validate --workspace " + fx.dir.File("tidak-ada.jangkau")));
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.out.find("jangkau init --workspace"), std::string::npos);
}

TEST(Cli, ARefusedImportListsEveryProblemAndChangesNothing) {
  Fixture fx;
  const auto roster =
      fx.dir.Write("tenaga.csv",
                   "kode_faskes,nama,jenis_tenaga,status_kepegawaian,tanggal_lahir\n"
                   "P1602010202,Siti,Bidan D3,PNS,17/08/1985\n"
                   "P1602010202,Budi,tukang pijat,PNS,1980-01-01\n"
                   "P9999999999,Cici,perawat,honorer,1980-13-01\n");
  const std::string before_bytes = testing::ReadFile(fx.ws);
  const std::string before = testing::DumpWorkspace(fx.ws);
  auto r = RunCommand(J("import staff " + roster + " --workspace " + fx.ws));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.out.find(roster + ":3:3: galat: jenis_tenaga: jenis tenaga 'tukang pijat' tidak dikenal"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(roster + ":4:1: galat: kode_faskes: kode fasyankes 'P9999999999'"),
            std::string::npos);
  EXPECT_NE(r.out.find(roster + ":4:5: galat: tanggal_lahir"), std::string::npos);
  EXPECT_NE(r.out.find("ruang kerja tidak diubah"), std::string::npos);
  EXPECT_EQ(testing::ReadFile(fx.ws), before_bytes);
  EXPECT_EQ(testing::DumpWorkspace(fx.ws), before);

  auto en = RunCommand(J("--lang en import staff " + roster + " --workspace " + fx.ws));
  EXPECT_NE(
      en.out.find(roster + ":3:3: error: jenis_tenaga: cadre 'tukang pijat' is not recognised"),
      std::string::npos);
  EXPECT_NE(en.out.find("the workspace is unchanged"), std::string::npos);
}

TEST(Cli, ImportShowAndExportRoundTripThroughExcel) {
  Fixture fx;
  const auto roster = fx.dir.Write(
      "tenaga.csv",
      "kode_faskes,nama,nik,jenis_tenaga,status_kepegawaian,tanggal_lahir,jabatan,pelatihan,"
      "str_berlaku_sampai\n"
      "P1602010202,Siti,1602014508850001,Bidan D3,PNS,17/08/1985,Bidan Ahli Pertama,PONED;APN,"
      "2030-08-17\n"
      "P1602020202,Andi,,dr umum,P3K,1990-01-02,,,\n");
  ASSERT_EQ(RunCommand(J("import staff " + roster + " --workspace " + fx.ws)).exit_code, 0);
  auto json = RunCommand(J("show staff --workspace " + fx.ws + " --format json"));
  ASSERT_EQ(json.exit_code, 0);
  const auto rows = nlohmann::json::parse(json.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["jenis_tenaga"], "bidan");
  EXPECT_EQ(rows[0]["tanggal_lahir"], "1985-08-17");
  EXPECT_EQ(rows[1]["jenis_tenaga"], "dokter_umum");
  EXPECT_EQ(rows[1]["status_kepegawaian"], "pppk");

  const auto xlsx = fx.dir.File("tenaga.xlsx");
  ASSERT_EQ(
      RunCommand(J("export staff --workspace " + fx.ws + " --format xlsx --out " + xlsx)).exit_code,
      0);
  // The exported workbook imports back into a second workspace with the same content.
  Fixture other;
  auto back = RunCommand(J("import staff " + xlsx + " --workspace " + other.ws));
  ASSERT_EQ(back.exit_code, 0) << back.out;
  EXPECT_EQ(RunCommand(J("show staff --workspace " + other.ws + " --format csv")).out,
            RunCommand(J("show staff --workspace " + fx.ws + " --format csv")).out);

  for (const std::string fmt : {"csv", "geojson", "gpkg"}) {
    const auto out = fx.dir.File("faskes." + fmt);
    auto r = RunCommand(
        J("export facilities --workspace " + fx.ws + " --format " + fmt + " --out " + out));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    auto info = RunCommand("ogrinfo -ro -al -so " + out);
    EXPECT_NE(info.out.find("Feature Count: 2"), std::string::npos) << fmt << info.out;
  }
}

TEST(Cli, CheckPassesOnAGoodWorkspaceAndFailsOnADamagedOne) {
  Fixture fx;
  EXPECT_EQ(RunCommand(J("check --workspace " + fx.ws)).exit_code, 0);
  std::string bytes = testing::ReadFile(fx.ws);
  for (std::size_t i = 0; i < 100 && i < bytes.size(); ++i) bytes[i] = 'x';
  std::ofstream(fx.ws, std::ios::binary | std::ios::trunc) << bytes;
  auto r = RunCommand(J("check --workspace " + fx.ws));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("bukan ruang kerja Jangkau"), std::string::npos) << r.out;
}

// `init --district KODE` names one district of several in a PostgreSQL database; on a file it is
// a usage error, as is a code that is not digits and dots.
TEST(Cli, InitDistrictNamesOneDistrictOfAPostgresDatabase) {
  TempDir dir;
  const std::string pg = testing::TestPostgres();
  if (pg.empty()) {
    EXPECT_EQ(
        RunCommand(J("init --workspace " + dir.File("w.jangkau") + " --district 16.02")).exit_code,
        2);
    return;
  }
  const std::string url = testing::WorkspaceAt(dir, "w");
  const std::string base = url.substr(0, url.find('?'));
  const std::string code = url.substr(url.find("district=") + 9);
  auto r = RunCommand(J("init --workspace " + base + " --district " + code));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(
      RunCommand(J("show summary --workspace '" + base + "?district=" + code + "'")).exit_code, 0);
  EXPECT_EQ(RunCommand(J("init --workspace " + base + " --district " + code)).exit_code, 1);
  EXPECT_EQ(RunCommand(J("init --workspace " + base + " --district kab-x")).exit_code, 2);
  r = RunCommand(J("show summary --workspace '" + base + "?district=x;DROP'"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("kode wilayah"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace jangkau
