// jangkau serve --workspace W [--bind 127.0.0.1] [--port 8080] [--connections N]
// jangkau user add --workspace W --username U --role ROLE [--facility KODE] [--region KODE]
//   (password on stdin)
// jangkau user passwd --workspace W --username U  (password on stdin; ends the user's sessions)
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/cli_context.h"
#include "server/auth.h"
#include "server/server.h"

namespace jangkau::cli {
namespace {

// The password on the first line of standard input (at least 8 characters), hashed with
// argon2id; nullopt after reporting the failure.
std::optional<std::string> ReadPasswordHash(CliContext& ctx) {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.size() < 8) {
    ctx.exit_code = ctx.Fail(Error{Msg::kUserBadPassword, {}}, kExitRefused);
    return std::nullopt;
  }
  if (!server::InitCrypto()) {
    ctx.exit_code = ctx.Fail(Error{Msg::kInternal, {"libsodium"}});
    return std::nullopt;
  }
  auto hash = server::HashPassword(password);
  if (!hash) ctx.exit_code = ctx.Fail(Error{Msg::kInternal, {"argon2id"}});
  return hash;
}

}  // namespace

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
  serve
      ->add_option("--connections", opt->connections,
                   ctx.T("koneksi ruang kerja untuk permintaan bersamaan (bawaan: 1 untuk berkas, "
                         "4 untuk PostgreSQL)",
                         "workspace connections for requests at once (default: 1 for a file, 4 "
                         "for PostgreSQL)"))
      ->check(CLI::Range(1, 64));
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
    std::string region;
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
      ->check(CLI::IsMember({"admin", "planner", "operator", "viewer", "dispatcher"}));
  add->add_option("--facility", uopt->facility,
                  ctx.T("kode fasyankes (wajib untuk operator)", "facility code (operators only)"));
  add->add_option("--region", uopt->region,
                  ctx.T("kode Kemendagri kabupaten/kota atau provinsi: pengguna hanya melihat "
                        "wilayah itu (admin, planner, viewer)",
                        "Kemendagri code of a kabupaten/kota or the province: the user sees only "
                        "that region (admin, planner, viewer)"));
  add->callback([&ctx, uopt] {
    if ((uopt->role == "operator") != !uopt->facility.empty()) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {"--facility (operator)"}}, kExitUsage);
      return;
    }
    // Operators are scoped to their facility; a dispatcher's routes cover the whole workspace.
    if ((uopt->role == "operator" || uopt->role == "dispatcher") && !uopt->region.empty()) {
      ctx.exit_code =
          ctx.Fail(Error{Msg::kUsage, {"--region (admin, planner, viewer)"}}, kExitUsage);
      return;
    }
    auto hash = ReadPasswordHash(ctx);
    if (!hash) return;
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
    if (!uopt->region.empty()) {
      const bool known = std::ranges::any_of(ws->Regions(false), [&](const Region& r) {
        return r.kode == uopt->region &&
               (r.level == RegionLevel::kKabupaten || r.level == RegionLevel::kProvinsi);
      });
      if (!known) {
        ctx.exit_code =
            ctx.Fail(Error{Msg::kUserBadRegion, {uopt->region.substr(0, 64)}}, kExitRefused);
        return;
      }
    }
    // Replacing a user ends the sessions opened under the old password, role or region.
    const bool existed = ws->FindUser(uopt->username).has_value();
    auto saved = ws->PutUser({uopt->username, uopt->role, uopt->facility, *hash, uopt->region},
                             CurrentUser());
    if (saved && existed) {
      if (auto ended = ws->DeleteUserSessions(uopt->username, ""); !ended)
        saved = std::unexpected(ended.error());
    }
    if (!saved) {
      ctx.exit_code = ctx.Fail(saved.error());
      return;
    }
    const std::string what = uopt->region.empty() ? uopt->role : uopt->role + ", " + uopt->region;
    ctx.out << Tr(ctx.lang, Msg::kUserAdded, {uopt->username, what}) << '\n';
  });

  auto* passwd = user->add_subcommand(
      "passwd", ctx.T("mengganti kata sandi (dibaca dari input standar) dan mengakhiri semua sesi "
                      "pengguna itu",
                      "change a password (read from standard input) and end all of that user's "
                      "sessions"));
  passwd
      ->add_option("--workspace,-w", uopt->workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  passwd->add_option("--username", uopt->username, ctx.T("nama pengguna", "username"))->required();
  passwd->callback([&ctx, uopt] {
    auto hash = ReadPasswordHash(ctx);
    if (!hash) return;
    auto ws = OpenWorkspace(ctx, uopt->workspace);
    if (!ws) return;
    auto found = ws->FindUser(uopt->username);
    if (!found) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUserUnknown, {uopt->username}}, kExitRefused);
      return;
    }
    found->hash = *hash;
    auto saved = ws->PutUser(*found, CurrentUser());
    if (!saved) {
      ctx.exit_code = ctx.Fail(saved.error());
      return;
    }
    auto ended = ws->DeleteUserSessions(uopt->username, "");
    if (!ended) {
      ctx.exit_code = ctx.Fail(ended.error());
      return;
    }
    ctx.out << Tr(ctx.lang, Msg::kUserPasswordSet, {uopt->username, std::to_string(*ended)})
            << '\n';
  });
}

}  // namespace jangkau::cli
