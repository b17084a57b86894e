// The province of Sumatera Selatan as one workspace (data/province/sumsel): 17 kabupaten/kota,
// 241 kecamatan without desa boundaries, 332 facilities; the access run takes the kecamatan as
// its zones and reports each district apart.
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gdal.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::kData;
using testing::RunCommand;
using testing::SampleWorkspace;
using testing::SplitCsv;
using testing::TempDir;

const std::string kProvince = "province/sumsel/";

std::vector<std::pair<std::string, std::string>> ProvinceImports() {
  return {{"regions", kProvince + "wilayah.geojson --make-valid"},
          {"population", kProvince + "penduduk.csv"},
          {"facilities", kProvince + "faskes_bppsdmk_2019.csv"},
          {"assumptions", kProvince + "asumsi_faskes.csv"},
          {"indicators", kProvince + "indikator_kecamatan.csv"},
          {"rivers", "network/gshhg_wdbii_rivers_ssumatra.geojson"},
          {"water", "network/laut_gshhg_ssumatra.geojson"},
          {"swamp", "network/sumsel_peat_thickness_class_polygons.geojson"}};
}

TEST(Province, AccessRunOverSumateraSelatanReportsEachDistrict) {
  TempDir dir;
  const std::string ws = SampleWorkspace(dir, "sumsel", ProvinceImports());
  const std::string out = dir.File("akses");
  auto r = RunCommand(J("access run --workspace " + ws + " --resolution 2000 --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;

  // What the data files hold: the kabupaten and kecamatan of the boundaries, and the kecamatan
  // population figures (penduduk.csv rows of kecamatan codes).
  std::set<std::string> kabupaten;
  std::set<std::string> kecamatan;
  {
    std::ifstream in(kData + "/" + kProvince + "wilayah.geojson");
    nlohmann::json regions = nlohmann::json::parse(in);
    for (const auto& f : regions["features"]) {
      const std::string level = f["properties"]["tingkat"];
      if (level == "kabupaten") kabupaten.insert(f["properties"]["kode"].get<std::string>());
      if (level == "kecamatan" && !f["geometry"].is_null()) {
        kecamatan.insert(f["properties"]["kode"].get<std::string>());
      }
    }
  }
  ASSERT_EQ(kabupaten.size(), 17u);
  std::map<std::string, double> population_by_kabupaten;
  {
    std::ifstream in(kData + "/" + kProvince + "penduduk.csv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const auto cells = SplitCsv(line);
      if (kecamatan.contains(cells[0])) {
        population_by_kabupaten[cells[0].substr(0, 5)] += std::stod(cells[2]);
      }
    }
  }

  std::ifstream csv(out + "/akses_wilayah.csv");
  std::string line;
  std::getline(csv, line);
  const auto header = SplitCsv(line);
  auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::set<std::string> kabupaten_rows;
  std::set<std::string> kecamatan_rows;
  while (std::getline(csv, line)) {
    const auto c = SplitCsv(line);
    if (c[col("tujuan")] != "puskesmas") continue;
    const std::string& kode = c[col("kode_wilayah")];
    const std::string& level = c[col("tingkat")];
    EXPECT_NE(level, "desa") << kode;
    EXPECT_NE(level, "provinsi") << kode;
    if (level == "kecamatan") kecamatan_rows.insert(kode);
    if (level != "kabupaten") continue;
    kabupaten_rows.insert(kode);
    // Each district sums its own kecamatan, never another's.
    const auto known = population_by_kabupaten.find(kode);
    EXPECT_NEAR(std::stod(c[col("penduduk")]),
                known != population_by_kabupaten.end() ? known->second : 0.0, 1e-6)
        << kode;
    const double p60 = c[col("persen_60")].empty() ? 0 : std::stod(c[col("persen_60")]);
    const double p120 = c[col("persen_120")].empty() ? 0 : std::stod(c[col("persen_120")]);
    EXPECT_LE(p60, p120 + 1e-9) << kode;
    EXPECT_LE(p120, 100 + 1e-9) << kode;
  }
  EXPECT_EQ(kabupaten_rows, kabupaten);
  EXPECT_EQ(kecamatan_rows, kecamatan);
}

// akses_wilayah.csv by (kode_wilayah, tujuan): penduduk, rata_menit, persen_30/60/120 (NaN
// where empty).
std::map<std::pair<std::string, std::string>, std::vector<double>> ReachTable(
    const std::string& path) {
  std::ifstream csv(path);
  std::string line;
  std::getline(csv, line);
  const auto header = SplitCsv(line);
  auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::pair<std::string, std::string>, std::vector<double>> out;
  while (std::getline(csv, line)) {
    const auto c = SplitCsv(line);
    std::vector<double>& v = out[{c[col("kode_wilayah")], c[col("tujuan")]}];
    for (const char* name : {"penduduk", "rata_menit", "persen_30", "persen_60", "persen_120"}) {
      const std::string& cell = c[col(name)];
      v.push_back(cell.empty() ? std::nan("") : std::stod(cell));
    }
  }
  return out;
}

// "  rs: 187510 penduduk dengan waktu ..." lines of a run by kabupaten: people per target (or,
// with `unit`, the "  rs: 12 km2 peta dengan waktu ..." lines: area per target).
std::map<std::string, double> UncertainPeople(const std::string& out,
                                              const std::string& unit = " penduduk dengan waktu") {
  std::map<std::string, double> people;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(": ");
    const auto tail = line.find(unit);
    if (line.rfind("  ", 0) != 0 || colon == std::string::npos || tail == std::string::npos) {
      continue;
    }
    people[line.substr(2, colon - 2)] = std::stod(line.substr(colon + 2, tail - colon - 2));
  }
  return people;
}

// One band of a raster, its geotransform and nodata.
struct Raster {
  int cols = 0;
  int rows = 0;
  std::array<double, 6> gt{};
  double nodata = 0;
  std::vector<double> values;
  double at(int r, int c) const { return values[static_cast<std::size_t>(r) * cols + c]; }
};

Raster ReadRaster(const std::string& path) {
  GDALAllRegister();
  Raster out;
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  EXPECT_NE(ds, nullptr) << path;
  if (ds == nullptr) return out;
  out.cols = GDALGetRasterXSize(ds);
  out.rows = GDALGetRasterYSize(ds);
  GDALGetGeoTransform(ds, out.gt.data());
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  out.nodata = GDALGetRasterNoDataValue(band, nullptr);
  out.values.resize(static_cast<std::size_t>(out.cols) * out.rows);
  EXPECT_EQ(GDALRasterIO(band, GF_Read, 0, 0, out.cols, out.rows, out.values.data(), out.cols,
                         out.rows, GDT_Float64, 0, 0),
            CE_None);
  GDALClose(ds);
  return out;
}

// The facility code of each index of a terdekat_*.csv.
std::map<int, std::string> NearestKey(const std::string& path) {
  std::map<int, std::string> key;
  std::ifstream csv(path);
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "indeks,kode_faskes,nama_faskes") << path;
  while (std::getline(csv, line)) {
    const auto cells = SplitCsv(line);
    key[std::stoi(cells[0])] = cells[1];
  }
  return key;
}

bool Same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

// `access run` on the province workspace `ws` at 2 km as scenario `name`, into dir/name.
std::string RunAtTwoKm(const TempDir& dir, const std::string& ws, const std::string& name,
                       const std::string& options) {
  auto r = RunCommand(J("access run --workspace " + ws + " --resolution 2000 --scenario " + name +
                        " --out " + dir.File(name) + " " + options));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

// Issue 16: the province by kabupaten tiles, one after another. A tile's paths stay in the
// kabupaten and its margin, so a tile can only lengthen a time, never shorten it; where the
// run says no one's best path could leave a tile, it is the one-grid run; with a margin wider
// than the province every tile is the whole grid, and so is every answer. By default a tile
// leaving people unsure is solved again with a wider margin: where none are left unsure, the
// answers are the one-grid run's.
TEST(Province, ARunByKabupatenIsTheOneGridRunWhereItsPathsStayInTheTiles) {
  TempDir dir;
  const std::string ws = SampleWorkspace(dir, "sumsel", ProvinceImports());
  auto run = [&](const std::string& name, const std::string& options) {
    return RunAtTwoKm(dir, ws, name, options);
  };
  const std::string one = run("satu", "");  // auto: the province at 2 km is one small grid
  EXPECT_EQ(one.find("per kabupaten"), std::string::npos) << one;
  const std::string tiled = run("petak", "--tiles kabupaten --tile-margin-max-km 30");
  EXPECT_NE(tiled.find("per kabupaten: 17 petak"), std::string::npos) << tiled;
  EXPECT_EQ(tiled.find("tepi dilebarkan"), std::string::npos) << tiled;
  const std::string wide = run("lebar", "--tiles kabupaten --tile-margin-km 1000");
  const std::string widened = run("melebar", "--tiles kabupaten");
  EXPECT_NE(widened.find("tepi dilebarkan menjadi 60 km"), std::string::npos) << widened;

  const auto a = ReachTable(dir.File("satu") + "/akses_wilayah.csv");
  const auto b = ReachTable(dir.File("petak") + "/akses_wilayah.csv");
  const auto c = ReachTable(dir.File("lebar") + "/akses_wilayah.csv");
  const auto d = ReachTable(dir.File("melebar") + "/akses_wilayah.csv");
  ASSERT_GT(a.size(), 700u);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), c.size());
  ASSERT_EQ(a.size(), d.size());
  const std::map<std::string, double> unsure = UncertainPeople(tiled);
  const std::map<std::string, double> unsure_wide = UncertainPeople(wide);
  const std::map<std::string, double> unsure_widened = UncertainPeople(widened);
  ASSERT_EQ(unsure.size(), 3u) << tiled;
  ASSERT_EQ(unsure_wide.size(), 3u) << wide;
  ASSERT_EQ(unsure_widened.size(), 3u) << widened;
  std::set<std::string> differing;  // targets
  std::set<std::string> differing_widened;
  for (const auto& [key, whole] : a) {
    ASSERT_TRUE(b.contains(key)) << key.first;
    const std::vector<double>& t = b.at(key);
    EXPECT_TRUE(Same(whole[0], t[0])) << key.first;  // the same people
    if (!std::isnan(whole[1])) {
      EXPECT_GE(t[1], whole[1] - 1e-6) << key.first << " " << key.second;  // never shorter
      for (std::size_t k = 2; k < 5; ++k) EXPECT_LE(t[k], whole[k] + 1e-6) << key.first;
    }
    for (std::size_t k = 0; k < 5; ++k) {
      if (!Same(whole[k], t[k])) differing.insert(key.second);
      if (!Same(whole[k], d.at(key)[k])) differing_widened.insert(key.second);
      EXPECT_TRUE(Same(whole[k], c.at(key)[k])) << key.first << " " << key.second << " " << k;
    }
  }
  for (const auto& [target, people] : unsure) {
    // A target whose answers differ has people the run could not be sure of.
    if (differing.contains(target)) {
      EXPECT_GT(people, 0) << target;
    }
    if (differing_widened.contains(target)) {
      EXPECT_GT(unsure_widened.at(target), 0) << target;
    }
    EXPECT_EQ(unsure_wide.at(target), 0) << target;
    // Widening leaves fewer unsure than the fixed 30 km margin.
    EXPECT_LE(unsure_widened.at(target), people) << target;
  }
  EXPECT_FALSE(differing.empty()) << "a 30 km margin changes nothing: the test shows nothing";
  EXPECT_LT(differing_widened.size(), differing.size());

  // Per facility too: the same with the wide margin.
  auto facilities = [&](const std::string& name) {
    std::map<std::string, std::vector<std::string>> out;
    std::ifstream csv(dir.File(name) + "/akses_fasyankes.csv");
    std::string line;
    std::getline(csv, line);
    while (std::getline(csv, line)) {
      auto cells = SplitCsv(line);
      out[cells[0]] = cells;
    }
    return out;
  };
  const auto fa = facilities("satu");
  const auto fb = facilities("petak");
  const auto fc = facilities("lebar");
  ASSERT_EQ(fa.size(), fb.size());
  ASSERT_EQ(fa.size(), fc.size());
  // 30 km tiles: the minutes to a hospital and to the nearest other puskesmas (each route found
  // in the tile of the puskesmas it ends at) are never shorter; a route may be missing.
  int routes = 0;
  for (const auto& [kode, row] : fa) {
    for (std::size_t k : {3, 4}) {
      if (row[k].empty() || fb.at(kode)[k].empty()) continue;
      routes += k == 4 ? 1 : 0;
      EXPECT_GE(std::stod(fb.at(kode)[k]), std::stod(row[k]) - 1e-6) << kode << " " << k;
    }
  }
  EXPECT_GT(routes, 100);
  // A referral a tile may have lengthened is named; by default such tiles are widened until
  // none is left, and then every referral is the one-grid run's.
  const auto fd = facilities("melebar");
  ASSERT_EQ(fa.size(), fd.size());
  int referrals_differing = 0;
  for (const auto& [kode, row] : fa) {
    const std::string& fixed = fb.at(kode)[3];
    if (row[3].empty() ? !fixed.empty()
                       : fixed.empty() || !Same(std::stod(row[3]), std::stod(fixed))) {
      ++referrals_differing;
    }
  }
  if (referrals_differing > 0) {
    EXPECT_NE(tiled.find("  menit_ke_rs: "), std::string::npos) << tiled;
  }
  if (widened.find("  menit_ke_rs: ") == std::string::npos) {
    for (const auto& [kode, row] : fa) {
      const std::string& y = fd.at(kode)[3];
      EXPECT_TRUE(row[3].empty() ? y.empty() : Same(std::stod(row[3]), std::stod(y))) << kode;
    }
  }
  for (const auto& [kode, row] : fa) {
    ASSERT_TRUE(fc.contains(kode)) << kode;
    for (std::size_t k = 2; k < row.size(); ++k) {
      const std::string& x = row[k];
      const std::string& y = fc.at(kode)[k];
      EXPECT_TRUE(x.empty() ? y.empty() : Same(std::stod(x), std::stod(y))) << kode << " " << k;
    }
  }
}

// A run by kabupaten writes each tile's rasters over its own zones only, with the nearest
// facility numbered over the run, and joins them in one virtual raster per destination: with
// a margin covering the province (or where widened tiles leave no one unsure) it is the one-grid
// raster on every zone's cell, each index naming the same facility.
TEST(Province, TheTilesRastersJoinIntoTheOneGridRaster) {
  TempDir dir;
  const std::string ws = SampleWorkspace(dir, "sumsel", ProvinceImports());
  auto run = [&](const std::string& name, const std::string& options) {
    return RunAtTwoKm(dir, ws, name, options);
  };
  run("satu", "");
  run("lebar", "--tiles kabupaten --tile-margin-km 1000");
  const std::string widened = run("melebar", "--tiles kabupaten");
  for (const auto& [target, people] : UncertainPeople(widened)) {
    ASSERT_EQ(people, 0) << target << ": the widened run is not sure, nothing to compare";
  }
  // Most kecamatan of the province have no population figure: their map counts as area.
  const auto km2 = UncertainPeople(widened, " km2 peta dengan waktu");
  ASSERT_EQ(km2.size(), 3u) << widened;
  for (const auto& [target, area] : km2) {
    ASSERT_EQ(area, 0) << target << ": the widened run is not sure, nothing to compare";
  }
  ASSERT_EQ(widened.find("jawaban fasyankes"), std::string::npos) << widened;
  // Fixed 30 km margins: a map cell made longer lies in the unsure area the run reports.
  const auto fixed_km2 = UncertainPeople(run("petak", "--tiles kabupaten --tile-margin-max-km 30"),
                                         " km2 peta dengan waktu");
  ASSERT_EQ(fixed_km2.size(), 3u);
  for (const std::string target : {"puskesmas", "fktp", "rs"}) {
    const Raster one = ReadRaster(dir.File("satu") + "/waktu_" + target + ".tif");
    const Raster one_n = ReadRaster(dir.File("satu") + "/terdekat_" + target + ".tif");
    const auto one_key = NearestKey(dir.File("satu") + "/terdekat_" + target + ".csv");
    ASSERT_GT(one.cols, 0);
    for (const std::string tiled : {"lebar", "melebar", "petak"}) {
      const bool fixed = tiled == "petak";
      int64_t longer = 0;  // cells, fixed margins
      const std::string out = dir.File(tiled);
      const Raster m = ReadRaster(out + "/waktu_" + target + ".vrt");
      const Raster m_n = ReadRaster(out + "/terdekat_" + target + ".vrt");
      const auto key = NearestKey(out + "/terdekat_" + target + ".csv");
      ASSERT_EQ(m.gt[1], one.gt[1]);
      const auto dc = static_cast<int>(std::lround((m.gt[0] - one.gt[0]) / one.gt[1]));
      const auto dr = static_cast<int>(std::lround((m.gt[3] - one.gt[3]) / one.gt[5]));
      ASSERT_GE(dc, 0);
      ASSERT_GE(dr, 0);
      ASSERT_LE(dc + m.cols, one.cols);
      ASSERT_LE(dr + m.rows, one.rows);
      int64_t cells = 0;
      int64_t one_cells = 0;
      for (double v : one.values) one_cells += v != one.nodata ? 1 : 0;
      for (int r = 0; r < m.rows; ++r) {
        for (int c = 0; c < m.cols; ++c) {
          if (m.at(r, c) == m.nodata) continue;
          ++cells;
          ASSERT_NE(one.at(r + dr, c + dc), one.nodata) << tiled << " " << target;
          if (fixed) {
            EXPECT_GE(m.at(r, c), one.at(r + dr, c + dc) - 1e-4) << target << " " << r << "," << c;
            longer += Same(m.at(r, c), one.at(r + dr, c + dc)) ? 0 : 1;
            continue;
          }
          ASSERT_TRUE(Same(m.at(r, c), one.at(r + dr, c + dc)))
              << tiled << " " << target << " " << r << "," << c << " " << m.at(r, c) << " vs "
              << one.at(r + dr, c + dc);
          const int index = static_cast<int>(m_n.at(r, c));
          const int one_index = static_cast<int>(one_n.at(r + dr, c + dc));
          ASSERT_TRUE(key.contains(index)) << tiled << " " << target << " " << index;
          // A tile lists its facilities in the workspace's order, as one grid does: a tie goes
          // to the same one.
          ASSERT_EQ(key.at(index), one_key.at(one_index)) << tiled << " " << target;
        }
      }
      // Every zone's cell is written, and the sure cells near them: all but the rest of the
      // grid's rectangle.
      EXPECT_GT(cells, one_cells / 2) << tiled << " " << target;
      if (fixed) {
        const double cell_km2 = m.gt[1] * m.gt[1] / 1e6;
        EXPECT_LE(static_cast<double>(longer) * cell_km2, fixed_km2.at(target) + 0.5) << target;
        if (longer > 0) EXPECT_GT(fixed_km2.at(target), 0) << target;
      }
    }
  }
}

// Without any desa or kecamatan boundary there is nothing to measure: refused, named.
TEST(Province, AccessRunWithoutBoundariesIsRefused) {
  TempDir dir;
  const std::string ws =
      SampleWorkspace(dir, "kosong", {{"facilities", kProvince + "faskes_bppsdmk_2019.csv"}});
  auto r = RunCommand(J("access run --workspace " + ws + " --resolution 2000"));
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("batas wilayah desa atau kecamatan"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace jangkau
