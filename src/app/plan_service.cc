#include "app/plan_service.h"

#include "app/request_limits.h"
#include "base/text_util.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "access/coverage.h"
#include "app/access_service.h"
#include "app/needs_service.h"
#include "ingest/geo_checks.h"
#include "ingest/layers.h"
#include "plan/milp.h"

namespace jangkau::app {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void Step(const PlanProgress& progress, int n, int of, const std::string& what) {
  if (progress) progress(n, of, what);
}

// The village centre's (row, col), or std::nullopt.
std::optional<std::pair<int, int>> CentreOf(const AccessModel& m, const AccessModel::Village& v) {
  if (!v.centre_cell) return std::nullopt;
  const grid::RowCol at = m.spec.At(*v.centre_cell);
  return std::pair{at.row, at.col};
}

RegionChange FromAccess(const std::string& kode, const std::string& nama, const RegionAccess& a,
                        const RegionAccess& b) {
  RegionChange c;
  c.kode = kode;
  c.nama = nama;
  c.penduduk = a.penduduk;
  c.menit_sebelum = a.rata_menit;
  c.menit_sesudah = b.rata_menit;
  c.dalam_sebelum = {a.dalam_30, a.dalam_60, a.dalam_120};
  c.dalam_sesudah = {b.dalam_30, b.dalam_60, b.dalam_120};
  return c;
}

// Nearest facility code at a cell, or "".
std::string NearestAt(const TargetTimes& t, const AccessModel& m,
                      std::optional<grid::CellIndex> cell) {
  if (!cell) return {};
  const grid::RowCol at = m.spec.At(*cell);
  const int32_t who = t.times.BestNearest(at.row, at.col);
  return who >= 0 ? t.sources[static_cast<std::size_t>(who)]->kode : std::string();
}

std::optional<double> MinutesAt(const TargetTimes& t, int row, int col) {
  const float v = t.times.Best(row, col);
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// Minutes from each village centre to the nearest open puskesmas of a model.
std::vector<double> BaselineMinutes(const AccessModel& m, const TargetTimes& t) {
  std::vector<double> out;
  for (const auto& v : m.villages) {
    const auto c = CentreOf(m, v);
    const auto minutes = c ? MinutesAt(t, c->first, c->second) : std::nullopt;
    out.push_back(minutes.value_or(plan::kUnreached));
  }
  return out;
}

// The model with the request's scenario applied (or the baseline).
std::expected<AccessModel, Error> ModelFor(const store::Workspace& ws,
                                           const AccessModelOptions& options,
                                           const std::optional<Scenario>& scenario) {
  return BuildAccessModel(ws, options, scenario ? &*scenario : nullptr);
}

}  // namespace

PlacedSites PlaceSites(const store::Workspace& ws, const AccessModel& m, const std::string& kind,
                       const std::vector<AddedFacility>& listed) {
  std::vector<AddedFacility> wanted;
  if (kind == "desa") {
    for (const auto& v : m.villages) {
      if (v.centroid) {
        wanted.push_back(
            {v.kode, v.nama, FacilityType::kPuskesmas, v.centroid->first, v.centroid->second});
      }
    }
  } else if (kind == "puskesmas") {
    for (const Facility& f : m.facilities) {
      const std::optional<double>& lon = f.lon;
      const std::optional<double>& lat = f.lat;
      if (IsTarget(f, "puskesmas") && lon && lat) {
        wanted.push_back({f.kode, f.nama, f.type, *lon, *lat});
      }
    }
  } else if (kind == "pustu") {
    for (const Facility& f : m.facilities) {
      const bool upgradable = f.type == FacilityType::kPustu || f.type == FacilityType::kPoskesdes;
      if (upgradable && f.lon && f.lat) wanted.push_back({f.kode, f.nama, f.type, *f.lon, *f.lat});
    }
  } else if (kind == "piers") {
    int n = 0;
    for (const MapFeature& f : ws.Layer("piers")) {
      // Piers are points; their first coordinate is the stop.
      double lon = 0;
      double lat = 0;
      if (ingest::FirstPoint(f.geometry_wkb, lon, lat)) {
        wanted.push_back({"dermaga_" + std::to_string(++n), f.kelas.empty() ? "dermaga" : f.kelas,
                          FacilityType::kPuskesmas, lon, lat});
      }
    }
  } else {
    wanted = listed;
  }
  PlacedSites out;
  for (AddedFacility& c : wanted) {
    if (auto cell = m.Place(c.lon, c.lat)) {
      out.cells.push_back(*cell);
      out.sites.push_back(std::move(c));
    } else {
      out.dropped.push_back(c.kode);
    }
  }
  return out;
}

std::vector<std::optional<grid::CellIndex>> CentreCells(const AccessModel& m) {
  std::vector<std::optional<grid::CellIndex>> cells;
  cells.reserve(m.villages.size());
  for (const auto& v : m.villages) cells.push_back(v.centre_cell);
  return cells;
}

std::expected<Scenario, Error> BuildScenario(const store::Workspace& ws,
                                             const ScenarioRequest& request) {
  if (auto e = BadScenarioName(request.nama)) return std::unexpected(*e);
  if (auto e = OutsideLimit("faktor_banjir", request.flood_factor, kFloodFactor)) {
    return std::unexpected(*e);
  }
  for (const MapFeature& f : request.flood_areas) {
    if (auto e = OutsideLimit("banjir.faktor", f.nilai.value_or(0), kFloodFactor)) {
      return std::unexpected(*e);
    }
  }
  for (const auto& [kelas, kmh] : request.speeds) {
    if (auto e = OutsideLimit(("kecepatan." + kelas).c_str(), kmh, kSpeedKmh)) {
      return std::unexpected(*e);
    }
  }
  for (const AddedFacility& a : request.added) {
    if (auto e = OutsideLimit("tambah.lon", a.lon, kLon)) return std::unexpected(*e);
    if (auto e = OutsideLimit("tambah.lat", a.lat, kLat)) return std::unexpected(*e);
    if (a.kode.empty() || a.kode.size() > 32) {
      return std::unexpected(Error{Msg::kBadCode, {"tambah.kode", Utf8Prefix(a.kode, 32), "1-32"}});
    }
  }
  Scenario sc;
  sc.nama = request.nama;
  sc.keterangan = request.keterangan;
  if (request.mulai && request.selesai && *request.selesai < *request.mulai) {
    return std::unexpected(
        Error{Msg::kScenarioPeriod, {request.mulai->Iso(), request.selesai->Iso()}});
  }
  sc.mulai = request.mulai;
  sc.selesai = request.selesai;
  const std::vector<Facility> facilities = ws.Facilities();
  auto known = [&](const std::string& kode) {
    return std::ranges::any_of(facilities, [&](const Facility& f) { return f.kode == kode; });
  };
  for (const std::string& kode : request.close) {
    if (!known(kode)) return std::unexpected(Error{Msg::kUnknownFacility, {"tutup", kode}});
    sc.closed.push_back(kode);
  }
  std::map<std::string, const Region*> desa;
  const std::vector<Region> regions = ws.Regions();
  for (const Region& r : regions) {
    if (r.level == RegionLevel::kDesa) desa[r.kode] = &r;
  }
  std::vector<std::string> flooded = request.flood_desa;
  if (request.hazard_top > 0) {
    std::vector<std::pair<double, std::string>> hazard;
    for (const RegionIndicator& i : ws.Indicators()) {
      if (i.indikator == "indeks_bahaya_banjir" && desa.contains(i.kode_wilayah)) {
        hazard.emplace_back(i.nilai, i.kode_wilayah);
      }
    }
    // Highest hazard first; ties by code, so the choice is reproducible.
    std::ranges::sort(hazard, [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (std::size_t k = 0; k < hazard.size() && static_cast<int>(k) < request.hazard_top; ++k) {
      flooded.push_back(hazard[k].second);
    }
  }
  for (const std::string& kode : flooded) {
    auto it = desa.find(kode);
    if (it == desa.end()) return std::unexpected(Error{Msg::kUnknownRegion, {"banjir_desa", kode}});
    if (std::ranges::any_of(sc.floods, [&](const FloodArea& f) { return f.desa == kode; })) {
      continue;
    }
    if (it->second->geometry_wkb.empty()) continue;
    sc.floods.push_back({it->second->geometry_wkb, request.flood_factor, kode});
  }
  std::vector<MapFeature> areas = request.flood_areas;
  if (request.flood_layer) {
    for (MapFeature& f : ws.Layer("flood")) areas.push_back(std::move(f));
  }
  for (const MapFeature& f : areas) sc.floods.push_back({f.geometry_wkb, f.nilai.value_or(0), {}});
  // Facilities inside the flooded areas are closed (flooded), when asked.
  if (request.close_flooded || request.hazard_top > 0) {
    std::vector<std::string> flooded_wkb;
    flooded_wkb.reserve(sc.floods.size());
    for (const FloodArea& f : sc.floods) flooded_wkb.push_back(f.geometry_wkb);
    for (std::string& kode : ingest::FacilitiesInside(facilities, flooded_wkb)) {
      if (std::ranges::find(sc.closed, kode) == sc.closed.end())
        sc.closed.push_back(std::move(kode));
    }
  }
  for (const MapFeature& f : request.cuts) sc.cuts_wkb.push_back(f.geometry_wkb);
  auto travel = LoadTravelScenario(ws);
  if (!travel) return std::unexpected(travel.error());
  for (const auto& [kelas, kmh] : request.speeds) {
    if (travel->ClassIndex(kelas) < 0) {
      std::string choices;
      for (const auto& c : travel->classes) choices += (choices.empty() ? "" : ", ") + c.kelas;
      return std::unexpected(Error{Msg::kBadChoice, {"kecepatan", kelas, choices}});
    }
    sc.speeds[kelas] = kmh;
  }
  for (const AddedFacility& a : request.added) {
    if (known(a.kode)) return std::unexpected(Error{Msg::kScenarioCodeTaken, {a.kode}});
    sc.added.push_back(a);
  }
  return sc;
}

std::expected<CompareReport, Error> ComparePlan(const store::Workspace& ws,
                                                const Scenario& scenario,
                                                const AccessModelOptions& options,
                                                const PlanProgress& progress) {
  const auto start = Clock::now();
  constexpr int kSteps = 4;
  Step(progress, 1, kSteps, "model dasar / baseline model");
  auto base = BuildAccessModel(ws, options, nullptr);
  if (!base) return std::unexpected(base.error());
  const AccessModel after = WithScenario(*base, scenario);

  Step(progress, 2, kSteps, "waktu tempuh sebelum dan sesudah / travel time before and after");
  access::SolverScratch scratch;
  const TargetTimes pkm_before = SolveTarget(*base, "puskesmas", scratch);
  const TargetTimes pkm_after = SolveTarget(after, "puskesmas", scratch);
  const TargetTimes rs_before = SolveTarget(*base, "rs", scratch);
  const TargetTimes rs_after = SolveTarget(after, "rs", scratch);

  Step(progress, 3, kSteps, "perbandingan / comparison");
  CompareReport r;
  r.scenario = scenario;
  r.roads_approximated = base->roads_approximated;
  r.warnings = after.warnings;
  const auto reach_before = ReachByRegion(*base, pkm_before);
  const auto reach_after = ReachByRegion(after, pkm_after);
  const std::size_t n_villages = base->villages.size();
  for (std::size_t i = 0; i < reach_before.size(); ++i) {
    const std::string& kode = reach_before[i].kode_wilayah;
    auto name = base->region_names.find(kode);
    RegionChange c = FromAccess(kode, name != base->region_names.end() ? name->second : "",
                                reach_before[i], reach_after[i]);
    if (i < n_villages) {
      c.terdekat_sebelum = NearestAt(pkm_before, *base, base->villages[i].centre_cell);
      c.terdekat_sesudah = NearestAt(pkm_after, after, after.villages[i].centre_cell);
      r.villages.push_back(std::move(c));
    } else if (i + 1 < reach_before.size()) {
      r.kecamatan.push_back(std::move(c));
    } else {
      r.kabupaten = std::move(c);
    }
  }

  // Facilities: served population per worker before and after, referral minutes.
  const auto served_before = NearestPopulation(*base, pkm_before);
  const auto served_after = NearestPopulation(after, pkm_after);
  const NeedsInputs needs = LoadNeedsInputs(ws);
  std::map<std::string, double> headcount;
  for (const auto& f : needs.facilities) {
    for (const auto& [cadre, n] : f.staff) headcount[f.kode] += n;
  }
  for (const Facility& f : after.facilities) {
    if (f.type != FacilityType::kPuskesmas) continue;
    FacilityChange c;
    c.kode = f.kode;
    c.nama = f.nama;
    c.closed = std::ranges::find(scenario.closed, f.kode) != scenario.closed.end();
    c.added = f.source_file.starts_with("skenario:");
    auto value = [](const std::map<std::string, double>& m, const std::string& k) {
      auto it = m.find(k);
      return it != m.end() ? it->second : 0.0;
    };
    c.penduduk_sebelum = value(served_before, f.kode);
    c.penduduk_sesudah = value(served_after, f.kode);
    c.tenaga = value(headcount, f.kode);
    if (c.tenaga > 0) {
      c.per_tenaga_sebelum = c.penduduk_sebelum / c.tenaga;
      c.per_tenaga_sesudah = c.penduduk_sesudah / c.tenaga;
      c.lonjakan = !c.closed && c.penduduk_sesudah > c.penduduk_sebelum * (1 + kJumpShare);
    }
    if (auto cell = base->cell_of.find(f.kode); cell != base->cell_of.end()) {
      c.rujukan_sebelum = MinutesAt(rs_before, cell->second.first, cell->second.second);
    }
    if (auto cell = after.cell_of.find(f.kode); cell != after.cell_of.end()) {
      c.rujukan_sesudah = MinutesAt(rs_after, cell->second.first, cell->second.second);
    }
    r.facilities.push_back(std::move(c));
  }
  Step(progress, 4, kSteps, "selesai / done");
  r.seconds = Since(start);
  return r;
}

std::expected<SitesReport, Error> PlanSites(const store::Workspace& ws, const SitesRequest& request,
                                            const AccessModelOptions& options,
                                            const PlanProgress& progress) {
  const auto start = Clock::now();
  constexpr int kSteps = 4;
  Step(progress, 1, kSteps, "model / model");
  auto model = ModelFor(ws, options, request.scenario);
  if (!model) return std::unexpected(model.error());
  SitesReport out;
  out.request = request;

  PlacedSites placed = PlaceSites(ws, *model, request.candidates, request.candidate_list);
  const std::vector<std::pair<int, int>>& origins = placed.cells;
  out.candidates = std::move(placed.sites);
  out.dropped = std::move(placed.dropped);
  if (out.candidates.empty()) {
    return std::unexpected(Error{Msg::kPlanNoCandidates, {request.candidates}});
  }

  Step(progress, 2, kSteps, "waktu tempuh dari lokasi calon / travel time from candidates");
  access::SolverScratch scratch;
  const TargetTimes existing = SolveTarget(*model, "puskesmas", scratch);
  plan::SitingProblem problem;
  problem.sites = request.k;
  problem.threshold_minutes = request.minutes;
  problem.objective = request.objective;
  const std::vector<double> baseline = BaselineMinutes(*model, existing);
  for (std::size_t i = 0; i < model->villages.size(); ++i) {
    problem.demand.push_back({model->villages[i].kode, model->villages[i].population, baseline[i]});
    out.population += model->villages[i].population;
    if (baseline[i] <= request.minutes) out.covered_before += model->villages[i].population;
  }
  // Coverage needs times up to T only; mean time charges people beyond the bound with it.
  const double bound = request.objective == plan::SitingObjective::kCoverage
                           ? request.minutes
                           : std::max(request.minutes, problem.unreached_minutes);
  const auto arcs =
      BoundedTimes(*model, origins, CentreCells(*model), bound, [&](int done, int of) {
        Step(progress, 2, kSteps,
             "waktu tempuh dari lokasi calon / travel time from candidates " +
                 std::to_string(done) + "/" + std::to_string(of));
      });
  for (std::size_t c = 0; c < arcs.size(); ++c) {
    problem.candidates.push_back({out.candidates[c].kode, request.capacity});
    for (const auto& [d, minutes] : arcs[c]) {
      problem.arcs.push_back({static_cast<int>(c), d, minutes});
    }
  }

  Step(progress, 3, kSteps, "optimasi / optimisation");
  auto result = plan::SolveGreedySwap(problem);
  if (!result) return std::unexpected(result.error());
  out.result = std::move(*result);
  if (request.exact) {
    auto exact = plan::SolveSitingExact(problem);
    if (!exact) return std::unexpected(exact.error());
    out.exact_status = exact->status == plan::ExactStatus::kOptimal ? "optimal" : "batas_waktu";
    if (exact->status == plan::ExactStatus::kOptimal) out.exact_objective = exact->objective;
  }
  Step(progress, 4, kSteps, "selesai / done");
  out.seconds = Since(start);
  return out;
}

std::expected<StopsReport, Error> PlanStops(const store::Workspace& ws, const StopsRequest& request,
                                            const AccessModelOptions& options,
                                            const PlanProgress& progress) {
  const auto start = Clock::now();
  constexpr int kSteps = 4;
  Step(progress, 1, kSteps, "model / model");
  auto model = ModelFor(ws, options, request.scenario);
  if (!model) return std::unexpected(model.error());
  StopsReport out;
  out.request = request;
  PlacedSites placed = PlaceSites(ws, *model, request.stops, request.stop_list);
  const std::vector<std::pair<int, int>>& origins = placed.cells;
  out.stops = std::move(placed.sites);
  if (out.stops.empty()) return std::unexpected(Error{Msg::kPlanNoCandidates, {request.stops}});

  Step(progress, 2, kSteps, "waktu tempuh / travel time");
  access::SolverScratch scratch;
  const TargetTimes fixed = SolveTarget(*model, "fktp", scratch);
  plan::StopProblem problem;
  problem.threshold_minutes = request.minutes;
  problem.reach_minutes = request.reach;
  const std::vector<double> baseline = BaselineMinutes(*model, fixed);
  for (std::size_t i = 0; i < model->villages.size(); ++i) {
    const auto& v = model->villages[i];
    problem.villages.push_back({v.kode, v.population, baseline[i]});
    out.village_codes.push_back(v.kode);
    out.village_names.push_back(v.nama);
    out.village_population.push_back(v.population);
  }
  for (const auto& s : out.stops) problem.stops.push_back(s.kode);
  const auto arcs = BoundedTimes(*model, origins, CentreCells(*model), request.reach, {});
  for (std::size_t s = 0; s < arcs.size(); ++s) {
    for (const auto& [v, minutes] : arcs[s]) {
      problem.arcs.push_back({static_cast<int>(s), v, minutes});
    }
  }
  Step(progress, 3, kSteps, "optimasi / optimisation");
  auto plan = plan::SolveStopsGreedy(problem);
  if (!plan) return std::unexpected(plan.error());
  out.plan = std::move(*plan);
  if (request.exact) {
    auto exact = plan::SolveStopsExact(problem);
    if (!exact) return std::unexpected(exact.error());
    if (exact->status == plan::ExactStatus::kOptimal) out.exact_stops = exact->plan.stops.size();
  }
  Step(progress, 4, kSteps, "selesai / done");
  out.seconds = Since(start);
  return out;
}

}  // namespace jangkau::app
