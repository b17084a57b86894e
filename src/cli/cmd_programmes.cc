// The programmes' figures besides growth (docs/programmes.md): `jangkau stunting` (routine and
// survey side by side), `jangkau stbm`, `jangkau jkn`, `jangkau germas` and `jangkau tpps` (the
// stunting team's board). Each reads the workspace and prints a table.
#include <functional>
#include <memory>
#include <utility>

#include "app/programmes_board.h"
#include "app/programmes_tables.h"
#include "app/stunting_sources.h"
#include "cli/cli_context.h"

namespace jangkau::cli {
namespace {

struct TableOptions {
  std::string workspace, by, from, to, format = "table";
};

// `jangkau NAME --workspace W [--format table|csv|json]`, plus --by LEVELS when `levels` is not
// empty and --from/--to when `dated`; `run` makes the table (and may print more on stderr).
void AddTableCommand(CLI::App& app, CliContext& ctx, const std::string& name,
                     const std::string& description, const std::vector<std::string>& levels,
                     bool dated,
                     std::function<void(CliContext&, const store::Workspace&, const TableOptions&,
                                        const app::ProgrammeOptions&)>
                         run) {
  auto o = std::make_shared<TableOptions>();
  auto* cmd = app.add_subcommand(name, description);
  cmd->add_option("--workspace,-w", o->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  if (!levels.empty()) {
    o->by = levels.front();
    std::string choices;
    for (const std::string& l : levels) choices += (choices.empty() ? "" : "|") + l;
    cmd->add_option("--by", o->by, choices)->check(CLI::IsMember(levels));
  }
  if (dated) {
    cmd->add_option("--from", o->from, ctx.T("data sejak tanggal ini", "data from this date"));
    cmd->add_option("--to", o->to, ctx.T("data sampai tanggal ini", "data up to this date"));
  }
  cmd->add_option("--format", o->format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([&ctx, o, run = std::move(run)] {
    app::ProgrammeOptions options;
    if (!o->by.empty()) {
      options.by = app::ParseProgrammeLevel(o->by).value_or(app::ProgrammeLevel::kDesa);
    }
    if (!ParseDateRange(ctx, o->from, o->to, options.from, options.to)) return;
    auto ws = OpenWorkspace(ctx, o->workspace);
    if (!ws) return;
    run(ctx, *ws, *o, options);
  });
}

}  // namespace

void AddProgrammeCommands(CLI::App& app, CliContext& ctx) {
  AddTableCommand(app, ctx, "stunting",
                  ctx.T("angka stunting rutin dan survei berdampingan, tidak pernah digabung",
                        "routine and survey stunting figures side by side, never blended"),
                  {}, false,
                  [](CliContext& c, const store::Workspace& ws, const TableOptions& o,
                     const app::ProgrammeOptions&) {
                    const app::StuntingSources s = app::StuntingBySource(ws);
                    PrintTable(c, s.table, o.format);
                    // On stderr, so that the CSV or JSON on stdout stays machine-readable.
                    for (const Diagnostic& d : s.warnings) c.err << Render(d, c.lang) << '\n';
                  });
  AddTableCommand(
      app, ctx, "stbm",
      ctx.T("sanitasi total berbasis masyarakat per desa: status SBS/Desa STBM dan akses jamban",
            "community-led total sanitation per desa: ODF/Desa STBM status and latrine access"),
      {"desa", "kecamatan", "kabupaten"}, false,
      [](CliContext& c, const store::Workspace& ws, const TableOptions& o,
         const app::ProgrammeOptions& p) { PrintTable(c, app::StbmTable(ws, p.by), o.format); });
  AddTableCommand(app, ctx, "jkn",
                  ctx.T("kepesertaan JKN per kabupaten: cakupan, keaktifan, kategori UHC",
                        "JKN membership per kabupaten: coverage, active rate, UHC category"),
                  {}, false,
                  [](CliContext& c, const store::Workspace& ws, const TableOptions& o,
                     const app::ProgrammeOptions&) { PrintTable(c, app::JknTable(ws), o.format); });
  AddTableCommand(
      app, ctx, "germas",
      ctx.T("daftar periksa kebijakan Germas per kabupaten", "the Germas policy checklist"), {},
      false,
      [](CliContext& c, const store::Workspace& ws, const TableOptions& o,
         const app::ProgrammeOptions&) { PrintTable(c, app::GermasTable(ws), o.format); });
  AddTableCommand(app, ctx, "tpps",
                  ctx.T("papan indikator TPPS (Perpres 72/2021) dengan sumber dan periode",
                        "the stunting team's board (Perpres 72/2021) with sources and periods"),
                  {}, true,
                  [](CliContext& c, const store::Workspace& ws, const TableOptions& o,
                     const app::ProgrammeOptions& p) {
                    PrintTable(c, app::TppsBoard(ws, p.from, p.to), o.format);
                  });
}

}  // namespace jangkau::cli
