// Issue 16: users scoped to a district or to the province. One province workspace (the 17
// kabupaten/kota of Sumatera Selatan, data/province/sumsel) served once: the planner of OKI sees
// OKI's facilities, needs and regions and writes nothing outside it; the province planner sees
// every district. Which facility lies in which kabupaten is read from the source file's own
// kode_kab_bps column, not from the program.
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/server_fixture.h"
#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::kData;
using testing::RunCommand;
using Json = nlohmann::json;

const std::string kFacilities = "province/sumsel/faskes_bppsdmk_2019.csv";

// Facility code -> BPS kabupaten code, as the source file states them.
std::map<std::string, std::string> KabupatenOfFacilities() {
  std::ifstream in(kData + "/" + kFacilities);
  std::string line;
  std::getline(in, line);
  const auto header = testing::SplitCsv(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::ranges::find(header, name) - header.begin());
  };
  const std::size_t kode = column("kode_faskes");
  const std::size_t kab = column("kode_kab_bps");
  std::map<std::string, std::string> out;
  while (std::getline(in, line)) {
    const auto cells = testing::SplitCsv(line);
    if (cells.size() > std::max(kode, kab)) out[cells[kode]] = cells[kab];
  }
  return out;
}

class RegionUsersTest : public testing::ServerTest {
 protected:
  std::string MakeWorkspace() override {
    const std::string ws =
        testing::SampleWorkspace(dir_, "sumsel",
                                 {{"regions", "province/sumsel/wilayah.geojson --make-valid"},
                                  {"population", "province/sumsel/penduduk.csv"},
                                  {"facilities", kFacilities},
                                  {"assumptions", "province/sumsel/asumsi_faskes.csv"}});
    // Eight weeks of disease A at one puskesmas of OKI and one of Muba: five cases, then six
    // (EARS C1 alarms on a flat baseline).
    std::string weekly = "kode_faskes,minggu,A\n";
    for (const std::string& kode : {Puskesmas("1602"), Puskesmas("1606")}) {
      for (int i = 1; i <= 8; ++i) {
        weekly += kode + ",2025-W0" + std::to_string(i) + "," + (i == 8 ? "6" : "5") + "\n";
      }
    }
    const std::string weekly_file = dir_.Write("mingguan.csv", weekly);
    EXPECT_EQ(RunCommand(J("import weekly " + weekly_file + " --workspace " + ws)).exit_code, 0);
    for (const char* u : {"--username oki --role planner --region 16.02",
                          "--username muba --role viewer --region 16.06",
                          "--username provinsi --role planner --region 16"}) {
      EXPECT_EQ(
          RunCommand("echo rahasia123 | " + J("user add --workspace " + ws + " " + u)).exit_code, 0)
          << u;
    }
    return ws;
  }

  // The first puskesmas (by code) of a BPS kabupaten in the source file.
  static std::string Puskesmas(const std::string& kabupaten) {
    for (const auto& [kode, kab] : KabupatenOfFacilities()) {
      if (kab == kabupaten && kode.starts_with("P")) return kode;
    }
    return "";
  }

  // The facility codes of an answer's rows (a table, or the array `key` of an object).
  static std::set<std::string> Codes(const httplib::Result& r, const std::string& key = "rows") {
    std::set<std::string> codes;
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body.substr(0, 300) : "");
    if (!r || r->status != 200) return codes;
    const Json body = Json::parse(r->body);
    for (const auto& row : body.is_array() ? body : body[key]) {
      if (row["kode_faskes"].is_string()) codes.insert(row["kode_faskes"].get<std::string>());
    }
    return codes;
  }
};

TEST_F(RegionUsersTest, Issue16ADistrictPlannerSeesAndWritesHerDistrictOnly) {
  const auto kabupaten = KabupatenOfFacilities();
  std::set<std::string> oki;
  std::set<std::string> all;
  for (const auto& [kode, kab] : kabupaten) {
    all.insert(kode);
    if (kab == "1602") oki.insert(kode);
  }
  ASSERT_GT(oki.size(), 20u);
  ASSERT_LT(oki.size(), all.size());

  const Login planner = LogIn("oki");
  const Json me = Json::parse(Get(planner, "/api/v1/me")->body);
  EXPECT_EQ(me["wilayah"], "16.02");

  // The registry, the submissions and the map: OKI's facilities, hospitals included.
  EXPECT_EQ(Codes(Get(planner, "/api/v1/facilities")), oki);
  EXPECT_EQ(Codes(Get(planner, "/api/v1/submissions")), oki);
  const Json points = Json::parse(Get(planner, "/api/v1/map/facilities")->body);
  ASSERT_FALSE(points["features"].empty());
  for (const auto& f : points["features"]) {
    EXPECT_TRUE(oki.contains(f["properties"]["kode"].get<std::string>())) << f["properties"];
  }
  // Needs and the proposal: lines of OKI's facilities only, and some of them.
  const std::set<std::string> needs = Codes(Get(planner, "/api/v1/needs"));
  ASSERT_FALSE(needs.empty());
  EXPECT_TRUE(std::ranges::includes(oki, needs));
  const Json proposal = Json::parse(Get(planner, "/api/v1/proposal?budget=5000000000")->body);
  ASSERT_FALSE(proposal["lines"].empty());
  for (const auto& l : proposal["lines"]) {
    EXPECT_TRUE(oki.contains(l["kode_faskes"].get<std::string>())) << l;
  }
  // The map's regions: OKI and what lies in it.
  const Json regions = Json::parse(Get(planner, "/api/v1/map/regions?level=kecamatan")->body);
  ASSERT_FALSE(regions["features"].empty());
  for (const auto& f : regions["features"]) {
    EXPECT_TRUE(f["properties"]["kode"].get<std::string>().starts_with("16.02.")) << f;
  }

  // A facility of Muba: neither read nor written (403 facility_outside_region), whatever the role
  // allows.
  std::string muba_facility;
  for (const auto& [kode, kab] : kabupaten) {
    if (kab == "1606" && kode.starts_with("P")) muba_facility = kode;
  }
  ASSERT_FALSE(muba_facility.empty());
  const std::string own_facility = *oki.begin();
  EXPECT_EQ(Get(planner, "/api/v1/facilities/" + own_facility + "/staff")->status, 200);
  for (const auto& r :
       {Get(planner, "/api/v1/facilities/" + muba_facility + "/staff"),
        Send("POST", planner, "/api/v1/facilities/" + muba_facility + "/verify", "{}"),
        Send("POST", planner, "/api/v1/facilities/" + muba_facility + "/return",
             R"({"komentar":"x"})")}) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << r->body;
    EXPECT_EQ(Json::parse(r->body)["error"]["code"], "facility_outside_region");
  }
  // What holds the whole workspace's data is refused to her (403 region_route), writes too.
  for (const auto& r : {Get(planner, "/api/v1/scenarios"), Get(planner, "/api/v1/audit"),
                        Send("POST", planner, "/api/v1/scenarios", R"({"nama":"x","tutup":[]})")}) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << r->body;
    EXPECT_EQ(Json::parse(r->body)["error"]["code"], "region_route");
  }

  // Another district's viewer sees hers; the province planner and an unscoped planner see all.
  const std::set<std::string> muba = Codes(Get(LogIn("muba"), "/api/v1/facilities"));
  EXPECT_TRUE(muba.contains(muba_facility));
  EXPECT_FALSE(muba.contains(own_facility));
  EXPECT_EQ(Codes(Get(LogIn("provinsi"), "/api/v1/facilities")), all);
  EXPECT_EQ(Codes(Get(LogIn("perencana"), "/api/v1/facilities")), all);
}

TEST_F(RegionUsersTest, Issue16ARegionMustBeADistrictOrTheProvinceOfTheWorkspace) {
  for (const char* region : {"16.99", "16.02.01", "1602", "32", "'16.02; DROP TABLE users'"}) {
    const auto r =
        RunCommand("echo rahasia123 | " + J("user add --workspace " + ws_ +
                                            " --username y --role planner --region " + region));
    EXPECT_EQ(r.exit_code, 1) << region << r.out;
    EXPECT_NE(r.out.find("--region"), std::string::npos) << r.out;
  }
  // Operators are scoped to their facility already.
  EXPECT_EQ(RunCommand("echo rahasia123 | " +
                       J("user add --workspace " + ws_ +
                         " --username y --role operator --facility P1602010202 --region 16.02"))
                .exit_code,
            2);
  // None of the refused users was written: "y" cannot log in.
  httplib::Client c = Client();
  const auto login =
      c.Post("/api/v1/login", R"({"username":"y","password":"rahasia123"})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 401);
}

// The early warning of a province: the planner of OKI sees the completeness, alerts, series and
// map of OKI's facilities and steps only their alerts; the province planner sees both districts.
TEST_F(RegionUsersTest, Issue16ADistrictPlannerSeesHerDistrictsEarlyWarningOnly) {
  const std::string oki = Puskesmas("1602");
  const std::string muba = Puskesmas("1606");
  ASSERT_FALSE(oki.empty());
  ASSERT_FALSE(muba.empty());
  const Login planner = LogIn("oki");
  const Login province = LogIn("provinsi");
  const std::string alerts = "/api/v1/surveillance/alerts?method=ears-c1";
  EXPECT_EQ(Codes(Get(province, alerts), "peringatan"), (std::set<std::string>{oki, muba}));
  EXPECT_EQ(Codes(Get(planner, alerts), "peringatan"), std::set<std::string>{oki});

  const std::set<std::string> complete =
      Codes(Get(planner, "/api/v1/surveillance/completeness?by=faskes"));
  EXPECT_TRUE(complete.contains(oki));
  EXPECT_FALSE(complete.contains(muba));
  EXPECT_TRUE(Codes(Get(province, "/api/v1/surveillance/completeness?by=faskes")).contains(muba));

  const Json map = Json::parse(Get(planner, "/api/v1/surveillance/map?method=ears-c1")->body);
  std::set<std::string> drawn;
  for (const auto& f : map["features"]) {
    if (f["properties"]["lapisan"] == "faskes") drawn.insert(f["properties"]["kode"]);
  }
  EXPECT_EQ(drawn, std::set<std::string>{oki});

  EXPECT_EQ(Get(planner, "/api/v1/surveillance/series?penyakit=A&faskes=" + oki)->status, 200);
  std::string muba_alert;
  const Json listed = Json::parse(Get(province, alerts)->body);
  for (const auto& a : listed["peringatan"]) {
    if (a["kode_faskes"] == muba) muba_alert = a["id"].get<std::string>();
  }
  const std::string oki_alert = Json::parse(Get(planner, alerts)->body)["peringatan"][0]["id"];
  ASSERT_FALSE(muba_alert.empty());
  for (const auto& r :
       {Get(planner, "/api/v1/surveillance/series?penyakit=A&faskes=" + muba),
        Send("POST", planner, "/api/v1/surveillance/alerts/" + muba_alert + "/steps",
             R"({"status":"diverifikasi"})")}) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << r->body;
    EXPECT_EQ(Json::parse(r->body)["error"]["code"], "facility_outside_region");
  }
  const auto step = Send("POST", planner, "/api/v1/surveillance/alerts/" + oki_alert + "/steps",
                         R"({"status":"diverifikasi"})");
  ASSERT_TRUE(step);
  EXPECT_EQ(step->status, 200) << step->body;
  // The refused step wrote nothing: Muba's alert is still open.
  const Json after = Json::parse(Get(province, alerts)->body);
  for (const auto& a : after["peringatan"]) {
    EXPECT_EQ(a["status"], a["id"] == oki_alert ? "diverifikasi" : "terbuka") << a;
  }
}

}  // namespace
}  // namespace jangkau
