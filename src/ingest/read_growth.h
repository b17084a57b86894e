// Reading measurements laid out as WHO anthro's anthro_zscores() arguments (jangkau growth
// zscore / prevalence, docs/programmes.md): sex (1|2, m|f, L|P), age, is_age_in_month
// (true|false), weight, lenhei, measure (l|h), oedema (y|n|1|2), headc, armc, triskin,
// subskin; empty or NA is missing, a decimal comma is read as a point. Anything else refuses
// the file with its line and column, and so does a negative age (anthro stops on it).
// Implausible values are kept: WHO's flags mark them. Not thread-safe.
#pragma once

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "growth/anthro.h"

namespace jangkau::ingest {

struct AnthroRow {
  int64_t line = 0;
  std::vector<std::string> cells;  // as read, one per column of the file
  growth::Measurement m;
  // The survey design's columns, when named.
  std::optional<std::string> cluster;
  std::optional<std::string> strata;
  std::optional<double> weight;
};

// The names of the design columns to read (empty: none); each must exist when named.
struct DesignColumns {
  std::string cluster;
  std::string strata;
  std::string weights;
};

// Reads `path`, giving `row` each row without a problem (in file order); returns the file's
// columns (normalised names). Errors and warnings go to `diags`: the caller refuses the file, and
// discards what `row` received, when it has errors. Rows are not kept, so a file of millions of
// measurements is read in constant memory.
std::expected<std::vector<std::string>, Error> ReadAnthroFile(
    const std::string& path, const DesignColumns& design, Diagnostics& diags,
    const std::function<void(AnthroRow&&)>& row);

}  // namespace jangkau::ingest
