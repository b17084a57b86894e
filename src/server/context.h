// What every group of routes shares: the workspace behind its lock, the reporting period, the
// sessions, the throttle, the response cache and the job runner, plus the helpers that turn
// values into responses. A handler parses its request, calls `app`, and renders with these.
// Thread-safe: handlers run on several workers at once.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "app/region_scope.h"
#include "base/diagnostic.h"
#include "base/lang.h"
#include "report/table.h"
#include "server/http.h"
#include "server/jobs.h"
#include "server/json_body.h"
#include "server/limits.h"
#include "server/server.h"
#include "store/workspace.h"

namespace jangkau::server {

struct Session {
  std::string token_hash;
  std::string username;
  std::string role;  // admin, planner, operator, viewer, dispatcher
  std::string kode_faskes;
  app::RegionScope scope;  // the user's region (users.wilayah); everything when none
  // The workspace's data version when the session was checked (the same query): a cached
  // answer of that version needs no second round trip.
  std::optional<int64_t> data_version;
};

// Who may call a route. Facility routes check the {kode} of the path as well.
enum class Access {
  kPublic,         // no session (login, the contract)
  kLoggedIn,       // any role
  kReaders,        // admin, planner, viewer (not operators: they see their own data only)
  kPlanners,       // admin, planner
  kAdmin,          // admin
  kFacilityRead,   // admin, planner, viewer, the facility's operator
  kFacilityWrite,  // admin, the facility's operator
  kFacilityCheck,  // admin, planner: verify or return a facility's report
  kDispatch,       // admin, planner, dispatcher: emergency units and incidents
};
bool Allowed(Access access, const Session& s, const std::string& kode);

// Everything a handler needs about its request.
struct Call {
  const HttpRequest& req;
  HttpResponse& res;
  const Session& session;
  std::vector<std::string> captures;  // the {..} segments of the route, in order
  Lang lang;

  // The query parameter (only those the route declares reach the handler) or `fallback`.
  std::string Param(const char* name, const std::string& fallback = "") const;
  bool Has(const char* name) const { return req.Param(name) != nullptr; }
  const std::string& kode() const { return captures.front(); }
};

class ServerContext {
 public:
  ServerContext(std::unique_ptr<store::Workspace> ws, store::Workspace::Period period,
                const ServerOptions& options);

  const ServerOptions& options() const { return options_; }
  const store::Workspace::Period& period() const { return period_; }

  // Runs `f(workspace)` on a connection of the pool, which nobody else uses meanwhile (waits
  // for one when all are busy). Writes keep the store's guarantees across connections: one
  // writer at a time, stale versions refused inside the write transaction.
  template <typename F>
  std::invoke_result_t<F, store::Workspace&> Read(F&& f) {
    Lease lease(*this);
    return f(*lease.ws);
  }
  // The workspace changed through this server.
  void Changed() { ++generation_; }
  // Server-sent events to every open stream (HttpResponse::event_stream); a no-op until the
  // HTTP layer is attached and after it is detached.
  void SetPublisher(std::function<void(const std::string&)> publish) {
    std::lock_guard lock(publish_mutex_);
    publish_ = std::move(publish);
  }
  void Publish(const std::string& event, const std::string& data) {
    std::lock_guard lock(publish_mutex_);
    if (publish_) publish_("event: " + event + "\ndata: " + data + "\n\n");
  }

  // Read responses computed once per state of the workspace (this server's writes and every
  // commit of another connection: a CLI import, a background run). `key` names the route and
  // its known parameters only. `compute` returns the body or std::nullopt after sending an
  // error itself. One computation at a time: fifty clients asking at once wait for one.
  void Cached(Call& c, const std::string& key, const char* type,
              const std::function<std::optional<std::string>()>& compute);
  // A table, cached as JSON, or an XLSX download with `?format=xlsx`.
  void CachedTable(Call& c, const std::string& key,
                   const std::function<std::optional<report::Table>()>& compute);

  // Sessions (hashes kept in the workspace).
  struct NewSession {
    std::string token;
    std::string csrf;
  };
  std::expected<NewSession, Error> CreateSession(const std::string& username);
  std::optional<std::pair<Session, std::string>> FindSession(
      const std::string& token);  // +csrf hash
  std::expected<void, Error> EndSession(const std::string& token_hash);
  std::expected<int, Error> EndOtherSessions(const std::string& username,
                                             const std::string& keep_hash);

  LoginThrottle& throttle() { return throttle_; }
  JobRunner& jobs() { return *jobs_; }
  ResponseCache& cache() { return cache_; }
  // argon2id takes 64 MB and a core per check: at most two at once.
  std::counting_semaphore<2>& password_checks() { return password_checks_; }

 private:
  // A connection taken from the pool for the lifetime of the lease.
  struct Lease {
    explicit Lease(ServerContext& ctx);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ServerContext& ctx;
    store::Workspace* ws;
  };
  std::mutex pool_mutex_;
  std::condition_variable pool_free_;
  std::vector<std::unique_ptr<store::Workspace>> pool_;  // every connection opened
  std::vector<store::Workspace*> idle_;                  // those no request holds
  std::size_t pool_max_ = 1;
  std::size_t opening_ = 0;  // connections being opened
  store::Workspace::Period period_;
  ServerOptions options_;
  std::atomic<uint64_t> generation_{0};
  std::mutex compute_mutex_;
  ResponseCache cache_;
  LoginThrottle throttle_;
  std::counting_semaphore<2> password_checks_{2};
  std::mutex publish_mutex_;
  std::function<void(const std::string&)> publish_;
  std::unique_ptr<JobRunner> jobs_;  // last: its workers stop before the rest goes
};

// Responses.
constexpr const char* kJsonType = "application/json; charset=utf-8";
constexpr const char* kGeoJsonType = "application/geo+json";
constexpr const char* kFhirJsonType = "application/fhir+json; charset=utf-8";
constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// JSON text; invalid UTF-8 (never stored, but older workspaces may hold it) is replaced.
std::string Dump(const Json& body);
void SendJson(Call& c, const Json& body, int status = 200);
// {"error": {code, message, field?}} with the message's HTTP status (or `status`).
HttpResponse ErrorResponse(Lang lang, Msg msg, const std::vector<std::string>& args,
                           const Json& extra = Json::object(), int status = 0);
void SendError(Call& c, Msg msg, const std::vector<std::string>& args,
               const Json& extra = Json::object());
// The same refusal as a FHIR OperationOutcome (the /fhir/ routes), its issue code from the status.
HttpResponse OperationOutcomeResponse(Lang lang, Msg msg, const std::vector<std::string>& args,
                                      int status = 0);
// An Error from `app`: its own code and message, with the message's status.
void SendFailure(Call& c, const Error& e);
void SendDownload(Call& c, std::string body, const std::string& filename);
// A table as JSON, or an XLSX download with `?format=xlsx`.
void SendTable(Call& c, const report::Table& t);
// The request body as a JSON object; std::nullopt after a 400. An empty body is {}.
std::optional<Json> BodyObject(Call& c);

// Optimistic concurrency (docs/http.md): a GET answers with the version of what it shows as its
// ETag ("16 hex digits"); a write sends it back in If-Match and is refused with 409 when the
// thing changed in between. IfMatch: the version sent, empty when none (or "*"); nullopt, after
// answering 400, when it is malformed.
std::optional<std::string> IfMatch(Call& c);
void SetETag(Call& c, const std::string& version);
// Refuses with the reader's first problem; true when there was one.
bool Refused(Call& c, FieldReader& reader);

// A file that removes itself, for uploads and workbook downloads.
class TempFile {
 public:
  explicit TempFile(const std::string& extension);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  std::string Read() const;

 private:
  std::string path_;
};

}  // namespace jangkau::server
