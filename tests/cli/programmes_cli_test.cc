// `jangkau import growth` and `jangkau programmes` from outside (issue 13): an e-PPGBM export
// as it really is (NIK as text, decimal commas, day-first dates, the `Pukesmas` header, village
// names written every which way, an HTML table saved as .xls, implausible values), refused whole
// on a malformed value, idempotent on re-import, and the per-area table. The children are WHO's
// own (igrowup's example survey: ids 10, 53, 5, 34 with their ages in days), so the categories
// expected follow from WHO's z-scores: child 10 zlen -2.54, zwei -2.05; child 53 zlen -2.24,
// zwei -2.42; child 5 zlen 0.32; child 34 zwfl 2.23.
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

const char* kHeader =
    "NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,Prov,Kab/Kota,Kec,Pukesmas,Desa/Kel,"
    "Posyandu,RT,RW,Alamat,Usia Saat Ukur,Tanggal Pengukuran,Bulan Pengukuran,Berat,Tinggi,"
    "Cara Ukur,LiLA,BB/U,ZS BB/U,TB/U,ZS TB/U,BB/TB,ZS BB/TB,Naik Berat Badan\n";

// One row of the export; `desa`, `weight` and `height` as written.
std::string Row(const std::string& nik, const std::string& nama, const std::string& jk,
                const std::string& born, const std::string& desa, const std::string& measured,
                const std::string& weight, const std::string& height, const std::string& cara,
                const std::string& posyandu = "Posyandu Mawar") {
  return nik + "," + nama + "," + jk + "," + born + ",\"3,1\",,Ibu " + nama +
         ",SUMATERA SELATAN,MUSI BANYUASIN,Sekayu,Sekayu," + desa + "," + posyandu +
         ",001,002,Jl. Contoh,,\"" + measured + "\",Februari 2025,\"" + weight + "\",\"" + height +
         "\"," + cara + ",,,999.99,,,,,\n";
}

std::string Export() {
  return std::string(kHeader) +
         Row("1606010101230010", "Anak Sepuluh", "L", "30/07/2023", "Desa Kayu Ara", "15/02/2025",
             "8,8", "75,9", "Terlentang") +
         Row("1606010101210053", "Anak Limapuluhtiga", "P", "22/07/2021", "KAYU ARA", "2025-02-15",
             "11,1", "90,4", "Berdiri") +
         Row("", "Anak Lima", "P", "16/09/2023", "Kayu Ara", "15/02/2025", "11", "80,6",
             "Terlentang") +
         Row("1606010101220034", "Anak Tigapuluhempat", "L", "14/03/2022", "SERASAN JAYA",
             "15/02/2025", "17,3", "96,2", "Berdiri", "Posyandu Melati") +
         // Weight typed in grams: kept, and WHO's flag marks it.
         Row("1606010101230099", "Anak Gram", "L", "04/04/2023", "Dusun Tak Terdaftar",
             "15/02/2025", "10945", "84,8", "Terlentang");
}

class ProgrammesCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string ws = testing::SampleWorkspace(
      dir, "muba", {{"regions", "districts/muba/wilayah.geojson --make-valid"}});

  testing::CommandResult Import(const std::string& name, const std::string& text) {
    return RunCommand(J("import growth " + dir.Write(name, text) + " --workspace " + ws));
  }
  nlohmann::json Table(const std::string& by) {
    auto r = RunCommand(J("programmes --format json --by " + by + " --workspace " + ws));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
  }
  static const nlohmann::json& Group(const nlohmann::json& rows, const std::string& key) {
    for (const auto& row : rows) {
      if (row["kelompok"] == key) return row;
    }
    static const nlohmann::json kNone;
    ADD_FAILURE() << "no group " << key << " in " << rows.dump();
    return kNone;
  }
};

TEST_F(ProgrammesCli, AnEppgbmExportAsItReallyIs) {
  auto r = Import("eppgbm.csv", Export());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Dusun Tak Terdaftar"), std::string::npos) << r.out;  // warned, kept
  const auto desa = Table("desa");
  const auto& kayu_ara = Group(desa, "16.06.01.1009");
  EXPECT_EQ(kayu_ara["nama"], "Kayu Ara");
  EXPECT_EQ(kayu_ara["anak"], 3);
  EXPECT_EQ(kayu_ara["stunting_n"], 3);
  EXPECT_NEAR(kayu_ara["stunting_persen"].get<double>(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(kayu_ara["underweight_persen"].get<double>(), 200.0 / 3, 1e-9);
  EXPECT_EQ(kayu_ara["tb_u_pendek"], 2);
  EXPECT_EQ(kayu_ara["tb_u_normal"], 1);
  EXPECT_EQ(kayu_ara["bb_u_kurang"], 2);
  EXPECT_EQ(kayu_ara["bb_tb_gizi_baik"], 3);
  EXPECT_EQ(kayu_ara["n_kurang_30"], true);
  EXPECT_EQ(kayu_ara["sumber"], "e-PPGBM (rutin)");
  const auto& serasan = Group(desa, "16.06.01.1010");
  EXPECT_EQ(serasan["bb_tb_gizi_lebih"], 1);
  EXPECT_NEAR(serasan["overweight_persen"].get<double>(), 100.0, 1e-9);
  const auto& unmatched = Group(desa, "?Dusun Tak Terdaftar");
  EXPECT_EQ(unmatched["dicurigai"], 1);
  EXPECT_EQ(unmatched["underweight_n"], 0);  // the flagged weight is left out
  const auto kab = Table("kabupaten");
  ASSERT_EQ(kab.size(), 1u);
  EXPECT_EQ(kab[0]["anak"], 5);
  EXPECT_EQ(Table("posyandu").size(), 3u);
  EXPECT_EQ(Group(Table("kecamatan"), "16.06.01")["anak"], 4);

  // The same file again changes nothing; a corrected weight replaces the record.
  ASSERT_EQ(Import("eppgbm.csv", Export()).exit_code, 0);
  EXPECT_EQ(Table("kabupaten")[0]["anak"], 5);
  std::string corrected = Export();
  corrected.replace(corrected.find("\"10945\""), 7, "\"10,9\"");
  ASSERT_EQ(Import("koreksi.csv", corrected).exit_code, 0);
  EXPECT_EQ(Group(Table("desa"), "?Dusun Tak Terdaftar")["dicurigai"], 0);
  EXPECT_EQ(Table("kabupaten")[0]["anak"], 5);
}

// e-PPGBM's "Excel" download is an HTML table with an .xls name.
TEST_F(ProgrammesCli, AnHtmlTableSavedAsXlsIsReadAsTheTable) {
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><table border=1>\n<tr>";
  std::string header = kHeader;
  header.pop_back();
  std::size_t start = 0;
  while (true) {
    const auto comma = header.find(',', start);
    html += "<th>" + header.substr(start, comma - start) + "</th>";
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  html +=
      "</tr>\n<tr><td>1606010101230010</td><td>Anak&nbsp;Sepuluh</td><td>L</td>"
      "<td>30/07/2023</td><td>3,1</td><td></td><td>Ibu</td><td>SUMATERA SELATAN</td>"
      "<td>MUSI BANYUASIN</td><td>Sekayu</td><td>Sekayu</td><td>Desa Kayu Ara</td>"
      "<td>Posyandu Mawar</td><td>001</td><td>002</td><td>Jl. A &amp; B</td><td></td>"
      "<td>15/02/2025</td><td>Februari 2025</td><td>8,8</td><td>75,9</td><td>Terlentang</td>"
      "<td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>\n"
      "</table></body></html>\n";
  auto r = Import("eppgbm.xls", html);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto desa = Table("desa");
  const auto& kayu_ara = Group(desa, "16.06.01.1009");
  EXPECT_EQ(kayu_ara["anak"], 1);
  EXPECT_EQ(kayu_ara["tb_u_pendek"], 1);
}

TEST_F(ProgrammesCli, AMalformedValueRefusesTheWholeFileNamingItsPlace) {
  ASSERT_EQ(Import("awal.csv", Export()).exit_code, 0);
  const auto before = Table("desa");
  const std::string good = Row("1606010101230011", "Anak Baru", "L", "30/07/2023", "Kayu Ara",
                               "15/02/2025", "9,0", "76,0", "Terlentang");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {Row("1606010101230012", "A", "L", "30/07/2023", "Kayu Ara", "15/02/2025", "9,0", "83..9",
           "Terlentang"),
       ":3:21:"},  // not a number
      {Row("1606010101230012", "A", "L", "30/07/2023", "Kayu Ara", "31/02/2025", "9,0", "76",
           "Terlentang"),
       ":3:18:"},  // an impossible date
      {Row("1606010101230012", "A", "X", "30/07/2023", "Kayu Ara", "15/02/2025", "9,0", "76",
           "Terlentang"),
       ":3:3:"},  // unknown sex
      {Row("1.60601E+15", "A", "L", "30/07/2023", "Kayu Ara", "15/02/2025", "9,0", "76",
           "Terlentang"),
       ":3:1:"},  // a NIK stored as a number
      {Row("1606010101230012", "A", "L", "30/07/2025", "Kayu Ara", "15/02/2025", "9,0", "76",
           "Terlentang"),
       ":3:18:"},  // measured before birth
      {Row("1606010101230012", "A", "L", "30/07/2023", "Kayu Ara", "15/02/2025", "9,0", "76",
           "Duduk"),
       ":3:22:"},  // unknown position
  };
  for (const auto& [row, where] : bad) {
    auto r = Import("buruk.csv", std::string(kHeader) + good + row);
    EXPECT_EQ(r.exit_code, 1) << row << r.out;
    EXPECT_NE(r.out.find("buruk.csv" + where), std::string::npos) << row << r.out;
    EXPECT_EQ(Table("desa"), before) << "nothing written for " << row;
  }
  // The same child and date twice in one file.
  auto twice = Import("dua.csv", std::string(kHeader) + good + good);
  EXPECT_EQ(twice.exit_code, 1) << twice.out;
  EXPECT_NE(twice.out.find("dua.csv:3:18:"), std::string::npos) << twice.out;
}

// The posyandu register from the same export: a child weighed in January and again in February
// with a gain above the KBM is N in February; one weighed first in February is B.
TEST_F(ProgrammesCli, SkdnPerPosyanduAndMonth) {
  const std::string text = std::string(kHeader) +
                           Row("1606010101230010", "A", "L", "30/07/2023", "Kayu Ara", "15/01/2025",
                               "8,3", "75", "Terlentang") +
                           Row("1606010101230010", "A", "L", "30/07/2023", "Kayu Ara", "15/02/2025",
                               "8,8", "75,9", "Terlentang") +
                           Row("1606010101230011", "B", "P", "30/07/2023", "Kayu Ara", "15/02/2025",
                               "8,1", "74", "Terlentang");
  ASSERT_EQ(Import("skdn.csv", text).exit_code, 0);
  auto r = RunCommand(J("skdn --format json --workspace " + ws));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[1]["posyandu"], "16.06.01.1009/Posyandu Mawar");
  EXPECT_EQ(rows[1]["bulan"], "2025-02");
  EXPECT_EQ(rows[1]["s"], 2);
  EXPECT_EQ(rows[1]["d"], 2);
  EXPECT_EQ(rows[1]["n"], 1);
  EXPECT_EQ(rows[1]["b"], 1);
  EXPECT_DOUBLE_EQ(rows[1]["persen_n_d"].get<double>(), 50.0);
  EXPECT_EQ(rows[0]["b"], 1);
}

// Routine and survey side by side: the published Muba figures (SSGI 2022 17.7%, e-PPGBM 1.58%)
// with their origin and status, the workspace's own routine figure per year, and a warning when
// routine is under half the survey of the same year.
TEST_F(ProgrammesCli, RoutineAndSurveyFiguresSideBySideNeverBlended) {
  ASSERT_EQ(Import("eppgbm.csv", Export()).exit_code, 0);
  auto r = RunCommand("(" + J("stunting --format json --workspace " + ws) + " 2>/dev/null)");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out);
  bool ssgi = false;
  bool routine = false;
  bool ours = false;
  for (const auto& row : rows) {
    if (row["tahun"] == 2022 && row["sumber"] == "SSGI") {
      ssgi = row["persen"] == 17.7 && row["jenis"] == "survei" &&
             row["status"] == "dilaporkan_pers_belum_diverifikasi";
    }
    if (row["tahun"] == 2022 && row["sumber"] == "e-PPGBM") routine = row["persen"] == 1.58;
    if (row["tahun"] == 2025 && row["status"] == "dihitung") {
      ours = row["penyebut"] == 5 && row["persen"] == 40.0;  // 2 of the 5 children are stunted
    }
  }
  EXPECT_TRUE(ssgi) << rows.dump();
  EXPECT_TRUE(routine) << rows.dump();
  EXPECT_TRUE(ours) << rows.dump();
  auto warned = RunCommand(J("stunting --format csv --workspace " + ws));
  EXPECT_NE(warned.out.find(
                "stunting rutin 1.58% (e-PPGBM) kurang dari separuh angka survei 17.70% (SSGI)"),
            std::string::npos)
      << warned.out;
}

// The least weighed first: in March only child 10 of Kayu Ara's Mawar is weighed, so the last
// month's D/S is 1 of 3 there and 0 at the other two posyandu.
TEST_F(ProgrammesCli, AgainstAccessTheLeastWeighedComeFirst) {
  ASSERT_EQ(Import("februari.csv", Export()).exit_code, 0);
  ASSERT_EQ(Import("maret.csv", std::string(kHeader) +
                                    Row("1606010101230010", "Anak Sepuluh", "L", "30/07/2023",
                                        "Desa Kayu Ara", "15/03/2025", "9,1", "76,5", "Terlentang"))
                .exit_code,
            0);
  auto r = RunCommand(
      "(" + J("programmes --by posyandu --against-access --format json --workspace " + ws) +
      " 2>/dev/null)");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 3u) << rows.dump();
  EXPECT_EQ(rows[0]["persen_d_s"], 0.0);
  EXPECT_EQ(rows[1]["persen_d_s"], 0.0);
  const auto& last = rows[2];
  EXPECT_EQ(last["kelompok"], "16.06.01.1009/Posyandu Mawar");
  EXPECT_EQ(last["bulan"], "2025-03");
  EXPECT_EQ(last["s"], 3);
  EXPECT_EQ(last["d"], 1);
  EXPECT_NEAR(last["persen_d_s"].get<double>(), 100.0 / 3, 1e-9);
  EXPECT_EQ(last["anak_diukur"], 3);
  // Only desa, posyandu and kecamatan have a travel time to set against.
  auto refused = RunCommand(J("programmes --by kabupaten --against-access --workspace " + ws));
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.out.find("--against-access"), std::string::npos) << refused.out;
}

// The KBM is the workspace's reference table `kbm`: child 10 gains 150 g from February to March
// at 19 months, under the shipped 200 g (T); a district table of 100 g makes it N. A bad table is
// refused at its line and column and the one in force stays.
TEST_F(ProgrammesCli, TheKbmIsAReferenceTableTheDistrictMayReplace) {
  ASSERT_EQ(Import("februari.csv", Export()).exit_code, 0);
  ASSERT_EQ(
      Import("maret.csv", std::string(kHeader) + Row("1606010101230010", "Anak Sepuluh", "L",
                                                     "30/07/2023", "Desa Kayu Ara", "15/03/2025",
                                                     "8,95", "76,1", "Terlentang"))
          .exit_code,
      0);
  auto march = [this] {
    auto r = RunCommand("(" + J("skdn --format json --workspace " + ws) + " 2>/dev/null)");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    for (const auto& row : nlohmann::json::parse(r.out)) {
      if (row["posyandu"] == "16.06.01.1009/Posyandu Mawar" && row["bulan"] == "2025-03") {
        return row;
      }
    }
    ADD_FAILURE() << r.out;
    return nlohmann::json();
  };
  EXPECT_EQ(march()["t"], 1);
  EXPECT_EQ(march()["n"], 0);
  auto kbm = [this](const std::string& name, const std::string& text) {
    return RunCommand(J("import kbm " + dir.Write(name, text) + " --workspace " + ws));
  };
  for (auto [text, where] : {std::pair{"umur_bulan,kbm_gram\n0,100\n", "kbm.csv:2:1"},
                             std::pair{"umur_bulan,kbm_gram\n1,-5\n", "kbm.csv:2:2"},
                             std::pair{"umur_bulan,kbm_gram\n1,100\n1,200\n", "kbm.csv:3:1"}}) {
    auto refused = kbm("kbm.csv", text);
    EXPECT_NE(refused.exit_code, 0) << text;
    EXPECT_NE(refused.out.find(where), std::string::npos) << text << refused.out;
  }
  EXPECT_EQ(march()["t"], 1);  // the table in force is unchanged
  ASSERT_EQ(kbm("kbm_daerah.csv", "umur_bulan,kbm_gram\n1,100\n").exit_code, 0);
  EXPECT_EQ(march()["n"], 1);
  EXPECT_EQ(march()["t"], 0);
}

// By age group and sex: the kabupaten's five children split as anthro groups them (ages in
// months at measurement: 18.6, 42.8, 17.0, 35.1 and 22.4; boys 10, 34 and the one in grams);
// and the villages' map as a GeoJSON file.
TEST_F(ProgrammesCli, ByAgeGroupAndSexAndTheVillagesMap) {
  ASSERT_EQ(Import("eppgbm.csv", Export()).exit_code, 0);
  const std::string map = dir.File("peta.geojson");
  auto r = RunCommand(
      "(" +
      J("programmes --by kabupaten --breakdown --format json --map " + map + " --workspace " + ws) +
      " 2>/dev/null)");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::map<std::string, int> children;
  for (const auto& row : nlohmann::json::parse(r.out)) {
    children[row["subkelompok"].get<std::string>()] = row["anak"].get<int>();
  }
  EXPECT_EQ(children["semua"], 5);
  EXPECT_EQ(children["laki_laki"], 3);
  EXPECT_EQ(children["perempuan"], 2);
  EXPECT_EQ(children["umur_12_23"], 3);
  EXPECT_EQ(children["umur_24_35"], 1);
  EXPECT_FALSE(children.contains("umur_00_05"));  // no row: none of that age
  EXPECT_EQ(children["umur_36_47"], 1);
  std::ifstream in(map);
  ASSERT_TRUE(in) << map;
  const auto fc = nlohmann::json::parse(in);
  ASSERT_GT(fc["features"].size(), 200u);
  bool found = false;
  for (const auto& f : fc["features"]) {
    if (f["properties"]["kode"] != "16.06.01.1009") continue;
    found = true;
    EXPECT_EQ(f["properties"]["anak"], 3);
    EXPECT_NEAR(f["properties"]["stunting_persen"].get<double>(), 200.0 / 3, 1e-9);
    const std::string type = f["geometry"]["type"];
    EXPECT_TRUE(type == "Polygon" || type == "MultiPolygon") << type;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace jangkau
