// jangkau check --workspace W
#include "cli/cli_context.h"

namespace jangkau::cli {

void AddCheckCommand(CLI::App& app, CliContext& ctx) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "check", ctx.T("memeriksa keutuhan berkas ruang kerja (kode keluar bukan nol bila rusak)",
                     "check the workspace file's integrity (non-zero exit when damaged)"));
  cmd->add_option("--workspace,-w", *path, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->callback([&ctx, path] {
    auto ws = store::Workspace::Open(*path);
    if (!ws) {
      // A file SQLite cannot even open as a workspace is damaged too.
      ctx.exit_code = ctx.Fail(
          ws.error(), ws.error().msg == Msg::kWorkspaceMissing ? kExitFailed : kExitRefused);
      return;
    }
    const store::CheckResult result = (*ws)->Check();
    if (!result.ok) {
      for (const auto& p : result.problems) {
        ctx.err << "jangkau: " << Tr(ctx.lang, Msg::kCheckFailed, {p}) << '\n';
      }
      ctx.exit_code = kExitRefused;
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kCheckOk, {*path, std::to_string((*ws)->schema_version())})
            << '\n';
  });
}

}  // namespace jangkau::cli
