// Importers for emergency response: past incidents (a PSC's history) and the response-time
// targets (a reference table). docs/emergency.md.
#include <algorithm>
#include <array>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {

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

std::vector<ResponseTarget> ReadResponseTargets(TableReader& in, const ImportContext&,
                                                Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_priority = cols.Required({"prioritas"});
  const int c_interval = cols.Required({"interval"});
  const int c_minutes = cols.Required({"menit"});
  std::vector<ResponseTarget> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto priority = f.Choice(c_priority, true, ParsePriority, "P1, P2, P3, P4");
    auto interval = f.Choice(c_interval, true, ParseInterval, IntervalChoices());
    auto minutes = f.PositiveNumber(c_minutes, true);
    if (minutes && *minutes > 24 * 60) {
      f.Error(c_minutes, Msg::kValueTooLarge,
              {std::string(f.Name(c_minutes)), std::string(f.Text(c_minutes))});
      minutes.reset();
    }
    if (!priority || !interval || !minutes) return;
    const std::string key =
        std::string(PriorityKey(*priority)) + " " + std::string(IntervalKey(*interval));
    if (!f.Unique(seen, key, c_interval, key)) return;
    out.push_back({*priority, *interval, *minutes});
  });
  return out;
}

std::vector<UnitSpeed> ReadUnitSpeeds(TableReader& in, const ImportContext&, Diagnostics& diags,
                                      const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kind = cols.Required({"jenis", "jenis_unit"});
  const int c_class = cols.Required({"kelas"});
  const int c_speed = cols.Required({"kecepatan_kmh"});
  std::vector<UnitSpeed> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kind = f.Choice(c_kind, true, ParseUnitKind, UnitKindChoices());
    auto kelas = f.Required(c_class);
    auto speed = f.PositiveNumber(c_speed, true);
    if (speed && *speed > 200) {
      f.Error(c_speed, Msg::kValueTooLarge,
              {std::string(f.Name(c_speed)), std::string(f.Text(c_speed))});
      speed.reset();
    }
    if (!kind || !kelas || !speed) return;
    UnitSpeed row{*kind, NormalizeKey(*kelas), *speed};
    const std::string key = std::string(UnitKindKey(row.jenis)) + " " + row.kelas;
    if (!f.Unique(seen, key, c_class, key)) return;
    out.push_back(std::move(row));
  });
  return out;
}

}  // namespace jangkau::ingest
