// The travel-time solver on small grids written as text, with times worked out by hand.
#include <cmath>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "access/components.h"
#include "access/snap.h"
#include "access/solver.h"

namespace jangkau::access {
namespace {

constexpr float kX = grid::kImpassable;

// Rows of friction values; "x" is impassable.
FrictionGrid Parse(const std::string& text) {
  std::vector<std::vector<float>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream cells(line);
    std::string cell;
    std::vector<float> row;
    while (cells >> cell) row.push_back(cell == "x" ? kX : std::stof(cell));
    if (!row.empty()) rows.push_back(row);
  }
  FrictionGrid f;
  f.spec.rows = static_cast<int>(rows.size());
  f.spec.cols = static_cast<int>(rows[0].size());
  f.layers.emplace_back(f.spec.rows, f.spec.cols, 0.0f, kX);
  for (int r = 0; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; ++c) f.layers[0].at(r, c) = rows[r][c];
  }
  return f;
}

// A land and a water layer of rows x cols cells at friction 0, with no transfers between them:
// the caller sets the landscape.
FrictionGrid TwoLayers(int rows, int cols) {
  FrictionGrid f;
  f.spec.rows = rows;
  f.spec.cols = cols;
  f.layers.emplace_back(rows, cols, 0.0f, kX);
  f.layers.emplace_back(rows, cols, 0.0f, kX);
  f.board = grid::PaddedGrid<float>(rows, cols, kX, kX);
  f.land = grid::PaddedGrid<float>(rows, cols, kX, kX);
  return f;
}

TravelTimes Solve(const FrictionGrid& f, std::vector<Source> sources, SolveOptions options = {}) {
  SolverScratch scratch;
  TravelTimes t;
  SolveTravelTime(scratch, f, sources, options, t);
  return t;
}

TEST(Solver, StraightLineCostsHalfOfEachCellCrossed) {
  const auto f = Parse("1 1 2 2 4");
  const auto t = Solve(f, {{0, 0, 0}});
  EXPECT_FLOAT_EQ(t.Time(0, 0, 0), 0);
  EXPECT_FLOAT_EQ(t.Time(0, 0, 1), 1);    // (1+1)/2
  EXPECT_FLOAT_EQ(t.Time(0, 0, 2), 2.5);  // + (1+2)/2
  EXPECT_FLOAT_EQ(t.Time(0, 0, 3), 4.5);  // + (2+2)/2
  EXPECT_FLOAT_EQ(t.Time(0, 0, 4), 7.5);  // + (2+4)/2
}

TEST(Solver, DiagonalStepsCostSqrtTwo) {
  const auto f = Parse("1 9\n9 1");
  const auto t = Solve(f, {{0, 0, 0}});
  EXPECT_NEAR(t.Time(0, 1, 1), std::sqrt(2.0), 1e-6);
}

TEST(Solver, ImpassableCellsAreBarriersAndDiagonalsMayCutBetweenThem) {
  const auto f = Parse(
      "1 x 1\n"
      "x 1 x\n"
      "1 x 1");
  // r.cost lets a diagonal step pass between two impassable cells.
  auto t = Solve(f, {{0, 0, 0}});
  EXPECT_NEAR(t.Time(0, 2, 2), 2 * std::sqrt(2.0), 1e-6);
  EXPECT_TRUE(std::isinf(t.Time(0, 0, 1)));
  EXPECT_EQ(t.Nearest(0, 0, 1), -1);
  // AccessMod closes such leaks.
  SolveOptions no_leak;
  no_leak.corner_cutting = false;
  t = Solve(f, {{0, 0, 0}}, no_leak);
  EXPECT_TRUE(std::isinf(t.Time(0, 1, 1)));
  EXPECT_TRUE(std::isinf(t.Time(0, 2, 2)));
}

TEST(Solver, KnightsMovesSumFourCellsAndNeedThemPassable) {
  const auto f = Parse(
      "1 1 1\n"
      "1 1 1");
  SolveOptions sixteen;
  sixteen.neighbours = 16;
  auto t = Solve(f, {{0, 0, 0}}, sixteen);
  // (0,0) -> (1,2): a knight's move, (1+1+1+1)/4 x sqrt(5).
  EXPECT_NEAR(t.Time(0, 1, 2), std::sqrt(5.0), 1e-6);
  // With 8 neighbours: a diagonal and an orthogonal step, sqrt(2) + 1.
  t = Solve(f, {{0, 0, 0}});
  EXPECT_NEAR(t.Time(0, 1, 2), std::sqrt(2.0) + 1, 1e-6);
  // An impassable intermediate cell blocks the knight's move: (0,1) and (1,1) are crossed.
  const auto blocked = Parse(
      "1 x 1\n"
      "1 1 1");
  t = Solve(blocked, {{0, 0, 0}}, sixteen);
  EXPECT_NEAR(t.Time(0, 1, 2), std::sqrt(2.0) + 1, 1e-6);
}

TEST(Solver, NearestSourceAndTiesToTheLowerIndex) {
  const auto f = Parse("1 1 1 1 1");
  const auto t = Solve(f, {{0, 4, 0}, {0, 0, 0}});
  EXPECT_EQ(t.Nearest(0, 0, 0), 1);
  EXPECT_EQ(t.Nearest(0, 0, 1), 1);
  EXPECT_EQ(t.Nearest(0, 0, 2), 0);  // equal times: the lower source index
  EXPECT_EQ(t.Nearest(0, 0, 3), 0);
  EXPECT_FLOAT_EQ(t.Time(0, 0, 2), 2);
}

TEST(Solver, MaxCostLeavesFartherCellsUnreached) {
  const auto f = Parse("1 1 1 1 1");
  SolveOptions options;
  options.max_cost = 2;
  const auto t = Solve(f, {{0, 0, 0}}, options);
  EXPECT_FLOAT_EQ(t.Time(0, 0, 2), 2);  // inclusive
  EXPECT_TRUE(std::isinf(t.Time(0, 0, 3)));
}

TEST(Solver, ZeroFrictionStillExact) {
  const auto f = Parse("0 0 1 0");
  const auto t = Solve(f, {{0, 0, 0}});
  EXPECT_FLOAT_EQ(t.Time(0, 0, 1), 0);
  EXPECT_FLOAT_EQ(t.Time(0, 0, 2), 0.5);
  EXPECT_FLOAT_EQ(t.Time(0, 0, 3), 1.0);
}

// Land row with a river (impassable for land) in column 2; the water layer is the river. A
// pier at (0,1)/(0,3) lets people board and land.
FrictionGrid RiverCrossing(float board, float land) {
  FrictionGrid f = Parse("2 2 x 2 2");
  f.layers.emplace_back(1, 5, kX, kX);
  f.layers[1].at(0, 1) = 1;  // bank cells reachable by boat
  f.layers[1].at(0, 2) = 1;
  f.layers[1].at(0, 3) = 1;
  f.board = grid::PaddedGrid<float>(1, 5, kX, kX);
  f.land = grid::PaddedGrid<float>(1, 5, kX, kX);
  f.board.at(0, 1) = board;
  f.land.at(0, 3) = land;
  return f;
}

TEST(Solver, BoatsCrossWhereLandCannotWithBoardingPenalties) {
  const auto f = RiverCrossing(10, 3);
  const auto t = Solve(f, {{0, 0, 0}});
  // Walk 0->1: 2; board 10; boat 1->2->3: 2; land 3: total 17; walk to 4: +2.
  EXPECT_FLOAT_EQ(t.Time(0, 0, 1), 2);
  EXPECT_FLOAT_EQ(t.Time(1, 0, 3), 14);
  EXPECT_FLOAT_EQ(t.Time(0, 0, 3), 17);
  EXPECT_FLOAT_EQ(t.Best(0, 4), 19);
  EXPECT_TRUE(std::isinf(t.Time(0, 0, 2)));  // the river itself is no place to walk
}

TEST(Solver, DirectionMattersWhenBoardingAndLandingDiffer) {
  // Boarding costs 10 and landing 3 for a traveller. From the facility outward, the trip
  // boards at column 1; towards it, the patient boards at column 3 and lands at column 1 -
  // only where the facility side allows it.
  FrictionGrid f = RiverCrossing(10, 3);
  f.board.at(0, 3) = 10;
  f.land.at(0, 1) = 3;
  SolveOptions inward;
  inward.direction = Direction::kToSources;
  const auto out = Solve(f, {{0, 0, 0}});
  const auto in = Solve(f, {{0, 0, 0}}, inward);
  EXPECT_FLOAT_EQ(out.Time(0, 0, 4), 19);  // board 10 at 1, land 3 at 3
  EXPECT_FLOAT_EQ(in.Time(0, 0, 4), 19);   // patient boards 10 at 3, lands 3 at 1: same sum
  f.land.at(0, 1) = 30;                    // landing near the facility is hard
  const auto in2 = Solve(f, {{0, 0, 0}}, inward);
  EXPECT_FLOAT_EQ(Solve(f, {{0, 0, 0}}).Time(0, 0, 4), 19);
  EXPECT_FLOAT_EQ(in2.Time(0, 0, 4), 46);  // 2 + 10 + 2 + 30 + 2
}

// Land of 1100 x 1000 cells (enough for two threads), friction 1 to 10, a tenth impassable.
FrictionGrid RandomLand(std::mt19937& rng) {
  FrictionGrid f;
  f.spec.rows = 1100;
  f.spec.cols = 1000;
  f.layers.emplace_back(f.spec.rows, f.spec.cols, 0.0f, kX);
  std::uniform_real_distribution<float> u(0, 1);
  for (int r = 0; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; ++c) {
      const float v = u(rng);
      f.layers[0].at(r, c) = v < 0.1f ? kX : 1 + 9 * v;
    }
  }
  return f;
}

int Differing(const TravelTimes& a, const TravelTimes& b) {
  int differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    differ += a.TimeAt(i) != b.TimeAt(i) || a.NearestAt(i) != b.NearestAt(i);
  }
  return differ;
}

TEST(Solver, ThreadCountDoesNotChangeTheResult) {
  std::mt19937 rng(11);
  FrictionGrid f = RandomLand(rng);
  std::vector<Source> sources;
  for (int i = 0; i < 200; ++i) {
    sources.push_back({static_cast<int>(rng() % 1100), static_cast<int>(rng() % 1000), 0});
  }
  // The same land with rivers: a water layer on every seventh column, boarded and left at
  // every fifth row (two threads relax both layers of a stripe).
  FrictionGrid w = f;
  w.layers.emplace_back(f.spec.rows, f.spec.cols, kX, kX);
  w.board = grid::PaddedGrid<float>(f.spec.rows, f.spec.cols, kX, kX);
  w.land = grid::PaddedGrid<float>(f.spec.rows, f.spec.cols, kX, kX);
  for (int r = 0; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; c += 7) {
      w.layers[1].at(r, c) = 0.5f;
      if (r % 5 == 0) {
        w.board.at(r, c) = 3;
        w.land.at(r, c) = 2;
      }
    }
  }
  SolveOptions one;
  one.threads = 1;
  SolveOptions two;
  two.threads = 2;
  for (const FrictionGrid* grid : {&f, &w}) {
    for (int n : {8, 16}) {
      one.neighbours = two.neighbours = n;
      EXPECT_EQ(Differing(Solve(*grid, sources, one), Solve(*grid, sources, two)), 0)
          << n << " neighbours, " << grid->layers.size() << " layers";
    }
  }
}

TEST(Solver, VectorInstructionsDoNotChangeTheResult) {
  // The 8 king's moves' offers are worked out at once where the CPU has AVX2 (with 16
  // neighbours the knight's moves follow one by one): the same arithmetic, so the same bytes as
  // the scalar pass. Real-valued friction and whole-number
  // friction (ties between sources), corner cutting on and off, a bound, the 6-byte cells (few
  // sources, 16 neighbours) and the 8-byte ones (more than 32,767 sources, 8 neighbours), on
  // one layer and with rivers; whole-grid and bounded searches.
  // On a CPU without AVX2 both runs are scalar.
  std::mt19937 rng(5);
  FrictionGrid real = RandomLand(rng);
  FrictionGrid whole = TwoLayers(real.spec.rows, real.spec.cols);
  for (int r = 0; r < whole.spec.rows; ++r) {
    for (int c = 0; c < whole.spec.cols; ++c) {
      const bool river = c % 97 == 30;
      const auto v = static_cast<int>(rng() % 8);
      whole.layers[0].at(r, c) = v == 0 ? kX : static_cast<float>(v % 3 + 1);
      whole.layers[1].at(r, c) = river ? 1.0f : kX;
      if (river && r % 9 == 0) {
        whole.board.at(r, c) = 4;
        whole.land.at(r, c) = 2;
      }
    }
  }
  std::vector<Source> few;
  std::vector<Source> many;
  for (int k = 0; k < 40000; ++k) {
    const Source s{static_cast<int>(rng() % 1100), static_cast<int>(rng() % 1000), 0};
    (k < 30 ? few : many).push_back(s);
  }
  for (const FrictionGrid* grid : {&real, &whole}) {
    for (const bool corners : {true, false}) {
      for (const std::vector<Source>* sources : {&few, &many}) {
        SolveOptions scalar;
        scalar.neighbours = sources == &few ? 16 : 8;
        scalar.corner_cutting = corners;
        scalar.max_cost = corners ? 1e9 : 900;
        scalar.vector_instructions = false;
        SolveOptions vector = scalar;
        vector.vector_instructions = true;
        const TravelTimes want = Solve(*grid, *sources, scalar);
        const TravelTimes got = Solve(*grid, *sources, vector);
        int reached = 0;
        for (std::size_t i = 0; i < want.size(); ++i) reached += std::isfinite(want.TimeAt(i));
        const std::string what = std::to_string(scalar.neighbours) + " neighbours, " +
                                 std::to_string(grid->layers.size()) + " layers, corners " +
                                 std::to_string(corners) + ", " + std::to_string(sources->size()) +
                                 " sources";
        EXPECT_EQ(Differing(want, got), 0) << what;
        EXPECT_GT(reached, 500000) << what;
        // The searches that stop (sites, routes, dispatch) share the offers.
        BoundedSearch scalar_search(*grid, scalar);
        BoundedSearch vector_search(*grid, vector);
        EXPECT_EQ(Differing(scalar_search.Run(*sources), vector_search.Run(*sources)), 0) << what;
      }
    }
  }
}

TEST(BoundedSearch, OnTwoThreadsEachSearchResetsWhatBothThreadsSettled) {
  // Wide bounded searches on a grid large enough for two threads (each thread lists the cells
  // it settled), with a search stopped early (one thread) between them: each equals a fresh
  // solve on one thread.
  std::mt19937 rng(5);
  const FrictionGrid f = RandomLand(rng);
  SolveOptions two;
  two.threads = 2;
  two.max_cost = 4000;  // buckets of thousands of cells, shared by the threads
  SolveOptions one = two;
  one.threads = 1;
  BoundedSearch search(f, two);
  for (int k = 0; k < 4; ++k) {
    Source source{static_cast<int>(rng() % 1100), static_cast<int>(rng() % 1000), 0};
    while (!(f.layers[0].at(source.row, source.col) < kX)) source.col = (source.col + 1) % 1000;
    if (k == 2) {
      const Source awaited{source.row, (source.col + 50) % 1000, 0};
      search.Run({&source, 1}, StopWhen{{&awaited, 1}, 1});
    }
    const TravelTimes& got = search.Run({&source, 1});
    const TravelTimes fresh = Solve(f, {source}, one);
    int reached = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) reached += std::isfinite(fresh.TimeAt(i));
    EXPECT_EQ(Differing(got, fresh), 0) << "search " << k;
    EXPECT_GT(reached, 100000) << "search " << k;
  }
}

TEST(Solver, NearestSourceHoldsEveryIndexWhateverTheNumberOfSources) {
  // Fewer than 32,768 sources keep the nearest source in 16 bits, more in 32: the first n cells
  // of a 200 x 200 grid (row by row) are sources, on either side of the limit.
  FrictionGrid f;
  f.spec.rows = 200;
  f.spec.cols = 200;
  f.layers.emplace_back(f.spec.rows, f.spec.cols, 1.0f, kX);
  for (int n : {32767, 32768, 40000}) {
    std::vector<Source> sources;
    for (int k = 0; k < n; ++k) sources.push_back({k / 200, k % 200, 0});
    const auto t = Solve(f, sources);
    EXPECT_EQ(t.compact.empty(), n >= static_cast<int>(kCompactSources)) << n;
    int wrong = 0;
    for (int k = 0; k < 200 * 200; ++k) {
      const int r = k / 200;
      const int c = k % 200;
      if (k < n) {
        wrong += t.Time(0, r, c) != 0 || t.Nearest(0, r, c) != k;
      } else if (k - 200 < n) {
        // The cell straight above is the nearest source, one step away (ties: lower index).
        wrong += t.Time(0, r, c) != 1 || t.Nearest(0, r, c) != k - 200;
      } else {
        wrong += !(t.Time(0, r, c) > 1) || t.Nearest(0, r, c) < 0 || t.Nearest(0, r, c) >= n;
      }
    }
    EXPECT_EQ(wrong, 0) << n;
  }
}

TEST(BoundedSearch, RepeatedSearchesEqualFreshSolvesOnTwoLayers) {
  // A river network on a random landscape: each bounded search must match a fresh solve with
  // the same bound, whatever the earlier searches left behind.
  std::mt19937 rng(7);
  FrictionGrid f = TwoLayers(120, 150);
  std::uniform_real_distribution<float> u(0, 1);
  for (int r = 0; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; ++c) {
      const bool river = c % 37 == 5 || r % 41 == 9;
      const float v = u(rng);
      f.layers[0].at(r, c) = river ? kX : v < 0.08f ? kX : 1 + 4 * v;
      f.layers[1].at(r, c) = river ? 0.5f : kX;
      if (river) {
        f.board.at(r, c) = 7;
        f.land.at(r, c) = 2;
      }
    }
  }
  SolveOptions options;
  options.neighbours = 16;
  options.max_cost = 60;
  options.direction = Direction::kToSources;
  options.corner_cutting = false;
  BoundedSearch search(f, options);
  for (int k = 0; k < 12; ++k) {
    const Source source{static_cast<int>(rng() % 120), static_cast<int>(rng() % 150), 0};
    options.max_cost = k % 3 == 2 ? 200 : 60;  // a wider search now and then
    BoundedSearch wide(f, options);
    const TravelTimes& got = (k % 3 == 2 ? wide : search).Run({&source, 1});
    const TravelTimes fresh = Solve(f, {source}, options);
    int differ = 0;
    int reached = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      differ += got.TimeAt(i) != fresh.TimeAt(i) || got.NearestAt(i) != fresh.NearestAt(i);
      reached += std::isfinite(fresh.TimeAt(i)) ? 1 : 0;
    }
    EXPECT_EQ(differ, 0) << "search " << k;
    EXPECT_GT(reached, 1) << "search " << k;
  }
}

TEST(Solver, TileByTileEqualsDialsBucketsOverTheWholeGrid) {
  // A whole-grid solve goes tile by tile (blocks.h), a bounded search by Dial's buckets over the
  // whole grid: two algorithms, one answer, byte for byte. 1030 x 1020 cells (9 x 8 tiles of
  // 128, enough for two threads) with whole-number friction, so that times from two sources
  // often meet exactly (ties go to the lower index), rivers as a second layer, 25 sources.
  std::mt19937 rng(11);
  FrictionGrid f = TwoLayers(1030, 1020);
  for (int r = 0; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; ++c) {
      const bool river = c % 197 == 40 || r % 231 == 64;
      const auto v = static_cast<int>(rng() % 10);
      f.layers[0].at(r, c) = river ? 8.0f : v == 0 ? kX : static_cast<float>(1 + v % 4);
      f.layers[1].at(r, c) = river ? 1.0f : kX;
      if (river) {
        f.board.at(r, c) = 6;
        f.land.at(r, c) = 3;
      }
    }
  }
  std::vector<Source> sources;
  for (int k = 0; k < 25; ++k) {
    sources.push_back({static_cast<int>(rng() % 1030), static_cast<int>(rng() % 1020), 0});
  }
  for (const int neighbours : {8, 16}) {
    for (const bool corners : {true, false}) {
      {
        // Unbounded, and bounded with every other setting.
        const double bound = corners == (neighbours == 8) ? 1e9 : 250.0;
        SolveOptions options;
        options.neighbours = neighbours;
        options.corner_cutting = corners;
        options.max_cost = bound;
        options.direction = Direction::kToSources;
        BoundedSearch dial(f, options);
        const TravelTimes& want = dial.Run(sources);
        for (const int threads : {1, 2}) {
          options.threads = threads;
          const TravelTimes got = Solve(f, sources, options);
          int differ = 0;
          int reached = 0;
          int borders = 0;  // land cells next to a cell of another nearest source
          for (std::size_t i = 0; i < want.size(); ++i) {
            differ += got.TimeAt(i) != want.TimeAt(i) || got.NearestAt(i) != want.NearestAt(i);
            reached += std::isfinite(want.TimeAt(i)) ? 1 : 0;
          }
          for (int r = 0; r + 1 < f.spec.rows; ++r) {
            for (int c = 0; c < f.spec.cols; ++c) {
              const int32_t here = want.Nearest(0, r, c);
              borders +=
                  here >= 0 && want.Nearest(0, r + 1, c) >= 0 && want.Nearest(0, r + 1, c) != here;
            }
          }
          const std::string what = std::to_string(neighbours) + " neighbours, corners " +
                                   std::to_string(corners) + ", bound " + std::to_string(bound) +
                                   ", threads " + std::to_string(threads);
          EXPECT_EQ(differ, 0) << what;
          EXPECT_GT(reached, 300000) << what;
          EXPECT_GT(borders, 1500) << what;  // where sources meet, across the tiles
        }
      }
    }
  }
}

TEST(Solver, TileByTileATieFromTheLowerSourceReachesCellsAlreadyRelaxed) {
  // A corridor along row 1 with a dead-end branch down column 80; source 0 at column 140 (the
  // second tile of 128 columns), source 1 at column 20 (the first). Both tiles hold a time of 0,
  // so the first tile goes first: source 1's wave reaches the branch's mouth (60 steps from
  // each source) and runs down the whole branch in that turn. Source 0's wave arrives later, at
  // the same times: ties go to the lower index, so the mouth and every cell of the branch
  // behind it (reached only through the mouth, no corner cutting) must change to source 0 although
  // they were relaxed already.
  FrictionGrid f;
  f.spec.rows = 40;
  f.spec.cols = 200;
  f.layers.emplace_back(f.spec.rows, f.spec.cols, 0.0f, kX);
  for (int c = 0; c < f.spec.cols; ++c) f.layers[0].at(0, c) = kX;
  for (int r = 1; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; ++c) f.layers[0].at(r, c) = r == 1 || c == 80 ? 1.0f : kX;
  }
  const std::vector<Source> sources = {{1, 140, 0}, {1, 20, 0}};
  for (const int neighbours : {8, 16}) {
    SolveOptions options;
    options.neighbours = neighbours;
    options.corner_cutting = false;  // the branch is entered only through its mouth
    const TravelTimes t = Solve(f, sources, options);
    for (int r = 1; r < f.spec.rows; ++r) {
      // Each step crosses half of two cells of friction 1: one unit.
      EXPECT_EQ(t.Time(0, r, 80), static_cast<float>(60 + r - 1)) << "row " << r;
      EXPECT_EQ(t.Nearest(0, r, 80), 0) << "row " << r << ", " << neighbours << " neighbours";
    }
    options.max_cost = 1e9;
    BoundedSearch dial(f, options);
    EXPECT_EQ(Differing(t, dial.Run(sources)), 0);
  }
}

TEST(BoundedSearch, StoppingWhenTheAwaitedCellsAreFinalGivesTheirExactTimes) {
  // Searches stopped early (all awaited cells, or the first of them) alternate with full
  // bounded searches on one object: the awaited cells' times equal a fresh solve's, the search
  // visits fewer cells than the full one, and what an early stop left behind never leaks into
  // the next search.
  std::mt19937 rng(11);
  FrictionGrid f;
  f.spec.rows = 90;
  f.spec.cols = 110;
  f.layers.emplace_back(f.spec.rows, f.spec.cols, 0.0f, kX);
  std::uniform_real_distribution<float> u(0, 1);
  for (int r = 0; r < f.spec.rows; ++r) {
    for (int c = 0; c < f.spec.cols; ++c) {
      const float v = u(rng);
      f.layers[0].at(r, c) = v < 0.1f ? kX : 1 + 3 * v;
    }
  }
  SolveOptions options;
  options.neighbours = 16;
  options.max_cost = 400;
  options.direction = Direction::kToSources;
  options.corner_cutting = false;
  BoundedSearch search(f, options);
  for (int k = 0; k < 9; ++k) {
    const Source source{static_cast<int>(rng() % 90), static_cast<int>(rng() % 110), 0};
    const TravelTimes fresh = Solve(f, {source}, options);
    std::vector<Source> awaited;
    for (int i = 0; i < 5; ++i) {
      awaited.push_back({static_cast<int>(rng() % 90), static_cast<int>(rng() % 110), 0});
    }
    const std::size_t needed = k % 3 == 1 ? 1 : 0;
    const TravelTimes& got =
        k % 3 == 2 ? search.Run({&source, 1}) : search.Run({&source, 1}, StopWhen{awaited, needed});
    if (k % 3 == 2) {
      int differ = 0;
      for (std::size_t i = 0; i < fresh.size(); ++i) {
        differ += got.TimeAt(i) != fresh.TimeAt(i);
      }
      EXPECT_EQ(differ, 0) << "full search " << k << " after an early stop";
      continue;
    }
    float least = kX;
    for (const Source& a : awaited) least = std::min(least, fresh.Time(0, a.row, a.col));
    int final_cells = 0;
    for (const Source& a : awaited) {
      const float want = fresh.Time(0, a.row, a.col);
      if (needed == 0 || want == least) {
        EXPECT_EQ(got.Time(0, a.row, a.col), want) << "search " << k;
      }
      final_cells += got.Time(0, a.row, a.col) == want ? 1 : 0;
    }
    EXPECT_GE(final_cells, 1);
    int reached = 0;
    int fresh_reached = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      reached += std::isfinite(got.TimeAt(i)) ? 1 : 0;
      fresh_reached += std::isfinite(fresh.TimeAt(i)) ? 1 : 0;
    }
    if (needed == 1) {
      EXPECT_LT(reached, fresh_reached) << "search " << k;
    }
  }
}

TEST(Grid, LargeGridsAreFilledOnTwoThreadsEveryCellOnce) {
  // Above 2^20 cells the padded grid and the solver's output are written by two threads in
  // halves (grid/large_vector.h); every cell must hold what one thread would have written.
  const grid::PaddedGrid<float> g(1031, 1017, 3.5f, kX);
  const int pad = grid::PaddedGrid<float>::kPad;
  std::size_t wrong = 0;
  for (int r = -pad; r < 1031 + pad; ++r) {
    for (int c = -pad; c < 1017 + pad; ++c) {
      const bool inside = r >= 0 && r < 1031 && c >= 0 && c < 1017;
      const float v = g.data()[static_cast<std::size_t>(g.Index(r, c))];
      wrong += v != (inside ? 3.5f : kX);
    }
  }
  EXPECT_EQ(wrong, 0u);
  EXPECT_EQ(g.padded_size(), std::size_t{1035} * 1021);

  grid::LargeVector<CompactCell> cells;
  for (const float value : {7.0f, kX}) {  // reused: every cell written again
    grid::AssignInParallel(cells, (std::size_t{1} << 21) + 3, CompactCell{value, -1});
    ASSERT_EQ(cells.size(), (std::size_t{1} << 21) + 3);
    std::size_t differ = 0;
    for (const CompactCell& cell : cells) differ += cell.time != value || cell.nearest != -1;
    EXPECT_EQ(differ, 0u) << value;
  }
}

TEST(Components, AWallSplitsTheLandAndABoatJoinsIt) {
  // Land row split by the river column; without a boat layer the halves are apart.
  const FrictionGrid land = Parse("1 1 x 1 1\n1 1 x 1 1");
  const Components apart = ConnectedComponents(land);
  const auto& g = land.layers[0];
  EXPECT_EQ(apart.At(0, g.Index(0, 0)), apart.At(0, g.Index(1, 1)));
  EXPECT_NE(apart.At(0, g.Index(0, 0)), apart.At(0, g.Index(0, 3)));
  EXPECT_EQ(apart.At(0, g.Index(0, 2)), -1);
  // With boarding at (0,1) and landing at (0,3) the river joins them through the water layer.
  const FrictionGrid river = RiverCrossing(15, 5);
  const Components joined = ConnectedComponents(river);
  const auto& r = river.layers[0];
  EXPECT_EQ(joined.At(0, r.Index(0, 0)), joined.At(0, r.Index(0, 4)));
  EXPECT_EQ(joined.At(0, r.Index(0, 0)), joined.At(1, r.Index(0, 2)));
}

TEST(Snap, NearestPassableCellWithinTheDistance) {
  FrictionGrid f = Parse(
      "x x x 1\n"
      "x x x x\n"
      "1 x x x");
  f.spec.cell_w = f.spec.cell_h = 100;
  auto s = SnapToPassable(f.layers[0], f.spec, 1, 1, 150);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->row, 2);
  EXPECT_EQ(s->col, 0);
  EXPECT_NEAR(s->distance, std::hypot(100, 100), 1e-9);
  EXPECT_FALSE(SnapToPassable(f.layers[0], f.spec, 1, 1, 100).has_value());
}

}  // namespace
}  // namespace jangkau::access
