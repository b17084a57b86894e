// ABK-Kes (analisis beban kerja kesehatan, Permenkes 33/2015): waktu kerja tersedia (WKT),
// standar beban kerja (SBK), faktor/standar tugas penunjang (FTP/STP), jumlah kebutuhan tenaga
// (JKT) and the need. Pure functions over plain values; thread-safe.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "needs/needs_error.h"
#include "needs/wisn.h"

namespace jangkau::needs {

struct AbkActivity {
  std::string name;
  double capaian = 0;              // last year's output (units per year)
  double norma_waktu_minutes = 0;  // minutes per unit
};

struct AbkSupportTask {
  std::string name;
  double minutes_per_year = 0;
};

struct AbkCase {
  double wkt_minutes = 0;  // 72,000 (1,200 h) nationally
  std::vector<AbkActivity> activities;
  std::vector<AbkSupportTask> support_tasks;
  // Given directly instead of from support tasks (the manual's worked examples do this).
  std::optional<double> stp;
  Rounding rounding = Rounding::kNearest;
};

struct AbkResult {
  std::vector<double> sbk;  // per activity: WKT / norma waktu
  double jkt = 0;           // sum of capaian / SBK
  double ftp_percent = 0;   // sum of support minutes / WKT x 100
  double stp = 0;           // 1 / (1 - FTP / 100)
  double need = 0;          // JKT x STP
  double need_rounded = 0;
};

std::expected<AbkResult, NeedsError> ComputeAbk(const AbkCase& c);

// The WKT of Permenkes 33/2015 in hours per year: working days (260 on a 5-day week, 312 on a
// 6-day week) less leave 12, holidays 19, training 5 and absence 12, times the effective hours
// per day (26.25 h a week spread over the working days).
struct WktFactors {
  int days_per_week = 5;
  double annual_leave = 12;                 // cuti tahunan
  double public_holidays = 19;              // libur nasional + cuti bersama
  double training = 5;                      // pendidikan dan pelatihan
  double absence = 12;                      // ketidakhadiran kerja
  double effective_hours_per_week = 26.25;  // 37.5 h x 70%
};
double AbkWktHours(const WktFactors& f);

}  // namespace jangkau::needs
