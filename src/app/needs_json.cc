#include "app/needs_json.h"

#include <fmt/format.h>

namespace jangkau::app {
namespace {

using needs::NeedsError;
using Json = nlohmann::json;

// Reads fields of one JSON object, remembering the first problem with its path.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  // A required number; records kNeedsMissingField / kNeedsWrongType.
  double Number(const Json& obj, const std::string& key) {
    if (!obj.contains(key)) return Fail(Path(key), Msg::kNeedsMissingField, {}), 0.0;
    return NumberValue(obj.at(key), Path(key));
  }
  std::optional<double> OptNumber(const Json& obj, const std::string& key) {
    if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
    return NumberValue(obj.at(key), Path(key));
  }
  std::string Text(const Json& obj, const std::string& key, bool required) {
    if (!obj.contains(key)) {
      if (required) Fail(Path(key), Msg::kNeedsMissingField, {});
      return {};
    }
    if (!obj.at(key).is_string()) return Fail(Path(key), Msg::kNeedsWrongType, {"text"}), "";
    return obj.at(key).get<std::string>();
  }
  const Json* Array(const Json& obj, const std::string& key, bool required) {
    if (!obj.contains(key)) {
      if (required) Fail(Path(key), Msg::kNeedsMissingField, {});
      return nullptr;
    }
    if (!obj.at(key).is_array()) return Fail(Path(key), Msg::kNeedsWrongType, {"array"}), nullptr;
    return &obj.at(key);
  }
  bool Object(const Json& value, const std::string& path) {
    if (!value.is_object()) return Fail(path, Msg::kNeedsWrongType, {"object"}), false;
    return true;
  }
  void Fail(const std::string& field, Msg msg, std::vector<std::string> extra) {
    if (error_) return;
    std::vector<std::string> args = {field};
    args.insert(args.end(), extra.begin(), extra.end());
    error_ = NeedsError{field, msg, std::move(args)};
  }
  const std::optional<NeedsError>& error() const { return error_; }
  // The recorded problem (call after error() said there is one).
  NeedsError TakeError() const { return error_.value_or(NeedsError{"", Msg::kInternal, {}}); }

 private:
  double NumberValue(const Json& v, const std::string& path) {
    if (!v.is_number()) return Fail(path, Msg::kNeedsWrongType, {"number"}), 0.0;
    return v.get<double>();
  }
  std::string path_;
  std::optional<NeedsError> error_;
};

std::optional<needs::AllowancePer> ParsePer(const std::string& s) {
  if (s == "day") return needs::AllowancePer::kDay;
  if (s == "week") return needs::AllowancePer::kWeek;
  if (s == "month") return needs::AllowancePer::kMonth;
  if (s == "year") return needs::AllowancePer::kYear;
  return std::nullopt;
}

needs::Rounding ParseRounding(Reader& r, const Json& j) {
  const std::string s = r.Text(j, "rounding", false);
  if (s.empty() || s == "nearest") return needs::Rounding::kNearest;
  if (s == "up") return needs::Rounding::kUp;
  r.Fail("rounding", Msg::kNeedsBadPer, {"nearest, up"});
  return needs::Rounding::kNearest;
}

}  // namespace

std::expected<needs::WisnCase, NeedsError> ParseWisnCase(const Json& j) {
  Reader r("");
  needs::WisnCase c;
  if (!r.Object(j, "(case)")) return std::unexpected(r.TakeError());
  if (!j.contains("awt")) {
    r.Fail("awt", Msg::kNeedsMissingField, {});
  } else if (r.Object(j.at("awt"), "awt")) {
    Reader a("awt");
    const Json& awt = j.at("awt");
    c.awt.working_days = a.Number(awt, "working_days");
    c.awt.public_holidays = a.Number(awt, "public_holidays");
    c.awt.annual_leave = a.Number(awt, "annual_leave");
    c.awt.sick_leave = a.Number(awt, "sick_leave");
    c.awt.other_leave = a.Number(awt, "other_leave");
    c.awt.hours_per_day = a.Number(awt, "hours_per_day");
    if (a.error()) return std::unexpected(a.TakeError());
  }
  if (const Json* acts = r.Array(j, "activities", true)) {
    for (std::size_t i = 0; i < acts->size(); ++i) {
      const std::string path = fmt::format("activities[{}]", i);
      if (!r.Object((*acts)[i], path)) break;
      Reader a(path);
      needs::WisnActivity act;
      act.name = a.Text((*acts)[i], "name", true);
      act.annual_workload = a.Number((*acts)[i], "annual_workload");
      act.minutes_per_unit = a.OptNumber((*acts)[i], "minutes_per_unit");
      act.units_per_hour = a.OptNumber((*acts)[i], "units_per_hour");
      if (a.error()) return std::unexpected(a.TakeError());
      c.activities.push_back(act);
    }
  }
  if (const Json* cas = r.Array(j, "category_allowances", false)) {
    for (std::size_t i = 0; i < cas->size(); ++i) {
      const std::string path = fmt::format("category_allowances[{}]", i);
      if (!r.Object((*cas)[i], path)) break;
      Reader a(path);
      needs::WisnCategoryAllowance ca;
      ca.name = a.Text((*cas)[i], "name", true);
      ca.hours = a.Number((*cas)[i], "hours");
      const std::string per = a.Text((*cas)[i], "per", true);
      if (a.error()) return std::unexpected(a.TakeError());
      auto p = ParsePer(per);
      if (!p)
        return std::unexpected(NeedsError{
            path + ".per", Msg::kNeedsBadPer, {path + ".per", "day, week, month, year"}});
      ca.per = *p;
      c.category_allowances.push_back(ca);
    }
  }
  if (const Json* ias = r.Array(j, "individual_allowances", false)) {
    for (std::size_t i = 0; i < ias->size(); ++i) {
      const std::string path = fmt::format("individual_allowances[{}]", i);
      if (!r.Object((*ias)[i], path)) break;
      Reader a(path);
      needs::WisnIndividualAllowance ia;
      ia.name = a.Text((*ias)[i], "name", true);
      ia.hours = a.Number((*ias)[i], "hours");
      ia.staff = a.Number((*ias)[i], "staff");
      const std::string per = a.Text((*ias)[i], "per", true);
      if (a.error()) return std::unexpected(a.TakeError());
      auto p = ParsePer(per);
      if (!p || *p == needs::AllowancePer::kDay) {
        return std::unexpected(
            NeedsError{path + ".per", Msg::kNeedsBadPer, {path + ".per", "week, month, year"}});
      }
      ia.per = *p;
      c.individual_allowances.push_back(ia);
    }
  }
  c.current_staff = r.OptNumber(j, "current_staff");
  c.rounding = ParseRounding(r, j);
  if (r.error()) return std::unexpected(r.TakeError());
  return c;
}

std::expected<needs::AbkCase, NeedsError> ParseAbkCase(const Json& j) {
  Reader r("");
  needs::AbkCase c;
  if (!r.Object(j, "(case)")) return std::unexpected(r.TakeError());
  c.wkt_minutes = r.Number(j, "wkt_minutes");
  if (const Json* acts = r.Array(j, "activities", true)) {
    for (std::size_t i = 0; i < acts->size(); ++i) {
      const std::string path = fmt::format("activities[{}]", i);
      if (!r.Object((*acts)[i], path)) break;
      Reader a(path);
      needs::AbkActivity act;
      act.name = a.Text((*acts)[i], "name", true);
      act.capaian = a.Number((*acts)[i], "capaian");
      act.norma_waktu_minutes = a.Number((*acts)[i], "norma_waktu_minutes");
      if (a.error()) return std::unexpected(a.TakeError());
      c.activities.push_back(act);
    }
  }
  if (const Json* tasks = r.Array(j, "support_tasks", false)) {
    for (std::size_t i = 0; i < tasks->size(); ++i) {
      const std::string path = fmt::format("support_tasks[{}]", i);
      if (!r.Object((*tasks)[i], path)) break;
      Reader a(path);
      needs::AbkSupportTask t;
      t.name = a.Text((*tasks)[i], "name", true);
      t.minutes_per_year = a.Number((*tasks)[i], "minutes_per_year");
      if (a.error()) return std::unexpected(a.TakeError());
      c.support_tasks.push_back(t);
    }
  }
  c.stp = r.OptNumber(j, "stp");
  c.rounding = ParseRounding(r, j);
  if (r.error()) return std::unexpected(r.TakeError());
  return c;
}

Json WisnResultJson(const needs::WisnResult& r) {
  Json j = {{"awt_hours", r.awt_hours},
            {"standard_workloads", r.standard_workloads},
            {"staff_for_services", r.staff_for_services},
            {"total_cas_percent", r.total_cas * 100.0},
            {"caf", r.caf},
            {"total_ias_hours", r.total_ias_hours},
            {"iaf", r.iaf},
            {"required", r.required},
            {"required_rounded", r.required_rounded}};
  if (r.difference) j["difference"] = *r.difference;
  if (r.difference) j["ratio"] = r.ratio ? Json(*r.ratio) : Json(nullptr);
  return j;
}

Json AbkResultJson(const needs::AbkResult& r) {
  return {{"sbk", r.sbk}, {"jkt", r.jkt},   {"ftp_percent", r.ftp_percent},
          {"stp", r.stp}, {"need", r.need}, {"need_rounded", r.need_rounded}};
}

}  // namespace jangkau::app
