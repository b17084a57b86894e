// The loop every importer runs: each row through `body`, progress every 4,096 rows, and an
// error when the file has no data rows. Internal to ingest.
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "ingest/fields.h"
#include "ingest/importers.h"
#include "ingest/table_reader.h"

namespace jangkau::ingest {

template <typename Body>
void ForEachRow(TableReader& in, Diagnostics& diags, const Progress& progress, Body&& body) {
  TableRow row;
  int64_t n = 0;
  const int64_t total = in.RowCountHint();
  while (in.Next(row)) {
    if (row.problem) {
      // A cell the reader refuses (not UTF-8, an unbalanced quote) is never stored.
      diags.Error(in.path(), row.line, row.problem->column, row.problem->msg, row.problem->args);
      ++n;
      continue;
    }
    RowFields fields(in, row, diags);
    body(fields, row);
    if (++n % 4096 == 0 && progress) progress(n, total);
  }
  if (progress) progress(n, total);
  if (!in.ReadError().empty()) {
    diags.Error(in.path(), in.LastLine() + 1, 0, Msg::kFileRead,
                {std::to_string(in.LastLine()), in.ReadError()});
  } else if (n == 0) {
    diags.Error(in.path(), 0, 0, Msg::kFileNoRows, {});
  }
}

// Reads lat/lon columns (or the row's point geometry when the columns are absent) and checks
// them: both or neither, numbers, inside Indonesia, not swapped. Returns {lon, lat}.
struct LonLat {
  double lon;
  double lat;
};
std::optional<LonLat> ReadLonLat(RowFields& f, const TableRow& row, int lat_col, int lon_col);

// The facility code of a row: required, known to the workspace, and the operator's own when the
// import is one facility's report (import_workforce.cc).
std::optional<std::string> FacilityCode(RowFields& f, int col, const ImportContext& ctx);

}  // namespace jangkau::ingest
