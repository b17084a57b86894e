// Emergency response (Call 112 / PSC 119), docs/emergency.md:
// jangkau unit add --workspace W --kode K --jenis ambulans|motor|perahu|tim_kunjungan --lon X
//         --lat Y [--nama N] [--pangkalan KODE_FASKES]
// jangkau unit list --workspace W [--format table|csv|json]
// jangkau incident create --workspace W --waktu ISO8601 --prioritas P1|P2|P3|P4 --kategori K
//         (--lon X --lat Y | --desa KODE) [--sumber 119|112|web|telepon] [--pasien N]
//         -> the new incident's id alone on the last line of stdout
// jangkau incident event --workspace W --id ID --status STATUS --waktu ISO8601 [--unit K]
//         [--faskes KODE]
// jangkau incident recommend --workspace W --id ID [--scenario NAME] [--format table|csv|json]
//         -> json: {"unit": [{"kode", "jenis", "menit"}...] ascending, "tujuan": {"kode", "menit"}}
// jangkau incident list --workspace W [--from DATE] [--to DATE] [--eta] [--format table|csv|json]
// jangkau incident kpi --workspace W [--from DATE] [--to DATE] [--by
// prioritas|kecamatan|desa|bulan|banjir]
//         [--format csv|json]
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/dispatch_service.h"
#include "app/emergency_service.h"
#include "app/incident_review.h"
#include "app/reference_tables.h"
#include "app/request_limits.h"
#include "cli/cli_context.h"
#include "cli/plan_helpers.h"
#include "cli/progress_bar.h"

namespace jangkau::cli {
namespace {

// A refusal of the data (a bad value, a conflict, an illegal transition) exits 1; a missing
// workspace or a failed write 3.
int ExitFor(const Error& e) {
  const int status = MsgStatus(e.msg);
  return status == 400 || status == 404 || status == 409 || status == 422 ? kExitRefused
                                                                          : kExitFailed;
}

template <typename T, typename Parse>
std::optional<T> Choice(CliContext& ctx, const char* option, const std::string& text, Parse parse,
                        const std::string& choices) {
  auto v = parse(text);
  if (!v) {
    ctx.exit_code = ctx.Fail(Error{Msg::kBadChoice, {option, text, choices}}, kExitUsage);
  }
  return v;
}

void AddUnitCommands(CLI::App& app, CliContext& ctx) {
  auto* unit = app.add_subcommand(
      "unit", ctx.T("unit tanggap darurat: ambulans, motor, perahu, tim kunjungan",
                    "emergency units: ambulances, motorbikes, boats, home-visit teams"));
  unit->require_subcommand(1);

  struct AddOptions {
    std::string workspace, kode, jenis, nama, pangkalan;
    double lon = 0;
    double lat = 0;
  };
  auto add = std::make_shared<AddOptions>();
  auto* a = unit->add_subcommand("add", ctx.T("menambah unit", "add a unit"));
  a->add_option("--workspace,-w", add->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  a->add_option("--kode", add->kode, ctx.T("kode unit", "unit code"))->required();
  a->add_option("--jenis", add->jenis, "ambulans|motor|perahu|tim_kunjungan")->required();
  a->add_option("--lon", add->lon, ctx.T("bujur posisi", "longitude"))->required();
  a->add_option("--lat", add->lat, ctx.T("lintang posisi", "latitude"))->required();
  a->add_option("--nama", add->nama, ctx.T("nama unit", "unit name"));
  a->add_option("--pangkalan", add->pangkalan,
                ctx.T("kode fasyankes pangkalan", "code of the base facility"));
  a->callback([&ctx, add] {
    auto jenis = Choice<UnitKind>(ctx, "--jenis", add->jenis, ParseUnitKind, UnitKindChoices());
    if (!jenis) return;
    auto ws = OpenWorkspace(ctx, add->workspace);
    if (!ws) return;
    EmergencyUnit u;
    u.kode = add->kode;
    u.nama = add->nama;
    u.jenis = *jenis;
    u.pangkalan = add->pangkalan;
    u.lon = add->lon;
    u.lat = add->lat;
    if (auto r = app::AddUnit(*ws, u, CurrentUser()); !r) {
      ctx.exit_code = ctx.Fail(r.error(), ExitFor(r.error()));
      return;
    }
    ctx.out << fmt::format(fmt::runtime(ctx.T("unit {} ({}) disimpan", "unit {} ({}) stored")),
                           u.kode, UnitKindKey(u.jenis))
            << '\n';
  });

  struct ListOptions {
    std::string workspace;
    std::string format = "table";
  };
  auto list = std::make_shared<ListOptions>();
  auto* l = unit->add_subcommand("list", ctx.T("daftar unit dan statusnya", "units and status"));
  l->add_option("--workspace,-w", list->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  l->add_option("--format", list->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  l->callback([&ctx, list] {
    auto ws = OpenWorkspace(ctx, list->workspace);
    if (!ws) return;
    PrintTable(ctx, app::UnitsTable(*ws), list->format);
  });
}

void AddIncidentCommands(CLI::App& app, CliContext& ctx) {
  auto* incident = app.add_subcommand(
      "incident", ctx.T("insiden gawat darurat: terima, status, analisis waktu respons",
                        "emergency incidents: intake, status, response-time analysis"));
  incident->require_subcommand(1);

  struct CreateOptions {
    std::string workspace, waktu, prioritas, kategori, desa, sumber = "119", pelapor, telepon,
                                                             keterangan;
    std::optional<double> lon, lat;
    int pasien = 1;
  };
  auto create = std::make_shared<CreateOptions>();
  auto* c = incident->add_subcommand("create", ctx.T("mencatat panggilan", "record a call"));
  c->add_option("--workspace,-w", create->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  c->add_option("--waktu", create->waktu,
                ctx.T("waktu panggilan, ISO 8601 (tanpa zona: WIB)",
                      "time of the call, ISO 8601 (no zone: WIB)"))
      ->required();
  c->add_option("--prioritas", create->prioritas, "P1|P2|P3|P4")->required();
  c->add_option("--kategori", create->kategori, IncidentCategoryChoices())->required();
  c->add_option("--lon", create->lon, ctx.T("bujur lokasi", "longitude of the place"));
  c->add_option("--lat", create->lat, ctx.T("lintang lokasi", "latitude of the place"));
  c->add_option("--desa", create->desa, ctx.T("kode desa (pusatnya)", "village code (its centre)"));
  c->add_option("--sumber", create->sumber, "119|112|web|telepon");
  c->add_option("--pasien", create->pasien, ctx.T("jumlah pasien", "number of patients"))
      ->check(CLI::Range(0, 1000));
  c->add_option("--pelapor", create->pelapor, ctx.T("nama pelapor", "caller's name"));
  c->add_option("--telepon", create->telepon, ctx.T("telepon pelapor", "caller's phone"));
  c->add_option("--keterangan", create->keterangan, ctx.T("keterangan", "free text"));
  c->callback([&ctx, create] {
    const auto waktu = Instant::Parse(create->waktu);
    if (!waktu) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadValue, {"--waktu", create->waktu}}, kExitUsage);
      return;
    }
    auto prioritas =
        Choice<Priority>(ctx, "--prioritas", create->prioritas, ParsePriority, "P1, P2, P3, P4");
    if (!prioritas) return;
    auto kategori = Choice<std::string>(ctx, "--kategori", create->kategori, ParseIncidentCategory,
                                        IncidentCategoryChoices());
    if (!kategori) return;
    auto sumber = Choice<IncidentSource>(ctx, "--sumber", create->sumber, ParseIncidentSource,
                                         IncidentSourceChoices());
    if (!sumber) return;
    if (create->lon.has_value() != create->lat.has_value() ||
        (create->lon.has_value() == !create->desa.empty())) {
      ctx.exit_code = ctx.Fail(Error{Msg::kIncidentNoPlace, {}}, kExitUsage);
      return;
    }
    auto ws = OpenWorkspace(ctx, create->workspace);
    if (!ws) return;
    app::IncidentRequest request;
    request.incident.waktu = *waktu;
    request.incident.prioritas = *prioritas;
    request.incident.kategori = *kategori;
    request.incident.sumber = *sumber;
    request.incident.pasien = create->pasien;
    request.incident.pelapor = create->pelapor;
    request.incident.telepon = create->telepon;
    request.incident.keterangan = create->keterangan;
    request.lon = create->lon;
    request.lat = create->lat;
    request.desa = create->desa;
    auto id = app::CreateIncident(*ws, request, CurrentUser());
    if (!id) {
      ctx.exit_code = ctx.Fail(id.error(), ExitFor(id.error()));
      return;
    }
    ctx.out << ctx.T("insiden dicatat; nomornya:", "incident recorded; its id:") << '\n'
            << *id << '\n';
  });

  struct EventOptions {
    std::string workspace, status, waktu, unit, faskes;
    int64_t id = 0;
  };
  auto event = std::make_shared<EventOptions>();
  auto* e = incident->add_subcommand(
      "event", ctx.T("mencatat perubahan status", "record a change of status"));
  e->add_option("--workspace,-w", event->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  e->add_option("--id", event->id, ctx.T("nomor insiden", "incident id"))->required();
  e->add_option("--status", event->status, IncidentStatusChoices())->required();
  e->add_option("--waktu", event->waktu, ctx.T("waktu, ISO 8601", "time, ISO 8601"))->required();
  e->add_option("--unit", event->unit, ctx.T("kode unit yang dikirim", "code of the unit sent"));
  e->add_option("--faskes", event->faskes, ctx.T("fasyankes tujuan", "destination facility"));
  e->callback([&ctx, event] {
    const auto waktu = Instant::Parse(event->waktu);
    if (!waktu) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadValue, {"--waktu", event->waktu}}, kExitUsage);
      return;
    }
    auto status = Choice<IncidentStatus>(ctx, "--status", event->status, ParseIncidentStatus,
                                         IncidentStatusChoices());
    if (!status) return;
    auto ws = OpenWorkspace(ctx, event->workspace);
    if (!ws) return;
    const IncidentEvent ev{*status, *waktu, CurrentUser(), event->unit, event->faskes};
    auto after = app::RecordEvent(*ws, event->id, ev);
    if (!after) {
      ctx.exit_code = ctx.Fail(after.error(), ExitFor(after.error()));
      return;
    }
    ctx.out << fmt::format(fmt::runtime(ctx.T("insiden {}: {} pada {}", "incident {}: {} at {}")),
                           after->id, IncidentStatusKey(after->status), waktu->Iso())
            << '\n';
  });

  struct RecommendOptions {
    std::string workspace, scenario, format = "table";
    int64_t id = 0;
    app::DispatchOptions dispatch;
    double max_minutes = 360;
    std::size_t top = 0;
  };
  auto rec = std::make_shared<RecommendOptions>();
  auto* r = incident->add_subcommand(
      "recommend", ctx.T("unit tersedia diurutkan menurut menit perjalanan ke insiden, dan faskes "
                         "tujuan terdekat",
                         "available units ranked by travel minutes to the incident, and the "
                         "nearest destination facility"));
  r->add_option("--workspace,-w", rec->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  r->add_option("--id", rec->id, ctx.T("nomor insiden", "incident id"))->required();
  r->add_option("--scenario", rec->scenario,
                ctx.T("skenario yang berlaku (mis. banjir); bawaan: kondisi dasar",
                      "scenario in force (e.g. a flood); default: the baseline"));
  r->add_option(
       "--resolution", rec->dispatch.model.resolution_m,
       ctx.T("ukuran sel grid dalam meter (bawaan 100)", "grid cell size in metres (default 100)"))
      ->check(CLI::Range(app::kResolutionM.lo, app::kResolutionM.hi));
  r->add_option(
       "--max-menit", rec->max_minutes,
       ctx.T("batas pencarian dalam menit (bawaan 360)", "search bound in minutes (default 360)"))
      ->check(CLI::Range(1.0, 24.0 * 60));
  r->add_option(
       "--top", rec->top,
       ctx.T("hanya N unit teratas (bawaan: semua)", "only the first N units (default: all)"))
      ->check(CLI::PositiveNumber);
  r->add_option("--format", rec->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  r->callback([&ctx, rec] {
    auto ws = OpenWorkspace(ctx, rec->workspace);
    if (!ws) return;
    if (!ws->FindIncident(rec->id)) {
      ctx.exit_code =
          ctx.Fail(Error{Msg::kUnknownIncident, {std::to_string(rec->id)}}, kExitRefused);
      return;
    }
    std::optional<Scenario> sc;
    if (!rec->scenario.empty()) {
      sc = FindScenario(ctx, *ws, rec->scenario);
      if (!sc) return;
    }
    rec->dispatch.max_minutes = units::Minutes{rec->max_minutes};
    auto model = app::BuildDispatchModel(*ws, sc ? &*sc : nullptr, rec->dispatch);
    if (!model) {
      ctx.exit_code = ctx.Fail(model.error(), ExitFor(model.error()));
      return;
    }
    auto result = app::Recommend(*ws, **model, rec->id);
    if (!result) {
      ctx.exit_code = ctx.Fail(result.error(), ExitFor(result.error()));
      return;
    }
    if (rec->top > 0 && result->units.size() > rec->top) result->units.resize(rec->top);
    if (rec->format != "json") {
      PrintTable(ctx, app::RecommendationTable(*result), rec->format);
      return;
    }
    const nlohmann::json out = app::RecommendationJson(*result);
    ctx.out << out.dump(2) << '\n';
  });

  struct ListOptions {
    std::string workspace, from, to, format = "table";
    bool eta = false;
  };
  auto list = std::make_shared<ListOptions>();
  auto* l = incident->add_subcommand(
      "list", ctx.T("insiden dengan interval respons, skenario banjir yang berlaku, dan (--eta) "
                    "menit perjalanan mesin dibanding yang tercatat",
                    "incidents with their response intervals, the flood scenarios in force, and "
                    "(--eta) the engine's travel minutes beside the logged ones"));
  l->add_option("--workspace,-w", list->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  l->add_option("--from", list->from, ctx.T("dari tanggal (WIB)", "from date (WIB)"));
  l->add_option("--to", list->to, ctx.T("sampai tanggal (WIB)", "to date (WIB)"));
  l->add_flag("--eta", list->eta,
              ctx.T("hitung menit perjalanan unit yang dikirim (mesin akses)",
                    "compute the travel minutes of the unit sent (access engine)"));
  l->add_option("--format", list->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  l->callback([&ctx, list] {
    app::IncidentReviewOptions options;
    options.eta = list->eta;
    if (!ParseDateRange(ctx, list->from, list->to, options.from, options.to)) return;
    auto ws = OpenWorkspace(ctx, list->workspace);
    if (!ws) return;
    ProgressBar bar(ctx.err, ctx.stdout_is_tty, ctx.T("ETA", "ETA"));
    auto t = app::IncidentReview(*ws, options, [&bar](int done, int of) { bar.Update(done, of); });
    bar.Finish();
    if (!t) {
      ctx.exit_code = ctx.Fail(t.error(), ExitFor(t.error()));
      return;
    }
    PrintTable(ctx, *t, list->format);
  });

  struct KpiOptions {
    std::string workspace, from, to, by = "prioritas", format = "table";
  };
  auto kpi = std::make_shared<KpiOptions>();
  auto* k = incident->add_subcommand(
      "kpi", ctx.T("waktu respons: rerata, persentil 90, persen dalam target",
                   "response times: mean, 90th percentile, share within target"));
  k->add_option("--workspace,-w", kpi->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  k->add_option("--from", kpi->from, ctx.T("dari tanggal (WIB)", "from date (WIB)"));
  k->add_option("--to", kpi->to, ctx.T("sampai tanggal (WIB)", "to date (WIB)"));
  k->add_option("--by", kpi->by, "prioritas|kecamatan|desa|bulan|banjir")
      ->check(CLI::IsMember({"prioritas", "kecamatan", "desa", "bulan", "banjir"}));
  k->add_option("--format", kpi->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  k->callback([&ctx, kpi] {
    std::optional<Date> from;
    std::optional<Date> to;
    if (!ParseDateRange(ctx, kpi->from, kpi->to, from, to)) return;
    auto ws = OpenWorkspace(ctx, kpi->workspace);
    if (!ws) return;
    auto targets = app::LoadResponseTargets(*ws);
    if (!targets) {
      ctx.exit_code = ctx.Fail(targets.error());
      return;
    }
    const report::Table t = app::KpiTable(ws->Incidents(), *app::ParseKpiGrouping(kpi->by), from,
                                          to, *targets, ws->Scenarios());
    if (kpi->format != "json") {
      PrintTable(ctx, t, kpi->format);
      return;
    }
    // {"kelompok", "n", interval: {"rerata", "p90", "persen_dalam_target"}} per row.
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : t.rows) {
      nlohmann::json j = {{"kelompok", report::CellText(row[0])}, {"n", std::get<int64_t>(row[1])}};
      for (int i = 0; i < kIntervalCount; ++i) {
        const std::size_t at = 2 + static_cast<std::size_t>(i) * 4;
        auto value = [&](std::size_t c) -> nlohmann::json {
          const auto* d = std::get_if<double>(&row[c]);
          return d ? nlohmann::json(*d) : nlohmann::json(nullptr);
        };
        j[std::string(IntervalKey(static_cast<Interval>(i)))] = {
            {"n", std::get<int64_t>(row[at])},
            {"rerata", value(at + 1)},
            {"p90", value(at + 2)},
            {"persen_dalam_target", value(at + 3)}};
      }
      rows.push_back(std::move(j));
    }
    ctx.out << rows.dump(2) << '\n';
  });
}

}  // namespace

void AddEmergencyCommands(CLI::App& app, CliContext& ctx) {
  AddUnitCommands(app, ctx);
  AddIncidentCommands(app, ctx);
}

}  // namespace jangkau::cli
