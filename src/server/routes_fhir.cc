// The registry as a read-only FHIR R4 endpoint (docs/interop.md): /fhir/r4/metadata, search and
// read of Organization, Location, Practitioner and PractitionerRole, behind the API's sessions
// (an operator sees its own facility and its workers only). Refusals are OperationOutcomes.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "app/interop_service.h"
#include "base/text_util.h"
#include "model/date.h"
#include "server/routes.h"

namespace jangkau::server {
namespace {

using interop::OrderedJson;

constexpr int kDefaultCount = 50;
constexpr int kMaxCount = 500;
const std::vector<std::string> kTypes = {"Organization", "Location", "Practitioner",
                                         "PractitionerRole"};

void SendFhir(Call& c, const OrderedJson& body) {
  c.res.status = 200;
  c.res.content_type = kFhirJsonType;
  c.res.body = body.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

void Refuse(Call& c, Msg msg, const std::vector<std::string>& args, int status = 0) {
  c.res = OperationOutcomeResponse(c.lang, msg, args, status);
}

OrderedJson CapabilityStatement() {
  OrderedJson resources = OrderedJson::array();
  for (const std::string& type : kTypes) {
    OrderedJson params = OrderedJson::array({OrderedJson{{"name", "_id"}, {"type", "token"}},
                                             OrderedJson{{"name", "identifier"}, {"type", "token"}},
                                             OrderedJson{{"name", "name"}, {"type", "string"}}});
    if (type == "Location" || type == "PractitionerRole") {
      params.push_back(OrderedJson{{"name", "organization"}, {"type", "reference"}});
    }
    if (type == "PractitionerRole") {
      params.push_back(OrderedJson{{"name", "practitioner"}, {"type", "reference"}});
    }
    resources.push_back(OrderedJson{
        {"type", type},
        {"interaction",
         OrderedJson::array({OrderedJson{{"code", "read"}}, OrderedJson{{"code", "search-type"}}})},
        {"searchParam", std::move(params)}});
  }
  return OrderedJson{
      {"resourceType", "CapabilityStatement"},
      {"status", "active"},
      {"date", Date::Today().Iso()},
      {"kind", "instance"},
      {"software", {{"name", "Jangkau"}}},
      {"implementation",
       {{"description",
         "Jangkau: register fasyankes dan SDMK Dinas Kesehatan (hanya baca) / a "
         "district health office's facility and workforce registry (read-only)"}}},
      {"fhirVersion", "4.0.1"},
      {"format", OrderedJson::array({"json"})},
      {"rest", OrderedJson::array({OrderedJson{
                   {"mode", "server"},
                   {"documentation",
                    "_count (1-500, bawaan/default 50) dan/and _offset untuk halaman/paging"},
                   {"security",
                    {{"description",
                      "sesi Jangkau (POST /api/v1/login, cookie jangkau_sesi); operator "
                      "hanya melihat fasyankesnya, dispatcher tidak melihat tenaga / an operator "
                      "sees its own facility, a dispatcher no health workers"}}},
                   {"resource", std::move(resources)}}})}};
}

const std::vector<OrderedJson>& ListOf(const interop::FhirResources& r, const std::string& type) {
  if (type == "Organization") return r.organizations;
  if (type == "Location") return r.locations;
  if (type == "Practitioner") return r.practitioners;
  return r.roles;
}

std::string RefId(const OrderedJson& resource, const char* field) {
  const auto it = resource.find(field);
  if (it == resource.end()) return {};
  const OrderedJson& ref = it->is_array() ? it->front() : *it;
  const std::string text = ref.value("reference", "");
  const std::size_t slash = text.rfind('/');
  return slash == std::string::npos ? text : text.substr(slash + 1);
}

// What a session may see, as an allow-list: the readers (admin, planner, viewer) everything; a
// dispatcher the facilities (its people are refused before this); an operator its facility's
// Organization and Location, the roles there and the people who hold them; any other role nothing.
interop::FhirResources Visible(interop::FhirResources all, const Session& s) {
  if (Allowed(Access::kReaders, s, "")) return all;
  interop::FhirResources out;
  if (s.role == "dispatcher") {
    out.organizations = std::move(all.organizations);
    out.locations = std::move(all.locations);
    return out;
  }
  if (s.role != "operator" || s.kode_faskes.empty()) return out;
  std::string org_id;
  for (auto& o : all.organizations) {
    if (o["identifier"][0]["value"] == s.kode_faskes) {
      org_id = o["id"].get<std::string>();
      out.organizations.push_back(std::move(o));
    }
  }
  for (auto& l : all.locations) {
    if (!org_id.empty() && RefId(l, "managingOrganization") == org_id)
      out.locations.push_back(std::move(l));
  }
  std::set<std::string> people;
  for (auto& r : all.roles) {
    if (!org_id.empty() && RefId(r, "organization") == org_id) {
      people.insert(RefId(r, "practitioner"));
      out.roles.push_back(std::move(r));
    }
  }
  for (auto& p : all.practitioners) {
    if (people.contains(p["id"].get<std::string>())) out.practitioners.push_back(std::move(p));
  }
  return out;
}

// The server's base as the client addressed it (the Host header), so a searchset's fullUrl is
// the absolute URL its relative references ("Organization/{id}") resolve against, as FHIR's
// Bundle rules want. A Host header that is not a plain host[:port] is not echoed.
std::string BaseUrl(const Call& c) {
  const std::string host = c.req.Header("host");
  const bool plain = !host.empty() && host.size() <= 255 && std::ranges::all_of(host, [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '.' || ch == '-' ||
           ch == ':' || ch == '[' || ch == ']';
  });
  return "http://" + (plain ? host : std::string("localhost")) + "/fhir/r4/";
}

std::string Lower(std::string_view s) { return ToLowerAscii(s); }

bool MatchesIdentifier(const OrderedJson& r, const std::string& wanted) {
  const std::size_t bar = wanted.find('|');
  const std::string system = bar == std::string::npos ? "" : wanted.substr(0, bar);
  const std::string value = bar == std::string::npos ? wanted : wanted.substr(bar + 1);
  const auto it = r.find("identifier");
  if (it == r.end()) return false;
  return std::ranges::any_of(*it, [&](const OrderedJson& id) {
    return id.value("value", "") == value &&
           (bar == std::string::npos || id.value("system", "") == system);
  });
}

bool MatchesName(const OrderedJson& r, const std::string& wanted) {
  std::string name;
  if (r.contains("name") && r["name"].is_string()) {
    name = r["name"].get<std::string>();
  } else if (r.contains("name") && r["name"].is_array() && !r["name"].empty()) {
    name = r["name"][0].value("text", "");
  } else if (r.contains("practitioner")) {
    name = r["practitioner"].value("display", "");
  }
  return Lower(name).starts_with(Lower(wanted));
}

std::optional<int> IntParam(Call& c, const char* name, int fallback, int lo, int hi) {
  if (!c.Has(name)) return fallback;
  const std::string text = c.Param(name);
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
    Refuse(c, Msg::kHttpBadParam, {name, text.substr(0, 64)}, 400);
    return std::nullopt;
  }
  return v;
}

}  // namespace

void AddFhirRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/fhir/r4/metadata", Access::kPublic, {"_format"},
        [](Call& c) { SendFhir(c, CapabilityStatement()); });

  auto resources = [&ctx](Call& /*c*/) {
    return ctx.Read([&](store::Workspace& ws) {
      app::FhirExportRequest request;
      request.options.bundle = false;
      return app::FhirResourcesOf(ws, request);
    });
  };
  auto known = [](Call& c, const std::string& type) {
    if (std::ranges::find(kTypes, type) == kTypes.end()) {
      Refuse(c, Msg::kHttpNotFound, {"/fhir/r4/" + type.substr(0, 64)}, 404);
      return false;
    }
    // Health workers as the rosters of /api/v1 (admin, planner, viewer, the facility's
    // operator): a dispatcher sees the facilities, not the people.
    const bool people = type == "Practitioner" || type == "PractitionerRole";
    if (people && !Allowed(Access::kReaders, c.session, "") && c.session.role != "operator") {
      Refuse(c, Msg::kHttpForbidden, {c.session.role}, 403);
      return false;
    }
    return true;
  };

  r.Add(
      "GET", "/fhir/r4/{type}", Access::kLoggedIn,
      {"_id", "identifier", "name", "organization", "practitioner", "_count", "_offset", "_format"},
      [resources, known](Call& c) {
        const std::string type = c.captures.front();
        if (!known(c, type)) return;
        auto count = IntParam(c, "_count", kDefaultCount, 0, kMaxCount);
        if (!count) return;
        auto offset = IntParam(c, "_offset", 0, 0, 100000000);
        if (!offset) return;
        auto all = resources(c);
        if (!all) return Refuse(c, all.error().msg, all.error().args);
        const interop::FhirResources visible = Visible(std::move(*all), c.session);
        std::vector<const OrderedJson*> hits;
        for (const OrderedJson& res : ListOf(visible, type)) {
          if (c.Has("_id") && res["id"] != c.Param("_id")) continue;
          if (c.Has("identifier") && !MatchesIdentifier(res, c.Param("identifier"))) continue;
          if (c.Has("name") && !MatchesName(res, c.Param("name"))) continue;
          const std::string org = c.Param("organization");
          if (c.Has("organization") &&
              RefId(res, type == "Location" ? "managingOrganization" : "organization") !=
                  org.substr(org.rfind('/') + 1)) {
            continue;
          }
          const std::string prac = c.Param("practitioner");
          if (c.Has("practitioner") &&
              RefId(res, "practitioner") != prac.substr(prac.rfind('/') + 1))
            continue;
          hits.push_back(&res);
        }
        // Links keep the search's parameters with the page's offset.
        const std::string base = BaseUrl(c);
        std::string query;
        for (const char* p : {"_id", "identifier", "name", "organization", "practitioner"}) {
          if (c.Has(p)) query += std::string(p) + "=" + PercentEncode(c.Param(p)) + "&";
        }
        auto link = [&](const char* relation, int at) {
          return OrderedJson{
              {"relation", relation},
              {"url", base + type + "?" + query + "_count=" + std::to_string(*count) +
                          "&_offset=" + std::to_string(at)}};
        };
        OrderedJson links = OrderedJson::array({link("self", *offset)});
        const int total = static_cast<int>(hits.size());
        if (*count > 0 && *offset + *count < total) links.push_back(link("next", *offset + *count));
        if (*offset > 0) links.push_back(link("previous", std::max(0, *offset - *count)));
        OrderedJson entries = OrderedJson::array();
        for (int i = *offset; i < std::min(total, *offset + *count); ++i) {
          const OrderedJson& res = *hits[static_cast<std::size_t>(i)];
          entries.push_back(
              OrderedJson{{"fullUrl", base + type + "/" + res["id"].get<std::string>()},
                          {"resource", res},
                          {"search", {{"mode", "match"}}}});
        }
        OrderedJson bundle = {{"resourceType", "Bundle"},
                              {"type", "searchset"},
                              {"total", total},
                              {"link", std::move(links)}};
        if (!entries.empty()) bundle["entry"] = std::move(entries);
        SendFhir(c, bundle);
      });

  r.Add("GET", "/fhir/r4/{type}/{id}", Access::kLoggedIn, {"_format"}, [resources, known](Call& c) {
    const std::string& type = c.captures[0];
    const std::string& id = c.captures[1];
    if (!known(c, type)) return;
    auto all = resources(c);
    if (!all) return Refuse(c, all.error().msg, all.error().args);
    const interop::FhirResources visible = Visible(std::move(*all), c.session);
    for (const OrderedJson& res : ListOf(visible, type)) {
      if (res["id"] == id) return SendFhir(c, res);
    }
    Refuse(c, Msg::kHttpNotFound, {type + "/" + id.substr(0, 64)}, 404);
  });
}

}  // namespace jangkau::server
