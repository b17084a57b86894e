// The growth engine's answers as tables (docs/programmes.md): z-scores in the columns of WHO
// anthro's anthro_zscores(), prevalence in those of anthro_prevalence(). Shared by the CLI and
// the server. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "growth/anthro.h"
#include "growth/prevalence.h"
#include "report/table.h"

namespace jangkau::app {

// clenhei, cbmi, cmeasure, csex, zlen, flen, zwei, fwei, zwfl, fwfl, zbmi, fbmi, zhc, fhc, zac,
// fac, zts, fts, zss, fss; then c9mo_flag when asked.
std::vector<std::string> ZScoreColumns(bool with_c9mo_flag);
// The cells of ZScoreColumns: z-scores with two decimals as text ("-1.07", never "-0.00"), empty
// where WHO gives NA.
std::vector<report::Cell> ZScoreCells(const growth::ZScores& z, bool with_c9mo_flag);

// One row per group (All, age groups, sexes, age x sex) in anthro_prevalence()'s columns:
// Group, HAZ_pop, HAZ_unwpop, HA_3_r, HA_3_se, HA_3_ll, HA_3_ul, ..., HA_r, HA_se, HA_ll,
// HA_ul, HA_stdev, then WA, BMI, WH, then HA_2_WH_2_pop, HA_2_WH_2_unwpop, HA_2_WH_2_r..ul,
// HA_2_WH2_r..ul. Rates in percent.
report::Table PrevalenceTable(const growth::PrevalenceResult& result);

}  // namespace jangkau::app
