// The tiles of a run by kabupaten as one raster: a GDAL virtual raster (VRT) over GeoTIFFs on
// windows of one grid, which QGIS and GDAL open as a single layer. GDAL at the edge.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace jangkau::report {

// Writes `vrt_path` over `sources` (same cell size and alignment; nodata is transparent, so a
// cell comes from the source holding data there). Sources beside the VRT are named relative to
// it, so the folder can be moved. Written to a temporary name and renamed.
std::expected<void, Error> WriteMosaic(const std::string& vrt_path,
                                       const std::vector<std::string>& sources);

}  // namespace jangkau::report
