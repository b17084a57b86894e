// Background jobs of the web application (access runs, scenario comparisons, siting): a fixed
// pool of workers (at most as many jobs run as the machine has cores), a bounded queue (a job
// past it is refused, and the API answers 429), one record per job with its owner, progress
// and result. Finished records are kept for `keep` and at most `max_finished` of them; their
// results are freed with them. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/lang.h"

namespace jangkau::server {

class JobRunner {
 public:
  struct Options {
    int workers = 2;  // jobs running at once (the server passes the core count)
    int queue = 8;    // jobs waiting; more are refused
    std::chrono::minutes keep{30};
    std::size_t max_finished = 64;
  };
  // Progress of a job: step of steps and what it does now.
  using Progress = std::function<void(int step, int of, const std::string& what)>;
  using Work = std::function<std::expected<nlohmann::json, Error>(const Progress&)>;

  JobRunner(Options options, std::function<void()> on_finished);
  ~JobRunner();  // finishes the running jobs, drops the queued ones
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Queues `work` as a new job of `owner`: its id, or kHttpJobsFull.
  std::expected<std::string, Error> Start(const std::string& kind, const std::string& owner,
                                          Lang lang, Work work);
  // The job as JSON ({id, kind, state, step, of, fraction, message, error?, result?}) when
  // `user` owns it or `admin`.
  std::optional<nlohmann::json> Get(const std::string& id, const std::string& user, bool admin,
                                    Lang lang);
  struct Counts {
    int queued = 0;
    int running = 0;
    int finished = 0;
    int peak_running = 0;  // the most ever running at once
  };
  Counts counts() const;

 private:
  struct Job;
  void Loop();
  void Prune();
  Options options_;
  std::function<void()> on_finished_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::vector<std::thread> threads_;
  int running_ = 0;
  int peak_running_ = 0;
  bool stopping_ = false;
};

}  // namespace jangkau::server
