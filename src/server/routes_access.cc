// Reach per region and facility from the last access run, access runs in the background, and
// the background jobs' progress.
#include <map>

#include "app/access_service.h"
#include "app/plan_service.h"
#include "app/request_limits.h"
#include "model/region.h"
#include "server/routes.h"

namespace jangkau::server {

// Starts `work` on its own workspace connection as a job of the caller: 202 {"job": id}, or
// 429 when the queue is full.
void StartJob(
    ServerContext& ctx, Call& c, const std::string& kind,
    std::function<std::expected<Json, Error>(store::Workspace&, const app::PlanProgress&)> work) {
  auto id =
      ctx.jobs().Start(kind, c.session.username, c.lang,
                       [path = ctx.options().workspace, work = std::move(work)](
                           const JobRunner::Progress& progress) -> std::expected<Json, Error> {
                         auto ws = store::Workspace::Open(path);
                         if (!ws) return std::unexpected(ws.error());
                         return work(**ws, progress);
                       });
  if (!id) return SendFailure(c, id.error());
  SendJson(c, {{"job", *id}}, 202);
}

// resolution_m of a job's body, within the limits the CLI has too; std::nullopt after a 400.
std::optional<double> Resolution(Call& c) {
  auto body = BodyObject(c);
  if (!body) return std::nullopt;
  double resolution = 100;
  FieldReader f(*body);
  f.Number("resolution_m", resolution, app::kResolutionM.lo, app::kResolutionM.hi);
  if (Refused(c, f)) return std::nullopt;
  return resolution;
}

void AddAccessRoutes(Router& r, ServerContext& ctx) {
  r.Add(
       "GET", "/api/v1/access/regions", Access::kReaders, {"target", "level", "scenario", "format"},
       [&ctx](Call& c) {
         const std::string target = c.Param("target");
         const std::string level = c.Param("level");
         const std::string scenario = c.Param("scenario", "dasar");
         if (!level.empty() && !ParseLevel(level)) {
           return SendError(c, Msg::kHttpBadParam, {"level", level.substr(0, 64)});
         }
         ctx.CachedTable(c, "access_regions|" + target + "|" + level + "|" + scenario,
                         [&]() -> std::optional<report::Table> {
                           return ctx.Read([&](store::Workspace& ws) {
                             std::map<std::string, std::string> names;
                             for (const Region& reg : ws.Regions(false)) names[reg.kode] = reg.nama;
                             auto rows = ws.AccessRegions(scenario);
                             std::erase_if(rows, [&](const auto& row) {
                               const auto lvl = LevelOfCode(row.second.kode_wilayah);
                               return !c.session.scope.HasRegion(row.second.kode_wilayah) ||
                                      (!target.empty() && row.first != target) ||
                                      (!level.empty() && (!lvl || LevelKey(*lvl) != level));
                             });
                             return app::AccessRegionsTable(rows, names, ws.Layer("roads").empty());
                           });
                         });
       })
      .Regional();
  r.Add("GET", "/api/v1/access/facilities", Access::kReaders, {"scenario", "format"},
        [&ctx](Call& c) {
          const std::string scenario = c.Param("scenario", "dasar");
          ctx.CachedTable(
              c, "access_facilities|" + scenario, [&]() -> std::optional<report::Table> {
                return ctx.Read([&](store::Workspace& ws) {
                  return app::AccessFacilitiesTable(ws, scenario, RegionFacilities(c, ws));
                });
              });
        })
      .Regional();
  r.Add("POST", "/api/v1/access/run", Access::kPlanners, {}, [&ctx](Call& c) {
    auto resolution = Resolution(c);
    if (!resolution) return;
    app::AccessRunOptions options;
    options.resolution_m = *resolution;
    StartJob(
        ctx, c, "access_run",
        [options, user = c.session.username](
            store::Workspace& ws, const app::PlanProgress& progress) -> std::expected<Json, Error> {
          auto report = app::RunAccess(ws, options, user, progress);
          if (!report) return std::unexpected(report.error());
          return Json{{"seconds", report->seconds},
                      {"warnings", report->warnings.size()},
                      {"resolution_m", options.resolution_m}};
        });
  });
  r.Add("GET", "/api/v1/jobs/{id}", Access::kLoggedIn, {}, [&ctx](Call& c) {
    auto job = ctx.jobs().Get(c.captures[0], c.session.username, c.session.role == "admin", c.lang);
    if (!job) return SendError(c, Msg::kHttpNotFound, {c.req.path.substr(0, 200)});
    SendJson(c, *job);
  });
}

}  // namespace jangkau::server
