// Emergency response for dispatchers (docs/emergency.md, docs/http.md): the units, the board of
// open incidents, intake, lifecycle events, the recommendation by travel time and the
// response-time summary. The dispatch model (a friction per unit kind) is built once per
// scenario and kept while no data is imported; a recommendation then costs tens of
// milliseconds.
#include <charconv>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "app/dispatch_service.h"
#include "app/emergency_service.h"
#include "app/incident_review.h"
#include "app/reference_tables.h"
#include "app/request_limits.h"
#include "server/routes.h"

namespace jangkau::server {
namespace {

// The dispatch models by scenario ("" the baseline), each valid for the import it was built
// after. Used under the workspace lock (ServerContext::Read), which also serialises the searches
// (an EtaSearch is not thread-safe).
struct DispatchModels {
  std::map<std::string, std::pair<int64_t, std::unique_ptr<app::DispatchModel>>> by_scenario;

  std::expected<app::DispatchModel*, Error> For(const store::Workspace& ws, const Scenario* sc) {
    const std::string key = sc != nullptr ? sc->nama + "\n" + sc->waktu : "";
    const int64_t stamp = ws.LastImportId();
    auto& [built_at, model] = by_scenario[key];
    if (!model || built_at != stamp) {
      auto built = app::BuildDispatchModel(ws, sc, {});
      if (!built) return std::unexpected(built.error());
      model = std::move(*built);
      built_at = stamp;
    }
    return model.get();
  }
};

// An optional ISO 8601 field: the time given, or now; std::nullopt after a 400.

void CreateIncident(ServerContext& ctx, Call& c) {
  auto body = BodyObject(c);
  if (!body) return;
  app::IncidentRequest r;
  std::string waktu, prioritas, sumber = "119", kategori;
  double lon = 0;
  double lat = 0;
  int pasien = 1;
  FieldReader f(*body);
  f.Text("waktu", waktu, 40)
      .Choice("prioritas", prioritas, {"P1", "P2", "P3", "P4"})
      .Text("kategori", kategori, 40, true)
      .Choice("sumber", sumber, {"119", "112", "web", "telepon"})
      .Integer("pasien", pasien, 0, 1000)
      .Text("pelapor", r.incident.pelapor, app::kMaxNameChars)
      .Text("telepon", r.incident.telepon, 32)
      .Text("keterangan", r.incident.keterangan, app::kMaxTextChars)
      .Text("desa", r.desa, 32);
  const bool has_point = body->contains("lon") || body->contains("lat");
  if (has_point) {
    f.Number("lon", lon, app::kLon.lo, app::kLon.hi, true)
        .Number("lat", lat, app::kLat.lo, app::kLat.hi, true);
  }
  if (f.ok() && prioritas.empty()) f.Fail(Msg::kHttpFieldRequired, {"prioritas"});
  if (Refused(c, f)) return;
  auto category = ParseIncidentCategory(kategori);
  if (!category) {
    return SendError(c, Msg::kHttpFieldChoice, {"kategori", kategori, IncidentCategoryChoices()},
                     {{"field", "kategori"}});
  }
  auto when = TimeField(c, waktu, "waktu");
  if (!when) return;
  r.incident.waktu = *when;
  r.incident.kategori = *category;
  // Both were checked against their choices above.
  r.incident.prioritas = ParsePriority(prioritas).value_or(Priority::kP3);
  r.incident.sumber = ParseIncidentSource(sumber).value_or(IncidentSource::k119);
  r.incident.pasien = pasien;
  if (has_point) {
    r.lon = lon;
    r.lat = lat;
  }
  auto id = ctx.Read(
      [&](store::Workspace& ws) { return app::CreateIncident(ws, r, c.session.username); });
  if (!id) return SendFailure(c, id.error());
  ctx.Changed();
  ctx.Publish("papan", Json{{"insiden", *id}, {"status", "baru"}}.dump());
  SendJson(c, {{"id", *id}}, 201);
}

void RecordEvent(ServerContext& ctx, Call& c, int64_t id) {
  auto body = BodyObject(c);
  if (!body) return;
  std::string status, waktu;
  IncidentEvent event;
  FieldReader f(*body);
  f.Text("status", status, 40, true)
      .Text("waktu", waktu, 40)
      .Text("unit", event.unit, 32)
      .Text("faskes", event.faskes, 32);
  if (Refused(c, f)) return;
  auto to = ParseIncidentStatus(status);
  if (!to) {
    return SendError(c, Msg::kHttpFieldChoice, {"status", status, IncidentStatusChoices()},
                     {{"field", "status"}});
  }
  auto when = TimeField(c, waktu, "waktu");
  if (!when) return;
  event.to = *to;
  event.waktu = *when;
  event.pengguna = c.session.username;
  auto after = ctx.Read([&](store::Workspace& ws) { return app::RecordEvent(ws, id, event); });
  if (!after) return SendFailure(c, after.error());
  ctx.Changed();
  ctx.Publish("papan", Json{{"insiden", after->id},
                            {"status", std::string(IncidentStatusKey(after->status))}}
                           .dump());
  SendJson(c, {{"id", after->id},
               {"status", std::string(IncidentStatusKey(after->status))},
               {"unit", after->unit}});
}

std::optional<int64_t> IncidentId(Call& c) {
  const std::string& text = c.captures.front();
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    SendError(c, Msg::kHttpNotFound, {text});
    return std::nullopt;
  }
  return id;
}

}  // namespace

std::optional<Instant> TimeField(Call& c, const std::string& text, const char* field) {
  if (text.empty()) return Now();
  auto t = Instant::Parse(text);
  if (!t) SendError(c, Msg::kBadInstant, {field, text}, {{"field", field}});
  return t;
}

std::optional<std::pair<std::optional<Date>, std::optional<Date>>> DateRange(Call& c) {
  std::pair<std::optional<Date>, std::optional<Date>> range;
  for (auto [name, date] : {std::pair{"from", &range.first}, std::pair{"to", &range.second}}) {
    if (!c.Has(name)) continue;
    *date = Date::Parse(c.Param(name));
    if (!*date) {
      SendError(c, Msg::kHttpBadParam, {name, c.Param(name)});
      return std::nullopt;
    }
  }
  return range;
}

Instant Now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

void AddEmergencyRoutes(Router& r, ServerContext& ctx) {
  auto models = std::make_shared<DispatchModels>();
  r.Add("GET", "/api/v1/emergency/units", Access::kDispatch, {"format"},
        [&ctx](Call& c) { SendTable(c, ctx.Read([](auto& ws) { return app::UnitsTable(ws); })); });
  // The board: open incidents (all with ?semua=1), oldest call first.
  r.Add("GET", "/api/v1/emergency/incidents", Access::kDispatch, {"format", "semua"},
        [&ctx](Call& c) {
          app::IncidentReviewOptions options;
          options.open_only = c.Param("semua") != "1";
          auto t = ctx.Read([&](auto& ws) { return app::IncidentReview(ws, options, {}); });
          if (!t) return SendFailure(c, t.error());
          SendTable(c, *t);
        });
  // The board's changes as server-sent events (`event: papan`, data {insiden, status}): a page
  // reloads the board when one arrives instead of polling.
  r.Add("GET", "/api/v1/emergency/stream", Access::kDispatch, {}, [](Call& c) {
    c.res.status = 200;
    c.res.content_type = "text/event-stream; charset=utf-8";
    c.res.body = "retry: 5000\n\n";
    c.res.event_stream = true;
  });
  r.Add("POST", "/api/v1/emergency/incidents", Access::kDispatch, {},
        [&ctx](Call& c) { CreateIncident(ctx, c); });
  r.Add("POST", "/api/v1/emergency/incidents/{id}/events", Access::kDispatch, {}, [&ctx](Call& c) {
    if (auto id = IncidentId(c)) RecordEvent(ctx, c, *id);
  });
  r.Add("GET", "/api/v1/emergency/incidents/{id}/recommendation", Access::kDispatch,
        {"skenario", "top"}, [&ctx, models](Call& c) {
          auto id = IncidentId(c);
          if (!id) return;
          const std::string scenario = c.Param("skenario");
          int64_t top = 0;
          if (c.Has("top")) {
            const std::string text = c.Param("top");
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), top);
            if (ec != std::errc() || end != text.data() + text.size() || top < 1 || top > 1000) {
              return SendError(c, Msg::kHttpBadParam, {"top", text});
            }
          }
          auto result = ctx.Read([&](store::Workspace& ws) -> std::expected<Json, Error> {
            std::optional<Scenario> sc;
            if (!scenario.empty()) {
              sc = ws.FindScenario(scenario);
              if (!sc) return std::unexpected(Error{Msg::kHttpNotFound, {scenario}});
            }
            auto model = models->For(ws, sc ? &*sc : nullptr);
            if (!model) return std::unexpected(model.error());
            auto rec = app::Recommend(ws, **model, *id);
            if (!rec) return std::unexpected(rec.error());
            if (top > 0 && rec->units.size() > static_cast<std::size_t>(top)) {
              rec->units.resize(static_cast<std::size_t>(top));
            }
            return app::RecommendationJson(*rec);
          });
          if (!result) return SendFailure(c, result.error());
          SendJson(c, *result);
        });
  r.Add("GET", "/api/v1/emergency/kpi", Access::kDispatch, {"format", "by", "from", "to"},
        [&ctx](Call& c) {
          auto by = app::ParseKpiGrouping(c.Param("by", "prioritas"));
          if (!by) return SendError(c, Msg::kHttpBadParam, {"by", c.Param("by")});
          const auto range = DateRange(c);
          if (!range) return;
          auto t = ctx.Read([&](store::Workspace& ws) -> std::expected<report::Table, Error> {
            auto targets = app::LoadResponseTargets(ws);
            if (!targets) return std::unexpected(targets.error());
            return app::KpiTable(ws.Incidents(), *by, range->first, range->second, *targets,
                                 ws.Scenarios());
          });
          if (!t) return SendFailure(c, t.error());
          SendTable(c, *t);
        });
}

}  // namespace jangkau::server
