// Hostile load for the HTTP benchmark (scripts/bench.sh): holds IDLE connections that send
// nothing and SLOW clients that send a request head one byte a second, from many loopback
// addresses (127.0.1.x, as many clients would), reopening whatever the server closes, until
// killed. Every 5 s prints how many are open.
//
//   hold_connections PORT IDLE SLOW
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view kHead =
    "GET /api/v1/facilities HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\nX-Pad: "
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";

struct Held {
  int fd = -1;
  bool slow = false;
  std::size_t sent = 0;
};

// A non-blocking connection to 127.0.0.1:port from 127.0.1.(1 + index / 200).
int Open(int port, int index) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl((127U << 24) | (1U << 8) | static_cast<unsigned>(1 + index / 200));
  if (bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
    close(fd);
    return -1;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);  // EINPROGRESS
  return fd;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: hold_connections PORT IDLE SLOW\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int idle = std::atoi(argv[2]);
  const int slow = std::atoi(argv[3]);
  std::vector<Held> held(static_cast<std::size_t>(idle + slow));
  for (std::size_t i = 0; i < held.size(); ++i) held[i].slow = static_cast<int>(i) >= idle;
  auto last_tick = std::chrono::steady_clock::now();
  auto last_report = last_tick;
  long reopened = -static_cast<long>(held.size());  // the first opens are not reopens
  for (;;) {
    // Reopen what was closed; notice closes by reading.
    std::vector<pollfd> fds;
    for (std::size_t i = 0; i < held.size(); ++i) {
      if (held[i].fd < 0) {
        held[i].fd = Open(port, static_cast<int>(i));
        held[i].sent = 0;
        ++reopened;
      }
      fds.push_back({held[i].fd, POLLIN, 0});
    }
    poll(fds.data(), fds.size(), 200);
    for (std::size_t i = 0; i < held.size(); ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        char buf[4096];
        if (read(held[i].fd, buf, sizeof buf) <= 0 || held[i].slow) {
          close(held[i].fd);
          held[i].fd = -1;
        }
      }
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - last_tick >= std::chrono::seconds(1)) {
      last_tick = now;
      for (Held& h : held) {
        if (!h.slow || h.fd < 0) continue;
        const char ch = kHead[h.sent % kHead.size()];
        if (send(h.fd, &ch, 1, MSG_NOSIGNAL) == 1) ++h.sent;
      }
    }
    if (now - last_report >= std::chrono::seconds(5)) {
      last_report = now;
      int open = 0;
      for (const Held& h : held) open += h.fd >= 0 ? 1 : 0;
      std::printf("open %d reopened %ld\n", open, reopened);
      std::fflush(stdout);
    }
  }
}
