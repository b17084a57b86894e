// The API's routes, one registration function per group of resources. Each handler parses its
// request, calls `app`, and renders (context.h); none holds state of its own.
#pragma once

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

// The present instant (the clock's), for times a request leaves empty.
Instant Now();
// ?from= and ?to= as dates, either may be absent; std::nullopt after a 400 naming the bad one.
std::optional<std::pair<std::optional<Date>, std::optional<Date>>> DateRange(Call& c);

// The contract (docs/openapi.yaml, compiled in) as JSON.
const std::string& OpenApiJson();

}  // namespace jangkau::server
