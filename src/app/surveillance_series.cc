// The weekly reports as series (app/surveillance_series.h).
#include "app/surveillance_series.h"

#include <algorithm>
#include <cmath>

namespace jangkau::app {
namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

}  // namespace

Reports Gather(const std::vector<StoredWeeklyReport>& stored) {
  Reports r;
  if (stored.empty()) return r;
  EpiWeek lo = stored.front().report.minggu, hi = lo;
  for (const auto& s : stored) {
    lo = std::min(lo, s.report.minggu);
    hi = std::max(hi, s.report.minggu);
  }
  r.axis.Build(lo, hi);
  const std::size_t n = r.axis.weeks.size();
  for (const auto& s : stored) {
    const WeeklyReport& w = s.report;
    FacilitySeries& f = r.facilities[w.kode_faskes];
    if (f.reported.empty()) {
      f.reported.assign(n, false);
      f.all_cases.assign(n, kNa);
      f.units.assign(n, kNa);
      f.received.assign(n, 0);
      f.first_received.assign(n, std::numeric_limits<int64_t>::max());
    }
    const std::size_t i = r.axis.Find(w.minggu).value_or(0);
    f.first = std::min(f.first, i);
    f.reported[i] = true;
    f.all_cases[i] =
        (std::isnan(f.all_cases[i]) ? 0 : f.all_cases[i]) + static_cast<double>(w.kasus);
    if (w.unit_lapor) {
      f.units[i] = std::isnan(f.units[i])
                       ? static_cast<double>(*w.unit_lapor)
                       : std::max(f.units[i], static_cast<double>(*w.unit_lapor));
    }
    f.received[i] = std::max(f.received[i], s.diterima.seconds);
    f.first_received[i] = std::min(f.first_received[i], s.diterima_pertama.seconds);
    DiseaseSeries& d = f.diseases[w.penyakit];
    if (d.cases.empty()) {
      d.cases.assign(n, kNa);
      d.deaths.assign(n, kNa);
      d.received.assign(n, 0);
    }
    d.cases[i] = static_cast<double>(w.kasus);
    if (w.kematian) d.deaths[i] = static_cast<double>(*w.kematian);
    d.received[i] = s.diterima.seconds;
  }
  // A week the facility reported without a line for a disease: none of it (W2 lists all).
  for (auto& [kode, f] : r.facilities) {
    for (auto& [penyakit, d] : f.diseases) {
      for (std::size_t i = 0; i < n; ++i) {
        if (f.reported[i] && std::isnan(d.cases[i])) {
          d.cases[i] = 0;
          d.deaths[i] = 0;
        }
      }
    }
  }
  return r;
}

std::optional<double> ThresholdFor(const std::vector<SkdrThreshold>& table,
                                   const std::string& kabupaten, const std::string& penyakit) {
  std::optional<double> general;
  for (const SkdrThreshold& t : table) {
    if (t.penyakit != penyakit) continue;
    if (!kabupaten.empty() && t.kode_wilayah == kabupaten) return static_cast<double>(t.ambang);
    if (t.kode_wilayah.empty()) general = static_cast<double>(t.ambang);
  }
  return general;
}

std::string KabupatenOf(const Facility& f) {
  return f.kode_kecamatan.size() >= 5 ? f.kode_kecamatan.substr(0, 5) : std::string();
}

bool InRange(EpiWeek w, const std::optional<EpiWeek>& from, const std::optional<EpiWeek>& to) {
  return (!from || *from <= w) && (!to || w <= *to);
}

}  // namespace jangkau::app
