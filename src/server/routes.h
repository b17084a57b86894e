// The API's routes, one registration function per group of resources. Each handler parses its
// request, calls `app`, and renders (context.h); none holds state of its own.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "app/import_service.h"
#include "server/router.h"

namespace jangkau::server {

void AddSessionRoutes(Router& r, ServerContext& ctx);    // login, logout, me, password, contract
void AddFacilityRoutes(Router& r, ServerContext& ctx);   // facilities, reports, uploads, cycle
void AddNeedsRoutes(Router& r, ServerContext& ctx);      // cadres, needs, proposal, audit
void AddAccessRoutes(Router& r, ServerContext& ctx);     // access tables, runs, jobs
void AddPlanRoutes(Router& r, ServerContext& ctx);       // scenarios, compare, sites
void AddMapRoutes(Router& r, ServerContext& ctx);        // GeoJSON for the map
void AddEmergencyRoutes(Router& r, ServerContext& ctx);  // units, incidents, dispatch
void AddEmergencyPlanRoutes(Router& r, ServerContext& ctx);  // their maps, station plan
void AddProgrammeRoutes(Router& r, ServerContext& ctx);      // growth, STBM, TPPS, SKDN, map
void AddSurveillanceRoutes(Router& r, ServerContext& ctx);   // weekly reports, alerts, map
void AddFhirRoutes(Router& r, ServerContext& ctx);           // /fhir/r4: the registry, read-only

// The present instant (the clock's), for times a request leaves empty.
Instant Now();
// A time field of a request body: empty is now; std::nullopt after a 422 naming the field.
std::optional<Instant> TimeField(Call& c, const std::string& text, const char* field);
// Rows of a JSON form as CSV text in `columns`, the facility code first (routes_facilities.cc).
std::expected<std::string, Error> FormCsv(const Json& rows, const std::vector<std::string>& columns,
                                          const std::string& kode);
// An import's answer: 422 with its problems (form rows numbered from 0 when `form_columns`), or
// what was saved.
void SendImport(ServerContext& ctx, Call& c, const std::expected<app::ImportResult, Error>& result,
                const std::vector<std::string>* form_columns);
// The codes of the facilities in the caller's region (routes_facilities.cc); std::nullopt, every
// facility, for a user with no region.
std::optional<std::set<std::string>> RegionFacilities(const Call& c, const store::Workspace& ws);
// ?from= and ?to= as dates, either may be absent; std::nullopt after a 400 naming the bad one.
std::optional<std::pair<std::optional<Date>, std::optional<Date>>> DateRange(Call& c);

// The contract (docs/openapi.yaml, compiled in) as JSON.
const std::string& OpenApiJson();

}  // namespace jangkau::server
