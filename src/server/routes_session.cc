// Login, logout, the caller's identity, password changes, and the API's contract.
#include <charconv>
#include <mutex>
#include <system_error>

#include <yaml-cpp/yaml.h>

#include "server/auth.h"
#include "server/routes.h"

namespace jangkau::embedded {
std::string_view OpenApiYaml();
}

namespace jangkau::server {
namespace {

constexpr std::size_t kMaxUsername = 64;
constexpr std::size_t kMaxPassword = 256;

// yaml-cpp's tree as JSON: scalars that YAML 1.2 reads as numbers or booleans become those.
Json FromYaml(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& kv : n) out[kv.first.as<std::string>()] = FromYaml(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : n) out.push_back(FromYaml(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted: always text
      if (s == "true") return true;
      if (s == "false") return false;
      if (s == "null" || s == "~") return nullptr;
      if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) != 0 || s[0] == '-')) {
        const char* last = s.data() + s.size();
        if (s.find_first_of(".eE") == std::string::npos) {
          long long v = 0;
          const auto [end, ec] = std::from_chars(s.data(), last, v);
          if (ec == std::errc() && end == last) return v;
        } else {
          double v = 0;
          const auto [end, ec] = std::from_chars(s.data(), last, v);
          if (ec == std::errc() && end == last) return v;
        }
      }
      return s;
    }
    default:
      return nullptr;
  }
}

void Login(ServerContext& ctx, Call& c) {
  auto body = BodyObject(c);
  if (!body) return;
  std::string username;
  std::string password;
  FieldReader f(*body);
  f.Text("username", username, kMaxUsername, true).Text("password", password, kMaxPassword, true);
  if (Refused(c, f)) return;
  const std::string& address = c.req.remote_addr;
  if (ctx.throttle().Blocked(username, address)) {
    return SendError(c, Msg::kHttpThrottled, {std::to_string(ctx.options().throttle_minutes)});
  }
  const auto user = ctx.Read([&](auto& ws) { return ws.FindUser(username); });
  // Verify against a fixed hash when the user is unknown, so timing does not tell.
  static const std::string dummy = HashPassword("jangkau-dummy-password").value_or("");
  bool ok = false;
  {
    ctx.password_checks().acquire();
    ok = VerifyPassword(user ? user->hash : dummy, password) && user.has_value();
    ctx.password_checks().release();
  }
  if (!ok) {
    ctx.throttle().Failed(username, address);
    return SendError(c, Msg::kHttpLoginFailed, {});
  }
  ctx.throttle().Succeeded(username, address);
  auto session = ctx.CreateSession(user->username);
  if (!session) return SendFailure(c, session.error());
  c.res.headers.emplace_back("Set-Cookie", "jangkau_sesi=" + session->token +
                                               "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                                               std::to_string(ctx.options().session_minutes * 60));
  SendJson(c, {{"csrf_token", session->csrf},
               {"username", user->username},
               {"role", user->role},
               {"kode_faskes", user->kode_faskes},
               {"wilayah", user->wilayah}});
}

void ChangePassword(ServerContext& ctx, Call& c) {
  auto body = BodyObject(c);
  if (!body) return;
  std::string lama;
  std::string baru;
  FieldReader f(*body);
  f.Text("lama", lama, kMaxPassword, true).Text("baru", baru, kMaxPassword, true);
  if (Refused(c, f)) return;
  if (baru.size() < 8) return SendError(c, Msg::kUserBadPassword, {});
  auto user = ctx.Read([&](auto& ws) { return ws.FindUser(c.session.username); });
  if (!user) return SendError(c, Msg::kHttpUnauthenticated, {});
  ctx.password_checks().acquire();
  const bool ok = VerifyPassword(user->hash, lama);
  auto hash = ok ? HashPassword(baru) : std::nullopt;
  ctx.password_checks().release();
  if (!ok) {
    ctx.throttle().Failed(c.session.username, c.req.remote_addr);
    return SendError(c, Msg::kHttpPasswordWrong, {});
  }
  if (!hash) return SendFailure(c, Error{Msg::kInternal, {"argon2id"}});
  user->hash = *hash;
  if (auto w = ctx.Read([&](auto& ws) { return ws.PutUser(*user, c.session.username); }); !w) {
    return SendFailure(c, w.error());
  }
  auto ended = ctx.EndOtherSessions(c.session.username, c.session.token_hash);
  if (!ended) return SendFailure(c, ended.error());
  SendJson(c, {{"ok", true}, {"sesi_diakhiri", *ended}});
}

}  // namespace

const std::string& OpenApiJson() {
  static const std::string json = [] {
    try {
      return Dump(FromYaml(YAML::Load(std::string(embedded::OpenApiYaml()))));
    } catch (const YAML::Exception& e) {
      return Dump(Json{{"error", e.what()}});
    }
  }();
  return json;
}

void AddSessionRoutes(Router& r, ServerContext& ctx) {
  // None of these holds a district's data: every user, of a region too, may call them.
  r.Add("POST", "/api/v1/login", Access::kPublic, {}, [&ctx](Call& c) { Login(ctx, c); });
  r.Add("POST", "/api/v1/logout", Access::kLoggedIn, {}, [&ctx](Call& c) {
     if (auto ended = ctx.EndSession(c.session.token_hash); !ended) {
       return SendFailure(c, ended.error());
     }
     c.res.headers.emplace_back("Set-Cookie",
                                "jangkau_sesi=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
     SendJson(c, {{"ok", true}});
   }).Regional();
  r.Add("GET", "/api/v1/me", Access::kLoggedIn, {}, [](Call& c) {
     SendJson(c, {{"username", c.session.username},
                  {"role", c.session.role},
                  {"kode_faskes", c.session.kode_faskes},
                  {"wilayah", c.session.scope.wilayah()}});
   }).Regional();
  r.Add("POST", "/api/v1/password", Access::kLoggedIn, {}, [&ctx](Call& c) {
     ChangePassword(ctx, c);
   }).Regional();
  r.Add("GET", "/api/v1/openapi.json", Access::kPublic, {}, [](Call& c) {
    c.res.content_type = kJsonType;
    static const SharedBody spec = std::make_shared<const std::string>(OpenApiJson());
    c.res.shared_body = spec;
  });
}

}  // namespace jangkau::server
