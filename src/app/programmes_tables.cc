#include "app/programmes_tables.h"

#include <map>

#include "app/map_data.h"
#include "app/reference_data.h"
#include "app/reference_tables.h"
#include "model/region.h"
#include "programmes/stbm.h"
#include "programmes/uhc.h"

namespace jangkau::embedded {
std::string_view GermasButirCsv();
}  // namespace jangkau::embedded

namespace jangkau::app {
namespace {

report::Cell Opt(const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; }
report::Cell Opt(const std::optional<int64_t>& v) { return v ? report::Cell{*v} : report::Cell{}; }

// Household sums over a group of desa: only desa that report the column count in both parts.
struct Households {
  int64_t kk = 0;
  std::map<std::string, std::pair<int64_t, int64_t>> parts;  // column -> (households, of kk)
  void Add(const std::string& column, const std::optional<int64_t>& v, int64_t of) {
    if (!v) return;
    auto& p = parts[column];
    p.first += *v;
    p.second += of;
  }
  report::Cell Share(const std::string& column) const {
    const auto it = parts.find(column);
    if (it == parts.end() || it->second.second == 0) return {};
    return 100.0 * static_cast<double>(it->second.first) / static_cast<double>(it->second.second);
  }
};

const char* const kHouseholdColumns[] = {"jsp",    "jssp",   "sharing", "babs",   "ctps",
                                         "pammrt", "sampah", "limbah",  "3_pilar"};

void AddHouseholds(Households& h, const StbmDesa& d) {
  h.kk += d.kk;
  const std::optional<int64_t> values[] = {d.kk_jsp,    d.kk_jssp,   d.kk_sharing,
                                           d.kk_babs,   d.kk_ctps,   d.kk_pammrt,
                                           d.kk_sampah, d.kk_limbah, d.kk_3_pilar};
  for (std::size_t i = 0; i < std::size(values); ++i) h.Add(kHouseholdColumns[i], values[i], d.kk);
}

}  // namespace

std::map<std::string, StbmDesa> LatestStbm(const store::Workspace& ws) {
  std::map<std::string, StbmDesa> latest;
  for (StbmDesa& d : ws.Stbm()) {
    auto it = latest.find(d.kode_desa);
    if (it == latest.end() || it->second.tanggal < d.tanggal) latest[d.kode_desa] = std::move(d);
  }
  return latest;
}

std::vector<GermasButir> ShippedGermasItems() {
  std::vector<GermasButir> out;
  const auto rows = ParseCsvText(embedded::GermasButirCsv());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() >= 3) out.push_back({rows[i][0], rows[i][1], rows[i][2]});
  }
  return out;
}

report::Table StbmTable(const store::Workspace& ws, ProgrammeLevel by) {
  std::map<std::string, std::string> names;
  for (const Region& r : ws.Regions(false)) names[r.kode] = r.nama;
  const std::map<std::string, StbmDesa> latest = LatestStbm(ws);
  if (by == ProgrammeLevel::kKecamatan || by == ProgrammeLevel::kKabupaten) {
    struct Sum {
      int desa = 0, deklarasi = 0, verifikasi = 0, desa_stbm = 0;
      Households h;
    };
    std::map<std::string, Sum> sums;
    for (const auto& [kode, d] : latest) {
      const std::string key =
          by == ProgrammeLevel::kKecamatan ? ParentCode(kode) : ParentCode(ParentCode(kode));
      Sum& s = sums[key];
      const programmes::StbmAssessment a = programmes::Assess(d);
      ++s.desa;
      s.deklarasi += d.sbs_deklarasi ? 1 : 0;
      s.verifikasi += d.sbs_verifikasi ? 1 : 0;
      s.desa_stbm += a.status == programmes::StbmStatus::kDesaStbm ? 1 : 0;
      AddHouseholds(s.h, d);
    }
    report::Table t{"stbm",
                    {"kelompok", "nama", "desa_berdata", "desa_sbs_klaim", "desa_sbs_terverifikasi",
                     "desa_stbm", "persen_desa_sbs", "persen_desa_sbs_terverifikasi", "kk"}};
    for (const char* c : kHouseholdColumns) t.columns.push_back(std::string("persen_kk_") + c);
    for (const auto& [key, s] : sums) {
      std::vector<report::Cell> row = {key,
                                       names[key],
                                       int64_t{s.desa},
                                       int64_t{s.deklarasi},
                                       int64_t{s.verifikasi},
                                       int64_t{s.desa_stbm},
                                       100.0 * s.deklarasi / s.desa,
                                       100.0 * s.verifikasi / s.desa,
                                       s.h.kk};
      for (const char* c : kHouseholdColumns) row.push_back(s.h.Share(c));
      t.rows.push_back(std::move(row));
    }
    t.note =
        "desa_berdata: desa dengan data STBM (angka terakhir tiap desa); persen atas desa "
        "berdata, bukan atas semua desa";
    return t;
  }
  std::map<std::string, double> minutes;
  for (const RegionMapRow& row : RegionsForMap(ws, RegionLevel::kDesa)) {
    if (row.reach && row.reach->rata_menit) minutes[row.region.kode] = *row.reach->rata_menit;
  }
  report::Table t{"stbm",
                  {"kode_desa", "nama", "tanggal", "status", "status_kode", "deklarasi",
                   "tanggal_deklarasi", "verifikasi", "tanggal_verifikasi", "kk"}};
  for (const char* c : kHouseholdColumns) t.columns.push_back(std::string("persen_kk_") + c);
  for (const char* c :
       {"klaim_dengan_babs", "pilar_tidak_diketahui", "menit_puskesmas", "sumber"}) {
    t.columns.emplace_back(c);
  }
  auto date = [](const std::optional<Date>& d) {
    return d ? report::Cell{d->Iso()} : report::Cell{};
  };
  for (const auto& [kode, d] : latest) {
    const programmes::StbmAssessment a = programmes::Assess(d);
    std::vector<report::Cell> row = {kode,
                                     names[kode],
                                     d.tanggal.Iso(),
                                     std::string(programmes::Label(a.status)),
                                     std::string(programmes::Key(a.status)),
                                     d.sbs_deklarasi,
                                     date(d.tanggal_deklarasi),
                                     d.sbs_verifikasi,
                                     date(d.tanggal_verifikasi),
                                     d.kk};
    Households h;
    AddHouseholds(h, d);
    for (const char* c : kHouseholdColumns) row.push_back(h.Share(c));
    row.emplace_back(a.klaim_dengan_babs);
    row.emplace_back(a.pilar_tidak_diketahui);
    const auto m = minutes.find(kode);
    row.push_back(m != minutes.end() ? report::Cell{m->second} : report::Cell{});
    row.emplace_back(d.sumber);
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::expected<report::Table, Error> JknTable(const store::Workspace& ws) {
  std::map<std::string, std::string> names;
  for (const Region& r : ws.Regions(false)) names[r.kode] = r.nama;
  const auto criteria = LoadUhcCriteria(ws);
  if (!criteria) return std::unexpected(criteria.error());
  report::Table t{"jkn", {"kode_wilayah", "nama",
                          "tanggal",      "penduduk",
                          "peserta",      "pbi_jk",
                          "pbpu_pemda",   "pbpu_mandiri",
                          "bp",           "ppu_pn",
                          "ppu_bu",       "cakupan_persen",
                          "cakupan_asal", "cakupan_lebih_100",
                          "aktif_persen", "pemda_persen",
                          "pbi_persen",   "kategori_uhc",
                          "catatan",      "sumber"}};
  for (const JknRecord& r : ws.Jkn()) {
    const programmes::JknFigures f = programmes::Figures(r);
    const programmes::UhcDecision d =
        programmes::Category(*criteria, f, r.uhc_prioritas, r.iuran_pemda_lunas);
    std::string notes;
    for (programmes::UhcNote n : d.catatan) {
      notes += (notes.empty() ? "" : "; ") + std::string(programmes::Key(n));
    }
    t.rows.push_back({r.kode_wilayah,
                      names[r.kode_wilayah],
                      r.tanggal.Iso(),
                      Opt(r.penduduk),
                      Opt(f.peserta),
                      Opt(r.pbi_jk),
                      Opt(r.pbpu_pemda),
                      Opt(r.pbpu_mandiri),
                      Opt(r.bp),
                      Opt(r.ppu_pn),
                      Opt(r.ppu_bu),
                      Opt(f.cakupan),
                      std::string(!f.cakupan           ? ""
                                  : f.cakupan_dihitung ? "dihitung"
                                                       : "dilaporkan"),
                      f.cakupan_lebih_100,
                      Opt(f.aktif),
                      Opt(f.pemda),
                      Opt(f.pbi),
                      d.kategori,
                      notes,
                      r.sumber});
  }
  t.note =
      "kategori UHC dari data/reference/uhc_kriteria.csv (kriteria UHC Award 2026 menurut "
      "pers; ASUMSI sampai diverifikasi); cakupan di atas 100% ditampilkan apa adanya";
  return t;
}

report::Table GermasTable(const store::Workspace& ws) {
  std::map<std::string, const GermasItem*> reported;
  const std::vector<GermasItem> items = ws.Germas();
  for (const GermasItem& g : items) reported[g.kode_wilayah + "|" + g.butir] = &g;
  report::Table t{
      "germas",
      {"kode_wilayah", "nama", "butir", "uraian", "status", "dasar", "tanggal", "sumber", "acuan"}};
  for (const Region& r : ws.Regions(false)) {
    if (r.level != RegionLevel::kKabupaten) continue;
    for (const GermasButir& b : ShippedGermasItems()) {
      const auto it = reported.find(r.kode + "|" + b.butir);
      const GermasItem* g = it == reported.end() ? nullptr : it->second;
      std::string status = "belum diisi";
      if (g != nullptr) {
        status = g->status == GermasStatus::kYa         ? "ya"
                 : g->status == GermasStatus::kSebagian ? "sebagian"
                                                        : "tidak";
      }
      t.rows.push_back(
          {r.kode, r.nama, b.butir, b.uraian, status,
           g != nullptr ? report::Cell{g->dasar} : report::Cell{},
           g != nullptr && g->tanggal ? report::Cell{g->tanggal->Iso()} : report::Cell{},
           g != nullptr ? report::Cell{g->sumber} : report::Cell{}, b.dasar});
    }
  }
  return t;
}

}  // namespace jangkau::app
