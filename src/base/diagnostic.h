// Diagnostics: a problem found in user data, with its exact place (file, line, column) or,
// for problems found across the workspace, the entity it concerns. Errors refuse an import;
// warnings are stored and listed by `jangkau validate`. Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/lang.h"
#include "base/messages.h"

namespace jangkau {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;    // as given by the user; empty for workspace-level findings
  int64_t line = 0;    // 1-based line as an editor shows it (header = 1); 0 = whole file
  int column = 0;      // 1-based column (field) number; 0 = whole row
  std::string entity;  // the thing concerned ("faskes P1602010201"); may be empty
  Msg msg = Msg::kInternal;
  std::vector<std::string> args;
  // Where in a JSON document (`entry[12].resource.position.latitude`); empty for tables.
  std::string path = {};
};

// "file:line:column: galat: message" (Bahasa Indonesia) or "...: error: ..." (English);
// in a JSON document "file[:line]:path: galat: ..."; without a file: "entity: peringatan: ...".
std::string Render(const Diagnostic& d, Lang lang);

// Collects diagnostics in the order found; caps what it keeps so that a file with a
// million bad rows cannot exhaust memory, while still counting everything.
class Diagnostics {
 public:
  // Keeps at most `keep_at_most` errors and as many warnings.
  explicit Diagnostics(std::size_t keep_at_most = 1000) : keep_at_most_(keep_at_most) {}

  void Add(Diagnostic d);
  void Error(const std::string& file, int64_t line, int column, Msg msg,
             std::vector<std::string> args);
  void Warning(const std::string& file, int64_t line, int column, Msg msg,
               std::vector<std::string> args);

  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  // What was kept (at most keep_at_most); the counts above are the full totals.
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> Warnings() const;

 private:
  std::size_t keep_at_most_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t kept_errors_ = 0;
  std::size_t kept_warnings_ = 0;
  std::vector<Diagnostic> items_;
};

// An expected failure that is not tied to a data row (a missing file, a locked database).
struct Error {
  Msg msg = Msg::kInternal;
  std::vector<std::string> args;
  std::string Text(Lang lang) const { return Tr(lang, msg, args); }
};

}  // namespace jangkau
