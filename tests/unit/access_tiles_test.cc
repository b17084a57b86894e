// A tile's rasters: which cells of no zone it writes (app/access_tiles.h).
#include <algorithm>
#include <cstdlib>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "access/solver.h"
#include "app/access_model.h"
#include "app/access_tiles.h"

namespace jangkau::app {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

AccessModel Tile(int rows, int cols, double cell_m) {
  AccessModel m;
  m.options.tile = "16.02";
  m.spec.rows = rows;
  m.spec.cols = cols;
  m.spec.cell_w = cell_m;
  m.spec.cell_h = cell_m;
  m.zone.assign(static_cast<std::size_t>(rows) * cols, -1);
  return m;
}

int32_t& ZoneAt(AccessModel& m, int r, int c) { return m.zone[grid::Slot(m.spec.Index(r, c))]; }

// The definition, cell by cell: no zone, and a zone's cell (own or a neighbour's) within k
// rows and k columns.
std::vector<uint8_t> NearByDefinition(const AccessModel& m, int k) {
  std::vector<uint8_t> out(m.zone.size(), 0);
  for (int r = 0; r < m.spec.rows; ++r) {
    for (int c = 0; c < m.spec.cols; ++c) {
      if (m.zone[grid::Slot(m.spec.Index(r, c))] != -1) continue;
      for (int r2 = 0; r2 < m.spec.rows; ++r2) {
        for (int c2 = 0; c2 < m.spec.cols; ++c2) {
          if (m.zone[grid::Slot(m.spec.Index(r2, c2))] != -1 && std::abs(r2 - r) <= k &&
              std::abs(c2 - c) <= k) {
            out[grid::Slot(m.spec.Index(r, c))] = 1;
          }
        }
      }
    }
  }
  return out;
}

TEST(TileRaster, CellsNearAZoneOfTheTileOrOfItsNeighbours) {
  AccessModel m = Tile(9, 11, 100);
  ZoneAt(m, 4, 1) = 0;
  ZoneAt(m, 4, 2) = 0;
  ZoneAt(m, 0, 10) = AccessModel::kOtherTileZone;
  ZoneAt(m, 8, 6) = 3;
  // 100 m: one cell; 10 m: still one cell; 250 m: three; 2 km: the whole grid.
  for (const auto& [metres, k] : {std::pair{100.0, 1}, {10.0, 1}, {250.0, 3}, {2000.0, 20}}) {
    const auto near = NearZones(m, metres);
    EXPECT_EQ(near, NearByDefinition(m, k)) << metres << " m";
  }
  // No zone at all: nothing is near.
  AccessModel empty = Tile(3, 3, 100);
  EXPECT_EQ(NearZones(empty, 1000), std::vector<uint8_t>(9, 0));
}

TEST(TileRaster, OwnZonesAlwaysAndNearCellsWhereTheirTimeIsSure) {
  // One row of 100 m cells: own zone | own zone | gap | a neighbour's zone | gap | far | wall.
  AccessModel m = Tile(1, 7, 100);
  ZoneAt(m, 0, 0) = 0;
  ZoneAt(m, 0, 1) = 0;
  ZoneAt(m, 0, 3) = AccessModel::kOtherTileZone;
  m.friction.spec = m.spec;
  m.friction.layers.emplace_back(1, 7, 1.0f, kInf);
  m.friction.layers[0].at(0, 6) = kInf;  // never reached
  TargetTimes t;
  const std::vector<access::Source> from = {{0, 0, 0}};
  access::SolverScratch scratch;
  access::SolveTravelTime(scratch, m.friction, from, {}, t.times);
  const std::vector<uint8_t> near = NearZones(m, 100);
  ASSERT_EQ(near, (std::vector<uint8_t>{0, 0, 1, 0, 1, 0, 0}));
  // Sure everywhere: the own zones and the near cells, never the neighbour's zone nor a far one.
  std::vector<float> leave(7, kInf);
  EXPECT_EQ(TileRasterCells(m, t, leave, near), (std::vector<uint8_t>{1, 1, 1, 0, 1, 0, 0}));
  // A near cell whose time is longer than the way out is left to a tile sure of it; an own
  // zone's cell is written all the same.
  leave[4] = 0.5f;
  leave[1] = 0.5f;
  EXPECT_EQ(TileRasterCells(m, t, leave, near), (std::vector<uint8_t>{1, 1, 1, 0, 0, 0, 0}));
  // A near cell no facility reaches is not written.
  ZoneAt(m, 0, 5) = 0;
  const std::vector<uint8_t> near6 = NearZones(m, 100);
  ASSERT_EQ(near6[6], 1);
  EXPECT_EQ(TileRasterCells(m, t, std::vector<float>(7, kInf), near6)[6], 0);
}

}  // namespace
}  // namespace jangkau::app
