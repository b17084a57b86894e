// A planning scenario: what changes against the baseline of a workspace. Facilities closed or
// flooded, flooded areas (a speed factor, 0 = impassable), roads or bridges cut, changed
// travel speeds, and added facilities or posts. Stored in the workspace (`jangkau scenario`),
// applied by the access service, compared by `jangkau plan compare`. Plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/units.h"
#include "model/facility.h"
#include "model/instant.h"

namespace jangkau {

struct FloodArea {
  std::string geometry_wkb;  // polygon(s), EPSG:4326
  double factor = 0;         // travel speed is multiplied by this inside; 0: impassable
  std::string desa;          // the village it was taken from, when picked by village
};

struct AddedFacility {
  std::string kode;
  std::string nama;
  FacilityType type = FacilityType::kPuskesmas;
  double lon = 0;
  double lat = 0;
};

struct Scenario {
  std::string nama;
  std::string keterangan;
  std::vector<std::string> closed;       // facility codes closed or flooded
  std::vector<FloodArea> floods;         // flooded areas
  std::vector<std::string> cuts_wkb;     // roads or bridges cut: land travel stops along them
  std::map<std::string, double> speeds;  // travel class -> km/h replacing the scenario's
  std::vector<AddedFacility> added;      // new facilities, upgraded pustu, temporary posts
  // When the situation holds (a flood's period), when known: the emergency module flags the
  // incidents called within it and computes their ETAs on this scenario. Either end may be open.
  std::optional<Instant> mulai;
  std::optional<Instant> selesai;
  std::string waktu;     // when it was saved (ISO 8601)
  std::string pengguna;  // who saved it
};

// Whether `s` has a period (either end given) and `t` lies in it (ends included; an open end
// has no limit). A scenario without a period never holds at a time.
inline bool HoldsAt(const Scenario& s, Instant t) {
  if (!s.mulai && !s.selesai) return false;
  return (!s.mulai || *s.mulai <= t) && (!s.selesai || t <= *s.selesai);
}

// Travel minutes from one facility to another over the friction of a scenario.
struct FacilityRoute {
  std::string from;
  std::string to;
  units::Minutes minutes{0};
};

}  // namespace jangkau
