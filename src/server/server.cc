#include "server/server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "app/access_service.h"
#include "app/import_service.h"
#include "app/needs_service.h"
#include "app/needs_tables.h"
#include "app/plan_service.h"
#include "base/lang.h"
#include "ingest/layers.h"
#include "model/date.h"
#include "report/geojson.h"
#include "report/table.h"
#include "report/workspace_tables.h"
#include "server/auth.h"
#include "store/workspace.h"

namespace jangkau::server {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using httplib::Request;
using httplib::Response;

struct Session {
  std::string username;
  std::string role;
  std::string kode_faskes;
  std::string csrf;
  Clock::time_point expires;
};

// Who may call a route. Facility routes check the {kode} of the path as well.
enum class Access {
  kLoggedIn,       // any role
  kReaders,        // admin, planner, viewer (not operators: they see their own data only)
  kPlanners,       // admin, planner
  kAdmin,          // admin
  kFacilityRead,   // admin, planner, viewer, the facility's operator
  kFacilityWrite,  // admin, the facility's operator
  kFacilityCheck,  // admin, planner: verify or return a facility's report
};

bool Allowed(Access access, const Session& s, const std::string& kode) {
  const bool own = s.role == "operator" && s.kode_faskes == kode;
  switch (access) {
    case Access::kLoggedIn:
      return true;
    case Access::kReaders:
      return s.role != "operator";
    case Access::kPlanners:
    case Access::kFacilityCheck:
      return s.role == "admin" || s.role == "planner";
    case Access::kAdmin:
      return s.role == "admin";
    case Access::kFacilityRead:
      return s.role != "operator" || own;
    case Access::kFacilityWrite:
      return s.role == "admin" || own;
  }
  return false;
}

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
    case Msg::kHttpStatus:
      return 409;
    case Msg::kHttpThrottled:
      return 429;
    case Msg::kHttpBadJson:
    case Msg::kHttpBadParam:
    case Msg::kHttpCommentRequired:
      return 400;
    case Msg::kHttpInvalid:
      return 422;
    default:
      return 500;
  }
}

Lang RequestLang(const Request& req) {
  if (req.has_param("lang")) return ParseLang(req.get_param_value("lang")).value_or(Lang::kId);
  const std::string accept = req.get_header_value("Accept-Language");
  return accept.starts_with("en") ? Lang::kEn : Lang::kId;
}

void SendError(const Request& req, Response& res, Msg msg, const std::vector<std::string>& args,
               const Json& extra = Json::object()) {
  Json body = {
      {"error",
       {{"code", std::string(MsgCode(msg))}, {"message", Tr(RequestLang(req), msg, args)}}}};
  for (const auto& [k, v] : extra.items()) body[k] = v;
  res.status = StatusOf(msg);
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendFailure(const Request& req, Response& res, const Error& e) {
  res.status = 500;
  res.set_content(
      Json{
          {"error", {{"code", std::string(MsgCode(e.msg))}, {"message", e.Text(RequestLang(req))}}}}
          .dump(),
      "application/json; charset=utf-8");
}

void SendJson(Response& res, const Json& body) {
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

std::string CookieValue(const Request& req, const std::string& name) {
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

// A file that removes itself, for uploads and workbook downloads.
class TempFile {
 public:
  explicit TempFile(const std::string& extension) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "jangkau-XXXXXX").string() + extension;
    const int fd = mkstemps(pattern.data(), static_cast<int>(extension.size()));
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  std::string Read() const {
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

 private:
  std::string path_;
};

constexpr const char* kJsonType = "application/json; charset=utf-8";
constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void SendDownload(Response& res, const std::string& body, const std::string& filename) {
  res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  res.set_content(body, kXlsxType);
}

// A table as JSON, or as an XLSX download with `?format=xlsx`.
void SendTable(const Request& req, Response& res, const report::Table& t) {
  if (req.get_param_value("format") != "xlsx") return SendJson(res, report::ToJson(t));
  TempFile file(".xlsx");
  if (auto w = report::WriteXlsxFile(t, file.path()); !w) return SendFailure(req, res, w.error());
  SendDownload(res, file.Read(), t.name + ".xlsx");
}

std::optional<app::ImportKind> FacilityReportKind(const std::string& text) {
  auto kind = app::ParseImportKind(text);
  if (kind == app::ImportKind::kStaff || kind == app::ImportKind::kEquipment ||
      kind == app::ImportKind::kServices) {
    return kind;
  }
  return std::nullopt;
}

// Rows of a JSON form as CSV text in the template's columns, the facility code first.
std::string FormCsv(const Json& rows, const std::vector<std::string>& columns,
                    const std::string& kode) {
  report::Table t{"form", columns};
  for (const Json& row : rows) {
    std::vector<report::Cell> cells = {kode};
    for (std::size_t c = 1; c < columns.size(); ++c) {
      const Json* v = row.is_object() && row.contains(columns[c]) ? &row.at(columns[c]) : nullptr;
      std::string text;
      if (v != nullptr && v->is_string()) {
        text = v->get<std::string>();
      } else if (v != nullptr && v->is_array()) {
        for (const Json& item : *v) {
          text += (text.empty() ? "" : ";") + (item.is_string() ? item.get<std::string>() : "");
        }
      } else if (v != nullptr && v->is_number()) {
        text = v->dump();
      }
      cells.emplace_back(text);
    }
    t.rows.push_back(std::move(cells));
  }
  std::ostringstream csv;
  report::WriteCsv(t, csv);
  return csv.str();
}

struct Job {
  std::string id;
  std::string kind;
  std::string owner;
  std::string state = "running";  // running, done, failed
  int step = 0;
  int of = 0;
  std::string message;
  Json error;
  Json result;
};

// Everything a handler needs about its request.
struct Call {
  const Session& session;
  const Request& req;
  Response& res;
  std::string kode;  // the {kode} of facility routes
  Lang lang;
};

class Api {
 public:
  Api(std::unique_ptr<store::Workspace> ws, store::Workspace::Period period,
      const ServerOptions& options)
      : ws_(std::move(ws)), period_(std::move(period)), options_(options) {}
  ~Api() {
    for (auto& t : workers_) t.join();
  }
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  void Register(httplib::Server& http) {
    http.Post("/api/v1/login", [this](const Request& req, Response& res) { Login(req, res); });
    Route(http, "POST", "/api/v1/logout", Access::kLoggedIn, [this](Call& c) { Logout(c); });
    Route(http, "GET", "/api/v1/me", Access::kLoggedIn, [](Call& c) {
      SendJson(c.res, {{"username", c.session.username},
                       {"role", c.session.role},
                       {"kode_faskes", c.session.kode_faskes}});
    });
    Route(http, "GET", "/api/v1/cadres", Access::kLoggedIn, [this](Call& c) {
      SendTable(c.req, c.res,
                report::CadresTable(Read([](auto& ws) { return ws.Cadres(); }).cadres()));
    });
    Route(http, "GET", "/api/v1/facilities", Access::kLoggedIn, [this](Call& c) { Facilities(c); });
    const std::string facility = R"(/api/v1/facilities/([^/]+)/)";
    Route(http, "GET", facility + "(staff|equipment|services)", Access::kFacilityRead,
          [this](Call& c) { GetReport(c); });
    Route(http, "PUT", facility + "(staff|equipment|services)", Access::kFacilityWrite,
          [this](Call& c) { PutReport(c); });
    Route(http, "POST", facility + "upload", Access::kFacilityWrite,
          [this](Call& c) { Upload(c); });
    Route(http, "POST", facility + "(submit)", Access::kFacilityWrite,
          [this](Call& c) { ChangeStatus(c, "submitted"); });
    Route(http, "POST", facility + "(verify)", Access::kFacilityCheck,
          [this](Call& c) { ChangeStatus(c, "verified"); });
    Route(http, "POST", facility + "(return)", Access::kFacilityCheck,
          [this](Call& c) { ChangeStatus(c, "returned"); });
    Route(http, "GET", R"(/api/v1/templates/(staff|equipment|services)\.xlsx)", Access::kLoggedIn,
          [](Call& c) { Template(c); });
    Route(http, "GET", "/api/v1/submissions", Access::kLoggedIn,
          [this](Call& c) { Submissions(c); });
    Route(http, "GET", "/api/v1/needs", Access::kReaders, [this](Call& c) { Needs(c); });
    Route(http, "GET", "/api/v1/access/regions", Access::kReaders,
          [this](Call& c) { AccessRegions(c); });
    Route(http, "GET", "/api/v1/access/facilities", Access::kReaders,
          [this](Call& c) { AccessFacilities(c); });
    Route(http, "POST", "/api/v1/access/run", Access::kPlanners,
          [this](Call& c) { StartAccess(c); });
    Route(http, "GET", R"(/api/v1/jobs/([^/]+))", Access::kLoggedIn,
          [this](Call& c) { GetJob(c); });
    Route(http, "GET", "/api/v1/scenarios", Access::kReaders, [this](Call& c) {
      SendTable(c.req, c.res, app::ScenariosTable(Read([](auto& ws) { return ws.Scenarios(); })));
    });
    Route(http, "POST", "/api/v1/scenarios", Access::kPlanners,
          [this](Call& c) { SaveScenario(c); });
    Route(http, "GET", R"(/api/v1/scenarios/([^/]+))", Access::kReaders,
          [this](Call& c) { GetScenario(c); });
    Route(http, "DELETE", R"(/api/v1/scenarios/([^/]+))", Access::kPlanners,
          [this](Call& c) { DeleteScenario(c); });
    Route(http, "POST", R"(/api/v1/scenarios/([^/]+)/compare)", Access::kPlanners,
          [this](Call& c) { StartCompare(c); });
    Route(http, "POST", "/api/v1/plan/sites", Access::kPlanners,
          [this](Call& c) { StartSites(c); });
    Route(http, "GET", "/api/v1/proposal", Access::kReaders,
          [this](Call& c) { Proposal(c, false); });
    Route(http, "GET", "/api/v1/proposal/workbook", Access::kReaders,
          [this](Call& c) { Proposal(c, true); });
    Route(http, "GET", "/api/v1/map/regions", Access::kLoggedIn,
          [this](Call& c) { MapRegions(c); });
    Route(http, "GET", "/api/v1/map/facilities", Access::kLoggedIn,
          [this](Call& c) { MapFacilities(c); });
    Route(http, "GET", R"(/api/v1/map/layers/([a-z]+))", Access::kLoggedIn,
          [this](Call& c) { MapLayer(c); });
    Route(http, "GET", "/api/v1/audit", Access::kPlanners, [this](Call& c) {
      int64_t limit = 200;
      try {
        if (c.req.has_param("limit")) limit = std::stoll(c.req.get_param_value("limit"));
      } catch (const std::exception&) {
        return SendError(c.req, c.res, Msg::kHttpBadParam,
                         {"limit", c.req.get_param_value("limit")});
      }
      SendTable(c.req, c.res, report::AuditTable(Read([&](auto& ws) { return ws.Audit(limit); })));
    });
  }

 private:
  using Handler = std::function<void(Call&)>;

  // Registers a handler behind authentication, CSRF (state-changing methods) and the route's
  // access rule. The first capture of facility routes is the facility code.
  void Route(httplib::Server& http, const std::string& method, const std::string& pattern,
             Access access, Handler handler) {
    auto wrapped = [this, method, access, handler = std::move(handler)](const Request& req,
                                                                        Response& res) {
      auto session = Authorise(req, res, method != "GET");
      if (!session) return;
      const bool facility_route = access == Access::kFacilityRead ||
                                  access == Access::kFacilityWrite ||
                                  access == Access::kFacilityCheck;
      Call call{*session, req, res, facility_route ? std::string(req.matches[1]) : std::string(),
                RequestLang(req)};
      if (!Allowed(access, *session, call.kode)) {
        return SendError(req, res, Msg::kHttpForbidden, {session->role});
      }
      handler(call);
    };
    if (method == "GET") {
      http.Get(pattern, wrapped);
    } else if (method == "POST") {
      http.Post(pattern, wrapped);
    } else if (method == "PUT") {
      http.Put(pattern, wrapped);
    } else if (method == "DELETE") {
      http.Delete(pattern, wrapped);
    }
  }

  // Runs `f(workspace)` under the workspace lock.
  template <typename F>
  std::invoke_result_t<F, store::Workspace&> Read(F&& f) {
    std::lock_guard lock(ws_mutex_);
    return f(*ws_);
  }

  // Read responses are computed once per state of the workspace: the state changes with every
  // write of this server (generation_) and every commit of another connection (SQLite's
  // data_version: a CLI import, a background run). One computation at a time, so 50 clients
  // asking at once wait for one result instead of computing fifty.
  template <typename F>
  void Cached(Call& c, const std::string& scope, const std::string& type, F&& compute) {
    std::string key = scope + "|" + c.req.path + "|" + (c.lang == Lang::kEn ? "en" : "id");
    for (const auto& [k, v] : c.req.params) key.append("|").append(k).append("=").append(v);
    auto hit = [&](const std::pair<uint64_t, int64_t>& state) {
      std::lock_guard lock(cache_mutex_);
      auto it = cache_.find(key);
      if (it == cache_.end() || it->second.state != state) return false;
      c.res.set_content(it->second.body, type);
      return true;
    };
    auto state = [&] {
      return std::pair<uint64_t, int64_t>{generation_,
                                          Read([](auto& ws) { return ws.DataVersion(); })};
    };
    if (hit(state())) return;
    std::lock_guard computing(compute_mutex_);
    const auto before = state();
    if (hit(before)) return;
    std::optional<std::string> body = compute();
    if (!body) return;  // compute sent an error
    c.res.set_content(*body, type);
    std::lock_guard lock(cache_mutex_);
    cache_[key] = {before, std::move(*body)};
  }
  void Changed() { ++generation_; }

  // A table computed by `compute` (std::optional: empty after it sent an error), cached as
  // JSON, or as an XLSX download with `?format=xlsx`.
  template <typename F>
  void CachedTable(Call& c, const std::string& scope, F&& compute) {
    if (c.req.get_param_value("format") == "xlsx") {
      if (std::optional<report::Table> t = compute()) SendTable(c.req, c.res, *t);
      return;
    }
    Cached(c, scope, kJsonType, [&]() -> std::optional<std::string> {
      std::optional<report::Table> t = compute();
      if (!t) return std::nullopt;
      return report::ToJson(*t).dump();
    });
  }
  // Operators see their own facility only: their responses are cached apart.
  static std::string Scope(const Call& c) {
    return c.session.role == "operator" ? c.session.kode_faskes : "all";
  }

  // The session of the request, or an error response (401, or 403 without a CSRF token on a
  // state-changing request).
  std::optional<Session> Authorise(const Request& req, Response& res, bool write) {
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

  void Login(const Request& req, Response& res) {
    Json body;
    try {
      body = Json::parse(req.body);
    } catch (const Json::parse_error& e) {
      return SendError(req, res, Msg::kHttpBadJson, {e.what()});
    }
    if (!body.is_object()) return SendError(req, res, Msg::kHttpBadJson, {"object"});
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
    const auto user = Read([&](auto& ws) { return ws.FindUser(username); });
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

  void Logout(Call& c) {
    std::lock_guard lock(mutex_);
    sessions_.erase(CookieValue(c.req, "jangkau_sesi"));
    c.res.set_header("Set-Cookie", "jangkau_sesi=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    SendJson(c.res, {{"ok", true}});
  }

  void Facilities(Call& c) {
    CachedTable(c, Scope(c), [&]() -> std::optional<report::Table> {
      auto facilities = Read([](auto& ws) { return ws.Facilities(); });
      if (c.session.role == "operator") {
        std::erase_if(facilities,
                      [&](const Facility& f) { return f.kode != c.session.kode_faskes; });
      }
      return report::FacilitiesTable(facilities, false, c.lang);
    });
  }

  void GetReport(Call& c) {
    const std::string what = c.req.matches[2];
    std::lock_guard lock(ws_mutex_);
    if (what == "staff") return SendTable(c.req, c.res, report::StaffTable(ws_->Staff(c.kode)));
    if (what == "equipment") {
      return SendTable(c.req, c.res, report::EquipmentTable(ws_->Equipment(c.kode)));
    }
    SendTable(c.req, c.res, report::ServicesTable(ws_->Services(c.kode)));
  }

  // The facility's status in the period in force ("draft" when nothing was sent).
  std::string StatusOf(const std::string& kode) {
    for (const auto& s : ws_->Submissions(period_.id)) {
      if (s.kode_faskes == kode) return s.status;
    }
    return "draft";
  }

  // An operator edits only while the report is a draft or was returned.
  bool MayEdit(Call& c) {
    if (c.session.role != "operator") return true;
    const std::string status = StatusOf(c.kode);
    if (status == "draft" || status == "returned") return true;
    SendError(c.req, c.res, Msg::kHttpStatus, {c.kode, status});
    return false;
  }

  // An import result as the API's answer: 422 with the problems, or what was saved.
  void SendImport(Call& c, const std::expected<app::ImportResult, Error>& result,
                  const std::vector<std::string>* form_columns) {
    if (!result) return SendFailure(c.req, c.res, result.error());
    if (!result->written) {
      Json problems = Json::array();
      for (const Diagnostic& d : result->diagnostics.items()) {
        if (d.severity != Severity::kError) continue;
        // JSON forms: line n of the CSV is row n - 2 of the array; uploads keep the file's line.
        const bool form = form_columns != nullptr;
        std::string field;
        if (form && d.column > 0 && static_cast<std::size_t>(d.column) <= form_columns->size()) {
          field = (*form_columns)[static_cast<std::size_t>(d.column) - 1];
        }
        problems.push_back({{"row", form ? d.line - 2 : d.line},
                            {"column", d.column},
                            {"field", field},
                            {"code", std::string(MsgCode(d.msg))},
                            {"message", Tr(c.lang, d.msg, d.args)}});
      }
      return SendError(c.req, c.res, Msg::kHttpInvalid,
                       {std::to_string(result->diagnostics.error_count())},
                       {{"problems", problems}});
    }
    Changed();
    Json warnings = Json::array();
    for (const Diagnostic& d : result->diagnostics.Warnings()) {
      warnings.push_back({{"row", d.line},
                          {"code", std::string(MsgCode(d.msg))},
                          {"message", Tr(c.lang, d.msg, d.args)}});
    }
    SendJson(c.res, {{"saved", result->rows}, {"warnings", warnings}});
  }

  // The roster, equipment or volumes from the web form, checked by the same importer as a
  // file and stored as the facility's whole report of that kind.
  void PutReport(Call& c) {
    const auto kind = FacilityReportKind(c.req.matches[2]);
    Json rows;
    try {
      rows = Json::parse(c.req.body);
    } catch (const Json::parse_error& e) {
      return SendError(c.req, c.res, Msg::kHttpBadJson, {e.what()});
    }
    if (!rows.is_array() || !kind) return SendError(c.req, c.res, Msg::kHttpBadJson, {"array"});
    const std::vector<std::string> columns = app::TemplateColumns(*kind);
    const std::string csv = FormCsv(rows, columns, c.kode);
    std::lock_guard lock(ws_mutex_);
    if (!MayEdit(c)) return;
    SendImport(c,
               rows.empty() ? app::ClearFacilityReport(*ws_, *kind, c.kode, c.session.username)
                            : app::RunImportText(*ws_, *kind, "web:" + c.kode, csv,
                                                 c.session.username, c.kode),
               &columns);
  }

  // A filled-in template (XLSX, ODS or CSV) for one facility, imported as a file.
  void Upload(Call& c) {
    const auto kind = FacilityReportKind(c.req.get_param_value("kind"));
    if (!kind) {
      return SendError(c.req, c.res, Msg::kHttpBadParam, {"kind", c.req.get_param_value("kind")});
    }
    const std::string name = c.req.get_param_value("name");
    const std::string ext = std::filesystem::path(name).extension().string();
    if (ext != ".xlsx" && ext != ".csv" && ext != ".ods" && ext != ".xls") {
      return SendError(c.req, c.res, Msg::kHttpBadParam, {"name", name});
    }
    TempFile file(ext);
    {
      std::ofstream out(file.path(), std::ios::binary);
      out << c.req.body;
    }
    std::lock_guard lock(ws_mutex_);
    if (!MayEdit(c)) return;
    SendImport(c, app::RunImport(*ws_, *kind, file.path(), c.session.username, {}, c.kode),
               nullptr);
  }

  static void Template(Call& c) {
    const auto kind = FacilityReportKind(c.req.matches[1]);
    if (!kind) return SendError(c.req, c.res, Msg::kHttpNotFound, {c.req.path});
    report::Table t{"templat_" + std::string(c.req.matches[1]), app::TemplateColumns(*kind)};
    TempFile file(".xlsx");
    if (auto w = report::WriteXlsxFile(t, file.path()); !w) {
      return SendFailure(c.req, c.res, w.error());
    }
    SendDownload(c.res, file.Read(), t.name + ".xlsx");
  }

  void Submissions(Call& c) {
    Cached(c, Scope(c), kJsonType, [&]() -> std::optional<std::string> {
      std::lock_guard lock(ws_mutex_);
      std::map<std::string, store::Workspace::Submission> by_code;
      for (auto& s : ws_->Submissions(period_.id)) by_code[s.kode_faskes] = s;
      Json rows = Json::array();
      for (const Facility& f : ws_->Facilities()) {
        if (c.session.role == "operator" && f.kode != c.session.kode_faskes) continue;
        auto it = by_code.find(f.kode);
        const bool sent = it != by_code.end();
        rows.push_back({{"kode_faskes", f.kode},
                        {"nama_faskes", f.nama},
                        {"jenis_faskes", std::string(TypeKey(f.type))},
                        {"status", sent ? it->second.status : "draft"},
                        {"komentar", sent ? it->second.komentar : ""},
                        {"diubah_pada", sent ? it->second.diubah_pada : ""},
                        {"diubah_oleh", sent ? it->second.diubah_oleh : ""}});
      }
      return Json{{"period",
                   {{"id", period_.id},
                    {"nama", period_.nama},
                    {"mulai", period_.mulai},
                    {"selesai", period_.selesai}}},
                  {"rows", rows}}
          .dump();
    });
  }

  // submit: draft/returned -> submitted; verify: submitted -> verified; return:
  // submitted/verified -> returned, with a comment.
  void ChangeStatus(Call& c, const std::string& to) {
    std::string komentar;
    if (to == "returned") {
      try {
        const Json body = Json::parse(c.req.body.empty() ? "{}" : c.req.body);
        if (body.is_object()) komentar = body.value("komentar", "");
      } catch (const std::exception& e) {
        return SendError(c.req, c.res, Msg::kHttpBadJson, {e.what()});
      }
      if (komentar.find_first_not_of(" \t\r\n") == std::string::npos) {
        return SendError(c.req, c.res, Msg::kHttpCommentRequired, {});
      }
    }
    std::lock_guard lock(ws_mutex_);
    bool known = false;
    for (const Facility& f : ws_->Facilities()) known = known || f.kode == c.kode;
    if (!known) return SendError(c.req, c.res, Msg::kHttpNotFound, {c.kode});
    const std::string from = StatusOf(c.kode);
    const bool ok = (to == "submitted" && (from == "draft" || from == "returned")) ||
                    (to == "verified" && from == "submitted") ||
                    (to == "returned" && (from == "submitted" || from == "verified"));
    if (!ok) return SendError(c.req, c.res, Msg::kHttpStatus, {c.kode, from});
    store::Workspace::Submission s{c.kode, to, komentar, {}, c.session.username};
    if (auto w = ws_->SetSubmission(period_.id, s); !w) return SendFailure(c.req, c.res, w.error());
    Changed();
    SendJson(c.res, {{"kode_faskes", c.kode}, {"status", to}, {"komentar", komentar}});
  }

  void Needs(Call& c) {
    const std::string method =
        c.req.has_param("method") ? c.req.get_param_value("method") : "norms";
    const std::string by = c.req.has_param("by") ? c.req.get_param_value("by") : "facility";
    const auto methods = app::ParseNeedMethods(method);
    if (!methods) return SendError(c.req, c.res, Msg::kHttpBadParam, {"method", method});
    if (by != "facility" && by != "cadre") {
      return SendError(c.req, c.res, Msg::kHttpBadParam, {"by", by});
    }
    CachedTable(c, "all", [&]() -> std::optional<report::Table> {
      app::NeedsRequest request;
      request.methods = *methods;
      auto report = Read([&](auto& ws) { return app::ComputeNeeds(ws, request); });
      if (!report) {
        SendFailure(c.req, c.res, report.error());
        return std::nullopt;
      }
      return by == "cadre" ? app::CadreTotalsTable(*report) : app::NeedLinesTable(*report, c.lang);
    });
  }

  std::string Scenario(const Call& c) const {
    return c.req.has_param("scenario") ? c.req.get_param_value("scenario") : "dasar";
  }

  void AccessRegions(Call& c) {
    const std::string target = c.req.has_param("target") ? c.req.get_param_value("target") : "";
    const std::string level = c.req.has_param("level") ? c.req.get_param_value("level") : "";
    CachedTable(c, "all", [&]() -> std::optional<report::Table> {
      std::lock_guard lock(ws_mutex_);
      std::map<std::string, std::string> names;
      for (const Region& r : ws_->Regions(false)) names[r.kode] = r.nama;
      auto rows = ws_->AccessRegions(Scenario(c));
      std::erase_if(rows, [&](const auto& row) {
        const auto lvl = LevelOfCode(row.second.kode_wilayah);
        return (!target.empty() && row.first != target) ||
               (!level.empty() && (!lvl || LevelKey(*lvl) != level));
      });
      return app::AccessRegionsTable(rows, names, ws_->Layer("roads").empty());
    });
  }

  void AccessFacilities(Call& c) {
    CachedTable(c, "all", [&]() -> std::optional<report::Table> {
      std::lock_guard lock(ws_mutex_);
      std::map<std::string, std::string> names;
      for (const Facility& f : ws_->Facilities()) names[f.kode] = f.nama;
      report::Table t{"akses_fasyankes",
                      {"kode_faskes", "nama_faskes", "penduduk_terdekat", "menit_ke_rs",
                       "menit_ke_fasyankes_lain"}};
      auto opt = [](const std::optional<double>& v) {
        return v ? report::Cell{*v} : report::Cell{};
      };
      for (const FacilityAccess& f : ws_->AccessFacilities(Scenario(c))) {
        t.rows.push_back({f.kode_faskes, names[f.kode_faskes], opt(f.penduduk_terdekat),
                          opt(f.menit_ke_rs), opt(f.menit_ke_fasyankes_lain)});
      }
      return t;
    });
  }

  // The work of a background job: runs on its own workspace connection, reports progress, and
  // returns the job's result or an Error.
  using JobWork =
      std::function<std::expected<Json, Error>(store::Workspace&, const app::PlanProgress&)>;

  // Starts `work` in the background: 202 {"job": id}; progress through /jobs/{id}. One job of
  // each kind at a time: a second request follows the one in progress.
  void StartJob(Call& c, const std::string& kind, JobWork work) {
    std::lock_guard lock(mutex_);
    for (const auto& [id, running] : jobs_) {
      if (running->kind == kind && running->state == "running") {
        c.res.status = 202;
        return SendJson(c.res, {{"job", id}});
      }
    }
    auto job = std::make_shared<Job>();
    job->id = RandomToken().substr(0, 16);
    job->kind = kind;
    job->owner = c.session.username;
    job->message = Tr(c.lang, Msg::kHttpJobStarted, {});
    jobs_[job->id] = job;
    const Lang lang = c.lang;
    workers_.emplace_back([this, job, lang, work = std::move(work)] {
      auto ws = store::Workspace::Open(options_.workspace);
      std::expected<Json, Error> result = ws ? work(**ws,
                                                    [&](int step, int of, const std::string& what) {
                                                      std::lock_guard lock(mutex_);
                                                      job->step = step;
                                                      job->of = of;
                                                      job->message = what;
                                                    })
                                             : std::unexpected(ws.error());
      std::lock_guard lock(mutex_);
      if (result) {
        job->state = "done";
        job->step = job->of;
        job->result = std::move(*result);
      } else {
        job->state = "failed";
        job->error = {{"code", std::string(MsgCode(result.error().msg))},
                      {"message", result.error().Text(lang)}};
      }
      Changed();
    });
    c.res.status = 202;
    SendJson(c.res, {{"job", job->id}});
  }

  // The request body as a JSON object ("{}" when empty); std::nullopt after a 400.
  static std::optional<Json> BodyObject(Call& c) {
    try {
      Json body = Json::parse(c.req.body.empty() ? "{}" : c.req.body);
      if (body.is_object()) return body;
      SendError(c.req, c.res, Msg::kHttpBadJson, {"object"});
    } catch (const std::exception& e) {
      SendError(c.req, c.res, Msg::kHttpBadJson, {e.what()});
    }
    return std::nullopt;
  }

  // A number of the body within [lo, hi]; std::nullopt after a 400.
  static std::optional<double> BodyNumber(Call& c, const Json& body, const char* key,
                                          double fallback, double lo, double hi) {
    const Json& v = body.contains(key) ? body.at(key) : Json(fallback);
    if (v.is_number() && v.get<double>() >= lo && v.get<double>() <= hi) return v.get<double>();
    SendError(c.req, c.res, Msg::kHttpBadParam, {key, v.dump()});
    return std::nullopt;
  }

  // 422 with the error's own code and message: the request was understood but refused.
  static void SendRefused(Call& c, const Error& e) {
    c.res.status = 422;
    SendJson(c.res,
             {{"error", {{"code", std::string(MsgCode(e.msg))}, {"message", e.Text(c.lang)}}}});
  }

  // POST /scenarios: {nama, keterangan, tutup: [kode], banjir_desa: [kode], faktor_banjir,
  // tutup_yang_kebanjiran, banjir: GeoJSON FeatureCollection of polygons (properties.faktor
  // optional, else faktor_banjir), kecepatan: {kelas: km/h}, tambah: [{kode, nama, jenis, lon,
  // lat}]}.
  void SaveScenario(Call& c) {
    auto body = BodyObject(c);
    if (!body) return;
    app::ScenarioRequest r;
    try {
      r.nama = body->value("nama", "");
      r.keterangan = body->value("keterangan", "");
      r.close = body->value("tutup", std::vector<std::string>{});
      r.flood_desa = body->value("banjir_desa", std::vector<std::string>{});
      r.close_flooded = body->value("tutup_yang_kebanjiran", false);
      r.speeds = body->value("kecepatan", std::map<std::string, double>{});
    } catch (const Json::exception& e) {
      return SendError(c.req, c.res, Msg::kHttpBadJson, {e.what()});
    }
    const bool plain = !r.nama.empty() && r.nama.size() <= 64 &&
                       r.nama.find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "0123456789_-") == std::string::npos;
    if (!plain) return SendError(c.req, c.res, Msg::kHttpBadParam, {"nama", r.nama});
    auto factor = BodyNumber(c, *body, "faktor_banjir", 0, 0, 1);
    if (!factor) return;
    r.flood_factor = *factor;
    if (body->contains("banjir")) {
      const Json& fc = body->at("banjir");
      if (!fc.is_object() || !fc.contains("features") || !fc["features"].is_array()) {
        return SendError(c.req, c.res, Msg::kHttpBadParam, {"banjir", "FeatureCollection"});
      }
      for (const Json& f : fc["features"]) {
        auto wkb = f.is_object() && f.contains("geometry")
                       ? ingest::PolygonFromGeoJson(f["geometry"].dump())
                       : std::nullopt;
        if (!wkb) return SendError(c.req, c.res, Msg::kHttpBadParam, {"banjir", "Polygon"});
        double area_factor = r.flood_factor;
        if (f.contains("properties") && f["properties"].is_object() &&
            f["properties"].contains("faktor")) {
          auto v = BodyNumber(c, f["properties"], "faktor", 0, 0, 1);
          if (!v) return;
          area_factor = *v;
        }
        r.flood_areas.push_back({"flood", "", area_factor, std::move(*wkb)});
      }
    }
    if (body->contains("tambah") && (*body)["tambah"].is_array()) {
      for (const Json& a : (*body)["tambah"]) {
        AddedFacility f;
        try {
          f.kode = a.at("kode").get<std::string>();
          f.nama = a.value("nama", f.kode);
          f.type =
              ParseFacilityType(a.value("jenis", "puskesmas")).value_or(FacilityType::kPuskesmas);
          f.lon = a.at("lon").get<double>();
          f.lat = a.at("lat").get<double>();
        } catch (const Json::exception& e) {
          return SendError(c.req, c.res, Msg::kHttpBadJson, {e.what()});
        }
        r.added.push_back(std::move(f));
      }
    }
    std::lock_guard lock(ws_mutex_);
    auto sc = app::BuildScenario(*ws_, r);
    if (!sc) return SendRefused(c, sc.error());
    if (auto w = ws_->PutScenario(*sc, c.session.username); !w) {
      return SendFailure(c.req, c.res, w.error());
    }
    Changed();
    SendJson(c.res, {{"nama", sc->nama},
                     {"tutup", sc->closed},
                     {"banjir", sc->floods.size()},
                     {"tambah", sc->added.size()}});
  }

  void GetScenario(Call& c) {
    auto sc = Read([&](auto& ws) { return ws.FindScenario(c.req.matches[1]); });
    if (!sc) return SendError(c.req, c.res, Msg::kHttpNotFound, {c.req.matches[1]});
    std::vector<report::GeoFeature> floods;
    for (const FloodArea& f : sc->floods) {
      floods.push_back({f.geometry_wkb, {{"faktor", f.factor}, {"desa", f.desa}}});
    }
    Json added = Json::array();
    for (const AddedFacility& a : sc->added) {
      added.push_back({{"kode", a.kode},
                       {"nama", a.nama},
                       {"jenis", std::string(TypeKey(a.type))},
                       {"lon", a.lon},
                       {"lat", a.lat}});
    }
    SendJson(c.res, {{"nama", sc->nama},
                     {"keterangan", sc->keterangan},
                     {"tutup", sc->closed},
                     {"kecepatan", sc->speeds},
                     {"tambah", added},
                     {"putus", sc->cuts_wkb.size()},
                     {"banjir", Json::parse(report::FeatureCollection(floods, 0.0002))},
                     {"waktu", sc->waktu},
                     {"pengguna", sc->pengguna}});
  }

  void DeleteScenario(Call& c) {
    std::lock_guard lock(ws_mutex_);
    auto gone = ws_->DeleteScenario(c.req.matches[1], c.session.username);
    if (!gone) return SendFailure(c.req, c.res, gone.error());
    if (!*gone) return SendError(c.req, c.res, Msg::kHttpNotFound, {c.req.matches[1]});
    Changed();
    SendJson(c.res, {{"ok", true}});
  }

  // Compares a stored scenario with the baseline in the background; the job's result holds
  // the tables of `plan compare`.
  void StartCompare(Call& c) {
    auto body = BodyObject(c);
    if (!body) return;
    auto resolution = BodyNumber(c, *body, "resolution_m", 100, 20, 5000);
    if (!resolution) return;
    auto sc = Read([&](auto& ws) { return ws.FindScenario(c.req.matches[1]); });
    if (!sc) return SendError(c.req, c.res, Msg::kHttpNotFound, {c.req.matches[1]});
    app::AccessModelOptions options;
    options.resolution_m = *resolution;
    StartJob(
        c, "compare",
        [scenario = *sc, options](store::Workspace& ws,
                                  const app::PlanProgress& progress) -> std::expected<Json, Error> {
          auto r = app::ComparePlan(ws, scenario, options, progress);
          if (!r) return std::unexpected(r.error());
          const auto tables = app::CompareTables(*r);
          const app::RegionChange& k = r->kabupaten;
          auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(); };
          return Json{{"skenario", scenario.nama},
                      {"ringkasan",
                       {{"penduduk", k.penduduk},
                        {"kehilangan_30", k.Loses(0)},
                        {"kehilangan_60", k.Loses(1)},
                        {"kehilangan_120", k.Loses(2)},
                        {"menit_sebelum", opt(k.menit_sebelum)},
                        {"menit_sesudah", opt(k.menit_sesudah)},
                        {"tutup", scenario.closed.size()},
                        {"banjir", scenario.floods.size()},
                        {"detik", r->seconds}}},
                      {"desa", report::ToJson(tables[0])},
                      {"kecamatan", report::ToJson(tables[1])},
                      {"fasyankes", report::ToJson(tables[2])}};
        });
  }

  // Chooses sites in the background: body {k, minutes, objective, skenario}.
  void StartSites(Call& c) {
    auto body = BodyObject(c);
    if (!body) return;
    auto k = BodyNumber(c, *body, "k", 5, 1, 50);
    auto minutes = k ? BodyNumber(c, *body, "minutes", 60, 1, 1440) : std::nullopt;
    if (!k || !minutes) return;
    app::SitesRequest request;
    request.k = static_cast<int>(*k);
    request.minutes = *minutes;
    const std::string objective = body->value("objective", "coverage");
    if (objective != "coverage" && objective != "mean-time") {
      return SendError(c.req, c.res, Msg::kHttpBadParam, {"objective", objective});
    }
    request.objective = objective == "coverage" ? plan::SitingObjective::kCoverage
                                                : plan::SitingObjective::kMeanTime;
    const std::string scenario = body->value("skenario", "");
    if (!scenario.empty()) {
      request.scenario = Read([&](auto& ws) { return ws.FindScenario(scenario); });
      if (!request.scenario) return SendError(c.req, c.res, Msg::kHttpNotFound, {scenario});
    }
    StartJob(c, "sites",
             [request](store::Workspace& ws,
                       const app::PlanProgress& progress) -> std::expected<Json, Error> {
               auto r = app::PlanSites(ws, request, {}, progress);
               if (!r) return std::unexpected(r.error());
               return Json{{"penduduk", r->population},
                           {"terjangkau_sebelum", r->covered_before},
                           {"calon", r->candidates.size()},
                           {"lokasi", report::ToJson(app::SitesTable(*r))}};
             });
  }

  void StartAccess(Call& c) {
    auto body = BodyObject(c);
    if (!body) return;
    auto resolution = BodyNumber(c, *body, "resolution_m", 100, 20, 5000);
    if (!resolution) return;
    app::AccessRunOptions options;
    options.resolution_m = *resolution;
    const std::string user = c.session.username;
    StartJob(c, "access_run",
             [options, user](store::Workspace& ws,
                             const app::PlanProgress& progress) -> std::expected<Json, Error> {
               auto report = app::RunAccess(ws, options, user, progress);
               if (!report) return std::unexpected(report.error());
               return Json{{"seconds", report->seconds},
                           {"warnings", report->warnings.size()},
                           {"resolution_m", options.resolution_m}};
             });
  }

  void GetJob(Call& c) {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(c.req.matches[1]);
    if (it == jobs_.end() ||
        (it->second->owner != c.session.username && c.session.role != "admin")) {
      return SendError(c.req, c.res, Msg::kHttpNotFound, {c.req.path});
    }
    const Job& j = *it->second;
    Json body = {{"id", j.id},
                 {"kind", j.kind},
                 {"state", j.state},
                 {"step", j.step},
                 {"of", j.of},
                 {"message", j.message},
                 {"fraction", j.state == "done" ? 1.0
                              : j.of > 0        ? static_cast<double>(j.step) / j.of
                                                : 0.0}};
    if (!j.error.is_null()) body["error"] = j.error;
    if (!j.result.is_null()) body["result"] = j.result;
    SendJson(c.res, body);
  }

  // The proposal's parameters from the query string; std::nullopt after an error response.
  std::optional<app::ProposalRequest> ProposalParams(Call& c) {
    app::ProposalRequest request;
    request.year = Date::Today().year + 1;
    request.attrition_rate = 0.02;
    const CadreCatalog cadres = Read([](auto& ws) { return ws.Cadres(); });
    static const std::set<std::string> kNumbers = {"budget",       "year",         "w_shortage",
                                                   "w_population", "w_remoteness", "w_flood"};
    for (const auto& [key, value] : c.req.params) {
      if (key == "method" || key == "lang" || key == "format") continue;
      // Every other parameter is a number; an unknown one (a typo) is refused, not ignored.
      double v = 0;
      try {
        std::size_t used = 0;
        v = std::stod(value, &used);
        if (used != value.size() || v < 0) throw std::invalid_argument(value);
        if (!kNumbers.contains(key) && !key.starts_with("ceiling_")) {
          throw std::invalid_argument(key);
        }
      } catch (const std::exception&) {
        SendError(c.req, c.res, Msg::kHttpBadParam, {key, value});
        return std::nullopt;
      }
      if (key == "budget") {
        request.options.budget = v;
      } else if (key == "year") {
        request.year = static_cast<int>(v);
      } else if (key == "w_shortage") {
        request.weights.shortage = v;
      } else if (key == "w_population") {
        request.weights.population = v;
      } else if (key == "w_remoteness") {
        request.weights.remoteness = v;
      } else if (key == "w_flood") {
        request.weights.flood = v;
      } else if (key.starts_with("ceiling_")) {
        auto cadre = cadres.Normalize(key.substr(8));
        if (!cadre) {
          SendError(c.req, c.res, Msg::kHttpBadParam, {key, value});
          return std::nullopt;
        }
        request.options.cadre_ceilings[*cadre] = static_cast<int>(v);
      }
    }
    const std::string method =
        c.req.has_param("method") ? c.req.get_param_value("method") : "norms";
    const auto methods = app::ParseNeedMethods(method);
    if (!methods || methods->size() != 1) {
      SendError(c.req, c.res, Msg::kHttpBadParam, {"method", method});
      return std::nullopt;
    }
    request.needs.methods = *methods;
    return request;
  }

  void Proposal(Call& c, bool workbook) {
    auto request = ProposalParams(c);
    if (!request) return;
    auto compute = [&]() -> std::optional<app::ProposalReport> {
      auto report = Read([&](auto& ws) { return app::ComputeProposal(ws, *request); });
      if (!report) {
        SendFailure(c.req, c.res, report.error());
        return std::nullopt;
      }
      return std::move(*report);
    };
    if (workbook) {
      auto report = compute();
      if (!report) return;
      TempFile file(".xlsx");
      if (auto w = report::WriteWorkbook(app::ProposalWorkbook(*report, c.lang), file.path()); !w) {
        return SendFailure(c.req, c.res, w.error());
      }
      return SendDownload(c.res, file.Read(),
                          "usulan_formasi_" + std::to_string(request->year) + ".xlsx");
    }
    Cached(c, "all", kJsonType, [&]() -> std::optional<std::string> {
      auto report = compute();
      if (!report) return std::nullopt;
      const auto sheets = app::ProposalWorkbook(*report, c.lang);
      const auto& p = report->proposal;
      int funded = 0;
      for (const auto& l : p.lines) funded += l.funded ? 1 : 0;
      Json lines = Json::array();
      for (const auto& l : p.lines) {
        const auto name = report->needs.inputs.facility_names.find(l.priority.need.kode_faskes);
        lines.push_back(
            {{"rank", l.priority.rank},
             {"kode_faskes", l.priority.need.kode_faskes},
             {"nama_faskes", name != report->needs.inputs.facility_names.end() ? name->second : ""},
             {"kelompok", l.priority.need.group_name},
             {"jenis_tenaga", l.cadre},
             {"indeks", l.priority.index},
             {"formasi", l.positions},
             {"biaya_satuan", l.unit_cost},
             {"biaya_total", l.total_cost},
             {"didanai", l.funded},
             {"alasan", l.reason}});
      }
      return Json{{"summary",
                   {{"year", request->year},
                    {"budget", p.budget},
                    {"total_cost", p.total_cost},
                    {"positions", p.positions},
                    {"lines", p.lines.size()},
                    {"funded_lines", funded}}},
                  {"lines", lines},
                  {"sheets", report::ToJson(sheets)}}
          .dump();
    });
  }

  void MapRegions(Call& c) {
    const std::string level = c.req.has_param("level") ? c.req.get_param_value("level") : "desa";
    const auto lvl = ParseLevel(level);
    if (!lvl) return SendError(c.req, c.res, Msg::kHttpBadParam, {"level", level});
    Cached(c, "all", "application/geo+json", [&]() -> std::optional<std::string> {
      std::lock_guard lock(ws_mutex_);
      const auto population = LatestPopulation(ws_->Population());
      std::map<std::string, RegionAccess> reach;
      for (auto& [target, r] : ws_->AccessRegions("dasar")) {
        if (target == "puskesmas") reach[r.kode_wilayah] = r;
      }
      std::vector<report::GeoFeature> features;
      for (Region& r : ws_->Regions(true)) {
        if (r.level != *lvl) continue;
        Json p = {{"kode", r.kode}, {"nama", r.nama}};
        const auto pop = population.find(r.kode);
        p["penduduk"] = pop != population.end() ? Json(pop->second.penduduk) : Json(nullptr);
        const auto a = reach.find(r.kode);
        const bool known = a != reach.end() && a->second.penduduk > 0;
        auto share = [&](double v) { return known ? Json(a->second.Share(v)) : Json(nullptr); };
        p["menit"] = known && a->second.rata_menit ? Json(*a->second.rata_menit) : Json(nullptr);
        p["dalam_30"] = known ? share(a->second.dalam_30) : Json(nullptr);
        p["dalam_60"] = known ? share(a->second.dalam_60) : Json(nullptr);
        p["dalam_120"] = known ? share(a->second.dalam_120) : Json(nullptr);
        features.push_back({std::move(r.geometry_wkb), std::move(p)});
      }
      return report::FeatureCollection(features, 0.0002);
    });
  }

  void MapFacilities(Call& c) {
    const std::string scope = c.session.role == "operator" ? c.session.kode_faskes : "all";
    Cached(c, scope, "application/geo+json", [&]() -> std::optional<std::string> {
      std::lock_guard lock(ws_mutex_);
      auto needs = app::ComputeNeeds(*ws_, {});
      std::map<std::string, std::pair<double, double>> staffing;  // current, required
      if (needs) {
        for (const auto& l : needs->lines) {
          auto& [current, required] = staffing[l.kode_faskes];
          current += l.current;
          required += l.required_rounded;
        }
      }
      std::map<std::string, std::string> status;
      for (const auto& s : ws_->Submissions(period_.id)) status[s.kode_faskes] = s.status;
      std::vector<report::GeoFeature> features;
      for (const Facility& f : ws_->Facilities()) {
        if (!f.lon || !f.lat || (scope != "all" && f.kode != scope)) continue;
        Json p = {{"kode", f.kode},
                  {"nama", f.nama},
                  {"jenis", std::string(TypeKey(f.type))},
                  {"status", status.contains(f.kode) ? status[f.kode] : "draft"}};
        const auto s = staffing.find(f.kode);
        const bool known = s != staffing.end() && s->second.second > 0;
        p["tenaga"] = s != staffing.end() ? Json(s->second.first) : Json(nullptr);
        p["kebutuhan"] = s != staffing.end() ? Json(s->second.second) : Json(nullptr);
        p["rasio"] = known ? Json(s->second.first / s->second.second) : Json(nullptr);
        features.push_back({report::PointWkb(*f.lon, *f.lat), std::move(p)});
      }
      return report::FeatureCollection(features, 0);
    });
  }

  void MapLayer(Call& c) {
    const std::string kind = c.req.matches[1];
    Cached(c, "all", "application/geo+json", [&]() -> std::optional<std::string> {
      std::vector<report::GeoFeature> features;
      for (MapFeature& f : Read([&](auto& ws) { return ws.Layer(kind); })) {
        Json p = {{"jenis", f.jenis}, {"kelas", f.kelas}};
        p["nilai"] = f.nilai ? Json(*f.nilai) : Json(nullptr);
        features.push_back({std::move(f.geometry_wkb), std::move(p)});
      }
      return report::FeatureCollection(features, 0.0005);
    });
  }

  std::unique_ptr<store::Workspace> ws_;
  std::mutex ws_mutex_;
  store::Workspace::Period period_;
  ServerOptions options_;
  std::mutex mutex_;  // sessions, failures, jobs
  std::map<std::string, Session> sessions_;
  struct Failures {
    int count = 0;
    Clock::time_point until{};
  };
  std::map<std::string, Failures> failures_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::vector<std::thread> workers_;
  std::mutex cache_mutex_;
  std::mutex compute_mutex_;
  struct CachedBody {
    std::pair<uint64_t, int64_t> state;  // generation_, data_version
    std::string body;
  };
  std::map<std::string, CachedBody> cache_;
  std::atomic<uint64_t> generation_{0};
};

// The built web application: --web, else web/dist of the source tree the binary was built
// from.
std::string WebDir(const ServerOptions& options) {
  if (!options.web_dir.empty()) return options.web_dir;
  return JANGKAU_SOURCE_DIR "/web/dist";
}

}  // namespace

int Serve(const ServerOptions& options, std::ostream& log, const std::function<void(int)>& ready) {
  if (!InitCrypto()) return 3;
  auto ws = store::Workspace::Open(options.workspace);
  if (!ws) {
    log << "jangkau: " << ws.error().Text(Lang::kId) << '\n';
    return 3;
  }
  auto period = (*ws)->EnsurePeriod(Date::Today().Iso(), "sistem");
  if (!period) {
    log << "jangkau: " << period.error().Text(Lang::kId) << '\n';
    return 3;
  }
  httplib::Server http;
  // Enough workers for many keep-alive connections at once (browsers, the load test).
  http.new_task_queue = [] { return new httplib::ThreadPool(64); };
  // Keep-alive connections stay open for many requests; responses go out at once (Nagle's
  // algorithm with delayed acknowledgements would hold a small response back 40 ms).
  http.set_keep_alive_max_count(100000);
  http.set_tcp_nodelay(true);
  // A filled-in template is kilobytes; refuse bodies over 32 MB before reading them.
  http.set_payload_max_length(std::size_t{32} << 20);
  // The library listens with a backlog of 5: fifty clients connecting at once would see dropped
  // SYNs and one-second retries. Keep the listening socket to widen its backlog after binding
  // (Linux applies a second listen() to a listening socket).
  int listen_fd = -1;
  http.set_socket_options([&listen_fd](socket_t sock) {
    listen_fd = sock;
    httplib::default_socket_options(sock);
  });
  Api api(std::move(*ws), *period, options);
  api.Register(http);
  http.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"},
       {"X-Frame-Options", "DENY"},
       {"Referrer-Policy", "no-referrer"},
       {"Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
        "worker-src 'self' blob:; child-src blob:; connect-src 'self'"}});
  const std::string web = WebDir(options);
  std::error_code ec;
  if (std::filesystem::is_directory(web, ec)) {
    http.set_mount_point("/", web);
    // Paths of the single-page application that are not files get its index page.
    const std::string index = web + "/index.html";
    http.Get(R"(/(?!api/).*)", [index](const Request&, Response& res) {
      std::ifstream in(index, std::ios::binary);
      res.set_content(std::string(std::istreambuf_iterator<char>(in), {}),
                      "text/html; charset=utf-8");
    });
  } else {
    log << "jangkau: aplikasi web tidak ditemukan di " << web
        << " (jalankan make build); hanya API / web application not found, API only\n";
  }
  // A body of the wrong shape that a handler did not check field by field (a number where text
  // belongs) is the client's error, answered like any other; anything else is ours (500).
  http.set_exception_handler([](const Request& req, Response& res, std::exception_ptr ep) {
    try {
      std::rethrow_exception(std::move(ep));
    } catch (const Json::exception& e) {
      SendError(req, res, Msg::kHttpBadJson, {e.what()});
    } catch (const std::exception& e) {
      SendFailure(req, res, Error{Msg::kInternal, {e.what()}});
    }
  });
  http.set_post_routing_handler([](const Request& req, Response& res) {
    if (req.path.starts_with("/api/")) res.set_header("Cache-Control", "no-store");
  });
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.bind);
    if (port < 0) return 3;
  } else if (!http.bind_to_port(options.bind, port)) {
    log << "jangkau: " << options.bind << ":" << port << " tidak dapat dipakai / cannot be bound\n";
    return 3;
  }
  if (listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
  if (ready) ready(port);
  return http.listen_after_bind() ? 0 : 3;
}

}  // namespace jangkau::server
