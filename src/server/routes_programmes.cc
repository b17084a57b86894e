// The programmes page's data (docs/programmes.md, docs/http.md): growth by area, the programmes
// against access, routine against survey, the TPPS board, the SKDN register (an operator sees
// its own puskesmas' posyandu only) and the map of the villages. Each is what the CLI command of
// the same name prints.
#include "app/programmes_board.h"
#include "app/programmes_service.h"
#include "app/stunting_sources.h"
#include "base/text_util.h"
#include "report/geojson.h"
#include "server/routes.h"

namespace jangkau::server {
namespace {

// The common query: by (one of `levels`, the first by default), from, to. std::nullopt after a
// 400.
std::optional<app::ProgrammeOptions> Options(Call& c, std::initializer_list<const char*> levels) {
  app::ProgrammeOptions o;
  const auto range = DateRange(c);
  if (!range) return std::nullopt;
  o.from = range->first;
  o.to = range->second;
  if (levels.size() == 0) return o;
  const std::string by = c.Param("by", *levels.begin());
  bool known = false;
  std::string choices;
  for (const char* l : levels) {
    known = known || by == l;
    choices += (choices.empty() ? "" : ", ") + std::string(l);
  }
  if (!known) {
    SendError(c, Msg::kHttpBadParam, {"by", Utf8Prefix(by, 32) + " (" + choices + ")"});
    return std::nullopt;
  }
  o.by = app::ParseProgrammeLevel(by).value_or(app::ProgrammeLevel::kDesa);
  return o;
}

// GET /programmes/skdn: every posyandu for readers; an operator's own puskesmas' posyandu only
// (matched by the puskesmas name e-PPGBM writes); dispatchers have no business here.
void Skdn(ServerContext& ctx, Call& c) {
  if (c.session.role == "dispatcher") return SendError(c, Msg::kHttpForbidden, {c.session.role});
  const auto o = Options(c, {});
  if (!o) return;
  const std::string kode = c.session.role == "operator" ? c.session.kode_faskes : "";
  const auto t = ctx.Read([&](store::Workspace& ws) {
    if (kode.empty()) return app::SkdnTable(ws, o->from, o->to);
    std::string nama;
    for (const Facility& f : ws.Facilities()) {
      if (f.kode == kode) nama = f.nama;
    }
    return app::SkdnTable(ws, o->from, o->to, [&nama](const GrowthRecord& r) {
      return !nama.empty() && app::SamePuskesmas(nama, r.puskesmas);
    });
  });
  if (!t) return SendFailure(c, t.error());
  SendTable(c, *t);
}

}  // namespace

void AddProgrammeRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/programmes/area", Access::kReaders, {"by", "from", "to", "format"},
        [&ctx](Call& c) {
          const auto o = Options(c, {"desa", "posyandu", "puskesmas", "kecamatan", "kabupaten"});
          if (!o) return;
          SendTable(c, ctx.Read([&](store::Workspace& ws) { return app::GrowthByArea(ws, *o); }));
        });
  r.Add("GET", "/api/v1/programmes/access", Access::kReaders, {"by", "from", "to"},
        [&ctx](Call& c) {
          const auto o = Options(c, {"kecamatan", "desa", "posyandu"});
          if (!o) return;
          const app::AccessComparison a =
              ctx.Read([&](store::Workspace& ws) { return app::AgainstAccess(ws, *o); });
          Json body = {{"baris", report::ToJson(a.table)}, {"n", a.n}};
          body["spearman_menit_ds"] =
              a.spearman_menit_ds ? Json(*a.spearman_menit_ds) : Json(nullptr);
          SendJson(c, body);
        });
  r.Add("GET", "/api/v1/programmes/stunting", Access::kReaders, {"format"}, [&ctx](Call& c) {
    SendTable(c, ctx.Read([](store::Workspace& ws) { return app::StuntingBySource(ws).table; }));
  });
  r.Add("GET", "/api/v1/programmes/tpps", Access::kReaders, {"from", "to", "format"},
        [&ctx](Call& c) {
          const auto o = Options(c, {});
          if (!o) return;
          const auto t =
              ctx.Read([&](store::Workspace& ws) { return app::TppsBoard(ws, o->from, o->to); });
          if (!t) return SendFailure(c, t.error());
          SendTable(c, *t);
        });
  r.Add("GET", "/api/v1/programmes/skdn", Access::kLoggedIn, {"from", "to", "format"},
        [&ctx](Call& c) { Skdn(ctx, c); });
  r.Add("GET", "/api/v1/programmes/map", Access::kReaders, {"from", "to"}, [&ctx](Call& c) {
    const auto o = Options(c, {});
    if (!o) return;
    c.res.body = ctx.Read([&](store::Workspace& ws) {
      return report::FeatureCollection(app::ProgrammesMap(ws, *o), 0.0002);
    });
    c.res.status = 200;
    c.res.content_type = kGeoJsonType;
  });
}

}  // namespace jangkau::server
