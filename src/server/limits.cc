#include "server/limits.h"

#include <algorithm>

namespace jangkau::server {

namespace {
using Clock = std::chrono::steady_clock;
}

bool LoginThrottle::Blocked(const std::string& username, const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  auto over = [&](const std::string& key, int limit) {
    auto it = counts_.find(key);
    return it != counts_.end() && now < it->second.until && it->second.failures >= limit;
  };
  return over("u|" + username + "|" + address, options_.per_user) ||
         over("a|" + address, options_.per_address);
}

void LoginThrottle::Bump(const std::string& key, Clock::time_point now) {
  if (!counts_.contains(key) && counts_.size() >= options_.max_entries) {
    std::erase_if(counts_, [&](const auto& kv) { return kv.second.until <= now; });
    if (counts_.size() >= options_.max_entries) {
      auto oldest = std::ranges::min_element(
          counts_, [](const auto& a, const auto& b) { return a.second.until < b.second.until; });
      counts_.erase(oldest);
    }
  }
  Count& c = counts_[key];
  if (now >= c.until) c.failures = 0;
  ++c.failures;
  c.until = now + options_.window;
}

void LoginThrottle::Failed(const std::string& username, const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  Bump("u|" + username + "|" + address, now);
  Bump("a|" + address, now);
}

void LoginThrottle::Succeeded(const std::string& username, const std::string& address) {
  std::lock_guard lock(mutex_);
  counts_.erase("u|" + username + "|" + address);
}

std::size_t LoginThrottle::size() const {
  std::lock_guard lock(mutex_);
  return counts_.size();
}

SharedBody ResponseCache::Get(const std::string& key, const State& state) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end() || it->second->state != state) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->body;
}

void ResponseCache::Put(const std::string& key, const State& state, SharedBody body) {
  std::lock_guard lock(mutex_);
  if (body == nullptr || body->size() > max_bytes_) return;
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->body->size();
    order_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += body->size();
  order_.push_front({key, state, std::move(body)});
  index_[key] = order_.begin();
  while (!order_.empty() && (order_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= order_.back().body->size();
    index_.erase(order_.back().key);
    order_.pop_back();
  }
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

}  // namespace jangkau::server
