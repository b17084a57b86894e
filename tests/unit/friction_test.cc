// Friction from layers and the reach of villages, on grids small enough to check by hand.
#include <cmath>

#include <gtest/gtest.h>

#include "access/coverage.h"
#include "access/friction.h"
#include "scale_times.h"

namespace jangkau::access {
namespace {

TravelScenario Scenario() {
  TravelScenario s;
  s.classes = {{"jalan_lokal", "motor", 30},      // 100 m in 0.2 min
               {"tanpa_jalan", "jalan_kaki", 6},  // 1 min
               {"rawa_gambut", "jalan_kaki", 3},  // 2 min
               {"sungai", "perahu", 12}};         // 0.5 min
  s.board_minutes = 10;
  s.land_minutes = 4;
  return s;
}

FrictionInputs Row(int cols) {
  FrictionInputs in;
  in.spec.rows = 1;
  in.spec.cols = cols;
  in.spec.cell_w = in.spec.cell_h = 100;
  in.land_class.assign(static_cast<std::size_t>(cols), 1);  // walking
  return in;
}

TEST(Friction, SpeedsBecomeMinutesPerCellAndSwampSlowsWalkersOnly) {
  FrictionInputs in = Row(3);
  in.land_class = {0, 1, 1};
  in.swamp = {1, 0, 1};
  const auto f = BuildFriction(in, Scenario());
  ASSERT_EQ(f.layers.size(), 1u);
  EXPECT_FLOAT_EQ(f.layers[0].at(0, 0), 0.2f);  // a road in a swamp keeps its speed
  EXPECT_FLOAT_EQ(f.layers[0].at(0, 1), 1.0f);
  EXPECT_FLOAT_EQ(f.layers[0].at(0, 2), 2.0f);
}

TEST(Friction, RiversStopWalkersExceptAtBridgesAndCarryBoats) {
  FrictionInputs in = Row(5);
  in.river = {0, 0, 1, 0, 0};
  auto f = BuildFriction(in, Scenario());
  ASSERT_EQ(f.layers.size(), 2u);
  EXPECT_TRUE(std::isinf(f.layers[0].at(0, 2)));
  EXPECT_FLOAT_EQ(f.layers[1].at(0, 2), 0.5f);
  // Banks are where people get on and off.
  EXPECT_FLOAT_EQ(f.board.at(0, 1), 10);
  EXPECT_FLOAT_EQ(f.land.at(0, 3), 4);
  EXPECT_TRUE(std::isinf(f.board.at(0, 0)));
  SolverScratch scratch;
  TravelTimes t;
  std::vector<Source> sources = {{0, 0, 0}};
  SolveTravelTime(scratch, f, sources, {}, t);
  // walk 1 + board 10 + boat (0.5+0.5)/2 x 2 + land 4 + walk (1+1)/2 = 17
  EXPECT_NEAR(t.Time(0, 0, 4), 1 + 10 + 1 + 4 + 1, 1e-5);

  in.bridge = {0, 0, 1, 0, 0};
  f = BuildFriction(in, Scenario());
  EXPECT_FLOAT_EQ(f.layers[0].at(0, 2), 1.0f);
  SolveTravelTime(scratch, f, sources, {}, t);
  EXPECT_NEAR(t.Time(0, 0, 4), 4, 1e-5);  // over the bridge
}

TEST(Friction, WithPiersBoatsAreBoardedOnlyThere) {
  FrictionInputs in = Row(6);
  in.river = {0, 0, 1, 1, 0, 0};
  in.pier = {0, 1, 0, 0, 0, 0};
  const auto f = BuildFriction(in, Scenario());
  EXPECT_FLOAT_EQ(f.board.at(0, 1), 10);
  EXPECT_TRUE(std::isinf(f.board.at(0, 4)));  // no pier on the far bank: no landing there
  SolverScratch scratch;
  TravelTimes t;
  std::vector<Source> sources = {{0, 0, 0}};
  SolveTravelTime(scratch, f, sources, {}, t);
  EXPECT_TRUE(std::isinf(t.Time(0, 0, 5)));
}

TEST(Friction, SeaIsImpassableAndFloodsSlowOrCut) {
  FrictionInputs in = Row(4);
  in.water = {0, 0, 0, 1};
  in.flood = {1.0f, 0.5f, 0.0f, 1.0f};
  const auto f = BuildFriction(in, Scenario());
  EXPECT_FLOAT_EQ(f.layers[0].at(0, 0), 1.0f);
  EXPECT_FLOAT_EQ(f.layers[0].at(0, 1), 2.0f);  // half speed
  EXPECT_TRUE(std::isinf(f.layers[0].at(0, 2)));
  EXPECT_TRUE(std::isinf(f.layers[0].at(0, 3)));
}

TEST(Coverage, PeopleSpreadOverCellsAndThresholdsAreInclusive) {
  // Five cells in a row, 1 minute each, source at the left: times 0,1,2,3,4. Zone 0 = the
  // first three cells (300 people), zone 1 = the last two (100 people).
  FrictionInputs in = Row(5);
  const auto f = BuildFriction(in, Scenario());
  SolverScratch scratch;
  TravelTimes t;
  std::vector<Source> sources = {{0, 0, 0}};
  SolveTravelTime(scratch, f, sources, {}, t);
  // Scale the times so that the thresholds fall on cells: 30 min per minute.
  ScaleTimes(t, 30);
  const auto z = ZonalAccess(t, 0, {0, 0, 0, 1, 1}, {300, 100}, {{}, {}}, f.layers[0]);
  ASSERT_EQ(z.size(), 2u);
  EXPECT_DOUBLE_EQ(z[0].MeanMinutes(), 30);  // (0 + 30 + 60) / 3
  EXPECT_DOUBLE_EQ(z[0].within[0], 200);     // 0 and 30 minutes: 30 counts
  EXPECT_DOUBLE_EQ(z[0].within[1], 300);
  EXPECT_DOUBLE_EQ(z[1].within[1], 0);    // 90 and 120 minutes
  EXPECT_DOUBLE_EQ(z[1].within[2], 100);  // 120 counts as within 120
  EXPECT_DOUBLE_EQ(z[1].reachable, 100);
}

TEST(Coverage, AZoneWithoutPassableCellsUsesItsFallbackCell) {
  FrictionInputs in = Row(3);
  in.water = {0, 0, 1};
  const auto f = BuildFriction(in, Scenario());
  SolverScratch scratch;
  TravelTimes t;
  std::vector<Source> sources = {{0, 0, 0}};
  SolveTravelTime(scratch, f, sources, {}, t);
  const auto z = ZonalAccess(t, 0, {0, 0, 1}, {10, 5}, {{}, grid::CellIndex(1)}, f.layers[0]);
  EXPECT_DOUBLE_EQ(z[1].reachable, 5);
  EXPECT_DOUBLE_EQ(z[1].MeanMinutes(), 1);
}

}  // namespace
}  // namespace jangkau::access
