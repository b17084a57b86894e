// The one registry of user-facing messages: a stable code name, Bahasa Indonesia text and
// English text for every message Jangkau shows (CLI, reports, later the HTTP API).
// Placeholders are fmt-style positional: {0}, {1}, ... Immutable tables; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/lang.h"

namespace jangkau {

// X(enum name, stable code, Bahasa Indonesia, English)
#define JANGKAU_MESSAGES(X)                                                                        \
  /* --- file and format problems --- */                                                           \
  X(kFileOpen, "file_open", "tidak dapat membuka berkas {0}: {1}", "cannot open file {0}: {1}")    \
  X(kFileNoLayer, "file_no_layer", "berkas {0} tidak berisi tabel atau lapisan",                   \
    "file {0} contains no table or layer")                                                         \
  X(kFileNoRows, "file_no_rows", "berkas tidak berisi baris data", "the file has no data rows")    \
  X(kMissingColumn, "missing_column", "kolom wajib '{0}' tidak ada di baris judul",                \
    "required column '{0}' is missing from the header")                                            \
  X(kDuplicateColumn, "duplicate_column", "kolom '{0}' muncul dua kali di baris judul",            \
    "column '{0}' appears twice in the header")                                                    \
  /* --- values --- */                                                                             \
  X(kEmptyValue, "empty_value", "{0}: wajib diisi", "{0}: a value is required")                    \
  X(kNotANumber, "not_a_number", "{0}: '{1}' bukan bilangan", "{0}: '{1}' is not a number")        \
  X(kNotAWholeNumber, "not_a_whole_number", "{0}: '{1}' bukan bilangan bulat",                     \
    "{0}: '{1}' is not a whole number")                                                            \
  X(kNegative, "negative_value", "{0}: nilai negatif '{1}' tidak boleh",                           \
    "{0}: negative value '{1}' is not allowed")                                                    \
  X(kBadDate, "bad_date", "{0}: '{1}' bukan tanggal yang sah (tulis YYYY-MM-DD atau DD/MM/YYYY)",  \
    "{0}: '{1}' is not a valid date (write YYYY-MM-DD or DD/MM/YYYY)")                             \
  X(kDateInFuture, "date_in_future", "{0}: tanggal {1} ada di masa depan",                         \
    "{0}: date {1} is in the future")                                                              \
  X(kBadYear, "bad_year", "{0}: '{1}' bukan tahun yang masuk akal (1900-2100)",                    \
    "{0}: '{1}' is not a plausible year (1900-2100)")                                              \
  X(kBadChoice, "bad_choice", "{0}: '{1}' tidak dikenal; pilihan yang sah: {2}",                   \
    "{0}: '{1}' is not recognised; valid choices: {2}")                                            \
  X(kTooLong, "too_long", "{0}: lebih dari {1} karakter", "{0}: longer than {1} characters")       \
  X(kBadNik, "bad_nik", "{0}: NIK '{1}' harus 16 angka", "{0}: NIK '{1}' must be 16 digits")       \
  X(kBadCode, "bad_code", "{0}: '{1}' bukan kode yang sah ({2})",                                  \
    "{0}: '{1}' is not a valid code ({2})")                                                        \
  X(kUnknownCadre, "unknown_cadre",                                                                \
    "{0}: jenis tenaga '{1}' tidak dikenal (lihat `jangkau show cadres`)",                         \
    "{0}: cadre '{1}' is not recognised (see `jangkau show cadres`)")                              \
  X(kUnknownFacility, "unknown_facility",                                                          \
    "{0}: kode fasyankes '{1}' tidak ada di ruang kerja; impor fasyankes dulu",                    \
    "{0}: facility code '{1}' is not in the workspace; import facilities first")                   \
  X(kOtherFacility, "other_facility",                                                              \
    "{0}: baris untuk fasyankes '{1}', bukan fasyankes Anda ({2})",                                \
    "{0}: a row for facility '{1}', not your facility ({2})")                                      \
  X(kUnknownRegion, "unknown_region", "{0}: kode wilayah '{1}' tidak ada di ruang kerja",          \
    "{0}: region code '{1}' is not in the workspace")                                              \
  X(kParentMissing, "parent_missing",                                                              \
    "{0}: wilayah induk '{1}' tidak ada di berkas maupun ruang kerja",                             \
    "{0}: parent region '{1}' is neither in the file nor in the workspace")                        \
  X(kLevelMismatch, "level_mismatch", "{0}: tingkat '{1}' tidak cocok dengan kode {2} ({3})",      \
    "{0}: level '{1}' does not match code {2} ({3})")                                              \
  X(kDuplicateCode, "duplicate_code", "{0}: '{1}' ganda; sudah ada di baris {2}",                  \
    "{0}: '{1}' is a duplicate of line {2}")                                                       \
  X(kPlanNoCandidates, "plan_no_candidates",                                                       \
    "tidak ada lokasi calon '{0}' yang dapat ditempatkan di grid (pustu/poskesdes belum "          \
    "diimpor?)",                                                                                   \
    "no candidate place '{0}' could be placed on the grid (no pustu/poskesdes imported?)")         \
  X(kPlanUnknownScenario, "plan_unknown_scenario", "skenario '{0}' tidak ada di ruang kerja",      \
    "scenario '{0}' is not in the workspace")                                                      \
  X(kScenarioCodeTaken, "scenario_code_taken",                                                     \
    "fasyankes tambahan: kode '{0}' sudah dipakai fasyankes di ruang kerja",                       \
    "added facility: code '{0}' is already a facility of the workspace")                           \
  X(kScenarioDeleted, "scenario_deleted", "skenario '{0}' dihapus", "scenario '{0}' deleted")      \
  X(kScenarioSaved, "scenario_saved",                                                              \
    "skenario '{0}' disimpan: {1} fasyankes ditutup, {2} area banjir, {3} fasyankes baru",         \
    "scenario '{0}' saved: {1} facilities closed, {2} flooded areas, {3} added facilities")        \
  X(kSiteNoCoordinates, "site_no_coordinates", "lokasi tanpa koordinat: isi lat dan lon",          \
    "a place without coordinates: fill in lat and lon")                                            \
  X(kCoordHalf, "coordinate_half", "lat dan lon harus diisi keduanya atau dikosongkan keduanya",   \
    "lat and lon must both be given or both be empty")                                             \
  X(kCoordOutside, "coordinate_outside", "koordinat (lat {0}, lon {1}) di luar wilayah Indonesia", \
    "coordinates (lat {0}, lon {1}) lie outside Indonesia")                                        \
  X(kCoordSwapped, "coordinate_swapped",                                                           \
    "lat dan lon tampaknya tertukar: (lat {0}, lon {1}) di luar Indonesia, tetapi (lat {1}, lon "  \
    "{0}) di dalamnya",                                                                            \
    "lat and lon look swapped: (lat {0}, lon {1}) is outside Indonesia but (lat {1}, lon {0}) is " \
    "inside")                                                                                      \
  X(kBadGeometry, "bad_geometry", "geometri tidak sah: {0}", "invalid geometry: {0}")              \
  /* --- warnings found by import and validate --- */                                              \
  X(kWarnNoCoordinates, "no_coordinates", "fasyankes {0} ({1}) tidak punya koordinat",             \
    "facility {0} ({1}) has no coordinates")                                                       \
  X(kWarnOutsideRegion, "outside_region",                                                          \
    "fasyankes {0} ({1}) terletak {2} km di luar {3} yang dinyatakan, {4} ({5}); titiknya berada " \
    "di {6} ({7})",                                                                                \
    "facility {0} ({1}) lies {2} km outside its stated {3}, {4} ({5}); the point lies in {6} "     \
    "({7})")                                                                                       \
  X(kWarnOutsideRegionNone, "outside_region_unknown",                                              \
    "fasyankes {0} ({1}) terletak {2} km di luar {3} yang dinyatakan, {4} ({5}); titiknya di "     \
    "luar "                                                                                        \
    "semua wilayah di ruang kerja",                                                                \
    "facility {0} ({1}) lies {2} km outside its stated {3}, {4} ({5}); the point lies outside "    \
    "every region in the workspace")                                                               \
  X(kWarnKecamatanUnknown, "kecamatan_unresolved",                                                 \
    "fasyankes {0} ({1}): kode kecamatan BPS {2} tidak ditemukan di wilayah ruang kerja",          \
    "facility {0} ({1}): BPS kecamatan code {2} is not among the workspace's regions")             \
  X(kWarnPopulationZero, "population_zero",                                                        \
    "desa {0} ({1}): penduduk 0 tahun {2}; kemungkinan data tidak tersedia",                       \
    "village {0} ({1}): population 0 in {2}; most likely missing data")                            \
  X(kWarnNoPopulation, "population_missing", "desa {0} ({1}) tidak punya data penduduk",           \
    "village {0} ({1}) has no population data")                                                    \
  X(kWarnPopulationSum, "population_sum_mismatch",                                                 \
    "{0} ({1}): jumlah penduduk desa {2} (tahun {3}) berbeda {4}% dari angka kabupaten {5} "       \
    "(tahun {6})",                                                                                 \
    "{0} ({1}): village population sum {2} ({3}) differs by {4}% from the kabupaten figure {5} "   \
    "({6})")                                                                                       \
  X(kWarnNoGeometry, "no_boundary", "wilayah {0} ({1}) tidak punya batas wilayah (geometri)",      \
    "region {0} ({1}) has no boundary geometry")                                                   \
  X(kWarnAssumption, "assumption", "fasyankes {0} ({1}): {2} = {3} adalah ASUMSI: {4}",            \
    "facility {0} ({1}): {2} = {3} is an ASSUMPTION: {4}")                                         \
  X(kWarnStrExpired, "str_expired", "{0}: STR {1} sudah habis berlaku pada {2}",                   \
    "{0}: the STR of {1} expired on {2}")                                                          \
  /* --- workspace --- */                                                                          \
  X(kWorkspaceMissing, "workspace_missing",                                                        \
    "ruang kerja {0} tidak ada; buat dengan `jangkau init --workspace {0}`",                       \
    "workspace {0} does not exist; create it with `jangkau init --workspace {0}`")                 \
  X(kWorkspaceExists, "workspace_exists", "ruang kerja {0} sudah ada", "workspace {0} exists")     \
  X(kWorkspaceOpen, "workspace_open", "tidak dapat membuka ruang kerja {0}: {1}",                  \
    "cannot open workspace {0}: {1}")                                                              \
  X(kWorkspaceNotJangkau, "workspace_foreign", "{0} bukan ruang kerja Jangkau",                    \
    "{0} is not a Jangkau workspace")                                                              \
  X(kWorkspaceTooNew, "workspace_too_new",                                                         \
    "ruang kerja {0} berskema versi {1}, lebih baru dari program ini (versi {2})",                 \
    "workspace {0} has schema version {1}, newer than this program (version {2})")                 \
  X(kDatabase, "database", "kesalahan basis data: {0}", "database error: {0}")                     \
  X(kWorkspaceBusy, "workspace_busy", "ruang kerja sedang dipakai proses lain; coba lagi",         \
    "the workspace is in use by another process; try again")                                       \
  X(kCheckFailed, "workspace_damaged", "ruang kerja rusak: {0}", "workspace damaged: {0}")         \
  /* --- command line --- */                                                                       \
  X(kUsage, "usage", "penggunaan salah: {0}", "usage error: {0}")                                  \
  X(kUnknownKind, "unknown_kind", "jenis data '{0}' tidak dikenal; pilihan: {1}",                  \
    "unknown kind of data '{0}'; choices: {1}")                                                    \
  X(kBadFormat, "bad_format", "format '{0}' tidak didukung untuk {1}; pilihan: {2}",               \
    "format '{0}' is not supported for {1}; choices: {2}")                                         \
  X(kWrite, "write_failed", "gagal menulis {0}: {1}", "failed to write {0}: {1}")                  \
  /* --- staffing-need calculations --- */                                                         \
  X(kNeedsNegative, "needs_negative", "{0}: harus bilangan >= 0", "{0}: must be a number >= 0")    \
  X(kNeedsNotPositive, "needs_not_positive", "{0}: harus bilangan > 0",                            \
    "{0}: must be a number > 0")                                                                   \
  X(kNeedsAwtNotPositive, "needs_awt_not_positive",                                                \
    "{0}: waktu kerja tersedia (AWT) {1} jam tidak positif",                                       \
    "{0}: available working time (AWT) {1} h is not positive")                                     \
  X(kNeedsCasTooHigh, "needs_allowance_too_high",                                                  \
    "{0}: jumlah tunjangan/tugas penunjang {1}% dari waktu kerja; harus di bawah 100%",            \
    "{0}: allowances/support tasks total {1}% of working time; must be below 100%")                \
  X(kNeedsOneStandard, "needs_one_standard",                                                       \
    "{0}: isi tepat satu dari minutes_per_unit atau units_per_hour",                               \
    "{0}: give exactly one of minutes_per_unit or units_per_hour")                                 \
  X(kNeedsBadPer, "needs_bad_per", "{0}: pilihan yang sah: {1}", "{0}: valid choices: {1}")        \
  X(kNeedsStpBelowOne, "needs_stp_below_one", "{0}: STP harus >= 1", "{0}: STP must be >= 1")      \
  X(kNeedsMissingField, "needs_missing_field", "{0}: wajib diisi", "{0}: required")                \
  X(kNeedsWrongType, "needs_wrong_type", "{0}: harus {1}", "{0}: must be {1}")                     \
  X(kJsonParse, "json_parse", "{0}: bukan JSON yang sah: {1}", "{0}: not valid JSON: {1}")         \
  X(kReferenceMissing, "reference_missing", "tabel acuan {0} '{1}' tidak ada di ruang kerja",      \
    "reference table {0} '{1}' is not in the workspace")                                           \
  X(kReferenceInvalid, "reference_invalid", "tabel acuan {0} tidak lagi sah: {1}",                 \
    "reference table {0} no longer checks: {1}")                                                   \
  /* --- rasters and travel time --- */                                                            \
  X(kRasterNoCrs, "raster_no_crs", "{0}: raster tidak punya sistem koordinat (CRS)",               \
    "{0}: the raster has no coordinate reference system (CRS)")                                    \
  X(kRasterGeotransform, "raster_geotransform", "{0}: raster harus utara-ke-atas tanpa rotasi",    \
    "{0}: the raster must be north-up, unrotated")                                                 \
  X(kRasterNegative, "raster_negative",                                                            \
    "{0}: baris {1}, kolom {2}: friksi negatif {3} tidak boleh",                                   \
    "{0}: row {1}, column {2}: negative friction {3} is not allowed")                              \
  X(kSourceOutside, "source_outside", "titik ({0}, {1}) di luar grid",                             \
    "point ({0}, {1}) lies outside the grid")                                                      \
  X(kSourceImpassable, "source_impassable",                                                        \
    "titik ({0}, {1}) berada di sel yang tidak dapat dilalui (pakai --snap METER)",                \
    "point ({0}, {1}) lies on an impassable cell (use --snap METRES)")                             \
  X(kSourceSnapFailed, "source_snap_failed",                                                       \
    "titik ({0}, {1}): tidak ada sel yang dapat dilalui dalam {2} m",                              \
    "point ({0}, {1}): no passable cell within {2} m")                                             \
  X(kWarnSnapped, "snapped", "{0} dipindah {1} m ke sel terdekat yang dapat dilalui",              \
    "{0} moved {1} m to the nearest passable cell")                                                \
  X(kAccessNoRegions, "access_no_regions",                                                         \
    "ruang kerja belum punya batas wilayah desa; impor regions dengan geometri dulu",              \
    "the workspace has no village boundaries; import regions with geometry first")                 \
  X(kAccessNoFacilities, "access_no_facilities",                                                   \
    "tidak ada fasyankes {0} yang buka dengan koordinat", "no open {0} facility with coordinates") \
  X(kWarnFacilityOffGrid, "facility_off_grid", "fasyankes {0} ({1}) di luar grid; tidak dihitung", \
    "facility {0} ({1}) lies outside the grid; left out")                                          \
  /* --- planning: siting, mobile-clinic stops, redistribution --- */                              \
  X(kPlanBadIndex, "plan_bad_index", "{0}: indeks {1} di luar rentang 0..{2}",                     \
    "{0}: index {1} is outside 0..{2}")                                                            \
  X(kPlanNotFinite, "plan_not_finite", "{0}: harus bilangan terhingga", "{0}: must be finite")     \
  X(kPlanCapacityNeedsCoverage, "plan_capacity_needs_coverage",                                    \
    "{0}: kapasitas hanya berlaku untuk tujuan cakupan (coverage), bukan waktu rata-rata",         \
    "{0}: capacities apply to the coverage objective only, not to mean time")                      \
  X(kPlanDuplicateArc, "plan_duplicate_arc", "{0}: pasangan ({1}, {2}) sudah ada di {3}",          \
    "{0}: the pair ({1}, {2}) already appears at {3}")                                             \
  X(kPlanSolverFailed, "plan_solver_failed", "pemecah MILP (GLPK) berhenti tanpa solusi: {0}",     \
    "the MILP solver (GLPK) stopped without a solution: {0}")                                      \
  /* --- web application --- */                                                                    \
  X(kHttpUnauthenticated, "unauthenticated", "belum masuk; login dulu",                            \
    "not logged in; log in first")                                                                 \
  X(kHttpForbidden, "forbidden", "peran {0} tidak boleh melakukan ini",                            \
    "role {0} may not do this")                                                                    \
  X(kHttpCsrf, "csrf", "token CSRF tidak ada atau salah (header X-CSRF-Token)",                    \
    "CSRF token missing or wrong (header X-CSRF-Token)")                                           \
  X(kHttpThrottled, "throttled", "terlalu banyak percobaan masuk; coba lagi dalam {0} menit",      \
    "too many login attempts; try again in {0} minutes")                                           \
  X(kHttpLoginFailed, "login_failed", "nama pengguna atau kata sandi salah",                       \
    "wrong username or password")                                                                  \
  X(kHttpNotFound, "not_found", "{0} tidak ditemukan", "{0} not found")                            \
  X(kHttpBadJson, "bad_json", "isi permintaan bukan JSON yang sah: {0}",                           \
    "the request body is not valid JSON: {0}")                                                     \
  X(kHttpInvalid, "invalid", "data ditolak: {0} masalah; tidak ada yang disimpan",                 \
    "data refused: {0} problems; nothing was saved")                                               \
  X(kHttpStatus, "status", "laporan {0} berstatus {1}; tindakan ini tidak dapat dilakukan",        \
    "the report of {0} is {1}; this cannot be done now")                                           \
  X(kHttpCommentRequired, "comment_required", "isi komentar: alasan laporan dikembalikan",         \
    "a comment is required: why the report is returned")                                           \
  X(kHttpBadParam, "bad_param", "parameter {0} tidak sah: '{1}'",                                  \
    "parameter {0} is invalid: '{1}'")                                                             \
  X(kHttpJobStarted, "job_started", "dimulai", "started")                                          \
  X(kUserBadPassword, "bad_password", "kata sandi minimal 8 karakter (dibaca dari input standar)", \
    "the password needs at least 8 characters (read from standard input)")                         \
  X(kUserAdded, "user_added", "pengguna {0} ({1}) disimpan", "user {0} ({1}) saved")               \
  /* --- results the CLI reports --- */                                                            \
  X(kWorkspaceCreated, "workspace_created", "ruang kerja {0} dibuat (skema versi {1})",            \
    "workspace {0} created (schema version {1})")                                                  \
  X(kImportRefused, "import_refused",                                                              \
    "impor {0} dari {1} ditolak: {2} galat; ruang kerja tidak diubah",                             \
    "import of {0} from {1} refused: {2} errors; the workspace is unchanged")                      \
  X(kImportDone, "import_done", "impor {0} dari {1}: {2} baris disimpan, {3} peringatan",          \
    "import of {0} from {1}: {2} rows stored, {3} warnings")                                       \
  X(kMoreProblems, "more_problems", "... dan {0} masalah lain yang tidak ditampilkan",             \
    "... and {0} more problems not shown")                                                         \
  X(kValidateDone, "validate_done", "pemeriksaan selesai: {0} peringatan (lihat di atas)",         \
    "validation finished: {0} warnings (listed above)")                                            \
  X(kCheckOk, "check_ok", "ruang kerja {0} utuh (skema versi {1})",                                \
    "workspace {0} is intact (schema version {1})")                                                \
  X(kExportDone, "export_done", "{0} baris {1} ditulis ke {2}", "{0} rows of {1} written to {2}")  \
  X(kInternal, "internal", "kesalahan internal: {0}", "internal error: {0}")

enum class Msg {
#define JANGKAU_MSG_ENUM(name, code, id, en) name,
  JANGKAU_MESSAGES(JANGKAU_MSG_ENUM)
#undef JANGKAU_MSG_ENUM
};

// Stable machine-readable name of a message ("missing_column").
std::string_view MsgCode(Msg msg);

// The message with stable code `code`, if any.
std::optional<Msg> MsgFromCode(std::string_view code);

// The message text in `lang` with the positional arguments substituted. Never throws: a
// malformed catalogue entry shows the raw template.
std::string Tr(Lang lang, Msg msg, const std::vector<std::string>& args = {});

// Every message, for the documentation and the catalogue test.
struct MsgInfo {
  Msg msg;
  std::string_view code;
  std::string_view id;
  std::string_view en;
};
std::vector<MsgInfo> AllMessages();

}  // namespace jangkau
