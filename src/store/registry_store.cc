// Workspace reads and writes of the registry: regions, population, facilities, assumptions.
#include <set>

#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

std::optional<int64_t> OptBool(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return *b ? 1 : 0;
}

}  // namespace

std::vector<Region> Workspace::Regions(bool with_geometry) const {
  std::vector<Region> out;
  Statement s = conn_->Prepare(
      with_geometry ? "SELECT kode, nama, tingkat, kode_bps, geom, centroid_lon, centroid_lat "
                      "FROM regions ORDER BY kode"
                    : "SELECT kode, nama, tingkat, kode_bps, NULL, centroid_lon, centroid_lat "
                      "FROM regions ORDER BY kode");
  while (s.Step()) {
    Region r;
    r.kode = s.Text(0);
    r.nama = s.Text(1);
    r.level = ParseLevel(s.Text(2)).value_or(RegionLevel::kDesa);
    r.kode_bps = s.Text(3);
    r.geometry_wkb = s.Blob(4);
    r.centroid_lon = s.OptReal(5);
    r.centroid_lat = s.OptReal(6);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<PopulationRecord> Workspace::Population() const {
  std::vector<PopulationRecord> out;
  Statement s = conn_->Prepare(
      "SELECT kode_wilayah, tahun, penduduk, jumlah_kk, sumber FROM population "
      "ORDER BY kode_wilayah, tahun");
  while (s.Step()) {
    out.push_back({s.Text(0), static_cast<int>(s.Int(1)), s.Int(2), s.OptInt(3), s.Text(4)});
  }
  return out;
}

std::vector<Facility> Workspace::Facilities(const std::string& kode) const {
  std::vector<Facility> out;
  const std::string columns =
      "SELECT kode, nama, jenis, rawat_inap, rawat_inap_asumsi, kategori_wilayah, "
      "kategori_asumsi, asumsi_dasar, kode_desa, kode_kecamatan, kode_kecamatan_bps, "
      "kode_kabupaten_bps, alamat, lon, lat, status, bpjs, akreditasi, sumber_berkas, "
      "sumber_baris FROM facilities ";
  Statement s = conn_->Prepare(columns + (kode.empty() ? "ORDER BY kode" : "WHERE kode = ?"));
  if (!kode.empty()) s.Bind(1, kode);
  while (s.Step()) {
    Facility f;
    f.kode = s.Text(0);
    f.nama = s.Text(1);
    f.type = ParseFacilityType(s.Text(2)).value_or(FacilityType::kLainnya);
    if (auto v = s.OptInt(3)) f.rawat_inap = *v != 0;
    f.rawat_inap_assumed = s.Int(4) != 0;
    if (!s.IsNull(5)) f.area = ParseArea(s.Text(5));
    f.area_assumed = s.Int(6) != 0;
    f.assumption_basis = s.Text(7);
    f.kode_desa = s.Text(8);
    f.kode_kecamatan = s.Text(9);
    f.kode_kecamatan_bps = s.Text(10);
    f.kode_kabupaten_bps = s.Text(11);
    f.alamat = s.Text(12);
    f.lon = s.OptReal(13);
    f.lat = s.OptReal(14);
    f.status = ParseStatus(s.Text(15)).value_or(FacilityStatus::kBuka);
    if (auto v = s.OptInt(16)) f.bpjs = *v != 0;
    f.akreditasi = s.Text(17);
    f.source_file = s.Text(18);
    f.source_line = s.OptInt(19).value_or(0);
    out.push_back(std::move(f));
  }
  return out;
}

std::expected<void, Error> Workspace::ImportRegions(const ImportRecord& rec,
                                                    const std::vector<Region>& regions,
                                                    const std::vector<Diagnostic>& warnings,
                                                    bool with_boundaries, bool with_bps) {
  return WriteImport(rec, warnings, [&] {
    std::string set =
        "nama=excluded.nama, tingkat=excluded.tingkat, kode_induk=excluded.kode_induk";
    if (with_bps) set += ", kode_bps=excluded.kode_bps";
    if (with_boundaries) {
      set +=
          ", geom=excluded.geom, centroid_lon=excluded.centroid_lon, "
          "centroid_lat=excluded.centroid_lat";
    }
    Statement up = conn_->Prepare(
        "INSERT INTO regions(kode, nama, tingkat, kode_induk, kode_bps, geom, centroid_lon, "
        "centroid_lat) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(kode) DO UPDATE SET " +
        set);
    std::set<std::string> touched;
    int64_t n = 0;
    for (const Region& r : regions) {
      up.Bind(1, r.kode).Bind(2, r.nama).Bind(3, LevelKey(r.level));
      up.BindText(4, ParentCode(r.kode)).BindText(5, r.kode_bps).BindBlob(6, r.geometry_wkb);
      up.Bind(7, r.centroid_lon).Bind(8, r.centroid_lat);
      up.Run();
      touched.insert(r.kode);
      MaybeInjectKill(++n);
    }
    return touched;
  });
}

std::expected<void, Error> Workspace::ImportPopulation(const ImportRecord& rec,
                                                       const std::vector<PopulationRecord>& rows,
                                                       const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement up = conn_->Prepare(
        "INSERT INTO population(kode_wilayah, tahun, penduduk, jumlah_kk, sumber) "
        "VALUES (?,?,?,?,?) ON CONFLICT(kode_wilayah, tahun) DO UPDATE SET "
        "penduduk=excluded.penduduk, jumlah_kk=excluded.jumlah_kk, sumber=excluded.sumber");
    std::set<std::string> touched;
    int64_t n = 0;
    for (const PopulationRecord& p : rows) {
      up.Bind(1, p.kode_wilayah).Bind(2, int64_t{p.tahun}).Bind(3, p.penduduk);
      up.Bind(4, p.jumlah_kk).BindText(5, p.sumber).Run();
      touched.insert(p.kode_wilayah);
      MaybeInjectKill(++n);
    }
    return touched;
  });
}

std::expected<void, Error> Workspace::ImportFacilities(const ImportRecord& rec,
                                                       const std::vector<Facility>& facilities,
                                                       bool with_counts,
                                                       const std::vector<StaffCount>& counts,
                                                       const std::vector<Diagnostic>& warnings,
                                                       const FacilityFields& fields) {
  return WriteImport(rec, warnings,
                     [&] { return WriteFacilities(facilities, with_counts, counts, fields); });
}

std::set<std::string> Workspace::WriteFacilities(const std::vector<Facility>& facilities,
                                                 bool with_counts,
                                                 const std::vector<StaffCount>& counts,
                                                 const FacilityFields& fields) {
  // An imported value replaces an assumption; an absent one keeps what the workspace has. Of
  // the plain fields only those the file carries change.
  std::string plain;
  auto keep_unless = [&plain](bool present, const char* column) {
    if (present) plain += std::string(column) + "=excluded." + column + ", ";
  };
  keep_unless(fields.kode_desa, "kode_desa");
  keep_unless(fields.kode_kecamatan, "kode_kecamatan");
  keep_unless(fields.kode_kecamatan_bps, "kode_kecamatan_bps");
  keep_unless(fields.kode_kabupaten_bps, "kode_kabupaten_bps");
  keep_unless(fields.alamat, "alamat");
  keep_unless(fields.coordinates, "lon");
  keep_unless(fields.coordinates, "lat");
  keep_unless(fields.status, "status");
  Statement up = conn_->Prepare(
      "INSERT INTO facilities(kode, nama, jenis, rawat_inap, kategori_wilayah, kode_desa, "
      "kode_kecamatan, kode_kecamatan_bps, kode_kabupaten_bps, alamat, lon, lat, status, bpjs, "
      "akreditasi, sumber_berkas, sumber_baris) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT(kode) DO UPDATE SET nama=excluded.nama, jenis=excluded.jenis, "
      "rawat_inap=coalesce(excluded.rawat_inap, facilities.rawat_inap), "
      "rawat_inap_asumsi=CASE WHEN excluded.rawat_inap IS NULL THEN facilities.rawat_inap_asumsi "
      "ELSE 0 END, "
      "kategori_wilayah=coalesce(excluded.kategori_wilayah, facilities.kategori_wilayah), "
      "kategori_asumsi=CASE WHEN excluded.kategori_wilayah IS NULL THEN "
      "facilities.kategori_asumsi ELSE 0 END, " +
      plain +
      "bpjs=coalesce(excluded.bpjs, facilities.bpjs), "
      "akreditasi=coalesce(excluded.akreditasi, facilities.akreditasi), "
      "sumber_berkas=excluded.sumber_berkas, sumber_baris=excluded.sumber_baris");
  std::set<std::string> touched;
  int64_t n = 0;
  for (const Facility& f : facilities) {
    up.Bind(1, f.kode).Bind(2, f.nama).Bind(3, TypeKey(f.type)).Bind(4, OptBool(f.rawat_inap));
    if (f.area) {
      up.Bind(5, AreaKey(*f.area));
    } else {
      up.BindNull(5);
    }
    up.BindText(6, f.kode_desa).BindText(7, f.kode_kecamatan).BindText(8, f.kode_kecamatan_bps);
    up.BindText(9, f.kode_kabupaten_bps).BindText(10, f.alamat).Bind(11, f.lon).Bind(12, f.lat);
    up.Bind(13, StatusKey(f.status)).Bind(14, OptBool(f.bpjs)).BindText(15, f.akreditasi);
    up.BindText(16, f.source_file).Bind(17, f.source_line).Run();
    touched.insert(f.kode);
    MaybeInjectKill(++n);
  }
  if (with_counts) {
    Statement del = conn_->Prepare("DELETE FROM staff_counts WHERE kode_faskes = ?");
    for (const auto& kode : touched) del.Bind(1, kode).Run();
    Statement ins = conn_->Prepare(
        "INSERT INTO staff_counts(kode_faskes, jenis_tenaga, status_kepegawaian, jumlah) "
        "VALUES (?,?,?,?)");
    for (const StaffCount& c : counts) {
      ins.Bind(1, c.kode_faskes).Bind(2, c.cadre).Bind(3, EmploymentKey(c.employment));
      ins.Bind(4, c.jumlah).Run();
      MaybeInjectKill(++n);
    }
  }
  return touched;
}

std::expected<void, Error> Workspace::ImportAssumptions(const ImportRecord& rec,
                                                        const std::vector<FacilityAssumption>& rows,
                                                        const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] { return WriteAssumptions(rows); });
}

std::set<std::string> Workspace::WriteAssumptions(const std::vector<FacilityAssumption>& rows) {
  Statement up = conn_->Prepare(
      "UPDATE facilities SET "
      "rawat_inap = coalesce(?2, rawat_inap), "
      "rawat_inap_asumsi = CASE WHEN ?2 IS NULL THEN rawat_inap_asumsi ELSE 1 END, "
      "kategori_wilayah = coalesce(?3, kategori_wilayah), "
      "kategori_asumsi = CASE WHEN ?3 IS NULL THEN kategori_asumsi ELSE 1 END, "
      "asumsi_dasar = ?4 WHERE kode = ?1");
  std::set<std::string> touched;
  int64_t n = 0;
  for (const FacilityAssumption& a : rows) {
    up.Bind(1, a.kode_faskes).Bind(2, OptBool(a.rawat_inap));
    if (a.area) {
      up.Bind(3, AreaKey(*a.area));
    } else {
      up.BindNull(3);
    }
    up.BindText(4, a.basis).Run();
    touched.insert(a.kode_faskes);
    MaybeInjectKill(++n);
  }
  return touched;
}

std::expected<void, Error> Workspace::ImportRegistry(const ImportRecord& rec,
                                                     const RegistryBatch& batch,
                                                     const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    std::set<std::string> touched = WriteFacilities(batch.facilities, false, {}, batch.fields);
    touched.merge(WriteAssumptions(batch.assumptions));
    touched.merge(WriteStaff(rec, batch.staff, batch.rosters));
    return touched;
  });
}

}  // namespace jangkau::store
