#include "ingest/geo_checks.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace jangkau::ingest {
namespace {

struct GeomDeleter {
  void operator()(OGRGeometryH g) const { OGR_G_DestroyGeometry(g); }
};
using GeomPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeomDeleter>;

GeomPtr FromWkb(const std::string& wkb) {
  OGRGeometryH g = nullptr;
  if (OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                          static_cast<int>(wkb.size())) != OGRERR_NONE) {
    return nullptr;
  }
  return GeomPtr(g);
}

// Distance in metres between a lon/lat point and a lon/lat polygon, in the point's UTM zone.
double DistanceMetres(double lon, double lat, OGRGeometryH polygon) {
  const int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
  const int epsg = (lat < 0 ? 32700 : 32600) + zone;
  OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
  OGRSpatialReferenceH utm = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(wgs84, 4326);
  OSRImportFromEPSG(utm, epsg);
  OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(utm, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(wgs84, utm);
  double d = -1;
  if (ct != nullptr) {
    GeomPtr poly(OGR_G_Clone(polygon));
    GeomPtr point(OGR_G_CreateGeometry(wkbPoint));
    OGR_G_SetPoint_2D(point.get(), 0, lon, lat);
    if (OGR_G_Transform(poly.get(), ct) == OGRERR_NONE &&
        OGR_G_Transform(point.get(), ct) == OGRERR_NONE) {
      d = OGR_G_Distance(point.get(), poly.get());
    }
    OCTDestroyCoordinateTransformation(ct);
  }
  OSRDestroySpatialReference(utm);
  OSRDestroySpatialReference(wgs84);
  return d;
}

}  // namespace

std::optional<std::string> RegionContaining(double lon, double lat,
                                            const std::vector<Region>& regions, RegionLevel level) {
  GeomPtr point(OGR_G_CreateGeometry(wkbPoint));
  OGR_G_SetPoint_2D(point.get(), 0, lon, lat);
  for (const Region& r : regions) {
    if (r.level != level || r.geometry_wkb.empty()) continue;
    GeomPtr g = FromWkb(r.geometry_wkb);
    if (g && OGR_G_Intersects(g.get(), point.get())) return r.kode;
  }
  return std::nullopt;
}

std::vector<std::string> FacilitiesInside(const std::vector<Facility>& facilities,
                                          const std::vector<std::string>& areas_wkb) {
  std::vector<GeomPtr> areas;
  for (const std::string& wkb : areas_wkb) {
    if (GeomPtr g = FromWkb(wkb)) areas.push_back(std::move(g));
  }
  std::vector<std::string> out;
  for (const Facility& f : facilities) {
    if (!f.lon || !f.lat) continue;
    GeomPtr point(OGR_G_CreateGeometry(wkbPoint));
    OGR_G_SetPoint_2D(point.get(), 0, *f.lon, *f.lat);
    if (std::ranges::any_of(
            areas, [&](const GeomPtr& a) { return OGR_G_Intersects(a.get(), point.get()); })) {
      out.push_back(f.kode);
    }
  }
  return out;
}

std::vector<OutsideRegion> FindOutsideRegions(const std::vector<StatedLocation>& locations,
                                              const std::vector<Region>& regions) {
  std::unordered_map<std::string, std::pair<RegionLevel, GeomPtr>> shapes;
  for (const Region& r : regions) {
    if (r.geometry_wkb.empty()) continue;
    if (GeomPtr g = FromWkb(r.geometry_wkb))
      shapes.emplace(r.kode, std::make_pair(r.level, std::move(g)));
  }
  std::vector<OutsideRegion> out;
  for (const StatedLocation& loc : locations) {
    auto it = shapes.find(loc.region);
    if (it == shapes.end()) continue;
    GeomPtr point(OGR_G_CreateGeometry(wkbPoint));
    OGR_G_SetPoint_2D(point.get(), 0, loc.lon, loc.lat);
    const auto& [level, shape] = it->second;
    if (OGR_G_Intersects(shape.get(), point.get())) continue;
    OutsideRegion finding;
    finding.kode_faskes = loc.kode_faskes;
    finding.region = loc.region;
    finding.distance_km = DistanceMetres(loc.lon, loc.lat, shape.get()) / 1000.0;
    for (const auto& [kode, other] : shapes) {
      if (other.first == level && OGR_G_Intersects(other.second.get(), point.get())) {
        finding.actual_region = kode;
        break;
      }
    }
    out.push_back(std::move(finding));
  }
  return out;
}

}  // namespace jangkau::ingest
