// jangkau serve --workspace W [--bind 127.0.0.1] [--port 8080]
// jangkau user add --workspace W --username U --role ROLE [--facility KODE]  (password on stdin)
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_context.h"
#include "server/auth.h"
#include "server/server.h"

namespace jangkau::cli {

void AddServeCommand(CLI::App& app, CliContext& ctx) {
  auto opt = std::make_shared<server::ServerOptions>();
  auto* serve =
      app.add_subcommand("serve", ctx.T("menjalankan aplikasi web (API JSON di /api/v1)",
                                        "run the web application (JSON API under /api/v1)"));
  serve->add_option("--workspace,-w", opt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  serve->add_option("--bind", opt->bind,
                    ctx.T("alamat (bawaan 127.0.0.1)", "address (default 127.0.0.1)"));
  serve
      ->add_option("--port", opt->port,
                   ctx.T("port (bawaan 8080; 0 = bebas)", "port (default 8080; 0 = any free)"))
      ->check(CLI::Range(0, 65535));
  serve->add_option("--web", opt->web_dir,
                    ctx.T("folder aplikasi web yang sudah dibangun (bawaan: web/dist)",
                          "folder of the built web application (default: web/dist)"));
  serve->callback([&ctx, opt] {
    ctx.exit_code = server::Serve(*opt, ctx.err, [&ctx, opt](int port) {
      ctx.out << fmt::format("http://{}:{}/\n", opt->bind, port) << std::flush;
    });
  });

  struct UserOptions {
    std::string workspace;
    std::string username;
    std::string role;
    std::string facility;
  };
  auto uopt = std::make_shared<UserOptions>();
  auto* user = app.add_subcommand("user", ctx.T("pengguna aplikasi web", "web application users"));
  user->require_subcommand(1);
  auto* add = user->add_subcommand(
      "add", ctx.T("menambah atau mengganti pengguna; kata sandi dibaca dari input standar",
                   "add or replace a user; the password is read from standard input"));
  add->add_option("--workspace,-w", uopt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  add->add_option("--username", uopt->username, ctx.T("nama pengguna", "username"))->required();
  add->add_option("--role", uopt->role, "admin|planner|operator|viewer")
      ->required()
      ->check(CLI::IsMember({"admin", "planner", "operator", "viewer"}));
  add->add_option("--facility", uopt->facility,
                  ctx.T("kode fasyankes (wajib untuk operator)", "facility code (operators only)"));
  add->callback([&ctx, uopt] {
    if ((uopt->role == "operator") != !uopt->facility.empty()) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {"--facility (operator)"}}, kExitUsage);
      return;
    }
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.size() < 8) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUserBadPassword, {}}, kExitRefused);
      return;
    }
    auto ws = OpenWorkspace(ctx, uopt->workspace);
    if (!ws) return;
    if (!uopt->facility.empty()) {
      bool found = false;
      for (const Facility& f : ws->Facilities()) found = found || f.kode == uopt->facility;
      if (!found) {
        ctx.exit_code =
            ctx.Fail(Error{Msg::kUnknownFacility, {"--facility", uopt->facility}}, kExitRefused);
        return;
      }
    }
    if (!server::InitCrypto()) {
      ctx.exit_code = ctx.Fail(Error{Msg::kInternal, {"libsodium"}});
      return;
    }
    auto hash = server::HashPassword(password);
    if (!hash) {
      ctx.exit_code = ctx.Fail(Error{Msg::kInternal, {"argon2id"}});
      return;
    }
    auto saved = ws->PutUser({uopt->username, uopt->role, uopt->facility, *hash}, CurrentUser());
    if (!saved) {
      ctx.exit_code = ctx.Fail(saved.error());
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kUserAdded, {uopt->username, uopt->role}) << '\n';
  });
}

}  // namespace jangkau::cli
