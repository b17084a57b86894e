#include "app/stunting_sources.h"

#include <fmt/format.h>

#include <map>

#include "app/programmes_service.h"
#include "app/reference_data.h"
#include "growth/prevalence.h"
#include "model/region.h"

namespace jangkau::embedded {
std::string_view StuntingPublikasiCsv();
}  // namespace jangkau::embedded

namespace jangkau::app {
namespace {

struct Figure {
  int tahun = 0;
  std::string sumber;
  std::string jenis;  // "rutin" or "survei"
  double persen = 0;
  std::optional<double> bawah, atas, penyebut;
  std::string asal;
  std::string status;
  std::string catatan;
};

}  // namespace

StuntingSources StuntingBySource(const store::Workspace& ws) {
  std::string kabupaten;
  for (const Region& r : ws.Regions(false)) {
    if (r.level == RegionLevel::kKabupaten) kabupaten = r.kode;
  }
  std::vector<Figure> figures;
  const auto shipped = ParseCsvText(embedded::StuntingPublikasiCsv());
  for (std::size_t i = 1; i < shipped.size(); ++i) {
    const auto& c = shipped[i];
    if (c.size() < 7 || c[0] != kabupaten) continue;
    figures.push_back({std::stoi(c[1]),
                       c[2],
                       c[3],
                       std::stod(c[4]),
                       {},
                       {},
                       {},
                       c[5],
                       "dilaporkan_pers_belum_diverifikasi",
                       c[6]});
  }
  // The workspace's own routine figure, per year of measurement.
  const auto records = ws.GrowthRecords();
  std::map<int, bool> years;
  for (const GrowthRecord& r : records) years[r.tanggal_ukur.year] = true;
  const growth::Standards& who = growth::WhoStandards();
  for (const auto& [year, unused] : years) {
    std::vector<growth::SurveyChild> children;
    for (const GrowthRecord& r : LatestPerChild(records, Date{year, 1, 1}, Date{year, 12, 31})) {
      children.push_back({growth::Compute(who, ToMeasurement(r)), r.oedema, {}, {}, {}});
    }
    auto p = growth::Prevalence(children, {});
    if (!p) continue;
    const growth::IndicatorPrevalence& ha = p->rows.front().indicators[0];
    const growth::Estimate& e = ha.cut[1];  // HA < -2
    if (!e.r) continue;
    figures.push_back({year, "e-PPGBM (ruang kerja)", "rutin", *e.r, e.ll, e.ul, ha.unwpop,
                       "dihitung dari pengukuran yang diimpor (z-skor WHO)", "dihitung", ""});
  }
  std::stable_sort(figures.begin(), figures.end(), [](const Figure& a, const Figure& b) {
    return std::tie(a.tahun, a.jenis) < std::tie(b.tahun, b.jenis);
  });

  StuntingSources out;
  out.table = report::Table{"stunting_sumber",
                            {"tahun", "sumber", "jenis", "persen", "bawah", "atas", "penyebut",
                             "asal", "status", "catatan"}};
  auto opt = [](const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; };
  for (const Figure& f : figures) {
    out.table.rows.push_back({int64_t{f.tahun}, f.sumber, f.jenis, f.persen, opt(f.bawah),
                              opt(f.atas), opt(f.penyebut), f.asal, f.status, f.catatan});
  }
  for (const Figure& routine : figures) {
    if (routine.jenis != "rutin") continue;
    for (const Figure& survey : figures) {
      if (survey.jenis != "survei" || survey.tahun != routine.tahun || survey.persen <= 0) continue;
      if (routine.persen / survey.persen < 0.5) {
        out.warnings.push_back(
            {Severity::kWarning,
             "",
             0,
             0,
             kabupaten,
             Msg::kWarnRoutineBelowSurvey,
             {std::to_string(routine.tahun), fmt::format("{:.2f}", routine.persen), routine.sumber,
              fmt::format("{:.2f}", survey.persen), survey.sumber}});
      }
    }
  }
  return out;
}

}  // namespace jangkau::app
