// Scenarios and planning from outside (`jangkau scenario`, `jangkau plan`) on the OKI sample:
// refused input, what a flood takes away, sites against the exact optimum, mobile stops.
#include <filesystem>
#include <set>

#include <gdal.h>
#include <ogr_api.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;
using Json = nlohmann::json;

// One OKI workspace for the suite (building it takes a few seconds).
class PlanCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    ws_ = testing::SampleWorkspace(*dir_, "oki", testing::DistrictImports("oki"));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string W() { return " --workspace " + ws_ + " --resolution 200"; }
  static std::string Ws() { return " --workspace " + ws_; }
  static Json RunJson(const std::string& args) {
    auto r = RunCommand(J(args + " --format json"));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.exit_code == 0 ? Json::parse(r.out) : Json::array();
  }

  static TempDir* dir_;
  static std::string ws_;
};
TempDir* PlanCliTest::dir_ = nullptr;
std::string PlanCliTest::ws_;

TEST_F(PlanCliTest, ScenariosAreCheckedStoredListedAndDeleted) {
  auto unknown = RunCommand(J("scenario create" + Ws() + " --name x --close P9999999999"));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("P9999999999"), std::string::npos) << unknown.out;
  auto bad_speed = RunCommand(J("scenario create" + Ws() + " --name x --speed terbang=500"));
  EXPECT_EQ(bad_speed.exit_code, 1);
  EXPECT_NE(bad_speed.out.find("terbang"), std::string::npos) << bad_speed.out;
  // A flood file with a factor out of range: the file, line and column are named.
  const std::string flood = dir_->Write("banjir.geojson",
                                        R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"faktor":0.5},"geometry":{"type":"Polygon","coordinates":[[[105.0,-3.3],[105.1,-3.3],[105.1,-3.4],[105.0,-3.3]]]}},
{"type":"Feature","properties":{"faktor":2},"geometry":{"type":"Polygon","coordinates":[[[105.2,-3.3],[105.3,-3.3],[105.3,-3.4],[105.2,-3.3]]]}}]})");
  auto bad_flood = RunCommand(J("scenario create" + Ws() + " --name x --flood " + flood));
  EXPECT_EQ(bad_flood.exit_code, 1);
  EXPECT_NE(bad_flood.out.find("banjir.geojson:3"), std::string::npos) << bad_flood.out;
  EXPECT_TRUE(RunJson("scenario list" + Ws()).empty());  // nothing was stored
  // The shipped templates make a scenario: two flooded areas, two added posts.
  auto templates =
      RunCommand(J("scenario create" + Ws() + " --name contoh --flood " + testing::kData +
                   "/templates/banjir.geojson --add " + testing::kData + "/templates/lokasi.csv"));
  ASSERT_EQ(templates.exit_code, 0) << templates.out;
  const Json contoh = RunJson("scenario list" + Ws());
  ASSERT_EQ(contoh.size(), 1u);
  EXPECT_EQ(contoh[0]["area_banjir"], 2);
  EXPECT_EQ(contoh[0]["fasyankes_baru"], 2);
  ASSERT_EQ(RunCommand(J("scenario delete" + Ws() + " --name contoh")).exit_code, 0);

  auto ok = RunCommand(J("scenario create" + Ws() +
                         " --name tutup_dua --close P1602010202,P1602020202 --speed sungai=5 "
                         "--description 'dua puskesmas tutup'"));
  ASSERT_EQ(ok.exit_code, 0) << ok.out;
  const Json list = RunJson("scenario list" + Ws());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["fasyankes_tutup"], 2);
  EXPECT_EQ(list[0]["kecepatan_diubah"], 1);
  const Json items = RunJson("scenario show" + Ws() + " --name tutup_dua");
  EXPECT_EQ(items.size(), 3u);
  EXPECT_EQ(RunCommand(J("scenario delete" + Ws() + " --name tutup_dua")).exit_code, 0);
  EXPECT_EQ(RunCommand(J("scenario delete" + Ws() + " --name tutup_dua")).exit_code, 1);
  EXPECT_TRUE(RunJson("scenario list" + Ws()).empty());
}

TEST_F(PlanCliTest, AnEmptyScenarioChangesNothing) {
  ASSERT_EQ(RunCommand(J("scenario create" + Ws() + " --name kosong")).exit_code, 0);
  const Json desa = RunJson("plan compare" + W() + " --scenario kosong");
  ASSERT_GT(desa.size(), 300u);
  for (const Json& d : desa) {
    EXPECT_EQ(d["kehilangan_60"], 0.0) << d.dump();
    EXPECT_EQ(d["menit_sebelum"], d["menit_sesudah"]) << d.dump();
    EXPECT_EQ(d["terdekat_sebelum"], d["terdekat_sesudah"]) << d.dump();
  }
}

TEST_F(PlanCliTest, AnImpassableFloodCutsTheFloodedVillagesOff) {
  ASSERT_EQ(RunCommand(J("scenario create" + Ws() +
                         " --name banjir --hazard-top 8 --flood-factor 0 --close-flooded"))
                .exit_code,
            0);
  std::set<std::string> flooded;
  for (const Json& item : RunJson("scenario show" + Ws() + " --name banjir")) {
    if (item["jenis"] == "banjir") flooded.insert(item["kode"].get<std::string>());
  }
  ASSERT_EQ(flooded.size(), 8u);
  TempDir out;
  auto text = RunCommand(J("plan compare" + W() + " --scenario banjir --out " + out.File("b")));
  ASSERT_EQ(text.exit_code, 0) << text.out;
  for (const char* f : {"banding_banjir_desa.csv", "banding_banjir.xlsx", "banding_banjir.gpkg"}) {
    EXPECT_TRUE(std::filesystem::exists(out.File("b/" + std::string(f)))) << f;
  }
  int cut_off = 0;
  const Json desa = RunJson("plan compare" + W() + " --scenario banjir");
  for (const Json& d : desa) {
    EXPECT_GE(d["kehilangan_30"].get<double>(), 0);
    if (flooded.contains(d["kode_wilayah"].get<std::string>())) {
      // Nobody in a village under impassable water reaches anything.
      EXPECT_TRUE(d["menit_sesudah"].is_null()) << d.dump();
      cut_off += d["penduduk"].get<double>() > 0 ? 1 : 0;
    }
  }
  EXPECT_GT(cut_off, 0);
  // The GeoPackage holds every village of the table with its boundary.
  GDALAllRegister();
  GDALDatasetH g = GDALOpenEx(out.File("b/banding_banjir.gpkg").c_str(), GDAL_OF_VECTOR, nullptr,
                              nullptr, nullptr);
  ASSERT_NE(g, nullptr);
  OGRLayerH layer = GDALDatasetGetLayer(g, 0);
  EXPECT_EQ(OGR_L_GetFeatureCount(layer, 1), static_cast<GIntBig>(desa.size()));
  int without_boundary = 0;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    without_boundary += OGR_F_GetGeometryRef(f) == nullptr ? 1 : 0;
    OGR_F_Destroy(f);
  }
  EXPECT_EQ(without_boundary, 0);
  GDALClose(g);
}

TEST_F(PlanCliTest, SitesMatchTheExactOptimumAndTheCurveRises) {
  const Json sites = RunJson("plan sites" + W() + " --k 3 --minutes 60");
  ASSERT_EQ(sites.size(), 3u);
  double before = 0;
  for (const Json& s : sites) {
    EXPECT_GT(s["penduduk_tambahan"].get<double>(), 0);
    EXPECT_GT(s["penduduk_kumulatif"].get<double>(), before);
    before = s["penduduk_kumulatif"].get<double>();
  }
  auto exact = RunCommand(J("plan sites" + W() + " --k 3 --minutes 60 --exact"));
  ASSERT_EQ(exact.exit_code, 0) << exact.out;
  EXPECT_NE(exact.out.find("0.00%"), std::string::npos) << exact.out;
  // Candidates from a file: a bad coordinate is refused with its line.
  const std::string file = dir_->Write("calon.csv",
                                       "kode,nama,lon,lat\n"
                                       "C1,Calon satu,105.3,-3.3\n"
                                       "C2,Calon dua,305.3,-3.3\n");
  auto refused = RunCommand(J("plan sites" + W() + " --k 1 --minutes 60 --candidates " + file));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("calon.csv:3"), std::string::npos) << refused.out;
  // The template of places works as it is shipped.
  const Json from_file = RunJson("plan sites" + W() + " --k 1 --minutes 60 --candidates " +
                                 testing::kData + "/templates/lokasi.csv");
  ASSERT_EQ(from_file.size(), 1u);
  EXPECT_EQ(from_file[0]["kode"].get<std::string>().substr(0, 11), "POS-CONTOH-");
  auto none = RunCommand(J("plan sites" + W() + " --k 1 --minutes 60 --candidates pustu"));
  EXPECT_EQ(none.exit_code, 1);  // OKI's sample has no pustu
}

TEST_F(PlanCliTest, EveryVillageBeyondTheThresholdIsServedOrListed) {
  const Json stops = RunJson("plan stops" + W() + " --minutes 60 --reach 30");
  ASSERT_FALSE(stops.empty());
  std::set<std::string> villages;
  for (const Json& s : stops) {
    if (s["kode_titik"] != "tidak_terlayani") {
      EXPECT_LE(s["menit_dari_titik"].get<double>(), 30.0);
    }
    EXPECT_TRUE(villages.insert(s["kode_desa"].get<std::string>()).second) << s.dump();
  }
  auto text = RunCommand(J("plan stops" + W() + " --minutes 60 --reach 30 --exact"));
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("GLPK"), std::string::npos);
}

}  // namespace
}  // namespace jangkau
