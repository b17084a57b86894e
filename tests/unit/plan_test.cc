// The planning engines: siting, mobile-clinic stops and redistribution on instances small enough
// to check by hand, against GLPK's optimum on seeded random instances, and GLPK against plain
// enumeration on tiny ones.
#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <map>

#include <gtest/gtest.h>

#include "plan/milp.h"
#include "plan/redistribution.h"
#include "plan/set_cover.h"
#include "plan/siting.h"
#include "plan_instances.h"

namespace jangkau::plan {
namespace {

using namespace units::literals;  // NOLINT(google-build-using-namespace)

using testing::InstanceSize;
using testing::RandomSiting;
using testing::RandomStops;

constexpr int kRandomInstances = 24;

std::vector<int> Candidates(const SitingResult& r) {
  std::vector<int> ids;
  for (const ChosenSite& s : r.sites) ids.push_back(s.candidate);
  return ids;
}

// Every subset of at most K candidates; the best objective value.
double BestByEnumeration(const SitingProblem& p) {
  const int n = static_cast<int>(p.candidates.size());
  const bool maximise = p.objective == SitingObjective::kCoverage;
  double best = SitingObjectiveValue(p, {});
  for (uint32_t mask = 1; mask < (1u << n); ++mask) {
    if (std::popcount(mask) > p.sites) continue;
    std::vector<int> chosen;
    for (int j = 0; j < n; ++j) {
      if (mask & (1u << j)) chosen.push_back(j);
    }
    const double v = SitingObjectiveValue(p, chosen);
    best = maximise ? std::max(best, v) : std::min(best, v);
  }
  return best;
}

// --- siting, by hand ---------------------------------------------------------------------

TEST(PlanSiting, CountsOnlyPeopleBeyondTToday) {
  SitingProblem p;
  p.demand = {{"a", 100, 10}, {"b", 50, kUnreached}, {"c", 30, 90}};
  p.candidates = {{"reaches a and b"}, {"reaches c"}};
  p.arcs = {{0, 0, 20}, {0, 1, 20}, {1, 2, 50}};
  p.threshold_minutes = 60;
  const auto r = SolveGreedySwap(p);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->sites.size(), 1u);
  EXPECT_EQ(r->sites[0].candidate, 0);  // a is within 60 already: 50 new against 30
  EXPECT_DOUBLE_EQ(r->sites[0].added_population, 50);
  EXPECT_DOUBLE_EQ(r->newly_covered, 50);
  EXPECT_DOUBLE_EQ(r->objective, 50);
}

// Greedy opens the middle site (8) and then one side (3 more); swapping the middle for the
// other side reaches 14. The result lists the sides in build order with the coverage curve.
TEST(PlanSiting, SwapImprovesOnGreedy) {
  SitingProblem p;
  p.demand = {
      {"d0", 3, kUnreached}, {"d1", 4, kUnreached}, {"d2", 4, kUnreached}, {"d3", 3, kUnreached}};
  p.candidates = {{"left"}, {"right"}, {"middle"}};
  p.arcs = {{0, 0, 5}, {0, 1, 5}, {1, 2, 5}, {1, 3, 5}, {2, 1, 5}, {2, 2, 5}};
  p.sites = 2;
  const auto r = SolveGreedySwap(p);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->swaps, 1);
  EXPECT_EQ(Candidates(*r), (std::vector<int>{0, 1}));
  EXPECT_DOUBLE_EQ(r->sites[0].added_population, 7);
  EXPECT_DOUBLE_EQ(r->sites[1].added_population, 7);
  EXPECT_DOUBLE_EQ(r->sites[1].cumulative_population, 14);
  EXPECT_DOUBLE_EQ(r->objective, 14);
}

// Site 0 (capacity 50) reaches a and b, site 1 (capacity 50) only a. Serving a from site 0 would
// leave 50; the flow sends site 0 to b and site 1 to a.
TEST(PlanSiting, CapacityIsAssignedAsAFlow) {
  SitingProblem p;
  p.demand = {{"a", 50, kUnreached}, {"b", 50, kUnreached}};
  p.candidates = {{"both", 50.0}, {"a only", 50.0}};
  p.arcs = {{0, 0, 10}, {0, 1, 10}, {1, 0, 10}};
  p.sites = 2;
  const auto r = SolveGreedySwap(p);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->newly_covered, 100);
  ASSERT_EQ(r->sites.size(), 2u);
  EXPECT_DOUBLE_EQ(r->sites[0].added_population, 50);

  p.candidates[0].capacity = 30;
  p.sites = 1;
  EXPECT_DOUBLE_EQ(SolveGreedySwap(p)->newly_covered, 50);  // site 1 alone beats 30
}

TEST(PlanSiting, MeanTimeChargesUnreachedPeopleTheirMinutes) {
  SitingProblem p;
  p.objective = SitingObjective::kMeanTime;
  p.unreached_minutes = 240;
  p.demand = {{"a", 100, 50}, {"b", 100, kUnreached}};
  p.candidates = {{"near a"}, {"towards b"}};
  p.arcs = {{0, 0, 10}, {1, 1, 100}};  // saves 100 x 40 against 100 x 140
  const auto r = SolveGreedySwap(p);
  ASSERT_TRUE(r);
  EXPECT_EQ(Candidates(*r), std::vector<int>{1});
  EXPECT_DOUBLE_EQ(r->mean_minutes_before, 145);
  EXPECT_DOUBLE_EQ(r->mean_minutes_after, 75);
  EXPECT_DOUBLE_EQ(r->objective, 75);
  EXPECT_DOUBLE_EQ(r->newly_covered, 0);  // 100 minutes is not within 60
}

TEST(PlanSiting, StopsWhenNoSiteAddsAnythingAndBreaksTiesByIndex) {
  SitingProblem p;
  p.demand = {{"a", 10, kUnreached}, {"b", 10, 5}};
  p.candidates = {{"x"}, {"y"}, {"z"}};
  p.arcs = {{0, 1, 1}, {1, 0, 30}, {2, 0, 20}};
  p.sites = 3;
  const auto r = SolveGreedySwap(p);
  ASSERT_TRUE(r);
  EXPECT_EQ(Candidates(*r), std::vector<int>{1});
}

TEST(PlanSiting, RefusesBadInputNamingTheField) {
  SitingProblem p;
  p.demand = {{"a", 10, kUnreached}};
  p.candidates = {{"x"}};
  p.arcs = {{0, 1, 5}};
  auto r = SolveGreedySwap(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().msg, Msg::kPlanBadIndex);
  EXPECT_EQ(r.error().args, (std::vector<std::string>{"arcs[0].demand", "1", "0"}));

  p.arcs = {{0, 0, 5}, {0, 0, 7}};
  r = SolveGreedySwap(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().msg, Msg::kPlanDuplicateArc);
  EXPECT_EQ(r.error().args[0], "arcs[1]");

  p.arcs = {{0, 0, 5}};
  p.demand[0].population = -1;
  EXPECT_EQ(SolveGreedySwap(p).error().args[0], "demand[0].population");

  p.demand[0].population = 1;
  p.objective = SitingObjective::kMeanTime;
  p.candidates[0].capacity = 100;
  EXPECT_EQ(SolveGreedySwap(p).error().msg, Msg::kPlanCapacityNeedsCoverage);
  EXPECT_EQ(SolveSitingExact(p).error().msg, Msg::kPlanCapacityNeedsCoverage);
}

// --- siting against the exact optimum ------------------------------------------------------

TEST(PlanExact, SitingMatchesEnumerationOnTinyInstances) {
  const InstanceSize tiny{.demand = 40, .candidates = 10, .sites = 3};
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    for (const auto& [objective, capacities] :
         {std::pair{SitingObjective::kCoverage, false}, std::pair{SitingObjective::kCoverage, true},
          std::pair{SitingObjective::kMeanTime, false}}) {
      const SitingProblem p = RandomSiting(seed, tiny, objective, capacities);
      const auto exact = SolveSitingExact(p);
      ASSERT_TRUE(exact);
      EXPECT_EQ(exact->status, ExactStatus::kOptimal);
      EXPECT_NEAR(exact->objective, BestByEnumeration(p), 1e-6 * (1 + exact->objective))
          << "seed " << seed << ", capacities " << capacities;
    }
  }
}

// MEXCLP's expected coverage of a set of sites, counted here from the arcs (Daskin 1983: a point
// within T of n open sites, each busy with probability q, is covered with probability 1 - q^n).
double ExpectedCoverage(const SitingProblem& p, const std::vector<int>& chosen) {
  std::vector<int> n(p.demand.size(), 0);
  for (const SiteArc& a : p.arcs) {
    const bool open = std::find(chosen.begin(), chosen.end(), a.candidate) != chosen.end();
    if (open && a.minutes <= p.threshold_minutes &&
        p.demand[a.demand].baseline_minutes > p.threshold_minutes) {
      ++n[a.demand];
    }
  }
  double value = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    value += p.demand[i].population * (1 - std::pow(p.busy, n[i]));
  }
  return value;
}

// The best expected coverage over every set of at most K of the (at most 12) candidates.
double BestExpectedByEnumeration(const SitingProblem& p) {
  const int m = static_cast<int>(p.candidates.size());
  double best = 0;
  for (uint32_t mask = 0; mask < (1u << m); ++mask) {
    if (std::popcount(mask) > p.sites) continue;
    std::vector<int> chosen;
    for (int j = 0; j < m; ++j) {
      if (mask & (1u << j)) chosen.push_back(j);
    }
    best = std::max(best, ExpectedCoverage(p, chosen));
  }
  return best;
}

// Stations (issue 12): MCLP and MEXCLP equal brute-force enumeration on instances of up to 12
// candidates, for several busy fractions; the heuristic never beats the optimum.
TEST(PlanStations, MexclpAndMclpEqualEnumerationOnSmallInstances) {
  for (uint32_t seed = 1; seed <= 5; ++seed) {
    for (int sites : {1, 2, 4}) {
      for (double busy : {0.0, 0.25, 0.6}) {
        SitingProblem p = RandomSiting(
            seed, {.demand = 50, .candidates = 12, .open_facilities = 0, .sites = sites},
            SitingObjective::kExpectedCoverage);
        p.busy = busy;
        const double best = BestExpectedByEnumeration(p);
        const auto exact = SolveSitingExact(p);
        ASSERT_TRUE(exact);
        EXPECT_EQ(exact->status, ExactStatus::kOptimal);
        EXPECT_NEAR(exact->objective, best, 1e-6 * (1 + best))
            << "seed " << seed << ", K " << sites << ", q " << busy;
        EXPECT_NEAR(ExpectedCoverage(p, exact->chosen), best, 1e-6 * (1 + best));
        const auto heuristic = SolveGreedySwap(p);
        ASSERT_TRUE(heuristic);
        EXPECT_LE(heuristic->objective, best * (1 + 1e-9) + 1e-9);
        if (busy == 0) {
          // q = 0 is the maximal covering model: the same optimum as the coverage objective.
          p.objective = SitingObjective::kCoverage;
          const auto mclp = SolveSitingExact(p);
          ASSERT_TRUE(mclp);
          EXPECT_NEAR(mclp->objective, exact->objective, 1e-6 * (1 + best));
        }
      }
    }
  }
}

TEST(PlanStations, RefusesABusyFractionOutsideZeroToOne) {
  SitingProblem p = RandomSiting(1, {.demand = 5, .candidates = 3, .sites = 1},
                                 SitingObjective::kExpectedCoverage);
  for (double busy : {-0.1, 1.0, std::nan("")}) {
    p.busy = busy;
    EXPECT_EQ(SolveGreedySwap(p).error().msg, Msg::kPlanBusyFraction);
    EXPECT_EQ(SolveSitingExact(p).error().msg, Msg::kPlanBusyFraction);
  }
}

// The acceptance test: on 24 generated instances the heuristic's coverage is within 1%
// of the optimum, and never above it.
TEST(PlanExact, GreedySwapCoverageWithinOnePercentOfOptimum) {
  for (uint32_t seed = 1; seed <= kRandomInstances; ++seed) {
    const SitingProblem p = RandomSiting(seed, {});
    const auto heuristic = SolveGreedySwap(p);
    const auto exact = SolveSitingExact(p);
    ASSERT_TRUE(heuristic && exact);
    ASSERT_EQ(exact->status, ExactStatus::kOptimal);
    ASSERT_GT(exact->objective, 0);
    EXPECT_LE(heuristic->objective, exact->objective + 1e-6) << "seed " << seed;
    EXPECT_GE(heuristic->objective, 0.99 * exact->objective) << "seed " << seed;
  }
}

TEST(PlanExact, GreedySwapWithCapacitiesAndMeanTimeWithinOnePercent) {
  const InstanceSize size{.demand = 60, .candidates = 12, .sites = 3};
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    const SitingProblem capacitated = RandomSiting(seed, size, SitingObjective::kCoverage, true);
    const double covered = SolveGreedySwap(capacitated)->objective;
    const double most = SolveSitingExact(capacitated)->objective;
    EXPECT_LE(covered, most + 1e-6) << "seed " << seed;
    EXPECT_GE(covered, 0.99 * most) << "seed " << seed;

    const SitingProblem median = RandomSiting(seed, size, SitingObjective::kMeanTime);
    const double mean = SolveGreedySwap(median)->objective;
    const double least = SolveSitingExact(median)->objective;
    EXPECT_GE(mean, least - 1e-6) << "seed " << seed;
    EXPECT_LE(mean, 1.01 * least) << "seed " << seed;
  }
}

// --- mobile-clinic stops -------------------------------------------------------------------

TEST(PlanStops, ServesEachVillageFromItsNearestStopAndListsTheUnreachable) {
  StopProblem p;
  p.threshold_minutes = 60;
  p.reach_minutes = 30;
  p.villages = {{"near", 100, 20},
                {"v1", 50, 90},
                {"v2", 40, kUnreached},
                {"v3", 30, kUnreached},
                {"lost", 10, 120}};
  p.stops = {"pier a", "pier b", "desa c"};
  p.arcs = {{0, 1, 10}, {0, 2, 25}, {1, 2, 5}, {1, 3, 15}, {2, 0, 0}, {2, 4, 45}};
  const auto plan = SolveStopsGreedy(p);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->needing, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(plan->unserved, std::vector<int>{4});  // 45 minutes from the only stop reaching it
  ASSERT_EQ(plan->stops.size(), 2u);
  EXPECT_EQ(plan->stops[0].stop, 0);
  ASSERT_EQ(plan->stops[0].villages.size(), 1u);  // v2 is nearer to pier b
  EXPECT_EQ(plan->stops[0].villages[0].village, 1);
  EXPECT_EQ(plan->stops[1].stop, 1);
  ASSERT_EQ(plan->stops[1].villages.size(), 2u);
  EXPECT_EQ(plan->stops[1].villages[0].village, 2);
  EXPECT_DOUBLE_EQ(plan->stops[1].villages[0].minutes, 5);
  EXPECT_DOUBLE_EQ(plan->stops[1].population, 70);
}

// Greedy takes stop 0 {a, b, c} (a tie with stop 1, lower index), then 1 for d and 2 for e;
// stop 0 is then redundant.
TEST(PlanStops, GreedyDropsRedundantStops) {
  StopProblem p;
  for (const char* id : {"a", "b", "c", "d", "e"}) p.villages.push_back({id, 1, kUnreached});
  p.stops = {"abc", "abd", "ce"};
  p.arcs = {{0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {1, 0, 1}, {1, 1, 1}, {1, 3, 1}, {2, 2, 1}, {2, 4, 1}};
  const auto plan = SolveStopsGreedy(p);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->stops.size(), 2u);
  EXPECT_EQ(plan->stops[0].stop, 1);
  EXPECT_EQ(plan->stops[1].stop, 2);
  EXPECT_TRUE(plan->unserved.empty());
}

int ServedCount(const StopPlan& plan) {
  int n = 0;
  for (const StopService& s : plan.stops) n += static_cast<int>(s.villages.size());
  return n;
}

TEST(PlanStops, GreedyAgainstExact) {
  int extra_stops = 0;
  for (uint32_t seed = 1; seed <= kRandomInstances; ++seed) {
    const StopProblem p = RandomStops(seed, 120, 40, 60);
    const auto greedy = SolveStopsGreedy(p);
    const auto exact = SolveStopsExact(p);
    ASSERT_TRUE(greedy && exact);
    ASSERT_EQ(exact->status, ExactStatus::kOptimal);
    EXPECT_EQ(greedy->unserved, exact->plan.unserved) << "seed " << seed;
    EXPECT_EQ(ServedCount(*greedy), ServedCount(exact->plan));
    EXPECT_EQ(ServedCount(*greedy) + greedy->unserved.size(), greedy->needing.size());
    EXPECT_GE(greedy->stops.size(), exact->plan.stops.size()) << "seed " << seed;
    for (const StopService& s : greedy->stops) EXPECT_FALSE(s.villages.empty());
    extra_stops += static_cast<int>(greedy->stops.size() - exact->plan.stops.size());
  }
  EXPECT_LE(extra_stops, kRandomInstances / 2);  // greedy is rarely more than one stop off
}

TEST(PlanStops, ExactMatchesEnumerationOnTinyInstances) {
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    const StopProblem p = RandomStops(seed, 30, 10, 40);
    const auto exact = SolveStopsExact(p);
    ASSERT_TRUE(exact);
    std::size_t fewest = p.stops.size();
    for (uint32_t mask = 0; mask < (1u << p.stops.size()); ++mask) {
      std::vector<int> stops;
      for (int s = 0; s < static_cast<int>(p.stops.size()); ++s) {
        if (mask & (1u << s)) stops.push_back(s);
      }
      if (AssignVillages(p, stops).unserved == exact->plan.unserved)
        fewest = std::min(fewest, stops.size());
    }
    EXPECT_EQ(exact->plan.stops.size(), fewest) << "seed " << seed;
  }
}

// --- redistribution ------------------------------------------------------------------------

TEST(PlanRedistribution, MovingMoreBeatsTravellingLess) {
  // Nearest first would send a to x (5 minutes) and leave y short: b reaches only x.
  RedistributionProblem p;
  p.surpluses = {{"a", "bidan", 1}, {"b", "bidan", 1}};
  p.shortages = {{"x", "bidan", 1}, {"y", "bidan", 1}};
  p.routes = {{"a", "x", 5_min}, {"a", "y", 10_min}, {"b", "x", 8_min}};
  const auto plan = PlanRedistribution(p);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->moved, 2);
  EXPECT_EQ(plan->remaining_shortage, 0);
  EXPECT_DOUBLE_EQ(plan->total_minutes.value(), 18);
  ASSERT_EQ(plan->moves.size(), 2u);
  EXPECT_EQ(plan->moves[0].from, "a");
  EXPECT_EQ(plan->moves[0].to, "y");
  EXPECT_EQ(plan->moves[1].from, "b");
  EXPECT_EQ(plan->moves[1].to, "x");
}

TEST(PlanRedistribution, KeepsCadresApartAndRespectsTheCap) {
  RedistributionProblem p;
  p.max_minutes = 60_min;
  p.surpluses = {{"a", "dokter", 2}, {"b", "perawat", 3}};
  p.shortages = {{"x", "perawat", 2}, {"y", "dokter", 1}, {"z", "dokter", 1}};
  p.routes = {{"a", "x", 5_min},
              {"b", "x", 30_min},
              {"a", "y", 90_min},
              {"a", "z", 60_min},
              {"b", "y", 1_min}};
  const auto plan = PlanRedistribution(p);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->moves.size(), 2u);
  EXPECT_EQ(plan->moves[0].cadre, "dokter");  // a -> z at exactly the cap; y is 90 away
  EXPECT_EQ(plan->moves[0].to, "z");
  EXPECT_EQ(plan->moves[0].count, 1);
  EXPECT_EQ(plan->moves[1].cadre, "perawat");  // b -> x; a's doctors are not nurses
  EXPECT_EQ(plan->moves[1].from, "b");
  EXPECT_EQ(plan->moves[1].count, 2);
  EXPECT_EQ(plan->remaining_shortage, 1);
  ASSERT_EQ(plan->cadres.size(), 2u);
  EXPECT_EQ(plan->cadres[0].shortage, 2);
  EXPECT_EQ(plan->cadres[0].moved, 1);
}

TEST(PlanRedistribution, RefusesNegativeCounts) {
  RedistributionProblem p;
  p.shortages = {{"x", "bidan", 1}, {"y", "bidan", -2}};
  const auto plan = PlanRedistribution(p);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().args[0], "shortages[1].count");
}

struct Lexicographic {
  int moved = 0;
  double minutes = 0;
};

// Every whole-number flow over the usable routes of one cadre; the best (most moved, then
// fewest minutes).
Lexicographic BruteForce(const std::vector<int>& supply, const std::vector<int>& demand,
                         const std::vector<std::vector<double>>& minutes, double cap) {
  struct Arc {
    int from, to;
    double minutes;
  };
  std::vector<Arc> arcs;
  for (int s = 0; s < static_cast<int>(supply.size()); ++s) {
    for (int d = 0; d < static_cast<int>(demand.size()); ++d) {
      if (minutes[s][d] <= cap) arcs.push_back({s, d, minutes[s][d]});
    }
  }
  Lexicographic best;
  std::vector<int> left = supply, need = demand;
  std::function<void(std::size_t, Lexicographic)> go = [&](std::size_t k, Lexicographic now) {
    if (k == arcs.size()) {
      if (now.moved > best.moved || (now.moved == best.moved && now.minutes < best.minutes))
        best = now;
      return;
    }
    const Arc& a = arcs[k];
    for (int n = 0; n <= std::min(left[a.from], need[a.to]); ++n) {
      left[a.from] -= n;
      need[a.to] -= n;
      go(k + 1, {now.moved + n, now.minutes + n * a.minutes});
      left[a.from] += n;
      need[a.to] += n;
    }
  };
  go(0, {});
  return best;
}

TEST(PlanRedistribution, MatchesBruteForceOnTinyCases) {
  testing::Random random(20261129);
  for (int round = 0; round < 40; ++round) {
    const int n_supply = 2 + random.Below(2);
    const int n_demand = 2 + random.Below(2);
    RedistributionProblem p;
    p.max_minutes = units::Minutes(random.Uniform(20, 80));
    std::vector<int> supply(n_supply), demand(n_demand);
    std::vector<std::vector<double>> minutes(n_supply, std::vector<double>(n_demand));
    for (int s = 0; s < n_supply; ++s) {
      supply[s] = random.Below(3);
      p.surpluses.push_back({"s" + std::to_string(s), "perawat", supply[s]});
      for (int d = 0; d < n_demand; ++d) {
        minutes[s][d] = std::round(random.Uniform(5, 100));
        p.routes.push_back(
            {"s" + std::to_string(s), "d" + std::to_string(d), units::Minutes(minutes[s][d])});
      }
    }
    for (int d = 0; d < n_demand; ++d) {
      demand[d] = random.Below(3);
      p.shortages.push_back({"d" + std::to_string(d), "perawat", demand[d]});
    }
    const auto plan = PlanRedistribution(p);
    ASSERT_TRUE(plan);
    const Lexicographic best = BruteForce(supply, demand, minutes, p.max_minutes.value());
    EXPECT_EQ(plan->moved, best.moved) << "round " << round;
    EXPECT_NEAR(plan->total_minutes.value(), best.minutes, 1e-9) << "round " << round;
    std::map<std::string, int> given, received;
    for (const StaffMove& m : plan->moves) {
      EXPECT_LE(m.minutes, p.max_minutes);
      EXPECT_GT(m.count, 0);
      given[m.from] += m.count;
      received[m.to] += m.count;
    }
    for (int s = 0; s < n_supply; ++s) EXPECT_LE(given["s" + std::to_string(s)], supply[s]);
    for (int d = 0; d < n_demand; ++d) EXPECT_LE(received["d" + std::to_string(d)], demand[d]);
  }
}

}  // namespace
}  // namespace jangkau::plan
