// Issue 11: text that is not UTF-8 never enters a workspace. Every importer reads through the
// same table reader, so a foreign byte is refused with its file, line and column whatever the
// kind; `--encoding cp1252|latin1` converts a CSV whose encoding the user names.
#include <sys/resource.h>

#include <chrono>

#include <gtest/gtest.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

struct Workspace : testing::EmptyWorkspace {
  Workspace() { EXPECT_EQ(init_exit_code, 0); }
};

// "é" in Windows-1252 and Latin-1: one byte, 0xE9, which UTF-8 never has alone.
const std::string kFacilities =
    "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n"
    "P1602010202,TUGU MULYO,puskesmas,-3.868225,104.888237\n"
    "P1602020202,MAKARTI MULYA caf\xE9,puskesmas,-3.91405,105.113968\n";

TEST(ImportText, ACp1252FileIsRefusedNamingLineAndColumnAndNothingIsStored) {
  Workspace w;
  const std::string before = testing::DumpWorkspace(w.ws);
  const auto file = w.dir.Write("faskes.csv", kFacilities);
  auto r = w.Import("facilities", file);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(file + ":3:2: galat: nama_faskes: bukan teks UTF-8 (byte ke-18"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("CSV UTF-8"), std::string::npos) << "says how to fix it";
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
  auto en = RunCommand(J("--lang en import facilities " + file + " --workspace " + w.ws));
  EXPECT_NE(en.out.find(file + ":3:2: error: nama_faskes: not UTF-8 text (byte 18"),
            std::string::npos)
      << en.out;
}

TEST(ImportText, NamingTheEncodingConvertsIt) {
  Workspace w;
  const auto file = w.dir.Write("faskes.csv", kFacilities);
  for (const char* encoding : {"cp1252", "latin1"}) {
    auto r = w.Import("facilities", file, std::string("--encoding ") + encoding);
    EXPECT_EQ(r.exit_code, 0) << encoding << r.out;
  }
  auto shown = RunCommand(J("show facilities --workspace " + w.ws + " --format csv"));
  EXPECT_NE(shown.out.find("MAKARTI MULYA caf\xC3\xA9"), std::string::npos) << shown.out;
  EXPECT_EQ(RunCommand(J("check --workspace " + w.ws)).exit_code, 0);
}

TEST(ImportText, ABytesThatTheNamedEncodingLacksIsRefused) {
  Workspace w;
  // 0x81 is undefined in Windows-1252.
  const auto file = w.dir.Write("faskes.csv",
                                "kode_faskes,nama_faskes,jenis_faskes\n"
                                "P1602010202,TUGU\x81MULYO,puskesmas\n");
  auto r = w.Import("facilities", file, "--encoding cp1252");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("byte ke-54 tidak terdefinisi dalam pengodean cp1252"), std::string::npos)
      << r.out;
  // An encoding is a property of text files: naming one for a spreadsheet is refused.
  auto xlsx = w.Import("facilities", w.dir.File("faskes.xlsx"), "--encoding cp1252");
  EXPECT_NE(xlsx.exit_code, 0);
  EXPECT_NE(xlsx.out.find("hanya dapat disebutkan untuk berkas CSV"), std::string::npos)
      << xlsx.out;
  auto unknown = w.Import("facilities", file, "--encoding ebcdic");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
}

TEST(ImportText, AForeignByteInAHeaderIsRefusedNamingTheColumn) {
  Workspace w;
  const auto file = w.dir.Write("faskes.csv",
                                "kode_faskes,nama_faskes,jenis_faskes,keterangan\xE9\n"
                                "P1602010202,TUGU MULYO,puskesmas,x\n");
  auto r = w.Import("facilities", file);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("judul kolom ke-4 bukan teks UTF-8"), std::string::npos) << r.out;
}

// Every kind reads through the same reader: one foreign byte in a text cell of each kind's
// file is refused with its place.
TEST(ImportText, EveryKindRefusesAForeignByte) {
  Workspace w;
  ASSERT_EQ(
      w.Import("facilities", w.dir.Write("f.csv",
                                         "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n"
                                         "P1602010202,TUGU MULYO,puskesmas,-3.868225,104.888237\n"))
          .exit_code,
      0);
  struct Case {
    const char* kind;
    std::string text;
    const char* place;  // line:column of the foreign byte
  };
  const std::vector<Case> cases = {
      {"staff",
       "kode_faskes,nama,jenis_tenaga,status_kepegawaian,tanggal_lahir\n"
       "P1602010202,Siti,bidan,PNS,1985-08-17\nP1602010202,Ren\xE9,perawat,PNS,1980-01-01\n",
       ":3:2:"},
      {"equipment",
       "kode_faskes,kode_alat,nama_alat,kondisi,jumlah\nP1602010202,TENSI,Tensimeter "
       "caf\xE9,baik,2\n",
       ":2:3:"},
      {"services", "kode_faskes,tahun,kegiatan,jumlah\nP1602010202,2025,kunjungan\xE9,100\n",
       ":2:3:"},
      {"regions", "kode,nama,tingkat\n16.02,Ogan Komering Il\xEDr,kabupaten\n", ":2:2:"},
  };
  for (const Case& c : cases) {
    const std::string before = testing::DumpWorkspace(w.ws);
    const auto file = w.dir.Write(std::string(c.kind) + ".csv", c.text);
    auto r = w.Import(c.kind, file);
    EXPECT_EQ(r.exit_code, 1) << c.kind << r.out;
    EXPECT_NE(r.out.find(file + c.place + " galat:"), std::string::npos) << c.kind << r.out;
    EXPECT_NE(r.out.find("bukan teks UTF-8"), std::string::npos) << c.kind << r.out;
    EXPECT_EQ(testing::DumpWorkspace(w.ws), before) << c.kind;
  }
}

// A header with the same column twice (after normalising "Nama" and "nama") is refused: which
// one was meant cannot be told.
TEST(ImportText, AColumnTwiceInTheHeaderIsRefused) {
  Workspace w;
  const std::string before = testing::DumpWorkspace(w.ws);
  const auto file = w.dir.Write("faskes.csv",
                                "kode_faskes,Nama Faskes,jenis_faskes,nama_faskes\n"
                                "P1602010202,TUGU MULYO,puskesmas,LAIN\n");
  auto r = w.Import("facilities", file);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("kolom 'nama_faskes' muncul dua kali di baris judul (kolom ke-2 dan ke-4)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
}

// An unbalanced quote used to swallow the next row into a name.
TEST(ImportText, AnUnbalancedQuoteIsRefusedWhereItOpens) {
  Workspace w;
  const std::string before = testing::DumpWorkspace(w.ws);
  const auto file = w.dir.Write("faskes.csv",
                                "kode_faskes,nama_faskes,jenis_faskes\n"
                                "P1602010202,\"TUGU MULYO,puskesmas\n"
                                "P1602020202,MAKARTI MULYA,puskesmas\n"
                                "P1602020203,\"X\",puskesmas\n");
  auto r = w.Import("facilities", file);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(file + ":2:2: galat: nama_faskes: sel berisi pindah baris"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
}

// A BPS code is digits of the level's length: NaN or 1e308 from a spreadsheet is refused.
TEST(ImportText, ABpsCodeThatIsNotOneIsRefused) {
  for (const char* bad : {"NaN", "1e308", "16020310", "160203100A"}) {
    Workspace w;
    const auto file =
        w.dir.Write("wilayah.csv", std::string("kode,nama,tingkat,kode_bps\n"
                                               "16,Sumatera Selatan,provinsi,16\n"
                                               "16.02,Ogan Komering Ilir,kabupaten,1602\n"
                                               "16.02.02,Pedamaran,kecamatan,1602031\n"
                                               "16.02.02.2001,Ulak Kapal,desa,") +
                                       bad + "\n");
    auto r = w.Import("regions", file);
    EXPECT_EQ(r.exit_code, 1) << bad << r.out;
    EXPECT_NE(r.out.find(file + ":5:4: galat:"), std::string::npos) << bad << r.out;
  }
}

// GDAL reads [NaN, NaN] as POINT EMPTY; it used to import as "no coordinates" and clear the
// facility's stored ones.
TEST(ImportText, APointAtNaNIsRefusedAndTheStoredCoordinatesStay) {
  Workspace w;
  ASSERT_EQ(
      w.Import("facilities", w.dir.Write("f.csv",
                                         "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n"
                                         "P1602010202,TUGU MULYO,puskesmas,-3.868225,104.888237\n"))
          .exit_code,
      0);
  const std::string before = testing::DumpWorkspace(w.ws);
  const auto file = w.dir.Write(
      "f.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
      R"({"kode_faskes":"P1602010202","nama_faskes":"TUGU MULYO","jenis_faskes":"puskesmas"},)"
      R"("geometry":{"type":"Point","coordinates":[NaN,NaN]}}]})");
  auto r = w.Import("facilities", file);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("geometri kosong atau koordinatnya bukan angka"), std::string::npos)
      << r.out;
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
}

// A self-intersecting village boundary (a bow tie) is refused naming the village and the
// place GEOS found; with --make-valid it is repaired and the change reported.
TEST(ImportText, ASelfIntersectingBoundaryIsRefusedOrRepairedWhenAsked) {
  Workspace w;
  const auto file = w.dir.Write(
      "wilayah.geojson",
      R"({"type":"FeatureCollection","features":[)"
      R"({"type":"Feature","properties":{"kode":"16","nama":"Sumatera Selatan"},"geometry":null},)"
      R"({"type":"Feature","properties":{"kode":"16.02","nama":"OKI"},"geometry":null},)"
      R"({"type":"Feature","properties":{"kode":"16.02.02","nama":"Pedamaran"},"geometry":null},)"
      R"({"type":"Feature","properties":{"kode":"16.02.02.2001","nama":"Ulak Kapal"},)"
      R"("geometry":{"type":"Polygon","coordinates":[[[105,-3.5],[105.1,-3.4],[105.1,-3.5],)"
      R"([105,-3.4],[105,-3.5]]]}}]})");
  const std::string before = testing::DumpWorkspace(w.ws);
  auto refused = w.Import("regions", file);
  EXPECT_EQ(refused.exit_code, 1) << refused.out;
  EXPECT_NE(refused.out.find(":5: galat: batas wilayah 16.02.02.2001 bukan poligon yang sah "
                             "(GEOS: Self-intersection"),
            std::string::npos)
      << refused.out;
  EXPECT_EQ(refused.out.find("Warning 1"), std::string::npos) << "GDAL's own line is inside ours";
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
  auto repaired = w.Import("regions", file, "--make-valid");
  EXPECT_EQ(repaired.exit_code, 0) << repaired.out;
  EXPECT_NE(repaired.out.find("batas wilayah 16.02.02.2001 (Ulak Kapal) tidak sah dan diperbaiki"),
            std::string::npos)
      << repaired.out;
  EXPECT_EQ(RunCommand(J("check --workspace " + w.ws)).exit_code, 0);
}

// A spreadsheet is a zip archive: one whose content expands past the limit (the issue's case: a
// 1 MB file whose shared strings expand to 1 GiB) is refused from the archive's directory, before
// any of it is inflated: within 5 s and under 200 MB (the child's peak resident memory).
TEST(ImportText, AZipBombSpreadsheetIsRefusedBeforeItIsRead) {
  Workspace w;
  const std::string bomb = w.dir.File("bom.xlsx");
  const std::string make =
      "python3 -c \"import zipfile,sys\n"
      "z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n"
      "z.writestr('[Content_Types].xml', '<Types/>')\n"
      "z.writestr('xl/workbook.xml', '<workbook/>')\n"
      "with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as f:\n"
      "    block = b' ' * (1 << 20)\n"
      "    for _ in range(1024): f.write(block)\n"
      "z.close()\" " +
      bomb;
  ASSERT_EQ(RunCommand(make).exit_code, 0);
  EXPECT_LT(testing::ReadFile(bomb).size(), 2u << 20);
  const std::string before = testing::DumpWorkspace(w.ws);
  const auto start = std::chrono::steady_clock::now();
  auto r = w.Import("facilities", bomb);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);  // the largest child so far: the import (KiB on Linux)
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("terurai menjadi 1024 MiB, melebihi batas 128 MiB"), std::string::npos)
      << r.out;
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
  EXPECT_LT(seconds, 5.0);
  EXPECT_LT(usage.ru_maxrss, 200 * 1024);
}

// Found by the property test (import_property_test.cc): what GDAL would read quietly as
// something else than the file says is refused with its place, and nothing is written.
TEST(ImportText, BytesGdalWouldReadQuietlyAsSomethingElseAreRefusedWithTheirPlace) {
  struct Case {
    const char* what;
    std::string text;
    std::string place;  // after the file name
  };
  const std::string header = "kode_faskes,nama_faskes,jenis_faskes\n";
  const std::vector<Case> cases = {
      // GDAL ends the line at a NUL: the rest of the row (or the whole row) would vanish.
      {"NUL in a name", header + "P1602010202,TUGU" + std::string(1, '\0') + "MULYO,puskesmas\n",
       ":2:17: byte NUL"},
      {"NUL first", header + std::string(1, '\0') + "P1602010202,TUGU MULYO,puskesmas\n",
       ":2:1: byte NUL"},
      // A quote opened on the last line: the record would end inside it, columns swallowed.
      {"open quote at the end", header + "P1602010202,\"TUGU MULYO,puskesmas\n",
       ":2:13: tanda kutip ini tidak pernah ditutup"},
      // A quote left open in the header: the whole file would read as the header.
      {"open quote in the header", "kode_faskes,\"nama_faskes,jenis_faskes\nP1,A,puskesmas\n",
       ":1:13: tanda kutip ini tidak pernah ditutup"},
      // A first line without a comma is no CSV header at all.
      {"header without a comma", "kode_fa\nskes,nama_faskes\nP1,A\n",
       ":1: baris judul tidak terbaca sebagai judul CSV"},
      // A stray character is not a spelling of any choice: ";ns" is not "ns" (Nusantara Sehat).
      {"stray character in a choice", header + "P1602010202,TUGU MULYO,puskesmas;\n",
       ":2:3: galat: jenis_faskes: 'puskesmas;'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Workspace w;
    const std::string before = testing::DumpWorkspace(w.ws);
    const auto file = w.dir.Write("faskes.csv", c.text);
    auto r = w.Import("facilities", file);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find(file + c.place), std::string::npos) << r.out;
    EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
  }
}

TEST(ImportText, AChoiceWithAStrayCharacterIsNotReadAsAnotherChoice) {
  Workspace w;
  ASSERT_EQ(w.ImportText("regions", "w.csv",
                         "kode,nama,tingkat,kode_bps\n16,Sumatera Selatan,provinsi,16\n"
                         "16.02,OKI,kabupaten,1602\n16.02.01,Lempuing,kecamatan,1602010\n")
                .exit_code,
            0);
  ASSERT_EQ(w.ImportText("facilities", "f.csv",
                         "kode_faskes,nama_faskes,jenis_faskes,kode_kecamatan\n"
                         "P1602010202,TUGU MULYO,puskesmas,16.02.01\n")
                .exit_code,
            0);
  const std::string before = testing::DumpWorkspace(w.ws);
  auto r = w.ImportText("staff-counts", "j.csv",
                        "kode_faskes,jenis_tenaga,status_kepegawaian,jumlah\n"
                        "P1602010202,bidan,;ns,3\n");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("j.csv:2:3: galat: status_kepegawaian: ';ns'"), std::string::npos) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(w.ws), before);
  // The spellings people type still read: "Nusantara Sehat", "drg.", "PNS ".
  r = w.ImportText("staff-counts", "ok.csv",
                   "kode_faskes,jenis_tenaga,status_kepegawaian,jumlah\n"
                   "P1602010202,drg.,Nusantara Sehat,1\nP1602010202,Bidan,PNS ,3\n");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
}  // namespace jangkau
