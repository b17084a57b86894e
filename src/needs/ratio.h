// Need from the population a facility serves and target ratios per 100,000 people
// (Permenkes 33/2015 "rasio terhadap penduduk"). Pure function; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/units.h"
#include "model/reference.h"
#include "needs/need_line.h"

namespace jangkau::needs {

// One line per facility with a population served and per target; `population_served` maps
// facility code -> people.
std::vector<NeedLine> RatioNeeds(const std::vector<RatioTarget>& targets,
                                 const std::vector<FacilityProfile>& facilities,
                                 const std::map<std::string, units::People>& population_served);

}  // namespace jangkau::needs
