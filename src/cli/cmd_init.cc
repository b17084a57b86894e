// jangkau init --workspace W
#include "app/reference_tables.h"
#include "cli/cli_context.h"

namespace jangkau::cli {

void AddInitCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "init", ctx.T("membuat ruang kerja baru (satu berkas SQLite per kabupaten)",
                    "create a new workspace (one SQLite file per district)"));
  auto path = std::make_shared<std::string>();
  cmd->add_option("--workspace,-w", *path,
                  ctx.T("berkas ruang kerja (*.jangkau)", "workspace file (*.jangkau)"))
      ->required();
  cmd->callback([&ctx, path] {
    auto ws = app::CreateWorkspace(*path);
    if (!ws) {
      ctx.exit_code = ctx.Fail(
          ws.error(), ws.error().msg == Msg::kWorkspaceExists ? kExitRefused : kExitFailed);
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kWorkspaceCreated,
                  {*path, std::to_string((*ws)->schema_version())})
            << '\n';
  });
}

}  // namespace jangkau::cli
