// e-PPGBM exports (Sigizi Terpadu, the posyandu measurements "by name by address"), as they
// really are: NIK as text, comma decimals, day-first dates, the `Pukesmas` header, HTML tables
// saved as .xls (read by TableReader). Rules in docs/programmes.md.
#include <string>
#include <unordered_map>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

std::optional<int> Sex(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k == "l" || k == "laki_laki" || k == "lk" || k == "1" || k == "m") return 1;
  if (k == "p" || k == "perempuan" || k == "pr" || k == "2" || k == "f") return 2;
  return std::nullopt;
}

std::optional<char> Position(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k == "berdiri" || k == "h" || k == "tinggi_badan") return 'h';
  if (k == "terlentang" || k == "telentang" || k == "berbaring" || k == "l" ||
      k == "panjang_badan") {
    return 'l';
  }
  return std::nullopt;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::vector<GrowthRecord> ReadGrowth(TableReader& in, const ImportContext& /*ctx*/,
                                     Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_nik = cols.Required({"nik"});
  const int c_nama = cols.Required({"nama", "nama_anak", "nama_balita"});
  const int c_jk = cols.Required({"jk", "jenis_kelamin"});
  const int c_lahir = cols.Required({"tgl_lahir", "tanggal_lahir"});
  const int c_ortu = cols.Optional({"nama_ortu", "nama_orang_tua", "nama_ibu"});
  const int c_kec = cols.Optional({"kec", "kecamatan"});
  const int c_pkm = cols.Optional({"pukesmas", "puskesmas"});
  const int c_desa = cols.Optional({"desa_kel", "desa", "kelurahan", "desa_kelurahan"});
  const int c_posyandu = cols.Optional({"posyandu"});
  const int c_ukur = cols.Required({"tanggal_pengukuran", "tgl_pengukuran", "tanggal_ukur"});
  const int c_berat = cols.Optional({"berat", "bb", "berat_badan"});
  const int c_tinggi = cols.Optional({"tinggi", "tb", "tinggi_badan"});
  const int c_cara = cols.Optional({"cara_ukur"});
  const int c_lila = cols.Optional({"lila"});
  const int c_oedema = cols.Optional({"oedema", "edema"});
  const int c_zbbu = cols.Optional({"zs_bb_u"});
  const int c_ztbu = cols.Optional({"zs_tb_u"});
  const int c_zbbtb = cols.Optional({"zs_bb_tb"});
  std::vector<GrowthRecord> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;

  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    GrowthRecord r;
    r.baris = row.line;
    bool ok = true;
    r.nik = std::string(f.Text(c_nik));
    if (!r.nik.empty() && (r.nik.size() != 16 || !AllDigits(r.nik))) {
      // A NIK stored as a number loses its digits (1.60701E+15) or its leading zeros.
      f.Error(c_nik, Msg::kBadNik, {std::string(f.Name(c_nik)), r.nik});
      ok = false;
    }
    r.nama = std::string(f.Text(c_nama));
    r.nama_ortu = std::string(f.Text(c_ortu));
    const auto sex = f.Choice(c_jk, true, Sex, "L, P");
    const auto born = f.DateField(c_lahir, true);
    const auto measured = f.DateField(c_ukur, true);
    if (!sex || !born || !measured) ok = false;
    if (born && measured && *measured < *born) {
      f.Error(c_ukur, Msg::kMeasuredBeforeBirth, {measured->Iso(), born->Iso()});
      ok = false;
    }
    if (r.nik.empty() && r.nama.empty()) {
      f.Error(c_nama, Msg::kEmptyValue, {std::string(f.Name(c_nama))});
      ok = false;
    }
    auto number = [&](int col) {
      const auto v = f.Decimal(col, ok);
      if (v && *v < 0) {
        f.Error(col, Msg::kNegative, {std::string(f.Name(col)), std::string(f.Text(col))});
        ok = false;
      }
      return v;
    };
    r.berat = number(c_berat);
    r.tinggi = number(c_tinggi);
    r.lila = number(c_lila);
    r.cara_ukur = f.Choice(c_cara, false, Position, "berdiri, terlentang");
    if (c_cara != 0 && !f.Text(c_cara).empty() && !r.cara_ukur) ok = false;
    if (c_oedema != 0 && !f.Text(c_oedema).empty()) {
      const std::string k = NormalizeKey(f.Text(c_oedema));
      if (k == "ya" || k == "y" || k == "1") {
        r.oedema = true;
      } else if (k != "tidak" && k != "n" && k != "2") {
        f.Error(c_oedema, Msg::kBadChoice, {"oedema", std::string(f.Text(c_oedema)), "ya, tidak"});
        ok = false;
      }
    }
    r.kecamatan = std::string(f.Text(c_kec));
    r.puskesmas = std::string(f.Text(c_pkm));
    r.desa = std::string(f.Text(c_desa));
    r.posyandu = std::string(f.Text(c_posyandu));
    r.zs_bb_u = std::string(f.Text(c_zbbu));
    r.zs_tb_u = std::string(f.Text(c_ztbu));
    r.zs_bb_tb = std::string(f.Text(c_zbbtb));
    if (!ok) return;
    r.jk = *sex;
    r.tgl_lahir = *born;
    r.tanggal_ukur = *measured;
    r.anak = !r.nik.empty() ? r.nik : r.nama + "|" + born->Iso() + "|" + r.nama_ortu;
    const std::string key = r.anak + "@" + measured->Iso();
    if (!f.Unique(seen, key, c_ukur, (r.nik.empty() ? r.nama : r.nik) + " " + measured->Iso())) {
      return;
    }
    out.push_back(std::move(r));
  });
  return out;
}

}  // namespace jangkau::ingest
