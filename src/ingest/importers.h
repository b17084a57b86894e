// The importers: each reads one kind of table (any format GDAL reads), checks every row
// against the rules of its template (docs/templates.md) and the workspace's current content,
// and returns plain model values plus every problem found. They never write anything: the
// caller stores the batch only when no error was reported. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/diagnostic.h"
#include "ingest/table_reader.h"
#include "model/date.h"
#include "model/dhis2.h"
#include "model/emergency.h"
#include "model/facility.h"
#include "model/growth.h"
#include "model/programmes.h"
#include "model/reference.h"
#include "model/region.h"
#include "model/scenario.h"
#include "model/surveillance.h"
#include "model/workforce.h"

namespace jangkau::ingest {

// What the importers need to know about the workspace.
struct ImportContext {
  CadreCatalog cadres;
  std::unordered_set<std::string> facility_codes;
  std::unordered_map<std::string, RegionLevel> regions;           // kode -> level
  std::unordered_map<std::string, std::string> kecamatan_by_bps;  // BPS code -> Kemendagri
  Date today = Date::Today();
  // When set, every row must belong to this facility (one facility's own report).
  std::string only_facility;
  // Invalid region polygons are repaired (OGR_G_MakeValid) and reported, not refused.
  bool make_valid = false;
  // The weekly reports' disease list: each code's and each name's NormalizeKey -> the code,
  // and the codes for messages ("A, B, ..."). Filled only for `import weekly`.
  std::unordered_map<std::string, std::string> disease_keys;
  std::string disease_choices;
};

// Called every few thousand rows with (rows read, rows expected or -1).
using Progress = std::function<void(int64_t, int64_t)>;

struct FacilityBatch {
  std::vector<Facility> facilities;
  bool with_counts = false;  // the file carries headcount columns (BPPSDMK format)
  std::vector<StaffCount> counts;
  FacilityFields fields;  // the optional fields the file carries (only those change)
};

// Places for planning: candidate sites, mobile-clinic stops, facilities a scenario adds.
// Columns kode, nama, lon and lat (or point geometries), jenis optional (default puskesmas).
std::vector<AddedFacility> ReadSites(TableReader& in, Diagnostics& diags, const Progress& progress);

std::vector<Region> ReadRegions(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                const Progress& progress);
std::vector<PopulationRecord> ReadPopulation(TableReader& in, const ImportContext& ctx,
                                             Diagnostics& diags, const Progress& progress);
FacilityBatch ReadFacilities(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                             const Progress& progress);
std::vector<FacilityAssumption> ReadAssumptions(TableReader& in, const ImportContext& ctx,
                                                Diagnostics& diags, const Progress& progress);
std::vector<StaffMember> ReadStaff(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                   const Progress& progress);
std::vector<StaffCount> ReadStaffCounts(TableReader& in, const ImportContext& ctx,
                                        Diagnostics& diags, const Progress& progress);
std::vector<EquipmentItem> ReadEquipment(TableReader& in, const ImportContext& ctx,
                                         Diagnostics& diags, const Progress& progress);
std::vector<ServiceVolume> ReadServices(TableReader& in, const ImportContext& ctx,
                                        Diagnostics& diags, const Progress& progress);

// Reference tables (data/reference/ has the shipped defaults; docs/needs.md the columns).
NormTable ReadNormTable(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                        const Progress& progress);
std::vector<RatioTarget> ReadRatioTargets(TableReader& in, const ImportContext& ctx,
                                          Diagnostics& diags, const Progress& progress);
std::vector<ActivityStandard> ReadActivityStandards(TableReader& in, const ImportContext& ctx,
                                                    Diagnostics& diags, const Progress& progress);
std::vector<CompetenceRequirement> ReadCompetence(TableReader& in, const ImportContext& ctx,
                                                  Diagnostics& diags, const Progress& progress);
std::vector<EquipmentStandard> ReadEquipmentStandards(TableReader& in, const ImportContext& ctx,
                                                      Diagnostics& diags, const Progress& progress);
std::vector<CostEntry> ReadCosts(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                 const Progress& progress);
std::vector<RetirementRule> ReadRetirementRules(TableReader& in, const ImportContext& ctx,
                                                Diagnostics& diags, const Progress& progress);
std::vector<TravelClassRow> ReadTravelClasses(TableReader& in, const ImportContext& ctx,
                                              Diagnostics& diags, const Progress& progress);
// Columns kode, per_desa, per_pustu, per_poskesdes (numbers >= 0, at least one of them).
std::vector<NetworkNormRow> ReadNetworkNorms(TableReader& in, const ImportContext& ctx,
                                             Diagnostics& diags, const Progress& progress);
// e-PPGBM exports (docs/programmes.md): NIK (16 digits as text, or empty), nama, jk (L/P),
// tgl_lahir, tanggal_pengukuran (day-first or ISO dates; not before birth), berat, tinggi (a
// decimal comma allowed), cara_ukur (berdiri/terlentang), lila, posyandu, desa_kel, kec,
// pukesmas (also spelled puskesmas), e-PPGBM's own z-scores kept as text. The same child and
// date twice in one file is refused. Implausible values are kept (WHO's flags mark them).
std::vector<GrowthRecord> ReadGrowth(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                     const Progress& progress);
// STBM per desa (docs/programmes.md): kode_desa (a desa of the workspace), tanggal, jumlah_kk
// (> 0), kk_jsp, kk_jssp, kk_sharing, kk_babs (together at most jumlah_kk), sbs_deklarasi
// (ya/tidak), tanggal_deklarasi, sbs_verifikasi (ya only when declared), tanggal_verifikasi (not
// before the declaration), kk_ctps, kk_pammrt, kk_sampah, kk_limbah, kk_3_pilar (each at most
// jumlah_kk), sumber. The same desa and date twice is refused.
std::vector<StbmDesa> ReadStbm(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                               const Progress& progress);
// JKN membership: kode_wilayah (a kabupaten or the province of the workspace), tanggal,
// penduduk, peserta and/or the segments pbi_jk, pbpu_pemda, pbpu_mandiri, bp, ppu_pn, ppu_bu
// (their sum must equal peserta when both are given), peserta_aktif or persen_aktif,
// cakupan_persen (as published, used when counts are missing), uhc_prioritas and
// iuran_pemda_lunas (ya/tidak), sumber. A row must allow a coverage figure.
std::vector<JknRecord> ReadJkn(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                               const Progress& progress);
// Weekly disease reports (SKDR, docs/surveillance.md), in either layout of form W2:
//   long  kode_faskes, minggu, penyakit, kasus, kematian (optional), ...;
//   wide  kode_faskes, minggu, then one column per disease code (A, B, ..., ISPA, KULIT) with
//         the cases, or the pairs A_P and A_M (penderita, meninggal); an empty cell is no report.
// minggu is an epidemiological week YYYY-Www, or a week number with a column tahun; optional
// unit_lapor (the reporting units behind the count), diterima (when the district received it,
// ISO 8601; not before the week began, not in the future) and sumber. A week not begun yet, an
// unknown facility or disease, deaths above cases, and the same facility, week and disease twice
// are refused.
std::vector<WeeklyReport> ReadWeekly(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                     const Progress& progress);
// The disease list: kode (letters, digits, '_'; once each), nama, name_en, skdr (ya/tidak).
std::vector<SkdrDisease> ReadSkdrDiseases(TableReader& in, const ImportContext& ctx,
                                          Diagnostics& diags, const Progress& progress);
// Fixed thresholds: kode_wilayah (a kabupaten of the workspace, or empty for every kabupaten),
// penyakit (a code), ambang (cases per week, a whole number >= 1); a pair once.
std::vector<SkdrThreshold> ReadSkdrThresholds(TableReader& in, const ImportContext& ctx,
                                              Diagnostics& diags, const Progress& progress);
// The DHIS2 mapping (docs/interop.md): jenis (orgunit, dataset, tenaga, kebutuhan, kesenjangan,
// penduduk_30/60/120, layanan), kunci (facility/region code, cadre, norm group or activity),
// metode (norms/abk/wisn/ratio for needs and gaps), kode_dhis2 and/or uid_dhis2, coc, coc_uid,
// kategori_adx ("CATEGORY=OPTION;..."), periode (the period types a layanan value may come in,
// ';'-separated; Yearly when empty). A (jenis, metode, kunci) once; a layanan data element and
// combo once.
std::vector<Dhis2MapRow> ReadDhis2Mapping(TableReader& in, const ImportContext& ctx,
                                          Diagnostics& diags, const Progress& progress);
// The minimum weight gain (KBM): umur_bulan (1-60, once each), kbm_gram (> 0, at most 2000).
std::vector<KbmRow> ReadKbm(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                            const Progress& progress);
// The UHC award criteria: kategori (once each), min_cakupan, min_aktif (percent, required),
// min_pemda, pemda_bebas_jika_aktif (only with min_pemda), alt_min_pemda and alt_min_aktif
// (both or neither); other columns (sumber) are kept as text and not read.
std::vector<UhcCriterion> ReadUhcCriteria(TableReader& in, const ImportContext& ctx,
                                          Diagnostics& diags, const Progress& progress);
// The Germas checklist: kode_wilayah (a kabupaten), butir (one of `items`), status (ya,
// sebagian, tidak), dasar, tanggal, sumber; one row per kabupaten and item.
std::vector<GermasItem> ReadGermas(TableReader& in, const ImportContext& ctx,
                                   const std::vector<std::string>& items, Diagnostics& diags,
                                   const Progress& progress);

// Past incidents (a PSC's history): kode_kasus (optional, unique), waktu (the call), prioritas,
// kategori, the place (lon and lat, or kode_desa), sumber, pasien, unit, faskes_tujuan, status
// (optional: else the last state with a time), and the timestamps of the lifecycle
// (terverifikasi, unit_dikirim, unit_berangkat, tiba_di_lokasi, menuju_faskes, tiba_di_faskes,
// selesai; each optional, never earlier than the one before). Times as for Instant::Parse.
struct IncidentBatch {
  std::vector<Incident> incidents;
  std::vector<int64_t> lines;  // per incident, its line in the file
  int lon_column = 0;          // for refusing a point outside the district (0: no lon column)
};
IncidentBatch ReadIncidents(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                            const Progress& progress);
// Columns prioritas (P1-P4), interval (panggilan_ke_kirim, ...), menit (> 0); one per pair.
std::vector<ResponseTarget> ReadResponseTargets(TableReader& in, const ImportContext& ctx,
                                                Diagnostics& diags, const Progress& progress);
// Columns jenis (ambulans, motor, perahu, tim_kunjungan), kelas (a travel class key),
// kecepatan_kmh (> 0, at most 200); one row per pair.
std::vector<UnitSpeed> ReadUnitSpeeds(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                      const Progress& progress);
// Columns kode_faskes (known), jenis_tenaga (one cadre), formasi (whole number >= 0).
std::vector<FormasiCeiling> ReadFormasiCeilings(TableReader& in, const ImportContext& ctx,
                                                Diagnostics& diags, const Progress& progress);
// Village indicators (long form) and explicit village -> facility assignments.
std::vector<RegionIndicator> ReadIndicators(TableReader& in, const ImportContext& ctx,
                                            Diagnostics& diags, const Progress& progress);
std::vector<Catchment> ReadCatchments(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                      const Progress& progress);

}  // namespace jangkau::ingest
