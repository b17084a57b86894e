// Competence and equipment gaps per facility against the required lists (data). Pure
// functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/reference.h"
#include "model/workforce.h"
#include "needs/need_line.h"

namespace jangkau::needs {

struct CompetenceGap {
  std::string kode_faskes;
  std::string training;
  std::vector<std::string> cadres;
  int required = 0;
  std::optional<int> trained;  // absent: the facility has no roster, so it is unknown
  int missing = 0;             // required - trained (0 when unknown)
  std::string basis;
};

// Every requirement that applies to each facility; `roster` maps facility -> its workers
// (facilities absent from it have no roster).
std::vector<CompetenceGap> CompetenceGaps(
    const std::vector<CompetenceRequirement>& requirements,
    const std::vector<FacilityProfile>& facilities,
    const std::map<std::string, std::vector<StaffMember>>& roster);

struct EquipmentGap {
  std::string kode_faskes;
  std::string kode_alat;
  std::string nama_alat;
  int required = 0;
  int usable = 0;  // in condition "baik" only
  int missing = 0;
};

struct EquipmentCompleteness {
  std::string kode_faskes;
  int items_required = 0;
  int items_complete = 0;
  bool reported = false;  // the facility reported any equipment at all
  double Percent() const;
};

struct EquipmentResult {
  std::vector<EquipmentGap> gaps;  // every required item, complete or not
  std::vector<EquipmentCompleteness> completeness;
};

EquipmentResult EquipmentGaps(const std::vector<EquipmentStandard>& standards,
                              const std::vector<FacilityProfile>& facilities,
                              const std::map<std::string, std::vector<EquipmentItem>>& items);

}  // namespace jangkau::needs
