// Writing grids as GeoTIFF that open in QGIS (tiled, ZSTD-compressed with every core):
// Float32 travel times and Int32 nearest-facility indices, nodata where unreachable.
// Written to a temporary name and renamed, so a failed write leaves no half file.
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <span>
#include <string>

#include "access/solver.h"
#include "base/diagnostic.h"
#include "grid/grid.h"

namespace jangkau::report {

// `fill_row(r, out)` writes row r's `spec.cols` values into `out`. Non-finite floats become
// `nodata`.
std::expected<void, Error> WriteFloatRaster(const std::string& path, const grid::GridSpec& spec,
                                            float nodata,
                                            const std::function<void(int, float*)>& fill_row);
std::expected<void, Error> WriteInt32Raster(const std::string& path, const grid::GridSpec& spec,
                                            int32_t nodata,
                                            const std::function<void(int, int32_t*)>& fill_row);

// What of a solve's times is written.
struct TravelTimesView {
  int layer = -1;  // >= 0: that layer; -1: the best over the layers
  // The index written for each source index (empty: the source index itself).
  std::span<const int32_t> renumber;
  // Per cell (row-major): 0 writes nodata there (empty: every cell is written).
  std::span<const uint8_t> mask;
};

// The travel times (nodata -1) and, when `nearest_path` is not empty, the nearest source index
// (nodata -1) of a solve, as `view` says. The two files are written in parallel.
std::expected<void, Error> WriteTravelTimes(const std::string& time_path,
                                            const std::string& nearest_path,
                                            const grid::GridSpec& spec,
                                            const access::TravelTimes& times,
                                            const TravelTimesView& view);

}  // namespace jangkau::report
