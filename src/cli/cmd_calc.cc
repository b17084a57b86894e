// jangkau wisn CASE.json | jangkau abk CASE.json: one calculation, JSON result on stdout.
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/needs_json.h"
#include "cli/cli_context.h"

namespace jangkau::cli {
namespace {

// Reads and parses the case file, or prints why not (exit 3 unreadable, 1 invalid).
std::optional<nlohmann::json> ReadCase(CliContext& ctx, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ctx.exit_code = ctx.Fail(Error{Msg::kFileOpen, {path, "tidak ada / not found"}});
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    ctx.exit_code = ctx.Fail(Error{Msg::kJsonParse, {path, e.what()}}, kExitRefused);
    return std::nullopt;
  }
}

void Refuse(CliContext& ctx, const std::string& path, const needs::NeedsError& e) {
  ctx.err << path << ": " << ctx.T("galat", "error") << ": " << Tr(ctx.lang, e.msg, e.args) << '\n';
  ctx.exit_code = kExitRefused;
}

template <typename Parse, typename Compute, typename ToJson>
void AddCalc(CLI::App& app, CliContext& ctx, const char* name, const char* help_id,
             const char* help_en, Parse parse, Compute compute, ToJson to_json) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(name, ctx.T(help_id, help_en));
  cmd->add_option(
         "case", *path,
         ctx.T("berkas kasus JSON (lihat docs/needs.md)", "JSON case file (see docs/needs.md)"))
      ->required();
  cmd->callback([&ctx, path, parse, compute, to_json] {
    auto json = ReadCase(ctx, *path);
    if (!json) return;
    auto c = parse(*json);
    if (!c) return Refuse(ctx, *path, c.error());
    auto result = compute(*c);
    if (!result) return Refuse(ctx, *path, result.error());
    ctx.out << to_json(*result).dump(2) << '\n';
  });
}

}  // namespace

void AddCalcCommands(CLI::App& app, CliContext& ctx) {
  AddCalc(app, ctx, "wisn", "satu perhitungan WHO WISN; hasil JSON",
          "one WHO WISN calculation; JSON result", app::ParseWisnCase, needs::ComputeWisn,
          app::WisnResultJson);
  AddCalc(app, ctx, "abk", "satu perhitungan ABK-Kes (Permenkes 33/2015); hasil JSON",
          "one ABK-Kes calculation (Permenkes 33/2015); JSON result", app::ParseAbkCase,
          needs::ComputeAbk, app::AbkResultJson);
}

}  // namespace jangkau::cli
