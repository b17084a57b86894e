#include "report/geojson.h"

#include <ogr_api.h>

#include <cpl_conv.h>
#include <cpl_string.h>

namespace jangkau::report {
namespace {

// The geometry as GeoJSON text, or "null" when it cannot be read.
std::string GeometryJson(const std::string& wkb, double simplify_deg) {
  if (wkb.empty()) return "null";
  OGRGeometryH g = nullptr;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): OGR's C API takes a non-const pointer
  if (OGR_G_CreateFromWkb(const_cast<char*>(wkb.data()), nullptr, &g,
                          static_cast<int>(wkb.size())) != OGRERR_NONE ||
      g == nullptr) {
    return "null";
  }
  if (simplify_deg > 0) {
    if (OGRGeometryH s = OGR_G_SimplifyPreserveTopology(g, simplify_deg); s != nullptr) {
      OGR_G_DestroyGeometry(g);
      g = s;
    }
  }
  char** options = CSLSetNameValue(nullptr, "COORDINATE_PRECISION", "6");
  char* text = OGR_G_ExportToJsonEx(g, options);
  CSLDestroy(options);
  OGR_G_DestroyGeometry(g);
  std::string out = text != nullptr ? text : "null";
  CPLFree(text);
  return out;
}

}  // namespace

std::string FeatureCollection(const std::vector<GeoFeature>& features, double simplify_deg) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  bool first = true;
  for (const GeoFeature& f : features) {
    if (!first) out += ',';
    first = false;
    out += R"({"type":"Feature","geometry":)";
    out += GeometryJson(f.geometry_wkb, simplify_deg);
    out += R"(,"properties":)";
    out += f.properties.dump();
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace jangkau::report
