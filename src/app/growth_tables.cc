#include "app/growth_tables.h"

#include <cmath>

#include <fmt/format.h>

namespace jangkau::app {
namespace {

report::Cell Opt(const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; }

void AddEstimate(report::Table& t, std::vector<report::Cell>& row, const std::string& name,
                 const growth::Estimate& e, bool header) {
  if (header) {
    for (const char* s : {"_r", "_se", "_ll", "_ul"}) t.columns.push_back(name + s);
  }
  for (const auto* v : {&e.r, &e.se, &e.ll, &e.ul}) row.push_back(Opt(*v));
}

}  // namespace

std::vector<std::string> ZScoreColumns(bool with_c9mo_flag) {
  std::vector<std::string> c = {"clenhei", "cbmi", "cmeasure", "csex"};
  for (int i = 0; i < growth::kIndicatorCount; ++i) {
    const std::string key = growth::IndicatorKey(static_cast<growth::Indicator>(i));
    c.push_back("z" + key);
    c.push_back("f" + key);
  }
  if (with_c9mo_flag) c.emplace_back("c9mo_flag");
  return c;
}

std::vector<report::Cell> ZScoreCells(const growth::ZScores& z, bool with_c9mo_flag) {
  std::vector<report::Cell> cells = {
      Opt(z.clenhei), Opt(z.cbmi),
      z.cmeasure ? report::Cell{std::string(1, *z.cmeasure)} : report::Cell{},
      z.csex ? report::Cell{int64_t{*z.csex}} : report::Cell{}};
  for (int i = 0; i < growth::kIndicatorCount; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (const auto& v = z.z[k]) {
      const double value = *v;
      std::string text =
          std::isfinite(value) ? fmt::format("{:.2f}", value) : (value > 0 ? "Inf" : "-Inf");
      if (text == "-0.00") text = "0.00";
      cells.emplace_back(std::move(text));
    } else {
      cells.emplace_back();
    }
    const auto& flag = z.flag[k];
    cells.push_back(flag ? report::Cell{int64_t{*flag}} : report::Cell{});
  }
  if (with_c9mo_flag) cells.emplace_back(int64_t{z.c9mo_flag ? 1 : 0});
  return cells;
}

report::Table PrevalenceTable(const growth::PrevalenceResult& result) {
  report::Table t{"prevalensi", {"Group"}};
  bool header = true;
  for (const growth::PrevalenceRow& r : result.rows) {
    std::vector<report::Cell> row = {r.group};
    for (int k = 0; k < growth::kPrevalenceIndicators; ++k) {
      const std::string name = growth::PrevalenceIndicatorName(k);
      const growth::IndicatorPrevalence& ip = r.indicators[static_cast<std::size_t>(k)];
      if (header) {
        t.columns.push_back(name + "Z_pop");
        t.columns.push_back(name + "Z_unwpop");
      }
      row.emplace_back(ip.pop);
      row.emplace_back(ip.unwpop);
      for (int c = 0; c < growth::kCutoffs; ++c) {
        AddEstimate(t, row, name + growth::CutoffSuffix(c), ip.cut[static_cast<std::size_t>(c)],
                    header);
      }
      if (header) {
        for (const char* s : {"_r", "_se", "_ll", "_ul", "_stdev"}) t.columns.push_back(name + s);
      }
      for (const auto* v : {&ip.mean.r, &ip.mean.se, &ip.mean.ll, &ip.mean.ul, &ip.mean.stdev}) {
        row.push_back(Opt(*v));
      }
    }
    if (header) {
      t.columns.emplace_back("HA_2_WH_2_pop");
      t.columns.emplace_back("HA_2_WH_2_unwpop");
    }
    row.emplace_back(r.combined_pop);
    row.emplace_back(r.combined_unwpop);
    AddEstimate(t, row, "HA_2_WH_2", r.stunted_wasted, header);
    AddEstimate(t, row, "HA_2_WH2", r.stunted_overweight, header);
    header = false;
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace jangkau::app
