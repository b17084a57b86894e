// The weekly early warning of a workspace (docs/surveillance.md): each facility's weekly series
// per disease from its reports, the alerts of every method (fixed thresholds, EARS C1-C3 and
// Farrington flexible exactly as R's surveillance, the KLB criteria of Permenkes 1501/2010), the
// data-quality flags that hold back what is a data problem and not an outbreak, the alert
// lifecycle with its 24-hour clock, and the completeness and timeliness of the reports. Not
// thread-safe (uses the caller's Workspace).
#pragma once

#include <expected>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/epi_week.h"
#include "model/instant.h"
#include "model/surveillance.h"
#include "report/table.h"
#include "store/workspace.h"
#include "surveillance/klb.h"
#include "surveillance/quality.h"

namespace jangkau::app {

enum class AlertMethod { kFixed, kEarsC1, kEarsC2, kEarsC3, kFarrington, kKlb, kTwiceMean3 };
std::string_view AlertMethodKey(AlertMethod m);  // "fixed", "ears-c1", ..., "klb", "twice-mean3"
// "all", one key, or keys separated by commas; std::nullopt for an unknown one.
std::optional<std::vector<AlertMethod>> ParseAlertMethods(std::string_view text);
inline constexpr std::string_view kAlertMethodChoices =
    "all, fixed, ears-c1, ears-c2, ears-c3, farrington, klb, twice-mean3";

struct AlertOptions {
  std::vector<AlertMethod> methods = {
      AlertMethod::kFixed,      AlertMethod::kEarsC1, AlertMethod::kEarsC2,    AlertMethod::kEarsC3,
      AlertMethod::kFarrington, AlertMethod::kKlb,    AlertMethod::kTwiceMean3};
  std::optional<EpiWeek> from, to;  // the weeks listed; the methods see the whole series
  int farrington_b = 5;             // years back (the package's default)
  double ears_min_sigma = 0;        // EARS's minSigma (the package's default 0; Burkom: 0.5-1)
  surveillance::KlbOptions klb;
  surveillance::QualityRules quality;
  int neighbours = 3;        // a facility's neighbours: the nearest this many...
  double neighbour_km = 30;  // ...within this distance (straight line)
  // Only these facilities' alerts, flags and reporting (a district's users); their neighbours
  // are still compared across the border.
  std::optional<std::set<std::string>> only;
};

// One alert: a method's alarm at a facility, week and disease.
struct Alert {
  std::string id;                                          // "P1606040201:2025-W07:A:ears-c1"
  std::string kode_faskes, nama_faskes, penyakit, metode;  // metode "klb-dua_kali" for KLB
  EpiWeek minggu;
  double teramati = 0;  // the count (KLB: the compared figure, e.g. the four-week sum)
  double ambang = 0;    // the threshold or upper bound it was compared with
  Instant dibuka;       // when the report that raised it arrived: the 24-hour clock starts
  AlertStatus status = AlertStatus::kTerbuka;
  std::optional<Instant> diverifikasi;  // verified (or found not an outbreak)
  std::optional<Instant> direspons;
  std::string mutu_data;  // data-quality flags at the same report, if any
};

// A data problem: shown as such, never as an outbreak.
struct QualityFlag {
  std::string kode_faskes, nama_faskes;
  EpiWeek minggu;
  std::string penyakit;  // empty: the whole week's report
  std::string jenis;     // ganda_dengan_tetangga, lonjakan_unit_pelapor, kiriman_berbeda
  double nilai = 0;
  std::string rincian;
};

struct AlertResult {
  std::vector<Alert> alerts;        // by week, facility, disease, method
  std::vector<QualityFlag> flags;   // by week, facility, disease
  int withheld = 0;                 // alarms held back as suspected double reporting
  std::set<std::string> reporting;  // the facilities with reports
};

// Failure: a reference table that does not load (skdr-diseases, skdr-thresholds).
std::expected<AlertResult, Error> ComputeAlerts(const store::Workspace& ws,
                                                const AlertOptions& options);

// id, kode_faskes, nama_faskes, minggu, penyakit, metode, teramati, ambang, status, dibuka,
// jam_ke_verifikasi, jam_ke_respons, verifikasi_24_jam, respons_24_jam, mutu_data.
report::Table AlertsTable(const AlertResult& r);
// minggu, kode_faskes, nama_faskes, penyakit, jenis, nilai, rincian.
report::Table QualityTable(const AlertResult& r);
// Per month of the alerts' opening: alerts, verified, responded, their shares, within 24 hours.
report::Table AlertMonthsTable(const AlertResult& r);

// Records a step of an alert's lifecycle: the alert's report must exist, the transition be
// allowed and the time not before the report arrived nor before the previous step.
std::expected<void, Error> RecordAlertStep(store::Workspace& ws, const std::string& id,
                                           AlertStatus to, Instant at, const std::string& user,
                                           const std::string& note);

// The reports in force: kode_faskes, nama_faskes, minggu, penyakit, kasus, kematian, unit_lapor,
// diterima, diterima_pertama, kiriman (how many different values were sent), in the weeks given.
report::Table WeeklyReportsTable(const store::Workspace& ws, const std::optional<EpiWeek>& from,
                                 const std::optional<EpiWeek>& to);

// One facility's series of one disease as the alerts see it: from its first report to the last
// reported week of the workspace, NaN where it did not report; its fixed threshold if any. Empty
// when it has no report of the disease. Failure: an unknown facility, a reference table that does
// not load.
struct FacilityDiseaseSeries {
  std::vector<EpiWeek> weeks;
  std::vector<double> cases;
  std::optional<double> threshold;
};
std::expected<FacilityDiseaseSeries, Error> WeeklySeries(const store::Workspace& ws,
                                                         const std::string& kode,
                                                         const std::string& penyakit);
// The disease list (reference kind skdr-diseases): kode, nama, name_en, skdr.
std::expected<report::Table, Error> DiseasesTable(const store::Workspace& ws);

struct CompletenessOptions {
  std::optional<EpiWeek> from, to;  // default: the first to the last reported week
  // A report is on time when first received before the week's end plus this many hours
  // (72: before Wednesday 00:00 WIB of the following week).
  int deadline_hours = 72;
  bool by_week = false;
  std::optional<std::set<std::string>> only;  // only these facilities (a district's users)
};
// Per facility (or per week): weeks expected, reported and on time, completeness and
// timeliness in percent, flagged under 90% and 80%; a total row. Expected: every puskesmas of
// the registry and every facility that has reported.
report::Table CompletenessTable(const store::Workspace& ws, const CompletenessOptions& options);

}  // namespace jangkau::app
