// Sanitation (STBM), JKN coverage, the Germas checklist and the stunting team's board as tables
// (docs/programmes.md), from the workspace's imported figures and the reference tables shipped
// with Jangkau (the UHC award criteria, the Germas items: compiled in, marked as ASSUMPTION where
// not verified). Every figure names its source and period. Not thread-safe (uses the caller's
// Workspace).
#pragma once

#include <expected>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/programmes_service.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

// data/reference/germas_butir.csv: the checklist's items (butir, uraian, dasar).
struct GermasButir {
  std::string butir, uraian, dasar;
};
std::vector<GermasButir> ShippedGermasItems();

// Each desa's latest STBM record, by desa code.
std::map<std::string, StbmDesa> LatestStbm(const store::Workspace& ws);

// STBM by desa (each desa's latest figures: status by the programme's rule, latrine access by
// category, the pillars, travel minutes to a puskesmas), or summed by kecamatan or kabupaten
// (desa with data, declared, verified, Desa STBM, household shares). Other levels: by desa.
report::Table StbmTable(const store::Workspace& ws, ProgrammeLevel by);

// Every JKN record: coverage (computed from counts, else as published; above 100% flagged, not
// capped), active rate, Pemda-registered and PBI shares, the UHC category and why not higher.
// The criteria are the workspace's reference table `uhc-criteria`; its failure is the error.
std::expected<report::Table, Error> JknTable(const store::Workspace& ws);

// Every item of the checklist for each kabupaten of the workspace, with its status ("belum diisi"
// when not reported).
report::Table GermasTable(const store::Workspace& ws);

}  // namespace jangkau::app
