// The registry and its results in the national systems' formats (docs/interop.md): SATUSEHAT's
// FHIR R4 (a transaction Bundle or NDJSON, both ways) and DHIS2 (organisation units, aggregate
// data as dataValueSets or ADX, and dataValueSets read back as service volumes). Loads from
// and writes to the workspace; the conversions are interop/'s. Not thread-safe (uses the
// caller's Workspace).
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "app/import_service.h"
#include "interop/fhir.h"
#include "model/dhis2.h"
#include "store/workspace.h"

namespace jangkau::app {

struct FhirExportRequest {
  interop::FhirOptions options;
  // A planning scenario whose closed facilities are written closed (a facility inside one of
  // its flooded areas as flooded); empty: the registry as it stands.
  std::string scenario;
};
// The registry as resources. Failure: an unknown scenario.
std::expected<interop::FhirResources, Error> FhirResourcesOf(const store::Workspace& ws,
                                                             const FhirExportRequest& request);
// Writes a transaction Bundle, or NDJSON when `path` ends in .ndjson; the resources written.
std::expected<interop::FhirResources, Error> ExportFhir(const store::Workspace& ws,
                                                        const std::string& path,
                                                        FhirExportRequest request);
// Reads a Bundle or NDJSON (.ndjson, .jsonl) and stores its facilities and roster in one
// transaction, or nothing when any error was found (then `written` is false). Besides the
// format's rules: a point farther than `kOutsideKm` outside the workspace's kabupaten (when it
// has their boundaries) is refused.
inline constexpr double kOutsideKm = 5.0;
std::expected<ImportResult, Error> ImportFhir(store::Workspace& ws, const std::string& path,
                                              const std::string& user);

enum class Dhis2What { kOrgUnits, kDataValues };
enum class Dhis2Format { kJson, kAdx };
struct Dhis2ExportRequest {
  Dhis2What what = Dhis2What::kDataValues;
  Dhis2Format format = Dhis2Format::kJson;
  // The year of the values (headcount, need, gap, population; service volumes of that year);
  // none: this year, and the service volumes of every year.
  std::optional<int> period;
  bool uids = false;  // identify by DHIS2 UID instead of code
};
// Writes the file; returns how many org units or data values were written.
std::expected<int64_t, Error> ExportDhis2(const store::Workspace& ws, const std::string& path,
                                          const Dhis2ExportRequest& request);

// A service volume a dataValueSet changes.
struct ServiceChange {
  ServiceVolume now;
  std::optional<int64_t> before;  // none: new
};
struct Dhis2ImportResult {
  ImportResult result;
  std::vector<ServiceChange> changes;  // every volume of the file, in key order
  int64_t added = 0, changed = 0, same = 0;
};
// Reads a dataValueSet (JSON) through the mapping and, unless `dry_run`, stores its service
// volumes (each facility, year and activity upserted) in one transaction.
std::expected<Dhis2ImportResult, Error> ImportDhis2(store::Workspace& ws, const std::string& path,
                                                    const std::string& user, bool dry_run);

}  // namespace jangkau::app
