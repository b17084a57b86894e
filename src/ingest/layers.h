// Geographic layers for travel time (roads, rivers, water, swamp, bridges, piers, flood) read
// from any vector format GDAL reads, and rasterised onto the access grid. Not thread-safe.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "grid/grid.h"
#include "ingest/table_reader.h"
#include "model/reference.h"

namespace jangkau::ingest {

// "roads", "rivers", "water", "swamp", "bridges", "piers", "flood".
bool IsLayerKind(const std::string& kind);
std::string LayerKindChoices();

// Every feature of the file; geometry required and of the kind's type (lines for roads, lines
// or polygons for rivers, polygons for water/swamp/flood, points for bridges/piers). Roads may
// carry `kelas` (arteri, kolektor, lokal, setapak); floods `faktor` (speed factor 0-1,
// 0 = impassable). Kind "cuts" (a scenario's cut roads and bridges): lines or polygons.
std::vector<MapFeature> ReadLayer(TableReader& in, const std::string& kind, Diagnostics& diags);

// The district grid: UTM zone of the centre of `boundaries` (WKB, EPSG:4326), their extent
// plus `buffer_m`, cells of `resolution_m`.
std::expected<grid::GridSpec, Error> DistrictGrid(const std::vector<std::string>& boundaries,
                                                  double resolution_m, double buffer_m);

// A window of `whole` (a grid DistrictGrid made): the extent of `boundaries` (WKB, EPSG:4326)
// in whole's CRS plus `margin_m`, on whole's cells, within whole. The cells of the window are
// cells of whole, so that a run on it and a run on whole agree wherever their paths do.
std::expected<grid::GridSpec, Error> WindowOf(const grid::GridSpec& whole,
                                              const std::vector<std::string>& boundaries,
                                              double margin_m);

// Burns geometries (WKB, EPSG:4326) into a grid of `spec`: the value of each geometry, later
// geometries over earlier ones; cells touched by lines count (ALL_TOUCHED for lines and
// points, cell centres for polygons unless `all_touched`).
std::vector<float> Rasterize(const grid::GridSpec& spec, const std::vector<std::string>& wkbs,
                             const std::vector<double>& values, float fill, bool all_touched);

// A GeoJSON geometry object (text) as WKB, when it is a polygon or multipolygon (flooded
// areas drawn on the web map); std::nullopt otherwise.
std::optional<std::string> PolygonFromGeoJson(const std::string& geometry_json);

// The first vertex of a geometry (a point's own coordinates), EPSG:4326.
bool FirstPoint(const std::string& wkb, double& lon, double& lat);

// The EPSG:4326 lon/lat of a point in the grid's CRS, and back.
bool ToGrid(const grid::GridSpec& spec, double lon, double lat, double& x, double& y);

}  // namespace jangkau::ingest
