#include "server/router.h"

#include <algorithm>
#include <set>

#include "base/text_util.h"
#include "server/auth.h"

namespace jangkau::server {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

std::string CookieValue(const HttpRequest& req, const std::string& name) {
  const std::string cookies = req.Header("cookie");
  std::size_t pos = 0;
  while (pos < cookies.size()) {
    std::size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string_view part(cookies.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name + "=")) return std::string(part.substr(name.size() + 1));
    pos = end + 1;
  }
  return {};
}

}  // namespace

bool FacilityInScope(ServerContext& ctx, const Session& session, const std::string& kode) {
  if (session.scope.Everything()) return true;
  return ctx.Read([&](store::Workspace& ws) {
    const std::vector<Facility> found = ws.Facilities(kode);
    return found.empty() || session.scope.HasFacility(found.front());
  });
}

bool Allowed(Access access, const Session& s, const std::string& kode) {
  const bool own = s.role == "operator" && s.kode_faskes == kode;
  switch (access) {
    case Access::kPublic:
    case Access::kLoggedIn:
      return true;
    case Access::kReaders:
      return s.role == "admin" || s.role == "planner" || s.role == "viewer";
    case Access::kDispatch:
      return s.role == "admin" || s.role == "planner" || s.role == "dispatcher";
    case Access::kPlanners:
    case Access::kFacilityCheck:
      return s.role == "admin" || s.role == "planner";
    case Access::kAdmin:
      return s.role == "admin";
    case Access::kFacilityRead:
      return s.role == "admin" || s.role == "planner" || s.role == "viewer" || own;
    case Access::kFacilityWrite:
      return s.role == "admin" || own;
  }
  return false;
}

Lang RequestLang(const HttpRequest& req) {
  if (const std::string* l = req.Param("lang")) return ParseLang(*l).value_or(Lang::kId);
  return req.Header("accept-language").starts_with("en") ? Lang::kEn : Lang::kId;
}

Router::Route& Router::Add(const std::string& method, const std::string& pattern, Access access,
                           std::vector<std::string> params, Handler handler,
                           std::size_t body_limit) {
  Route r;
  r.method = method;
  r.pattern = pattern;
  for (std::string& s : Split(pattern)) {
    r.segments.push_back(s.starts_with("{") ? "{}" : std::move(s));
  }
  r.access = access;
  r.params = std::move(params);
  r.body_limit = body_limit;
  r.handler = std::move(handler);
  routes_.push_back(std::move(r));
  return routes_.back();
}

const Router::Route* Router::Find(const HttpRequest& req, std::vector<std::string>& captures,
                                  std::string& allowed) const {
  const std::vector<std::string> parts = Split(req.path);
  allowed.clear();
  for (const Route& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::vector<std::string> caught;
    bool match = true;
    for (std::size_t i = 0; i < parts.size() && match; ++i) {
      if (r.segments[i] == "{}") {
        match = !parts[i].empty() && parts[i].size() <= 128;
        caught.push_back(parts[i]);
      } else {
        match = r.segments[i] == parts[i];
      }
    }
    if (!match) continue;
    if (r.method != req.method) {
      allowed += (allowed.empty() ? "" : ", ") + r.method;
      continue;
    }
    captures = std::move(caught);
    return &r;
  }
  return nullptr;
}

std::size_t Router::BodyLimit(const HttpRequest& req) const {
  std::vector<std::string> captures;
  std::string allowed;
  const Route* r = Find(req, captures, allowed);
  return r != nullptr ? r->body_limit : kSmallBody;
}

HttpResponse Router::Dispatch(const HttpRequest& req, ServerContext& ctx) const {
  const Lang lang = RequestLang(req);
  // The FHIR endpoint answers its refusals as OperationOutcomes.
  const bool fhir = req.path.starts_with("/fhir/");
  auto refuse = [&](Msg msg, const std::vector<std::string>& args) {
    HttpResponse res =
        fhir ? OperationOutcomeResponse(lang, msg, args) : ErrorResponse(lang, msg, args);
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  };
  if (auto bad = FirstInvalidUtf8(req.path)) {
    return refuse(Msg::kHttpBadUtf8, {"path", std::to_string(*bad + 1)});
  }
  for (const auto& [k, v] : req.query) {
    auto bad = FirstInvalidUtf8(k);
    if (!bad) bad = FirstInvalidUtf8(v);
    if (bad) return refuse(Msg::kHttpBadUtf8, {"query", std::to_string(*bad + 1)});
  }
  std::vector<std::string> captures;
  std::string allowed;
  const Route* route = Find(req, captures, allowed);
  if (route == nullptr) {
    const std::string shown = req.path.substr(0, 200);
    if (allowed.empty()) return refuse(Msg::kHttpNotFound, {shown});
    HttpResponse res = refuse(Msg::kHttpMethod, {req.method.substr(0, 16), shown});
    res.headers.emplace_back("Allow", allowed);  // RFC 9110 15.5.6
    return res;
  }
  std::set<std::string> seen;
  for (const auto& [k, v] : req.query) {
    if (!seen.insert(k).second)
      return refuse(Msg::kHttpBadParam, {k.substr(0, 64), v.substr(0, 64)});
    if (k == "lang") {
      if (!ParseLang(v)) return refuse(Msg::kHttpBadParam, {"lang", v.substr(0, 64)});
      continue;
    }
    const bool known = std::ranges::any_of(route->params, [&](const std::string& p) {
      return p == k || (p.ends_with('*') && k.starts_with(p.substr(0, p.size() - 1)));
    });
    if (!known) {
      std::string valid = "lang";
      for (const auto& p : route->params) valid += ", " + p;
      return refuse(Msg::kHttpUnknownParam, {k.substr(0, 64), valid});
    }
  }
  Session session;
  if (route->access != Access::kPublic) {
    const std::string token = CookieValue(req, "jangkau_sesi");
    auto found = token.empty() ? std::nullopt : ctx.FindSession(token);
    if (!found) return refuse(Msg::kHttpUnauthenticated, {});
    session = found->first;
    if (req.method != "GET" && HashToken(req.Header("x-csrf-token")) != found->second) {
      return refuse(Msg::kHttpCsrf, {});
    }
    const std::string kode = captures.empty() ? std::string() : captures.front();
    if (!Allowed(route->access, session, kode)) return refuse(Msg::kHttpForbidden, {session.role});
    if (!session.scope.Everything()) {
      const std::string& wilayah = session.scope.wilayah();
      if (!route->regional) return refuse(Msg::kHttpRegionRoute, {wilayah});
      if (route->pattern.starts_with("/api/v1/facilities/{kode}/") &&
          !FacilityInScope(ctx, session, kode)) {
        return refuse(Msg::kHttpOutsideRegion, {kode.substr(0, 64), wilayah});
      }
    }
  }
  HttpResponse res;
  Call call{req, res, session, std::move(captures), lang};
  try {
    route->handler(call);
  } catch (const Json::exception& e) {
    res = fhir ? OperationOutcomeResponse(lang, Msg::kHttpBadJson, {e.what()})
               : ErrorResponse(lang, Msg::kHttpBadJson, {e.what()});
  } catch (const std::exception& e) {
    res = fhir ? OperationOutcomeResponse(lang, Msg::kInternal, {e.what()})
               : ErrorResponse(lang, Msg::kInternal, {e.what()});
  }
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

}  // namespace jangkau::server
