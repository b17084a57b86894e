// Reading typed fields from a table row, reporting every problem with its file, line and
// column. Used by all importers. Not thread-safe (writes into the caller's Diagnostics).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "ingest/table_reader.h"
#include "model/date.h"

namespace jangkau::ingest {

// Column positions resolved once from the header. A column may have several accepted names
// (the first is the documented one).
class ColumnMap {
 public:
  ColumnMap(const TableReader& reader, Diagnostics& diags) : reader_(reader), diags_(diags) {}

  // Position of a column that must exist; reports kMissingColumn (line 1) when absent.
  int Required(std::initializer_list<std::string_view> names);
  // Position of an optional column, 0 when absent.
  int Optional(std::initializer_list<std::string_view> names) const;

 private:
  const TableReader& reader_;
  Diagnostics& diags_;
};

class RowFields {
 public:
  RowFields(const TableReader& reader, const TableRow& row, Diagnostics& diags)
      : reader_(reader), row_(row), diags_(diags) {}

  int64_t line() const { return row_.line; }
  const std::string& file() const { return reader_.path(); }
  // Raw trimmed text of column `col` (1-based); empty for col 0.
  std::string_view Text(int col) const;
  // The column's name as in the header.
  std::string_view Name(int col) const;

  // Reports an error / warning at this row and column.
  void Error(int col, Msg msg, std::vector<std::string> args);
  void Warning(int col, Msg msg, std::vector<std::string> args, std::string entity);

  // Non-empty text, or an error (kEmptyValue).
  std::optional<std::string> Required(int col);
  // Whole number >= 0. Empty: error when required, std::nullopt otherwise.
  std::optional<int64_t> Count(int col, bool required);
  // Any decimal number ("-3.868225"); empty gives std::nullopt without error.
  std::optional<double> Number(int col);
  // A decimal number as Indonesian spreadsheets write it: a decimal comma ("12,5") is read as a
  // point; empty or "NA" gives std::nullopt. Anything else: kNotANumber and `ok` set false.
  std::optional<double> Decimal(int col, bool& ok);
  // A number > 0 (kNeedsNotPositive otherwise). Empty: error when required.
  std::optional<double> PositiveNumber(int col, bool required);
  std::optional<int> Year(int col, bool required);
  std::optional<Date> DateField(int col, bool required);
  // Parses with `parse`; on failure reports kBadChoice listing `choices`.
  template <typename Parse>
  auto Choice(int col, bool required, Parse parse, const std::string& choices)
      -> decltype(parse(std::string_view())) {
    std::string_view text = Text(col);
    if (text.empty()) {
      if (required) Error(col, Msg::kEmptyValue, {std::string(Name(col))});
      return std::nullopt;
    }
    auto value = parse(text);
    if (!value) Error(col, Msg::kBadChoice, {std::string(Name(col)), std::string(text), choices});
    return value;
  }
  // The cell's first-seen line for duplicate detection: reports kDuplicateCode at `col` when
  // `key` was seen before. Returns true when new.
  bool Unique(std::unordered_map<std::string, int64_t>& seen, const std::string& key, int col,
              const std::string& shown);

 private:
  const TableReader& reader_;
  const TableRow& row_;
  Diagnostics& diags_;
};

// A facility or region code: letters, digits, '.', '-' and '_', at most 32 characters.
bool IsPlainCode(std::string_view code);

}  // namespace jangkau::ingest
