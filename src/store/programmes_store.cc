// STBM per desa, JKN membership and the Germas checklist (schema version 8): one row per desa and
// date, per region and date, per kabupaten and item; a re-import of the same key replaces it.
#include <set>

#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

constexpr const char* kStbmColumns =
    "kode_desa, tanggal, kk, kk_jsp, kk_jssp, kk_sharing, kk_babs, sbs_deklarasi, "
    "tanggal_deklarasi, sbs_verifikasi, tanggal_verifikasi, kk_ctps, kk_pammrt, kk_sampah, "
    "kk_limbah, kk_3_pilar, sumber, baris";
constexpr const char* kJknColumns =
    "kode_wilayah, tanggal, penduduk, peserta, pbi_jk, pbpu_pemda, pbpu_mandiri, bp, ppu_pn, "
    "ppu_bu, peserta_aktif, persen_aktif, cakupan_dilaporkan, uhc_prioritas, iuran_pemda_lunas, "
    "sumber, baris";
constexpr const char* kGermasColumns = "kode_wilayah, butir, status, dasar, tanggal, sumber, baris";

Statement& BindDate(Statement& s, int index, const std::optional<Date>& d) {
  return d ? s.Bind(index, d->Iso()) : s.BindNull(index);
}

Statement& BindFlag(Statement& s, int index, const std::optional<bool>& b) {
  return b ? s.Bind(index, int64_t{*b ? 1 : 0}) : s.BindNull(index);
}

std::optional<Date> OptDate(const Statement& s, int column) {
  const std::string text = s.Text(column);
  return text.empty() ? std::nullopt : Date::Parse(text);
}

std::optional<bool> OptFlag(const Statement& s, int column) {
  const auto v = s.OptInt(column);
  return v ? std::optional<bool>(*v != 0) : std::nullopt;
}

std::string_view StatusKey(GermasStatus s) {
  switch (s) {
    case GermasStatus::kYa:
      return "ya";
    case GermasStatus::kSebagian:
      return "sebagian";
    case GermasStatus::kTidak:
      return "tidak";
  }
  return "tidak";
}

}  // namespace

std::expected<void, Error> Workspace::ImportStbm(const ImportRecord& rec,
                                                 const std::vector<StbmDesa>& rows,
                                                 const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement ins = conn_->Prepare(ReplaceInto("stbm_desa", kStbmColumns, "kode_desa, tanggal"));
    int64_t n = 0;
    for (const StbmDesa& d : rows) {
      ins.Bind(1, d.kode_desa).Bind(2, d.tanggal.Iso()).Bind(3, d.kk).Bind(4, d.kk_jsp);
      ins.Bind(5, d.kk_jssp).Bind(6, d.kk_sharing).Bind(7, d.kk_babs);
      ins.Bind(8, int64_t{d.sbs_deklarasi ? 1 : 0});
      BindDate(ins, 9, d.tanggal_deklarasi).Bind(10, int64_t{d.sbs_verifikasi ? 1 : 0});
      BindDate(ins, 11, d.tanggal_verifikasi).Bind(12, d.kk_ctps).Bind(13, d.kk_pammrt);
      ins.Bind(14, d.kk_sampah).Bind(15, d.kk_limbah).Bind(16, d.kk_3_pilar);
      ins.Bind(17, d.sumber).Bind(18, d.baris).Run();
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{};
  });
}

std::vector<StbmDesa> Workspace::Stbm() const {
  std::vector<StbmDesa> out;
  Statement s = conn_->Prepare(std::string("SELECT ") + kStbmColumns +
                               " FROM stbm_desa ORDER BY kode_desa, tanggal");
  while (s.Step()) {
    StbmDesa d;
    d.kode_desa = s.Text(0);
    d.tanggal = Date::Parse(s.Text(1)).value_or(Date{});
    d.kk = s.Int(2);
    d.kk_jsp = s.OptInt(3);
    d.kk_jssp = s.OptInt(4);
    d.kk_sharing = s.OptInt(5);
    d.kk_babs = s.OptInt(6);
    d.sbs_deklarasi = s.Int(7) != 0;
    d.tanggal_deklarasi = OptDate(s, 8);
    d.sbs_verifikasi = s.Int(9) != 0;
    d.tanggal_verifikasi = OptDate(s, 10);
    d.kk_ctps = s.OptInt(11);
    d.kk_pammrt = s.OptInt(12);
    d.kk_sampah = s.OptInt(13);
    d.kk_limbah = s.OptInt(14);
    d.kk_3_pilar = s.OptInt(15);
    d.sumber = s.Text(16);
    d.baris = s.Int(17);
    out.push_back(std::move(d));
  }
  return out;
}

std::expected<void, Error> Workspace::ImportJkn(const ImportRecord& rec,
                                                const std::vector<JknRecord>& rows,
                                                const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement ins =
        conn_->Prepare(ReplaceInto("jkn_kepesertaan", kJknColumns, "kode_wilayah, tanggal"));
    int64_t n = 0;
    for (const JknRecord& r : rows) {
      ins.Bind(1, r.kode_wilayah).Bind(2, r.tanggal.Iso()).Bind(3, r.penduduk).Bind(4, r.peserta);
      ins.Bind(5, r.pbi_jk).Bind(6, r.pbpu_pemda).Bind(7, r.pbpu_mandiri).Bind(8, r.bp);
      ins.Bind(9, r.ppu_pn).Bind(10, r.ppu_bu).Bind(11, r.peserta_aktif);
      ins.Bind(12, r.persen_aktif).Bind(13, r.cakupan_dilaporkan);
      BindFlag(ins, 14, r.uhc_prioritas);
      BindFlag(ins, 15, r.iuran_pemda_lunas).Bind(16, r.sumber).Bind(17, r.baris).Run();
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{};
  });
}

std::vector<JknRecord> Workspace::Jkn() const {
  std::vector<JknRecord> out;
  Statement s = conn_->Prepare(std::string("SELECT ") + kJknColumns +
                               " FROM jkn_kepesertaan ORDER BY kode_wilayah, tanggal");
  while (s.Step()) {
    JknRecord r;
    r.kode_wilayah = s.Text(0);
    r.tanggal = Date::Parse(s.Text(1)).value_or(Date{});
    r.penduduk = s.OptInt(2);
    r.peserta = s.OptInt(3);
    r.pbi_jk = s.OptInt(4);
    r.pbpu_pemda = s.OptInt(5);
    r.pbpu_mandiri = s.OptInt(6);
    r.bp = s.OptInt(7);
    r.ppu_pn = s.OptInt(8);
    r.ppu_bu = s.OptInt(9);
    r.peserta_aktif = s.OptInt(10);
    r.persen_aktif = s.OptReal(11);
    r.cakupan_dilaporkan = s.OptReal(12);
    r.uhc_prioritas = OptFlag(s, 13);
    r.iuran_pemda_lunas = OptFlag(s, 14);
    r.sumber = s.Text(15);
    r.baris = s.Int(16);
    out.push_back(std::move(r));
  }
  return out;
}

std::expected<void, Error> Workspace::ImportGermas(const ImportRecord& rec,
                                                   const std::vector<GermasItem>& items,
                                                   const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement ins =
        conn_->Prepare(ReplaceInto("germas_checklist", kGermasColumns, "kode_wilayah, butir"));
    int64_t n = 0;
    for (const GermasItem& g : items) {
      ins.Bind(1, g.kode_wilayah).Bind(2, g.butir).Bind(3, StatusKey(g.status));
      ins.Bind(4, g.dasar);
      BindDate(ins, 5, g.tanggal).Bind(6, g.sumber).Bind(7, g.baris).Run();
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{};
  });
}

std::vector<GermasItem> Workspace::Germas() const {
  std::vector<GermasItem> out;
  Statement s = conn_->Prepare(std::string("SELECT ") + kGermasColumns +
                               " FROM germas_checklist ORDER BY kode_wilayah, butir");
  while (s.Step()) {
    GermasItem g;
    g.kode_wilayah = s.Text(0);
    g.butir = s.Text(1);
    const std::string status = s.Text(2);
    g.status = status == "ya"         ? GermasStatus::kYa
               : status == "sebagian" ? GermasStatus::kSebagian
                                      : GermasStatus::kTidak;
    g.dasar = s.Text(3);
    g.tanggal = OptDate(s, 4);
    g.sumber = s.Text(5);
    g.baris = s.Int(6);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace jangkau::store
