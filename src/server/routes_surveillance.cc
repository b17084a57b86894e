// The early warning's data (docs/surveillance.md, docs/http.md): the disease list, completeness
// and timeliness, the alerts of every method with the data-quality flags and the monthly shares
// (with a flood scenario: each alert's flooded catchment and nearest response unit), a step of an
// alert's lifecycle, one facility's series with the methods' bounds, and the map of the alerts.
// A facility's weekly form is with the facility's other reports (routes_facilities.cc).
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "app/import_service.h"
#include "app/reference_tables.h"
#include "app/surveillance_flood.h"
#include "app/surveillance_service.h"
#include "base/text_util.h"
#include "report/geojson.h"
#include "report/workspace_tables.h"
#include "server/routes.h"
#include "surveillance/ears.h"
#include "surveillance/farrington.h"

namespace jangkau::server {
namespace {

// ?from= and ?to= as epidemiological weeks; std::nullopt after a 400.
std::optional<std::pair<std::optional<EpiWeek>, std::optional<EpiWeek>>> WeekRange(Call& c) {
  std::pair<std::optional<EpiWeek>, std::optional<EpiWeek>> out;
  for (auto [name, week] : {std::pair{"from", &out.first}, std::pair{"to", &out.second}}) {
    const std::string text = c.Param(name);
    if (text.empty()) continue;
    *week = EpiWeek::Parse(text);
    if (!*week) {
      SendError(c, Msg::kHttpBadParam, {name, Utf8Prefix(text, 32)});
      return std::nullopt;
    }
  }
  return out;
}

// ?b= (Farrington's years back, 1-10; default 5).
std::optional<int> YearsBack(Call& c) {
  const std::string text = c.Param("b", "5");
  int b = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), b);
  if (ec != std::errc() || end != text.data() + text.size() || b < 1 || b > 10) {
    SendError(c, Msg::kHttpBadParam, {"b", Utf8Prefix(text, 32)});
    return std::nullopt;
  }
  return b;
}

std::optional<app::AlertOptions> AlertQuery(Call& c) {
  app::AlertOptions o;
  const std::string method = c.Param("method", "all");
  auto methods = app::ParseAlertMethods(method);
  if (!methods) {
    SendError(
        c, Msg::kHttpBadParam,
        {"method", Utf8Prefix(method, 32) + " (" + std::string(app::kAlertMethodChoices) + ")"});
    return std::nullopt;
  }
  o.methods = *methods;
  const auto range = WeekRange(c);
  if (!range) return std::nullopt;
  o.from = range->first;
  o.to = range->second;
  const auto b = YearsBack(c);
  if (!b) return std::nullopt;
  o.farrington_b = *b;
  return o;
}

// GET /surveillance/alerts: {"peringatan", "mutu", "bulanan", "ditahan"}; with ?skenario= the
// alerts carry the flood's columns.
void Alerts(ServerContext& ctx, Call& c) {
  auto o = AlertQuery(c);
  if (!o) return;
  const std::string scenario = c.Param("skenario");
  auto body = ctx.Read([&](store::Workspace& ws) -> std::expected<Json, Error> {
    o->only = RegionFacilities(c, ws);
    auto r = app::ComputeAlerts(ws, *o);
    if (!r) return std::unexpected(r.error());
    Json out;
    if (scenario.empty()) {
      out["peringatan"] = report::ToJson(app::AlertsTable(*r));
    } else {
      auto flood = app::FloodLinks(ws, scenario);
      if (!flood) return std::unexpected(flood.error());
      out["peringatan"] = report::ToJson(app::AlertsFloodTable(*r, *flood));
    }
    out["mutu"] = report::ToJson(app::QualityTable(*r));
    out["bulanan"] = report::ToJson(app::AlertMonthsTable(*r));
    out["ditahan"] = r->withheld;
    return out;
  });
  if (!body) return SendFailure(c, body.error());
  SendJson(c, *body);
}

// A facility outside the session's region: answered 403 facility_outside_region.
bool RefusedOutsideRegion(ServerContext& ctx, Call& c, const std::string& kode) {
  if (FacilityInScope(ctx, c.session, kode)) return false;
  SendError(c, Msg::kHttpOutsideRegion, {kode.substr(0, 64), c.session.scope.wilayah()});
  return true;
}

// POST /surveillance/alerts/{id}/steps {"status", "waktu", "catatan"}.
void Step(ServerContext& ctx, Call& c) {
  const std::string id = c.captures.front();
  // The id begins with the facility's code ("P1606040201:2025-W07:A:ears-c1").
  const std::string kode = id.substr(0, id.find(':'));
  if (RefusedOutsideRegion(ctx, c, kode)) return;
  auto body = BodyObject(c);
  if (!body) return;
  std::string status, waktu, catatan;
  FieldReader f(*body);
  f.Text("status", status, 20, true).Text("waktu", waktu, 40).Text("catatan", catatan, 2000);
  if (Refused(c, f)) return;
  const auto to = ParseAlertStatus(status);
  if (!to || *to == AlertStatus::kTerbuka) {
    return SendError(c, Msg::kHttpFieldChoice,
                     {"status", status, "diverifikasi, direspons, bukan_klb"},
                     {{"field", "status"}});
  }
  const auto when = TimeField(c, waktu, "waktu");
  if (!when) return;
  auto done = ctx.Read([&](store::Workspace& ws) {
    return app::RecordAlertStep(ws, id, *to, *when, c.session.username, catatan);
  });
  if (!done) return SendFailure(c, done.error());
  ctx.Changed();
  SendJson(c, {{"id", id}, {"status", status}, {"waktu", when->Iso()}});
}

// GET /surveillance/series?faskes=&penyakit=: the weeks, the counts and, per method, the bound
// of each week (null where the method cannot compute) and the alarms.
void Series(ServerContext& ctx, Call& c) {
  const std::string kode = c.Param("faskes");
  const std::string penyakit = c.Param("penyakit");
  const auto b = YearsBack(c);
  if (!b) return;
  if (RefusedOutsideRegion(ctx, c, kode)) return;
  auto body = ctx.Read([&](store::Workspace& ws) -> std::expected<Json, Error> {
    auto thresholds = app::LoadSkdrThresholds(ws);
    if (!thresholds) return std::unexpected(thresholds.error());
    auto series = app::WeeklySeries(ws, kode, penyakit);
    if (!series) return std::unexpected(series.error());
    Json out = {{"faskes", kode},
                {"penyakit", penyakit},
                {"minggu", Json::array()},
                {"kasus", Json::array()}};
    for (std::size_t i = 0; i < series->weeks.size(); ++i) {
      out["minggu"].push_back(series->weeks[i].Text());
      out["kasus"].push_back(std::isnan(series->cases[i]) ? Json(nullptr) : Json(series->cases[i]));
    }
    auto bounds = [&](const std::optional<std::vector<surveillance::Detection>>& found) {
      Json upper = Json::array();
      Json alarm = Json::array();
      for (std::size_t i = 0; i < series->weeks.size(); ++i) {
        upper.push_back(nullptr);
        alarm.push_back(nullptr);
      }
      for (const auto& d : found.value_or(std::vector<surveillance::Detection>{})) {
        if (!std::isnan(d.upper)) upper[d.index] = d.upper;
        if (d.alarm) alarm[d.index] = *d.alarm;
      }
      return Json{{"batas", upper}, {"alarm", alarm}};
    };
    surveillance::EarsOptions c2;
    c2.method = surveillance::EarsMethod::kC2;
    out["ears_c2"] = bounds(surveillance::Ears(series->cases, c2));
    surveillance::FarringtonOptions fo;
    fo.b = *b;
    out["farrington"] = bounds(surveillance::Farrington(series->cases, fo));
    out["ambang_tetap"] = series->threshold ? Json(*series->threshold) : Json(nullptr);
    return out;
  });
  if (!body) return SendFailure(c, body.error());
  SendJson(c, *body);
}

// GET /surveillance/map: one FeatureCollection, `lapisan` naming the layer: faskes (each
// reporting facility with its alerts in the weeks asked, and with ?skenario= its flood link),
// wilayah_kerja (the villages of each catchment by travel time, with the scenario only), banjir
// and tutup (the scenario's flooded areas and closed facilities).
void AlertMap(ServerContext& ctx, Call& c) {
  auto o = AlertQuery(c);
  if (!o) return;
  const std::string scenario = c.Param("skenario");
  auto body = ctx.Read([&](store::Workspace& ws) -> std::expected<std::string, Error> {
    o->only = RegionFacilities(c, ws);
    auto r = app::ComputeAlerts(ws, *o);
    if (!r) return std::unexpected(r.error());
    std::map<std::string, app::FloodLink> flood;
    std::optional<Scenario> sc;
    if (!scenario.empty()) {
      auto links = app::FloodLinks(ws, scenario);
      if (!links) return std::unexpected(links.error());
      flood = std::move(*links);
      if (o->only) std::erase_if(flood, [&](const auto& f) { return !o->only->contains(f.first); });
      sc = ws.FindScenario(scenario);
    }
    std::map<std::string, int> count;
    std::map<std::string, std::set<std::string>> diseases;
    for (const app::Alert& a : r->alerts) {
      ++count[a.kode_faskes];
      diseases[a.kode_faskes].insert(a.penyakit);
    }
    std::vector<report::GeoFeature> features;
    std::map<std::string, std::string> catchment_of;
    for (const auto& [kode, link] : flood) {
      for (const std::string& d : link.desa) catchment_of[d] = kode;
    }
    if (!flood.empty()) {
      for (const Region& v : ws.Regions()) {
        const auto it = catchment_of.find(v.kode);
        if (v.level != RegionLevel::kDesa || v.geometry_wkb.empty() || it == catchment_of.end()) {
          continue;
        }
        const auto& banjir = flood.at(it->second).desa_banjir;
        features.push_back({v.geometry_wkb,
                            {{"lapisan", "wilayah_kerja"},
                             {"kode", v.kode},
                             {"nama", v.nama},
                             {"kode_faskes", it->second},
                             {"banjir", std::ranges::find(banjir, v.kode) != banjir.end()}}});
      }
    }
    for (const Facility& f : ws.Facilities()) {
      if (!f.lon || !f.lat) continue;
      const bool reports = count.contains(f.kode) || r->reporting.contains(f.kode);
      if (!reports) continue;
      std::string list;
      for (const std::string& d : diseases[f.kode]) list += (list.empty() ? "" : ", ") + d;
      Json p = {{"lapisan", "faskes"},
                {"kode", f.kode},
                {"nama", f.nama},
                {"peringatan", count[f.kode]},
                {"penyakit", list}};
      if (const auto it = flood.find(f.kode); it != flood.end()) {
        p["wilayah_kerja_banjir"] = !it->second.desa_banjir.empty();
        p["faskes_tutup"] = it->second.tutup;
        p["unit_terdekat"] = it->second.unit;
        p["menit_unit"] = it->second.menit_unit ? Json(*it->second.menit_unit) : Json(nullptr);
      }
      features.push_back({report::PointWkb(*f.lon, *f.lat), std::move(p)});
    }
    if (sc) {
      for (const FloodArea& a : sc->floods) {
        features.push_back({a.geometry_wkb, {{"lapisan", "banjir"}, {"desa", a.desa}}});
      }
    }
    return report::FeatureCollection(features, 0.0002);
  });
  if (!body) return SendFailure(c, body.error());
  c.res.body = std::move(*body);
  c.res.status = 200;
  c.res.content_type = kGeoJsonType;
}

// GET /facilities/{kode}/weekly/{minggu}: every disease of the list with the facility's count of
// that week (null where none was sent), for its form.
void WeekForm(ServerContext& ctx, Call& c) {
  const auto week = EpiWeek::Parse(c.captures.at(1));
  if (!week) return SendError(c, Msg::kHttpNotFound, {Utf8Prefix(c.captures.at(1), 32)});
  auto body = ctx.Read([&](store::Workspace& ws) -> std::expected<Json, Error> {
    auto diseases = app::LoadSkdrDiseases(ws);
    if (!diseases) return std::unexpected(diseases.error());
    std::map<std::string, const StoredWeeklyReport*> sent;
    const std::vector<StoredWeeklyReport> reports = ws.WeeklyReports();
    for (const StoredWeeklyReport& r : reports) {
      if (r.report.kode_faskes == c.kode() && r.report.minggu == *week) {
        sent[r.report.penyakit] = &r;
      }
    }
    Json rows = Json::array();
    for (const SkdrDisease& d : *diseases) {
      Json row = {{"penyakit", d.kode}, {"nama", d.nama},      {"name_en", d.name_en},
                  {"kasus", nullptr},   {"kematian", nullptr}, {"diterima", nullptr}};
      if (const auto it = sent.find(d.kode); it != sent.end()) {
        const WeeklyReport& r = it->second->report;
        row["kasus"] = r.kasus;
        if (r.kematian) row["kematian"] = *r.kematian;
        row["diterima"] = it->second->diterima.Iso();
      }
      rows.push_back(std::move(row));
    }
    return Json{{"kode_faskes", c.kode()}, {"minggu", week->Text()}, {"baris", rows}};
  });
  if (!body) return SendFailure(c, body.error());
  SendJson(c, *body);
}

// PUT /facilities/{kode}/weekly/{minggu}: [{"penyakit", "kasus", "kematian"}...], imported as
// the facility's own report of that week (a disease sent again replaces its count).
void PutWeek(ServerContext& ctx, Call& c) {
  const std::string minggu = c.captures.at(1);
  if (!EpiWeek::Parse(minggu)) return SendError(c, Msg::kHttpNotFound, {Utf8Prefix(minggu, 32)});
  auto rows = ParseJson(c.req.body);
  if (!rows) return SendFailure(c, rows.error());
  if (!rows->is_array()) return SendError(c, Msg::kHttpFieldType, {"(isi / body)", "array"});
  for (Json& row : *rows) {
    if (row.is_object()) row["minggu"] = minggu;
  }
  const std::vector<std::string> columns = {"kode_faskes", "minggu", "penyakit", "kasus",
                                            "kematian"};
  auto csv = FormCsv(*rows, columns, c.kode());
  if (!csv) return SendFailure(c, csv.error());
  ctx.Read([&](store::Workspace& ws) {
    SendImport(ctx, c,
               app::RunImportText(ws, app::ImportKind::kWeekly, "web:" + c.kode() + ":" + minggu,
                                  *csv, c.session.username, c.kode()),
               &columns);
  });
}

}  // namespace

void AddSurveillanceRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/surveillance/diseases", Access::kLoggedIn, {"format"}, [&ctx](Call& c) {
     auto t = ctx.Read([](store::Workspace& ws) { return app::DiseasesTable(ws); });
     if (!t) return SendFailure(c, t.error());
     SendTable(c, *t);
   }).Regional();
  // A district's users see only their facilities' reports, alerts and series.
  r.Add("GET", "/api/v1/surveillance/completeness", Access::kReaders,
        {"from", "to", "by", "deadline_hours", "format"},
        [&ctx](Call& c) {
          app::CompletenessOptions o;
          const auto range = WeekRange(c);
          if (!range) return;
          o.from = range->first;
          o.to = range->second;
          const std::string by = c.Param("by", "faskes");
          if (by != "faskes" && by != "minggu") {
            return SendError(c, Msg::kHttpBadParam,
                             {"by", Utf8Prefix(by, 32) + " (faskes, minggu)"});
          }
          o.by_week = by == "minggu";
          const std::string hours = c.Param("deadline_hours", "72");
          const auto [end, ec] =
              std::from_chars(hours.data(), hours.data() + hours.size(), o.deadline_hours);
          if (ec != std::errc() || end != hours.data() + hours.size() || o.deadline_hours < 0 ||
              o.deadline_hours > 24 * 60) {
            return SendError(c, Msg::kHttpBadParam, {"deadline_hours", Utf8Prefix(hours, 32)});
          }
          SendTable(c, ctx.Read([&](store::Workspace& ws) {
            o.only = RegionFacilities(c, ws);
            return app::CompletenessTable(ws, o);
          }));
        })
      .Regional();
  r.Add("GET", "/api/v1/surveillance/alerts", Access::kReaders,
        {"method", "from", "to", "b", "skenario"}, [&ctx](Call& c) { Alerts(ctx, c); })
      .Regional();
  r.Add("POST", "/api/v1/surveillance/alerts/{id}/steps", Access::kPlanners, {}, [&ctx](Call& c) {
     Step(ctx, c);
   }).Regional();
  r.Add("GET", "/api/v1/surveillance/map", Access::kReaders,
        {"method", "from", "to", "b", "skenario"}, [&ctx](Call& c) { AlertMap(ctx, c); })
      .Regional();
  r.Add("GET", "/api/v1/facilities/{kode}/weekly/{minggu}", Access::kFacilityRead, {},
        [&ctx](Call& c) { WeekForm(ctx, c); })
      .Regional();
  r.Add("PUT", "/api/v1/facilities/{kode}/weekly/{minggu}", Access::kFacilityWrite, {},
        [&ctx](Call& c) { PutWeek(ctx, c); })
      .Regional();
  r.Add("GET", "/api/v1/surveillance/series", Access::kReaders, {"faskes", "penyakit", "b"},
        [&ctx](Call& c) { Series(ctx, c); })
      .Regional();
}

}  // namespace jangkau::server
