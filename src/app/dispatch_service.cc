#include "app/dispatch_service.h"

#include "app/access_service.h"
#include "app/reference_tables.h"
#include "ingest/layers.h"

namespace jangkau::app {
std::optional<grid::CellIndex> CellUnder(const grid::GridSpec& spec, double lon, double lat) {
  double x = 0;
  double y = 0;
  int row = 0;
  int col = 0;
  if (!ingest::ToGrid(spec, lon, lat, x, y) || !spec.CellOf(x, y, row, col)) return std::nullopt;
  return spec.Index(row, col);
}

std::expected<std::unique_ptr<DispatchModel>, Error> BuildDispatchModel(
    const store::Workspace& ws, const Scenario* scenario, const DispatchOptions& options) {
  auto speeds = LoadUnitSpeeds(ws);
  if (!speeds) return std::unexpected(speeds.error());
  auto base = BuildAccessModel(ws, options.model, nullptr);
  if (!base) return std::unexpected(base.error());
  for (const UnitSpeed& s : *speeds) {
    if (base->travel.ClassIndex(s.kelas) < 0) {
      std::string classes;
      for (const auto& c : base->travel.classes) classes += (classes.empty() ? "" : ", ") + c.kelas;
      return std::unexpected(
          Error{Msg::kUnitSpeedClass, {std::string(UnitKindKey(s.jenis)), s.kelas, classes}});
    }
  }
  auto model = std::make_unique<DispatchModel>();
  model->scenario = scenario != nullptr ? scenario->nama : "";
  const access::TravelScenario people_base = base->travel;
  // Every kind crosses the same land, water and flood as people do, at its own speeds.
  const access::FrictionInputs inputs =
      scenario != nullptr ? ScenarioInputs(*base, *scenario) : base->inputs;
  model->access = scenario != nullptr ? WithScenario(*base, *scenario) : std::move(*base);
  std::map<UnitKind, const access::FrictionGrid*> frictions;
  for (UnitKind kind :
       {UnitKind::kAmbulans, UnitKind::kMotor, UnitKind::kPerahu, UnitKind::kTimKunjungan}) {
    const access::TravelScenario travel =
        emergency::UnitScenario(model->access.travel, people_base, kind, *speeds);
    model->unit_friction[kind] = access::BuildFriction(inputs, travel);
    frictions[kind] = &model->unit_friction[kind];
  }
  emergency::EtaOptions eta;
  eta.neighbours = options.model.neighbours;
  eta.max_minutes = options.max_minutes;
  eta.snap_m = options.model.snap_m;
  model->search = std::make_unique<emergency::EtaSearch>(frictions, model->access.friction, eta);
  return model;
}

std::expected<Recommendation, Error> Recommend(const store::Workspace& ws, DispatchModel& model,
                                               int64_t id) {
  auto incident = ws.FindIncident(id);
  if (!incident) return std::unexpected(Error{Msg::kUnknownIncident, {std::to_string(id)}});
  Recommendation out;
  out.incident = *incident;
  out.scenario = model.scenario;
  const grid::GridSpec& spec = model.access.spec;
  std::vector<emergency::UnitAt> units;
  for (const EmergencyUnit& u : ws.Units()) {
    if (u.status != UnitStatus::kTersedia) continue;
    units.push_back({u.kode, u.jenis, CellUnder(spec, u.lon, u.lat)});
  }
  const auto at = CellUnder(spec, incident->lon, incident->lat);
  const bool p1 = incident->prioritas == Priority::kP1;
  out.tujuan_target = p1 ? "rs" : "puskesmas_rs";
  if (!at) {
    for (const auto& u : units) out.units.push_back({u.kode, u.jenis, std::nullopt});
    emergency::SortByEta(out.units);
    return out;
  }
  out.units = model.search->UnitsTo(*at, units);
  std::vector<emergency::Destination> candidates;
  for (const Facility& f : model.access.facilities) {
    const auto cell = model.access.cell_of.find(f.kode);
    if (cell == model.access.cell_of.end()) continue;  // closed, or not on the grid
    if (!(IsTarget(f, "rs") || (!p1 && IsTarget(f, "puskesmas")))) continue;
    candidates.push_back({f.kode, spec.Index(cell->second.first, cell->second.second)});
  }
  out.tujuan = model.search->NearestDestination(*at, candidates);
  return out;
}

nlohmann::json RecommendationJson(const Recommendation& r) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : r.units) {
    units.push_back({{"kode", u.kode},
                     {"jenis", std::string(UnitKindKey(u.jenis))},
                     {"menit", u.minutes ? nlohmann::json(u.minutes->value()) : nullptr}});
  }
  nlohmann::json tujuan = nullptr;
  if (const auto& t = r.tujuan; t) tujuan = {{"kode", t->kode}, {"menit", t->minutes.value()}};
  return {{"insiden", r.incident.id},
          {"skenario", r.scenario.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.scenario)},
          {"unit", units},
          {"tujuan", tujuan},
          {"tujuan_jenis", r.tujuan_target}};
}

report::Table RecommendationTable(const Recommendation& r) {
  report::Table t{"rekomendasi_unit", {"peringkat", "kode", "jenis", "menit"}};
  int rank = 0;
  for (const auto& u : r.units) {
    ++rank;
    t.rows.push_back({report::Cell(static_cast<int64_t>(rank)), report::Cell(u.kode),
                      report::Cell(std::string(UnitKindKey(u.jenis))),
                      u.minutes ? report::Num(*u.minutes) : report::Cell()});
  }
  if (r.tujuan) {
    t.rows.push_back({report::Cell(), report::Cell(r.tujuan->kode), report::Cell("tujuan"),
                      report::Num(r.tujuan->minutes)});
  }
  return t;
}

}  // namespace jangkau::app
