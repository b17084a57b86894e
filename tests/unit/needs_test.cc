// The staffing-need engines on small inline cases with answers worked out by hand (the norm
// table and staff moves, which need the app layer, are in needs_service_test.cc).
#include <random>

#include <gtest/gtest.h>

#include "needs/gaps.h"
#include "needs/projection.h"
#include "needs/proposal.h"
#include "needs/ratio.h"
#include "needs/workload.h"

namespace jangkau::needs {
namespace {

using units::Minutes;
using units::People;
using units::Rupiah;

FacilityProfile Puskesmas(const std::string& kode, AreaCategory area, bool ri,
                          std::map<std::string, double> staff) {
  FacilityProfile f;
  f.kode = kode;
  f.type = FacilityType::kPuskesmas;
  f.area = area;
  f.rawat_inap = ri;
  f.staff = std::move(staff);
  return f;
}

TEST(Ratio, NeedFromPopulationServed) {
  const std::vector<RatioTarget> targets = {{{"bidan"}, 120, ""}};
  const auto lines =
      RatioNeeds(targets, {Puskesmas("P1", AreaCategory::kPerdesaan, false, {{"bidan", 30}})},
                 {{"P1", People(35000)}});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(lines[0].required, 42.0, 1e-9);
  EXPECT_EQ(lines[0].required_rounded, 42);
  EXPECT_EQ(lines[0].Shortage(), 12);
}

TEST(Workload, FacilityWisnMatchesTheSingleCalculation) {
  std::vector<ActivityStandard> standards = {
      {"bidan", ActivityComponent::kService, "anc", 30.0, std::nullopt, Period::kYear, 1},
      {"bidan", ActivityComponent::kService, "persalinan", 600.0, std::nullopt, Period::kYear, 1},
      {"bidan", ActivityComponent::kSupport, "rapat", std::nullopt, 2.0, Period::kMonth, 1}};
  VolumeTable volumes = {{"P1", {{"anc", 845}, {"persalinan", 197}}}};
  WorkloadOptions options;
  const auto result =
      WorkloadNeeds(standards, {Puskesmas("P1", AreaCategory::kPerdesaan, false, {{"bidan", 2}})},
                    volumes, options);
  ASSERT_EQ(result.lines.size(), 1u);
  WisnCase c;
  c.awt = options.awt;
  c.activities = {{"anc", 845, 30.0, std::nullopt}, {"persalinan", 197, 600.0, std::nullopt}};
  c.category_allowances = {{"rapat", 2, AllowancePer::kMonth}};
  const auto direct = ComputeWisn(c);
  EXPECT_NEAR(result.lines[0].required, direct->required, 1e-12);
  EXPECT_EQ(result.lines[0].current, 2);

  options.method = NeedMethod::kAbk;
  const auto abk =
      WorkloadNeeds(standards, {Puskesmas("P1", AreaCategory::kPerdesaan, false, {{"bidan", 2}})},
                    volumes, options);
  // JKT = 845/2400 + 197/120; support 2 h x 12 x 60 = 1,440 min -> FTP 2%.
  const double jkt = 845.0 / 2400 + 197.0 / 120;
  EXPECT_NEAR(abk.lines[0].required, jkt / (1 - 0.02), 1e-9);
}

TEST(Gaps, CompetenceCountsTrainedWorkersOfTheRightCadres) {
  std::vector<CompetenceRequirement> reqs = {
      {FacilityType::kPuskesmas, true, "PONED", {"bidan"}, 1, ""},
      {FacilityType::kPuskesmas, std::nullopt, "APN", {"bidan"}, 2, ""}};
  FacilityProfile ri = Puskesmas("P1", AreaCategory::kPerdesaan, true, {});
  FacilityProfile nri = Puskesmas("P2", AreaCategory::kPerdesaan, false, {});
  StaffMember a;
  a.kode_faskes = "P1";
  a.cadre = "bidan";
  a.pelatihan = {"poned", "APN"};
  StaffMember b = a;
  b.cadre = "perawat";  // trained, but not a midwife
  const auto gaps = CompetenceGaps(reqs, {ri, nri}, {{"P1", {a, b}}});
  ASSERT_EQ(gaps.size(), 3u);  // P1: PONED, APN; P2: APN only
  EXPECT_EQ(gaps[0].training, "PONED");
  EXPECT_EQ(gaps[0].trained, 1);
  EXPECT_EQ(gaps[0].missing, 0);
  EXPECT_EQ(gaps[1].missing, 1);
  EXPECT_FALSE(gaps[2].trained.has_value());  // P2 has no roster
}

TEST(Gaps, EquipmentCountsOnlyUsableItems) {
  std::vector<EquipmentStandard> standards = {{FacilityType::kPuskesmas, "TENSI", "Tensimeter", 4},
                                              {FacilityType::kPuskesmas, "USG", "USG", 1}};
  std::map<std::string, std::vector<EquipmentItem>> items = {
      {"P1",
       {{"P1", "TENSI", "", Condition::kBaik, 3},
        {"P1", "TENSI", "", Condition::kRusakBerat, 5},
        {"P1", "USG", "", Condition::kBaik, 1}}}};
  const auto r =
      EquipmentGaps(standards, {Puskesmas("P1", AreaCategory::kPerdesaan, false, {})}, items);
  ASSERT_EQ(r.gaps.size(), 2u);
  EXPECT_EQ(r.gaps[0].usable, 3);
  EXPECT_EQ(r.gaps[0].missing, 1);
  ASSERT_EQ(r.completeness.size(), 1u);
  EXPECT_EQ(r.completeness[0].items_complete, 1);
  EXPECT_DOUBLE_EQ(r.completeness[0].Percent(), 50.0);
}

TEST(Retirement, AgeFollowsTheJabatan) {
  const std::vector<RetirementRule> rules = {
      {"ahli utama", 65}, {"ahli madya", 60}, {"ahli pertama", 58}, {"*", 58}};
  EXPECT_EQ(RetirementAge(rules, "Dokter Ahli Utama"), 65);
  EXPECT_EQ(RetirementAge(rules, "Bidan Ahli Madya"), 60);
  EXPECT_EQ(RetirementAge(rules, "Perawat Terampil"), 58);
  EXPECT_EQ(RetirementAge({}, "apa saja"), 58);
}

TEST(Projection, RetirementsAttritionAndHires) {
  StaffMember old;
  old.kode_faskes = "P1";
  old.cadre = "bidan";
  old.jabatan = "Bidan Ahli Madya";
  old.tanggal_lahir = Date{1967, 3, 1};  // 60 in 2027
  const auto retirements = RetirementsBetween({old}, {{"ahli madya", 60}, {"*", 58}}, 2027, 2031);
  ASSERT_EQ(retirements.size(), 1u);
  EXPECT_EQ(retirements[0].year, 2027);
  NeedLine line;
  line.kode_faskes = "P1";
  line.group = "bidan";
  line.cadres = {"bidan"};
  line.current = 4;
  line.required_rounded = 4;
  ProjectionOptions options;
  options.base_year = 2026;
  options.years = 2;
  options.attrition_rate = 0.1;
  options.planned_hires = {{"bidan", 1}};
  const auto p = ProjectNeeds({line}, retirements, options);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].retiring, 1);
  EXPECT_NEAR(p[0].attrition, 0.3, 1e-12);  // 10% of the 3 left
  EXPECT_NEAR(p[0].end, 3.7, 1e-12);        // 4 - 1 - 0.3 + 1
  EXPECT_NEAR(p[0].gap, -0.3, 1e-12);
  EXPECT_NEAR(p[1].end, 3.7 - 0.37 + 1, 1e-12);
}

NeedLine Short(const std::string& kode, const std::string& cadre, double current, double required) {
  NeedLine l;
  l.kode_faskes = kode;
  l.group = cadre;
  l.group_name = cadre;
  l.cadres = {cadre};
  l.current = current;
  l.required = l.required_rounded = required;
  l.gap = current - required;
  return l;
}

TEST(Priority, ShortageAndPopulationRankTheLines) {
  const std::vector<NeedLine> lines = {Short("A", "bidan", 3, 4), Short("B", "bidan", 0, 4),
                                       Short("C", "bidan", 5, 4)};
  const std::map<std::string, PriorityFactors> factors = {
      {"A", {People(10000), Minutes(5.0), 0.2}},
      {"B", {People(20000), Minutes(10.0), 0.4}},
      {"C", {People(30000), Minutes(1.0), 0.1}}};
  const auto ranked = Prioritise(lines, factors, PriorityWeights{});
  ASSERT_EQ(ranked.size(), 2u);  // C has no shortage
  EXPECT_EQ(ranked[0].need.kode_faskes, "B");
  EXPECT_EQ(ranked[0].rank, 1);
  // B: shortage 1, population 20000/20000, remoteness 10/10, flood 0.4.
  EXPECT_NEAR(ranked[0].index, (0.4 * 1 + 0.25 * 1 + 0.2 * 1 + 0.15 * 0.4) / 1.0, 1e-12);
  // A: shortage 1/4, population 0.5, remoteness 0.5, flood 0.2.
  EXPECT_NEAR(ranked[1].index, 0.4 * 0.25 + 0.25 * 0.5 + 0.2 * 0.5 + 0.15 * 0.2, 1e-12);
}

TEST(Proposal, NeverExceedsTheBudgetAndListsWhatDidNotFit) {
  std::mt19937 rng(7);
  const std::vector<CostEntry> costs = {{"bidan", "pppk", Rupiah(72e6)},
                                        {"dokter_umum", "pppk", Rupiah(132e6)},
                                        {"gizi", "pppk", Rupiah(66e6)}};
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<NeedLine> lines;
    std::map<std::string, PriorityFactors> factors;
    const char* cadres[] = {"bidan", "dokter_umum", "gizi", "perawat"};
    for (int i = 0; i < 30; ++i) {
      const std::string kode = "F" + std::to_string(i);
      lines.push_back(Short(kode, cadres[rng() % 4], rng() % 3, 1 + rng() % 5));
      factors[kode] = {People(static_cast<double>(rng() % 50000)), units::Km(rng() % 40 * 1.0),
                       (rng() % 100) / 100.0};
    }
    const auto ranked = Prioritise(lines, factors, PriorityWeights{});
    ProposalOptions options;
    options.budget = Rupiah((rng() % 3000) * 1e6);
    options.cadre_ceilings = {{"bidan", static_cast<int>(rng() % 6)}};
    const Proposal p = BuildProposal(ranked, costs, options);
    ASSERT_LE(p.total_cost.value(), options.budget.value() + 1e-6);
    Rupiah sum{0};
    int bidan = 0;
    for (const auto& l : p.lines) {
      if (!l.funded) {
        EXPECT_FALSE(l.reason.empty());
        continue;
      }
      sum += l.total_cost;
      if (l.cadre == "bidan") bidan += l.positions;
      EXPECT_NE(l.cadre, "perawat");  // no cost known: never funded
    }
    EXPECT_NEAR(sum.value(), p.total_cost.value(), 1e-3);
    EXPECT_LE(bidan, options.cadre_ceilings["bidan"]);
    EXPECT_EQ(p.lines.size(), ranked.size());
  }
}

TEST(Proposal, TakesWholeLinesInPriorityOrderAndTriesSmallerOnesAfter) {
  std::vector<PriorityLine> ranked(3);
  ranked[0].need = Short("A", "dokter_umum", 0, 2);  // 264 M
  ranked[0].positions = 2;
  ranked[1].need = Short("B", "dokter_umum", 0, 1);  // 132 M
  ranked[1].positions = 1;
  ranked[2].need = Short("C", "gizi", 0, 1);  // 66 M
  ranked[2].positions = 1;
  ProposalOptions options;
  options.budget = Rupiah(200e6);
  const Proposal p = BuildProposal(
      ranked, {{"dokter_umum", "pppk", Rupiah(132e6)}, {"gizi", "pppk", Rupiah(66e6)}}, options);
  EXPECT_FALSE(p.lines[0].funded);
  EXPECT_EQ(p.lines[0].reason, "anggaran");
  EXPECT_TRUE(p.lines[1].funded);
  EXPECT_TRUE(p.lines[2].funded);
  EXPECT_DOUBLE_EQ(p.total_cost.value(), 198e6);
}

}  // namespace
}  // namespace jangkau::needs
