// Who reaches care, per region and per facility, from solved travel times: the reach of each
// village rolled up to its kecamatan and the kabupaten, and the people for whom each source is
// the nearest. People are spread evenly over a village's passable cells (as in coverage.h).
// Pure functions over values; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "access/solver.h"
#include "grid/grid.h"
#include "model/reference.h"

namespace jangkau::access {

// A village as a zone of the grid.
struct ReachZone {
  std::string kode;       // Kemendagri code of the desa; ParentCode(kode) is its kecamatan
  double population = 0;  // people living there
  // The cell whose time stands for a village without a passable cell of its own (its
  // centroid), when there is one.
  std::optional<grid::CellIndex> fallback_cell;
};

// The reach of every village (in the order of `villages`), then of every kecamatan (ordered by
// code), then of the kabupaten (the first five digits of the last village's code); empty when
// there are no villages. `zone_of_cell`: row-major (rows x cols), the index into `villages` or
// -1. Times are those of layer 0 of `times`; `friction` (the land layer) says which cells are
// passable.
std::vector<RegionAccess> ReachByRegion(const TravelTimes& times,
                                        const std::vector<int32_t>& zone_of_cell,
                                        std::span<const ReachZone> villages,
                                        const grid::PaddedGrid<float>& friction);

// For each of the `sources` sources (by index, as TravelCell::nearest on layer 0): the people
// living on the cells it is the nearest of, or std::nullopt when it is the nearest of no cell of
// any zone with a passable cell. `population`: per zone index of `zone_of_cell`.
std::vector<std::optional<double>> NearestPopulation(const TravelTimes& times,
                                                     std::span<const int32_t> zone_of_cell,
                                                     std::span<const double> population,
                                                     const grid::PaddedGrid<float>& friction,
                                                     std::size_t sources);

}  // namespace jangkau::access
