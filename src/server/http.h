// The HTTP layer of `jangkau serve`, on GNU libmicrohttpd (event-driven: one epoll thread owns
// every socket). A connection costs no worker while it is idle, silent or slow: only a
// complete request (head and body read) is handed to the bounded worker pool, its connection
// suspended meanwhile and resumed with the answer. Limits in total and per address, timeouts
// for the head and the body of a request, and a byte budget for bodies in flight bound what a
// hostile client can hold; why libmicrohttpd is in docs/http.md.
// Thread-safe: the handler runs on several workers at once.
#pragma once

#include <cstddef>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jangkau::server {

struct HttpRequest {
  std::string method;
  std::string path;                                          // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_addr;

  // The first header `name` (lower case) or "" when absent.
  std::string Header(std::string_view name) const;
  // The query parameter `name`, or nullptr when absent.
  const std::string* Param(std::string_view name) const;
};

// A body shared by many responses (a cached answer, a web file): sent without being copied.
using SharedBody = std::shared_ptr<const std::string>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  SharedBody shared_body;  // when set, sent instead of `body`
  std::vector<std::pair<std::string, std::string>> headers;
  // Server-sent events: after `body`, the connection stays open and receives every
  // HttpServer::Publish until the client leaves or the server stops. It costs no worker.
  bool event_stream = false;
};

struct HttpLimits {
  int max_connections = 4000;  // open connections in total; more are refused at accept
  int max_per_address = 300;   // open connections from one address
  int idle_timeout_s = 30;     // a connection with no traffic this long is closed
  int head_timeout_s = 15;     // request line and headers must arrive within this
  int body_timeout_s = 300;    // and the body within this, counted from the end of the head
  std::size_t max_head_bytes = std::size_t{32} << 10;           // request line and headers together
  std::size_t max_body_bytes = std::size_t{32} << 20;           // no route accepts more
  std::size_t bodies_in_flight_bytes = std::size_t{256} << 20;  // all bodies being read
  // A body refused as too large is still read (and dropped, never kept) up to this many bytes
  // before the 413 is sent, so that a client that writes its whole body before reading gets the
  // answer rather than a reset connection (nginx's lingering read). Larger ones are cut off.
  std::size_t max_discard_bytes = std::size_t{64} << 20;
  int max_streams = 256;  // event streams open at once; more are answered 503
  int heartbeat_s = 15;   // a comment line on every stream this often (finds gone clients)
  int workers = 8;        // threads running handlers
  int queue = 256;        // complete requests waiting for a worker; more get 503
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(HttpRequest&)>;
  // The largest body the route of a request accepts (called once its head is read).
  using BodyLimit = std::function<std::size_t(const HttpRequest&)>;
  // An answer the layer gives itself: 413, 503, 400 (malformed); `code` is a message code.
  using Refusal =
      std::function<HttpResponse(const HttpRequest&, int status, std::string_view code)>;

  // Listens on `bind`:`port` (0: any free port). Failure: the reason in English.
  static std::expected<std::unique_ptr<HttpServer>, std::string> Start(
      const std::string& bind, int port, const HttpLimits& limits, Handler handler,
      BodyLimit body_limit, Refusal refusal);
  ~HttpServer();  // stops: waits for running handlers, then closes every connection
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;
  // Sends `bytes` (whole server-sent events) to every open event stream. Thread-safe.
  void Publish(const std::string& bytes);

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jangkau::server
