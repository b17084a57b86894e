// Emergency response (Call 112 / PSC 119): units, incidents and the events of an incident's
// lifecycle, and UTC instants as dispatchers type them (ISO 8601). Plain values; thread-safe.
// The vocabulary follows the issue and the research in docs/emergency.md (NEMSIS eTimes for the
// timestamps, the open CAD systems for the states).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/instant.h"

namespace jangkau {

enum class UnitKind { kAmbulans, kMotor, kPerahu, kTimKunjungan };
std::string_view UnitKindKey(UnitKind k);  // "ambulans", "motor", "perahu", "tim_kunjungan"
std::optional<UnitKind> ParseUnitKind(std::string_view text);
std::string UnitKindChoices();

enum class UnitStatus {
  kTersedia,         // available
  kDitugaskan,       // assigned to an incident, not yet moving
  kDalamPerjalanan,  // on the way to the scene
  kDiLokasi,         // at the scene
  kMengantar,        // taking a patient to a facility
  kKembali,          // returning
  kTidakAktif,       // out of service
};
std::string_view UnitStatusKey(UnitStatus s);
std::optional<UnitStatus> ParseUnitStatus(std::string_view text);

struct EmergencyUnit {
  std::string kode;
  std::string nama;
  UnitKind jenis = UnitKind::kAmbulans;
  std::string pangkalan;  // base facility code, may be empty
  double lon = 0;
  double lat = 0;
  UnitStatus status = UnitStatus::kTersedia;
  std::optional<int64_t> insiden;  // the incident it is busy on
};

enum class IncidentStatus {
  kBaru,
  kTerverifikasi,
  kUnitDikirim,
  kUnitBerangkat,
  kTibaDiLokasi,
  kMenujuFaskes,
  kTibaDiFaskes,
  kSelesai,
  kDibatalkan,
  kTidakValid,
};
inline constexpr int kIncidentStatusCount = 10;
std::string_view IncidentStatusKey(IncidentStatus s);
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view text);
std::string IncidentStatusChoices();

enum class Priority { kP1, kP2, kP3, kP4 };
std::string_view PriorityKey(Priority p);  // "P1".."P4"
std::optional<Priority> ParsePriority(std::string_view text);

enum class IncidentSource { k119, k112, kWeb, kTelepon };
std::string_view IncidentSourceKey(IncidentSource s);  // "119", "112", "web", "telepon"
std::optional<IncidentSource> ParseIncidentSource(std::string_view text);
std::string IncidentSourceChoices();

// The categories a call taker picks (kunjungan_rumah: a home visit after a report).
std::optional<std::string> ParseIncidentCategory(std::string_view text);
std::string IncidentCategoryChoices();

struct Incident {
  int64_t id = 0;
  std::string kode;  // the PSC's own case code (kode_kasus), unique when given; may be empty
  Instant waktu;     // the call
  IncidentSource sumber = IncidentSource::k119;
  std::string pelapor;  // caller's name
  std::string telepon;  // caller's phone
  double lon = 0;
  double lat = 0;
  std::string kode_desa;  // the village it lies in, when known
  std::string kategori;
  int pasien = 1;
  Priority prioritas = Priority::kP3;
  std::string keterangan;
  IncidentStatus status = IncidentStatus::kBaru;
  // Written by transitions only (NEMSIS eTimes subset): when each state was entered.
  std::optional<Instant> terverifikasi;
  std::optional<Instant> unit_dikirim;    // unit notified (eTimes.03)
  std::optional<Instant> unit_berangkat;  // en route (eTimes.05)
  std::optional<Instant> tiba_di_lokasi;  // on scene (eTimes.06)
  std::optional<Instant> menuju_faskes;   // left the scene (eTimes.09)
  std::optional<Instant> tiba_di_faskes;  // at destination (eTimes.11)
  std::optional<Instant> selesai;         // closed, cancelled or found invalid
  std::string unit;                       // the unit sent
  std::string faskes_tujuan;              // the facility the patient went to
};

// The response intervals (NEMSIS eTimes differences), in minutes.
enum class Interval { kCallToNotify, kTurnout, kTravel, kCallToScene, kSceneToFacility };
inline constexpr int kIntervalCount = 5;
// panggilan_ke_kirim, persiapan (turnout), perjalanan (travel), panggilan_ke_lokasi,
// lokasi_ke_faskes.
std::string_view IntervalKey(Interval i);
std::optional<Interval> ParseInterval(std::string_view text);
std::string IntervalChoices();

// A district's target: `interval` of a `prioritas` incident within `minutes` (reference kind
// response-targets; no national PSC target exists, the shipped table is an ASSUMPTION).
struct ResponseTarget {
  Priority prioritas = Priority::kP1;
  Interval interval = Interval::kCallToScene;
  double minutes = 0;
};

// How fast a unit of a kind crosses a travel class of the travel scenario (reference kind
// unit-speeds; the shipped table is an ASSUMPTION). A kind with no row travels as people do
// (the travel scenario itself: the home-visit team); a class without a row for a kind that has
// rows is closed to it (an ambulance leaves the roads only as its crew on foot, when listed).
struct UnitSpeed {
  UnitKind jenis = UnitKind::kAmbulans;
  std::string kelas;
  double speed_kmh = 0;
};

// One transition as asked for: to which state, when, by whom, with which unit or facility.
struct IncidentEvent {
  IncidentStatus to = IncidentStatus::kBaru;
  Instant waktu;
  std::string pengguna;
  std::string unit;    // required for unit_dikirim
  std::string faskes;  // optional for menuju_faskes / tiba_di_faskes
};

}  // namespace jangkau
