#include "report/polygonize.h"

#include <gdal.h>
#include <gdal_alg.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace jangkau::report {

std::vector<std::pair<int32_t, std::string>> Polygonize(
    const grid::GridSpec& spec, int32_t nodata,
    const std::function<void(int, int32_t*)>& fill_row) {
  std::vector<std::pair<int32_t, std::string>> out;
  GDALAllRegister();
  GDALDatasetH raster =
      GDALCreate(GDALGetDriverByName("MEM"), "", spec.cols, spec.rows, 1, GDT_Int32, nullptr);
  double gt[6] = {spec.origin_x, spec.cell_w, 0, spec.origin_y, 0, -spec.cell_h};
  GDALSetGeoTransform(raster, gt);
  GDALSetProjection(raster, spec.crs_wkt.c_str());
  GDALRasterBandH band = GDALGetRasterBand(raster, 1);
  GDALSetRasterNoDataValue(band, nodata);
  std::vector<int32_t> row(static_cast<std::size_t>(spec.cols));
  for (int r = 0; r < spec.rows; ++r) {
    fill_row(r, row.data());
    (void)GDALRasterIO(band, GF_Write, 0, r, spec.cols, 1, row.data(), spec.cols, 1, GDT_Int32, 0,
                       0);
  }
  GDALDatasetH vector =
      GDALCreate(GDALGetDriverByName("Memory"), "", 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(spec.crs_wkt.c_str());
  OGRLayerH layer = GDALDatasetCreateLayer(vector, "poly", srs, wkbPolygon, nullptr);
  OGRFieldDefnH field = OGR_Fld_Create("value", OFTInteger);
  OGR_L_CreateField(layer, field, TRUE);
  OGR_Fld_Destroy(field);
  GDALPolygonize(band, band, layer, 0, nullptr, nullptr, nullptr);

  OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(wgs84, 4326);
  OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(srs, wgs84);
  OGR_L_ResetReading(layer);
  OGRFeatureH f = nullptr;
  while ((f = OGR_L_GetNextFeature(layer)) != nullptr) {
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g != nullptr && ct != nullptr && OGR_G_Transform(g, ct) == OGRERR_NONE) {
      std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)), '\0');
      OGR_G_ExportToWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
      out.emplace_back(OGR_F_GetFieldAsInteger(f, 0), std::move(wkb));
    }
    OGR_F_Destroy(f);
  }
  if (ct != nullptr) OCTDestroyCoordinateTransformation(ct);
  OSRDestroySpatialReference(wgs84);
  OSRDestroySpatialReference(srs);
  GDALClose(vector);
  GDALClose(raster);
  return out;
}

}  // namespace jangkau::report
