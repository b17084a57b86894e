#include "server/event_streams.h"

#include <algorithm>
#include <vector>

namespace jangkau::server {

// An open stream: bytes not yet sent, and whether its connection is suspended waiting for more.
struct EventStreams::Stream {
  EventStreams* owner = nullptr;
  MHD_Connection* connection = nullptr;
  std::string pending;
  bool waiting = false;
  bool closed = false;
};

EventStreams::EventStreams(int max_streams, std::size_t max_pending)
    : max_streams_(max_streams), max_pending_(max_pending) {}

MHD_Response* EventStreams::Open(MHD_Connection* connection, std::string first, bool refuse) {
  auto* s = new Stream{this, connection, std::move(first), false, false};
  {
    std::lock_guard lock(mutex_);
    if (refuse || static_cast<int>(streams_.size()) >= max_streams_) {
      delete s;
      return nullptr;
    }
    streams_.insert(s);
  }
  MHD_Response* response =
      MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, &Read, s, &Free);
  if (response == nullptr) Free(s);
  return response;
}

// The connections are resumed after the lock is released: a content reader suspends under it.
void EventStreams::Broadcast(const std::string& bytes, bool close) {
  std::vector<MHD_Connection*> wake;
  {
    std::lock_guard lock(mutex_);
    for (Stream* s : streams_) {
      // A client that reads nothing while events pile up is cut off, not buffered forever.
      if (s->pending.size() + bytes.size() > max_pending_) s->closed = true;
      if (!s->closed) s->pending += bytes;
      if (close) s->closed = true;
      if (s->waiting) {
        s->waiting = false;
        wake.push_back(s->connection);
      }
    }
  }
  for (MHD_Connection* c : wake) MHD_resume_connection(c);
}

// libmicrohttpd asks for the next bytes of a stream: what is pending, the end once closed, else
// nothing, suspending the connection until Broadcast resumes it (libmicrohttpd allows
// suspending from a content reader; returning 0 without it would spin).
ssize_t EventStreams::Read(void* cls, uint64_t /*pos*/, char* buf, std::size_t max) {
  auto* s = static_cast<Stream*>(cls);
  std::lock_guard lock(s->owner->mutex_);
  if (!s->pending.empty()) {
    const std::size_t n = std::min(max, s->pending.size());
    std::copy_n(s->pending.data(), n, buf);
    s->pending.erase(0, n);
    return static_cast<ssize_t>(n);
  }
  if (s->closed) return MHD_CONTENT_READER_END_OF_STREAM;
  s->waiting = true;
  MHD_suspend_connection(s->connection);
  return 0;
}

void EventStreams::Free(void* cls) {
  auto* s = static_cast<Stream*>(cls);
  {
    std::lock_guard lock(s->owner->mutex_);
    s->owner->streams_.erase(s);
  }
  delete s;
}

}  // namespace jangkau::server
