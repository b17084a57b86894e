// What the emergency pages draw and plan (docs/emergency.md, docs/http.md): the scenarios a
// dispatcher may dispatch in (those in force now first), the dispatcher's map (units, open
// incidents, the flooded areas and closed facilities of the scenario in force), the planner's map
// of call -> scene minutes by village, and the station plan (MCLP/MEXCLP) as a background job.
#include "app/emergency_service.h"
#include "app/reference_tables.h"
#include "app/request_limits.h"
#include "app/stations_service.h"
#include "report/geojson.h"
#include "report/workspace_tables.h"
#include "server/routes.h"

namespace jangkau::server {

void StartJob(
    ServerContext& ctx, Call& c, const std::string& kind,
    std::function<std::expected<Json, Error>(store::Workspace&, const app::PlanProgress&)> work);

namespace {

Json Optional(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

// The scenarios to draw: the one named, or every one whose period holds at `now`; std::nullopt
// (after a 404) for an unknown name.
std::optional<std::vector<Scenario>> ScenariosShown(Call& c, const std::vector<Scenario>& all,
                                                    const std::string& name, Instant now) {
  std::vector<Scenario> shown;
  for (const Scenario& s : all) {
    if (name.empty() ? HoldsAt(s, now) : s.nama == name) shown.push_back(s);
  }
  if (!name.empty() && shown.empty()) {
    SendError(c, Msg::kHttpNotFound, {name.substr(0, 64)});
    return std::nullopt;
  }
  return shown;
}

// GET /emergency/map: one FeatureCollection, each feature's `lapisan` naming its layer (unit,
// insiden, banjir, tutup), and `skenario` the names of the scenarios drawn.
void DispatchMap(ServerContext& ctx, Call& c) {
  const std::string name = c.Param("skenario");
  const Instant now = Now();
  ctx.Read([&](store::Workspace& ws) {
    auto shown = ScenariosShown(c, ws.Scenarios(), name, now);
    if (!shown) return;
    std::vector<report::GeoFeature> features;
    for (const EmergencyUnit& u : ws.Units()) {
      Json p = {{"lapisan", "unit"},
                {"kode", u.kode},
                {"nama", u.nama},
                {"jenis", std::string(UnitKindKey(u.jenis))},
                {"status", std::string(UnitStatusKey(u.status))},
                {"pangkalan", u.pangkalan}};
      p["insiden"] = u.insiden ? Json(*u.insiden) : Json(nullptr);
      features.push_back({report::PointWkb(u.lon, u.lat), std::move(p)});
    }
    for (const Incident& i : ws.Incidents()) {
      if (emergency::IsFinal(i.status)) continue;
      features.push_back({report::PointWkb(i.lon, i.lat),
                          {{"lapisan", "insiden"},
                           {"id", i.id},
                           {"waktu", i.waktu.Iso()},
                           {"prioritas", std::string(PriorityKey(i.prioritas))},
                           {"kategori", i.kategori},
                           {"status", std::string(IncidentStatusKey(i.status))},
                           {"kode_desa", i.kode_desa},
                           {"unit", i.unit}}});
    }
    Json names = Json::array();
    std::map<std::string, const Facility*> facilities;
    const std::vector<Facility> all = ws.Facilities();
    for (const Facility& f : all) facilities[f.kode] = &f;
    for (const Scenario& s : *shown) {
      names.push_back(s.nama);
      for (const FloodArea& a : s.floods) {
        features.push_back({a.geometry_wkb,
                            {{"lapisan", "banjir"},
                             {"skenario", s.nama},
                             {"faktor", a.factor},
                             {"desa", a.desa}}});
      }
      for (const std::string& kode : s.closed) {
        const auto f = facilities.find(kode);
        if (f == facilities.end() || !f->second->lon || !f->second->lat) continue;
        features.push_back({report::PointWkb(*f->second->lon, *f->second->lat),
                            {{"lapisan", "tutup"},
                             {"skenario", s.nama},
                             {"kode", kode},
                             {"nama", f->second->nama}}});
      }
    }
    Json fc = Json::parse(report::FeatureCollection(features, 0.0002));
    fc["skenario"] = std::move(names);
    SendJson(c, fc);
  });
}

// GET /emergency/kpi/desa: the villages with the call -> scene summary of their incidents (n,
// rerata, p90, persen_dalam_target; null where none), for the planner's map.
void KpiByDesa(ServerContext& ctx, Call& c) {
  const auto range = DateRange(c);
  if (!range) return;
  auto fc = ctx.Read([&](store::Workspace& ws) -> std::expected<std::string, Error> {
    auto targets = app::LoadResponseTargets(ws);
    if (!targets) return std::unexpected(targets.error());
    std::map<std::string, emergency::IntervalSummary> by_desa;
    std::map<std::string, int> calls;
    for (const emergency::KpiRow& row : app::KpiRows(ws.Incidents(), app::KpiGrouping::kDesa,
                                                     range->first, range->second, *targets)) {
      by_desa[row.group] = row.intervals[static_cast<int>(Interval::kCallToScene)];
      calls[row.group] = row.incidents;
    }
    std::vector<report::GeoFeature> features;
    for (Region& r : ws.Regions(true)) {
      if (r.level != RegionLevel::kDesa || r.geometry_wkb.empty()) continue;
      Json p = {{"kode", r.kode}, {"nama", r.nama}, {"insiden", calls[r.kode]}};
      const emergency::IntervalSummary& s = by_desa[r.kode];
      p["n"] = s.n;
      p["rerata"] = Optional(s.mean);
      p["p90"] = Optional(s.p90);
      p["persen_dalam_target"] = Optional(s.percent_within);
      features.push_back({std::move(r.geometry_wkb), std::move(p)});
    }
    return report::FeatureCollection(features, 0.0002);
  });
  if (!fc) return SendFailure(c, fc.error());
  c.res.status = 200;
  c.res.content_type = kGeoJsonType;
  c.res.body = std::move(*fc);
}

// POST /plan/stations {p, minutes, jenis, model, busy, candidates, skenario, resolution_m}: `plan
// stations` as a job; its result is app::StationsJson.
void StartStations(ServerContext& ctx, Call& c) {
  auto body = BodyObject(c);
  if (!body) return;
  app::StationsRequest request;
  // The planning grid, as `plan stations` (not the dispatch grid).
  app::DispatchOptions options;
  options.model = app::AccessModelOptions{};
  std::string jenis, model = "mclp", scenario;
  FieldReader f(*body);
  f.Integer("p", request.p, 1, 200)
      .Number("minutes", request.minutes, 1, 1440)
      .Choice("jenis", jenis, {"ambulans", "motor", "perahu", "tim_kunjungan"})
      .Choice("model", model, {"mclp", "mexclp"})
      .Number("busy", request.busy, 0, 0.99)
      .Choice("candidates", request.candidates, {"puskesmas", "desa", "piers"})
      .Text("skenario", scenario, app::kMaxNameChars)
      .Number("resolution_m", options.model.resolution_m, app::kResolutionM.lo,
              app::kResolutionM.hi);
  if (f.ok() && jenis.empty()) f.Fail(Msg::kHttpFieldRequired, {"jenis"});
  if (Refused(c, f)) return;
  request.jenis = ParseUnitKind(jenis).value_or(UnitKind::kAmbulans);  // checked above
  request.expected = model == "mexclp";
  if (!scenario.empty()) {
    request.scenario = ctx.Read([&](auto& ws) { return ws.FindScenario(scenario); });
    if (!request.scenario) return SendError(c, Msg::kHttpNotFound, {scenario});
  }
  StartJob(ctx, c, "stations",
           [request, options](store::Workspace& ws,
                              const app::PlanProgress& progress) -> std::expected<Json, Error> {
             auto r = app::PlanStations(ws, request, options, progress);
             if (!r) return std::unexpected(r.error());
             return app::StationsJson(*r);
           });
}

}  // namespace

void AddEmergencyPlanRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/emergency/scenarios", Access::kDispatch, {"format"}, [&ctx](Call& c) {
    const Instant now = Now();
    report::Table t{"skenario", {"nama", "keterangan", "mulai", "selesai", "berlaku"}};
    auto all = ctx.Read([](auto& ws) { return ws.Scenarios(); });
    std::stable_partition(all.begin(), all.end(),
                          [now](const Scenario& s) { return HoldsAt(s, now); });
    for (const Scenario& s : all) {
      t.rows.push_back(
          {s.nama, s.keterangan, s.mulai ? report::Cell(s.mulai->Iso()) : report::Cell(),
           s.selesai ? report::Cell(s.selesai->Iso()) : report::Cell(), HoldsAt(s, now)});
    }
    SendTable(c, t);
  });
  r.Add("GET", "/api/v1/emergency/map", Access::kDispatch, {"skenario"},
        [&ctx](Call& c) { DispatchMap(ctx, c); });
  r.Add("GET", "/api/v1/emergency/kpi/desa", Access::kDispatch, {"from", "to"},
        [&ctx](Call& c) { KpiByDesa(ctx, c); });
  r.Add("POST", "/api/v1/plan/stations", Access::kPlanners, {},
        [&ctx](Call& c) { StartStations(ctx, c); });
}

}  // namespace jangkau::server
