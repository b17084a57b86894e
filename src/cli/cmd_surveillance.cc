// jangkau surveillance detect IN --method ears-c1|ears-c2|ears-c3|farrington|fixed --out OUT
//         [--threshold N] [--alpha A]
// Outbreak detection on one weekly series exactly as R's `surveillance` package computes it
// (docs/surveillance.md). OUT: week (as given), cases, threshold (the upper bound), alarm (0|1),
// one row per week the method computes. A bad row refuses the file with its line and column.
// jangkau surveillance completeness --workspace W [--from YYYY-Www] [--to] [--by faskes|minggu]
// jangkau alerts --workspace W [--method ...|all] [--from YYYY-Www] [--to] [--view ...]
// jangkau alerts step --workspace W --id ID --status diverifikasi|direspons|bukan_klb [--at T]
// The workspace's weekly reports: completeness and timeliness, the alerts of every method with
// the data-quality flags, and the alert lifecycle.
#include <cmath>
#include <ctime>
#include <memory>

#include <fmt/format.h>

#include "app/surveillance_flood.h"
#include "app/surveillance_service.h"
#include "cli/cli_context.h"
#include "ingest/read_series.h"
#include "report/table.h"
#include "surveillance/ears.h"
#include "surveillance/farrington.h"
#include "surveillance/fixed.h"

namespace jangkau::cli {
namespace {

// --from and --to as epidemiological weeks; false (after printing the error) on a bad one.
bool ParseWeekRange(CliContext& ctx, const std::string& from_text, const std::string& to_text,
                    std::optional<EpiWeek>& from, std::optional<EpiWeek>& to) {
  for (auto [text, week, name] :
       {std::tuple{&from_text, &from, "--from"}, std::tuple{&to_text, &to, "--to"}}) {
    if (text->empty()) continue;
    *week = EpiWeek::Parse(*text);
    if (!*week) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadWeek, {name, *text}}, kExitUsage);
      return false;
    }
  }
  return true;
}

struct WorkspaceOptions {
  std::string workspace, from, to, format = "table", by = "faskes", method = "all",
                                   view = "peringatan";
  int deadline_hours = 72;
  int b = 5;
  double min_sigma = 0;
  std::string id, status, at, note, scenario;
};

void AddCompletenessCommand(CLI::App& surv, CliContext& ctx) {
  auto o = std::make_shared<WorkspaceOptions>();
  auto* cmd = surv.add_subcommand(
      "completeness",
      ctx.T("kelengkapan dan ketepatan laporan mingguan per fasyankes atau minggu",
            "completeness and timeliness of the weekly reports per facility or week"));
  cmd->add_option("--workspace,-w", o->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--from", o->from, ctx.T("sejak minggu YYYY-Www", "from week YYYY-Www"));
  cmd->add_option("--to", o->to, ctx.T("sampai minggu YYYY-Www", "up to week YYYY-Www"));
  cmd->add_option("--by", o->by, "faskes|minggu")->check(CLI::IsMember({"faskes", "minggu"}));
  cmd->add_option("--deadline-hours", o->deadline_hours,
                  ctx.T("batas tepat waktu: jam sesudah minggu berakhir (bawaan 72: sebelum Rabu "
                        "00.00 WIB)",
                        "on-time limit: hours after the week ends (default 72: before Wednesday "
                        "00:00 WIB)"))
      ->check(CLI::Range(0, 24 * 60));
  cmd->add_option("--format", o->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([&ctx, o] {
    app::CompletenessOptions options;
    options.deadline_hours = o->deadline_hours;
    options.by_week = o->by == "minggu";
    if (!ParseWeekRange(ctx, o->from, o->to, options.from, options.to)) return;
    auto ws = OpenWorkspace(ctx, o->workspace);
    if (!ws) return;
    PrintTable(ctx, app::CompletenessTable(*ws, options), o->format);
  });
}

void AddReportsCommand(CLI::App& surv, CliContext& ctx) {
  auto o = std::make_shared<WorkspaceOptions>();
  auto* cmd =
      surv.add_subcommand("reports", ctx.T("laporan mingguan yang berlaku (nilai kiriman terakhir)",
                                           "the weekly reports in force (the latest value sent)"));
  cmd->add_option("--workspace,-w", o->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--from", o->from, ctx.T("sejak minggu YYYY-Www", "from week YYYY-Www"));
  cmd->add_option("--to", o->to, ctx.T("sampai minggu YYYY-Www", "up to week YYYY-Www"));
  cmd->add_option("--format", o->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([&ctx, o] {
    std::optional<EpiWeek> from, to;
    if (!ParseWeekRange(ctx, o->from, o->to, from, to)) return;
    auto ws = OpenWorkspace(ctx, o->workspace);
    if (!ws) return;
    PrintTable(ctx, app::WeeklyReportsTable(*ws, from, to), o->format);
  });
}

void AddAlertsCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<WorkspaceOptions>();
  auto* cmd = app.add_subcommand(
      "alerts", ctx.T("peringatan dini dari laporan mingguan: semua metode, mutu data, siklus "
                      "verifikasi dan respons",
                      "early-warning alerts from the weekly reports: every method, data "
                      "quality, the verification and response lifecycle"));
  cmd->fallthrough();
  cmd->add_option("--workspace,-w", o->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--method", o->method, std::string(app::kAlertMethodChoices));
  cmd->add_option("--from", o->from, ctx.T("sejak minggu YYYY-Www", "from week YYYY-Www"));
  cmd->add_option("--to", o->to, ctx.T("sampai minggu YYYY-Www", "up to week YYYY-Www"));
  cmd->add_option("--b", o->b,
                  ctx.T("Farrington: tahun ke belakang (bawaan paket R: 5)",
                        "Farrington: years back (the R package's default: 5)"))
      ->check(CLI::Range(1, 10));
  cmd->add_option("--min-sigma", o->min_sigma,
                  ctx.T("EARS: simpangan baku minimum (bawaan paket R: 0; untuk hitungan kecil "
                        "Burkom menyarankan 0,5-1)",
                        "EARS: the minimum standard deviation (the R package's default: 0; for "
                        "small counts Burkom suggests 0.5-1)"))
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--view", o->view,
                  ctx.T("peringatan (bawaan), mutu (catatan mutu data), bulanan (persen "
                        "diverifikasi dan direspons per bulan)",
                        "peringatan (default), mutu (data-quality flags), bulanan (shares "
                        "verified and responded per month)"))
      ->check(CLI::IsMember({"peringatan", "mutu", "bulanan"}));
  cmd->add_option("--scenario", o->scenario,
                  ctx.T("skenario banjir: wilayah kerja terdampak, faskes tutup, unit respons "
                        "terdekat dan menitnya",
                        "flood scenario: flooded catchments, closed facilities, the nearest "
                        "response unit and its minutes"));
  cmd->add_option("--format", o->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));

  auto* step = cmd->add_subcommand(
      "step", ctx.T("mencatat langkah peringatan: diverifikasi, direspons atau bukan_klb",
                    "records an alert's step: diverifikasi, direspons or bukan_klb"));
  step->add_option("--id", o->id, ctx.T("id peringatan (kolom id)", "alert id (column id)"))
      ->required();
  step->add_option("--status", o->status, "diverifikasi|direspons|bukan_klb")
      ->required()
      ->check(CLI::IsMember({"diverifikasi", "direspons", "bukan_klb"}));
  step->add_option("--at", o->at,
                   ctx.T("waktu ISO 8601 (bawaan: sekarang; tanpa zona = WIB)",
                         "ISO 8601 time (default: now; no zone = WIB)"));
  step->add_option("--note", o->note, ctx.T("catatan", "note"));
  step->callback([&ctx, o] {
    Instant at{static_cast<int64_t>(std::time(nullptr))};
    if (!o->at.empty()) {
      auto parsed = Instant::Parse(o->at);
      if (!parsed) {
        ctx.exit_code = ctx.Fail(Error{Msg::kBadInstant, {"--at", o->at}}, kExitUsage);
        return;
      }
      at = *parsed;
    }
    auto ws = OpenWorkspace(ctx, o->workspace);
    if (!ws) return;
    const auto status = ParseAlertStatus(o->status);
    auto done = app::RecordAlertStep(*ws, o->id, *status, at, CurrentUser(), o->note);
    if (!done) {
      ctx.exit_code = ctx.Fail(done.error(), kExitRefused);
      return;
    }
    ctx.out << o->id << ' ' << o->status << ' ' << at.Iso() << '\n';
  });

  cmd->callback([&ctx, o, step] {
    if (step->parsed()) return;
    app::AlertOptions options;
    auto methods = app::ParseAlertMethods(o->method);
    if (!methods) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadValue, {"--method", o->method}}, kExitUsage);
      return;
    }
    options.methods = *methods;
    options.farrington_b = o->b;
    options.ears_min_sigma = o->min_sigma;
    if (!ParseWeekRange(ctx, o->from, o->to, options.from, options.to)) return;
    auto ws = OpenWorkspace(ctx, o->workspace);
    if (!ws) return;
    auto result = app::ComputeAlerts(*ws, options);
    if (!result) {
      ctx.exit_code = ctx.Fail(result.error());
      return;
    }
    if (o->view == "mutu") {
      PrintTable(ctx, app::QualityTable(*result), o->format);
    } else if (o->view == "bulanan") {
      PrintTable(ctx, app::AlertMonthsTable(*result), o->format);
    } else if (!o->scenario.empty()) {
      auto flood = app::FloodLinks(*ws, o->scenario);
      if (!flood) {
        ctx.exit_code = ctx.Fail(flood.error());
        return;
      }
      PrintTable(ctx, app::AlertsFloodTable(*result, *flood), o->format);
      int in_flood = 0;
      for (const app::Alert& a : result->alerts) {
        const auto it = flood->find(a.kode_faskes);
        in_flood += it != flood->end() && !it->second.desa_banjir.empty() ? 1 : 0;
      }
      ctx.err << fmt::format(fmt::runtime(ctx.T("{}: {} peringatan di wilayah kerja yang banjir",
                                                "{}: {} alerts in flooded catchments")),
                             o->scenario, in_flood)
              << '\n';
    } else {
      PrintTable(ctx, app::AlertsTable(*result), o->format);
    }
    // On stderr, so that CSV or JSON on stdout stays machine-readable.
    ctx.err << fmt::format(
                   fmt::runtime(ctx.T("{} peringatan; {} alarm ditahan sebagai dugaan laporan "
                                      "ganda; {} catatan mutu data (--view mutu)",
                                      "{} alerts; {} alarms held back as suspected double "
                                      "reporting; {} data-quality flags (--view mutu)")),
                   result->alerts.size(), result->withheld, result->flags.size())
            << '\n';
  });
}

}  // namespace

void AddSurveillanceCommands(CLI::App& app, CliContext& ctx) {
  auto* surv = app.add_subcommand(
      "surveillance", ctx.T("kewaspadaan dini penyakit (SKDR): deteksi KLB pada deret mingguan",
                            "early warning (SKDR): outbreak detection on weekly series"));
  surv->require_subcommand(1);
  AddCompletenessCommand(*surv, ctx);
  AddReportsCommand(*surv, ctx);
  AddAlertsCommand(app, ctx);
  struct Options {
    std::string in, out, method;
    std::optional<double> threshold;
    std::optional<double> alpha;
  };
  auto o = std::make_shared<Options>();
  auto* detect = surv->add_subcommand(
      "detect", ctx.T("batas atas dan alarm per minggu, persis seperti paket R surveillance",
                      "upper bound and alarm per week, exactly as R's surveillance package"));
  detect
      ->add_option("in", o->in, ctx.T("deret mingguan: week, cases", "weekly series: week, cases"))
      ->required();
  detect->add_option("--method", o->method, "ears-c1|ears-c2|ears-c3|farrington|fixed|twice-mean3")
      ->required()
      ->check(
          CLI::IsMember({"ears-c1", "ears-c2", "ears-c3", "farrington", "fixed", "twice-mean3"}));
  detect->add_option("--out,-o", o->out, ctx.T("berkas CSV hasil", "CSV file to write"))
      ->required();
  detect
      ->add_option("--threshold", o->threshold,
                   ctx.T("ambang tetap (metode fixed): alarm bila kasus >= ambang",
                         "fixed threshold (method fixed): alarm when cases >= it"))
      ->check(CLI::Range(0.0, 1e9));
  detect
      ->add_option(
          "--alpha", o->alpha,
          ctx.T("tingkat alfa (bawaan: seperti paket R)", "alpha (default: as the R package)"))
      ->check(CLI::Range(1e-9, 0.5));
  detect->callback([&ctx, o] {
    if ((o->method == "fixed") != o->threshold.has_value()) {
      ctx.exit_code =
          ctx.Fail(Error{Msg::kBadValue,
                         {"--threshold", ctx.T("hanya dan wajib untuk --method fixed",
                                               "only, and required, with --method fixed")}},
                   kExitUsage);
      return;
    }
    Diagnostics diags;
    auto series = ingest::ReadWeeklySeries(o->in, diags);
    if (!series) {
      ctx.exit_code = ctx.Fail(series.error());
      return;
    }
    if (RefuseOnErrors(ctx, diags)) return;
    std::optional<std::vector<surveillance::Detection>> r;
    if (o->method == "fixed") {
      r = surveillance::FixedThreshold(series->cases, *o->threshold);
    } else if (o->method == "twice-mean3") {
      r = surveillance::TwiceRecentMean(series->cases, 3);
    } else if (o->method == "farrington") {
      surveillance::FarringtonOptions f;
      if (o->alpha) f.alpha = *o->alpha;
      r = surveillance::Farrington(series->cases, f);
    } else {
      surveillance::EarsOptions e;
      e.method = o->method == "ears-c1"   ? surveillance::EarsMethod::kC1
                 : o->method == "ears-c2" ? surveillance::EarsMethod::kC2
                                          : surveillance::EarsMethod::kC3;
      e.alpha = o->alpha;
      r = surveillance::Ears(series->cases, e);
    }
    if (!r) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadValue, {"--method", o->method}}, kExitUsage);
      return;
    }
    auto out = report::CsvFileWriter::Open(o->out);
    if (!out) {
      ctx.exit_code = ctx.Fail(out.error());
      return;
    }
    (*out)->Row(std::vector<report::Cell>{std::string("week"), std::string("cases"),
                                          std::string("threshold"), std::string("alarm")});
    int64_t rows = 0;
    int64_t alarms = 0;
    for (const surveillance::Detection& d : *r) {
      // A week R leaves without an alarm (NA: no bound could be computed) is not a result.
      if (!d.alarm) continue;
      const auto num = [](double v) { return std::isnan(v) ? report::Cell{} : report::Cell{v}; };
      const bool alarm = *d.alarm;
      (*out)->Row(std::vector<report::Cell>{series->weeks[d.index], num(d.observed), num(d.upper),
                                            int64_t{alarm ? 1 : 0}});
      ++rows;
      alarms += alarm ? 1 : 0;
    }
    if (auto done = (*out)->Commit(); !done) {
      ctx.exit_code = ctx.Fail(done.error());
      return;
    }
    if (rows == 0) {
      ctx.err << ctx.T(
                     "Tidak ada minggu yang dapat dihitung: deret terlalu pendek atau kosong "
                     "(ears-c1 mulai minggu ke-8, ears-c2 ke-10, ears-c3 ke-12, farrington "
                     "ke-264).",
                     "No week could be computed: the series is too short or empty (ears-c1 "
                     "starts at week 8, ears-c2 at 10, ears-c3 at 12, farrington at 264).")
              << '\n';
    }
    ctx.err << fmt::format(
                   fmt::runtime(ctx.T("{} minggu, {} alarm -> {}", "{} weeks, {} alarms -> {}")),
                   rows, alarms, o->out)
            << '\n';
  });
}

}  // namespace jangkau::cli
