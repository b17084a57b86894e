// A run by kabupaten solves one tile at a time: a kabupaten's zones on the cells of the whole
// grid within a margin of them. What a tile's answers can be trusted for (a time no longer than
// the way out of the tile is the time without tiles), and which tile answers for a facility.
// Pure functions over a built AccessModel (the solves use the caller's scratch); thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "access/solver.h"
#include "app/access_model.h"
#include "grid/grid.h"
#include "model/facility.h"

namespace jangkau::app {

// A tile's minutes from each cell (row-major, the least over the layers) to the nearest cell on
// a side of the tile that borders more of `whole` (a side on whole's own edge leads nowhere).
// A travel time no longer than this is the time without tiles: a path leaving the tile costs
// at least as much.
std::vector<float> MinutesToLeave(const AccessModel& model, const grid::GridSpec& whole,
                                  access::SolverScratch& scratch);

// What of the model's zones has a time to the target longer than `leave` allows to be sure of,
// i.e. may be shorter without tiles: the people (a zone's people spread evenly over its cells)
// and the area, which counts zones without a population figure too (their map is still read).
struct Uncertain {
  double people = 0;
  double km2 = 0;
};
Uncertain UncertainReach(const AccessModel& model, const TargetTimes& t,
                         const std::vector<float>& leave);

// A tile's rasters also hold the cells of no zone within this distance of a zone (the gaps
// between boundaries, rivers left out of them, a fringe around the province) where its time is
// sure: the tiles then join without the gaps one grid does not have.
inline constexpr double kMosaicFillM = 1000;

// Per cell (row-major) of the model: 1 for a cell of no zone within `metres` of a zone's cell,
// a neighbouring tile's zone included (a square of at least one cell on each side), else 0.
std::vector<uint8_t> NearZones(const AccessModel& model, double metres);

// Per cell (row-major): 1 where a tile writes its rasters. Its own zones' cells, and the cells
// of `near` whose time to the target is sure (reached, and no longer than `leave`): that is the
// one-grid time, the same from every tile sure of it, so overlapping tiles agree there.
std::vector<uint8_t> TileRasterCells(const AccessModel& model, const TargetTimes& t,
                                     const std::vector<float>& leave,
                                     const std::vector<uint8_t>& near);

// Whether a tile's model holds facility `f` (placed at `row`, `col`) as its own: on a cell of
// the tile's zones, or, on a cell of no zone (a river, the buffer), registered in the tile's
// kabupaten. Always, for a model that is no tile.
bool OwnFacility(const AccessModel& model, const Facility& f, int row, int col);

// Whether one of `tiles` (kabupaten, window) other than `model`'s holds facility `f` (at `row`,
// `col` of `model`) by its codes: registered in that tile's kabupaten and within its window.
bool HeldByItsOwnTile(const AccessModel& model,
                      const std::vector<std::pair<std::string, grid::GridSpec>>& tiles,
                      const Facility& f, int row, int col);

}  // namespace jangkau::app
