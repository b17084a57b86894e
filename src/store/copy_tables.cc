// The tables `jangkau copy` carries and how their rows make units (store/copy_units.h). A
// migration that adds a table adds it here or to UncopiedTables (a unit test holds them to the
// schema).
#include <string>
#include <vector>

#include "store/copy.h"
#include "store/copy_units.h"

namespace jangkau::store {
namespace copying {

const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec> specs = {
      // A workspace's identity, its creation and its copy bookkeeping stay its own.
      {.table = "meta",
       .unit = Unit::kRow,
       .key = "key",
       .filter = "key NOT IN ('dibuat_pada', 'ruang_kerja_id') AND key NOT LIKE 'salinan%'"},
      {.table = "regions", .unit = Unit::kRow, .key = "kode"},
      {.table = "population",
       .unit = Unit::kRow,
       .key = "kode_wilayah || '|' || CAST(tahun AS TEXT)"},
      {.table = "region_indicators", .unit = Unit::kRow, .key = "kode_wilayah || '|' || indikator"},
      {.table = "cadres", .unit = Unit::kRow, .key = "kode"},
      {.table = "cadre_aliases", .unit = Unit::kRow, .key = "alias"},
      {.table = "facilities", .unit = Unit::kRow, .key = "kode"},
      {.table = "catchments", .unit = Unit::kRow, .key = "kode_desa"},
      {.table = "staff", .unit = Unit::kGroup, .key = "kode_faskes", .id = "id"},
      {.table = "staff_counts",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || jenis_tenaga || '|' || status_kepegawaian"},
      {.table = "equipment",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || kode_alat || '|' || kondisi"},
      {.table = "services",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || CAST(tahun AS TEXT) || '|' || kegiatan"},
      {.table = "reference_tables",
       .unit = Unit::kRow,
       .key = "jenis || '|' || nama || '|' || CAST(versi AS TEXT)"},
      {.table = "map_layers", .unit = Unit::kGroup, .key = "jenis", .id = "id"},
      {.table = "scenarios", .unit = Unit::kRow, .key = "nama"},
      {.table = "scenario_items", .unit = Unit::kGroup, .key = "skenario", .id = "id"},
      {.table = "access_regions",
       .unit = Unit::kRow,
       .key = "skenario || '|' || tujuan || '|' || kode_wilayah"},
      {.table = "access_facilities", .unit = Unit::kRow, .key = "skenario || '|' || kode_faskes"},
      {.table = "access_routes", .unit = Unit::kRow, .key = "skenario || '|' || dari || '|' || ke"},
      {.table = "users", .unit = Unit::kRow, .key = "username"},
      {.table = "periods", .unit = Unit::kRow, .key = "nama", .id = "id"},
      {.table = "submissions",
       .unit = Unit::kRow,
       .key = "(SELECT nama FROM periods WHERE periods.id = submissions.period_id) || '|' || "
              "kode_faskes",
       .refs = {{"period_id", "periods"}}},
      {.table = "imports", .unit = Unit::kLog, .key = nullptr, .id = "id"},
      {.table = "audit_log", .unit = Unit::kLog, .key = nullptr, .id = "id"},
      {.table = "warnings",
       .unit = Unit::kLog,
       .key = nullptr,
       .id = "id",
       .refs = {{"import_id", "imports"}}},
      {.table = "incidents",
       .unit = Unit::kRow,
       .key = "COALESCE(kode, 'id ' || CAST(id AS TEXT))",
       .id = "id"},
      {.table = "incident_events",
       .unit = Unit::kLog,
       .key = nullptr,
       .id = "no",
       .refs = {{"insiden", "incidents"}}},
      {.table = "emergency_units",
       .unit = Unit::kRow,
       .key = "kode",
       .refs = {{"insiden", "incidents"}}},
      {.table = "growth_measurements", .unit = Unit::kRow, .key = "anak || '|' || tanggal_ukur"},
      {.table = "stbm_desa", .unit = Unit::kRow, .key = "kode_desa || '|' || tanggal"},
      {.table = "jkn_kepesertaan", .unit = Unit::kRow, .key = "kode_wilayah || '|' || tanggal"},
      {.table = "germas_checklist", .unit = Unit::kRow, .key = "kode_wilayah || '|' || butir"},
      {.table = "skdr_laporan",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || CAST(tahun AS TEXT) || '|' || CAST(minggu AS TEXT) || '|' "
              "|| penyakit",
       .without_rowid = true},
      {.table = "skdr_kiriman", .unit = Unit::kLog, .key = nullptr, .refs = {{"impor", "imports"}}},
      {.table = "skdr_peringatan_langkah", .unit = Unit::kRow, .key = "id || '|' || status"},
  };
  return specs;
}

}  // namespace copying

std::vector<std::string> CopiedTables() {
  std::vector<std::string> out;
  for (const copying::TableSpec& spec : copying::Specs()) out.emplace_back(spec.table);
  return out;
}

std::vector<std::string> UncopiedTables() { return {"sessions", "salinan"}; }

}  // namespace jangkau::store
