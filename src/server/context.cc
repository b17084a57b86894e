#include "server/context.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "base/text_util.h"
#include "server/auth.h"
#include "store/db.h"

namespace jangkau::server {
namespace {

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string Call::Param(const char* name, const std::string& fallback) const {
  const std::string* v = req.Param(name);
  return v != nullptr ? *v : fallback;
}

ServerContext::ServerContext(std::unique_ptr<store::Workspace> ws, store::Workspace::Period period,
                             const ServerOptions& options)
    : period_(std::move(period)),
      options_(options),
      cache_(options.cache_entries, options.cache_bytes),
      throttle_(LoginThrottle::Options{options.max_failures, options.max_failures_per_address,
                                       std::chrono::minutes(options.throttle_minutes)}) {
  JobRunner::Options jobs;
  jobs.workers = options.job_workers > 0
                     ? options.job_workers
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs.queue = options.job_queue;
  jobs_ = std::make_unique<JobRunner>(jobs, [this] { Changed(); });
  pool_max_ = options.connections > 0
                  ? static_cast<std::size_t>(options.connections)
                  : (store::IsPostgresUrl(options.workspace) ? std::size_t{4} : std::size_t{1});
  idle_.push_back(ws.get());
  pool_.push_back(std::move(ws));
}

ServerContext::Lease::Lease(ServerContext& c) : ctx(c), ws(nullptr) {
  std::unique_lock lock(ctx.pool_mutex_);
  for (;;) {
    if (!ctx.idle_.empty()) {
      ws = ctx.idle_.back();
      ctx.idle_.pop_back();
      return;
    }
    if (ctx.pool_.size() + ctx.opening_ < ctx.pool_max_) {
      // Opened outside the lock (a connection takes a round trip or more); counted at once so
      // that no other request opens one beyond the limit meanwhile.
      ++ctx.opening_;
      lock.unlock();
      auto opened = store::Workspace::Open(ctx.options_.workspace);
      lock.lock();
      --ctx.opening_;
      if (opened) {
        ctx.pool_.push_back(std::move(*opened));
        ws = ctx.pool_.back().get();
        return;
      }
      // The database refuses more connections: make do with those there are.
      ctx.pool_max_ = ctx.pool_.size() + ctx.opening_;
      continue;
    }
    ctx.pool_free_.wait(lock);
  }
}

ServerContext::Lease::~Lease() {
  {
    std::lock_guard lock(ctx.pool_mutex_);
    ctx.idle_.push_back(ws);
  }
  ctx.pool_free_.notify_one();
}

void ServerContext::Cached(Call& c, const std::string& key, const char* type,
                           const std::function<std::optional<std::string>()>& compute) {
  // A user scoped to a region has answers of her own.
  const std::string full =
      key + "|" + (c.lang == Lang::kEn ? "en" : "id") + "|" + c.session.scope.wilayah();
  auto state = [&] {
    return ResponseCache::State{generation_, Read([](auto& ws) { return ws.DataVersion(); })};
  };
  // The version read with the session serves the first look (one round trip per request).
  const ResponseCache::State seen =
      c.session.data_version ? ResponseCache::State{generation_, *c.session.data_version} : state();
  if (auto hit = cache_.Get(full, seen)) {
    c.res.content_type = type;
    c.res.shared_body = std::move(hit);
    return;
  }
  std::lock_guard computing(compute_mutex_);
  const auto before = state();
  if (auto hit = cache_.Get(full, before)) {
    c.res.content_type = type;
    c.res.shared_body = std::move(hit);
    return;
  }
  std::optional<std::string> body = compute();
  if (!body) return;  // compute sent an error
  c.res.content_type = type;
  c.res.shared_body = std::make_shared<const std::string>(std::move(*body));
  cache_.Put(full, before, c.res.shared_body);
}

void ServerContext::CachedTable(Call& c, const std::string& key,
                                const std::function<std::optional<report::Table>()>& compute) {
  if (c.Param("format") == "xlsx") {
    if (std::optional<report::Table> t = compute()) SendTable(c, *t);
    return;
  }
  Cached(c, key, kJsonType, [&]() -> std::optional<std::string> {
    std::optional<report::Table> t = compute();
    if (!t) return std::nullopt;
    return Dump(report::ToJson(*t));
  });
}

std::expected<ServerContext::NewSession, Error> ServerContext::CreateSession(
    const std::string& username) {
  NewSession s{RandomToken(), RandomToken()};
  const int64_t now = Now();
  auto saved = Read([&](store::Workspace& ws) {
    // Expired rows left by a failed clean-up are ignored by FindSession; the next login retries.
    [[maybe_unused]] const auto cleaned = ws.DeleteExpiredSessions(now);
    return ws.PutSession(HashToken(s.token), username, HashToken(s.csrf),
                         now + int64_t{options_.session_minutes} * 60);
  });
  if (!saved) return std::unexpected(saved.error());
  return s;
}

std::optional<std::pair<Session, std::string>> ServerContext::FindSession(
    const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  const std::string hash = HashToken(token);
  const int64_t now = Now();
  return Read([&](store::Workspace& ws) -> std::optional<std::pair<Session, std::string>> {
    auto s = ws.FindSession(hash, now);
    if (!s) return std::nullopt;
    // Sliding expiry: moved forward at most once a minute, not on every request.
    const int64_t renewed = now + int64_t{options_.session_minutes} * 60;
    if (renewed - s->expires >= 60) {
      // A failed extension only shortens the session to its stored expiry.
      [[maybe_unused]] const auto extended = ws.ExtendSession(hash, renewed);
    }
    Session session{hash, s->username, s->role, s->kode_faskes, {}, s->data_version};
    if (!s->wilayah.empty()) session.scope = app::RegionScope(s->wilayah, ws.Regions(false));
    return std::pair{std::move(session), s->csrf_hash};
  });
}

std::expected<void, Error> ServerContext::EndSession(const std::string& token_hash) {
  return Read([&](store::Workspace& ws) { return ws.DeleteSession(token_hash); });
}

std::expected<int, Error> ServerContext::EndOtherSessions(const std::string& username,
                                                          const std::string& keep_hash) {
  return Read([&](store::Workspace& ws) { return ws.DeleteUserSessions(username, keep_hash); });
}

std::string Dump(const Json& body) {
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void SendJson(Call& c, const Json& body, int status) {
  c.res.status = status;
  c.res.content_type = kJsonType;
  c.res.body = Dump(body);
}

HttpResponse ErrorResponse(Lang lang, Msg msg, const std::vector<std::string>& args,
                           const Json& extra, int status) {
  Json error = {{"code", std::string(MsgCode(msg))}, {"message", Tr(lang, msg, args)}};
  for (const auto& [k, v] : extra.items()) error[k] = v;
  HttpResponse res;
  res.status = status != 0 ? status : MsgStatus(msg);
  if (res.status < 400) res.status = 500;
  res.body = Dump(Json{{"error", error}});
  return res;
}

HttpResponse OperationOutcomeResponse(Lang lang, Msg msg, const std::vector<std::string>& args,
                                      int status) {
  HttpResponse res;
  res.status = status != 0 ? status : MsgStatus(msg);
  if (res.status < 400) res.status = 500;
  const char* code = res.status == 400   ? "invalid"
                     : res.status == 401 ? "login"
                     : res.status == 403 ? "forbidden"
                     : res.status == 404 ? "not-found"
                     : res.status == 405 ? "not-supported"
                     : res.status == 413 ? "too-costly"
                     : res.status == 422 ? "processing"
                                         : "exception";
  const Json issue = {{"severity", "error"},
                      {"code", code},
                      {"details", {{"text", Tr(lang, msg, args)}}},
                      {"diagnostics", std::string(MsgCode(msg))}};
  res.content_type = kFhirJsonType;
  res.body = Dump(Json{{"resourceType", "OperationOutcome"}, {"issue", Json::array({issue})}});
  return res;
}

void SendError(Call& c, Msg msg, const std::vector<std::string>& args, const Json& extra) {
  c.res = ErrorResponse(c.lang, msg, args, extra);
}

void SendFailure(Call& c, const Error& e) {
  HttpResponse res = ErrorResponse(c.lang, e.msg, e.args);
  // Field problems carry the field's name for the form.
  if (e.msg == Msg::kHttpFieldType || e.msg == Msg::kHttpFieldRange ||
      e.msg == Msg::kHttpFieldRequired || e.msg == Msg::kHttpFieldChoice ||
      e.msg == Msg::kHttpFieldUnknown || e.msg == Msg::kHttpFieldTooLong ||
      e.msg == Msg::kHttpFieldTooMany) {
    Json body = Json::parse(res.body);
    body["error"]["field"] = e.args.empty() ? "" : e.args.front();
    res.body = Dump(body);
  }
  c.res = std::move(res);
}

void SendDownload(Call& c, std::string body, const std::string& filename) {
  c.res.status = 200;
  c.res.content_type = kXlsxType;
  c.res.body = std::move(body);
  c.res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
}

void SendTable(Call& c, const report::Table& t) {
  if (c.Param("format") != "xlsx") return SendJson(c, report::ToJson(t));
  TempFile file(".xlsx");
  if (auto w = report::WriteXlsxFile(t, file.path()); !w) return SendFailure(c, w.error());
  SendDownload(c, file.Read(), t.name + ".xlsx");
}

std::optional<std::string> IfMatch(Call& c) {
  std::string v = c.req.Header("if-match");
  if (v.empty() || v == "*") return std::string();
  const std::string sent = v;
  if (v.starts_with("W/")) v.erase(0, 2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  const bool hex = v.size() == 16 && std::ranges::all_of(v, [](char ch) {
                     return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
                   });
  if (!hex) {
    SendError(c, Msg::kHttpBadParam, {"If-Match", Utf8Prefix(sent, 64)});
    return std::nullopt;
  }
  return v;
}

void SetETag(Call& c, const std::string& version) {
  if (!version.empty()) c.res.headers.emplace_back("ETag", "\"" + version + "\"");
}

std::optional<Json> BodyObject(Call& c) {
  auto body = ParseJson(c.req.body.empty() ? std::string_view("{}") : c.req.body);
  if (!body) {
    SendFailure(c, body.error());
    return std::nullopt;
  }
  if (!body->is_object()) {
    SendError(c, Msg::kHttpFieldType, {"(isi / body)", "object"});
    return std::nullopt;
  }
  return std::move(*body);
}

bool Refused(Call& c, FieldReader& reader) {
  if (auto e = reader.Finish()) {
    SendFailure(c, *e);
    return true;
  }
  return false;
}

TempFile::TempFile(const std::string& extension) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "jangkau-XXXXXX").string() + extension;
  const int fd = mkstemps(pattern.data(), static_cast<int>(extension.size()));
  if (fd >= 0) {
    close(fd);
    path_ = pattern;
  }
}

TempFile::~TempFile() {
  if (!path_.empty()) std::filesystem::remove(path_);
}

std::string TempFile::Read() const {
  std::ifstream in(path_, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace jangkau::server
