// Reading rasters for the access engine through GDAL: a friction GeoTIFF (or any raster GDAL
// reads) into a padded FrictionGrid, and source points from a table. Errors name the file and
// the raster row and column or the table line. Not thread-safe (GDAL handles per call).
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "access/solver.h"
#include "base/diagnostic.h"

namespace jangkau::ingest {

// Band 1 of `path`: nodata and NaN become impassable; a negative value refuses the file
// (kRasterNegative with its row and column); a raster without a CRS is refused
// (kRasterNoCrs); rotated rasters are refused.
std::expected<access::FrictionGrid, Error> ReadFrictionRaster(const std::string& path);

struct PointSource {
  double x = 0;
  double y = 0;
  std::string id;
  int64_t line = 0;
};

// A table with columns x, y (optional id) in the raster's CRS. Problems go to `diags`.
std::vector<PointSource> ReadPointSources(const std::string& path, Diagnostics& diags);

}  // namespace jangkau::ingest
