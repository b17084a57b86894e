#include "app/emergency_service.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/text_util.h"
#include "ingest/geo_checks.h"
#include "model/region.h"

namespace jangkau::app {
namespace {

bool ValidUnitCode(std::string_view kode) {
  if (kode.empty() || kode.size() > 32) return false;
  return std::all_of(kode.begin(), kode.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

// The incident's call date in WIB, for the grouping and the date range.
Date LocalDate(Instant t) {
  const std::string iso = t.Iso();  // "YYYY-MM-DDTHH:MM:SS+07:00"
  return Date::Parse(iso.substr(0, 10)).value_or(Date{});
}

}  // namespace

bool CalledWithin(const Incident& i, std::optional<Date> from, std::optional<Date> to) {
  const Date day = LocalDate(i.waktu);
  return !((from && day < *from) || (to && *to < day));
}

std::string FloodsAt(const std::vector<Scenario>& scenarios, Instant t) {
  std::string names;
  for (const Scenario& s : scenarios) {
    if (HoldsAt(s, t)) names += (names.empty() ? "" : " ") + s.nama;
  }
  return names;
}

std::expected<void, Error> AddUnit(store::Workspace& ws, const EmergencyUnit& unit,
                                   const std::string& user) {
  if (!ValidUnitCode(unit.kode)) {
    return std::unexpected(Error{Msg::kBadValue, {"--kode", unit.kode}});
  }
  if (!std::isfinite(unit.lon) || !std::isfinite(unit.lat) ||
      !InsideIndonesia(unit.lat, unit.lon)) {
    return std::unexpected(
        Error{Msg::kBadValue, {"--lon/--lat", fmt::format("{}, {}", unit.lon, unit.lat)}});
  }
  if (!unit.pangkalan.empty()) {
    const auto facilities = ws.Facilities();
    if (std::none_of(facilities.begin(), facilities.end(),
                     [&](const Facility& f) { return f.kode == unit.pangkalan; })) {
      return std::unexpected(Error{Msg::kUnknownFacility, {"--pangkalan", unit.pangkalan}});
    }
  }
  return ws.AddUnit(unit, user);
}

report::Table UnitsTable(const store::Workspace& ws) {
  report::Table t{"unit",
                  {"kode", "nama", "jenis", "pangkalan", "lon", "lat", "status", "insiden"}};
  for (const EmergencyUnit& u : ws.Units()) {
    t.rows.push_back({u.kode, u.nama, std::string(UnitKindKey(u.jenis)), u.pangkalan, u.lon, u.lat,
                      std::string(UnitStatusKey(u.status)),
                      u.insiden ? report::Cell{*u.insiden} : report::Cell{}});
  }
  return t;
}

std::expected<int64_t, Error> CreateIncident(store::Workspace& ws, const IncidentRequest& request,
                                             const std::string& user) {
  Incident incident = request.incident;
  const std::vector<Region> regions = ws.Regions(/*with_geometry=*/request.desa.empty());
  if (!request.desa.empty()) {
    const auto r = std::find_if(regions.begin(), regions.end(),
                                [&](const Region& x) { return x.kode == request.desa; });
    if (r == regions.end() || r->level != RegionLevel::kDesa) {
      return std::unexpected(Error{Msg::kUnknownRegion, {"--desa", request.desa}});
    }
    const std::optional<double> lon = r->centroid_lon;
    const std::optional<double> lat = r->centroid_lat;
    if (!lon || !lat) return std::unexpected(Error{Msg::kIncidentNoPlace, {}});
    incident.lon = *lon;
    incident.lat = *lat;
    incident.kode_desa = r->kode;
  } else if (request.lon && request.lat) {
    const auto desa =
        ingest::RegionContaining(*request.lon, *request.lat, regions, RegionLevel::kDesa);
    if (!desa) {
      return std::unexpected(
          Error{Msg::kIncidentOutside,
                {fmt::format("{}", *request.lon), fmt::format("{}", *request.lat)}});
    }
    incident.lon = *request.lon;
    incident.lat = *request.lat;
    incident.kode_desa = *desa;
  } else {
    return std::unexpected(Error{Msg::kIncidentNoPlace, {}});
  }
  return ws.CreateIncident(incident, user);
}

std::expected<Incident, Error> RecordEvent(store::Workspace& ws, int64_t id,
                                           const IncidentEvent& event) {
  return ws.RecordIncidentEvent(
      id, event, emergency::UnitStatusAfter(event.to),
      [&](const Incident& before) { return emergency::Apply(before, event); });
}

std::optional<KpiGrouping> ParseKpiGrouping(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k == "prioritas") return KpiGrouping::kPrioritas;
  if (k == "kecamatan") return KpiGrouping::kKecamatan;
  if (k == "desa") return KpiGrouping::kDesa;
  if (k == "bulan") return KpiGrouping::kBulan;
  if (k == "banjir") return KpiGrouping::kBanjir;
  return std::nullopt;
}

std::vector<emergency::KpiRow> KpiRows(const std::vector<Incident>& incidents, KpiGrouping by,
                                       std::optional<Date> from, std::optional<Date> to,
                                       const std::vector<ResponseTarget>& targets,
                                       const std::vector<Scenario>& scenarios) {
  std::vector<emergency::KpiInput> in;
  for (const Incident& i : incidents) {
    if (!CalledWithin(i, from, to)) continue;
    const Date day = LocalDate(i.waktu);
    std::string group;
    switch (by) {
      case KpiGrouping::kPrioritas:
        group = std::string(PriorityKey(i.prioritas));
        break;
      case KpiGrouping::kKecamatan:
        group = i.kode_desa.empty() ? std::string("-") : ParentCode(i.kode_desa);
        break;
      case KpiGrouping::kDesa:
        group = i.kode_desa.empty() ? std::string("-") : i.kode_desa;
        break;
      case KpiGrouping::kBulan:
        group = day.Iso().substr(0, 7);
        break;
      case KpiGrouping::kBanjir: {
        const std::string floods = FloodsAt(scenarios, i.waktu);
        group = floods.empty() ? std::string("tanpa_skenario") : floods;
        break;
      }
    }
    in.push_back({group, i.prioritas, emergency::IncidentIntervals(i)});
  }
  std::sort(in.begin(), in.end(), [](const auto& a, const auto& b) { return a.group < b.group; });
  return emergency::Summarise(in, targets);
}

report::Table KpiTable(const std::vector<Incident>& incidents, KpiGrouping by,
                       std::optional<Date> from, std::optional<Date> to,
                       const std::vector<ResponseTarget>& targets,
                       const std::vector<Scenario>& scenarios) {
  report::Table t{"kpi", {"kelompok", "n"}};
  for (int k = 0; k < kIntervalCount; ++k) {
    const std::string key(IntervalKey(static_cast<Interval>(k)));
    t.columns.push_back(key + "_n");
    t.columns.push_back(key + "_rerata");
    t.columns.push_back(key + "_p90");
    t.columns.push_back(key + "_persen_dalam_target");
  }
  auto opt = [](const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; };
  for (const emergency::KpiRow& row : KpiRows(incidents, by, from, to, targets, scenarios)) {
    std::vector<report::Cell> cells = {row.group, int64_t{row.incidents}};
    for (const emergency::IntervalSummary& s : row.intervals) {
      cells.emplace_back(int64_t{s.n});
      cells.push_back(opt(s.mean));
      cells.push_back(opt(s.p90));
      cells.push_back(opt(s.percent_within));
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

}  // namespace jangkau::app
