// jangkau access solve --friction F.tif --sources S.csv --out T.tif [--nearest N.tif]
//                      [--neighbours 8|16] [--max-cost C] [--snap METRES] [--threads N]
#include <chrono>

#include <fmt/format.h>
#include <gdal.h>

#include "access/snap.h"
#include "access/solver.h"
#include "app/access_service.h"
#include "app/request_limits.h"
#include "base/text_util.h"
#include "cli/cli_context.h"
#include "cli/progress_bar.h"
#include "ingest/raster_reader.h"
#include "report/raster_writer.h"

namespace jangkau::cli {
namespace {

struct SolveCliOptions {
  std::string friction;
  std::string sources;
  std::string out;
  std::string nearest;
  int neighbours = 8;
  double max_cost = -1;
  double snap = -1;
  int threads = 0;  // 0: every core
};

void RunSolve(CliContext& ctx, const SolveCliOptions& opt) {
  const auto start = std::chrono::steady_clock::now();
  // Rasters are read straight into the solver's arrays and written a tile row at a time:
  // GDAL's block cache would only add to the peak memory.
  GDALSetCacheMax64(int64_t{16} << 20);
  auto friction = ingest::ReadFrictionRaster(opt.friction);
  if (!friction) {
    ctx.exit_code = ctx.Fail(friction.error(),
                             friction.error().msg == Msg::kFileOpen ? kExitFailed : kExitRefused);
    return;
  }
  Diagnostics diags;
  const auto points = ingest::ReadPointSources(opt.sources, diags);
  std::vector<access::Source> sources;
  const grid::GridSpec& spec = friction->spec;
  for (const auto& p : points) {
    const std::vector<std::string> where = {fmt::format("{}", p.x), fmt::format("{}", p.y)};
    int row = 0;
    int col = 0;
    if (!spec.CellOf(p.x, p.y, row, col)) {
      diags.Error(opt.sources, p.line, 0, Msg::kSourceOutside, where);
      continue;
    }
    if (opt.snap >= 0) {
      auto snapped = access::SnapToPassable(friction->layers[0], spec, row, col, opt.snap);
      if (!snapped) {
        diags.Error(opt.sources, p.line, 0, Msg::kSourceSnapFailed,
                    {where[0], where[1], fmt::format("{}", opt.snap)});
        continue;
      }
      if (snapped->distance > 0) {
        diags.Warning(opt.sources, p.line, 0, Msg::kWarnSnapped,
                      {p.id.empty() ? where[0] + "," + where[1] : p.id,
                       fmt::format("{:.0f}", snapped->distance)});
      }
      row = snapped->row;
      col = snapped->col;
    } else if (!(friction->layers[0].at(row, col) < grid::kImpassable)) {
      diags.Error(opt.sources, p.line, 0, Msg::kSourceImpassable, where);
      continue;
    }
    sources.push_back({row, col, 0});
  }
  for (const auto& d : diags.items()) ctx.PrintDiagnostic(d);
  if (diags.has_errors()) {
    ctx.exit_code = kExitRefused;
    return;
  }
  access::SolveOptions options;
  options.neighbours = opt.neighbours;
  options.threads = opt.threads;
  if (opt.max_cost >= 0) options.max_cost = opt.max_cost;
  access::SolverScratch scratch;
  access::TravelTimes times;
  const auto solve_start = std::chrono::steady_clock::now();
  access::SolveTravelTime(scratch, *friction, sources, options, times);
  const auto solve_end = std::chrono::steady_clock::now();
  auto written = report::WriteTravelTimes(opt.out, opt.nearest, spec, times, {.layer = 0});
  if (!written) {
    ctx.exit_code = ctx.Fail(written.error());
    return;
  }
  const auto end = std::chrono::steady_clock::now();
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  ctx.out
      << fmt::format(
             fmt::runtime(ctx.T(
                 "{} sel, {} sumber, {} tetangga: dihitung {:.2f} d, total {:.2f} d; ditulis ke {}",
                 "{} cells, {} sources, {} neighbours: solved in {:.2f} s, {:.2f} s in all; "
                 "written to {}")),
             spec.cells(), sources.size(), opt.neighbours, secs(solve_start, solve_end),
             secs(start, end), opt.out)
      << '\n';
}

}  // namespace

void AddAccessCommand(CLI::App& app, CliContext& ctx) {
  auto* access = app.add_subcommand(
      "access", ctx.T("waktu tempuh ke layanan kesehatan", "travel time to health care"));
  access->require_subcommand(1);
  auto opt = std::make_shared<SolveCliOptions>();
  auto* solve = access->add_subcommand(
      "solve", ctx.T("waktu tempuh terkecil dari sumber di atas raster friksi (konvensi r.cost)",
                     "least travel cost from sources over a friction raster (r.cost convention)"));
  solve
      ->add_option("--friction", opt->friction,
                   ctx.T("raster biaya melintasi satu sel (nodata/NaN = tak dapat dilalui)",
                         "raster of the cost of crossing one cell (nodata/NaN = impassable)"))
      ->required();
  solve
      ->add_option("--sources", opt->sources,
                   ctx.T("tabel sumber dengan kolom x,y (opsional id) dalam CRS raster",
                         "table of sources with columns x,y (optional id) in the raster's CRS"))
      ->required();
  solve
      ->add_option(
          "--out", opt->out,
          ctx.T("GeoTIFF biaya kumulatif (Float32)", "GeoTIFF of accumulated cost (Float32)"))
      ->required();
  solve->add_option("--nearest", opt->nearest,
                    ctx.T("GeoTIFF indeks sumber terdekat (Int32, mulai 0)",
                          "GeoTIFF of the nearest source index (Int32, from 0)"));
  solve->add_option("--neighbours", opt->neighbours, "8|16")->check(CLI::IsMember({8, 16}));
  solve
      ->add_option("--max-cost", opt->max_cost,
                   ctx.T("biaya kumulatif terbesar yang dihitung", "largest accumulated cost"))
      ->check(CLI::NonNegativeNumber);
  solve
      ->add_option(
          "--snap", opt->snap,
          ctx.T("pindahkan sumber di sel tak terlalui ke sel terdekat dalam METER",
                "move sources on impassable cells to the nearest passable cell within METRES"))
      ->check(CLI::NonNegativeNumber);
  solve
      ->add_option("--threads", opt->threads,
                   ctx.T("utas yang melonggarkan satu ember bersama (0 = semua inti; hasil tidak "
                         "bergantung padanya)",
                         "threads relaxing one bucket together (0 = every core; the result does "
                         "not depend on it)"))
      ->check(CLI::Range(0, 64));
  solve->callback([&ctx, opt] { RunSolve(ctx, *opt); });

  struct RunOptions {
    std::string workspace;
    app::AccessRunOptions run;
    double tile_margin_km = 30;
    double tile_margin_max_km = 120;
  };
  auto ropt = std::make_shared<RunOptions>();
  ropt->run.out_dir = "out/akses";
  auto* run = access->add_subcommand(
      "run", ctx.T("waktu tempuh dari setiap desa ke puskesmas, FKTP dan rumah sakit terdekat",
                   "travel time from every village to the nearest puskesmas, FKTP and hospital"));
  run->add_option("--workspace,-w", ropt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  run->add_option("--scenario", ropt->run.scenario,
                  ctx.T("nama skenario hasil (bawaan: dasar)",
                        "name the results are stored under (default: dasar)"));
  run->add_option("--resolution", ropt->run.resolution_m,
                  ctx.T("ukuran sel grid dalam meter (bawaan 100)",
                        "grid cell size in metres (default 100)"))
      ->check(CLI::Range(app::kResolutionM.lo, app::kResolutionM.hi));
  run->add_option("--neighbours", ropt->run.neighbours, "8|16")->check(CLI::IsMember({8, 16}));
  run->add_option("--out", ropt->run.out_dir,
                  ctx.T("folder keluaran (GeoTIFF, GeoPackage, CSV)",
                        "output folder (GeoTIFF, GeoPackage, CSV)"));
  run->add_option(
         "--tiles", ropt->run.tiling,
         ctx.T("auto: per kabupaten bila satu grid melebihi 40 juta sel; kabupaten: selalu per "
               "kabupaten; none: satu grid",
               "auto: by kabupaten when one grid would exceed 40 million cells; kabupaten: "
               "always by kabupaten; none: one grid"))
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, app::Tiling>{{"auto", app::Tiling::kAuto},
                                             {"none", app::Tiling::kNone},
                                             {"kabupaten", app::Tiling::kKabupaten}},
          CLI::ignore_case));
  run->add_option("--tile-margin-km", ropt->tile_margin_km,
                  ctx.T("lebar tepi petak per kabupaten dalam km (bawaan 30; ASUMSI)",
                        "margin of a kabupaten's tile in km (default 30; ASSUMPTION)"))
      ->check(CLI::Range(0.0, 1000.0));
  run->add_option("--tile-margin-max-km", ropt->tile_margin_max_km,
                  ctx.T("petak yang menyisakan waktu tak pasti (penduduk, peta atau rujukan) "
                        "dihitung ulang dengan tepi dua kali lipat, sampai lebar ini dalam km "
                        "dan tak lebih besar dari petak terbesar (bawaan 120; ASUMSI; sama dengan "
                        "--tile-margin-km: tetap)",
                        "a tile leaving times unsure (people, map or referrals) is solved again "
                        "with twice the margin, up to this many km and no larger than the "
                        "largest tile (default 120; ASSUMPTION; equal to --tile-margin-km: "
                        "fixed)"))
      ->check(CLI::Range(0.0, 1000.0));
  run->callback([&ctx, ropt] {
    ropt->run.tile_margin_m = ropt->tile_margin_km * 1000;
    ropt->run.tile_margin_max_m = std::max(ropt->tile_margin_km, ropt->tile_margin_max_km) * 1000;
    auto ws = OpenWorkspace(ctx, ropt->workspace);
    if (!ws) return;
    ProgressBar bar(ctx.out, ctx.stdout_is_tty, ctx.T("akses", "access"));
    auto report =
        app::RunAccess(*ws, ropt->run, CurrentUser(),
                       [&bar](int step, int of, const std::string&) { bar.Update(step, of); });
    bar.Finish();
    if (!report) {
      // Refused (the workspace's data or the options): 1, as an import; the store failing: 3.
      ctx.exit_code = ctx.Fail(report.error(),
                               MsgStatus(report.error().msg) == 422 ? kExitRefused : kExitFailed);
      return;
    }
    for (const auto& w : report->warnings) ctx.PrintDiagnostic(w);
    ctx.out << fmt::format(
                   fmt::runtime(ctx.T(
                       "grid {} x {} sel ({} m), {:.1f} d; hasil disimpan sebagai skenario '{}'",
                       "grid {} x {} cells ({} m), {:.1f} s; results stored as scenario '{}'")),
                   report->spec.cols, report->spec.rows, ropt->run.resolution_m, report->seconds,
                   ropt->run.scenario)
            << '\n';
    if (!report->tiles.empty()) {
      int64_t largest = 0;
      for (const auto& t : report->tiles) largest = std::max(largest, t.spec.cells());
      ctx.out << fmt::format(
                     fmt::runtime(ctx.T("per kabupaten: {} petak satu per satu, terbesar {} sel, "
                                        "tepi {:.0f} km",
                                        "by kabupaten: {} tiles one after another, the largest "
                                        "{} cells, margin {:.0f} km")),
                     report->tiles.size(), largest, ropt->run.tile_margin_m / 1000)
              << '\n';
      for (const auto& t : report->tiles) {
        if (t.margin_m <= ropt->run.tile_margin_m) continue;
        ctx.out << fmt::format(
                       fmt::runtime(ctx.T("  {}: tepi dilebarkan menjadi {:.0f} km ({} sel)",
                                          "  {}: margin widened to {:.0f} km ({} cells)")),
                       t.kabupaten, t.margin_m / 1000, t.spec.cells())
                << '\n';
      }
      // What a tile may have made longer than one grid would: those times are upper bounds.
      auto unsure = [&](const auto& counts, const char* id, const char* en) {
        for (const auto& [what, count] : counts) {
          ctx.out << fmt::format(fmt::runtime(ctx.T(id, en)), what, count) << '\n';
        }
      };
      unsure(report->uncertain_people,
             "  {}: {:.0f} penduduk dengan waktu yang mungkin lebih pendek tanpa petak (jalan "
             "terbaiknya bisa keluar petak; perlebar --tile-margin-max-km, atau --tile-margin-km "
             "bila petak sudah sebesar petak terbesar)",
             "  {}: {:.0f} people whose time may be shorter without tiles (their best path could "
             "leave the tile; widen --tile-margin-max-km, or --tile-margin-km where the tile is "
             "already as large as the largest)");
      unsure(report->uncertain_km2,
             "  {}: {:.0f} km2 peta dengan waktu yang mungkin lebih pendek tanpa petak (termasuk "
             "wilayah tanpa data penduduk)",
             "  {}: {:.0f} km2 of the map whose time may be shorter without tiles (regions "
             "without a population figure included)");
      unsure(report->uncertain_facilities,
             "  {}: {} jawaban fasyankes yang mungkin lebih pendek tanpa petak (perlebar "
             "--tile-margin-max-km)",
             "  {}: {} facility answers that may be shorter without tiles (widen "
             "--tile-margin-max-km)");
    }
    if (report->roads_approximated) {
      ctx.out
          << ctx.T(
                 "CATATAN: tidak ada lapisan jalan; kecepatan per desa adalah PERKIRAAN dari jarak "
                 "desa ke jalan (BIG). Impor jalan dengan `jangkau import roads BERKAS`.",
                 "NOTE: no road layer; speeds per village are an APPROXIMATION from each village's "
                 "distance to a road (BIG). Import roads with `jangkau import roads FILE`.")
          << '\n';
    }
    // Population beyond 60 and 120 minutes from a puskesmas, by kecamatan (and by kabupaten
    // in a province's workspace).
    ctx.out << ctx.T("Penduduk di luar 60 dan 120 menit dari puskesmas, per wilayah:",
                     "Population beyond 60 and 120 minutes from a puskesmas, by region:")
            << '\n';
    ctx.out << fmt::format("  {:<10} {:<32} {:>10} {:>10} {:>10} {:>8}\n", "kode",
                           ctx.T("wilayah", "region"), ctx.T("penduduk", "population"), "> 60",
                           "> 120", ctx.T("rerata", "mean"));
    for (const auto& r : report->regions.at("puskesmas")) {
      const auto level = LevelOfCode(r.kode_wilayah);
      if (level != RegionLevel::kKecamatan && level != RegionLevel::kKabupaten) continue;
      ctx.out << fmt::format("  {:<10} {:<32} {:>10.0f} {:>10.0f} {:>10.0f} {:>8}\n",
                             r.kode_wilayah, Utf8Prefix(report->region_names[r.kode_wilayah], 32),
                             r.penduduk, std::max(0.0, r.penduduk - r.dalam_60),
                             std::max(0.0, r.penduduk - r.dalam_120),
                             r.rata_menit ? fmt::format("{:.0f}", *r.rata_menit) : "-");
    }
    for (const auto& f : report->files) ctx.out << "  -> " << f << '\n';
  });
}

}  // namespace jangkau::cli
