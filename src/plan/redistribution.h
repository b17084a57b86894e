// Moving staff: surplus workers of a cadre go to facilities short of that same cadre. Per cadre
// a transportation problem with a lexicographic objective: first the most workers moved (the
// least shortage left), then, among plans moving that many, the fewest total travel minutes;
// no move over a route longer than the cap. Solved exactly as a minimum-cost maximum flow.
// Meant to replace needs::Redistribute (nearest surplus, most urgent shortage first) behind the
// proposal's Redistribusi sheet. Pure function over values; thread-safe.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/units.h"

namespace jangkau::plan {

// Workers of one cadre a facility can give up (surplus) or lacks (shortage). The cadre may be
// a need group such as "dokter+dokter_gigi": moves only ever join equal strings.
struct StaffBalance {
  std::string facility;
  std::string cadre;
  int count = 0;
};

// Travel from one facility to another, one direction.
struct Route {
  std::string from;
  std::string to;
  units::Minutes minutes{0};
};

struct RedistributionProblem {
  std::vector<StaffBalance> surpluses;  // repeated (facility, cadre) entries add up
  std::vector<StaffBalance> shortages;  // likewise
  // A pair without a route cannot exchange staff; of repeated routes the fastest counts.
  std::vector<Route> routes;
  units::Minutes max_minutes{120};  // the longest route a move may take
};

struct StaffMove {
  std::string from;
  std::string to;
  std::string cadre;
  int count = 0;
  units::Minutes minutes{0};  // of the route, per worker
};

struct CadreOutcome {
  std::string cadre;
  int shortage = 0;  // before
  int moved = 0;
  units::Minutes minutes{0};  // sum of count x minutes over its moves
};

struct RedistributionPlan {
  std::vector<StaffMove> moves;      // by cadre, then from, then to
  std::vector<CadreOutcome> cadres;  // every cadre with a shortage, by name
  int moved = 0;
  int remaining_shortage = 0;
  units::Minutes total_minutes{0};  // sum of count x minutes over all moves
};

// The plan that leaves the least shortage and, among those, travels the fewest minutes. A
// facility never moves staff to itself. Deterministic. Fails (an Error naming the field) on a
// negative count, a negative or NaN number of minutes, or a negative cap.
std::expected<RedistributionPlan, Error> PlanRedistribution(const RedistributionProblem& problem);

}  // namespace jangkau::plan
