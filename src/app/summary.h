// The workspace in numbers: what `make demo` and `jangkau show summary` print.
// Plain values; not thread-safe (uses the caller's Workspace).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/workspace.h"

namespace jangkau::app {

struct Summary {
  std::map<std::string, int64_t> facilities_by_type;  // type key -> count
  int64_t facilities_with_assumptions = 0;
  std::vector<std::pair<std::string, int64_t>> workers_by_cadre;  // cadre kode, count; by count
  int64_t workers_total = 0;
  int64_t kecamatan = 0;
  int64_t desa = 0;
  int64_t desa_with_population = 0;
  int64_t population_desa_sum = 0;  // latest year per desa
  int population_year = 0;          // the latest year among desa figures
  std::vector<std::tuple<std::string, std::string, int64_t, int>> kabupaten_population;
  std::map<std::string, int64_t> warnings_by_code;
  int64_t warnings_total = 0;
};

// Workers counted from the roster where a facility has one, else from its headcounts.
Summary Summarize(const store::Workspace& ws);

}  // namespace jangkau::app
