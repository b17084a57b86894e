#include "plan/siting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "plan/checks.h"
#include "plan/flow.h"

namespace jangkau::plan {
namespace {

constexpr double kUnlimited = std::numeric_limits<double>::infinity();

// Minutes that stand for a demand point's time before any site opens.
double BaselineMinutes(const DemandPoint& d, double unreached_minutes) {
  return std::isfinite(d.baseline_minutes) ? d.baseline_minutes : unreached_minutes;
}

// A strict improvement, with a relative tolerance so rounding noise never counts as one
// (the local search would otherwise cycle between equal solutions).
bool Improves(double value, double reference) {
  return value > reference + 1e-9 * std::max(1.0, std::abs(reference));
}

// The value of a set of sites, to maximise: for coverage the people newly within T, for mean
// time the people x minutes saved. Only the arcs that can count are kept, grouped by
// candidate. Reuses its scratch between calls: not thread-safe, one per solve.
class SetValue {
 public:
  SetValue(const SitingProblem& p, SitingObjective objective)
      : p_(p),
        objective_(objective),
        capacitated_(objective == SitingObjective::kCoverage &&
                     std::ranges::any_of(
                         p.candidates, [](const Candidate& c) { return c.capacity.has_value(); })),
        start_(p.candidates.size() + 1, 0),
        best_(p.demand.size(), kUnreached),
        node_of_(p.demand.size(), -1) {
    std::vector<SiteArc> useful;
    for (const SiteArc& a : p.arcs) {
      if (Counts(a)) useful.push_back(a);
    }
    std::ranges::stable_sort(useful, {}, &SiteArc::candidate);
    for (const SiteArc& a : useful) ++start_[a.candidate + 1];
    for (std::size_t c = 0; c < p.candidates.size(); ++c) start_[c + 1] += start_[c];
    arcs_ = std::move(useful);
  }

  double operator()(std::span<const int> chosen) {
    if (objective_ == SitingObjective::kExpectedCoverage) return Expected(chosen);
    return capacitated_ ? CapacitatedCoverage(chosen) : Separable(chosen);
  }

 private:
  // Whether an arc can ever change the value: it reaches, within T, people beyond T today
  // (coverage), or it is faster than what they have today (mean time).
  bool Counts(const SiteArc& a) const {
    const DemandPoint& d = p_.demand[a.demand];
    if (objective_ != SitingObjective::kMeanTime)
      return d.baseline_minutes > p_.threshold_minutes && a.minutes <= p_.threshold_minutes;
    return a.minutes < BaselineMinutes(d, p_.unreached_minutes);
  }

  std::span<const SiteArc> ArcsOf(int candidate) const {
    return std::span(arcs_).subspan(start_[candidate], start_[candidate + 1] - start_[candidate]);
  }

  // Each demand point takes its fastest chosen site; `best_` holds the minutes of the points
  // touched and is reset before returning.
  double Separable(std::span<const int> chosen) {
    for (int c : chosen) {
      for (const SiteArc& a : ArcsOf(c)) {
        if (best_[a.demand] == kUnreached) touched_.push_back(a.demand);
        best_[a.demand] = std::min(best_[a.demand], a.minutes);
      }
    }
    double value = 0;
    for (int i : touched_) {
      const DemandPoint& d = p_.demand[i];
      value += objective_ == SitingObjective::kCoverage
                   ? d.population
                   : d.population * (BaselineMinutes(d, p_.unreached_minutes) - best_[i]);
      best_[i] = kUnreached;
    }
    touched_.clear();
    return value;
  }

  // Each point counts population x (1 - q^n), n the chosen sites within T of it; `count_`
  // is reset before returning.
  double Expected(std::span<const int> chosen) {
    for (int c : chosen) {
      for (const SiteArc& a : ArcsOf(c)) {
        if (count_[a.demand]++ == 0) touched_.push_back(a.demand);
      }
    }
    double value = 0;
    for (int i : touched_) {
      value += p_.demand[i].population * (1 - std::pow(p_.busy, count_[i]));
      count_[i] = 0;
    }
    touched_.clear();
    return value;
  }

  // Source -> site (its capacity) -> people within T (unlimited) -> sink (their population).
  // Demand points get nodes as the sites reach them; node_of_ is reset before returning.
  double CapacitatedCoverage(std::span<const int> chosen) {
    const int source = 0;
    const int sink = 1;
    const int first_site = 2;
    int nodes = first_site + static_cast<int>(chosen.size());
    std::vector<std::pair<int, int>> links;  // (site node, demand index)
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      for (const SiteArc& a : ArcsOf(chosen[k])) {
        if (node_of_[a.demand] < 0) {
          node_of_[a.demand] = nodes++;
          touched_.push_back(a.demand);
        }
        links.emplace_back(first_site + static_cast<int>(k), a.demand);
      }
    }
    FlowNetwork flow(nodes);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      const double capacity = p_.candidates[chosen[k]].capacity.value_or(kUnlimited);
      flow.AddEdge(source, first_site + static_cast<int>(k), capacity);
    }
    for (const auto& [site, demand] : links) flow.AddEdge(site, node_of_[demand], kUnlimited);
    for (int i : touched_) {
      flow.AddEdge(node_of_[i], sink, p_.demand[i].population);
      node_of_[i] = -1;
    }
    touched_.clear();
    return flow.MinCostMaxFlow(source, sink).flow;
  }

  const SitingProblem& p_;
  SitingObjective objective_;
  bool capacitated_;
  std::vector<int> start_;  // arcs_ of candidate c: [start_[c], start_[c + 1])
  std::vector<SiteArc> arcs_;
  std::vector<double> best_;  // per demand point: minutes to the fastest chosen site
  std::vector<int> node_of_;  // per demand point: its node in the flow network, or -1
  std::vector<int> count_ = std::vector<int>(p_.demand.size(), 0);  // chosen sites within T
  std::vector<int> touched_;
};

// Adds, one at a time, the site of `pool` that raises the value most (ties to the earlier in
// `pool`) until `limit` sites are chosen or none raises it.
std::vector<int> Greedy(SetValue& value_of, std::span<const int> pool, int limit) {
  std::vector<int> chosen;
  std::vector<int> left(pool.begin(), pool.end());
  double value = 0;
  while (static_cast<int>(chosen.size()) < limit && !left.empty()) {
    std::size_t best = left.size();
    double best_value = value;
    for (std::size_t k = 0; k < left.size(); ++k) {
      chosen.push_back(left[k]);
      const double v = value_of(chosen);
      chosen.pop_back();
      if (Improves(v, best_value)) {
        best = k;
        best_value = v;
      }
    }
    if (best == left.size()) break;
    chosen.push_back(left[best]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
    value = best_value;
  }
  return chosen;
}

// Swaps one chosen site for one other candidate at a time, each time the best swap allowed.
// While some swap improves this is plain descent; then (tabu search) the best swap is made even
// when it loses, but a site swapped out may not come back for `tenure` swaps unless that beats
// the best set found, which walks the search out of a local optimum instead of back into it.
// Stops after `patience` swaps without a new best; leaves the best set found in `chosen` and
// returns the number of swaps that led to it.
int SwapSearch(SetValue& value_of, int candidates, const GreedySwapOptions& options,
               std::vector<int>& chosen) {
  std::vector<char> in_set(candidates, 0);
  for (int c : chosen) in_set[c] = 1;
  std::vector<int> back_after(candidates, 0);  // the swap from which a site may come back
  std::vector<int> current = chosen;
  double best_value = value_of(chosen);
  int best_at = 0;
  for (int swap = 1, idle = 0; idle <= options.patience; ++swap) {
    std::size_t out = current.size();
    int in = -1;
    double move_value = 0;
    std::vector<int> trial = current;
    for (std::size_t k = 0; k < current.size(); ++k) {
      for (int c = 0; c < candidates; ++c) {
        if (in_set[c]) continue;
        trial[k] = c;
        const double v = value_of(trial);
        const bool allowed = back_after[c] <= swap || Improves(v, best_value);
        if (allowed && (in < 0 || Improves(v, move_value))) {
          out = k;
          in = c;
          move_value = v;
        }
      }
      trial[k] = current[k];
    }
    if (in < 0) break;
    back_after[current[out]] = swap + options.tenure + 1;
    in_set[current[out]] = 0;
    in_set[in] = 1;
    current[out] = in;
    if (Improves(move_value, best_value)) {
      chosen = current;
      best_value = move_value;
      best_at = swap;
      idle = 0;
    } else {
      ++idle;
    }
  }
  return best_at;
}

double TotalPopulation(const SitingProblem& p) {
  double total = 0;
  for (const DemandPoint& d : p.demand) total += d.population;
  return total;
}

double MeanMinutesBefore(const SitingProblem& p) {
  const double total = TotalPopulation(p);
  if (total <= 0) return 0;
  double weighted = 0;
  for (const DemandPoint& d : p.demand)
    weighted += d.population * BaselineMinutes(d, p.unreached_minutes);
  return weighted / total;
}

double MeanMinutesAfter(const SitingProblem& p, double minutes_saved) {
  const double total = TotalPopulation(p);
  return total > 0 ? MeanMinutesBefore(p) - minutes_saved / total : 0;
}

}  // namespace

std::optional<Error> CheckSitingProblem(const SitingProblem& p) {
  if (p.sites < 0) return Error{Msg::kNegative, {"sites", std::to_string(p.sites)}};
  if (auto e = CheckNonNegative("threshold_minutes", p.threshold_minutes)) return e;
  if (auto e = CheckFinite("unreached_minutes", p.unreached_minutes)) return e;
  if (!(p.busy >= 0 && p.busy < 1))
    return Error{Msg::kPlanBusyFraction, {fmt::format("{}", p.busy)}};
  for (std::size_t i = 0; i < p.demand.size(); ++i) {
    const std::string at = fmt::format("demand[{}].", i);
    if (auto e = CheckNonNegative(at + "population", p.demand[i].population)) return e;
    if (auto e = CheckNonNegative(at + "baseline_minutes", p.demand[i].baseline_minutes)) return e;
  }
  for (std::size_t c = 0; c < p.candidates.size(); ++c) {
    const std::optional<double>& capacity = p.candidates[c].capacity;
    if (!capacity) continue;
    const std::string field = fmt::format("candidates[{}].capacity", c);
    if (p.objective != SitingObjective::kCoverage)
      return Error{Msg::kPlanCapacityNeedsCoverage, {field}};
    if (auto e = CheckNonNegative(field, *capacity)) return e;
  }
  for (std::size_t k = 0; k < p.arcs.size(); ++k) {
    const SiteArc& a = p.arcs[k];
    const std::string at = fmt::format("arcs[{}].", k);
    if (auto e = CheckIndex(at + "candidate", a.candidate, p.candidates.size())) return e;
    if (auto e = CheckIndex(at + "demand", a.demand, p.demand.size())) return e;
    if (auto e = CheckNonNegative(at + "minutes", a.minutes)) return e;
  }
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(p.arcs.size());
  for (const SiteArc& a : p.arcs) pairs.emplace_back(a.candidate, a.demand);
  if (auto e = CheckUniquePairs("arcs", pairs)) return e;
  return std::nullopt;
}

SitingMetrics EvaluateSites(const SitingProblem& p, const std::vector<int>& chosen) {
  SetValue coverage(p, SitingObjective::kCoverage);
  SetValue saving(p, SitingObjective::kMeanTime);
  SetValue expected(p, SitingObjective::kExpectedCoverage);
  return {coverage(chosen), MeanMinutesAfter(p, saving(chosen)), expected(chosen)};
}

namespace {
double ObjectiveOf(const SitingProblem& p, const SitingMetrics& m) {
  switch (p.objective) {
    case SitingObjective::kCoverage:
      return m.newly_covered;
    case SitingObjective::kMeanTime:
      return m.mean_minutes;
    case SitingObjective::kExpectedCoverage:
      return m.expected_covered;
  }
  return 0;
}
}  // namespace

double SitingObjectiveValue(const SitingProblem& p, const std::vector<int>& chosen) {
  return ObjectiveOf(p, EvaluateSites(p, chosen));
}

std::expected<SitingResult, Error> SolveGreedySwap(const SitingProblem& p,
                                                   const GreedySwapOptions& options) {
  if (auto error = CheckSitingProblem(p)) return std::unexpected(*error);
  SetValue value_of(p, p.objective);
  std::vector<int> everyone(p.candidates.size());
  for (std::size_t c = 0; c < everyone.size(); ++c) everyone[c] = static_cast<int>(c);

  SitingResult result;
  std::vector<int> chosen = Greedy(value_of, everyone, p.sites);
  result.swaps = SwapSearch(value_of, static_cast<int>(everyone.size()), options, chosen);
  // The final sites in the order to build them; a site adding nothing is left out.
  std::ranges::sort(chosen);
  chosen = Greedy(value_of, chosen, p.sites);

  std::vector<int> prefix;
  double covered_before = 0;
  for (int c : chosen) {
    prefix.push_back(c);
    const SitingMetrics m = EvaluateSites(p, prefix);
    result.sites.push_back({c, m.newly_covered - covered_before, m.newly_covered, m.mean_minutes});
    covered_before = m.newly_covered;
  }
  const SitingMetrics all = EvaluateSites(p, chosen);
  result.newly_covered = all.newly_covered;
  result.mean_minutes_before = MeanMinutesBefore(p);
  result.mean_minutes_after = all.mean_minutes;
  result.objective = ObjectiveOf(p, all);
  return result;
}

}  // namespace jangkau::plan
