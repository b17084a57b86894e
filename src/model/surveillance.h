// Weekly disease early warning (SKDR, docs/surveillance.md): one facility's count of one disease
// in one epidemiological week as reported, the district's disease list and fixed thresholds, and
// the lifecycle of an alert. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/epi_week.h"
#include "model/instant.h"

namespace jangkau {

// One line of a weekly report (form W2): a facility, a week, a disease, the new cases and the
// deaths among them. Re-sending the same facility, week and disease replaces the earlier value.
struct WeeklyReport {
  std::string kode_faskes;
  EpiWeek minggu;
  std::string penyakit;  // a code of the disease list (reference kind skdr-diseases)
  int64_t kasus = 0;
  std::optional<int64_t> kematian;
  // The reporting units behind the facility's count (pustu, poskesdes, clinics), when given.
  std::optional<int64_t> unit_lapor;
  // When the report reached the district; an import without the column is received at the import.
  std::optional<Instant> diterima;
  std::string sumber;
  int64_t baris = 0;
};

// A stored report: the value in force and when it arrived, and when the facility first sent
// this week and disease (timeliness counts the first sending).
struct StoredWeeklyReport {
  WeeklyReport report;
  Instant diterima;          // when the value in force arrived
  Instant diterima_pertama;  // the first sending
  int kiriman = 1;           // how many different values were sent
};

// One earlier value of a report that a later sending replaced.
struct WeeklyResend {
  std::string kode_faskes;
  EpiWeek minggu;
  std::string penyakit;
  int64_t kasus = 0;
  std::optional<int64_t> kematian;
  Instant diterima;
};

// A disease of the district's list: SKDR's and the district's own (skin infection after floods).
struct SkdrDisease {
  std::string kode;  // "A", "ISPA", "KULIT"
  std::string nama;
  std::string name_en;
  bool skdr = true;  // in the national SKDR list; false: the district's own addition
};

// A fixed alert threshold: `ambang` cases or more in a week raise an alert. `kode_wilayah`
// empty: every kabupaten without its own row.
struct SkdrThreshold {
  std::string kode_wilayah;
  std::string penyakit;
  int64_t ambang = 0;
};

// terbuka -> diverifikasi -> direspons; terbuka or diverifikasi -> bukan_klb.
enum class AlertStatus { kTerbuka, kDiverifikasi, kDirespons, kBukanKlb };
std::string_view AlertStatusKey(AlertStatus s);
std::optional<AlertStatus> ParseAlertStatus(std::string_view text);
// Whether an alert in `from` may move to `to`.
bool AlertTransitionAllowed(AlertStatus from, AlertStatus to);

// A recorded step of an alert's lifecycle.
struct AlertEvent {
  std::string id;  // "P1606040201:2025-W07:A:ears-c1"
  AlertStatus status = AlertStatus::kDiverifikasi;
  Instant waktu;
  std::string oleh;
  std::string catatan;
};

}  // namespace jangkau
