// `jangkau serve`: opens the workspace, builds the route table, serves the API and the built
// web application over server/http.h until SIGINT or SIGTERM.
#include "server/server.h"

#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "model/date.h"
#include "server/auth.h"
#include "server/http.h"
#include "server/routes.h"

namespace jangkau::server {
namespace {

constexpr std::uintmax_t kMaxWebBytes = std::uintmax_t{64} << 20;

// The built web application, read once: only the files found at start are served, so no
// path a client sends can reach outside the folder.
class WebFiles {
 public:
  explicit WebFiles(const std::string& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (!entry.is_regular_file(ec)) continue;
      total += entry.file_size(ec);
      if (total > kMaxWebBytes) break;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string body{std::istreambuf_iterator<char>(in), {}};
      const std::string rel =
          "/" + std::filesystem::relative(entry.path(), dir, ec).generic_string();
      files_[rel] = {TypeOf(entry.path().extension().string()),
                     std::make_shared<const std::string>(std::move(body))};
    }
  }
  bool empty() const { return files_.empty(); }
  // The file at `path`; paths of the single-page application that are not files get its
  // index page.
  HttpResponse Get(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end()) it = files_.find("/index.html");
    HttpResponse res;
    if (it == files_.end()) {
      res.status = 404;
      res.body = "{}";
      return res;
    }
    res.content_type = it->second.first;
    res.shared_body = it->second.second;
    return res;
  }

 private:
  static std::string TypeOf(const std::string& ext) {
    static const std::map<std::string, std::string> kTypes = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".map", "application/json"},
        {".txt", "text/plain; charset=utf-8"}};
    auto it = kTypes.find(ext);
    return it != kTypes.end() ? it->second : "application/octet-stream";
  }
  std::map<std::string, std::pair<std::string, SharedBody>> files_;
};

// The built web application: --web, else web/dist of the source tree the binary was built
// from.
std::string WebDir(const ServerOptions& options) {
  if (!options.web_dir.empty()) return options.web_dir;
  return JANGKAU_SOURCE_DIR "/web/dist";
}

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> kHeaders = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
       "worker-src 'self' blob:; child-src blob:; connect-src 'self'"}};
  return kHeaders;
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
  // Signals are taken by sigwait below, not by whichever thread they hit; every thread started
  // from here on inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  ServerContext ctx(std::move(*ws), *period, options);
  Router router;
  AddSessionRoutes(router, ctx);
  AddFacilityRoutes(router, ctx);
  AddNeedsRoutes(router, ctx);
  AddAccessRoutes(router, ctx);
  AddPlanRoutes(router, ctx);
  AddMapRoutes(router, ctx);
  AddEmergencyRoutes(router, ctx);
  AddEmergencyPlanRoutes(router, ctx);
  AddProgrammeRoutes(router, ctx);
  AddSurveillanceRoutes(router, ctx);
  AddFhirRoutes(router, ctx);
  const WebFiles web(WebDir(options));
  if (web.empty()) {
    log << "jangkau: aplikasi web tidak ditemukan di " << WebDir(options)
        << " (jalankan make build); hanya API / web application not found, API only\n";
  }

  auto handler = [&](HttpRequest& req) {
    HttpResponse res;
    if (req.path.starts_with("/api/") || req.path.starts_with("/fhir/")) {
      res = router.Dispatch(req, ctx);
    } else if (req.method == "GET" || req.method == "HEAD") {
      res = web.Get(req.path);
    } else {
      res = ErrorResponse(RequestLang(req), Msg::kHttpMethod,
                          {req.method.substr(0, 16), req.path.substr(0, 200)});
    }
    for (const auto& h : SecurityHeaders()) res.headers.push_back(h);
    return res;
  };
  auto body_limit = [&](const HttpRequest& req) { return router.BodyLimit(req); };
  auto refusal = [&](const HttpRequest& req, int status, std::string_view code) {
    const Msg msg = MsgFromCode(code).value_or(Msg::kInternal);
    std::vector<std::string> args;
    if (msg == Msg::kHttpTooLarge) {
      args.push_back(std::to_string(router.BodyLimit(req) >> 10) + " KiB");
    } else if (msg == Msg::kInternal) {
      args.emplace_back("handler");
    }
    HttpResponse res = req.path.starts_with("/fhir/")
                           ? OperationOutcomeResponse(RequestLang(req), msg, args, status)
                           : ErrorResponse(RequestLang(req), msg, args, Json::object(), status);
    res.headers.emplace_back("Connection", "close");
    return res;
  };
  HttpLimits limits;
  limits.max_body_bytes = kUploadBody;
  // Every connection is a file descriptor: raise the soft limit towards the hard one and keep
  // the connection limit below it, with room for the workspace, web files and job connections.
  if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0) {
    const rlim_t wanted = std::min<rlim_t>(files.rlim_max, 65536);
    if (files.rlim_cur < wanted) {
      files.rlim_cur = wanted;
      if (setrlimit(RLIMIT_NOFILE, &files) != 0) getrlimit(RLIMIT_NOFILE, &files);
    }
    const rlim_t room = files.rlim_cur > 256 ? files.rlim_cur - 128 : files.rlim_cur / 2;
    limits.max_connections = static_cast<int>(std::min<rlim_t>(limits.max_connections, room));
  }
  auto http = HttpServer::Start(options.bind, options.port, limits, handler, body_limit, refusal);
  if (!http) {
    log << "jangkau: " << options.bind << ":" << options.port
        << " tidak dapat dipakai / cannot be used: " << http.error() << '\n';
    return 3;
  }
  ctx.SetPublisher([server = http->get()](const std::string& bytes) { server->Publish(bytes); });
  if (ready) ready((*http)->port());
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  ctx.SetPublisher(nullptr);
  http->reset();  // running handlers finish, then every connection closes
  return 0;
}

}  // namespace jangkau::server
