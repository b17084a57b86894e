// The stunting team's board (TPPS, Perpres 72/2021 Lampiran A) and the programmes against access
// (docs/programmes.md): each indicator the district can compute from its own data, with its
// numerator, denominator, period and source, and the ones it cannot (said so, never filled in);
// and per kecamatan, desa or posyandu the weighing coverage (D/S), stunting and sanitation beside
// the travel minutes to a puskesmas, the least weighed and farthest first. Not thread-safe (uses
// the caller's Workspace).
#pragma once

#include <expected>
#include <optional>

#include "app/programmes_service.h"
#include "model/date.h"
#include "report/geojson.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

// Columns: indikator, uraian, nilai, satuan, pembilang, penyebut, periode, sumber, jenis
// (dihitung | dilaporkan | proksi | tidak_ada_data), catatan. Growth figures from the weighings
// between `from` and `to`.
// Fails when the workspace's UHC criteria (reference kind `uhc-criteria`) cannot be read.
std::expected<report::Table, Error> TppsBoard(const store::Workspace& ws, std::optional<Date> from,
                                              std::optional<Date> to);

struct AccessComparison {
  // kelompok, nama, menit_puskesmas, bulan, s, d, persen_d_s, anak_diukur, stunting_persen,
  // n_kurang_30, then (desa and kecamatan) STBM: status or desa SBS share.
  report::Table table;
  // Spearman's rank correlation of minutes and D/S over the rows that have both (negative: the
  // farther, the less weighed), and how many rows it rests on.
  std::optional<double> spearman_menit_ds;
  int n = 0;
};
// `by` desa, posyandu or kecamatan (others: kecamatan).
AccessComparison AgainstAccess(const store::Workspace& ws, const ProgrammeOptions& options);

// Every desa with a boundary for the programmes map: kode, nama, menit_puskesmas (null when
// unknown), and where known anak, stunting_persen, n_kurang_30 (GrowthByArea), persen_d_s, s,
// d, bulan (AgainstAccess), status and status_kode (StbmTable).
std::vector<report::GeoFeature> ProgrammesMap(const store::Workspace& ws,
                                              const ProgrammeOptions& options);
// The same as a table with a geometry per row (`programmes --map FILE.geojson|.gpkg`).
report::Table ProgrammesMapTable(const store::Workspace& ws, const ProgrammeOptions& options);

}  // namespace jangkau::app
