#include "server/server.h"

#include <chrono>
#include <map>
#include <mutex>
#include <sstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "app/import_service.h"
#include "base/lang.h"
#include "ingest/importers.h"
#include "report/table.h"
#include "report/workspace_tables.h"
#include "server/auth.h"
#include "store/workspace.h"

namespace jangkau::server {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Session {
  std::string username;
  std::string role;
  std::string kode_faskes;
  std::string csrf;
  Clock::time_point expires;
};

// HTTP status of each API error (docs/http.md).
int StatusOf(Msg msg) {
  switch (msg) {
    case Msg::kHttpUnauthenticated:
    case Msg::kHttpLoginFailed:
      return 401;
    case Msg::kHttpForbidden:
    case Msg::kHttpCsrf:
      return 403;
    case Msg::kHttpNotFound:
      return 404;
    case Msg::kHttpThrottled:
      return 429;
    case Msg::kHttpBadJson:
      return 400;
    case Msg::kHttpInvalid:
      return 422;
    default:
      return 500;
  }
}

Lang RequestLang(const httplib::Request& req) {
  if (req.has_param("lang")) return ParseLang(req.get_param_value("lang")).value_or(Lang::kId);
  const std::string accept = req.get_header_value("Accept-Language");
  return accept.starts_with("en") ? Lang::kEn : Lang::kId;
}

void SendError(const httplib::Request& req, httplib::Response& res, Msg msg,
               const std::vector<std::string>& args, const Json& extra = Json::object()) {
  Json body = {
      {"error",
       {{"code", std::string(MsgCode(msg))}, {"message", Tr(RequestLang(req), msg, args)}}}};
  for (auto& [k, v] : extra.items()) body[k] = v;
  res.status = StatusOf(msg);
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendJson(httplib::Response& res, const Json& body) {
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string cookies = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < cookies.size()) {
    std::size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string part = cookies.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    if (part.starts_with(name + "=")) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

class Api {
 public:
  Api(std::unique_ptr<store::Workspace> ws, const ServerOptions& options)
      : ws_(std::move(ws)), options_(options) {}

  void Register(httplib::Server& http) {
    http.Post("/api/v1/login", [this](const auto& req, auto& res) { Login(req, res); });
    http.Post("/api/v1/logout", [this](const auto& req, auto& res) {
      if (auto s = Authorise(req, res, /*write=*/true)) Logout(req, res);
    });
    http.Get("/api/v1/me", [this](const auto& req, auto& res) {
      if (auto s = Authorise(req, res, false)) {
        SendJson(res,
                 {{"username", s->username}, {"role", s->role}, {"kode_faskes", s->kode_faskes}});
      }
    });
    http.Get("/api/v1/facilities", [this](const auto& req, auto& res) {
      if (auto s = Authorise(req, res, false)) Facilities(*s, req, res);
    });
    http.Get(R"(/api/v1/facilities/([^/]+)/staff)", [this](const auto& req, auto& res) {
      if (auto s = Authorise(req, res, false);
          s && MayAccess(*s, req.matches[1], false, req, res)) {
        GetStaff(req.matches[1], res);
      }
    });
    http.Put(R"(/api/v1/facilities/([^/]+)/staff)", [this](const auto& req, auto& res) {
      if (auto s = Authorise(req, res, true); s && MayAccess(*s, req.matches[1], true, req, res)) {
        PutStaff(*s, req.matches[1], req, res);
      }
    });
  }

 private:
  // The session of the request, or an error response (401, or 403 without a CSRF token on a
  // state-changing request).
  std::optional<Session> Authorise(const httplib::Request& req, httplib::Response& res,
                                   bool write) {
    const std::string token = CookieValue(req, "jangkau_sesi");
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(token);
    if (token.empty() || it == sessions_.end() || it->second.expires < Clock::now()) {
      if (it != sessions_.end()) sessions_.erase(it);
      SendError(req, res, Msg::kHttpUnauthenticated, {});
      return std::nullopt;
    }
    if (write && req.get_header_value("X-CSRF-Token") != it->second.csrf) {
      SendError(req, res, Msg::kHttpCsrf, {});
      return std::nullopt;
    }
    return it->second;
  }

  // Operators reach only their own facility; viewers and planners read; planners and admins
  // write (planners: analyses; the roster is edited by admins and the facility's operator).
  bool MayAccess(const Session& s, const std::string& kode, bool write, const httplib::Request& req,
                 httplib::Response& res) {
    const bool allowed = s.role == "admin" || (s.role == "operator" && s.kode_faskes == kode) ||
                         (!write && (s.role == "planner" || s.role == "viewer"));
    if (!allowed) SendError(req, res, Msg::kHttpForbidden, {s.role});
    return allowed;
  }

  void Login(const httplib::Request& req, httplib::Response& res) {
    Json body;
    try {
      body = Json::parse(req.body);
    } catch (const Json::parse_error& e) {
      return SendError(req, res, Msg::kHttpBadJson, {e.what()});
    }
    const std::string username = body.value("username", "");
    const std::string password = body.value("password", "");
    const std::string key = username + "|" + req.remote_addr;
    {
      std::lock_guard lock(mutex_);
      auto& f = failures_[key];
      if (f.count >= options_.max_failures && Clock::now() < f.until) {
        return SendError(req, res, Msg::kHttpThrottled,
                         {std::to_string(options_.throttle_minutes)});
      }
    }
    std::optional<store::Workspace::User> user;
    {
      std::lock_guard lock(ws_mutex_);
      user = ws_->FindUser(username);
    }
    // Verify against a fixed hash when the user is unknown, so timing does not tell.
    static const std::string dummy = HashPassword("jangkau-dummy-password").value_or("");
    const bool ok = VerifyPassword(user ? user->hash : dummy, password) && user.has_value();
    std::lock_guard lock(mutex_);
    if (!ok) {
      auto& f = failures_[key];
      if (Clock::now() >= f.until) f.count = 0;
      ++f.count;
      f.until = Clock::now() + std::chrono::minutes(options_.throttle_minutes);
      return SendError(req, res, Msg::kHttpLoginFailed, {});
    }
    failures_.erase(key);
    Session s{user->username, user->role, user->kode_faskes, RandomToken(),
              Clock::now() + std::chrono::minutes(options_.session_minutes)};
    const std::string token = RandomToken();
    sessions_[token] = s;
    res.set_header("Set-Cookie", "jangkau_sesi=" + token +
                                     "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                                     std::to_string(options_.session_minutes * 60));
    SendJson(res, {{"csrf_token", s.csrf},
                   {"username", s.username},
                   {"role", s.role},
                   {"kode_faskes", s.kode_faskes}});
  }

  void Logout(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex_);
    sessions_.erase(CookieValue(req, "jangkau_sesi"));
    res.set_header("Set-Cookie", "jangkau_sesi=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    SendJson(res, {{"ok", true}});
  }

  void Facilities(const Session& s, const httplib::Request& req, httplib::Response& res) {
    std::vector<Facility> facilities;
    {
      std::lock_guard lock(ws_mutex_);
      facilities = ws_->Facilities();
    }
    if (s.role == "operator") {
      std::erase_if(facilities, [&](const Facility& f) { return f.kode != s.kode_faskes; });
    }
    SendJson(res, report::ToJson(report::FacilitiesTable(facilities, false, RequestLang(req))));
  }

  void GetStaff(const std::string& kode, httplib::Response& res) {
    std::vector<StaffMember> staff;
    {
      std::lock_guard lock(ws_mutex_);
      staff = ws_->Staff(kode);
    }
    SendJson(res, report::ToJson(report::StaffTable(staff)));
  }

  // The roster from the form, checked by the same importer as a file (line n of the check is
  // row n - 2 of the array).
  void PutStaff(const Session& s, const std::string& kode, const httplib::Request& req,
                httplib::Response& res) {
    Json rows;
    try {
      rows = Json::parse(req.body);
    } catch (const Json::parse_error& e) {
      return SendError(req, res, Msg::kHttpBadJson, {e.what()});
    }
    if (!rows.is_array()) return SendError(req, res, Msg::kHttpBadJson, {"array"});
    static const std::vector<std::string> kColumns = {
        "kode_faskes",   "nama",    "nik",       "jenis_tenaga",      "status_kepegawaian",
        "tanggal_lahir", "jabatan", "pelatihan", "str_berlaku_sampai"};
    report::Table t{"staff", kColumns};
    for (const Json& row : rows) {
      std::vector<report::Cell> cells = {kode};
      for (std::size_t c = 1; c < kColumns.size(); ++c) {
        const Json* v =
            row.is_object() && row.contains(kColumns[c]) ? &row.at(kColumns[c]) : nullptr;
        std::string text;
        if (v != nullptr && v->is_string()) {
          text = v->get<std::string>();
        } else if (v != nullptr && v->is_array()) {
          for (const Json& item : *v) text += (text.empty() ? "" : ";") + item.get<std::string>();
        } else if (v != nullptr && v->is_number()) {
          text = v->dump();
        }
        cells.emplace_back(text);
      }
      t.rows.push_back(std::move(cells));
    }
    std::ostringstream csv;
    report::WriteCsv(t, csv);
    const std::string text = csv.str();
    std::lock_guard lock(ws_mutex_);
    auto reader = ingest::TableReader::OpenText("staff", text);
    if (!reader) return SendError(req, res, Msg::kHttpBadJson, {"csv"});
    Diagnostics diags;
    auto staff = rows.empty()
                     ? std::vector<StaffMember>{}
                     : ingest::ReadStaff(**reader, app::LoadImportContext(*ws_), diags, {});
    if (diags.has_errors()) {
      Json problems = Json::array();
      for (const Diagnostic& d : diags.items()) {
        if (d.severity != Severity::kError) continue;
        problems.push_back(
            {{"row", d.line - 2},
             {"field", d.column > 0 ? kColumns[static_cast<std::size_t>(d.column) - 1] : ""},
             {"code", std::string(MsgCode(d.msg))},
             {"message", Tr(RequestLang(req), d.msg, d.args)}});
      }
      return SendError(req, res, Msg::kHttpInvalid, {std::to_string(diags.error_count())},
                       {{"problems", problems}});
    }
    if (auto w = ws_->ReplaceRoster(kode, staff, s.username); !w) {
      res.status = 500;
      return SendJson(res, {{"error",
                             {{"code", std::string(MsgCode(w.error().msg))},
                              {"message", w.error().Text(RequestLang(req))}}}});
    }
    SendJson(res, {{"saved", staff.size()}});
  }

  std::unique_ptr<store::Workspace> ws_;
  std::mutex ws_mutex_;
  ServerOptions options_;
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
  struct Failures {
    int count = 0;
    Clock::time_point until{};
  };
  std::map<std::string, Failures> failures_;
};

}  // namespace

int Serve(const ServerOptions& options, std::ostream& log, const std::function<void(int)>& ready) {
  if (!InitCrypto()) return 3;
  auto ws = store::Workspace::Open(options.workspace);
  if (!ws) {
    log << "jangkau: " << ws.error().Text(Lang::kId) << '\n';
    return 3;
  }
  httplib::Server http;
  Api api(std::move(*ws), options);
  api.Register(http);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.bind);
    if (port < 0) return 3;
  } else if (!http.bind_to_port(options.bind, port)) {
    log << "jangkau: " << options.bind << ":" << port << " tidak dapat dipakai / cannot be bound\n";
    return 3;
  }
  if (ready) ready(port);
  return http.listen_after_bind() ? 0 : 3;
}

}  // namespace jangkau::server
