// Geometric checks of facility locations against region boundaries (GDAL/OGR with GEOS).
// Pure functions over model values; safe to call from several threads on separate data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/facility.h"
#include "model/region.h"

namespace jangkau::ingest {

// A point that should lie inside a stated region.
struct StatedLocation {
  std::string kode_faskes;
  double lon = 0;
  double lat = 0;
  std::string region;  // Kemendagri code of the stated region
};

struct OutsideRegion {
  std::string kode_faskes;
  std::string region;         // the stated one
  double distance_km = 0;     // from the point to the stated region's boundary
  std::string actual_region;  // the region of the same level containing the point, or empty
};

// The stated locations whose point lies outside their region's boundary; regions without a
// boundary are not judged. Distances are measured in the UTM zone of each point.
std::vector<OutsideRegion> FindOutsideRegions(const std::vector<StatedLocation>& locations,
                                              const std::vector<Region>& regions);

// The code of the first region of `level` whose boundary holds the point (on the boundary
// counts), or std::nullopt.
std::optional<std::string> RegionContaining(double lon, double lat,
                                            const std::vector<Region>& regions, RegionLevel level);

// The facilities (with coordinates) whose point lies inside or on one of the areas (WKB).
std::vector<std::string> FacilitiesInside(const std::vector<Facility>& facilities,
                                          const std::vector<std::string>& areas_wkb);

}  // namespace jangkau::ingest
