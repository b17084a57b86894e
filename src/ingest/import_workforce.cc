// Importers of what facilities report: staff roster, headcounts, equipment, service volumes.
#include <algorithm>
#include <array>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

// The facility code of a row: required, and known to the workspace.
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

IncidentBatch ReadIncidents(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                            const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Optional({"kode_kasus", "kode"});
  const int c_waktu = cols.Required({"waktu", "waktu_panggilan"});
  const int c_priority = cols.Required({"prioritas"});
  const int c_category = cols.Required({"kategori"});
  const int c_lon = cols.Optional({"lon", "bujur"});
  const int c_lat = cols.Optional({"lat", "lintang"});
  const int c_desa = cols.Optional({"kode_desa"});
  const int c_source = cols.Optional({"sumber"});
  const int c_patients = cols.Optional({"pasien", "jumlah_pasien"});
  const int c_unit = cols.Optional({"unit"});
  const int c_faskes = cols.Optional({"faskes_tujuan"});
  const int c_status = cols.Optional({"status"});
  // The lifecycle's timestamps in order (IncidentStatus order, from terverifikasi).
  constexpr std::array<IncidentStatus, 7> kStamped = {
      IncidentStatus::kTerverifikasi, IncidentStatus::kUnitDikirim,  IncidentStatus::kUnitBerangkat,
      IncidentStatus::kTibaDiLokasi,  IncidentStatus::kMenujuFaskes, IncidentStatus::kTibaDiFaskes,
      IncidentStatus::kSelesai};
  std::array<int, kStamped.size()> c_stamp{};
  for (std::size_t k = 0; k < kStamped.size(); ++k) {
    c_stamp[k] = cols.Optional({IncidentStatusKey(kStamped[k])});
  }
  IncidentBatch out;
  out.lon_column = c_lon;
  if (diags.has_errors()) return out;
  if ((c_lon == 0) != (c_lat == 0) || (c_lon == 0 && c_desa == 0)) {
    diags.Add(
        {Severity::kError, in.path(), 1, 0, "", Msg::kMissingColumn, {"lon+lat / kode_desa"}});
    return out;
  }
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    bool ok = true;
    Incident i;
    auto instant = [&](int col, bool required) -> std::optional<Instant> {
      const std::string_view text = f.Text(col);
      if (text.empty()) {
        if (required) {
          f.Error(col, Msg::kEmptyValue, {std::string(f.Name(col))});
          ok = false;
        }
        return std::nullopt;
      }
      auto t = Instant::Parse(text);
      if (!t) {
        f.Error(col, Msg::kBadInstant, {std::string(f.Name(col)), std::string(text)});
        ok = false;
      }
      return t;
    };
    if (c_kode != 0 && !f.Text(c_kode).empty()) {
      i.kode = std::string(f.Text(c_kode));
      ok = f.Unique(seen, i.kode, c_kode, i.kode) && ok;
    }
    const auto waktu = instant(c_waktu, true);
    auto priority = f.Choice(c_priority, true, ParsePriority, "P1, P2, P3, P4");
    auto category = f.Choice(c_category, true, ParseIncidentCategory, IncidentCategoryChoices());
    auto source = c_source != 0 && !f.Text(c_source).empty()
                      ? f.Choice(c_source, true, ParseIncidentSource, IncidentSourceChoices())
                      : std::optional<IncidentSource>(IncidentSource::k119);
    ok = ok && waktu && priority && category && source;
    if (c_patients != 0 && !f.Text(c_patients).empty()) {
      auto n = f.Count(c_patients, false);
      if (n && *n > 1000) {
        f.Error(c_patients, Msg::kValueTooLarge,
                {std::string(f.Name(c_patients)), std::string(f.Text(c_patients))});
        n.reset();
      }
      if (n) i.pasien = static_cast<int>(*n);
      ok = ok && n.has_value();
    }
    // The place: a village code, or a point (checked against the district by the caller).
    if (c_desa != 0 && !f.Text(c_desa).empty()) {
      const std::string desa(f.Text(c_desa));
      auto r = ctx.regions.find(desa);
      if (r == ctx.regions.end() || r->second != RegionLevel::kDesa) {
        f.Error(c_desa, Msg::kUnknownRegion, {std::string(f.Name(c_desa)), desa});
        ok = false;
      }
      i.kode_desa = desa;
    }
    if (c_lon != 0 && (!f.Text(c_lon).empty() || !f.Text(c_lat).empty())) {
      auto lon = f.Number(c_lon);
      auto lat = f.Number(c_lat);
      if (lon && lat && !InsideIndonesia(*lat, *lon)) {
        f.Error(c_lon, Msg::kIncidentOutside,
                {std::string(f.Text(c_lon)), std::string(f.Text(c_lat))});
        ok = false;
      } else if (!lon || !lat) {
        if (f.Text(c_lon).empty() || f.Text(c_lat).empty()) {
          f.Error(f.Text(c_lon).empty() ? c_lon : c_lat, Msg::kEmptyValue,
                  {std::string(f.Name(f.Text(c_lon).empty() ? c_lon : c_lat))});
        }
        ok = false;
      } else {
        i.lon = *lon;
        i.lat = *lat;
      }
    } else if (i.kode_desa.empty()) {
      f.Error(c_desa != 0 ? c_desa : c_lon, Msg::kEmptyValue, {"lon/lat / kode_desa"});
      ok = false;
    }
    // The timestamps, never going backwards.
    Instant latest = waktu.value_or(Instant{});
    std::string latest_name = std::string(f.Name(c_waktu));
    std::optional<IncidentStatus> last;
    for (std::size_t k = 0; k < kStamped.size(); ++k) {
      if (c_stamp[k] == 0) continue;
      const auto t = instant(c_stamp[k], false);
      if (!t) continue;
      if (waktu && *t < latest) {
        f.Error(c_stamp[k], Msg::kIncidentStampBackwards,
                {std::string(f.Name(c_stamp[k])), std::string(f.Text(c_stamp[k])), latest_name});
        ok = false;
      }
      latest = std::max(latest, *t);
      latest_name = std::string(f.Name(c_stamp[k]));
      last = kStamped[k];
      switch (kStamped[k]) {
        case IncidentStatus::kTerverifikasi:
          i.terverifikasi = t;
          break;
        case IncidentStatus::kUnitDikirim:
          i.unit_dikirim = t;
          break;
        case IncidentStatus::kUnitBerangkat:
          i.unit_berangkat = t;
          break;
        case IncidentStatus::kTibaDiLokasi:
          i.tiba_di_lokasi = t;
          break;
        case IncidentStatus::kMenujuFaskes:
          i.menuju_faskes = t;
          break;
        case IncidentStatus::kTibaDiFaskes:
          i.tiba_di_faskes = t;
          break;
        default:
          i.selesai = t;
          break;
      }
    }
    i.status = last.value_or(IncidentStatus::kBaru);
    if (c_status != 0 && !f.Text(c_status).empty()) {
      auto status = f.Choice(c_status, true, ParseIncidentStatus, IncidentStatusChoices());
      const bool final = status == IncidentStatus::kSelesai ||
                         status == IncidentStatus::kDibatalkan ||
                         status == IncidentStatus::kTidakValid;
      // A status the times contradict: a later state already has its time.
      if (status && !final && last && static_cast<int>(*last) > static_cast<int>(*status)) {
        f.Error(c_status, Msg::kIncidentStatusStamps,
                {std::string(f.Text(c_status)), std::string(IncidentStatusKey(*last))});
        status.reset();
      }
      if (status && final && !i.selesai) {
        f.Error(c_status, Msg::kIncidentStatusNoTime, {std::string(f.Text(c_status))});
        status.reset();
      }
      if (status) i.status = *status;
      ok = ok && status.has_value();
    }
    if (c_unit != 0) i.unit = std::string(f.Text(c_unit));
    if (c_faskes != 0) i.faskes_tujuan = std::string(f.Text(c_faskes));
    if (!ok) return;
    i.waktu = *waktu;
    i.prioritas = *priority;
    i.kategori = *category;
    i.sumber = *source;
    out.incidents.push_back(std::move(i));
    out.lines.push_back(f.line());
  });
  return out;
}

}  // namespace jangkau::ingest
