// jangkau import KIND FILE --workspace W [--name N] [--encoding utf8|cp1252|latin1]
//   [--make-valid]
#include <unistd.h>

#include "app/import_service.h"
#include "app/reference_tables.h"
#include "cli/cli_context.h"
#include "cli/progress_bar.h"
#include "ingest/layers.h"
#include "ingest/table_reader.h"

namespace jangkau::cli {

void AddImportCommand(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string kind;
    std::string file;
    std::string workspace;
    std::string name;
    std::string encoding = "utf8";
    bool make_valid = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "import", ctx.T("mengimpor berkas (CSV, XLSX, GeoJSON, GPKG, ...) ke ruang kerja; berkas "
                      "yang salah ditolak seluruhnya",
                      "import a file (CSV, XLSX, GeoJSON, GPKG, ...) into the workspace; a file "
                      "with errors is refused whole"));
  const std::string kinds = app::ImportKindChoices() + ", " + ingest::LayerKindChoices() + ", " +
                            app::ReferenceKindChoices();
  cmd->add_option("kind", opt->kind, std::string(ctx.T("jenis data: ", "kind of data: ")) + kinds)
      ->required();
  cmd->add_option("file", opt->file, ctx.T("berkas yang diimpor", "file to import"))->required();
  cmd->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--name", opt->name,
                  ctx.T("nama tabel acuan (mis. pmk43_2019); bawaan: nama tabel yang dikirim",
                        "reference table name (e.g. pmk43_2019); default: the shipped table's"));
  cmd->add_option("--encoding", opt->encoding,
                  ctx.T("pengodean berkas CSV yang bukan UTF-8: cp1252 (CSV dari Excel di Windows) "
                        "atau latin1; tanpa ini teks yang bukan UTF-8 ditolak",
                        "encoding of a CSV file that is not UTF-8: cp1252 (CSV from Excel on "
                        "Windows) or latin1; without it, text that is not UTF-8 is refused"))
      ->check(CLI::IsMember({"utf8", "utf-8", "cp1252", "windows-1252", "latin1", "iso-8859-1"}));
  cmd->add_flag("--make-valid", opt->make_valid,
                ctx.T("perbaiki poligon batas wilayah yang tidak sah (GDAL/GEOS) dan laporkan "
                      "perubahan luasnya, alih-alih menolak berkas",
                      "repair invalid region boundary polygons (GDAL/GEOS) and report the change "
                      "in area, instead of refusing the file"));
  cmd->callback([&ctx, opt, kinds] {
    auto kind = app::ParseImportKind(opt->kind);
    auto reference = app::ParseReferenceKind(opt->kind);
    const bool layer = ingest::IsLayerKind(opt->kind);
    if (!kind && !reference && !layer) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUnknownKind, {opt->kind, kinds}}, kExitUsage);
      return;
    }
    const ingest::TextEncoding encoding =
        ingest::ParseTextEncoding(opt->encoding).value_or(ingest::TextEncoding::kUtf8);
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    ProgressBar bar(ctx.out, ctx.stdout_is_tty, ctx.T("membaca", "reading"));
    auto progress = [&bar](int64_t done, int64_t total) { bar.Update(done, total); };
    std::expected<app::ImportResult, Error> result;
    if (layer) {
      result = app::ImportLayerFile(*ws, opt->kind, opt->file, CurrentUser(), encoding);
    } else if (kind) {
      result = app::RunImport(*ws, *kind, opt->file, CurrentUser(), progress,
                              {.encoding = encoding, .make_valid = opt->make_valid});
    } else {
      const std::string name =
          opt->name.empty() ? app::DefaultReferenceName(*reference) : opt->name;
      result =
          app::ImportReference(*ws, *reference, opt->file, name, CurrentUser(), progress, encoding);
    }
    bar.Finish();
    if (!result) {
      // A file refused for what it holds (a header not in UTF-8, a column twice, a byte the
      // named encoding lacks: 422 in the registry) exits like any refused import.
      ctx.exit_code = ctx.Fail(result.error(),
                               MsgStatus(result.error().msg) == 422 ? kExitRefused : kExitFailed);
      return;
    }
    const Diagnostics& diags = result->diagnostics;
    for (const Diagnostic& d : diags.items()) ctx.PrintDiagnostic(d);
    const std::size_t shown = diags.items().size();
    const std::size_t total = diags.error_count() + diags.warning_count();
    if (total > shown) {
      ctx.err << Tr(ctx.lang, Msg::kMoreProblems, {std::to_string(total - shown)}) << '\n';
    }
    const std::string kind_key = layer  ? opt->kind
                                 : kind ? std::string(app::ImportKindKey(*kind))
                                        : std::string(app::ReferenceKindKey(*reference));
    if (!result->written) {
      ctx.err << Tr(ctx.lang, Msg::kImportRefused,
                    {kind_key, opt->file, std::to_string(diags.error_count())})
              << '\n';
      ctx.exit_code = kExitRefused;
      return;
    }
    if (result->added >= 0) {
      ctx.out << Tr(ctx.lang, Msg::kImportDoneCounts,
                    {kind_key, opt->file, std::to_string(result->rows),
                     std::to_string(result->added), std::to_string(result->existing),
                     std::to_string(diags.warning_count())})
              << '\n';
    } else {
      ctx.out << Tr(ctx.lang, Msg::kImportDone,
                    {kind_key, opt->file, std::to_string(result->rows),
                     std::to_string(diags.warning_count())})
              << '\n';
    }
  });
}

}  // namespace jangkau::cli
