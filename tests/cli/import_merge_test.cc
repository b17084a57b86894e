// Issue 11: an import changes only what its file says. A column absent leaves the stored value;
// a column present and empty clears it (docs/templates.md).
#include <gtest/gtest.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

struct Workspace : testing::EmptyWorkspace {
  Workspace() { EXPECT_EQ(init_exit_code, 0); }
  // Imports `text` as `name`; the import must succeed.
  void MustImport(const std::string& kind, const std::string& name, const std::string& text) {
    const auto r = ImportText(kind, name, text);
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }
};

const char* kRegions =
    R"({"type":"FeatureCollection","features":[)"
    R"({"type":"Feature","properties":{"kode":"16","nama":"Sumatera Selatan","kode_bps":"16"},"geometry":null},)"
    R"({"type":"Feature","properties":{"kode":"16.02","nama":"OKI","kode_bps":"1602"},"geometry":null},)"
    R"({"type":"Feature","properties":{"kode":"16.02.02","nama":"Pedamaran","kode_bps":"1602031"},)"
    R"("geometry":{"type":"Polygon","coordinates":[[[105,-3.5],[105.2,-3.5],[105.2,-3.3],[105,-3.3],[105,-3.5]]]}}]})";

TEST(ImportMerge, AFacilitiesFileWithSomeColumnsChangesOnlyThose) {
  Workspace w;
  w.MustImport("regions", "wilayah.geojson", kRegions);
  w.MustImport(
      "facilities", "full.csv",
      "kode_faskes,nama_faskes,jenis_faskes,kode_kecamatan,kode_kec_bps,alamat,lat,lon,status\n"
      "P1602010202,TUGU MULYO,puskesmas,16.02.02,1602031,Jl. Lintas Timur,-3.4,105.1,buka\n");
  const std::string before = w.Show("facilities");
  ASSERT_NE(before.find("Jl. Lintas Timur"), std::string::npos) << before;
  // Only the name and the accreditation: the address, codes, coordinates and status stay. The
  // summary says what was new and what was already there.
  auto part = RunCommand(J("import facilities " +
                           w.dir.Write("part.csv",
                                       "kode_faskes,nama_faskes,jenis_faskes,akreditasi\n"
                                       "P1602010202,TUGU MULYO BARU,puskesmas,Paripurna\n"
                                       "P1602020202,MAKARTI MULYA,puskesmas,\n") +
                           " --workspace " + w.ws));
  EXPECT_EQ(part.exit_code, 0) << part.out;
  EXPECT_NE(part.out.find("2 baris disimpan (1 baru, 1 sudah ada dan diperbarui"),
            std::string::npos)
      << part.out;
  const std::string after = w.Show("facilities");
  EXPECT_NE(after.find("TUGU MULYO BARU"), std::string::npos) << after;
  EXPECT_NE(after.find("Paripurna"), std::string::npos) << after;
  for (const char* kept : {"Jl. Lintas Timur", "16.02.02", "1602031", "-3.4", "105.1"}) {
    EXPECT_NE(after.find(kept), std::string::npos) << kept << "\n" << after;
  }
  // A column present and empty is an explicit clear.
  w.MustImport("facilities", "clear.csv",
               "kode_faskes,nama_faskes,jenis_faskes,alamat\n"
               "P1602010202,TUGU MULYO BARU,puskesmas,\n");
  const std::string cleared = w.Show("facilities");
  EXPECT_EQ(cleared.find("Jl. Lintas Timur"), std::string::npos) << cleared;
  EXPECT_NE(cleared.find("105.1"), std::string::npos) << cleared;
  EXPECT_EQ(RunCommand(J("check --workspace " + w.ws)).exit_code, 0);
}

TEST(ImportMerge, RegionsFromACsvKeepTheStoredBoundariesAndBpsCodes) {
  Workspace w;
  w.MustImport("regions", "wilayah.geojson", kRegions);
  const std::string before = w.Show("regions");
  ASSERT_NE(before.find("105.1"), std::string::npos) << "the centroid of the boundary: " << before;
  // New names from a CSV: no geometry, no kode_bps column.
  w.MustImport(
      "regions", "nama.csv",
      "kode,nama,tingkat\n16,Sumatera Selatan,provinsi\n16.02,Ogan Komering Ilir,kabupaten\n"
      "16.02.02,Kecamatan Pedamaran,kecamatan\n");
  const std::string after = w.Show("regions");
  EXPECT_NE(after.find("Kecamatan Pedamaran,kecamatan,1602031,105.1"), std::string::npos) << after;
  EXPECT_NE(after.find("Ogan Komering Ilir,kabupaten,1602"), std::string::npos) << after;
}

// A workbook cut short: GDAL's "ERROR 1: ..." used to be printed before an import of the rows
// read so far. The reading error is now inside Jangkau's refusal, with the place.
TEST(ImportMerge, AWorkbookCutShortIsRefusedWithGdalsReasonInside) {
  Workspace w;
  w.MustImport("facilities", "f.csv",
               "kode_faskes,nama_faskes,jenis_faskes\nP1,SATU,puskesmas\nP2,DUA,puskesmas\n"
               "P3,TIGA,puskesmas\n");
  const std::string xlsx = w.dir.File("f.xlsx");
  ASSERT_EQ(RunCommand(J("export facilities --workspace " + w.ws + " --format xlsx --out " + xlsx))
                .exit_code,
            0);
  // Keep the sheet's XML up to the middle of its third row.
  const std::string cut = w.dir.File("cut.xlsx");
  ASSERT_EQ(
      RunCommand("python3 -c \"import zipfile,sys\n"
                 "src = zipfile.ZipFile(sys.argv[1])\n"
                 "dst = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)\n"
                 "for item in src.infolist():\n"
                 "    data = src.read(item.filename)\n"
                 "    if item.filename == 'xl/worksheets/sheet1.xml':\n"
                 "        rows = [i for i in range(len(data)) if data.startswith(b'<row', i)]\n"
                 "        data = data[:rows[2] + 20]\n"
                 "    dst.writestr(item, data)\n"
                 "dst.close()\" " +
                 xlsx + " " + cut)
          .exit_code,
      0);
  Workspace other;
  const std::string before = testing::DumpWorkspace(other.ws);
  auto r = RunCommand(J("import facilities " + cut + " --workspace " + other.ws));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("galat: pembacaan berhenti setelah baris"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ERROR 1"), std::string::npos) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(other.ws), before);
}

}  // namespace
}  // namespace jangkau
