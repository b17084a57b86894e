// Tools for the access benchmark (scripts/bench.sh): `make-grid ROWS COLS SOURCES SEED DIR`
// writes a random friction GeoTIFF (10% impassable, 1-10 elsewhere, EPSG:32748, 100 m) and
// its sources (sources.csv for Jangkau, coords.txt for GRASS); `compare OURS OURS_NEAREST
// GRASS GRASS_NEAREST` prints the parity figures: cells reachable in one only, cells beyond
// 1e-4 x t + 1e-3, the largest relative difference, and the share with the same nearest source.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

namespace {

int MakeGrid(int rows, int cols, int sources, unsigned seed, const std::string& dir) {
  GDALAllRegister();
  const std::string path = dir + "/friction.tif";
  const char* options[] = {"TILED=YES", "BIGTIFF=IF_SAFER", nullptr};
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), cols, rows, 1,
                               GDT_Float32, const_cast<char**>(options));
  if (ds == nullptr) return 1;
  double gt[6] = {400000, 100, 0, 10000000, 0, -100};
  GDALSetGeoTransform(ds, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 32748);
  char* wkt = nullptr;
  OSRExportToWkt(srs, &wkt);
  GDALSetProjection(ds, wkt);
  CPLFree(wkt);
  OSRDestroySpatialReference(srs);
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  GDALSetRasterNoDataValue(band, -9999);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(0, 1);
  std::vector<float> row(static_cast<std::size_t>(cols));
  std::vector<std::vector<bool>> passable(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    passable[r].resize(static_cast<std::size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      const float v = u(rng);
      row[c] = v < 0.1f ? -9999.0f : 1 + 9 * u(rng);
      passable[r][c] = row[c] > 0;
    }
    if (GDALRasterIO(band, GF_Write, 0, r, cols, 1, row.data(), cols, 1, GDT_Float32, 0, 0) !=
        CE_None) {
      return 1;
    }
  }
  GDALClose(ds);
  std::ofstream csv(dir + "/sources.csv");
  std::ofstream coords(dir + "/coords.txt");
  csv << "x,y\n";
  for (int s = 0; s < sources;) {
    const int r = static_cast<int>(rng() % rows);
    const int c = static_cast<int>(rng() % cols);
    if (!passable[r][c]) continue;
    const double x = 400000 + (c + 0.5) * 100;
    const double y = 10000000 - (r + 0.5) * 100;
    csv << std::to_string(x) << "," << std::to_string(y) << "\n";
    coords << (s > 0 ? "," : "") << std::to_string(x) << "," << std::to_string(y);
    ++s;
  }
  return 0;
}

std::vector<double> Read(const std::string& path, double& nodata) {
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  if (ds == nullptr) return {};
  const int cols = GDALGetRasterXSize(ds);
  const int rows = GDALGetRasterYSize(ds);
  std::vector<double> v(static_cast<std::size_t>(rows) * cols);
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  int has = 0;
  nodata = GDALGetRasterNoDataValue(band, &has);
  if (GDALRasterIO(band, GF_Read, 0, 0, cols, rows, v.data(), cols, rows, GDT_Float64, 0, 0) !=
      CE_None) {
    v.clear();
  }
  GDALClose(ds);
  return v;
}

int Compare(const std::string& ours, const std::string& ours_near, const std::string& grass,
            const std::string& grass_near) {
  GDALAllRegister();
  double nd_a = 0, nd_b = 0, nd_na = 0, nd_nb = 0;
  const auto a = Read(ours, nd_a);
  const auto b = Read(grass, nd_b);
  const auto na = Read(ours_near, nd_na);
  const auto nb = Read(grass_near, nd_nb);
  if (a.empty() || a.size() != b.size() || na.size() != a.size() || nb.size() != a.size()) {
    std::printf("compare: unreadable or different sizes\n");
    return 1;
  }
  std::size_t only_one = 0, both = 0, beyond = 0, same = 0;
  double max_rel = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool ra = a[i] != nd_a;
    const bool rb = !std::isnan(b[i]) && b[i] != nd_b;
    if (ra != rb) {
      ++only_one;
      continue;
    }
    if (!ra) continue;
    ++both;
    const double d = std::abs(a[i] - b[i]);
    if (d > 1e-4 * b[i] + 1e-3) ++beyond;
    if (b[i] > 0) max_rel = std::max(max_rel, d / b[i]);
    same += static_cast<int>(na[i]) == static_cast<int>(nb[i]) - 1;  // GRASS counts from 1
  }
  std::printf(
      "reachable_in_one_only=%zu beyond_tolerance=%zu max_rel_diff=%.2e same_nearest=%.5f%%\n",
      only_one, beyond, max_rel, both ? 100.0 * same / both : 0.0);
  return only_one == 0 && beyond == 0 ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "make-grid" && argc == 7) {
    return MakeGrid(std::stoi(argv[2]), std::stoi(argv[3]), std::stoi(argv[4]),
                    static_cast<unsigned>(std::stoul(argv[5])), argv[6]);
  }
  if (cmd == "compare" && argc == 6) return Compare(argv[2], argv[3], argv[4], argv[5]);
  std::fprintf(stderr,
               "usage: access_tools make-grid ROWS COLS SOURCES SEED DIR | compare OURS OURS_N "
               "GRASS GRASS_N\n");
  return 2;
}
