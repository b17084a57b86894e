// Stops for a mobile or floating (boat) clinic: every village beyond T minutes from a fixed
// facility should be within S minutes of a stop, with the fewest stops (set covering). The
// heuristic is greedy with redundancy elimination; `plan/milp.h` solves it exactly for small
// instances. Villages no stop reaches within S are listed, never dropped. Pure functions over
// values; thread-safe.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "plan/siting.h"

namespace jangkau::plan {

// Travel time from a possible stop (a desa centre, a pier) to a village.
struct StopArc {
  int stop = 0;     // index into StopProblem::stops
  int village = 0;  // index into StopProblem::villages
  double minutes = 0;
};

struct StopProblem {
  // Villages with their population and minutes to the nearest fixed facility.
  std::vector<DemandPoint> villages;
  std::vector<std::string> stops;  // ids of the possible stops
  std::vector<StopArc> arcs;       // one per pair at most; a pair without one is out of reach
  double threshold_minutes = 60;   // T: villages beyond it (strictly) need the service
  double reach_minutes = 30;       // S: a stop serves villages within it (inclusive)
};

struct ServedVillage {
  int village = 0;
  double minutes = 0;  // from the stop
};

struct StopService {
  int stop = 0;
  std::vector<ServedVillage> villages;  // nearest first (ties by index)
  double population = 0;
};

struct StopPlan {
  std::vector<StopService> stops;  // chosen stops by index
  std::vector<int> needing;        // villages beyond T from every fixed facility, by index
  // Of those, the ones no chosen stop reaches within S; for the solvers' plans, the ones no
  // possible stop reaches (uncoverable).
  std::vector<int> unserved;
};

// Greedy: the stop serving the most villages not yet served (ties to the lower index) until
// every village some stop can reach is served; then, latest choice first, drops stops whose
// villages are all served by another chosen stop (the cover left is irredundant). Each village
// is served by its nearest chosen stop (ties to the lower index). Deterministic. Fails (an
// Error naming the field) on an index out of range, a repeated arc or a negative or NaN number.
std::expected<StopPlan, Error> SolveStopsGreedy(const StopProblem& problem);

// The plan for a given set of stops (indices into problem.stops): assignment as above; a
// needing village none of them reaches within S is listed as unserved.
StopPlan AssignVillages(const StopProblem& problem, const std::vector<int>& stops);

// Checks indices and numbers as SolveStopsGreedy does; the exact solver uses it too.
std::optional<Error> CheckStopProblem(const StopProblem& problem);

}  // namespace jangkau::plan
