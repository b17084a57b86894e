// A table of results ready to show or write: named columns, typed cells and, optionally, a
// geometry per row. Every output format (terminal text, CSV, JSON, XLSX, GeoJSON, GeoPackage)
// renders the same Table, so they always agree. Plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <expected>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/diagnostic.h"
#include "base/units.h"

namespace jangkau::report {

// A yes/no cell is a bool: JSON carries it as true/false, text, CSV and workbooks as "ya"/"tidak"
// (the spelling the importers read back).
using Cell = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct Table {
  std::string name;  // layer / sheet name
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> geometry_wkb;  // empty, or one WKB (EPSG:4326) per row ("" = none)
  std::string note;  // shown under the table (e.g. which values are assumptions)
  // Spreadsheet presentation: columns summed in a totals row.
  std::vector<std::string> total_columns;
};

// What a number column holds, for a workbook meant for people: the column's name says it by
// the project's convention (ColumnUnit), and the figure is rounded as a planner reads it.
enum class Unit {
  kNone,     // as computed, two decimals shown
  kMinutes,  // "menit", "menit_*", "*_menit", "*_menit_*": whole minutes
  kKm,       // "km", "*_km", "km_*": one decimal
  kRupiah,   // "biaya*", "anggaran*", "rupiah*": whole rupiah, "Rp"
  kIndex,    // "indeks*", "skor_*", "rasio": three decimals
  kPeople,   // "penduduk*", "terjangkau": whole people
  kPercent,  // "persen*", "*_persen": one decimal
  kDegrees,  // "lon", "lat": six decimals (about 0.1 m)
};
Unit ColumnUnit(std::string_view column);
// The figure as the workbook shows it: rounded to the unit's decimals (kNone: unchanged).
double RoundForPeople(double value, Unit unit);

// A worksheet: a title line, then one or more tables one under the other.
struct Sheet {
  std::string name;   // at most 31 characters (Excel's limit)
  std::string title;  // first line, bold; empty for none
  std::vector<Table> blocks;
  // For people rather than for re-import: "biaya_total" shown as "Biaya total" and every figure
  // rounded by its column's unit (ColumnUnit). CSV, JSON and re-importable files keep full
  // precision.
  bool human_headers = false;
};

// A quantity's cell: its plain number (the column's name says the unit); empty when absent.
template <typename T, typename Tag>
Cell Num(units::Alias<T, Tag> q) {
  return Cell{static_cast<double>(q.value())};
}
template <typename T, typename Tag>
Cell Num(const std::optional<units::Alias<T, Tag>>& q) {
  return q ? Num(*q) : Cell{};
}

std::string CellText(const Cell& cell);

// A workbook as JSON: {sheet name: {block name: rows as ToJson}}.
nlohmann::json ToJson(const std::vector<Sheet>& sheets);

// Aligned columns for a terminal.
void WriteText(const Table& t, std::ostream& out);
// RFC 4180, header first, "\n" line ends, UTF-8.
void WriteCsv(const Table& t, std::ostream& out);
// An array of objects keyed by column name.
nlohmann::json ToJson(const Table& t);

// Files are written to a temporary name beside `path` and renamed into place, so a failed
// write never leaves a half-written file. Failure: kWrite with the library's message.
std::expected<void, Error> WriteCsvFile(const Table& t, const std::string& path);
// Writes `text` to `path` through a temporary file renamed into place (never half a file).
std::expected<void, Error> WriteTextFile(const std::string& path, std::string_view text);
// A CSV file written row by row (RFC 4180, UTF-8) to a temporary name beside `path`, moved into
// place by Commit; destroyed uncommitted (a refused input, a failure), it leaves nothing. For
// outputs too large to hold as a Table.
class CsvFileWriter {
 public:
  static std::expected<std::unique_ptr<CsvFileWriter>, Error> Open(const std::string& path);
  ~CsvFileWriter();
  CsvFileWriter(const CsvFileWriter&) = delete;
  CsvFileWriter& operator=(const CsvFileWriter&) = delete;
  void Row(const std::vector<std::string>& cells);
  void Row(const std::vector<Cell>& cells);
  std::expected<void, Error> Commit();

 private:
  CsvFileWriter() = default;
  std::string path_;
  std::string tmp_;
  std::ofstream out_;
  bool committed_ = false;
};
std::expected<void, Error> WriteXlsxFile(const Table& t, const std::string& path);
// A workbook for people to use directly: formatted headers, column widths, the first table's
// header row frozen, number formats, totals rows.
std::expected<void, Error> WriteWorkbook(const std::vector<Sheet>& sheets, const std::string& path);
// driver: "GeoJSON" or "GPKG".
std::expected<void, Error> WriteVectorFile(const Table& t, const std::string& path,
                                           const std::string& driver);

}  // namespace jangkau::report
