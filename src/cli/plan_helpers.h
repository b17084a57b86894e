// Helpers shared by the planning commands (cmd_plan.cc, cmd_stations.cc) and the scenario
// commands (cmd_scenario.cc): common options, option parsing, reading checked files, finding a
// scenario. Internal to cli/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/access_model.h"
#include "app/request_limits.h"
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

// Options every planning command has: the workspace, a scenario, the output format and the
// grid.
struct PlanCommon {
  std::string workspace;
  std::string scenario;
  std::string format = "table";
  app::AccessModelOptions model;
};

inline void AddCommonOptions(CLI::App* cmd, CliContext& ctx, PlanCommon& c,
                             bool scenario_required) {
  cmd->add_option("--workspace,-w", c.workspace, ctx.T("berkas ruang kerja", "workspace file"))
      ->required();
  auto* s = cmd->add_option("--scenario", c.scenario, ctx.T("nama skenario", "scenario name"));
  if (scenario_required) s->required();
  cmd->add_option("--format,-f", c.format, "table|csv|json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--resolution", c.model.resolution_m,
                  ctx.T("ukuran sel grid dalam meter (bawaan 100)",
                        "grid cell size in metres (default 100)"))
      ->check(CLI::Range(app::kResolutionM.lo, app::kResolutionM.hi));
}

// jangkau plan stations (cmd_stations.cc), under `plan`.
void AddStationsCommand(CLI::App* plan, CliContext& ctx);

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
