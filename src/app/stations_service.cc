#include "app/stations_service.h"

#include <chrono>

#include <fmt/format.h>

#include "access/routes.h"

namespace jangkau::app {

std::expected<StationsReport, Error> PlanStations(const store::Workspace& ws,
                                                  const StationsRequest& request,
                                                  const DispatchOptions& options,
                                                  const PlanProgress& progress) {
  const auto start = std::chrono::steady_clock::now();
  constexpr int kSteps = 3;
  auto step = [&](int n, const std::string& what) {
    if (progress) progress(n, kSteps, what);
  };
  if (!request.expected && request.busy != 0) {
    return std::unexpected(Error{Msg::kPlanBusyNeedsMexclp, {fmt::format("{}", request.busy)}});
  }
  step(1, "model / model");
  auto model = BuildDispatchModel(ws, request.scenario ? &*request.scenario : nullptr, options);
  if (!model) return std::unexpected(model.error());
  const AccessModel& m = (*model)->access;
  const access::FrictionGrid& friction = (*model)->unit_friction.at(request.jenis);
  const double snap = options.model.snap_m;

  StationsReport out;
  out.request = request;
  PlacedSites placed = PlaceSites(ws, m, request.candidates, request.candidate_list);
  out.dropped = std::move(placed.dropped);
  std::vector<access::Source> origins;
  for (std::size_t i = 0; i < placed.sites.size(); ++i) {
    const auto& [row, col] = placed.cells[i];
    auto on_mode = emergency::PlaceOnMode(friction, m.spec.Index(row, col),
                                          emergency::UnitLayer(request.jenis), snap);
    if (!on_mode) {
      out.dropped.push_back(placed.sites[i].kode);
      continue;
    }
    origins.push_back(*on_mode);
    out.candidates.push_back(placed.sites[i]);
  }
  if (out.candidates.empty()) {
    return std::unexpected(Error{Msg::kPlanNoCandidates, {request.candidates}});
  }
  // Villages stand on their centre, moved onto the kind's network within the snap distance
  // (a village whose centre lies farther from it cannot be reached by this kind).
  std::vector<std::optional<grid::CellIndex>> demand_cells;
  for (const auto& centre : CentreCells(m)) {
    std::optional<grid::CellIndex> cell;
    if (centre) {
      if (auto s = emergency::PlaceOnMode(friction, *centre, 0, snap)) {
        cell = m.spec.Index(s->row, s->col);
      }
    }
    demand_cells.push_back(cell);
  }

  step(2, "waktu tempuh dari calon pangkalan / travel time from candidate bases");
  access::SolveOptions solve;
  solve.neighbours = options.model.neighbours;
  solve.corner_cutting = false;
  solve.direction = access::Direction::kFromSources;  // the unit goes out to the call
  solve.max_cost = request.minutes;
  const auto arcs = access::BoundedTimes(friction, origins, demand_cells, solve, {});
  plan::SitingProblem problem;
  problem.sites = request.p;
  problem.threshold_minutes = request.minutes;
  problem.objective = request.expected ? plan::SitingObjective::kExpectedCoverage
                                       : plan::SitingObjective::kCoverage;
  problem.busy = request.expected ? request.busy : 0;
  for (const auto& v : m.villages) {
    problem.demand.push_back({v.kode, v.population, units::kUnreached});  // no base yet
    out.population += v.population;
  }
  for (std::size_t c = 0; c < arcs.size(); ++c) {
    problem.candidates.push_back({out.candidates[c].kode, std::nullopt});
    for (const auto& [d, minutes] : arcs[c])
      problem.arcs.push_back({static_cast<int>(c), d, minutes});
  }

  step(3, "optimasi / optimisation");
  auto exact = plan::SolveSitingExact(problem);
  if (!exact) return std::unexpected(exact.error());
  std::vector<int> chosen = exact->chosen;
  out.status = exact->status == plan::ExactStatus::kOptimal ? "optimal" : "batas_waktu";
  if (exact->status != plan::ExactStatus::kOptimal) {
    auto heuristic = plan::SolveGreedySwap(problem);
    if (!heuristic) return std::unexpected(heuristic.error());
    if (heuristic->objective > exact->objective) {
      chosen.clear();
      for (const auto& s : heuristic->sites) chosen.push_back(s.candidate);
    }
  }
  // The order to base units: each next base the one adding the most (as the heuristic reads).
  std::vector<int> ordered;
  std::vector<int> left = chosen;
  while (!left.empty()) {
    auto best = left.begin();
    double best_value = -1;
    for (auto it = left.begin(); it != left.end(); ++it) {
      std::vector<int> with = ordered;
      with.push_back(*it);
      const double v = plan::SitingObjectiveValue(problem, with);
      if (v > best_value) {
        best_value = v;
        best = it;
      }
    }
    ordered.push_back(*best);
    left.erase(best);
  }
  out.chosen = ordered;
  for (int c : ordered) out.within.push_back(plan::EvaluateSites(problem, {c}).newly_covered);
  out.metrics = plan::EvaluateSites(problem, ordered);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

report::Table StationsTable(const StationsReport& r) {
  report::Table t{"pangkalan_unit",
                  {"urutan", "kode", "nama", "lon", "lat",
                   "penduduk_dalam_" + fmt::format("{}", r.request.minutes) + "_menit"}};
  for (std::size_t i = 0; i < r.chosen.size(); ++i) {
    const AddedFacility& c = r.candidates[static_cast<std::size_t>(r.chosen[i])];
    t.rows.push_back({report::Cell(static_cast<int64_t>(i + 1)), report::Cell(c.kode),
                      report::Cell(c.nama), report::Cell(c.lon), report::Cell(c.lat),
                      report::Cell(r.within[i])});
  }
  return t;
}

nlohmann::json StationsJson(const StationsReport& r) {
  nlohmann::json bases = nlohmann::json::array();
  for (std::size_t i = 0; i < r.chosen.size(); ++i) {
    const AddedFacility& b = r.candidates[static_cast<std::size_t>(r.chosen[i])];
    bases.push_back({{"kode", b.kode},
                     {"nama", b.nama},
                     {"lon", b.lon},
                     {"lat", b.lat},
                     {"penduduk_dalam_t", r.within[i]}});
  }
  return {{"model", r.request.expected ? "mexclp" : "mclp"},
          {"jenis", std::string(UnitKindKey(r.request.jenis))},
          {"p", r.request.p},
          {"menit", r.request.minutes},
          {"sibuk", r.request.expected ? r.request.busy : 0.0},
          {"calon", r.candidates.size()},
          {"status", r.status},
          {"penduduk", r.population},
          {"penduduk_tercakup", r.metrics.newly_covered},
          {"cakupan_harapan", r.metrics.expected_covered},
          {"pangkalan", std::move(bases)}};
}

}  // namespace jangkau::app
