#include "report/workspace_tables.h"

#include <cstring>

namespace jangkau::report {
namespace {

Cell Text(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }
Cell Opt(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }
Cell Opt(const std::optional<int64_t>& v) { return v ? Cell{*v} : Cell{}; }
Cell YesNo(const std::optional<bool>& v) { return v ? Cell{*v} : Cell{}; }

}  // namespace

std::string PointWkb(double lon, double lat) {
  std::string wkb(21, '\0');
  wkb[0] = 1;  // little-endian
  const uint32_t type = 1;
  std::memcpy(&wkb[1], &type, 4);
  std::memcpy(&wkb[5], &lon, 8);
  std::memcpy(&wkb[13], &lat, 8);
  return wkb;
}

Table RegionsTable(const std::vector<Region>& regions, bool with_geometry) {
  Table t{"wilayah", {"kode", "nama", "tingkat", "kode_bps", "centroid_lon", "centroid_lat"}};
  for (const Region& r : regions) {
    t.rows.push_back({r.kode, r.nama, std::string(LevelKey(r.level)), Text(r.kode_bps),
                      Opt(r.centroid_lon), Opt(r.centroid_lat)});
    if (with_geometry) t.geometry_wkb.push_back(r.geometry_wkb);
  }
  return t;
}

Table PopulationTable(const std::vector<PopulationRecord>& rows) {
  Table t{"penduduk", {"kode_wilayah", "tahun", "penduduk", "jumlah_kk", "sumber"}};
  for (const auto& p : rows) {
    t.rows.push_back(
        {p.kode_wilayah, int64_t{p.tahun}, p.penduduk, Opt(p.jumlah_kk), Text(p.sumber)});
  }
  return t;
}

Table FacilitiesTable(const std::vector<Facility>& facilities, bool with_geometry, Lang lang) {
  Table t{"fasyankes",
          {"kode_faskes", "nama_faskes", "jenis_faskes", "rawat_inap", "kategori_wilayah",
           "asumsi_rawat_inap", "asumsi_kategori_wilayah", "kode_kecamatan", "kode_desa",
           "kode_kec_bps", "kode_kab_bps", "alamat", "lat", "lon", "status", "bpjs", "akreditasi",
           "dasar_asumsi"}};
  bool any_assumed = false;
  for (const Facility& f : facilities) {
    const std::optional<bool> ri_fact = f.rawat_inap_assumed ? std::nullopt : f.rawat_inap;
    const std::optional<bool> ri_assumed = f.rawat_inap_assumed ? f.rawat_inap : std::nullopt;
    Cell area_fact;
    Cell area_assumed;
    if (f.area) (f.area_assumed ? area_assumed : area_fact) = std::string(AreaKey(*f.area));
    any_assumed = any_assumed || f.rawat_inap_assumed || f.area_assumed;
    t.rows.push_back({f.kode, f.nama, std::string(TypeKey(f.type)), YesNo(ri_fact), area_fact,
                      YesNo(ri_assumed), area_assumed, Text(f.kode_kecamatan), Text(f.kode_desa),
                      Text(f.kode_kecamatan_bps), Text(f.kode_kabupaten_bps), Text(f.alamat),
                      Opt(f.lat), Opt(f.lon), std::string(StatusKey(f.status)), YesNo(f.bpjs),
                      Text(f.akreditasi),
                      Text(f.rawat_inap_assumed || f.area_assumed ? f.assumption_basis : "")});
    if (with_geometry) t.geometry_wkb.push_back(f.lon && f.lat ? PointWkb(*f.lon, *f.lat) : "");
  }
  if (any_assumed) {
    t.note = lang == Lang::kEn
                 ? "Columns asumsi_*: ASSUMPTIONS, not data; the district must confirm or "
                   "correct them (import a corrected facility file)."
                 : "Kolom asumsi_*: ASUMSI, bukan data; Dinkes perlu memastikan atau "
                   "mengoreksinya (impor berkas fasyankes yang sudah dikoreksi).";
  }
  return t;
}

Table StaffTable(const std::vector<StaffMember>& staff) {
  Table t{"tenaga",
          {"kode_faskes", "nama", "nik", "jenis_tenaga", "status_kepegawaian", "tanggal_lahir",
           "jabatan", "pelatihan", "str_berlaku_sampai"}};
  for (const StaffMember& m : staff) {
    std::string trainings;
    for (const auto& p : m.pelatihan) trainings += (trainings.empty() ? "" : ";") + p;
    t.rows.push_back({m.kode_faskes, m.nama, Text(m.nik), m.cadre,
                      std::string(EmploymentKey(m.employment)), m.tanggal_lahir.Iso(),
                      Text(m.jabatan), Text(trainings),
                      m.str_berlaku_sampai ? Cell{m.str_berlaku_sampai->Iso()} : Cell{}});
  }
  return t;
}

Table StaffCountsTable(const std::vector<StaffCount>& counts) {
  Table t{"jumlah_tenaga", {"kode_faskes", "jenis_tenaga", "status_kepegawaian", "jumlah"}};
  for (const StaffCount& c : counts) {
    t.rows.push_back({c.kode_faskes, c.cadre, std::string(EmploymentKey(c.employment)), c.jumlah});
  }
  return t;
}

Table EquipmentTable(const std::vector<EquipmentItem>& items) {
  Table t{"alat", {"kode_faskes", "kode_alat", "nama_alat", "kondisi", "jumlah"}};
  for (const EquipmentItem& e : items) {
    t.rows.push_back({e.kode_faskes, e.kode_alat, Text(e.nama_alat),
                      std::string(ConditionKey(e.kondisi)), e.jumlah});
  }
  return t;
}

Table ServicesTable(const std::vector<ServiceVolume>& rows) {
  Table t{"layanan", {"kode_faskes", "tahun", "kegiatan", "jumlah"}};
  for (const ServiceVolume& s : rows) {
    t.rows.push_back({s.kode_faskes, int64_t{s.tahun}, s.kegiatan, s.jumlah});
  }
  return t;
}

Table CadresTable(const std::vector<Cadre>& cadres) {
  Table t{"jenis_tenaga", {"kode", "nama", "nama_en", "rumpun", "agregat"}};
  for (const Cadre& c : cadres) {
    t.rows.push_back({c.kode, c.nama, c.nama_en, c.rumpun, c.aggregate});
  }
  return t;
}

Table WarningsTable(const std::vector<Diagnostic>& warnings, Lang lang) {
  Table t{"peringatan", {"berkas", "baris", "kolom", "entitas", "kode", "pesan"}};
  for (const Diagnostic& d : warnings) {
    t.rows.push_back({Text(d.file), d.line > 0 ? Cell{d.line} : Cell{},
                      d.column > 0 ? Cell{int64_t{d.column}} : Cell{}, Text(d.entity),
                      std::string(MsgCode(d.msg)), Tr(lang, d.msg, d.args)});
  }
  return t;
}

Table AuditTable(const std::vector<AuditEntry>& entries) {
  Table t{"log_audit", {"id", "waktu", "pengguna", "aksi", "entitas", "kunci", "rincian"}};
  for (const auto& e : entries) {
    t.rows.push_back(
        {e.id, e.waktu, e.pengguna, e.aksi, e.entitas, Text(e.kunci), Text(e.rincian)});
  }
  return t;
}

}  // namespace jangkau::report
