// The API's route table: method, path pattern ("/api/v1/facilities/{kode}/staff"), who may
// call it, which query parameters it takes and how large a body. Dispatch checks, in order:
// UTF-8 of the path and the query, the route (404, 405), the parameters (unknown or repeated:
// 400), the session (401), the CSRF token of a state-changing request (403) and the role
// (403) and the user's region (403), then runs the handler, mapping what it throws to 400 or 500.
// Matching splits on '/' (no regular expressions on client input). Immutable once built;
// thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "server/context.h"

namespace jangkau::server {

inline constexpr std::size_t kSmallBody = std::size_t{64} << 10;     // login, forms' small bodies
inline constexpr std::size_t kFormBody = std::size_t{4} << 20;       // rows of a web form
inline constexpr std::size_t kGeometryBody = std::size_t{16} << 20;  // drawn flood areas
inline constexpr std::size_t kUploadBody = std::size_t{32} << 20;    // a filled-in template

class Router {
 public:
  using Handler = std::function<void(Call&)>;
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{}" captures one segment
    Access access = Access::kLoggedIn;
    std::vector<std::string> params;  // query parameters besides `lang`
    std::size_t body_limit = kSmallBody;
    Handler handler;
    // Serves a user scoped to a region (Session::scope) only what lies in it, or holds no
    // district's data; other routes refuse such a user (403). On a /facilities/{kode} route the
    // router itself refuses a facility outside the region.
    bool regional = false;
    Route& Regional() {
      regional = true;
      return *this;
    }
  };

  // The route added, to mark it Regional() at once (a later Add may move it).
  Route& Add(const std::string& method, const std::string& pattern, Access access,
             std::vector<std::string> params, Handler handler, std::size_t body_limit = kSmallBody);
  // The body limit of the route `req` names (kSmallBody when none does).
  std::size_t BodyLimit(const HttpRequest& req) const;
  HttpResponse Dispatch(const HttpRequest& req, ServerContext& ctx) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* Find(const HttpRequest& req, std::vector<std::string>& captures,
                    std::string& allowed) const;  // `allowed`: the path's other methods
  std::vector<Route> routes_;
};

// The language of the answer: ?lang=, else Accept-Language, else Bahasa Indonesia.
Lang RequestLang(const HttpRequest& req);

// Whether facility `kode` lies in the region of `session` (always, for a user with no region).
// An unknown code counts as inside: the handler's own lookup answers it (404).
bool FacilityInScope(ServerContext& ctx, const Session& session, const std::string& kode);

}  // namespace jangkau::server
