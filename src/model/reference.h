// Reference tables a district can change: staffing norms, population ratio targets, activity
// standards, required competences, standard equipment, costs per position, retirement ages,
// and per-village indicators. They are data (data/reference/ ships the defaults), never code.
// Plain values; thread-compatible.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/units.h"
#include "model/facility.h"

namespace jangkau {

// One line of a minimum-staffing norm (e.g. Permenkes 75/2014 for puskesmas): the cadres it
// counts and the required number per area category and inpatient status.
struct NormRow {
  std::string kode;                 // "dokter"
  std::string nama;                 // "Dokter / DLP"
  std::vector<std::string> cadres;  // cadre codes counted toward the row
  // Index: 2 x area group (0 perkotaan, 1 perdesaan, 2 terpencil and sangat terpencil)
  // + (1 when rawat inap).
  std::array<int, 6> required{};
};

struct NormTable {
  std::string name;  // "pmk75_2014"
  std::vector<NormRow> rows;
};

// What a puskesmas answers for beyond its own building, per norm line: midwives posted to
// villages (bidan desa), staff of its pustu and poskesdes. Added to the puskesmas norm so that a
// headcount that includes the network is compared with a requirement that does too. The shipped
// table is an ASSUMPTION until the district checks it (data/reference/norma_jaringan_asumsi.csv).
struct NetworkNormRow {
  std::string kode;  // a norm line code of the norm table, e.g. "bidan"
  double per_desa = 0;
  double per_pustu = 0;
  double per_poskesdes = 0;
};

// The district's approved formasi (its ceiling): at most this many of a cadre at a facility.
// Staff above it may be moved; staff above a minimum norm alone may not.
struct FormasiCeiling {
  std::string kode_faskes;
  std::string cadre;
  int formasi = 0;
};

// Index into NormRow::required.
int NormColumn(AreaCategory area, bool rawat_inap);

// Target health workers per 100,000 population for a group of cadres.
struct RatioTarget {
  std::vector<std::string> cadres;
  double per_100k = 0;
  std::string note;
};

enum class ActivityComponent { kService, kSupport, kAdditional };
enum class Period { kDay, kWeek, kMonth, kYear };

// A WISN/ABK activity standard for a cadre: service activities have minutes per unit (matched
// to service volumes by `kegiatan`); support and additional activities have hours per period
// (additional ones done by `staff` members only).
struct ActivityStandard {
  std::string cadre;
  ActivityComponent component = ActivityComponent::kService;
  std::string kegiatan;
  std::optional<double> minutes_per_unit;
  std::optional<double> hours;
  Period per = Period::kYear;
  double staff = 1;
};

// A competence a facility must have: at least `minimum` workers of `cadres` trained in
// `training`, for facilities of `type` (and inpatient status, when given).
struct CompetenceRequirement {
  FacilityType type = FacilityType::kPuskesmas;
  std::optional<bool> rawat_inap;  // nullopt: every facility of the type
  std::string training;
  std::vector<std::string> cadres;
  int minimum = 1;
  std::string basis;
};

struct EquipmentStandard {
  FacilityType type = FacilityType::kPuskesmas;
  std::string kode_alat;
  std::string nama_alat;
  int minimum = 1;
};

// Annual cost of one position (salary and allowances), in rupiah.
struct CostEntry {
  std::string cadre;
  std::string employment;  // EmploymentKey
  units::Rupiah annual_cost{0};
};

// Retirement age by jabatan: the first rule whose pattern occurs in the jabatan (case-
// insensitive) applies; pattern "*" matches everything.
struct RetirementRule {
  std::string pattern;
  int age = 58;
};

struct RegionIndicator {
  std::string kode_wilayah;
  std::string indikator;  // "indeks_bahaya_banjir", "jarak_jalan_m", ...
  double nilai = 0;
  std::optional<int> tahun;
  std::string sumber;
};

// One row of a travel scenario table: a class of terrain or road with its mode and speed, or
// a transfer (moda "transfer") with its minutes.
struct TravelClassRow {
  std::string kelas;
  std::string moda;
  double speed_kmh = 0;
  double minutes = 0;
};

// A feature of a geographic layer used for travel time.
struct MapFeature {
  std::string jenis;            // roads, rivers, water, swamp, bridges, piers, flood
  std::string kelas;            // road class, ... (may be empty)
  std::optional<double> nilai;  // e.g. a flood speed factor
  std::string geometry_wkb;     // EPSG:4326
};

// Reach of one region for one kind of destination in a scenario.
struct RegionAccess {
  std::string kode_wilayah;
  double penduduk = 0;
  double terjangkau = 0;
  std::optional<double> rata_menit;
  double dalam_30 = 0;
  double dalam_60 = 0;
  double dalam_120 = 0;
  // Share (0..1) of the population for a count within some minutes; sums of fractional cell
  // populations carry rounding noise, clamped here. 0 when nobody lives there.
  double Share(double within) const {
    return penduduk > 0 ? std::clamp(within / penduduk, 0.0, 1.0) : 0.0;
  }
};

struct FacilityAccess {
  std::string kode_faskes;
  std::optional<units::People> penduduk_terdekat;  // people for whom it is the nearest
  // Empty: unreached (no hospital / no other puskesmas within the run's bound).
  std::optional<units::Minutes> menit_ke_rs;              // referral: to the nearest hospital
  std::optional<units::Minutes> menit_ke_fasyankes_lain;  // remoteness: to another puskesmas
};

// An explicit assignment of a village to the facility that serves it.
struct Catchment {
  std::string kode_desa;
  std::string kode_faskes;
};

}  // namespace jangkau
