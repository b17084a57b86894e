// Random siting and stop instances from a seed, shared by tests/unit/plan_test.cc and
// bench/plan_bench.cc. Villages, candidate sites and open facilities lie on a square of
// `side_km`; travel takes 1.5 minutes per km times a detour factor of 1 to 1.5; arcs are kept
// up to twice the threshold (as a bounded search would) and a baseline beyond three times the
// threshold counts as unreached. Only std::mt19937's raw output is used (its sequence is fixed
// by the standard), so an instance is the same on every platform.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "plan/set_cover.h"
#include "plan/siting.h"

namespace jangkau::plan::testing {

struct InstanceSize {
  int demand = 150;
  int candidates = 25;
  int open_facilities = 3;
  int sites = 5;
  double side_km = 100;
  double threshold_minutes = 30;
};

class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  double Uniform(double lo, double hi) {  // [lo, hi)
    return lo + (hi - lo) * (static_cast<double>(engine_()) / 4294967296.0);
  }
  int Below(int n) { return static_cast<int>(Uniform(0, n)); }

 private:
  std::mt19937 engine_;
};

struct Point {
  double x;
  double y;
};

inline std::vector<Point> RandomPoints(Random& random, int n, double side) {
  std::vector<Point> points(n);
  for (Point& p : points) p = {random.Uniform(0, side), random.Uniform(0, side)};
  return points;
}

inline double TravelMinutes(Random& random, Point a, Point b) {
  return 1.5 * std::hypot(a.x - b.x, a.y - b.y) * random.Uniform(1.0, 1.5);
}

// People per point: most villages small, a few large (between 200 and about 5,000).
inline double RandomPopulation(Random& random) {
  return std::round(200 * std::exp(random.Uniform(0, 3.2)));
}

inline SitingProblem RandomSiting(uint32_t seed, const InstanceSize& size,
                                  SitingObjective objective = SitingObjective::kCoverage,
                                  bool capacities = false) {
  Random random(seed);
  const double t = size.threshold_minutes;
  const auto demand = RandomPoints(random, size.demand, size.side_km);
  const auto open = RandomPoints(random, size.open_facilities, size.side_km);
  const auto sites = RandomPoints(random, size.candidates, size.side_km);
  SitingProblem p;
  p.sites = size.sites;
  p.threshold_minutes = t;
  p.objective = objective;
  p.unreached_minutes = 3 * t;
  for (int i = 0; i < size.demand; ++i) {
    double baseline = kUnreached;
    for (Point f : open) baseline = std::min(baseline, TravelMinutes(random, demand[i], f));
    if (baseline > 3 * t) baseline = kUnreached;
    p.demand.push_back({"d" + std::to_string(i), RandomPopulation(random), baseline});
  }
  for (int j = 0; j < size.candidates; ++j) {
    Candidate c{"c" + std::to_string(j)};
    if (capacities) c.capacity = std::round(random.Uniform(2000, 12000));
    p.candidates.push_back(c);
    for (int i = 0; i < size.demand; ++i) {
      const double minutes = TravelMinutes(random, sites[j], demand[i]);
      if (minutes <= 2 * t) p.arcs.push_back({j, i, minutes});
    }
  }
  return p;
}

// Villages (as for siting) and possible stops; S is half of T.
inline StopProblem RandomStops(uint32_t seed, int villages, int stops, double side_km) {
  const SitingProblem s =
      RandomSiting(seed, {.demand = villages, .candidates = stops, .side_km = side_km});
  StopProblem p;
  p.villages = s.demand;
  p.threshold_minutes = s.threshold_minutes;
  p.reach_minutes = s.threshold_minutes / 2;
  for (const Candidate& c : s.candidates) p.stops.push_back(c.id);
  for (const SiteArc& a : s.arcs) p.arcs.push_back({a.candidate, a.demand, a.minutes});
  return p;
}

}  // namespace jangkau::plan::testing
