// Exact solutions of the siting and stop models as mixed-integer programs, solved with GLPK
// (branch and cut, presolve on, no terminal output). Meant for small instances: to measure
// how far the heuristics are from the optimum, and for districts small enough to afford it.
// The only code that links GLPK. Thread-safe: calls into GLPK are serialised.
//
// Formulations (docs/plan.md): maximal covering with y_j (site opened, binary) and z_i (people
// of point i newly covered, 0..1): max sum w_i z_i, z_i <= sum of y_j over sites within T,
// sum y_j <= K. With capacities, and for mean time, an assignment model instead: x_ij (share of
// point i served by site j, 0..1) <= y_j, sum_j x_ij <= 1, sum_i w_i x_ij <= cap_j y_j, max the
// people covered or the people x minutes saved. Set covering: min sum y_s, sum of y_s over
// stops within S >= 1 for each village that needs the service and can be reached. Expected
// covering (MEXCLP, Daskin 1983): z_ik (point i covered at least k times, 0..1) for k up to K,
// weighted w_i (1 - q) q^(k-1), with sum_k z_ik <= sum of y_j within T.
#pragma once

#include <expected>
#include <vector>

#include "base/diagnostic.h"
#include "plan/set_cover.h"
#include "plan/siting.h"

namespace jangkau::plan {

enum class ExactStatus {
  kOptimal,    // proven optimal
  kTimeLimit,  // the time limit stopped the search: the best solution found, not proven
};

struct ExactOptions {
  double time_limit_seconds = 60;  // wall time GLPK may spend on one model
};

struct ExactSiting {
  ExactStatus status = ExactStatus::kOptimal;
  std::vector<int> chosen;  // candidate indices, ascending
  double objective = 0;     // as SitingResult::objective (newly covered, or mean minutes)
};

// The optimum of the siting problem (same objective, capacities and minutes rules as
// SolveGreedySwap). Fails on an input SolveGreedySwap refuses, and when GLPK stops without a
// solution (the Error carries its return code).
std::expected<ExactSiting, Error> SolveSitingExact(const SitingProblem& problem,
                                                   const ExactOptions& options = {});

struct ExactStops {
  ExactStatus status = ExactStatus::kOptimal;
  StopPlan plan;
};

// The fewest stops serving every village that some stop can reach; villages assigned as by
// AssignVillages. Fails as SolveSitingExact.
std::expected<ExactStops, Error> SolveStopsExact(const StopProblem& problem,
                                                 const ExactOptions& options = {});

}  // namespace jangkau::plan
