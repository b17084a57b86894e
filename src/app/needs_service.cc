#include "app/needs_service.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/access_service.h"
#include "app/reference_tables.h"
#include "needs/ratio.h"

namespace jangkau::app {
namespace {

// Cadres that lump several others -> the norm lines sharing their rumpun.
std::map<std::string, std::vector<std::string>> AggregateSpans(const CadreCatalog& cadres,
                                                               const NormTable& table) {
  std::map<std::string, std::vector<std::string>> spans;
  for (const Cadre& agg : cadres.cadres()) {
    if (!agg.aggregate) continue;
    for (const NormRow& row : table.rows) {
      for (const auto& c : row.cadres) {
        const Cadre* cadre = cadres.Find(c);
        if (cadre != nullptr && cadre->rumpun == agg.rumpun) {
          spans[agg.kode].push_back(row.kode);
          break;
        }
      }
    }
  }
  return spans;
}

}  // namespace

std::optional<std::set<needs::NeedMethod>> ParseNeedMethods(const std::string& text) {
  if (text == "all") {
    return std::set<needs::NeedMethod>{needs::NeedMethod::kNorms, needs::NeedMethod::kAbk,
                                       needs::NeedMethod::kWisn, needs::NeedMethod::kRatio};
  }
  for (auto m : {needs::NeedMethod::kNorms, needs::NeedMethod::kAbk, needs::NeedMethod::kWisn,
                 needs::NeedMethod::kRatio}) {
    if (text == needs::MethodKey(m)) return std::set<needs::NeedMethod>{m};
  }
  return std::nullopt;
}

std::string_view SurplusBasisKey(SurplusBasis b) {
  switch (b) {
    case SurplusBasis::kAbk:
      return "abk";
    case SurplusBasis::kWisn:
      return "wisn";
    case SurplusBasis::kFormasi:
      return "formasi";
  }
  return "";
}

std::vector<MovableSurplus> MovableSurpluses(
    const std::vector<needs::NeedLine>& lines, const std::vector<needs::NeedLine>& workload,
    const std::vector<FormasiCeiling>& ceilings,
    const std::vector<needs::FacilityProfile>& facilities) {
  std::map<std::pair<std::string, std::string>, int> ceiling;  // (facility, cadre) -> formasi
  for (const FormasiCeiling& c : ceilings) ceiling[{c.kode_faskes, c.cadre}] = c.formasi;
  std::map<std::string, const needs::FacilityProfile*> profile;
  for (const auto& f : facilities) profile[f.kode] = &f;
  std::vector<MovableSurplus> out;
  for (const needs::NeedLine& l : lines) {
    const int margin = l.Surplus();
    if (margin <= 0) continue;
    if (needs::MeasuresWorkload(l.method)) {
      out.push_back({l.kode_faskes, l.group, margin,
                     l.method == needs::NeedMethod::kAbk ? SurplusBasis::kAbk : SurplusBasis::kWisn,
                     static_cast<double>(margin)});
      continue;
    }
    // The workload lines of this facility whose cadres all belong to the group, together.
    std::optional<double> measured;
    SurplusBasis measured_by = SurplusBasis::kAbk;
    for (const needs::NeedLine& w : workload) {
      if (w.kode_faskes != l.kode_faskes) continue;
      const bool inside = std::all_of(w.cadres.begin(), w.cadres.end(), [&](const auto& c) {
        return std::find(l.cadres.begin(), l.cadres.end(), c) != l.cadres.end();
      });
      if (!inside) continue;
      measured = measured.value_or(0) + w.gap;
      measured_by = w.method == needs::NeedMethod::kAbk ? SurplusBasis::kAbk : SurplusBasis::kWisn;
    }
    // Staff above the approved formasi of the group's cadres.
    std::optional<double> above;
    auto p = profile.find(l.kode_faskes);
    for (const std::string& c : l.cadres) {
      auto cap = ceiling.find({l.kode_faskes, c});
      if (cap == ceiling.end()) continue;
      double staff = 0;
      if (p != profile.end()) {
        if (auto s = p->second->staff.find(c); s != p->second->staff.end()) staff = s->second;
      }
      above = above.value_or(0) + std::max(0.0, staff - cap->second);
    }
    const double by_workload = measured ? std::floor(std::max(0.0, *measured) + 1e-9) : 0;
    const double by_ceiling = above ? std::floor(*above + 1e-9) : 0;
    const bool use_workload = measured && by_workload >= by_ceiling;
    const double chosen = use_workload ? by_workload : by_ceiling;
    const int count = std::min(margin, static_cast<int>(chosen));
    if (count <= 0) continue;
    out.push_back({l.kode_faskes, l.group, count,
                   use_workload ? measured_by : SurplusBasis::kFormasi, chosen});
  }
  return out;
}

std::expected<MovePlan, Error> PlanMoves(const std::vector<needs::NeedLine>& lines,
                                         const std::vector<MovableSurplus>& surpluses,
                                         const std::vector<needs::FacilityProfile>& facilities,
                                         const std::vector<FacilityRoute>& routes,
                                         units::Minutes max_minutes,
                                         std::optional<units::Km> max_km) {
  MovePlan out;
  plan::RedistributionProblem problem;
  problem.max_minutes = max_minutes;
  std::map<std::pair<std::string, std::string>, SurplusBasis> basis;
  for (const MovableSurplus& s : surpluses) {
    problem.surpluses.push_back({s.kode_faskes, s.group, s.count});
    basis[{s.kode_faskes, s.group}] = s.basis;
  }
  std::map<std::pair<std::string, std::string>, int> movable;
  for (const MovableSurplus& s : surpluses) movable[{s.kode_faskes, s.group}] += s.count;
  for (const needs::NeedLine& l : lines) {
    if (l.Shortage() > 0) {
      problem.shortages.push_back({l.kode_faskes, l.group, l.Shortage()});
      out.shortage_before += l.Shortage();
    }
    if (!needs::MeasuresWorkload(l.method)) {
      out.staff_above_minimum += std::max(0, l.Surplus() - movable[{l.kode_faskes, l.group}]);
    }
  }
  std::map<std::string, std::pair<double, double>> where;
  for (const auto& f : facilities) {
    if (f.lon && f.lat) where[f.kode] = {*f.lon, *f.lat};
  }
  auto km_between = [&](const std::string& a, const std::string& b) -> std::optional<units::Km> {
    auto pa = where.find(a);
    auto pb = where.find(b);
    if (pa == where.end() || pb == where.end()) return std::nullopt;
    return needs::HaversineKm(pa->second.first, pa->second.second, pb->second.first,
                              pb->second.second);
  };
  auto within_km = [&](const std::string& a, const std::string& b) {
    if (!max_km) return true;
    auto km = km_between(a, b);
    return km && *km <= *max_km;
  };
  if (!routes.empty()) {
    for (const FacilityRoute& r : routes) {
      if (within_km(r.from, r.to)) problem.routes.push_back({r.from, r.to, r.minutes});
    }
  } else {
    out.minutes_assumed = true;
    for (const auto& [a, pa] : where) {
      for (const auto& [b, pb] : where) {
        auto km = km_between(a, b);
        if (a == b || !km || !within_km(a, b)) continue;
        problem.routes.push_back({a, b, units::TravelTime(*km, kAssumedMoveSpeed)});
      }
    }
  }
  auto plan = plan::PlanRedistribution(problem);
  if (!plan) return std::unexpected(plan.error());
  out.moves = std::move(plan->moves);
  for (const plan::StaffMove& m : out.moves) out.basis.push_back(basis.at({m.from, m.cadre}));
  out.shortage_left = plan->remaining_shortage;
  return out;
}

NeedsInputs LoadNeedsInputs(const store::Workspace& ws) {
  NeedsInputs in;
  in.cadres = ws.Cadres();
  const std::vector<Facility> facilities = ws.Facilities();
  for (const StaffMember& m : ws.Staff()) in.roster[m.kode_faskes].push_back(m);
  std::map<std::string, std::map<std::string, double>> counts;
  for (const StaffCount& c : ws.StaffCounts()) counts[c.kode_faskes][c.cadre] += c.jumlah;
  for (const EquipmentItem& e : ws.Equipment()) in.equipment[e.kode_faskes].push_back(e);
  std::map<std::string, int> latest_year;
  for (const ServiceVolume& s : ws.Services()) {
    latest_year[s.kode_faskes] = std::max(latest_year[s.kode_faskes], s.tahun);
  }
  for (const ServiceVolume& s : ws.Services()) {
    if (s.tahun == latest_year[s.kode_faskes]) {
      in.volumes[s.kode_faskes][s.kegiatan] += static_cast<double>(s.jumlah);
    }
  }

  for (const Facility& f : facilities) {
    needs::FacilityProfile p;
    p.kode = f.kode;
    p.nama = f.nama;
    p.type = f.type;
    p.rawat_inap = f.rawat_inap;
    p.area = f.area;
    p.attributes_assumed = f.rawat_inap_assumed || f.area_assumed;
    p.lon = f.lon;
    p.lat = f.lat;
    if (auto r = in.roster.find(f.kode); r != in.roster.end()) {
      for (const StaffMember& m : r->second) p.staff[m.cadre] += 1;
    } else if (auto c = counts.find(f.kode); c != counts.end()) {
      p.staff = c->second;
    }
    in.facility_names[f.kode] = f.nama;
    in.facilities.push_back(std::move(p));
  }

  // Population served: explicit catchments where given, else every village of the facility's
  // kecamatan shared equally among the puskesmas there.
  const auto population = LatestPopulation(ws.Population());
  const std::vector<Region> regions = ws.Regions(/*with_geometry=*/false);
  std::map<std::string, std::string> catchment;
  for (const Catchment& c : ws.Catchments()) catchment[c.kode_desa] = c.kode_faskes;
  std::map<std::string, std::vector<std::string>> puskesmas_by_kecamatan;
  for (const Facility& f : facilities) {
    if (f.type == FacilityType::kPuskesmas && !f.kode_kecamatan.empty() &&
        f.status != FacilityStatus::kTutup) {
      puskesmas_by_kecamatan[f.kode_kecamatan].push_back(f.kode);
    }
  }
  std::map<std::string, double> hazard_weighted;  // facility -> sum(pop x hazard)
  std::map<std::string, double> hazard_pop;
  std::map<std::string, double> hazard;
  for (const RegionIndicator& i : ws.Indicators()) {
    if (i.indikator == "indeks_bahaya_banjir") hazard[i.kode_wilayah] = i.nilai;
  }
  in.population_basis = catchment.empty() ? "kecamatan" : "catchments+kecamatan";
  auto served_by = [&](const std::string& desa,
                       const std::string& kecamatan) -> std::vector<std::string> {
    if (auto c = catchment.find(desa); c != catchment.end()) return {c->second};
    if (auto k = puskesmas_by_kecamatan.find(kecamatan); k != puskesmas_by_kecamatan.end()) {
      return k->second;
    }
    return {};
  };
  std::map<std::string, needs::FacilityProfile*> profile;
  for (needs::FacilityProfile& f : in.facilities) profile[f.kode] = &f;
  for (const Region& r : regions) {
    if (r.level != RegionLevel::kDesa) continue;
    const std::vector<std::string> served = served_by(r.kode, ParentCode(r.kode));
    for (const auto& kode : served) {
      if (auto p = profile.find(kode); p != profile.end()) {
        p->second->desa += 1.0 / static_cast<double>(served.size());
      }
    }
    auto pop = population.find(r.kode);
    if (pop == population.end() || pop->second.penduduk <= 0) continue;
    if (served.empty()) {
      in.population_unassigned += pop->second.penduduk;
      continue;
    }
    const double share =
        static_cast<double>(pop->second.penduduk) / static_cast<double>(served.size());
    for (const auto& kode : served) {
      in.population_served[kode] += units::People(share);
      if (auto h = hazard.find(r.kode); h != hazard.end()) {
        hazard_weighted[kode] += share * h->second;
        hazard_pop[kode] += share;
      }
    }
  }
  // The puskesmas network: each pustu and poskesdes counts for the puskesmas serving its village.
  for (const Facility& f : facilities) {
    const bool pustu = f.type == FacilityType::kPustu;
    const bool post = f.type == FacilityType::kPoskesdes || f.type == FacilityType::kPolindes;
    if ((!pustu && !post) || f.status == FacilityStatus::kTutup) continue;
    const std::string kecamatan =
        f.kode_kecamatan.empty() ? ParentCode(f.kode_desa) : f.kode_kecamatan;
    const std::vector<std::string> served = served_by(f.kode_desa, kecamatan);
    for (const auto& kode : served) {
      auto p = profile.find(kode);
      if (p == profile.end()) continue;
      (pustu ? p->second->pustu : p->second->poskesdes) += 1.0 / static_cast<double>(served.size());
    }
  }

  for (const needs::FacilityProfile& f : in.facilities) {
    needs::PriorityFactors factors;
    factors.population_served = in.population_served[f.kode];
    if (hazard_pop[f.kode] > 0) factors.flood_hazard = hazard_weighted[f.kode] / hazard_pop[f.kode];
    if (f.lon && f.lat) {
      std::optional<units::Km> nearest;
      for (const needs::FacilityProfile& g : in.facilities) {
        if (&g == &f || !g.lon || !g.lat) continue;
        const units::Km km = needs::HaversineKm(*f.lon, *f.lat, *g.lon, *g.lat);
        if (!nearest || km < *nearest) nearest = km;
      }
      if (nearest) factors.remoteness = *nearest;
    }
    in.factors[f.kode] = factors;
  }

  // Once `jangkau access run` has run (scenario dasar), travel time replaces straight lines:
  // population served is the people for whom the puskesmas is the nearest by travel time,
  // remoteness the minutes to the nearest other puskesmas (one measure for every line; a
  // facility the run left out has none, and one with no other puskesmas within the run's bound
  // counts the bound).
  const auto access = ws.AccessFacilities("dasar");
  if (!access.empty()) {
    in.population_basis = "waktu_tempuh";
    in.remoteness_basis = RemotenessBasis::kMinutesToOtherPuskesmas;
    for (auto& [kode, factors] : in.factors) factors.remoteness.reset();
  }
  for (const FacilityAccess& a : access) {
    auto f = in.factors.find(a.kode_faskes);
    if (f == in.factors.end()) continue;
    if (a.penduduk_terdekat) {
      in.population_served[a.kode_faskes] = *a.penduduk_terdekat;
      f->second.population_served = *a.penduduk_terdekat;
    }
    f->second.remoteness =
        needs::Remoteness(a.menit_ke_fasyankes_lain.value_or(kRouteBoundMinutes));
    f->second.remoteness_beyond = !a.menit_ke_fasyankes_lain.has_value();
  }
  return in;
}

namespace {

// Drops every facility not in `keep` from `in`, after the population and remoteness of all were
// measured.
void KeepOnly(NeedsInputs& in, const std::set<std::string>& keep) {
  auto out = [&](const std::string& kode) { return !keep.contains(kode); };
  std::erase_if(in.facilities, [&](const needs::FacilityProfile& f) { return out(f.kode); });
  std::erase_if(in.facility_names, [&](const auto& e) { return out(e.first); });
  std::erase_if(in.population_served, [&](const auto& e) { return out(e.first); });
  std::erase_if(in.factors, [&](const auto& e) { return out(e.first); });
  std::erase_if(in.roster, [&](const auto& e) { return out(e.first); });
  std::erase_if(in.equipment, [&](const auto& e) { return out(e.first); });
  std::erase_if(in.volumes, [&](const auto& e) { return out(e.first); });
}

}  // namespace

std::expected<NeedsReport, Error> ComputeNeeds(const store::Workspace& ws,
                                               const NeedsRequest& request) {
  NeedsReport report;
  report.inputs = LoadNeedsInputs(ws);
  if (request.only) KeepOnly(report.inputs, *request.only);
  const NeedsInputs& in = report.inputs;
  for (needs::NeedMethod method : request.methods) {
    switch (method) {
      case needs::NeedMethod::kNorms: {
        auto table = LoadNorms(ws, request.norms);
        if (!table) return std::unexpected(table.error());
        auto network = LoadNetworkNorms(ws);
        if (!network) return std::unexpected(network.error());
        needs::NormOptions options;
        options.aggregate_spans = AggregateSpans(in.cadres, *table);
        options.network = std::move(*network);
        auto result = needs::NormNeeds(*table, in.facilities, options);
        report.lines.insert(report.lines.end(), result.lines.begin(), result.lines.end());
        report.skipped = std::move(result.skipped);
        break;
      }
      case needs::NeedMethod::kWisn:
      case needs::NeedMethod::kAbk: {
        auto standards = LoadActivityStandards(ws);
        if (!standards) return std::unexpected(standards.error());
        needs::WorkloadOptions options;
        options.method = method;
        auto result = needs::WorkloadNeeds(*standards, in.facilities, in.volumes, options);
        report.lines.insert(report.lines.end(), result.lines.begin(), result.lines.end());
        report.refused.insert(report.refused.end(), result.refused.begin(), result.refused.end());
        break;
      }
      case needs::NeedMethod::kRatio: {
        auto targets = LoadRatioTargets(ws);
        if (!targets) return std::unexpected(targets.error());
        auto lines = needs::RatioNeeds(*targets, in.facilities, in.population_served);
        report.lines.insert(report.lines.end(), lines.begin(), lines.end());
        break;
      }
    }
  }
  return report;
}

std::expected<ProposalReport, Error> ComputeProposal(const store::Workspace& ws,
                                                     const ProposalRequest& request) {
  ProposalReport report;
  report.request = request;
  auto needs_report = ComputeNeeds(ws, request.needs);
  if (!needs_report) return std::unexpected(needs_report.error());
  report.needs = std::move(*needs_report);
  const NeedsInputs& in = report.needs.inputs;

  auto costs = LoadCosts(ws);
  auto retirement_rules = LoadRetirementRules(ws);
  auto competence = LoadCompetence(ws);
  auto equipment = LoadEquipmentStandards(ws);
  if (!costs) return std::unexpected(costs.error());
  if (!retirement_rules) return std::unexpected(retirement_rules.error());
  if (!competence) return std::unexpected(competence.error());
  if (!equipment) return std::unexpected(equipment.error());
  report.costs = *costs;
  report.ranked = needs::Prioritise(report.needs.lines, in.factors, request.weights);
  report.proposal = needs::BuildProposal(report.ranked, *costs, request.options);
  // Surplus to move is measured: by the proposal's own workload method, else by ABK-Kes over
  // the service volumes reported, or against the district's approved formasi.
  std::vector<needs::NeedLine> workload;
  const needs::NeedMethod method = *request.needs.methods.begin();
  if (!needs::MeasuresWorkload(method) && !in.volumes.empty()) {
    NeedsRequest abk;
    abk.methods = {needs::NeedMethod::kAbk};
    abk.only = request.needs.only;
    auto measured = ComputeNeeds(ws, abk);
    if (!measured) return std::unexpected(measured.error());
    workload = std::move(measured->lines);
    if (!workload.empty()) report.workload_method = needs::NeedMethod::kAbk;
  }
  auto ceilings = LoadFormasiCeilings(ws);
  if (!ceilings) return std::unexpected(ceilings.error());
  report.formasi_ceilings = !ceilings->empty();
  const auto surpluses = MovableSurpluses(report.needs.lines, workload, *ceilings, in.facilities);
  auto moves = PlanMoves(report.needs.lines, surpluses, in.facilities, ws.Routes("dasar"),
                         request.max_move_minutes, request.max_move_km);
  if (!moves) return std::unexpected(moves.error());
  report.moves = std::move(*moves);

  std::vector<StaffMember> roster;
  for (const auto& [kode, people] : in.roster)
    roster.insert(roster.end(), people.begin(), people.end());
  const int base_year = request.year - 1;
  report.retirements =
      needs::RetirementsBetween(roster, *retirement_rules, request.year, request.year + 4);
  needs::ProjectionOptions projection;
  projection.base_year = base_year;
  projection.years = 5;
  projection.attrition_rate = request.attrition_rate;
  // Planned hires are given per cadre; a line counts those of its first cadre.
  for (const needs::NeedLine& l : report.needs.lines) {
    if (l.cadres.empty()) continue;
    if (auto h = request.planned_hires.find(l.cadres.front()); h != request.planned_hires.end()) {
      projection.planned_hires[l.group] = h->second;
    }
  }
  report.projection = needs::ProjectNeeds(report.needs.lines, report.retirements, projection);
  report.competence = needs::CompetenceGaps(*competence, in.facilities, in.roster);
  report.equipment = needs::EquipmentGaps(*equipment, in.facilities, in.equipment);
  return report;
}

}  // namespace jangkau::app
