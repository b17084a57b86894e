// jangkau plan stations --workspace W --p P --minutes T --jenis ambulans|motor|perahu
//         [--model mclp|mexclp] [--busy Q] [--candidates FILE|puskesmas|desa|piers]
//         [--scenario NAME] [--format table|csv|json]   (docs/emergency.md)
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/import_service.h"
#include "app/stations_service.h"
#include "cli/plan_helpers.h"
#include "cli/progress_bar.h"

namespace jangkau::cli {

void AddStationsCommand(CLI::App* plan, CliContext& ctx) {
  struct StationsOptions {
    PlanCommon common;
    app::StationsRequest request;
    std::string jenis, model = "mclp";
  };
  auto opt = std::make_shared<StationsOptions>();
  auto* cmd = plan->add_subcommand(
      "stations",
      ctx.T("memilih P pangkalan unit gawat darurat yang menjangkau penduduk terbanyak dalam T "
            "menit (MCLP, atau MEXCLP dengan unit sibuk)",
            "choose P emergency unit bases reaching the most people within T minutes (MCLP, or "
            "MEXCLP with busy units)"));
  AddCommonOptions(cmd, ctx, opt->common, false);
  cmd->add_option("--p", opt->request.p, ctx.T("jumlah pangkalan", "number of bases"))
      ->required()
      ->check(CLI::Range(1, 200));
  cmd->add_option("--minutes", opt->request.minutes, ctx.T("ambang menit T", "threshold T"))
      ->required()
      ->check(CLI::Range(1.0, 1440.0));
  cmd->add_option("--jenis", opt->jenis, "ambulans|motor|perahu|tim_kunjungan")->required();
  cmd->add_option("--model", opt->model, "mclp|mexclp")->check(CLI::IsMember({"mclp", "mexclp"}));
  cmd->add_option("--busy", opt->request.busy,
                  ctx.T("bagian waktu unit sibuk, 0 sampai < 1 (mexclp)",
                        "fraction of time a unit is busy, 0 to < 1 (mexclp)"));
  cmd->add_option("--candidates", opt->request.candidates,
                  ctx.T("puskesmas (bawaan), desa (pusat desa), piers (dermaga), atau berkas "
                        "(kode, nama, lon, lat)",
                        "puskesmas (default), desa (village centres), piers, or a file (kode, "
                        "nama, lon, lat)"));
  cmd->callback([&ctx, opt] {
    app::StationsRequest request = opt->request;
    auto kind = ParseUnitKind(opt->jenis);
    if (!kind) {
      ctx.exit_code =
          ctx.Fail(Error{Msg::kBadChoice, {"--jenis", opt->jenis, UnitKindChoices()}}, kExitUsage);
      return;
    }
    request.jenis = *kind;
    request.expected = opt->model == "mexclp";
    auto ws = OpenWorkspace(ctx, opt->common.workspace);
    if (!ws) return;
    if (!opt->common.scenario.empty()) {
      request.scenario = FindScenario(ctx, *ws, opt->common.scenario);
      if (!request.scenario) return;
    }
    const std::string& c = request.candidates;
    if (c != "puskesmas" && c != "desa" && c != "piers") {
      auto list = ReadChecked(ctx, [&](Diagnostics& d) { return app::ReadSitesFile(c, d); });
      if (!list) return;
      request.candidate_list = std::move(*list);
      request.candidates = "file";
    }
    app::DispatchOptions options;
    options.model = opt->common.model;
    ProgressBar bar(ctx.err, ctx.stdout_is_tty, ctx.T("pangkalan", "bases"));
    auto report =
        app::PlanStations(*ws, request, options,
                          [&bar](int step, int of, const std::string&) { bar.Update(step, of); });
    bar.Finish();
    if (!report) {
      ctx.exit_code = ctx.Fail(report.error(), kExitRefused);
      return;
    }
    const report::Table t = app::StationsTable(*report);
    const double pop = report->population;
    auto share = [pop](double people) { return pop > 0 ? 100 * people / pop : 0.0; };
    if (opt->common.format == "json") {
      ctx.out << app::StationsJson(*report).dump(2) << '\n';
      return;
    }
    if (opt->common.format != "table") return PrintTable(ctx, t, opt->common.format);
    ctx.out << fmt::format(
                   fmt::runtime(ctx.T(
                       "{} pangkalan {} dari {} calon ({}, {}): {:.0f} dari {:.0f} penduduk "
                       "({:.1f}%) dalam {:.0f} menit dari pangkalan",
                       "{} {} bases of {} candidates ({}, {}): {:.0f} of {:.0f} people ({:.1f}%) "
                       "within {:.0f} minutes of a base")),
                   report->chosen.size(), opt->jenis, report->candidates.size(), opt->model,
                   report->status, report->metrics.newly_covered, pop,
                   share(report->metrics.newly_covered), request.minutes)
            << '\n';
    if (request.expected) {
      ctx.out << fmt::format(fmt::runtime(ctx.T(
                                 "Cakupan harapan dengan unit sibuk {:.0f}% waktu: {:.0f} "
                                 "penduduk ({:.1f}%)",
                                 "Expected coverage with units busy {:.0f}% of the time: {:.0f} "
                                 "people ({:.1f}%)")),
                             100 * request.busy, report->metrics.expected_covered,
                             share(report->metrics.expected_covered))
              << '\n';
    }
    if (!report->dropped.empty()) {
      ctx.out << fmt::format(
                     fmt::runtime(ctx.T("{} calon tidak dapat ditempatkan di jaringan {}",
                                        "{} candidates could not be placed on the {} network")),
                     report->dropped.size(), opt->jenis)
              << '\n';
    }
    PrintTable(ctx, t, "table");
  });
}

}  // namespace jangkau::cli
