#include "app/import_service.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "app/growth_places.h"
#include "app/programmes_tables.h"
#include "app/reference_data.h"
#include "app/reference_tables.h"
#include "app/validation.h"
#include "base/text_util.h"
#include "ingest/geo_checks.h"
#include "ingest/layers.h"

namespace jangkau::embedded {
std::string_view TemplateTenagaCsv();
std::string_view TemplateAlatCsv();
std::string_view TemplateLayananCsv();
}  // namespace jangkau::embedded

namespace jangkau::app {
namespace {

// The command-line names of the kinds, in ImportKind order.
constexpr std::array<std::string_view, 16> kKeys = {
    "regions",    "facilities",  "staff",      "staff-counts", "equipment", "services",
    "population", "assumptions", "indicators", "catchments",   "incidents", "growth",
    "stbm",       "jkn",         "germas",     "weekly"};

}  // namespace

std::optional<ImportKind> ParseImportKind(std::string_view text) {
  const std::string key = NormalizeKey(text);
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    if (NormalizeKey(kKeys[i]) == key) return static_cast<ImportKind>(i);
  }
  return std::nullopt;
}

std::string_view ImportKindKey(ImportKind kind) { return kKeys[static_cast<std::size_t>(kind)]; }

std::string ImportKindChoices() {
  std::string out;
  for (auto k : kKeys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

ingest::ImportContext LoadImportContext(const store::Workspace& ws) {
  ingest::ImportContext ctx;
  ctx.cadres = ws.Cadres();
  for (const Facility& f : ws.Facilities()) ctx.facility_codes.insert(f.kode);
  for (const Region& r : ws.Regions(/*with_geometry=*/false)) {
    ctx.regions.emplace(r.kode, r.level);
    if (r.level == RegionLevel::kKecamatan && !r.kode_bps.empty()) {
      ctx.kecamatan_by_bps.emplace(r.kode_bps, r.kode);
    }
  }
  return ctx;
}

namespace {

// A past incident's village from its point (refused when the point lies in none: outside the
// district), or its point from its village's centre.
void PlaceIncidents(ingest::IncidentBatch& batch, const std::vector<Region>& regions,
                    const std::string& path, Diagnostics& diags) {
  std::map<std::string, const Region*> by_code;
  for (const Region& r : regions) by_code[r.kode] = &r;
  for (std::size_t k = 0; k < batch.incidents.size(); ++k) {
    Incident& i = batch.incidents[k];
    if (i.kode_desa.empty()) {
      auto desa = ingest::RegionContaining(i.lon, i.lat, regions, RegionLevel::kDesa);
      if (!desa) {
        diags.Add({Severity::kError,
                   path,
                   batch.lines[k],
                   batch.lon_column,
                   "",
                   Msg::kIncidentOutside,
                   {fmt::format("{}", i.lon), fmt::format("{}", i.lat)}});
        continue;
      }
      i.kode_desa = *desa;
    } else if (i.lon == 0 && i.lat == 0) {
      const Region* r = by_code.at(i.kode_desa);
      const std::optional<double> lon = r->centroid_lon;
      const std::optional<double> lat = r->centroid_lat;
      if (lon && lat) {
        i.lon = *lon;
        i.lat = *lat;
      }
    }
  }
}

std::expected<ImportResult, Error> ImportFrom(store::Workspace& ws, ImportKind kind,
                                              ingest::TableReader& in, const std::string& path,
                                              const std::string& user,
                                              const ingest::Progress& progress,
                                              const ImportOptions& options) {
  ingest::ImportContext ctx = LoadImportContext(ws);
  ctx.only_facility = options.only_facility;
  ctx.make_valid = options.make_valid;
  const std::string& only_facility = options.only_facility;

  ImportResult result;
  Diagnostics& diags = result.diagnostics;
  store::ImportRecord rec{std::string(ImportKindKey(kind)),
                          path,
                          user,
                          0,
                          only_facility,
                          only_facility.empty() ? "" : options.expect_version};
  // Reads the whole file, then writes only when it is clean.
  auto finish = [&](std::size_t rows, auto&& write) -> std::expected<ImportResult, Error> {
    result.rows = static_cast<int64_t>(rows);
    if (diags.has_errors()) return std::move(result);
    rec.rows = result.rows;
    auto written = write(diags.Warnings());
    if (!written) return std::unexpected(written.error());
    result.written = true;
    return std::move(result);
  };

  switch (kind) {
    case ImportKind::kRegions: {
      auto rows = ingest::ReadRegions(in, ctx, diags, progress);
      // A file without geometry (CSV) keeps the stored boundaries; one without kode_bps keeps
      // the stored BPS codes.
      const bool with_boundaries = in.HasGeometry();
      const bool with_bps = in.Column("kode_bps") != 0;
      result.existing = std::ranges::count_if(
          rows, [&](const Region& r) { return ctx.regions.contains(r.kode); });
      result.added = static_cast<int64_t>(rows.size()) - result.existing;
      return finish(rows.size(), [&](const auto& w) {
        return ws.ImportRegions(rec, rows, w, with_boundaries, with_bps);
      });
    }
    case ImportKind::kPopulation: {
      auto rows = ingest::ReadPopulation(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportPopulation(rec, rows, w); });
    }
    case ImportKind::kFacilities: {
      auto batch = ingest::ReadFacilities(in, ctx, diags, progress);
      if (!diags.has_errors()) {
        // Location checks need the regions; they are shown now and stored by validate.
        for (Diagnostic& d : FacilityLocationFindings(batch.facilities, ws.Regions())) {
          diags.Add(std::move(d));
        }
      }
      result.existing = std::ranges::count_if(
          batch.facilities, [&](const Facility& f) { return ctx.facility_codes.contains(f.kode); });
      result.added = static_cast<int64_t>(batch.facilities.size()) - result.existing;
      return finish(batch.facilities.size(), [&](const auto& w) {
        // Location findings belong to validate's set: store only the row-level warnings.
        std::vector<Diagnostic> row_level;
        for (const auto& d : w) {
          if (d.msg == Msg::kWarnNoCoordinates) row_level.push_back(d);
        }
        return ws.ImportFacilities(rec, batch.facilities, batch.with_counts, batch.counts,
                                   row_level, batch.fields);
      });
    }
    case ImportKind::kAssumptions: {
      auto rows = ingest::ReadAssumptions(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportAssumptions(rec, rows, w); });
    }
    case ImportKind::kStaff: {
      auto rows = ingest::ReadStaff(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportStaff(rec, rows, w); });
    }
    case ImportKind::kStaffCounts: {
      auto rows = ingest::ReadStaffCounts(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportStaffCounts(rec, rows, w); });
    }
    case ImportKind::kEquipment: {
      auto rows = ingest::ReadEquipment(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportEquipment(rec, rows, w); });
    }
    case ImportKind::kIndicators: {
      auto rows = ingest::ReadIndicators(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportIndicators(rec, rows, w); });
    }
    case ImportKind::kCatchments: {
      auto rows = ingest::ReadCatchments(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportCatchments(rec, rows, w); });
    }
    case ImportKind::kServices: {
      auto rows = ingest::ReadServices(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportServices(rec, rows, w); });
    }
    case ImportKind::kIncidents: {
      auto batch = ingest::ReadIncidents(in, ctx, diags, progress);
      if (!diags.has_errors()) PlaceIncidents(batch, ws.Regions(), path, diags);
      return finish(batch.incidents.size(),
                    [&](const auto& w) { return ws.ImportIncidents(rec, batch.incidents, w); });
    }
    case ImportKind::kGrowth: {
      auto rows = ingest::ReadGrowth(in, ctx, diags, progress);
      if (!diags.has_errors()) MatchVillages(rows, ws.Regions(false), path, diags);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportGrowth(rec, rows, w); });
    }
    case ImportKind::kStbm: {
      auto rows = ingest::ReadStbm(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportStbm(rec, rows, w); });
    }
    case ImportKind::kJkn: {
      auto rows = ingest::ReadJkn(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportJkn(rec, rows, w); });
    }
    case ImportKind::kGermas: {
      std::vector<std::string> items;
      for (const GermasButir& b : ShippedGermasItems()) items.push_back(b.butir);
      auto rows = ingest::ReadGermas(in, ctx, items, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportGermas(rec, rows, w); });
    }
    case ImportKind::kWeekly: {
      auto weekly = WeeklyImportContext(ws);
      if (!weekly) return std::unexpected(weekly.error());
      ctx.disease_keys = std::move(weekly->disease_keys);
      ctx.disease_choices = std::move(weekly->disease_choices);
      auto rows = ingest::ReadWeekly(in, ctx, diags, progress);
      return finish(rows.size(), [&](const auto& w) { return ws.ImportWeekly(rec, rows, w); });
    }
  }
  return std::unexpected(Error{Msg::kInternal, {"import kind"}});
}

}  // namespace

std::expected<ImportResult, Error> RunImport(store::Workspace& ws, ImportKind kind,
                                             const std::string& path, const std::string& user,
                                             const ingest::Progress& progress,
                                             const ImportOptions& options) {
  auto reader = ingest::TableReader::Open(path, options.encoding);
  if (!reader) return std::unexpected(reader.error());
  return ImportFrom(ws, kind, **reader, path, user, progress, options);
}

std::vector<std::string> TemplateColumns(ImportKind kind) {
  std::string_view text;
  if (kind == ImportKind::kStaff) text = embedded::TemplateTenagaCsv();
  if (kind == ImportKind::kEquipment) text = embedded::TemplateAlatCsv();
  if (kind == ImportKind::kServices) text = embedded::TemplateLayananCsv();
  auto rows = ParseCsvText(text);
  return rows.empty() ? std::vector<std::string>{} : rows.front();
}

std::expected<std::vector<AddedFacility>, Error> ReadSitesFile(const std::string& path,
                                                               Diagnostics& diags) {
  auto reader = ingest::TableReader::Open(path);
  if (!reader) return std::unexpected(reader.error());
  return ingest::ReadSites(**reader, diags, {});
}

std::expected<std::vector<MapFeature>, Error> ReadLayerFile(const std::string& path,
                                                            const std::string& kind,
                                                            Diagnostics& diags) {
  auto reader = ingest::TableReader::Open(path);
  if (!reader) return std::unexpected(reader.error());
  return ingest::ReadLayer(**reader, kind, diags);
}

std::expected<ImportResult, Error> ClearFacilityReport(store::Workspace& ws, ImportKind kind,
                                                       const std::string& kode,
                                                       const std::string& user,
                                                       const std::string& expect_version) {
  const store::ImportRecord rec{
      std::string(ImportKindKey(kind)), "web:" + kode, user, 0, kode, expect_version};
  std::expected<void, Error> written;
  if (kind == ImportKind::kStaff) {
    written = ws.ImportStaff(rec, {}, {});
  } else if (kind == ImportKind::kEquipment) {
    written = ws.ImportEquipment(rec, {}, {});
  } else if (kind == ImportKind::kServices) {
    written = ws.ImportServices(rec, {}, {});
  } else {
    return std::unexpected(Error{Msg::kInternal, {"clear " + rec.kind}});
  }
  if (!written) return std::unexpected(written.error());
  ImportResult result;
  result.written = true;
  return result;
}

std::expected<ImportResult, Error> RunImportText(store::Workspace& ws, ImportKind kind,
                                                 const std::string& name, const std::string& text,
                                                 const std::string& user,
                                                 const std::string& only_facility,
                                                 const std::string& expect_version) {
  auto reader = ingest::TableReader::OpenText(name, text);
  if (!reader) return std::unexpected(reader.error());
  return ImportFrom(ws, kind, **reader, name, user, {},
                    {.only_facility = only_facility, .expect_version = expect_version});
}

std::expected<ImportResult, Error> ImportLayerFile(store::Workspace& ws, const std::string& kind,
                                                   const std::string& path, const std::string& user,
                                                   ingest::TextEncoding encoding) {
  auto reader = ingest::TableReader::Open(path, encoding);
  if (!reader) return std::unexpected(reader.error());
  ImportResult result;
  auto features = ingest::ReadLayer(**reader, kind, result.diagnostics);
  result.rows = static_cast<int64_t>(features.size());
  if (result.diagnostics.has_errors()) return result;
  auto written = ws.ImportLayer({kind, path, user, result.rows}, kind, features);
  if (!written) return std::unexpected(written.error());
  result.written = true;
  return result;
}

}  // namespace jangkau::app
