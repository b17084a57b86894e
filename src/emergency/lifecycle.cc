#include "emergency/lifecycle.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace jangkau::emergency {
namespace {

using S = IncidentStatus;

std::optional<Instant>* StampOf(Incident& i, IncidentStatus s) {
  switch (s) {
    case S::kTerverifikasi:
      return &i.terverifikasi;
    case S::kUnitDikirim:
      return &i.unit_dikirim;
    case S::kUnitBerangkat:
      return &i.unit_berangkat;
    case S::kTibaDiLokasi:
      return &i.tiba_di_lokasi;
    case S::kMenujuFaskes:
      return &i.menuju_faskes;
    case S::kTibaDiFaskes:
      return &i.tiba_di_faskes;
    case S::kSelesai:
    case S::kDibatalkan:
    case S::kTidakValid:
      return &i.selesai;
    case S::kBaru:
      break;
  }
  return nullptr;
}

std::optional<double> Between(const std::optional<Instant>& a, const std::optional<Instant>& b) {
  if (!a || !b) return std::nullopt;
  return MinutesBetween(*a, *b);
}

constexpr std::array<Interval, kIntervalCount> kIntervals = {
    Interval::kCallToNotify, Interval::kTurnout, Interval::kTravel, Interval::kCallToScene,
    Interval::kSceneToFacility};

}  // namespace

bool TransitionAllowed(IncidentStatus from, IncidentStatus to) {
  switch (from) {
    case S::kBaru:
      return to == S::kTerverifikasi || to == S::kDibatalkan || to == S::kTidakValid;
    case S::kTerverifikasi:
      return to == S::kUnitDikirim || to == S::kDibatalkan || to == S::kTidakValid;
    case S::kUnitDikirim:
      return to == S::kUnitBerangkat || to == S::kDibatalkan;
    case S::kUnitBerangkat:
      return to == S::kTibaDiLokasi || to == S::kDibatalkan;
    case S::kTibaDiLokasi:
      return to == S::kMenujuFaskes || to == S::kSelesai;
    case S::kMenujuFaskes:
      return to == S::kTibaDiFaskes;
    case S::kTibaDiFaskes:
      return to == S::kSelesai;
    case S::kSelesai:
    case S::kDibatalkan:
    case S::kTidakValid:
      return false;
  }
  return false;
}

std::vector<IncidentStatus> AllowedFrom(IncidentStatus from) {
  std::vector<IncidentStatus> out;
  for (int k = 0; k < kIncidentStatusCount; ++k) {
    const auto to = static_cast<IncidentStatus>(k);
    if (TransitionAllowed(from, to)) out.push_back(to);
  }
  return out;
}

std::expected<Incident, Error> Apply(const Incident& incident, const IncidentEvent& event) {
  const std::string id = std::to_string(incident.id);
  if (!TransitionAllowed(incident.status, event.to)) {
    std::string allowed;
    for (IncidentStatus s : AllowedFrom(incident.status)) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(IncidentStatusKey(s));
    }
    return std::unexpected(
        Error{Msg::kIncidentTransition,
              {id, std::string(IncidentStatusKey(incident.status)),
               std::string(IncidentStatusKey(event.to)), allowed.empty() ? "-" : allowed}});
  }
  // The latest time the incident already carries, and which event it belongs to.
  Instant latest = incident.waktu;
  std::string latest_name = "panggilan";
  Incident copy = incident;
  for (int k = 1; k < kIncidentStatusCount; ++k) {
    const auto s = static_cast<IncidentStatus>(k);
    const std::optional<Instant>* stamp = StampOf(copy, s);
    if (stamp != nullptr && stamp->has_value() && **stamp > latest) {
      latest = **stamp;
      latest_name = std::string(IncidentStatusKey(s));
    }
  }
  if (event.waktu < latest) {
    return std::unexpected(Error{Msg::kIncidentTimeBackwards,
                                 {id, std::string(IncidentStatusKey(event.to)), event.waktu.Iso(),
                                  latest_name, latest.Iso()}});
  }
  if (event.to == S::kUnitDikirim && event.unit.empty()) {
    return std::unexpected(Error{Msg::kIncidentNeedsUnit, {id}});
  }
  copy.status = event.to;
  *StampOf(copy, event.to) = event.waktu;
  if (event.to == S::kUnitDikirim) copy.unit = event.unit;
  if (!event.faskes.empty()) copy.faskes_tujuan = event.faskes;
  return copy;
}

std::optional<UnitStatus> UnitStatusAfter(IncidentStatus to) {
  switch (to) {
    case S::kUnitDikirim:
      return UnitStatus::kDitugaskan;
    case S::kUnitBerangkat:
      return UnitStatus::kDalamPerjalanan;
    case S::kTibaDiLokasi:
      return UnitStatus::kDiLokasi;
    case S::kMenujuFaskes:
      return UnitStatus::kMengantar;
    case S::kTibaDiFaskes:
      return UnitStatus::kDiLokasi;
    case S::kSelesai:
    case S::kDibatalkan:
    case S::kTidakValid:
      return UnitStatus::kTersedia;
    case S::kBaru:
    case S::kTerverifikasi:
      break;
  }
  return std::nullopt;
}

Intervals IncidentIntervals(const Incident& i) {
  const std::optional<Instant> call = i.waktu;
  return {Between(call, i.unit_dikirim), Between(i.unit_dikirim, i.unit_berangkat),
          Between(i.unit_berangkat, i.tiba_di_lokasi), Between(call, i.tiba_di_lokasi),
          Between(i.tiba_di_lokasi, i.tiba_di_faskes)};
}

std::optional<double> Get(const Intervals& v, Interval i) {
  switch (i) {
    case Interval::kCallToNotify:
      return v.panggilan_ke_kirim;
    case Interval::kTurnout:
      return v.persiapan;
    case Interval::kTravel:
      return v.perjalanan;
    case Interval::kCallToScene:
      return v.panggilan_ke_lokasi;
    case Interval::kSceneToFacility:
      return v.lokasi_ke_faskes;
  }
  return std::nullopt;
}

std::vector<KpiRow> Summarise(std::span<const KpiInput> incidents,
                              std::span<const ResponseTarget> targets) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const KpiInput*>> groups;
  for (const KpiInput& k : incidents) {
    auto [it, fresh] = groups.try_emplace(k.group);
    if (fresh) order.push_back(k.group);
    it->second.push_back(&k);
  }
  auto target_of = [&](Priority p, Interval i) -> std::optional<double> {
    for (const ResponseTarget& t : targets) {
      if (t.prioritas == p && t.interval == i) return t.minutes;
    }
    return std::nullopt;
  };
  std::vector<KpiRow> out;
  for (const std::string& g : order) {
    KpiRow row;
    row.group = g;
    row.incidents = static_cast<int>(groups[g].size());
    for (std::size_t k = 0; k < kIntervals.size(); ++k) {
      const Interval interval = kIntervals[k];
      std::vector<double> values;
      int with_target = 0;
      int within = 0;
      for (const KpiInput* in : groups[g]) {
        const auto v = Get(in->intervals, interval);
        if (!v) continue;
        values.push_back(*v);
        if (const auto t = target_of(in->prioritas, interval)) {
          ++with_target;
          if (*v <= *t + 1e-9) ++within;
        }
      }
      IntervalSummary& s = row.intervals[k];
      s.n = static_cast<int>(values.size());
      if (values.empty()) continue;
      std::sort(values.begin(), values.end());
      double sum = 0;
      for (double v : values) sum += v;
      s.mean = sum / static_cast<double>(values.size());
      const std::size_t rank = (9 * values.size() + 9) / 10;  // ceil(0.9 n), in integers
      s.p90 = values[rank - 1];
      if (with_target > 0) s.percent_within = 100.0 * within / with_target;
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace jangkau::emergency
