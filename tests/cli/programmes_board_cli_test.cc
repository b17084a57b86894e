// `jangkau import stbm|jkn|germas` and the tables they feed (`stbm`, `jkn`, `germas`, `tpps`,
// `programmes --against-access`) from outside, on the Muba boundaries: the research's acceptance
// cases for the Desa STBM rule and the UHC category (docs/programmes.md), files refused whole at
// their line and column, re-imports that replace, coverage above 100% flagged and not capped.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

const char* kStbmHeader =
    "kode_desa,tanggal,jumlah_kk,kk_jsp,kk_jssp,kk_sharing,kk_babs,sbs_deklarasi,"
    "tanggal_deklarasi,sbs_verifikasi,tanggal_verifikasi,kk_ctps,kk_pammrt,kk_sampah,kk_limbah,"
    "kk_3_pilar,sumber\n";

// The research's three cases (100% SBS not verified; verified with 74%; verified with 75%) and a
// desa that has not declared.
std::string Stbm() {
  return std::string(kStbmHeader) +
         "16.06.01.1009,2025-06-30,200,150,50,0,0,ya,2024-03-01,tidak,,120,110,90,80,200,CONTOH\n"
         "16.06.01.1010,2025-06-30,100,60,40,0,0,ya,2024-03-01,ya,2024-09-01,80,80,70,60,74,"
         "CONTOH\n"
         "16.06.01.1011,30/06/"
         "2025,100,70,30,0,0,Ya,2024-03-01,Ya,2024-09-01,90,90,80,75,75,CONTOH\n"
         "16.06.01.1012,2025-06-30,50,10,10,5,25,tidak,,tidak,,20,20,10,10,5,CONTOH\n";
}

const char* kJknHeader =
    "kode_wilayah,tanggal,penduduk,pbi_jk,pbpu_pemda,pbpu_mandiri,bp,ppu_pn,ppu_bu,persen_aktif,"
    "cakupan_persen,uhc_prioritas,iuran_pemda_lunas,sumber\n";

class ProgrammesBoardCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string ws = testing::SampleWorkspace(
      dir, "muba", {{"regions", "districts/muba/wilayah.geojson --make-valid"}});

  testing::CommandResult Import(const std::string& kind, const std::string& name,
                                const std::string& text) {
    return RunCommand(J("import " + kind + " " + dir.Write(name, text) + " --workspace " + ws));
  }
  nlohmann::json Json(const std::string& command) {
    auto r = RunCommand("(" + J(command + " --format json --workspace " + ws) + " 2>/dev/null)");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
  }
  static const nlohmann::json& Row(const nlohmann::json& rows, const std::string& column,
                                   const std::string& key) {
    for (const auto& row : rows) {
      if (row[column] == key) return row;
    }
    static const nlohmann::json kNone;
    ADD_FAILURE() << "no " << key << " in " << rows.dump();
    return kNone;
  }
};

TEST_F(ProgrammesBoardCli, TheDesaStbmRuleOnTheResearchCases) {
  auto r = Import("stbm", "stbm.csv", Stbm());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto desa = Json("stbm --by desa");
  ASSERT_EQ(desa.size(), 4u);
  EXPECT_EQ(Row(desa, "kode_desa", "16.06.01.1009")["status"], "SBS (klaim)");
  EXPECT_EQ(Row(desa, "kode_desa", "16.06.01.1010")["status"], "SBS terverifikasi");
  EXPECT_EQ(Row(desa, "kode_desa", "16.06.01.1011")["status"], "Desa STBM");
  const auto& none = Row(desa, "kode_desa", "16.06.01.1012");
  EXPECT_EQ(none["status"], "belum SBS");
  EXPECT_EQ(none["persen_kk_babs"], 50.0);
  EXPECT_EQ(none["nama"], "Balai Agung");
  const auto kec = Json("stbm --by kecamatan");
  ASSERT_EQ(kec.size(), 1u);
  EXPECT_EQ(kec[0]["desa_berdata"], 4);
  EXPECT_EQ(kec[0]["desa_sbs_klaim"], 3);
  EXPECT_EQ(kec[0]["desa_stbm"], 1);
  EXPECT_EQ(kec[0]["persen_desa_sbs"], 75.0);
  // Households summed, never a mean of village shares: (150+60+70+10) / (200+100+100+50).
  EXPECT_NEAR(kec[0]["persen_kk_jsp"].get<double>(), 100.0 * 290 / 450, 1e-9);

  // Re-importing replaces: the same desa and date once, with the new figures.
  std::string again = Stbm();
  again.replace(again.find(",5,CONTOH"), 9, ",40,CONTOH");
  ASSERT_EQ(Import("stbm", "lagi.csv", again).exit_code, 0);
  const auto after = Json("stbm --by desa");
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(Row(after, "kode_desa", "16.06.01.1012")["persen_kk_3_pilar"], 80.0);
}

TEST_F(ProgrammesBoardCli, AnStbmFileWithOneBadRowIsRefusedWhole) {
  const std::string header = kStbmHeader;
  struct Case {
    std::string row, column, text;
  };
  const Case cases[] = {
      // Verified without a declaration.
      {"16.06.01.1009,2025-06-30,200,150,50,0,0,tidak,,ya,,,,,,,\n", "10", "sbs_verifikasi"},
      // More households on a pillar than households.
      {"16.06.01.1009,2025-06-30,200,150,50,0,0,ya,,,,201,,,,,\n", "12", "kk_ctps"},
      // The four latrine categories add up to more than the households.
      {"16.06.01.1009,2025-06-30,200,150,50,10,0,ya,,,,,,,,,\n", "7", "kk_babs"},
      // A kecamatan is not a desa; an unknown code.
      {"16.06.01,2025-06-30,200,,,,,ya,,,,,,,,,\n", "1", "kecamatan"},
      {"16.06.99.9999,2025-06-30,200,,,,,ya,,,,,,,,,\n", "1", "16.06.99.9999"},
      // Not a number, a date that does not exist, a yes/no that is neither.
      {"16.06.01.1009,2025-06-30,dua ratus,,,,,ya,,,,,,,,,\n", "3", "dua ratus"},
      {"16.06.01.1009,2025-02-30,200,,,,,ya,,,,,,,,,\n", "2", "2025-02-30"},
      {"16.06.01.1009,2025-06-30,200,,,,,mungkin,,,,,,,,,\n", "8", "mungkin"},
      // Verified before it was declared.
      {"16.06.01.1009,2025-06-30,200,,,,,ya,2024-05-01,ya,2024-04-01,,,,,,\n", "11", "2024-04-01"},
  };
  ASSERT_EQ(Import("stbm", "awal.csv", Stbm()).exit_code, 0);
  const std::string before = Json("stbm --by desa").dump();
  for (const Case& c : cases) {
    const std::string good = "16.06.01.2001,2025-06-30,10,5,5,0,0,ya,,,,,,,,,\n";
    auto r = Import("stbm", "buruk.csv", header + good + c.row);
    EXPECT_NE(r.exit_code, 0) << c.row << r.out;
    EXPECT_NE(r.out.find("buruk.csv:3:" + c.column), std::string::npos) << c.row << r.out;
    EXPECT_NE(r.out.find(c.text), std::string::npos) << c.row << r.out;
    EXPECT_EQ(Json("stbm --by desa").dump(), before) << c.row;  // nothing written
  }
  // The same desa and date twice in one file.
  const std::string row = "16.06.01.1009,2025-06-30,200,,,,,ya,,,,,,,,,\n";
  auto twice = Import("stbm", "dua.csv", header + row + row);
  EXPECT_NE(twice.exit_code, 0) << twice.out;
  EXPECT_NE(twice.out.find("dua.csv:3:2"), std::string::npos) << twice.out;
}

TEST_F(ProgrammesBoardCli, TheUhcCategoryOnTheResearchCases) {
  // (98.5, 82) -> Pratama; (99.2, 96, Pemda 20%) -> Utama; (97.9, 90) -> none; 102.6% flagged.
  const std::string file = std::string(kJknHeader) +
                           "16.06,2024-01-01,,,,,,,,82,98.5,ya,ya,CONTOH\n" +
                           "16.06,2024-06-30,1000,500,200,100,0,92,100,96,,ya,ya,CONTOH\n" +
                           "16.06,2024-12-31,,,,,,,,90,\"97,9\",,,CONTOH\n" +
                           "16.06,2025-06-30,1000,600,200,100,6,60,60,92,,,,CONTOH\n" +
                           "16,2025-06-30,,,,,,,,81.45,99,,,\n";
  auto r = Import("jkn", "jkn.csv", file);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = Json("jkn");
  ASSERT_EQ(rows.size(), 5u);
  auto at = [&rows](const std::string& kode, const std::string& tanggal) {
    for (const auto& row : rows) {
      if (row["kode_wilayah"] == kode && row["tanggal"] == tanggal) return row;
    }
    ADD_FAILURE() << kode << " " << tanggal;
    return nlohmann::json();
  };
  EXPECT_EQ(at("16.06", "2024-01-01")["kategori_uhc"], "Pratama");
  EXPECT_EQ(at("16.06", "2024-01-01")["cakupan_asal"], "dilaporkan");
  const auto utama = at("16.06", "2024-06-30");
  EXPECT_EQ(utama["kategori_uhc"], "Utama");
  EXPECT_NEAR(utama["cakupan_persen"].get<double>(), 99.2, 1e-9);
  EXPECT_NEAR(utama["pemda_persen"].get<double>(), 20.0, 1e-9);
  EXPECT_EQ(utama["cakupan_asal"], "dihitung");
  EXPECT_EQ(at("16.06", "2024-12-31")["kategori_uhc"], "");
  const auto over = at("16.06", "2025-06-30");
  EXPECT_NEAR(over["cakupan_persen"].get<double>(), 102.6, 1e-9);
  EXPECT_EQ(over["cakupan_lebih_100"], true);
  EXPECT_EQ(over["kategori_uhc"], "Madya");
  EXPECT_NE(over["catatan"].get<std::string>().find("uhc_prioritas_tidak_diperiksa"),
            std::string::npos);
  EXPECT_EQ(at("16", "2025-06-30")["nama"], "Sumatera Selatan");

  // Bad rows: the segments against the total, an active rate above 100, a desa, nothing to
  // measure coverage by.
  const std::string bad[] = {
      "kode_wilayah,tanggal,penduduk,peserta,pbi_jk,ppu_bu\n16.06,2024-01-01,1000,900,500,300\n",
      std::string(kJknHeader) + "16.06,2024-01-01,,,,,,,,101,98,,,\n",
      std::string(kJknHeader) + "16.06.01.1009,2024-01-01,,,,,,,,90,98,,,\n",
      std::string(kJknHeader) + "16.06,2024-01-01,1000,,,,,,,90,,,,\n",
      std::string(kJknHeader) + "16.06,2030-01-01,,,,,,,,90,98,,,\n",
  };
  const std::string expect[] = {"jkn.csv:2:4", "jkn.csv:2:10", "jkn.csv:2:1", "jkn.csv:2:3",
                                "jkn.csv:2:2"};
  for (std::size_t i = 0; i < std::size(bad); ++i) {
    auto refused = Import("jkn", "jkn.csv", bad[i]);
    EXPECT_NE(refused.exit_code, 0) << bad[i];
    EXPECT_NE(refused.out.find(expect[i]), std::string::npos) << bad[i] << refused.out;
  }
  EXPECT_EQ(Json("jkn").size(), 5u);
}

TEST_F(ProgrammesBoardCli, GermasChecklistAndTheTppsBoardNameTheirSources) {
  ASSERT_EQ(Import("germas", "germas.csv",
                   "kode_wilayah,butir,status,dasar,tanggal,sumber\n"
                   "16.06,kebijakan_daerah,ya,Perbup CONTOH,2019-05-01,CONTOH\n"
                   "16.06,aktivitas_fisik,sebagian,,,CONTOH\n")
                .exit_code,
            0);
  const auto germas = Json("germas");
  EXPECT_EQ(germas.size(), 7u);  // every item of the checklist, filled or not
  EXPECT_EQ(Row(germas, "butir", "kebijakan_daerah")["status"], "ya");
  EXPECT_EQ(Row(germas, "butir", "deteksi_dini")["status"], "belum diisi");
  auto unknown = Import("germas", "g.csv", "kode_wilayah,butir,status\n16.06,senam_pagi,ya\n");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.out.find("g.csv:2:2"), std::string::npos) << unknown.out;

  ASSERT_EQ(Import("stbm", "stbm.csv", Stbm()).exit_code, 0);
  ASSERT_EQ(Import("jkn", "jkn.csv",
                   std::string(kJknHeader) + "16.06,2024-06-30,1000,500,200,100,0,92,100,96,,ya,ya,"
                                             "BPJS CONTOH\n")
                .exit_code,
            0);
  const auto board = Json("tpps");
  const auto& sanitation = Row(board, "indikator", "rumah_tangga_sanitasi");
  EXPECT_NEAR(sanitation["nilai"].get<double>(), 100.0 * 420 / 450, 1e-9);  // JSP + JSSP
  EXPECT_EQ(sanitation["jenis"], "proksi");
  EXPECT_EQ(sanitation["penyebut"], 450.0);
  const auto& pbi = Row(board, "indikator", "cakupan_pbi_jkn");
  EXPECT_EQ(pbi["nilai"], 50.0);
  EXPECT_EQ(pbi["periode"], "2024-06-30");
  EXPECT_EQ(pbi["sumber"], "BPJS CONTOH");
  EXPECT_EQ(Row(board, "indikator", "gizi_buruk_ditangani")["jenis"], "tidak_ada_data");
  EXPECT_EQ(Row(board, "indikator", "balita_dipantau_pertumbuhan")["jenis"], "tidak_ada_data");
  const auto& survey = Row(board, "indikator", "stunting_survei");
  EXPECT_EQ(survey["periode"], "2023");
  EXPECT_EQ(survey["sumber"], "SKI");
  EXPECT_EQ(Row(board, "indikator", "germas")["pembilang"], 1.0);
  // The province's published figure beside the computed ones, labelled as reported.
  const auto& province = Row(board, "indikator", "desa_sbs_dilaporkan");
  EXPECT_EQ(province["nilai"], 82.0);
  EXPECT_EQ(province["jenis"], "dilaporkan");
  EXPECT_EQ(province["periode"], "2024-08-31");
  EXPECT_EQ(Row(board, "indikator", "stbm_award_dilaporkan")["nilai"], nullptr);
}

// The UHC criteria are the workspace's reference table `uhc-criteria`: a district (or a new
// year's award) replaces them; a bad table is refused at its line and column.
TEST_F(ProgrammesBoardCli, TheUhcCriteriaAreAReferenceTable) {
  ASSERT_EQ(
      Import("jkn", "jkn.csv", std::string(kJknHeader) + "16.06,2024-01-01,,,,,,,,82,98.5,ya,ya,\n")
          .exit_code,
      0);
  EXPECT_EQ(Json("jkn")[0]["kategori_uhc"], "Pratama");
  auto criteria = [this](const std::string& text) {
    return RunCommand(
        J("import uhc-criteria " + dir.Write("uhc.csv", text) + " --workspace " + ws));
  };
  const std::string header =
      "kategori,min_cakupan,min_aktif,min_pemda,pemda_bebas_jika_aktif,alt_min_pemda,"
      "alt_min_aktif\n";
  for (auto [text, where] :
       {std::pair{header + "Madya,98,85,,,25,\n", "uhc.csv:2:7"},
        std::pair{header + "Pratama,98,101,,,,\n", "uhc.csv:2:3"},
        std::pair{header + "Pratama,98,80,,,,\nPratama,97,80,,,,\n", "uhc.csv:3:1"},
        std::pair{header + "Utama,99,95,,100,,\n", "uhc.csv:2:4"}}) {
    auto refused = criteria(text);
    EXPECT_NE(refused.exit_code, 0) << text;
    EXPECT_NE(refused.out.find(where), std::string::npos) << text << refused.out;
  }
  EXPECT_EQ(Json("jkn")[0]["kategori_uhc"], "Pratama");
  ASSERT_EQ(criteria("kategori,min_cakupan,min_aktif\nPratama,98,85\n").exit_code, 0);
  EXPECT_EQ(Json("jkn")[0]["kategori_uhc"], "");
}

}  // namespace
}  // namespace jangkau
