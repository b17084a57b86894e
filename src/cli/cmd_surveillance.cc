// jangkau surveillance detect IN --method ears-c1|ears-c2|ears-c3|farrington|fixed --out OUT
//         [--threshold N] [--alpha A]
// Outbreak detection on one weekly series exactly as R's `surveillance` package computes it
// (docs/surveillance.md). OUT: week (as given), cases, threshold (the upper bound), alarm (0|1),
// one row per week the method computes. A bad row refuses the file with its line and column.
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "cli/cli_context.h"
#include "ingest/read_series.h"
#include "report/table.h"
#include "surveillance/ears.h"
#include "surveillance/farrington.h"

namespace jangkau::cli {

void AddSurveillanceCommands(CLI::App& app, CliContext& ctx) {
  auto* surv = app.add_subcommand(
      "surveillance", ctx.T("kewaspadaan dini penyakit (SKDR): deteksi KLB pada deret mingguan",
                            "early warning (SKDR): outbreak detection on weekly series"));
  surv->require_subcommand(1);
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
  detect->add_option("--method", o->method, "ears-c1|ears-c2|ears-c3|farrington|fixed")
      ->required()
      ->check(CLI::IsMember({"ears-c1", "ears-c2", "ears-c3", "farrington", "fixed"}));
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
      r.emplace();
      for (std::size_t i = 0; i < series->cases.size(); ++i) {
        const double y = series->cases[i];
        r->push_back({i, y, *o->threshold,
                      std::isnan(y) ? std::nullopt : std::optional<bool>(y >= *o->threshold)});
      }
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
