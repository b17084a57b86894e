// The weekly reports of a workspace as series over a common axis of epidemiological weeks, for
// the alerts (app/surveillance_service.cc) and the report tables (app/surveillance_reports.cc).
// Internal to app.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/epi_week.h"
#include "model/facility.h"
#include "model/surveillance.h"

namespace jangkau::app {

inline constexpr int64_t kDaySeconds = int64_t{24} * 3600;

// Every epidemiological week from `first` to `last`, and each one's position (by arithmetic: the
// position of week 1 of each year; this runs for every report).
struct WeekAxis {
  std::vector<EpiWeek> weeks;
  std::vector<int64_t> week1;  // per year from the first: the position of its week 1
  void Build(EpiWeek first, EpiWeek last) {
    for (EpiWeek w = first; w <= last; w = w.Next()) weeks.push_back(w);
    int64_t at = 1 - first.week;
    for (int y = first.year; y <= last.year; ++y) {
      week1.push_back(at);
      at += WeeksInEpiYear(y);
    }
  }
  std::optional<std::size_t> Find(EpiWeek w) const {
    if (weeks.empty() || w < weeks.front() || weeks.back() < w) return std::nullopt;
    return static_cast<std::size_t>(week1[static_cast<std::size_t>(w.year - weeks.front().year)] +
                                    w.week - 1);
  }
};

// One disease's weekly values at one facility over the axis (NaN: the facility did not report).
struct DiseaseSeries {
  std::vector<double> cases, deaths;
  std::vector<int64_t> received;  // when the value in force arrived (0: no row)
};

// One facility's reports over the axis.
struct FacilitySeries {
  std::size_t first = std::numeric_limits<std::size_t>::max();  // first reported week
  std::vector<bool> reported;
  std::vector<double> all_cases, units;
  std::vector<int64_t> received;        // the latest arrival of the week's report
  std::vector<int64_t> first_received;  // the first arrival of the week's report
  std::map<std::string, DiseaseSeries> diseases;
};

struct Reports {
  WeekAxis axis;
  std::map<std::string, FacilitySeries> facilities;
};

// Every report stored, as series per facility and disease.
Reports Gather(const std::vector<StoredWeeklyReport>& stored);

// `v` from position `first` on.
template <typename T>
std::vector<T> From(const std::vector<T>& v, std::size_t first) {
  return {v.begin() + static_cast<std::ptrdiff_t>(first), v.end()};
}

// The threshold of a facility's kabupaten for a disease, or of every kabupaten.
std::optional<double> ThresholdFor(const std::vector<SkdrThreshold>& table,
                                   const std::string& kabupaten, const std::string& penyakit);

// "16.06.01" -> "16.06".
std::string KabupatenOf(const Facility& f);

// Whether week `w` is within the range (either end open).
bool InRange(EpiWeek w, const std::optional<EpiWeek>& from, const std::optional<EpiWeek>& to);

}  // namespace jangkau::app
