// GeoJSON for the web map: villages (or kecamatan) with population and reach, facilities with
// staffing and report status, and the imported layers.
#include "app/map_data.h"
#include "model/region.h"
#include "report/geojson.h"
#include "report/workspace_tables.h"
#include "server/routes.h"

namespace jangkau::server {

void AddMapRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/map/regions", Access::kLoggedIn, {"level"}, [&ctx](Call& c) {
     const std::string level = c.Param("level", "desa");
     const auto lvl = ParseLevel(level);
     if (!lvl) return SendError(c, Msg::kHttpBadParam, {"level", level.substr(0, 64)});
     ctx.Cached(c, "map_regions|" + std::string(LevelKey(*lvl)), kGeoJsonType,
                [&]() -> std::optional<std::string> {
                  auto rows = ctx.Read([&](auto& ws) { return app::RegionsForMap(ws, *lvl); });
                  std::erase_if(rows, [&](const app::RegionMapRow& row) {
                    return !c.session.scope.HasRegion(row.region.kode);
                  });
                  std::vector<report::GeoFeature> features;
                  for (app::RegionMapRow& row : rows) {
                    Json p = {{"kode", row.region.kode}, {"nama", row.region.nama}};
                    p["penduduk"] = row.penduduk ? Json(*row.penduduk) : Json(nullptr);
                    const auto& a = row.reach;
                    p["menit"] = a && a->rata_menit ? Json(*a->rata_menit) : Json(nullptr);
                    p["dalam_30"] = a ? Json(a->Share(a->dalam_30)) : Json(nullptr);
                    p["dalam_60"] = a ? Json(a->Share(a->dalam_60)) : Json(nullptr);
                    p["dalam_120"] = a ? Json(a->Share(a->dalam_120)) : Json(nullptr);
                    features.push_back({std::move(row.region.geometry_wkb), std::move(p)});
                  }
                  return report::FeatureCollection(features, 0.0002);
                });
   }).Regional();
  r.Add("GET", "/api/v1/map/facilities", Access::kLoggedIn, {}, [&ctx](Call& c) {
     const std::string scope = c.session.role == "operator" ? c.session.kode_faskes : "all";
     ctx.Cached(c, "map_facilities|" + scope, kGeoJsonType, [&]() -> std::optional<std::string> {
       return ctx.Read([&](store::Workspace& ws) {
         const auto staffing = app::StaffingByFacility(ws);
         std::map<std::string, std::string> status;
         for (const auto& s : ws.Submissions(ctx.period().id)) status[s.kode_faskes] = s.status;
         std::vector<report::GeoFeature> features;
         for (const Facility& f : ws.Facilities()) {
           if (!f.lon || !f.lat || (scope != "all" && f.kode != scope) ||
               !c.session.scope.HasFacility(f)) {
             continue;
           }
           Json p = {{"kode", f.kode},
                     {"nama", f.nama},
                     {"jenis", std::string(TypeKey(f.type))},
                     {"status", status.contains(f.kode) ? status[f.kode] : "draft"}};
           const auto s = staffing.find(f.kode);
           const bool known = s != staffing.end();
           p["tenaga"] = known ? Json(s->second.current) : Json(nullptr);
           p["kebutuhan"] = known ? Json(s->second.required) : Json(nullptr);
           const auto ratio = known ? s->second.Ratio() : std::nullopt;
           p["rasio"] = ratio ? Json(*ratio) : Json(nullptr);
           features.push_back({report::PointWkb(*f.lon, *f.lat), std::move(p)});
         }
         return report::FeatureCollection(features, 0);
       });
     });
   }).Regional();
  r.Add("GET", "/api/v1/map/layers/{jenis}", Access::kLoggedIn, {}, [&ctx](Call& c) {
     const std::string kind = c.captures[0];
     if (kind.size() > 32 ||
         kind.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
       return SendError(c, Msg::kHttpNotFound, {c.req.path.substr(0, 200)});
     }
     ctx.Cached(c, "map_layer|" + kind, kGeoJsonType, [&]() -> std::optional<std::string> {
       std::vector<report::GeoFeature> features;
       for (MapFeature& f : ctx.Read([&](auto& ws) { return ws.Layer(kind); })) {
         Json p = {{"jenis", f.jenis}, {"kelas", f.kelas}};
         p["nilai"] = f.nilai ? Json(*f.nilai) : Json(nullptr);
         features.push_back({std::move(f.geometry_wkb), std::move(p)});
       }
       return report::FeatureCollection(features, 0.0005);
     });
   }).Regional();  // rivers, roads, flood areas: shared ground, no district's records
}

}  // namespace jangkau::server
