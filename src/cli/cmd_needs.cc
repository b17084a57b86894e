// jangkau needs --workspace W [--method norms|abk|wisn|ratio|all] [--format table|csv|json]
// jangkau proposal --workspace W --budget RUPIAH [--year Y] --out FILE.xlsx|.csv|.json
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/needs_tables.h"
#include "cli/cli_context.h"
#include "model/date.h"

namespace jangkau::cli {
namespace {}  // namespace

void AddNeedsCommand(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string workspace;
    std::string method = "norms";
    std::string format = "table";
    std::string norms = "pmk75_2014";
    std::string by = "facility";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "needs", ctx.T("kebutuhan tenaga per fasyankes dan jenis tenaga: saat ini, kebutuhan, "
                     "selisih, rasio",
                     "staffing need per facility and cadre: current, required, gap, ratio"));
  cmd->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--method,-m", opt->method, "norms|abk|wisn|ratio|all")
      ->check(CLI::IsMember({"norms", "abk", "wisn", "ratio", "all"}));
  cmd->add_option("--format,-f", opt->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--norms", opt->norms,
                  ctx.T("tabel norma yang dipakai (bawaan pmk75_2014)",
                        "norm table to apply (default pmk75_2014)"));
  cmd->add_option("--by", opt->by,
                  ctx.T("facility: per fasyankes (bawaan); cadre: rekap per jenis tenaga",
                        "facility: per facility (default); cadre: totals per cadre"))
      ->check(CLI::IsMember({"facility", "cadre"}));
  cmd->callback([&ctx, opt] {
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    app::NeedsRequest request;
    request.methods = *app::ParseNeedMethods(opt->method);
    request.norms = opt->norms;
    auto report = app::ComputeNeeds(*ws, request);
    if (!report) {
      ctx.exit_code = ctx.Fail(report.error());
      return;
    }
    PrintTable(ctx,
               opt->by == "cadre" ? app::CadreTotalsTable(*report)
                                  : app::NeedLinesTable(*report, ctx.lang),
               opt->format);
  });
}

void AddProposalCommand(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string workspace;
    double budget = -1;
    int year = Date::Today().year + 1;
    std::string out;
    std::string method = "norms";
    std::string norms = "pmk75_2014";
    std::string employment = "pppk";
    std::vector<double> weights;
    std::vector<std::string> ceilings;
    std::vector<std::string> hires;
    double attrition = 0.02;
    double max_move_minutes = 120;
    double max_move_km = -1;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "proposal", ctx.T("usulan formasi berbiaya dan berprioritas untuk BKPSDM (XLSX, CSV, JSON)",
                        "costed, prioritised staffing proposal for BKPSDM (XLSX, CSV, JSON)"));
  cmd->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--budget", opt->budget,
                  ctx.T("plafon anggaran per tahun (rupiah)", "budget ceiling per year (rupiah)"))
      ->required()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option(
      "--year", opt->year,
      ctx.T("tahun anggaran (bawaan: tahun depan)", "budget year (default: next year)"));
  cmd->add_option(
         "--out,-o", opt->out,
         ctx.T("berkas keluaran: .xlsx, .csv atau .json", "output file: .xlsx, .csv or .json"))
      ->required();
  cmd->add_option("--method,-m", opt->method, "norms|abk|wisn|ratio")
      ->check(CLI::IsMember({"norms", "abk", "wisn", "ratio"}));
  cmd->add_option("--norms", opt->norms, ctx.T("tabel norma", "norm table"));
  cmd->add_option(
      "--employment", opt->employment,
      ctx.T("status formasi baru (bawaan pppk)", "status of new positions (default pppk)"));
  cmd->add_option("--weights", opt->weights,
                  ctx.T("bobot kekurangan,penduduk,keterpencilan,banjir (bawaan 0.4,0.25,0.2,0.15)",
                        "weights shortage,population,remoteness,flood (default 0.4,0.25,0.2,0.15)"))
      ->delimiter(',')
      ->expected(4);
  cmd->add_option("--ceiling", opt->ceilings,
                  ctx.T("plafon per jenis tenaga, mis. --ceiling bidan=10 (boleh berulang)",
                        "ceiling per cadre, e.g. --ceiling bidan=10 (repeatable)"));
  cmd->add_option(
      "--hires", opt->hires,
      ctx.T("rekrutmen terencana per fasyankes per tahun untuk proyeksi, mis. --hires bidan=1",
            "planned hires per facility per year for the projection, e.g. --hires bidan=1"));
  cmd->add_option("--attrition", opt->attrition,
                  ctx.T("laju keluar selain pensiun per tahun (bawaan 0.02)",
                        "yearly attrition other than retirement (default 0.02)"))
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--max-move-minutes", opt->max_move_minutes,
                  ctx.T("waktu tempuh terlama satu perpindahan tenaga (menit, bawaan 120)",
                        "longest travel time of one move of staff (minutes, default 120)"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-move-km", opt->max_move_km,
                  ctx.T("dan paling jauh sekian km garis lurus (bawaan: tanpa batas)",
                        "and at most this many km in a straight line (default: no limit)"))
      ->check(CLI::NonNegativeNumber);
  cmd->callback([&ctx, opt] {
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    app::ProposalRequest request;
    request.needs.methods = *app::ParseNeedMethods(opt->method);
    request.needs.norms = opt->norms;
    request.options.budget = units::Rupiah(opt->budget);
    request.options.employment = opt->employment;
    request.year = opt->year;
    request.attrition_rate = opt->attrition;
    request.max_move_minutes = units::Minutes(opt->max_move_minutes);
    if (opt->max_move_km >= 0) request.max_move_km = units::Km(opt->max_move_km);
    if (opt->weights.size() == 4) {
      request.weights = {opt->weights[0], opt->weights[1], opt->weights[2], opt->weights[3]};
    }
    const CadreCatalog cadres = ws->Cadres();
    // "CADRE=N" pairs of --ceiling and --hires.
    auto parse_pairs = [&](const std::vector<std::string>& items, const char* option,
                           auto&& store) {
      for (const std::string& item : items) {
        const auto eq = item.find('=');
        std::optional<std::string> cadre;
        double n = -1;
        if (eq != std::string::npos) {
          cadre = cadres.Normalize(item.substr(0, eq));
          try {
            n = std::stod(item.substr(eq + 1));
          } catch (const std::exception&) {
            n = -1;
          }
        }
        if (!cadre || n < 0) {
          ctx.exit_code =
              ctx.Fail(Error{Msg::kUsage, {std::string(option) + " " + item}}, kExitUsage);
          return false;
        }
        store(*cadre, n);
      }
      return true;
    };
    if (!parse_pairs(opt->ceilings, "--ceiling", [&](const std::string& c, double n) {
          request.options.cadre_ceilings[c] = static_cast<int>(n);
        })) {
      return;
    }
    if (!parse_pairs(opt->hires, "--hires",
                     [&](const std::string& c, double n) { request.planned_hires[c] = n; })) {
      return;
    }
    auto report = app::ComputeProposal(*ws, request);
    if (!report) {
      ctx.exit_code = ctx.Fail(report.error());
      return;
    }
    const auto sheets = app::ProposalWorkbook(*report, ctx.lang);
    std::expected<void, Error> written;
    if (opt->out.ends_with(".csv")) {
      written = report::WriteCsvFile(sheets[3].blocks[0], opt->out);  // Usulan Formasi
    } else if (opt->out.ends_with(".json")) {
      std::ofstream out(opt->out);
      out << report::ToJson(sheets).dump(2) << '\n';
      if (!out) written = std::unexpected(Error{Msg::kWrite, {opt->out, "write"}});
    } else {
      written = report::WriteWorkbook(sheets, opt->out);
    }
    if (!written) {
      ctx.exit_code = ctx.Fail(written.error());
      return;
    }
    const auto& p = report->proposal;
    ctx.out
        << fmt::format(
               fmt::runtime(ctx.T(
                   "usulan {}: {} formasi, biaya {:.0f} dari plafon {:.0f} rupiah; ditulis ke {}",
                   "proposal {}: {} positions, cost {:.0f} of a {:.0f} rupiah ceiling; written to "
                   "{}")),
               opt->year, p.positions, p.total_cost.value(), p.budget.value(), opt->out)
        << '\n';
    const report::Table top = app::TopFacilitiesTable(*report, 5);
    ctx.out << ctx.T("Lima fasyankes dengan prioritas tertinggi:",
                     "The five facilities with the highest priority:")
            << '\n';
    for (const auto& row : top.rows) {
      ctx.out << fmt::format("  {}. {} {} ({} {}: {})\n", report::CellText(row[0]),
                             report::CellText(row[1]), report::CellText(row[2]),
                             report::CellText(row[4]), ctx.T("formasi", "positions"),
                             report::CellText(row[5]));
    }
    // Moving staff rests on a measured surplus only: say how many moves and what is missing.
    const app::MovePlan& moves = report->moves;
    int moved = 0;
    for (const auto& m : moves.moves) moved += m.count;
    ctx.out << fmt::format(
                   fmt::runtime(ctx.T("Saran redistribusi: {} orang; {} orang di atas standar "
                                      "minimal tanpa angka beban kerja (ABK-Kes/WISN) atau "
                                      "formasi tidak diusulkan pindah.",
                                      "Suggested moves: {} people; {} people above the minimum "
                                      "standard with no workload figure (ABK-Kes/WISN) or "
                                      "formasi are not proposed to move.")),
                   moved, moves.staff_above_minimum)
            << '\n';
  });
}

}  // namespace jangkau::cli
