// Messages of copying, backing up and restoring whole workspaces (store/copy.h,
// store/backup.h) and of writers that meet (a stale report refused), a part of the registry in
// base/messages.h: X(enum name, stable code, HTTP status, Bahasa Indonesia, English).
#pragma once

#define JANGKAU_MESSAGES_STORE(X)                                                                  \
  X(kReportStale, "report_stale", 409,                                                             \
    "laporan {0} fasyankes {1} sudah diubah orang lain sejak Anda membukanya; muat ulang, lalu "   \
    "ulangi perubahan Anda (tidak ada yang ditimpa)",                                              \
    "the {0} report of facility {1} was changed by someone else since you opened it; reload, "     \
    "then make your change again (nothing was overwritten)")                                       \
  X(kScenarioStale, "scenario_stale", 409,                                                         \
    "skenario {0} sudah diubah orang lain sejak Anda membukanya; muat ulang, lalu ulangi "         \
    "perubahan Anda (tidak ada yang ditimpa)",                                                     \
    "scenario {0} was changed by someone else since you opened it; reload, then make your change " \
    "again (nothing was overwritten)")                                                             \
  X(kCopySame, "copy_same", 400, "--from dan --to menunjuk ruang kerja yang sama ({0})",           \
    "--from and --to name the same workspace ({0})")                                               \
  X(kCopyDistrict, "copy_district", 422,                                                           \
    "{0} memuat kabupaten/kota {1}, bukan {2}; satu salinan memuat satu kabupaten/kota",           \
    "{0} holds district {1}, not {2}; a copy holds one district")                                  \
  X(kCopyDone, "copy_done", 200,                                                                   \
    "salinan {0} -> {1} (kabupaten/kota {2}): {3} ditambah, {4} diubah, {5} dihapus, {6} sama, "   \
    "{7} perubahan {1} dipertahankan, {8} konflik",                                                \
    "copy {0} -> {1} (district {2}): {3} added, {4} changed, {5} removed, {6} the same, {7} "      \
    "changes of {1} kept, {8} conflicts")                                                          \
  X(kCopyBase, "copy_base", 200,                                                                   \
    "dibandingkan dengan keadaan salinan terakhir antara keduanya ({0})",                          \
    "compared with the state of the last copy between the two ({0})")                              \
  X(kCopyNoBase, "copy_no_base", 200,                                                              \
    "{0} bukan salinan dari {1} (atau sebaliknya): hanya yang belum ada di {1} yang ditambahkan; " \
    "isi yang berbeda di kedua sisi dilaporkan sebagai konflik",                                   \
    "{0} is not a copy of {1} (nor the reverse): only what {1} lacks is added; contents that "     \
    "differ on the two sides are reported as conflicts")                                           \
  X(kCopyConflict, "copy_conflict", 409,                                                           \
    "konflik: {0} '{1}' diubah di kedua sisi sejak salinan terakhir; isi {2} tidak ditimpa",       \
    "conflict: {0} '{1}' was changed on both sides since the last copy; {2} was not overwritten")  \
  X(kCopyConflictNoBase, "copy_conflict_no_base", 409,                                             \
    "konflik: {0} '{1}' berbeda di kedua sisi; isi {2} tidak ditimpa",                             \
    "conflict: {0} '{1}' differs on the two sides; {2} was not overwritten")                       \
  X(kCopyConflictTaken, "copy_conflict_taken", 200,                                                \
    "konflik: {0} '{1}' diubah di kedua sisi; isi {2} diganti dengan isi asal (--take-conflicts)", \
    "conflict: {0} '{1}' was changed on both sides; {2} now holds the source's "                   \
    "(--take-conflicts)")                                                                          \
  X(kWorkspaceDistricts, "workspace_districts", 404,                                               \
    "{0} tidak memuat ruang kerja tanpa kode wilayah, tetapi {1} kabupaten/kota: {2}; sebutkan "   \
    "satu dengan ?district=KODE (atau --district KODE)",                                           \
    "{0} holds no workspace without a region code, but {1} districts: {2}; name one with "         \
    "?district=KODE (or --district KODE)")                                                         \
  X(kCopyDryRun, "copy_dry_run", 200, "uji coba: tidak ada yang ditulis",                          \
    "dry run: nothing was written")                                                                \
  X(kBackupExists, "backup_exists", 409,                                                           \
    "berkas {0} sudah ada; cadangan tidak pernah menimpa berkas, pilih nama lain",                 \
    "file {0} exists; a backup never overwrites a file, choose another name")                      \
  X(kBackupDone, "backup_done", 200, "cadangan {0} ditulis ke {1} ({2}, {3} byte)",                \
    "backup of {0} written to {1} ({2}, {3} bytes)")                                               \
  X(kBackupForeign, "backup_foreign", 422, "{0} bukan cadangan ruang kerja Jangkau: {1}",          \
    "{0} is not a backup of a Jangkau workspace: {1}")                                             \
  X(kBackupOtherBackend, "backup_other_backend", 422,                                              \
    "{0} adalah cadangan {1}, sedangkan ruang kerja {2} memakai {3}; pindahkan isi antar-jenis "   \
    "penyimpanan dengan `jangkau copy`",                                                           \
    "{0} is a {1} backup while workspace {2} uses {3}; move contents between kinds of store "      \
    "with `jangkau copy`")                                                                         \
  X(kBackupOtherDistrict, "backup_other_district", 422,                                            \
    "{0} adalah cadangan skema {1}, bukan {2}; pulihkan ke ruang kerja kabupaten/kota itu",        \
    "{0} is a backup of schema {1}, not {2}; restore it into that district's workspace")           \
  X(kBackupTool, "backup_tool", 500, "{0} gagal: {1}", "{0} failed: {1}")                          \
  X(kBackupToolMissing, "backup_tool_missing", 500,                                                \
    "{0} tidak ditemukan; pasang paket postgresql-client-15",                                      \
    "{0} not found; install the package postgresql-client-15")                                     \
  X(kBackupNotWorkspace, "backup_not_workspace", 422,                                              \
    "{0} bukan cadangan ruang kerja Jangkau: tidak memuat skema ruang kerja dengan versinya "      \
    "(tabel jangkau_skema)",                                                                       \
    "{0} is not a backup of a Jangkau workspace: it holds no workspace schema with its version "   \
    "(table jangkau_skema)")                                                                       \
  X(kBackupEntry, "backup_entry", 422,                                                             \
    "{0} bukan cadangan satu ruang kerja Jangkau: entri tak terduga '{1}'",                        \
    "{0} is not the backup of one Jangkau workspace: unexpected entry '{1}'")                      \
  X(kBackupFormat, "backup_format", 422, "{0} bukan berkas SQLite ataupun arsip pg_dump",          \
    "{0} is neither a SQLite file nor a pg_dump archive")                                          \
  X(kRestoreNotFile, "restore_not_file", 400,                                                      \
    "{0} bukan berkas (tidak ada, atau sebuah direktori)",                                         \
    "{0} is not a file (missing, or a directory)")                                                 \
  X(kRestoreDone, "restore_done", 200, "ruang kerja {0} dipulihkan dari {1} (skema versi {2})",    \
    "workspace {0} restored from {1} (schema version {2})")
