#include "interop/dhis2.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "base/text_util.h"
#include "interop/json_text.h"

namespace jangkau::interop {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

namespace {

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// DHIS2 limits a short name to 50 characters.
std::string ShortName(const std::string& name) {
  return name.size() <= 50 ? name : Utf8Prefix(name, 50);
}

}  // namespace

std::string GeneratedUid(std::string_view key) {
  static constexpr std::string_view kLetters =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static constexpr std::string_view kAll =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char ch : key) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  std::string uid;
  auto next = [&h]() {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  };
  uid += kLetters[next() % kLetters.size()];
  for (int i = 0; i < 10; ++i) uid += kAll[next() % kAll.size()];
  return uid;
}

std::string OrgUnitsJson(const std::vector<OrgUnitOut>& units) {
  OrderedJson list = OrderedJson::array();
  for (const OrgUnitOut& u : units) {
    OrderedJson o = {{"id", u.uid},
                     {"code", u.code},
                     {"name", u.name},
                     {"shortName", ShortName(u.name)},
                     // DHIS2 requires an opening date; the registry has none (docs/interop.md).
                     {"openingDate", "1970-01-01T00:00:00.000"}};
    if (!u.parent_uid.empty()) o["parent"] = OrderedJson{{"id", u.parent_uid}};
    o["level"] = u.level;
    if (!u.geometry.is_null()) o["geometry"] = u.geometry;
    list.push_back(std::move(o));
  }
  return OrderedJson{{"organisationUnits", std::move(list)}}.dump(2) + "\n";
}

std::string DataValueSetJson(const std::vector<Dhis2Value>& values, const std::string& data_set) {
  OrderedJson list = OrderedJson::array();
  for (const Dhis2Value& v : values) {
    OrderedJson o = {
        {"dataElement", v.data_element}, {"period", v.period}, {"orgUnit", v.org_unit}};
    if (!v.coc.empty()) o["categoryOptionCombo"] = v.coc;
    o["value"] = v.value;
    if (!v.comment.empty()) o["comment"] = v.comment;
    list.push_back(std::move(o));
  }
  OrderedJson set = OrderedJson::object();
  if (!data_set.empty()) set["dataSet"] = data_set;
  set["dataValues"] = std::move(list);
  return set.dump(2) + "\n";
}

std::string AdxXml(const std::vector<Dhis2Value>& values, const std::string& data_set,
                   const std::string& exported) {
  // Groups in the order of their first value.
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, std::vector<const Dhis2Value*>> groups;
  for (const Dhis2Value& v : values) {
    auto key = std::pair{v.org_unit, v.period};
    auto [it, added] = groups.try_emplace(key);
    if (added) order.push_back(key);
    it->second.push_back(&v);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      fmt::format("<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"{}\">\n", XmlEscape(exported));
  for (const auto& key : order) {
    const auto period = ParseDhis2Period(key.second);
    out +=
        fmt::format("  <group orgUnit=\"{}\" period=\"{}\" dataSet=\"{}\">\n", XmlEscape(key.first),
                    XmlEscape(period ? AdxPeriod(*period) : key.second), XmlEscape(data_set));
    for (const Dhis2Value* v : groups[key]) {
      out += fmt::format("    <dataValue dataElement=\"{}\" value=\"{}\"",
                         XmlEscape(v->data_element), XmlEscape(v->value));
      for (const std::string& pair : SplitList(v->adx_categories, ';')) {
        const std::size_t eq = pair.find('=');
        if (eq == std::string::npos) continue;
        out += fmt::format(" {}=\"{}\"", std::string(Trim(pair.substr(0, eq))),
                           XmlEscape(Trim(pair.substr(eq + 1))));
      }
      out += "/>\n";
    }
    out += "  </group>\n";
  }
  out += "</adx>\n";
  return out;
}

// The largest value read: a year's sum of many of them still fits in 64 bits.
constexpr int64_t kMaxValue = 1'000'000'000'000;

std::vector<ServiceVolume> ReadDataValueSet(std::string_view text, const std::string& file,
                                            const Dhis2Lookup& lookup, Diagnostics& diags) {
  auto error = [&](Severity sev, const std::string& path, Msg msg, std::vector<std::string> args) {
    diags.Add(Diagnostic{sev, file, 0, 0, {}, msg, std::move(args), path});
  };
  auto parsed = ParseJsonText(text, 16);
  if (!parsed) {
    error(Severity::kError, "", Msg::kJsonBad, {file, parsed.error()});
    return {};
  }
  const Json& root = *parsed;
  const Json* values =
      root.is_object() && root.contains("dataValues") ? &root["dataValues"] : nullptr;
  if (values == nullptr || !values->is_array()) {
    error(Severity::kError, "dataValues", Msg::kJsonType, {"dataValues", "array"});
    return {};
  }
  // Defaults a dataValueSet may give once for all its values.
  auto top = [&](const char* name) -> std::string {
    const auto it = root.find(name);
    return it != root.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const std::string top_period = top("period");
  const std::string top_org = top("orgUnit");

  // (data element, coc) by code and by UID -> the mapping row.
  std::map<std::pair<std::string, std::string>, const Dhis2MapRow*> elements;
  for (const Dhis2MapRow& r : lookup.layanan) {
    for (auto& key : ElementKeys(r)) elements[std::move(key)] = &r;
  }

  std::set<std::string> others;  // data elements of Jangkau's results, by code and UID
  for (const Dhis2MapRow& r : lookup.others) {
    if (!r.kode.empty()) others.insert(r.kode);
    if (!r.uid.empty()) others.insert(r.uid);
  }
  int64_t skipped = 0;

  struct Sum {
    int64_t total = 0;
    std::set<PeriodType> types;
    std::set<int> indices;
    std::string first_path;
  };
  std::map<std::tuple<std::string, int, std::string>, Sum> sums;  // facility, year, activity
  for (std::size_t i = 0; i < values->size(); ++i) {
    const std::string vp = JsonPath("dataValues", i);
    const Json& v = (*values)[i];
    if (!v.is_object()) {
      error(Severity::kError, vp, Msg::kJsonType, {vp, "object"});
      continue;
    }
    auto text_of = [&](const char* name, const std::string& fallback,
                       bool required) -> std::optional<std::string> {
      const std::string path = JsonPath(vp, name);
      const auto it = v.find(name);
      if (it == v.end() || it->is_null()) {
        if (!fallback.empty() || !required) return fallback;
        error(Severity::kError, path, Msg::kJsonRequired, {name});
        return std::nullopt;
      }
      if (!it->is_string()) {
        error(Severity::kError, path, Msg::kJsonType, {name, "string"});
        return std::nullopt;
      }
      return it->get<std::string>();
    };
    auto de = text_of("dataElement", "", true);
    auto period_text = text_of("period", top_period, true);
    auto org = text_of("orgUnit", top_org, true);
    auto coc = text_of("categoryOptionCombo", "", false);
    if (!de || !period_text || !org || !coc) continue;
    if (!elements.contains({*de, *coc}) && others.contains(*de)) {
      ++skipped;  // one of Jangkau's own results (a gap may be negative): not read back
      continue;
    }
    if (const auto del = v.find("deleted");
        del != v.end() && del->is_boolean() && del->get<bool>()) {
      continue;  // a deletion in DHIS2's log: nothing to add
    }
    // The value: DHIS2 writes text; a JSON number is taken as well.
    const auto raw = v.find("value");
    std::optional<int64_t> count;
    std::string shown;
    if (raw != v.end() && raw->is_string()) {
      shown = raw->get<std::string>();
      const std::string_view t = Trim(shown);
      int64_t n = 0;
      const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
      if (!t.empty() && ec == std::errc() && end == t.data() + t.size() && n >= 0 &&
          n <= kMaxValue) {
        count = n;
      }
    } else if (raw != v.end() && raw->is_number()) {
      shown = raw->dump();
      const double d = raw->get<double>();
      if (std::isfinite(d) && d >= 0 && d <= static_cast<double>(kMaxValue) && std::floor(d) == d) {
        count = static_cast<int64_t>(d);
      }
    } else {
      shown = raw == v.end()
                  ? ""
                  : Utf8Prefix(raw->dump(-1, ' ', false, Json::error_handler_t::replace), 40);
    }
    if (!count)
      error(Severity::kError, JsonPath(vp, "value"), Msg::kDhis2NotCount, {"value", shown});

    const auto facility = lookup.org_units.find(*org);
    if (facility == lookup.org_units.end()) {
      error(Severity::kError, JsonPath(vp, "orgUnit"), Msg::kDhis2UnknownOrgUnit,
            {"orgUnit", *org});
    }
    const auto element = elements.find({*de, *coc});
    if (element == elements.end()) {
      error(Severity::kError, JsonPath(vp, "dataElement"), Msg::kDhis2UnknownElement,
            {"dataElement", *de, coc->empty() ? "default" : *coc});
    }
    const auto period = ParseDhis2Period(*period_text);
    if (!period) {
      error(Severity::kError, JsonPath(vp, "period"), Msg::kDhis2BadPeriod,
            {"period", *period_text});
    } else if (element != elements.end()) {
      const std::vector<PeriodType>& allowed = element->second->periode;
      // Yearly always (what Jangkau's own export writes), else the types the row allows.
      const bool ok = period->type == PeriodType::kYearly ||
                      std::find(allowed.begin(), allowed.end(), period->type) != allowed.end();
      if (!ok) {
        std::string names = "Yearly";
        for (PeriodType t : allowed) {
          if (t != PeriodType::kYearly) names += ", " + std::string(PeriodTypeKey(t));
        }
        error(Severity::kError, JsonPath(vp, "period"), Msg::kDhis2PeriodType,
              {"period", *period_text, std::string(PeriodTypeKey(period->type)), names});
        continue;
      }
    }
    if (!count || facility == lookup.org_units.end() || element == elements.end() || !period)
      continue;
    Sum& s = sums[{facility->second, period->year, element->second->kunci}];
    if (s.first_path.empty()) s.first_path = vp;
    if ((!s.types.empty() && !s.types.contains(period->type)) ||
        !s.indices.insert(period->index).second) {
      error(Severity::kError, JsonPath(vp, "period"), Msg::kFhirDuplicate,
            {"period", facility->second + " " + element->second->kunci,
             std::to_string(period->year), s.first_path});
      continue;
    }
    s.types.insert(period->type);
    s.total += *count;
  }
  if (skipped > 0) {
    diags.Add(Diagnostic{Severity::kWarning,
                         file,
                         0,
                         0,
                         {},
                         Msg::kDhis2Skipped,
                         {std::to_string(skipped)},
                         "dataValues"});
  }
  std::vector<ServiceVolume> out;
  for (const auto& [key, s] : sums) {
    const auto& [kode, year, kegiatan] = key;
    const PeriodType type = *s.types.begin();
    const int expected = PeriodsInYear(type, year);
    if (static_cast<int>(s.indices.size()) < expected) {
      diags.Add(Diagnostic{Severity::kWarning,
                           file,
                           0,
                           0,
                           kode,
                           Msg::kDhis2PartialYear,
                           {kode, std::to_string(year), kegiatan, std::to_string(s.indices.size()),
                            std::to_string(expected), std::string(PeriodTypeKey(type))},
                           s.first_path});
    }
    out.push_back({kode, year, kegiatan, s.total});
  }
  return out;
}

}  // namespace jangkau::interop
