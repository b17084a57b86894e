#include "plan/redistribution.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "plan/checks.h"
#include "plan/flow.h"

namespace jangkau::plan {
namespace {

using FacilityCounts = std::map<std::string, int>;  // facility -> workers, ordered by code
using RouteMinutes = std::map<std::pair<std::string, std::string>, units::Minutes>;

std::optional<Error> CheckBalances(const std::string& list, const std::vector<StaffBalance>& b) {
  for (std::size_t k = 0; k < b.size(); ++k) {
    if (b[k].count < 0)
      return Error{Msg::kNegative,
                   {fmt::format("{}[{}].count", list, k), std::to_string(b[k].count)}};
  }
  return std::nullopt;
}

std::optional<Error> Check(const RedistributionProblem& p) {
  if (auto e = CheckBalances("surpluses", p.surpluses)) return e;
  if (auto e = CheckBalances("shortages", p.shortages)) return e;
  for (std::size_t k = 0; k < p.routes.size(); ++k) {
    if (auto e =
            CheckNonNegative(fmt::format("routes[{}].minutes", k), p.routes[k].minutes.value()))
      return e;
  }
  return CheckNonNegative("max_minutes", p.max_minutes.value());
}

std::map<std::string, FacilityCounts> ByCadre(const std::vector<StaffBalance>& balances) {
  std::map<std::string, FacilityCounts> by_cadre;
  for (const StaffBalance& b : balances) {
    if (b.count > 0) by_cadre[b.cadre][b.facility] += b.count;
  }
  return by_cadre;
}

// The usable routes: within the cap, not from a facility to itself, the fastest of repeats.
RouteMinutes UsableRoutes(const RedistributionProblem& p) {
  RouteMinutes usable;
  for (const Route& r : p.routes) {
    if (r.from == r.to || r.minutes > p.max_minutes) continue;
    auto [it, inserted] = usable.try_emplace({r.from, r.to}, r.minutes);
    if (!inserted) it->second = std::min(it->second, r.minutes);
  }
  return usable;
}

// One cadre: source -> surplus facility (its surplus) -> shortage facility (a usable route,
// costing its minutes per worker) -> sink (its shortage). A min-cost max-flow is exactly the
// lexicographic optimum; with whole counts every flow is whole.
void PlanCadre(const std::string& cadre, const FacilityCounts& surplus,
               const FacilityCounts& shortage, const RouteMinutes& routes,
               RedistributionPlan& plan) {
  const int source = 0;
  const int sink = 1;
  FlowNetwork network(2 + static_cast<int>(surplus.size() + shortage.size()));
  struct Candidate {
    const std::string* from;
    const std::string* to;
    units::Minutes minutes;
    int edge;
  };
  std::vector<Candidate> candidates;
  int from_node = 2;
  for (const auto& [from, count] : surplus) {
    network.AddEdge(source, from_node, count);
    int to_node = 2 + static_cast<int>(surplus.size());
    for (const auto& [to, needed] : shortage) {
      auto route = routes.find({from, to});
      if (route != routes.end()) {
        const int edge = network.AddEdge(
            from_node, to_node, std::numeric_limits<double>::infinity(), route->second.value());
        candidates.push_back({&from, &to, route->second, edge});
      }
      ++to_node;
    }
    ++from_node;
  }
  int to_node = 2 + static_cast<int>(surplus.size());
  for (const auto& [to, needed] : shortage) network.AddEdge(to_node++, sink, needed);

  network.MinCostMaxFlow(source, sink);
  CadreOutcome outcome{cadre};
  for (const auto& [to, needed] : shortage) outcome.shortage += needed;
  for (const Candidate& c : candidates) {
    const int count = static_cast<int>(std::lround(network.Flow(c.edge)));
    if (count == 0) continue;
    plan.moves.push_back({*c.from, *c.to, cadre, count, c.minutes});
    outcome.moved += count;
    outcome.minutes += c.minutes * static_cast<double>(count);
  }
  plan.moved += outcome.moved;
  plan.remaining_shortage += outcome.shortage - outcome.moved;
  plan.total_minutes += outcome.minutes;
  plan.cadres.push_back(std::move(outcome));
}

}  // namespace

std::expected<RedistributionPlan, Error> PlanRedistribution(const RedistributionProblem& p) {
  if (auto error = Check(p)) return std::unexpected(*error);
  const auto surplus = ByCadre(p.surpluses);
  const auto shortage = ByCadre(p.shortages);
  const RouteMinutes routes = UsableRoutes(p);
  RedistributionPlan plan;
  static const FacilityCounts kNone;
  for (const auto& [cadre, short_of] : shortage) {
    auto pool = surplus.find(cadre);
    PlanCadre(cadre, pool == surplus.end() ? kNone : pool->second, short_of, routes, plan);
  }
  return plan;
}

}  // namespace jangkau::plan
