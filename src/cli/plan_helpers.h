// Helpers shared by the planning commands (cmd_plan.cc) and the scenario commands
// (cmd_scenario.cc): option parsing, reading checked files, finding a scenario. Internal to cli/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_context.h"
#include "model/scenario.h"

namespace jangkau::cli {

// "KEY=NUMBER" pairs; false (after printing the error) on a malformed one.
inline bool ParsePairs(CliContext& ctx, const std::vector<std::string>& items, const char* option,
                       std::map<std::string, double>& out) {
  for (const std::string& item : items) {
    const auto eq = item.find('=');
    double v = -1;
    if (eq != std::string::npos) {
      try {
        v = std::stod(item.substr(eq + 1));
      } catch (const std::exception&) {
        v = -1;
      }
    }
    if (v < 0) {
      ctx.exit_code = ctx.Fail(Error{Msg::kUsage, {std::string(option) + " " + item}}, kExitUsage);
      return false;
    }
    out[item.substr(0, eq)] = v;
  }
  return true;
}

// Reads a file of places or a layer, printing row errors; std::nullopt when refused.
template <typename Read>
auto ReadChecked(CliContext& ctx, Read&& read)
    -> std::optional<typename decltype(read(std::declval<Diagnostics&>()))::value_type> {
  Diagnostics diags;
  auto rows = read(diags);
  if (!rows) {
    ctx.exit_code = ctx.Fail(rows.error());
    return std::nullopt;
  }
  for (const auto& d : diags.items()) ctx.PrintDiagnostic(d);
  if (diags.has_errors()) {
    ctx.exit_code = kExitRefused;
    return std::nullopt;
  }
  return std::move(*rows);
}

// The named scenario of the workspace, or an error printed.
inline std::optional<Scenario> FindScenario(CliContext& ctx, const store::Workspace& ws,
                                            const std::string& name) {
  auto sc = ws.FindScenario(name);
  if (!sc) ctx.exit_code = ctx.Fail(Error{Msg::kPlanUnknownScenario, {name}}, kExitRefused);
  return sc;
}

// jangkau scenario create|list|show|delete (cmd_scenario.cc).
void AddScenarioCommands(CLI::App& app, CliContext& ctx);

}  // namespace jangkau::cli
