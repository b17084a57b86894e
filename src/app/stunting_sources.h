// Routine and survey stunting figures side by side, never blended into one number (issue 13,
// docs/programmes.md): the published figures shipped in data/reference/stunting_publikasi.csv
// for the workspace's kabupaten (as the press reported them: NOT YET VERIFIED against the SSGI
// and SKI report tables, and labelled so), and the routine figure computed from the workspace's
// e-PPGBM measurements for each year (each child's latest measurement of the year, WHO's
// interval, its denominator). A routine share below half the survey share of the same year is a
// warning: routine weighing under-counts. Not thread-safe (uses the caller's Workspace).
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

struct StuntingSources {
  // tahun, sumber, jenis (rutin|survei), persen, bawah, atas, penyebut, asal, status, catatan
  report::Table table;
  std::vector<Diagnostic> warnings;
};

StuntingSources StuntingBySource(const store::Workspace& ws);

}  // namespace jangkau::app
