#include "base/diagnostic.h"

#include <fmt/format.h>

namespace jangkau {

std::string Render(const Diagnostic& d, Lang lang) {
  const char* sev = d.severity == Severity::kError ? (lang == Lang::kEn ? "error" : "galat")
                                                   : (lang == Lang::kEn ? "warning" : "peringatan");
  std::string place;
  if (!d.file.empty()) {
    place = d.file;
    if (d.line > 0) place += fmt::format(":{}", d.line);
    if (d.line > 0 && d.column > 0) place += fmt::format(":{}", d.column);
    if (!d.path.empty()) place += ":" + d.path;
  } else if (!d.entity.empty()) {
    place = d.entity;
  } else {
    place = lang == Lang::kEn ? "workspace" : "ruang kerja";
  }
  return fmt::format("{}: {}: {}", place, sev, Tr(lang, d.msg, d.args));
}

void Diagnostics::Add(Diagnostic d) {
  const bool is_error = d.severity == Severity::kError;
  std::size_t& kept = is_error ? kept_errors_ : kept_warnings_;
  ++(is_error ? errors_ : warnings_);
  if (kept < keep_at_most_) {
    ++kept;
    items_.push_back(std::move(d));
  }
}

void Diagnostics::Error(const std::string& file, int64_t line, int column, Msg msg,
                        std::vector<std::string> args) {
  Add(Diagnostic{Severity::kError, file, line, column, {}, msg, std::move(args)});
}

void Diagnostics::Warning(const std::string& file, int64_t line, int column, Msg msg,
                          std::vector<std::string> args) {
  Add(Diagnostic{Severity::kWarning, file, line, column, {}, msg, std::move(args)});
}

std::vector<Diagnostic> Diagnostics::Warnings() const {
  std::vector<Diagnostic> out;
  for (const auto& d : items_) {
    if (d.severity == Severity::kWarning) out.push_back(d);
  }
  return out;
}

}  // namespace jangkau
