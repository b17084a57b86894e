// The staffing-need services that need the app layer: the shipped Permenkes 75/2014 norm table
// read the way the workspace reads it, and staff moves planned from the need lines (retirement
// ages of PP 11/2017 and the engines alone are in needs_test.cc).
#include <gtest/gtest.h>

#include "app/needs_service.h"
#include "app/reference_tables.h"
#include "ingest/importers.h"
#include "needs/norms.h"
#include "test_util.h"

namespace jangkau::needs {
namespace {

using namespace units::literals;  // NOLINT(google-build-using-namespace)

// The shipped Permenkes 75/2014 table, read the way the workspace reads it.
NormTable ShippedNorms() {
  const auto seed = app::DefaultSeed();
  for (const auto& [kind, name, text] : seed.references) {
    if (kind != "norms") continue;
    auto reader = ingest::TableReader::OpenText(name, text);
    ingest::ImportContext ctx;
    ctx.cadres = CadreCatalog(seed.cadres, seed.aliases);
    Diagnostics diags;
    NormTable t = ingest::ReadNormTable(**reader, ctx, diags, {});
    EXPECT_FALSE(diags.has_errors());
    return t;
  }
  ADD_FAILURE() << "no shipped norm table";
  return {};
}

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

const NeedLine* Find(const std::vector<NeedLine>& lines, const std::string& kode,
                     const std::string& group) {
  for (const auto& l : lines) {
    if (l.kode_faskes == kode && l.group == group) return &l;
  }
  return nullptr;
}

TEST(Norms, ShippedTableColumnsAddUpToThePermenkesTotals) {
  const NormTable t = ShippedNorms();
  ASSERT_EQ(t.rows.size(), 11u);
  std::array<int, 6> totals{};
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < 6; ++i) totals[i] += row.required[i];
  }
  EXPECT_EQ(totals, (std::array<int, 6>{22, 31, 19, 27, 19, 27}));
}

TEST(Norms, UrbanInpatientPuskesmasWithSixNursesIsTwoShort) {
  const auto result = NormNeeds(
      ShippedNorms(), {Puskesmas("P1", AreaCategory::kPerkotaan, true, {{"perawat", 6}})}, {});
  const NeedLine* nurse = Find(result.lines, "P1", "perawat");
  ASSERT_NE(nurse, nullptr);
  EXPECT_EQ(nurse->required_rounded, 8);
  EXPECT_EQ(nurse->gap, -2);
  EXPECT_EQ(nurse->Shortage(), 2);
  EXPECT_NEAR(*nurse->ratio, 0.75, 1e-12);
  EXPECT_EQ(result.lines.size(), 11u);
}

TEST(Norms, AreaAndInpatientChooseTheColumn) {
  const NormTable t = ShippedNorms();
  const auto remote =
      NormNeeds(t, {Puskesmas("P1", AreaCategory::kSangatTerpencil, false, {{"bidan", 5}})}, {});
  EXPECT_EQ(Find(remote.lines, "P1", "bidan")->required_rounded, 4);
  EXPECT_EQ(Find(remote.lines, "P1", "bidan")->Surplus(), 1);
  const auto rural = NormNeeds(t,
                               {Puskesmas("P2", AreaCategory::kPerdesaan, true,
                                          {{"dokter_umum", 1}, {"dokter_layanan_primer", 1}})},
                               {});
  EXPECT_EQ(Find(rural.lines, "P2", "dokter")->required_rounded, 2);
  EXPECT_EQ(Find(rural.lines, "P2", "dokter")->current, 2);
  EXPECT_EQ(Find(rural.lines, "P2", "farmasi")->required_rounded, 1);
}

TEST(Norms, AnAggregateHeadcountMergesTheLinesItSpans) {
  NormOptions options;
  options.aggregate_spans = {{"tenaga_medis", {"dokter", "dokter_gigi"}}};
  const auto result =
      NormNeeds(ShippedNorms(),
                {Puskesmas("P1", AreaCategory::kPerdesaan, false, {{"tenaga_medis", 3}}),
                 Puskesmas("P2", AreaCategory::kPerdesaan, false, {{"dokter_umum", 1}})},
                options);
  const NeedLine* merged = Find(result.lines, "P1", "dokter+dokter_gigi");
  ASSERT_NE(merged, nullptr);
  EXPECT_TRUE(merged->aggregated);
  EXPECT_EQ(merged->required_rounded, 2);
  EXPECT_EQ(merged->current, 3);
  EXPECT_EQ(merged->Surplus(), 1);
  EXPECT_EQ(Find(result.lines, "P1", "dokter"), nullptr);
  // Without the aggregate the lines stay apart.
  EXPECT_NE(Find(result.lines, "P2", "dokter"), nullptr);
  EXPECT_EQ(Find(result.lines, "P2", "dokter_gigi")->Shortage(), 1);
}

TEST(Norms, UnknownAttributesSkipTheFacilityAndOtherTypesAreIgnored) {
  FacilityProfile unknown = Puskesmas("P1", AreaCategory::kPerdesaan, false, {});
  unknown.rawat_inap.reset();
  FacilityProfile hospital = Puskesmas("R1", AreaCategory::kPerkotaan, true, {});
  hospital.type = FacilityType::kRsud;
  const auto result = NormNeeds(ShippedNorms(), {unknown, hospital}, {});
  EXPECT_TRUE(result.lines.empty());
  ASSERT_EQ(result.skipped.size(), 1u);
  EXPECT_EQ(result.skipped[0].reason, "rawat_inap");
}

TEST(Norms, TheNetworkNormAddsVillagesAndPustuToThePuskesmasLine) {
  // 7.5 villages (a kecamatan's 15 shared by two puskesmas) and one pustu.
  FacilityProfile p = Puskesmas("P1", AreaCategory::kPerdesaan, false, {{"bidan", 20}});
  p.desa = 7.5;
  p.pustu = 1;
  NormOptions options;
  options.network = {{"bidan", 1, 0.5, 0}, {"perawat", 0, 1, 0}};
  const auto result = NormNeeds(ShippedNorms(), {p}, options);
  const NeedLine* bidan = Find(result.lines, "P1", "bidan");
  ASSERT_NE(bidan, nullptr);
  // Permenkes 75/2014, perdesaan non-rawat-inap: 4 midwives; + 7.5 x 1 + 1 x 0.5 = 12 positions.
  EXPECT_DOUBLE_EQ(bidan->network_required, 8.0);
  EXPECT_DOUBLE_EQ(bidan->required, 12.0);
  EXPECT_EQ(bidan->Surplus(), 8);
  EXPECT_DOUBLE_EQ(Find(result.lines, "P1", "perawat")->network_required, 1.0);
  // A shared village's fraction still needs a whole person.
  p.desa = 7.4;
  EXPECT_DOUBLE_EQ(
      Find(NormNeeds(ShippedNorms(), {p}, options).lines, "P1", "bidan")->required_rounded, 12.0);
}

NeedLine Short(const std::string& kode, const std::string& cadre, double current, double required,
               NeedMethod method = NeedMethod::kAbk) {
  NeedLine l;
  l.method = method;
  l.kode_faskes = kode;
  l.group = cadre;
  l.group_name = cadre;
  l.cadres = {cadre};
  l.current = current;
  l.required = l.required_rounded = required;
  l.gap = current - required;
  return l;
}

// The lines' own surplus (they are ABK-Kes lines unless a test says otherwise).
std::vector<app::MovableSurplus> Measured(const std::vector<NeedLine>& lines) {
  return app::MovableSurpluses(lines, {}, {}, {});
}

TEST(Redistribution, StaffAboveAMinimumNormIsNotSurplusToMove) {
  const std::vector<NeedLine> norms = {Short("A", "bidan", 0, 2, NeedMethod::kNorms),
                                       Short("B", "bidan", 5, 2, NeedMethod::kNorms)};
  const std::vector<FacilityRoute> routes = {{"B", "A", 20_min}};
  EXPECT_TRUE(Measured(norms).empty());
  auto plan = app::PlanMoves(norms, Measured(norms), {}, routes, 120_min, std::nullopt);
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(plan->moves.empty());
  EXPECT_EQ(plan->staff_above_minimum, 3);
  EXPECT_EQ(plan->shortage_left, 2);

  // ABK-Kes measures B's midwives against its workload: 5 for a need of 4, one may move.
  const std::vector<NeedLine> abk = {Short("B", "bidan", 5, 4)};
  auto surplus = app::MovableSurpluses(norms, abk, {}, {});
  ASSERT_EQ(surplus.size(), 1u);
  EXPECT_EQ(surplus[0].count, 1);
  EXPECT_EQ(surplus[0].basis, app::SurplusBasis::kAbk);
  plan = app::PlanMoves(norms, surplus, {}, routes, 120_min, std::nullopt);
  ASSERT_EQ(plan->moves.size(), 1u);
  EXPECT_EQ(plan->basis[0], app::SurplusBasis::kAbk);
  EXPECT_EQ(plan->staff_above_minimum, 2);

  // The district's approved formasi of 3 frees two; the larger measure counts.
  FacilityProfile b;
  b.kode = "B";
  b.staff = {{"bidan", 5}};
  surplus = app::MovableSurpluses(norms, abk, {{"B", "bidan", 3}}, {b});
  ASSERT_EQ(surplus.size(), 1u);
  EXPECT_EQ(surplus[0].count, 2);
  EXPECT_EQ(surplus[0].basis, app::SurplusBasis::kFormasi);
  // A formasi below the minimum norm never takes the facility under it: at most 5 - 2 = 3.
  surplus = app::MovableSurpluses(norms, {}, {{"B", "bidan", 0}}, {b});
  EXPECT_EQ(surplus[0].count, 3);
  // A workload short of staff leaves nothing to move.
  EXPECT_TRUE(app::MovableSurpluses(norms, {Short("B", "bidan", 5, 7)}, {}, {}).empty());
}

TEST(Redistribution, LeastShortageFirstThenFewestMinutesWithinTheCap) {
  // A is short of 2 midwives; B (20 min away) and C (90 min) each have one spare; D has a
  // spare nurse, which never fills a midwife's place.
  const std::vector<NeedLine> lines = {Short("A", "bidan", 0, 2), Short("B", "bidan", 3, 2),
                                       Short("C", "bidan", 3, 2), Short("D", "perawat", 5, 4)};
  const std::vector<FacilityRoute> routes = {
      {"B", "A", 20_min}, {"C", "A", 90_min}, {"D", "A", 5_min}};
  auto plan = app::PlanMoves(lines, Measured(lines), {}, routes, 120_min, std::nullopt);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->moves.size(), 2u);
  EXPECT_EQ(plan->moves[0].from, "B");
  EXPECT_EQ(plan->moves[1].from, "C");
  EXPECT_EQ(plan->shortage_before, 2);
  EXPECT_EQ(plan->shortage_left, 0);
  EXPECT_FALSE(plan->minutes_assumed);
  // A 60-minute cap leaves C's midwife where she is.
  plan = app::PlanMoves(lines, Measured(lines), {}, routes, 60_min, std::nullopt);
  ASSERT_EQ(plan->moves.size(), 1u);
  EXPECT_EQ(plan->shortage_left, 1);
}

TEST(Redistribution, WithoutRoutesMinutesAreAnAssumedStraightLineSpeed) {
  auto at = [](const std::string& kode, double lon) {
    FacilityProfile f;
    f.kode = kode;
    f.lon = lon;
    f.lat = -3.0;
    return f;
  };
  const std::vector<NeedLine> lines = {Short("SHORT", "bidan", 0, 1), Short("NEAR", "bidan", 3, 2),
                                       Short("FAR", "bidan", 9, 2)};
  auto plan = app::PlanMoves(lines, Measured(lines),
                             {at("SHORT", 104.0), at("NEAR", 104.1), at("FAR", 104.3)}, {}, 120_min,
                             std::nullopt);
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(plan->minutes_assumed);
  ASSERT_EQ(plan->moves.size(), 1u);
  EXPECT_EQ(plan->moves[0].from, "NEAR");
  // 11.1 km at the assumed speed.
  EXPECT_NEAR(plan->moves[0].minutes.value(),
              units::TravelTime(11.1_km, app::kAssumedMoveSpeed).value(), 0.5);
  // The km cap leaves nobody close enough.
  plan = app::PlanMoves(lines, Measured(lines),
                        {at("SHORT", 104.0), at("NEAR", 104.1), at("FAR", 104.3)}, {}, 120_min,
                        5.0_km);
  EXPECT_TRUE(plan->moves.empty());
}

}  // namespace
}  // namespace jangkau::needs
