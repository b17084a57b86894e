// The planning results as tables: scenarios, the comparison with the baseline, chosen sites
// and mobile-clinic stops (what `jangkau plan` prints and the web and workbooks show).
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/plan_service.h"

namespace jangkau::app {

report::Table ScenariosTable(const std::vector<Scenario>& scenarios) {
  report::Table t{"skenario",
                  {"nama", "keterangan", "fasyankes_tutup", "area_banjir", "putus",
                   "kecepatan_diubah", "fasyankes_baru", "mulai", "selesai", "waktu", "pengguna"}};
  for (const Scenario& s : scenarios) {
    t.rows.push_back(
        {s.nama, s.keterangan, static_cast<int64_t>(s.closed.size()),
         static_cast<int64_t>(s.floods.size()), static_cast<int64_t>(s.cuts_wkb.size()),
         static_cast<int64_t>(s.speeds.size()), static_cast<int64_t>(s.added.size()),
         s.mulai ? report::Cell(s.mulai->Iso()) : report::Cell(),
         s.selesai ? report::Cell(s.selesai->Iso()) : report::Cell(), s.waktu, s.pengguna});
  }
  return t;
}

report::Table ScenarioItemsTable(const Scenario& s) {
  report::Table t{"isi_skenario", {"jenis", "kode", "nama", "nilai"}};
  for (const auto& k : s.closed)
    t.rows.push_back({std::string("tutup"), k, report::Cell{}, report::Cell{}});
  for (const auto& f : s.floods) {
    t.rows.push_back({std::string("banjir"), f.desa.empty() ? report::Cell{} : report::Cell{f.desa},
                      report::Cell{}, f.factor});
  }
  for (std::size_t i = 0; i < s.cuts_wkb.size(); ++i) {
    t.rows.push_back({std::string("putus"), report::Cell{}, report::Cell{}, report::Cell{}});
  }
  for (const auto& [kelas, kmh] : s.speeds) {
    t.rows.push_back({std::string("kecepatan"), kelas, report::Cell{}, kmh});
  }
  for (const auto& a : s.added) {
    t.rows.push_back({std::string("tambah"), a.kode, a.nama, report::Cell{}});
  }
  return t;
}

std::vector<report::Table> CompareTables(const CompareReport& r) {
  auto opt = [](const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; };
  auto region_table = [&](const std::string& name, const std::vector<RegionChange>& rows,
                          bool villages) {
    report::Table t{name,
                    {"kode_wilayah", "nama", "penduduk", "menit_sebelum", "menit_sesudah",
                     "kehilangan_30", "kehilangan_60", "kehilangan_120"}};
    if (villages) {
      t.columns.emplace_back("terdekat_sebelum");
      t.columns.emplace_back("terdekat_sesudah");
    }
    t.columns.emplace_back("jalan_perkiraan");
    for (const RegionChange& c : rows) {
      std::vector<report::Cell> row = {
          c.kode,     c.nama,     c.penduduk, opt(c.menit_sebelum), opt(c.menit_sesudah),
          c.Loses(0), c.Loses(1), c.Loses(2)};
      if (villages) {
        row.emplace_back(c.terdekat_sebelum);
        row.emplace_back(c.terdekat_sesudah);
      }
      row.emplace_back(r.roads_approximated);
      t.rows.push_back(std::move(row));
    }
    return t;
  };
  std::vector<RegionChange> kecamatan = r.kecamatan;
  kecamatan.push_back(r.kabupaten);
  report::Table facilities{"fasyankes",
                           {"kode_faskes", "nama_faskes", "status", "tenaga", "penduduk_sebelum",
                            "penduduk_sesudah", "per_tenaga_sebelum", "per_tenaga_sesudah",
                            "lonjakan", "rujukan_menit_sebelum", "rujukan_menit_sesudah"}};
  for (const FacilityChange& f : r.facilities) {
    facilities.rows.push_back({f.kode, f.nama,
                               std::string(f.closed  ? "tutup"
                                           : f.added ? "baru"
                                                     : "buka"),
                               f.tenaga, f.penduduk_sebelum, f.penduduk_sesudah,
                               opt(f.per_tenaga_sebelum), opt(f.per_tenaga_sesudah), f.lonjakan,
                               opt(f.rujukan_sebelum), opt(f.rujukan_sesudah)});
  }
  return {region_table("desa", r.villages, true), region_table("kecamatan", kecamatan, false),
          facilities};
}

report::Table CompareVillageLayer(const CompareReport& r, const std::vector<Region>& regions) {
  report::Table t = CompareTables(r)[0];
  t.name = "perbandingan_desa";
  std::map<std::string, const std::string*> geometry;
  for (const Region& g : regions) geometry[g.kode] = &g.geometry_wkb;
  for (const RegionChange& c : r.villages) {
    auto it = geometry.find(c.kode);
    t.geometry_wkb.push_back(it != geometry.end() ? *it->second : std::string());
  }
  return t;
}

report::Table SitesTable(const SitesReport& r) {
  report::Table t{"lokasi_terpilih",
                  {"urutan", "kode", "nama", "lon", "lat", "penduduk_tambahan",
                   "penduduk_kumulatif", "persen_terjangkau", "rata_menit"}};
  int order = 0;
  for (const plan::ChosenSite& s : r.result.sites) {
    const AddedFacility& c = r.candidates[static_cast<std::size_t>(s.candidate)];
    const double share =
        r.population > 0 ? 100 * (r.covered_before + s.cumulative_population) / r.population : 0;
    t.rows.push_back({int64_t{++order}, c.kode, c.nama, c.lon, c.lat, s.added_population,
                      s.cumulative_population, share, s.mean_minutes});
  }
  return t;
}

report::Table StopsTable(const StopsReport& r) {
  report::Table t{"titik_layanan_keliling",
                  {"urutan", "kode_titik", "nama_titik", "lon", "lat", "kode_desa", "nama_desa",
                   "penduduk", "menit_dari_titik"}};
  int order = 0;
  for (const plan::StopService& s : r.plan.stops) {
    ++order;
    const AddedFacility& stop = r.stops[static_cast<std::size_t>(s.stop)];
    for (const plan::ServedVillage& v : s.villages) {
      const auto i = static_cast<std::size_t>(v.village);
      t.rows.push_back({int64_t{order}, stop.kode, stop.nama, stop.lon, stop.lat,
                        r.village_codes[i], r.village_names[i], r.village_population[i],
                        v.minutes});
    }
  }
  for (int v : r.plan.unserved) {
    const auto i = static_cast<std::size_t>(v);
    t.rows.push_back({report::Cell{}, std::string("tidak_terlayani"), report::Cell{},
                      report::Cell{}, report::Cell{}, r.village_codes[i], r.village_names[i],
                      r.village_population[i], report::Cell{}});
  }
  return t;
}

}  // namespace jangkau::app
