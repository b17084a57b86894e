// jangkau plan compare --workspace W --scenario NAME [--out DIR] [--format table|csv|json]
// jangkau plan sites --workspace W --k K --minutes T [--candidates FILE|pustu|desa]
//                    [--objective coverage|mean-time] [--scenario NAME] [--format ...]
// jangkau plan stops --workspace W --minutes T --reach S [--stops FILE|piers|desa] ...
#include <filesystem>

#include <fmt/format.h>

#include "app/import_service.h"
#include "app/plan_service.h"
#include "app/request_limits.h"
#include "base/text_util.h"
#include "cli/plan_helpers.h"
#include "cli/progress_bar.h"
#include "report/table.h"

namespace jangkau::cli {
namespace {

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
    ctx.out << fmt::format("  {:<14} {:<24} {:>8.0f}  {} -> {}\n", v->kode, Utf8Prefix(v->nama, 24),
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
                           Utf8Prefix(f.nama, 24), f.per_tenaga_sebelum.value_or(0),
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
  AddStationsCommand(plan, ctx);

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
