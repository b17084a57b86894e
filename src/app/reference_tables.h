// Reference tables in the workspace: which kinds exist, their shipped defaults, importing a
// district's own version (validated like any import, stored as a new version), and loading
// the version in force as typed values for the engines. Not thread-safe (uses the caller's
// Workspace).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/import_service.h"
#include "growth/skdn.h"
#include "model/dhis2.h"
#include "model/programmes.h"
#include "model/reference.h"
#include "model/surveillance.h"
#include "store/workspace.h"

namespace jangkau::app {

enum class ReferenceKind {
  kNorms,
  kRatioTargets,
  kActivityStandards,
  kCompetence,
  kEquipmentStandards,
  kCosts,
  kRetirement,
  kTravelScenario,
  kNetworkNorms,
  kFormasi,
  kResponseTargets,
  kUnitSpeeds,
  kKbm,             // the minimum weight gain of the posyandu register (an ASSUMPTION shipped)
  kUhcCriteria,     // the UHC award criteria (an ASSUMPTION shipped)
  kSkdrDiseases,    // the weekly reports' disease list (SKDR's and the district's own)
  kSkdrThresholds,  // fixed alert thresholds per kabupaten and disease (one district's shipped)
  kDhis2Mapping,    // Jangkau's figures -> DHIS2 data elements and org units (CONTOH shipped)
};
// "norms", "ratio-targets", "activity-standards", "competence", "equipment-standards",
// "costs", "retirement", "travel-scenario", "network-norms", "formasi", "response-targets",
// "unit-speeds", "kbm", "uhc-criteria", "skdr-diseases", "skdr-thresholds", "dhis2-mapping".
std::optional<ReferenceKind> ParseReferenceKind(std::string_view text);
std::string_view ReferenceKindKey(ReferenceKind kind);
std::string ReferenceKindChoices();
// The name of the shipped table of each kind ("pmk75_2014" for norms, "bawaan" otherwise;
// "formasi" ships none, a district imports its own as "bawaan").
std::string DefaultReferenceName(ReferenceKind kind);

// Cadres, their spellings and every shipped reference table, for a new workspace.
store::Workspace::Seed DefaultSeed();
// Creates a workspace seeded with DefaultSeed().
std::expected<std::unique_ptr<store::Workspace>, Error> CreateWorkspace(const std::string& path);

// Checks `path` with the kind's importer and, when clean, stores it as the next version of
// (kind, name). Same contract as RunImport.
std::expected<ImportResult, Error> ImportReference(
    store::Workspace& ws, ReferenceKind kind, const std::string& path, const std::string& name,
    const std::string& user, const ingest::Progress& progress,
    ingest::TextEncoding encoding = ingest::TextEncoding::kUtf8);

// The version in force, parsed. Failure: kReferenceMissing, or the problems of a stored table
// that no longer checks (e.g. a cadre since removed) as kReferenceInvalid.
std::expected<NormTable, Error> LoadNorms(const store::Workspace& ws, const std::string& name);
std::expected<std::vector<RatioTarget>, Error> LoadRatioTargets(const store::Workspace& ws);
std::expected<std::vector<ActivityStandard>, Error> LoadActivityStandards(
    const store::Workspace& ws);
std::expected<std::vector<CompetenceRequirement>, Error> LoadCompetence(const store::Workspace& ws);
std::expected<std::vector<EquipmentStandard>, Error> LoadEquipmentStandards(
    const store::Workspace& ws);
std::expected<std::vector<CostEntry>, Error> LoadCosts(const store::Workspace& ws);
std::expected<std::vector<RetirementRule>, Error> LoadRetirementRules(const store::Workspace& ws);
std::expected<std::vector<TravelClassRow>, Error> LoadTravelClasses(const store::Workspace& ws);
// The network norm (bidan desa, pustu); shipped as an ASSUMPTION.
std::expected<std::vector<NetworkNormRow>, Error> LoadNetworkNorms(const store::Workspace& ws);
// The district's approved formasi; none is shipped (empty: no ceiling set).
std::expected<std::vector<FormasiCeiling>, Error> LoadFormasiCeilings(const store::Workspace& ws);
// Response-time targets per priority and interval; shipped as an ASSUMPTION.
std::expected<std::vector<ResponseTarget>, Error> LoadResponseTargets(const store::Workspace& ws);
// Emergency units' speeds per travel class; shipped as an ASSUMPTION.
std::expected<std::vector<UnitSpeed>, Error> LoadUnitSpeeds(const store::Workspace& ws);
// The minimum weight gain by age (Buku KIA's KBM); shipped as an ASSUMPTION.
std::expected<growth::MinimumGain, Error> LoadKbm(const store::Workspace& ws);
// The UHC award criteria in their order; shipped as an ASSUMPTION.
std::expected<std::vector<UhcCriterion>, Error> LoadUhcCriteria(const store::Workspace& ws);
// The disease list of the weekly reports, in its order.
std::expected<std::vector<SkdrDisease>, Error> LoadSkdrDiseases(const store::Workspace& ws);
// The fixed thresholds (shipped: one district's published values, an ASSUMPTION for any other).
std::expected<std::vector<SkdrThreshold>, Error> LoadSkdrThresholds(const store::Workspace& ws);
// The district's DHIS2 mapping (shipped: an invented CONTOH the district replaces).
std::expected<std::vector<Dhis2MapRow>, Error> LoadDhis2Mapping(const store::Workspace& ws);
// The import context with the disease list filled in (weekly reports, thresholds).
std::expected<ingest::ImportContext, Error> WeeklyImportContext(const store::Workspace& ws);

}  // namespace jangkau::app
