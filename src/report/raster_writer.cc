#include "report/raster_writer.h"

#include <cmath>
#include <filesystem>
#include <future>
#include <limits>
#include <vector>

#include <cpl_conv.h>
#include <gdal.h>

namespace jangkau::report {
namespace {

template <typename T>
std::expected<void, Error> Write(const std::string& path, const grid::GridSpec& spec, T nodata,
                                 GDALDataType type, const std::function<void(int, T*)>& fill_row) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  const std::string tmp = path + ".tmp.tif";
  // Rows in strips of one row of 256 x 256 tiles, each tile handed to GDAL whole (past its
  // block cache: no copy into it, no fresh memory for it) and compressed once.
  constexpr int kBlock = 256;
  const char* options[] = {"TILED=YES",        "BLOCKXSIZE=256", "BLOCKYSIZE=256",
                           "COMPRESS=ZSTD",    "ZSTD_LEVEL=1",   "NUM_THREADS=ALL_CPUS",
                           "BIGTIFF=IF_SAFER", nullptr};
  GDALDatasetH ds =
      GDALCreate(driver, tmp.c_str(), spec.cols, spec.rows, 1, type, const_cast<char**>(options));
  if (ds == nullptr) return std::unexpected(Error{Msg::kWrite, {path, CPLGetLastErrorMsg()}});
  double gt[6] = {spec.origin_x, spec.cell_w, 0, spec.origin_y, 0, -spec.cell_h};
  GDALSetGeoTransform(ds, gt);
  GDALSetProjection(ds, spec.crs_wkt.c_str());
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  GDALSetRasterNoDataValue(band, static_cast<double>(nodata));
  int block_w = 0;
  int block_h = 0;
  GDALGetBlockSize(band, &block_w, &block_h);
  CPLErr err = CE_None;
  if (block_w != kBlock || block_h != kBlock) {  // the driver ignored the options above
    CPLError(CE_Failure, CPLE_AppDefined, "GTiff made %d x %d blocks, not %d x %d", block_w,
             block_h, kBlock, kBlock);
    err = CE_Failure;
  }
  std::vector<T> block(static_cast<std::size_t>(spec.cols) * kBlock);
  std::vector<T> tile(static_cast<std::size_t>(kBlock) * kBlock);
  for (int r0 = 0; r0 < spec.rows && err == CE_None; r0 += kBlock) {
    const int nrows = std::min(kBlock, spec.rows - r0);
    for (int r = 0; r < nrows; ++r) {
      T* out = &block[static_cast<std::size_t>(r) * spec.cols];
      fill_row(r0 + r, out);
      if constexpr (std::is_floating_point_v<T>) {
        for (int c = 0; c < spec.cols; ++c) {
          if (!std::isfinite(out[c])) out[c] = nodata;
        }
      }
    }
    for (int c0 = 0; c0 < spec.cols && err == CE_None; c0 += kBlock) {
      // Cells of a tile beyond the raster's edge hold nodata.
      const int ncols = std::min(kBlock, spec.cols - c0);
      if (ncols < kBlock || nrows < kBlock) std::fill(tile.begin(), tile.end(), nodata);
      for (int r = 0; r < nrows; ++r) {
        std::copy_n(&block[static_cast<std::size_t>(r) * spec.cols + c0], ncols,
                    &tile[static_cast<std::size_t>(r) * kBlock]);
      }
      err = GDALWriteBlock(band, c0 / kBlock, r0 / kBlock, tile.data());
    }
  }
  const std::string message = CPLGetLastErrorMsg();
  GDALClose(ds);
  std::error_code ec;
  if (err != CE_None) {
    std::filesystem::remove(tmp, ec);
    return std::unexpected(Error{Msg::kWrite, {path, message}});
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return std::unexpected(Error{Msg::kWrite, {path, ec.message()}});
  return {};
}

}  // namespace

std::expected<void, Error> WriteFloatRaster(const std::string& path, const grid::GridSpec& spec,
                                            float nodata,
                                            const std::function<void(int, float*)>& fill_row) {
  return Write<float>(path, spec, nodata, GDT_Float32, fill_row);
}

std::expected<void, Error> WriteInt32Raster(const std::string& path, const grid::GridSpec& spec,
                                            int32_t nodata,
                                            const std::function<void(int, int32_t*)>& fill_row) {
  return Write<int32_t>(path, spec, nodata, GDT_Int32, fill_row);
}

std::expected<void, Error> WriteTravelTimes(const std::string& time_path,
                                            const std::string& nearest_path,
                                            const grid::GridSpec& spec,
                                            const access::TravelTimes& times,
                                            const TravelTimesView& view) {
  const auto masked = [&](int r, int c) {
    return !view.mask.empty() && view.mask[grid::Slot(spec.Index(r, c))] == 0;
  };
  auto nearest = std::async(std::launch::async, [&]() -> std::expected<void, Error> {
    if (nearest_path.empty()) return {};
    return WriteInt32Raster(nearest_path, spec, -1, [&](int r, int32_t* out) {
      if (view.layer >= 0) {
        times.CopyRow(view.layer, r, nullptr, out);
      } else {
        for (int c = 0; c < spec.cols; ++c) out[c] = times.BestNearest(r, c);
      }
      for (int c = 0; c < spec.cols; ++c) {
        if (masked(r, c)) {
          out[c] = -1;
        } else if (out[c] >= 0 && !view.renumber.empty()) {
          out[c] = view.renumber[static_cast<std::size_t>(out[c])];
        }
      }
    });
  });
  auto time = WriteFloatRaster(time_path, spec, -1.0f, [&](int r, float* out) {
    if (view.layer >= 0) {
      times.CopyRow(view.layer, r, out, nullptr);
    } else {
      for (int c = 0; c < spec.cols; ++c) out[c] = times.Best(r, c);
    }
    for (int c = 0; c < spec.cols; ++c) {
      if (masked(r, c)) out[c] = std::numeric_limits<float>::infinity();  // nodata
    }
  });
  auto n = nearest.get();
  if (!time) return time;
  return n;
}

}  // namespace jangkau::report
