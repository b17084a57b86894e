// The HTTP server of the web application (`jangkau serve`): a JSON API under /api/v1 with
// sessions, roles and CSRF protection, over the same library calls the CLI makes. Every error
// is a JSON object {"error": {"code", "message"}} with the HTTP status of docs/http.md.
// Workspace connections in a small pool (one for a file, several for PostgreSQL), each used by
// one request at a time; libmicrohttpd (server/http.h) reads requests and a bounded pool of
// workers answers them. The routes are in server/routes_*.cc.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace jangkau::server {

struct ServerOptions {
  std::string workspace;
  std::string bind = "127.0.0.1";
  int port = 8080;                    // 0: any free port (printed)
  int session_minutes = 8 * 60;       // a session ends after this long unused
  int max_failures = 5;               // wrong passwords for one username from one address
  int max_failures_per_address = 20;  // wrong logins from one address, any usernames
  int throttle_minutes = 15;
  int job_workers = 0;  // background jobs at once (0: the number of cores)
  // Workspace connections for requests at once (0: one for a SQLite file, whose writers take
  // turns anyway; four for PostgreSQL, where each is a server process of its own).
  int connections = 0;
  int job_queue = 8;                                // jobs waiting; more are refused with 429
  std::size_t cache_entries = 512;                  // cached read responses
  std::size_t cache_bytes = std::size_t{96} << 20;  // and their bytes
  std::string web_dir;  // the built web application (empty: web/dist of the source tree)
};

// Serves until SIGINT or SIGTERM, then stops cleanly (running handlers finish). `ready(port)` is
// called once listening. Returns non-zero when the workspace cannot be opened or the port not
// bound.
int Serve(const ServerOptions& options, std::ostream& log, const std::function<void(int)>& ready);

}  // namespace jangkau::server
