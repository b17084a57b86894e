// Server-sent event streams on libmicrohttpd (HttpResponse::event_stream): each open stream is a
// response whose content reader hands out the bytes published so far and otherwise suspends
// its connection; Broadcast appends to every stream and resumes the suspended ones. A stream
// costs no thread. Internal to the HTTP layer (http.cc). Thread-safe.
#pragma once

#include <microhttpd.h>

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_set>

namespace jangkau::server {

class EventStreams {
 public:
  // At most `max_streams` open at once; a stream whose client reads nothing is cut off once
  // `max_pending` bytes wait for it.
  EventStreams(int max_streams, std::size_t max_pending);

  // A response for `connection` that sends `first`, then every broadcast; nullptr when
  // `max_streams` are open or `refuse` is true (the server is stopping).
  MHD_Response* Open(MHD_Connection* connection, std::string first, bool refuse);

  // Appends `bytes` to every stream (`close`: and ends them all) and resumes those waiting.
  void Broadcast(const std::string& bytes, bool close);

 private:
  struct Stream;
  static ssize_t Read(void* cls, uint64_t pos, char* buf, std::size_t max);
  static void Free(void* cls);

  int max_streams_;
  std::size_t max_pending_;
  std::mutex mutex_;
  std::unordered_set<Stream*> streams_;
};

}  // namespace jangkau::server
