// jangkau init --workspace W [--district KODE]
#include "app/reference_tables.h"
#include "cli/cli_context.h"
#include "store/db.h"
#include "store/postgres.h"

namespace jangkau::cli {

void AddInitCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "init", ctx.T("membuat ruang kerja baru (satu berkas SQLite per kabupaten, atau satu "
                    "kabupaten di PostgreSQL)",
                    "create a new workspace (one SQLite file per district, or one district on "
                    "PostgreSQL)"));
  auto path = std::make_shared<std::string>();
  auto district = std::make_shared<std::string>();
  cmd->add_option("--workspace,-w", *path,
                  ctx.T("berkas ruang kerja (*.jangkau) atau postgresql://USER@HOST:PORT/DB",
                        "workspace file (*.jangkau) or postgresql://USER@HOST:PORT/DB"))
      ->required();
  cmd->add_option("--district", *district,
                  ctx.T("PostgreSQL: kode kabupaten/kota (mis. 16.02), satu dari beberapa di "
                        "satu basis data",
                        "PostgreSQL: the district's code (e.g. 16.02), one of several in one "
                        "database"));
  cmd->callback([&ctx, path, district] {
    std::string where = *path;
    if (!district->empty()) {
      if (!store::IsPostgresUrl(where) || !store::IsDistrictCode(*district) ||
          where.find("district=") != std::string::npos) {
        ctx.exit_code = ctx.Fail(
            Error{Msg::kUsage,
                  {"--district KODE (angka dan titik, mis. 16.02 / digits and dots, e.g. 16.02) "
                   "hanya untuk / only with --workspace postgresql://... tanpa / without "
                   "?district="}},
            kExitUsage);
        return;
      }
      where += (where.find('?') == std::string::npos ? "?district=" : "&district=") + *district;
    }
    auto ws = app::CreateWorkspace(where);
    if (!ws) {
      ctx.exit_code = ctx.Fail(
          ws.error(), ws.error().msg == Msg::kWorkspaceExists ? kExitRefused : kExitFailed);
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kWorkspaceCreated,
                  {where, std::to_string((*ws)->schema_version())})
            << '\n';
  });
}

}  // namespace jangkau::cli
