// jangkau growth zscore IN --out OUT [--c9mo-flag]
// jangkau growth prevalence IN [--cluster C] [--strata S] [--weights W] --out OUT
// jangkau programmes --workspace W --by desa|posyandu|puskesmas|kecamatan|kabupaten
//         [--from DATE] [--to DATE] [--format table|csv|json]
// z-scores and prevalence exactly as WHO anthro 1.1.0 (docs/programmes.md). A bad row refuses
// the whole file with its line and column; nothing is written.
#include <fmt/format.h>

#include "app/growth_tables.h"
#include "app/programmes_board.h"
#include "app/programmes_service.h"
#include "cli/cli_context.h"
#include "growth/prevalence.h"
#include "ingest/read_growth.h"

namespace jangkau::cli {
namespace {

// Reads IN, giving `row` each row, and prints its problems; the file's columns, or std::nullopt
// (exit code set) when refused.
std::optional<std::vector<std::string>> ReadInput(
    CliContext& ctx, const std::string& path, const ingest::DesignColumns& design,
    const std::function<void(ingest::AnthroRow&&)>& row) {
  Diagnostics diags;
  auto columns = ingest::ReadAnthroFile(path, design, diags, row);
  if (!columns) {
    ctx.exit_code = ctx.Fail(columns.error());
    return std::nullopt;
  }
  if (RefuseOnErrors(ctx, diags)) return std::nullopt;
  return std::move(*columns);
}

bool Write(CliContext& ctx, const report::Table& t, const std::string& out) {
  if (auto w = report::WriteCsvFile(t, out); !w) {
    ctx.exit_code = ctx.Fail(w.error());
    return false;
  }
  return true;
}

}  // namespace

void AddGrowthCommands(CLI::App& app, CliContext& ctx) {
  struct SkdnOptions {
    std::string workspace, from, to, format = "table";
  };
  auto so = std::make_shared<SkdnOptions>();
  auto* skdn = app.add_subcommand(
      "skdn",
      ctx.T("register posyandu SKDN per posyandu dan bulan (S, D, N, T, O, B, BGM, 2T)",
            "the posyandu register SKDN per posyandu and month (S, D, N, T, O, B, BGM, 2T)"));
  skdn->add_option("--workspace,-w", so->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  skdn->add_option("--from", so->from, ctx.T("penimbangan sejak tanggal ini", "weighings from"));
  skdn->add_option("--to", so->to, ctx.T("penimbangan sampai tanggal ini", "weighings up to"));
  skdn->add_option("--format", so->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  skdn->callback([&ctx, so] {
    std::optional<Date> from;
    std::optional<Date> to;
    if (!ParseDateRange(ctx, so->from, so->to, from, to)) return;
    auto ws = OpenWorkspace(ctx, so->workspace);
    if (!ws) return;
    PrintTable(ctx, app::SkdnTable(*ws, from, to), so->format);
  });

  struct ProgrammeOptions {
    std::string workspace, by = "desa", from, to, format = "table";
    bool against_access = false;
    bool breakdown = false;
    std::string map;
  };
  auto pg = std::make_shared<ProgrammeOptions>();
  auto* prog = app.add_subcommand(
      "programmes",
      ctx.T("program pencegahan: pertumbuhan dan stunting per wilayah (e-PPGBM, angka rutin)",
            "prevention programmes: growth and stunting by area (e-PPGBM, routine figures)"));
  prog->add_option("--workspace,-w", pg->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  prog->add_option("--by", pg->by, "desa|posyandu|puskesmas|kecamatan|kabupaten")
      ->check(CLI::IsMember({"desa", "posyandu", "puskesmas", "kecamatan", "kabupaten"}));
  prog->add_option("--from", pg->from,
                   ctx.T("pengukuran sejak tanggal ini", "measurements from this date"));
  prog->add_option("--to", pg->to,
                   ctx.T("pengukuran sampai tanggal ini", "measurements up to this date"));
  prog->add_option("--format", pg->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  prog->add_flag("--against-access", pg->against_access,
                 ctx.T("D/S, stunting dan STBM di samping menit ke puskesmas, yang paling jarang "
                       "ditimbang dan paling jauh lebih dulu (--by desa|posyandu|kecamatan)",
                       "D/S, stunting and STBM beside the minutes to a puskesmas, the least "
                       "weighed and farthest first (--by desa|posyandu|kecamatan)"));
  prog->add_flag("--breakdown", pg->breakdown,
                 ctx.T("juga per kelompok umur (WHO anthro) dan jenis kelamin",
                       "also by age group (WHO anthro) and sex"));
  prog->add_option("--map", pg->map,
                   ctx.T("tulis juga peta desa (GeoJSON): stunting, D/S, STBM, menit ke puskesmas",
                         "also write the villages' map (GeoJSON): stunting, D/S, STBM, minutes"));
  prog->callback([&ctx, pg] {
    app::ProgrammeOptions options;
    options.breakdown = pg->breakdown;
    options.by = app::ParseProgrammeLevel(pg->by).value_or(app::ProgrammeLevel::kDesa);
    if (!ParseDateRange(ctx, pg->from, pg->to, options.from, options.to)) return;
    if (pg->against_access && (options.by == app::ProgrammeLevel::kPuskesmas ||
                               options.by == app::ProgrammeLevel::kKabupaten)) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadValue,
                                     {"--by", pg->by + " (--against-access: "
                                                       "desa|posyandu|kecamatan)"}},
                               kExitUsage);
      return;
    }
    auto ws = OpenWorkspace(ctx, pg->workspace);
    if (!ws) return;
    if (!pg->map.empty()) {
      const report::Table map = app::ProgrammesMapTable(*ws, options);
      const bool gpkg = pg->map.ends_with(".gpkg");
      if (auto written = report::WriteVectorFile(map, pg->map, gpkg ? "GPKG" : "GeoJSON");
          !written) {
        ctx.exit_code = ctx.Fail(written.error());
        return;
      }
      ctx.err << Tr(ctx.lang, Msg::kExportDone,
                    {std::to_string(map.rows.size()), map.name, pg->map})
              << '\n';
    }
    if (pg->against_access) {
      const app::AccessComparison c = app::AgainstAccess(*ws, options);
      PrintTable(ctx, c.table, pg->format);
      if (c.spearman_menit_ds) {
        ctx.err << fmt::format(
                       fmt::runtime(ctx.T("korelasi Spearman menit ke puskesmas dan D/S: {:.2f} "
                                          "({} baris; negatif: makin jauh makin jarang ditimbang)",
                                          "Spearman correlation of minutes to a puskesmas and "
                                          "D/S: {:.2f} ({} rows; negative: the farther, the less "
                                          "weighed)")),
                       *c.spearman_menit_ds, c.n)
                << '\n';
      }
      return;
    }
    PrintTable(ctx, app::GrowthByArea(*ws, options), pg->format);
  });

  auto* growth =
      app.add_subcommand("growth", ctx.T("pertumbuhan anak: z-skor dan prevalensi (WHO anthro)",
                                         "child growth: z-scores and prevalence (WHO anthro)"));
  growth->require_subcommand(1);

  struct ZOptions {
    std::string in, out;
    bool c9mo = false;
  };
  auto zo = std::make_shared<ZOptions>();
  auto* z = growth->add_subcommand(
      "zscore", ctx.T("z-skor per pengukuran, persis seperti anthro_zscores() WHO",
                      "z-scores per measurement, exactly as WHO's anthro_zscores()"));
  z->add_option("in", zo->in, ctx.T("berkas pengukuran (CSV/XLSX)", "measurements (CSV/XLSX)"))
      ->required();
  z->add_option("--out,-o", zo->out, ctx.T("berkas CSV hasil", "CSV file to write"))->required();
  z->add_flag("--c9mo-flag", zo->c9mo,
              ctx.T("tambah kolom c9mo_flag (posisi berdiri di bawah 9 bulan)",
                    "add the c9mo_flag column (standing under 9 months)"));
  z->callback([&ctx, zo] {
    // Two passes in constant memory: the whole file is checked first (a bad row refuses it and
    // nothing is written), then each row is scored and written.
    auto columns = ReadInput(ctx, zo->in, {}, [](ingest::AnthroRow&&) {});
    if (!columns) return;
    auto out = report::CsvFileWriter::Open(zo->out);
    if (!out) {
      ctx.exit_code = ctx.Fail(out.error());
      return;
    }
    std::vector<std::string> header = *columns;
    for (const std::string& c : app::ZScoreColumns(zo->c9mo)) header.push_back(c);
    (*out)->Row(header);
    const growth::Standards& who = growth::WhoStandards();
    int64_t rows = 0;
    std::vector<report::Cell> cells;
    ReadInput(ctx, zo->in, {}, [&](ingest::AnthroRow&& r) {
      cells.assign(r.cells.begin(), r.cells.end());
      cells.resize(columns->size());
      for (report::Cell& c : app::ZScoreCells(growth::Compute(who, r.m), zo->c9mo)) {
        cells.push_back(std::move(c));
      }
      (*out)->Row(cells);
      ++rows;
    });
    if (ctx.exit_code != kExitOk) return;  // the file changed between the passes
    if (auto done = (*out)->Commit(); !done) {
      ctx.exit_code = ctx.Fail(done.error());
      return;
    }
    ctx.err << fmt::format(fmt::runtime(ctx.T("{} pengukuran -> {}", "{} measurements -> {}")),
                           rows, zo->out)
            << '\n';
  });

  struct POptions {
    std::string in, out;
    ingest::DesignColumns design;
  };
  auto po = std::make_shared<POptions>();
  auto* p = growth->add_subcommand(
      "prevalence",
      ctx.T("prevalensi dengan selang kepercayaan 95%, persis seperti anthro_prevalence() WHO",
            "prevalence with 95% confidence intervals, exactly as WHO's anthro_prevalence()"));
  p->add_option("in", po->in, ctx.T("berkas pengukuran (CSV/XLSX)", "measurements (CSV/XLSX)"))
      ->required();
  p->add_option("--out,-o", po->out, ctx.T("berkas CSV hasil", "CSV file to write"))->required();
  p->add_option("--cluster", po->design.cluster,
                ctx.T("kolom klaster (PSU) desain survei", "the survey design's cluster column"));
  p->add_option("--strata", po->design.strata,
                ctx.T("kolom strata desain survei", "the survey design's strata column"));
  p->add_option("--weights", po->design.weights,
                ctx.T("kolom bobot sampel", "the sampling weights column"));
  p->callback([&ctx, po] {
    const growth::Standards& who = growth::WhoStandards();
    std::vector<growth::SurveyChild> children;
    auto columns = ReadInput(ctx, po->in, po->design, [&](ingest::AnthroRow&& r) {
      children.push_back({growth::Compute(who, r.m), r.m.oedema, std::move(r.cluster),
                          std::move(r.strata), r.weight});
    });
    if (!columns) return;
    const growth::Design design{!po->design.cluster.empty(), !po->design.strata.empty(),
                                !po->design.weights.empty()};
    auto result = growth::Prevalence(children, design);
    if (!result) {
      ctx.exit_code = ctx.Fail(result.error(), kExitRefused);
      return;
    }
    if (result->excluded_age > 0) {
      ctx.err << fmt::format(fmt::runtime(ctx.T("{} anak di atas 1826 hari tidak dihitung",
                                                "{} children older than 1826 days left out")),
                             result->excluded_age)
              << '\n';
    }
    if (result->excluded_design > 0) {
      ctx.err << fmt::format(
                     fmt::runtime(ctx.T("{} anak tanpa klaster atau strata tidak dihitung",
                                        "{} children without a cluster or stratum left out")),
                     result->excluded_design)
              << '\n';
    }
    if (!Write(ctx, app::PrevalenceTable(*result), po->out)) return;
    ctx.err << fmt::format(fmt::runtime(ctx.T("{} kelompok -> {}", "{} groups -> {}")),
                           result->rows.size(), po->out)
            << '\n';
  });
}

}  // namespace jangkau::cli
