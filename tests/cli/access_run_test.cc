// `jangkau access run` on the bundled OKI sample, end to end.
#include <filesystem>
#include <fstream>

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::DistrictImports;
using testing::J;
using testing::kData;
using testing::RunCommand;
using testing::SampleWorkspace;
using testing::SplitCsv;
using testing::TempDir;

// OKI at 10 m would be about 4e8 cells (4.06 M at 100 m, docs/scale.md), beyond what a model
// may take: refused before anything is allocated, naming the resolution; nothing written.
TEST(AccessRun, AGridLargerThanMemoryIsRefusedNamingTheResolution) {
  TempDir dir;
  const std::string ws = SampleWorkspace(dir, "oki", DistrictImports("oki"));
  const std::string out = dir.File("akses");
  auto id = RunCommand(J("access run --workspace " + ws + " --resolution 10 --out " + out));
  EXPECT_EQ(id.exit_code, 1) << id.out;
  EXPECT_NE(id.out.find("resolution: grid "), std::string::npos) << id.out;
  EXPECT_NE(id.out.find(" sel pada 10 m memerlukan sekitar "), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("pilih resolusi yang lebih kasar"), std::string::npos) << id.out;
  auto en =
      RunCommand(J("--lang en access run --workspace " + ws + " --resolution 10 --out " + out));
  EXPECT_EQ(en.exit_code, 1) << en.out;
  EXPECT_NE(en.out.find(" cells at 10 m needs about "), std::string::npos) << en.out;
  EXPECT_TRUE(!std::filesystem::exists(out) || std::filesystem::is_empty(out));
}

TEST(AccessRun, OkiReachPerVillageKecamatanAndKabupaten) {
  TempDir dir;
  const std::string d = kData + "/districts/oki/";
  auto imports = DistrictImports("oki");
  imports.insert(imports.end(),
                 {{"rivers", "network/gshhg_wdbii_rivers_ssumatra.geojson"},
                  {"water", "network/laut_gshhg_ssumatra.geojson"},
                  {"swamp", "network/sumsel_peat_thickness_class_polygons.geojson"}});
  const std::string ws = SampleWorkspace(dir, "oki", imports);
  const std::string out = dir.File("akses");
  auto r = RunCommand(J("access run --workspace " + ws + " --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PERKIRAAN"), std::string::npos);  // the road approximation is named
  EXPECT_NE(r.out.find("Penduduk di luar 60 dan 120 menit"), std::string::npos);
  // RSUD Kayuagung's coordinates fall outside OKI (data/SOURCES.md): left out, said so.
  EXPECT_NE(r.out.find("R1602014"), std::string::npos);

  // The kabupaten rows add up the village populations of penduduk.csv (desa rows).
  double desa_population = 0;
  {
    std::ifstream in(d + "penduduk.csv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const auto cells = SplitCsv(line);
      if (std::count(cells[0].begin(), cells[0].end(), '.') == 3)
        desa_population += std::stod(cells[2]);
    }
  }
  std::ifstream csv(out + "/akses_wilayah.csv");
  std::string line;
  std::getline(csv, line);
  const auto header = SplitCsv(line);
  auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  int kabupaten_rows = 0;
  int desa_rows = 0;
  while (std::getline(csv, line)) {
    const auto c = SplitCsv(line);
    const double pop = std::stod(c[col("penduduk")]);
    const double p30 = c[col("persen_30")].empty() ? 0 : std::stod(c[col("persen_30")]);
    const double p60 = c[col("persen_60")].empty() ? 0 : std::stod(c[col("persen_60")]);
    const double p120 = c[col("persen_120")].empty() ? 0 : std::stod(c[col("persen_120")]);
    EXPECT_LE(p30, p60 + 1e-9);
    EXPECT_LE(p60, p120 + 1e-9);
    EXPECT_LE(p120, 100 + 1e-9);
    EXPECT_EQ(c[col("jalan_perkiraan")], "ya");
    if (c[col("tingkat")] == "kabupaten") {
      ++kabupaten_rows;
      EXPECT_NEAR(pop, desa_population, 1e-6 * desa_population) << c[col("tujuan")];
    }
    if (c[col("tingkat")] == "desa" && c[col("tujuan")] == "puskesmas") ++desa_rows;
  }
  EXPECT_EQ(kabupaten_rows, 3);  // puskesmas, fktp, rs
  EXPECT_EQ(desa_rows, 327);

  GDALAllRegister();
  GDALDatasetH t = GDALOpen((out + "/waktu_puskesmas.tif").c_str(), GA_ReadOnly);
  ASSERT_NE(t, nullptr);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(GDALGetProjectionRef(t));
  EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "32748");
  OSRDestroySpatialReference(srs);
  GDALClose(t);
  GDALDatasetH g =
      GDALOpenEx((out + "/akses_desa.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(OGR_L_GetFeatureCount(GDALDatasetGetLayer(g, 0), 1), 327);
  GDALClose(g);
  // One catchment (or more pieces) per puskesmas reached.
  GDALDatasetH c = GDALOpenEx((out + "/wilayah_layanan_puskesmas.gpkg").c_str(), GDAL_OF_VECTOR,
                              nullptr, nullptr, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_GE(OGR_L_GetFeatureCount(GDALDatasetGetLayer(c, 0), 1), 25);
  GDALClose(c);
}

}  // namespace
}  // namespace jangkau
