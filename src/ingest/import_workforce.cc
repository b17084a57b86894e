// Importers of what facilities report: staff roster, headcounts, equipment, service volumes; and
// the district's approved formasi per facility and cadre.
#include <algorithm>
#include <array>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
std::optional<std::string> FacilityCode(RowFields& f, int col, const ImportContext& ctx) {
  auto kode = f.Required(col);
  if (kode && !ctx.only_facility.empty() && *kode != ctx.only_facility) {
    f.Error(col, Msg::kOtherFacility, {std::string(f.Name(col)), *kode, ctx.only_facility});
    return std::nullopt;
  }
  if (kode && !ctx.facility_codes.contains(*kode)) {
    f.Error(col, Msg::kUnknownFacility, {std::string(f.Name(col)), *kode});
    return std::nullopt;
  }
  return kode;
}

namespace {

std::optional<std::string> CadreCode(RowFields& f, int col, const ImportContext& ctx) {
  std::string_view text = f.Text(col);
  if (text.empty()) {
    f.Error(col, Msg::kEmptyValue, {std::string(f.Name(col))});
    return std::nullopt;
  }
  auto cadre = ctx.cadres.Normalize(text);
  if (!cadre) f.Error(col, Msg::kUnknownCadre, {std::string(f.Name(col)), std::string(text)});
  return cadre;
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<StaffMember> ReadStaff(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                   const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_faskes = cols.Required({"kode_faskes"});
  const int c_nama = cols.Required({"nama"});
  const int c_jenis = cols.Required({"jenis_tenaga"});
  const int c_status = cols.Required({"status_kepegawaian"});
  const int c_lahir = cols.Required({"tanggal_lahir"});
  const int c_nik = cols.Optional({"nik"});
  const int c_jabatan = cols.Optional({"jabatan"});
  const int c_pelatihan = cols.Optional({"pelatihan"});
  const int c_str = cols.Optional({"str_berlaku_sampai", "masa_berlaku_str"});
  std::vector<StaffMember> out;
  if (diags.has_errors()) return out;
  if (in.RowCountHint() > 0) out.reserve(static_cast<std::size_t>(in.RowCountHint()));

  std::unordered_map<std::string, int64_t> seen_nik;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    StaffMember m;
    auto faskes = FacilityCode(f, c_faskes, ctx);
    auto nama = f.Required(c_nama);
    auto cadre = CadreCode(f, c_jenis, ctx);
    auto employment = f.Choice(c_status, true, ParseEmployment, EmploymentChoices());
    auto lahir = f.DateField(c_lahir, true);
    if (lahir && *lahir > ctx.today) {
      f.Error(c_lahir, Msg::kDateInFuture, {std::string(f.Name(c_lahir)), lahir->Iso()});
      lahir.reset();
    }
    const std::string_view nik = f.Text(c_nik);
    bool nik_ok = true;
    if (!nik.empty()) {
      if (nik.size() != 16 || !AllDigits(nik)) {
        f.Error(c_nik, Msg::kBadNik, {std::string(f.Name(c_nik)), std::string(nik)});
        nik_ok = false;
      } else {
        nik_ok = f.Unique(seen_nik, std::string(nik), c_nik, std::string(nik));
      }
    }
    std::optional<Date> str;
    const std::string_view str_text = f.Text(c_str);
    const std::string str_key = NormalizeKey(str_text);
    if (!str_text.empty() && str_key != "seumur_hidup" && str_key != "selamanya") {
      str = f.DateField(c_str, false);
      if (!str) return;
    }
    if (!faskes || !nama || !cadre || !employment || !lahir || !nik_ok) return;
    if (str && *str < ctx.today) {
      f.Warning(c_str, Msg::kWarnStrExpired, {std::string(f.Name(c_str)), *nama, str->Iso()},
                *faskes);
    }
    m.kode_faskes = std::move(*faskes);
    m.nama = std::move(*nama);
    m.nik = std::string(nik);
    m.cadre = std::move(*cadre);
    m.employment = *employment;
    m.tanggal_lahir = *lahir;
    m.jabatan = std::string(f.Text(c_jabatan));
    m.pelatihan = SplitList(f.Text(c_pelatihan),
                            f.Text(c_pelatihan).find(';') != std::string_view::npos ? ';' : ',');
    m.str_berlaku_sampai = str;
    m.source_line = f.line();
    out.push_back(std::move(m));
  });
  return out;
}

std::vector<StaffCount> ReadStaffCounts(TableReader& in, const ImportContext& ctx,
                                        Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_faskes = cols.Required({"kode_faskes"});
  const int c_jenis = cols.Required({"jenis_tenaga"});
  const int c_status = cols.Optional({"status_kepegawaian"});
  const int c_jumlah = cols.Required({"jumlah"});
  std::vector<StaffCount> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto faskes = FacilityCode(f, c_faskes, ctx);
    auto cadre = CadreCode(f, c_jenis, ctx);
    auto employment = f.Text(c_status).empty()
                          ? std::optional<Employment>(Employment::kTidakDiketahui)
                          : f.Choice(c_status, false, ParseEmployment, EmploymentChoices());
    auto jumlah = f.Count(c_jumlah, true);
    if (!faskes || !cadre || !employment || !jumlah) return;
    const std::string key = *faskes + "|" + *cadre + "|" + std::string(EmploymentKey(*employment));
    if (!f.Unique(seen, key, c_jenis,
                  *faskes + " " + *cadre + " " + std::string(EmploymentKey(*employment)))) {
      return;
    }
    out.push_back({*faskes, *cadre, *employment, *jumlah});
  });
  return out;
}

std::vector<EquipmentItem> ReadEquipment(TableReader& in, const ImportContext& ctx,
                                         Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_faskes = cols.Required({"kode_faskes"});
  const int c_kode = cols.Required({"kode_alat"});
  const int c_nama = cols.Optional({"nama_alat"});
  const int c_kondisi = cols.Required({"kondisi"});
  const int c_jumlah = cols.Required({"jumlah"});
  std::vector<EquipmentItem> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto faskes = FacilityCode(f, c_faskes, ctx);
    auto kode = f.Required(c_kode);
    auto kondisi = f.Choice(c_kondisi, true, ParseCondition, ConditionChoices());
    auto jumlah = f.Count(c_jumlah, true);
    if (!faskes || !kode || !kondisi || !jumlah) return;
    const std::string cond(ConditionKey(*kondisi));
    if (!f.Unique(seen, *faskes + "|" + *kode + "|" + cond, c_kode,
                  *faskes + " " + *kode + " " + cond)) {
      return;
    }
    out.push_back({*faskes, *kode, std::string(f.Text(c_nama)), *kondisi, *jumlah});
  });
  return out;
}

std::vector<ServiceVolume> ReadServices(TableReader& in, const ImportContext& ctx,
                                        Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_faskes = cols.Required({"kode_faskes"});
  const int c_tahun = cols.Required({"tahun"});
  const int c_kegiatan = cols.Required({"kegiatan"});
  const int c_jumlah = cols.Required({"jumlah"});
  std::vector<ServiceVolume> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto faskes = FacilityCode(f, c_faskes, ctx);
    auto tahun = f.Year(c_tahun, true);
    auto kegiatan = f.Required(c_kegiatan);
    auto jumlah = f.Count(c_jumlah, true);
    if (!faskes || !tahun || !kegiatan || !jumlah) return;
    const std::string kegiatan_key = NormalizeKey(*kegiatan);
    if (!f.Unique(seen, *faskes + "|" + std::to_string(*tahun) + "|" + kegiatan_key, c_kegiatan,
                  *faskes + " " + std::to_string(*tahun) + " " + *kegiatan)) {
      return;
    }
    out.push_back({*faskes, *tahun, kegiatan_key, *jumlah});
  });
  return out;
}

std::vector<FormasiCeiling> ReadFormasiCeilings(TableReader& in, const ImportContext& ctx,
                                                Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_faskes = cols.Required({"kode_faskes"});
  const int c_cadre = cols.Required({"jenis_tenaga"});
  const int c_formasi = cols.Required({"formasi"});
  std::vector<FormasiCeiling> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto faskes = FacilityCode(f, c_faskes, ctx);
    auto cadre = CadreCode(f, c_cadre, ctx);
    auto formasi = f.Count(c_formasi, true);
    if (formasi && *formasi > 100000) {
      f.Error(c_formasi, Msg::kValueTooLarge,
              {std::string(f.Name(c_formasi)), std::string(f.Text(c_formasi))});
      formasi.reset();
    }
    if (!faskes || !cadre || !formasi) return;
    if (!f.Unique(seen, *faskes + "|" + *cadre, c_cadre, *faskes + " " + *cadre)) return;
    out.push_back({*faskes, *cadre, static_cast<int>(*formasi)});
  });
  return out;
}

}  // namespace jangkau::ingest
