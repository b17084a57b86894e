// Which unit reaches a call soonest: each unit's travel minutes to the incident over the friction
// of its own mode (an ambulance on roads, a motorbike on roads and paths, a boat on the water
// layer with its crew landing, a home-visit team as people travel), and the nearest facility
// able to take the patient. The times are the access engine's (access::BoundedSearch), searched
// from the incident towards the units and stopped as soon as every unit of the mode is reached,
// so a question costs what lies between the call and its farthest unit, not the district.
// Units on a mode with no path at all to the call (another component of its network: across a
// river without a bridge) are not waited for, and the modes are searched on several threads.
// Pure values and computation; an EtaSearch is not thread-safe (one per thread), its frictions
// are read-only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "access/friction.h"
#include "access/solver.h"
#include "base/units.h"
#include "model/emergency.h"

namespace jangkau::emergency {

// The travel scenario a unit of `kind` moves by. `people` is the travel scenario in force (with a
// planning scenario's speeds), `people_base` the same without them. A kind without rows in
// `speeds` travels as people do; otherwise each class takes the kind's speed, scaled by what the
// planning scenario did to the class (people's speed now / before), and a class without a row is
// closed to the kind. Boarding and landing minutes are the travel scenario's.
access::TravelScenario UnitScenario(const access::TravelScenario& people,
                                    const access::TravelScenario& people_base, UnitKind kind,
                                    std::span<const UnitSpeed> speeds);

// A unit at a grid cell (its position; std::nullopt: outside the grid).
struct UnitAt {
  std::string kode;
  UnitKind jenis = UnitKind::kAmbulans;
  std::optional<grid::CellIndex> cell;
};

// A unit's travel to the incident: std::nullopt when it cannot get there within the search bound
// on its mode (or cannot be placed on its mode's network within the snap distance).
struct UnitEta {
  std::string kode;
  UnitKind jenis = UnitKind::kAmbulans;
  std::optional<units::Minutes> minutes;
};

// A facility a patient may be taken to.
struct Destination {
  std::string kode;
  grid::CellIndex cell;
};

struct DestinationEta {
  std::string kode;
  units::Minutes minutes{0};
};

struct EtaOptions {
  int neighbours = 16;
  units::Minutes max_minutes{360};  // searches stop here: beyond it a unit "cannot reach"
  double snap_m = 1000;             // points on a cell closed to a mode move at most this far
  int threads = 0;                  // modes searched at once (0: every core)
};

// The layer a unit of `kind` waits on: a boat on the water (1), everyone else on land (0).
int UnitLayer(UnitKind kind);

// A point's cell on a mode's network: the cell itself when `layer` of `friction` is open there
// (a friction without that layer: layer 0), else the nearest open cell of that layer within
// `snap_m` metres, else the same on land; std::nullopt when none (or the cell is off the grid).
std::optional<access::Source> PlaceOnMode(const access::FrictionGrid& friction,
                                          grid::CellIndex cell, int layer, double snap_m);

// Ascending minutes, ties by unit code; units that cannot reach last, by code.
void SortByEta(std::vector<UnitEta>& etas);

class EtaSearch {
 public:
  // `unit_friction`: per kind the friction its units move on (every kind that has units);
  // `people`: the friction patients are taken over to a facility. They must outlive the search.
  EtaSearch(const std::map<UnitKind, const access::FrictionGrid*>& unit_friction,
            const access::FrictionGrid& people, const EtaOptions& options);
  ~EtaSearch();
  EtaSearch(const EtaSearch&) = delete;
  EtaSearch& operator=(const EtaSearch&) = delete;

  // Every unit's minutes to `incident`, sorted by SortByEta. A unit whose kind has no friction
  // cannot reach.
  std::vector<UnitEta> UnitsTo(grid::CellIndex incident, std::span<const UnitAt> units);

  // The destination nearest to `incident` by the people's friction (ties by code), or
  // std::nullopt when none is within the bound.
  std::optional<DestinationEta> NearestDestination(grid::CellIndex incident,
                                                   std::span<const Destination> candidates);

 private:
  struct Mode;
  std::map<UnitKind, std::unique_ptr<Mode>> modes_;
  std::unique_ptr<Mode> people_;
  EtaOptions options_;
};

}  // namespace jangkau::emergency
