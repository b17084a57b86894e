#include "app/needs_tables.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/access_service.h"

namespace jangkau::app {
namespace {

using report::Cell;
using report::Table;

std::string Name(const NeedsInputs& in, const std::string& kode) {
  auto it = in.facility_names.find(kode);
  return it == in.facility_names.end() ? std::string() : it->second;
}

Cell Opt(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }
Cell YesNo(bool b) { return b; }
Cell RemotenessCell(const std::optional<needs::Remoteness>& r) {
  return r ? Cell{needs::RemotenessValue(*r)} : Cell{};
}

// Staff above the requirement goes in "kelebihan" for a workload method and in
// "di_atas_standar_minimal" for norms and ratios; the other column stays empty.
Cell IfWorkload(bool workload, int64_t count) { return workload ? Cell{count} : Cell{}; }

std::string RupiahText(units::Rupiah v) {
  // 1234567 -> "Rp 1.234.567" (Indonesian thousands separator).
  std::string digits = fmt::format("{:.0f}", v.value());
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += '.';
    out += digits[i];
  }
  return "Rp " + out;
}

// The unit is in the column's name: minutes from the access run, else straight-line km.
std::string RemotenessColumn(RemotenessBasis basis) {
  return basis == RemotenessBasis::kMinutesToOtherPuskesmas ? "keterpencilan_menit"
                                                            : "keterpencilan_km";
}

std::string BasisText(SurplusBasis b) {
  switch (b) {
    case SurplusBasis::kAbk:
      return "ABK-Kes (Permenkes 33/2015)";
    case SurplusBasis::kWisn:
      return "WISN (WHO 2010)";
    case SurplusBasis::kFormasi:
      return "di atas formasi yang disetujui";
  }
  return "";
}

std::string ReasonText(const std::string& reason, Lang lang) {
  if (reason == "anggaran") return lang == Lang::kEn ? "over the budget" : "melebihi anggaran";
  if (reason == "plafon_jenis_tenaga") {
    return lang == Lang::kEn ? "over the cadre ceiling" : "melebihi plafon jenis tenaga";
  }
  if (reason == "biaya_tidak_ada") {
    return lang == Lang::kEn ? "no cost in the cost table" : "biaya tidak ada di tabel biaya";
  }
  return reason;
}

}  // namespace

Table NeedLinesTable(const NeedsReport& report, Lang lang) {
  Table t{"kebutuhan",
          {"kode_faskes", "nama_faskes", "metode", "kelompok", "nama_kelompok", "saat_ini",
           "kebutuhan", "kebutuhan_jaringan", "kebutuhan_bulat", "selisih", "rasio", "kekurangan",
           "kelebihan", "di_atas_standar_minimal", "agregat", "asumsi"}};
  t.total_columns = {"saat_ini", "kebutuhan_bulat", "kekurangan", "kelebihan",
                     "di_atas_standar_minimal"};
  bool any_assumed = false;
  bool any_aggregated = false;
  bool any_network = false;
  for (const needs::NeedLine& l : report.lines) {
    const bool workload = needs::MeasuresWorkload(l.method);
    t.rows.push_back({l.kode_faskes, Name(report.inputs, l.kode_faskes),
                      std::string(needs::MethodKey(l.method)), l.group, l.group_name, l.current,
                      l.required, l.network_required, l.required_rounded, l.gap, Opt(l.ratio),
                      int64_t{l.Shortage()}, IfWorkload(workload, l.Surplus()),
                      IfWorkload(!workload, l.Surplus()), YesNo(l.aggregated), YesNo(l.assumed)});
    any_assumed = any_assumed || l.assumed;
    any_aggregated = any_aggregated || l.aggregated;
    any_network = any_network || l.network_required > 0;
  }
  std::vector<std::string> notes;
  if (any_network) {
    notes.push_back(lang == Lang::kEn
                        ? "kebutuhan_jaringan: the part of the requirement for the puskesmas "
                          "network (midwives per village, staff per pustu and poskesdes), from the "
                          "network-norms table, an ASSUMPTION until the district checks it."
                        : "kebutuhan_jaringan: bagian kebutuhan untuk jaringan puskesmas (bidan "
                          "per desa, tenaga per pustu dan poskesdes) dari tabel network-norms, "
                          "ASUMSI sampai diperiksa daerah.");
  }
  if (std::any_of(report.lines.begin(), report.lines.end(), [](const needs::NeedLine& l) {
        return !needs::MeasuresWorkload(l.method) && l.Surplus() > 0;
      })) {
    notes.push_back(lang == Lang::kEn
                        ? "di_atas_standar_minimal: staff above a minimum norm or ratio target; "
                          "not surplus (only ABK-Kes/WISN or the approved formasi measure that)."
                        : "di_atas_standar_minimal: tenaga di atas norma minimal atau target "
                          "rasio; bukan kelebihan (kelebihan hanya diukur dengan ABK-Kes/WISN "
                          "atau formasi yang disetujui).");
  }
  if (any_assumed) {
    notes.push_back(lang == Lang::kEn
                        ? "asumsi = ya: the requirement rests on an ASSUMED inpatient status or "
                          "area category (see `jangkau validate`)."
                        : "asumsi = ya: kebutuhan bergantung pada status rawat inap atau kategori "
                          "wilayah yang masih ASUMSI (lihat `jangkau validate`).");
  }
  if (any_aggregated) {
    notes.push_back(lang == Lang::kEn
                        ? "agregat = ya: the source only counts these cadres together (e.g. "
                          "'tenaga medis'), so their norm lines are compared as one."
                        : "agregat = ya: sumber data hanya mencatat jenis tenaga ini bersama-sama "
                          "(mis. 'tenaga medis'), sehingga baris normanya dibandingkan sebagai "
                          "satu kelompok.");
  }
  for (const auto& s : report.skipped) {
    notes.push_back(fmt::format(
        fmt::runtime(lang == Lang::kEn ? "{} ({}): norms not applied, {} unknown"
                                       : "{} ({}): norma tidak diterapkan, {} tidak diketahui"),
        s.kode_faskes, Name(report.inputs, s.kode_faskes), s.reason));
  }
  for (const auto& [kode, cadre, err] : report.refused) {
    notes.push_back(fmt::format("{} {}: {}", kode, cadre, Tr(lang, err.msg, err.args)));
  }
  for (const auto& n : notes) t.note += (t.note.empty() ? "" : "\n") + n;
  return t;
}

Table CadreTotalsTable(const NeedsReport& report) {
  struct Totals {
    std::string name;
    double current = 0;
    double required = 0;
    int64_t shortage = 0;
    int64_t surplus = 0;
    int64_t facilities_short = 0;
    bool workload = false;
  };
  std::map<std::pair<std::string, std::string>, Totals> by_group;
  for (const needs::NeedLine& l : report.lines) {
    Totals& t = by_group[{std::string(needs::MethodKey(l.method)), l.group}];
    t.name = l.group_name;
    t.current += l.current;
    t.required += l.required_rounded;
    t.shortage += l.Shortage();
    t.surplus += l.Surplus();
    t.workload = needs::MeasuresWorkload(l.method);
    if (l.Shortage() > 0) ++t.facilities_short;
  }
  Table t{"per_jenis_tenaga",
          {"metode", "kelompok", "nama_kelompok", "saat_ini", "kebutuhan", "kekurangan",
           "kelebihan", "di_atas_standar_minimal", "fasyankes_kurang"}};
  t.total_columns = {"saat_ini", "kebutuhan", "kekurangan", "kelebihan", "di_atas_standar_minimal"};
  for (const auto& [key, v] : by_group) {
    t.rows.push_back({key.first, key.second, v.name, v.current, v.required, v.shortage,
                      IfWorkload(v.workload, v.surplus), IfWorkload(!v.workload, v.surplus),
                      v.facilities_short});
  }
  return t;
}

std::string PriorityExplanation(const needs::PriorityLine& p, const needs::PriorityFactors& f,
                                const needs::PriorityWeights& w, RemotenessBasis basis, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::string out = fmt::format(fmt::runtime(en ? "short {} of {} (score {:.2f} x {:.2f})"
                                                : "kurang {} dari {} (skor {:.2f} x {:.2f})"),
                                p.positions, p.need.required_rounded, p.shortage_score, w.shortage);
  out += fmt::format(fmt::runtime(en ? "; population served {:.0f} ({:.2f} x {:.2f})"
                                     : "; penduduk dilayani {:.0f} ({:.2f} x {:.2f})"),
                     f.population_served.value(), p.population_score, w.population);
  if (f.remoteness && basis == RemotenessBasis::kMinutesToOtherPuskesmas) {
    out += fmt::format(
        fmt::runtime(en ? "; {}{:.0f} min to the nearest other puskesmas ({:.2f} x {:.2f})"
                        : "; {}{:.0f} menit ke puskesmas lain terdekat ({:.2f} x {:.2f})"),
        f.remoteness_beyond ? (en ? "over " : "lebih dari ") : "",
        needs::RemotenessValue(*f.remoteness), p.remoteness_score, w.remoteness);
  } else if (f.remoteness) {
    out += fmt::format(fmt::runtime(en ? "; {:.1f} km to the nearest facility ({:.2f} x {:.2f})"
                                       : "; {:.1f} km ke fasyankes terdekat ({:.2f} x {:.2f})"),
                       needs::RemotenessValue(*f.remoteness), p.remoteness_score, w.remoteness);
  } else {
    out += en ? "; distance unknown (0)" : "; jarak tidak diketahui (0)";
  }
  if (f.flood_hazard) {
    out += fmt::format(
        fmt::runtime(en ? "; flood hazard {:.2f} (x {:.2f})" : "; bahaya banjir {:.2f} (x {:.2f})"),
        p.flood_score, w.flood);
  } else {
    out += en ? "; flood hazard unknown (0)" : "; bahaya banjir tidak diketahui (0)";
  }
  out += fmt::format(fmt::runtime(en ? " -> index {:.3f}" : " -> indeks {:.3f}"), p.index);
  return out;
}

Table TopFacilitiesTable(const ProposalReport& r, std::size_t n) {
  const NeedsInputs& in = r.needs.inputs;
  Table top{
      "prioritas_fasyankes",
      {"urutan", "kode_faskes", "nama_faskes", "indeks_tertinggi", "formasi_kurang", "kekurangan"}};
  std::vector<std::string> order;
  std::map<std::string, std::pair<int64_t, std::string>> detail;  // positions, "2 bidan, ..."
  for (const auto& p : r.ranked) {
    auto [it, first] = detail.try_emplace(p.need.kode_faskes);
    if (first) order.push_back(p.need.kode_faskes);
    it->second.first += p.positions;
    it->second.second += fmt::format("{}{} {}", it->second.second.empty() ? "" : ", ", p.positions,
                                     p.need.group_name);
  }
  for (std::size_t i = 0; i < order.size() && i < n; ++i) {
    const std::string& kode = order[i];
    double best = 0;
    for (const auto& p : r.ranked) {
      if (p.need.kode_faskes == kode) best = std::max(best, p.index);
    }
    top.rows.push_back({static_cast<int64_t>(i + 1), kode, Name(in, kode), best, detail[kode].first,
                        detail[kode].second});
  }
  return top;
}

std::vector<report::Sheet> ProposalWorkbook(const ProposalReport& r, Lang lang) {
  const NeedsInputs& in = r.needs.inputs;
  const needs::Proposal& prop = r.proposal;
  std::vector<report::Sheet> sheets;

  // --- Usulan Formasi ---
  Table usulan{"usulan",
               {"peringkat", "kode_faskes", "nama_faskes", "kelompok", "jenis_tenaga_direkrut",
                "formasi", "biaya_satuan", "biaya_total", "indeks_prioritas", "skor_kekurangan",
                "skor_penduduk", RemotenessColumn(in.remoteness_basis), "skor_keterpencilan",
                "skor_banjir", "didanai", "alasan", "penjelasan"}};
  usulan.total_columns = {"formasi", "biaya_total"};
  Table tidak_muat = usulan;
  tidak_muat.name = "tidak_didanai";
  for (const needs::ProposalLine& l : prop.lines) {
    const auto& p = l.priority;
    std::vector<Cell> row = {int64_t{p.rank},
                             p.need.kode_faskes,
                             Name(in, p.need.kode_faskes),
                             p.need.group_name,
                             l.cadre,
                             int64_t{l.positions},
                             report::Num(l.unit_cost),
                             report::Num(l.total_cost),
                             p.index,
                             p.shortage_score,
                             p.population_score,
                             RemotenessCell(in.factors.at(p.need.kode_faskes).remoteness),
                             p.remoteness_score,
                             p.flood_score,
                             YesNo(l.funded),
                             ReasonText(l.reason, lang),
                             PriorityExplanation(p, in.factors.at(p.need.kode_faskes),
                                                 r.request.weights, in.remoteness_basis, lang)};
    (l.funded ? usulan : tidak_muat).rows.push_back(std::move(row));
  }
  tidak_muat.note = lang == Lang::kEn ? "Lines that did not fit (listed in priority order)."
                                      : "Baris yang tidak muat (urut prioritas).";

  // --- Ringkasan ---
  Table ringkasan{"ringkasan", {"uraian", "nilai"}};
  auto add = [&](const std::string& k, Cell v) { ringkasan.rows.push_back({k, std::move(v)}); };
  add("Tahun anggaran", int64_t{r.request.year});
  add("Metode kebutuhan", std::string(needs::MethodKey(*r.request.needs.methods.begin())));
  add("Tabel norma", r.request.needs.norms);
  add("Status kepegawaian formasi", r.request.options.employment);
  add("Plafon anggaran", RupiahText(prop.budget));
  add("Biaya usulan (didanai)", RupiahText(prop.total_cost));
  add("Sisa anggaran", RupiahText(prop.budget - prop.total_cost));
  add("Formasi diusulkan", int64_t{prop.positions});
  int64_t short_total = 0;
  for (const auto& p : r.ranked) short_total += p.positions;
  add("Kekurangan seluruhnya (formasi)", short_total);
  add("Formasi tidak muat anggaran/plafon", short_total - prop.positions);
  add("Saran redistribusi (orang)", [&] {
    int64_t n = 0;
    for (const auto& m : r.moves.moves) n += m.count;
    return n;
  }());
  add("Fasyankes dihitung", static_cast<int64_t>(in.facilities.size()));
  add("Penduduk tidak terpetakan ke fasyankes", r.needs.inputs.population_unassigned);
  Table top = TopFacilitiesTable(r, 5);
  sheets.push_back(
      {"Ringkasan",
       fmt::format("Usulan kebutuhan formasi tenaga kesehatan tahun {}", r.request.year),
       {ringkasan, top}});

  Table kebutuhan = NeedLinesTable(r.needs, lang);
  sheets.push_back(
      {"Kebutuhan per Fasyankes", "Kebutuhan tenaga per fasyankes dan jenis tenaga", {kebutuhan}});
  sheets.push_back(
      {"Per Jenis Tenaga", "Rekapitulasi per jenis tenaga", {CadreTotalsTable(r.needs)}});
  sheets.push_back(
      {"Usulan Formasi", "Usulan formasi urut prioritas (didanai)", {usulan, tidak_muat}});

  Table redistribusi{"redistribusi",
                     {"dari_kode", "dari_nama", "ke_kode", "ke_nama", "kelompok", "jumlah",
                      "menit_per_orang", "menit_perkiraan", "dasar_kelebihan"}};
  redistribusi.total_columns = {"jumlah"};
  for (std::size_t i = 0; i < r.moves.moves.size(); ++i) {
    const plan::StaffMove& m = r.moves.moves[i];
    redistribusi.rows.push_back({m.from, Name(in, m.from), m.to, Name(in, m.to), m.cadre,
                                 int64_t{m.count}, report::Num(m.minutes), r.moves.minutes_assumed,
                                 BasisText(r.moves.basis[i])});
  }
  std::string measured_by;
  if (r.workload_method) measured_by += "ABK-Kes atas volume layanan yang dilaporkan";
  if (r.formasi_ceilings)
    measured_by +=
        std::string(measured_by.empty() ? "" : " dan ") + "formasi yang disetujui (tabel formasi)";
  redistribusi.note = fmt::format(
      "Hanya kelebihan yang terukur yang dipindahkan: kelebihan menurut beban kerja (ABK-Kes, "
      "WISN) atau tenaga di atas formasi yang disetujui daerah; tenaga di atas norma minimal "
      "saja bukan kelebihan. Dasar yang tersedia: {}. {} orang di atas standar minimal tanpa "
      "angka beban kerja atau formasi tidak diusulkan pindah. Tenaga dipindahkan ke fasyankes "
      "yang kekurangan kelompok yang sama: kekurangan tersisa sekecil mungkin lebih dulu, lalu "
      "total waktu tempuh sekecil mungkin (optimasi eksak), paling lama {:.0f} menit per "
      "perpindahan. Kekurangan {} formasi, tersisa {} setelah redistribusi. {} Saran ini belum "
      "mengurangi usulan formasi.",
      measured_by.empty() ? "tidak ada (impor volume layanan atau tabel formasi)" : measured_by,
      r.moves.staff_above_minimum, r.request.max_move_minutes.value(), r.moves.shortage_before,
      r.moves.shortage_left,
      r.moves.minutes_assumed
          ? fmt::format("ASUMSI: waktu tempuh dari jarak garis lurus pada {:.0f} km/jam "
                        "(jalankan `jangkau access run` untuk waktu tempuh nyata).",
                        kAssumedMoveSpeed.value())
          : "Waktu tempuh dari `jangkau access run` (skenario dasar).");
  sheets.push_back({"Redistribusi", "Saran redistribusi tenaga", {redistribusi}});

  Table proyeksi{"proyeksi",
                 {"kode_faskes", "nama_faskes", "kelompok", "tahun", "awal", "pensiun",
                  "keluar_lain", "rekrut", "akhir", "kebutuhan", "selisih"}};
  for (const auto& p : r.projection) {
    proyeksi.rows.push_back({p.kode_faskes, Name(in, p.kode_faskes), p.group, int64_t{p.year},
                             p.start, p.retiring, p.attrition, p.hires, p.end, p.required, p.gap});
  }
  Table pensiun{"pensiun",
                {"tahun", "kode_faskes", "nama_faskes", "nama", "jenis_tenaga", "jabatan",
                 "tanggal_lahir", "usia_pensiun"}};
  for (const auto& x : r.retirements) {
    pensiun.rows.push_back({int64_t{x.year}, x.kode_faskes, Name(in, x.kode_faskes), x.nama,
                            x.cadre, x.jabatan, x.born.Iso(), int64_t{x.age}});
  }
  if (in.roster.empty()) {
    pensiun.note = lang == Lang::kEn
                       ? "No facility has an individual roster yet: retirements cannot be counted."
                       : "Belum ada fasyankes dengan daftar tenaga per orang: pensiun belum dapat "
                         "dihitung.";
  }
  sheets.push_back({"Proyeksi Pensiun",
                    fmt::format("Proyeksi {}-{}: pensiun (PP 11/2017), keluar lain {:.1f}%/tahun",
                                r.request.year, r.request.year + 4, r.request.attrition_rate * 100),
                    {proyeksi, pensiun}});

  Table kompetensi{"kompetensi",
                   {"kode_faskes", "nama_faskes", "pelatihan", "jenis_tenaga", "minimal",
                    "terlatih", "kurang", "dasar"}};
  for (const auto& c : r.competence) {
    std::string cadres;
    for (const auto& x : c.cadres) cadres += (cadres.empty() ? "" : ";") + x;
    kompetensi.rows.push_back({c.kode_faskes, Name(in, c.kode_faskes), c.training, cadres,
                               int64_t{c.required},
                               c.trained ? Cell{int64_t{*c.trained}} : Cell{std::string("?")},
                               int64_t{c.missing}, c.basis});
  }
  kompetensi.note =
      "terlatih = ?: fasyankes belum mengirim daftar tenaga per orang (dengan "
      "pelatihan), sehingga kompetensi belum dapat dinilai.";
  sheets.push_back({"Kompetensi", "Kesenjangan kompetensi per fasyankes", {kompetensi}});

  Table kelengkapan{
      "kelengkapan_alat",
      {"kode_faskes", "nama_faskes", "item_standar", "item_lengkap", "persen", "ada_laporan"}};
  for (const auto& c : r.equipment.completeness) {
    kelengkapan.rows.push_back({c.kode_faskes, Name(in, c.kode_faskes), int64_t{c.items_required},
                                int64_t{c.items_complete}, c.Percent(), YesNo(c.reported)});
  }
  Table alat{
      "kekurangan_alat",
      {"kode_faskes", "nama_faskes", "kode_alat", "nama_alat", "minimal", "layak_pakai", "kurang"}};
  for (const auto& g : r.equipment.gaps) {
    if (g.missing == 0) continue;
    alat.rows.push_back({g.kode_faskes, Name(in, g.kode_faskes), g.kode_alat, g.nama_alat,
                         int64_t{g.required}, int64_t{g.usable}, int64_t{g.missing}});
  }
  alat.total_columns = {"kurang"};
  alat.note =
      "Hanya alat berkondisi baik yang dihitung layak pakai. Daftar standar bawaan adalah "
      "CONTOH; ganti dengan standar yang berlaku (jangkau import equipment-standards).";
  sheets.push_back({"Alat Kesehatan", "Kelengkapan alat kesehatan", {kelengkapan, alat}});

  Table metode{"metode", {"bagian", "uraian"}};
  auto m = [&](const std::string& a, const std::string& b) { metode.rows.push_back({a, b}); };
  m("Norma minimal", "Permenkes 75/2014 (tabel " + r.request.needs.norms +
                         "): kebutuhan menurut kategori wilayah dan rawat inap.");
  m("ABK-Kes", "Permenkes 33/2015: WKT 72.000 menit, SBK = WKT / norma waktu, STP = 1/(1-FTP).");
  m("WISN", "WHO 2010: AWT = [A-(B+C+D+E)] x F; kebutuhan = A x CAF + IAF.");
  m("Rasio penduduk",
    "kebutuhan = penduduk dilayani x target per 100.000 (target bawaan: CONTOH).");
  m("Penduduk dilayani",
    "Desa dibagi ke puskesmas di kecamatannya (rata), kecuali bila ada data "
    "wilayah kerja (catchments). Dasar: " +
        in.population_basis + ".");
  m("Indeks prioritas",
    fmt::format("rata-rata tertimbang: kekurangan {:.2f}, penduduk {:.2f}, keterpencilan {:.2f}, "
                "bahaya banjir {:.2f}; skor penduduk dan keterpencilan dibagi nilai terbesar.",
                r.request.weights.shortage, r.request.weights.population,
                r.request.weights.remoteness, r.request.weights.flood));
  m("Keterpencilan",
    in.remoteness_basis == RemotenessBasis::kMinutesToOtherPuskesmas
        ? fmt::format("waktu tempuh ke puskesmas lain terdekat (menit; jangkau access run "
                      "terakhir, skenario dasar); tanpa puskesmas lain dalam {:.0f} menit "
                      "dihitung {:.0f}.",
                      kRouteBoundMinutes.value(), kRouteBoundMinutes.value())
        : "jarak garis lurus ke fasyankes lain terdekat (km), karena belum ada `jangkau "
          "access run`; jalankan agar memakai waktu tempuh.");
  m("Norma jaringan",
    "bidan desa dan tenaga pustu/poskesdes dihitung per desa dan per pustu (tabel "
    "network-norms, ASUMSI sampai diperiksa daerah) lalu ditambahkan ke norma puskesmas, "
    "karena data jumlah tenaga mencakup jaringan.");
  m("Redistribusi",
    "hanya dari kelebihan menurut ABK-Kes/WISN atau di atas formasi yang disetujui (tabel "
    "formasi); tidak pernah di bawah norma minimal. Kolom dasar_kelebihan menyebut dasar "
    "setiap perpindahan.");
  m("Bahaya banjir", "indeks bahaya banjir desa (BNPB via ICRAF), rata-rata tertimbang penduduk.");
  m("Usulan",
    "baris utuh diambil urut prioritas selama muat anggaran dan plafon; yang tidak muat "
    "dicantumkan.");
  m("Biaya",
    "tabel biaya per formasi bawaan adalah ASUMSI; ganti dengan angka BKPSDM "
    "(jangkau import costs).");
  int assumed = 0;
  for (const auto& f : in.facilities) assumed += f.attributes_assumed ? 1 : 0;
  m("Asumsi data", fmt::format("{} fasyankes memakai status rawat inap/kategori wilayah ASUMSI "
                               "(lihat jangkau validate).",
                               assumed));
  sheets.push_back({"Metode dan Asumsi", "Metode, sumber dan asumsi", {metode}});

  for (auto& sheet : sheets) sheet.human_headers = true;
  return sheets;
}

}  // namespace jangkau::app
