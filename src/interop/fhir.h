// The registry as FHIR R4 resources the way SATUSEHAT (Kemenkes) exchanges them, and back
// (docs/interop.md maps every field both ways and names the sources): each facility an
// Organization and a Location, each health worker a Practitioner and each of its roster rows a
// PractitionerRole. Pure conversions between model values and JSON; no I/O.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/workforce.h"

namespace jangkau::interop {

// SATUSEHAT's identifier systems, extensions and code systems, HL7's code systems, and the few
// of Jangkau's own (a `urn:jangkau:` name, for what SATUSEHAT has no place for).
namespace fhir {
inline constexpr std::string_view kNik = "https://fhir.kemkes.go.id/id/nik";
inline constexpr std::string_view kOrganizationIds = "http://sys-ids.kemkes.go.id/organization/";
inline constexpr std::string_view kLocationIds = "http://sys-ids.kemkes.go.id/location/";
inline constexpr std::string_view kAdministrativeCode =
    "https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode";
inline constexpr std::string_view kQualificationCodes = "https://terminology.kemkes.go.id/v1-0302";
inline constexpr std::string_view kOrganizationType =
    "http://terminology.hl7.org/CodeSystem/organization-type";
inline constexpr std::string_view kPhysicalType =
    "http://terminology.hl7.org/CodeSystem/location-physical-type";
inline constexpr std::string_view kOperationalStatus =
    "http://terminology.hl7.org/CodeSystem/v2-0116";
inline constexpr std::string_view kPractitionerRole =
    "http://terminology.hl7.org/CodeSystem/practitioner-role";
inline constexpr std::string_view kJangkauFacilityCode = "urn:jangkau:kode-faskes";
inline constexpr std::string_view kJangkauFacilityType = "urn:jangkau:jenis-faskes";
inline constexpr std::string_view kJangkauCadre = "urn:jangkau:jenis-tenaga";
inline constexpr std::string_view kJangkauFacilityExt = "urn:jangkau:fhir:faskes";
inline constexpr std::string_view kJangkauStaffExt = "urn:jangkau:fhir:tenaga";
}  // namespace fhir

using OrderedJson = nlohmann::ordered_json;

struct FhirOptions {
  // The SATUSEHAT IHS number of the organisation that assigns the facility codes (the Dinas
  // Kesehatan): identifiers are then written under http://sys-ids.kemkes.go.id/organization/{ihs}
  // and .../location/{ihs}, as SATUSEHAT names an organisation's own codes. Empty: under
  // urn:jangkau:kode-faskes.
  std::string ihs;
  // References as `urn:uuid:...` to the entries of a transaction Bundle; false: `Type/id` (NDJSON,
  // the FHIR endpoint).
  bool bundle = true;
  // The scenario whose closed and flooded facilities the statuses show (empty: the registry's).
  // Named in every facility's extension, so that importing such a what-if file is refused.
  std::string scenario;
};

struct FhirRegistry {
  std::vector<Facility> facilities;
  std::vector<StaffMember> staff;
};

struct FhirResources {
  std::vector<OrderedJson> organizations;
  std::vector<OrderedJson> locations;
  std::vector<OrderedJson> practitioners;
  std::vector<OrderedJson> roles;
  std::size_t size() const {
    return organizations.size() + locations.size() + practitioners.size() + roles.size();
  }
};

// A resource id that is the same for the same key on every run: a UUID (version 8, RFC 9562)
// from a 128-bit hash of `key`.
std::string StableUuid(std::string_view key);

// Every facility an Organization and a Location; every health worker a Practitioner (one per
// NIK; one per roster row without a NIK) and every roster row a PractitionerRole. The order is
// the registry's.
FhirResources ToFhir(const FhirRegistry& registry, const CadreCatalog& cadres,
                     const FhirOptions& options);
// One NIK is one person: the roster rows sharing a NIK (one person's roles at several facilities)
// must agree on name, birth date and STR, which become one Practitioner. The first disagreement,
// or nothing.
std::optional<Error> PersonConflict(const std::vector<StaffMember>& staff);
// A transaction Bundle (entries PUT by identifier where there is one, else by id), indented.
std::string BundleText(const FhirResources& resources, const FhirOptions& options);
// One resource per line.
std::string NdjsonText(const FhirResources& resources);

struct FhirReadContext {
  CadreCatalog cadres;
  Date today = Date::Today();
};

// Where a facility's position was read, for checks the caller makes against the workspace
// (a point outside the district).
struct FhirPlace {
  std::string kode;
  int64_t line = 0;  // NDJSON line; 0 in a Bundle
  std::string path;  // of the Location's position
};

// What a file does not say of a facility it holds: no Location (no position), no status, no
// address. The importer keeps the stored values of these rather than clearing them.
struct FhirUnsaid {
  bool position = false;
  bool status = false;
  bool address = false;
};

struct FhirRead {
  FhirRegistry registry;  // facilities with their assumption flags as written
  std::vector<FhirPlace> places;
  std::map<std::string, FhirUnsaid> unsaid;  // by facility code: those without a Location
  int64_t resources = 0;
};

// Reads a Bundle (any type) or NDJSON. Every problem is a diagnostic at the resource's JSON path
// (`entry[12].resource.position.latitude`, or the NDJSON line and the path in its resource); the
// caller refuses the whole file on any error. Resources of other types are warnings.
FhirRead ReadFhir(std::string_view text, const std::string& file, bool ndjson,
                  const FhirReadContext& ctx, Diagnostics& diags);

}  // namespace jangkau::interop
