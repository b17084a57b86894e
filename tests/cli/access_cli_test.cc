// `jangkau access solve` from outside: refused inputs name the file and row, and on random
// grids with impassable cells the result matches GRASS r.cost (when grass-core is installed;
// `make test` installs it).
#include <cmath>
#include <filesystem>
#include <random>

#include <cpl_conv.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::RunCommand;
using testing::TempDir;

using testing::J;

// Gives a dataset 100 m cells from (400000, 9600000) in EPSG:32748 (UTM 48S).
void SetGrid(GDALDatasetH ds, bool crs = true) {
  double gt[6] = {400000, 100, 0, 9600000, 0, -100};
  GDALSetGeoTransform(ds, gt);
  if (!crs) return;
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 32748);
  char* wkt = nullptr;
  OSRExportToWkt(srs, &wkt);
  GDALSetProjection(ds, wkt);
  CPLFree(wkt);
  OSRDestroySpatialReference(srs);
}

// Writes a Float32 GeoTIFF (EPSG:32748 unless `crs` is false) from row-major values.
void WriteTiff(const std::string& path, int rows, int cols, const std::vector<float>& values,
               bool crs = true) {
  GDALAllRegister();
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), cols, rows, 1, GDT_Float32, nullptr);
  SetGrid(ds, crs);
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  GDALSetRasterNoDataValue(band, -9999);
  (void)GDALRasterIO(band, GF_Write, 0, 0, cols, rows, const_cast<float*>(values.data()), cols,
                     rows, GDT_Float32, 0, 0);
  GDALClose(ds);
}

std::vector<double> ReadTiff(const std::string& path, double* nodata) {
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  if (ds == nullptr) return {};
  const int cols = GDALGetRasterXSize(ds);
  const int rows = GDALGetRasterYSize(ds);
  std::vector<double> v(static_cast<std::size_t>(rows) * cols);
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  int has = 0;
  *nodata = GDALGetRasterNoDataValue(band, &has);
  (void)GDALRasterIO(band, GF_Read, 0, 0, cols, rows, v.data(), cols, rows, GDT_Float64, 0, 0);
  GDALClose(ds);
  return v;
}

double X(int col) { return 400000 + (col + 0.5) * 100; }
double Y(int row) { return 9600000 - (row + 0.5) * 100; }

TEST(AccessSolveCli, BadInputsAreRefusedNamingFileAndRow) {
  TempDir dir;
  const std::string f = dir.File("f.tif");
  std::vector<float> v(100, 1.0f);
  v[55] = -9999;  // row 5, column 5 (0-based) impassable
  WriteTiff(f, 10, 10, v);
  const std::string out = dir.File("t.tif");
  auto outside = RunCommand(J(
      "access solve --friction " + f + " --sources " +
      dir.Write("s.csv", "x,y\n" + std::to_string(X(1)) + "," + std::to_string(Y(1)) + "\n1,2\n") +
      " --out " + out));
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.out.find("s.csv:3: galat: titik (1, 2) di luar grid"), std::string::npos)
      << outside.out;
  const std::string on_barrier =
      dir.Write("b.csv", "x,y,id\n" + std::to_string(X(5)) + "," + std::to_string(Y(5)) + ",P1\n");
  auto barrier =
      RunCommand(J("access solve --friction " + f + " --sources " + on_barrier + " --out " + out));
  EXPECT_EQ(barrier.exit_code, 1);
  EXPECT_NE(barrier.out.find("b.csv:2: galat"), std::string::npos);
  EXPECT_NE(barrier.out.find("--snap"), std::string::npos);
  auto snapped = RunCommand(J("access solve --friction " + f + " --sources " + on_barrier +
                              " --out " + out + " --snap 150"));
  EXPECT_EQ(snapped.exit_code, 0) << snapped.out;
  EXPECT_NE(snapped.out.find("P1 dipindah 100 m"), std::string::npos);

  auto no_xy = RunCommand(J("access solve --friction " + f + " --sources " +
                            dir.Write("n.csv", "lon,lat\n1,2\n") + " --out " + out));
  EXPECT_EQ(no_xy.exit_code, 1);
  EXPECT_NE(no_xy.out.find("n.csv:1: galat: kolom wajib 'x'"), std::string::npos);

  const std::string nocrs = dir.File("nocrs.tif");
  WriteTiff(nocrs, 10, 10, std::vector<float>(100, 1.0f), false);
  auto crs = RunCommand(
      J("access solve --friction " + nocrs + " --sources " + on_barrier + " --out " + out));
  EXPECT_EQ(crs.exit_code, 1);
  EXPECT_NE(crs.out.find("tidak punya sistem koordinat"), std::string::npos);

  std::vector<float> negative(100, 1.0f);
  negative[23] = -2;
  const std::string neg = dir.File("neg.tif");
  WriteTiff(neg, 10, 10, negative);
  auto n = RunCommand(
      J("access solve --friction " + neg + " --sources " + on_barrier + " --out " + out));
  EXPECT_EQ(n.exit_code, 1);
  EXPECT_NE(n.out.find("baris 3, kolom 4: friksi negatif -2"), std::string::npos) << n.out;
}

// A few kilobytes of compressed GeoTIFF may declare 10^10 cells: refused from its header, with
// its size and the memory it would need, before anything is allocated (no crash, no hang).
TEST(AccessSolveCli, ARasterLargerThanMemoryIsRefusedFromItsHeader) {
  TempDir dir;
  const std::string huge = dir.File("huge.tif");
  GDALAllRegister();
  const char* options[] = {"TILED=YES", "COMPRESS=DEFLATE", "SPARSE_OK=TRUE", "BIGTIFF=YES",
                           nullptr};
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), huge.c_str(), 100000, 100000, 1,
                               GDT_Float32, const_cast<char**>(options));
  ASSERT_NE(ds, nullptr);
  SetGrid(ds);
  GDALClose(ds);
  const std::string sources =
      dir.Write("s.csv", "x,y\n" + std::to_string(X(1)) + "," + std::to_string(Y(1)) + "\n");
  const std::string out = dir.File("t.tif");
  auto id =
      RunCommand(J("access solve --friction " + huge + " --sources " + sources + " --out " + out));
  EXPECT_EQ(id.exit_code, 1) << id.out;
  EXPECT_NE(id.out.find("huge.tif: raster 100000 x 100000 sel memerlukan sekitar 120.0 GB"),
            std::string::npos)
      << id.out;
  auto en = RunCommand(
      J("--lang en access solve --friction " + huge + " --sources " + sources + " --out " + out));
  EXPECT_EQ(en.exit_code, 1);
  EXPECT_NE(en.out.find("a raster of 100000 x 100000 cells needs about 120.0 GB of memory"),
            std::string::npos)
      << en.out;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(AccessSolveCli, MatchesGrassRCostOnRandomGrids) {
  if (RunCommand("command -v grass").exit_code != 0) {
    GTEST_SKIP() << "grass-core is not installed (make test installs it)";
  }
  std::mt19937 rng(20261129);
  std::uniform_real_distribution<float> u(0, 1);
  for (int trial = 0; trial < 2; ++trial) {
    TempDir dir;
    const int rows = 150;
    const int cols = 130;
    std::vector<float> v(static_cast<std::size_t>(rows) * cols);
    for (float& x : v) x = u(rng) < 0.15f ? -9999.0f : 1 + 9 * u(rng);
    const std::string f = dir.File("f.tif");
    WriteTiff(f, rows, cols, v);
    std::string csv = "x,y\n";
    std::string coords;
    for (int s = 0; s < 6;) {
      const int r = static_cast<int>(rng() % rows);
      const int c = static_cast<int>(rng() % cols);
      if (v[static_cast<std::size_t>(r) * cols + c] < 0) continue;
      csv += std::to_string(X(c)) + "," + std::to_string(Y(r)) + "\n";
      coords += (coords.empty() ? "" : ",") + std::to_string(X(c)) + "," + std::to_string(Y(r));
      ++s;
    }
    const std::string sources = dir.Write("s.csv", csv);
    for (int n : {8, 16}) {
      const std::string ours = dir.File("t" + std::to_string(n) + ".tif");
      const std::string near = dir.File("n" + std::to_string(n) + ".tif");
      ASSERT_EQ(RunCommand(J("access solve --friction " + f + " --sources " + sources + " --out " +
                             ours + " --nearest " + near + " --neighbours " + std::to_string(n)))
                    .exit_code,
                0);
      const std::string theirs = dir.File("g" + std::to_string(n) + ".tif");
      const std::string their_near = dir.File("gn" + std::to_string(n) + ".tif");
      const std::string script =
          "r.in.gdal -o input=" + f + " output=fric --quiet && g.region raster=fric && r.cost " +
          (n == 16 ? "-k " : "") + "input=fric output=tt nearest=near start_coordinates=" + coords +
          " --quiet && r.out.gdal input=tt output=" + theirs +
          " format=GTiff type=Float64 --quiet -f && r.out.gdal input=near output=" + their_near +
          " format=GTiff type=Int32 --quiet -f";
      auto grass = RunCommand("grass --tmp-location EPSG:32748 --exec bash -c '" + script + "'");
      ASSERT_EQ(grass.exit_code, 0) << grass.out;
      double nd_ours = 0;
      double nd_theirs = 0;
      double nd_n = 0;
      double nd_gn = 0;
      const auto a = ReadTiff(ours, &nd_ours);
      const auto b = ReadTiff(theirs, &nd_theirs);
      const auto na = ReadTiff(near, &nd_n);
      const auto nb = ReadTiff(their_near, &nd_gn);
      ASSERT_EQ(a.size(), b.size());
      std::size_t both = 0;
      std::size_t same_nearest = 0;
      for (std::size_t i = 0; i < a.size(); ++i) {
        const bool ra = a[i] != nd_ours;
        const bool rb = !std::isnan(b[i]) && b[i] != nd_theirs;
        ASSERT_EQ(ra, rb) << "cell " << i << " reachable in one only (" << n << " neighbours)";
        if (!ra) continue;
        ++both;
        ASSERT_LE(std::abs(a[i] - b[i]), 1e-4 * b[i] + 1e-3) << "cell " << i;
        // GRASS numbers start coordinates from 1.
        same_nearest += static_cast<int>(na[i]) == static_cast<int>(nb[i]) - 1;
      }
      EXPECT_GT(both, a.size() / 2);
      EXPECT_GE(static_cast<double>(same_nearest), 0.9999 * static_cast<double>(both)) << n;
    }
  }
}

}  // namespace
}  // namespace jangkau
