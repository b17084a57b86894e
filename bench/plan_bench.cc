// Siting and stops: the heuristics against GLPK's optimum on generated instances
// (tests/plan_instances.h). The gap benchmarks run once over 30 seeds per family (101-130, not
// the seeds the unit tests use) and report the gap and the mean time of each method as
// counters; the timing benchmarks time one instance of each family.
#include <algorithm>
#include <chrono>
#include <cmath>

#include <benchmark/benchmark.h>

#include "plan/milp.h"
#include "plan/set_cover.h"
#include "plan/siting.h"
#include "plan_instances.h"

namespace {

using namespace jangkau::plan;
using testing::InstanceSize;

constexpr uint32_t kFirstSeed = 101;
constexpr int kSeeds = 30;

struct Family {
  InstanceSize size;
  SitingObjective objective = SitingObjective::kCoverage;
  bool capacities = false;
};

// Argument index -> instance family.
const Family kFamilies[] = {
    {{}},                                             // 150 points, 25 sites, K 5
    {{.demand = 400, .candidates = 60, .sites = 8}},  // wider
    {{.demand = 300, .candidates = 40, .sites = 3, .threshold_minutes = 20}},  // few, tight
    {{.demand = 80, .candidates = 15, .sites = 4}, SitingObjective::kCoverage, true},
    {{.demand = 80, .candidates = 15, .sites = 4}, SitingObjective::kMeanTime},
};

SitingProblem Instance(const Family& f, uint32_t seed) {
  return testing::RandomSiting(seed, f.size, f.objective, f.capacities);
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Relative gap of the heuristic: lost coverage, or extra mean minutes, as a share of the optimum.
double Gap(const Family& f, double heuristic, double optimum) {
  if (optimum == 0) return 0;
  const double gap = f.objective == SitingObjective::kCoverage ? (optimum - heuristic) / optimum
                                                               : (heuristic - optimum) / optimum;
  return std::abs(gap) < 1e-12 ? 0 : gap;  // rounding noise, not a gap
}

void BM_SitingGap(benchmark::State& state) {
  const Family& f = kFamilies[state.range(0)];
  double gap_sum = 0, gap_max = 0, heuristic_s = 0, exact_s = 0;
  int optimal = 0, proven = 0;
  for (auto _ : state) {
    for (uint32_t seed = kFirstSeed; seed < kFirstSeed + kSeeds; ++seed) {
      const SitingProblem p = Instance(f, seed);
      auto start = std::chrono::steady_clock::now();
      const auto heuristic = SolveGreedySwap(p);
      heuristic_s += Seconds(start);
      start = std::chrono::steady_clock::now();
      const auto exact = SolveSitingExact(p);
      exact_s += Seconds(start);
      if (!heuristic || !exact) {
        state.SkipWithError("an instance was refused");
        return;
      }
      const double gap = Gap(f, heuristic->objective, exact->objective);
      gap_sum += gap;
      gap_max = std::max(gap_max, gap);
      optimal += gap < 1e-9 ? 1 : 0;
      proven += exact->status == ExactStatus::kOptimal ? 1 : 0;
    }
  }
  state.counters["instances"] = kSeeds;
  state.counters["proven"] = proven;
  state.counters["heur_optimal"] = optimal;
  state.counters["gap_mean_%"] = 100 * gap_sum / kSeeds;
  state.counters["gap_max_%"] = 100 * gap_max;
  state.counters["heur_ms"] = 1000 * heuristic_s / kSeeds;
  state.counters["glpk_ms"] = 1000 * exact_s / kSeeds;
}
BENCHMARK(BM_SitingGap)->DenseRange(0, 4)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_SitingGreedySwap(benchmark::State& state) {
  const SitingProblem p = Instance(kFamilies[state.range(0)], kFirstSeed);
  for (auto _ : state) benchmark::DoNotOptimize(SolveGreedySwap(p));
}
BENCHMARK(BM_SitingGreedySwap)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

void BM_SitingExact(benchmark::State& state) {
  const SitingProblem p = Instance(kFamilies[state.range(0)], kFirstSeed);
  for (auto _ : state) benchmark::DoNotOptimize(SolveSitingExact(p));
}
BENCHMARK(BM_SitingExact)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

// Mobile-clinic stops: 120 villages, 40 possible stops on a 60 km square.
void BM_StopsGap(benchmark::State& state) {
  int extra = 0, worst = 0;
  double greedy_s = 0, exact_s = 0;
  for (auto _ : state) {
    for (uint32_t seed = kFirstSeed; seed < kFirstSeed + kSeeds; ++seed) {
      const StopProblem p = testing::RandomStops(seed, 120, 40, 60);
      auto start = std::chrono::steady_clock::now();
      const auto greedy = SolveStopsGreedy(p);
      greedy_s += Seconds(start);
      start = std::chrono::steady_clock::now();
      const auto exact = SolveStopsExact(p);
      exact_s += Seconds(start);
      if (!greedy || !exact) {
        state.SkipWithError("an instance was refused");
        return;
      }
      const int more = static_cast<int>(greedy->stops.size() - exact->plan.stops.size());
      extra += more;
      worst = std::max(worst, more);
    }
  }
  state.counters["instances"] = kSeeds;
  state.counters["extra_stops_total"] = extra;
  state.counters["extra_stops_max"] = worst;
  state.counters["greedy_ms"] = 1000 * greedy_s / kSeeds;
  state.counters["glpk_ms"] = 1000 * exact_s / kSeeds;
}
BENCHMARK(BM_StopsGap)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
