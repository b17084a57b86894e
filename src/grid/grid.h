// Regular grids for the access engine: a georeference (origin, cell size, CRS) and cell
// values stored with a border of padding cells, so that neighbour lookups never need a bounds
// check. Plain values; thread-compatible.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "base/units.h"
#include "grid/large_vector.h"

namespace jangkau::grid {

// A cell of a grid proper, numbered row-major (row * cols + col): how rasters, zone maps, village
// centres and route ends name a cell. A PaddedGrid stores its cells at other positions
// (PaddedGrid::Index, with its border; the solver adds a layer's offset to those); the
// numberings meet only in the functions here and in PaddedGrid. No cell: std::nullopt.
struct CellIndexTag;
using CellIndex = units::Alias<int64_t, CellIndexTag>;
struct RowCol {
  int row = 0;
  int col = 0;
};
inline CellIndex RowMajor(int row, int col, int cols) {
  return CellIndex(static_cast<int64_t>(row) * cols + col);
}
inline RowCol FromRowMajor(CellIndex cell, int cols) {
  return {static_cast<int>(cell.value() / cols), static_cast<int>(cell.value() % cols)};
}
// The position of a cell in a row-major vector of a grid's cells.
inline std::size_t Slot(CellIndex cell) { return static_cast<std::size_t>(cell.value()); }

// Where a grid lies: top-left corner, cell size (north-up), projection.
struct GridSpec {
  int rows = 0;
  int cols = 0;
  double origin_x = 0;  // left edge
  double origin_y = 0;  // top edge
  double cell_w = 1;    // metres (or map units) per column
  double cell_h = 1;    // metres per row (positive)
  std::string crs_wkt;

  int64_t cells() const { return static_cast<int64_t>(rows) * cols; }
  CellIndex Index(int row, int col) const { return RowMajor(row, col, cols); }
  RowCol At(CellIndex cell) const { return FromRowMajor(cell, cols); }
  // Cell containing a map coordinate, or false when outside.
  bool CellOf(double x, double y, int& row, int& col) const {
    const double c = std::floor((x - origin_x) / cell_w);
    const double r = std::floor((origin_y - y) / cell_h);
    if (c < 0 || r < 0 || c >= cols || r >= rows) return false;
    row = static_cast<int>(r);
    col = static_cast<int>(c);
    return true;
  }
  double CenterX(int col) const { return origin_x + (col + 0.5) * cell_w; }
  double CenterY(int row) const { return origin_y - (row + 0.5) * cell_h; }
};

// Cell values with `kPad` border cells on every side. Index(r, c) addresses row r, column c
// of the grid proper; the border holds `border` (for friction: +infinity, impassable).
template <typename T>
class PaddedGrid {
 public:
  static constexpr int kPad = 2;

  PaddedGrid() = default;
  PaddedGrid(int rows, int cols, T fill, T border)
      : rows_(rows), cols_(cols), stride_(cols + 2 * kPad) {
    // Written once, by padded rows, on two threads for a large grid (large_vector.h).
    const std::size_t padded_rows = static_cast<std::size_t>(rows) + std::size_t{2} * kPad;
    const auto stride = static_cast<std::size_t>(stride_);
    values_.resize(padded_rows * stride);
    T* data = values_.data();
    FillInParallel(
        padded_rows,
        [&](std::size_t first, std::size_t last) {
          for (std::size_t r = first; r < last; ++r) {
            T* row = data + r * stride;
            const bool inner = r >= kPad && r < static_cast<std::size_t>(rows) + kPad;
            std::fill(row, row + stride, border);
            if (inner) std::fill(row + kPad, row + kPad + cols, fill);
          }
        },
        stride);
  }

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int64_t stride() const { return stride_; }
  int64_t Index(int r, int c) const {
    return static_cast<int64_t>(r + kPad) * stride_ + (c + kPad);
  }
  void RowCol(int64_t index, int& r, int& c) const {
    r = static_cast<int>(index / stride_) - kPad;
    c = static_cast<int>(index % stride_) - kPad;
  }
  T& at(int r, int c) { return values_[static_cast<std::size_t>(Index(r, c))]; }
  const T& at(int r, int c) const { return values_[static_cast<std::size_t>(Index(r, c))]; }
  T* data() { return values_.data(); }
  const T* data() const { return values_.data(); }
  // First cell of row r (the following cols() values are the row).
  T* row(int r) { return &values_[static_cast<std::size_t>(Index(r, 0))]; }
  const T* row(int r) const { return &values_[static_cast<std::size_t>(Index(r, 0))]; }
  std::size_t padded_size() const { return values_.size(); }

 private:
  int rows_ = 0;
  int cols_ = 0;
  int64_t stride_ = 0;
  LargeVector<T> values_;
};

inline constexpr float kImpassable = std::numeric_limits<float>::infinity();

}  // namespace jangkau::grid
