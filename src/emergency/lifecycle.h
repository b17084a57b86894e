// An incident's lifecycle as a transition table, and the response intervals and their summary
// (count, mean, 90th percentile by nearest rank, share within a target). Pure functions over
// model values; thread-safe.
#pragma once

#include <array>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/emergency.h"

namespace jangkau::emergency {

// baru -> terverifikasi -> unit_dikirim -> unit_berangkat -> tiba_di_lokasi -> menuju_faskes ->
// tiba_di_faskes -> selesai; selesai straight after tiba_di_lokasi (treated on site);
// dibatalkan from baru, terverifikasi, unit_dikirim and unit_berangkat; tidak_valid from baru
// and terverifikasi. selesai, dibatalkan and tidak_valid are final.
bool TransitionAllowed(IncidentStatus from, IncidentStatus to);
std::vector<IncidentStatus> AllowedFrom(IncidentStatus from);
// Whether no transition leaves `s` (selesai, dibatalkan, tidak_valid).
inline bool IsFinal(IncidentStatus s) { return AllowedFrom(s).empty(); }

// The incident after `event`: its status and the timestamp of the state entered, the unit
// (required for unit_dikirim) and the facility. Refused, changing nothing: an illegal
// transition (kIncidentTransition), a time before the incident's latest one
// (kIncidentTimeBackwards, naming that event), unit_dikirim without a unit (kIncidentNeedsUnit).
std::expected<Incident, Error> Apply(const Incident& incident, const IncidentEvent& event);

// What entering `to` makes of the incident's unit: busy states for the way out, available again
// when the incident ends; std::nullopt when the unit's status does not change.
std::optional<UnitStatus> UnitStatusAfter(IncidentStatus to);

// Response intervals in minutes; a missing timestamp gives no value, never 0.
struct Intervals {
  std::optional<double> panggilan_ke_kirim;   // call -> unit notified
  std::optional<double> persiapan;            // notified -> departed (turnout)
  std::optional<double> perjalanan;           // departed -> on scene (travel)
  std::optional<double> panggilan_ke_lokasi;  // call -> on scene
  std::optional<double> lokasi_ke_faskes;     // on scene -> at the facility
};
Intervals IncidentIntervals(const Incident& incident);

std::optional<double> Get(const Intervals& v, Interval i);

struct IntervalSummary {
  int n = 0;  // incidents with this interval
  std::optional<double> mean;
  std::optional<double> p90;             // nearest rank: the ceil(0.9 n)-th smallest
  std::optional<double> percent_within;  // of those with a target for their priority
};
struct KpiRow {
  std::string group;
  int incidents = 0;
  std::array<IntervalSummary, kIntervalCount> intervals{};
};
struct KpiInput {
  std::string group;
  Priority prioritas = Priority::kP3;
  Intervals intervals;
};
// One row per group, in the order groups first appear.
std::vector<KpiRow> Summarise(std::span<const KpiInput> incidents,
                              std::span<const ResponseTarget> targets);

}  // namespace jangkau::emergency
