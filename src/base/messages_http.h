// Messages of the web application and its API (logins, sessions, requests and their fields,
// jobs), a part of the registry in base/messages.h: X(enum name, stable code, HTTP status, Bahasa
// Indonesia, English).
#pragma once

#define JANGKAU_MESSAGES_HTTP(X)                                                                   \
  X(kHttpUnauthenticated, "unauthenticated", 401, "belum masuk; login dulu",                       \
    "not logged in; log in first")                                                                 \
  X(kHttpForbidden, "forbidden", 403, "peran {0} tidak boleh melakukan ini",                       \
    "role {0} may not do this")                                                                    \
  X(kHttpRegionRoute, "region_route", 403,                                                         \
    "pengguna wilayah {0} tidak dapat membuka ini: halaman ini memuat data seluruh ruang kerja",   \
    "a user of region {0} cannot open this: it holds the whole workspace's data")                  \
  X(kHttpOutsideRegion, "facility_outside_region", 403,                                            \
    "fasyankes {0} berada di luar wilayah {1}", "facility {0} lies outside region {1}")            \
  X(kUserBadRegion, "user_bad_region", 422,                                                        \
    "--region: '{0}' bukan kode kabupaten/kota atau provinsi di ruang kerja ini",                  \
    "--region: '{0}' is not the code of a kabupaten/kota or province in this workspace")           \
  X(kHttpCsrf, "csrf", 403, "token CSRF tidak ada atau salah (header X-CSRF-Token)",               \
    "CSRF token missing or wrong (header X-CSRF-Token)")                                           \
  X(kHttpThrottled, "throttled", 429, "terlalu banyak percobaan masuk; coba lagi dalam {0} menit", \
    "too many login attempts; try again in {0} minutes")                                           \
  X(kHttpLoginFailed, "login_failed", 401, "nama pengguna atau kata sandi salah",                  \
    "wrong username or password")                                                                  \
  X(kHttpNotFound, "not_found", 404, "{0} tidak ditemukan", "{0} not found")                       \
  X(kHttpBadJson, "bad_json", 400, "isi permintaan bukan JSON yang sah: {0}",                      \
    "the request body is not valid JSON: {0}")                                                     \
  X(kHttpInvalid, "invalid", 422, "data ditolak: {0} masalah; tidak ada yang disimpan",            \
    "data refused: {0} problems; nothing was saved")                                               \
  X(kHttpStatus, "status", 409, "laporan {0} berstatus {1}; tindakan ini tidak dapat dilakukan",   \
    "the report of {0} is {1}; this cannot be done now")                                           \
  X(kHttpCommentRequired, "comment_required", 400, "isi komentar: alasan laporan dikembalikan",    \
    "a comment is required: why the report is returned")                                           \
  X(kHttpBadParam, "bad_param", 400, "parameter {0} tidak sah: '{1}'",                             \
    "parameter {0} is invalid: '{1}'")                                                             \
  X(kHttpJobStarted, "job_started", 202, "dimulai", "started")                                     \
  X(kHttpJobQueued, "job_queued", 202, "menunggu giliran", "waiting for its turn")                 \
  X(kHttpMethod, "method_not_allowed", 405, "metode {0} tidak berlaku untuk {1}",                  \
    "method {0} is not allowed on {1}")                                                            \
  X(kHttpTooLarge, "too_large", 413, "isi permintaan terlalu besar (paling banyak {0})",           \
    "the request body is too large (at most {0})")                                                 \
  X(kHttpBusy, "busy", 503, "server sedang sibuk; coba lagi sebentar lagi",                        \
    "the server is busy; try again shortly")                                                       \
  X(kHttpJobsFull, "jobs_full", 429,                                                               \
    "antrean pekerjaan latar penuh ({0}); coba lagi setelah pekerjaan lain selesai",               \
    "the background job queue is full ({0}); try again when another job has finished")             \
  X(kHttpBadRequest, "bad_request", 400, "permintaan HTTP tidak sah", "malformed HTTP request")    \
  X(kHttpBadUtf8, "bad_utf8", 400,                                                                 \
    "{0}: bukan teks UTF-8 yang sah (byte ke-{1}); simpan ulang sebagai \"CSV UTF-8\"",            \
    "{0}: not valid UTF-8 text (byte {1}); save it again as \"CSV UTF-8\"")                        \
  X(kHttpUnknownParam, "unknown_param", 400, "parameter '{0}' tidak dikenal; yang sah: {1}",       \
    "unknown parameter '{0}'; valid: {1}")                                                         \
  X(kHttpFieldType, "field_type", 400, "isian '{0}' harus berupa {1}", "field '{0}' must be {1}")  \
  X(kHttpFieldRange, "field_range", 400, "isian '{0}': {1} di luar rentang {2} sampai {3}",        \
    "field '{0}': {1} is outside {2} to {3}")                                                      \
  X(kHttpFieldRequired, "field_required", 400, "isian '{0}' wajib diisi",                          \
    "field '{0}' is required")                                                                     \
  X(kHttpFieldUnknown, "unknown_field", 400, "isian '{0}' tidak dikenal; yang sah: {1}",           \
    "unknown field '{0}'; valid: {1}")                                                             \
  X(kHttpFieldChoice, "field_choice", 400, "isian '{0}': '{1}' tidak dikenal; pilihan: {2}",       \
    "field '{0}': '{1}' is not recognised; choices: {2}")                                          \
  X(kHttpFieldTooLong, "field_too_long", 400, "isian '{0}' lebih dari {1} karakter",               \
    "field '{0}' is longer than {1} characters")                                                   \
  X(kHttpFieldTooMany, "field_too_many", 400, "isian '{0}' berisi lebih dari {1} unsur",           \
    "field '{0}' holds more than {1} items")                                                       \
  X(kHttpPasswordWrong, "password_wrong", 401, "kata sandi lama salah",                            \
    "the old password is wrong")                                                                   \
  X(kHttpPasswordChanged, "password_changed", 200,                                                 \
    "kata sandi {0} diganti; {1} sesi lain diakhiri",                                              \
    "password of {0} changed; {1} other sessions ended")                                           \
  X(kUserPasswordSet, "password_set", 200, "kata sandi {0} diganti; {1} sesi diakhiri",            \
    "password of {0} changed; {1} sessions ended")                                                 \
  X(kUserUnknown, "user_unknown", 404, "pengguna '{0}' tidak ada", "user '{0}' does not exist")
