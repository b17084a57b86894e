// Messages of emergency response (Call 112 / PSC 119: units, incidents and their steps,
// docs/emergency.md), a part of the registry in base/messages.h: X(enum name, stable code, HTTP
// status, Bahasa Indonesia, English).
#pragma once

#define JANGKAU_MESSAGES_EMERGENCY(X)                                                             \
  X(kUnitExists, "unit_exists", 409, "unit '{0}' sudah ada", "unit '{0}' already exists")         \
  X(kUnknownUnit, "unknown_unit", 404, "unit '{0}' tidak ada; lihat `jangkau unit list`",         \
    "unit '{0}' does not exist; see `jangkau unit list`")                                         \
  X(kUnitBusy, "unit_busy", 409, "unit '{0}' sedang {1} (insiden {2}); pilih unit lain",          \
    "unit '{0}' is {1} (incident {2}); choose another unit")                                      \
  X(kUnknownIncident, "unknown_incident", 404, "insiden {0} tidak ada",                           \
    "incident {0} does not exist")                                                                \
  X(kIncidentOutside, "incident_outside", 422,                                                    \
    "lokasi {0}, {1} tidak berada di desa mana pun di ruang kerja ini (di luar kabupaten?)",      \
    "location {0}, {1} lies in no village of this workspace (outside the district?)")             \
  X(kIncidentNoPlace, "incident_no_place", 400,                                                   \
    "sebutkan lokasi: --lon dan --lat, atau --desa KODE",                                         \
    "give a place: --lon and --lat, or --desa CODE")                                              \
  X(kBadValue, "bad_value", 400, "{0}: nilai '{1}' tidak sah", "{0}: '{1}' is not a valid value") \
  X(kBadInstant, "bad_instant", 422,                                                              \
    "{0}: '{1}' bukan waktu ISO 8601 (mis. 2026-12-02T10:00:00+07:00)",                           \
    "{0}: '{1}' is not an ISO 8601 time (e.g. 2026-12-02T10:00:00+07:00)")                        \
  X(kIncidentStampBackwards, "incident_stamp_backwards", 422,                                     \
    "{0}: '{1}' lebih awal dari {2}; waktu tidak boleh mundur",                                   \
    "{0}: '{1}' is before {2}; times must not go backwards")                                      \
  X(kIncidentStatusStamps, "incident_status_stamps", 422,                                         \
    "status '{0}' bertentangan dengan waktu yang diisi (sudah ada waktu {1})",                    \
    "status '{0}' contradicts the times given (there is a time for {1})")                         \
  X(kIncidentStatusNoTime, "incident_status_no_time", 422,                                        \
    "status '{0}' mengakhiri insiden: isi waktunya di kolom selesai",                             \
    "status '{0}' ends the incident: give its time in the column selesai")                        \
  X(kIncidentTransition, "incident_transition", 409,                                              \
    "insiden {0}: status '{1}' tidak dapat berpindah ke '{2}'; yang boleh: {3}",                  \
    "incident {0}: status '{1}' cannot change to '{2}'; allowed: {3}")                            \
  X(kIncidentTimeBackwards, "incident_time_backwards", 422,                                       \
    "insiden {0}: waktu '{1}' {2} lebih awal dari '{3}' {4}; waktu tidak boleh mundur",           \
    "incident {0}: the time of '{1}' {2} is before '{3}' {4}; times must not go backwards")       \
  X(kUnitSpeedClass, "unit_speed_class", 422,                                                     \
    "kecepatan unit {0}: kelas '{1}' tidak ada di skenario perjalanan; kelas yang ada: {2}",      \
    "unit speeds {0}: class '{1}' is not in the travel scenario; its classes: {2}")               \
  X(kIncidentNeedsUnit, "incident_needs_unit", 422,                                               \
    "insiden {0}: unit_dikirim perlu --unit (kode unit yang dikirim)",                            \
    "incident {0}: unit_dikirim needs --unit (the code of the unit sent)")                        \
  /* --- staffing-need calculations --- */
