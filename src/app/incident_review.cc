#include "app/incident_review.h"

#include <algorithm>
#include <map>
#include <memory>

#include "app/emergency_service.h"

namespace jangkau::app {

std::expected<report::Table, Error> IncidentReview(const store::Workspace& ws,
                                                   const IncidentReviewOptions& options,
                                                   const std::function<void(int, int)>& progress) {
  const std::vector<Scenario> scenarios = ws.Scenarios();
  std::vector<Incident> incidents;
  for (Incident& i : ws.Incidents()) {
    if (options.open_only && emergency::IsFinal(i.status)) continue;
    if (CalledWithin(i, options.from, options.to)) incidents.push_back(std::move(i));
  }
  std::sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
    return a.waktu != b.waktu ? a.waktu < b.waktu : a.id < b.id;
  });
  report::Table t{"insiden",
                  {"id", "kode", "waktu", "prioritas", "kategori", "kode_desa", "lon", "lat",
                   "status", "unit", "faskes_tujuan"}};
  for (int k = 0; k < kIntervalCount; ++k) {
    t.columns.emplace_back(IntervalKey(static_cast<Interval>(k)));
  }
  t.columns.emplace_back("banjir");
  if (options.eta) {
    for (const char* c : {"eta_menit", "selisih_menit", "rasio"}) t.columns.emplace_back(c);
  }
  std::map<std::string, EmergencyUnit> units;
  for (EmergencyUnit& u : ws.Units()) units.emplace(u.kode, std::move(u));
  // One dispatch model per scenario in force ("" the baseline), built when first needed.
  std::map<std::string, std::unique_ptr<DispatchModel>> models;
  auto model_for = [&](const std::string& name) -> std::expected<DispatchModel*, Error> {
    auto& slot = models[name];
    if (!slot) {
      const Scenario* sc = nullptr;
      for (const Scenario& s : scenarios) {
        if (s.nama == name) sc = &s;
      }
      auto built = BuildDispatchModel(ws, sc, options.dispatch);
      if (!built) return std::unexpected(built.error());
      slot = std::move(*built);
    }
    return slot.get();
  };
  const int of = static_cast<int>(incidents.size());
  int done = 0;
  auto opt = [](const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; };
  for (const Incident& i : incidents) {
    const emergency::Intervals intervals = emergency::IncidentIntervals(i);
    const std::string floods = FloodsAt(scenarios, i.waktu);
    std::vector<report::Cell> row = {
        i.id,           i.kode, i.waktu.Iso(), std::string(PriorityKey(i.prioritas)),    i.kategori,
        i.kode_desa,    i.lon,  i.lat,         std::string(IncidentStatusKey(i.status)), i.unit,
        i.faskes_tujuan};
    for (int k = 0; k < kIntervalCount; ++k) {
      row.push_back(opt(emergency::Get(intervals, static_cast<Interval>(k))));
    }
    row.emplace_back(floods);
    if (options.eta) {
      std::optional<double> eta;
      const auto travel = emergency::Get(intervals, Interval::kTravel);
      const auto unit = units.find(i.unit);
      if (travel && unit != units.end()) {
        // The first scenario in force (by name) stands for the conditions of the call.
        const std::string scenario = floods.substr(0, floods.find(' '));
        auto model = model_for(scenario);
        if (!model) return std::unexpected(model.error());
        const grid::GridSpec& spec = (*model)->access.spec;
        if (const auto at = CellUnder(spec, i.lon, i.lat)) {
          const emergency::UnitAt sent[] = {{unit->second.kode, unit->second.jenis,
                                             CellUnder(spec, unit->second.lon, unit->second.lat)}};
          const auto ranked = (*model)->search->UnitsTo(*at, sent);
          if (!ranked.empty()) {
            if (const std::optional<units::Minutes>& m = ranked.front().minutes; m)
              eta = m->value();
          }
        }
        if (progress) progress(++done, of);
      }
      row.push_back(opt(eta));
      row.push_back(eta && travel ? report::Cell{*travel - *eta} : report::Cell{});
      row.push_back(eta && travel && *eta > 0 ? report::Cell{*travel / *eta} : report::Cell{});
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace jangkau::app
