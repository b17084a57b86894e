#include "plan/set_cover.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "plan/checks.h"

namespace jangkau::plan {
namespace {

bool Needs(const StopProblem& p, int village) {
  return p.villages[village].baseline_minutes > p.threshold_minutes;
}

// For each stop, the needing villages it reaches within S.
std::vector<std::vector<int>> Reach(const StopProblem& p) {
  std::vector<std::vector<int>> reach(p.stops.size());
  for (const StopArc& a : p.arcs) {
    if (a.minutes <= p.reach_minutes && Needs(p, a.village)) reach[a.stop].push_back(a.village);
  }
  return reach;
}

// The stop reaching the most villages in `open` (ties to the lower index), or -1 when none
// reaches any.
int MostReaching(const std::vector<std::vector<int>>& reach, const std::vector<char>& open) {
  int best = -1;
  std::size_t best_count = 0;
  for (std::size_t s = 0; s < reach.size(); ++s) {
    const auto count = static_cast<std::size_t>(
        std::ranges::count_if(reach[s], [&](int v) { return open[v] != 0; }));
    if (count > best_count) {
      best = static_cast<int>(s);
      best_count = count;
    }
  }
  return best;
}

// Drops, latest first, each stop whose villages all have another chosen stop. A stop kept is
// the only one for some village, and stays so as others go: one pass leaves no redundancy.
void DropRedundant(const std::vector<std::vector<int>>& reach, std::size_t villages,
                   std::vector<int>& chosen) {
  std::vector<int> serving(villages, 0);
  for (int s : chosen) {
    for (int v : reach[s]) ++serving[v];
  }
  for (std::size_t k = chosen.size(); k-- > 0;) {
    const std::vector<int>& mine = reach[chosen[k]];
    if (!std::ranges::all_of(mine, [&](int v) { return serving[v] > 1; })) continue;
    for (int v : mine) --serving[v];
    chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k));
  }
}

}  // namespace

std::optional<Error> CheckStopProblem(const StopProblem& p) {
  if (auto e = CheckNonNegative("threshold_minutes", p.threshold_minutes)) return e;
  if (auto e = CheckNonNegative("reach_minutes", p.reach_minutes)) return e;
  for (std::size_t i = 0; i < p.villages.size(); ++i) {
    const std::string at = fmt::format("villages[{}].", i);
    if (auto e = CheckNonNegative(at + "population", p.villages[i].population)) return e;
    if (auto e = CheckNonNegative(at + "baseline_minutes", p.villages[i].baseline_minutes))
      return e;
  }
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    const StopArc& a = p.arcs[k];
    const std::string at = fmt::format("arcs[{}].", k);
    if (auto e = CheckIndex(at + "stop", a.stop, p.stops.size())) return e;
    if (auto e = CheckIndex(at + "village", a.village, p.villages.size())) return e;
    if (auto e = CheckNonNegative(at + "minutes", a.minutes)) return e;
  }
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(p.arcs.size());
  for (const StopArc& a : p.arcs) pairs.emplace_back(a.stop, a.village);
  if (auto e = CheckUniquePairs("arcs", pairs)) return e;
  return std::nullopt;
}

StopPlan AssignVillages(const StopProblem& p, const std::vector<int>& stops) {
  std::vector<int> slot(p.stops.size(), -1);  // position of a chosen stop in plan.stops
  std::vector<int> sorted = stops;
  std::ranges::sort(sorted);
  StopPlan plan;
  for (int s : sorted) {
    slot[s] = static_cast<int>(plan.stops.size());
    plan.stops.push_back({s});
  }
  // Nearest chosen stop within S per village: (minutes, stop), ties to the lower stop.
  std::vector<std::pair<double, int>> nearest(p.villages.size(), {kUnreached, -1});
  for (const StopArc& a : p.arcs) {
    if (slot[a.stop] < 0 || a.minutes > p.reach_minutes) continue;
    nearest[a.village] = std::min(nearest[a.village], std::pair(a.minutes, a.stop));
  }
  for (int v = 0; v < static_cast<int>(p.villages.size()); ++v) {
    if (!Needs(p, v)) continue;
    plan.needing.push_back(v);
    const auto [minutes, stop] = nearest[v];
    if (stop < 0) {
      plan.unserved.push_back(v);
      continue;
    }
    StopService& service = plan.stops[slot[stop]];
    service.villages.push_back({v, minutes});
    service.population += p.villages[v].population;
  }
  for (StopService& service : plan.stops) {
    std::ranges::sort(service.villages, {},
                      [](const ServedVillage& s) { return std::tuple(s.minutes, s.village); });
  }
  return plan;
}

std::expected<StopPlan, Error> SolveStopsGreedy(const StopProblem& p) {
  if (auto error = CheckStopProblem(p)) return std::unexpected(*error);
  const std::vector<std::vector<int>> reach = Reach(p);
  std::vector<char> open(p.villages.size(), 0);  // needing, reachable and not yet served
  for (const auto& villages : reach) {
    for (int v : villages) open[v] = 1;
  }
  std::vector<int> chosen;
  for (int s = MostReaching(reach, open); s >= 0; s = MostReaching(reach, open)) {
    chosen.push_back(s);
    for (int v : reach[s]) open[v] = 0;
  }
  DropRedundant(reach, p.villages.size(), chosen);
  return AssignVillages(p, chosen);
}

}  // namespace jangkau::plan
