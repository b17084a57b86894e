#include "cli/cli_context.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

namespace jangkau::cli {

int CliContext::Fail(const Error& e, int code) const {
  err << "jangkau: " << T("galat", "error") << ": " << e.Text(lang) << '\n';
  return code;
}

void CliContext::PrintDiagnostic(const Diagnostic& d) const {
  (d.severity == Severity::kError ? err : out) << Render(d, lang) << '\n';
}

std::unique_ptr<store::Workspace> OpenWorkspace(CliContext& ctx, const std::string& path) {
  auto ws = store::Workspace::Open(path);
  if (!ws) {
    ctx.exit_code = ctx.Fail(ws.error());
    return nullptr;
  }
  return std::move(*ws);
}

std::string CurrentUser() {
  for (const char* var : {"JANGKAU_USER", "USER", "LOGNAME"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') return v;
  }
  return "cli";
}

void PrintTable(CliContext& ctx, const report::Table& t, const std::string& format) {
  if (format == "csv") {
    report::WriteCsv(t, ctx.out);
  } else if (format == "json") {
    ctx.out << report::ToJson(t).dump(2) << '\n';
  } else {
    report::WriteText(t, ctx.out);
  }
}

bool RefuseOnErrors(CliContext& ctx, const Diagnostics& diags) {
  for (const auto& d : diags.items()) ctx.PrintDiagnostic(d);
  if (!diags.has_errors()) return false;
  ctx.err << ctx.T("Berkas ditolak; tidak ada yang ditulis.", "File refused; nothing was written.")
          << '\n';
  ctx.exit_code = kExitRefused;
  return true;
}

void PrintTable(CliContext& ctx, const std::expected<report::Table, Error>& t,
                const std::string& format) {
  if (!t) {
    ctx.exit_code = ctx.Fail(t.error());
    return;
  }
  PrintTable(ctx, *t, format);
}

bool ParseDateRange(CliContext& ctx, const std::string& from_text, const std::string& to_text,
                    std::optional<Date>& from, std::optional<Date>& to) {
  for (auto [text, date, name] :
       {std::tuple{&from_text, &from, "--from"}, std::tuple{&to_text, &to, "--to"}}) {
    if (text->empty()) continue;
    *date = Date::Parse(*text);
    if (!*date) {
      ctx.exit_code = ctx.Fail(Error{Msg::kBadValue, {name, *text}}, kExitUsage);
      return false;
    }
  }
  return true;
}

}  // namespace jangkau::cli
