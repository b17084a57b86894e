// `jangkau wisn`, `abk`, `needs` and `proposal` from outside, on inline cases and the OKI sample.
#include <cmath>
#include <fstream>

#include <cpl_conv.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <nlohmann/json.hpp>

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

const char* kWisnCase = R"({
  "awt": {"working_days": 260, "public_holidays": 16, "annual_leave": 12, "sick_leave": 12,
          "other_leave": 5, "hours_per_day": 7.5},
  "activities": [
    {"name": "outpatient", "annual_workload": 6000, "minutes_per_unit": 15},
    {"name": "emergency", "annual_workload": 800, "minutes_per_unit": 30},
    {"name": "inpatient days", "annual_workload": 2000, "units_per_hour": 1}],
  "category_allowances": [
    {"name": "daily", "hours": 0.5, "per": "day"},
    {"name": "monthly", "hours": 2, "per": "month"},
    {"name": "weekly", "hours": 1, "per": "week"}],
  "individual_allowances": [
    {"name": "supervision", "hours": 4, "per": "week", "staff": 1},
    {"name": "training", "hours": 8, "per": "month", "staff": 2}],
  "current_staff": 5})";

TEST(CalcCli, WisnPrintsTheResultKeys) {
  TempDir dir;
  auto r = RunCommand(J("wisn " + dir.Write("case.json", kWisnCase)));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["awt_hours"].get<double>(), 1612.5, 1e-6);
  EXPECT_NEAR(j["staff_for_services"].get<double>(), 2.418605, 1e-6);
  EXPECT_NEAR(j["caf"].get<double>(), 1.121349, 1e-6);
  EXPECT_NEAR(j["iaf"].get<double>(), 0.248062, 1e-6);
  EXPECT_NEAR(j["required"].get<double>(), 2.960162, 1e-6);
  EXPECT_EQ(j["required_rounded"].get<double>(), 3);
  EXPECT_NEAR(j["difference"].get<double>(), 2.039838, 1e-6);
  EXPECT_NEAR(j["ratio"].get<double>(), 1.689097, 1e-6);
}

TEST(CalcCli, InvalidCasesAreRefusedNamingTheField) {
  TempDir dir;
  nlohmann::json c = nlohmann::json::parse(kWisnCase);
  c["category_allowances"].push_back({{"name", "all"}, {"hours", 7}, {"per", "day"}});
  auto r = RunCommand(J("wisn " + dir.Write("cas.json", c.dump())));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("category_allowances"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("100%"), std::string::npos);

  c = nlohmann::json::parse(kWisnCase);
  c["awt"]["public_holidays"] = 300;
  r = RunCommand(J("--lang en wisn " + dir.Write("awt.json", c.dump())));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("available working time (AWT)"), std::string::npos) << r.out;

  c = nlohmann::json::parse(kWisnCase);
  c["activities"][1].erase("minutes_per_unit");
  r = RunCommand(J("wisn " + dir.Write("std.json", c.dump())));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("activities[1]"), std::string::npos);

  r = RunCommand(J("abk " + dir.Write("bad.json", "{\"wkt_minutes\": 72000, ")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bukan JSON yang sah"), std::string::npos);
}

TEST(CalcCli, AbkMedicalRecordsOfficer) {
  TempDir dir;
  auto r = RunCommand(J("abk " + dir.Write("abk.json", R"({
    "wkt_minutes": 72000,
    "activities": [{"name": "rawat jalan", "capaian": 15800, "norma_waktu_minutes": 3},
                   {"name": "rawat inap", "capaian": 45000, "norma_waktu_minutes": 5}],
    "support_tasks": [{"name": "seminar", "minutes_per_year": 1440},
                      {"name": "rapat", "minutes_per_year": 1440}]})")));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["jkt"].get<double>(), 3.783333, 1e-6);
  EXPECT_NEAR(j["ftp_percent"].get<double>(), 4, 1e-6);
  EXPECT_NEAR(j["stp"].get<double>(), 1.041667, 1e-6);
  EXPECT_NEAR(j["need"].get<double>(), 3.940972, 1e-6);
  EXPECT_EQ(j["need_rounded"].get<double>(), 4);
}

std::string OkiWorkspace(const TempDir& dir) {
  return SampleWorkspace(dir, "oki", DistrictImports("oki"));
}

TEST(NeedsCli, NormGapsOnOkiFollowTheSourceHeadcounts) {
  TempDir dir;
  const std::string ws = OkiWorkspace(dir);
  auto r = RunCommand(J("needs --workspace " + ws + " --method norms --format json"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto lines = nlohmann::json::parse(r.out);
  // From the BPPSDMK file itself: puskesmas whose "medis" column is 0 have no doctor and no
  // dentist, so (non-inpatient, rural or urban) each lacks one of both.
  std::ifstream in(kData + "/districts/oki/faskes_bppsdmk_2019.csv");
  std::string line;
  std::getline(in, line);
  std::set<std::string> no_doctor;
  while (std::getline(in, line)) {
    // kode_faskes is the first cell, medis the 11th; addresses with commas are quoted.
    const auto cells = SplitCsv(line);
    if (cells[1] == "PUSKESMAS" && cells[10] == "0") no_doctor.insert(cells[0]);
  }
  ASSERT_FALSE(no_doctor.empty());
  int checked = 0;
  for (const auto& l : lines) {
    if (!no_doctor.contains(l["kode_faskes"].get<std::string>())) continue;
    if (l["kelompok"] == "dokter" || l["kelompok"] == "dokter_gigi") {
      EXPECT_EQ(l["saat_ini"].get<double>(), 0);
      EXPECT_EQ(l["kekurangan"].get<int>(), 1);
      EXPECT_EQ(l["asumsi"], true);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2 * static_cast<int>(no_doctor.size()));
}

// The rows of the block under `header_first` (a cell text) in a sheet read through GDAL.
std::vector<std::vector<std::string>> SheetRows(const std::string& path, const std::string& sheet) {
  GDALAllRegister();
  CPLSetConfigOption("OGR_XLSX_HEADERS", "DISABLE");
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  std::vector<std::vector<std::string>> rows;
  if (ds == nullptr) return rows;
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, sheet.c_str());
  if (layer != nullptr) {
    OGRFeatureH f = nullptr;
    while ((f = OGR_L_GetNextFeature(layer)) != nullptr) {
      std::vector<std::string> row;
      for (int i = 0; i < OGR_F_GetFieldCount(f); ++i)
        row.emplace_back(OGR_F_GetFieldAsString(f, i));
      rows.push_back(std::move(row));
      OGR_F_Destroy(f);
    }
  }
  GDALClose(ds);
  CPLSetConfigOption("OGR_XLSX_HEADERS", nullptr);
  return rows;
}

TEST(ProposalCli, WorkbookReadsBackAndStaysWithinTheBudget) {
  TempDir dir;
  const std::string ws = OkiWorkspace(dir);
  const std::string xlsx = dir.File("usulan.xlsx");
  const double budget = 1.5e9;
  auto r = RunCommand(
      J("proposal --workspace " + ws + " --budget 1500000000 --year 2027 --out " + xlsx));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Lima fasyankes dengan prioritas tertinggi"), std::string::npos);

  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx(xlsx.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  std::vector<std::string> names;
  for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
    names.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
  }
  GDALClose(ds);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Ringkasan", "Kebutuhan per Fasyankes", "Per Jenis Tenaga",
                                      "Usulan Formasi", "Redistribusi", "Proyeksi Pensiun",
                                      "Kompetensi", "Alat Kesehatan", "Metode dan Asumsi"}));

  // Sum the funded lines' costs from the sheet itself.
  const auto rows = SheetRows(xlsx, "Usulan Formasi");
  int header = -1;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].empty() && rows[i][0] == "Peringkat") {
      header = static_cast<int>(i);
      break;
    }
  }
  ASSERT_GE(header, 0);
  const auto& cols = rows[static_cast<std::size_t>(header)];
  const auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin());
  };
  const std::size_t c_total = col("Biaya total");
  const std::size_t c_funded = col("Didanai");
  ASSERT_LT(c_total, cols.size());
  double funded = 0;
  int funded_lines = 0;
  for (std::size_t i = static_cast<std::size_t>(header) + 1; i < rows.size(); ++i) {
    if (rows[i].empty() || rows[i][0].empty() || rows[i][0].starts_with("Jumlah")) break;
    ASSERT_EQ(rows[i][c_funded], "ya");
    funded += std::stod(rows[i][c_total]);
    ++funded_lines;
  }
  EXPECT_GT(funded_lines, 0);
  EXPECT_LE(funded, budget);

  // The same proposal as JSON agrees with the workbook.
  const std::string json_path = dir.File("usulan.json");
  ASSERT_EQ(RunCommand(J("proposal --workspace " + ws + " --budget 1500000000 --year 2027 --out " +
                         json_path))
                .exit_code,
            0);
  std::ifstream jin(json_path);
  const auto j = nlohmann::json::parse(jin);
  EXPECT_EQ(static_cast<int>(j["Usulan Formasi"]["usulan"].size()), funded_lines);
}

nlohmann::json ProposalJson(const TempDir& dir, const std::string& ws) {
  const std::string path = dir.File("usulan.json");
  auto r = RunCommand(J("proposal --workspace " + ws + " --budget 5000000000 --out " + path));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

TEST(ProposalCli, RemotenessIsMinutesToTheNearestOtherPuskesmasOnceTravelTimeExists) {
  TempDir dir;
  const std::string ws = OkiWorkspace(dir);
  // No access run yet: straight-line kilometres, and the column says so.
  auto before = ProposalJson(dir, ws);
  ASSERT_FALSE(before["Usulan Formasi"]["usulan"].empty());
  for (const auto& l : before["Usulan Formasi"]["usulan"]) {
    EXPECT_TRUE(l.contains("keterpencilan_km"));
    EXPECT_FALSE(l.contains("keterpencilan_menit"));
  }
  // After the run: minutes to the nearest other puskesmas as the run stored them, for every line,
  // even though OKI's hospital coordinate is wrong (no minutes to a hospital for anyone).
  const std::string out = dir.File("akses");
  auto r = RunCommand(J("access run --workspace " + ws + " --resolution 250 --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::map<std::string, std::string> to_other;  // kode -> menit_ke_fasyankes_lain ("" = none)
  std::ifstream csv(out + "/akses_fasyankes.csv");
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "kode_faskes,nama_faskes,penduduk_terdekat,menit_ke_rs,menit_ke_fasyankes_lain");
  while (std::getline(csv, line)) {
    const auto cells = SplitCsv(line);
    to_other[cells[0]] = cells[4];
  }
  auto after = ProposalJson(dir, ws);
  int checked = 0;
  for (const auto& l : after["Usulan Formasi"]["usulan"]) {
    ASSERT_TRUE(l.contains("keterpencilan_menit")) << l.dump();
    EXPECT_FALSE(l.contains("keterpencilan_km"));
    const std::string kode = l["kode_faskes"];
    ASSERT_TRUE(to_other.contains(kode)) << kode;
    // A puskesmas with no other within the run's 120-minute bound counts the bound.
    const double expected = to_other[kode].empty() ? 120.0 : std::stod(to_other[kode]);
    EXPECT_NEAR(l["keterpencilan_menit"].get<double>(), expected, 1e-3) << kode;
    EXPECT_NE(l["penjelasan"].get<std::string>().find("menit ke puskesmas lain terdekat"),
              std::string::npos);
    ++checked;
  }
  EXPECT_GT(checked, 0);

  // The workbook shows the figures as a planner reads them: whole minutes, indices to three
  // decimals, whole rupiah; the JSON above keeps full precision.
  const std::string xlsx = dir.File("usulan.xlsx");
  r = RunCommand(J("proposal --workspace " + ws + " --budget 5000000000 --out " + xlsx));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = SheetRows(xlsx, "Usulan Formasi");
  std::size_t header = rows.size();
  for (std::size_t i = 0; i < rows.size() && header == rows.size(); ++i) {
    if (!rows[i].empty() && rows[i][0] == "Peringkat") header = i;  // the funded lines' block
  }
  ASSERT_LT(header, rows.size());
  const auto& cols = rows[header];
  auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin());
  };
  const std::size_t c_minutes = col("Keterpencilan menit");
  const std::size_t c_index = col("Indeks prioritas");
  const std::size_t c_cost = col("Biaya total");
  ASSERT_LT(c_minutes, cols.size());
  ASSERT_LT(c_index, cols.size());
  const auto& json_lines = after["Usulan Formasi"]["usulan"];
  bool json_finer = false;
  for (std::size_t i = header + 1, k = 0; i < rows.size() && k < json_lines.size(); ++i, ++k) {
    if (rows[i].empty() || rows[i][0].empty() || rows[i][0].starts_with("Jumlah")) break;
    const double minutes = std::stod(rows[i][c_minutes]);
    const double index = std::stod(rows[i][c_index]);
    EXPECT_EQ(minutes, std::round(minutes)) << rows[i][c_minutes];
    EXPECT_NEAR(index * 1000, std::round(index * 1000), 1e-6) << rows[i][c_index];
    EXPECT_EQ(std::stod(rows[i][c_cost]), std::round(std::stod(rows[i][c_cost])));
    // The same line in the JSON: the workbook's figure is the JSON's, rounded.
    const double exact = json_lines[k]["keterpencilan_menit"].get<double>();
    EXPECT_EQ(minutes, std::round(exact));
    EXPECT_NEAR(index, std::round(json_lines[k]["indeks_prioritas"].get<double>() * 1000) / 1000,
                1e-9);
    json_finer = json_finer || exact != std::round(exact);
  }
  EXPECT_TRUE(json_finer);
}

TEST(ProposalCli, OnlyMeasuredSurplusMovesAndEveryMoveNamesItsBasis) {
  TempDir dir;
  const std::string ws = OkiWorkspace(dir);
  // Norms alone: midwives above the minimum are not surplus; nobody is moved.
  auto plain = ProposalJson(dir, ws);
  EXPECT_TRUE(plain["Redistribusi"]["redistribusi"].empty());
  auto r = RunCommand(J("needs --workspace " + ws + " --method norms --format json"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto lines = nlohmann::json::parse(r.out);
  int above = 0;
  int short_of = 0;
  std::string formasi = "kode_faskes,jenis_tenaga,formasi\n";
  std::map<std::string, double> midwives;
  for (const auto& l : lines) {
    if (l["kelompok"] != "bidan") continue;
    EXPECT_TRUE(l["kelebihan"].is_null());  // a norm measures no surplus
    if (l["kekurangan"].get<int>() > 0) ++short_of;
    if (!l["di_atas_standar_minimal"].is_null() && l["di_atas_standar_minimal"].get<int>() > 0) {
      ++above;
      // The district's approved formasi: one midwife fewer than today.
      const double now = l["saat_ini"].get<double>();
      midwives[l["kode_faskes"]] = now;
      formasi += l["kode_faskes"].get<std::string>() + ",bidan," +
                 std::to_string(static_cast<int>(now) - 1) + "\n";
    }
  }
  ASSERT_GT(above, 0);
  ASSERT_GT(short_of, 0);
  r = RunCommand(J("import formasi " + dir.Write("formasi.csv", formasi) + " --workspace " + ws));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto ceiling = ProposalJson(dir, ws);
  const auto& moves = ceiling["Redistribusi"]["redistribusi"];
  ASSERT_FALSE(moves.empty());
  std::map<std::string, int> moved;
  for (const auto& m : moves) {
    EXPECT_EQ(m["kelompok"], "bidan");
    EXPECT_EQ(m["dasar_kelebihan"], "di atas formasi yang disetujui");
    moved[m["dari_kode"]] += m["jumlah"].get<int>();
  }
  for (const auto& [kode, n] : moved) {
    ASSERT_TRUE(midwives.contains(kode)) << kode;
    EXPECT_LE(n, 1) << kode;  // never more than the staff above the formasi
  }
  // A formasi naming an unknown facility is refused with its place, and nothing changes.
  r = RunCommand(J("import formasi " +
                   dir.Write("salah.csv", "kode_faskes,jenis_tenaga,formasi\nP9999,bidan,2\n") +
                   " --workspace " + ws));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("salah.csv:2"), std::string::npos) << r.out;
  EXPECT_EQ(ProposalJson(dir, ws)["Redistribusi"], ceiling["Redistribusi"]);
}

TEST(ReferenceCli, ADistrictNormTableIsCheckedAndUsedByName) {
  TempDir dir;
  const std::string ws = OkiWorkspace(dir);
  const auto bad = dir.Write("norma.csv",
                             "kode,nama,jenis_tenaga,perkotaan_nri,perkotaan_ri,perdesaan_nri,"
                             "perdesaan_ri,terpencil_nri,terpencil_ri\n"
                             "bidan,Bidan,bidan,4,7,4,7,4,7\n"
                             "dokter,Dokter,dukun,1,2,1,2,1,2\n"
                             "perawat,Perawat,perawat,5,8,lima,8,5,8\n");
  auto refused = RunCommand(J("import norms " + bad + " --name kab_2026 --workspace " + ws));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find(bad + ":3:3: galat"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find(bad + ":4:6: galat"), std::string::npos);
  const auto good = dir.Write("norma2.csv",
                              "kode,nama,jenis_tenaga,perkotaan_nri,perkotaan_ri,perdesaan_nri,"
                              "perdesaan_ri,terpencil_nri,terpencil_ri\n"
                              "bidan,Bidan,Bidan,9,9,9,9,9,9\n");
  ASSERT_EQ(RunCommand(J("import norms " + good + " --name kab_2026 --workspace " + ws)).exit_code,
            0);
  auto r = RunCommand(J("needs --workspace " + ws + " --norms kab_2026 --format json"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const auto& l : nlohmann::json::parse(r.out)) {
    EXPECT_EQ(l["kelompok"], "bidan");
    // The district's 9 for the puskesmas, plus the network norm's midwives for its villages.
    const double network = l["kebutuhan_jaringan"].get<double>();
    EXPECT_NEAR(l["kebutuhan"].get<double>() - network, 9, 1e-9);
    EXPECT_EQ(l["kebutuhan_bulat"].get<double>(), std::ceil(9 + network - 1e-9));
  }
  auto missing = RunCommand(J("needs --workspace " + ws + " --norms tidak_ada"));
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.out.find("tidak_ada"), std::string::npos);
}

double NetworkTotal(const std::string& ws, const std::string& group) {
  auto r = RunCommand(J("needs --workspace " + ws + " --method norms --format json"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  double total = 0;
  for (const auto& l : nlohmann::json::parse(r.out)) {
    if (l["kelompok"] == group) total += l["kebutuhan_jaringan"].get<double>();
  }
  return total;
}

TEST(ReferenceCli, TheNetworkNormIsADistrictTableLikeTheOthers) {
  TempDir dir;
  const std::string ws = OkiWorkspace(dir);
  // The shipped ASSUMPTION: one midwife per village of a puskesmas' kecamatan (shared equally).
  const double shipped = NetworkTotal(ws, "bidan");
  int villages = 0;
  std::ifstream in(kData + "/districts/oki/penduduk.csv");
  std::string line;
  while (std::getline(in, line)) villages += std::count(line.begin(), line.end(), '.') == 3;
  EXPECT_GT(shipped, 0.5 * villages);
  EXPECT_LE(shipped, villages + 1e-6);

  const auto bad = dir.Write("jaringan.csv", "kode,per_desa,per_pustu\nbidan,-1,\nperawat,,\n");
  auto r = RunCommand(J("import network-norms " + bad + " --workspace " + ws));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(bad + ":2:2: galat"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(bad + ":3:1: galat"), std::string::npos) << r.out;
  EXPECT_NEAR(NetworkTotal(ws, "bidan"), shipped, 1e-9);  // nothing written

  const auto half = dir.Write("jaringan2.csv", "kode,per_desa\nbidan,0.5\n");
  r = RunCommand(J("import network-norms " + half + " --workspace " + ws));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NEAR(NetworkTotal(ws, "bidan"), shipped / 2, 1e-6);
  EXPECT_EQ(NetworkTotal(ws, "perawat"), 0);
}

}  // namespace
}  // namespace jangkau
