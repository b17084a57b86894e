// The surveillance report tables (app/surveillance_service.h): a facility's weekly series, the
// diseases, the weekly reports as stored, and completeness and timeliness.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/reference_tables.h"
#include "app/surveillance_series.h"
#include "app/surveillance_service.h"

namespace jangkau::app {

std::expected<FacilityDiseaseSeries, Error> WeeklySeries(const store::Workspace& ws,
                                                         const std::string& kode,
                                                         const std::string& penyakit) {
  auto thresholds = LoadSkdrThresholds(ws);
  if (!thresholds) return std::unexpected(thresholds.error());
  const std::vector<Facility> registry = ws.Facilities();
  const auto fac =
      std::ranges::find_if(registry, [&](const Facility& f) { return f.kode == kode; });
  if (fac == registry.end()) return std::unexpected(Error{Msg::kUnknownFacility, {"faskes", kode}});
  FacilityDiseaseSeries out;
  out.threshold = ThresholdFor(*thresholds, KabupatenOf(*fac), penyakit);
  const Reports reports = Gather(ws.WeeklyReports());
  const auto f = reports.facilities.find(kode);
  if (f == reports.facilities.end()) return out;
  const auto d = f->second.diseases.find(penyakit);
  if (d == f->second.diseases.end()) return out;
  out.weeks = From(reports.axis.weeks, f->second.first);
  out.cases = From(d->second.cases, f->second.first);
  return out;
}

std::expected<report::Table, Error> DiseasesTable(const store::Workspace& ws) {
  auto diseases = LoadSkdrDiseases(ws);
  if (!diseases) return std::unexpected(diseases.error());
  report::Table t{"penyakit", {"kode", "nama", "name_en", "skdr"}};
  for (const SkdrDisease& d : *diseases) t.rows.push_back({d.kode, d.nama, d.name_en, d.skdr});
  return t;
}

report::Table WeeklyReportsTable(const store::Workspace& ws, const std::optional<EpiWeek>& from,
                                 const std::optional<EpiWeek>& to) {
  std::map<std::string, std::string> names;
  for (const Facility& f : ws.Facilities()) names[f.kode] = f.nama;
  report::Table t{"laporan_mingguan",
                  {"kode_faskes", "nama_faskes", "minggu", "penyakit", "kasus", "kematian",
                   "unit_lapor", "diterima", "diterima_pertama", "kiriman"}};
  const auto opt = [](const std::optional<int64_t>& v) {
    return v ? report::Cell{*v} : report::Cell{};
  };
  for (const StoredWeeklyReport& s : ws.WeeklyReports()) {
    const WeeklyReport& r = s.report;
    if (!InRange(r.minggu, from, to)) continue;
    t.rows.push_back({r.kode_faskes, names[r.kode_faskes], r.minggu.Text(), r.penyakit, r.kasus,
                      opt(r.kematian), opt(r.unit_lapor), s.diterima.Iso(),
                      s.diterima_pertama.Iso(), int64_t{s.kiriman}});
  }
  return t;
}

report::Table CompletenessTable(const store::Workspace& ws, const CompletenessOptions& o) {
  const std::vector<Facility> registry = ws.Facilities();
  const Reports reports = Gather(ws.WeeklyReports());
  report::Table t{"kelengkapan", {}};
  std::vector<std::string> expected;
  std::map<std::string, std::string> names;
  for (const Facility& f : registry) {
    names[f.kode] = f.nama;
    if (f.type == FacilityType::kPuskesmas || reports.facilities.contains(f.kode)) {
      expected.push_back(f.kode);
    }
  }
  for (const auto& [kode, f] : reports.facilities) {
    if (!names.contains(kode)) expected.push_back(kode);
  }
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  if (o.only) std::erase_if(expected, [&](const std::string& k) { return !o.only->contains(k); });
  // The weeks: the option's range, or the reported one.
  std::vector<EpiWeek> weeks;
  std::optional<EpiWeek> first = o.from;
  std::optional<EpiWeek> last = o.to;
  if (!reports.axis.weeks.empty()) {
    if (!first) first = reports.axis.weeks.front();
    if (!last) last = reports.axis.weeks.back();
  }
  if (first && last) {
    for (EpiWeek w = *first; w <= *last; w = w.Next()) weeks.push_back(w);
  }
  struct Count {
    int64_t expected = 0, reported = 0, on_time = 0;
  };
  std::map<std::string, Count> by_facility;
  std::map<EpiWeek, Count> by_week;
  Count total;
  for (const EpiWeek& w : weeks) {
    const Instant began = Instant::Parse(w.Sunday().Iso() + "T00:00").value_or(Instant{});
    const int64_t deadline = began.seconds + 7 * kDaySeconds + int64_t{o.deadline_hours} * 3600;
    const std::optional<std::size_t> at = reports.axis.Find(w);
    for (const std::string& kode : expected) {
      Count& cf = by_facility[kode];
      Count& cw = by_week[w];
      ++cf.expected, ++cw.expected, ++total.expected;
      const auto fs = reports.facilities.find(kode);
      if (!at || fs == reports.facilities.end() || !fs->second.reported[*at]) {
        continue;
      }
      ++cf.reported, ++cw.reported, ++total.reported;
      if (fs->second.first_received[*at] < deadline) ++cf.on_time, ++cw.on_time, ++total.on_time;
    }
  }
  t.columns = {o.by_week ? "minggu" : "kode_faskes",
               o.by_week ? "faskes_diharapkan" : "nama_faskes"};
  if (!o.by_week) t.columns.push_back("minggu_diharapkan");
  for (const char* c : {"lapor", "tepat_waktu", "kelengkapan_persen", "ketepatan_persen",
                        "kelengkapan_di_bawah_90", "ketepatan_di_bawah_80"}) {
    t.columns.emplace_back(c);
  }
  auto row = [&](report::Cell a, report::Cell b, const Count& c) {
    const double complete = c.expected == 0 ? 0 : 100.0 * c.reported / c.expected;
    const double timely = c.expected == 0 ? 0 : 100.0 * c.on_time / c.expected;
    std::vector<report::Cell> r{std::move(a), std::move(b)};
    if (!o.by_week) r.emplace_back(c.expected);
    for (report::Cell v :
         {report::Cell{c.reported}, report::Cell{c.on_time}, report::Cell{complete},
          report::Cell{timely}, report::Cell{complete < 90}, report::Cell{timely < 80}}) {
      r.push_back(std::move(v));
    }
    t.rows.push_back(std::move(r));
  };
  if (o.by_week) {
    for (const auto& [w, c] : by_week) row(w.Text(), c.expected, c);
    row(std::string("TOTAL"), total.expected, total);
  } else {
    for (const auto& [kode, c] : by_facility) row(kode, names[kode], c);
    row(std::string("TOTAL"), std::string(), total);
  }
  t.note = fmt::format(
      "Tepat waktu: diterima pertama kali sebelum {} jam sesudah minggu berakhir (bawaan 72: "
      "sebelum Rabu 00.00 WIB) / on time: first received before {} hours after the week ended "
      "(default 72: before Wednesday 00:00 WIB)",
      o.deadline_hours, o.deadline_hours);
  return t;
}

}  // namespace jangkau::app
