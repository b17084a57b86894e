// jangkau scenario create|list|show|delete --workspace W ... (docs/plan.md)
#include <filesystem>

#include <fmt/format.h>

#include "app/import_service.h"
#include "app/plan_service.h"
#include "app/request_limits.h"
#include "cli/plan_helpers.h"
#include "report/table.h"

namespace jangkau::cli {

void AddScenarioCommands(CLI::App& app, CliContext& ctx) {
  auto* scenario = app.add_subcommand(
      "scenario", ctx.T("skenario perencanaan: banjir, penutupan, fasyankes baru",
                        "planning scenarios: floods, closures, new facilities"));
  scenario->require_subcommand(1);

  struct CreateOptions {
    std::string workspace;
    app::ScenarioRequest request;
    std::vector<std::string> speeds;
    std::string flood_file;
    std::string cut_file;
    std::string add_file;
    std::string mulai, selesai;
  };
  auto opt = std::make_shared<CreateOptions>();
  auto* create = scenario->add_subcommand(
      "create", ctx.T("membuat (atau mengganti) skenario", "create (or replace) a scenario"));
  create
      ->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  create->add_option("--name", opt->request.nama, ctx.T("nama skenario", "scenario name"))
      ->required();
  create->add_option("--description", opt->request.keterangan, ctx.T("keterangan", "description"));
  create
      ->add_option("--close", opt->request.close,
                   ctx.T("kode fasyankes yang tutup atau kebanjiran (boleh berulang / koma)",
                         "codes of facilities closed or flooded (repeatable / comma-separated)"))
      ->delimiter(',');
  create
      ->add_option("--flood-desa", opt->request.flood_desa,
                   ctx.T("kode desa yang kebanjiran seluruhnya", "codes of villages flooded whole"))
      ->delimiter(',');
  create->add_option("--hazard-top", opt->request.hazard_top,
                     ctx.T("banjiri N desa dengan indeks bahaya banjir tertinggi dan tutup "
                           "fasyankes di dalamnya",
                           "flood the N villages with the highest flood hazard index and close the "
                           "facilities in them"));
  create
      ->add_option("--flood-factor", opt->request.flood_factor,
                   ctx.T("faktor kecepatan di desa kebanjiran (0 = tak dapat dilalui; bawaan 0)",
                         "speed factor in flooded villages (0 = impassable; default 0)"))
      ->check(CLI::Range(0.0, 1.0));
  create->add_option("--flood", opt->flood_file,
                     ctx.T("poligon area banjir dengan kolom faktor (0-1)",
                           "flooded area polygons with a faktor column (0-1)"));
  create->add_flag("--close-flooded", opt->request.close_flooded,
                   ctx.T("tutup fasyankes yang berada di area banjir",
                         "close the facilities inside flooded areas"));
  create->add_flag(
      "--flood-layer", opt->request.flood_layer,
      ctx.T("pakai lapisan banjir yang sudah diimpor", "use the imported flood layer"));
  create->add_option("--cut", opt->cut_file,
                     ctx.T("garis atau poligon jalan/jembatan yang putus",
                           "lines or polygons of cut roads or bridges"));
  create->add_option("--speed", opt->speeds,
                     ctx.T("kecepatan baru per kelas, mis. --speed sungai=8 (km/jam)",
                           "new speed per class, e.g. --speed sungai=8 (km/h)"));
  create->add_option("--add", opt->add_file,
                     ctx.T("fasyankes atau pos tambahan: kode, nama, jenis, lon, lat",
                           "added facilities or posts: kode, nama, jenis, lon, lat"));
  create->add_option("--mulai", opt->mulai,
                     ctx.T("awal masa berlaku (ISO 8601, mis. awal banjir)",
                           "start of the period it holds (ISO 8601, e.g. when the flood began)"));
  create->add_option(
      "--selesai", opt->selesai,
      ctx.T("akhir masa berlaku (ISO 8601)", "end of the period it holds (ISO 8601)"));
  create->callback([&ctx, opt] {
    app::ScenarioRequest request = opt->request;
    for (auto [text, instant, name] : {std::tuple{&opt->mulai, &request.mulai, "--mulai"},
                                       std::tuple{&opt->selesai, &request.selesai, "--selesai"}}) {
      if (text->empty()) continue;
      *instant = Instant::Parse(*text);
      if (!*instant) {
        ctx.exit_code = ctx.Fail(Error{Msg::kBadInstant, {name, *text}}, kExitUsage);
        return;
      }
    }
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    if (!ParsePairs(ctx, opt->speeds, "--speed", request.speeds)) return;
    if (!opt->flood_file.empty()) {
      auto areas = ReadChecked(
          ctx, [&](Diagnostics& d) { return app::ReadLayerFile(opt->flood_file, "flood", d); });
      if (!areas) return;
      request.flood_areas = std::move(*areas);
    }
    if (!opt->cut_file.empty()) {
      auto cuts = ReadChecked(
          ctx, [&](Diagnostics& d) { return app::ReadLayerFile(opt->cut_file, "cuts", d); });
      if (!cuts) return;
      request.cuts = std::move(*cuts);
    }
    if (!opt->add_file.empty()) {
      auto added =
          ReadChecked(ctx, [&](Diagnostics& d) { return app::ReadSitesFile(opt->add_file, d); });
      if (!added) return;
      request.added = std::move(*added);
    }
    auto sc = app::BuildScenario(*ws, request);
    if (!sc) {
      ctx.exit_code = ctx.Fail(sc.error(), kExitRefused);
      return;
    }
    if (auto w = ws->PutScenario(*sc, CurrentUser()); !w) {
      ctx.exit_code = ctx.Fail(w.error());
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kScenarioSaved,
                  {sc->nama, std::to_string(sc->closed.size()), std::to_string(sc->floods.size()),
                   std::to_string(sc->added.size())})
            << '\n';
  });

  struct ListOptions {
    std::string workspace;
    std::string name;
    std::string format = "table";
  };
  auto lopt = std::make_shared<ListOptions>();
  auto* list = scenario->add_subcommand("list", ctx.T("daftar skenario", "list the scenarios"));
  list->add_option("--workspace,-w", lopt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  list->add_option("--format,-f", lopt->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  list->callback([&ctx, lopt] {
    auto ws = OpenWorkspace(ctx, lopt->workspace);
    if (ws) PrintTable(ctx, app::ScenariosTable(ws->Scenarios()), lopt->format);
  });
  auto* show = scenario->add_subcommand("show", ctx.T("isi satu skenario", "one scenario"));
  show->add_option("--workspace,-w", lopt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  show->add_option("--name", lopt->name, ctx.T("nama skenario", "scenario name"))->required();
  show->add_option("--format,-f", lopt->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  show->callback([&ctx, lopt] {
    auto ws = OpenWorkspace(ctx, lopt->workspace);
    if (!ws) return;
    if (auto sc = FindScenario(ctx, *ws, lopt->name)) {
      PrintTable(ctx, app::ScenarioItemsTable(*sc), lopt->format);
    }
  });
  auto* del = scenario->add_subcommand("delete", ctx.T("menghapus skenario", "delete a scenario"));
  del->add_option("--workspace,-w", lopt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  del->add_option("--name", lopt->name, ctx.T("nama skenario", "scenario name"))->required();
  del->callback([&ctx, lopt] {
    auto ws = OpenWorkspace(ctx, lopt->workspace);
    if (!ws) return;
    auto gone = ws->DeleteScenario(lopt->name, CurrentUser());
    if (!gone) {
      ctx.exit_code = ctx.Fail(gone.error());
    } else if (!*gone) {
      ctx.exit_code = ctx.Fail(Error{Msg::kPlanUnknownScenario, {lopt->name}}, kExitRefused);
    } else {
      ctx.out << Tr(ctx.lang, Msg::kScenarioDeleted, {lopt->name}) << '\n';
    }
  });
}

}  // namespace jangkau::cli
