// The posyandu register (SKDN) from the children's weighings: per posyandu and month S (children
// under five known to the posyandu), D (those under five weighed that month), N (weighed this month
// and last, and gained at least the minimum for their age, KBM), T (weighed both months, gained
// less), O (not weighed last month), B (weighed for the first time), D/S and N/D, BGM
// (weight-for-age below -3 SD, "bawah garis merah") and 2T (T this month and last). Buku KIA's
// rule; the KBM table is a reference table (an ASSUMPTION until verified against the KMS). Pure
// functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace jangkau::growth {

struct Weighing {
  std::string anak;      // the child
  std::string posyandu;  // where (the register it belongs to)
  Date tanggal;
  Date lahir;
  std::optional<double> berat;  // kg; missing: present but not weighed
  std::optional<double> zwei;   // weight-for-age z (not flagged)
};

// Minimum weight gain in grams by age in completed months (from 1); beyond the last row the last
// value holds.
struct MinimumGain {
  std::map<int, double> grams;
  double At(int months) const;
};

enum class GainCode { kN, kT, kO, kB };

struct SkdnRow {
  std::string posyandu;
  std::string bulan;  // YYYY-MM
  int s = 0;
  int d = 0;
  int n = 0;
  int t = 0;
  int o = 0;
  int b = 0;
  int bgm = 0;
  int dua_t = 0;  // 2T
};

// One row per posyandu and month that has a weighing; the months in order.
std::vector<SkdnRow> Skdn(const std::vector<Weighing>& weighings, const MinimumGain& kbm);

}  // namespace jangkau::growth
