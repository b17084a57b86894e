// Cadres, staffing need, the proposal with its workbook, and the audit log.
#include <charconv>
#include <cmath>

#include "app/needs_service.h"
#include "app/needs_tables.h"
#include "app/request_limits.h"
#include "model/date.h"
#include "report/workspace_tables.h"
#include "server/routes.h"

namespace jangkau::server {
namespace {

// A query parameter as a finite number within `limit`; std::nullopt after a 400.
std::optional<double> NumberParam(Call& c, const std::string& key, const std::string& value,
                                  app::Limit limit, bool whole = false) {
  double v = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v) || (whole && std::floor(v) != v)) {
    SendError(c, Msg::kHttpBadParam, {key.substr(0, 64), value.substr(0, 64)});
    return std::nullopt;
  }
  if (auto e = app::OutsideLimit(key.c_str(), v, limit)) {
    SendFailure(c, *e);
    return std::nullopt;
  }
  return v;
}

// The proposal's parameters from the query string; std::nullopt after an error response.
std::optional<app::ProposalRequest> ProposalParams(ServerContext& ctx, Call& c) {
  app::ProposalRequest request;
  request.year = Date::Today().year + 1;
  request.attrition_rate = 0.02;
  const CadreCatalog cadres = ctx.Read([](auto& ws) { return ws.Cadres(); });
  for (const auto& [key, value] : c.req.query) {
    if (key == "method" || key == "lang" || key == "format") continue;
    std::optional<double> v;
    if (key == "budget") {
      v = NumberParam(c, key, value, app::kBudget);
      if (!v) return std::nullopt;
      request.options.budget = units::Rupiah(*v);
    } else if (key == "year") {
      v = NumberParam(c, key, value, app::kYear, true);
      if (!v) return std::nullopt;
      request.year = static_cast<int>(*v);
    } else if (key.starts_with("w_")) {
      v = NumberParam(c, key, value, app::kWeight);
      if (!v) return std::nullopt;
      if (key == "w_shortage") request.weights.shortage = *v;
      if (key == "w_population") request.weights.population = *v;
      if (key == "w_remoteness") request.weights.remoteness = *v;
      if (key == "w_flood") request.weights.flood = *v;
    } else if (key.starts_with("ceiling_")) {
      v = NumberParam(c, key, value, app::kCeiling, true);
      if (!v) return std::nullopt;
      auto cadre = cadres.Normalize(key.substr(8));
      if (!cadre) {
        SendError(c, Msg::kHttpBadParam, {key.substr(0, 64), value.substr(0, 64)});
        return std::nullopt;
      }
      request.options.cadre_ceilings[*cadre] = static_cast<int>(*v);
    }
  }
  const std::string method = c.Param("method", "norms");
  const auto methods = app::ParseNeedMethods(method);
  if (!methods || methods->size() != 1) {
    SendError(c, Msg::kHttpBadParam, {"method", method.substr(0, 64)});
    return std::nullopt;
  }
  request.needs.methods = *methods;
  return request;
}

// The cache key of a request: the route and its parameters (all known: the router refused
// the others).
std::string Key(const Call& c, const std::string& route) {
  std::string key = route;
  for (const auto& [k, v] : c.req.query) key.append("|").append(k).append("=").append(v);
  return key;
}

void Proposal(ServerContext& ctx, Call& c, bool workbook) {
  auto request = ProposalParams(ctx, c);
  if (!request) return;
  auto compute = [&]() -> std::optional<app::ProposalReport> {
    auto report = ctx.Read([&](store::Workspace& ws) {
      request->needs.only = RegionFacilities(c, ws);
      return app::ComputeProposal(ws, *request);
    });
    if (!report) {
      SendFailure(c, report.error());
      return std::nullopt;
    }
    return std::move(*report);
  };
  if (workbook) {
    auto report = compute();
    if (!report) return;
    TempFile file(".xlsx");
    if (auto w = report::WriteWorkbook(app::ProposalWorkbook(*report, c.lang), file.path()); !w) {
      return SendFailure(c, w.error());
    }
    return SendDownload(c, file.Read(),
                        "usulan_formasi_" + std::to_string(request->year) + ".xlsx");
  }
  ctx.Cached(c, Key(c, "proposal"), kJsonType, [&]() -> std::optional<std::string> {
    auto report = compute();
    if (!report) return std::nullopt;
    const auto sheets = app::ProposalWorkbook(*report, c.lang);
    const auto& p = report->proposal;
    int funded = 0;
    Json lines = Json::array();
    for (const auto& l : p.lines) {
      funded += l.funded ? 1 : 0;
      const auto name = report->needs.inputs.facility_names.find(l.priority.need.kode_faskes);
      lines.push_back(
          {{"rank", l.priority.rank},
           {"kode_faskes", l.priority.need.kode_faskes},
           {"nama_faskes", name != report->needs.inputs.facility_names.end() ? name->second : ""},
           {"kelompok", l.priority.need.group_name},
           {"jenis_tenaga", l.cadre},
           {"indeks", l.priority.index},
           {"formasi", l.positions},
           {"biaya_satuan", l.unit_cost.value()},
           {"biaya_total", l.total_cost.value()},
           {"didanai", l.funded},
           {"alasan", l.reason}});
    }
    return Dump(Json{{"summary",
                      {{"year", request->year},
                       {"budget", p.budget.value()},
                       {"total_cost", p.total_cost.value()},
                       {"positions", p.positions},
                       {"lines", p.lines.size()},
                       {"funded_lines", funded}}},
                     {"lines", lines},
                     {"sheets", report::ToJson(sheets)}});
  });
}

}  // namespace

void AddNeedsRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/cadres", Access::kLoggedIn, {"format"}, [&ctx](Call& c) {
     SendTable(c, report::CadresTable(ctx.Read([](auto& ws) { return ws.Cadres(); }).cadres()));
   }).Regional();  // the catalogue, no district's records
  r.Add("GET", "/api/v1/needs", Access::kReaders, {"method", "by", "format"}, [&ctx](Call& c) {
     const std::string method = c.Param("method", "norms");
     const std::string by = c.Param("by", "facility");
     const auto methods = app::ParseNeedMethods(method);
     if (!methods) return SendError(c, Msg::kHttpBadParam, {"method", method.substr(0, 64)});
     if (by != "facility" && by != "cadre") {
       return SendError(c, Msg::kHttpBadParam, {"by", by.substr(0, 64)});
     }
     ctx.CachedTable(c, "needs|" + method + "|" + by, [&]() -> std::optional<report::Table> {
       app::NeedsRequest request;
       request.methods = *methods;
       auto report = ctx.Read([&](store::Workspace& ws) {
         request.only = RegionFacilities(c, ws);
         return app::ComputeNeeds(ws, request);
       });
       if (!report) {
         SendFailure(c, report.error());
         return std::nullopt;
       }
       return by == "cadre" ? app::CadreTotalsTable(*report) : app::NeedLinesTable(*report, c.lang);
     });
   }).Regional();
  const std::vector<std::string> proposal_params = {"method",     "budget",       "year",
                                                    "w_shortage", "w_population", "w_remoteness",
                                                    "w_flood",    "ceiling_*"};
  r.Add("GET", "/api/v1/proposal", Access::kReaders, proposal_params, [&ctx](Call& c) {
     Proposal(ctx, c, false);
   }).Regional();
  r.Add("GET", "/api/v1/proposal/workbook", Access::kReaders, proposal_params, [&ctx](Call& c) {
     Proposal(ctx, c, true);
   }).Regional();
  r.Add("GET", "/api/v1/audit", Access::kPlanners, {"limit", "format"}, [&ctx](Call& c) {
    double limit = 200;
    if (c.Has("limit")) {
      auto v = NumberParam(c, "limit", c.Param("limit"), app::Limit{1, 10000}, true);
      if (!v) return;
      limit = *v;
    }
    SendTable(c, report::AuditTable(
                     ctx.Read([&](auto& ws) { return ws.Audit(static_cast<int64_t>(limit)); })));
  });
}

}  // namespace jangkau::server
