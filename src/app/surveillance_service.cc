#include "app/surveillance_service.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "app/reference_tables.h"
#include "app/surveillance_series.h"
#include "base/text_util.h"
#include "needs/proposal.h"
#include "surveillance/ears.h"
#include "surveillance/farrington.h"
#include "surveillance/fixed.h"

namespace jangkau::app {
namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

constexpr std::array<std::string_view, 7> kMethodKeys = {
    "fixed", "ears-c1", "ears-c2", "ears-c3", "farrington", "klb", "twice-mean3"};

std::string AlertId(const std::string& kode, EpiWeek w, const std::string& penyakit,
                    const std::string& metode) {
  return kode + ":" + w.Text() + ":" + penyakit + ":" + metode;
}

// Each facility's nearest reporting neighbours within the distance.
std::map<std::string, std::vector<std::string>> Neighbours(
    const std::map<std::string, const Facility*>& facilities, const Reports& reports,
    const AlertOptions& o) {
  std::map<std::string, std::vector<std::string>> out;
  struct Place {
    std::string kode;
    double lon, lat;
  };
  std::vector<Place> placed;
  for (const auto& [kode, series] : reports.facilities) {
    const auto it = facilities.find(kode);
    if (it == facilities.end()) continue;
    const std::optional<double> lon = it->second->lon;
    const std::optional<double> lat = it->second->lat;
    if (lon && lat) placed.push_back({kode, *lon, *lat});
  }
  for (const Place& me : placed) {
    std::vector<std::pair<double, std::string>> near;
    for (const Place& other : placed) {
      if (other.kode == me.kode) continue;
      const double km = needs::HaversineKm(me.lon, me.lat, other.lon, other.lat).value();
      if (km <= o.neighbour_km) near.emplace_back(km, other.kode);
    }
    std::sort(near.begin(), near.end());
    if (near.size() > static_cast<std::size_t>(o.neighbours)) {
      near.resize(static_cast<std::size_t>(o.neighbours));
    }
    for (auto& [km, other] : near) out[me.kode].push_back(other);
  }
  return out;
}

std::string Num(double v) { return fmt::format("{:g}", v); }

std::string Wib(int64_t seconds) { return Instant{seconds}.Iso(); }

// The data-quality flags: double reporting with a neighbour, a jump in reporting units, a week
// sent again with other values.
std::vector<QualityFlag> QualityFlags(const store::Workspace& ws, const Reports& reports,
                                      const std::map<std::string, const Facility*>& facilities,
                                      const AlertOptions& o) {
  std::vector<QualityFlag> out;
  auto name = [&](const std::string& kode) {
    const auto it = facilities.find(kode);
    return it == facilities.end() ? std::string() : it->second->nama;
  };
  const auto near = Neighbours(facilities, reports, o);
  for (const auto& [kode, f] : reports.facilities) {
    const auto n_it = near.find(kode);
    for (const auto& [penyakit, d] : f.diseases) {
      if (n_it == near.end()) break;
      for (std::size_t i = f.first; i < d.cases.size(); ++i) {
        const double median = surveillance::HistoryMedian(d.cases, i, o.quality);
        if (!surveillance::FarAboveHistory(d.cases[i], median, o.quality)) continue;
        const double excess = d.cases[i] - median;
        for (const std::string& other : n_it->second) {
          const FacilitySeries& g = reports.facilities.at(other);
          const auto od = g.diseases.find(penyakit);
          if (od == g.diseases.end()) continue;
          if (!surveillance::ExcessMatches(excess, od->second.cases[i], o.quality)) continue;
          out.push_back({kode, name(kode), reports.axis.weeks[i], penyakit, "ganda_dengan_tetangga",
                         d.cases[i],
                         fmt::format("median {} minggu sebelumnya {}; kelebihan {} = laporan {} "
                                     "({}) {}",
                                     o.quality.window, Num(median), Num(excess), other, name(other),
                                     Num(od->second.cases[i]))});
          break;
        }
      }
    }
    for (std::size_t i = f.first; i < f.units.size(); ++i) {
      const double median = surveillance::HistoryMedian(f.units, i, o.quality);
      if (!surveillance::UnitJump(f.units[i], median, o.quality)) continue;
      out.push_back({kode, name(kode), reports.axis.weeks[i], "", "lonjakan_unit_pelapor",
                     f.units[i],
                     fmt::format("median {} minggu sebelumnya {}", o.quality.window, Num(median))});
    }
  }
  // Sendings of one facility, week and disease with different values.
  const std::vector<WeeklyResend> resends = ws.WeeklyResends();
  for (std::size_t i = 0; i < resends.size();) {
    std::size_t j = i;
    std::string values;
    while (j < resends.size() && resends[j].kode_faskes == resends[i].kode_faskes &&
           resends[j].minggu == resends[i].minggu && resends[j].penyakit == resends[i].penyakit) {
      values += (values.empty() ? "" : " -> ") +
                fmt::format("{} ({})", resends[j].kasus, Wib(resends[j].diterima.seconds));
      ++j;
    }
    out.push_back({resends[i].kode_faskes, name(resends[i].kode_faskes), resends[i].minggu,
                   resends[i].penyakit, "kiriman_berbeda", static_cast<double>(j - i), values});
    i = j;
  }
  std::sort(out.begin(), out.end(), [](const QualityFlag& a, const QualityFlag& b) {
    return std::tie(a.minggu, a.kode_faskes, a.penyakit, a.jenis) <
           std::tie(b.minggu, b.kode_faskes, b.penyakit, b.jenis);
  });
  return out;
}

double HoursBetween(Instant a, Instant b) {
  return static_cast<double>(b.seconds - a.seconds) / 3600.0;
}

}  // namespace

std::string_view AlertMethodKey(AlertMethod m) { return kMethodKeys[static_cast<std::size_t>(m)]; }

std::optional<std::vector<AlertMethod>> ParseAlertMethods(std::string_view text) {
  std::vector<AlertMethod> out;
  for (const std::string& part : SplitList(text, ',')) {
    const std::string key = ToLowerAscii(part);
    if (key == "all" || key == "semua") return AlertOptions{}.methods;
    bool found = false;
    for (std::size_t i = 0; i < kMethodKeys.size(); ++i) {
      if (key != kMethodKeys[i]) continue;
      const auto m = static_cast<AlertMethod>(i);
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      found = true;
    }
    if (!found) return std::nullopt;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::expected<AlertResult, Error> ComputeAlerts(const store::Workspace& ws, const AlertOptions& o) {
  auto thresholds = LoadSkdrThresholds(ws);
  if (!thresholds) return std::unexpected(thresholds.error());
  const std::vector<Facility> registry = ws.Facilities();
  std::map<std::string, const Facility*> facilities;
  for (const Facility& f : registry) facilities.emplace(f.kode, &f);
  const Reports reports = Gather(ws.WeeklyReports());
  AlertResult result;
  if (reports.facilities.empty()) return result;
  for (const auto& [kode, f] : reports.facilities) result.reporting.insert(kode);
  result.flags = QualityFlags(ws, reports, facilities, o);

  // The flags at each report, and the reports held back as double reporting.
  std::map<std::tuple<std::string, EpiWeek, std::string>, std::string> flag_at;
  std::set<std::tuple<std::string, EpiWeek, std::string>> withheld;
  for (const QualityFlag& q : result.flags) {
    std::string& s = flag_at[{q.kode_faskes, q.minggu, q.penyakit}];
    s += (s.empty() ? "" : ";") + q.jenis;
    if (q.jenis == "ganda_dengan_tetangga") withheld.insert({q.kode_faskes, q.minggu, q.penyakit});
  }
  std::map<std::string, std::vector<AlertEvent>> steps;
  for (AlertEvent& e : ws.AlertEvents()) steps[e.id].push_back(std::move(e));
  const auto wants = [&](AlertMethod m) {
    return std::find(o.methods.begin(), o.methods.end(), m) != o.methods.end();
  };

  // One facility's alerts into `out`; facilities are independent, shared by the threads below.
  struct Bucket {
    std::vector<Alert> alerts;
    int withheld = 0;
  };
  auto run = [&](const std::string& kode, const FacilitySeries& f, Bucket& out) {
    const auto fac = facilities.find(kode);
    const std::string nama = fac == facilities.end() ? std::string() : fac->second->nama;
    const std::string kabupaten =
        fac == facilities.end() ? std::string() : KabupatenOf(*fac->second);
    std::vector<int> years;
    for (std::size_t i = f.first; i < reports.axis.weeks.size(); ++i) {
      years.push_back(reports.axis.weeks[i].year);
    }
    for (const auto& [penyakit, d] : f.diseases) {
      const std::vector<double> cases = From(d.cases, f.first);
      auto add = [&](std::size_t row, const std::string& metode, double observed, double bound) {
        const std::size_t i = row + f.first;
        const EpiWeek week = reports.axis.weeks[i];
        if (!InRange(week, o.from, o.to)) return;
        const auto key = std::tuple{kode, week, penyakit};
        if (withheld.contains(key)) {
          ++out.withheld;
          return;
        }
        Alert a;
        a.id = AlertId(kode, week, penyakit, metode);
        a.kode_faskes = kode;
        a.nama_faskes = nama;
        a.penyakit = penyakit;
        a.metode = metode;
        a.minggu = week;
        a.teramati = observed;
        a.ambang = bound;
        a.dibuka = Instant{d.received[i] != 0 ? d.received[i] : f.received[i]};
        if (const auto it = flag_at.find(key); it != flag_at.end()) a.mutu_data = it->second;
        if (const auto it = flag_at.find({kode, week, ""}); it != flag_at.end()) {
          a.mutu_data += (a.mutu_data.empty() ? "" : ";") + it->second;
        }
        if (const auto it = steps.find(a.id); it != steps.end()) {
          for (const AlertEvent& e : it->second) {
            a.status = e.status;
            if (e.status == AlertStatus::kDirespons) a.direspons = e.waktu;
            if (!a.diverifikasi && e.status != AlertStatus::kDirespons) a.diverifikasi = e.waktu;
          }
        }
        out.alerts.push_back(std::move(a));
      };
      auto add_detections = [&](const std::vector<surveillance::Detection>& found,
                                const std::string& metode) {
        for (const surveillance::Detection& det : found) {
          if (det.alarm == true) add(det.index, metode, det.observed, det.upper);
        }
      };
      if (wants(AlertMethod::kFixed)) {
        if (auto t = ThresholdFor(*thresholds, kabupaten, penyakit)) {
          add_detections(surveillance::FixedThreshold(cases, *t), "fixed");
        }
      }
      for (auto [m, em] : {std::pair{AlertMethod::kEarsC1, surveillance::EarsMethod::kC1},
                           std::pair{AlertMethod::kEarsC2, surveillance::EarsMethod::kC2},
                           std::pair{AlertMethod::kEarsC3, surveillance::EarsMethod::kC3}}) {
        if (!wants(m)) continue;
        surveillance::EarsOptions eo;
        eo.method = em;
        eo.min_sigma = o.ears_min_sigma;
        if (auto found = surveillance::Ears(cases, eo)) {
          add_detections(*found, std::string(AlertMethodKey(m)));
        }
      }
      if (wants(AlertMethod::kTwiceMean3)) {
        add_detections(surveillance::TwiceRecentMean(cases, 3), "twice-mean3");
      }
      if (wants(AlertMethod::kFarrington)) {
        surveillance::FarringtonOptions fo;
        fo.b = o.farrington_b;
        if (auto found = surveillance::Farrington(cases, fo)) add_detections(*found, "farrington");
      }
      if (wants(AlertMethod::kKlb)) {
        surveillance::KlbSeries ks{cases, From(d.deaths, f.first), From(f.all_cases, f.first),
                                   years};
        for (const surveillance::KlbFlag& k : surveillance::KlbCriteria(ks, o.klb)) {
          add(k.index, "klb-" + std::string(surveillance::KlbCriterionKey(k.criterion)), k.observed,
              k.compared);
        }
      }
    }
  };
  std::vector<const std::pair<const std::string, FacilitySeries>*> items;
  items.reserve(reports.facilities.size());
  for (const auto& item : reports.facilities) {
    if (!o.only || o.only->contains(item.first)) items.push_back(&item);
  }
  if (o.only)
    std::erase_if(result.reporting, [&](const std::string& k) { return !o.only->contains(k); });
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<Bucket> buckets(threads);
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t k = 0; k < threads; ++k) {
      pool.emplace_back([&, k] {
        for (std::size_t i = k; i < items.size(); i += threads) {
          run(items[i]->first, items[i]->second, buckets[k]);
        }
      });
    }
  }
  for (Bucket& b : buckets) {
    result.withheld += b.withheld;
    std::move(b.alerts.begin(), b.alerts.end(), std::back_inserter(result.alerts));
  }
  std::sort(result.alerts.begin(), result.alerts.end(), [](const Alert& a, const Alert& b) {
    return std::tie(a.minggu, a.kode_faskes, a.penyakit, a.metode) <
           std::tie(b.minggu, b.kode_faskes, b.penyakit, b.metode);
  });
  std::erase_if(result.flags, [&](const QualityFlag& q) {
    return !InRange(q.minggu, o.from, o.to) || (o.only && !o.only->contains(q.kode_faskes));
  });
  return result;
}

report::Table AlertsTable(const AlertResult& r) {
  report::Table t{"peringatan",
                  {"id", "kode_faskes", "nama_faskes", "minggu", "penyakit", "metode", "teramati",
                   "ambang", "status", "dibuka", "jam_ke_verifikasi", "jam_ke_respons",
                   "verifikasi_24_jam", "respons_24_jam", "mutu_data"}};
  for (const Alert& a : r.alerts) {
    auto hours = [&](const std::optional<Instant>& t) {
      return t ? report::Cell{HoursBetween(a.dibuka, *t)} : report::Cell{};
    };
    auto within = [&](const std::optional<Instant>& t) {
      return t ? report::Cell{HoursBetween(a.dibuka, *t) <= 24} : report::Cell{};
    };
    t.rows.push_back({a.id, a.kode_faskes, a.nama_faskes, a.minggu.Text(), a.penyakit, a.metode,
                      a.teramati, a.ambang, std::string(AlertStatusKey(a.status)), a.dibuka.Iso(),
                      hours(a.diverifikasi), hours(a.direspons), within(a.diverifikasi),
                      within(a.direspons), a.mutu_data});
  }
  if (r.withheld > 0) {
    t.note = fmt::format(
        "{} alarm ditahan karena dugaan laporan ganda (lihat tabel mutu data) / {} alarms held "
        "back as suspected double reporting (see the data-quality table)",
        r.withheld, r.withheld);
  }
  return t;
}

report::Table QualityTable(const AlertResult& r) {
  report::Table t{
      "mutu_data",
      {"minggu", "kode_faskes", "nama_faskes", "penyakit", "jenis", "nilai", "rincian"}};
  for (const QualityFlag& q : r.flags) {
    t.rows.push_back(
        {q.minggu.Text(), q.kode_faskes, q.nama_faskes, q.penyakit, q.jenis, q.nilai, q.rincian});
  }
  return t;
}

report::Table AlertMonthsTable(const AlertResult& r) {
  struct Month {
    int64_t alerts = 0, verified = 0, verified_24 = 0, responded = 0, responded_24 = 0;
  };
  std::map<std::string, Month> months;
  for (const Alert& a : r.alerts) {
    Month& m = months[a.dibuka.Iso().substr(0, 7)];  // in WIB: "YYYY-MM"
    ++m.alerts;
    if (a.diverifikasi) {
      ++m.verified;
      if (a.diverifikasi->seconds - a.dibuka.seconds <= kDaySeconds) ++m.verified_24;
    }
    if (a.direspons) {
      ++m.responded;
      if (a.direspons->seconds - a.dibuka.seconds <= kDaySeconds) ++m.responded_24;
    }
  }
  report::Table t{
      "peringatan_per_bulan",
      {"bulan", "peringatan", "diverifikasi", "persen_diverifikasi", "persen_verifikasi_24_jam",
       "di_bawah_target_70", "direspons", "persen_direspons", "persen_respons_24_jam"}};
  for (const auto& [month, m] : months) {
    const auto pct = [&](int64_t n) { return 100.0 * static_cast<double>(n) / m.alerts; };
    t.rows.push_back({month, m.alerts, m.verified, pct(m.verified), pct(m.verified_24),
                      pct(m.verified) < 70, m.responded, pct(m.responded), pct(m.responded_24)});
  }
  t.note =
      "Target verifikasi >= 70% (SKDR); jam dihitung dari diterimanya laporan yang memicu / "
      "verification target >= 70% (SKDR); hours count from the arrival of the triggering report";
  return t;
}

std::expected<void, Error> RecordAlertStep(store::Workspace& ws, const std::string& id,
                                           AlertStatus to, Instant at, const std::string& user,
                                           const std::string& note) {
  const std::vector<std::string> parts = SplitList(id, ':');
  const auto unknown = Error{Msg::kUnknownAlert, {id}};
  if (parts.size() != 4 || to == AlertStatus::kTerbuka) return std::unexpected(unknown);
  const auto week = EpiWeek::Parse(parts[1]);
  const std::string& metode = parts[3];
  bool method_ok = metode != "klb" && std::ranges::find(kMethodKeys, metode) != kMethodKeys.end();
  for (int c = 0; c < surveillance::kKlbCriteria; ++c) {
    const auto key = surveillance::KlbCriterionKey(static_cast<surveillance::KlbCriterion>(c));
    method_ok = method_ok || metode == "klb-" + std::string(key);
  }
  if (!week || !method_ok) return std::unexpected(unknown);
  std::optional<Instant> opened;
  for (const StoredWeeklyReport& s : ws.WeeklyReports()) {
    if (s.report.kode_faskes == parts[0] && s.report.minggu == *week &&
        s.report.penyakit == parts[2]) {
      opened = s.diterima;
    }
  }
  if (!opened) return std::unexpected(unknown);
  AlertStatus current = AlertStatus::kTerbuka;
  Instant last = *opened;
  std::string last_what = "laporan diterima / report received";
  for (const AlertEvent& e : ws.AlertEvents()) {
    if (e.id != id) continue;
    current = e.status;
    last = e.waktu;
    last_what = std::string(AlertStatusKey(e.status));
  }
  if (!AlertTransitionAllowed(current, to)) {
    std::string allowed;
    for (AlertStatus s :
         {AlertStatus::kDiverifikasi, AlertStatus::kDirespons, AlertStatus::kBukanKlb}) {
      if (AlertTransitionAllowed(current, s)) {
        allowed += (allowed.empty() ? "" : ", ") + std::string(AlertStatusKey(s));
      }
    }
    return std::unexpected(
        Error{Msg::kAlertTransition,
              {id, std::string(AlertStatusKey(current)), std::string(AlertStatusKey(to)),
               allowed.empty() ? "-" : allowed}});
  }
  if (at < last) {
    return std::unexpected(Error{Msg::kAlertTimeBackwards, {id, at.Iso(), last.Iso(), last_what}});
  }
  return ws.AddAlertEvent({id, to, at, user, note});
}

}  // namespace jangkau::app
