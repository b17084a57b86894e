// Bounded state of the server that hostile clients could otherwise grow: the login throttle
// and the response cache. Both hold at most a fixed number of entries and bytes. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "server/http.h"

namespace jangkau::server {

// Failed logins counted per (username, address) and per address: either past its limit
// within the window blocks further attempts until the window passes.
class LoginThrottle {
 public:
  struct Options {
    int per_user = 5;      // wrong passwords for one username from one address
    int per_address = 20;  // wrong logins from one address, whatever the usernames
    std::chrono::minutes window{15};
    std::size_t max_entries = 20000;  // beyond: expired entries go, then the oldest
  };
  explicit LoginThrottle(Options options) : options_(options) {}
  bool Blocked(const std::string& username, const std::string& address);
  void Failed(const std::string& username, const std::string& address);
  void Succeeded(const std::string& username, const std::string& address);
  std::size_t size() const;

 private:
  struct Count {
    int failures = 0;
    std::chrono::steady_clock::time_point until{};
  };
  void Bump(const std::string& key, std::chrono::steady_clock::time_point now);
  Options options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Count> counts_;
};

// Response bodies by key, valid for one state of the workspace; least recently used first out
// when past `max_entries` or `max_bytes`.
class ResponseCache {
 public:
  using State = std::pair<uint64_t, int64_t>;  // the server's write generation, data_version
  ResponseCache(std::size_t max_entries, std::size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}
  // The cached body, or nullptr. Bodies are shared, never copied.
  SharedBody Get(const std::string& key, const State& state);
  void Put(const std::string& key, const State& state, SharedBody body);
  std::size_t bytes() const;
  std::size_t size() const;

 private:
  struct Entry {
    std::string key;
    State state;
    SharedBody body;
  };
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::size_t max_entries_;
  std::size_t max_bytes_;
};

}  // namespace jangkau::server
