// jangkau export KIND --workspace W --format csv|xlsx|geojson|gpkg --out FILE
#include "cli/cli_context.h"
#include "cli/kind_tables.h"

namespace jangkau::cli {

void AddExportCommand(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string kind;
    std::string workspace;
    std::string format;
    std::string out;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "export", ctx.T("menulis isi ruang kerja ke berkas (CSV, Excel, GeoJSON, GeoPackage)",
                      "write the workspace's contents to a file (CSV, Excel, GeoJSON, "
                      "GeoPackage)"));
  cmd->add_option("kind", opt->kind,
                  std::string(ctx.T("jenis data: ", "kind of data: ")) + TableKindChoices())
      ->required();
  cmd->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--format,-f", opt->format, "csv|xlsx|geojson|gpkg")
      ->required()
      ->check(CLI::IsMember({"csv", "xlsx", "geojson", "gpkg"}));
  cmd->add_option("--out,-o", opt->out, ctx.T("berkas keluaran", "output file"))->required();
  cmd->callback([&ctx, opt] {
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    const bool spatial = opt->format == "geojson" || opt->format == "gpkg";
    auto table = TableForKind(*ws, opt->kind, ctx.lang, spatial);
    if (!table) {
      ctx.exit_code =
          ctx.Fail(Error{Msg::kUnknownKind, {opt->kind, TableKindChoices()}}, kExitUsage);
      return;
    }
    std::expected<void, Error> written;
    if (opt->format == "csv") {
      written = report::WriteCsvFile(*table, opt->out);
    } else if (opt->format == "xlsx") {
      written = report::WriteXlsxFile(*table, opt->out);
    } else {
      written =
          report::WriteVectorFile(*table, opt->out, opt->format == "gpkg" ? "GPKG" : "GeoJSON");
    }
    if (!written) {
      ctx.exit_code = ctx.Fail(written.error());
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kExportDone,
                  {std::to_string(table->rows.size()), opt->kind, opt->out})
            << '\n';
  });
}

}  // namespace jangkau::cli
