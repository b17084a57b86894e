// The staffing-need results as report Tables: what `jangkau needs` prints and the sheets of
// the BKPSDM proposal workbook (Ringkasan, Kebutuhan per Fasyankes, Per Jenis Tenaga, Usulan
// Formasi, Redistribusi, Proyeksi Pensiun, Kompetensi, Alat Kesehatan, Metode dan Asumsi).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "app/needs_service.h"
#include "base/lang.h"
#include "report/table.h"

namespace jangkau::app {

report::Table NeedLinesTable(const NeedsReport& report, Lang lang);
report::Table CadreTotalsTable(const NeedsReport& report);

// Why a line ranks where it does, in words and numbers.
std::string PriorityExplanation(const needs::PriorityLine& line,
                                const needs::PriorityFactors& factors,
                                const needs::PriorityWeights& weights, RemotenessBasis basis,
                                Lang lang);

// The `n` facilities with the most urgent shortages (by their highest priority index), with
// every shortage they have.
report::Table TopFacilitiesTable(const ProposalReport& report, std::size_t n);

std::vector<report::Sheet> ProposalWorkbook(const ProposalReport& report, Lang lang);

}  // namespace jangkau::app
