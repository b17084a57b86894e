// jangkau validate --workspace W
#include "app/validation.h"
#include "cli/cli_context.h"

namespace jangkau::cli {

void AddValidateCommand(CLI::App& app, CliContext& ctx) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "validate", ctx.T("memeriksa seluruh ruang kerja dan menampilkan semua peringatan",
                        "check the whole workspace and list every warning"));
  cmd->add_option("--workspace,-w", *path, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  cmd->callback([&ctx, path] {
    auto ws = OpenWorkspace(ctx, *path);
    if (!ws) return;
    auto warnings = app::Validate(*ws);
    if (!warnings) {
      ctx.exit_code = ctx.Fail(warnings.error());
      return;
    }
    for (const Diagnostic& d : *warnings) ctx.PrintDiagnostic(d);
    ctx.out << Tr(ctx.lang, Msg::kValidateDone, {std::to_string(warnings->size())}) << '\n';
  });
}

}  // namespace jangkau::cli
