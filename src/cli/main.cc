// The jangkau command: parses the command line and runs one subcommand. Exceptions that
// escape a subcommand are caught here once and mapped to an exit code.
#include <unistd.h>

#include <cstring>
#include <exception>
#include <string_view>

#include "cli/cli_context.h"

namespace {

using jangkau::Lang;

// --lang is read before CLI11 runs so that --help itself is in the chosen language.
std::optional<std::string_view> LangFromArgs(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) return std::string_view(argv[i + 1]);
    if (a.starts_with("--lang=")) return a.substr(7);
  }
  return std::nullopt;
}

// CLI11 writes its messages in English; say what they mean in Bahasa Indonesia too.
std::string UsageText(const CLI::ParseError& e, Lang lang) {
  std::string what = e.what();
  if (lang == Lang::kEn) return what;
  const std::string name = e.get_name();
  if (name == "RequiredError") {
    const auto pos = what.find(" is required");
    if (pos != std::string::npos) return what.substr(0, pos) + " wajib diisi";
    return "ada opsi atau argumen wajib yang belum diisi (" + what + ")";
  }
  if (name == "ExtrasError") return "argumen tidak dikenal (" + what + ")";
  if (name == "ValidationError") return "nilai tidak sah (" + what + ")";
  if (name == "ConversionError") return "nilai tidak dapat dibaca (" + what + ")";
  if (name == "ArgumentMismatch") return "jumlah argumen salah (" + what + ")";
  return what;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jangkau;
  cli::CliContext ctx;
  const auto lang_arg = LangFromArgs(argc, argv);
  ctx.lang = DetectLang(lang_arg);
  ctx.stdout_is_tty = isatty(STDOUT_FILENO) != 0;
  if (lang_arg && !ParseLang(*lang_arg)) {
    ctx.err << "jangkau: " << ctx.T("bahasa tidak dikenal: ", "unknown language: ") << *lang_arg
            << " (id, en)\n";
    return cli::kExitUsage;
  }

  CLI::App app(ctx.T("Jangkau: perencanaan tenaga kesehatan dan akses layanan untuk Dinas "
                     "Kesehatan kabupaten/kota",
                     "Jangkau: health workforce and access planning for district health offices"),
               "jangkau");
  app.set_help_flag("-h,--help", ctx.T("tampilkan bantuan ini", "show this help"));
  app.require_subcommand(1);
  app.fallthrough();
  if (ctx.lang == Lang::kId) {
    auto fmt = app.get_formatter();
    fmt->label("Usage", "Penggunaan");
    fmt->label("OPTIONS", "OPSI");
    fmt->label("SUBCOMMAND", "PERINTAH");
    fmt->label("SUBCOMMANDS", "PERINTAH");
    fmt->label("Positionals", "Argumen");
    fmt->label("REQUIRED", "WAJIB");
    fmt->label("TEXT", "TEKS");
    app.option_defaults()->group("Opsi");
    app.get_help_ptr()->group("Opsi");
  }
  std::string lang_value;
  app.add_option(
      "--lang", lang_value,
      ctx.T("bahasa pesan: id (bawaan) atau en", "message language: id (default) or en"));

  cli::AddInitCommand(app, ctx);
  cli::AddCopyCommands(app, ctx);
  cli::AddImportCommand(app, ctx);
  cli::AddValidateCommand(app, ctx);
  cli::AddShowCommand(app, ctx);
  cli::AddExportCommand(app, ctx);
  cli::AddCheckCommand(app, ctx);
  cli::AddNeedsCommand(app, ctx);
  cli::AddAccessCommand(app, ctx);
  cli::AddServeCommand(app, ctx);
  cli::AddProposalCommand(app, ctx);
  cli::AddPlanningCommands(app, ctx);
  cli::AddEmergencyCommands(app, ctx);
  cli::AddCalcCommands(app, ctx);
  cli::AddGrowthCommands(app, ctx);
  cli::AddProgrammeCommands(app, ctx);
  cli::AddSurveillanceCommands(app, ctx);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->set_help_flag("-h,--help", ctx.T("tampilkan bantuan ini", "show this help"));
    if (ctx.lang == Lang::kId) sub->group("Perintah");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    ctx.err << "jangkau: " << Tr(ctx.lang, Msg::kUsage, {UsageText(e, ctx.lang)}) << '\n'
            << ctx.T("lihat `jangkau --help`", "see `jangkau --help`") << '\n';
    return cli::kExitUsage;
  } catch (const std::exception& e) {
    ctx.err << "jangkau: " << Tr(ctx.lang, Msg::kInternal, {e.what()}) << '\n';
    return cli::kExitFailed;
  }
  return ctx.exit_code;
}
