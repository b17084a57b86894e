// Importing a file into a workspace: read and check it completely, then store it in one
// transaction only if no error was found. The same call serves the CLI and the HTTP API.
// Not thread-safe (uses the caller's Workspace).
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "ingest/importers.h"
#include "ingest/table_reader.h"
#include "store/workspace.h"

namespace jangkau::app {

enum class ImportKind {
  kRegions,
  kFacilities,
  kStaff,
  kStaffCounts,
  kEquipment,
  kServices,
  kPopulation,
  kAssumptions,
  kIndicators,
  kCatchments,
  kIncidents,
  kGrowth,  // e-PPGBM measurements (docs/programmes.md)
  kStbm,    // STBM per desa (e-Monev STBM)
  kJkn,     // JKN membership per kabupaten (BPJS Kesehatan)
  kGermas,  // the Germas policy checklist
  kWeekly,  // weekly disease reports (SKDR, form W2)
};
std::optional<ImportKind> ParseImportKind(std::string_view text);  // "staff-counts", ...
std::string_view ImportKindKey(ImportKind kind);
std::string ImportKindChoices();

struct ImportResult {
  Diagnostics diagnostics;
  int64_t rows = 0;      // records accepted (written when `written`)
  bool written = false;  // false: refused, the workspace is unchanged
  // For kinds keyed by a code (regions, facilities): how many of `rows` are new and how many
  // were already in the workspace (and got the file's columns); -1 when not counted.
  int64_t added = -1;
  int64_t existing = -1;
};

// Fails (Error) only when the file cannot be read at all or the database refuses the write;
// a file with bad rows gives a result with errors and written == false.
// `only_facility`: the file is that facility's own report (an operator's upload): rows of
// any other facility are errors, and the facility's rows of the kind are replaced whole.
struct ImportOptions {
  std::string only_facility;
  // What a CSV is written in when it is not UTF-8 (named by the user, never guessed).
  ingest::TextEncoding encoding = ingest::TextEncoding::kUtf8;
  // Invalid region polygons are repaired and reported (warnings) instead of refused.
  bool make_valid = false;
  // With only_facility: the report's version the writer read (store::Workspace::ReportVersion);
  // a report changed since is not overwritten (kReportStale).
  std::string expect_version;
};
std::expected<ImportResult, Error> RunImport(store::Workspace& ws, ImportKind kind,
                                             const std::string& path, const std::string& user,
                                             const ingest::Progress& progress,
                                             const ImportOptions& options = {});
// Empties one facility's rows of `kind` (staff, equipment, services): the web form sent an
// empty list. Recorded like an import.
std::expected<ImportResult, Error> ClearFacilityReport(store::Workspace& ws, ImportKind kind,
                                                       const std::string& kode,
                                                       const std::string& user,
                                                       const std::string& expect_version = "");
// The same for CSV text held in memory (the web forms); `name` is what messages call it.
std::expected<ImportResult, Error> RunImportText(store::Workspace& ws, ImportKind kind,
                                                 const std::string& name, const std::string& text,
                                                 const std::string& user,
                                                 const std::string& only_facility,
                                                 const std::string& expect_version = "");

// Geographic layers ("roads", "rivers", "water", "swamp", "bridges", "piers", "flood"): the
// file replaces the layer of that kind. Same contract as RunImport.
std::expected<ImportResult, Error> ImportLayerFile(
    store::Workspace& ws, const std::string& kind, const std::string& path, const std::string& user,
    ingest::TextEncoding encoding = ingest::TextEncoding::kUtf8);

// The columns of the shipped template of what a facility reports (data/templates/tenaga.csv,
// alat.csv, layanan.csv, compiled in): the web form's fields and the blank template's header.
// Empty for other kinds.
std::vector<std::string> TemplateColumns(ImportKind kind);

// Places for planning (sites, stops, added facilities) from a file: Error when it cannot be
// read; row errors in `diags`.
std::expected<std::vector<AddedFacility>, Error> ReadSitesFile(const std::string& path,
                                                               Diagnostics& diags);

// A geographic layer from a file, checked as `import KIND` checks it, without storing it (a
// scenario's flooded areas, kind "flood", or cuts, kind "cuts").
std::expected<std::vector<MapFeature>, Error> ReadLayerFile(const std::string& path,
                                                            const std::string& kind,
                                                            Diagnostics& diags);

// The importers' view of the workspace.
ingest::ImportContext LoadImportContext(const store::Workspace& ws);

}  // namespace jangkau::app
