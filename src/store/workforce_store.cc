// Workspace reads and writes of the workforce: cadres, roster, headcounts, equipment and
// service volumes.
#include <set>
#include <utility>

#include "base/text_util.h"
#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

std::string JoinTrainings(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& t : items) {
    if (!out.empty()) out += ';';
    out += t;
  }
  return out;
}

// Deletes the rows of `table` of every facility among the items, the import's own facility and
// `also`, then runs `insert` for each item: the replace-by-facility semantics of the workforce
// imports.
template <typename Items, typename KeyOf, typename BindRow>
std::set<std::string> ReplaceByFacility(Connection& conn, std::string_view table,
                                        const ImportRecord& rec, const Items& items, KeyOf key_of,
                                        std::string_view insert_sql, BindRow bind_row,
                                        const std::vector<std::string>& also = {}) {
  std::set<std::string> facilities(also.begin(), also.end());
  if (!rec.facility.empty()) facilities.insert(rec.facility);
  for (const auto& item : items) facilities.insert(key_of(item));
  Statement del = conn.Prepare("DELETE FROM " + std::string(table) + " WHERE kode_faskes = ?");
  for (const auto& kode : facilities) del.Bind(1, kode).Run();
  Statement ins = conn.Prepare(insert_sql);
  int64_t n = 0;
  for (const auto& item : items) {
    bind_row(ins, item);
    ins.Run();
    MaybeInjectKill(++n);
  }
  return facilities;
}

}  // namespace

CadreCatalog Workspace::Cadres() const {
  std::vector<Cadre> cadres;
  Statement s =
      conn_->Prepare("SELECT kode, nama, nama_en, rumpun, agregat FROM cadres ORDER BY rowid");
  while (s.Step()) cadres.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4) != 0});
  std::vector<CadreAlias> aliases;
  Statement a = conn_->Prepare("SELECT alias, kode FROM cadre_aliases ORDER BY rowid");
  while (a.Step()) aliases.push_back({a.Text(0), a.Text(1)});
  return CadreCatalog(std::move(cadres), aliases);
}

std::vector<StaffMember> Workspace::Staff(const std::string& kode_faskes) const {
  std::vector<StaffMember> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, nama, nik, jenis_tenaga, status_kepegawaian, tanggal_lahir, jabatan, "
      "pelatihan, str_berlaku_sampai, sumber_baris FROM staff "
      "WHERE ?1 = '' OR kode_faskes = ?1 ORDER BY kode_faskes, id");
  s.Bind(1, kode_faskes);
  while (s.Step()) {
    StaffMember m;
    m.kode_faskes = s.Text(0);
    m.nama = s.Text(1);
    m.nik = s.Text(2);
    m.cadre = s.Text(3);
    m.employment = ParseEmployment(s.Text(4)).value_or(Employment::kTidakDiketahui);
    m.tanggal_lahir = Date::Parse(s.Text(5)).value_or(Date{});
    m.jabatan = s.Text(6);
    m.pelatihan = SplitList(s.Text(7), ';');
    if (!s.IsNull(8)) m.str_berlaku_sampai = Date::Parse(s.Text(8));
    m.source_line = s.OptInt(9).value_or(0);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<StaffCount> Workspace::StaffCounts() const {
  std::vector<StaffCount> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, jenis_tenaga, status_kepegawaian, jumlah FROM staff_counts "
      "ORDER BY kode_faskes, jenis_tenaga, status_kepegawaian");
  while (s.Step()) {
    out.push_back({s.Text(0), s.Text(1),
                   ParseEmployment(s.Text(2)).value_or(Employment::kTidakDiketahui), s.Int(3)});
  }
  return out;
}

std::vector<EquipmentItem> Workspace::Equipment(const std::string& kode_faskes) const {
  std::vector<EquipmentItem> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, kode_alat, nama_alat, kondisi, jumlah FROM equipment "
      "WHERE ?1 = '' OR kode_faskes = ?1 ORDER BY kode_faskes, kode_alat, kondisi");
  s.Bind(1, kode_faskes);
  while (s.Step()) {
    out.push_back({s.Text(0), s.Text(1), s.Text(2),
                   ParseCondition(s.Text(3)).value_or(Condition::kBaik), s.Int(4)});
  }
  return out;
}

std::vector<ServiceVolume> Workspace::Services(const std::string& kode_faskes) const {
  std::vector<ServiceVolume> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, tahun, kegiatan, jumlah FROM services "
      "WHERE ?1 = '' OR kode_faskes = ?1 ORDER BY kode_faskes, tahun, kegiatan");
  s.Bind(1, kode_faskes);
  while (s.Step()) out.push_back({s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), s.Int(3)});
  return out;
}

std::expected<void, Error> Workspace::ImportStaff(const ImportRecord& rec,
                                                  const std::vector<StaffMember>& staff,
                                                  const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] { return WriteStaff(rec, staff); });
}

std::set<std::string> Workspace::WriteStaff(const ImportRecord& rec,
                                            const std::vector<StaffMember>& staff,
                                            const std::vector<std::string>& also) {
  return ReplaceByFacility(
      *conn_, "staff", rec, staff, [](const StaffMember& m) { return m.kode_faskes; },
      "INSERT INTO staff(kode_faskes, nama, nik, jenis_tenaga, status_kepegawaian, "
      "tanggal_lahir, jabatan, pelatihan, str_berlaku_sampai, sumber_baris) "
      "VALUES (?,?,?,?,?,?,?,?,?,?)",
      [](Statement& ins, const StaffMember& m) {
        ins.Bind(1, m.kode_faskes).Bind(2, m.nama).BindText(3, m.nik).Bind(4, m.cadre);
        ins.Bind(5, EmploymentKey(m.employment)).Bind(6, m.tanggal_lahir.Iso());
        ins.BindText(7, m.jabatan).BindText(8, JoinTrainings(m.pelatihan));
        if (m.str_berlaku_sampai) {
          ins.Bind(9, m.str_berlaku_sampai->Iso());
        } else {
          ins.BindNull(9);
        }
        ins.Bind(10, m.source_line);
      },
      also);
}

std::expected<void, Error> Workspace::ImportStaffCounts(const ImportRecord& rec,
                                                        const std::vector<StaffCount>& counts,
                                                        const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    return ReplaceByFacility(
        *conn_, "staff_counts", rec, counts, [](const StaffCount& c) { return c.kode_faskes; },
        "INSERT INTO staff_counts(kode_faskes, jenis_tenaga, status_kepegawaian, jumlah) "
        "VALUES (?,?,?,?)",
        [](Statement& ins, const StaffCount& c) {
          ins.Bind(1, c.kode_faskes).Bind(2, c.cadre).Bind(3, EmploymentKey(c.employment));
          ins.Bind(4, c.jumlah);
        });
  });
}

std::expected<void, Error> Workspace::ImportEquipment(const ImportRecord& rec,
                                                      const std::vector<EquipmentItem>& items,
                                                      const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    return ReplaceByFacility(
        *conn_, "equipment", rec, items, [](const EquipmentItem& e) { return e.kode_faskes; },
        "INSERT INTO equipment(kode_faskes, kode_alat, nama_alat, kondisi, jumlah) "
        "VALUES (?,?,?,?,?)",
        [](Statement& ins, const EquipmentItem& e) {
          ins.Bind(1, e.kode_faskes).Bind(2, e.kode_alat).BindText(3, e.nama_alat);
          ins.Bind(4, ConditionKey(e.kondisi)).Bind(5, e.jumlah);
        });
  });
}

std::expected<void, Error> Workspace::ImportServices(const ImportRecord& rec,
                                                     const std::vector<ServiceVolume>& rows,
                                                     const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    std::set<std::pair<std::string, int>> years;
    for (const auto& r : rows) years.emplace(r.kode_faskes, r.tahun);
    Statement del = conn_->Prepare("DELETE FROM services WHERE kode_faskes = ? AND tahun = ?");
    for (const auto& [kode, tahun] : years) del.Bind(1, kode).Bind(2, int64_t{tahun}).Run();
    if (!rec.facility.empty()) {
      Statement all = conn_->Prepare("DELETE FROM services WHERE kode_faskes = ?");
      all.Bind(1, rec.facility).Run();
    }
    Statement ins = conn_->Prepare(
        "INSERT INTO services(kode_faskes, tahun, kegiatan, jumlah) VALUES (?,?,?,?)");
    std::set<std::string> touched;
    if (!rec.facility.empty()) touched.insert(rec.facility);
    int64_t n = 0;
    for (const auto& r : rows) {
      ins.Bind(1, r.kode_faskes).Bind(2, int64_t{r.tahun}).Bind(3, r.kegiatan).Bind(4, r.jumlah);
      ins.Run();
      touched.insert(r.kode_faskes);
      MaybeInjectKill(++n);
    }
    return touched;
  });
}

std::expected<void, Error> Workspace::MergeServices(const ImportRecord& rec,
                                                    const std::vector<ServiceVolume>& rows,
                                                    const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement up = conn_->Prepare(
        "INSERT INTO services(kode_faskes, tahun, kegiatan, jumlah) VALUES (?,?,?,?) "
        "ON CONFLICT(kode_faskes, tahun, kegiatan) DO UPDATE SET jumlah = excluded.jumlah");
    std::set<std::string> touched;
    int64_t n = 0;
    for (const auto& r : rows) {
      up.Bind(1, r.kode_faskes).Bind(2, int64_t{r.tahun}).Bind(3, r.kegiatan).Bind(4, r.jumlah);
      up.Run();
      touched.insert(r.kode_faskes);
      MaybeInjectKill(++n);
    }
    return touched;
  });
}

}  // namespace jangkau::store
