#include "needs/gaps.h"

#include <algorithm>

#include "base/text_util.h"

namespace jangkau::needs {

std::vector<CompetenceGap> CompetenceGaps(
    const std::vector<CompetenceRequirement>& requirements,
    const std::vector<FacilityProfile>& facilities,
    const std::map<std::string, std::vector<StaffMember>>& roster) {
  std::vector<CompetenceGap> out;
  for (const FacilityProfile& f : facilities) {
    auto people = roster.find(f.kode);
    for (const CompetenceRequirement& r : requirements) {
      if (r.type != f.type) continue;
      if (r.rawat_inap && f.rawat_inap != r.rawat_inap) continue;
      CompetenceGap gap{f.kode, r.training, r.cadres, r.minimum, std::nullopt, 0, r.basis};
      if (people != roster.end()) {
        const std::string wanted = NormalizeKey(r.training);
        int trained = 0;
        for (const StaffMember& m : people->second) {
          if (std::find(r.cadres.begin(), r.cadres.end(), m.cadre) == r.cadres.end()) continue;
          for (const auto& t : m.pelatihan) {
            if (NormalizeKey(t) == wanted) {
              ++trained;
              break;
            }
          }
        }
        gap.trained = trained;
        gap.missing = std::max(0, r.minimum - trained);
      }
      out.push_back(std::move(gap));
    }
  }
  return out;
}

double EquipmentCompleteness::Percent() const {
  return items_required == 0 ? 100.0 : 100.0 * items_complete / items_required;
}

EquipmentResult EquipmentGaps(const std::vector<EquipmentStandard>& standards,
                              const std::vector<FacilityProfile>& facilities,
                              const std::map<std::string, std::vector<EquipmentItem>>& items) {
  EquipmentResult result;
  for (const FacilityProfile& f : facilities) {
    auto have = items.find(f.kode);
    EquipmentCompleteness c{f.kode, 0, 0, have != items.end() && !have->second.empty()};
    for (const EquipmentStandard& s : standards) {
      if (s.type != f.type) continue;
      int usable = 0;
      if (have != items.end()) {
        for (const EquipmentItem& e : have->second) {
          if (e.kode_alat == s.kode_alat && e.kondisi == Condition::kBaik) {
            usable += static_cast<int>(e.jumlah);
          }
        }
      }
      const int missing = std::max(0, s.minimum - usable);
      ++c.items_required;
      if (missing == 0) ++c.items_complete;
      result.gaps.push_back({f.kode, s.kode_alat, s.nama_alat, s.minimum, usable, missing});
    }
    if (c.items_required > 0) result.completeness.push_back(c);
  }
  return result;
}

}  // namespace jangkau::needs
