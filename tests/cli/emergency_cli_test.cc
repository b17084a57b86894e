// Emergency response from outside (issue 12): units, incident intake inside the district only,
// the lifecycle through `incident event` (illegal transitions and times going backwards refused,
// writing nothing; one event row per legal transition), one unit never given to two incidents at
// once (two processes racing), and the response-time summary of the reference fixture.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "incident_cli.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;

// Two villages (squares of 0.1 degree) of one kecamatan; a puskesmas in the first.
const char* kRegions = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"kode": "16", "nama": "Sumatera Selatan", "tingkat": "provinsi"},
  "geometry": null},
 {"type": "Feature", "properties": {"kode": "16.06", "nama": "Musi Banyuasin", "tingkat": "kabupaten"},
  "geometry": null},
 {"type": "Feature", "properties": {"kode": "16.06.01", "nama": "Sekayu", "tingkat": "kecamatan"},
  "geometry": null},
 {"type": "Feature", "properties": {"kode": "16.06.01.2001", "nama": "Desa Satu", "tingkat": "desa"},
  "geometry": {"type": "Polygon", "coordinates": [[[104.0,-3.0],[104.1,-3.0],[104.1,-3.1],[104.0,-3.1],[104.0,-3.0]]]}},
 {"type": "Feature", "properties": {"kode": "16.06.01.2002", "nama": "Desa Dua", "tingkat": "desa"},
  "geometry": {"type": "Polygon", "coordinates": [[[104.1,-3.0],[104.2,-3.0],[104.2,-3.1],[104.1,-3.1],[104.1,-3.0]]]}}
]})";

struct Dispatch : testing::IncidentCli {
  Dispatch() {
    EXPECT_EQ(init_exit_code, 0);
    EXPECT_EQ(ImportText("regions", "w.geojson", kRegions).exit_code, 0);
    EXPECT_EQ(ImportText("facilities", "f.csv",
                         "kode_faskes,nama_faskes,jenis_faskes,kode_kecamatan,lon,lat\n"
                         "P1606010101,Puskesmas Satu,puskesmas,16.06.01,104.05,-3.05\n")
                  .exit_code,
              0);
  }
  testing::CommandResult Event(int64_t id, const std::string& status, const std::string& waktu,
                               const std::string& extra = "") const {
    return Run("incident event --id " + std::to_string(id) + " --status " + status + " --waktu " +
               waktu + " " + extra);
  }
  int64_t EventRows() const {
    return testing::QueryInt(ws, "SELECT COUNT(*) FROM incident_events");
  }
};

TEST(EmergencyCli, UnitsAreCheckedAndListed) {
  Dispatch d;
  auto r = d.Run(
      "unit add --kode AMB-1 --jenis ambulans --lon 104.05 --lat -3.05 --pangkalan P1606010101");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = d.Run("unit add --kode AMB-1 --jenis perahu --lon 104.05 --lat -3.05");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("unit 'AMB-1' sudah ada"), std::string::npos) << r.out;
  r = d.Run("unit add --kode B-1 --jenis kapal --lon 104.05 --lat -3.05");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  r = d.Run("unit add --kode B-1 --jenis perahu --lon 10.05 --lat -3.05");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  r = d.Run("unit add --kode B-1 --jenis perahu --lon 104.05 --lat -3.05 --pangkalan P9");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  r = d.Run("unit list --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto units = nlohmann::json::parse(r.out);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0]["kode"], "AMB-1");
  EXPECT_EQ(units[0]["status"], "tersedia");
}

TEST(EmergencyCli, AnIncidentLiesInAVillageOfTheDistrict) {
  Dispatch d;
  const int64_t id = d.Create(
      "--waktu 2026-12-02T10:00:00 --prioritas P1 --kategori kecelakaan_lalu_lintas --lon 104.15 "
      "--lat -3.02 --sumber 112");
  EXPECT_GT(id, 0);
  const int64_t by_desa = d.Create(
      "--waktu 2026-12-02T11:00 --prioritas P3 --kategori kunjungan_rumah --desa "
      "16.06.01.2001");
  EXPECT_EQ(by_desa, id + 1);
  const std::string before = testing::DumpWorkspace(d.ws);
  auto r = d.Run(
      "incident create --waktu 2026-12-02T10:00 --prioritas P1 --kategori trauma --lon 105 --lat "
      "-3.05");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("tidak berada di desa mana pun"), std::string::npos) << r.out;
  for (const char* bad :
       {"--waktu kemarin --prioritas P1 --kategori trauma --desa 16.06.01.2001",
        "--waktu 2026-12-02T10:00 --prioritas P9 --kategori trauma --desa 16.06.01.2001",
        "--waktu 2026-12-02T10:00 --prioritas P1 --kategori piknik --desa 16.06.01.2001",
        "--waktu 2026-12-02T10:00 --prioritas P1 --kategori trauma",
        "--waktu 2026-12-02T10:00 --prioritas P1 --kategori trauma --desa 16.06.01"}) {
    r = d.Run(std::string("incident create ") + bad);
    EXPECT_NE(r.exit_code, 0) << bad << "\n" << r.out;
  }
  EXPECT_EQ(testing::DumpWorkspace(d.ws), before);
}

TEST(EmergencyCli, TheLifecycleRefusesWhatItMustAndTheSummaryReadsTheFixture) {
  Dispatch d;
  ASSERT_EQ(d.Run("unit add --kode AMB-1 --jenis ambulans --lon 104.05 --lat -3.05").exit_code, 0);
  const int64_t id = d.Create(
      "--waktu 2026-12-02T10:00:00 --prioritas P1 --kategori kegawatan_medis --desa "
      "16.06.01.2002");
  // Illegal: a unit cannot be sent before the call is verified; nothing is written.
  std::string before = testing::DumpWorkspace(d.ws);
  auto r = d.Event(id, "unit_dikirim", "2026-12-02T10:01:00", "--unit AMB-1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("tidak dapat berpindah ke 'unit_dikirim'"), std::string::npos) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(d.ws), before);
  ASSERT_EQ(d.Event(id, "terverifikasi", "2026-12-02T10:01:00").exit_code, 0);
  // Backwards: refused naming the event it would precede.
  r = d.Event(id, "unit_dikirim", "2026-12-02T10:00:30", "--unit AMB-1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("'terverifikasi'"), std::string::npos) << r.out;
  // The reference fixture: notified 10:02:00, en route 10:03:30, on scene 10:21:00.
  ASSERT_EQ(d.Event(id, "unit_dikirim", "2026-12-02T10:02:00", "--unit AMB-1").exit_code, 0);
  ASSERT_EQ(d.Event(id, "unit_berangkat", "2026-12-02T10:03:30").exit_code, 0);
  ASSERT_EQ(d.Event(id, "tiba_di_lokasi", "2026-12-02T10:21:00").exit_code, 0);
  EXPECT_EQ(d.EventRows(), 4);  // one per legal transition
  r = d.Run("unit list --format json");
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["status"], "di_lokasi");
  r = d.Run("incident kpi --by prioritas --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["kelompok"], "P1");
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_kirim"]["rerata"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(rows[0]["persiapan"]["rerata"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(rows[0]["perjalanan"]["rerata"].get<double>(), 17.5);
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["rerata"].get<double>(), 21.0);
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["p90"].get<double>(), 21.0);
  // The shipped (ASSUMED) target: P1 call -> scene within 30 minutes.
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["persen_dalam_target"].get<double>(), 100.0);
  EXPECT_TRUE(rows[0]["lokasi_ke_faskes"]["rerata"].is_null());  // never reached: no value
  // Treated on site: closed, the unit free again.
  ASSERT_EQ(d.Event(id, "selesai", "2026-12-02T10:40:00").exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(d.Run("unit list --format json").out)[0]["status"], "tersedia");
}

TEST(EmergencyCli, TwoDispatchersGivingOneUnitAtOnceOneWins) {
  Dispatch d;
  ASSERT_EQ(d.Run("unit add --kode MTR-1 --jenis motor --lon 104.05 --lat -3.05").exit_code, 0);
  for (int round = 0; round < 4; ++round) {
    std::vector<int64_t> ids;
    for (int k = 0; k < 2; ++k) {
      ids.push_back(
          d.Create("--waktu 2026-12-02T10:00 --prioritas P2 --kategori trauma --desa "
                   "16.06.01.2001"));
      ASSERT_EQ(d.Event(ids.back(), "terverifikasi", "2026-12-02T10:01").exit_code, 0);
    }
    const std::string event =
        J("incident event --workspace " + d.ws +
          " --status unit_dikirim --waktu 2026-12-02T10:02 --unit MTR-1 --id ");
    auto r = RunCommand("(" + event + std::to_string(ids[0]) + " >/dev/null 2>&1; echo a$?) & (" +
                        event + std::to_string(ids[1]) + " >/dev/null 2>&1; echo b$?) & wait");
    const bool a = r.out.find("a0") != std::string::npos;
    const bool b = r.out.find("b0") != std::string::npos;
    EXPECT_NE(a, b) << r.out;  // exactly one wins
    EXPECT_TRUE(r.out.find("a1") != std::string::npos || r.out.find("b1") != std::string::npos)
        << r.out;
    // The winner's incident is cancelled: the unit is free for the next round.
    ASSERT_EQ(d.Event(a ? ids[0] : ids[1], "dibatalkan", "2026-12-02T10:03").exit_code, 0);
    ASSERT_EQ(d.Event(a ? ids[1] : ids[0], "dibatalkan", "2026-12-02T10:03").exit_code, 0);
  }
}

const char* kHistoryHeader =
    "kode_kasus,waktu,prioritas,kategori,kode_desa,lon,lat,sumber,pasien,unit_dikirim,"
    "unit_berangkat,tiba_di_lokasi,tiba_di_faskes,selesai,status\n";

TEST(EmergencyCli, HistoryImportsWholeOrNotAtAllAndReplacesByCaseCode) {
  Dispatch d;
  const std::string history =
      std::string(kHistoryHeader) +
      "PSC-1,2026-11-02T10:00:00,P1,kegawatan_medis,16.06.01.2001,,,119,1,2026-11-02T10:02,"
      "2026-11-02T10:03:30,2026-11-02T10:21,2026-11-02T10:50,2026-11-02T11:00,selesai\n"
      "PSC-2,2026-11-05T08:00,P1,trauma,,104.15,-3.05,112,2,2026-11-05T08:05,2026-11-05T08:06,"
      "2026-11-05T08:46,,2026-11-05T09:00,selesai\n"
      "PSC-3,2026-11-07T20:00,P4,kunjungan_rumah,16.06.01.2002,,,telepon,0,,,,,2026-11-07T20:10,"
      "dibatalkan\n";
  auto r = d.ImportText("incidents", "riwayat.csv", history);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = d.Run("incident kpi --by prioritas --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["kelompok"], "P1");
  EXPECT_EQ(rows[0]["n"], 2);
  // Call -> scene: 21 and 46 minutes: mean 33.5, nearest-rank p90 the larger, half within 30.
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["rerata"].get<double>(), 33.5);
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["p90"].get<double>(), 46.0);
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["persen_dalam_target"].get<double>(), 50.0);
  EXPECT_DOUBLE_EQ(rows[0]["lokasi_ke_faskes"]["rerata"].get<double>(), 29.0);  // PSC-1 only
  EXPECT_EQ(rows[0]["lokasi_ke_faskes"]["n"], 1);
  EXPECT_EQ(rows[1]["kelompok"], "P4");
  EXPECT_TRUE(rows[1]["panggilan_ke_lokasi"]["rerata"].is_null());
  // By kecamatan: the point of PSC-2 was placed in its village.
  r = d.Run("incident kpi --by kecamatan --format json");
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["kelompok"], "16.06.01") << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["n"], 3);
  // By village: PSC-1 in 16.06.01.2001 alone (call -> scene 21 minutes), PSC-3 in .2002 with no
  // on-scene time; groups in code order.
  r = d.Run("incident kpi --by desa --format json");
  rows = nlohmann::json::parse(r.out);
  ASSERT_GE(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0]["kelompok"], "16.06.01.2001");
  EXPECT_DOUBLE_EQ(rows[0]["panggilan_ke_lokasi"]["rerata"].get<double>(), 21.0);
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_LT(rows[i - 1]["kelompok"], rows[i]["kelompok"]);

  // The same file again replaces, never adds.
  ASSERT_EQ(d.ImportText("incidents", "riwayat2.csv", history).exit_code, 0);
  rows = nlohmann::json::parse(d.Run("incident kpi --by prioritas --format json").out);
  EXPECT_EQ(rows[0]["n"], 2);

  // Bad rows refuse the whole file, naming line and column; nothing is written.
  const std::string before = testing::DumpWorkspace(d.ws);
  const std::vector<std::pair<std::string, std::string>> bad = {
      // on scene before departure
      {"PSC-9,2026-11-02T10:00,P1,trauma,16.06.01.2001,,,119,1,2026-11-02T10:02,"
       "2026-11-02T10:03,2026-11-02T10:01,,,\n",
       ":2:12: galat: tiba_di_lokasi: '2026-11-02T10:01' lebih awal dari unit_berangkat"},
      // outside the district
      {"PSC-9,2026-11-02T10:00,P1,trauma,,105.5,-3.05,119,1,,,,,,\n",
       ":2:6: galat: lokasi 105.5, -3.05 tidak berada di desa mana pun"},
      // not a time
      {"PSC-9,kemarin,P1,trauma,16.06.01.2001,,,119,1,,,,,,\n",
       ":2:2: galat: waktu: 'kemarin' bukan waktu ISO 8601"},
      // a final status without its time
      {"PSC-9,2026-11-02T10:00,P1,trauma,16.06.01.2001,,,119,1,,,,,,selesai\n",
       ":2:15: galat: status 'selesai' mengakhiri insiden"},
      // the same case twice
      {"PSC-9,2026-11-02T10:00,P1,trauma,16.06.01.2001,,,119,1,,,,,,\n"
       "PSC-9,2026-11-02T11:00,P1,trauma,16.06.01.2001,,,119,1,,,,,,\n",
       ":3:1: galat:"},
  };
  for (const auto& [rows_text, place] : bad) {
    const auto file = d.dir.Write("salah.csv", std::string(kHistoryHeader) + rows_text);
    r = d.Import("incidents", file);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find(file + place), std::string::npos) << r.out;
    EXPECT_EQ(testing::DumpWorkspace(d.ws), before);
  }
}

}  // namespace
}  // namespace jangkau
