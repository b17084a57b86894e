#include "ingest/layers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>

#include <cpl_conv.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "base/text_util.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

constexpr std::array<std::string_view, 7> kKinds = {"roads",   "rivers", "water", "swamp",
                                                    "bridges", "piers",  "flood"};

struct Srs {
  OGRSpatialReferenceH h = OSRNewSpatialReference(nullptr);
  ~Srs() { OSRDestroySpatialReference(h); }
};

struct Transform {
  OGRCoordinateTransformationH h = nullptr;
  ~Transform() {
    if (h != nullptr) OCTDestroyCoordinateTransformation(h);
  }
};

// lon/lat (EPSG:4326, x = lon) -> the grid's CRS.
bool MakeTransform(const std::string& target_wkt, Transform& t) {
  Srs wgs84;
  Srs target;
  OSRImportFromEPSG(wgs84.h, 4326);
  OSRSetAxisMappingStrategy(wgs84.h, OAMS_TRADITIONAL_GIS_ORDER);
  if (OSRSetFromUserInput(target.h, target_wkt.c_str()) != OGRERR_NONE) return false;
  OSRSetAxisMappingStrategy(target.h, OAMS_TRADITIONAL_GIS_ORDER);
  t.h = OCTNewCoordinateTransformation(wgs84.h, target.h);
  return t.h != nullptr;
}

OGRGeometryH FromWkb(const std::string& wkb) {
  OGRGeometryH g = nullptr;
  if (OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                          static_cast<int>(wkb.size())) != OGRERR_NONE) {
    return nullptr;
  }
  return g;
}

std::optional<std::string> RoadClass(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k.empty() || k == "lokal" || k == "kabupaten" || k == "desa" || k == "jalan_lokal") {
    return "jalan_lokal";
  }
  if (k == "arteri" || k == "nasional" || k == "jalan_arteri" || k == "primary" || k == "trunk") {
    return "jalan_arteri";
  }
  if (k == "kolektor" || k == "provinsi" || k == "jalan_kolektor" || k == "secondary") {
    return "jalan_kolektor";
  }
  if (k == "setapak" || k == "jalan_setapak" || k == "path" || k == "track") return "jalan_setapak";
  return std::nullopt;
}

}  // namespace

bool IsLayerKind(const std::string& kind) {
  for (auto k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

std::string LayerKindChoices() {
  std::string out;
  for (auto k : kKinds) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

std::vector<MapFeature> ReadLayer(TableReader& in, const std::string& kind, Diagnostics& diags) {
  ColumnMap cols(in, diags);
  const int c_kelas = cols.Optional({"kelas", "class", "jenis_jalan"});
  const int c_faktor = kind == "flood" ? cols.Required({"faktor"}) : 0;
  std::vector<MapFeature> out;
  if (diags.has_errors()) return out;
  ForEachRow(in, diags, {}, [&](RowFields& f, const TableRow& row) {
    if (row.geometry_wkb.empty()) {
      f.Error(0, Msg::kBadGeometry, {"kosong / empty"});
      return;
    }
    OGRGeometryH g = FromWkb(row.geometry_wkb);
    const auto type = g != nullptr ? wkbFlatten(OGR_G_GetGeometryType(g)) : wkbUnknown;
    if (g != nullptr) OGR_G_DestroyGeometry(g);
    const bool line = type == wkbLineString || type == wkbMultiLineString;
    const bool poly = type == wkbPolygon || type == wkbMultiPolygon;
    const bool point = type == wkbPoint || type == wkbMultiPoint;
    const bool ok = (kind == "roads" && line) || (kind == "rivers" && (line || poly)) ||
                    ((kind == "water" || kind == "swamp" || kind == "flood") && poly) ||
                    ((kind == "bridges" || kind == "piers") && point) ||
                    (kind == "cuts" && (line || poly));
    if (!ok) {
      f.Error(0, Msg::kBadGeometry, {std::string(OGRGeometryTypeToName(type)) + " (" + kind + ")"});
      return;
    }
    MapFeature feature{kind, std::string(f.Text(c_kelas)), std::nullopt, row.geometry_wkb};
    if (kind == "roads") {
      auto k = RoadClass(feature.kelas);
      if (!k) {
        f.Error(c_kelas, Msg::kBadChoice,
                {"kelas", feature.kelas, "arteri, kolektor, lokal, setapak"});
        return;
      }
      feature.kelas = *k;
    }
    if (kind == "flood") {
      auto v = f.Number(c_faktor);
      if (f.Text(c_faktor).empty()) f.Error(c_faktor, Msg::kEmptyValue, {"faktor"});
      if (!v) return;
      if (*v < 0 || *v > 1) {
        f.Error(c_faktor, Msg::kBadChoice, {"faktor", std::string(f.Text(c_faktor)), "0-1"});
        return;
      }
      feature.nilai = v;
    }
    out.push_back(std::move(feature));
  });
  return out;
}

namespace {

// The extent of `boundaries` (WKB, EPSG:4326) in `crs_wkt`: x0, y0, x1, y1; nothing when no
// boundary can be read.
struct Extent {
  double x0 = std::numeric_limits<double>::infinity();
  double y0 = x0;
  double x1 = -x0;
  double y1 = -x0;
};
std::optional<Extent> ExtentIn(const std::vector<OGRGeometryH>& geoms, const std::string& crs_wkt) {
  Transform t;
  if (!MakeTransform(crs_wkt, t)) return std::nullopt;
  Extent e;
  for (OGRGeometryH g : geoms) {
    if (OGR_G_Transform(g, t.h) == OGRERR_NONE) {
      OGREnvelope env;
      OGR_G_GetEnvelope(g, &env);
      e.x0 = std::min(e.x0, env.MinX);
      e.x1 = std::max(e.x1, env.MaxX);
      e.y0 = std::min(e.y0, env.MinY);
      e.y1 = std::max(e.y1, env.MaxY);
    }
  }
  if (!(e.x0 <= e.x1 && e.y0 <= e.y1)) return std::nullopt;
  return e;
}

std::vector<OGRGeometryH> ReadAll(const std::vector<std::string>& boundaries) {
  std::vector<OGRGeometryH> geoms;
  for (const auto& wkb : boundaries) {
    if (OGRGeometryH g = FromWkb(wkb); g != nullptr) geoms.push_back(g);
  }
  return geoms;
}

void DestroyAll(std::vector<OGRGeometryH>& geoms) {
  for (OGRGeometryH g : geoms) OGR_G_DestroyGeometry(g);
  geoms.clear();
}

}  // namespace

std::expected<grid::GridSpec, Error> DistrictGrid(const std::vector<std::string>& boundaries,
                                                  double resolution_m, double buffer_m) {
  std::vector<OGRGeometryH> geoms = ReadAll(boundaries);
  if (geoms.empty()) return std::unexpected(Error{Msg::kAccessNoRegions, {}});
  double min_lon = std::numeric_limits<double>::infinity();
  double max_lon = -min_lon;
  double min_lat = min_lon;
  double max_lat = -min_lon;
  for (OGRGeometryH g : geoms) {
    OGREnvelope e;
    OGR_G_GetEnvelope(g, &e);
    min_lon = std::min(min_lon, e.MinX);
    max_lon = std::max(max_lon, e.MaxX);
    min_lat = std::min(min_lat, e.MinY);
    max_lat = std::max(max_lat, e.MaxY);
  }
  const double lon = (min_lon + max_lon) / 2;
  const double lat = (min_lat + max_lat) / 2;
  const int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
  Srs utm;
  OSRImportFromEPSG(utm.h, (lat < 0 ? 32700 : 32600) + zone);
  char* wkt = nullptr;
  OSRExportToWkt(utm.h, &wkt);
  grid::GridSpec spec;
  spec.crs_wkt = wkt;
  CPLFree(wkt);
  const std::optional<Extent> e = ExtentIn(geoms, spec.crs_wkt);
  DestroyAll(geoms);
  if (!e) return std::unexpected(Error{Msg::kAccessNoRegions, {}});
  const double x0 = std::floor((e->x0 - buffer_m) / resolution_m) * resolution_m;
  const double y1 = std::ceil((e->y1 + buffer_m) / resolution_m) * resolution_m;
  spec.origin_x = x0;
  spec.origin_y = y1;
  spec.cell_w = spec.cell_h = resolution_m;
  spec.cols = static_cast<int>(std::ceil((e->x1 + buffer_m - x0) / resolution_m));
  spec.rows = static_cast<int>(std::ceil((y1 - (e->y0 - buffer_m)) / resolution_m));
  return spec;
}

std::expected<grid::GridSpec, Error> WindowOf(const grid::GridSpec& whole,
                                              const std::vector<std::string>& boundaries,
                                              double margin_m) {
  std::vector<OGRGeometryH> geoms = ReadAll(boundaries);
  const std::optional<Extent> e = ExtentIn(geoms, whole.crs_wkt);
  DestroyAll(geoms);
  if (!e) return std::unexpected(Error{Msg::kAccessNoRegions, {}});
  // Whole's columns and rows covering the extent plus the margin, clamped to whole.
  auto clamp = [](double v, int hi) {
    return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(hi)));
  };
  const int c0 = clamp(std::floor((e->x0 - margin_m - whole.origin_x) / whole.cell_w), whole.cols);
  const int c1 = clamp(std::ceil((e->x1 + margin_m - whole.origin_x) / whole.cell_w), whole.cols);
  const int r0 = clamp(std::floor((whole.origin_y - e->y1 - margin_m) / whole.cell_h), whole.rows);
  const int r1 = clamp(std::ceil((whole.origin_y - e->y0 + margin_m) / whole.cell_h), whole.rows);
  if (c1 <= c0 || r1 <= r0) return std::unexpected(Error{Msg::kAccessNoRegions, {}});
  grid::GridSpec spec = whole;
  spec.origin_x = whole.origin_x + c0 * whole.cell_w;
  spec.origin_y = whole.origin_y - r0 * whole.cell_h;
  spec.cols = c1 - c0;
  spec.rows = r1 - r0;
  return spec;
}

std::vector<float> Rasterize(const grid::GridSpec& spec, const std::vector<std::string>& wkbs,
                             const std::vector<double>& values, float fill, bool all_touched) {
  std::vector<float> out(static_cast<std::size_t>(spec.cells()), fill);
  if (wkbs.empty()) return out;
  GDALAllRegister();
  GDALDriverH mem = GDALGetDriverByName("MEM");
  // GDAL burns straight into `out` (a MEM band over its memory): no second grid-sized buffer
  // in GDAL and no copy back.
  GDALDatasetH ds = GDALCreate(mem, "", spec.cols, spec.rows, 0, GDT_Float32, nullptr);
  char pointer[64];
  std::snprintf(pointer, sizeof(pointer), "DATAPOINTER=%p", static_cast<void*>(out.data()));
  const char* band_options[] = {pointer, nullptr};  // rows of spec.cols floats, packed (default)
  GDALAddBand(ds, GDT_Float32, const_cast<char**>(band_options));
  double gt[6] = {spec.origin_x, spec.cell_w, 0, spec.origin_y, 0, -spec.cell_h};
  GDALSetGeoTransform(ds, gt);
  GDALSetProjection(ds, spec.crs_wkt.c_str());
  Transform t;
  MakeTransform(spec.crs_wkt, t);
  std::vector<OGRGeometryH> geoms;
  std::vector<double> burn;
  for (std::size_t i = 0; i < wkbs.size(); ++i) {
    OGRGeometryH g = FromWkb(wkbs[i]);
    if (g == nullptr) continue;
    if (t.h != nullptr && OGR_G_Transform(g, t.h) != OGRERR_NONE) {
      OGR_G_DestroyGeometry(g);
      continue;
    }
    geoms.push_back(g);
    burn.push_back(values[i]);
  }
  const char* touched[] = {"ALL_TOUCHED=TRUE", nullptr};
  int band_list = 1;
  GDALRasterizeGeometries(ds, 1, &band_list, static_cast<int>(geoms.size()), geoms.data(), nullptr,
                          nullptr, burn.data(), all_touched ? const_cast<char**>(touched) : nullptr,
                          nullptr, nullptr);
  for (OGRGeometryH g : geoms) OGR_G_DestroyGeometry(g);
  GDALClose(ds);  // flushes what GDAL still caches into `out`
  return out;
}

std::optional<std::string> PolygonFromGeoJson(const std::string& geometry_json) {
  OGRGeometryH g = OGR_G_CreateGeometryFromJson(geometry_json.c_str());
  if (g == nullptr) return std::nullopt;
  const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
  std::optional<std::string> out;
  if ((type == wkbPolygon || type == wkbMultiPolygon) && OGR_G_IsValid(g)) {
    std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)), '\0');
    OGR_G_ExportToWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
    out = std::move(wkb);
  }
  OGR_G_DestroyGeometry(g);
  return out;
}

bool FirstPoint(const std::string& wkb, double& lon, double& lat) {
  OGRGeometryH g = FromWkb(wkb);
  if (g == nullptr) return false;
  OGRGeometryH p = g;
  while (OGR_G_GetGeometryCount(p) > 0) p = OGR_G_GetGeometryRef(p, 0);
  const bool ok = OGR_G_GetPointCount(p) > 0;
  if (ok) {
    lon = OGR_G_GetX(p, 0);
    lat = OGR_G_GetY(p, 0);
  }
  OGR_G_DestroyGeometry(g);
  return ok;
}

bool ToGrid(const grid::GridSpec& spec, double lon, double lat, double& x, double& y) {
  Transform t;
  if (!MakeTransform(spec.crs_wkt, t)) return false;
  x = lon;
  y = lat;
  return OCTTransform(t.h, 1, &x, &y, nullptr) != 0;
}

}  // namespace jangkau::ingest
