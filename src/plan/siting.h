// Where to add capacity: choose up to K candidate sites, given the facilities already open, to
// maximise the population newly within T minutes (maximal covering) or to minimise the
// population-weighted travel time (p-median). The heuristic is greedy followed by 1-swap local
// search; `plan/milp.h` solves the same models exactly for small instances. Pure functions over
// values (no file, database or network); thread-safe.
#pragma once

#include <expected>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/units.h"

namespace jangkau::plan {

using units::kUnreached;

// A place where people live (a village, or a populated grid cell).
struct DemandPoint {
  std::string id;
  double population = 0;
  // Minutes to the nearest facility already open; kUnreached when none is reachable.
  double baseline_minutes = kUnreached;
};

// A site that could be opened or upgraded (a pustu, a poskesdes, a desa centre).
struct Candidate {
  std::string id;
  // Most newly covered people the site can serve (coverage objective only); none = no limit.
  std::optional<double> capacity;
};

// Travel time from a candidate to a demand point, from a bounded search: a pair without an
// arc is beyond the search bound.
struct SiteArc {
  int candidate = 0;  // index into SitingProblem::candidates
  int demand = 0;     // index into SitingProblem::demand
  double minutes = 0;
};

enum class SitingObjective {
  kCoverage,  // maximise the population newly within `threshold_minutes` (maximal covering)
  kMeanTime,  // minimise the population-weighted minutes to the nearest open site (p-median)
  // maximise the expected population newly within T when each site's unit is busy with
  // probability `busy`, independently (MEXCLP, Daskin 1983): a point within T of n chosen
  // sites counts population x (1 - busy^n); busy = 0 is maximal covering.
  kExpectedCoverage,
};

struct SitingProblem {
  std::vector<DemandPoint> demand;
  std::vector<Candidate> candidates;
  std::vector<SiteArc> arcs;      // one per (candidate, demand) pair at most
  int sites = 1;                  // K: the most sites to choose
  double threshold_minutes = 60;  // T; "within" is inclusive: 60 minutes is within 60
  SitingObjective objective = SitingObjective::kCoverage;
  // Minutes charged, in the mean-time objective and the reported means, to people neither an
  // open facility nor a chosen site reaches: at least the bound of the searches that gave the
  // arcs (their time is unknown beyond it).
  double unreached_minutes = 240;
  double busy = 0;  // q of kExpectedCoverage, in [0, 1)
};

struct ChosenSite {
  int candidate = 0;  // index into SitingProblem::candidates
  // People newly within T that this site adds to the sites listed before it.
  double added_population = 0;
  double cumulative_population = 0;  // newly within T with this site and those before it
  double mean_minutes = 0;           // population-weighted mean minutes with them
};

// Sites in the order a greedy would open them among the chosen (so the list reads as "build
// first"); each entry's cumulative figures form the coverage curve.
struct SitingResult {
  std::vector<ChosenSite> sites;
  // The objective: newly covered people (coverage), mean minutes after (mean time), or the
  // expected newly covered people (expected coverage).
  double objective = 0;
  double newly_covered = 0;        // people newly within T with all chosen sites
  double mean_minutes_before = 0;  // population-weighted, unreached people counted as above
  double mean_minutes_after = 0;
  int swaps = 0;  // swaps from the greedy's sites to the best set found
};

struct GreedySwapOptions {
  // Swaps without a new best before the search stops; 0 = plain descent, the classic 1-swap
  // local optimum.
  int patience = 100;
  // Swaps a site swapped out must wait before it may come back. When every candidate outside
  // the set is waiting the search stops: with few candidates it ends soon after the descent.
  int tenure = 10;
};

// Greedy (the site adding the most, ties to the lower candidate index) until K sites are chosen
// or no site adds anything; then swaps of one chosen site for one other candidate, the best
// each time: plain descent while a swap improves, then a tabu search (a site swapped out may
// not come back for `tenure` swaps unless that beats the best found) until `patience` swaps
// pass without a new best. The best set found wins. Deterministic.
//
// Capacities (coverage only): people are divisible and the newly covered population of a set
// of sites is the largest number the sites can take, each site serving people within T up to
// its capacity (a maximum flow). Travel-time means ignore capacities: everyone is counted at
// the nearest open site.
//
// Fails (an Error naming the field) on an index out of range, a repeated arc, a negative or NaN
// number, an infinite unreached_minutes, K < 0, capacities with any objective but coverage, or
// a busy fraction outside [0, 1).
std::expected<SitingResult, Error> SolveGreedySwap(const SitingProblem& problem,
                                                   const GreedySwapOptions& options = {});

// The objective value (as in SitingResult::objective) of a given set of candidate indices;
// for comparing solutions. Assumes a problem SolveGreedySwap accepts.
double SitingObjectiveValue(const SitingProblem& problem, const std::vector<int>& chosen);

// The population newly within T and the mean minutes with a given set of sites.
struct SitingMetrics {
  double newly_covered = 0;
  double mean_minutes = 0;
  double expected_covered = 0;  // with the problem's busy fraction
};
SitingMetrics EvaluateSites(const SitingProblem& problem, const std::vector<int>& chosen);

// Checks indices and numbers as SolveGreedySwap does; the exact solvers use it too.
std::optional<Error> CheckSitingProblem(const SitingProblem& problem);

}  // namespace jangkau::plan
