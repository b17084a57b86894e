// Growth monitoring from the workspace's e-PPGBM measurements (docs/programmes.md): each child's
// latest measurement in a period scored with the WHO standards (growth::Compute), its
// Permenkes 2/2020 categories, and per desa, posyandu, puskesmas, kecamatan or the kabupaten
// the children measured, stunting, wasting, underweight and overweight with WHO's 95% intervals
// (anthro's fast path within each group), the implausible values flagged, and the travel minutes
// to a puskesmas beside them. These are routine figures (e-PPGBM): never blended with surveys.
// Not thread-safe (uses the caller's Workspace).
#pragma once

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "growth/anthro.h"
#include "growth/skdn.h"
#include "model/date.h"
#include "model/growth.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

enum class ProgrammeLevel { kDesa, kPosyandu, kPuskesmas, kKecamatan, kKabupaten };
std::optional<ProgrammeLevel> ParseProgrammeLevel(std::string_view text);

// The measurement as WHO anthro takes it: age in days from the two dates.
growth::Measurement ToMeasurement(const GrowthRecord& r);

// Each child's latest measurement with its date between `from` and `to` (inclusive; open ends
// allowed), in the order of the children.
std::vector<GrowthRecord> LatestPerChild(const std::vector<GrowthRecord>& records,
                                         std::optional<Date> from, std::optional<Date> to);

// The group a record belongs to at `by`: the desa code ("?" + the name as written when it was
// not matched), "desa/posyandu", the puskesmas as written, the kecamatan code ("?" + name), or
// "kabupaten".
std::string AreaKey(const GrowthRecord& r, ProgrammeLevel by);

// The weighings between `from` and `to` (inclusive; open ends allowed), each in the register
// `group(record)` names, with WHO's weight-for-age z (none when flagged implausible).
std::vector<growth::Weighing> Weighings(
    const std::vector<GrowthRecord>& records, std::optional<Date> from, std::optional<Date> to,
    const std::function<std::string(const GrowthRecord&)>& group);

struct ProgrammeOptions {
  ProgrammeLevel by = ProgrammeLevel::kDesa;
  std::optional<Date> from;
  std::optional<Date> to;
  // Rows per area for all children (`semua`), then each of anthro's age groups
  // (`umur_00_05` ... `umur_48_59`) and each sex (`laki_laki`, `perempuan`), in a column
  // `subkelompok` after `nama`.
  bool breakdown = false;
};

// One row per group: kelompok, nama, anak (children measured), then for stunting (TB/U < -2),
// wasting (BB/TB < -2), underweight (BB/U < -2) and overweight (BB/TB > +2) the children with a
// usable score (`_n`), the share (`_persen`) and its 95% limits; the Permenkes categories as
// counts; `dicurigai` (implausible, flagged); `n_kurang_30` when fewer than 30 children were
// measured (a share on so few is shown but not to be compared); `menit_puskesmas` (mean travel
// minutes of the people to a puskesmas, from the last access run; desa and kecamatan only);
// `sumber`.
report::Table GrowthByArea(const store::Workspace& ws, const ProgrammeOptions& options);

// The posyandu register per posyandu (`desa/posyandu`) and month from the weighings between
// `from` and `to`: posyandu, bulan, s, d, n, t, o, b, persen_d_s, persen_n_d, bgm, dua_t.
// `keep`, when given, chooses the measurements (an operator's own puskesmas). The KBM is the
// workspace's reference table `kbm` (shipped: data/reference/kbm_asumsi.csv, Buku KIA's KBM as
// the research read it, an ASSUMPTION until verified against the KMS); its failure is the error.
std::expected<report::Table, Error> SkdnTable(
    const store::Workspace& ws, std::optional<Date> from, std::optional<Date> to,
    const std::function<bool(const GrowthRecord&)>& keep = {});

// Whether a facility's name (BPPSDMK: "BALAI AGUNG SEKAYU", "PUSKESMAS X") and the puskesmas
// e-PPGBM writes ("Balai Agung Sekayu", "UPTD Puskesmas X") name the same puskesmas: equal once
// case, punctuation and the words puskesmas, pkm, uptd and upt are set aside.
bool SamePuskesmas(std::string_view facility_name, std::string_view eppgbm_name);

}  // namespace jangkau::app
