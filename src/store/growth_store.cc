// Growth measurements in the workspace (schema version 7): one row per child and measurement
// date; a re-import of the same child and date replaces the row.
#include <set>

#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

constexpr const char* kGrowthColumns =
    "anak, nik, nama, jk, tgl_lahir, tanggal_ukur, nama_ortu, kecamatan, puskesmas, desa, "
    "posyandu, kode_desa, berat, tinggi, cara_ukur, lila, oedema, zs_bb_u, zs_tb_u, zs_bb_tb, "
    "baris";

}  // namespace

std::expected<void, Error> Workspace::ImportGrowth(const ImportRecord& rec,
                                                   const std::vector<GrowthRecord>& records,
                                                   const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement ins =
        conn_->Prepare(ReplaceInto("growth_measurements", kGrowthColumns, "anak, tanggal_ukur"));
    int64_t n = 0;
    for (const GrowthRecord& r : records) {
      ins.Bind(1, r.anak).Bind(2, r.nik).Bind(3, r.nama).Bind(4, int64_t{r.jk});
      ins.Bind(5, r.tgl_lahir.Iso()).Bind(6, r.tanggal_ukur.Iso()).Bind(7, r.nama_ortu);
      ins.Bind(8, r.kecamatan).Bind(9, r.puskesmas).Bind(10, r.desa).Bind(11, r.posyandu);
      ins.Bind(12, r.kode_desa).Bind(13, r.berat).Bind(14, r.tinggi);
      if (r.cara_ukur) {
        ins.Bind(15, std::string_view(&*r.cara_ukur, 1));
      } else {
        ins.BindNull(15);
      }
      ins.Bind(16, r.lila).Bind(17, int64_t{r.oedema ? 1 : 0});
      ins.Bind(18, r.zs_bb_u).Bind(19, r.zs_tb_u).Bind(20, r.zs_bb_tb).Bind(21, r.baris).Run();
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{};
  });
}

std::vector<GrowthRecord> Workspace::GrowthRecords() const {
  std::vector<GrowthRecord> out;
  Statement s = conn_->Prepare(std::string("SELECT ") + kGrowthColumns +
                               " FROM growth_measurements ORDER BY anak, tanggal_ukur");
  while (s.Step()) {
    GrowthRecord r;
    r.anak = s.Text(0);
    r.nik = s.Text(1);
    r.nama = s.Text(2);
    r.jk = static_cast<int>(s.Int(3));
    r.tgl_lahir = Date::Parse(s.Text(4)).value_or(Date{});
    r.tanggal_ukur = Date::Parse(s.Text(5)).value_or(Date{});
    r.nama_ortu = s.Text(6);
    r.kecamatan = s.Text(7);
    r.puskesmas = s.Text(8);
    r.desa = s.Text(9);
    r.posyandu = s.Text(10);
    r.kode_desa = s.Text(11);
    r.berat = s.OptReal(12);
    r.tinggi = s.OptReal(13);
    const std::string cara = s.Text(14);
    if (!cara.empty()) r.cara_ukur = cara[0];
    r.lila = s.OptReal(15);
    r.oedema = s.Int(16) != 0;
    r.zs_bb_u = s.Text(17);
    r.zs_tb_u = s.Text(18);
    r.zs_bb_tb = s.Text(19);
    r.baris = s.Int(20);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace jangkau::store
