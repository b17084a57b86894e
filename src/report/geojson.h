// GeoJSON FeatureCollections for the web map: geometries stored as WKB (EPSG:4326) with JSON
// properties, optionally simplified (Douglas-Peucker, topology preserving) so a district's
// villages load quickly. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jangkau::report {

struct GeoFeature {
  std::string geometry_wkb;  // empty: a feature without geometry (null)
  nlohmann::json properties = nlohmann::json::object();
};

// `simplify_deg`: tolerance in degrees (0: exact). Coordinates are written with 6 decimals
// (about 0.1 m).
std::string FeatureCollection(const std::vector<GeoFeature>& features, double simplify_deg);

}  // namespace jangkau::report
