// The programmes engine against the acceptance cases of the programmes research
// (docs/programmes.md, from ../shared/reference/programmes.md section 7): the Desa STBM rule and
// the UHC award category decided from the shipped criteria table
// (data/reference/uhc_kriteria.csv), coverage above 100% shown and flagged, not capped.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "programmes/spearman.h"
#include "programmes/stbm.h"
#include "programmes/uhc.h"

namespace jangkau::programmes {
namespace {

// The shipped criteria: the first seven columns of data/reference/uhc_kriteria.csv (numbers only;
// the quoted source comes last).
std::vector<UhcCriterion> ShippedCriteria() {
  std::ifstream in(std::string(JANGKAU_SOURCE_DIR) + "/data/reference/uhc_kriteria.csv");
  EXPECT_TRUE(in);
  std::vector<UhcCriterion> out;
  std::string line;
  std::getline(in, line);  // header
  auto number = [](const std::string& s) {
    return s.empty() ? std::optional<double>() : std::optional<double>(std::stod(s));
  };
  while (std::getline(in, line)) {
    std::vector<std::string> c;
    std::stringstream ss(line);
    std::string cell;
    while (c.size() < 7 && std::getline(ss, cell, ',')) c.push_back(cell);
    if (c.size() < 7) continue;
    out.push_back({c[0], std::stod(c[1]), std::stod(c[2]), number(c[3]), number(c[4]), number(c[5]),
                   number(c[6])});
  }
  EXPECT_EQ(out.size(), 3U);
  return out;
}

std::string Decide(double cakupan, double aktif, std::optional<double> pemda = {}) {
  JknFigures f;
  f.cakupan = cakupan;
  f.aktif = aktif;
  f.pemda = pemda;
  return Category(ShippedCriteria(), f, true, true).kategori;
}

TEST(Uhc, TheResearchCases) {
  EXPECT_EQ(Decide(98.5, 82), "Pratama");
  EXPECT_EQ(Decide(99.2, 96, 20), "Utama");
  EXPECT_EQ(Decide(97.9, 90), "");
}

TEST(Uhc, EachRuleOfTheTable) {
  // Utama needs the Pemda share, unless every member is active.
  EXPECT_EQ(Decide(99.2, 96, 17.9), "Madya");
  EXPECT_EQ(Decide(99.2, 96), "Madya");
  EXPECT_EQ(Decide(99.2, 100), "Utama");
  // Madya: active 85, or Pemda-registered 25 with active 80.
  EXPECT_EQ(Decide(98, 85), "Madya");
  EXPECT_EQ(Decide(98, 84.9), "Pratama");
  EXPECT_EQ(Decide(98, 80, 25), "Madya");
  EXPECT_EQ(Decide(98, 80, 24.9), "Pratama");
  EXPECT_EQ(Decide(98, 79.9, 30), "");
}

TEST(Uhc, PrerequisitesAndMissingFigures) {
  JknFigures f;
  f.cakupan = 99.5;
  f.aktif = 97;
  f.pemda = 20;
  EXPECT_EQ(Category(ShippedCriteria(), f, false, true).kategori, "");
  EXPECT_EQ(Category(ShippedCriteria(), f, true, false).kategori, "");
  const UhcDecision unchecked = Category(ShippedCriteria(), f, std::nullopt, std::nullopt);
  EXPECT_EQ(unchecked.kategori, "Utama");
  EXPECT_EQ(unchecked.catatan, (std::vector<UhcNote>{UhcNote::kPrioritasTidakDiperiksa,
                                                     UhcNote::kIuranTidakDiperiksa}));
  f.aktif.reset();
  const UhcDecision none = Category(ShippedCriteria(), f, true, true);
  EXPECT_EQ(none.kategori, "");
  EXPECT_EQ(none.catatan.front(), UhcNote::kAktifTidakDiketahui);
}

TEST(Uhc, CoverageFromTheSegmentsMayExceedAHundredAndIsNotCapped) {
  // Muratara, December 2025 (the research): members by segment 136,741 PBI-JK, 27,198 PBPU
  // Pemda, 7,925 mandiri, 986 BP, 37,874 PPU (one figure) at a coverage of 102.61%; the
  // population is not given, so it is taken as the one that coverage implies.
  JknRecord r;
  r.pbi_jk = 136741;
  r.pbpu_pemda = 27198;
  r.pbpu_mandiri = 7925;
  r.bp = 986;
  r.ppu_pn = 37874;
  r.penduduk = static_cast<int64_t>((136741 + 27198 + 7925 + 986 + 37874) / 1.0261);
  const JknFigures f = Figures(r);
  ASSERT_TRUE(f.peserta && f.cakupan);
  EXPECT_EQ(*f.peserta, 210724);
  EXPECT_NEAR(*f.cakupan, 102.61, 0.005);
  EXPECT_TRUE(f.cakupan_dihitung);
  EXPECT_TRUE(f.cakupan_lebih_100);
  ASSERT_TRUE(f.pemda);
  EXPECT_NEAR(*f.pemda, 100.0 * 27198 / static_cast<double>(*r.penduduk), 1e-9);
  // Without counts the published coverage is taken as published.
  JknRecord published;
  published.cakupan_dilaporkan = 97.88;
  published.persen_aktif = 81.85;
  const JknFigures p = Figures(published);
  EXPECT_FALSE(p.cakupan_dihitung);
  EXPECT_EQ(p.cakupan, 97.88);
  EXPECT_EQ(p.aktif, 81.85);
}

StbmDesa Desa(bool declared, bool verified, std::optional<int64_t> three_pillars) {
  StbmDesa d;
  d.kk = 200;
  d.kk_jsp = 150;
  d.kk_jssp = 50;
  d.kk_babs = 0;
  d.sbs_deklarasi = declared;
  d.sbs_verifikasi = verified;
  d.kk_3_pilar = three_pillars;
  return d;
}

TEST(Stbm, TheResearchCases) {
  EXPECT_EQ(Label(Assess(Desa(true, false, 200)).status), "SBS (klaim)");
  EXPECT_EQ(Label(Assess(Desa(true, true, 148)).status), "SBS terverifikasi");  // 74%
  EXPECT_EQ(Label(Assess(Desa(true, true, 150)).status), "Desa STBM");          // 75%
  EXPECT_EQ(Label(Assess(Desa(false, false, 200)).status), "belum SBS");
}

TEST(Stbm, BoundaryAndMissingPillars) {
  StbmDesa d = Desa(true, true, 0);
  d.kk = 3;
  d.kk_3_pilar = 2;  // 66.7%
  EXPECT_EQ(Assess(d).status, StbmStatus::kSbsTerverifikasi);
  d.kk = 4;
  d.kk_3_pilar = 3;  // exactly 75%
  EXPECT_EQ(Assess(d).status, StbmStatus::kDesaStbm);
  const StbmAssessment unknown = Assess(Desa(true, true, std::nullopt));
  EXPECT_EQ(unknown.status, StbmStatus::kSbsTerverifikasi);
  EXPECT_TRUE(unknown.pilar_tidak_diketahui);
  EXPECT_FALSE(unknown.persen_3_pilar);
}

TEST(Stbm, AClaimWithOpenDefecationLeftIsFlaggedNotDemoted) {
  StbmDesa d = Desa(true, false, 200);
  d.kk_babs = 12;
  const StbmAssessment a = Assess(d);
  EXPECT_EQ(a.status, StbmStatus::kSbsKlaim);
  EXPECT_TRUE(a.klaim_dengan_babs);
}

// Wikipedia's worked example ("Spearman's rank correlation coefficient"): IQ against hours of
// television a week for ten people, rho = -29/165; and ties take their average rank (R's
// cor(c(1, 2, 3, 4), c(10, 20, 20, 40), method = "spearman") = 0.9486833).
TEST(Spearman, TheWorkedExampleAndTies) {
  const std::vector<double> iq = {106, 100, 86, 101, 99, 103, 97, 113, 112, 110};
  const std::vector<double> tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
  const auto rho = Spearman(iq, tv);
  ASSERT_TRUE(rho);
  EXPECT_NEAR(*rho, -29.0 / 165.0, 1e-12);
  EXPECT_NEAR(*Spearman({1, 2, 3, 4}, {10, 20, 20, 40}), 0.9486832980505138, 1e-12);
  EXPECT_FALSE(Spearman({1, 2}, {2, 1}));
  EXPECT_FALSE(Spearman({1, 2, 3}, {5, 5, 5}));
}

}  // namespace
}  // namespace jangkau::programmes
