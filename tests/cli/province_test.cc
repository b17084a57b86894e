// The province of Sumatera Selatan as one workspace (data/province/sumsel): 17 kabupaten/kota,
// 241 kecamatan without desa boundaries, 332 facilities; the access run takes the kecamatan as
// its zones and reports each district apart.
#include <fstream>
#include <map>
#include <set>

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
