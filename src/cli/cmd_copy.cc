// jangkau copy --from SRC --to DST [--district KODE] [--dry-run]
// jangkau backup --workspace W --out FILE
// jangkau restore --workspace W --from FILE
#include "cli/cli_context.h"
#include "cli/progress_bar.h"
#include "store/backup.h"
#include "store/copy.h"
#include "store/postgres.h"

namespace jangkau::cli {
namespace {

constexpr std::size_t kConflictsShown = 200;

void AddCopy(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "copy", ctx.T("menyalin satu kabupaten/kota antar-ruang kerja (berkas laptop <-> server); "
                    "perubahan kedua sisi dibandingkan dengan salinan terakhir, konflik "
                    "dilaporkan dan tidak ditimpa",
                    "copy one district between workspaces (laptop file <-> server); changes on "
                    "both sides are compared with the last copy, conflicts reported, never "
                    "overwritten"));
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto options = std::make_shared<store::CopyOptions>();
  cmd->add_option("--from", *from,
                  ctx.T("ruang kerja asal (berkas atau postgresql://...)",
                        "the workspace copied from (a file or postgresql://...)"))
      ->required();
  cmd->add_option("--to", *to,
                  ctx.T("ruang kerja tujuan (dibuat bila belum ada)",
                        "the workspace copied to (made when missing)"))
      ->required();
  cmd->add_option("--district", options->district,
                  ctx.T("kode kabupaten/kota (mis. 16.02) bila server memuat beberapa",
                        "the district's code (e.g. 16.02) where a server holds several"));
  cmd->add_flag("--take-conflicts", options->take_conflicts,
                ctx.T("unit yang diubah di kedua sisi mengambil isi --from (tetap dilaporkan)",
                      "units changed on both sides take --from's contents (still reported)"));
  cmd->add_flag("--dry-run", options->dry_run,
                ctx.T("hanya melaporkan apa yang akan disalin; tidak menulis apa pun",
                      "only report what would be copied; write nothing"));
  cmd->callback([&ctx, from, to, options] {
    ProgressBar bar(ctx.err, ctx.stdout_is_tty, ctx.T("menyalin", "copying"));
    options->progress = [&bar](std::string_view, std::size_t done, std::size_t total) {
      bar.Update(static_cast<int64_t>(done), static_cast<int64_t>(total));
    };
    auto report = store::CopyWorkspace(*from, *to, *options);
    bar.Finish();
    if (!report) {
      const Msg m = report.error().msg;
      ctx.exit_code = ctx.Fail(report.error(), m == Msg::kUsage || m == Msg::kCopySame ? kExitUsage
                                               : m == Msg::kCopyDistrict ? kExitRefused
                                                                         : kExitFailed);
      return;
    }
    const store::CopyReport& r = *report;
    if (r.with_base) {
      ctx.out << Tr(ctx.lang, Msg::kCopyBase, {r.base_time}) << '\n';
    } else if (!r.created) {
      ctx.out << Tr(ctx.lang, Msg::kCopyNoBase, {r.from, r.to}) << '\n';
    }
    const Msg conflict = options->take_conflicts ? Msg::kCopyConflictTaken
                         : r.with_base           ? Msg::kCopyConflict
                                                 : Msg::kCopyConflictNoBase;
    for (std::size_t k = 0; k < r.conflicts.size() && k < kConflictsShown; ++k) {
      ctx.out << Tr(ctx.lang, conflict, {r.conflicts[k].table, r.conflicts[k].key, r.to}) << '\n';
    }
    if (r.conflicts.size() > kConflictsShown) {
      ctx.out << Tr(ctx.lang, Msg::kMoreProblems,
                    {std::to_string(r.conflicts.size() - kConflictsShown)})
              << '\n';
    }
    ctx.out << Tr(ctx.lang, Msg::kCopyDone,
                  {r.from, r.to, r.district.empty() ? "-" : r.district, std::to_string(r.added),
                   std::to_string(r.changed), std::to_string(r.removed), std::to_string(r.same),
                   std::to_string(r.kept), std::to_string(r.conflicts.size())})
            << '\n';
    if (options->dry_run) ctx.out << Tr(ctx.lang, Msg::kCopyDryRun) << '\n';
    if (!r.conflicts.empty() && !options->take_conflicts) ctx.exit_code = kExitRefused;
  });
}

void AddBackup(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "backup", ctx.T("mencadangkan ruang kerja ke satu berkas (SQLite: API cadangan daring; "
                      "PostgreSQL: pg_dump)",
                      "back up a workspace into one file (SQLite: the online backup API; "
                      "PostgreSQL: pg_dump)"));
  auto workspace = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("--workspace,-w", *workspace,
                  ctx.T("ruang kerja (berkas atau postgresql://...)",
                        "workspace (a file or postgresql://...)"))
      ->required();
  cmd->add_option("--out,-o", *out,
                  ctx.T("berkas cadangan (tidak boleh sudah ada)", "backup file (must not exist)"))
      ->required();
  cmd->callback([&ctx, workspace, out] {
    auto done = store::BackupWorkspace(*workspace, *out);
    if (!done) {
      ctx.exit_code = ctx.Fail(done.error(),
                               done.error().msg == Msg::kBackupExists ? kExitRefused : kExitFailed);
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kBackupDone,
                  {store::WithoutPassword(*workspace), *out, done->kind,
                   std::to_string(done->bytes)})
            << '\n';
  });
}

void AddRestore(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "restore", ctx.T("memulihkan ruang kerja dari berkas cadangan (isi ruang kerja diganti "
                       "seluruhnya)",
                       "restore a workspace from a backup file (the workspace's contents are "
                       "replaced whole)"));
  auto workspace = std::make_shared<std::string>();
  auto from = std::make_shared<std::string>();
  cmd->add_option("--workspace,-w", *workspace,
                  ctx.T("ruang kerja (dibuat bila belum ada)", "workspace (made when missing)"))
      ->required();
  cmd->add_option("--from", *from, ctx.T("berkas cadangan", "backup file"))->required();
  cmd->callback([&ctx, workspace, from] {
    auto version = store::RestoreWorkspace(*workspace, *from);
    if (!version) {
      const Msg m = version.error().msg;
      const bool refused = m == Msg::kBackupForeign || m == Msg::kBackupNotWorkspace ||
                           m == Msg::kBackupEntry || m == Msg::kBackupFormat ||
                           m == Msg::kRestoreNotFile || m == Msg::kBackupOtherBackend ||
                           m == Msg::kBackupOtherDistrict || m == Msg::kWorkspaceTooNew ||
                           m == Msg::kWorkspaceNotJangkau;
      ctx.exit_code = ctx.Fail(version.error(), refused ? kExitRefused : kExitFailed);
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kRestoreDone,
                  {store::WithoutPassword(*workspace), *from, std::to_string(*version)})
            << '\n';
  });
}

}  // namespace

void AddCopyCommands(CLI::App& app, CliContext& ctx) {
  AddCopy(app, ctx);
  AddBackup(app, ctx);
  AddRestore(app, ctx);
}

}  // namespace jangkau::cli
