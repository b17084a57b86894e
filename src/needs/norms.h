// Minimum staffing norms (Permenkes 75/2014 and any table a district loads): per facility and
// norm line, the required number for its area category and inpatient status against the
// current headcount, the network norm (bidan desa, pustu) added where a table is given. Pure
// function; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/reference.h"
#include "needs/need_line.h"

namespace jangkau::needs {

struct NormOptions {
  FacilityType applies_to = FacilityType::kPuskesmas;
  // Cadres that lump several norm lines together (a source's "tenaga medis" headcount
  // covers dokter and dokter gigi): cadre -> the norm line codes it spans. A facility with
  // such a headcount gets one combined line for those norm lines.
  std::map<std::string, std::vector<std::string>> aggregate_spans;
  // Added to the norm lines they name, per village, pustu and poskesdes of the facility.
  std::vector<NetworkNormRow> network;
};

struct SkippedFacility {
  std::string kode_faskes;
  std::string reason;  // "area", "rawat_inap": the attribute that is unknown
};

struct NormResult {
  std::vector<NeedLine> lines;
  std::vector<SkippedFacility> skipped;
};

NormResult NormNeeds(const NormTable& table, const std::vector<FacilityProfile>& facilities,
                     const NormOptions& options);

}  // namespace jangkau::needs
