// Reads any table GDAL/OGR can open (CSV, XLSX, ODS, GeoJSON, GeoPackage, Shapefile, ...)
// row by row as text cells, keeping for each row the line number a person would look for:
// for CSV the physical line in the file (header = line 1, multi-line quoted cells counted,
// blank lines skipped as GDAL skips them), for spreadsheets the sheet row, for other formats
// the feature's position (1-based, counted after a notional header line so messages read the
// same). Column names are normalised with NormalizeKey ("Kode Faskes" -> "kode_faskes").
// Not thread-safe; one reader per thread.
#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace jangkau::ingest {

// The character encoding of a text file. Jangkau keeps UTF-8 only: other text is refused with
// its place unless its encoding is named, and then converted (iconv). Never guessed.
enum class TextEncoding { kUtf8, kCp1252, kLatin1 };
// "utf8", "cp1252" (Windows-1252, what Excel on Windows writes as CSV), "latin1" (ISO-8859-1),
// and their usual spellings.
std::optional<TextEncoding> ParseTextEncoding(std::string_view name);
std::string_view TextEncodingKey(TextEncoding e);

struct TableRow {
  int64_t line = 0;                // as described above
  std::vector<std::string> cells;  // one per column, trimmed; typed cells rendered as text
  // The first cell the reader itself refuses (text that is not UTF-8; a line break in a CSV
  // cell, the mark of an unbalanced quote): its 1-based column and the message. Such a row must
  // be refused whole (ForEachRow does).
  struct CellProblem {
    int column = 0;
    Msg msg = Msg::kNotUtf8;
    std::vector<std::string> args;
  };
  std::optional<CellProblem> problem;
  std::string geometry_wkb;         // the feature's geometry (EPSG:4326), empty when none
  std::optional<double> point_lon;  // set when the geometry is a point
  std::optional<double> point_lat;
};

class TableReader {
 public:
  // Opens the first layer (sheet) of `path`. Failure: kFileOpen / kFileNoLayer; kNotUtf8Header
  // when a column name is not UTF-8. A CSV in `encoding` other than UTF-8 is converted first
  // (kBadEncoding at a byte the encoding does not define; kEncodingCsvOnly for other formats).
  // The text given to OpenText must outlive the reader (it is read in place).
  static std::expected<std::unique_ptr<TableReader>, Error> Open(
      const std::string& path, TextEncoding encoding = TextEncoding::kUtf8);
  // Reads CSV `text` held in memory; `name` is what messages call the file.
  static std::expected<std::unique_ptr<TableReader>, Error> OpenText(const std::string& name,
                                                                     const std::string& text);
  ~TableReader();
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  const std::string& path() const { return path_; }
  const std::vector<std::string>& columns() const { return columns_; }
  // 1-based column number of `name`, or 0 when absent.
  int Column(std::string_view name) const;
  // Whether the layer has a geometry field (a CSV has none; GeoJSON, GPKG, SHP do).
  bool HasGeometry() const;
  // GDAL's error that ended the reading before the end of the file (empty when none), and the
  // line of the last row read: a file cut short must be refused, not imported in part.
  const std::string& ReadError() const;
  int64_t LastLine() const;
  // Rows in the file, when the driver can tell cheaply; -1 otherwise.
  int64_t RowCountHint() const { return row_count_hint_; }
  // Bytes of the file read so far against its size, for progress bars on CSV (0 when unknown).
  double Fraction() const;

  // Fills `row` with the next row; false at the end.
  bool Next(TableRow& row);

 private:
  TableReader() = default;
  // `owned`: a converted text the reader keeps and reads (instead of `text`).
  static std::expected<std::unique_ptr<TableReader>, Error> OpenImpl(
      const std::string& path, const std::string* text, std::optional<std::string> owned);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  std::vector<std::string> columns_;
  int64_t row_count_hint_ = -1;
};

// For CSV text: the physical line (1-based) on which each record starts, header included,
// skipping blank lines like GDAL's CSV reader. Exposed for tests.
std::vector<int64_t> CsvRecordLines(std::string_view text);

}  // namespace jangkau::ingest
