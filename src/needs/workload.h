// WISN and ABK-Kes per facility and cadre, from the facility's service volumes and the
// activity standards of each cadre: the single-case calculations of wisn.h and abk.h applied
// to the workspace. Pure function; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/reference.h"
#include "needs/abk.h"
#include "needs/need_line.h"
#include "needs/wisn.h"

namespace jangkau::needs {

struct WorkloadOptions {
  NeedMethod method = NeedMethod::kWisn;  // kWisn or kAbk
  // WISN available working time (a 5-day week with Indonesian holidays and leave).
  WisnAwt awt{260, 19, 12, 12, 5, 7.5};
  // ABK-Kes waktu kerja tersedia, minutes (the national rounded 1,200 h).
  double wkt_minutes = 72000;
  // ABK-Kes support tasks given per day or week are converted with the effective working days
  // of Permenkes 33/2015 (212 on a 5-day week).
  double abk_working_days = 212;
};

// Volumes: facility code -> activity (NormalizeKey'd) -> annual count.
using VolumeTable = std::map<std::string, std::map<std::string, double>>;

struct WorkloadResult {
  std::vector<NeedLine> lines;
  // (facility, cadre, problem) where a calculation was refused, e.g. allowances >= 100%.
  std::vector<std::tuple<std::string, std::string, NeedsError>> refused;
};

// One line per facility and cadre that has service standards and at least one volume.
WorkloadResult WorkloadNeeds(const std::vector<ActivityStandard>& standards,
                             const std::vector<FacilityProfile>& facilities,
                             const VolumeTable& volumes, const WorkloadOptions& options);

}  // namespace jangkau::needs
