#include "ingest/raster_reader.h"

#include <cmath>

#include <cpl_conv.h>
#include <fmt/format.h>
#include <gdal.h>

#include "grid/grid_limits.h"
#include "ingest/fields.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {

std::expected<access::FrictionGrid, Error> ReadFrictionRaster(const std::string& path) {
  GDALAllRegister();
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (ds == nullptr) return std::unexpected(Error{Msg::kFileOpen, {path, CPLGetLastErrorMsg()}});
  struct Closer {
    GDALDatasetH ds;
    ~Closer() { GDALClose(ds); }
  } closer{ds};
  const char* wkt = GDALGetProjectionRef(ds);
  if (wkt == nullptr || *wkt == '\0') return std::unexpected(Error{Msg::kRasterNoCrs, {path}});
  double gt[6];
  if (GDALGetGeoTransform(ds, gt) != CE_None || gt[2] != 0 || gt[4] != 0 || gt[5] >= 0) {
    return std::unexpected(Error{Msg::kRasterGeotransform, {path}});
  }
  access::FrictionGrid f;
  f.spec.rows = GDALGetRasterYSize(ds);
  f.spec.cols = GDALGetRasterXSize(ds);
  // The header alone may ask for more than memory holds: refused before anything is allocated.
  if (const auto over =
          grid::CheckBudget(f.spec.cells(), grid::kSolveBytesPerCell, grid::kMaxSolveCells)) {
    return std::unexpected(
        Error{Msg::kRasterTooLarge,
              {path, std::to_string(f.spec.cols), std::to_string(f.spec.rows),
               fmt::format("{:.1f}", over->needed_gb), fmt::format("{:.1f}", over->limit_gb)}});
  }
  f.spec.origin_x = gt[0];
  f.spec.origin_y = gt[3];
  f.spec.cell_w = gt[1];
  f.spec.cell_h = -gt[5];
  f.spec.crs_wkt = wkt;
  f.layers.emplace_back(f.spec.rows, f.spec.cols, 0.0f, grid::kImpassable);
  grid::PaddedGrid<float>& g = f.layers.front();
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  int has_nodata = 0;
  const double nodata = GDALGetRasterNoDataValue(band, &has_nodata);
  // Read straight into the padded layout, one block of rows at a time.
  const int chunk = 256;
  for (int r0 = 0; r0 < f.spec.rows; r0 += chunk) {
    const int nrows = std::min(chunk, f.spec.rows - r0);
    if (GDALRasterIO(band, GF_Read, 0, r0, f.spec.cols, nrows, g.row(r0), f.spec.cols, nrows,
                     GDT_Float32, 0,
                     static_cast<GSpacing>(g.stride() * sizeof(float))) != CE_None) {
      return std::unexpected(Error{Msg::kFileOpen, {path, CPLGetLastErrorMsg()}});
    }
    for (int r = r0; r < r0 + nrows; ++r) {
      float* row = g.row(r);
      for (int c = 0; c < f.spec.cols; ++c) {
        const float v = row[c];
        if (std::isnan(v) || (has_nodata && static_cast<double>(v) == static_cast<float>(nodata))) {
          row[c] = grid::kImpassable;
        } else if (v < 0) {
          return std::unexpected(
              Error{Msg::kRasterNegative,
                    {path, std::to_string(r + 1), std::to_string(c + 1), fmt::format("{}", v)}});
        }
      }
    }
  }
  return f;
}

std::vector<PointSource> ReadPointSources(const std::string& path, Diagnostics& diags) {
  std::vector<PointSource> out;
  auto reader = TableReader::Open(path);
  if (!reader) {
    diags.Error(path, 0, 0, reader.error().msg, reader.error().args);
    return out;
  }
  TableReader& in = **reader;
  ColumnMap cols(in, diags);
  const int c_x = cols.Required({"x"});
  const int c_y = cols.Required({"y"});
  const int c_id = cols.Optional({"id"});
  if (diags.has_errors()) return out;
  ForEachRow(in, diags, {}, [&](RowFields& f, const TableRow&) {
    auto x = f.Number(c_x);
    auto y = f.Number(c_y);
    if (f.Text(c_x).empty()) f.Error(c_x, Msg::kEmptyValue, {"x"});
    if (f.Text(c_y).empty()) f.Error(c_y, Msg::kEmptyValue, {"y"});
    if (!x || !y) return;
    out.push_back({*x, *y, std::string(f.Text(c_id)), f.line()});
  });
  return out;
}

}  // namespace jangkau::ingest
