#include "app/interop_service.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "app/needs_service.h"
#include "app/reference_tables.h"
#include "base/text_util.h"
#include "ingest/geo_checks.h"
#include "interop/dhis2.h"
#include "report/geojson.h"
#include "report/table.h"

namespace jangkau::app {
namespace {

// FHIR and DHIS2 files are read whole, and parsing takes about nine times the file in memory
// (33 MB -> 297 MB measured): OKI's registry with its roster is 1.1 MB, a province's with every
// worker about 80 MB. The cap bounds an import at about 1.2 GB.
constexpr std::size_t kMaxFileBytes = std::size_t{128} << 20;

std::expected<std::string, Error> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::unexpected(
        Error{Msg::kFileOpen, {path, "tidak ada atau tidak terbaca / missing or unreadable"}});
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return std::unexpected(Error{Msg::kFileOpen, {path, "not a regular file"}});
  if (static_cast<std::size_t>(size) > kMaxFileBytes) {
    return std::unexpected(
        Error{Msg::kFileTooLarge,
              {path, std::to_string(size >> 20), std::to_string(kMaxFileBytes >> 20)}});
  }
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  if (!in) return std::unexpected(Error{Msg::kFileRead, {"0", path}});
  return text;
}

bool EndsWithNoCase(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && ToLowerAscii(s.substr(s.size() - suffix.size())) == suffix;
}

}  // namespace

std::expected<interop::FhirResources, Error> FhirResourcesOf(const store::Workspace& ws,
                                                             const FhirExportRequest& request) {
  interop::FhirRegistry registry{ws.Facilities(), ws.Staff()};
  if (auto conflict = interop::PersonConflict(registry.staff)) return std::unexpected(*conflict);
  interop::FhirOptions options = request.options;
  options.scenario = request.scenario;
  if (!request.scenario.empty()) {
    auto scenario = ws.FindScenario(request.scenario);
    if (!scenario) return std::unexpected(Error{Msg::kPlanUnknownScenario, {request.scenario}});
    std::vector<std::string> areas;
    for (const FloodArea& f : scenario->floods) {
      if (!f.geometry_wkb.empty()) areas.push_back(f.geometry_wkb);
    }
    const std::vector<std::string> inside = ingest::FacilitiesInside(registry.facilities, areas);
    const std::set<std::string> flooded(inside.begin(), inside.end());
    const std::set<std::string> closed(scenario->closed.begin(), scenario->closed.end());
    for (Facility& f : registry.facilities) {
      if (closed.contains(f.kode)) {
        f.status =
            flooded.contains(f.kode) ? FacilityStatus::kTerendamBanjir : FacilityStatus::kTutup;
      }
    }
  }
  return interop::ToFhir(registry, ws.Cadres(), options);
}

std::expected<interop::FhirResources, Error> ExportFhir(const store::Workspace& ws,
                                                        const std::string& path,
                                                        FhirExportRequest request) {
  const bool ndjson = EndsWithNoCase(path, ".ndjson");
  request.options.bundle = !ndjson;
  auto resources = FhirResourcesOf(ws, request);
  if (!resources) return resources;
  const std::string text =
      ndjson ? interop::NdjsonText(*resources) : interop::BundleText(*resources, request.options);
  if (auto written = report::WriteTextFile(path, text); !written) {
    return std::unexpected(written.error());
  }
  return resources;
}

std::expected<ImportResult, Error> ImportFhir(store::Workspace& ws, const std::string& path,
                                              const std::string& user) {
  auto text = ReadWhole(path);
  if (!text) return std::unexpected(text.error());
  ImportResult result;
  Diagnostics& diags = result.diagnostics;
  const bool ndjson = EndsWithNoCase(path, ".ndjson") || EndsWithNoCase(path, ".jsonl");
  interop::FhirRead read = interop::ReadFhir(*text, path, ndjson, {ws.Cadres()}, diags);

  std::map<std::string, Facility> existing;  // the workspace's facilities, read once
  for (Facility& f : ws.Facilities()) existing.emplace(f.kode, std::move(f));

  // A point far outside the workspace's kabupaten (when their boundaries are known).
  std::vector<Region> kabupaten;
  for (Region& r : ws.Regions(true)) {
    if (r.level == RegionLevel::kKabupaten && !r.geometry_wkb.empty())
      kabupaten.push_back(std::move(r));
  }
  if (!kabupaten.empty()) {
    // A point the workspace already holds for the same facility is not refused again (the real
    // registry has such defects, accepted with a warning by the facility import): kept, warned.
    std::map<std::string, const Facility*> by_code;
    for (const Facility& f : read.registry.facilities) by_code[f.kode] = &f;
    for (const interop::FhirPlace& p : read.places) {
      const Facility* f = by_code.at(p.kode);
      if (!f->lon || !f->lat) continue;
      const double lon = *f->lon;
      const double lat = *f->lat;
      std::vector<ingest::StatedLocation> stated;
      stated.reserve(kabupaten.size());
      for (const Region& k : kabupaten) stated.push_back({f->kode, lon, lat, k.kode});
      const auto outside = ingest::FindOutsideRegions(stated, kabupaten);
      if (outside.size() < kabupaten.size()) continue;  // inside one of them
      double km = outside.front().distance_km;
      for (const auto& o : outside) km = std::min(km, o.distance_km);
      if (km <= kOutsideKm) continue;
      std::vector<std::string> args = {"position", fmt::format("{}", lat), fmt::format("{}", lon),
                                       fmt::format("{:.1f}", km)};
      const auto kept = existing.find(f->kode);
      if (kept != existing.end() && kept->second.lon == lon && kept->second.lat == lat) {
        args.push_back(f->kode);
        diags.Add(Diagnostic{Severity::kWarning, path, p.line, 0, f->kode, Msg::kFhirOutsideKept,
                             std::move(args), p.path});
        continue;
      }
      diags.Add(Diagnostic{Severity::kError,
                           path,
                           p.line,
                           0,
                           {},
                           Msg::kFhirOutsideDistrict,
                           std::move(args),
                           p.path});
    }
  }
  if (diags.has_errors()) return result;

  store::Workspace::RegistryBatch batch;
  result.existing = 0;
  for (Facility& f : read.registry.facilities) {
    // What the file does not say of a stored facility (it has no Location) stays as stored.
    const auto unsaid = read.unsaid.find(f.kode);
    const auto stored = existing.find(f.kode);
    if (unsaid != read.unsaid.end() && stored != existing.end()) {
      const Facility& s = stored->second;
      if (unsaid->second.position) {
        f.lon = s.lon;
        f.lat = s.lat;
      }
      if (unsaid->second.status) f.status = s.status;
      if (unsaid->second.address) {
        f.alamat = s.alamat;
        f.kode_desa = s.kode_desa;
        f.kode_kecamatan = s.kode_kecamatan;
      }
    }
    FacilityAssumption a{f.kode, std::nullopt, std::nullopt, f.assumption_basis};
    if (f.rawat_inap_assumed && f.rawat_inap) {
      a.rawat_inap = f.rawat_inap;
      f.rawat_inap.reset();
    }
    if (f.area_assumed && f.area) {
      a.area = f.area;
      f.area.reset();
    }
    if (a.rawat_inap || a.area) batch.assumptions.push_back(std::move(a));
    f.source_file = path;
    result.existing += existing.contains(f.kode) ? 1 : 0;
  }
  result.added = static_cast<int64_t>(read.registry.facilities.size()) - result.existing;
  // What the file does not carry at all (a Bundle of Organizations only: no Location, no
  // Jangkau extension) leaves the stored values alone rather than clearing them.
  const auto& fs = read.registry.facilities;
  auto any = [&fs](auto has) { return std::ranges::any_of(fs, has); };
  batch.fields.coordinates = any([](const Facility& f) { return f.lon && f.lat; });
  batch.fields.status = !read.places.empty() ||
                        any([](const Facility& f) { return f.status != FacilityStatus::kBuka; });
  batch.fields.alamat = any([](const Facility& f) { return !f.alamat.empty(); });
  batch.fields.kode_desa = any([](const Facility& f) { return !f.kode_desa.empty(); });
  batch.fields.kode_kecamatan = any([](const Facility& f) { return !f.kode_kecamatan.empty(); });
  batch.fields.kode_kecamatan_bps =
      any([](const Facility& f) { return !f.kode_kecamatan_bps.empty(); });
  batch.fields.kode_kabupaten_bps =
      any([](const Facility& f) { return !f.kode_kabupaten_bps.empty(); });
  // A file with health workers replaces the roster of every facility in it (one left with none
  // is emptied: its workers left); a file of facilities alone leaves every roster as it was.
  if (!read.registry.staff.empty()) {
    for (const Facility& f : read.registry.facilities) batch.rosters.push_back(f.kode);
  }
  batch.facilities = std::move(read.registry.facilities);
  batch.staff = std::move(read.registry.staff);
  result.rows = static_cast<int64_t>(batch.facilities.size() + batch.staff.size());
  store::ImportRecord rec{"fhir", path, user, result.rows, {}};
  if (auto stored = ws.ImportRegistry(rec, batch, diags.Warnings()); !stored) {
    return std::unexpected(stored.error());
  }
  result.written = true;
  return result;
}

namespace {

// How Jangkau's codes are written in DHIS2.
class Dhis2Ids {
 public:
  Dhis2Ids(const std::vector<Dhis2MapRow>& mapping, bool uids) : uids_(uids) {
    for (const Dhis2MapRow& r : mapping) {
      if (r.jenis == Dhis2Measure::kOrgUnit) org_units_[r.kunci] = &r;
      if (r.jenis == Dhis2Measure::kDataSet && data_set_ == nullptr) data_set_ = &r;
    }
  }
  // The org unit's UID: the mapping's, else one generated from its code (stable).
  std::string Uid(const std::string& kode) const {
    const auto it = org_units_.find(kode);
    return it != org_units_.end() && !it->second->uid.empty() ? it->second->uid
                                                              : interop::GeneratedUid("ou:" + kode);
  }
  std::string Code(const std::string& kode) const {
    const auto it = org_units_.find(kode);
    return it != org_units_.end() && !it->second->kode.empty() ? it->second->kode : kode;
  }
  std::string OrgUnit(const std::string& kode) const { return uids_ ? Uid(kode) : Code(kode); }
  std::string Element(const Dhis2MapRow& r) const {
    return uids_ ? (r.uid.empty() ? r.kode : r.uid) : (r.kode.empty() ? r.uid : r.kode);
  }
  std::string Combo(const Dhis2MapRow& r) const { return uids_ ? r.coc_uid : r.coc; }
  std::string DataSet() const {
    if (data_set_ == nullptr) return {};
    return uids_ ? (data_set_->uid.empty() ? data_set_->kode : data_set_->uid)
                 : (data_set_->kode.empty() ? data_set_->uid : data_set_->kode);
  }

 private:
  bool uids_;
  std::map<std::string, const Dhis2MapRow*> org_units_;
  const Dhis2MapRow* data_set_ = nullptr;
};

std::vector<interop::OrgUnitOut> OrgUnits(const store::Workspace& ws, const Dhis2Ids& ids) {
  std::vector<Region> regions;
  for (Region& r : ws.Regions(true)) {
    if (r.level != RegionLevel::kDesa) regions.push_back(std::move(r));
  }
  std::sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) {
    return a.level != b.level ? a.level < b.level : a.kode < b.kode;
  });
  // Boundaries simplified to about 100 m, as GeoJSON geometries.
  std::vector<report::GeoFeature> features;
  features.reserve(regions.size());
  for (const Region& r : regions) features.push_back({r.geometry_wkb, nlohmann::json::object()});
  const nlohmann::json geo = nlohmann::json::parse(report::FeatureCollection(features, 0.001));
  std::map<std::string, int> level;  // region code -> DHIS2 level
  std::vector<interop::OrgUnitOut> out;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const Region& r = regions[i];
    const std::string parent = ParentCode(r.kode);
    const auto up = level.find(parent);
    const int lv = up == level.end() ? 1 : up->second + 1;
    level[r.kode] = lv;
    out.push_back({ids.Uid(r.kode), ids.Code(r.kode), r.nama,
                   up == level.end() ? "" : ids.Uid(parent), lv, geo["features"][i]["geometry"]});
  }
  std::string kabupaten;
  for (const Region& r : regions) {
    if (r.level == RegionLevel::kKabupaten) kabupaten = kabupaten.empty() ? r.kode : "*";
  }
  for (const Facility& f : ws.Facilities()) {
    std::string parent;
    if (level.contains(f.kode_kecamatan)) {
      parent = f.kode_kecamatan;
    } else if (!kabupaten.empty() && kabupaten != "*") {
      parent = kabupaten;
    }
    nlohmann::json point = nullptr;
    if (f.lon && f.lat) point = {{"type", "Point"}, {"coordinates", {*f.lon, *f.lat}}};
    out.push_back({ids.Uid(f.kode), ids.Code(f.kode), f.nama, parent.empty() ? "" : ids.Uid(parent),
                   parent.empty() ? 1 : level[parent] + 1, point});
  }
  return out;
}

std::string Whole(double v) { return fmt::format("{}", static_cast<int64_t>(std::llround(v))); }

std::expected<std::vector<interop::Dhis2Value>, Error> DataValues(
    const store::Workspace& ws, const std::vector<Dhis2MapRow>& mapping, const Dhis2Ids& ids,
    const Dhis2ExportRequest& request) {
  const int year = request.period.value_or(Date::Today().year);
  const std::string period = std::to_string(year);
  std::map<std::pair<int, std::string>, const Dhis2MapRow*> rows;  // (jenis, metode|kunci)
  std::set<needs::NeedMethod> methods;
  for (const Dhis2MapRow& r : mapping) {
    rows[{static_cast<int>(r.jenis), r.metode + "|" + r.kunci}] = &r;
    if (r.jenis == Dhis2Measure::kKebutuhan || r.jenis == Dhis2Measure::kKesenjangan) {
      if (auto m = ParseNeedMethods(r.metode)) methods.insert(m->begin(), m->end());
    }
  }
  auto row = [&](Dhis2Measure m, const std::string& metode,
                 const std::string& kunci) -> const Dhis2MapRow* {
    const auto it = rows.find({static_cast<int>(m), metode + "|" + kunci});
    return it == rows.end() ? nullptr : it->second;
  };
  std::vector<interop::Dhis2Value> out;
  auto add = [&](const Dhis2MapRow& r, const std::string& org, const std::string& per,
                 std::string value) {
    out.push_back({ids.Element(r),
                   ids.Combo(r),
                   ids.OrgUnit(org),
                   per,
                   std::move(value),
                   r.kategori_adx,
                   {}});
  };

  // Headcount: the roster where a facility has one, else its aggregate counts.
  std::map<std::string, std::map<std::string, int64_t>> heads;
  std::set<std::string> rostered;
  for (const StaffMember& m : ws.Staff()) {
    ++heads[m.kode_faskes][m.cadre];
    rostered.insert(m.kode_faskes);
  }
  for (const StaffCount& c : ws.StaffCounts()) {
    if (!rostered.contains(c.kode_faskes)) heads[c.kode_faskes][c.cadre] += c.jumlah;
  }
  for (const auto& [kode, cadres] : heads) {
    for (const auto& [cadre, n] : cadres) {
      if (const Dhis2MapRow* r = row(Dhis2Measure::kTenaga, "", cadre); r != nullptr && n > 0) {
        add(*r, kode, period, std::to_string(n));
      }
    }
  }
  if (!methods.empty()) {
    auto report = ComputeNeeds(ws, {methods, "pmk75_2014"});
    if (!report) return std::unexpected(report.error());
    for (const needs::NeedLine& l : report->lines) {
      const std::string metode(needs::MethodKey(l.method));
      if (const Dhis2MapRow* r = row(Dhis2Measure::kKebutuhan, metode, l.group)) {
        add(*r, l.kode_faskes, period, Whole(l.required_rounded));
      }
      if (const Dhis2MapRow* r = row(Dhis2Measure::kKesenjangan, metode, l.group)) {
        add(*r, l.kode_faskes, period, Whole(l.gap));
      }
    }
  }
  for (const auto& [target, a] : ws.AccessRegions("dasar")) {
    if (target != "puskesmas" || LevelOfCode(a.kode_wilayah) == RegionLevel::kDesa) continue;
    for (auto [measure, within] : {std::pair{Dhis2Measure::kPenduduk30, a.dalam_30},
                                   std::pair{Dhis2Measure::kPenduduk60, a.dalam_60},
                                   std::pair{Dhis2Measure::kPenduduk120, a.dalam_120}}) {
      if (const Dhis2MapRow* r = row(measure, "", ""))
        add(*r, a.kode_wilayah, period, Whole(within));
    }
  }
  for (const ServiceVolume& s : ws.Services()) {
    if (request.period && s.tahun != year) continue;
    if (const Dhis2MapRow* r = row(Dhis2Measure::kLayanan, "", s.kegiatan)) {
      add(*r, s.kode_faskes, std::to_string(s.tahun), std::to_string(s.jumlah));
    }
  }
  return out;
}

}  // namespace

std::expected<int64_t, Error> ExportDhis2(const store::Workspace& ws, const std::string& path,
                                          const Dhis2ExportRequest& request) {
  auto mapping = LoadDhis2Mapping(ws);
  if (!mapping) return std::unexpected(mapping.error());
  const Dhis2Ids ids(*mapping, request.uids);
  std::string text;
  int64_t count = 0;
  if (request.what == Dhis2What::kOrgUnits) {
    if (request.format == Dhis2Format::kAdx) {
      return std::unexpected(
          Error{Msg::kBadChoice, {"--format", "adx", "json (ADX: --what datavalues)"}});
    }
    const auto units = OrgUnits(ws, ids);
    count = static_cast<int64_t>(units.size());
    text = interop::OrgUnitsJson(units);
  } else {
    auto values = DataValues(ws, *mapping, ids, request);
    if (!values) return std::unexpected(values.error());
    count = static_cast<int64_t>(values->size());
    if (request.format == Dhis2Format::kAdx) {
      if (ids.DataSet().empty()) {
        return std::unexpected(Error{Msg::kEmptyValue, {"dhis2-mapping: dataset (ADX)"}});
      }
      text = interop::AdxXml(*values, ids.DataSet(), store::NowIso());
    } else {
      text = interop::DataValueSetJson(*values, ids.DataSet());
    }
  }
  if (auto written = report::WriteTextFile(path, text); !written)
    return std::unexpected(written.error());
  return count;
}

std::expected<Dhis2ImportResult, Error> ImportDhis2(store::Workspace& ws, const std::string& path,
                                                    const std::string& user, bool dry_run) {
  auto text = ReadWhole(path);
  if (!text) return std::unexpected(text.error());
  auto mapping = LoadDhis2Mapping(ws);
  if (!mapping) return std::unexpected(mapping.error());
  interop::Dhis2Lookup lookup;
  for (const Facility& f : ws.Facilities()) {
    lookup.org_units[f.kode] = f.kode;
    lookup.org_units[interop::GeneratedUid("ou:" + f.kode)] = f.kode;
  }
  for (const Dhis2MapRow& r : *mapping) {
    if (r.jenis == Dhis2Measure::kLayanan) {
      lookup.layanan.push_back(r);
    } else if (r.jenis != Dhis2Measure::kOrgUnit && r.jenis != Dhis2Measure::kDataSet) {
      lookup.others.push_back(r);
    }
    if (r.jenis != Dhis2Measure::kOrgUnit || !lookup.org_units.contains(r.kunci)) continue;
    if (!r.kode.empty()) lookup.org_units[r.kode] = r.kunci;
    if (!r.uid.empty()) lookup.org_units[r.uid] = r.kunci;
  }
  Dhis2ImportResult out;
  Diagnostics& diags = out.result.diagnostics;
  const std::vector<ServiceVolume> rows = interop::ReadDataValueSet(*text, path, lookup, diags);
  std::map<std::tuple<std::string, int, std::string>, int64_t> stored;
  for (const ServiceVolume& s : ws.Services())
    stored[{s.kode_faskes, s.tahun, s.kegiatan}] = s.jumlah;
  for (const ServiceVolume& s : rows) {
    const auto it = stored.find({s.kode_faskes, s.tahun, s.kegiatan});
    ServiceChange c{s, std::nullopt};
    if (it == stored.end()) {
      ++out.added;
    } else {
      c.before = it->second;
      ++(it->second == s.jumlah ? out.same : out.changed);
    }
    out.changes.push_back(std::move(c));
  }
  out.result.rows = static_cast<int64_t>(rows.size());
  if (diags.has_errors() || dry_run) return out;
  store::ImportRecord rec{"dhis2", path, user, out.result.rows, {}};
  if (auto written = ws.MergeServices(rec, rows, diags.Warnings()); !written) {
    return std::unexpected(written.error());
  }
  out.result.written = true;
  return out;
}

}  // namespace jangkau::app
