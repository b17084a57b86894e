// A weekly case series for `jangkau surveillance detect` (docs/surveillance.md): columns `week`
// (an integer index, each the one before plus 1, or an epidemiological week "YYYY-Www", each the
// week after the one before) and `cases` (a whole number >= 0; empty is a week not reported, R's
// NA). The series must be complete and in order: the methods count weeks by row (52 a year), so a
// gap would shift every reference week. Anything else refuses the file at its line and column.
// Not thread-safe.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace jangkau::ingest {

struct WeeklySeries {
  std::vector<std::string> weeks;  // as written
  std::vector<double> cases;       // NaN: not reported
};

std::expected<WeeklySeries, Error> ReadWeeklySeries(const std::string& path, Diagnostics& diags);

}  // namespace jangkau::ingest
