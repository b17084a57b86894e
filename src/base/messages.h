// The one registry of user-facing messages: a stable code name, Bahasa Indonesia text and
// English text for every message Jangkau shows (CLI, reports, later the HTTP API).
// Placeholders are fmt-style positional: {0}, {1}, ... Immutable tables; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/lang.h"
#include "base/messages_emergency.h"
#include "base/messages_http.h"
#include "base/messages_interop.h"
#include "base/messages_store.h"

namespace jangkau {

// X(enum name, stable code, HTTP status when the API answers with it, Bahasa Indonesia, English)
#define JANGKAU_MESSAGES(X)                                                                        \
  /* --- file and format problems --- */                                                           \
  X(kFileOpen, "file_open", 422, "tidak dapat membuka berkas {0}: {1}",                            \
    "cannot open file {0}: {1}")                                                                   \
  X(kFileRead, "file_read", 422,                                                                   \
    "pembacaan berhenti setelah baris {0}: {1}; berkas rusak atau terpotong?",                     \
    "reading stopped after line {0}: {1}; is the file damaged or cut short?")                      \
  X(kFileTooLarge, "file_too_large", 422,                                                          \
    "berkas {0} terurai menjadi {1} MiB, melebihi batas {2} MiB; bagi menjadi beberapa berkas",    \
    "file {0} expands to {1} MiB, over the limit of {2} MiB; split it into several files")         \
  X(kFileNoLayer, "file_no_layer", 422, "berkas {0} tidak berisi tabel atau lapisan",              \
    "file {0} contains no table or layer")                                                         \
  X(kFileNoRows, "file_no_rows", 422, "berkas tidak berisi baris data",                            \
    "the file has no data rows")                                                                   \
  X(kNotUtf8Header, "not_utf8_header", 422,                                                        \
    "{0}:1:{1}: judul kolom ke-{1} bukan teks UTF-8 (byte ke-{2}); simpan ulang sebagai \"CSV "    \
    "UTF-8\" atau sebutkan pengodeannya (cp1252, latin1)",                                         \
    "{0}:1:{1}: the name of column {1} is not UTF-8 text (byte {2}); save the file again as "      \
    "\"CSV "                                                                                       \
    "UTF-8\" or name its encoding (cp1252, latin1)")                                               \
  X(kEncodingCsvOnly, "encoding_csv_only", 400,                                                    \
    "{0}: pengodean hanya dapat disebutkan untuk berkas CSV",                                      \
    "{0}: an encoding can only be named for a CSV file")                                           \
  X(kBadEncoding, "bad_encoding", 422, "{0}: byte ke-{1} tidak terdefinisi dalam pengodean {2}",   \
    "{0}: byte {1} is not defined in the encoding {2}")                                            \
  X(kMissingColumn, "missing_column", 422, "kolom wajib '{0}' tidak ada di baris judul",           \
    "required column '{0}' is missing from the header")                                            \
  X(kCsvHeader, "csv_header", 422,                                                                 \
    "{0}:1: baris judul tidak terbaca sebagai judul CSV (nama kolom dipisahkan koma)",             \
    "{0}:1: the first line does not read as a CSV header (column names separated by commas)")      \
  X(kNulByte, "nul_byte", 422,                                                                     \
    "{0}:{1}:{2}: byte NUL (0x00) di dalam teks; berkas CSV tidak boleh memuatnya (simpan ulang "  \
    "sebagai \"CSV UTF-8\")",                                                                      \
    "{0}:{1}:{2}: a NUL byte (0x00) in the text; a CSV file must not hold one (save it again as "  \
    "\"CSV UTF-8\")")                                                                              \
  X(kOpenQuote, "open_quote", 422,                                                                 \
    "{0}:{1}:{2}: tanda kutip ini tidak pernah ditutup; sisa berkas akan terbaca sebagai satu "    \
    "sel",                                                                                         \
    "{0}:{1}:{2}: this quote is never closed; the rest of the file would read as one cell")        \
  X(kDuplicateColumn, "duplicate_column", 422,                                                     \
    "{0}:1:{3}: kolom '{1}' muncul dua kali di baris judul (kolom ke-{2} dan ke-{3}); hapus "      \
    "salah satunya",                                                                               \
    "{0}:1:{3}: column '{1}' appears twice in the header (columns {2} and {3}); remove one of "    \
    "them")                                                                                        \
  X(kNotUtf8, "not_utf8", 422,                                                                     \
    "{0}: bukan teks UTF-8 (byte ke-{1} sel ini); simpan ulang sebagai \"CSV UTF-8\" atau "        \
    "sebutkan pengodeannya (cp1252, latin1)",                                                      \
    "{0}: not UTF-8 text (byte {1} of the cell); save the file again as \"CSV UTF-8\" or name "    \
    "its encoding (cp1252, latin1)")                                                               \
  X(kEmptyGeometry, "empty_geometry", 422,                                                         \
    "geometri kosong atau koordinatnya bukan angka (NaN); isi koordinat yang benar atau hapus "    \
    "geometrinya (null)",                                                                          \
    "the geometry is empty or its coordinates are not numbers (NaN); give the right coordinates "  \
    "or remove the geometry (null)")                                                               \
  X(kCellLineBreak, "cell_line_break", 422,                                                        \
    "{0}: sel berisi pindah baris; tanda kutip (\") yang dibuka di sini tidak ditutup pada "       \
    "barisnya?",                                                                                   \
    "{0}: the cell holds a line break; a quote (\") opened here and not closed on its line?")      \
  /* --- values --- */                                                                             \
  X(kEmptyValue, "empty_value", 422, "{0}: wajib diisi", "{0}: a value is required")               \
  X(kNotANumber, "not_a_number", 422, "{0}: '{1}' bukan bilangan", "{0}: '{1}' is not a number")   \
  X(kNotAWholeNumber, "not_a_whole_number", 422, "{0}: '{1}' bukan bilangan bulat",                \
    "{0}: '{1}' is not a whole number")                                                            \
  X(kNegative, "negative_value", 422, "{0}: nilai negatif '{1}' tidak boleh",                      \
    "{0}: negative value '{1}' is not allowed")                                                    \
  X(kBadDate, "bad_date", 422,                                                                     \
    "{0}: '{1}' bukan tanggal yang sah (tulis YYYY-MM-DD atau DD/MM/YYYY)",                        \
    "{0}: '{1}' is not a valid date (write YYYY-MM-DD or DD/MM/YYYY)")                             \
  X(kDateInFuture, "date_in_future", 422, "{0}: tanggal {1} ada di masa depan",                    \
    "{0}: date {1} is in the future")                                                              \
  X(kBadYear, "bad_year", 422, "{0}: '{1}' bukan tahun yang masuk akal (1900-2100)",               \
    "{0}: '{1}' is not a plausible year (1900-2100)")                                              \
  X(kBadChoice, "bad_choice", 422, "{0}: '{1}' tidak dikenal; pilihan yang sah: {2}",              \
    "{0}: '{1}' is not recognised; valid choices: {2}")                                            \
  X(kMeasuredBeforeBirth, "measured_before_birth", 422,                                            \
    "tanggal pengukuran {0} sebelum tanggal lahir {1}", "measured on {0}, before birth on {1}")    \
  X(kCountAboveTotal, "count_above_total", 422, "{0}: {1} lebih dari {2} ({3})",                   \
    "{0}: {1} is more than {2} ({3})")                                                             \
  X(kPercentRange, "percent_range", 422, "{0}: '{1}' bukan persentase yang mungkin",               \
    "{0}: '{1}' is not a possible percentage")                                                     \
  X(kVerifiedNotDeclared, "verified_not_declared", 422,                                            \
    "{0}: verifikasi SBS tanpa deklarasi ({1} bukan 'ya'); hanya desa yang sudah deklarasi "       \
    "dapat diverifikasi",                                                                          \
    "{0}: ODF verified without a declaration ({1} is not 'ya'); only a declared desa can be "      \
    "verified")                                                                                    \
  X(kVerifiedBeforeDeclared, "verified_before_declared", 422,                                      \
    "tanggal verifikasi {0} sebelum tanggal deklarasi {1}",                                        \
    "verified on {0}, before the declaration on {1}")                                              \
  X(kSegmentsDisagree, "segments_disagree", 422,                                                   \
    "{0}: {1} tidak sama dengan jumlah segmen kepesertaan {2}",                                    \
    "{0}: {1} differs from the sum of the membership segments {2}")                                \
  X(kNoCoverageFigure, "no_coverage_figure", 422,                                                  \
    "baris tanpa angka cakupan: isi penduduk dengan peserta (atau segmennya), atau "               \
    "cakupan_persen",                                                                              \
    "the row has no coverage figure: give penduduk with peserta (or its segments), or "            \
    "cakupan_persen")                                                                              \
  X(kWrongRegionLevel, "wrong_region_level", 422, "{0}: '{1}' adalah {2}, bukan {3}",              \
    "{0}: '{1}' is a {2}, not a {3}")                                                              \
  X(kBadWeek, "bad_week", 422,                                                                     \
    "{0}: '{1}' bukan minggu (bilangan bulat, atau minggu epidemiologi YYYY-Www yang ada)",        \
    "{0}: '{1}' is not a week (a whole number, or an epidemiological week YYYY-Www that exists)")  \
  X(kWeekNotNext, "week_not_next", 422,                                                            \
    "minggu '{0}' bukan minggu sesudah '{1}': deret harus lengkap dan berurutan (minggu tanpa "    \
    "laporan ditulis dengan kasus kosong)",                                                        \
    "week '{0}' is not the week after '{1}': the series must be complete and in order (a week "    \
    "without a report has empty cases)")                                                           \
  X(kUnknownDisease, "unknown_disease", 422,                                                       \
    "{0}: penyakit '{1}' tidak ada di daftar penyakit ruang kerja (skdr-diseases); yang ada: {2}", \
    "{0}: disease '{1}' is not in the workspace's disease list (skdr-diseases); it has: {2}")      \
  X(kNoDiseaseColumns, "no_disease_columns", 422,                                                  \
    "tidak ada kolom penyakit: pakai kolom penyakit dan kasus, atau satu kolom per kode penyakit " \
    "(A, B, ..., atau A_P dan A_M untuk penderita dan meninggal)",                                 \
    "no disease columns: use the columns penyakit and kasus, or one column per disease code (A, "  \
    "B, ..., or A_P and A_M for cases and deaths)")                                                \
  X(kWeekNotStarted, "week_not_started", 422, "{0}: minggu {1} belum dimulai",                     \
    "{0}: week {1} has not begun")                                                                 \
  X(kReceivedBeforeWeek, "received_before_week", 422,                                              \
    "{0}: diterima {1}, sebelum minggu {2} dimulai", "{0}: received {1}, before week {2} began")   \
  X(kUnknownAlert, "unknown_alert", 404, "peringatan '{0}' tidak ada; lihat `jangkau alerts`",     \
    "alert '{0}' does not exist; see `jangkau alerts`")                                            \
  X(kAlertTransition, "alert_transition", 409,                                                     \
    "peringatan {0}: status '{1}' tidak dapat berpindah ke '{2}'; yang boleh: {3}",                \
    "alert {0}: status '{1}' cannot change to '{2}'; allowed: {3}")                                \
  X(kAlertTimeBackwards, "alert_time_backwards", 422,                                              \
    "peringatan {0}: waktu {1} lebih awal dari {2} ({3})",                                         \
    "alert {0}: the time {1} is before {2} ({3})")                                                 \
  X(kWarnRoutineBelowSurvey, "routine_below_survey", 200,                                          \
    "{0}: stunting rutin {1}% ({2}) kurang dari separuh angka survei {3}% ({4}); penimbangan "     \
    "rutin "                                                                                       \
    "kemungkinan tidak menjangkau semua balita",                                                   \
    "{0}: routine stunting {1}% ({2}) is less than half the survey's {3}% ({4}); routine "         \
    "weighing "                                                                                    \
    "likely misses children")                                                                      \
  X(kWarnDesaNotMatched, "desa_not_matched", 200,                                                  \
    "desa '{0}' (kecamatan '{1}') tidak dikenali di wilayah ruang kerja; pengukuran disimpan "     \
    "tanpa "                                                                                       \
    "kode desa ({2} baris)",                                                                       \
    "village '{0}' (kecamatan '{1}') is not one of the workspace's regions; the measurements are " \
    "kept without a village code ({2} rows)")                                                      \
  X(kTooLong, "too_long", 422, "{0}: lebih dari {1} karakter", "{0}: longer than {1} characters")  \
  X(kBadNik, "bad_nik", 422, "{0}: NIK '{1}' harus 16 angka", "{0}: NIK '{1}' must be 16 digits")  \
  X(kBadCode, "bad_code", 422, "{0}: '{1}' bukan kode yang sah ({2})",                             \
    "{0}: '{1}' is not a valid code ({2})")                                                        \
  X(kUnknownCadre, "unknown_cadre", 422,                                                           \
    "{0}: jenis tenaga '{1}' tidak dikenal (lihat `jangkau show cadres`)",                         \
    "{0}: cadre '{1}' is not recognised (see `jangkau show cadres`)")                              \
  X(kUnknownFacility, "unknown_facility", 422,                                                     \
    "{0}: kode fasyankes '{1}' tidak ada di ruang kerja; impor fasyankes dulu",                    \
    "{0}: facility code '{1}' is not in the workspace; import facilities first")                   \
  X(kOtherFacility, "other_facility", 422,                                                         \
    "{0}: baris untuk fasyankes '{1}', bukan fasyankes Anda ({2})",                                \
    "{0}: a row for facility '{1}', not your facility ({2})")                                      \
  X(kUnknownRegion, "unknown_region", 422, "{0}: kode wilayah '{1}' tidak ada di ruang kerja",     \
    "{0}: region code '{1}' is not in the workspace")                                              \
  X(kParentMissing, "parent_missing", 422,                                                         \
    "{0}: wilayah induk '{1}' tidak ada di berkas maupun ruang kerja",                             \
    "{0}: parent region '{1}' is neither in the file nor in the workspace")                        \
  X(kLevelMismatch, "level_mismatch", 422, "{0}: tingkat '{1}' tidak cocok dengan kode {2} ({3})", \
    "{0}: level '{1}' does not match code {2} ({3})")                                              \
  X(kDuplicateCode, "duplicate_code", 422, "{0}: '{1}' ganda; sudah ada di baris {2}",             \
    "{0}: '{1}' is a duplicate of line {2}")                                                       \
  X(kPlanNoCandidates, "plan_no_candidates", 422,                                                  \
    "tidak ada lokasi calon '{0}' yang dapat ditempatkan di grid (pustu/poskesdes belum "          \
    "diimpor?)",                                                                                   \
    "no candidate place '{0}' could be placed on the grid (no pustu/poskesdes imported?)")         \
  X(kPlanUnknownScenario, "plan_unknown_scenario", 404, "skenario '{0}' tidak ada di ruang kerja", \
    "scenario '{0}' is not in the workspace")                                                      \
  X(kScenarioCodeTaken, "scenario_code_taken", 422,                                                \
    "fasyankes tambahan: kode '{0}' sudah dipakai fasyankes di ruang kerja",                       \
    "added facility: code '{0}' is already a facility of the workspace")                           \
  X(kScenarioDeleted, "scenario_deleted", 200, "skenario '{0}' dihapus", "scenario '{0}' deleted") \
  X(kScenarioSaved, "scenario_saved", 200,                                                         \
    "skenario '{0}' disimpan: {1} fasyankes ditutup, {2} area banjir, {3} fasyankes baru",         \
    "scenario '{0}' saved: {1} facilities closed, {2} flooded areas, {3} added facilities")        \
  X(kSiteNoCoordinates, "site_no_coordinates", 422, "lokasi tanpa koordinat: isi lat dan lon",     \
    "a place without coordinates: fill in lat and lon")                                            \
  X(kCoordHalf, "coordinate_half", 422,                                                            \
    "lat dan lon harus diisi keduanya atau dikosongkan keduanya",                                  \
    "lat and lon must both be given or both be empty")                                             \
  X(kCoordOutside, "coordinate_outside", 422,                                                      \
    "koordinat (lat {0}, lon {1}) di luar wilayah Indonesia",                                      \
    "coordinates (lat {0}, lon {1}) lie outside Indonesia")                                        \
  X(kCoordSwapped, "coordinate_swapped", 422,                                                      \
    "lat dan lon tampaknya tertukar: (lat {0}, lon {1}) di luar Indonesia, tetapi (lat {1}, lon "  \
    "{0}) di dalamnya",                                                                            \
    "lat and lon look swapped: (lat {0}, lon {1}) is outside Indonesia but (lat {1}, lon {0}) is " \
    "inside")                                                                                      \
  X(kBadGeometry, "bad_geometry", 422, "geometri tidak sah: {0}", "invalid geometry: {0}")         \
  X(kInvalidPolygon, "invalid_polygon", 422,                                                       \
    "batas wilayah {0} bukan poligon yang sah ({1}); perbaiki di GIS atau impor dengan "           \
    "--make-valid untuk memperbaikinya otomatis",                                                  \
    "the boundary of region {0} is not a valid polygon ({1}); fix it in a GIS or import with "     \
    "--make-valid to repair it automatically")                                                     \
  /* --- warnings found by import and validate --- */                                              \
  X(kWarnGeometryRepaired, "geometry_repaired", 200,                                               \
    "batas wilayah {0} ({1}) tidak sah dan diperbaiki (--make-valid); luasnya berubah {2}%",       \
    "the boundary of region {0} ({1}) was invalid and was repaired (--make-valid); its area "      \
    "changed by {2}%")                                                                             \
  X(kWarnNoCoordinates, "no_coordinates", 200, "fasyankes {0} ({1}) tidak punya koordinat",        \
    "facility {0} ({1}) has no coordinates")                                                       \
  X(kWarnOutsideRegion, "outside_region", 200,                                                     \
    "fasyankes {0} ({1}) terletak {2} km di luar {3} yang dinyatakan, {4} ({5}); titiknya berada " \
    "di {6} ({7})",                                                                                \
    "facility {0} ({1}) lies {2} km outside its stated {3}, {4} ({5}); the point lies in {6} "     \
    "({7})")                                                                                       \
  X(kWarnOutsideRegionNone, "outside_region_unknown", 200,                                         \
    "fasyankes {0} ({1}) terletak {2} km di luar {3} yang dinyatakan, {4} ({5}); titiknya di "     \
    "luar "                                                                                        \
    "semua wilayah di ruang kerja",                                                                \
    "facility {0} ({1}) lies {2} km outside its stated {3}, {4} ({5}); the point lies outside "    \
    "every region in the workspace")                                                               \
  X(kWarnKecamatanUnknown, "kecamatan_unresolved", 200,                                            \
    "fasyankes {0} ({1}): kode kecamatan BPS {2} tidak ditemukan di wilayah ruang kerja",          \
    "facility {0} ({1}): BPS kecamatan code {2} is not among the workspace's regions")             \
  X(kWarnPopulationZero, "population_zero", 200,                                                   \
    "desa {0} ({1}): penduduk 0 tahun {2}; kemungkinan data tidak tersedia",                       \
    "village {0} ({1}): population 0 in {2}; most likely missing data")                            \
  X(kWarnNoPopulation, "population_missing", 200, "desa {0} ({1}) tidak punya data penduduk",      \
    "village {0} ({1}) has no population data")                                                    \
  X(kWarnPopulationSum, "population_sum_mismatch", 200,                                            \
    "{0} ({1}): jumlah penduduk desa {2} (tahun {3}) berbeda {4}% dari angka kabupaten {5} "       \
    "(tahun {6})",                                                                                 \
    "{0} ({1}): village population sum {2} ({3}) differs by {4}% from the kabupaten figure {5} "   \
    "({6})")                                                                                       \
  X(kWarnNoGeometry, "no_boundary", 200, "wilayah {0} ({1}) tidak punya batas wilayah (geometri)", \
    "region {0} ({1}) has no boundary geometry")                                                   \
  X(kWarnAssumption, "assumption", 200, "fasyankes {0} ({1}): {2} = {3} adalah ASUMSI: {4}",       \
    "facility {0} ({1}): {2} = {3} is an ASSUMPTION: {4}")                                         \
  X(kWarnStrExpired, "str_expired", 200, "{0}: STR {1} sudah habis berlaku pada {2}",              \
    "{0}: the STR of {1} expired on {2}")                                                          \
  /* --- workspace --- */                                                                          \
  X(kWorkspaceMissing, "workspace_missing", 404,                                                   \
    "ruang kerja {0} tidak ada; buat dengan `jangkau init --workspace {0}`",                       \
    "workspace {0} does not exist; create it with `jangkau init --workspace {0}`")                 \
  X(kWorkspaceExists, "workspace_exists", 409, "ruang kerja {0} sudah ada",                        \
    "workspace {0} exists")                                                                        \
  X(kWorkspaceOpen, "workspace_open", 500, "tidak dapat membuka ruang kerja {0}: {1}",             \
    "cannot open workspace {0}: {1}")                                                              \
  X(kWorkspaceNotJangkau, "workspace_foreign", 500, "{0} bukan ruang kerja Jangkau",               \
    "{0} is not a Jangkau workspace")                                                              \
  X(kWorkspaceTooNew, "workspace_too_new", 500,                                                    \
    "ruang kerja {0} berskema versi {1}, lebih baru dari program ini (versi {2})",                 \
    "workspace {0} has schema version {1}, newer than this program (version {2})")                 \
  X(kDatabase, "database", 500, "kesalahan basis data: {0}", "database error: {0}")                \
  X(kWorkspaceBusy, "workspace_busy", 503, "ruang kerja sedang dipakai proses lain; coba lagi",    \
    "the workspace is in use by another process; try again")                                       \
  X(kCheckFailed, "workspace_damaged", 500, "ruang kerja rusak: {0}", "workspace damaged: {0}")    \
  /* --- command line --- */                                                                       \
  X(kUsage, "usage", 400, "penggunaan salah: {0}", "usage error: {0}")                             \
  X(kUnknownKind, "unknown_kind", 400, "jenis data '{0}' tidak dikenal; pilihan: {1}",             \
    "unknown kind of data '{0}'; choices: {1}")                                                    \
  X(kBadFormat, "bad_format", 400, "format '{0}' tidak didukung untuk {1}; pilihan: {2}",          \
    "format '{0}' is not supported for {1}; choices: {2}")                                         \
  X(kWrite, "write_failed", 500, "gagal menulis {0}: {1}", "failed to write {0}: {1}")             \
  X(kNeedsNegative, "needs_negative", 422, "{0}: harus bilangan >= 0",                             \
    "{0}: must be a number >= 0")                                                                  \
  X(kNeedsNotPositive, "needs_not_positive", 422, "{0}: harus bilangan > 0",                       \
    "{0}: must be a number > 0")                                                                   \
  X(kNetworkNormRange, "network_norm_range", 422,                                                  \
    "{0}: '{1}' di luar rentang 0-100 orang per desa/pustu/poskesdes",                             \
    "{0}: '{1}' is outside 0-100 people per village/pustu/poskesdes")                              \
  X(kNetworkNormEmpty, "network_norm_empty", 422,                                                  \
    "baris norma jaringan '{0}' tidak mengisi per_desa, per_pustu atau per_poskesdes",             \
    "network norm line '{0}' fills none of per_desa, per_pustu, per_poskesdes")                    \
  X(kValueTooLarge, "value_too_large", 422, "{0}: '{1}' terlalu besar", "{0}: '{1}' is too large") \
  X(kNeedsAwtNotPositive, "needs_awt_not_positive", 422,                                           \
    "{0}: waktu kerja tersedia (AWT) {1} jam tidak positif",                                       \
    "{0}: available working time (AWT) {1} h is not positive")                                     \
  X(kNeedsCasTooHigh, "needs_allowance_too_high", 422,                                             \
    "{0}: jumlah tunjangan/tugas penunjang {1}% dari waktu kerja; harus di bawah 100%",            \
    "{0}: allowances/support tasks total {1}% of working time; must be below 100%")                \
  X(kNeedsOneStandard, "needs_one_standard", 422,                                                  \
    "{0}: isi tepat satu dari minutes_per_unit atau units_per_hour",                               \
    "{0}: give exactly one of minutes_per_unit or units_per_hour")                                 \
  X(kNeedsBadPer, "needs_bad_per", 422, "{0}: pilihan yang sah: {1}", "{0}: valid choices: {1}")   \
  X(kNeedsStpBelowOne, "needs_stp_below_one", 422, "{0}: STP harus >= 1", "{0}: STP must be >= 1") \
  X(kNeedsMissingField, "needs_missing_field", 422, "{0}: wajib diisi", "{0}: required")           \
  X(kNeedsWrongType, "needs_wrong_type", 422, "{0}: harus {1}", "{0}: must be {1}")                \
  X(kJsonParse, "json_parse", 400, "{0}: bukan JSON yang sah: {1}", "{0}: not valid JSON: {1}")    \
  X(kReferenceMissing, "reference_missing", 500, "tabel acuan {0} '{1}' tidak ada di ruang kerja", \
    "reference table {0} '{1}' is not in the workspace")                                           \
  X(kReferenceInvalid, "reference_invalid", 422, "tabel acuan {0} tidak lagi sah: {1}",            \
    "reference table {0} no longer checks: {1}")                                                   \
  /* --- rasters and travel time --- */                                                            \
  X(kRasterNoCrs, "raster_no_crs", 422, "{0}: raster tidak punya sistem koordinat (CRS)",          \
    "{0}: the raster has no coordinate reference system (CRS)")                                    \
  X(kRasterGeotransform, "raster_geotransform", 422,                                               \
    "{0}: raster harus utara-ke-atas tanpa rotasi", "{0}: the raster must be north-up, unrotated") \
  X(kRasterNegative, "raster_negative", 422,                                                       \
    "{0}: baris {1}, kolom {2}: friksi negatif {3} tidak boleh",                                   \
    "{0}: row {1}, column {2}: negative friction {3} is not allowed")                              \
  X(kRasterTooLarge, "raster_too_large", 422,                                                      \
    "{0}: raster {1} x {2} sel memerlukan sekitar {3} GB memori, lebih dari batas {4} GB",         \
    "{0}: a raster of {1} x {2} cells needs about {3} GB of memory, more than the limit of "       \
    "{4} GB")                                                                                      \
  X(kGridTooLarge, "grid_too_large", 422,                                                          \
    "resolution: grid {0} x {1} sel pada {2} m memerlukan sekitar {3} GB memori, lebih dari "      \
    "batas {4} GB; pilih resolusi yang lebih kasar",                                               \
    "resolution: a grid of {0} x {1} cells at {2} m needs about {3} GB of memory, more than "      \
    "the limit of {4} GB; choose a coarser resolution")                                            \
  X(kSourceOutside, "source_outside", 422, "titik ({0}, {1}) di luar grid",                        \
    "point ({0}, {1}) lies outside the grid")                                                      \
  X(kSourceImpassable, "source_impassable", 422,                                                   \
    "titik ({0}, {1}) berada di sel yang tidak dapat dilalui (pakai --snap METER)",                \
    "point ({0}, {1}) lies on an impassable cell (use --snap METRES)")                             \
  X(kSourceSnapFailed, "source_snap_failed", 422,                                                  \
    "titik ({0}, {1}): tidak ada sel yang dapat dilalui dalam {2} m",                              \
    "point ({0}, {1}): no passable cell within {2} m")                                             \
  X(kWarnSnapped, "snapped", 200, "{0} dipindah {1} m ke sel terdekat yang dapat dilalui",         \
    "{0} moved {1} m to the nearest passable cell")                                                \
  X(kAccessNoRegions, "access_no_regions", 422,                                                    \
    "ruang kerja belum punya batas wilayah desa atau kecamatan; impor regions dengan geometri "    \
    "dulu",                                                                                        \
    "the workspace has no village or kecamatan boundaries; import regions with geometry first")    \
  X(kAccessNoFacilities, "access_no_facilities", 422,                                              \
    "tidak ada fasyankes {0} yang buka dengan koordinat", "no open {0} facility with coordinates") \
  X(kWarnFacilityOffGrid, "facility_off_grid", 200,                                                \
    "fasyankes {0} ({1}) di luar grid; tidak dihitung",                                            \
    "facility {0} ({1}) lies outside the grid; left out")                                          \
  /* --- planning: siting, mobile-clinic stops, redistribution --- */                              \
  X(kPlanBadIndex, "plan_bad_index", 422, "{0}: indeks {1} di luar rentang 0..{2}",                \
    "{0}: index {1} is outside 0..{2}")                                                            \
  X(kPlanNotFinite, "plan_not_finite", 422, "{0}: harus bilangan terhingga",                       \
    "{0}: must be finite")                                                                         \
  X(kPlanBusyNeedsMexclp, "plan_busy_needs_mexclp", 400,                                           \
    "--busy {0} berlaku untuk --model mexclp saja (mclp menganggap unit selalu siap)",             \
    "--busy {0} applies to --model mexclp only (mclp takes units as always available)")            \
  X(kScenarioPeriod, "scenario_period", 422,                                                       \
    "masa berlaku skenario: selesai {1} lebih awal dari mulai {0}",                                \
    "scenario period: the end {1} is before the start {0}")                                        \
  X(kPlanBusyFraction, "plan_busy_fraction", 422,                                                  \
    "--busy {0}: bagian waktu unit sibuk harus 0 atau lebih dan kurang dari 1",                    \
    "--busy {0}: the fraction of time a unit is busy must be at least 0 and below 1")              \
  X(kPlanCapacityNeedsCoverage, "plan_capacity_needs_coverage", 422,                               \
    "{0}: kapasitas hanya berlaku untuk tujuan cakupan (coverage), bukan waktu rata-rata",         \
    "{0}: capacities apply to the coverage objective only, not to mean time")                      \
  X(kPlanDuplicateArc, "plan_duplicate_arc", 422, "{0}: pasangan ({1}, {2}) sudah ada di {3}",     \
    "{0}: the pair ({1}, {2}) already appears at {3}")                                             \
  X(kPlanSolverFailed, "plan_solver_failed", 500,                                                  \
    "pemecah MILP (GLPK) berhenti tanpa solusi: {0}",                                              \
    "the MILP solver (GLPK) stopped without a solution: {0}")                                      \
  X(kUserBadPassword, "bad_password", 400,                                                         \
    "kata sandi minimal 8 karakter (dibaca dari input standar)",                                   \
    "the password needs at least 8 characters (read from standard input)")                         \
  X(kUserAdded, "user_added", 200, "pengguna {0} ({1}) disimpan", "user {0} ({1}) saved")          \
  /* --- results the CLI reports --- */                                                            \
  X(kWorkspaceCreated, "workspace_created", 200, "ruang kerja {0} dibuat (skema versi {1})",       \
    "workspace {0} created (schema version {1})")                                                  \
  X(kImportRefused, "import_refused", 422,                                                         \
    "impor {0} dari {1} ditolak: {2} galat; ruang kerja tidak diubah",                             \
    "import of {0} from {1} refused: {2} errors; the workspace is unchanged")                      \
  X(kImportDone, "import_done", 200, "impor {0} dari {1}: {2} baris disimpan, {3} peringatan",     \
    "import of {0} from {1}: {2} rows stored, {3} warnings")                                       \
  X(kImportDoneCounts, "import_done_counts", 200,                                                  \
    "impor {0} dari {1}: {2} baris disimpan ({3} baru, {4} sudah ada dan diperbarui dengan "       \
    "kolom berkas ini), {5} peringatan",                                                           \
    "import of {0} from {1}: {2} rows stored ({3} new, {4} already there and updated with this "   \
    "file's columns), {5} warnings")                                                               \
  X(kMoreProblems, "more_problems", 422, "... dan {0} masalah lain yang tidak ditampilkan",        \
    "... and {0} more problems not shown")                                                         \
  X(kValidateDone, "validate_done", 200, "pemeriksaan selesai: {0} peringatan (lihat di atas)",    \
    "validation finished: {0} warnings (listed above)")                                            \
  X(kCheckOk, "check_ok", 200, "ruang kerja {0} utuh (skema versi {1})",                           \
    "workspace {0} is intact (schema version {1})")                                                \
  X(kJsonBad, "json_bad", 422, "berkas {0} bukan JSON yang sah: {1}",                              \
    "file {0} is not valid JSON: {1}")                                                             \
  X(kJsonRequired, "json_required", 422, "{0}: wajib diisi", "{0}: is required")                   \
  X(kJsonType, "json_type", 422, "{0}: harus {1}", "{0}: must be {1}")                             \
  X(kJsonChoice, "json_choice", 422, "{0}: '{1}' tidak dikenal; pilihan: {2}",                     \
    "{0}: '{1}' is not recognised; choices: {2}")                                                  \
  X(kJsonSpaces, "json_spaces", 422, "{0}: '{1}' kosong atau diawali/diakhiri spasi",              \
    "{0}: '{1}' is empty or begins or ends with a space")                                          \
  JANGKAU_MESSAGES_INTEROP(X)                                                                      \
  JANGKAU_MESSAGES_STORE(X)                                                                        \
  JANGKAU_MESSAGES_EMERGENCY(X)                                                                    \
  JANGKAU_MESSAGES_HTTP(X)                                                                         \
  X(kInternal, "internal", 500, "kesalahan internal: {0}", "internal error: {0}")

enum class Msg {
#define JANGKAU_MSG_ENUM(name, code, status, id, en) name,
  JANGKAU_MESSAGES(JANGKAU_MSG_ENUM)
#undef JANGKAU_MSG_ENUM
};

// Stable machine-readable name of a message ("missing_column").
std::string_view MsgCode(Msg msg);

// The HTTP status the API answers with when `msg` is its error (docs/http.md).
int MsgStatus(Msg msg);

// The message with stable code `code`, if any.
std::optional<Msg> MsgFromCode(std::string_view code);

// The message text in `lang` with the positional arguments substituted. Never throws: a
// malformed catalogue entry shows the raw template.
std::string Tr(Lang lang, Msg msg, const std::vector<std::string>& args = {});

// Every message, for the documentation and the catalogue test.
struct MsgInfo {
  Msg msg;
  std::string_view code;
  int status;  // HTTP status of the API's answer with this message
  std::string_view id;
  std::string_view en;
};
std::vector<MsgInfo> AllMessages();

}  // namespace jangkau
