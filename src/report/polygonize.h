// Catchment polygons: the cells sharing a value of an Int32 grid (e.g. the index of the
// nearest facility) merged into polygons (GDALPolygonize), returned as WKB in EPSG:4326 with
// their value. Not thread-safe (GDAL datasets per call).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "grid/grid.h"

namespace jangkau::report {

// `fill_row(r, out)` writes row r; `nodata` cells belong to no polygon. Each polygon's geometry
// (WKB, EPSG:4326) with its value.
std::vector<std::pair<int32_t, std::string>> Polygonize(
    const grid::GridSpec& spec, int32_t nodata, const std::function<void(int, int32_t*)>& fill_row);

}  // namespace jangkau::report
