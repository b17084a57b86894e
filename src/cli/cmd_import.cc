// jangkau import KIND FILE --workspace W [--name N] [--encoding utf8|cp1252|latin1]
//   [--make-valid]
// jangkau import fhir FILE --workspace W          (a FHIR R4 Bundle or NDJSON, SATUSEHAT)
// jangkau import dhis2 FILE --workspace W [--dry-run]   (a DHIS2 dataValueSet)
#include <unistd.h>

#include "app/import_service.h"
#include "app/interop_service.h"
#include "app/reference_tables.h"
#include "cli/cli_context.h"
#include "cli/progress_bar.h"
#include "ingest/layers.h"
#include "ingest/table_reader.h"

namespace jangkau::cli {

namespace {

struct Options {
  std::string kind;
  std::string file;
  std::string workspace;
  std::string name;
  std::string encoding = "utf8";
  bool make_valid = false;
  bool dry_run = false;
};

// The problems found, then the outcome; a refused import exits kExitRefused.
void ReportImport(CliContext& ctx, const app::ImportResult& result, const std::string& kind_key,
                  const std::string& file) {
  const Diagnostics& diags = result.diagnostics;
  for (const Diagnostic& d : diags.items()) ctx.PrintDiagnostic(d);
  const std::size_t shown = diags.items().size();
  const std::size_t total = diags.error_count() + diags.warning_count();
  if (total > shown) {
    ctx.err << Tr(ctx.lang, Msg::kMoreProblems, {std::to_string(total - shown)}) << '\n';
  }
  if (!result.written) {
    ctx.err << Tr(ctx.lang, Msg::kImportRefused,
                  {kind_key, file, std::to_string(diags.error_count())})
            << '\n';
    ctx.exit_code = kExitRefused;
    return;
  }
  if (result.added >= 0) {
    ctx.out << Tr(ctx.lang, Msg::kImportDoneCounts,
                  {kind_key, file, std::to_string(result.rows), std::to_string(result.added),
                   std::to_string(result.existing), std::to_string(diags.warning_count())})
            << '\n';
  } else {
    ctx.out << Tr(ctx.lang, Msg::kImportDone,
                  {kind_key, file, std::to_string(result.rows),
                   std::to_string(diags.warning_count())})
            << '\n';
  }
}

// import fhir / import dhis2 (docs/interop.md).
void ImportInterop(CliContext& ctx, const Options& opt) {
  auto ws = OpenWorkspace(ctx, opt.workspace);
  if (!ws) return;
  if (opt.kind == "fhir") {
    if (opt.dry_run) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {"--dry-run: import dhis2"}}, kExitUsage);
      return;
    }
    auto result = app::ImportFhir(*ws, opt.file, CurrentUser());
    if (!result) {
      ctx.exit_code = ctx.Fail(result.error(),
                               MsgStatus(result.error().msg) == 422 ? kExitRefused : kExitFailed);
      return;
    }
    ReportImport(ctx, *result, "fhir", opt.file);
    return;
  }
  auto result = app::ImportDhis2(*ws, opt.file, CurrentUser(), opt.dry_run);
  if (!result) {
    ctx.exit_code =
        ctx.Fail(result.error(), MsgStatus(result.error().msg) == 422 ? kExitRefused : kExitFailed);
    return;
  }
  if (opt.dry_run && !result->result.diagnostics.has_errors()) {
    for (const Diagnostic& d : result->result.diagnostics.items()) ctx.PrintDiagnostic(d);
    for (const app::ServiceChange& c : result->changes) {
      if (c.before && *c.before == c.now.jumlah) continue;
      ctx.out << Tr(ctx.lang, Msg::kDhis2Change,
                    {c.now.kode_faskes, std::to_string(c.now.tahun), c.now.kegiatan,
                     c.before ? std::to_string(*c.before) : "-", std::to_string(c.now.jumlah)})
              << '\n';
    }
    ctx.out << Tr(ctx.lang, Msg::kDhis2DryRun,
                  {std::to_string(result->changes.size()), std::to_string(result->added),
                   std::to_string(result->changed), std::to_string(result->same)})
            << '\n';
    return;
  }
  app::ImportResult shown = std::move(result->result);
  shown.added = result->added;
  shown.existing = result->changed + result->same;
  ReportImport(ctx, shown, "dhis2", opt.file);
}

}  // namespace

void AddImportCommand(CLI::App& app, CliContext& ctx) {
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "import", ctx.T("mengimpor berkas (CSV, XLSX, GeoJSON, GPKG, ...) ke ruang kerja; berkas "
                      "yang salah ditolak seluruhnya",
                      "import a file (CSV, XLSX, GeoJSON, GPKG, ...) into the workspace; a file "
                      "with errors is refused whole"));
  const std::string kinds = app::ImportKindChoices() + ", " + ingest::LayerKindChoices() + ", " +
                            app::ReferenceKindChoices() + ", fhir, dhis2";
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
  cmd->add_flag("--dry-run", opt->dry_run,
                ctx.T("dhis2: laporkan apa yang akan berubah tanpa menyimpan apa pun",
                      "dhis2: report what would change without saving anything"));
  cmd->callback([&ctx, opt, kinds] {
    if (opt->kind == "fhir" || opt->kind == "dhis2") {
      ImportInterop(ctx, *opt);
      return;
    }
    if (opt->dry_run) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {"--dry-run: import dhis2"}}, kExitUsage);
      return;
    }
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
    const std::string kind_key = layer  ? opt->kind
                                 : kind ? std::string(app::ImportKindKey(*kind))
                                        : std::string(app::ReferenceKindKey(*reference));
    ReportImport(ctx, *result, kind_key, opt->file);
  });
}

}  // namespace jangkau::cli
