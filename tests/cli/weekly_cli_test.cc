// The weekly reports of the early warning from outside (issue 14): `import weekly` in both
// layouts of form W2, refused whole at line and column with nothing written, a re-sending that
// replaces and a hundred re-imports that change nothing, the fixed threshold's ">=" through the
// workspace, a double-reported week shown as a data-quality flag and not as an alert, the
// completeness and timeliness deadline, the alert lifecycle with its 24-hour clock, and the flood
// link on Musi Banyuasin.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

// Three puskesmas near Sekayu (A and B about 4 km apart, C about 40 km away) and a hospital.
constexpr const char* kFacilities =
    "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n"
    "PKMA,PUSKESMAS A,puskesmas,-2.880,103.840\n"
    "PKMB,PUSKESMAS B,puskesmas,-2.900,103.870\n"
    "PKMC,PUSKESMAS C,puskesmas,-2.600,104.100\n"
    "RSUD,RSUD SEKAYU,rsud,-2.890,103.850\n";

class WeeklyCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string ws = dir.File("w.jangkau");

  void SetUp() override {
    ASSERT_EQ(RunCommand(J("init --workspace " + ws)).exit_code, 0);
    auto r = RunCommand(
        J("import facilities " + dir.Write("faskes.csv", kFacilities) + " --workspace " + ws));
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  testing::CommandResult Import(const std::string& name, const std::string& text) {
    return RunCommand(J("import weekly " + dir.Write(name, text) + " --workspace " + ws));
  }
  nlohmann::json Json(const std::string& args) {
    auto r = RunCommand("(" + J(args + " --format json --workspace " + ws) + " 2>/dev/null)");
    EXPECT_NO_THROW((void)nlohmann::json::parse(r.out)) << args << "\n" << r.out;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  nlohmann::json Reports() { return Json("surveillance reports"); }
  static int64_t Total(const nlohmann::json& reports) {
    int64_t sum = 0;
    for (const auto& r : reports) sum += r["kasus"].get<int64_t>();
    return sum;
  }
};

// "a;b;c" as its parts.
std::vector<std::string> SplitOn(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t end = std::min(text.find(';', from), text.size());
    out.push_back(text.substr(from, end - from));
    from = end + 1;
  }
  return out;
}

// "YYYY-Www" of consecutive weeks from 2025-W01 (2025 has 53 weeks).
std::string Week(int i) {
  int year = 2025;
  int week = 1 + i;
  if (week > 53) {
    week -= 53;
    year = 2026;
  }
  return std::to_string(year) + "-W" + (week < 10 ? "0" : "") + std::to_string(week);
}

TEST_F(WeeklyCli, BothLayoutsOfFormW2) {
  auto r = Import("w2.csv",
                  "kode_faskes,minggu,diterima,unit_lapor,ISPA,A_P,A_M,Diare berdarah (disentri)\n"
                  "PKMA,2025-W07,2025-02-17T09:00,5,40,12,1,\n"
                  "PKMB,2025-W07,2025-02-18T10:00,4,31,3,,2\n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = Import("long.csv",
             "kode_faskes,tahun,minggu,penyakit,kasus,kematian\n"
             "PKMC,2025,7,KULIT,9,\n"
             "PKMC,2025,7,pneumonia,2,0\n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto reports = Reports();
  ASSERT_EQ(reports.size(), 7u) << reports.dump();
  std::map<std::string, nlohmann::json> by;
  for (const auto& row : reports) {
    by[row["kode_faskes"].get<std::string>() + "/" + row["penyakit"].get<std::string>()] = row;
  }
  EXPECT_EQ(by["PKMA/A"]["kasus"], 12);
  EXPECT_EQ(by["PKMA/A"]["kematian"], 1);
  EXPECT_EQ(by["PKMA/A"]["unit_lapor"], 5);
  EXPECT_EQ(by["PKMA/A"]["diterima"], "2025-02-17T09:00:00+07:00");
  EXPECT_TRUE(by["PKMB/A"]["kematian"].is_null());  // an empty deaths cell is not a zero
  EXPECT_EQ(by["PKMB/E"]["kasus"], 2);              // a column named by the disease's name
  EXPECT_FALSE(by.contains("PKMA/E"));              // an empty cell is no report
  EXPECT_EQ(by["PKMC/D"]["kasus"], 2);              // "pneumonia" is D
  EXPECT_EQ(by["PKMC/KULIT"]["minggu"], "2025-W07");
}

TEST_F(WeeklyCli, ABadRowRefusesTheWholeFileAtItsLineAndColumn) {
  const std::string good = "PKMA,2025-W07,5\n";
  struct Case {
    std::string name, text, place, words;
  };
  const Case cases[] = {
      {"faskes", "kode_faskes,minggu,A\n" + good + "PKMX,2025-W07,5\n", ":3:1:", "PKMX"},
      {"penyakit", "kode_faskes,minggu,penyakit,kasus\nPKMA,2025-W07,ZZ,4\n", ":2:3:", "ZZ"},
      {"mati", "kode_faskes,minggu,A_P,A_M\nPKMA,2025-W07,3,4\n", ":2:4:", "a_m"},
      {"belum", "kode_faskes,minggu,A\n" + good + "PKMB,2099-W01,5\n", ":3:2:", "2099-W01"},
      {"minggu", "kode_faskes,minggu,A\nPKMA,2025-W54,5\n", ":2:2:", "2025-W54"},
      {"tahun", "kode_faskes,tahun,minggu,A\nPKMA,2026,53,5\n", ":2:3:", "53"},
      {"negatif", "kode_faskes,minggu,A\n" + good + "PKMB,2025-W07,-3\n", ":3:3:", "-3"},
      {"ganda", "kode_faskes,minggu,A\n" + good + good, ":3:3:", "PKMA 2025-W07 A"},
      {"dini", "kode_faskes,minggu,diterima,A\nPKMA,2025-W07,2025-02-08T23:00,5\n",
       ":2:3:", "2025-W07"},
      {"nanti", "kode_faskes,minggu,diterima,A\nPKMA,2025-W07,2099-02-18T10:00,5\n",
       ":2:3:", "2099"},
      {"waktu", "kode_faskes,minggu,diterima,A\nPKMA,2025-W07,kemarin,5\n", ":2:3:", "kemarin"},
      {"kolom", "kode_faskes,minggu,jumlah\nPKMA,2025-W07,5\n", ":1:", "A_P"},
  };
  const std::string before = testing::DumpWorkspace(ws);
  for (const Case& c : cases) {
    auto r = Import(c.name + ".csv", c.text);
    EXPECT_EQ(r.exit_code, 1) << c.name << "\n" << r.out;
    EXPECT_NE(r.out.find(c.name + ".csv" + c.place), std::string::npos) << c.name << "\n" << r.out;
    EXPECT_NE(r.out.find(c.words), std::string::npos) << c.name << "\n" << r.out;
  }
  EXPECT_EQ(testing::DumpWorkspace(ws), before);
}

TEST_F(WeeklyCli, ResendingReplacesAndAHundredReimportsChangeNothing) {
  std::string text = "kode_faskes,minggu,diterima,ISPA,A\n";
  for (int i = 0; i < 10; ++i) {
    for (const char* f : {"PKMA", "PKMB"}) {
      text += std::string(f) + "," + Week(i) + "," + (i == 0 ? "2025-01-06T08:00" : "") + "," +
              std::to_string(20 + i) + "," + std::to_string(3 + i % 4) + "\n";
    }
  }
  ASSERT_EQ(Import("minggu.csv", text).exit_code, 0);
  const auto first = Reports();
  ASSERT_EQ(first.size(), 40u);
  const int64_t total = Total(first);
  for (int k = 0; k < 100; ++k) {
    auto r = Import("minggu.csv", text);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  const auto again = Reports();
  EXPECT_EQ(again, first);  // the same rows, the same times, one value sent each
  EXPECT_EQ(Total(again), total);
  EXPECT_TRUE(Json("alerts --view mutu").empty());

  // A different value replaces the one in force (it is not added) and is a conflicting resend.
  auto r = Import("koreksi.csv",
                  "kode_faskes,minggu,penyakit,kasus,diterima\n"
                  "PKMA,2025-W01,ISPA,27,2025-01-09T08:00\n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto corrected = Reports();
  EXPECT_EQ(corrected.size(), 40u);
  EXPECT_EQ(Total(corrected), total + 7);
  for (const auto& row : corrected) {
    if (row["kode_faskes"] == "PKMA" && row["minggu"] == "2025-W01" && row["penyakit"] == "ISPA") {
      EXPECT_EQ(row["kiriman"], 2);
      EXPECT_EQ(row["diterima_pertama"], "2025-01-06T08:00:00+07:00");  // timeliness keeps it
      EXPECT_EQ(row["diterima"], "2025-01-09T08:00:00+07:00");
    }
  }
  const auto flags = Json("alerts --view mutu");
  ASSERT_EQ(flags.size(), 1u) << flags.dump();
  EXPECT_EQ(flags[0]["jenis"], "kiriman_berbeda");
  EXPECT_EQ(flags[0]["kode_faskes"], "PKMA");
  EXPECT_NE(flags[0]["rincian"].get<std::string>().find("20 ("), std::string::npos);
  EXPECT_NE(flags[0]["rincian"].get<std::string>().find("-> 27 ("), std::string::npos);
  // An older sending imported late is kept in the history but does not replace the newer one.
  ASSERT_EQ(Import("lama.csv",
                   "kode_faskes,minggu,penyakit,kasus,diterima\n"
                   "PKMA,2025-W01,ISPA,24,2025-01-07T08:00\n")
                .exit_code,
            0);
  EXPECT_EQ(Total(Reports()), total + 7);
}

TEST_F(WeeklyCli, TheFixedThresholdIsReachedAtItsValue) {
  // The shipped thresholds (one district's: diarrhoea A 15): 15 alerts, 14 does not.
  ASSERT_EQ(Import("a.csv",
                   "kode_faskes,minggu,A\n"
                   "PKMA,2025-W10,15\n"
                   "PKMA,2025-W11,14\n"
                   "PKMB,2025-W10,14\n")
                .exit_code,
            0);
  auto alerts = Json("alerts --method fixed");
  ASSERT_EQ(alerts.size(), 1u) << alerts.dump();
  EXPECT_EQ(alerts[0]["id"], "PKMA:2025-W10:A:fixed");
  EXPECT_EQ(alerts[0]["teramati"], 15);
  EXPECT_EQ(alerts[0]["ambang"], 15);
  EXPECT_EQ(alerts[0]["status"], "terbuka");
  // A district's own threshold replaces it.
  auto r = RunCommand(J("import skdr-thresholds " +
                        dir.Write("ambang.csv", "kode_wilayah,penyakit,ambang\n,A,14\n") +
                        " --workspace " + ws));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Json("alerts --method fixed").size(), 3u);
  r = RunCommand(J("import skdr-thresholds " +
                   dir.Write("salah.csv", "kode_wilayah,penyakit,ambang\n,XYZ,4\n,A,0\n") +
                   " --workspace " + ws));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("salah.csv:2:2:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("salah.csv:3:3:"), std::string::npos) << r.out;
  EXPECT_EQ(Json("alerts --method fixed").size(), 3u);
}

// EARS's minSigma (earsC: UB = mean + z * max(sd, minSigma)): on a flat baseline of 5 the
// default 0 alarms at 6 (UB 5), a minimum sigma of 1 does not (UB = 5 + 3.0902 = 8.09).
TEST_F(WeeklyCli, EarsMinimumSigmaQuietsAFlatBaseline) {
  std::string text = "kode_faskes,minggu,A\n";
  for (int i = 0; i < 8; ++i) {
    text += "PKMA," + Week(i) + "," + std::string(i == 7 ? "6" : "5") + "\n";
  }
  ASSERT_EQ(Import("datar.csv", text).exit_code, 0);
  const auto loud = Json("alerts --method ears-c1");
  ASSERT_EQ(loud.size(), 1u) << loud.dump();
  EXPECT_EQ(loud[0]["minggu"], Week(7));
  EXPECT_DOUBLE_EQ(loud[0]["ambang"].get<double>(), 5);
  EXPECT_TRUE(Json("alerts --method ears-c1 --min-sigma 1").empty());
}

TEST_F(WeeklyCli, ADoubleReportedWeekIsADataQualityFlagNotAnAlert) {
  // Eight ordinary weeks, then B's diarrhoea rises (a real event) and A, 4 km away, reports its
  // usual five plus B's thirty (the same patients counted twice).
  const int a[] = {5, 6, 5, 4, 6, 5, 5, 6, 35};
  const int b[] = {4, 5, 4, 5, 6, 4, 5, 5, 30};
  const int c[] = {5, 4, 6, 5, 5, 4, 6, 5, 5};
  std::string text = "kode_faskes,minggu,A\n";
  for (int i = 0; i < 9; ++i) {
    text += "PKMA," + Week(i) + "," + std::to_string(a[i]) + "\n";
    text += "PKMB," + Week(i) + "," + std::to_string(b[i]) + "\n";
    text += "PKMC," + Week(i) + "," + std::to_string(c[i]) + "\n";
  }
  ASSERT_EQ(Import("banjir.csv", text).exit_code, 0);
  const auto flags = Json("alerts --view mutu");
  ASSERT_EQ(flags.size(), 1u) << flags.dump();
  EXPECT_EQ(flags[0]["jenis"], "ganda_dengan_tetangga");
  EXPECT_EQ(flags[0]["kode_faskes"], "PKMA");
  EXPECT_EQ(flags[0]["minggu"], Week(8));
  EXPECT_NE(flags[0]["rincian"].get<std::string>().find("PKMB"), std::string::npos);
  bool a_alert = false, b_alert = false;
  for (const auto& alert : Json("alerts")) {
    a_alert = a_alert || (alert["kode_faskes"] == "PKMA" && alert["minggu"] == Week(8));
    b_alert = b_alert || (alert["kode_faskes"] == "PKMB" && alert["minggu"] == Week(8) &&
                          alert["metode"] == "fixed");
  }
  EXPECT_FALSE(a_alert);  // held back
  EXPECT_TRUE(b_alert);   // the neighbour's real rise still alerts
  auto r = RunCommand(J("alerts --workspace " + ws));
  EXPECT_NE(r.out.find("ditahan"), std::string::npos) << r.out;
}

TEST_F(WeeklyCli, CompletenessAndTimelinessAgainstTheDeadline) {
  // Week 2025-W07 runs Sunday 9 to Saturday 15 February; the default deadline is before
  // Wednesday 19 February 00:00 WIB.
  ASSERT_EQ(Import("tepat.csv",
                   "kode_faskes,minggu,diterima,A\n"
                   "PKMA,2025-W07,2025-02-18T23:59,1\n"
                   "PKMB,2025-W07,2025-02-19T00:00,1\n"
                   "PKMA,2025-W08,2025-02-25T08:00,1\n")
                .exit_code,
            0);
  auto table = Json("surveillance completeness");
  std::map<std::string, nlohmann::json> by;
  for (const auto& row : table) by[row["kode_faskes"].get<std::string>()] = row;
  ASSERT_EQ(by.size(), 4u) << table.dump();  // three puskesmas and the total (not the RSUD)
  EXPECT_EQ(by["PKMA"]["minggu_diharapkan"], 2);
  EXPECT_EQ(by["PKMA"]["lapor"], 2);
  EXPECT_EQ(by["PKMA"]["tepat_waktu"], 2);
  EXPECT_EQ(by["PKMB"]["lapor"], 1);
  EXPECT_EQ(by["PKMB"]["tepat_waktu"], 0);
  EXPECT_DOUBLE_EQ(by["PKMB"]["kelengkapan_persen"].get<double>(), 50);
  EXPECT_EQ(by["PKMB"]["kelengkapan_di_bawah_90"], true);
  EXPECT_EQ(by["PKMB"]["ketepatan_di_bawah_80"], true);
  EXPECT_EQ(by["PKMC"]["lapor"], 0);
  EXPECT_EQ(by["TOTAL"]["minggu_diharapkan"], 6);
  EXPECT_EQ(by["TOTAL"]["lapor"], 3);
  EXPECT_EQ(by["TOTAL"]["tepat_waktu"], 2);
  // A day more of grace puts B's report on time.
  table = Json("surveillance completeness --deadline-hours 96 --by minggu");
  EXPECT_EQ(table[0]["minggu"], "2025-W07");
  EXPECT_EQ(table[0]["faskes_diharapkan"], 3);
  EXPECT_EQ(table[0]["tepat_waktu"], 2);
}

TEST_F(WeeklyCli, TheAlertLifecycleAndItsTwentyFourHourClock) {
  ASSERT_EQ(Import("a.csv", "kode_faskes,minggu,diterima,A\nPKMA,2025-W10,2025-03-10T08:00,20\n")
                .exit_code,
            0);
  const std::string id = "PKMA:2025-W10:A:fixed";
  auto step = [&](const std::string& status, const std::string& at) {
    return RunCommand(
        J("alerts step --workspace " + ws + " --id " + id + " --status " + status + " --at " + at));
  };
  auto r = step("direspons", "2025-03-10T09:00");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("diverifikasi, bukan_klb"), std::string::npos) << r.out;
  r = step("diverifikasi", "2025-03-10T07:00");  // before the report arrived
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("2025-03-10T08:00:00+07:00"), std::string::npos) << r.out;
  ASSERT_EQ(step("diverifikasi", "2025-03-10T10:00").exit_code, 0);
  ASSERT_EQ(step("direspons", "2025-03-11T14:00").exit_code, 0);
  r = step("bukan_klb", "2025-03-12T10:00");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  r = RunCommand(J("alerts step --workspace " + ws +
                   " --id PKMA:2025-W10:A:ears-c9 --status "
                   "diverifikasi"));
  EXPECT_EQ(r.exit_code, 1);
  const auto alerts = Json("alerts --method fixed");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["status"], "direspons");
  EXPECT_DOUBLE_EQ(alerts[0]["jam_ke_verifikasi"].get<double>(), 2);
  EXPECT_DOUBLE_EQ(alerts[0]["jam_ke_respons"].get<double>(), 30);
  EXPECT_EQ(alerts[0]["verifikasi_24_jam"], true);
  EXPECT_EQ(alerts[0]["respons_24_jam"], false);
  const auto months = Json("alerts --method fixed --view bulanan");
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0]["bulan"], "2025-03");
  EXPECT_DOUBLE_EQ(months[0]["persen_diverifikasi"].get<double>(), 100);
  EXPECT_DOUBLE_EQ(months[0]["persen_respons_24_jam"].get<double>(), 0);
}

// The flood link on Musi Banyuasin (the demo's scenario: the 12 villages with the highest flood
// hazard index, their facilities closed): every alert carries its puskesmas' catchment by travel
// time, the flooded villages in it (only the scenario's, each in one catchment), whether the
// flood closes it, and the nearest available unit with its minutes.
TEST(WeeklyFlood, AlertsCarryTheFloodOfTheirCatchmentAndTheNearestUnit) {
  TempDir dir;
  const std::string ws = testing::SampleWorkspace(dir, "muba", testing::DistrictImports("muba"));
  auto run = [&](const std::string& args) {
    auto r = RunCommand(J(args + " --workspace " + ws));
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    return r;
  };
  run("scenario create --name banjir --hazard-top 12 --flood-factor 0.2 --close-flooded");
  auto items = nlohmann::json::parse(
      RunCommand("(" + J("scenario show --name banjir --format json --workspace " + ws) +
                 " 2>/dev/null)")
          .out);
  std::set<std::string> flooded, closed;
  for (const auto& i : items) {
    if (i["jenis"] == "banjir") flooded.insert(i["kode"].get<std::string>());
    if (i["jenis"] == "tutup") closed.insert(i["kode"].get<std::string>());
  }
  ASSERT_EQ(flooded.size(), 12u);
  // Every puskesmas reports 20 cases of diarrhoea in one week: a fixed alert each.
  auto facilities = nlohmann::json::parse(
      RunCommand("(" + J("show facilities --format json --workspace " + ws) + " 2>/dev/null)").out);
  std::string text = "kode_faskes,minggu,A\n";
  std::string base_kode;
  double base_lon = 0, base_lat = 0;
  for (const auto& f : facilities) {
    if (f["jenis_faskes"] != "puskesmas") continue;
    text += f["kode_faskes"].get<std::string>() + ",2026-W40,20\n";
    if (base_kode.empty() && !f["lon"].is_null()) {
      base_kode = f["kode_faskes"].get<std::string>();
      base_lon = f["lon"].get<double>();
      base_lat = f["lat"].get<double>();
    }
  }
  ASSERT_FALSE(base_kode.empty());
  run("import weekly " + dir.Write("w.csv", text));
  run("unit add --kode MOTOR-1 --jenis motor --lon " + std::to_string(base_lon) + " --lat " +
      std::to_string(base_lat) + " --pangkalan " + base_kode);
  auto r = RunCommand("(" +
                      J("alerts --method fixed --scenario banjir --format json --workspace " + ws) +
                      " 2>/dev/null)");
  const auto alerts = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(alerts.is_discarded()) << r.out;
  ASSERT_GE(alerts.size(), 20u);
  std::set<std::string> covered;
  int marked = 0;
  for (const auto& a : alerts) {
    const std::string kode = a["kode_faskes"].get<std::string>();
    const std::string desa = a["desa_banjir"].get<std::string>();
    EXPECT_EQ(a["wilayah_kerja_banjir"].get<bool>(), !desa.empty()) << kode;
    marked += desa.empty() ? 0 : 1;
    for (const std::string& d : SplitOn(desa)) {
      EXPECT_TRUE(flooded.contains(d)) << kode << " lists " << d;
      EXPECT_TRUE(covered.insert(d).second) << d << " in two catchments";
    }
    EXPECT_EQ(a["faskes_tutup"].get<bool>(), closed.contains(kode)) << kode;
    EXPECT_EQ(a["unit_terdekat"], "MOTOR-1") << kode;  // the only unit
    if (kode == base_kode) {
      EXPECT_LT(a["menit_unit"].get<double>(), 2) << "the unit stands at " << kode;
    } else if (!a["menit_unit"].is_null()) {
      EXPECT_GT(a["menit_unit"].get<double>(), 2) << kode;
    }
  }
  EXPECT_GT(marked, 0);
  EXPECT_FALSE(covered.empty());
  EXPECT_NE(RunCommand(J("alerts --scenario tidak-ada --workspace " + ws)).exit_code, 0);
}

}  // namespace
}  // namespace jangkau
