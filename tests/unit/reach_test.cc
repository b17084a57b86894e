// Reach per region, people per nearest facility, bounded searches and routes between
// facilities, on one-row grids small enough to check by hand.
#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "access/reach.h"
#include "access/routes.h"
#include "access/solver.h"
#include "scale_times.h"

namespace jangkau::access {
namespace {

constexpr float kX = grid::kImpassable;

// One row of friction values in minutes per cell; "x" is impassable.
FrictionGrid Row(const std::string& text) {
  std::istringstream in(text);
  std::string cell;
  std::vector<float> values;
  while (in >> cell) values.push_back(cell == "x" ? kX : std::stof(cell));
  FrictionGrid f;
  f.spec.rows = 1;
  f.spec.cols = static_cast<int>(values.size());
  f.layers.emplace_back(1, f.spec.cols, 0.0F, kX);
  for (int c = 0; c < f.spec.cols; ++c) f.layers[0].at(0, c) = values[static_cast<std::size_t>(c)];
  return f;
}

TravelTimes Solve(const FrictionGrid& f, const std::vector<Source>& sources,
                  SolveOptions options = {}) {
  SolverScratch scratch;
  TravelTimes t;
  SolveTravelTime(scratch, f, sources, options, t);
  return t;
}

TEST(ReachByRegion, VillagesRollUpToKecamatanAndKabupaten) {
  // Six cells of 1 minute, the facility at the left: times 0..5, scaled to 0, 30, ..., 150.
  const FrictionGrid f = Row("1 1 1 1 1 1");
  TravelTimes t = Solve(f, {{0, 0, 0}});
  ScaleTimes(t, 30);
  const std::vector<ReachZone> villages = {
      {"16.01.01.2001", 100, {}}, {"16.01.01.2002", 200, {}}, {"16.01.02.2001", 50, {}}};
  const auto r = ReachByRegion(t, {0, 0, 1, 1, 2, 2}, villages, f.layers[0]);
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0].kode_wilayah, "16.01.01.2001");
  EXPECT_DOUBLE_EQ(*r[0].rata_menit, 15);  // 50 people at 0 and 50 at 30 minutes
  EXPECT_DOUBLE_EQ(r[0].dalam_30, 100);
  EXPECT_DOUBLE_EQ(r[1].dalam_30, 0);  // 60 and 90 minutes
  EXPECT_DOUBLE_EQ(r[1].dalam_60, 100);
  EXPECT_DOUBLE_EQ(r[1].dalam_120, 200);
  EXPECT_DOUBLE_EQ(r[2].dalam_120, 25);  // 120 counts, 150 does not
  EXPECT_DOUBLE_EQ(r[2].terjangkau, 50);
  // Kecamatan by code, then the kabupaten.
  EXPECT_EQ(r[3].kode_wilayah, "16.01.01");
  EXPECT_DOUBLE_EQ(r[3].penduduk, 300);
  EXPECT_DOUBLE_EQ(r[3].dalam_60, 200);
  EXPECT_DOUBLE_EQ(*r[3].rata_menit, (100 * 15 + 200 * 75) / 300.0);
  EXPECT_EQ(r[4].kode_wilayah, "16.01.02");
  EXPECT_DOUBLE_EQ(r[4].dalam_120, 25);
  EXPECT_EQ(r[5].kode_wilayah, "16.01");
  EXPECT_DOUBLE_EQ(r[5].penduduk, 350);
  EXPECT_DOUBLE_EQ(r[5].dalam_120, 325);
}

// A province without desa boundaries: kecamatan are the zones, and each kabupaten sums its own.
TEST(ReachByRegion, KecamatanZonesOfAProvinceRollUpToTheirOwnKabupaten) {
  const FrictionGrid f = Row("1 1 1 1 1 1");
  TravelTimes t = Solve(f, {{0, 0, 0}});
  ScaleTimes(t, 30);  // 0, 30, ..., 150 minutes
  const std::vector<ReachZone> zones = {
      {"16.01.01", 100, {}}, {"16.02.01", 200, {}}, {"16.02.02", 50, {}}};
  const auto r = ReachByRegion(t, {0, 0, 1, 1, 2, 2}, zones, f.layers[0]);
  ASSERT_EQ(r.size(), 5u);  // three kecamatan, then two kabupaten; nothing above
  EXPECT_EQ(r[2].kode_wilayah, "16.02.02");
  EXPECT_EQ(r[3].kode_wilayah, "16.01");
  EXPECT_DOUBLE_EQ(r[3].penduduk, 100);
  EXPECT_DOUBLE_EQ(r[3].dalam_30, 100);
  EXPECT_EQ(r[4].kode_wilayah, "16.02");
  EXPECT_DOUBLE_EQ(r[4].penduduk, 250);
  EXPECT_DOUBLE_EQ(r[4].dalam_60, 100);   // 60 of 60 and 90 minutes: half of 200
  EXPECT_DOUBLE_EQ(r[4].dalam_120, 225);  // 200, and 120 of 120 and 150 minutes: half of 50
}

TEST(ReachByRegion, UnreachedVillagesHaveNoMeanAndWaterVillagesUseTheirFallbackCell) {
  // Times 0, 1, 2, beyond the bound, and a lake cell.
  const FrictionGrid f = Row("1 1 1 1 x");
  SolveOptions options;
  options.max_cost = 2;
  const TravelTimes t = Solve(f, {{0, 0, 0}}, options);
  const std::vector<ReachZone> villages = {{"16.01.01.2001", 10, {}},
                                           {"16.01.01.2002", 20, {}},
                                           {"16.01.01.2003", 30, grid::CellIndex(1)}};
  const auto r = ReachByRegion(t, {0, 0, 0, 1, 2}, villages, f.layers[0]);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_DOUBLE_EQ(*r[0].rata_menit, 1);
  EXPECT_DOUBLE_EQ(r[1].terjangkau, 0);
  EXPECT_FALSE(r[1].rata_menit.has_value());
  EXPECT_DOUBLE_EQ(r[2].terjangkau, 30);  // all of them at cell 1's minute
  EXPECT_DOUBLE_EQ(*r[2].rata_menit, 1);
  EXPECT_DOUBLE_EQ(r[4].penduduk, 60);
  EXPECT_DOUBLE_EQ(r[4].terjangkau, 40);

  EXPECT_TRUE(ReachByRegion(t, {-1, -1, -1, -1, -1}, {}, f.layers[0]).empty());
}

TEST(NearestPopulation, PeopleGoToTheirNearestSourceAndTiesToTheLowerIndex) {
  // Sources at both ends and one on the impassable cell (ignored by the solver). Cell 2 is 2
  // minutes from both ends: it goes to source 0.
  const FrictionGrid f = Row("1 1 1 1 1 x");
  const TravelTimes t = Solve(f, {{0, 0, 0}, {0, 4, 0}, {0, 5, 0}});
  const std::vector<int32_t> zone = {0, 0, 0, 1, 1, 1};
  const std::vector<double> population = {90, 40};
  const auto people = NearestPopulation(t, zone, population, f.layers[0], 3);
  ASSERT_EQ(people.size(), 3u);
  EXPECT_DOUBLE_EQ(*people[0], 90);
  EXPECT_DOUBLE_EQ(*people[1], 40);  // the impassable cell of zone 1 holds nobody
  EXPECT_FALSE(people[2].has_value());
}

TEST(NearestPopulation, ANearestSourceOfEmptyVillagesServesZeroPeople) {
  const FrictionGrid f = Row("1 1 1");
  const TravelTimes t = Solve(f, {{0, 0, 0}, {0, 2, 0}});
  const std::vector<int32_t> zone = {0, -1, -1};
  const std::vector<double> population = {0};
  const auto people = NearestPopulation(t, zone, population, f.layers[0], 2);
  ASSERT_TRUE(people[0].has_value());
  EXPECT_DOUBLE_EQ(*people[0], 0);
  EXPECT_FALSE(people[1].has_value());  // nearest only of cells outside every village
}

TEST(BoundedTimes, CellsWithinTheBoundPerOriginInTheOrderOfTheCells) {
  const FrictionGrid f = Row("1 1 1 1 1");
  const std::vector<Source> origins = {{0, 0, 0}, {0, 4, 0}};
  const std::vector<std::optional<grid::CellIndex>> cells = {grid::CellIndex(0), grid::CellIndex(2),
                                                             std::nullopt, grid::CellIndex(4)};
  SolveOptions options;
  options.max_cost = 2.5;
  int calls = 0;
  int last_done = 0;
  const auto found = BoundedTimes(f, origins, cells, options, [&](int done, int of) {
    ++calls;
    last_done = std::max(last_done, done);
    EXPECT_EQ(of, 2);
  });
  using Found = std::vector<std::pair<int, double>>;
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (Found{{0, 0.0}, {1, 2.0}}));
  EXPECT_EQ(found[1], (Found{{1, 2.0}, {3, 0.0}}));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(last_done, 2);
}

TEST(RoutesBetween, BothWaysWithinTheBoundSortedByFromAndTo) {
  const FrictionGrid f = Row("1 1 1 1 1");
  const std::vector<RoutePoint> points = {{"C", 0, 4}, {"A", 0, 0}, {"B", 0, 2}};
  SolveOptions options;
  options.max_cost = 3;  // A and C are 4 minutes apart
  options.direction = Direction::kToSources;
  // (from, to, minutes) of each route, in order.
  using Found = std::vector<std::tuple<std::string, std::string, double>>;
  auto found = [&](const std::vector<RoutePoint>& at) {
    Found out;
    for (const FacilityRoute& r : RoutesBetween(f, at, options))
      out.emplace_back(r.from, r.to, r.minutes.value());
    return out;
  };
  EXPECT_EQ(found(points), (Found{{"A", "B", 2}, {"B", "A", 2}, {"B", "C", 2}, {"C", "B", 2}}));
  EXPECT_TRUE(found({}).empty());
  // B a start only: the routes from it, none to it.
  std::vector<RoutePoint> start_only = points;
  start_only[2].searched = false;
  EXPECT_EQ(found(start_only), (Found{{"B", "A", 2}, {"B", "C", 2}}));
}

}  // namespace
}  // namespace jangkau::access
