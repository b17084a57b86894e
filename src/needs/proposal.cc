#include "needs/proposal.h"

#include <algorithm>
#include <cmath>

namespace jangkau::needs {

units::Km HaversineKm(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kDeg = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * kDeg;
  const double dlon = (lon2 - lon1) * kDeg;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return units::Km(2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a))));
}

double RemotenessValue(const Remoteness& r) {
  return std::visit([](auto v) { return v.value(); }, r);
}

std::vector<PriorityLine> Prioritise(const std::vector<NeedLine>& lines,
                                     const std::map<std::string, PriorityFactors>& factors,
                                     const PriorityWeights& weights) {
  std::vector<PriorityLine> out;
  units::People max_pop{0};
  // The largest remoteness of each unit: a score divides minutes by minutes, km by km.
  units::Minutes max_minutes{0};
  units::Km max_km{0};
  auto largest = [&](const Remoteness& r) {
    if (const auto* m = std::get_if<units::Minutes>(&r)) max_minutes = std::max(max_minutes, *m);
    if (const auto* k = std::get_if<units::Km>(&r)) max_km = std::max(max_km, *k);
  };
  auto score = [&](const Remoteness& r) {
    if (const auto* m = std::get_if<units::Minutes>(&r)) {
      return max_minutes.value() > 0 ? *m / max_minutes : 0.0;
    }
    const auto& k = std::get<units::Km>(r);
    return max_km.value() > 0 ? k / max_km : 0.0;
  };
  for (const NeedLine& l : lines) {
    if (l.Shortage() == 0) continue;
    if (auto f = factors.find(l.kode_faskes); f != factors.end()) {
      const PriorityFactors& pf = f->second;
      max_pop = std::max(max_pop, pf.population_served);
      if (const auto& r = pf.remoteness) largest(*r);
    }
  }
  const double total_weight =
      weights.shortage + weights.population + weights.remoteness + weights.flood;
  for (const NeedLine& l : lines) {
    const int positions = l.Shortage();
    if (positions == 0) continue;
    PriorityLine p;
    p.need = l;
    p.positions = positions;
    p.shortage_score = l.required_rounded > 0 ? std::min(1.0, positions / l.required_rounded) : 1.0;
    if (auto f = factors.find(l.kode_faskes); f != factors.end()) {
      const PriorityFactors& pf = f->second;
      if (max_pop.value() > 0) p.population_score = pf.population_served / max_pop;
      if (const auto& r = pf.remoteness) p.remoteness_score = score(*r);
      p.flood_score = std::clamp(pf.flood_hazard.value_or(0), 0.0, 1.0);
    }
    p.index = total_weight > 0
                  ? (weights.shortage * p.shortage_score + weights.population * p.population_score +
                     weights.remoteness * p.remoteness_score + weights.flood * p.flood_score) /
                        total_weight
                  : 0;
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const PriorityLine& a, const PriorityLine& b) {
    if (a.index != b.index) return a.index > b.index;
    return std::tie(a.need.kode_faskes, a.need.group) < std::tie(b.need.kode_faskes, b.need.group);
  });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
  return out;
}

Proposal BuildProposal(const std::vector<PriorityLine>& ranked, const std::vector<CostEntry>& costs,
                       const ProposalOptions& options) {
  Proposal proposal;
  proposal.budget = options.budget;
  std::map<std::string, int> used_by_cadre;
  for (const PriorityLine& p : ranked) {
    ProposalLine line;
    line.priority = p;
    line.cadre = p.need.cadres.empty() ? p.need.group : p.need.cadres.front();
    line.positions = p.positions;
    auto cost = std::find_if(costs.begin(), costs.end(), [&](const CostEntry& c) {
      return c.cadre == line.cadre && c.employment == options.employment;
    });
    if (cost == costs.end()) {
      line.reason = "biaya_tidak_ada";
    } else {
      line.unit_cost = cost->annual_cost;
      line.total_cost = cost->annual_cost * static_cast<double>(line.positions);
      auto ceiling = options.cadre_ceilings.find(line.cadre);
      if (ceiling != options.cadre_ceilings.end() &&
          used_by_cadre[line.cadre] + line.positions > ceiling->second) {
        line.reason = "plafon_jenis_tenaga";
      } else if ((proposal.total_cost + line.total_cost).value() > options.budget.value() + 1e-6) {
        line.reason = "anggaran";
      } else {
        line.funded = true;
        proposal.total_cost += line.total_cost;
        proposal.positions += line.positions;
        used_by_cadre[line.cadre] += line.positions;
      }
    }
    proposal.lines.push_back(std::move(line));
  }
  return proposal;
}

}  // namespace jangkau::needs
