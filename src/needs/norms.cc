#include "needs/norms.h"

#include <cmath>
#include <numeric>

namespace jangkau::needs {
namespace {

// Union-find over the norm lines of one facility.
class Groups {
 public:
  explicit Groups(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t Find(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Union(std::size_t a, std::size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace

NormResult NormNeeds(const NormTable& table, const std::vector<FacilityProfile>& facilities,
                     const NormOptions& options) {
  NormResult result;
  std::map<std::string, std::size_t> row_index;
  for (std::size_t i = 0; i < table.rows.size(); ++i) row_index[table.rows[i].kode] = i;
  std::map<std::string, const NetworkNormRow*> network;
  for (const NetworkNormRow& r : options.network) network[r.kode] = &r;

  for (const FacilityProfile& f : facilities) {
    if (f.type != options.applies_to) continue;
    if (!f.area) {
      result.skipped.push_back({f.kode, "kategori_wilayah"});
      continue;
    }
    if (!f.rawat_inap) {
      result.skipped.push_back({f.kode, "rawat_inap"});
      continue;
    }
    const int column = NormColumn(*f.area, *f.rawat_inap);
    const std::size_t n = table.rows.size();
    Groups groups(n);
    std::vector<double> aggregate_count(n, 0);               // per group root, after unions
    std::vector<std::pair<std::size_t, double>> aggregates;  // (a row of the span, count)
    for (const auto& [cadre, spans] : options.aggregate_spans) {
      auto it = f.staff.find(cadre);
      if (it == f.staff.end() || it->second <= 0) continue;
      std::vector<std::size_t> rows;
      for (const auto& code : spans) {
        if (auto r = row_index.find(code); r != row_index.end()) rows.push_back(r->second);
      }
      if (rows.empty()) continue;
      for (std::size_t k = 1; k < rows.size(); ++k) groups.Union(rows[0], rows[k]);
      aggregates.emplace_back(rows[0], it->second);
    }
    std::vector<bool> aggregated(n, false);
    for (const auto& [row, count] : aggregates) {
      aggregate_count[groups.Find(row)] += count;
      aggregated[groups.Find(row)] = true;
    }
    // One line per group, in table order of its first row.
    std::map<std::size_t, NeedLine> by_root;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i) {
      const NormRow& row = table.rows[i];
      const std::size_t root = groups.Find(i);
      auto [it, inserted] = by_root.try_emplace(root);
      NeedLine& line = it->second;
      if (inserted) {
        order.push_back(root);
        line.method = NeedMethod::kNorms;
        line.kode_faskes = f.kode;
        line.aggregated = aggregated[root];
        line.assumed = f.attributes_assumed;
        line.current = aggregate_count[root];
      } else {
        line.group += "+";
        line.group_name += " + ";
      }
      line.group += row.kode;
      line.group_name += row.nama;
      line.required += row.required[static_cast<std::size_t>(column)];
      if (auto w = network.find(row.kode); w != network.end()) {
        const NetworkNormRow& r = *w->second;
        const double extra =
            r.per_desa * f.desa + r.per_pustu * f.pustu + r.per_poskesdes * f.poskesdes;
        line.required += extra;
        line.network_required += extra;
      }
      for (const auto& cadre : row.cadres) {
        line.cadres.push_back(cadre);
        if (auto s = f.staff.find(cadre); s != f.staff.end()) line.current += s->second;
      }
    }
    for (std::size_t root : order) {
      NeedLine& line = by_root[root];
      // Whole positions: a shared village's fraction still needs someone.
      line.required_rounded = std::ceil(line.required - 1e-9);
      line.gap = line.current - line.required_rounded;
      if (line.required > 0) line.ratio = line.current / line.required;
      result.lines.push_back(std::move(line));
    }
  }
  return result;
}

}  // namespace jangkau::needs
