#include "growth/skdn.h"

#include <algorithm>

namespace jangkau::growth {
namespace {

int MonthIndex(const Date& d) { return d.year * 12 + (d.month - 1); }

std::string MonthKey(int index) {
  const int year = index / 12;
  const int month = index % 12 + 1;
  return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

// Completed months of age on `on` (bulan penuh).
int CompletedMonths(const Date& born, const Date& on) {
  int months = (on.year - born.year) * 12 + (on.month - born.month);
  if (on.day < born.day) --months;
  return std::max(0, months);
}

// Under 60 completed months on the 28th of month index `m` (the register's age rule, for S and
// D alike).
bool UnderFive(const Date& born, int m) {
  return CompletedMonths(born, Date{m / 12, m % 12 + 1, 28}) < 60;
}

}  // namespace

double MinimumGain::At(int months) const {
  if (grams.empty()) return 0;
  auto it = grams.upper_bound(months);
  if (it == grams.begin()) return it->second;
  return std::prev(it)->second;
}

std::vector<SkdnRow> Skdn(const std::vector<Weighing>& weighings, const MinimumGain& kbm) {
  // Each child's weighing per month (the last of the month), in month order.
  std::map<std::string, std::map<int, const Weighing*>> by_child;
  for (const Weighing& w : weighings) {
    const Weighing*& slot = by_child[w.anak][MonthIndex(w.tanggal)];
    if (slot == nullptr || slot->tanggal < w.tanggal) slot = &w;
  }
  std::map<std::pair<std::string, int>, SkdnRow> rows;
  // posyandu -> child -> the first month the posyandu saw the child
  std::map<std::string, std::map<std::string, int>> first_seen;
  for (const auto& [anak, months] : by_child) {
    std::optional<int> weighed_before;  // the last month with a weight before this one
    std::map<int, GainCode> codes;
    for (const auto& [m, w] : months) {
      first_seen[w->posyandu].try_emplace(anak, m);
      // The register is of children under five, as S is: one weighed at five or older is in
      // neither S nor D.
      if (!w->berat || !UnderFive(w->lahir, m)) continue;
      SkdnRow& row = rows[{w->posyandu, m}];
      ++row.d;
      GainCode code = GainCode::kB;
      if (weighed_before) {
        const auto last = months.find(m - 1);
        const std::optional<double> before =
            last != months.end() ? last->second->berat : std::nullopt;
        if (!before) {
          code = GainCode::kO;
        } else {
          const double gain = (w->berat.value_or(0) - before.value_or(0)) * 1000;
          code =
              gain >= kbm.At(CompletedMonths(w->lahir, w->tanggal)) ? GainCode::kN : GainCode::kT;
        }
      }
      codes[m] = code;
      switch (code) {
        case GainCode::kN:
          ++row.n;
          break;
        case GainCode::kT:
          ++row.t;
          if (codes.contains(m - 1) && codes[m - 1] == GainCode::kT) ++row.dua_t;
          break;
        case GainCode::kO:
          ++row.o;
          break;
        case GainCode::kB:
          ++row.b;
          break;
      }
      if (w->zwei && *w->zwei < -3) ++row.bgm;
      weighed_before = m;
    }
  }
  // S: the children under five the posyandu has seen up to the month.
  std::map<std::string, const Weighing*> any_of_child;
  for (const auto& [anak, months] : by_child) any_of_child[anak] = months.begin()->second;
  std::vector<SkdnRow> out;
  for (auto& [key, row] : rows) {
    const auto& [posyandu, m] = key;
    row.posyandu = posyandu;
    row.bulan = MonthKey(m);
    for (const auto& [anak, since] : first_seen[posyandu]) {
      if (since <= m && UnderFive(any_of_child[anak]->lahir, m)) ++row.s;
    }
    out.push_back(row);
  }
  return out;
}

}  // namespace jangkau::growth
