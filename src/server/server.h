// The HTTP server of the web application (`jangkau serve`): a JSON API under /api/v1 with
// sessions, roles and CSRF protection, over the same library calls the CLI makes. Every error
// is a JSON object {"error": {"code", "message"}} with the HTTP status of docs/http.md.
// One workspace connection behind a mutex; cpp-httplib's thread pool serves requests.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace jangkau::server {

struct ServerOptions {
  std::string workspace;
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port (printed)
  int session_minutes = 8 * 60;  // a session expires this long after login
  int max_failures = 5;          // wrong passwords before a login is throttled
  int throttle_minutes = 15;
  std::string web_dir;  // the built web application (empty: web/dist of the source tree)
};

// Serves until the process is stopped. `ready(port)` is called once listening.
// Returns non-zero when the workspace cannot be opened or the port not bound.
int Serve(const ServerOptions& options, std::ostream& log, const std::function<void(int)>& ready);

}  // namespace jangkau::server
