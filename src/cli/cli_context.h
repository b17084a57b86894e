// What every subcommand shares: the language, the output streams, and helpers to print
// errors and open the workspace. One per process; not thread-safe.
#pragma once

#include <expected>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "base/diagnostic.h"
#include "base/lang.h"
#include "model/date.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;  // bad data refused, validation or integrity failure
inline constexpr int kExitUsage = 2;    // wrong command line
inline constexpr int kExitFailed = 3;   // a file or the workspace could not be used

struct CliContext {
  Lang lang = Lang::kId;
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  bool stdout_is_tty = false;
  int exit_code = kExitOk;

  // Picks the Bahasa Indonesia or the English text.
  const char* T(const char* id, const char* en) const { return lang == Lang::kEn ? en : id; }
  // Prints "jangkau: galat: <message>" on stderr and returns `code`.
  int Fail(const Error& e, int code = kExitFailed) const;
  void PrintDiagnostic(const Diagnostic& d) const;
};

// A table as text (table), CSV or JSON on ctx.out.
void PrintTable(CliContext& ctx, const report::Table& t, const std::string& format);
// Prints `diags`; when they hold an error, also that the file was refused, sets the exit code and
// returns true.
bool RefuseOnErrors(CliContext& ctx, const Diagnostics& diags);

// The table, or its error on stderr with a non-zero exit code.
void PrintTable(CliContext& ctx, const std::expected<report::Table, Error>& t,
                const std::string& format);

// --from and --to as dates; false (after printing the error, exit code set) on a malformed one.
bool ParseDateRange(CliContext& ctx, const std::string& from_text, const std::string& to_text,
                    std::optional<Date>& from, std::optional<Date>& to);

// Opens the workspace or prints why not.
std::unique_ptr<store::Workspace> OpenWorkspace(CliContext& ctx, const std::string& path);
// The user recorded in the audit log: $JANGKAU_USER, else $USER, else "cli".
std::string CurrentUser();

// Subcommands: each adds itself to `app` and, when run, sets ctx.exit_code.
void AddInitCommand(CLI::App& app, CliContext& ctx);
void AddCopyCommands(CLI::App& app, CliContext& ctx);  // copy, backup, restore
void AddImportCommand(CLI::App& app, CliContext& ctx);
void AddValidateCommand(CLI::App& app, CliContext& ctx);
void AddShowCommand(CLI::App& app, CliContext& ctx);
void AddExportCommand(CLI::App& app, CliContext& ctx);
void AddCheckCommand(CLI::App& app, CliContext& ctx);
void AddCalcCommands(CLI::App& app, CliContext& ctx);  // wisn, abk
void AddNeedsCommand(CLI::App& app, CliContext& ctx);
void AddServeCommand(CLI::App& app, CliContext& ctx);   // serve, user add
void AddAccessCommand(CLI::App& app, CliContext& ctx);  // access solve, access run
void AddProposalCommand(CLI::App& app, CliContext& ctx);
void AddPlanningCommands(CLI::App& app, CliContext& ctx);      // scenario ..., plan ...
void AddEmergencyCommands(CLI::App& app, CliContext& ctx);     // unit ..., incident ...
void AddGrowthCommands(CLI::App& app, CliContext& ctx);        // growth ..., programmes
void AddProgrammeCommands(CLI::App& app, CliContext& ctx);     // stunting, stbm, jkn, germas, tpps
void AddSurveillanceCommands(CLI::App& app, CliContext& ctx);  // surveillance detect

}  // namespace jangkau::cli
