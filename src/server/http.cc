#include "server/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "server/event_streams.h"

namespace jangkau::server {

std::string HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

const std::string* HttpRequest::Param(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return &v;
  }
  return nullptr;
}

namespace {

using Clock = std::chrono::steady_clock;

// One request in progress on a connection (MHD's per-request context).
struct Exchange {
  // kDiscarding: refused, the rest of the body is read and dropped before the answer is sent.
  enum class State { kReading, kDiscarding, kRefused, kQueued, kAnswered };
  State state = State::kReading;
  HttpRequest request;
  HttpResponse response;
  std::size_t body_limit = 0;
  bool counted = false;  // holds bytes of the in-flight budget
  std::size_t reserved = 0;
  std::size_t discarded = 0;
};

// What the watchdog knows of a connection: its socket and since when it has waited for the
// head or the body of a request. `busy`: a worker has the request (no deadline).
struct Watch {
  int fd = -1;
  enum class Phase { kHead, kBody, kBusy } phase = Phase::kHead;
  Clock::time_point since = Clock::now();
};

}  // namespace

struct HttpServer::Impl {
  HttpLimits limits;
  Handler handler;
  BodyLimit body_limit;
  Refusal refusal;
  MHD_Daemon* daemon = nullptr;
  int listen_fd = -1;
  int port = 0;

  // Workers.
  std::mutex queue_mutex;
  std::condition_variable queue_cv;
  std::deque<std::pair<MHD_Connection*, Exchange*>> queue;
  std::vector<std::thread> workers;
  std::atomic<bool> stopping{false};

  // Bytes of bodies being read, against limits.bodies_in_flight_bytes.
  std::atomic<std::size_t> in_flight{0};

  // Watchdog.
  std::mutex watch_mutex;
  std::unordered_map<MHD_Connection*, Watch> watches;
  std::thread watchdog;
  std::condition_variable watch_cv;

  // Event streams (HttpResponse::event_stream), and their heartbeat.
  std::unique_ptr<EventStreams> streams;
  std::thread heartbeat;
  std::condition_variable heartbeat_cv;

  void Broadcast(const std::string& bytes, bool close) { streams->Broadcast(bytes, close); }

  // `stopping` is set under queue_mutex: waiting on it here cannot miss the wake-up.
  void HeartbeatLoop() {
    std::unique_lock lock(queue_mutex);
    while (!stopping) {
      heartbeat_cv.wait_for(lock, std::chrono::seconds(std::max(1, limits.heartbeat_s)),
                            [&] { return stopping.load(); });
      if (stopping) break;
      lock.unlock();
      Broadcast(": -\n\n", false);
      lock.lock();
    }
  }

  void SetPhase(MHD_Connection* c, Watch::Phase phase) {
    std::lock_guard lock(watch_mutex);
    auto it = watches.find(c);
    if (it == watches.end()) return;
    it->second.phase = phase;
    it->second.since = Clock::now();
  }

  void WorkerLoop() {
    for (;;) {
      std::pair<MHD_Connection*, Exchange*> item;
      {
        std::unique_lock lock(queue_mutex);
        queue_cv.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty()) return;
        item = queue.front();
        queue.pop_front();
      }
      auto [connection, ex] = item;
      try {
        ex->response = handler(ex->request);
      } catch (...) {
        ex->response = refusal(ex->request, 500, "internal");
      }
      // The body is no longer needed: give its memory and budget back now.
      std::string().swap(ex->request.body);
      Release(*ex);
      ex->state = Exchange::State::kAnswered;
      MHD_resume_connection(connection);
    }
  }

  void WatchdogLoop() {
    std::unique_lock lock(watch_mutex);
    while (!stopping) {
      watch_cv.wait_for(lock, std::chrono::milliseconds(500));
      const auto now = Clock::now();
      for (auto& [c, w] : watches) {
        const auto limit = w.phase == Watch::Phase::kHead   ? limits.head_timeout_s
                           : w.phase == Watch::Phase::kBody ? limits.body_timeout_s
                                                            : 0;
        if (limit > 0 && now - w.since > std::chrono::seconds(limit) && w.fd >= 0) {
          // The socket stays open until libmicrohttpd closes it (after the CLOSED notice,
          // which takes this lock), so the descriptor cannot have been reused.
          ::shutdown(w.fd, SHUT_RDWR);
          w.fd = -1;
        }
      }
    }
  }

  void Release(Exchange& ex) {
    if (ex.counted) {
      in_flight -= ex.reserved;
      ex.counted = false;
      ex.reserved = 0;
    }
  }

  // Queues `response` with the status and headers of `r`, then drops this reference to it.
  static MHD_Result Send(MHD_Connection* connection, MHD_Response* response,
                         const HttpResponse& r) {
    MHD_add_response_header(response, "Content-Type", r.content_type.c_str());
    for (const auto& [k, v] : r.headers) MHD_add_response_header(response, k.c_str(), v.c_str());
    const MHD_Result ok = MHD_queue_response(connection, static_cast<unsigned>(r.status), response);
    MHD_destroy_response(response);
    return ok;
  }

  // Hands the response to the library: its body moves into a shared buffer that the library
  // releases once sent, so no body is copied here.
  MHD_Result Queue(MHD_Connection* connection, HttpResponse& r) {
    if (r.event_stream) return QueueStream(connection, r);
    auto* body = new SharedBody(r.shared_body != nullptr
                                    ? std::move(r.shared_body)
                                    : std::make_shared<const std::string>(std::move(r.body)));
    MHD_Response* response = MHD_create_response_from_buffer_with_free_callback_cls(
        (*body)->size(), const_cast<char*>((*body)->data()),
        [](void* cls) { delete static_cast<SharedBody*>(cls); }, body);
    if (response == nullptr) {
      delete body;
      return MHD_NO;
    }
    return Send(connection, response, r);
  }

  MHD_Result QueueStream(MHD_Connection* connection, HttpResponse& r) {
    MHD_Response* response = streams->Open(connection, std::move(r.body), stopping);
    if (response == nullptr) {
      HttpResponse busy = refusal(HttpRequest{}, 503, "busy");
      return Queue(connection, busy);
    }
    return Send(connection, response, r);
  }

  MHD_Result Refuse(MHD_Connection* connection, Exchange& ex, int status, std::string_view code) {
    Release(ex);
    ex.state = Exchange::State::kRefused;
    ex.response = refusal(ex.request, status, code);
    return Queue(connection, ex.response);
  }

  // A body too large: drop what has been read and read the rest without keeping it, then answer
  // 413 (see HttpLimits::max_discard_bytes).
  void Discard(Exchange& ex) {
    Release(ex);
    ex.request.body = std::string();
    ex.state = Exchange::State::kDiscarding;
    ex.response = refusal(ex.request, 413, "too_large");
  }

  static MHD_Result CollectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto* req = static_cast<HttpRequest*>(cls);
    std::string name = key != nullptr ? key : "";
    std::ranges::transform(name, name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    req->headers.emplace_back(std::move(name), value != nullptr ? value : "");
    return MHD_YES;
  }
  static MHD_Result CollectArg(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto* req = static_cast<HttpRequest*>(cls);
    req->query.emplace_back(key != nullptr ? key : "", value != nullptr ? value : "");
    return MHD_YES;
  }

  MHD_Result Access(MHD_Connection* connection, const char* url, const char* method,
                    const char* upload_data, std::size_t* upload_size, void** context) {
    auto* ex = static_cast<Exchange*>(*context);
    if (ex == nullptr) {
      // The head is read: a new request.
      ex = new Exchange;
      *context = ex;
      ex->request.method = method != nullptr ? method : "";
      ex->request.path = url != nullptr ? url : "";
      MHD_get_connection_values(connection, MHD_HEADER_KIND, &CollectHeader, &ex->request);
      MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &CollectArg, &ex->request);
      if (const auto* info =
              MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
          info != nullptr && info->client_addr != nullptr) {
        char text[INET6_ADDRSTRLEN] = {};
        const sockaddr* sa = info->client_addr;
        if (sa->sa_family == AF_INET) {
          inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, text,
                    sizeof text);
        } else if (sa->sa_family == AF_INET6) {
          inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, text,
                    sizeof text);
        }
        ex->request.remote_addr = text;
      }
      SetPhase(connection, Watch::Phase::kBody);
      ex->body_limit = std::min(body_limit(ex->request), limits.max_body_bytes);
      const std::string length = ex->request.Header("content-length");
      std::size_t declared = 0;
      if (!length.empty()) {
        if (length.size() > 15 ||
            !std::ranges::all_of(length, [](unsigned char ch) { return std::isdigit(ch) != 0; })) {
          return Refuse(connection, *ex, 400, "bad_request");
        }
        declared = std::stoull(length);
        if (declared > ex->body_limit) {
          if (declared > limits.max_discard_bytes) {
            return Refuse(connection, *ex, 413, "too_large");
          }
          Discard(*ex);
          return MHD_YES;
        }
      }
      // Reserve the declared body (or the route's limit for a chunked one) in the budget.
      const std::size_t reserve = length.empty() ? ex->body_limit : declared;
      if (in_flight.fetch_add(reserve) + reserve > limits.bodies_in_flight_bytes) {
        in_flight -= reserve;
        return Refuse(connection, *ex, 503, "busy");
      }
      ex->counted = true;
      ex->reserved = reserve;
      if (declared > 0) ex->request.body.reserve(declared);
      return MHD_YES;
    }
    switch (ex->state) {
      case Exchange::State::kRefused:
        *upload_size = 0;  // the rest of a refused body is dropped
        return MHD_YES;
      case Exchange::State::kDiscarding:
        if (*upload_size == 0) return Queue(connection, ex->response);  // the body has ended
        ex->discarded += *upload_size;
        *upload_size = 0;
        if (ex->discarded > limits.max_discard_bytes) {
          ex->state = Exchange::State::kRefused;
          return Queue(connection, ex->response);
        }
        return MHD_YES;
      case Exchange::State::kQueued:
        return MHD_YES;  // not reached: the connection is suspended meanwhile
      case Exchange::State::kAnswered:
        return Queue(connection, ex->response);
      case Exchange::State::kReading:
        break;
    }
    if (*upload_size > 0) {
      if (ex->request.body.size() + *upload_size > ex->body_limit) {
        // A chunked body past its limit: the rest is read and dropped, then refused.
        Discard(*ex);
        ex->discarded = *upload_size;
        *upload_size = 0;
        return MHD_YES;
      }
      ex->request.body.append(upload_data, *upload_size);
      *upload_size = 0;
      return MHD_YES;
    }
    // The whole request is here: to a worker.
    {
      std::lock_guard lock(queue_mutex);
      if (static_cast<int>(queue.size()) >= limits.queue || stopping) {
        return Refuse(connection, *ex, 503, "busy");
      }
      SetPhase(connection, Watch::Phase::kBusy);
      ex->state = Exchange::State::kQueued;
      MHD_suspend_connection(connection);
      queue.emplace_back(connection, ex);
    }
    queue_cv.notify_one();
    return MHD_YES;
  }

  void Completed(MHD_Connection* connection, void** context) {
    auto* ex = static_cast<Exchange*>(*context);
    if (ex != nullptr) {
      Release(*ex);
      delete ex;
      *context = nullptr;
    }
    SetPhase(connection, Watch::Phase::kHead);  // keep-alive: waiting for the next head
  }

  void Connection(MHD_Connection* connection, MHD_ConnectionNotificationCode code) {
    std::lock_guard lock(watch_mutex);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      Watch w;
      if (const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
          info != nullptr) {
        w.fd = info->connect_fd;
      }
      watches[connection] = w;
    } else {
      watches.erase(connection);
    }
  }
};

namespace {

MHD_Result OnAccess(void* cls, MHD_Connection* connection, const char* url, const char* method,
                    const char* /*version*/, const char* upload_data, std::size_t* upload_size,
                    void** context) {
  return static_cast<HttpServer::Impl*>(cls)->Access(connection, url, method, upload_data,
                                                     upload_size, context);
}

void OnCompleted(void* cls, MHD_Connection* connection, void** context,
                 MHD_RequestTerminationCode /*why*/) {
  static_cast<HttpServer::Impl*>(cls)->Completed(connection, context);
}

void OnConnection(void* cls, MHD_Connection* connection, void** /*socket_context*/,
                  MHD_ConnectionNotificationCode code) {
  static_cast<HttpServer::Impl*>(cls)->Connection(connection, code);
}

void Quiet(void* /*cls*/, const char* /*format*/, va_list /*ap*/) {}

// A listening socket on bind:port with the widest backlog.
std::expected<int, std::string> Listen(const std::string& bind, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(bind.c_str(), service.c_str(), &hints, &found) != 0 || found == nullptr) {
    return std::unexpected("not a numeric address: " + bind);
  }
  const int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    freeaddrinfo(found);
    return std::unexpected("socket()");
  }
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  const bool ok =
      ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0;
  freeaddrinfo(found);
  if (!ok) {
    ::close(fd);
    return std::unexpected(bind + ":" + service + " cannot be bound");
  }
  return fd;
}

}  // namespace

std::expected<std::unique_ptr<HttpServer>, std::string> HttpServer::Start(
    const std::string& bind, int port, const HttpLimits& limits, Handler handler,
    BodyLimit body_limit, Refusal refusal) {
  auto fd = Listen(bind, port);
  if (!fd) return std::unexpected(fd.error());
  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->handler = std::move(handler);
  impl->body_limit = std::move(body_limit);
  impl->refusal = std::move(refusal);
  impl->streams = std::make_unique<EventStreams>(limits.max_streams, std::size_t{1} << 20);
  impl->listen_fd = *fd;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  getsockname(*fd, reinterpret_cast<sockaddr*>(&addr), &len);
  impl->port = ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port
                                                : reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  Impl* raw = impl.get();
  for (int i = 0; i < std::max(1, limits.workers); ++i) {
    raw->workers.emplace_back([raw] { raw->WorkerLoop(); });
  }
  raw->watchdog = std::thread([raw] { raw->WatchdogLoop(); });
  raw->heartbeat = std::thread([raw] { raw->HeartbeatLoop(); });
  raw->daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
          MHD_USE_ERROR_LOG,
      0, nullptr, nullptr, &OnAccess, raw, MHD_OPTION_EXTERNAL_LOGGER, &Quiet, nullptr,
      MHD_OPTION_LISTEN_SOCKET, *fd, MHD_OPTION_CONNECTION_LIMIT,
      static_cast<unsigned>(limits.max_connections), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
      static_cast<unsigned>(limits.max_per_address), MHD_OPTION_CONNECTION_TIMEOUT,
      static_cast<unsigned>(limits.idle_timeout_s), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      limits.max_head_bytes, MHD_OPTION_NOTIFY_COMPLETED, &OnCompleted, raw,
      MHD_OPTION_NOTIFY_CONNECTION, &OnConnection, raw, MHD_OPTION_END);
  auto server = std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
  if (raw->daemon == nullptr) return std::unexpected("libmicrohttpd could not start");
  raw->listen_fd = -1;  // libmicrohttpd owns and closes it from now on
  return server;
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  {
    std::lock_guard lock(impl_->queue_mutex);
    impl_->stopping = true;
  }
  impl_->queue_cv.notify_all();
  // Requests already queued are answered: their connections are suspended and must be resumed
  // before the daemon may stop.
  for (auto& t : impl_->workers) t.join();
  impl_->watch_cv.notify_all();
  impl_->watchdog.join();
  impl_->heartbeat_cv.notify_all();
  impl_->heartbeat.join();
  // Suspended connections must be resumed before the daemon stops: every stream ends.
  impl_->Broadcast("", true);
  if (impl_->daemon != nullptr) MHD_stop_daemon(impl_->daemon);
  if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
}

int HttpServer::port() const { return impl_->port; }

void HttpServer::Publish(const std::string& bytes) { impl_->Broadcast(bytes, false); }

}  // namespace jangkau::server
