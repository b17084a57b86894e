// `jangkau incident recommend` from outside (issue 12): the ranking equals each unit's travel
// minutes as the access engine computes them on the unit's own mode (a full, unbounded solve from
// the unit outward, not the recommendation's bounded search from the incident inward), ties go by
// unit code, a unit that cannot reach is listed last as such, and a flood scenario reorders the
// units exactly as those minutes change. The district: three villages in a row along one arterial
// road; the units stand on the road.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <tuple>

#include "app/dispatch_service.h"
#include "incident_cli.h"
#include "ingest/layers.h"
#include "store/workspace.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;

const char* kRegions = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"kode": "16", "nama": "Sumatera Selatan", "tingkat": "provinsi"},
  "geometry": null},
 {"type": "Feature", "properties": {"kode": "16.06", "nama": "Musi Banyuasin", "tingkat": "kabupaten"},
  "geometry": null},
 {"type": "Feature", "properties": {"kode": "16.06.01", "nama": "Sekayu", "tingkat": "kecamatan"},
  "geometry": null},
 {"type": "Feature", "properties": {"kode": "16.06.01.2001", "nama": "Barat", "tingkat": "desa"},
  "geometry": {"type": "Polygon", "coordinates": [[[104.0,-3.0],[104.1,-3.0],[104.1,-3.1],[104.0,-3.1],[104.0,-3.0]]]}},
 {"type": "Feature", "properties": {"kode": "16.06.01.2002", "nama": "Tengah", "tingkat": "desa"},
  "geometry": {"type": "Polygon", "coordinates": [[[104.1,-3.0],[104.2,-3.0],[104.2,-3.1],[104.1,-3.1],[104.1,-3.0]]]}},
 {"type": "Feature", "properties": {"kode": "16.06.01.2003", "nama": "Timur", "tingkat": "desa"},
  "geometry": {"type": "Polygon", "coordinates": [[[104.2,-3.0],[104.3,-3.0],[104.3,-3.1],[104.2,-3.1],[104.2,-3.0]]]}}
]})";

const char* kRoad = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"kelas": "arteri"},
  "geometry": {"type": "LineString", "coordinates": [[103.99,-3.05],[104.31,-3.05]]}}
]})";

struct Recommend : testing::IncidentCli {
  Recommend() {
    EXPECT_EQ(init_exit_code, 0);
    EXPECT_EQ(ImportText("regions", "w.geojson", kRegions).exit_code, 0);
    EXPECT_EQ(ImportText("roads", "r.geojson", kRoad).exit_code, 0);
    // A puskesmas in the middle village, a hospital in the east.
    EXPECT_EQ(ImportText("facilities", "f.csv",
                         "kode_faskes,nama_faskes,jenis_faskes,kode_kecamatan,lon,lat\n"
                         "P1606010101,Puskesmas Tengah,puskesmas,16.06.01,104.15,-3.05\n"
                         "R1606001,RSUD Timur,rs,16.06.01,104.29,-3.05\n")
                  .exit_code,
              0);
    // West ambulance 0.10 degree from the call, east ones 0.16 (tied), a motorbike 0.13,
    // a home-visit team off the road in the west.
    for (const char* unit : {"--kode AMB-W --jenis ambulans --lon 104.02 --lat -3.05",
                             "--kode AMB-E2 --jenis ambulans --lon 104.28 --lat -3.05",
                             "--kode AMB-E1 --jenis ambulans --lon 104.28 --lat -3.05",
                             "--kode MTR --jenis motor --lon 104.25 --lat -3.05",
                             "--kode TIM --jenis tim_kunjungan --lon 104.05 --lat -3.08"}) {
      EXPECT_EQ(Run("unit add " + std::string(unit)).exit_code, 0) << unit;
    }
  }
  nlohmann::json Ranking(int64_t id, const std::string& extra = "") const {
    auto r = Run("incident recommend --format json --id " + std::to_string(id) + " " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
  }
};

// Each unit's minutes to the point by an unbounded solve from the unit outward on its mode's
// friction (both ends on the cells the CLI placed them: the road), or +inf.
std::map<std::string, double> EngineMinutes(const std::string& ws, const std::string& scenario,
                                            double lon, double lat) {
  auto opened = store::Workspace::Open(ws);
  EXPECT_TRUE(opened.has_value());
  std::optional<Scenario> sc;
  if (!scenario.empty()) sc = (*opened)->FindScenario(scenario);
  auto model = app::BuildDispatchModel(**opened, sc ? &*sc : nullptr, {});
  EXPECT_TRUE(model.has_value());
  const grid::GridSpec& spec = (*model)->access.spec;
  auto cell = [&](double x_lon, double y_lat) {
    double x = 0;
    double y = 0;
    int r = 0;
    int c = 0;
    EXPECT_TRUE(ingest::ToGrid(spec, x_lon, y_lat, x, y) && spec.CellOf(x, y, r, c));
    return std::pair{r, c};
  };
  const auto [ir, ic] = cell(lon, lat);
  std::map<std::string, double> out;
  for (const EmergencyUnit& u : (*opened)->Units()) {
    const auto& friction = (*model)->unit_friction.at(u.jenis);
    const auto [ur, uc] = cell(u.lon, u.lat);
    access::SolveOptions solve;
    solve.neighbours = 16;
    solve.corner_cutting = false;
    access::SolverScratch scratch;
    access::TravelTimes times;
    const access::Source from[] = {{ur, uc, 0}};
    access::SolveTravelTime(scratch, friction, from, solve, times);
    out[u.kode] = times.Time(0, ir, ic);
  }
  return out;
}

// The units in the order the engine's minutes give (ties by code, unreachable last).
std::vector<std::string> EngineOrder(const std::map<std::string, double>& minutes) {
  std::vector<std::string> order;
  for (const auto& [kode, m] : minutes) order.push_back(kode);
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return minutes.at(a) < minutes.at(b);
  });
  return order;
}

void ExpectRankingIsTheEngines(const nlohmann::json& ranking,
                               const std::map<std::string, double>& minutes) {
  const std::vector<std::string> order = EngineOrder(minutes);
  ASSERT_EQ(ranking["unit"].size(), order.size()) << ranking.dump();
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& u = ranking["unit"][i];
    EXPECT_EQ(u["kode"], order[i]) << ranking.dump();
    const double engine = minutes.at(order[i]);
    if (std::isfinite(engine)) {
      ASSERT_TRUE(u["menit"].is_number()) << u.dump();
      EXPECT_NEAR(u["menit"].get<double>(), engine, 1e-3 * engine) << u.dump();
    } else {
      EXPECT_TRUE(u["menit"].is_null()) << u.dump();
    }
  }
}

TEST(RecommendCli, TheRankingIsTheEnginesMinutesOnEachUnitsOwnMode) {
  Recommend d;
  const int64_t id = d.Create(
      "--waktu 2026-12-02T10:00 --prioritas P2 --kategori trauma "
      "--lon 104.12 --lat -3.05");
  const nlohmann::json ranking = d.Ranking(id);
  const auto minutes = EngineMinutes(d.ws, "", 104.12, -3.05);
  ExpectRankingIsTheEngines(ranking, minutes);
  // The road network as designed: the west ambulance first, the two east ones tied, by code.
  EXPECT_EQ(ranking["unit"][0]["kode"], "AMB-W");
  EXPECT_EQ(minutes.at("AMB-E1"), minutes.at("AMB-E2"));
  const auto at = [&](const std::string& k) {
    for (std::size_t i = 0; i < ranking["unit"].size(); ++i) {
      if (ranking["unit"][i]["kode"] == k) return i;
    }
    return std::size_t{99};
  };
  EXPECT_EQ(at("AMB-E1") + 1, at("AMB-E2"));
  // P2: the nearest puskesmas or hospital, here the puskesmas 0.03 degree east of the call.
  EXPECT_EQ(ranking["tujuan"]["kode"], "P1606010101") << ranking.dump();
  EXPECT_EQ(ranking["tujuan_jenis"], "puskesmas_rs");
}

TEST(RecommendCli, AFloodReordersTheUnitsExactlyAsTheirMinutesChange) {
  Recommend d;
  const int64_t id = d.Create(
      "--waktu 2026-12-02T10:00 --prioritas P1 --kategori trauma "
      "--lon 104.12 --lat -3.05");
  ASSERT_EQ(d.Run("scenario create --name banjir --flood-desa 16.06.01.2001 --flood-factor 0.2")
                .exit_code,
            0);
  const nlohmann::json before = d.Ranking(id);
  const nlohmann::json during = d.Ranking(id, "--scenario banjir");
  ExpectRankingIsTheEngines(during, EngineMinutes(d.ws, "banjir", 104.12, -3.05));
  EXPECT_EQ(before["unit"][0]["kode"], "AMB-W");
  EXPECT_NE(during["unit"][0]["kode"], "AMB-W") << during.dump();
  EXPECT_EQ(during["skenario"], "banjir");
  // P1 goes to the hospital, whatever puskesmas is nearer.
  EXPECT_EQ(before["tujuan"]["kode"], "R1606001");
  EXPECT_EQ(before["tujuan_jenis"], "rs");
}

TEST(RecommendCli, AUnitThatCannotReachIsListedLastAndBusyUnitsAreLeftOut) {
  Recommend d;
  // A motorbike lent to another district, far outside this one's grid: it cannot reach.
  ASSERT_EQ(d.Run("unit add --kode ZZ-LUAR --jenis motor --lon 105.5 --lat -5.0").exit_code, 0);
  const int64_t id = d.Create(
      "--waktu 2026-12-02T10:00 --prioritas P3 --kategori lainnya "
      "--lon 104.12 --lat -3.05");
  const int64_t other = d.Create(
      "--waktu 2026-12-02T10:00 --prioritas P3 --kategori lainnya "
      "--lon 104.15 --lat -3.05");
  ASSERT_EQ(d.Run("incident event --status unit_dikirim --waktu 2026-12-02T10:01 --unit AMB-W "
                  "--id " +
                  std::to_string(other))
                .exit_code,
            1);  // not yet verified
  ASSERT_EQ(d.Run("incident event --status terverifikasi --waktu 2026-12-02T10:01 --id " +
                  std::to_string(other))
                .exit_code,
            0);
  ASSERT_EQ(d.Run("incident event --status unit_dikirim --waktu 2026-12-02T10:02 --unit AMB-W "
                  "--id " +
                  std::to_string(other))
                .exit_code,
            0);
  const nlohmann::json r = d.Ranking(id);
  const auto& units = r["unit"];
  ASSERT_FALSE(units.empty());
  EXPECT_EQ(units.back()["kode"], "ZZ-LUAR");
  EXPECT_TRUE(units.back()["menit"].is_null());
  for (const auto& u : units) EXPECT_NE(u["kode"], "AMB-W") << "busy unit offered";
  // Beyond the search bound is "cannot reach" too.
  const nlohmann::json bounded = d.Ranking(id, "--max-menit 5");
  for (const auto& u : bounded["unit"]) EXPECT_TRUE(u["menit"].is_null()) << u.dump();
  // The table names the unreachable unit too; an unknown incident is refused.
  auto table = d.Run("incident recommend --id " + std::to_string(id));
  EXPECT_NE(table.out.find("ZZ-LUAR"), std::string::npos) << table.out;
  auto unknown = d.Run("incident recommend --id 999");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("insiden 999 tidak ada"), std::string::npos) << unknown.out;
}

// Incidents called during a flood scenario's period are flagged, the response times group by
// the flood in force, and the engine's ETA for the unit sent stands beside the logged travel:
// it is the recommendation's minutes for that unit, in the scenario in force at the call.
TEST(IncidentReview, FloodPeriodFlagsAndEtaAgainstTheLoggedTravel) {
  Recommend d;
  ASSERT_EQ(d.Run("scenario create --name banjir --flood-desa 16.06.01.2001 --flood-factor 0.2 "
                  "--mulai 2026-12-05T00:00 --selesai 2026-12-09T23:59")
                .exit_code,
            0);
  auto bad = d.Run(
      "scenario create --name mundur --flood-desa 16.06.01.2001 "
      "--mulai 2026-12-05T00:00 --selesai 2026-12-01T00:00");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("lebih awal dari mulai"), std::string::npos) << bad.out;
  // One call before the flood, one during it, both given AMB-W, 20 minutes on the road.
  std::vector<std::pair<int64_t, double>> calls;
  for (const char* day : {"2026-12-02", "2026-12-06"}) {
    const int64_t id = d.Create(std::string("--waktu ") + day +
                                "T10:00 --prioritas P2 --kategori trauma --lon 104.12 --lat -3.05");
    const bool flooded = std::string(day) == "2026-12-06";
    const nlohmann::json r = d.Ranking(id, flooded ? "--scenario banjir" : "");
    double minutes = -1;
    for (const auto& u : r["unit"]) {
      if (u["kode"] == "AMB-W") minutes = u["menit"].get<double>();
    }
    calls.emplace_back(id, minutes);
    const std::string at = std::string(day) + "T10:";
    for (const auto& [status, hhmm, extra] :
         {std::tuple{"terverifikasi", "01", ""}, std::tuple{"unit_dikirim", "02", "--unit AMB-W"},
          std::tuple{"unit_berangkat", "03", ""}, std::tuple{"tiba_di_lokasi", "23", ""},
          std::tuple{"selesai", "50", ""}}) {
      ASSERT_EQ(d.Run("incident event --id " + std::to_string(id) + " --status " + status +
                      " --waktu " + at + hhmm + " " + extra)
                    .exit_code,
                0);
    }
  }
  auto r = d.Run("incident list --eta --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out.substr(r.out.find('[')));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["banjir"], "");
  EXPECT_EQ(rows[1]["banjir"], "banjir");
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(rows[k]["id"], calls[k].first);
    EXPECT_DOUBLE_EQ(rows[k]["perjalanan"].get<double>(), 20.0);
    EXPECT_NEAR(rows[k]["eta_menit"].get<double>(), calls[k].second, 1e-3) << rows[k].dump();
    EXPECT_NEAR(rows[k]["selisih_menit"].get<double>(), 20.0 - calls[k].second, 1e-3);
  }
  EXPECT_GT(calls[1].second, calls[0].second);  // the flood slowed the west ambulance
  // The summary by flood: one call in each group.
  auto kpi = d.Run("incident kpi --by banjir --format json");
  ASSERT_EQ(kpi.exit_code, 0) << kpi.out;
  const auto groups = nlohmann::json::parse(kpi.out.substr(kpi.out.find('[')));
  ASSERT_EQ(groups.size(), 2u) << kpi.out;
  EXPECT_EQ(groups[0]["kelompok"], "banjir");
  EXPECT_EQ(groups[1]["kelompok"], "tanpa_skenario");
}

// plan stations on the three villages (centres 0.1 degree, 11.1 km, apart on the road; an
// ambulance at the ASSUMED 50 km/h on an arterial road crosses 11.1 km in 13.3 minutes): within
// 15 minutes the middle village's puskesmas reaches all three centres, a base at either end two.
TEST(StationsCli, OneBaseInTheMiddleCoversTheRowAndMexclpWithoutBusyIsMclp) {
  Recommend d;
  ASSERT_EQ(d.ImportText("population", "p.csv",
                         "kode_wilayah,tahun,penduduk\n16.06.01.2001,2024,1000\n"
                         "16.06.01.2002,2024,2000\n16.06.01.2003,2024,4000\n")
                .exit_code,
            0);
  const std::string bases = d.dir.Write("calon.csv",
                                        "kode,nama,lon,lat\nB,Barat,104.05,-3.05\n"
                                        "T,Tengah,104.15,-3.05\nE,Timur,104.25,-3.05\n");
  auto run = [&](const std::string& extra) {
    auto r = d.Run("plan stations --p 1 --minutes 15 --jenis ambulans --format json --candidates " +
                   bases + " " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out.substr(r.out.find('{')));
  };
  const nlohmann::json mclp = run("");
  ASSERT_EQ(mclp["pangkalan"].size(), 1u) << mclp.dump();
  EXPECT_EQ(mclp["pangkalan"][0]["kode"], "T");
  EXPECT_DOUBLE_EQ(mclp["penduduk_tercakup"].get<double>(), 7000);
  EXPECT_EQ(mclp["status"], "optimal");
  const nlohmann::json q0 = run("--model mexclp --busy 0");
  EXPECT_EQ(q0["pangkalan"], mclp["pangkalan"]);
  EXPECT_DOUBLE_EQ(q0["cakupan_harapan"].get<double>(), 7000);
  // Two bases, each busy 40% of the time.
  auto r = d.Run(
      "plan stations --p 2 --minutes 15 --jenis ambulans --model mexclp --busy 0.4 "
      "--format json --candidates " +
      bases);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto two = nlohmann::json::parse(r.out.substr(r.out.find('{')));
  // T covers all three; E covers the middle and the east: east 4000 (1 - 0.16), middle 2000
  // (1 - 0.16), west 1000 (1 - 0.4) = 3360 + 1680 + 600 = 5640; T with B gives 1000 x 0.84 +
  // 2000 x 0.84 + 4000 x 0.6 = 4920.
  EXPECT_NEAR(two["cakupan_harapan"].get<double>(), 5640, 1e-6) << two.dump();
  // Refusals: a busy fraction with MCLP, a busy fraction of 1, an unknown kind.
  auto busy_mclp = d.Run("plan stations --p 1 --minutes 15 --jenis ambulans --busy 0.2");
  EXPECT_NE(busy_mclp.exit_code, 0);
  EXPECT_NE(busy_mclp.out.find("mexclp"), std::string::npos) << busy_mclp.out;
  auto busy_one =
      d.Run("plan stations --p 1 --minutes 15 --jenis ambulans --model mexclp --busy 1");
  EXPECT_NE(busy_one.exit_code, 0);
  auto kapal = d.Run("plan stations --p 1 --minutes 15 --jenis kapal");
  EXPECT_EQ(kapal.exit_code, 2) << kapal.out;
}

}  // namespace
}  // namespace jangkau
