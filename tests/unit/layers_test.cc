// ingest::Rasterize: geometries burnt into a grid, read cell by cell against where the
// geometries lie (worked out by hand from the cell centres, not by the code under test).
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <ogr_api.h>

#include "ingest/layers.h"

namespace jangkau::ingest {
namespace {

std::string Wkb(const char* wkt) {
  OGRGeometryH g = nullptr;
  char* text = const_cast<char*>(wkt);
  if (OGR_G_CreateFromWkt(&text, nullptr, &g) != OGRERR_NONE) {
    ADD_FAILURE() << wkt;
    return {};
  }
  std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)), '\0');
  OGR_G_ExportToWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  OGR_G_DestroyGeometry(g);
  return wkb;
}

TEST(Rasterize, EveryCellHoldsTheLastGeometryOverItsCentreOrTheFill) {
  // 12 rows x 10 columns of 0.01 degrees from (104.00, -2.00), in lon/lat so that the cells
  // are where the coordinates say.
  grid::GridSpec spec;
  spec.rows = 12;
  spec.cols = 10;
  spec.origin_x = 104.0;
  spec.origin_y = -2.0;
  spec.cell_w = spec.cell_h = 0.01;
  spec.crs_wkt = "EPSG:4326";
  // A square whose edges lie on cell edges: the centres of rows 2-4 and columns 2-4 inside.
  // Over it, later, a strip holding the centres of row 3, columns 4-5. A line along row 8,
  // running past both sides of the grid.
  const std::vector<std::string> wkbs = {
      Wkb("POLYGON ((104.02 -2.02, 104.05 -2.02, 104.05 -2.05, 104.02 -2.05, 104.02 -2.02))"),
      Wkb("POLYGON ((104.04 -2.03, 104.06 -2.03, 104.06 -2.04, 104.04 -2.04, 104.04 -2.03))"),
      Wkb("LINESTRING (103.99 -2.085, 104.11 -2.085)")};
  const std::vector<float> cells = Rasterize(spec, wkbs, {7, 9, 3}, -1.0f, false);
  ASSERT_EQ(cells.size(), 120u);
  for (int r = 0; r < spec.rows; ++r) {
    for (int c = 0; c < spec.cols; ++c) {
      float want = -1.0f;
      if (r >= 2 && r <= 4 && c >= 2 && c <= 4) want = 7;
      if (r == 3 && (c == 4 || c == 5)) want = 9;
      if (r == 8) want = 3;
      EXPECT_EQ(cells[static_cast<std::size_t>(r) * spec.cols + c], want) << r << ", " << c;
    }
  }
  // No geometry: the fill everywhere.
  const std::vector<float> empty = Rasterize(spec, {}, {}, 5.0f, false);
  EXPECT_EQ(std::count(empty.begin(), empty.end(), 5.0f), 120);
}

}  // namespace
}  // namespace jangkau::ingest
