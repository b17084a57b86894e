// Planning scenarios (stored floods, closures, new posts), their comparison with the baseline
// and the choice of new sites, both in the background.
#include "app/plan_service.h"
#include "app/request_limits.h"
#include "ingest/layers.h"
#include "model/facility.h"
#include "report/geojson.h"
#include "server/routes.h"

namespace jangkau::server {

void StartJob(
    ServerContext& ctx, Call& c, const std::string& kind,
    std::function<std::expected<Json, Error>(store::Workspace&, const app::PlanProgress&)> work);
std::optional<double> Resolution(Call& c);

namespace {

constexpr std::size_t kMaxAreas = 500;

// The body of POST /scenarios as an app request; std::nullopt after a 400. Fields: nama,
// keterangan, tutup [kode], banjir_desa [kode], faktor_banjir, tutup_yang_kebanjiran, banjir
// (FeatureCollection of polygons, properties.faktor optional), kecepatan {kelas: km/h},
// tambah [{kode, nama, jenis, lon, lat}].
std::optional<app::ScenarioRequest> ScenarioBody(Call& c) {
  auto body = BodyObject(c);
  if (!body) return std::nullopt;
  app::ScenarioRequest r;
  FieldReader f(*body);
  f.Text("nama", r.nama, app::kMaxNameChars, true)
      .Text("keterangan", r.keterangan, app::kMaxTextChars)
      .TextList("tutup", r.close, app::kMaxListItems, 32)
      .TextList("banjir_desa", r.flood_desa, app::kMaxListItems, 32)
      .Number("faktor_banjir", r.flood_factor, app::kFloodFactor.lo, app::kFloodFactor.hi)
      .Bool("tutup_yang_kebanjiran", r.close_flooded)
      .NumberMap("kecepatan", r.speeds, 32, app::kSpeedKmh.lo, app::kSpeedKmh.hi);
  if (const Json* fc = f.Raw("banjir"); fc != nullptr && f.ok()) {
    const Json* features =
        fc->is_object() && fc->contains("features") ? &(*fc)["features"] : nullptr;
    if (features == nullptr || !features->is_array()) {
      f.Fail(Msg::kHttpFieldType, {"banjir", "FeatureCollection"});
    } else if (features->size() > kMaxAreas) {
      f.Fail(Msg::kHttpFieldTooMany, {"banjir.features", std::to_string(kMaxAreas)});
    } else {
      for (std::size_t i = 0; i < features->size() && f.ok(); ++i) {
        const Json& feature = (*features)[i];
        const std::string where = "banjir.features[" + std::to_string(i) + "]";
        auto wkb = feature.is_object() && feature.contains("geometry")
                       ? ingest::PolygonFromGeoJson(Dump(feature["geometry"]))
                       : std::nullopt;
        if (!wkb) {
          f.Fail(Msg::kHttpFieldType, {where + ".geometry", "Polygon"});
          break;
        }
        double factor = r.flood_factor;
        if (feature.contains("properties") && feature["properties"].is_object()) {
          const Json& props = feature["properties"];
          if (props.contains("faktor")) {
            const Json& v = props["faktor"];
            if (!v.is_number()) {
              f.Fail(Msg::kHttpFieldType, {where + ".properties.faktor", "number"});
              break;
            }
            factor = v.get<double>();
            if (auto e = app::OutsideLimit((where + ".properties.faktor").c_str(), factor,
                                           app::kFloodFactor)) {
              f.Fail(e->msg, e->args);
              break;
            }
          }
        }
        r.flood_areas.push_back({"flood", "", factor, std::move(*wkb)});
      }
    }
  }
  if (const Json* tambah = f.Raw("tambah"); tambah != nullptr && f.ok()) {
    if (!tambah->is_array()) {
      f.Fail(Msg::kHttpFieldType, {"tambah", "array"});
    } else if (tambah->size() > kMaxAreas) {
      f.Fail(Msg::kHttpFieldTooMany, {"tambah", std::to_string(kMaxAreas)});
    } else {
      std::vector<std::string> types;
      for (int t = 0; t <= static_cast<int>(FacilityType::kLainnya); ++t) {
        types.emplace_back(TypeKey(static_cast<FacilityType>(t)));
      }
      for (std::size_t i = 0; i < tambah->size() && f.ok(); ++i) {
        FieldReader a((*tambah)[i], "tambah[" + std::to_string(i) + "]");
        AddedFacility added;
        std::string jenis = "puskesmas";
        a.Text("kode", added.kode, 32, true)
            .Text("nama", added.nama, 200)
            .Choice("jenis", jenis, types)
            .Number("lon", added.lon, app::kLon.lo, app::kLon.hi, true)
            .Number("lat", added.lat, app::kLat.lo, app::kLat.hi, true);
        if (auto e = a.Finish()) {
          f.Fail(e->msg, e->args);
          break;
        }
        if (added.nama.empty()) added.nama = added.kode;
        added.type = ParseFacilityType(jenis).value_or(FacilityType::kPuskesmas);
        r.added.push_back(std::move(added));
      }
    }
  }
  if (Refused(c, f)) return std::nullopt;
  if (auto e = app::BadScenarioName(r.nama)) {
    c.res = ErrorResponse(c.lang, e->msg, e->args, {{"field", "nama"}}, 400);
    return std::nullopt;
  }
  return r;
}

void SaveScenario(ServerContext& ctx, Call& c) {
  const auto expect = IfMatch(c);
  if (!expect) return;
  auto request = ScenarioBody(c);
  if (!request) return;
  std::string version;
  auto saved = ctx.Read([&](store::Workspace& ws) -> std::expected<Scenario, Error> {
    auto sc = app::BuildScenario(ws, *request);
    if (!sc) return sc;
    if (auto w = ws.PutScenario(*sc, c.session.username, *expect); !w) {
      return std::unexpected(w.error());
    }
    version = ws.ScenarioVersion(sc->nama);
    return sc;
  });
  if (!saved) {
    // The request was understood but refused (an unknown code, a taken one): 422; saved by
    // somebody else since it was read: 409.
    const Msg m = saved.error().msg;
    c.res = ErrorResponse(c.lang, m, saved.error().args, Json::object(),
                          m == Msg::kDatabase        ? 500
                          : m == Msg::kScenarioStale ? 409
                                                     : 422);
    return;
  }
  ctx.Changed();
  SetETag(c, version);
  SendJson(c, {{"nama", saved->nama},
               {"tutup", saved->closed},
               {"banjir", saved->floods.size()},
               {"tambah", saved->added.size()}});
}

void GetScenario(ServerContext& ctx, Call& c) {
  std::string version;
  auto sc = ctx.Read([&](auto& ws) {
    // The version before the scenario on purpose: a save landing in between makes the next save
    // of this answer a spurious 409 (reload, try again), never a lost update.
    version = ws.ScenarioVersion(c.captures[0]);
    return ws.FindScenario(c.captures[0]);
  });
  if (!sc) return SendError(c, Msg::kHttpNotFound, {c.captures[0]});
  std::vector<report::GeoFeature> floods;
  for (const FloodArea& f : sc->floods) {
    floods.push_back({f.geometry_wkb, {{"faktor", f.factor}, {"desa", f.desa}}});
  }
  Json added = Json::array();
  for (const AddedFacility& a : sc->added) {
    added.push_back({{"kode", a.kode},
                     {"nama", a.nama},
                     {"jenis", std::string(TypeKey(a.type))},
                     {"lon", a.lon},
                     {"lat", a.lat}});
  }
  SendJson(c, {{"nama", sc->nama},
               {"keterangan", sc->keterangan},
               {"tutup", sc->closed},
               {"kecepatan", sc->speeds},
               {"tambah", added},
               {"putus", sc->cuts_wkb.size()},
               {"banjir", Json::parse(report::FeatureCollection(floods, 0.0002))},
               {"waktu", sc->waktu},
               {"pengguna", sc->pengguna}});
  SetETag(c, version);
}

void StartCompare(ServerContext& ctx, Call& c) {
  auto resolution = Resolution(c);
  if (!resolution) return;
  auto sc = ctx.Read([&](auto& ws) { return ws.FindScenario(c.captures[0]); });
  if (!sc) return SendError(c, Msg::kHttpNotFound, {c.captures[0]});
  app::AccessModelOptions options;
  options.resolution_m = *resolution;
  StartJob(
      ctx, c, "compare",
      [scenario = *sc, options](store::Workspace& ws,
                                const app::PlanProgress& progress) -> std::expected<Json, Error> {
        auto r = app::ComparePlan(ws, scenario, options, progress);
        if (!r) return std::unexpected(r.error());
        const auto tables = app::CompareTables(*r);
        const app::RegionChange& k = r->kabupaten;
        auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(); };
        return Json{{"skenario", scenario.nama},
                    {"ringkasan",
                     {{"penduduk", k.penduduk},
                      {"kehilangan_30", k.Loses(0)},
                      {"kehilangan_60", k.Loses(1)},
                      {"kehilangan_120", k.Loses(2)},
                      {"menit_sebelum", opt(k.menit_sebelum)},
                      {"menit_sesudah", opt(k.menit_sesudah)},
                      {"tutup", scenario.closed.size()},
                      {"banjir", scenario.floods.size()},
                      {"detik", r->seconds}}},
                    {"desa", report::ToJson(tables[0])},
                    {"kecamatan", report::ToJson(tables[1])},
                    {"fasyankes", report::ToJson(tables[2])}};
      });
}

void StartSites(ServerContext& ctx, Call& c) {
  auto body = BodyObject(c);
  if (!body) return;
  app::SitesRequest request;
  std::string objective = "coverage";
  std::string scenario;
  FieldReader f(*body);
  f.Integer("k", request.k, static_cast<int>(app::kSitesK.lo), static_cast<int>(app::kSitesK.hi))
      .Number("minutes", request.minutes, app::kMinutes.lo, app::kMinutes.hi)
      .Choice("objective", objective, {"coverage", "mean-time"})
      .Text("skenario", scenario, app::kMaxNameChars);
  if (Refused(c, f)) return;
  request.objective =
      objective == "coverage" ? plan::SitingObjective::kCoverage : plan::SitingObjective::kMeanTime;
  if (!scenario.empty()) {
    request.scenario = ctx.Read([&](auto& ws) { return ws.FindScenario(scenario); });
    if (!request.scenario) return SendError(c, Msg::kHttpNotFound, {scenario});
  }
  StartJob(ctx, c, "sites",
           [request](store::Workspace& ws,
                     const app::PlanProgress& progress) -> std::expected<Json, Error> {
             auto r = app::PlanSites(ws, request, {}, progress);
             if (!r) return std::unexpected(r.error());
             return Json{{"penduduk", r->population},
                         {"terjangkau_sebelum", r->covered_before},
                         {"calon", r->candidates.size()},
                         {"lokasi", report::ToJson(app::SitesTable(*r))}};
           });
}

}  // namespace

void AddPlanRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/scenarios", Access::kReaders, {"format"}, [&ctx](Call& c) {
    SendTable(c, app::ScenariosTable(ctx.Read([](auto& ws) { return ws.Scenarios(); })));
  });
  r.Add(
      "POST", "/api/v1/scenarios", Access::kPlanners, {}, [&ctx](Call& c) { SaveScenario(ctx, c); },
      kGeometryBody);
  r.Add("GET", "/api/v1/scenarios/{nama}", Access::kReaders, {},
        [&ctx](Call& c) { GetScenario(ctx, c); });
  r.Add("DELETE", "/api/v1/scenarios/{nama}", Access::kPlanners, {}, [&ctx](Call& c) {
    auto gone =
        ctx.Read([&](auto& ws) { return ws.DeleteScenario(c.captures[0], c.session.username); });
    if (!gone) return SendFailure(c, gone.error());
    if (!*gone) return SendError(c, Msg::kHttpNotFound, {c.captures[0]});
    ctx.Changed();
    SendJson(c, {{"ok", true}});
  });
  r.Add("POST", "/api/v1/scenarios/{nama}/compare", Access::kPlanners, {},
        [&ctx](Call& c) { StartCompare(ctx, c); });
  r.Add("POST", "/api/v1/plan/sites", Access::kPlanners, {},
        [&ctx](Call& c) { StartSites(ctx, c); });
}

}  // namespace jangkau::server
