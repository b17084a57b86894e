// jangkau show KIND --workspace W [--format table|csv|json]
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/summary.h"
#include "cli/cli_context.h"
#include "cli/kind_tables.h"

namespace jangkau::cli {
namespace {

void PrintSummary(CliContext& ctx, const app::Summary& s, const CadreCatalog& cadres,
                  const std::string& format) {
  if (format == "json") {
    nlohmann::json j = {{"fasyankes_per_jenis", s.facilities_by_type},
                        {"fasyankes_dengan_asumsi", s.facilities_with_assumptions},
                        {"tenaga_total", s.workers_total},
                        {"kecamatan", s.kecamatan},
                        {"desa", s.desa},
                        {"desa_dengan_penduduk", s.desa_with_population},
                        {"penduduk_jumlah_desa", s.population_desa_sum},
                        {"penduduk_tahun", s.population_year},
                        {"peringatan_per_kode", s.warnings_by_code},
                        {"peringatan_total", s.warnings_total}};
    nlohmann::json cadres = nlohmann::json::object();
    for (const auto& [k, n] : s.workers_by_cadre) cadres[k] = n;
    j["tenaga_per_jenis"] = cadres;
    ctx.out << j.dump(2) << '\n';
    return;
  }
  auto& o = ctx.out;
  o << ctx.T("Fasyankes menurut jenis:", "Facilities by type:") << '\n';
  int64_t total = 0;
  for (const auto& [type, n] : s.facilities_by_type) {
    o << fmt::format("  {:<44} {:>8}\n", type, n);
    total += n;
  }
  o << fmt::format("  {:<44} {:>8}\n", ctx.T("jumlah", "total"), total);
  if (s.facilities_with_assumptions > 0) {
    o << fmt::format(
        "  {}\n", fmt::format(fmt::runtime(ctx.T("({} fasyankes memakai ASUMSI rawat inap/kategori "
                                                 "wilayah; lihat `jangkau validate`)",
                                                 "({} facilities use ASSUMED inpatient status/area "
                                                 "category; see `jangkau validate`)")),
                              s.facilities_with_assumptions));
  }
  o << ctx.T("Tenaga kesehatan menurut jenis:", "Health workers by cadre:") << '\n';
  for (const auto& [kode, n] : s.workers_by_cadre) {
    const Cadre* c = cadres.Find(kode);
    const std::string name = c == nullptr ? kode : (ctx.lang == Lang::kEn ? c->nama_en : c->nama);
    o << fmt::format("  {:<44} {:>8}\n", name, n);
  }
  o << fmt::format("  {:<44} {:>8}\n", ctx.T("jumlah", "total"), s.workers_total);
  o << ctx.T("Wilayah dan penduduk:", "Regions and population:") << '\n';
  o << fmt::format("  {:<44} {:>8}\n", ctx.T("kecamatan", "kecamatan (sub-districts)"),
                   s.kecamatan);
  o << fmt::format("  {:<44} {:>8}\n", ctx.T("desa/kelurahan", "villages"), s.desa);
  o << fmt::format("  {:<44} {:>8}\n",
                   ctx.T("desa dengan data penduduk", "villages with population"),
                   s.desa_with_population);
  o << fmt::format(
      "  {:<44} {:>8}\n",
      fmt::format(fmt::runtime(ctx.T("penduduk (jumlah desa, {})", "population (village sum, {})")),
                  s.population_year),
      s.population_desa_sum);
  for (const auto& [kode, nama, n, year] : s.kabupaten_population) {
    o << fmt::format(
        "  {:<44} {:>8}\n",
        fmt::format(fmt::runtime(ctx.T("penduduk {} ({})", "population {} ({})")), nama, year), n);
  }
  o << fmt::format("{} {}\n", ctx.T("Peringatan:", "Warnings:"), s.warnings_total);
  for (const auto& [code, n] : s.warnings_by_code) o << fmt::format("  {:<44} {:>8}\n", code, n);
}

}  // namespace

void AddShowCommand(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string kind;
    std::string workspace;
    std::string format = "table";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "show", ctx.T("menampilkan isi ruang kerja", "show the workspace's contents"));
  cmd->add_option("kind", opt->kind,
                  std::string(ctx.T("jenis data: summary, ", "kind of data: summary, ")) +
                      TableKindChoices())
      ->required();
  cmd->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--format,-f", opt->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([&ctx, opt] {
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    if (opt->kind == "summary") {
      PrintSummary(ctx, app::Summarize(*ws), ws->Cadres(), opt->format);
      return;
    }
    auto table = TableForKind(*ws, opt->kind, ctx.lang, /*with_geometry=*/false);
    if (!table) {
      ctx.exit_code = ctx.Fail(
          Error{Msg::kUnknownKind, {opt->kind, "summary, " + TableKindChoices()}}, kExitUsage);
      return;
    }
    if (opt->format == "csv") {
      report::WriteCsv(*table, ctx.out);
    } else if (opt->format == "json") {
      ctx.out << report::ToJson(*table).dump(2) << '\n';
    } else {
      report::WriteText(*table, ctx.out);
    }
  });
}

}  // namespace jangkau::cli
