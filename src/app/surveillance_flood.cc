#include "app/surveillance_flood.h"

#include <algorithm>
#include <set>

#include "app/access_model.h"
#include "app/dispatch_service.h"
#include "ingest/geo_checks.h"

namespace jangkau::app {

std::expected<std::map<std::string, FloodLink>, Error> FloodLinks(const store::Workspace& ws,
                                                                  const std::string& name) {
  const std::optional<Scenario> scenario = ws.FindScenario(name);
  if (!scenario) return std::unexpected(Error{Msg::kPlanUnknownScenario, {name}});
  // The catchments of the baseline, at the dispatch grid's resolution.
  auto base = BuildAccessModel(ws, {.resolution_m = kDispatchResolutionM}, nullptr);
  if (!base) return std::unexpected(base.error());
  access::SolverScratch scratch;
  const TargetTimes times = SolveTarget(*base, "puskesmas", scratch);

  // The flooded villages: picked by village, or whose centroid lies in a drawn flood.
  std::set<std::string> flooded;
  std::vector<Region> drawn;
  for (const FloodArea& f : scenario->floods) {
    if (!f.desa.empty()) {
      flooded.insert(f.desa);
    } else {
      drawn.push_back({"banjir", "", RegionLevel::kDesa, "", f.geometry_wkb, {}, {}});
    }
  }
  std::map<std::string, FloodLink> out;
  for (const AccessModel::Village& v : base->villages) {
    if (!v.centre_cell) continue;
    const int64_t index = v.centre_cell->value();
    const int row = static_cast<int>(index / base->spec.cols);
    const int col = static_cast<int>(index % base->spec.cols);
    const int32_t nearest = times.times.BestNearest(row, col);
    if (nearest < 0 || static_cast<std::size_t>(nearest) >= times.sources.size()) continue;
    FloodLink& link = out[times.sources[static_cast<std::size_t>(nearest)]->kode];
    link.desa.push_back(v.kode);
    const bool in_drawn =
        !drawn.empty() && v.centroid &&
        ingest::RegionContaining(v.centroid->first, v.centroid->second, drawn, RegionLevel::kDesa);
    if (flooded.contains(v.kode) || in_drawn) link.desa_banjir.push_back(v.kode);
  }
  for (const std::string& kode : scenario->closed) out[kode].tutup = true;

  // The nearest available unit to each facility, in the flood.
  DispatchOptions options;
  auto model = BuildDispatchModel(ws, &*scenario, options);
  if (!model) return std::unexpected(model.error());
  const grid::GridSpec& spec = (*model)->access.spec;
  std::vector<emergency::UnitAt> units;
  for (const EmergencyUnit& u : ws.Units()) {
    if (u.status == UnitStatus::kTersedia)
      units.push_back({u.kode, u.jenis, CellUnder(spec, u.lon, u.lat)});
  }
  for (const Facility& f : ws.Facilities()) {
    if (!f.lon || !f.lat || units.empty()) continue;
    const auto cell = CellUnder(spec, *f.lon, *f.lat);
    if (!cell) continue;
    for (const emergency::UnitEta& eta : (*model)->search->UnitsTo(*cell, units)) {
      if (!eta.minutes) continue;
      FloodLink& link = out[f.kode];
      link.unit = eta.kode;
      link.jenis_unit = std::string(UnitKindKey(eta.jenis));
      link.menit_unit = eta.minutes->value();
      break;
    }
  }
  return out;
}

report::Table AlertsFloodTable(const AlertResult& r,
                               const std::map<std::string, FloodLink>& flood) {
  report::Table t = AlertsTable(r);
  for (const char* c : {"wilayah_kerja_banjir", "desa_banjir", "faskes_tutup", "unit_terdekat",
                        "jenis_unit", "menit_unit"}) {
    t.columns.emplace_back(c);
  }
  for (std::size_t i = 0; i < r.alerts.size(); ++i) {
    const auto it = flood.find(r.alerts[i].kode_faskes);
    std::vector<report::Cell>& row = t.rows[i];
    if (it == flood.end()) {
      row.insert(row.end(), 6, report::Cell{});
      continue;
    }
    const FloodLink& f = it->second;
    std::string desa;
    for (const std::string& d : f.desa_banjir) desa += (desa.empty() ? "" : ";") + d;
    row.emplace_back(!f.desa_banjir.empty());
    row.emplace_back(desa);
    row.emplace_back(f.tutup);
    row.emplace_back(f.unit);
    row.emplace_back(f.jenis_unit);
    row.emplace_back(f.menit_unit ? report::Cell{*f.menit_unit} : report::Cell{});
  }
  return t;
}

}  // namespace jangkau::app
