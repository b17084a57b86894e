// jangkau export KIND --workspace W --format csv|xlsx|geojson|gpkg --out FILE
// jangkau export fhir --workspace W --out FILE.json|FILE.ndjson [--ihs N] [--scenario S]
// jangkau export dhis2 --workspace W --what orgunits|datavalues --format json|adx --out FILE
//   [--period YYYY] [--id-scheme code|uid]
#include "app/interop_service.h"
#include "cli/cli_context.h"
#include "cli/kind_tables.h"

namespace jangkau::cli {
namespace {

struct Options {
  std::string kind;
  std::string workspace;
  std::string format;
  std::string out;
  std::string what;
  std::optional<int> period;
  std::string ihs;
  std::string scenario;
  std::string id_scheme = "code";
};

void ExportFhir(CliContext& ctx, const store::Workspace& ws, const Options& opt) {
  app::FhirExportRequest request;
  request.options.ihs = opt.ihs;
  request.scenario = opt.scenario;
  auto written = app::ExportFhir(ws, opt.out, request);
  if (!written) {
    ctx.exit_code = ctx.Fail(written.error());
    return;
  }
  ctx.out << Tr(ctx.lang, Msg::kFhirExportDone,
                {std::to_string(written->size()), std::to_string(written->organizations.size()),
                 std::to_string(written->locations.size()),
                 std::to_string(written->practitioners.size()),
                 std::to_string(written->roles.size()), opt.out})
          << '\n';
}

void ExportDhis2(CliContext& ctx, const store::Workspace& ws, const Options& opt) {
  if (opt.what.empty()) {
    ctx.exit_code =
        ctx.Fail(Error{Msg::kUsage, {"export dhis2: --what orgunits|datavalues"}}, kExitUsage);
    return;
  }
  app::Dhis2ExportRequest request;
  request.what = opt.what == "orgunits" ? app::Dhis2What::kOrgUnits : app::Dhis2What::kDataValues;
  request.format = opt.format == "adx" ? app::Dhis2Format::kAdx : app::Dhis2Format::kJson;
  request.period = opt.period;
  request.uids = opt.id_scheme == "uid";
  if (!opt.format.empty() && opt.format != "json" && opt.format != "adx") {
    ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {"export dhis2: --format json|adx"}}, kExitUsage);
    return;
  }
  auto count = app::ExportDhis2(ws, opt.out, request);
  if (!count) {
    ctx.exit_code = ctx.Fail(
        count.error(), MsgStatus(count.error().msg) == 422 || MsgStatus(count.error().msg) == 400
                           ? kExitRefused
                           : kExitFailed);
    return;
  }
  ctx.out << Tr(ctx.lang, Msg::kDhis2Export, {std::to_string(*count), opt.what, opt.out}) << '\n';
}

}  // namespace

void AddExportCommand(CLI::App& app, CliContext& ctx) {
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "export", ctx.T("menulis isi ruang kerja ke berkas (CSV, Excel, GeoJSON, GeoPackage; FHIR "
                      "SATUSEHAT; DHIS2)",
                      "write the workspace's contents to a file (CSV, Excel, GeoJSON, GeoPackage; "
                      "SATUSEHAT FHIR; DHIS2)"));
  cmd->add_option("kind", opt->kind,
                  std::string(ctx.T("jenis data: ", "kind of data: ")) + TableKindChoices() +
                      ", fhir, dhis2")
      ->required();
  cmd->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->add_option("--format,-f", opt->format,
                  ctx.T("csv|xlsx|geojson|gpkg; untuk dhis2: json|adx",
                        "csv|xlsx|geojson|gpkg; for dhis2: json|adx"))
      ->check(CLI::IsMember({"csv", "xlsx", "geojson", "gpkg", "json", "adx"}));
  cmd->add_option("--out,-o", opt->out, ctx.T("berkas keluaran", "output file"))->required();
  cmd->add_option(
         "--what", opt->what,
         ctx.T("dhis2: orgunits (hierarki unit organisasi) atau datavalues (data agregat)",
               "dhis2: orgunits (the organisation unit hierarchy) or datavalues (aggregate "
               "data)"))
      ->check(CLI::IsMember({"orgunits", "datavalues"}));
  cmd->add_option("--period", opt->period,
                  ctx.T("dhis2: tahun data (bawaan: tahun ini; volume layanan semua tahun)",
                        "dhis2: the year of the data (default: this year; service volumes of "
                        "every year)"))
      ->check(CLI::Range(1900, 2200));
  cmd->add_option("--id-scheme", opt->id_scheme,
                  ctx.T("dhis2: code (bawaan) atau uid", "dhis2: code (default) or uid"))
      ->check(CLI::IsMember({"code", "uid"}));
  cmd->add_option("--ihs", opt->ihs,
                  ctx.T("fhir: nomor IHS SATUSEHAT Dinas Kesehatan (identifier ditulis di "
                        "http://sys-ids.kemkes.go.id/organization/{IHS})",
                        "fhir: the Dinas Kesehatan's SATUSEHAT IHS number (identifiers under "
                        "http://sys-ids.kemkes.go.id/organization/{IHS})"))
      ->check([](const std::string& v) {
        return v.find_first_not_of("0123456789") == std::string::npos && !v.empty() &&
                       v.size() <= 20
                   ? std::string()
                   : std::string("IHS: 1-20 digits");
      });
  cmd->add_option(
      "--scenario", opt->scenario,
      ctx.T("fhir: skenario yang fasyankes tutup/banjirnya ditulis sebagai status Location",
            "fhir: a scenario whose closed or flooded facilities are written as the "
            "Locations' status"));
  cmd->callback([&ctx, opt] {
    auto ws = OpenWorkspace(ctx, opt->workspace);
    if (!ws) return;
    if (opt->kind == "fhir") {
      ExportFhir(ctx, *ws, *opt);
      return;
    }
    if (opt->kind == "dhis2") {
      ExportDhis2(ctx, *ws, *opt);
      return;
    }
    if (opt->format.empty() || opt->format == "json" || opt->format == "adx") {
      ctx.exit_code =
          ctx.Fail(Error{Msg::kUsage, {"export " + opt->kind + ": --format csv|xlsx|geojson|gpkg"}},
                   kExitUsage);
      return;
    }
    const bool spatial = opt->format == "geojson" || opt->format == "gpkg";
    auto table = TableForKind(*ws, opt->kind, ctx.lang, spatial);
    if (!table) {
      ctx.exit_code = ctx.Fail(
          Error{Msg::kUnknownKind, {opt->kind, TableKindChoices() + ", fhir, dhis2"}}, kExitUsage);
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
