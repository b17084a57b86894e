// jangkau scenario create|list|show|delete --workspace W ...
// jangkau plan compare --workspace W --scenario NAME [--out DIR] [--format table|csv|json]
// jangkau plan sites --workspace W --k K --minutes T [--candidates FILE|pustu|desa]
//                    [--objective coverage|mean-time] [--scenario NAME] [--format ...]
// jangkau plan stops --workspace W --minutes T --reach S [--stops FILE|piers|desa] ...
#include <filesystem>

#include <fmt/format.h>

#include "app/import_service.h"
#include "app/plan_service.h"
#include "app/request_limits.h"
#include "cli/cli_context.h"
#include "cli/progress_bar.h"
#include "report/table.h"

namespace jangkau::cli {
namespace {

// "KEY=NUMBER" pairs; false (after printing the error) on a malformed one.
bool ParsePairs(CliContext& ctx, const std::vector<std::string>& items, const char* option,
                std::map<std::string, double>& out) {
  for (const std::string& item : items) {
    const auto eq = item.find('=');
    double v = -1;
    if (eq != std::string::npos) {
      try {
        v = std::stod(item.substr(eq + 1));
      } catch (const std::exception&) {
        v = -1;
      }
    }
    if (v < 0) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {std::string(option) + " " + item}}, kExitUsage);
      return false;
    }
    out[item.substr(0, eq)] = v;
  }
  return true;
}

// Reads a file of places or a layer, printing row errors; std::nullopt when refused.
template <typename Read>
auto ReadChecked(CliContext& ctx, Read&& read)
    -> std::optional<typename decltype(read(std::declval<Diagnostics&>()))::value_type> {
  Diagnostics diags;
  auto rows = read(diags);
  if (!rows) {
    ctx.exit_code = ctx.Fail(rows.error());
    return std::nullopt;
  }
  for (const auto& d : diags.items()) ctx.PrintDiagnostic(d);
  if (diags.has_errors()) {
    ctx.exit_code = kExitRefused;
    return std::nullopt;
  }
  return std::move(*rows);
}

// The named scenario of the workspace, or an error printed.
std::optional<Scenario> FindScenario(CliContext& ctx, const store::Workspace& ws,
                                     const std::string& name) {
  auto sc = ws.FindScenario(name);
  if (!sc) ctx.exit_code = ctx.Fail(Error{Msg::kPlanUnknownScenario, {name}}, kExitRefused);
  return sc;
}

struct PlanCommon {
  std::string workspace;
  std::string scenario;
  std::string format = "table";
  app::AccessModelOptions model;
};

void AddCommonOptions(CLI::App* cmd, CliContext& ctx, PlanCommon& c, bool scenario_required) {
  cmd->add_option("--workspace,-w", c.workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  auto* s = cmd->add_option("--scenario", c.scenario, ctx.T("nama skenario", "scenario name"));
  if (scenario_required) s->required();
  cmd->add_option("--format,-f", c.format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--resolution", c.model.resolution_m,
                  ctx.T("ukuran sel grid dalam meter (bawaan 100)",
                        "grid cell size in metres (default 100)"))
      ->check(CLI::Range(app::kResolutionM.lo, app::kResolutionM.hi));
}

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
  create->callback([&ctx, opt] {
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    app::ScenarioRequest request = opt->request;
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

void RunCompare(CliContext& ctx, const PlanCommon& c, const std::string& out_dir) {
  auto ws = OpenWorkspace(ctx, c.workspace);
  if (!ws) return;
  auto sc = FindScenario(ctx, *ws, c.scenario);
  if (!sc) return;
  ProgressBar bar(ctx.err, ctx.stdout_is_tty, ctx.T("bandingkan", "compare"));
  auto report = app::ComparePlan(
      *ws, *sc, c.model, [&bar](int step, int of, const std::string&) { bar.Update(step, of); });
  bar.Finish();
  if (!report) {
    ctx.exit_code = ctx.Fail(report.error());
    return;
  }
  const auto tables = app::CompareTables(*report);
  if (!out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    const std::string base = out_dir + "/banding_" + sc->nama;
    std::vector<report::Sheet> sheets;
    sheets.reserve(tables.size());
    for (const auto& t : tables) sheets.push_back({t.name, "", {t}, true});
    std::expected<void, Error> w = report::WriteCsvFile(tables[0], base + "_desa.csv");
    if (w) w = report::WriteWorkbook(sheets, base + ".xlsx");
    if (w) {
      w = report::WriteVectorFile(app::CompareVillageLayer(*report, ws->Regions()), base + ".gpkg",
                                  "GPKG");
    }
    if (!w) {
      ctx.exit_code = ctx.Fail(w.error());
      return;
    }
    for (const char* ext : {"_desa.csv", ".xlsx", ".gpkg"})
      ctx.out << "  -> " << base << ext << '\n';
  }
  if (c.format != "table") return PrintTable(ctx, tables[0], c.format);
  const app::RegionChange& k = report->kabupaten;
  ctx.out << fmt::format(
                 fmt::runtime(ctx.T(
                     "Skenario '{}' ({:.1f} d): {} fasyankes ditutup, {} area banjir.\n"
                     "Penduduk yang kehilangan akses ke puskesmas: {:.0f} dalam 30 menit, {:.0f} "
                     "dalam 60 menit, {:.0f} dalam 120 menit; rerata waktu {} -> {} menit.",
                     "Scenario '{}' ({:.1f} s): {} facilities closed, {} flooded areas.\n"
                     "People losing access to a puskesmas: {:.0f} within 30 minutes, {:.0f} within "
                     "60 minutes, {:.0f} within 120 minutes; mean time {} -> {} minutes.")),
                 sc->nama, report->seconds, sc->closed.size(), sc->floods.size(), k.Loses(0),
                 k.Loses(1), k.Loses(2),
                 k.menit_sebelum ? fmt::format("{:.0f}", *k.menit_sebelum) : "-",
                 k.menit_sesudah ? fmt::format("{:.0f}", *k.menit_sesudah) : "-")
          << '\n';
  // The villages that lose most, and the facilities that take the load.
  std::vector<const app::RegionChange*> worst;
  for (const auto& v : report->villages) {
    if (v.Loses(1) > 0) worst.push_back(&v);
  }
  std::ranges::sort(worst, [](const auto* a, const auto* b) { return a->Loses(1) > b->Loses(1); });
  ctx.out << ctx.T("Desa yang paling banyak kehilangan akses 60 menit:",
                   "Villages losing the most 60-minute access:")
          << '\n';
  for (std::size_t i = 0; i < worst.size() && i < 10; ++i) {
    const auto* v = worst[i];
    ctx.out << fmt::format("  {:<14} {:<24} {:>8.0f}  {} -> {}\n", v->kode, v->nama.substr(0, 24),
                           v->Loses(1), v->terdekat_sebelum.empty() ? "-" : v->terdekat_sebelum,
                           v->terdekat_sesudah.empty() ? "-" : v->terdekat_sesudah);
  }
  if (worst.empty()) ctx.out << "  -\n";
  ctx.out << ctx.T("Fasyankes dengan lonjakan penduduk per tenaga (> 20%):",
                   "Facilities whose population per worker jumps (> 20%):")
          << '\n';
  bool any = false;
  for (const auto& f : report->facilities) {
    if (!f.lonjakan) continue;
    any = true;
    ctx.out << fmt::format("  {:<12} {:<24} {:>8.0f} -> {:>8.0f} {}\n", f.kode,
                           f.nama.substr(0, 24), f.per_tenaga_sebelum.value_or(0),
                           f.per_tenaga_sesudah.value_or(0), ctx.T("per tenaga", "per worker"));
  }
  if (!any) ctx.out << "  -\n";
  for (const auto& w : report->warnings) ctx.PrintDiagnostic(w);
}

void AddPlanCommands(CLI::App& app, CliContext& ctx) {
  auto* plan = app.add_subcommand(
      "plan", ctx.T("perencanaan: dampak skenario, lokasi fasyankes baru, layanan keliling",
                    "planning: scenario impact, new facility sites, mobile services"));
  plan->require_subcommand(1);

  struct CompareOptions {
    PlanCommon common;
    std::string out;
  };
  auto copt = std::make_shared<CompareOptions>();
  auto* compare = plan->add_subcommand(
      "compare",
      ctx.T("membandingkan skenario dengan kondisi dasar", "compare a scenario with the baseline"));
  AddCommonOptions(compare, ctx, copt->common, true);
  compare->add_option(
      "--out", copt->out,
      ctx.T("folder keluaran (CSV, XLSX, GeoPackage)", "output folder (CSV, XLSX, GeoPackage)"));
  compare->callback([&ctx, copt] { RunCompare(ctx, copt->common, copt->out); });

  struct SitesOptions {
    PlanCommon common;
    app::SitesRequest request;
    std::string objective = "coverage";
    double capacity = -1;
  };
  auto sopt = std::make_shared<SitesOptions>();
  auto* sites = plan->add_subcommand(
      "sites", ctx.T("memilih K lokasi baru yang menjangkau penduduk terbanyak",
                     "choose K new sites that reach the most people"));
  AddCommonOptions(sites, ctx, sopt->common, false);
  sites->add_option("--k", sopt->request.k, ctx.T("jumlah lokasi", "number of sites"))
      ->required()
      ->check(CLI::Range(static_cast<int>(app::kSitesK.lo), static_cast<int>(app::kSitesK.hi)));
  sites->add_option("--minutes", sopt->request.minutes, ctx.T("ambang menit T", "threshold T"))
      ->required()
      ->check(CLI::Range(1.0, 1440.0));
  sites->add_option("--candidates", sopt->request.candidates,
                    ctx.T("desa (pusat desa), pustu, atau berkas (kode, nama, lon, lat)",
                          "desa (village centres), pustu, or a file (kode, nama, lon, lat)"));
  sites->add_option("--objective", sopt->objective, "coverage|mean-time")
      ->check(CLI::IsMember({"coverage", "mean-time"}));
  sites
      ->add_option("--capacity", sopt->capacity,
                   ctx.T("penduduk terbanyak per lokasi (coverage)", "most people per site"))
      ->check(CLI::PositiveNumber);
  sites->add_flag("--exact", sopt->request.exact,
                  ctx.T("juga hitung optimum eksak (GLPK) untuk mengukur selisih",
                        "also compute the exact optimum (GLPK) to measure the gap"));
  sites->callback([&ctx, sopt] {
    auto ws = OpenWorkspace(ctx, sopt->common.workspace);
    if (!ws) return;
    app::SitesRequest request = sopt->request;
    request.objective = sopt->objective == "coverage" ? plan::SitingObjective::kCoverage
                                                      : plan::SitingObjective::kMeanTime;
    if (sopt->capacity > 0) request.capacity = sopt->capacity;
    if (!sopt->common.scenario.empty()) {
      request.scenario = FindScenario(ctx, *ws, sopt->common.scenario);
      if (!request.scenario) return;
    }
    if (request.candidates != "desa" && request.candidates != "pustu") {
      auto list = ReadChecked(
          ctx, [&](Diagnostics& d) { return app::ReadSitesFile(request.candidates, d); });
      if (!list) return;
      request.candidate_list = std::move(*list);
      request.candidates = "file";
    }
    ProgressBar bar(ctx.err, ctx.stdout_is_tty, ctx.T("lokasi", "sites"));
    auto report =
        app::PlanSites(*ws, request, sopt->common.model,
                       [&bar](int step, int of, const std::string&) { bar.Update(step, of); });
    bar.Finish();
    if (!report) {
      ctx.exit_code = ctx.Fail(report.error(), kExitRefused);
      return;
    }
    const report::Table t = app::SitesTable(*report);
    if (sopt->common.format != "table") return PrintTable(ctx, t, sopt->common.format);
    ctx.out << fmt::format(
                   fmt::runtime(ctx.T(
                       "{} lokasi dari {} calon, ambang {:.0f} menit ({:.1f} d). Sebelum: {:.0f} "
                       "dari {:.0f} penduduk ({:.1f}%) berada dalam {:.0f} menit dari puskesmas.",
                       "{} sites of {} candidates, threshold {:.0f} minutes ({:.1f} s). Before: "
                       "{:.0f} of {:.0f} people ({:.1f}%) live within {:.0f} minutes of a "
                       "puskesmas.")),
                   report->result.sites.size(), report->candidates.size(), request.minutes,
                   report->seconds, report->covered_before, report->population,
                   report->population > 0 ? 100 * report->covered_before / report->population : 0,
                   request.minutes)
            << '\n';
    PrintTable(ctx, t, "table");
    if (report->exact_objective) {
      const double gap = *report->exact_objective > 0
                             ? 100 * (*report->exact_objective - report->result.objective) /
                                   *report->exact_objective
                             : 0;
      ctx.out << fmt::format(fmt::runtime(ctx.T("Optimum eksak (GLPK): {:.0f}; selisih {:.2f}%",
                                                "Exact optimum (GLPK): {:.0f}; gap {:.2f}%")),
                             *report->exact_objective, std::abs(gap))
              << '\n';
    } else if (request.exact) {
      ctx.out << ctx.T("Optimum eksak tidak terbukti dalam batas waktu.",
                       "The exact optimum was not proven within the time limit.")
              << '\n';
    }
  });

  struct StopsOptions {
    PlanCommon common;
    app::StopsRequest request;
  };
  auto topt = std::make_shared<StopsOptions>();
  auto* stops = plan->add_subcommand(
      "stops", ctx.T("titik singgah layanan keliling atau perahu klinik (set covering)",
                     "stops of a mobile or boat clinic (set covering)"));
  AddCommonOptions(stops, ctx, topt->common, false);
  stops
      ->add_option("--minutes", topt->request.minutes,
                   ctx.T("desa lebih dari T menit dari FKTP membutuhkan layanan",
                         "villages beyond T minutes from an FKTP need the service"))
      ->required()
      ->check(CLI::Range(1.0, 1440.0));
  stops
      ->add_option("--reach", topt->request.reach,
                   ctx.T("titik melayani desa dalam S menit", "a stop serves villages within S"))
      ->required()
      ->check(CLI::Range(1.0, 1440.0));
  stops->add_option("--stops", topt->request.stops,
                    ctx.T("desa, piers (dermaga), atau berkas (kode, nama, lon, lat)",
                          "desa, piers, or a file (kode, nama, lon, lat)"));
  stops->add_flag("--exact", topt->request.exact,
                  ctx.T("juga hitung jumlah titik minimum eksak (GLPK)",
                        "also compute the exact fewest stops (GLPK)"));
  stops->callback([&ctx, topt] {
    auto ws = OpenWorkspace(ctx, topt->common.workspace);
    if (!ws) return;
    app::StopsRequest request = topt->request;
    if (!topt->common.scenario.empty()) {
      request.scenario = FindScenario(ctx, *ws, topt->common.scenario);
      if (!request.scenario) return;
    }
    if (request.stops != "desa" && request.stops != "piers") {
      auto list =
          ReadChecked(ctx, [&](Diagnostics& d) { return app::ReadSitesFile(request.stops, d); });
      if (!list) return;
      request.stop_list = std::move(*list);
      request.stops = "file";
    }
    ProgressBar bar(ctx.err, ctx.stdout_is_tty, ctx.T("titik", "stops"));
    auto report =
        app::PlanStops(*ws, request, topt->common.model,
                       [&bar](int step, int of, const std::string&) { bar.Update(step, of); });
    bar.Finish();
    if (!report) {
      ctx.exit_code = ctx.Fail(report.error(), kExitRefused);
      return;
    }
    const report::Table t = app::StopsTable(*report);
    if (topt->common.format != "table") return PrintTable(ctx, t, topt->common.format);
    double people = 0;
    for (int v : report->plan.needing)
      people += report->village_population[static_cast<std::size_t>(v)];
    ctx.out << fmt::format(
                   fmt::runtime(ctx.T(
                       "{} desa ({:.0f} penduduk) lebih dari {:.0f} menit dari FKTP; {} titik "
                       "singgah melayani mereka dalam {:.0f} menit; {} desa tidak terjangkau "
                       "dari titik mana pun.",
                       "{} villages ({:.0f} people) are beyond {:.0f} minutes of an FKTP; {} "
                       "stops serve them within {:.0f} minutes; {} villages no stop reaches.")),
                   report->plan.needing.size(), people, request.minutes, report->plan.stops.size(),
                   request.reach, report->plan.unserved.size())
            << '\n';
    if (report->exact_stops) {
      ctx.out << fmt::format(fmt::runtime(ctx.T("Minimum eksak (GLPK): {} titik.",
                                                "Exact minimum (GLPK): {} stops.")),
                             *report->exact_stops)
              << '\n';
    }
    PrintTable(ctx, t, "table");
  });
}

}  // namespace

void AddPlanningCommands(CLI::App& app, CliContext& ctx) {
  AddScenarioCommands(app, ctx);
  AddPlanCommands(app, ctx);
}

}  // namespace jangkau::cli
